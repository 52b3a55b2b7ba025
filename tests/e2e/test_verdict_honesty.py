"""Issue 10 in the browser (production build, backend stopped): a free module's demo row is not
applicable with its reason, a withdrawn solution's headline is bad/withdrawn, a partly known
reviews step says «N из M сигналов», the badge names the profile and who chose it, a per-solution
profile chosen in the popup re-scores the badge and survives a reload (and is undone), an unknown
step in the popup says how to fill it, and «С прошлого визита» stays quiet after only a profile
change.

Expected scores and signal counts come from the Python engine on the fixtures' expected facts
with today's date (the engines give the same report for the same facts, tests/python/engine), so
the numbers are exact without depending on the calendar."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page

from tests.e2e.browser import REPO, extension_id, service_worker, set_backend
from tests.e2e.helpers import FULL_BADGE, open_popup, tab_id_for, ui_lang, ui_text, wait_badge_ready
from tests.e2e.pages import solution_url

FIXTURES = REPO / "tests" / "fixtures" / "marketplace"
SCORING = json.loads((REPO / "shared_rules" / "scoring.json").read_text(encoding="utf-8"))
FREE = "openbx.sitemapfree"  # solution_module_free_no_reviews.html
WITHDRAWN = "oldsoft.export1c"  # extra/solution_withdrawn_legacy.html
LEGACY = "tehnostar.importer"  # solution_changelog_tab_legacy_cp1251.html: 3 of 4 review signals
PAID = "nordlab.smartseo"  # solution_module_paid_demo14_active.html
EXPECTED = {
    FREE: FIXTURES / "expected" / "solution_module_free_no_reviews.json",
    WITHDRAWN: FIXTURES / "extra" / "expected" / "solution_withdrawn_legacy.json",
    LEGACY: FIXTURES / "expected" / "solution_changelog_tab_legacy_cp1251.json",
    PAID: FIXTURES / "expected" / "solution_module_paid_demo14_active.json",
}


@cache
def _rules() -> Any:
    from mpcheck.rules import load_rules

    return load_rules(REPO / "shared_rules")


def engine_report(code: str, profile: str | None = None) -> dict[str, Any]:
    from mpcheck.engine import build_report

    facts = json.loads(Path(EXPECTED[code]).read_text(encoding="utf-8"))
    return build_report(facts, _rules(), today=date.today(), profile=profile)


def criterion(report: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in report["criteria"] if c["id"] == cid)


def badge_row(page: Page, cid: str) -> Any:
    return page.locator(f'{FULL_BADGE} [data-criterion="{cid}"]')


def stored(ctx: BrowserContext, key: str) -> Any:
    return service_worker(ctx).evaluate(
        f"() => chrome.storage.local.get('{key}').then(g => g['{key}'] ?? null)"
    )


def test_free_module_needs_no_demo(ctx: BrowserContext, page: Page, closed_port_url: str) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(solution_url(FREE))
    wait_badge_ready(page)
    lang = ui_lang(ctx)
    expected = criterion(engine_report(FREE), "demo")
    assert (expected["status"], expected["key"]) == ("not_applicable", "free_solution")
    row = badge_row(page, "demo")
    assert row.get_attribute("data-status") == "not_applicable"
    assert row.locator(".mp-message").text_content() == expected["message"][lang]
    assert row.locator(".mp-row-status").text_content() == SCORING["texts"]["status"]["not_applicable"][lang]
    assert page.errors == []  # type: ignore[attr-defined]


def test_withdrawn_leads_the_headline(ctx: BrowserContext, page: Page, closed_port_url: str) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(solution_url(WITHDRAWN))
    wait_badge_ready(page)
    headline = page.locator(f"{FULL_BADGE} .mp-headline")
    assert page.locator(f"{FULL_BADGE} .mp-badge").get_attribute("data-status") == "bad"
    assert headline.get_attribute("data-key") == "withdrawn"
    assert headline.text_content() == SCORING["headline"]["messages"]["withdrawn"][ui_lang(ctx)]


def test_partly_known_reviews_step(ctx: BrowserContext, page: Page, closed_port_url: str) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(solution_url(LEGACY))
    wait_badge_ready(page)
    expected = criterion(engine_report(LEGACY), "reviews")
    assert (expected["status"], expected["signals"]) == ("good", {"known": 3, "total": 4})
    row = badge_row(page, "reviews")
    assert row.get_attribute("data-status") == "good"
    text = SCORING["texts"]["signals"][ui_lang(ctx)].format(known=3, total=4)
    assert text in ("3 из 4 сигналов", "3 of 4 signals")
    assert row.locator(".mp-row-signals").text_content() == text


def test_badge_names_the_profile_and_who_chose_it(
    ctx: BrowserContext, page: Page, closed_port_url: str
) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(solution_url(PAID))
    wait_badge_ready(page)
    lang = ui_lang(ctx)
    assert (
        page.locator(f"{FULL_BADGE} .mp-profile").text_content()
        == SCORING["profiles"]["labels"]["module"][lang]
    )
    by = page.locator(f"{FULL_BADGE} .mp-profile-by")
    assert (by.get_attribute("data-profile"), by.get_attribute("data-chosen-by")) == ("module", "kind")
    assert by.text_content() == ui_text(ctx, "profileByKind")


def _choose_in_popup(popup: Page, value: str, status_key: str, ctx: BrowserContext) -> None:
    popup.locator("#mp-profile-select").select_option(value)
    popup.locator("#app .mp-profile-status", has_text=ui_text(ctx, status_key)).wait_for(timeout=5_000)


def test_per_solution_profile_rescores_and_survives_a_reload(
    ctx: BrowserContext, page: Page, closed_port_url: str
) -> None:
    set_backend(ctx, closed_port_url)
    auto, site = engine_report(PAID)["score"], engine_report(PAID, "site")["score"]
    assert auto != site  # else the choice could not be seen in the score
    page.goto(solution_url(PAID))
    wait_badge_ready(page)
    assert page.locator(FULL_BADGE).get_attribute("data-score") == str(auto)
    popup = open_popup(ctx, extension_id(ctx), tab_id_for(ctx, solution_url(PAID) + "*"))
    try:
        assert popup.locator("#mp-profile-select").input_value() == ""  # automatic until the buyer chooses
        _choose_in_popup(popup, "site", "profileSaved", ctx)
        assert popup.locator("#app .mp-badge").get_attribute("data-score") == str(site)
        now = popup.locator("#app .mp-profile-now")
        assert (now.get_attribute("data-profile"), now.get_attribute("data-chosen-by")) == ("site", "user")
        label = SCORING["profiles"]["labels"]["site"][ui_lang(ctx)]
        who = ui_text(ctx, "profileWhoSolution")
        assert now.text_content() == ui_text(ctx, "profileNow").replace("{profile}", label).replace(
            "{who}", who
        )
    finally:
        popup.close()
    assert stored(ctx, "settings")["solutionProfiles"] == {PAID: "site"}
    # The badge follows at once, and after a reload.
    page.locator(f'{FULL_BADGE}[data-state="ready"][data-score="{site}"]').wait_for(timeout=5_000)
    page.reload()
    wait_badge_ready(page)
    assert page.locator(FULL_BADGE).get_attribute("data-score") == str(site)
    by = page.locator(f"{FULL_BADGE} .mp-profile-by")
    assert (by.get_attribute("data-profile"), by.get_attribute("data-chosen-by")) == ("site", "user")
    assert by.text_content() == ui_text(ctx, "profileByUser")
    # Only this solution: another module still follows its kind.
    other = ctx.new_page()
    try:
        other.goto(solution_url(LEGACY))
        wait_badge_ready(other)
        assert other.locator(f"{FULL_BADGE} .mp-profile-by").get_attribute("data-chosen-by") == "kind"
        assert other.locator(FULL_BADGE).get_attribute("data-score") == str(engine_report(LEGACY)["score"])
    finally:
        other.close()
    # Reversible: «Как в настройках» brings the kind's profile back.
    popup = open_popup(ctx, extension_id(ctx), tab_id_for(ctx, solution_url(PAID) + "*"))
    try:
        assert popup.locator("#mp-profile-select").input_value() == "site"
        _choose_in_popup(popup, "", "profileReset", ctx)
        assert popup.locator("#app .mp-badge").get_attribute("data-score") == str(auto)
    finally:
        popup.close()
    page.locator(f'{FULL_BADGE}[data-state="ready"][data-score="{auto}"]').wait_for(timeout=5_000)
    assert "solutionProfiles" not in stored(ctx, "settings")
    assert page.errors == []  # type: ignore[attr-defined]


def test_unknown_steps_say_how_to_fill_them(ctx: BrowserContext, page: Page, closed_port_url: str) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(solution_url(PAID))
    wait_badge_ready(page)
    assert badge_row(page, "developer").get_attribute("data-unknown-reason") == "backend_unreachable"
    popup = open_popup(ctx, extension_id(ctx), tab_id_for(ctx, solution_url(PAID) + "*"))
    try:
        popup.locator("#app .mp-partner", has_text=ui_text(ctx, "partnerUnavailable")).wait_for(timeout=8_000)
        serve = popup.locator('#app [data-criterion="developer"] .mp-fix[data-fix="serve"]')
        command = ui_text(ctx, "fixServe").replace("`", "")
        assert serve.text_content() == f"{ui_text(ctx, 'fixLabel')} {command}"
        assert serve.locator("code").text_content() == "mpcheck serve"
        manager = popup.locator('#app [data-criterion="account_manager"]')
        assert manager.get_attribute("data-unknown-reason") == "not_checked_by_you"
        manager.locator('.mp-fix[data-fix="record"] button').click()
        assert (
            popup.evaluate("() => document.activeElement && document.activeElement.id")
            == "mp-buyer-account-manager"
        )
    finally:
        popup.close()


def _snapshot_after(ctx: BrowserContext, page: Page, captured: str | None) -> dict[str, Any]:
    """The stored snapshot once its capture time differs from `captured` (the visit was recorded)."""
    for _ in range(80):
        found = stored(ctx, f"snapshot:{PAID}")
        if isinstance(found, dict) and found.get("captured") != captured:
            return found
        page.wait_for_timeout(100)
    raise AssertionError("no new snapshot stored")


def test_since_last_visit_ignores_a_profile_change(
    ctx: BrowserContext, page: Page, closed_port_url: str
) -> None:
    set_backend(ctx, closed_port_url)
    page.goto(solution_url(PAID))
    wait_badge_ready(page)
    first = _snapshot_after(ctx, page, None)
    assert first["facts"]["code"] == PAID  # the facts are kept to re-score this visit later
    # Only the buyer's setting changes: this solution judged as a ready-made site.
    service_worker(ctx).evaluate(
        "code => chrome.storage.local.get('settings').then(g => chrome.storage.local.set("
        "{settings: {...(g.settings || {}), solutionProfiles: {[code]: 'site'}}}))",
        PAID,
    )
    page.reload()
    wait_badge_ready(page)
    second = _snapshot_after(ctx, page, first["captured"])
    site = engine_report(PAID, "site")["score"]
    assert (first["score"], second["score"]) == (
        engine_report(PAID)["score"],
        site,
    )  # the scores the buyer saw differ
    page.wait_for_timeout(300)
    assert page.locator(f"{FULL_BADGE} .mp-since").count() == 0  # ... but the vendor changed nothing
    assert page.locator(FULL_BADGE).get_attribute("data-score") == str(site)
    assert page.locator(f"{FULL_BADGE} .mp-profile-by").get_attribute("data-chosen-by") == "user"
    assert page.errors == []  # type: ignore[attr-defined]


def test_options_keep_and_reset_per_solution_profiles(
    ctx: BrowserContext, page: Page, closed_port_url: str
) -> None:
    set_backend(ctx, closed_port_url)
    service_worker(ctx).evaluate(
        "code => chrome.storage.local.set({settings: {profile: null, disabled: [], solutionProfiles: {[code]: 'site'}}})",
        PAID,
    )
    page.goto(solution_url(PAID))
    wait_badge_ready(page)
    options = ctx.new_page()
    try:
        options.goto(f"chrome-extension://{extension_id(ctx)}/options.html")
        assert options.locator("input[name=profile][value='']").is_checked()  # the global default: automatic
        assert options.locator("input[name=profile][value='']").locator("xpath=..").text_content() == (
            " " + ui_text(ctx, "optProfileAuto")
        )
        item = options.locator(f'li.opt-solution[data-code="{PAID}"]')
        label = SCORING["profiles"]["labels"]["site"][ui_lang(ctx)]
        assert item.text_content() == f"{PAID} — {label} {ui_text(ctx, 'optSolutionReset')}"
        # Saving the form (another step off) keeps the per-solution choice: it is not on the form.
        options.locator("input[name=criterion][value=price]").uncheck()
        options.locator("button[type=submit]").click()
        options.locator("#opt-status", has_text=ui_text(ctx, "optSaved")).wait_for(timeout=5_000)
        saved = stored(ctx, "settings")
        assert (saved["disabled"], saved["solutionProfiles"]) == (["price"], {PAID: "site"})
        item.locator("button.opt-solution-reset").click()
        item.wait_for(state="detached", timeout=5_000)
    finally:
        options.close()
    assert "solutionProfiles" not in stored(ctx, "settings")
    page.locator(f'{FULL_BADGE} .mp-profile-by[data-chosen-by="kind"]').wait_for(timeout=5_000)
