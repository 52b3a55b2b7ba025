"""History the buyer sees (issue 13 #7): a shortlisted solution whose observations change on the
backend (recorded through the backend's own store, as a later read would) shows what changed since
it was added in the popup («Что изменилось в сравнении») and as the toolbar icon's count, which goes
once the section is opened; the history list and chart show the backend's observations merged
with the buyer's own visits (one point per day, «ваш визит» marked), in the popup and the
comparison."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from mpcheck.engine.formatting import format_value
from mpcheck.marketplace.store import ObservationStore
from playwright.sync_api import BrowserContext, Page

from tests.e2e.backend_server import BackendProcess
from tests.e2e.browser import ARTIFACTS, extension_id, service_worker, set_backend
from tests.e2e.compare_flow import open_compare
from tests.e2e.helpers import FULL_BADGE, open_popup, screenshot, tab_id_for, ui_lang, wait_badge_ready
from tests.e2e.pages import solution_url
from tests.fakemarket.routes import decode
from tests.fakemarket.server import FakeMarketplace

CODE = "nordlab.smartseo"
TODAY = datetime.now(UTC).date()


@pytest.fixture
def own_backend(market_http: FakeMarketplace, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A backend of this test's own, so its store holds only the observations recorded here."""
    db = tmp_path / "history.sqlite3"
    server = BackendProcess(market_http.base_url, db)
    server.__enter__()
    try:
        yield server.url, db
    finally:
        server.__exit__()


def _badge_text(ctx: BrowserContext) -> str:
    return str(service_worker(ctx).evaluate("() => chrome.action.getBadgeText({})"))


def _wait_badge_text(ctx: BrowserContext, page: Page, want: str) -> None:
    got = ""
    for _ in range(80):
        got = _badge_text(ctx)
        if got == want:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"action badge text {got!r}, want {want!r}")


def _stored(db: Path, page: Page) -> dict[str, Any]:
    """The backend's latest full read of the solution (written when the worker asked for history)."""
    store = ObservationStore(db)
    try:
        for _ in range(80):
            found = store.stored_facts([CODE]).get(CODE)
            if found and "schema" in found["facts"]:  # not the bare values recorded above
                return found["facts"]
            page.wait_for_timeout(100)
    finally:
        store.close()
    raise AssertionError("the backend stored no read of the solution")


def _record(db: Path, facts: dict[str, Any], now: str | None = None) -> None:
    store = ObservationStore(db)
    try:
        store.record(CODE, facts, now=now)
    finally:
        store.close()


# Dates and prices read as the engine writes them (scoring.json numbers.<lang>): the extension uses
# the same formatter, so these follow the digit-group mark and month names wherever they are set.
SCORING = Path(__file__).parents[2] / "shared_rules" / "scoring.json"
NUMBERS = json.loads(SCORING.read_text("utf-8"))["numbers"]


def _day(day: date, lang: str) -> str:
    return format_value(day.isoformat(), "date", NUMBERS[lang])


def _rub(rub: int, lang: str) -> str:
    return format_value(rub, "money", NUMBERS[lang])


def test_shortlisted_change_shows_in_popup_icon_and_history(
    ctx: BrowserContext, page: Page, own_backend: tuple[str, Path]
) -> None:
    url, db = own_backend
    ru = ui_lang(ctx) == "ru"
    # Two older server observations (only the tracked values) and one older visit of the buyer's.
    _record(
        db, {"price": {"rub": 14990}, "reviews": {"total": 30}, "version": "3.4.1"}, "2026-11-01T09:00:00Z"
    )
    _record(
        db, {"price": {"rub": 12990}, "reviews": {"total": 34}, "version": "3.4.2"}, "2026-11-20T09:00:00Z"
    )
    # Warm the backend (a cold partner lookup reads the fake Marketplace politely, beyond the
    # extension's 2 s budget); the history read also stores today's observation of the page.
    for path in ("/api/v1/partners/731204", f"/api/v1/solutions/{CODE}/history"):
        warm = urllib.request.Request(url + path, headers={"X-Mpcheck-Client": "e2e-warm-up"})
        with urllib.request.urlopen(warm, timeout=30) as res:
            assert res.status == 200
    set_backend(ctx, url)
    old_visit = {
        "code": CODE,
        "captured": "2026-11-25T10:00:00.000Z",
        "price": 12990,
        "reviews_total": 35,
        "comments_total": None,
        "version": "3.4.2",
        "score": 12,
        "facts": None,
    }
    service_worker(ctx).evaluate(
        f"() => chrome.storage.local.set({{'visits:{CODE}': [{json.dumps(old_visit)}]}})"
    )

    page.goto(solution_url(CODE))
    wait_badge_ready(page)
    page.locator(f'{FULL_BADGE} [data-action="compare-add"]').click()
    page.locator(f'{FULL_BADGE} [data-action="compare-remove"]').wait_for(timeout=5_000)
    facts = _stored(db, page)
    assert (facts["version"], facts["price"]["rub"], facts["reviews"]["total"]) == ("3.4.2", 12990, 37)
    assert _badge_text(ctx) == ""  # nothing changed since it was added

    # The next read on the server: a new release, a lower price and a new 1-star review.
    newest_review = max(r["date"] for r in facts["reviews"]["items"] if r.get("date"))
    review_day = date.fromisoformat(newest_review) + timedelta(days=1)
    changed = {**facts, "version": "3.5.0", "price": {**facts["price"], "rub": 10990}}
    changed["reviews"] = {
        **facts["reviews"],
        "total": facts["reviews"]["total"] + 1,
        "items": [
            *facts["reviews"]["items"],
            {"date": review_day.isoformat(), "stars": 1, "answered": False},
        ],
    }
    page.wait_for_timeout(1_100)  # the store stamps whole seconds: this read is after the visit
    _record(db, changed)
    # The worker keeps the history for hours; the test stands in for those hours passing.
    service_worker(ctx).evaluate(
        "() => chrome.storage.local.get(null).then(all => chrome.storage.local.remove("
        "Object.keys(all).filter(k => k.startsWith('cache:history:'))))"
    )

    popup = open_popup(ctx, extension_id(ctx), tab_id_for(ctx, solution_url(CODE) + "*"))
    try:
        section = popup.locator("details.mp-shortlist-changes")
        section.wait_for(timeout=8_000)
        items = section.locator(f'li[data-code="{CODE}"] li')
        assert [i.get_attribute("data-change") for i in items.all()] == [
            "release",
            "negative_review",
            "price",
        ]
        assert [i.get_attribute("data-new") for i in items.all()] == ["true", "true", "true"]
        texts = [i.text_content() for i in items.all()]
        if ru:
            assert section.locator("summary").text_content() == "Что изменилось в сравнении (3 новых)"
            assert texts == [
                "новая версия: 3.4.2 → 3.5.0",
                f"новый негативный отзыв: 1★ от {_day(review_day, 'ru')}",
                f"цена: {_rub(12990, 'ru')} → {_rub(10990, 'ru')}",
            ]
        else:
            assert texts == [
                "new release: 3.4.2 → 3.5.0",
                f"new negative review: 1★ on {_day(review_day, 'en')}",
                f"price: {_rub(12990, 'en')} → {_rub(10990, 'en')}",
            ]
        _wait_badge_text(ctx, popup, "3")

        # The history: newest first; today's point is the server's latest read, scored today.
        history = popup.locator("#app .mp-history-list li")
        history.first.wait_for(timeout=8_000)
        lines = [li.text_content() or "" for li in history.all()]
        sources = [li.get_attribute("data-source") for li in history.all()]
        days = [li.get_attribute("data-date") for li in history.all()]
        assert days == [TODAY.isoformat(), "2026-11-25", "2026-11-20", "2026-11-01"]
        assert sources == ["backend", "visit", "backend", "backend"]
        marks = popup.locator("#app svg.mp-history-chart .mp-history-point")
        assert marks.count() == 4
        assert popup.locator("#app svg.mp-history-chart .mp-history-visit").count() == 2  # 25.11 and today
        score = marks.nth(3).get_attribute("data-score") or ""
        assert score.isdigit() and 0 <= int(score) <= 100  # the latest read, scored with today's settings
        assert marks.nth(0).get_attribute("data-score") == ""  # a bare observation has no score
        chart = popup.locator("#app svg.mp-history-chart")
        releases = chart.locator(".mp-history-release")
        assert [g.get_attribute("data-version") for g in releases.all()] == ["3.4.2", "3.5.0"]
        assert chart.locator("polyline.mp-history-price").count() == 1
        if ru:
            assert lines[1:] == [
                f"25.11.2026, ваш визит: оценки нет, {_rub(12990, 'ru')}, версия 3.4.2, 35 отзывов",
                f"20.11.2026, наблюдение сервера: оценки нет, {_rub(12990, 'ru')}, версия 3.4.2, 34 отзыва",
                f"01.11.2026, наблюдение сервера: оценки нет, {_rub(14990, 'ru')}, версия 3.4.1, 30 отзывов",
            ]
            assert lines[0] == (
                f"{_day(TODAY, 'ru')}, наблюдение сервера (в этот день был и ваш визит): оценка {score}, "
                f"{_rub(10990, 'ru')}, версия 3.5.0, 38 отзывов"
            )
        else:
            assert (
                lines[1]
                == f"25 Nov 2026, your visit: no score, {_rub(12990, 'en')}, version 3.4.2, 35 reviews"
            )
        screenshot(popup, "popup-history.png", ARTIFACTS, "#app .mp-history")

        section.locator("summary").click()  # the buyer opens the section: the changes are seen
        _wait_badge_text(ctx, popup, "")
    finally:
        popup.close()

    compare = open_compare(ctx, today=None)
    try:
        cell = compare.locator(f'.cmp-history li[data-date="{TODAY.isoformat()}"]')
        cell.wait_for(timeout=8_000)
        assert compare.locator(".cmp-history li").count() == 4  # the compact cell: the newest 4
        assert compare.locator(".cmp-history svg.mp-history-chart .mp-history-point").count() == 4
        screenshot(compare, "compare-history.png", ARTIFACTS, ".cmp-history")
    finally:
        compare.close()
    assert page.errors == []  # type: ignore[attr-defined]


@pytest.fixture
def serve_cheaper(market: FakeMarketplace, tmp_path: Path) -> Iterator[Callable[[], None]]:
    """A switch to a copy of the solution page at 10 990 руб.; the route table is restored afterwards."""
    original = market.routes.solutions[CODE]
    html = decode(original.read_bytes())
    assert "12&nbsp;990 руб." in html
    changed = tmp_path / "cheaper.html"
    changed.write_text(html.replace("12&nbsp;990 руб.", "10&nbsp;990 руб."), encoding="utf-8")
    try:
        yield lambda: market.routes.solutions.__setitem__(CODE, changed)
    finally:
        market.routes.solutions[CODE] = original


def test_visiting_the_solution_page_clears_its_count(
    ctx: BrowserContext, page: Page, own_backend: tuple[str, Path], serve_cheaper: Callable[[], None]
) -> None:
    url, db = own_backend
    for path in ("/api/v1/partners/731204", f"/api/v1/solutions/{CODE}/history"):
        warm = urllib.request.Request(url + path, headers={"X-Mpcheck-Client": "e2e-warm-up"})
        with urllib.request.urlopen(warm, timeout=30) as res:
            assert res.status == 200
    set_backend(ctx, url)
    page.goto(solution_url(CODE))
    wait_badge_ready(page)
    page.locator(f'{FULL_BADGE} [data-action="compare-add"]').click()
    page.locator(f'{FULL_BADGE} [data-action="compare-remove"]').wait_for(timeout=5_000)
    facts = _stored(db, page)
    page.wait_for_timeout(1_100)  # whole-second stamps: this read is after the visit
    _record(db, {**facts, "price": {**facts["price"], "rub": 10990}})
    worker = service_worker(ctx)
    worker.evaluate(
        "() => chrome.storage.local.get(null).then(all => chrome.storage.local.remove("
        "Object.keys(all).filter(k => k.startsWith('cache:history:'))))"
    )
    worker.evaluate(
        "() => chrome.storage.local.set({'shortlist-seen': []})"
    )  # a recount, as any change causes
    _wait_badge_text(ctx, page, "1")  # the server saw the new price; the buyer has not

    serve_cheaper()
    page.reload()  # the buyer opens the solution's page: its change is seen
    wait_badge_ready(page)
    _wait_badge_text(ctx, page, "")
    seen = worker.evaluate("() => chrome.storage.local.get('shortlist-seen').then(g => g['shortlist-seen'])")
    assert seen == [f"{CODE}|price|10990"]
    assert page.errors == []  # type: ignore[attr-defined]
