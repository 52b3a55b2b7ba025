"""Security guards (SPEC §8-§9, issue 6) beyond the ones tests/python/marketplace/test_mp_allowlist.py,
tests/python/api/test_score.py and tests/python/api/test_service_routes.py already cover:

* SSRF: more IP-literal spellings, scheme and parser tricks, and redirects that leave the host in
  every way a Location header can say it - refused before any request reaches a transport;
* the API routes that take a code or partner id refuse traversal, encoded slashes, NUL/CRLF,
  look-alike letters and overlong values without any upstream request;
* /score/batch refuses oversized and deeply nested bodies like /score does;
* `mpcheck serve` logs no client identifiers (address, forwarded-for, user agent).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from flask.testing import FlaskClient
from mpcheck.marketplace.errors import Refused, UpstreamError
from mpcheck.marketplace.fetcher import Fetcher, FetchSettings

from tests.fakemarket import FakeMarketplace

PROD = "https://marketplace.1c-bitrix.ru"
API = "/api/v1"

# Not in test_mp_allowlist.HOSTILE: other spellings of loopback / metadata / private addresses, and
# URL-parser differentials between browsers, urllib and httpx.
MORE_HOSTILE = [
    "https://0177.0.0.1/",  # octal
    "https://0x7f000001/",  # one hex number
    "https://127.1/",  # short dotted form
    "https://017700000001/",  # one octal number
    "https://[::ffff:127.0.0.1]/",  # IPv4-mapped IPv6
    "https://[::ffff:7f00:1]/",
    "https://[0:0:0:0:0:0:0:1]/",
    "https://[fe80::1%25lo]/",  # zone id
    "https://[fd00:ec2::254]/",  # cloud metadata over IPv6
    "https://100.100.100.200/",  # Alibaba metadata
    "https://metadata.google.internal/",
    "https://localhost/",
    "https://marketplace.1c-bitrix.ru%00.evil.com/",
    "https://marketplace.1c-bitrix.ru%2F@evil.com/",
    "https://evil.com#@marketplace.1c-bitrix.ru/",
    "https://evil.com?@marketplace.1c-bitrix.ru/",
    "https://marketplace.1c-bitrix.ru:443@evil.com/",
    "https://user:pass@marketplace.1c-bitrix.ru/",
    "https://:@marketplace.1c-bitrix.ru/",
    "https://marketplace.1c-bitrix.ru\t.evil.com/",
    "https://evil.com\\@marketplace.1c-bitrix.ru/",
    "https://ｍarketplace.1c-bitrix.ru/",  # fullwidth m (NFKC look-alike)
    "https://marketplace.1c-bitrіx.ru/",  # Ukrainian і
    "https://marketplace.1c-bitrix.ru.xn--p1ai/",
    "https:/evil.com/",
    "https:evil.com/",
    "https:///evil.com/",
    "http:\\\\evil.com/",
    "HTTP://marketplace.1c-bitrix.ru/",  # scheme downgrade in upper case
    "javascript:alert(1)//marketplace.1c-bitrix.ru/",
    "data:text/html,marketplace.1c-bitrix.ru",
    "ftp://marketplace.1c-bitrix.ru/",
    "ws://marketplace.1c-bitrix.ru/",
    "https://marketplace.1c-bitrix.ru:65536/",
]
# Where an on-host answer may try to send the fetcher next.
OFF_HOST_LOCATIONS = [
    "https://evil.com/",
    "//evil.com/solutions/a.b/",  # protocol-relative
    "http://marketplace.1c-bitrix.ru/",  # downgrade
    "https://127.0.0.1/",
    "https://[::1]/",
    "https://2130706433/",
    "https://marketplace.1c-bitrix.ru@evil.com/",
    "https://marketplace.1c-bitrix.ru:8443/",
    "https://marketplace.1c-bitrix.ru.evil.com/",
    "https://mаrketplace.1c-bitrix.ru/",  # Cyrillic а
    "/\\evil.com/",
    "file:///etc/passwd",
    "https://evil.com\r\nX-Injected: 1",
]


def _recording_fetcher(answer: httpx.Response | None = None) -> tuple[Fetcher, list[httpx.Request]]:
    """A fetcher for the production origin over a mock transport that records what reaches it."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answer or httpx.Response(200, text="ok")

    settings = FetchSettings(base_url=PROD, min_interval=0, retries=0)
    return Fetcher(settings, transport=httpx.MockTransport(handler)), seen


@pytest.mark.parametrize("url", MORE_HOSTILE)
def test_fetcher_refuses_more_ssrf_spellings_before_any_request(url: str) -> None:
    fetcher, seen = _recording_fetcher()
    with pytest.raises(Refused):
        fetcher.get(url)
    assert seen == []
    fetcher.close()


@pytest.mark.parametrize("location", OFF_HOST_LOCATIONS)
def test_every_off_host_redirect_is_refused_before_the_hop(location: str) -> None:
    # raw bytes, as a server sends them (httpx would refuse to build a non-ASCII header from str)
    answer = httpx.Response(302, headers=[(b"Location", location.encode())])
    fetcher, seen = _recording_fetcher(answer)
    # Refused by the allowlist, or (CR/LF in the header) already by httpx as a bad response
    with pytest.raises((Refused, UpstreamError)):
        fetcher.get("/solutions/nordlab.smartseo/")
    assert [str(r.url) for r in seen] == [f"{PROD}/solutions/nordlab.smartseo/"]  # the first hop only
    fetcher.close()


BAD_ROUTE_VALUES = [
    ("/solutions/..%2F..%2Fetc%2Fpasswd", {400, 404}),
    ("/solutions/%2e%2e/report", {400, 404}),
    ("/solutions/a%2Fb.c", {400, 404}),
    ("/solutions/a.b%2F..%2F..%2Fpartners", {400, 404}),
    ("/solutions/a.b%00", {400}),
    ("/solutions/a.b%0d%0aX-Injected:%201", {400}),
    ("/solutions/NORDLAB.SMARTSEO", {400}),
    ("/solutions/nordlab.smartseo.evil", {400}),
    ("/solutions/%D0%B0.b", {400}),  # Cyrillic а
    ("/solutions/a.b@evil.com", {400}),
    ("/solutions/a.b:443", {400}),
    ("/solutions/" + "a" * 98 + ".bb", {400}),  # 101 characters: one over the limit
    ("/solutions/" + "a" * 5000 + ".b/report", {400}),
    ("/solutions/https:%2F%2Fevil.com%2Fsolutions%2Fa.b", {400, 404}),
    ("/partners/-1", {400}),
    ("/partners/0x10", {400}),
    ("/partners/1e3", {400}),
    ("/partners/%EF%BC%91%EF%BC%92", {400}),  # fullwidth digits
    ("/partners/1%2F..%2F2", {400, 404}),
    ("/partners/12%00", {400}),
]


@pytest.mark.parametrize(("path", "statuses"), BAD_ROUTE_VALUES)
def test_routes_refuse_hostile_codes_and_ids_without_fetching(
    client: FlaskClient, fake_market: FakeMarketplace, path: str, statuses: set[int]
) -> None:
    response = client.get(API + path)
    assert response.status_code in statuses and response.is_json, (response.status_code, path)
    assert fake_market.count() == 0


def test_the_longest_valid_code_is_accepted(client: FlaskClient, fake_market: FakeMarketplace) -> None:
    code = "a" * 98 + ".b"  # 100 characters: exactly the limit, so the 101 refusal above is the bound
    assert client.get(f"{API}/solutions/{code}").status_code == 404  # asked upstream, not there
    assert fake_market.count() == 1


def test_batch_oversized_body_is_413(client: FlaskClient) -> None:
    # ~1.1 MB in 100 items: within the item limit, so only the body size limit can refuse it
    item = '{"schema": "mpcheck.facts/1", "name": "' + "x" * 11_000 + '"}'
    body = '{"items": [' + ",".join([item] * 100) + "]}"
    response = client.post(f"{API}/score/batch", data=body, content_type="application/json")
    assert response.status_code == 413 and response.is_json
    assert response.get_json()["error"] == "request_entity_too_large"


@pytest.mark.parametrize(
    "body",
    [
        "[" * 50_000 + "]" * 50_000,
        '{"items": [' + "[" * 50_000 + "]" * 50_000 + "]}",
        '{"items": [' + '{"a":' * 20_000 + "1" + "}" * 20_000 + "]}",
    ],
)
def test_batch_deeply_nested_json_is_400_not_500(client: FlaskClient, body: str) -> None:
    response = client.post(f"{API}/score/batch", data=body, content_type="application/json")
    assert response.status_code == 400 and response.is_json


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_logs_no_client_identifiers(fake_market: FakeMarketplace, tmp_path: Path) -> None:
    """`mpcheck serve` as a user runs it; requests come from 127.0.0.2 so the server's own 127.0.0.1
    in its start-up line cannot hide a logged client address."""
    port = _free_port()
    env = {
        **os.environ,
        "MPCHECK_MARKETPLACE_URL": fake_market.base_url,
        "MPCHECK_MARKETPLACE_MIN_INTERVAL": "0",
        "MPCHECK_MARKETPLACE_RETRIES": "0",
        "MPCHECK_DB": str(tmp_path / "serve.sqlite3"),
        "PYTHONUNBUFFERED": "1",
    }
    command = [sys.executable, "-m", "mpcheck.cli.main", "serve", "--port", str(port)]
    # its own process group: gunicorn forks workers, and a killed master must not leave a worker
    # holding the pipe open (communicate() would then wait forever)
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    try:
        base = f"http://127.0.0.1:{port}{API}"
        headers = {"User-Agent": "client-ua-7f3a", "X-Forwarded-For": "203.0.113.77"}
        transport = httpx.HTTPTransport(local_address="127.0.0.2")
        with httpx.Client(transport=transport, headers=headers, timeout=10) as client:
            for _ in range(100):
                try:
                    client.get(f"{base}/health")
                    break
                except httpx.ConnectError:
                    time.sleep(0.1)
            local_port = None
            fake_market.set_fault("/solutions/quickdev.callbackpro/", "5xx")
            for path in ("/health", "/nothing", "/solutions/nordlab.smartseo/report", "/solutions/no.such",
                         "/solutions/quickdev.callbackpro", "/partners/abc"):  # fmt: skip
                client.get(base + path)
            client.post(f"{base}/score", content=b"{bad json", headers={"Content-Type": "application/json"})
            client.post(
                f"{base}/score",
                content=b"x" * (1024 * 1024 + 10),
                headers={"Content-Type": "application/json"},
            )
        with socket.create_connection(("127.0.0.1", port), source_address=("127.0.0.2", 0)) as raw:
            local_port = raw.getsockname()[1]
            raw.sendall(b"GARBAGE \x01 NOT HTTP\r\n\r\n")  # werkzeug logs malformed requests as errors
            raw.recv(1024)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            output, _ = proc.communicate(timeout=40)  # gunicorn's graceful stop (20 s) on a loaded machine
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            output, _ = proc.communicate(timeout=10)
    assert "mpcheck API работает: http://" in output  # the log was captured at all (Russian by default)
    for identifier in ("127.0.0.2", "203.0.113.77", "client-ua-7f3a", f":{local_port}"):
        assert identifier not in output, f"{identifier!r} logged:\n{output}"
