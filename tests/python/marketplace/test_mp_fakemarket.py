"""The fake Marketplace itself: routes, feed, control API, faults, TLS."""

from __future__ import annotations

import json
import socket
import ssl
import urllib.request
from typing import Any

import pytest

from tests.fakemarket import FakeMarketplace
from tests.fakemarket.synth import synthetic_id


def _get(url: str, data: dict[str, Any] | None = None, method: str | None = None) -> tuple[int, bytes, Any]:
    body = json.dumps(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, method=method)
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return resp.status, resp.read(), resp.headers
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), exc.headers


def test_routes_serve_fixture_pages(fake_market: FakeMarketplace) -> None:
    base = fake_market.base_url
    status, body, headers = _get(f"{base}/solutions/nordlab.smartseo/")
    assert status == 200 and "nordlab.smartseo" in body.decode()
    assert headers["Content-Type"] == "text/html; charset=UTF-8"
    status, body, headers = _get(f"{base}/solutions/tehnostar.importer/#tab-log-link")
    assert status == 200 and headers["Content-Type"].endswith("windows-1251")
    assert _get(f"{base}/partners/detail.php?ID=731204.php")[0] == 200
    assert _get(f"{base}/partners/detail.php?ID=999")[0] == 404
    assert _get(f"{base}/solutions/no.such/")[0] == 404
    assert _get(f"{base}/solutions/category/14/")[0] == 200
    assert _get(f"{base}/search/?q=seo")[0] == 200


def test_every_solution_fixture_is_routed(fake_market: FakeMarketplace) -> None:
    assert {
        "nordlab.smartseo",
        "atelier.fashionshop",
        "quickdev.callbackpro",
        "openbx.sitemapfree",
        "tehnostar.importer",
    } <= set(fake_market.routes.solutions)


def test_rating_pages_past_the_fixture_are_synthesised(fake_market: FakeMarketplace) -> None:
    status, body, _ = _get(f"{fake_market.base_url}/partners/index.php?PAGEN_1=3")
    text = body.decode()
    assert status == 200 and "Партнеры 51 - 75 из 1318" in text
    assert f'<a name="{synthetic_id(51)}">' in text


def test_feed_is_windows_1251_xml(fake_market: FakeMarketplace) -> None:
    status, body, headers = _get(f"{fake_market.base_url}/solutions/nordlab.smartseo/?update_sys_new=Y")
    assert status == 200 and headers["Content-Type"] == "text/xml; charset=windows-1251"
    assert "<instCnt>500 - 999</instCnt>" in body.decode("cp1251")
    _, empty, _ = _get(f"{fake_market.base_url}/solutions/openbx.sitemapfree/?update_sys_new=Y")
    assert b"<items></items>" in empty


def test_control_api_sets_faults_and_counts(fake_market: FakeMarketplace) -> None:
    base = fake_market.base_url
    assert (
        _get(f"{base}/__fake/faults", {"path": "/solutions/nordlab.smartseo/", "mode": "5xx"}, "POST")[0]
        == 200
    )
    assert _get(f"{base}/solutions/nordlab.smartseo/")[0] == 503
    _, body, _ = _get(f"{base}/__fake/stats")
    stats = json.loads(body)
    assert stats["paths"] == {"/solutions/nordlab.smartseo/": 1}
    assert stats["faults"]["/solutions/nordlab.smartseo/"]["mode"] == "5xx"
    assert _get(f"{base}/__fake/faults", {"mode": "nonsense"}, "POST")[0] == 400
    _get(f"{base}/__fake/reset", {}, "POST")
    assert fake_market.count() == 0 and _get(f"{base}/solutions/nordlab.smartseo/")[0] == 200


def test_fault_with_times_fires_then_disappears(fake_market: FakeMarketplace) -> None:
    fake_market.set_fault("*", "5xx", status=500, times=1)
    assert _get(f"{fake_market.base_url}/partners/")[0] == 500
    assert _get(f"{fake_market.base_url}/partners/")[0] == 200


def test_down_closes_without_a_response(fake_market: FakeMarketplace) -> None:
    fake_market.set_fault("/", "down")
    with socket.create_connection(("127.0.0.1", fake_market.port), timeout=5) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        assert sock.recv(100) == b""


def test_tls_mode_serves_the_real_host_name() -> None:
    with FakeMarketplace(tls_mode=True) as fake:
        assert fake.cert_path is not None and fake.base_url.startswith("https://")
        ctx = ssl.create_default_context(cafile=str(fake.cert_path))
        with (
            socket.create_connection(("127.0.0.1", fake.port), timeout=5) as raw,
            ctx.wrap_socket(raw, server_hostname="marketplace.1c-bitrix.ru") as tls,
        ):
            tls.sendall(
                b"GET /solutions/nordlab.smartseo/ HTTP/1.1\r\nHost: marketplace.1c-bitrix.ru\r\n"
                b"Connection: close\r\n\r\n"
            )
            assert tls.recv(12) == b"HTTP/1.1 200"
        cert_dir = fake.cert_path.parent
    assert not cert_dir.exists()  # the throwaway cert is removed on stop


@pytest.mark.parametrize("mode", ["truncated", "cp1251", "redirect_offhost", "slow", "huge"])
def test_fault_modes_are_accepted(fake_market: FakeMarketplace, mode: str) -> None:
    fake_market.set_fault("/x/", mode, delay=0.01, size=1000)
    assert fake_market.faults.snapshot()["/x/"]["mode"] == mode
