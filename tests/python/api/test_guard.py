"""Who may drive the API (issue 12, SPEC §12): the client header, the Host check and CORS.

Each test here failed before the guard existed: any page could call every route with a `no-cors`
fetch, a DNS-rebinding name was served, and CORS admitted the Marketplace origin and any extension id.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from mpcheck.api.origins import configured_ids, unpacked_chrome_id
from mpcheck.app import create_app

API = "/api/v1"
FACTS = {"schema": "mpcheck.facts/1", "published": "2020-01-01"}
CHROME_ID = "abcdefghijklmnopabcdefghijklmnop"
FIREFOX_ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
# Every route that needs the header, with a request that would otherwise be answered (no upstream:
# the code and id are refused or unknown before any fetch would matter for this test).
GUARDED = [
    ("GET", "/rules"),
    ("POST", "/score"),
    ("POST", "/score/batch"),
    ("GET", "/partners/rating?page=abc"),
    ("GET", "/partners/x"),
    ("GET", "/solutions/BAD"),
    ("GET", "/solutions/BAD/report"),
    ("GET", "/solutions/BAD/history"),
    ("GET", "/nothing-here"),
]


@pytest.fixture
def bare(app: Flask) -> FlaskClient:
    """A test client without the client header."""
    return app.test_client()


@pytest.mark.parametrize(("method", "path"), GUARDED)
def test_every_route_but_health_and_openapi_needs_the_client_header(bare, method: str, path: str) -> None:
    body = FACTS if path == "/score" else {"items": [FACTS]}
    send = bare.get if method == "GET" else lambda p: bare.post(p, json=body)
    response = send(API + path)
    assert response.status_code == 403 and response.is_json
    assert response.get_json() == {
        "error": "client_header_required",
        "message": "send the X-Mpcheck-Client header (any non-empty value up to 200 characters)",
        "field": "X-Mpcheck-Client",
    }
    blank = bare.get(API + "/rules", headers={"X-Mpcheck-Client": "   "})
    assert blank.status_code == 403


def test_with_the_header_the_same_routes_answer(bare) -> None:
    headers = {"X-Mpcheck-Client": "mpcheck-extension"}
    assert bare.get(API + "/rules", headers=headers).status_code == 200
    assert bare.post(API + "/score", json=FACTS, headers=headers).status_code == 200
    assert bare.get(API + "/solutions/BAD", headers=headers).status_code == 400


def test_health_and_openapi_stay_open(bare) -> None:
    assert bare.get(API + "/health").status_code == 200
    assert bare.get(API + "/openapi.json").status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.nip.io:8765", "[::2]:8765"])
def test_a_host_the_server_does_not_serve_is_refused(bare, host: str) -> None:
    # DNS rebinding: the page's own name now resolves to 127.0.0.1, so the request arrives with it.
    for path in ("/health", "/solutions/nordlab.smartseo/history"):
        response = bare.get(API + path, headers={"Host": host, "X-Mpcheck-Client": "x"})
        assert response.status_code == 421 and response.is_json
        assert response.get_json()["error"] == "misdirected_request"


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1:8765", "LOCALHOST:1", "[::1]:8765"])
def test_loopback_names_are_served(bare, host: str) -> None:
    assert bare.get(API + "/health", headers={"Host": host}).status_code == 200


def test_configured_hosts_are_served(app_config: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MPCHECK_ALLOWED_HOSTS", "mpcheck.team.example, api.internal:8080")
    client = create_app(app_config).test_client()
    assert client.get(API + "/health", headers={"Host": "mpcheck.team.example"}).status_code == 200
    assert client.get(API + "/health", headers={"Host": "api.internal:443"}).status_code == 200
    assert client.get(API + "/health", headers={"Host": "evil.example"}).status_code == 421


def _cors_client(app_config: dict, monkeypatch: pytest.MonkeyPatch, ids: str | None) -> FlaskClient:
    if ids is None:
        monkeypatch.delenv("MPCHECK_EXTENSION_IDS", raising=False)
    else:
        monkeypatch.setenv("MPCHECK_EXTENSION_IDS", ids)
    return create_app(app_config).test_client()


def test_cors_admits_only_the_configured_extension_ids(
    app_config: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = _cors_client(app_config, monkeypatch, f"{CHROME_ID}, {FIREFOX_ID}")
    for origin in (f"chrome-extension://{CHROME_ID}", f"moz-extension://{FIREFOX_ID}"):
        response = client.get(API + "/health", headers={"Origin": origin})
        assert response.headers.get("Access-Control-Allow-Origin") == origin
    for origin in (
        "https://marketplace.1c-bitrix.ru",  # the page never needs the backend; it was admitted before
        "chrome-extension://" + "b" * 32,  # any other extension: admitted before
        "moz-extension://00000000-0000-0000-0000-000000000000",
        "https://evil.example",
        f"chrome-extension://{CHROME_ID}.evil.example",
    ):
        response = client.get(API + "/health", headers={"Origin": origin})
        assert "Access-Control-Allow-Origin" not in response.headers, origin


def test_a_foreign_page_cannot_pass_the_preflight_the_header_forces(
    app_config: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = _cors_client(app_config, monkeypatch, CHROME_ID)
    preflight = {
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "x-mpcheck-client",
    }
    foreign = client.options(API + "/solutions/a.b", headers={"Origin": "https://evil.example", **preflight})
    assert "Access-Control-Allow-Origin" not in foreign.headers
    ours = client.options(
        API + "/solutions/a.b", headers={"Origin": f"chrome-extension://{CHROME_ID}", **preflight}
    )
    assert ours.status_code == 200
    assert ours.headers["Access-Control-Allow-Origin"] == f"chrome-extension://{CHROME_ID}"
    assert "x-mpcheck-client" in ours.headers["Access-Control-Allow-Headers"].lower()


def test_by_default_this_checkouts_unpacked_chromium_build_is_admitted(
    app_config: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = _cors_client(app_config, monkeypatch, None)
    build = Path(__file__).resolve().parents[3] / "extension" / "dist" / "chrome"
    origin = f"chrome-extension://{unpacked_chrome_id(build)}"
    assert (
        client.get(API + "/health", headers={"Origin": origin}).headers["Access-Control-Allow-Origin"]
        == origin
    )


def test_unpacked_id_is_chromiums_path_hash() -> None:
    # Chromium: SHA-256 of the absolute path, first 32 hex digits mapped 0-f -> a-p.
    # sha256(b"/tmp/ext") starts b259ee84 -> "lcfjooie"
    assert unpacked_chrome_id("/tmp/ext")[:8] == "lcfjooie"
    assert len(unpacked_chrome_id("/tmp/ext")) == 32


def test_a_malformed_extension_id_is_an_error_not_a_wildcard() -> None:
    with pytest.raises(ValueError, match="not an extension id"):
        configured_ids("abc, .*")
    assert configured_ids(f" {CHROME_ID.upper()} ,,") == [CHROME_ID]
