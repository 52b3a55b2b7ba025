// compare(reports, facts, rules, today) -> mpcheck.comparison/1 (SPEC §4), pure. Twin of
// backend/mpcheck/compare/comparison.py: the comparison page and `mpcheck compare` produce the
// same object from the same shared_rules/comparison.json, and tests/python/compare checks that
// both engines agree on every vector in shared_rules/vectors/comparison/.
import type { Lang, Localized } from "../shared/contracts";
import { bestPerStep } from "./best";
import { readCandidate, type Candidate } from "./candidates";
import { decide, openSteps, rankByScore, type Decision, type RecommendationKind } from "./decide";
import { band, comparePartners, type Band, type PartnersJson } from "./partners";
import { allPricePairs, pairJson, priceSide, type PricePairJson } from "./price";
import type { ComparisonRules } from "./rules";
import { reasonText } from "./texts";
import { warningsFor, type WarningJson } from "./warnings";

export interface CheckJson {
  criterion: string;
  title: Localized;
  /** Some of the step's signals are known, not all. */
  partial: boolean;
  unknown_reason: string | null;
  check_yourself: Localized;
}

export interface RankingJson {
  code: string;
  name: string;
  score: number | null;
  coverage: number | null;
  kind: "module" | "site" | null;
  profile: string | null;
  headline: { status: string; key: string };
  withdrawn: boolean;
  price_rub: number | null;
  price_note: string | null;
  rating: { position: number | null; total: number | null; band: Band | null };
  open_questions: string[];
  checks: CheckJson[];
}

export interface RecommendationJson {
  kind: RecommendationKind;
  /** The recommended solution: a winner, or the one price picks among roughly equal ones. */
  code?: string;
  codes: string[];
  reason: { key: string; ru: string; en: string };
  to_check: Array<{ code: string; criteria: string[] }>;
}

export interface Comparison {
  schema: "mpcheck.comparison/1";
  rules_version: string;
  today: string;
  recommendation: RecommendationJson;
  warnings: WarningJson[];
  ranking: RankingJson[];
  best: Record<string, string[]>;
  prices: PricePairJson[];
  partners: PartnersJson;
}

const LANGS: readonly Lang[] = ["ru", "en"];

function checks(c: Candidate): CheckJson[] {
  return openSteps(c).map((id) => {
    const step = c.steps.find((s) => s.id === id) as Candidate["steps"][number];
    return {
      criterion: id, title: { ...step.title }, partial: step.known > 0, unknown_reason: step.unknownReason,
      check_yourself: { ...step.checkYourself },
    };
  });
}

function entry(c: Candidate, rules: ComparisonRules): RankingJson {
  return {
    code: c.code, name: c.name, score: c.score, coverage: c.coverage, kind: c.kind, profile: c.profile,
    headline: { ...c.headline }, withdrawn: c.withdrawn, price_rub: c.price.rub, price_note: c.price.note,
    rating: { position: c.rating.position, total: c.rating.total, band: band(c.rating, rules) },
    open_questions: openSteps(c), checks: checks(c),
  };
}

function recommendation(d: Decision, rules: ComparisonRules, candidates: Candidate[]): RecommendationJson {
  const [ru, en] = LANGS.map((lang) => reasonText(d, rules, candidates, lang)) as [string, string];
  return {
    kind: d.kind,
    ...(d.code !== null ? { code: d.code } : {}),
    codes: [...d.codes],
    reason: { key: d.reason, ru, en },
    to_check: d.toCheck.map(([c, criteria]) => ({ code: c.code, criteria: [...criteria] })),
  };
}

/** Reports and facts in shortlist order (facts[i] may be null); `today` is YYYY-MM-DD. */
export function compare(reports: unknown[], facts: unknown[], rules: ComparisonRules, today: string): Comparison {
  const candidates = reports.map((report, i) => readCandidate(report, facts[i] ?? null, today, i + 1));
  const ranked = [...rankByScore(candidates.filter((c) => !c.withdrawn)), ...candidates.filter((c) => c.withdrawn)];
  return {
    schema: "mpcheck.comparison/1",
    rules_version: rules.version,
    today,
    recommendation: recommendation(decide(candidates, rules), rules, candidates),
    warnings: warningsFor(candidates, rules),
    ranking: ranked.map((c) => entry(c, rules)),
    // A star on a withdrawn solution would read as a recommendation: it never gets one.
    best: bestPerStep(candidates.filter((c) => !c.withdrawn), rules),
    prices: allPricePairs(candidates.map(priceSide), rules).map(pairJson),
    partners: comparePartners(candidates, rules),
  };
}
