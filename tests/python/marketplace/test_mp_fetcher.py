"""The fetcher against the live fake Marketplace: retries and backoff, timeouts, size cap, politeness."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from mpcheck.marketplace.errors import NotFound, TooLarge, UpstreamError, UpstreamTimeout
from mpcheck.marketplace.fetcher import USER_AGENT, Fetcher, FetchSettings

from tests.fakemarket import FakeMarketplace

PAGE = "/solutions/nordlab.smartseo/"


_open: list[Fetcher] = []


@pytest.fixture(autouse=True)
def _close_fetchers() -> Iterator[None]:
    """Close every fetcher a test made, even when an assertion failed (no unclosed sockets)."""
    yield
    while _open:
        _open.pop().close()


def make(fake: FakeMarketplace, sleeps: list[float] | None = None, **kw: object) -> Fetcher:
    settings = {"base_url": fake.base_url, "min_interval": 0.0, "backoff": 0.05, "read_timeout": 2.0, **kw}
    sleep = sleeps.append if sleeps is not None else time.sleep
    fetcher = Fetcher(FetchSettings(**settings), sleep=sleep)  # type: ignore[arg-type]
    _open.append(fetcher)
    return fetcher


def test_plain_get_sends_an_honest_user_agent(fake_market: FakeMarketplace) -> None:
    fetcher = make(fake_market)
    page = fetcher.get(PAGE)
    assert page.status == 200 and page.attempts == 1 and b"nordlab.smartseo" in page.body
    assert page.content_type == "text/html; charset=UTF-8"
    assert list(fake_market.stats.user_agents) == [USER_AGENT] and "mpcheck/" in USER_AGENT


def test_5xx_is_retried_with_exponential_backoff(fake_market: FakeMarketplace) -> None:
    sleeps: list[float] = []
    fake_market.set_fault(PAGE, "5xx", times=2)
    fetcher = make(fake_market, sleeps, retries=2)
    assert fetcher.get(PAGE).attempts == 3
    assert sleeps == [0.05, 0.1] and fake_market.count(PAGE) == 3


def test_persistent_5xx_gives_up_with_the_status(fake_market: FakeMarketplace) -> None:
    fake_market.set_fault(PAGE, "5xx", status=502)
    fetcher = make(fake_market, [], retries=2)
    with pytest.raises(UpstreamError) as err:
        fetcher.get(PAGE)
    assert err.value.status == 502 and fake_market.count(PAGE) == 3


def test_4xx_is_not_retried(fake_market: FakeMarketplace) -> None:
    sleeps: list[float] = []
    fetcher = make(fake_market, sleeps)
    with pytest.raises(NotFound):
        fetcher.get("/solutions/no.such/")
    assert fake_market.count() == 1 and sleeps == []


@pytest.mark.parametrize("mode", ["down", "truncated"])
def test_broken_connections_are_retried_then_reported(fake_market: FakeMarketplace, mode: str) -> None:
    fake_market.set_fault(PAGE, mode)
    fetcher = make(fake_market, [], retries=1)
    with pytest.raises(UpstreamError) as err:
        fetcher.get(PAGE)
    assert err.value.status is None and fake_market.count(PAGE) == 2
    fake_market.set_fault(PAGE, mode, times=1)  # one failure, then the retry succeeds
    assert fetcher.get(PAGE).attempts == 2


def test_connection_refused_is_retried() -> None:
    with socket.socket() as probe:  # a port with nothing listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sleeps: list[float] = []
    settings = FetchSettings(base_url=f"http://127.0.0.1:{port}", min_interval=0, backoff=0.05)
    fetcher = Fetcher(settings, sleep=sleeps.append)
    _open.append(fetcher)
    with pytest.raises(UpstreamError):
        fetcher.get("/")
    assert sleeps == [0.05, 0.1]


def test_slow_server_times_out_without_retry(fake_market: FakeMarketplace) -> None:
    fake_market.set_fault(PAGE, "slow", delay=1.5)
    fetcher = make(fake_market, [], read_timeout=0.3)
    started = time.perf_counter()
    with pytest.raises(UpstreamTimeout):
        fetcher.get(PAGE)
    assert time.perf_counter() - started < 1.2 and fake_market.count(PAGE) == 1


@pytest.mark.parametrize("declare_length", [False, True])
def test_size_cap_aborts_the_download(fake_market: FakeMarketplace, declare_length: bool) -> None:
    fake_market.set_fault(PAGE, "huge", declare_length=declare_length)  # 20 MB
    fetcher = make(fake_market, max_bytes=1_000_000)
    started = time.perf_counter()
    with pytest.raises(TooLarge):
        fetcher.get(PAGE)
    assert time.perf_counter() - started < 2.0


def test_concurrency_is_limited_per_host(fake_market: FakeMarketplace) -> None:
    fake_market.set_fault("*", "slow", delay=0.2)
    fetcher = make(fake_market, concurrency=2)
    threads = [
        threading.Thread(target=fetcher.get, args=(f"/partners/index.php?PAGEN_1={n}",)) for n in range(6)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert fake_market.count() == 6 and fake_market.stats.max_in_flight == 2


def test_minimum_interval_between_requests(fake_market: FakeMarketplace) -> None:
    fetcher = make(fake_market, min_interval=0.15)
    started = time.perf_counter()
    for _ in range(3):
        fetcher.get("/partners/")
    assert time.perf_counter() - started >= 0.3


def test_https_with_the_fakes_certificate() -> None:
    with FakeMarketplace(tls_mode=True) as fake:
        fetcher = Fetcher(FetchSettings(base_url=fake.base_url, min_interval=0, verify=str(fake.cert_path)))
        strict = Fetcher(FetchSettings(base_url=fake.base_url, min_interval=0, retries=0))
        _open.extend([fetcher, strict])
        assert fetcher.get(PAGE).status == 200
        with pytest.raises(UpstreamError):  # an unknown CA is a failure, never silently accepted
            strict.get(PAGE)
