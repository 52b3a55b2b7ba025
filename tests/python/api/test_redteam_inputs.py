"""Issue 12: inputs that answered 500 (or were cut silently) now get a 4xx that says why.

Each case was a 500 before: a lone surrogate echoed into the UTF-8 response (and one such item failed
the whole batch), `price.rub` of 1e309 or a 310-digit integer overflowing the engine's float maths,
Unicode or 5 000 digits in `?page=`; a chunked body over 1 MiB was cut and parsed as "bad JSON".
"""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.serving import make_server

API = "/api/v1"
OK = {"schema": "mpcheck.facts/1", "published": "2020-01-01"}
HUGE_INT = "1" + "0" * 309  # parses as a Python int, far beyond any price


def _post(client: FlaskClient, path: str, body: str) -> tuple[int, dict]:
    response = client.post(API + path, data=body.encode(), content_type="application/json")
    return response.status_code, response.get_json()


@pytest.mark.parametrize(
    ("raw", "field", "reason"),
    [
        ('"name": "\\ud800"', "name", "contains a lone surrogate (not valid Unicode text)"),
        ('"name": "ok \\udfff tail"', "name", "contains a lone surrogate (not valid Unicode text)"),
        ('"price": {"rub": 1e309}', "price.rub", "number is not finite"),
        ('"price": {"rub": NaN}', "price.rub", "number is not finite"),
        ('"price": {"rub": -Infinity}', "price.rub", "number is not finite"),
        (f'"price": {{"rub": {HUGE_INT}}}', "price.rub", "integer out of range (beyond 1.8e308)"),
        (f'"reviews": {{"total": -{HUGE_INT}}}', "reviews.total", "integer out of range (beyond 1.8e308)"),
    ],
)
def test_unanswerable_values_are_a_400_naming_the_field(
    client: FlaskClient, raw: str, field: str, reason: str
) -> None:
    status, body = _post(client, "/score", '{"schema": "mpcheck.facts/1", ' + raw + "}")
    assert status == 400
    assert body == {"error": "invalid_facts", "message": f"{field} {reason}", "field": field}


def test_a_paired_surrogate_escape_is_ordinary_text(client: FlaskClient) -> None:
    status, body = _post(client, "/score", '{"schema": "mpcheck.facts/1", "name": "\\ud83d\\ude00"}')
    assert status == 200 and body["schema"] == "mpcheck.report/1"


def test_one_bad_item_does_not_fail_the_batch(client: FlaskClient) -> None:
    items = [
        '{"schema": "mpcheck.facts/1", "name": "\\ud800"}',
        '{"schema": "mpcheck.facts/1", "price": {"rub": 1e309}}',
    ]
    status, body = _post(
        client, "/score/batch", '{"items": [' + ", ".join([*items, '{"schema": "mpcheck.facts/1"}']) + "]}"
    )
    assert status == 200
    first, second, third = body["reports"]
    assert first == {
        "error": "invalid_facts",
        "message": "name contains a lone surrogate (not valid Unicode text)",
        "field": "items.0.name",
    }
    assert second["field"] == "items.1.price.rub"
    assert third["schema"] == "mpcheck.report/1"


@pytest.mark.parametrize("page", ["²", "١", "１", "0" * 5000, "1" * 5000, "-1", "101", ""])
def test_page_takes_ascii_digits_only(client: FlaskClient, page: str) -> None:
    response = client.get(f"{API}/partners/rating", query_string={"page": page})
    assert response.status_code == 400 and response.get_json()["error"] == "bad_page"


@pytest.fixture
def live(app: Flask) -> Iterator[int]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()
    server.server_close()


def _chunked_post(port: int, body: bytes) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    chunks = (body[i : i + 65536] for i in range(0, len(body), 65536))
    headers = {"Content-Type": "application/json", "X-Mpcheck-Client": "t", "Transfer-Encoding": "chunked"}
    conn.request("POST", f"{API}/score/batch", body=chunks, headers=headers, encode_chunked=True)
    response = conn.getresponse()
    out = response.status, response.read()
    conn.close()
    return out


def test_a_chunked_body_over_the_cap_is_413_not_cut(live: int) -> None:
    item = b'{"schema": "mpcheck.facts/1", "name": "' + b"x" * 11_000 + b'"}'
    status, body = _chunked_post(live, b'{"items": [' + b",".join([item] * 100) + b"]}")  # ~1.1 MB
    assert status == 413 and b"request_entity_too_large" in body


def test_a_chunked_body_within_the_cap_is_read_whole(live: int) -> None:
    item = b'{"schema": "mpcheck.facts/1", "name": "' + b"x" * 9_000 + b'"}'
    status, body = _chunked_post(live, b'{"items": [' + b",".join([item] * 100) + b"]}")  # ~0.9 MB
    # every item arrived whole (each is refused for its over-long name, which only a whole read sees)
    reports = json.loads(body)["reports"]
    assert status == 200 and len(reports) == 100
    assert reports[99]["message"] == "name must be shorter than or equal to 500 characters"
