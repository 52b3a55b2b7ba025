"""POST /score and /score/batch: reports for good input, JSON errors naming the field for bad input."""

from __future__ import annotations

import copy

import pytest
from flask.testing import FlaskClient

TODAY = "?today=2026-11-27"


def test_score_returns_report_for_valid_facts(client: FlaskClient, demo14_facts: dict) -> None:
    response = client.post(f"/api/v1/score{TODAY}", json=demo14_facts)
    assert response.status_code == 200
    report = response.get_json()
    assert report["schema"] == "mpcheck.report/1"
    assert [c["id"] for c in report["criteria"]] == [
        "demo", "support", "reviews", "updates", "developer", "packaging", "cases", "price", "account_manager",
    ]  # fmt: skip
    assert report["headline"]["key"] == "demo_first"
    # 6 of 8 steps: the price is information (not applicable), developer and account manager unknown
    assert (report["coverage_known"], report["coverage_total"]) == (6, 8) and report["score"] is not None


def test_profile_and_disabled_options_change_the_report(client: FlaskClient, demo14_facts: dict) -> None:
    plain = client.post(f"/api/v1/score{TODAY}", json=demo14_facts).get_json()
    narrow = client.post(f"/api/v1/score{TODAY}&profile=narrow&disabled=demo", json=demo14_facts).get_json()
    assert plain["profile"] == {"id": "module", "chosen_by": "kind"}
    assert narrow["profile"] == {"id": "narrow", "chosen_by": "user"}
    demo = next(c for c in narrow["criteria"] if c["id"] == "demo")
    assert demo["status"] == "not_applicable" and demo["key"] == "disabled"
    assert narrow["coverage_total"] == plain["coverage_total"] - 1


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda f: f["reviews"]["items"][0].__setitem__("stars", 9), "reviews.items.0.stars"),
        (lambda f: f.__setitem__("code", "../../etc/passwd"), "code"),
        (lambda f: f["demo"].__setitem__("days", "14"), "demo.days"),
        (lambda f: f.__setitem__("unexpected", 1), ""),
        (lambda f: f["support"].__setitem__("channels", ["pigeon"]), "support.channels.0"),
    ],
)
def test_schema_errors_are_400_naming_the_field(
    client: FlaskClient, demo14_facts: dict, mutate, field
) -> None:
    facts = copy.deepcopy(demo14_facts)
    mutate(facts)
    response = client.post("/api/v1/score", json=facts)
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"] == "invalid_facts"
    assert body["field"] == field


@pytest.mark.parametrize(
    ("query", "field"),
    [("profile=huge", "profile"), ("disabled=demo,nope", "disabled"), ("today=27.11.2026", "today")],
)
def test_bad_options_are_400(client: FlaskClient, demo14_facts: dict, query: str, field: str) -> None:
    response = client.post(f"/api/v1/score?{query}", json=demo14_facts)
    assert response.status_code == 400
    assert response.get_json()["field"] == field


def test_malformed_json_is_400(client: FlaskClient) -> None:
    response = client.post("/api/v1/score", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"] == "bad_json"


def test_deeply_nested_json_is_400_not_500(client: FlaskClient) -> None:
    body = "[" * 50_000 + "]" * 50_000
    response = client.post("/api/v1/score", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.is_json


def test_non_json_body_is_415(client: FlaskClient) -> None:
    response = client.post("/api/v1/score", data="a=b", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert response.is_json


def test_oversized_body_is_413(client: FlaskClient) -> None:
    response = client.post("/api/v1/score", data="x" * (1024 * 1024 + 1), content_type="application/json")
    assert response.status_code == 413
    assert response.get_json()["error"] == "request_entity_too_large"


def test_batch_scores_each_item_and_reports_bad_ones_inline(client: FlaskClient, demo14_facts: dict) -> None:
    bad = {"schema": "mpcheck.facts/1", "price": {"rub": -5}}
    response = client.post(
        f"/api/v1/score/batch{TODAY}", json={"items": [demo14_facts, bad, {"schema": "mpcheck.facts/1"}]}
    )
    assert response.status_code == 200
    reports = response.get_json()["reports"]
    assert len(reports) == 3
    assert reports[0]["code"] == "nordlab.smartseo"
    assert reports[1] == {
        "error": "invalid_facts",
        "message": reports[1]["message"],
        "field": "items.1.price.rub",
    }
    assert reports[2]["score"] is None and reports[2]["coverage_known"] == 0


def test_batch_needs_items_list_and_has_a_limit(client: FlaskClient) -> None:
    assert client.post("/api/v1/score/batch", json={"item": []}).status_code == 400
    too_many = {"items": [{"schema": "mpcheck.facts/1"}] * 101}
    response = client.post("/api/v1/score/batch", json=too_many)
    assert response.status_code == 413
    assert response.get_json()["error"] == "too_many_items"
