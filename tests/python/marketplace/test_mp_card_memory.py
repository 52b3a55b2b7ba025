"""POST /score/batch with the backend's memory (issue 11 point 2): a card a read has stored is
merged with that read (card values win), scored for real, and its age is said; a listing view
costs no Marketplace request."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Flask
from mpcheck.marketplace import service as mp
from mpcheck.marketplace.card_memory import age_seconds, overlay

from tests.fakemarket import FakeMarketplace

API = "/api/v1"
TODAY = "?today=2026-11-27"


def card(code: str, rub: int, demo_days: int | None) -> dict[str, Any]:
    """A card stub as extension/src/extract/listing.ts builds it."""
    return {
        "schema": "mpcheck.facts/1",
        "page_type": "solution",
        "url": f"https://marketplace.1c-bitrix.ru/solutions/{code}/",
        "code": code,
        "name": "С карточки",
        "partner": {"id": 731204, "name": "NordLab"},
        "price": {"rub": rub, "old_rub": None, "free": False},
        "demo": {"available": True if demo_days else None, "days": demo_days, "online_demo_url": None},
        "installs": None,
        "rating": {"average": 4.2},
        "found_by": {"code": "card"},
    }


def test_a_card_read_before_gets_the_stored_facts_and_a_score(
    client: Any, fake_market: FakeMarketplace
) -> None:
    items = [card("nordlab.smartseo", 7900, 14), card("nobody.read", 9900, 1)]
    cold = client.post(f"{API}/score/batch{TODAY}", json={"items": items}).get_json()
    assert cold["stored"] == [None, None]
    assert [r["score"] for r in cold["reports"]] == [None, None]  # a card alone: 2 of 9 steps
    assert cold["facts"][0] == items[0]

    page = client.get(f"{API}/solutions/nordlab.smartseo").get_json()["facts"]  # read once
    requests_before = fake_market.count()
    warm = client.post(f"{API}/score/batch{TODAY}", json={"items": items}).get_json()
    assert fake_market.count() == requests_before  # the listing view fetched nothing

    memory, merged, report = warm["stored"][0], warm["facts"][0], warm["reports"][0]
    assert memory["read_at"].endswith("Z") and 0 <= memory["age_seconds"] < 120
    assert merged["price"]["rub"] == 7900 and merged["rating"]["average"] == 4.2  # the card is newer
    assert merged["name"] == "С карточки"
    assert merged["reviews"] == page["reviews"] and merged["changelog"] == page["changelog"]
    assert merged["url"] == page["url"] and merged["found_by"] == page["found_by"]
    assert report["score"] is not None and report["coverage_known"] > cold["reports"][0]["coverage_known"]
    assert warm["stored"][1] is None and warm["reports"][1]["score"] is None


def test_a_stored_read_of_an_older_schema_leaves_the_card_scored_alone(
    app: Flask, client: Any, fake_market: FakeMarketplace
) -> None:
    """A read stored before the facts schema lost a key fails the schema once merged: the card is
    still valid, so it is scored as it came and `stored` says no read was used."""
    items = [card("nordlab.smartseo", 7900, 14)]
    alone = client.post(f"{API}/score/batch{TODAY}", json={"items": items}).get_json()
    page = client.get(f"{API}/solutions/nordlab.smartseo").get_json()["facts"]
    mp.get_service(app).store.record("nordlab.smartseo", {**page, "legacy_field": 1})

    body = client.post(f"{API}/score/batch{TODAY}", json={"items": items}).get_json()
    assert body["stored"] == [None]
    assert body["facts"] == [items[0]]
    assert "error" not in body["reports"][0]
    assert body["reports"][0] == alone["reports"][0]  # exactly the card-alone report


def test_an_invalid_item_gets_no_facts_echoed(client: Any) -> None:
    body = client.post(
        f"{API}/score/batch", json={"items": [{"schema": "mpcheck.facts/1", "code": "../x"}]}
    ).get_json()
    assert body["reports"][0]["error"] == "invalid_facts"
    assert body["facts"] == [None] and body["stored"] == [None]


def test_overlay_keeps_stored_parts_the_card_lacks() -> None:
    stored = {
        "rating": {"average": 4.8, "count": 37},
        "demo": {"available": True, "days": 30},
        "version": "1.0",
    }
    out = overlay(stored, {"rating": {"average": 4.1}, "demo": {"available": None, "days": None}, "url": "x"})
    assert out == {
        "rating": {"average": 4.1, "count": 37},
        "demo": {"available": True, "days": 30},
        "version": "1.0",
    }
    assert stored["rating"]["average"] == 4.8  # the stored read is not changed


def test_age_is_whole_seconds_and_none_for_an_odd_stamp() -> None:
    now = datetime(2026, 11, 27, 12, 0, 5, tzinfo=UTC)
    assert age_seconds("2026-11-27T11:58:05Z", now) == 120
    assert age_seconds("yesterday", now) is None
