"""'Since your last visit': the first visit stores a snapshot and says nothing; when the fake
Marketplace then serves a changed page (lower price, more reviews), the next visit shows one line
on the badge and a list in the popup; the visit after that is quiet again."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mpcheck.engine.formatting import format_value
from playwright.sync_api import BrowserContext, Page

from tests.e2e.browser import ARTIFACTS, extension_id, service_worker, set_backend
from tests.e2e.helpers import FULL_BADGE, open_popup, screenshot, tab_id_for, ui_lang, wait_badge_ready
from tests.e2e.pages import solution_url
from tests.fakemarket.routes import decode
from tests.fakemarket.server import FakeMarketplace

CODE = "nordlab.smartseo"
# Prices read as the engine writes them (scoring.json numbers.<lang>), as in every other text.
SCORING = Path(__file__).parents[2] / "shared_rules" / "scoring.json"
NUMBERS = json.loads(SCORING.read_text("utf-8"))["numbers"]


def _path(lang: str) -> str:
    return " → ".join(format_value(rub, "money", NUMBERS[lang]) for rub in (12990, 10990))


CHANGES = [  # (original, changed) in solution_module_paid_demo14_active.html
    ("12&nbsp;990 руб.", "10&nbsp;990 руб."),
    ("37 отзывов", "40 отзывов"),
    ('mp-tabs__count">37<', 'mp-tabs__count">40<'),
    ("Всего отзывов: <b>37</b>", "Всего отзывов: <b>40</b>"),
]


@pytest.fixture
def serve_changed(market: FakeMarketplace, tmp_path: Path) -> Iterator[Callable[[], None]]:
    """A switch to a modified copy of the solution page; the route table is restored afterwards."""
    original = market.routes.solutions[CODE]
    html = decode(original.read_bytes())
    for old, new in CHANGES:
        assert old in html, old
        html = html.replace(old, new)
    changed = tmp_path / "changed.html"
    changed.write_text(html, encoding="utf-8")
    try:
        yield lambda: market.routes.solutions.__setitem__(CODE, changed)
    finally:
        market.routes.solutions[CODE] = original


def _snapshot(ctx: BrowserContext, page: Page) -> dict:
    """Waits until the worker has stored this visit's snapshot (after enrichment settles)."""
    script = f"() => chrome.storage.local.get('snapshot:{CODE}').then(g => g['snapshot:{CODE}'] ?? null)"
    for _ in range(50):
        found = service_worker(ctx).evaluate(script)
        if isinstance(found, dict):
            return found
        page.wait_for_timeout(100)
    raise AssertionError("no snapshot stored")


def test_second_visit_shows_what_changed(
    ctx: BrowserContext, page: Page, closed_port_url: str, serve_changed: Callable[[], None]
) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(solution_url(CODE))
    wait_badge_ready(page)
    first = _snapshot(ctx, page)
    assert (first["price"], first["reviews_total"], first["version"]) == (12990, 37, "3.4.2")
    page.wait_for_timeout(300)
    assert page.locator(f"{FULL_BADGE} .mp-since").count() == 0  # the first visit says nothing

    serve_changed()
    page.reload()
    wait_badge_ready(page)
    line = page.locator(f"{FULL_BADGE} .mp-since")
    line.wait_for(timeout=8_000)
    text = line.text_content() or ""
    if ui_lang(ctx) == "ru":
        assert text.startswith("С прошлого визита (")
        assert "+3 отзыва" in text and f"цена {_path('ru')}" in text, text
    else:
        assert "+3 reviews" in text and f"price {_path('en')}" in text, text
    screenshot(page, "badge-since-last-visit.png", ARTIFACTS, FULL_BADGE)

    popup = open_popup(ctx, extension_id(ctx), tab_id_for(ctx, solution_url(CODE) + "*"))
    try:
        items = popup.locator("#app .mp-since-list li")
        items.first.wait_for(timeout=5_000)
        kinds = [i.get_attribute("data-change") for i in items.all()]
        assert "reviews" in kinds and "price" in kinds
        assert popup.locator("#app svg.mp-timeline[role='img']").count() == 1
        assert popup.locator("#app svg.mp-timeline rect.mp-bar").count() >= 1  # the page lists reviews
        screenshot(popup, "popup-timeline.png", ARTIFACTS, "#app .mp-timeline-figure")
    finally:
        popup.close()

    assert _snapshot(ctx, page)["price"] == 10990  # stored after showing
    page.reload()
    wait_badge_ready(page)
    page.wait_for_timeout(800)
    assert page.locator(f"{FULL_BADGE} .mp-since").count() == 0  # nothing new since a moment ago
    assert page.errors == []  # type: ignore[attr-defined]
