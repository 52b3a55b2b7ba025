/// <reference types="node" />
// The shared comparison vectors (shared_rules/vectors/comparison/*.json) through the TypeScript
// comparison functions. They live in a subfolder so the engine vector runners (which read only
// vectors/*.json) never see them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CriterionId, Status } from "../../../extension/src/shared/contracts";
import { bestInRow } from "../../../extension/src/compare/best";
import { comparePrice, type SolutionKind } from "../../../extension/src/compare/price";
import { recommend, type Candidate } from "../../../extension/src/compare/rank";
import { recommendationText } from "../../../extension/src/compare/recommend-text";
import { COMPARISON_RULES } from "../../../extension/src/compare/rules";
import { criterionTitle } from "../../../extension/src/ui/rules-text";
import { readRulesTexts } from "../extension/fixtures";

const DIR = join(__dirname, "..", "..", "..", "shared_rules", "vectors", "comparison");
const load = <T>(name: string): { cases: T[] } => JSON.parse(readFileSync(join(DIR, name), "utf8"));
const TEXTS = readRulesTexts();

interface Side { rub: number | null; kind: SolutionKind }
interface PriceCase { name: string; a: Side; b: Side; expect: { diff: number | null; cheaper: "a" | "b" | null; significant: boolean | null; threshold_kind: string } }
interface BestCase { name: string; cells: Record<string, Status>; expect_best: string[] }
interface RecCandidate { code: string; score: number | null; rub: number | null; kind: SolutionKind; statuses: Partial<Record<CriterionId, Status>> }
interface RecCase {
  name: string;
  candidates: RecCandidate[];
  expect: Record<string, unknown> & { price: { a: string; b: string; diff: number | null; significant: boolean | null } | null };
  text?: { ru?: string; en?: string };
}

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

describe("recommendation vectors", () => {
  for (const c of load<RecCase>("recommend.json").cases) {
    const candidates: Candidate[] = c.candidates.map((x) => ({
      code: x.code, score: x.score, statuses: x.statuses, price: { code: x.code, rub: x.rub, kind: x.kind },
    }));
    it(c.name, () => {
      const rec = recommend(candidates, COMPARISON_RULES);
      const price = rec.price && { a: rec.price.a, b: rec.price.b, diff: rec.price.diff, significant: rec.price.significant };
      expect({
        kind: rec.kind, winner: rec.winner, runner_up: rec.runnerUp, contenders: rec.contenders,
        better_on: rec.betterOn, unscored: rec.unscored, price,
      }).toEqual(c.expect);
      for (const lang of ["ru", "en"] as const) {
        const text = recommendationText(rec, {
          lang, rules: COMPARISON_RULES, name: (code) => code,
          score: (code) => c.candidates.find((x) => x.code === code)?.score ?? null,
          stepTitle: (id) => criterionTitle(TEXTS, id, lang),
        });
        expect(text).not.toMatch(/\{\w+\}/); // every placeholder filled
        if (c.text?.[lang]) expect(text.replace(/\u00a0/g, " ")).toBe(c.text[lang]);
      }
    });
  }
});
