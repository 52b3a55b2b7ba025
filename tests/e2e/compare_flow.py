"""Shared steps for the comparison tests: put solutions on the shortlist from their pages, open
compare.html, read its cells, and the engine's own reports for the same fixture pages."""

from __future__ import annotations

import shutil
from datetime import date
from functools import cache
from typing import Any

from playwright.sync_api import BrowserContext, Page

from tests.e2e.browser import REPO, extension_id
from tests.e2e.helpers import FULL_BADGE, ui_text, wait_badge_ready
from tests.e2e.pages import fake_routes, solution_url

# The fixture pages are dated for this day; judging as of it keeps statuses and exports stable.
JUDGE_DAY = "2026-11-27"


def add_from_badge(ctx: BrowserContext, page: Page, code: str) -> None:
    """Open the solution page, wait for the final paint, press the badge's compare toggle."""
    page.goto(solution_url(code))
    wait_badge_ready(page)
    unavailable = ui_text(ctx, "partnerUnavailable")
    page.locator(f"{FULL_BADGE} .mp-partner", has_text=unavailable).wait_for(timeout=8_000)
    page.locator(f'{FULL_BADGE} [data-action="compare-add"]').click()
    page.locator(f'{FULL_BADGE} [data-action="compare-remove"]').wait_for(timeout=5_000)


def open_compare(ctx: BrowserContext, today: str | None = JUDGE_DAY) -> Page:
    compare = ctx.new_page()
    query = f"?today={today}" if today else ""
    compare.goto(f"chrome-extension://{extension_id(ctx)}/compare.html{query}")
    compare.locator("#app[data-state='ready'], #app[data-state='empty']").wait_for(timeout=10_000)
    return compare


def cells(compare: Page) -> dict[tuple[str, str], dict[str, Any]]:
    """(code, criterion) -> {status, best} for every step cell on the page."""
    found = compare.evaluate(
        """() => [...document.querySelectorAll('td[data-criterion]')].map(td => ({
            code: td.dataset.code, criterion: td.dataset.criterion,
            status: td.dataset.status, best: td.hasAttribute('data-best')}))"""
    )
    return {(c["code"], c["criterion"]): c for c in found}


def column_order(compare: Page) -> list[str]:
    return compare.eval_on_selector_all("thead th[data-code]", "ths => ths.map(th => th.dataset.code)")


@cache
def engine_report(code: str, today: str = JUDGE_DAY) -> dict[str, Any]:
    """The Python engine's report for the fixture page served at this code (backend pipeline)."""
    from mpcheck.engine import build_report
    from mpcheck.extract import extract_page
    from mpcheck.rules import load_rules

    routes, tmp = fake_routes()
    shutil.rmtree(tmp, ignore_errors=True)
    facts = extract_page(routes.solutions[code].read_bytes(), url=solution_url(code))
    return build_report(facts, load_rules(REPO / "shared_rules"), today=date.fromisoformat(today))
