/// <reference types="node" />
// comparison.json is valid against its schema, read by one validator, and really is the policy:
// changing a number in the data changes the verdict with no code change.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { comparePrice } from "../../../extension/src/compare/price";
import { compare } from "../../../extension/src/compare/comparison";
import { caseInput, VECTORS } from "./vector-reports";
import { COMPARISON_RULES, readComparisonRules } from "../../../extension/src/compare/rules";

const DIR = join(__dirname, "..", "..", "..", "shared_rules");
const raw = JSON.parse(readFileSync(join(DIR, "comparison.json"), "utf8"));
const schema = JSON.parse(readFileSync(join(DIR, "comparison.schema.json"), "utf8"));

describe("comparison.json", () => {
  it("matches comparison.schema.json", () => {
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    expect(validate(raw), JSON.stringify(validate.errors)).toBe(true);
  });
  it("holds the article's thresholds and marks our own numbers", () => {
    expect(raw.price_insignificant_rub.module).toEqual({ value: 7000, origin: "article" });
    expect(raw.price_insignificant_rub.site).toEqual({ value: 10000, origin: "article" });
    expect(raw.roughly_equal_score_points.origin).toBe("ours");
    expect(COMPARISON_RULES.priceThreshold).toEqual({ module: 7000, site: 10000, unknown: 7000 });
  });
  it("has every text in both languages", () => {
    for (const table of Object.values(COMPARISON_RULES.texts)) {
      for (const text of Object.values(table)) expect(text.ru && text.en).toBeTruthy();
    }
  });
  it("refuses a malformed file instead of comparing with NaN", () => {
    expect(() => readComparisonRules({ ...raw, schema: "x" })).toThrow(/schema/);
    expect(() => readComparisonRules({ ...raw, roughly_equal_score_points: { value: "5" } })).toThrow(/roughly_equal/);
    expect(() => readComparisonRules({ ...raw, texts: { ...raw.texts, export: { x: { ru: "только ru" } } } })).toThrow(/ru and en/);
  });
});

describe("policy is data", () => {
  const side = (code: string, rub: number) => ({ code, rub, kind: "module" as const });
  it("a module threshold edited in the data moves the verdict", () => {
    const stricter = readComparisonRules({ ...raw, price_insignificant_rub: { ...raw.price_insignificant_rub, module: { value: 3000, origin: "ours" } } });
    expect(comparePrice(side("a", 12990), side("b", 7900), COMPARISON_RULES).significant).toBe(false);
    expect(comparePrice(side("a", 12990), side("b", 7900), stricter).significant).toBe(true);
  });
  it("'roughly equal' edited in the data turns a win into a price decision", () => {
    const wider = readComparisonRules({ ...raw, roughly_equal_score_points: { value: 10, origin: "ours" } });
    const base = VECTORS.cases.find((c) => c.name === "roughly equal on the same steps: the significantly cheaper wins")!;
    const apart = { ...base, candidates: [{ ...base.candidates[0]!, score: 90 }, { ...base.candidates[1]!, score: 82 }] };
    const { reports, facts, today } = caseInput(apart);
    expect(compare(reports, facts, COMPARISON_RULES, today).recommendation).toMatchObject({ kind: "winner", code: "a" });
    expect(compare(reports, facts, wider, today).recommendation).toMatchObject({ kind: "roughly_equal", code: "b" });
  });
  it("the passing headline is data: letting 'warn' pass names the best of two warnings", () => {
    const weak = VECTORS.cases.find((c) => c.name === "three weak candidates: none passes, none is named")!;
    const { reports, facts, today } = caseInput(weak);
    expect(compare(reports, facts, COMPARISON_RULES, today).recommendation.kind).toBe("none_good");
    const lenient = readComparisonRules({ ...raw, passing_headline: { ...raw.passing_headline, statuses: ["good", "warn"] } });
    expect(compare(reports, facts, lenient, today).recommendation).toMatchObject({ kind: "winner", code: "a" });
  });
});
