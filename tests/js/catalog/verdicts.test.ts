// @vitest-environment jsdom
// Issue 11 point 1: what each catalog card's mini-badge says, from the real category fixture read
// by the real listing extractor and scored by the real engine through the one scorer
// (shared/score-facts.ts): the decisive signals by the rules' demo bands, never a bare «?».
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { listCards } from "../../../extension/src/content/list-scope";
import { readListingCards } from "../../../extension/src/content/extract-facts";
import type { FactsView } from "../../../extension/src/shared/contracts";
import { completeFacts } from "../../../extension/src/shared/facts-skeleton";
import { scoreFacts } from "../../../extension/src/shared/score-facts";
import { DEFAULT_SETTINGS } from "../../../extension/src/shared/settings";
import { ageText, cardVerdict } from "../../../extension/src/ui/card-verdict";
import { localeMsg, readRulesTexts } from "../extension/fixtures";
import { FIXTURES, pageDocument, readPage } from "../extract/helpers";

vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

const TODAY = "2026-11-27";
const deps = { rules: readRulesTexts(), lang: "ru" as const, msg: localeMsg("ru") };
const URL = "https://marketplace.1c-bitrix.ru/solutions/category/14/";

function verdicts(doc: Document) {
  return listCards(readListingCards(doc, URL)).map((card) => {
    const facts = completeFacts(card.facts, card.code);
    const { report } = scoreFacts(facts, {}, DEFAULT_SETTINGS, TODAY);
    return { code: card.code, ...cardVerdict(report, facts, null, deps) };
  });
}

describe("category fixture, card alone (backend down)", () => {
  const doc = pageDocument(readPage(join(FIXTURES, "catalog_category_listing.html")));
  const got = verdicts(doc);

  it("gives each card the status of its decisive signal, else unknown", () => {
    expect(got.map((v) => [v.code, v.status, v.signal])).toEqual([
      ["atelier.fashionshop", "unknown", null],
      ["nordlab.smartshop", "good", "real_demo"],
      ["alfasoft.megastore", "good", "real_demo"],
      ["pixel.flowers", "unknown", null],
      ["quickdev.minishop", "bad", "pseudo_demo"],
      ["sibreshenia.autoparts", "unknown", null],
      ["vostok.furniture", "good", "real_demo"],
      ["retaillab.b2b", "unknown", null],
      ["delta.kidstore", "unknown", null],
      ["openbx.shopstarter", "unknown", null], // free: the demo step does not apply
    ]);
    expect(got.every((v) => v.score === null)).toBe(true);
  });

  it("says why in a few words, and what to do when nothing is decisive", () => {
    const by = new Map(got.map((v) => [v.code, [v.note, v.reason]]));
    expect(by.get("quickdev.minishop")).toEqual(["демо 1 дн.", "псевдо-демо: проверить нельзя"]);
    expect(by.get("nordlab.smartshop")).toEqual(["демо 14 дн.", "сначала установите демо"]);
    expect(by.get("vostok.furniture")).toEqual(["демо 30 дн.", "сначала установите демо"]);
    // the price is information, not a step; a free solution needs no trial, so one step fewer
    expect(by.get("atelier.fashionshop")).toEqual(["шагов 0 из 8", "откройте страницу для полной проверки"]);
    expect(by.get("openbx.shopstarter")).toEqual(["шагов 0 из 7", "откройте страницу для полной проверки"]);
    expect(got.find((v) => v.code === "quickdev.minishop")?.label).toBe(
      "mpcheck: плохо. демо 1 дн. · псевдо-демо: проверить нельзя · шагов 1 из 8 · откройте страницу для полной проверки",
    );
    expect(got.some((v) => v.reason === "?" || v.reason === "" || v.note === "")).toBe(false);
  });
});

function card(demo: unknown, extra: Record<string, unknown> = {}): FactsView {
  return completeFacts(
    {
      schema: "mpcheck.facts/1", page_type: "solution", url: "https://marketplace.1c-bitrix.ru/solutions/a.b/", code: "a.b",
      name: "A", partner: { id: null, name: null }, price: { rub: 9900, old_rub: null, free: false }, demo, ...extra,
    },
    "a.b",
  );
}

describe("the rules' bands decide, not constants of the shell", () => {
  const verdictOf = (facts: FactsView) => cardVerdict(scoreFacts(facts, {}, DEFAULT_SETTINGS, TODAY).report, facts, null, deps);

  it.each([
    [1, "bad", "pseudo_demo"],
    [2, "bad", "pseudo_demo"],
    [3, "warn", "short_demo"],
    [13, "warn", "short_demo"],
    [14, "good", "real_demo"],
  ])("a %i-day demo is %s (%s)", (days, status, signal) => {
    const v = verdictOf(card({ available: true, days, online_demo_url: null }));
    expect([v.status, v.signal]).toEqual([status, signal]);
  });

  it("a short trial says so", () => {
    const v = verdictOf(card({ available: true, days: 7, online_demo_url: null }));
    expect([v.note, v.reason]).toEqual(["демо 7 дн.", "короткое демо"]);
  });

  it("a withdrawn solution is bad whatever its demo", () => {
    const v = verdictOf(card({ available: true, days: 30, online_demo_url: null }, { withdrawn: true }));
    expect([v.status, v.signal, v.note, v.reason]).toEqual(["bad", "withdrawn", "шагов 2 из 9", "снято с продажи"]);
  });

  it("a scored card shows its score, coverage and the stored read's age", () => {
    const facts = card({ available: true, days: 30, online_demo_url: null });
    const report = { ...scoreFacts(facts, {}, DEFAULT_SETTINGS, TODAY).report, score: 71.6, coverage_known: 6, coverage_total: 8 };
    const v = cardVerdict(report, facts, { read_at: "2026-11-27T09:00:00Z", age_seconds: 7300 }, deps);
    expect([v.score, v.status]).toEqual([72, report.headline.status]);
    expect([v.note, v.reason]).toEqual(["демо 30 дн.", "сначала установите демо · 2 ч назад"]);
    expect(v.label).toBe("mpcheck: 72 из 100, данные по 6 из 8 шагов. данные сервера 2 ч назад. демо 30 дн. · сначала установите демо");
    const bare = card(null);
    const unsignalled = { ...scoreFacts(bare, {}, DEFAULT_SETTINGS, TODAY).report, score: 71.6, coverage_known: 6, coverage_total: 8 };
    const plain = cardVerdict(unsignalled, bare, { read_at: "x", age_seconds: 30 }, deps);
    expect([plain.note, plain.reason]).toEqual(["шагов 6 из 8", "только что"]);
  });

  it("ages read in minutes, hours, days", () => {
    expect([59, 61, 3599, 3600, 86_399, 86_400 * 3].map((s) => ageText(s, deps.msg))).toEqual([
      "только что", "1 мин назад", "59 мин назад", "1 ч назад", "23 ч назад", "3 дн. назад",
    ]);
  });

  it("the buyer's checks reach the card through the same scorer", () => {
    const facts = card(null);
    const plain = scoreFacts(facts, {}, DEFAULT_SETTINGS, TODAY);
    const checked = scoreFacts(facts, { account_manager: { value: "offered", recorded: TODAY } }, DEFAULT_SETTINGS, TODAY);
    expect(plain.facts.buyer).toBeUndefined();
    expect(checked.facts.buyer).toMatchObject({ account_manager: "offered", recorded: TODAY });
    const status = (r: typeof plain.report) => r.criteria.find((c) => c.id === "account_manager")?.status;
    expect([status(plain.report), status(checked.report)]).toEqual(["unknown", "good"]);
  });
});
