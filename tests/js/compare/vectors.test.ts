/// <reference types="node" />
// The shared comparison vectors (shared_rules/vectors/comparison/*.json) through the TypeScript
// comparison. They live in a subfolder so the engine vector runners (which read only
// vectors/*.json) never see them. tests/python/compare runs the same files through Python.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Status } from "../../../extension/src/shared/contracts";
import { bestInRow } from "../../../extension/src/compare/best";
import { compare } from "../../../extension/src/compare/comparison";
import { comparePrice, type SolutionKind } from "../../../extension/src/compare/price";
import { COMPARISON_RULES } from "../../../extension/src/compare/rules";
import { caseInput, VECTORS, VECTORS_DIR } from "./vector-reports";

const load = <T>(name: string): { cases: T[] } => JSON.parse(readFileSync(join(VECTORS_DIR, name), "utf8"));
const plain = (text: string) => text.replace(/\u00a0/g, " ");

interface Side { rub: number | null; kind: SolutionKind }
interface PriceCase { name: string; a: Side; b: Side; expect: { diff: number | null; cheaper: "a" | "b" | null; significant: boolean | null; threshold_kind: string } }
interface BestCase { name: string; cells: Record<string, Status>; expect_best: string[] }

describe("price vectors", () => {
  for (const c of load<PriceCase>("price.json").cases) {
    it(c.name, () => {
      const pair = comparePrice({ code: "a", ...c.a }, { code: "b", ...c.b }, COMPARISON_RULES);
      expect({ diff: pair.diff, cheaper: pair.cheaper, significant: pair.significant, threshold_kind: pair.thresholdKind }).toEqual(c.expect);
    });
  }
});

describe("best-per-row vectors", () => {
  for (const c of load<BestCase>("best.json").cases) {
    it(c.name, () => {
      const cells = Object.entries(c.cells).map(([code, status]) => ({ code, status }));
      expect([...bestInRow(cells, COMPARISON_RULES)].sort()).toEqual(c.expect_best);
    });
  }
});

describe("comparison vectors", () => {
  for (const c of VECTORS.cases) {
    it(c.name, () => {
      const { reports, facts, today } = caseInput(c);
      const result = compare(reports, facts, COMPARISON_RULES, today);
      const rec = result.recommendation;
      const want = c.expect as Record<string, unknown>;
      if ("kind" in want) expect([rec.kind, rec.code]).toEqual([want.kind, want.code]);
      if ("reason" in want) expect(rec.reason.key).toBe(want.reason);
      for (const lang of ["ru", "en"] as const) {
        if (typeof want[lang] === "string") expect(plain(rec.reason[lang])).toBe(want[lang]);
        expect(rec.reason[lang]).not.toMatch(/\{\w+\}/); // every placeholder filled
        if (typeof want[`partners_${lang}`] === "string") expect(plain(result.partners[lang])).toBe(want[`partners_${lang}`]);
      }
      if ("warnings" in want) expect(result.warnings.map((w) => w.key)).toEqual(want.warnings);
      for (const [key, text] of Object.entries((want.warning_ru ?? {}) as Record<string, string>)) {
        expect(plain(result.warnings.find((w) => w.key === key)?.ru ?? "")).toBe(text);
      }
      if ("ranking" in want) expect(result.ranking.map((r) => r.code)).toEqual(want.ranking);
      if ("to_check" in want) expect(rec.to_check).toEqual(want.to_check);
      if ("prices" in want) expect(result.prices).toEqual(want.prices);
      if ("partners" in want) expect(result.partners.key).toBe(want.partners);
      for (const [step, codes] of Object.entries((want.best ?? {}) as Record<string, string[]>)) expect(result.best[step], step).toEqual(codes);
    });
  }
});
