"""Upstream requests per (URL, TTL) under concurrent callers (SPEC §10: at most one).

A live API (werkzeug, threaded) in front of the fake Marketplace, whose pages are made slow so every
caller is in flight at once. `--callers` threads ask for the reports of all fixture solutions at the
same moment (each report reads the solution page, its pager pages, maybe the feed, the partner page
and rating pages); then the TTL runs out and the same burst repeats. The fake counts requests per
URL: the figure is the largest count for one URL within one TTL window.

usage: .venv/bin/python bench/upstream_bench.py [--callers 50] [--windows 2]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mpcheck.app import create_app  # noqa: E402
from mpcheck.marketplace.service import get_service  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from tests.fakemarket import FakeMarketplace  # noqa: E402

TTL = 8.0  # seconds: longer than a burst (so one burst is one window), short enough for a second window


def _burst(base: str, codes: list[str], callers: int) -> list[int]:
    """`callers` threads released together, each asking for every code's report; the statuses."""
    barrier = threading.Barrier(callers)
    statuses: list[int] = []
    lock = threading.Lock()

    def caller(offset: int) -> None:
        barrier.wait()
        with httpx.Client(timeout=60, headers={"X-Mpcheck-Client": "mpcheck-bench"}) as client:
            for i in range(len(codes)):  # each caller starts at another code: keys collide across callers
                code = codes[(i + offset) % len(codes)]
                status = client.get(f"{base}/solutions/{code}/report?today=2026-11-27").status_code
                with lock:
                    statuses.append(status)

    threads = [threading.Thread(target=caller, args=(n,)) for n in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def measure(callers: int = 50, windows: int = 2, delay: float = 0.2) -> dict[str, Any]:
    """Largest number of upstream reads of one URL within one TTL window, over `windows` windows."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with FakeMarketplace() as fake, tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "MARKETPLACE_URL": fake.base_url,
                "DB_PATH": f"{tmp}/upstream.sqlite3",
                "MARKETPLACE_MIN_INTERVAL": 0.0,
                "MARKETPLACE_TTL_SOLUTION": TTL,
                "MARKETPLACE_TTL_PARTNER": TTL,
                "MARKETPLACE_TTL_RATING": TTL,
            }
        )
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}/api/v1"
        codes = sorted(fake.routes.solutions)
        fake.set_fault("*", "slow", delay=delay)  # every caller is waiting while the first read runs
        worst, answers, ok, paths, longest = 0, 0, 0, 0, 0.0
        try:
            for _ in range(windows):
                fake.stats.reset()
                started = time.monotonic()
                statuses = _burst(base, codes, callers)
                took = time.monotonic() - started
                counts = fake.stats.snapshot()["paths"]
                worst = max(worst, *counts.values())
                answers += len(statuses)
                ok += sum(1 for s in statuses if s == 200)
                paths = max(paths, len(counts))
                longest = max(longest, took)
                time.sleep(max(0.0, TTL - took) + 0.5)  # let every entry expire before the next window
        finally:
            fake.clear_faults()
            server.shutdown()
            get_service(app).close()
    return {
        "callers": callers,
        "codes": len(codes),
        "windows": windows,
        "answers": answers,
        "ok": ok,
        "urls": paths,
        "max_per_url_per_ttl": worst,
        # if a burst outlasted the TTL, a second read of a URL inside it would be allowed: say so
        "burst_within_ttl": longest < TTL,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--callers", type=int, default=50)
    parser.add_argument("--windows", type=int, default=2)
    args = parser.parse_args()
    r = measure(args.callers, args.windows)
    print(
        f"{r['callers']} concurrent callers x {r['codes']} solution reports x {r['windows']} TTL windows: "
        f"{r['answers']} answers ({r['ok']} x 200), {r['urls']} distinct upstream URLs"
    )
    print(f"  most upstream reads of one URL within one TTL window: {r['max_per_url_per_ttl']} (budget 1)")
    if not r["burst_within_ttl"]:
        print(f"  note: a burst took longer than the {TTL:g} s TTL; counts may include a legitimate re-read")


if __name__ == "__main__":
    main()
