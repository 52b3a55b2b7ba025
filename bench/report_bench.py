"""GET /api/v1/solutions/<code>/report: cold (fake Marketplace, caches empty) vs warm (cached), over HTTP.

Cold = solution page + partner page + rating page fetched and extracted, then scored; warm = all from
the caches, only scoring. Politeness delays are off (the fake is local), so cold measures our own work
plus loopback HTTP. Printed as medians in ms and the cold/warm ratio (machines are noisy; the ratio
is what to compare). Run: `.venv/bin/python bench/report_bench.py [--rounds 30] [--code nordlab.smartseo]`.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests.fakemarket lives at the repo root

import httpx  # noqa: E402
from mpcheck.app import create_app  # noqa: E402
from mpcheck.marketplace.service import get_service  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from tests.fakemarket import FakeMarketplace  # noqa: E402


def measure(rounds: int = 30, code: str = "nordlab.smartseo") -> dict[str, float]:
    """Median cold and warm latency (ms) of GET /solutions/<code>/report, and upstream reads per cold call."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no per-request lines
    with FakeMarketplace() as fake, tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "MARKETPLACE_URL": fake.base_url,
                "DB_PATH": f"{tmp}/bench.sqlite3",
                "MARKETPLACE_MIN_INTERVAL": 0.0,
            }
        )
        service = get_service(app)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_port}/api/v1/solutions/{code}/report?today=2026-11-27"
        caches = (service.solutions, service.partners.partner_cache, service.partners.rating_cache)
        cold: list[float] = []
        warm: list[float] = []
        upstream = 0
        with httpx.Client(timeout=30, headers={"X-Mpcheck-Client": "mpcheck-bench"}) as client:
            client.get(url).raise_for_status()  # imports, rules load, first connections
            for _ in range(rounds):
                for cache in caches:
                    cache.clear()
                fake.reset()
                started = time.perf_counter()
                client.get(url).raise_for_status()
                cold.append(time.perf_counter() - started)
                upstream = fake.count()
                for _ in range(5):
                    started = time.perf_counter()
                    assert client.get(url).json()["meta"]["cache"] == "hit"
                    warm.append(time.perf_counter() - started)
        server.shutdown()
        service.close()
    return {
        "cold_ms": statistics.median(cold) * 1000,
        "warm_ms": statistics.median(warm) * 1000,
        "upstream_per_cold": upstream,
        "cold_requests": len(cold),
        "warm_requests": len(warm),
    }


def main() -> None:
    """Measure and print cold vs warm report latency."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--code", default="nordlab.smartseo")
    args = parser.parse_args()
    r = measure(args.rounds, args.code)
    print(
        f"GET /solutions/{args.code}/report  ({r['cold_requests']} cold, {r['warm_requests']} warm requests)"
    )
    print(f"  cold (caches empty, {r['upstream_per_cold']} upstream requests): {r['cold_ms']:8.2f} ms median")
    print(f"  warm (all cached, 0 upstream requests):   {r['warm_ms']:8.2f} ms median")
    print(f"  cold / warm ratio: {r['cold_ms'] / r['warm_ms']:.1f}x")


if __name__ == "__main__":
    main()
