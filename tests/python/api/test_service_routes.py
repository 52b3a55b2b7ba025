"""health, rules (ETag), openapi, JSON 404/405 (CORS, Host and the client header: test_guard.py)."""

from __future__ import annotations

import re

from flask.testing import FlaskClient


def test_health_reports_rules_version(client: FlaskClient) -> None:
    body = client.get("/api/v1/health").get_json()
    assert body["status"] == "ok"
    assert len(body["rules_version"]) == 64


def test_rules_etag_and_304(client: FlaskClient) -> None:
    first = client.get("/api/v1/rules")
    assert first.status_code == 200
    etag = first.headers["ETag"]
    assert etag.strip('"') == first.get_json()["version"]
    assert list(first.get_json()["criteria"]) == first.get_json()["scoring"]["criteria_order"]
    again = client.get("/api/v1/rules", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert client.get("/api/v1/rules", headers={"If-None-Match": '"other"'}).status_code == 200


def test_openapi_documents_every_route(client: FlaskClient, app) -> None:
    doc = client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    documented = {re.sub(r"\{[^}]*\}", "{}", "/api/v1" + path) for path in doc["paths"]}
    routes = {
        re.sub(r"<[^>]*>", "{}", r.rule) for r in app.url_map.iter_rules() if r.rule.startswith("/api/v1")
    }
    assert routes <= documented


def test_unknown_route_and_method_are_json(client: FlaskClient) -> None:
    missing = client.get("/api/v1/nothing-here")
    assert missing.status_code == 404 and missing.get_json()["error"] == "not_found"
    wrong_method = client.get("/api/v1/score")
    assert wrong_method.status_code == 405 and wrong_method.is_json
