"""`mpcheck serve --workers N` throughput (issue 12 point 7): POST /score and a warm
GET /solutions/<code>/report with 1 and 2 gunicorn workers, each against a no-op endpoint on the same
server (same gunicorn settings as `mpcheck serve`, same client, same concurrency); then the
Marketplace politeness interval measured at the fake Marketplace across 2 workers sharing Redis.

Run: .venv/bin/python bench/fleet_bench.py [--requests 1200] [--concurrency 8]
(needs redis-server for the interval part; `make services` installs it).
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing as mp
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(REPO), str(REPO / "backend")]

import httpx  # noqa: E402

from tests.fakemarket import FakeMarketplace  # noqa: E402
from tests.fakemarket.services import free_port, redis_server  # noqa: E402

HEADERS = {"X-Mpcheck-Client": "mpcheck-bench", "Content-Type": "application/json"}
FACTS = REPO / "tests" / "fixtures" / "marketplace" / "expected" / "solution_module_paid_demo14_active.json"
INTERVAL = 0.5


def _serve(port: int, workers: int, env: dict[str, str]) -> None:
    """gunicorn with `mpcheck serve`'s options; the app gets a no-op route as the baseline."""
    import os

    os.environ.update(env)
    from flask import jsonify, request
    from mpcheck.app import create_app
    from mpcheck.cli.commands.serve import ApiServer, options

    class BenchServer(ApiServer):
        def load(self) -> Any:
            app = create_app()

            @app.post("/api/v1/_noop")
            def noop() -> Any:  # same body parse, no rules work
                request.get_json()
                return jsonify({"ok": True})

            return app

    BenchServer(options("127.0.0.1", port, workers)).run()


def start(workers: int, env: dict[str, str]) -> tuple[mp.process.BaseProcess, str]:
    port = free_port()
    proc = mp.get_context("spawn").Process(target=_serve, args=(port, workers, env), daemon=True)
    proc.start()
    base = f"http://127.0.0.1:{port}/api/v1"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{base}/health", timeout=1)
            return proc, base
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("bench server did not start")


def load(method: str, url: str, body: bytes | None, requests: int, concurrency: int) -> dict[str, float]:
    latencies: list[float] = []

    def worker(count: int) -> None:
        with httpx.Client(timeout=30, headers=HEADERS) as client:
            for _ in range(count):
                started = time.perf_counter()
                client.request(method, url, content=body).raise_for_status()
                latencies.append(time.perf_counter() - started)

    began = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(worker, [requests // concurrency] * concurrency))
    elapsed = time.perf_counter() - began
    ordered = sorted(latencies)
    return {
        "rps": len(ordered) / elapsed,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[max(0, int(len(ordered) * 0.99) - 1)] * 1000,
    }


def throughput(fake: FakeMarketplace, workers: int, requests: int, concurrency: int) -> dict[str, Any]:
    facts = FACTS.read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        env = {"MPCHECK_MARKETPLACE_URL": fake.base_url, "MPCHECK_DB": f"{tmp}/b.sqlite3",
               "MPCHECK_MARKETPLACE_MIN_INTERVAL": "0"}  # fmt: skip
        proc, base = start(workers, env)
        try:
            report = f"{base}/solutions/nordlab.smartseo/report?today=2026-11-27"
            load("GET", report, None, 8 * workers, 4 * workers)  # warm every worker's cache
            load("POST", f"{base}/_noop", facts, 200, concurrency)
            return {
                "noop": load("POST", f"{base}/_noop", facts, requests, concurrency),
                "POST /score": load("POST", f"{base}/score?today=2026-11-27", facts, requests, concurrency),
                "GET report (warm)": load("GET", report, None, requests, concurrency),
            }
        finally:
            proc.terminate()
            proc.join(10)


def interval_across_workers(fake: FakeMarketplace) -> dict[str, Any]:
    with redis_server() as redis_url, tempfile.TemporaryDirectory() as tmp:
        env = {"MPCHECK_MARKETPLACE_URL": fake.base_url, "MPCHECK_DB": f"{tmp}/b.sqlite3",
               "MPCHECK_REDIS_URL": redis_url, "MPCHECK_MARKETPLACE_MIN_INTERVAL": str(INTERVAL),
               "MPCHECK_MARKETPLACE_EXTRA_PAGES": "0"}  # fmt: skip
        proc, base = start(2, env)
        try:
            fake.reset()
            codes = [f"clone.bench{i}" for i in range(6)]
            threads = [
                threading.Thread(target=httpx.get, args=(f"{base}/solutions/{c}",), kwargs={"headers": HEADERS, "timeout": 60})
                for c in codes
            ]  # fmt: skip
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        finally:
            proc.terminate()
            proc.join(10)
    starts = sorted(t for t, _ in fake.stats.starts)
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    return {
        "requests": len(starts),
        "interval_s": INTERVAL,
        "min_gap_s": min(gaps),
        "median_gap_s": statistics.median(gaps),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1200)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    results: dict[str, Any] = {}
    with FakeMarketplace() as fake:
        for workers in (1, 2):
            results[f"{workers} worker(s)"] = throughput(fake, workers, args.requests, args.concurrency)
        results["politeness, 2 workers on Redis"] = interval_across_workers(fake)
    for name, rows in results.items():
        print(name)
        if "noop" in rows:
            noop = rows["noop"]["rps"]
            for label, r in rows.items():
                print(f"  {label:20} {r['rps']:8.0f} req/s  p50 {r['p50_ms']:6.1f} ms  p99 {r['p99_ms']:6.1f} ms"
                      f"  {r['rps'] / noop:5.2f}x noop")  # fmt: skip
        else:
            print("  " + json.dumps(rows))
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
