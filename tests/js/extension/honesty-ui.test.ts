// @vitest-environment jsdom
// Issue 10 on screen, with real engine reports: who chose the profile (badge, popup), the popup's
// per-solution profile control, each unknown step's fix (open the tab, start the server, record
// a check), the options page's list of per-solution profiles, and the worker's lookups that make
// unknown_reason right.
/// <reference types="node" />
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { buildReport, type Facts, type RulesBundle } from "../../../extension/src/engine";
import { solutionProfileList } from "../../../extension/src/options/solution-list";
import { profileSection } from "../../../extension/src/popup/profile-choice";
import { renderPopup } from "../../../extension/src/popup/render";
import { buyerFieldId, unknownFix } from "../../../extension/src/popup/unknown-fix";
import type { FactsView, Report } from "../../../extension/src/shared/contracts";
import { buildOptions, changesScoring, chosenProfile, coerceSettings, DEFAULT_SETTINGS } from "../../../extension/src/shared/settings";
import { withSolutionProfile } from "../../../extension/src/shared/solution-profile";
import { createBadgeHost, renderBadge } from "../../../extension/src/ui/badge";
import { partnerLookups, withLookups } from "../../../extension/src/shared/enrichment";
import { readRules } from "../engine/rulesDir";
import { localeMsg, readRulesTexts } from "./fixtures";

// The build's virtual rules module (the badge's dates and prices use the engine's number style),
// read from shared_rules the way the build does it.
vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

const ROOT = join(__dirname, "..", "..", "..");
const RULES: RulesBundle = readRules(join(ROOT, "shared_rules"));
const texts = readRulesTexts();
const TODAY = "2026-11-27";
const PAGE: FactsView = JSON.parse(
  readFileSync(join(ROOT, "tests", "fixtures", "marketplace", "expected", "solution_module_paid_demo14_active.json"), "utf8"),
);
const report = (facts: FactsView, profile?: string): Report =>
  buildReport(facts as unknown as Facts, RULES, { today: TODAY, ...(profile ? { profile } : {}) });
const ru = localeMsg("ru");
const en = localeMsg("en");

function popup(facts: FactsView, r: Report, onOpenLink = vi.fn()): HTMLElement {
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  renderPopup(root, { state: "ready", report: r, facts, partner: "unavailable" }, {
    rules: texts, lang: "ru", msg: ru, onCompare: vi.fn(), onOpenLink,
    rowExtra: (doc, state, c) => unknownFix(doc, c, { rules: texts, lang: "ru", msg: ru, facts: state.facts, onOpenLink }),
  });
  return root;
}

describe("who chose the profile", () => {
  function badge(r: Report, lang: "ru" | "en" = "ru"): ShadowRoot {
    const host = createBadgeHost(document);
    document.body.replaceChildren(host);
    renderBadge(host, { state: "ready", report: r, partner: "ok", compare: null }, {
      rules: texts, lang, msg: lang === "ru" ? ru : en, onCompare: () => {},
    });
    return host.shadowRoot as ShadowRoot;
  }
  it("the badge says the kind chose it, or the buyer", () => {
    const byKind = badge(report(PAGE)).querySelector(".mp-profile-by");
    expect([byKind?.textContent, byKind?.getAttribute("data-profile"), byKind?.getAttribute("data-chosen-by")])
      .toEqual(["по типу решения", "module", "kind"]);
    const byYou = badge(report(PAGE, "site"), "en");
    expect(byYou.querySelector(".mp-profile")?.textContent).toBe("Ready-made site / shop");
    expect(byYou.querySelector(".mp-profile-by")?.textContent).toBe("chosen by you");
  });
  it("the popup's summary says it too", () => {
    const root = popup(PAGE, report({ ...PAGE, kind: null }));
    expect(root.querySelector(".mp-profile-by")?.textContent).toBe("по умолчанию");
  });
});

describe("the popup's per-solution profile", () => {
  const code = "nordlab.smartseo";
  function section(settings = DEFAULT_SETTINGS, onChoose = vi.fn(), r = report(PAGE)) {
    const node = profileSection(document, r, settings, code, { rules: texts, lang: "ru", msg: ru, status: "", onChoose });
    document.body.replaceChildren(node);
    return { node, onChoose, select: node.querySelector<HTMLSelectElement>("#mp-profile-select")! };
  }
  it("offers the settings' choice first, then the three profiles", () => {
    const { select, node } = section();
    expect([...select.options].map((o) => [o.value, o.text])).toEqual([
      ["", "Как в настройках (автоматически)"],
      ["module", "Модуль (популярная категория)"],
      ["site", "Готовый сайт / магазин"],
      ["narrow", "Узкоспециализированное решение"],
    ]);
    expect(select.value).toBe("");
    expect(node.querySelector(".mp-profile-now")?.textContent).toBe("Сейчас: Модуль (популярная категория) — выбран по типу решения.");
    expect(document.querySelector("label[for='mp-profile-select']")?.textContent).toBe("Профиль для этого решения");
  });
  it("stores a choice, and undoes it with «Как в настройках»", () => {
    const { select, onChoose } = section();
    select.value = "site";
    select.dispatchEvent(new Event("change"));
    select.value = "";
    select.dispatchEvent(new Event("change"));
    expect(onChoose.mock.calls).toEqual([["site"], [null]]);
  });
  it("shows the stored choice and says it is this solution's", () => {
    const settings = coerceSettings({ profile: "narrow", solutionProfiles: { [code]: "site" } });
    const { select, node } = section(settings, vi.fn(), report(PAGE, "site"));
    expect(select.value).toBe("site");
    expect(select.options[0]?.text).toBe("Как в настройках (Узкоспециализированное решение)");
    expect(node.querySelector(".mp-profile-now")?.textContent).toBe("Сейчас: Готовый сайт / магазин — выбран вами для этого решения.");
  });
  it("a global profile from the settings is named as such", () => {
    const { node } = section(coerceSettings({ profile: "narrow" }), vi.fn(), report(PAGE, "narrow"));
    expect(node.querySelector(".mp-profile-now")?.textContent)
      .toBe("Сейчас: Узкоспециализированное решение — выбран вами в настройках для всех решений.");
  });
});

describe("settings with per-solution profiles", () => {
  it("keep only real codes and profiles, and beat the global profile for that code only", () => {
    const s = coerceSettings({ profile: "narrow", solutionProfiles: { "a.b": "site", "Bad Code": "site", "c.d": "shop" } });
    expect(s.solutionProfiles).toEqual({ "a.b": "site" });
    expect(buildOptions(s, "a.b")).toEqual({ profile: "site" });
    expect(buildOptions(s, "x.y")).toEqual({ profile: "narrow" });
    expect(chosenProfile(coerceSettings({}), "a.b")).toBeNull();
    expect(coerceSettings({ solutionProfiles: {} })).toEqual(DEFAULT_SETTINGS); // nothing chosen: no key
    expect(changesScoring(coerceSettings({ solutionProfiles: { "a.b": "site" } }))).toBe(true);
  });
  it("a choice is removed by null, and the oldest goes first when full", () => {
    expect(withSolutionProfile({ "a.b": "site" }, "a.b", null)).toEqual({});
    expect(Object.keys(withSolutionProfile({ "a.b": "site", "c.d": "narrow" }, "e.f", "module", 2))).toEqual(["c.d", "e.f"]);
    expect(Object.keys(withSolutionProfile({ "a.b": "site", "c.d": "narrow" }, "a.b", "module", 2))).toEqual(["c.d", "a.b"]);
  });
});

describe("an unknown step says how to fill it", () => {
  it("backend unreachable: start `mpcheck serve`; not checked by you: a button to the form", () => {
    const root = popup(PAGE, report(PAGE));
    const developer = root.querySelector('[data-criterion="developer"]')!;
    expect(developer.getAttribute("data-unknown-reason")).toBe("backend_unreachable");
    const serve = developer.querySelector('.mp-fix[data-fix="serve"]');
    expect(serve?.textContent).toBe("Что сделать: запустите mpcheck serve и обновите страницу");
    expect(serve?.querySelector("code")?.textContent).toBe("mpcheck serve");
    const manager = root.querySelector('[data-criterion="account_manager"]')!;
    expect(manager.getAttribute("data-unknown-reason")).toBe("not_checked_by_you");
    const button = manager.querySelector<HTMLButtonElement>('.mp-fix[data-fix="record"] button')!;
    expect(button.textContent).toBe("запишите проверку");
    expect(button.getAttribute("aria-label")).toBe("запишите проверку: Аккаунт-менеджер");
    const field = document.createElement("select"); // the buyer form's control (buyer/form.ts ids)
    field.id = "mp-buyer-account-manager";
    root.append(field);
    field.scrollIntoView = vi.fn();
    button.click();
    expect(document.activeElement).toBe(field);
  });
  it("not on the page: a link to the tab that has it", () => {
    const onOpenLink = vi.fn();
    const bare = { ...PAGE, reviews: null, comments: null };
    const root = popup(bare, report(bare), onOpenLink);
    const row = root.querySelector('[data-criterion="reviews"]')!;
    expect([row.getAttribute("data-status"), row.getAttribute("data-unknown-reason")]).toEqual(["unknown", "not_on_page"]);
    const link = row.querySelector<HTMLAnchorElement>('.mp-fix[data-fix="open-tab"] a')!;
    expect(link.textContent).toBe("откройте вкладку «Отзывы»");
    expect(link.getAttribute("href")).toBe("https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/#tab-rating-link");
    link.click();
    expect(onOpenLink).toHaveBeenCalledWith(link.getAttribute("href"));
  });
  it("partner not in the rating: a link to the developer's page", () => {
    const looked = withLookups(PAGE, { backend: "ok", partner_rating: "not_found" });
    const row = popup(looked, report(looked)).querySelector('[data-criterion="developer"]')!;
    expect(row.getAttribute("data-unknown-reason")).toBe("partner_not_found");
    const link = row.querySelector<HTMLAnchorElement>('.mp-fix[data-fix="open-partner"] a')!;
    expect([link.textContent, link.getAttribute("href")])
      .toEqual(["откройте страницу разработчика", "https://marketplace.1c-bitrix.ru/partners/detail.php?ID=731204"]);
  });
  it("known steps get no fix line", () => {
    const root = popup(PAGE, report(PAGE));
    expect(root.querySelector('[data-criterion="demo"] .mp-fix')).toBeNull();
    expect(root.querySelectorAll(".mp-fix")).toHaveLength(2);
  });
  it("finds the form field from the rules' buyer facts", () => {
    expect(["support", "cases", "packaging", "developer", "account_manager", "demo"].map((id) => buyerFieldId(texts, id))).toEqual([
      "mp-buyer-asked", "mp-buyer-cases-checked", "mp-buyer-docs-quality", "mp-buyer-specialization", "mp-buyer-account-manager",
      "mp-buyer-title",
    ]);
  });
});

describe("the worker's lookups", () => {
  it("found, not found, or the rating unread", () => {
    expect(partnerLookups({ partner: { rating_position: 14, rating_total: 1318 }, meta: {} })).toEqual({ backend: "ok", partner_rating: "found" });
    expect(partnerLookups({ partner: { rating_position: null, rating_total: 1318 }, meta: {} })).toEqual({ backend: "ok", partner_rating: "not_found" });
    expect(partnerLookups({ partner: { rating_position: null }, meta: { rating_error: "timeout" } }))
      .toEqual({ backend: "unreachable", partner_rating: null });
  });
  it("give the developer step its reason", () => {
    const reason = (facts: FactsView) => report(facts).criteria.find((c) => c.id === "developer")?.unknown_reason;
    expect(reason(PAGE)).toBe("backend_unreachable");
    expect(reason(withLookups(PAGE, { backend: "ok", partner_rating: "not_found" }))).toBe("partner_not_found");
    expect(reason(withLookups(PAGE, { backend: "unreachable", partner_rating: null }))).toBe("backend_unreachable");
  });
});

describe("the options page's per-solution list", () => {
  it("lists each choice with a reset that removes it", async () => {
    const onReset = vi.fn(async () => {});
    const set = solutionProfileList(document, { "b.c": "site", "a.b": "narrow" }, { rules: texts, lang: "ru", msg: ru, onReset });
    document.body.replaceChildren(set);
    expect([...set.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "a.b — Узкоспециализированное решение Сбросить", "b.c — Готовый сайт / магазин Сбросить",
    ]);
    const reset = set.querySelector<HTMLButtonElement>('li[data-code="a.b"] button')!;
    expect(reset.getAttribute("aria-label")).toBe("Сбросить профиль для a.b");
    reset.click();
    await vi.waitFor(() => expect(set.querySelectorAll("li")).toHaveLength(1));
    expect(onReset).toHaveBeenCalledWith("a.b");
  });
  it("says where to choose one when there is none", () => {
    expect(solutionProfileList(document, undefined, { rules: texts, lang: "en", msg: en, onReset: vi.fn() }).textContent)
      .toBe("Profiles chosen for single solutionsNone yet: you choose a profile for one solution in the mpcheck popup on its page.");
  });
});
