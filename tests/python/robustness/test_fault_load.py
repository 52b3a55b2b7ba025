"""The fake Marketplace's fault modes under concurrent load through the live API (issue 6).

Many callers at once while the Marketplace is slow, answers 5xx, truncates its body or hangs up:
every request gets a JSON answer (none lost, none a 500), data served after the TTL ran out is
flagged stale with its age, and the upstream sees one request per key and TTL however many callers.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from mpcheck.app import create_app
from mpcheck.marketplace.service import get_service
from werkzeug.serving import make_server

from tests.fakemarket import FakeMarketplace
from tests.python.api.client import CLIENT_HEADERS

CALLERS = 40
TTL = 1.0
LONG_TTL = 3.0
SEO = "/solutions/nordlab.smartseo/"
# slow: the fake answers after the 0.5 s read timeout; 5xx / truncated / down fail at once, and the
# failure is remembered for the key, so later callers do not read the URL again.
MODES: dict[str, dict[str, Any]] = {
    "slow": {"delay": 0.7},
    "5xx": {},
    "truncated": {},
    "down": {},
}


def serve(config: dict[str, Any], ttl: float) -> Iterator[tuple[Flask, str]]:
    """A live API with TTL `ttl`, no retries (one attempt = one upstream request), a 0.5 s timeout."""
    app = create_app(
        {
            **config,
            "MARKETPLACE_TTL_SOLUTION": ttl,
            "MARKETPLACE_TTL_PARTNER": ttl,
            "MARKETPLACE_TTL_RATING": ttl,
            "MARKETPLACE_RETRIES": 0,
            "MARKETPLACE_READ_TIMEOUT": 0.5,
        }
    )
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{server.server_port}/api/v1"
    server.shutdown()
    server.server_close()
    get_service(app).close()


@pytest.fixture
def live(app_config: dict[str, Any]) -> Iterator[tuple[Flask, str]]:
    """The API with a 1 s TTL (expiry tests)."""
    yield from serve(app_config, TTL)


@pytest.fixture
def live_long_ttl(app_config: dict[str, Any]) -> Iterator[tuple[Flask, str]]:
    """The API with a TTL longer than a whole burst of reports, so one burst is one TTL window."""
    yield from serve(app_config, LONG_TTL)


def get_json(url: str) -> tuple[int, Any]:
    """(status, parsed JSON body) of a GET; urllib because a client per call must be cheap (40 threads)."""
    try:
        request = urllib.request.Request(url, headers=CLIENT_HEADERS)
        with urllib.request.urlopen(request, timeout=30) as response:
            status, body, ctype = response.status, response.read(), response.headers["Content-Type"]
    except urllib.error.HTTPError as exc:
        status, body, ctype = exc.code, exc.read(), exc.headers["Content-Type"]
    assert ctype.startswith("application/json"), (status, ctype)
    return status, json.loads(body)


def burst(url: str, callers: int = CALLERS) -> list[tuple[int, Any]]:
    """`callers` GETs released at the same moment; (status, parsed JSON or None) for each."""
    barrier = threading.Barrier(callers)
    answers: list[tuple[int, Any]] = []
    lock = threading.Lock()

    def call() -> None:
        barrier.wait()
        try:
            item = get_json(url)
        except (OSError, ValueError, AssertionError) as exc:  # a lost or non-JSON answer
            item = (0, repr(exc))
        with lock:
            answers.append(item)

    threads = [threading.Thread(target=call) for _ in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


@pytest.mark.parametrize("mode", sorted(MODES))
def test_cold_outage_every_caller_gets_a_json_error(
    live: tuple[Flask, str], fake_market: FakeMarketplace, mode: str
) -> None:
    _, base = live
    fake_market.set_fault("*", mode, **MODES[mode])
    answers = burst(f"{base}/solutions/nordlab.smartseo/report?today=2026-11-27")
    assert len(answers) == CALLERS
    assert {status for status, _ in answers} <= {502, 504}, answers[:3]
    assert all(isinstance(body, dict) and body["error"] and body["message"] for _, body in answers)


@pytest.mark.parametrize("mode", sorted(MODES))
def test_after_expiry_every_caller_gets_stale_data_flagged(
    live: tuple[Flask, str], fake_market: FakeMarketplace, mode: str
) -> None:
    _, base = live
    url = f"{base}/solutions/nordlab.smartseo"
    fresh = get_json(url)[1]
    assert fresh["meta"]["stale"] is False
    time.sleep(TTL + 0.1)  # the real TTL runs out
    fake_market.set_fault(SEO, mode, **MODES[mode])
    fake_market.stats.reset()
    answers = burst(url)
    assert len(answers) == CALLERS and {status for status, _ in answers} == {200}, answers[:3]
    assert fake_market.stats.snapshot()["paths"] == {SEO: 1}  # one read per key and TTL, outage or not
    for _, body in answers:
        assert body["meta"]["stale"] is True and body["meta"]["cache"] == "stale"
        assert body["meta"]["age_seconds"] >= TTL and body["meta"]["error"]
        assert body["facts"] == fresh["facts"]


def test_concurrent_callers_read_each_url_once_per_ttl(
    live_long_ttl: tuple[Flask, str], fake_market: FakeMarketplace
) -> None:
    _, base = live_long_ttl
    codes = [*sorted(fake_market.routes.solutions)[:3], "no.such"]  # a 404 is an answer, cached too
    fake_market.set_fault("*", "slow", delay=0.05)  # callers pile up behind every first read

    def call(code: str, barrier: threading.Barrier) -> None:
        barrier.wait()
        for _ in range(3):  # and again while the entry is fresh
            get_json(f"{base}/solutions/{code}/report?today=2026-11-27")

    for window in (1, 2):
        fake_market.stats.reset()
        started = time.monotonic()
        barrier = threading.Barrier(len(codes) * 10)
        threads = [threading.Thread(target=call, args=(c, barrier)) for c in codes for _ in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        took = time.monotonic() - started
        paths = fake_market.stats.snapshot()["paths"]
        assert took < LONG_TTL, f"burst outlasted the TTL ({took:.1f} s): the count would be meaningless"
        assert paths and all(n == 1 for n in paths.values()), (window, paths)
        assert "/solutions/no.such/" in paths
        # next TTL window: exactly one more read of each URL. A whole TTL after the burst, not after its
        # start: an entry is written when its first read ends, which under load comes late in the burst
        # (the first reads ended a second in once, the next burst ran on cached entries and read nothing)
        time.sleep(LONG_TTL + 0.1)
