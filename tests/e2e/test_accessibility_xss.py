"""axe-core on the popup and the expanded badge; hostile page text stays text."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.e2e.browser import extension_id, set_backend
from tests.e2e.helpers import FULL_BADGE, axe_serious, expand_badge, open_popup, tab_id_for, wait_badge_ready
from tests.e2e.pages import HOSTILE_CODE, XSS_CODE, solution_url


def test_expanded_badge_has_no_serious_axe_violations(
    ctx: BrowserContext, page: Page, closed_port_url: str
) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(solution_url("nordlab.smartseo"))
    wait_badge_ready(page)
    expand_badge(page)
    # Only our nodes: the reconstructed Marketplace page's own markup is not under test.
    assert axe_serious(page, scope_prefix="mpcheck-badge") == []


def test_popup_has_no_serious_axe_violations(ctx: BrowserContext, page: Page, closed_port_url: str) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(solution_url("nordlab.smartseo"))
    wait_badge_ready(page)
    popup = open_popup(ctx, extension_id(ctx), tab_id_for(ctx, solution_url("nordlab.smartseo") + "*"))
    try:
        assert axe_serious(popup) == []
    finally:
        popup.close()


@pytest.mark.parametrize("code", [XSS_CODE, HOSTILE_CODE])
def test_hostile_page_text_is_rendered_as_text(
    ctx: BrowserContext, page: Page, closed_port_url: str, code: str
) -> None:
    """XSS_CODE escapes all its markup, so nothing may run at all; the shared hostile fixture also
    holds live <img onerror> / <script> of its own, so there only our nodes are checked."""
    set_backend(ctx, closed_port_url)
    page.goto(solution_url(code))
    wait_badge_ready(page)
    expand_badge(page)
    popup = open_popup(ctx, extension_id(ctx), tab_id_for(ctx, solution_url(code) + "*"))
    popup_dialogs: list[str] = []
    popup.on("dialog", lambda d: (popup_dialogs.append(d.message), d.dismiss()))
    try:
        page.wait_for_timeout(300)
        if code == XSS_CODE:
            assert page.evaluate("() => window.__mpcheckPwned") is None
        assert popup.evaluate("() => window.__mpcheckPwned") is None
        assert popup_dialogs == []
        assert page.locator(f"{FULL_BADGE} img, {FULL_BADGE} script, {FULL_BADGE} iframe").count() == 0
        assert popup.locator("#app img, #app script, #app iframe").count() == 0
        # The page's own (escaped) heading text is untouched.
        assert page.locator("h1 img").count() == 0
    finally:
        popup.close()
