"""The shortlist from every entry point: catalog cards, the popup, the 8-solution limit, and
hostile page text on the comparison page (it must stay text there and in the exports)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import BrowserContext, Dialog, Page

from tests.e2e.browser import extension_id, service_worker, set_backend
from tests.e2e.compare_flow import add_from_badge, column_order, open_compare
from tests.e2e.helpers import FULL_BADGE, open_popup, tab_id_for, ui_lang, ui_text, wait_badge_ready
from tests.e2e.pages import HOSTILE_CODE, category_url, solution_url

EXPECTED_FACTS = Path(__file__).resolve().parents[1] / "fixtures" / "marketplace" / "expected"


def stored_codes(ctx: BrowserContext) -> list[str]:
    got = service_worker(ctx).evaluate("() => chrome.storage.local.get('shortlist')")
    return [item["code"] for item in got.get("shortlist", [])]


def test_hostile_names_stay_text(ctx: BrowserContext, page: Page, closed_port_url: str) -> None:
    set_backend(ctx, closed_port_url)
    add_from_badge(ctx, page, HOSTILE_CODE)
    add_from_badge(ctx, page, "nordlab.smartseo")
    compare = open_compare(ctx)
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    compare.on("dialog", on_dialog)
    try:
        compare.wait_for_timeout(300)
        assert compare.locator("#app img, #app script, #app iframe, #app svg image").count() == 0
        name = compare.locator(f'thead th[data-code="{HOSTILE_CODE}"] .cmp-name').text_content() or ""
        assert "<img src=x onerror=alert(1)>" in name  # shown literally
        assert compare.evaluate("() => window.__mpcheckPwned") is None
        with compare.expect_download() as info:
            compare.locator('[data-action="export-md"]').click()
        markdown = Path(info.value.path()).read_text(encoding="utf-8")
        assert "\\<img" in markdown and not re.search(
            r"(?<!\\)<img", markdown
        )  # escaped: no viewer renders it
        assert dialogs == []
    finally:
        compare.close()


def test_catalog_card_toggle(ctx: BrowserContext, page: Page, closed_port_url: str) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(category_url("14"))
    first = page.locator("mpcheck-badge[data-size='mini']").first
    first.locator('[data-action="compare-add"]').wait_for(timeout=10_000)
    card_code = page.locator("[data-mpcheck-card]").first.get_attribute("data-mpcheck-card")
    first.locator('[data-action="compare-add"]').click()
    first.locator('[data-action="compare-remove"]').wait_for(timeout=5_000)
    assert stored_codes(ctx) == [card_code]
    assert page.url == category_url("14")  # the click did not follow the card's link
    compare = open_compare(ctx)
    try:
        assert column_order(compare) == [card_code]
        # Catalog cards carry few facts: the steps they lack are dashes, never guesses.
        assert compare.locator("td[data-status='unknown']").count() >= 1
    finally:
        compare.close()
    first.locator('[data-action="compare-remove"]').click()
    first.locator('[data-action="compare-add"]').wait_for(timeout=5_000)
    assert stored_codes(ctx) == []


def test_ninth_solution_is_refused(ctx: BrowserContext, page: Page, closed_port_url: str) -> None:
    set_backend(ctx, closed_port_url)
    eight = [
        {
            "code": f"filler.m{i}",
            "name": f"Filler {i}",
            "url": solution_url(f"filler.m{i}"),
            "kind": "module",
            "added": "2026-11-27",
            "captured": "2026-11-27",
            "facts": None,
            "report": None,
        }
        for i in range(8)
    ]
    service_worker(ctx).evaluate(f"() => chrome.storage.local.set({{shortlist: {json.dumps(eight)}}})")
    page.goto(solution_url("nordlab.smartseo"))
    wait_badge_ready(page)
    page.locator(f'{FULL_BADGE} [data-action="compare-add"]').click()
    page.locator(f"{FULL_BADGE} .mp-compare-status", has_text=ui_text(ctx, "compareFull")).wait_for(
        timeout=5_000
    )
    assert page.locator(f'{FULL_BADGE} [data-action="compare-add"]').count() == 1
    assert len(stored_codes(ctx)) == 8 and "nordlab.smartseo" not in stored_codes(ctx)


def test_popup_toggle_and_link(ctx: BrowserContext, page: Page, closed_port_url: str) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(solution_url("nordlab.smartseo"))
    wait_badge_ready(page)
    popup = open_popup(ctx, extension_id(ctx), tab_id_for(ctx, solution_url("nordlab.smartseo") + "*"))
    try:
        assert popup.locator("#compare-link").text_content() == ui_text(ctx, "compareOpen")
        popup.locator('#app [data-action="compare-add"]').click()
        popup.locator('#app [data-action="compare-remove"]').wait_for(timeout=5_000)
        assert stored_codes(ctx) == ["nordlab.smartseo"]
        # The badge on the page follows the shortlist it shares with the popup.
        page.locator(f'{FULL_BADGE} [data-action="compare-remove"]').wait_for(timeout=5_000)
        with ctx.expect_page() as opened:
            popup.locator("#compare-link").click()
        compare = opened.value
        compare.locator("#app[data-state='ready']").wait_for(timeout=10_000)
        assert column_order(compare) == ["nordlab.smartseo"]
        compare.close()
    finally:
        popup.close()


def _snapshot(code: str, name: str, facts: dict) -> dict:
    facts = {**facts, "code": code, "name": name}
    return {
        "code": code,
        "name": name,
        "url": solution_url(code),
        "kind": facts.get("kind"),
        "added": "2026-11-27",
        "captured": "2026-11-27",
        "facts": facts,
        "report": None,
    }


def test_three_weak_candidates_name_none(ctx: BrowserContext, closed_port_url: str) -> None:
    """A pseudo-demo module, a stale shop and a withdrawn copy: the page says «keep looking»,
    names no best, warns about the withdrawn one and the mixed kinds, and lists what to check."""
    set_backend(ctx, closed_port_url)
    pseudo = json.loads(
        (EXPECTED_FACTS / "solution_module_pseudo_demo_1day.json").read_text(encoding="utf-8")
    )
    pseudo["kind"] = (
        "module"  # its page does not say (kind null); here the buyer compares a module with a shop
    )
    shop = json.loads((EXPECTED_FACTS / "solution_shop_paid_nodemo_stale.json").read_text(encoding="utf-8"))
    items = [
        _snapshot("quickdev.callbackpro", "QuickDev", pseudo),
        _snapshot("atelier.fashionshop", "Atelier", shop),
        _snapshot("quickdev.gone", "QuickDev (снят)", {**pseudo, "withdrawn": True}),
    ]
    service_worker(ctx).evaluate(f"() => chrome.storage.local.set({{shortlist: {json.dumps(items)}}})")
    compare = open_compare(ctx)
    try:
        rec = compare.locator("#cmp-recommendation")
        assert rec.get_attribute("data-kind") == "none_good"
        assert rec.get_attribute("data-winner") is None
        text = rec.locator(".cmp-recommendation-text").text_content() or ""
        assert text.startswith(
            "Ни одно не проходит — ищите дальше" if ui_lang(ctx) == "ru" else "None passes: keep looking"
        )
        warnings = compare.eval_on_selector_all(
            "[data-warning]", "els => els.map(e => [e.dataset.warning, e.dataset.codes])"
        )
        assert ["withdrawn_in_list", "quickdev.gone"] in warnings
        assert ["mixed_kinds", "quickdev.callbackpro atelier.fashionshop quickdev.gone"] in warnings
        assert (
            compare.locator(
                '#cmp-questions li[data-code="atelier.fashionshop"][data-question="developer"]'
            ).count()
            == 1
        )
        assert compare.locator("td[data-best]").count() >= 1  # best cells still mark the rows
    finally:
        compare.close()
