"""The popup's «Как прочитана страница» section in real Chromium: found fields with the words of
their strategy (from the content script's own facts), missing fields, the markup verdict, and the
copy control's structure-only report (shown in a read-only box: headless Chromium grants no
clipboard, and the extension asks for no clipboard permission)."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import BrowserContext, Page

from tests.e2e.browser import ARTIFACTS, extension_id, service_worker, set_backend
from tests.e2e.helpers import axe_serious, open_popup, screenshot, tab_id_for, ui_text, wait_badge_ready
from tests.e2e.pages import solution_url

CODE = "nordlab.smartseo"
# A query and a fragment the report must not carry (search words, campaign or session data).
URL = solution_url(CODE) + "?utm_source=secret-campaign&q=ivan%40example.org#tab-rating-link"
# Page text of the fixture that must never be in the report: e-mail, review authors, review and
# description text, the partner's name.
PERSONAL = [
    "support@nordlab.example",
    "Ирина Соколова",
    "Алексей Н.",
    "shop-admin",
    "Веб-студия",
    "NordLab",
    "Модуль формирует посадочные страницы",
    "secret-campaign",
    "utm_source",
]


def _page_facts(ctx: BrowserContext, tab_id: int) -> dict[str, Any]:
    """The facts the content script holds for the tab (what the popup's section is built from)."""
    state = service_worker(ctx).evaluate("id => chrome.tabs.sendMessage(id, {kind: 'report-get'})", tab_id)
    assert isinstance(state, dict) and isinstance(state.get("facts"), dict), state
    return state["facts"]


def _strategy_words(ctx: BrowserContext, strategy: str) -> str:
    key = "readBy_" + re.sub(r"[^a-z0-9]+", "_", strategy)
    try:
        return ui_text(ctx, key)
    except KeyError:
        return ui_text(ctx, "readBy_other")


def test_popup_explains_how_the_page_was_read(ctx: BrowserContext, page: Page, closed_port_url: str) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(URL)
    wait_badge_ready(page)
    tab_id = tab_id_for(ctx, solution_url(CODE) + "*")
    facts = _page_facts(ctx, tab_id)
    popup = open_popup(ctx, extension_id(ctx), tab_id)
    try:
        section = popup.locator("#app details.mp-reading")
        section.wait_for(state="attached")
        head = section.locator("summary")
        assert ui_text(ctx, "readingTitle") in (head.text_content() or "")
        changed = facts["extraction"]["markup_changed"]
        assert section.get_attribute("data-markup-changed") == ("true" if changed else "false")
        verdict = ui_text(ctx, "readingMarkupChanged" if changed else "readingMarkupOk")
        assert verdict in (head.text_content() or "")
        head.click()
        assert section.get_attribute("open") is not None

        found_by: dict[str, str] = facts["found_by"]
        assert found_by, "the extractor said nothing about its strategies"
        shown = 0
        for field, strategy in found_by.items():
            item = section.locator(f'ul.mp-reading-found li[data-field="{field}"]')
            if item.count() == 0:
                continue  # a field the section does not list (url, …)
            shown += 1
            assert item.get_attribute("data-found-by") == strategy
            text = item.text_content() or ""
            assert text.startswith(ui_text(ctx, f"readField_{field}")), text
            assert _strategy_words(ctx, strategy) in text, (field, strategy, text)
        assert shown >= 5
        missing = section.locator("ul.mp-reading-missing li").all()
        for item in missing:
            field = item.get_attribute("data-field") or ""
            assert field not in found_by, field
            assert item.get_attribute("data-found-by") is None
            assert item.text_content() == ui_text(ctx, f"readField_{field}")
        total = section.locator("li[data-field]").count()
        assert total == 20
        brief = ui_text(ctx, "readingBrief").split("{found}")[0]
        assert f"{brief}{total - len(missing)}" in (head.text_content() or "")
        visible = section.inner_text()
        assert not re.search(r"readField_|readBy_|reading[A-Z]", visible), visible
        assert axe_serious(popup, "mp-reading") == []

        # The copy control: the report appears in a read-only box (no clipboard in headless runs).
        popup.locator('[data-action="structure-copy"]').click()
        box = popup.locator("#mp-structure-report")
        box.wait_for(state="visible", timeout=5_000)
        assert box.get_attribute("readonly") is not None
        status = popup.locator(".mp-reading-status").text_content() or ""
        copied = box.get_attribute("data-copied")
        assert status == ui_text(ctx, "readingCopied" if copied == "true" else "readingCopyManual")
        report = box.input_value()
        screenshot(popup, "popup-page-reading.png", ARTIFACTS)
    finally:
        popup.close()

    lines = report.split("\n")
    assert lines[0] == "mpcheck.structure/1"
    assert lines[1] == f"page: {solution_url(CODE)}"  # no query, no fragment
    assert lines[2].startswith("found_by: ") and f"code={found_by['code']}" in lines[2]
    assert lines[4] == f"markup_changed: {'yes' if changed else 'no'}"
    tree = report.split("\n---\n", 1)[1]
    assert "div#bx-all-page-content" in tree
    assert re.search(r"^ +h1\.mp-detail__name …$", tree, re.M)
    assert "«Цена»→fields.price" in tree  # the label table's words where they occur
    assert "«Что нового»→tabs.log" in tree
    assert "mpcheck-badge" not in tree  # our own badge is not the page's structure
    assert "@" not in report
    for secret in PERSONAL:
        assert secret not in report, secret
    # Cyrillic only inside quoted label words
    assert not re.search(r"[\u0400-\u04ff]", re.sub(r"«[^«»]*»→[a-z_]+\.[a-z_]+", "", tree))
