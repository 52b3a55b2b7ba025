"""Issue 12's red-team findings against the reader, each reproduced on the live fake Marketplace:
compression bombs, a drip-feeding server, waits with no bound, an undecodable charset, and a page
whose «Код решения» row names another solution."""

from __future__ import annotations

import threading
import time
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from mpcheck.marketplace.cache import SingleFlightCache
from mpcheck.marketplace.errors import BadPage, TooLarge, UpstreamError, UpstreamTimeout
from mpcheck.marketplace.fetcher import Fetcher, FetchSettings
from mpcheck.marketplace.pacing import LocalPacer
from mpcheck.marketplace.service import get_service

from tests.fakemarket import FakeMarketplace
from tests.fakemarket.server import bomb

PAGE = "/solutions/nordlab.smartseo/"
OTHER = "/solutions/quickdev.callbackpro/"
BOMB_SIZE = 256 * 1024 * 1024  # inflates to 256 MiB; the cap is 5 MiB
CAP = 5 * 1024 * 1024
_open: list[Fetcher] = []


@pytest.fixture(autouse=True)
def _close_fetchers() -> Iterator[None]:
    yield
    while _open:
        _open.pop().close()


def make(fake: FakeMarketplace, **kw: Any) -> Fetcher:
    settings = {"base_url": fake.base_url, "min_interval": 0.0, "retries": 0, "read_timeout": 2.0, **kw}
    fetcher = Fetcher(FetchSettings(**settings))
    _open.append(fetcher)
    return fetcher


def _peak_while(fn: Any) -> tuple[BaseException | None, int]:
    tracemalloc.start()
    try:
        fn()
        error: BaseException | None = None
    except Exception as exc:
        error = exc
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return error, peak


def test_the_double_gzip_bomb_is_small_on_the_wire() -> None:
    assert len(bomb(BOMB_SIZE, 2)) < 2000  # the 1.8 KB of the report, inflating to 256 MiB here


def test_stacked_gzip_is_refused_without_inflating(fake_market: FakeMarketplace) -> None:
    bomb(BOMB_SIZE, 2)  # built before measuring: the fake server's own work is not the fetcher's
    fake_market.set_fault(PAGE, "bomb", size=BOMB_SIZE, layers=2)
    fetcher = make(fake_market, max_bytes=CAP)
    error, peak = _peak_while(lambda: fetcher.get(PAGE))
    assert isinstance(error, UpstreamError) and "stacked Content-Encoding gzip, gzip" in str(error)
    assert peak < 2 * 1024 * 1024, peak  # httpx alone allocated the whole 256 MiB here


def test_a_single_gzip_bomb_stops_at_the_cap_of_decompressed_bytes(fake_market: FakeMarketplace) -> None:
    bomb(BOMB_SIZE, 1)
    fake_market.set_fault(PAGE, "bomb", size=BOMB_SIZE, layers=1)
    fetcher = make(fake_market, max_bytes=CAP)
    error, peak = _peak_while(lambda: fetcher.get(PAGE))
    assert isinstance(error, TooLarge) and "over the 5242880-byte cap" in str(error)
    # at most the cap kept plus one capped step in flight (httpx inflated 64 KB chunks to 64 MB each)
    assert peak < 3 * CAP, peak


def test_gzip_within_the_cap_still_decodes(fake_market: FakeMarketplace) -> None:
    fake_market.set_fault(PAGE, "bomb", size=100_000, layers=1)
    assert make(fake_market).get(PAGE).body == bytes(100_000)


def test_a_drip_feeding_server_is_cut_at_the_total_deadline(fake_market: FakeMarketplace) -> None:
    # 60 bytes, one per 0.1 s: never idle long enough for the 2 s read timeout, done only after 6 s.
    fake_market.set_fault(PAGE, "drip", size=60, delay=0.1)
    fetcher = make(fake_market, deadline=1.0)
    started = time.monotonic()
    with pytest.raises(UpstreamTimeout, match="within the 1 s deadline"):
        fetcher.get(PAGE)
    assert 0.9 < time.monotonic() - started < 2.5  # generous for a loaded CI; unbounded it takes 6 s


def test_waiting_for_a_fetch_slot_is_bounded_by_the_deadline(fake_market: FakeMarketplace) -> None:
    fetcher = make(fake_market, concurrency=1, deadline=0.5)
    fetcher._gate.acquire()  # another request (a slow upstream read) holds the only slot
    try:
        started = time.monotonic()
        with pytest.raises(UpstreamTimeout, match=r"no Marketplace fetch slot came free within the 0\.5 s"):
            fetcher.get(OTHER)
        assert 0.45 < time.monotonic() - started < 1.5
    finally:
        fetcher._gate.release()
    assert fake_market.count() == 0
    assert fetcher.get(OTHER).status == 200  # the slot is usable again


def test_a_polite_slot_past_the_deadline_is_not_waited_for() -> None:
    pacer = LocalPacer(10.0)
    now = time.monotonic()
    assert [round(pacer.reserve(now + 25)) for _ in range(3)] == [0, 10, 20]
    with pytest.raises(UpstreamTimeout, match="past this request's deadline"):
        pacer.reserve(now + 25)  # the next start would be 30 s away


def test_waiting_for_another_callers_load_is_bounded() -> None:
    cache = SingleFlightCache(
        "t", ttl=60, wait_timeout=0.2, wait_error=lambda s: UpstreamTimeout(f"waited {s:g} s")
    )
    release = threading.Event()
    leader = threading.Thread(target=cache.get, args=("k", lambda: (release.wait(5), 1)[1]))
    leader.start()
    time.sleep(0.05)
    started = time.monotonic()
    with pytest.raises(UpstreamTimeout, match=r"waited 0\.2 s"):
        cache.get("k", lambda: 2)
    assert time.monotonic() - started < 1.5 and cache.snapshot()["wait_timeouts"] == 1
    release.set()
    leader.join()
    assert cache.get("k", lambda: 3).value == 1  # the leader's result was stored as usual


def test_a_charset_header_that_is_no_web_charset_is_ignored(
    client: Any, fake_market: FakeMarketplace
) -> None:
    fake_market.set_fault(PAGE, "charset", charset="punycode")
    first = client.get("/api/v1/solutions/nordlab.smartseo")
    # the header is ignored (not a web charset) and the page reads as the UTF-8 it is
    assert first.status_code == 200 and first.get_json()["facts"]["code"] == "nordlab.smartseo"


def test_an_extractor_crash_is_a_502_remembered_like_an_outage(
    app: Flask, client: Any, fake_market: FakeMarketplace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mpcheck import extract

    def boom(*_a: Any, **_k: Any) -> str:
        raise UnicodeError("decoding with 'punycode' codec failed")

    monkeypatch.setattr(extract, "decode_body", boom)
    for _ in range(3):
        response = client.get("/api/v1/solutions/nordlab.smartseo")
        assert response.status_code == 502 and response.get_json()["error"] == BadPage.reason
    assert fake_market.count(PAGE) == 1  # remembered: not read again per request


def test_the_code_is_the_urls_never_the_pages_row(
    app: Flask, client: Any, fake_market: FakeMarketplace
) -> None:
    # routes.json serves nordlab.smartseo's page (whose «Код решения» row says nordlab.smartseo)
    # under another code: what is stored and answered belongs to the code that was asked for.
    body = client.get("/api/v1/solutions/spoof.samepage").get_json()
    assert body["facts"]["code"] == "spoof.samepage"
    assert body["facts"]["url"].endswith("/solutions/spoof.samepage/")
    store = get_service(app).store
    assert len(store.history("spoof.samepage")) == 1
    assert store.history("nordlab.smartseo") == []
