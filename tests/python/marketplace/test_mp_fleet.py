"""`mpcheck serve --workers N` as a team runs it (SPEC §12): gunicorn processes sharing a real Redis
and a real PostgreSQL, driven over HTTP by concurrent clients.

* 4 workers: one upstream read per (URL, TTL), and request starts at the Marketplace one interval
  apart fleet-wide;
* 2 workers under load, one killed with SIGKILL: every observation whose answer reached a client
  is in the database.
"""

from __future__ import annotations

import itertools
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psycopg

from tests.fakemarket import FakeMarketplace
from tests.fakemarket.services import free_port
from tests.python.api.client import CLIENT_HEADERS

REPO = Path(__file__).resolve().parents[3]
INTERVAL = 0.3


@contextmanager
def serve(workers: int, env: dict[str, str]) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`mpcheck serve --workers N` on a free port until /health answers; yields (base URL, master)."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mpcheck.cli.main", "serve", "--port", str(port), "--workers", str(workers)],
        cwd=REPO,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # a killed master takes its workers with it (killpg below)
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            try:
                if (
                    httpx.get(f"{base}/health", timeout=1).status_code == 200
                    and len(children(proc.pid)) == workers
                ):
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "mpcheck serve did not come up"
            time.sleep(0.1)
        yield base, proc
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        if proc.stdout:
            proc.stdout.close()


def children(pid: int) -> list[int]:
    """Pids whose parent is `pid` (the gunicorn workers of a master)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def fleet_env(fake: FakeMarketplace, tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "MPCHECK_MARKETPLACE_URL": fake.base_url,
        "MPCHECK_DB": str(tmp_path / "fleet.sqlite3"),
        "MPCHECK_MARKETPLACE_RETRIES": "0",
        "MPCHECK_MARKETPLACE_EXTRA_PAGES": "0",  # page + feed per solution: fewer paced requests to wait for
        **extra,
    }


def parallel_get(urls: list[str]) -> list[int]:
    statuses: list[int] = [0] * len(urls)
    barrier = threading.Barrier(len(urls))

    def one(i: int) -> None:
        barrier.wait()
        statuses[i] = httpx.get(urls[i], headers=CLIENT_HEADERS, timeout=30).status_code

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(urls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses


def test_four_workers_read_each_url_once_and_keep_one_interval(
    fake_market: FakeMarketplace, redis_url: str, tmp_path: Path
) -> None:
    env = fleet_env(
        fake_market, tmp_path, MPCHECK_REDIS_URL=redis_url, MPCHECK_MARKETPLACE_MIN_INTERVAL=str(INTERVAL)
    )
    with serve(4, env) as (base, _):
        assert parallel_get([f"{base}/solutions/nordlab.smartseo"] * 40) == [200] * 40
        paths = fake_market.stats.snapshot()["paths"]
        assert paths["/solutions/nordlab.smartseo/"] == 1 and set(paths.values()) == {1}

        fake_market.reset()
        codes = [f"clone.pace{i}" for i in range(4)]
        assert parallel_get([f"{base}/solutions/{code}" for code in codes]) == [200] * 4
    starts = sorted(t for t, _ in fake_market.stats.starts)
    assert len(starts) == 8  # page + feed of each of the 4 solutions
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    # 4 workers, yet one request per interval: reserved exactly on Redis, seen here with arrival jitter
    # (per-worker pacing would start the workers' requests together: gaps near 0)
    assert min(gaps) >= INTERVAL * 0.6 and statistics.median(gaps) >= INTERVAL * 0.9, gaps


def test_kill_9_of_a_worker_under_load_loses_no_acknowledged_observation(
    fake_market: FakeMarketplace, redis_url: str, postgres_url: str, tmp_path: Path
) -> None:
    env = fleet_env(
        fake_market,
        tmp_path,
        MPCHECK_REDIS_URL=redis_url,
        MPCHECK_DATABASE_URL=postgres_url,
        MPCHECK_MARKETPLACE_MIN_INTERVAL="0",
        MPCHECK_RATE_LIMIT="off",
    )
    acknowledged: set[str] = set()
    failed = 0

    def wait_until(done: Callable[[], bool], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not done() and time.monotonic() < deadline:
            time.sleep(0.05)

    lock = threading.Lock()
    stop = threading.Event()

    def load(base: str, worker: int) -> None:
        nonlocal failed
        with httpx.Client(headers=CLIENT_HEADERS, timeout=30) as client:
            for i in range(10_000):
                if stop.is_set():
                    return
                code = f"clone.kill{worker}x{i}"
                try:
                    ok = client.get(f"{base}/solutions/{code}").status_code == 200
                except httpx.TransportError:  # the connection died with the worker
                    ok = False
                with lock:
                    if ok:
                        acknowledged.add(code)
                    else:
                        failed += 1

    with serve(2, env) as (base, master):
        threads = [threading.Thread(target=load, args=(base, n)) for n in range(6)]
        for t in threads:
            t.start()
        # Counted, not timed: a loaded machine (CI's 2 cores) acknowledges fewer requests a second,
        # and the test is about what survives the kill, not about throughput.
        wait_until(lambda: len(acknowledged) > 10, timeout=30)
        victim = children(master.pid)[0]
        before = len(acknowledged)
        os.kill(victim, signal.SIGKILL)
        # gunicorn starts a replacement; the load goes on until more is acknowledged after the kill
        wait_until(lambda: len(acknowledged) > before + 10, timeout=30)
        stop.set()
        for t in threads:
            t.join()
        assert victim not in children(master.pid)
    assert before > 10 and len(acknowledged) > before  # load ran before and after the kill
    with psycopg.connect(postgres_url) as conn:
        stored = {row[0] for row in conn.execute("SELECT DISTINCT code FROM observations")}
    assert acknowledged <= stored, sorted(acknowledged - stored)[:5]
    print(f"acknowledged {len(acknowledged)}, failed around the kill {failed}")


def test_without_workers_flag_serve_is_one_process(fake_market: FakeMarketplace, tmp_path: Path) -> None:
    with serve(1, fleet_env(fake_market, tmp_path)) as (base, master):
        assert len(children(master.pid)) == 1
        health = httpx.get(f"{base}/health").json()
        assert health["store"]["backend"] == "sqlite" and health["caches"]["solutions"]["maxsize"] == 512
        # gunicorn frames chunked bodies itself: over the 1 MiB cap is still a 413, not a cut body
        big = b'{"items": [' + b",".join([b'{"name": "' + b"x" * 11_000 + b'"}'] * 100) + b"]}"
        chunks = (big[i : i + 65536] for i in range(0, len(big), 65536))
        headers = {**CLIENT_HEADERS, "Content-Type": "application/json"}
        response = httpx.post(f"{base}/score/batch", content=chunks, headers=headers, timeout=30)
        assert response.status_code == 413 and response.json()["error"] == "request_entity_too_large"
