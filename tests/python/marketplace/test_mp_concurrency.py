"""SPEC §10: at most one upstream request per (URL, TTL) across any number of concurrent callers."""

from __future__ import annotations

import json
import threading
import urllib.request
from typing import Any

from tests.fakemarket import FakeMarketplace

N = 50


def _parallel_get(url: str) -> list[tuple[int, dict[str, Any]]]:
    barrier = threading.Barrier(N)
    results: list[tuple[int, dict[str, Any]]] = []
    lock = threading.Lock()

    def worker() -> None:
        barrier.wait()
        request = urllib.request.Request(url, headers={"X-Mpcheck-Client": "mpcheck-tests"})
        with urllib.request.urlopen(request, timeout=30) as resp:
            item = (resp.status, json.loads(resp.read()))
        with lock:
            results.append(item)

    threads = [threading.Thread(target=worker) for _ in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_fifty_parallel_requests_make_one_upstream_request(
    live_server: str, fake_market: FakeMarketplace
) -> None:
    fake_market.set_fault("/solutions/nordlab.smartseo/", "slow", delay=0.3)  # keep every caller in flight
    results = _parallel_get(f"{live_server}/api/v1/solutions/nordlab.smartseo")
    assert len(results) == N and {status for status, _ in results} == {200}
    assert {body["facts"]["code"] for _, body in results} == {"nordlab.smartseo"}
    assert fake_market.stats.snapshot()["paths"]["/solutions/nordlab.smartseo/"] == 1


def test_fifty_parallel_reports_read_each_page_once(live_server: str, fake_market: FakeMarketplace) -> None:
    fake_market.set_fault("*", "slow", delay=0.2)
    results = _parallel_get(f"{live_server}/api/v1/solutions/nordlab.smartseo/report?today=2026-11-27")
    assert {status for status, _ in results} == {200}
    paths = fake_market.stats.snapshot()["paths"]
    assert all(count == 1 for count in paths.values()), paths
    assert {"/solutions/nordlab.smartseo/", "/partners/detail.php?ID=731204", "/partners/"} <= set(paths)
