// Direct tests of the price rule and ranking beyond the shared vectors: the exact boundary per
// kind, pair enumeration, money formatting and the model's best cells / recommendation.
import { describe, expect, it } from "vitest";
import { formatValue } from "../../../extension/src/engine/formatting";
import { money } from "../../../extension/src/compare/format";
import { allPricePairs, comparePrice, thresholdKind } from "../../../extension/src/compare/price";
import { rankByScore } from "../../../extension/src/compare/decide";
import { COMPARISON_RULES as RULES } from "../../../extension/src/compare/rules";
import { modelFor, TRIO } from "./helpers";

const mod = (code: string, rub: number | null) => ({ code, rub, kind: "module" as const });
const site = (code: string, rub: number | null) => ({ code, rub, kind: "site" as const });

describe("price rule", () => {
  it("is insignificant up to and including the kind's threshold", () => {
    expect(comparePrice(mod("a", 0), mod("b", 6999), RULES).significant).toBe(false);
    expect(comparePrice(mod("a", 0), mod("b", 7000), RULES).significant).toBe(false);
    expect(comparePrice(mod("a", 0), mod("b", 7001), RULES).significant).toBe(true);
    expect(comparePrice(site("a", 0), site("b", 10000), RULES).significant).toBe(false);
    expect(comparePrice(site("a", 0), site("b", 10001), RULES).significant).toBe(true);
  });
  it("is symmetric and names the cheaper side", () => {
    const ab = comparePrice(mod("a", 12990), mod("b", 3500), RULES);
    const ba = comparePrice(mod("b", 3500), mod("a", 12990), RULES);
    expect([ab.diff, ab.cheaper, ab.significant]).toEqual([9490, "b", true]);
    expect([ba.diff, ba.cheaper, ba.significant]).toEqual([9490, "b", true]);
  });
  it("never guesses an unknown price or kind", () => {
    expect(comparePrice(mod("a", null), mod("b", 1), RULES)).toMatchObject({ diff: null, significant: null, cheaper: null });
    expect(thresholdKind("module", "site")).toBe("unknown");
    expect(thresholdKind(null, null)).toBe("unknown");
    expect(thresholdKind("site", "site")).toBe("site");
  });
  it("lists every pair once, in shortlist order", () => {
    const pairs = allPricePairs([mod("a", 1), mod("b", 2), mod("c", 3), mod("d", 4)], RULES);
    expect(pairs.map((p) => `${p.a}|${p.b}`)).toEqual(["a|b", "a|c", "a|d", "b|c", "b|d", "c|d"]);
  });
  it("formats roubles with no-break spaces, by the engine's money style", () => {
    expect(money(RULES, 5090, "ru")).toBe("5\u00a0090 руб.");
    expect(money(RULES, 1234567, "en")).toBe("1\u00a0234\u00a0567 RUB");
    expect(money(RULES, 990, "ru")).toBe("990 руб.");
    for (const rub of [0, 999, 12990]) expect(money(RULES, rub, "ru")).toBe(formatValue(rub, "money", RULES.numbers.ru));
  });
});

describe("ranking and the model", () => {
  it("ranks by score, unscored last, stable on ties", () => {
    const ranked = rankByScore<{ id: number; score: number | null }>([{ id: 1, score: null }, { id: 2, score: 50 }, { id: 3, score: 80 }, { id: 4, score: 50 }]);
    expect(ranked.map((x) => x.id)).toEqual([3, 2, 4, 1]);
  });
  it("marks best cells per row and recommends on quality", () => {
    const model = modelFor(TRIO);
    const best = (id: string) => model.rows.find((r) => r.criterion === id)!.cells.filter((c) => c.best).map((c) => c.code);
    expect(best("demo")).toEqual(["nordlab.smartseo", "tehnostar.importer"]);
    expect(best("packaging")).toEqual(["nordlab.smartseo"]);
    expect(best("cases")).toEqual([]); // all warn: no split
    expect(best("developer")).toEqual([]); // unknown is never best
    expect(best("price")).toEqual([]); // good vs not applicable: one known verdict
    expect(model.comparison.recommendation).toMatchObject({ kind: "winner", code: "nordlab.smartseo", reason: { key: "winner_steps" } });
    expect(model.pricePairs.map((p) => p.significant)).toEqual([false, true, false]);
  });
  it("keeps a solution without a report as dashes", () => {
    const model = modelFor([{ ...TRIO[0]!, score: null }, TRIO[1]!]);
    expect(model.columns[0]!.score).toBeNull();
    // A candidate without a score could be anything: no winner is named over it.
    expect(model.comparison.recommendation).toMatchObject({ kind: "cannot_tell", codes: ["tehnostar.importer", "nordlab.smartseo"] });
  });
});
