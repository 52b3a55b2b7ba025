"""POST /score and /score/batch throughput and latency as ratios to a no-op endpoint of the same app.

Same server process, same client, same concurrency, same request body; bounded by request count.
Run: .venv/bin/python bench/score_api.py [--requests 1500] [--concurrency 4]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import ServerProcess

REPO = Path(__file__).resolve().parents[1]
FACTS = REPO / "tests" / "fixtures" / "marketplace" / "expected" / "solution_module_paid_demo14_active.json"


def load(url: str, body: bytes, requests: int, concurrency: int) -> dict[str, float]:
    """Send `requests` POSTs with `concurrency` threads; return throughput and latency percentiles."""
    latencies: list[float] = []
    headers = {"Content-Type": "application/json", "X-Mpcheck-Client": "mpcheck-bench"}

    def worker(count: int) -> None:
        with httpx.Client(timeout=30) as client:
            for _ in range(count):
                start = time.perf_counter()
                response = client.post(url, content=body, headers=headers)
                latencies.append(time.perf_counter() - start)
                response.raise_for_status()

    share = [requests // concurrency] * concurrency
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(worker, share))
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "rps": len(ordered) / elapsed,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[int(len(ordered) * 0.99) - 1] * 1000,
    }


def measure(requests: int = 1500, concurrency: int = 4) -> dict[str, dict[str, float]]:
    """Throughput and p50/p99 of /score, /score/batch (10 items) and the no-op endpoint with each body."""
    if not FACTS.exists():
        raise FileNotFoundError(f"missing {FACTS}")
    facts = json.loads(FACTS.read_text(encoding="utf-8"))
    single = json.dumps(facts).encode()
    batch = json.dumps({"items": [facts] * 10}).encode()
    with ServerProcess() as server:
        base = f"{server.base}/api/v1"
        load(f"{base}/_noop", single, 200, concurrency)  # warm-up
        return {
            "noop (baseline)": load(f"{base}/_noop", single, requests, concurrency),
            "POST /score": load(f"{base}/score?today=2026-11-27", single, requests, concurrency),
            "noop, batch body": load(f"{base}/_noop", batch, requests // 5, concurrency),
            "POST /score/batch (10)": load(
                f"{base}/score/batch?today=2026-11-27", batch, requests // 5, concurrency
            ),
        }


BASELINES = {"POST /score": "noop (baseline)", "POST /score/batch (10)": "noop, batch body"}


def main() -> None:
    """Print one row per endpoint with its ratio to the no-op baseline."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    try:
        rows = measure(args.requests, args.concurrency)
    except FileNotFoundError as exc:
        sys.exit(str(exc))
    print(f"{'endpoint':<24}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>8}")
    for name, row in rows.items():
        base_row = rows.get(BASELINES.get(name, name), row)
        ratio = row["rps"] / base_row["rps"]
        print(f"{name:<24}{row['rps']:>9.0f}{row['p50_ms']:>9.2f}{row['p99_ms']:>9.2f}{ratio:>7.2f}x")
    print(
        f"budget: POST /score >= 0.5x no-op -> {rows['POST /score']['rps'] / rows['noop (baseline)']['rps']:.2f}x"
    )


if __name__ == "__main__":
    main()
