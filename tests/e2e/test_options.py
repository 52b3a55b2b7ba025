"""Options page: switching a step off re-scores the open page (profile/disabled reach the engine);
the backend address gets a missing http://, says it waits for the browser's permission, and a new
attempt clears the last one's error.

What headless Chromium cannot show: the permission prompt itself. chrome.permissions.request for an
origin the extension does not hold opens a prompt nobody can answer there, so its promise never
settles (checked: still pending after 3 s); the "allowed" and "refused" answers for a NEW origin stay
untested. Tested instead: the state shown while the prompt is open, and the grant path with an origin
the manifest already holds (the request resolves at once, without a prompt).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.e2e.browser import REPO, extension_id, service_worker, set_backend
from tests.e2e.helpers import FULL_BADGE, axe_serious, ui_lang, ui_text, wait_badge_ready
from tests.e2e.pages import HOST, solution_url

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


@pytest.fixture
def options(ctx: BrowserContext, closed_port_url: str) -> Iterator[Page]:
    set_backend(ctx, closed_port_url)  # clears storage: nothing saved yet
    page = ctx.new_page()
    page.goto(f"chrome-extension://{extension_id(ctx)}/options.html")
    page.locator("#backend-url").wait_for()
    yield page
    page.close()


def _submit(options: Page, address: str) -> None:
    options.fill("#backend-url", address)
    options.locator("#backend-url").press("Enter")  # submits the form, a user gesture like a click


def _status(options: Page) -> tuple[str, str | None]:
    status = options.locator("#opt-status")
    return status.text_content() or "", status.get_attribute("data-kind")


def _stored(ctx: BrowserContext) -> object:
    return service_worker(ctx).evaluate(
        "() => chrome.storage.local.get('settings').then(r => r.settings ?? null)"
    )


def test_a_bare_address_gets_http_and_waits_for_the_permission(ctx: BrowserContext, options: Page) -> None:
    bad_url = ui_text(ctx, "optBadUrl")
    for junk in ("ftp://127.0.0.1:21", "javascript:alert(1)", "nope"):
        _submit(options, junk)
        assert _status(options) == (bad_url, "error"), junk
    waiting = ui_text(ctx, "optWaitingPermission")
    for typed, origin in (
        ("127.0.0.1:9999", "http://127.0.0.1:9999"),
        ("localhost:8765", "http://localhost:8765"),
    ):
        _submit(options, typed)
        # The new attempt replaced the error at once; the field shows the address with its scheme.
        assert _status(options) == (waiting.replace("{origin}", origin), "pending"), typed
        assert options.locator("#backend-url").input_value() == origin
    options.wait_for_timeout(500)
    assert _status(options)[1] == "pending"  # nobody can answer the prompt here
    assert _stored(ctx) is None  # nothing saved before the grant


def test_a_bare_default_address_is_saved_with_http(ctx: BrowserContext, options: Page) -> None:
    _submit(options, "nope")
    assert _status(options)[1] == "error"
    _submit(options, " 127.0.0.1:8765 ")  # the default origin: no permission to ask for
    options.locator('#opt-status[data-kind="done"]').wait_for(timeout=5_000)
    assert _status(options) == (ui_text(ctx, "optSaved"), "done")
    stored = _stored(ctx)
    assert isinstance(stored, dict) and stored["backendUrl"] == "http://127.0.0.1:8765"


def test_a_granted_origin_replaces_the_waiting_text_with_saved(ctx: BrowserContext, options: Page) -> None:
    # The manifest holds https://<Marketplace>/*, so the request resolves true without a prompt:
    # the path after a grant (save, then "saved" over the waiting text) runs for real.
    _submit(options, f"https://{HOST}/solutions/")
    options.locator('#opt-status[data-kind="done"]').wait_for(timeout=5_000)
    assert _status(options) == (ui_text(ctx, "optSaved"), "done")
    stored = _stored(ctx)
    assert isinstance(stored, dict) and stored["backendUrl"] == f"https://{HOST}"
    set_backend(ctx, "http://127.0.0.1:1")  # the Marketplace is no backend: leave no such setting
