"""The badge on every fixture solution page, with the backend stopped (local rules only)."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.e2e.browser import ARTIFACTS, set_backend
from tests.e2e.helpers import (
    CRITERIA,
    FULL_BADGE,
    STATUSES,
    expand_badge,
    rows,
    screenshot,
    ui_text,
    wait_badge_ready,
)
from tests.e2e.pages import HOSTILE_CODE, XSS_CODE, fake_routes, solution_url


def _solution_codes() -> list[str]:
    routes, tmp = fake_routes()
    shutil.rmtree(tmp, ignore_errors=True)
    return sorted(code for code in routes.solutions if code not in (XSS_CODE, HOSTILE_CODE))


SOLUTION_CODES = _solution_codes()


def test_fixture_pages_found() -> None:
    assert len(SOLUTION_CODES) >= 5


@pytest.mark.parametrize("code", SOLUTION_CODES)
def test_badge_on_solution_page(ctx: BrowserContext, page: Page, closed_port_url: str, code: str) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(solution_url(code))
    wait_badge_ready(page)
    badge = page.locator(FULL_BADGE)
    assert badge.count() == 1
    assert badge.get_attribute("data-code") == code
    found = rows(page)
    assert [c for c, _ in found] == CRITERIA
    assert all(s in STATUSES for _, s in found)
    score = badge.get_attribute("data-score")
    assert score is None or 0 <= int(score) <= 100
    assert 0 <= float(badge.get_attribute("data-coverage") or "-1") <= 1
    # Backend stopped: the local badge stays and says the partner rating is unavailable.
    unavailable = ui_text(ctx, "partnerUnavailable")
    page.locator(f"{FULL_BADGE} .mp-partner", has_text=unavailable).wait_for(timeout=8_000)
    assert page.locator(f'{FULL_BADGE} [data-action="compare-add"]').count() == 1
    assert page.errors == []  # type: ignore[attr-defined]


def test_badge_text_and_expansion(ctx: BrowserContext, page: Page, closed_port_url: str) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(solution_url("nordlab.smartseo"))
    wait_badge_ready(page)
    text = page.locator(f"{FULL_BADGE} .mp-coverage").text_content() or ""
    # Steps not applicable (the price is information, a free solution needs no demo) leave the total.
    assert re.fullmatch(r"(данные по \d из [1-9] шагов|data on \d of [1-9] steps)", text), text
    assert page.locator(f"{FULL_BADGE} .mp-headline").text_content()
    assert not page.locator(f"{FULL_BADGE} #mp-details").is_visible()
    expand_badge(page)
    assert page.locator(f"{FULL_BADGE} #mp-details").is_visible()
    page.locator(FULL_BADGE).scroll_into_view_if_needed()
    screenshot(page, "badge.png", ARTIFACTS, FULL_BADGE)


def test_idempotent_and_follows_in_page_navigation(
    ctx: BrowserContext, page: Page, closed_port_url: str
) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(solution_url("nordlab.smartseo"))
    wait_badge_ready(page)
    page.evaluate(
        "() => { const p = document.createElement('p'); p.textContent = 'more';"
        " (document.querySelector('#bx-all-page-content') || document.body).append(p); }"
    )
    page.wait_for_timeout(700)  # > the observer's debounce
    assert page.locator(FULL_BADGE).count() == 1
    page.evaluate(
        "() => { history.pushState({}, '', '/solutions/nordlab.other/');"
        " document.querySelector('h1').append(document.createTextNode(' ')); }"
    )
    page.locator(f'{FULL_BADGE}[data-code="nordlab.other"][data-state="ready"]').wait_for(timeout=5_000)
    assert page.locator(FULL_BADGE).count() == 1


def test_compare_add_stores_the_solution(ctx: BrowserContext, page: Page, closed_port_url: str) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(solution_url("nordlab.smartseo"))
    wait_badge_ready(page)
    page.locator(f'{FULL_BADGE} [data-action="compare-add"]').click()
    page.locator(f"{FULL_BADGE} .mp-compare-status", has_text=ui_text(ctx, "compareAdded")).wait_for()
    from tests.e2e.browser import service_worker

    stored = service_worker(ctx).evaluate(
        "() => chrome.storage.local.get('shortlist').then(r => r.shortlist)"
    )
    assert [item["code"] for item in stored] == ["nordlab.smartseo"]


def test_no_work_on_other_pages(ctx: BrowserContext, page: Page, closed_port_url: str) -> None:
    set_backend(ctx, closed_port_url)
    page.goto("https://marketplace.1c-bitrix.ru/partners/")
    page.wait_for_timeout(500)
    assert page.locator("mpcheck-badge").count() == 0
    assert page.evaluate("() => performance.getEntriesByName('mpcheck:extract').length") == 0
