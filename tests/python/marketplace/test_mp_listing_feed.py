"""POST /score/batch with `listing_url` (issue 11 point 2): the listing's own XML feed, read once
per listing URL and TTL from the fake Marketplace, fills what the cards lack (the card's own values
win); a foreign URL is refused before any request; a feed that is down, slow or stale never fails
the batch. The feed is tests/fixtures/marketplace/feed/catalog_category_listing_cp1251.xml."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from typing import Any

import pytest
from mpcheck.app import create_app
from mpcheck.marketplace.card_memory import with_memory
from mpcheck.marketplace.listing_feed import NotAListing, feed_url
from mpcheck.marketplace.service import get_service
from mpcheck.marketplace.urls import UrlPolicy

from tests.fakemarket import FakeMarketplace
from tests.python.api.client import api_client

API = "/api/v1"
TODAY = "?today=2026-11-27"
LISTING = "https://marketplace.1c-bitrix.ru/solutions/category/14/?PAYMENT_SHOW=NOT_FREE#top"
FEED = "/solutions/category/14/?PAYMENT_SHOW=NOT_FREE&update_sys_new=Y"


def card(code: str, *, rub: int | None = None, demo_days: int | None = None) -> dict[str, Any]:
    """A card as extension/src/extract/listing.ts + completeFacts build it, here with no price or
    installs read (a card whose price markup changed), so the feed has something to fill."""
    return {
        "schema": "mpcheck.facts/1",
        "page_type": "solution",
        "url": f"https://marketplace.1c-bitrix.ru/solutions/{code}/",
        "code": code,
        "name": "С карточки",
        "partner": {"id": None, "name": None},
        "price": {"rub": rub, "old_rub": None, "free": False if rub else None},
        "demo": {"available": True if demo_days else None, "days": demo_days, "online_demo_url": None},
        "installs": None,
        "updated": None,
        "version": None,
        "rating": {"average": 4.1},
        "found_by": {"code": "card"},
    }


def batch(client: Any, items: list[dict[str, Any]], listing_url: Any = LISTING) -> Any:
    return client.post(f"{API}/score/batch{TODAY}", json={"items": items, "listing_url": listing_url})


def test_the_feed_fills_price_updated_version_installs_the_cards_lack(
    client: Any, fake_market: FakeMarketplace
) -> None:
    items = [card("atelier.fashionshop"), card("nordlab.smartshop", rub=44900, demo_days=14), card("no.body")]
    alone = client.post(f"{API}/score/batch{TODAY}", json={"items": items}).get_json()
    assert alone["feed"] is None and fake_market.count() == 0

    res = batch(client, items)
    assert res.status_code == 200
    body = res.get_json()
    atelier, nordlab, nobody = body["facts"]
    assert atelier["price"] == {"rub": 49900, "old_rub": None, "free": False}
    assert atelier["updated"] == "2024-11-10" and atelier["version"] == "5.2.0"
    assert atelier["installs"] == {"label": "100 - 499", "min": 100, "max": 499}
    assert atelier["demo"] == {
        "available": False,
        "days": None,
        "online_demo_url": "https://demo.atelier-studio.example/",
    }
    assert atelier["partner"] == {"id": 654321, "name": "Студия Ателье"}
    assert atelier["name"] == "С карточки" and atelier["rating"] == {"average": 4.1}  # the card's own win
    assert atelier["url"] == items[0]["url"] and atelier["found_by"] == {"code": "card"}
    assert body["sources"][0] == {
        "name": "card",
        "partner.id": "feed",
        "partner.name": "feed",
        "price": "feed",
        "demo": "feed",
        "installs": "feed",
        "updated": "feed",
        "version": "feed",
        "rating.average": "card",
    }
    # the card's price and its 14-day demo stay; the feed's «has a trial» agrees and adds nothing
    assert nordlab["price"] == {"rub": 44900, "old_rub": None, "free": False}
    assert nordlab["demo"] == {"available": True, "days": 14, "online_demo_url": None}
    assert body["sources"][1]["price"] == "card" and body["sources"][1]["demo"] == "card"
    assert nordlab["version"] == "2.8.0" and nordlab["updated"] == "2026-11-18"
    assert nobody == items[2] and body["sources"][2] == {"name": "card", "rating.average": "card"}

    feed = body["feed"]
    assert {k: feed[k] for k in ("url", "status", "items", "cache", "stale")} == {
        "url": FEED,
        "status": "ok",
        "items": 10,
        "cache": "miss",
        "stale": False,
    }
    assert 0 <= feed["age_seconds"] < 5 and "note" not in feed
    assert fake_market.count() == 1 and fake_market.count(FEED) == 1  # the feed, no card page
    # two more steps known for the card (the demo and the updates' recency); still below the
    # rules' minimum coverage, so no score from the feed alone
    before, after = alone["reports"][0], body["reports"][0]
    assert (before["coverage_known"], after["coverage_known"]) == (0, 2)
    assert after["score"] is None
    demo = next(c for c in after["criteria"] if c["id"] == "demo")
    assert demo["status"] == "bad"


def test_one_feed_read_per_listing_url_and_ttl(client: Any, fake_market: FakeMarketplace) -> None:
    items = [card("pixel.flowers")]
    first = batch(client, items).get_json()
    second = batch(client, items).get_json()
    assert fake_market.count(FEED) == 1 and fake_market.count() == 1
    assert (first["feed"]["cache"], second["feed"]["cache"]) == ("miss", "hit")
    assert first["facts"] == second["facts"] and second["facts"][0]["version"] == "1.4.2"
    # the fragment and the parameter order of the page's URL are the same listing: no new read
    again = "https://marketplace.1c-bitrix.ru/solutions/category/14/?PAYMENT_SHOW=NOT_FREE&update_sys_new=Y"
    assert batch(client, items, again).get_json()["feed"]["cache"] == "hit"
    # another page of the listing is another feed
    batch(
        client,
        items,
        "https://marketplace.1c-bitrix.ru/solutions/category/14/?PAYMENT_SHOW=NOT_FREE&PAGEN_1=2",
    )
    assert fake_market.count() == 2
    assert fake_market.count("/solutions/category/14/?PAYMENT_SHOW=NOT_FREE&PAGEN_1=2&update_sys_new=Y") == 1


def test_concurrent_batches_share_one_feed_read(client: Any, fake_market: FakeMarketplace) -> None:
    fake_market.set_fault("/solutions/category/14/", "slow", delay=0.4)
    bodies: list[Any] = []

    def post() -> None:
        bodies.append(batch(client, [card("delta.kidstore")]).get_json())

    threads = [threading.Thread(target=post) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert len(bodies) == 4 and fake_market.count(FEED) == 1
    assert {b["facts"][0]["version"] for b in bodies} == {"2.2.5"}
    # one caller read it; the others waited for that read or (queued behind the two reader
    # threads) found it cached
    caches = sorted(b["feed"]["cache"] for b in bodies)
    assert caches.count("miss") == 1 and set(caches) - {"miss"} <= {"shared", "hit"}


@pytest.mark.parametrize(
    "listing_url",
    [
        "https://evil.example/solutions/category/14/",
        "https://marketplace.1c-bitrix.ru@evil.example/solutions/",
        "https://marketplace.1c-bitrix.ru.evil.example/solutions/",
        "http://marketplace.1c-bitrix.ru/solutions/",
        "https://marketplace.1c-bitrix.ru:8443/solutions/",
        "https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/",
        "https://marketplace.1c-bitrix.ru/partners/",
        "https://marketplace.1c-bitrix.ru/solutions/category/14/../../partners/",
        "file:///etc/passwd",
        "https://marketplace.1c-bitrix.ru/search/?q=a b",
        42,
        "",
    ],
)
def test_a_listing_url_that_is_not_a_marketplace_listing_is_refused(
    client: Any, fake_market: FakeMarketplace, listing_url: Any
) -> None:
    res = batch(client, [card("pixel.flowers")], listing_url)
    assert res.status_code == 400
    body = res.get_json()
    assert body["error"] == "invalid_listing_url" and body["field"] == "listing_url"
    assert fake_market.count() == 0  # refused before any request


def test_feed_down_the_batch_still_answers_with_the_stored_and_card_data(
    client: Any, fake_market: FakeMarketplace
) -> None:
    page = client.get(f"{API}/solutions/nordlab.smartseo").get_json()["facts"]  # a stored read
    fake_market.reset()
    fake_market.set_fault("/solutions/category/14/", "5xx", status=503)
    items = [card("nordlab.smartseo", rub=7900, demo_days=14), card("atelier.fashionshop")]
    res = batch(client, items)
    assert res.status_code == 200
    body = res.get_json()
    assert body["feed"]["status"] == "failed" and body["feed"]["error"] == "upstream_error"
    assert body["feed"]["note"].startswith("the listing's feed is unavailable: ")
    stored, alone = body["facts"]
    assert stored["changelog"] == page["changelog"] and stored["price"]["rub"] == 7900
    assert body["sources"][0]["changelog"] == "stored" and "feed" not in body["sources"][0].values()
    assert body["reports"][0]["score"] is not None
    assert alone == items[1] and body["stored"] == [body["stored"][0], None]
    # an outage is remembered: the next batch does not hit the failing feed again
    requests = fake_market.count(FEED)
    assert batch(client, items).get_json()["feed"]["status"] == "failed"
    assert fake_market.count(FEED) == requests


@pytest.fixture
def short_ttl(app_config: dict[str, Any]) -> dict[str, Any]:
    app_config.update(MARKETPLACE_TTL_LISTING_FEED=0.3)
    return app_config


def test_a_stale_feed_is_used_when_the_marketplace_fails(
    short_ttl: dict[str, Any], client: Any, fake_market: FakeMarketplace
) -> None:
    items = [card("vostok.furniture")]
    assert batch(client, items).get_json()["feed"]["status"] == "ok"
    time.sleep(0.4)  # past the TTL
    fake_market.set_fault("/solutions/category/14/", "5xx", status=502)
    body = batch(client, items).get_json()
    assert body["feed"]["status"] == "stale" and body["feed"]["stale"] is True
    assert body["feed"]["note"] == "the listing's feed failed: its last good read is used"
    assert body["facts"][0]["version"] == "3.0.7" and body["sources"][0]["version"] == "feed"
    assert fake_market.count(FEED) == 1 + 3  # the good read, then the failing one and its 2 retries


@pytest.fixture
def short_wait(app_config: dict[str, Any]) -> dict[str, Any]:
    app_config.update(MARKETPLACE_LISTING_FEED_WAIT=0.3)
    return app_config


def test_a_slow_feed_does_not_hold_the_batch_and_fills_the_next_one(
    short_wait: dict[str, Any], client: Any, fake_market: FakeMarketplace
) -> None:
    items = [card("vostok.furniture")]
    fake_market.set_fault("/solutions/category/14/", "slow", delay=1.0)
    started = time.monotonic()
    pending = batch(client, items).get_json()
    assert time.monotonic() - started < 0.9  # answered before the read finished
    assert pending["feed"]["status"] == "pending" and pending["facts"][0] == items[0]
    assert pending["feed"]["note"] == "the listing's feed is still being read (over 0.3 s)"
    deadline = time.monotonic() + 5
    later = pending
    while later["feed"]["status"] == "pending" and time.monotonic() < deadline:
        later = batch(client, items).get_json()  # joins the running read: no second request
    assert later["feed"]["status"] == "ok" and later["facts"][0]["version"] == "3.0.7"
    assert fake_market.count(FEED) == 1


def test_the_fresher_of_stored_read_and_feed_fills_first() -> None:
    now = datetime(2026, 11, 27, 12, 0, 0, tzinfo=UTC)
    base = card("a.b")
    stored = {
        "facts": {**card("a.b"), "version": "1.0.0", "updated": "2026-01-10"},
        "read_at": "2026-11-27T11:00:00Z",
    }
    feed = {"a.b": {"version": "1.1.0", "updated": "2026-11-01", "code": "a.b", "extraction": {"x": 1}}}
    # the feed was read 5 minutes ago, the stored read an hour ago: the feed is newer
    merged, used, sources = with_memory([base], {"a.b": stored}, now, feed=feed, feed_age=300)
    assert (merged[0]["version"], merged[0]["updated"], sources[0]["version"]) == (
        "1.1.0",
        "2026-11-01",
        "feed",
    )
    assert "extraction" not in merged[0] and used == [
        {"read_at": "2026-11-27T11:00:00Z", "age_seconds": 3600}
    ]
    # a feed cached two hours ago is older than the stored read
    merged, _, sources = with_memory([base], {"a.b": stored}, now, feed=feed, feed_age=7200)
    assert (merged[0]["version"], sources[0]["updated"]) == ("1.0.0", "stored")


def test_a_demo_from_two_sources_is_one_offer() -> None:
    """A feed's «has a trial» keeps a stored read's 14 days; a fresher «no trial» drops them."""
    now = datetime(2026, 11, 27, 12, 0, 0, tzinfo=UTC)
    stored = {"a.b": {"facts": {**card("a.b", demo_days=14)}, "read_at": "2026-11-20T12:00:00Z"}}
    trial = {"a.b": {"demo": {"available": True, "days": None, "online_demo_url": "https://demo.example/"}}}
    merged, _, sources = with_memory([card("a.b")], stored, now, feed=trial, feed_age=60)
    assert merged[0]["demo"] == {"available": True, "days": 14, "online_demo_url": "https://demo.example/"}
    assert (sources[0]["demo"], sources[0]["demo.days"]) == ("feed", "stored")
    none = {"a.b": {"demo": {"available": False, "days": None, "online_demo_url": None}}}
    merged, _, sources = with_memory([card("a.b")], stored, now, feed=none, feed_age=60)
    assert merged[0]["demo"] == {"available": False, "days": None, "online_demo_url": None}
    assert "demo.days" not in sources[0]


def test_feed_url_keeps_the_listing_and_reads_it_on_the_configured_origin() -> None:
    policy = UrlPolicy("http://127.0.0.1:8080")
    got = feed_url(
        policy, "https://marketplace.1c-bitrix.ru/search/index.php?q=%D0%BC&PAGEN_1=3&update_sys_new=N"
    )
    assert str(got) == "http://127.0.0.1:8080/search/index.php?q=%D0%BC&PAGEN_1=3&update_sys_new=Y"
    assert str(feed_url(policy, "http://127.0.0.1:8080/solutions/")) == (
        "http://127.0.0.1:8080/solutions/?update_sys_new=Y"
    )
    # a windows-1251 search text («маг») stays the same bytes
    cp1251 = feed_url(policy, "https://marketplace.1c-bitrix.ru/search/?q=%EC%E0%E3")
    assert str(cp1251) == "http://127.0.0.1:8080/search/?q=%EC%E0%E3&update_sys_new=Y"
    with pytest.raises(NotAListing, match="not a catalog, category or search page"):
        feed_url(policy, "https://marketplace.1c-bitrix.ru/solutions/category/x/")


def test_two_workers_on_redis_read_the_feed_once(
    app_config: dict[str, Any], redis_url: str, fake_market: FakeMarketplace
) -> None:
    """SPEC §12: with Redis the feed's cache and single flight are the fleet's, like a solution's.
    The listing's query is this test's own: the fake Marketplace lives for the whole session, and a
    read another test left running in the background (a «pending» feed) must not be counted here."""
    apps = [create_app({**app_config, "REDIS_URL": redis_url, "RATE_LIMIT": "off"}) for _ in range(2)]
    listing, feed = f"{LISTING.split('#')[0]}&fleet=2", f"{FEED.split('&')[0]}&fleet=2&update_sys_new=Y"
    try:
        fake_market.set_fault("/solutions/category/14/", "slow", delay=0.3)
        clients = [api_client(app) for app in apps]
        bodies: list[Any] = []
        threads = [
            threading.Thread(
                target=lambda c=c: bodies.append(batch(c, [card("retaillab.b2b")], listing).get_json())
            )
            for c in clients * 3
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=10)
        assert fake_market.count(feed) == 1  # one upstream read of this listing's feed for the fleet
        assert fake_market.count("/solutions/retaillab.b2b/") == 0  # and no card's own page
        assert [b["facts"][0]["version"] for b in bodies] == ["4.5.0"] * 6
        assert {b["feed"]["status"] for b in bodies} == {"ok"}
    finally:
        for app in apps:
            get_service(app).close()
