"""Backend memory under a bounded local load with the caches filling (SPEC §10: bounded, flat over 10 min).

A live API server process (the real app, `bench/_server.py`) is pointed at a fake Marketplace that
serves 10 000 distinct synthetic solutions (`bench/_synthetic_market.py`), with no politeness delay.
`--concurrency` client threads cycle GET /solutions/<code>/report over the codes (every request a cold
read until the codes wrap) with a POST /score every 5th request. The server's RSS (VmRSS in
/proc/<pid>/status) is sampled every few seconds; the run prints start / max / end RSS, the slope over
the last half, and the cache sizes against their configured bounds from /health.

usage: .venv/bin/python bench/memory_soak.py [--minutes 10] [--quick] [--concurrency 4]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(REPO), str(BENCH)]

from _server import ServerProcess  # noqa: E402
from _synthetic_market import SyntheticMarketplace, synthetic_code  # noqa: E402

FACTS = REPO / "tests" / "fixtures" / "marketplace" / "expected" / "solution_module_paid_demo14_active.json"
CODES = 10_000
# "Flat": the last half's trend, projected over that half, adds less than this share of the RSS.
FLAT_SHARE = 0.03
# One quick minute reaches ~800 codes: smaller bounds so the plateau is still visible.
QUICK_BOUNDS = {"MARKETPLACE_CACHE_SIZE": 64, "MARKETPLACE_STALE_SIZE": 256}


def rss_mb(pid: int) -> float:
    """Resident set size of a process in MiB, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


def slope_per_minute(samples: list[tuple[float, float]]) -> float:
    """Least-squares slope (MiB per minute) of (seconds, MiB) samples."""
    if len(samples) < 2:
        return 0.0
    n = len(samples)
    mean_t = sum(t for t, _ in samples) / n
    mean_m = sum(m for _, m in samples) / n
    var = sum((t - mean_t) ** 2 for t, _ in samples)
    cov = sum((t - mean_t) * (m - mean_m) for t, m in samples)
    return cov / var * 60 if var else 0.0


def _load(base: str, deadline: float, counter: itertools.count[int], statuses: Counter[str]) -> None:
    """One client thread: cold reports over the synthetic codes, a /score every 5th request."""
    body = FACTS.read_bytes()
    with httpx.Client(timeout=60, headers={"X-Mpcheck-Client": "mpcheck-bench"}) as client:
        while time.monotonic() < deadline:
            n = next(counter)
            try:
                if n % 5 == 4:
                    response = client.post(
                        f"{base}/score?today=2026-11-27",
                        content=body,
                        headers={"Content-Type": "application/json"},
                    )
                else:
                    code = synthetic_code((n - n // 5) % CODES)  # the report requests' own count: no gaps
                    response = client.get(f"{base}/solutions/{code}/report?today=2026-11-27")
                response.json()  # every answer must be JSON, errors included
                statuses[str(response.status_code)] += 1
            except (httpx.HTTPError, json.JSONDecodeError) as exc:
                statuses[type(exc).__name__] += 1


def measure(
    minutes: float = 10.0, interval: float = 5.0, concurrency: int = 4, bounds: dict[str, int] | None = None
) -> dict[str, Any]:
    """Run the soak; return RSS figures (MiB), request counts and the caches at the end.

    `bounds` overrides MARKETPLACE_CACHE_SIZE / MARKETPLACE_STALE_SIZE (the quick run shrinks them so
    that one minute is enough to reach them); None keeps the configured defaults.
    """
    with SyntheticMarketplace() as fake, tempfile.TemporaryDirectory() as tmp:
        config = {
            "MARKETPLACE_URL": fake.base_url,
            "DB_PATH": f"{tmp}/soak.sqlite3",
            "MARKETPLACE_MIN_INTERVAL": 0.0,  # the fake is local: no politeness delay
            "MARKETPLACE_BACKOFF": 0.01,
            **(bounds or {}),
        }
        with ServerProcess(config) as server:
            base = f"{server.base}/api/v1"
            samples: list[tuple[float, float]] = []
            statuses: Counter[str] = Counter()
            counter = itertools.count()
            started = time.monotonic()
            deadline = started + minutes * 60
            threads = [
                threading.Thread(target=_load, args=(base, deadline, counter, statuses), daemon=True)
                for _ in range(concurrency)
            ]
            for thread in threads:
                thread.start()
            while time.monotonic() < deadline:
                samples.append((time.monotonic() - started, rss_mb(server.pid)))
                time.sleep(min(interval, max(0.0, deadline - time.monotonic())))
            for thread in threads:
                thread.join(120)
            samples.append((time.monotonic() - started, rss_mb(server.pid)))
            health = httpx.get(f"{base}/health", timeout=30).json()
    half = samples[len(samples) // 2 :]
    slope = slope_per_minute(half)
    end = samples[-1][1]
    growth = slope * (half[-1][0] - half[0][0]) / 60
    return {
        "minutes": minutes,
        "distinct_codes": min(CODES, sum(statuses.values()) * 4 // 5),
        "start_mb": samples[0][1],
        "max_mb": max(m for _, m in samples),
        "end_mb": end,
        "last_half_slope_mb_per_min": slope,
        "last_half_growth_mb": growth,
        "flat": growth <= FLAT_SHARE * end,
        "requests": sum(statuses.values()),
        "statuses": dict(statuses),
        "upstream_requests": health["marketplace"]["upstream_requests"],
        "caches": health["caches"],
        "store": health.get("store"),
        "samples": samples,
    }


def print_result(r: dict[str, Any]) -> None:
    """Human-readable summary."""
    print(f"memory soak: {r['minutes']:g} min, {r['requests']} requests {r['statuses']}, "
          f"~{r['distinct_codes']} distinct solution codes, {r['upstream_requests']} upstream reads")  # fmt: skip
    step = max(1, len(r["samples"]) // 12)
    print("  t (s)   RSS MiB")
    for t, m in r["samples"][::step]:
        print(f"  {t:6.0f}  {m:8.1f}")
    print(f"  RSS start {r['start_mb']:.1f} / max {r['max_mb']:.1f} / end {r['end_mb']:.1f} MiB; "
          f"last half slope {r['last_half_slope_mb_per_min']:+.2f} MiB/min "
          f"({r['last_half_growth_mb']:+.1f} MiB over the half) -> {'flat' if r['flat'] else 'GROWING'}")  # fmt: skip
    for name, c in r["caches"].items():
        print(f"  cache {name:9} fresh {c['size']}/{c['maxsize']}  stale {c['stale_size']}  "
              f"(hits {c['hits']}, misses {c['misses']}, shared {c['shared']})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--quick", action="store_true", help="1 minute")
    parser.add_argument("--interval", type=float, default=5.0, help="seconds between RSS samples")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    minutes = 1.0 if args.quick else args.minutes
    interval = min(args.interval, 2.0) if args.quick else args.interval
    result = measure(minutes, interval, args.concurrency, QUICK_BOUNDS if args.quick else None)
    print_result(result)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
