"""The buyer's own checks: recorded in the popup, they re-score the popup and the page's badge
(evidence source "you"), survive in storage.local per solution, and clearing them reverts."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page

from tests.e2e.browser import ARTIFACTS, extension_id, service_worker, set_backend
from tests.e2e.helpers import FULL_BADGE, axe_serious, open_popup, screenshot, tab_id_for, wait_badge_ready
from tests.e2e.pages import solution_url

# Declares support within 48 h and ticket + e-mail channels: the support step starts as a warning.
CODE = "atelier.fashionshop"
ROW = '[data-criterion="{id}"][data-status="{status}"]'


def _stored(ctx: BrowserContext) -> object:
    return service_worker(ctx).evaluate(
        f"() => chrome.storage.local.get('buyer:{CODE}').then(g => g['buyer:{CODE}'] ?? null)"
    )


def _open(ctx: BrowserContext, page: Page, backend: str) -> Page:
    set_backend(ctx, backend)  # also clears storage.local: no checks, no snapshots
    page.goto(solution_url(CODE))
    wait_badge_ready(page)
    return open_popup(ctx, extension_id(ctx), tab_id_for(ctx, solution_url(CODE) + "*"))


def test_support_test_rescores_popup_and_badge_and_clears(
    ctx: BrowserContext, page: Page, closed_port_url: str
) -> None:
    popup = _open(ctx, page, closed_port_url)
    try:
        popup.locator("#app " + ROW.format(id="support", status="warn")).wait_for()
        page.locator(f"{FULL_BADGE} " + ROW.format(id="support", status="warn")).wait_for(state="attached")
        before = popup.locator('#app [data-criterion="support"] .mp-message').text_content()

        # Friday 17:00 -> Monday 12:00 Moscow time, counted in the vendor's stated calendar
        # (10:00-19:00, МСК+4): Friday 21:00 is after hours, Monday 10:00-16:00 their time = 6 h.
        popup.fill("#mp-buyer-asked", "2026-11-27T17:00")
        popup.fill("#mp-buyer-answered", "2026-11-30T12:00")
        result = popup.locator(".mp-buyer-result")
        assert (result.text_content() or "").replace(",", ".").split()[2] == "6", result.text_content()
        popup.focus("#mp-buyer-save")
        popup.keyboard.press("Enter")  # the form works from the keyboard

        popup.locator("#app " + ROW.format(id="support", status="good")).wait_for(timeout=5_000)
        support = popup.locator('#app [data-criterion="support"]')
        assert support.locator('[data-source="you"]').count() >= 1
        assert support.locator(".mp-message").text_content() != before
        assert "6" in (support.locator(".mp-message").text_content() or "")
        page.locator(f"{FULL_BADGE} " + ROW.format(id="support", status="good")).wait_for(
            state="attached", timeout=5_000
        )
        stored = _stored(ctx)
        assert isinstance(stored, dict)
        assert stored["support_test"]["asked_at"] == "2026-11-27T17:00+03:00"
        assert stored["support_test"]["response_hours"] == 6
        assert popup.evaluate("() => document.activeElement && document.activeElement.id") == "mp-buyer-save"
        screenshot(popup, "popup-buyer-checks.png", ARTIFACTS)

        popup.click("#mp-buyer-test-clear")
        popup.locator("#app " + ROW.format(id="support", status="warn")).wait_for(timeout=5_000)
        page.locator(f"{FULL_BADGE} " + ROW.format(id="support", status="warn")).wait_for(
            state="attached", timeout=5_000
        )
        assert popup.locator('#app [data-criterion="support"] [data-source="you"]').count() == 0
        assert _stored(ctx) is None
    finally:
        popup.close()
    assert page.errors == []  # type: ignore[attr-defined]


def test_choices_feed_their_steps_and_clear_all(
    ctx: BrowserContext, page: Page, closed_port_url: str
) -> None:
    popup = _open(ctx, page, closed_port_url)
    try:
        popup.locator("#mp-buyer-account-manager").wait_for()
        popup.select_option("#mp-buyer-account-manager", "offered")
        popup.locator("#app " + ROW.format(id="account_manager", status="good")).wait_for(timeout=5_000)
        popup.locator("#app " + ROW.format(id="cases", status="bad")).wait_for()  # no cases listed
        popup.select_option("#mp-buyer-cases-checked", "worked")
        popup.locator("#app " + ROW.format(id="cases", status="warn")).wait_for(timeout=5_000)
        page.locator(f"{FULL_BADGE} " + ROW.format(id="cases", status="warn")).wait_for(
            state="attached", timeout=5_000
        )
        assert popup.locator(".mp-buyer-recorded").count() == 2  # each check shows its date
        assert axe_serious(popup) == []

        popup.click("#mp-buyer-clear-all")
        popup.locator("#app " + ROW.format(id="cases", status="bad")).wait_for(timeout=5_000)
        popup.locator("#app " + ROW.format(id="account_manager", status="unknown")).wait_for(timeout=5_000)
        page.locator(f"{FULL_BADGE} " + ROW.format(id="cases", status="bad")).wait_for(
            state="attached", timeout=5_000
        )
        assert _stored(ctx) is None
        assert popup.locator("#mp-buyer-account-manager").input_value() == ""
    finally:
        popup.close()


def test_checks_are_per_solution_and_survive_a_reload(
    ctx: BrowserContext, page: Page, closed_port_url: str
) -> None:
    popup = _open(ctx, page, closed_port_url)
    try:
        popup.select_option("#mp-buyer-account-manager", "offered")
        popup.locator("#app " + ROW.format(id="account_manager", status="good")).wait_for(timeout=5_000)
    finally:
        popup.close()
    page.reload()
    wait_badge_ready(page)
    page.locator(f"{FULL_BADGE} " + ROW.format(id="account_manager", status="good")).wait_for(
        state="attached", timeout=5_000
    )
    page.goto(solution_url("nordlab.smartseo"))
    wait_badge_ready(page)
    page.wait_for_timeout(300)
    evidence = page.locator(f'{FULL_BADGE} [data-criterion="account_manager"]').get_attribute("data-status")
    assert evidence == "unknown"  # the other solution's checks stay with it
