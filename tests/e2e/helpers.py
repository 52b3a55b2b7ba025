"""Small page helpers shared by the browser tests (Playwright CSS pierces open shadow roots)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from playwright.sync_api import BrowserContext, Page

from tests.e2e.browser import REPO, service_worker

CRITERIA = [
    "demo",
    "support",
    "reviews",
    "updates",
    "developer",
    "packaging",
    "cases",
    "price",
    "account_manager",
]
STATUSES = {"good", "warn", "bad", "unknown", "not_applicable"}
FULL_BADGE = "mpcheck-badge:not([data-size])"
AXE = (REPO / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


@cache
def _locale(lang: str) -> dict[str, dict[str, str]]:
    path = REPO / "extension" / "static" / "_locales" / lang / "messages.json"
    return json.loads(path.read_text(encoding="utf-8"))


def ui_lang(ctx: BrowserContext) -> str:
    """The _locales language the browser picked for the extension (ru or en)."""
    return str(service_worker(ctx).evaluate("() => chrome.i18n.getMessage('uiLang')"))


def ui_text(ctx: BrowserContext, key: str) -> str:
    return _locale(ui_lang(ctx))[key]["message"]


def wait_badge_ready(page: Page, timeout: float = 10_000) -> None:
    page.locator(f'{FULL_BADGE}[data-state="ready"]').wait_for(timeout=timeout)


def rows(page: Page, scope: str = FULL_BADGE) -> list[tuple[str, str]]:
    found = page.locator(f"{scope} [data-criterion]")
    return [
        (r.get_attribute("data-criterion") or "", r.get_attribute("data-status") or "") for r in found.all()
    ]


def expand_badge(page: Page) -> None:
    toggle = page.locator(f"{FULL_BADGE} .mp-toggle")
    toggle.focus()
    page.keyboard.press("Enter")  # keyboard, not a mouse click: the control must work from the keyboard
    page.locator(f'{FULL_BADGE} .mp-toggle[aria-expanded="true"]').wait_for()


def tab_id_for(ctx: BrowserContext, url_pattern: str) -> int:
    """Host permission on the Marketplace lets the worker see those tabs' URLs (no "tabs" permission)."""
    tab_id = service_worker(ctx).evaluate(
        "p => chrome.tabs.query({url: p}).then(t => t.length ? t[t.length - 1].id : null)", url_pattern
    )
    assert isinstance(tab_id, int), f"no tab for {url_pattern}"
    return tab_id


def open_popup(ctx: BrowserContext, ext_id: str, tab_id: int) -> Page:
    popup = ctx.new_page()
    popup.goto(f"chrome-extension://{ext_id}/popup.html?tabId={tab_id}")
    popup.locator("#app[data-state='ready'] [data-criterion]").first.wait_for(timeout=10_000)
    return popup


def axe_serious(page: Page, scope_prefix: str | None = None) -> list[dict[str, object]]:
    """Serious/critical axe-core violations, optionally only for nodes under `scope_prefix`."""
    page.evaluate(AXE)
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    assert result["passes"], "axe-core ran no rules: was it injected?"
    bad = []
    for v in result["violations"]:
        if v["impact"] not in ("serious", "critical"):
            continue
        nodes = [n for n in v["nodes"] if scope_prefix is None or scope_prefix in str(n["target"])]
        if nodes:
            bad.append({"id": v["id"], "help": v["help"], "targets": [n["target"] for n in nodes]})
    return bad


def screenshot(page: Page, name: str, artifacts: Path, selector: str | None = None) -> Path:
    artifacts.mkdir(exist_ok=True)
    path = artifacts / name
    if selector:
        page.locator(selector).screenshot(path=str(path))
    else:
        page.screenshot(path=str(path), full_page=False)
    return path
