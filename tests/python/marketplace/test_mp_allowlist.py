"""SSRF: only the configured Marketplace origin is fetched; refusals happen before any socket opens."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from mpcheck.marketplace.errors import Refused
from mpcheck.marketplace.fetcher import Fetcher, FetchSettings
from mpcheck.marketplace.urls import UrlPolicy

from tests.fakemarket import FakeMarketplace

PROD = "https://marketplace.1c-bitrix.ru"
HOSTILE = [
    "https://evil.com/solutions/a.b/",
    "http://marketplace.1c-bitrix.ru/solutions/a.b/",  # scheme downgrade
    "https://marketplace.1c-bitrix.ru:8443/",  # other port
    "https://marketplace.1c-bitrix.ru@evil.com/",  # userinfo trick
    "https://evil.com@marketplace.1c-bitrix.ru/",  # credentials are never sent either
    "https://marketplace.1c-bitrix.ru\\@evil.com/",
    "https://marketplace.1c-bitrix.ru%2eevil.com/",
    "https://marketplace.1c-bitrix.ru.evil.com/",
    "https://marketplace.1c-bitrix.ru./",  # trailing dot
    "https://mаrketplace.1c-bitrix.ru/",  # Cyrillic а (IDN look-alike)
    "https://xn--mrketplace-7jh.1c-bitrix.ru/",  # punycode look-alike
    "https://127.0.0.1/",
    "https://2130706433/",  # 127.0.0.1 as an integer
    "https://0x7f.0.0.1/",
    "https://[::1]/",
    "https://169.254.169.254/latest/meta-data/",
    "file:///etc/passwd",
    "gopher://marketplace.1c-bitrix.ru/",
    "//evil.com/",
    "https://marketplace.1c-bitrix.ru /",
    "https://marketplace.1c-bitrix.ru\r\nHost: evil.com/",
]


@pytest.mark.parametrize("url", HOSTILE)
def test_policy_refuses(url: str) -> None:
    with pytest.raises(Refused):
        UrlPolicy(PROD).check(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/",
        "https://MARKETPLACE.1c-bitrix.ru:443/partners/detail.php?ID=1.php#tab-log-link",
    ],
)
def test_policy_accepts_the_marketplace(url: str) -> None:
    checked = UrlPolicy(PROD).check(url)
    assert checked.host == "marketplace.1c-bitrix.ru" and not checked.fragment


def test_code_from_url_or_code() -> None:
    policy = UrlPolicy(PROD)
    assert policy.code_from("nordlab.smartseo") == "nordlab.smartseo"
    assert policy.code_from(f"{PROD}/solutions/nordlab.smartseo/#tab-rating-link") == "nordlab.smartseo"
    with pytest.raises(Refused):
        policy.code_from("https://evil.com/solutions/nordlab.smartseo/")
    with pytest.raises(ValueError):
        policy.code_from("Nordlab.SmartSEO")


def test_refused_with_production_base_never_reaches_the_transport() -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(200, text="ok")

    fetcher = Fetcher(FetchSettings(base_url=PROD, min_interval=0), transport=httpx.MockTransport(handler))
    for url in HOSTILE:
        with pytest.raises(Refused):
            fetcher.get(url)
    assert calls == []
    fetcher.get("/solutions/a.b/")  # the mock does see allowed requests
    assert [str(c.url) for c in calls] == [f"{PROD}/solutions/a.b/"]
    fetcher.close()


@pytest.fixture
def guarded_sockets(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Record every name lookup; fail on anything but loopback (so no socket can reach off-host)."""
    seen: list[Any] = []
    real = socket.getaddrinfo

    def lookup(host: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(host)
        if host not in ("127.0.0.1", b"127.0.0.1"):
            raise AssertionError(f"a socket was about to open to {host!r}")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    yield seen


def test_refused_against_the_live_fake_sends_nothing(
    fake_market: FakeMarketplace, guarded_sockets: list[Any]
) -> None:
    fetcher = Fetcher(FetchSettings(base_url=fake_market.base_url, min_interval=0))
    other_port = f"http://127.0.0.1:{fake_market.port + 1}/solutions/a.b/"
    for url in [*HOSTILE, other_port, fake_market.base_url.replace("http:", "https:") + "/"]:
        with pytest.raises(Refused):
            fetcher.get(url)
    assert fake_market.count() == 0 and guarded_sockets == []
    fetcher.close()


def test_redirect_off_host_is_refused_before_the_hop(
    fake_market: FakeMarketplace, guarded_sockets: list[Any]
) -> None:
    fake_market.set_fault("/solutions/nordlab.smartseo/", "redirect_offhost")
    fetcher = Fetcher(FetchSettings(base_url=fake_market.base_url, min_interval=0))
    with pytest.raises(Refused, match=r"evil\.example"):
        fetcher.get("/solutions/nordlab.smartseo/")
    assert fake_market.count() == 1
    assert "evil.example" not in guarded_sockets and b"evil.example" not in guarded_sockets
    fetcher.close()


def test_on_host_redirect_is_followed(fake_market: FakeMarketplace) -> None:
    fetcher = Fetcher(FetchSettings(base_url=fake_market.base_url, min_interval=0))
    page = fetcher.get("/nordlab.smartseo")  # short link -> 301 -> /solutions/nordlab.smartseo/
    assert page.url.endswith("/solutions/nordlab.smartseo/") and page.status == 200
    fetcher.close()


def test_redirect_loop_stops_at_the_hop_limit() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return httpx.Response(302, headers={"Location": "/loop/"})

    fetcher = Fetcher(
        FetchSettings(base_url=PROD, min_interval=0, max_redirects=3), transport=httpx.MockTransport(handler)
    )
    with pytest.raises(Exception, match="redirects"):
        fetcher.get("/loop/")
    assert len(calls) == 4
    fetcher.close()
