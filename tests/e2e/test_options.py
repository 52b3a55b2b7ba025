"""Options page: switching a step off re-scores the open page (profile/disabled reach the engine)."""

from __future__ import annotations

import json

from playwright.sync_api import BrowserContext, Page

from tests.e2e.browser import REPO, extension_id, service_worker, set_backend
from tests.e2e.helpers import FULL_BADGE, axe_serious, ui_lang, wait_badge_ready
from tests.e2e.pages import solution_url

SCORING = json.loads((REPO / "shared_rules" / "scoring.json").read_text(encoding="utf-8"))


def test_switching_a_step_off_rescores_the_page(
    ctx: BrowserContext, page: Page, closed_port_url: str
) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(solution_url("nordlab.smartseo"))
    wait_badge_ready(page)
    options = ctx.new_page()
    try:
        options.goto(f"chrome-extension://{extension_id(ctx)}/options.html")
        options.locator("input[name=criterion][value=price]").uncheck()
        options.locator("input[name=profile][value=site]").check()
        assert axe_serious(options) == []
        assert options.locator("#backend-url").input_value() == "http://127.0.0.1:8765"
        options.locator("button[type=submit]").click()
        options.wait_for_function("() => document.querySelector('#opt-status').textContent.length > 0")
    finally:
        options.close()
    stored = service_worker(ctx).evaluate("() => chrome.storage.local.get('settings').then(r => r.settings)")
    assert stored["disabled"] == ["price"]
    assert stored["profile"] == "site"
    disabled_text = SCORING["texts"]["disabled"][ui_lang(ctx)]
    row = page.locator(f'{FULL_BADGE} [data-criterion="price"][data-status="not_applicable"]')
    row.wait_for(state="attached", timeout=5_000)
    assert disabled_text in (row.text_content() or "")
    assert page.locator(FULL_BADGE).count() == 1
