"""Marketplace endpoints through Flask against the live fake Marketplace."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from mpcheck.marketplace.service import get_service

from tests.fakemarket import FakeMarketplace

API = "/api/v1"
SEO = "/solutions/nordlab.smartseo/"


def test_solution_facts_are_cached_with_meta(client: Any, fake_market: FakeMarketplace) -> None:
    first = client.get(f"{API}/solutions/nordlab.smartseo")
    assert first.status_code == 200
    body = first.get_json()
    assert body["facts"]["code"] == "nordlab.smartseo" and body["facts"]["partner"]["id"] == 731204
    assert body["meta"]["stale"] is False and body["meta"]["cache"] == "miss"
    assert body["meta"]["fetched_at"].endswith("Z") and body["meta"]["age_seconds"] >= 0
    second = client.get(f"{API}/solutions/nordlab.smartseo").get_json()
    assert second["meta"]["cache"] == "hit" and second["facts"] == body["facts"]
    assert fake_market.stats.snapshot()["paths"][SEO] == 1


def test_windows_1251_page_is_read(client: Any) -> None:
    facts = client.get(f"{API}/solutions/tehnostar.importer").get_json()["facts"]
    assert facts["name"] == "Импорт каталога из Excel и CSV" and facts["installs"]["label"] == "Более 1000"


@pytest.mark.parametrize(
    "path",
    [
        "/solutions/BAD.Code",
        "/solutions/nordlab",
        "/solutions/a.b.c",
        f"/solutions/{'a' * 120}.b",
        "/solutions/a%20b.c",
        "/solutions/nordlab.smartseo/report?lang=fr",
        "/solutions/nordlab.smartseo/report?profile=nope",
        "/solutions/nordlab.smartseo/report?today=2026-13-45",
        "/solutions/nordlab.smartseo/report?disabled=bogus",
        "/partners/abc",
        f"/partners/{'1' * 20}",
        "/partners/rating?page=0",
        "/partners/rating?page=x",
        "/partners/rating?page=1000",
    ],
)
def test_bad_input_is_a_json_400(client: Any, fake_market: FakeMarketplace, path: str) -> None:
    response = client.get(API + path)
    assert response.status_code == 400 and response.is_json
    assert response.get_json()["error"] and fake_market.count() == 0


@pytest.mark.parametrize("path", ["/solutions/no.such", "/partners/999", "/solutions/no.such/report"])
def test_unknown_upstream_is_a_json_404(client: Any, path: str) -> None:
    response = client.get(API + path)
    assert response.status_code == 404 and response.get_json()["error"] == "not_found"


def test_partner_with_rating_position(client: Any) -> None:
    body = client.get(f"{API}/partners/731204").get_json()
    assert body["partner"]["rating_position"] == 14 and body["partner"]["rating_total"] == 1318
    assert body["meta"]["stale"] is False


def test_rating_list_page(client: Any) -> None:
    rating = client.get(f"{API}/partners/rating?page=2").get_json()["rating"]
    assert rating["total"] == 1318 and rating["rows"][0]["position"] == 26


def test_report_merges_partner_facts(client: Any) -> None:
    body = client.get(f"{API}/solutions/nordlab.smartseo/report?today=2026-11-27&lang=en").get_json()
    assert body["report"]["schema"] == "mpcheck.report/1" and len(body["report"]["criteria"]) == 9
    partner = body["facts"]["partner"]
    assert partner["rating_position"] == 14 and partner["rating_total"] == 1318
    assert partner["status"] == "Золотой партнер" and body["lang"] == "en"
    assert body["report"]["today"] == "2026-11-27"
    assert body["facts"]["lookups"] == {"backend": "ok", "partner_rating": "found"}


def test_report_survives_a_partner_outage(client: Any, fake_market: FakeMarketplace) -> None:
    fake_market.set_fault("/partners/detail.php", "5xx")
    body = client.get(f"{API}/solutions/nordlab.smartseo/report?today=2026-11-27").get_json()
    assert body["report"]["schema"] == "mpcheck.report/1"
    assert body["meta"]["partner"]["error"] == "upstream_error"
    assert body["facts"]["partner"].get("rating_position") is None
    # the partner facts are unknown because the lookup failed, not because the page lacks them
    assert body["facts"]["lookups"] == {"backend": "unreachable", "partner_rating": None}
    developer = next(c for c in body["report"]["criteria"] if c["id"] == "developer")
    assert developer["status"] == "unknown" and developer["unknown_reason"] == "backend_unreachable"


def test_history_records_changes(app: Flask, client: Any) -> None:
    first = client.get(f"{API}/solutions/nordlab.smartseo/history").get_json()
    assert len(first["observations"]) == 1 and first["changes"] == {}
    assert first["changelog"][0]["version"] == "3.4.2"
    service = get_service(app)
    facts, _ = service.fetch_solution_facts("nordlab.smartseo")
    facts["price"]["rub"] = 9990  # as if the next read saw a new price
    service.store.record("nordlab.smartseo", facts)
    later = client.get(f"{API}/solutions/nordlab.smartseo/history").get_json()
    assert len(later["observations"]) == 2
    assert later["changes"] == {"price_rub": {"from": 12990, "to": 9990}}
    assert later["latest_read"]["facts"]["price"]["rub"] == 9990  # the newest read, scorable by the client
    assert later["latest_read"]["read_at"] == later["observations"][0]["observed_at"]


def test_history_is_served_from_the_store_when_upstream_fails(
    app: Flask, client: Any, fake_market: FakeMarketplace
) -> None:
    client.get(f"{API}/solutions/nordlab.smartseo")
    service = get_service(app)
    service.solutions.clear()  # nothing cached, not even stale
    fake_market.set_fault(SEO, "5xx")
    body = client.get(f"{API}/solutions/nordlab.smartseo/history").get_json()
    assert body["meta"]["error"] == "upstream_error" and len(body["observations"]) == 1


def test_health_shows_cache_and_store_figures(client: Any) -> None:
    client.get(f"{API}/solutions/nordlab.smartseo")
    body = client.get(f"{API}/health").get_json()
    assert body["caches"]["solutions"]["size"] == 1 and body["store"]["observations"] == 1
    assert body["marketplace"]["upstream_requests"] >= 1
