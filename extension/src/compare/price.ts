// Price as the tie-breaker (CHECKLIST §8): a pair's difference is "insignificant" up to the
// kind's threshold from comparison.json. Unknown prices stay unknown: no pair verdict is guessed.
// Twin of backend/mpcheck/compare/price.py.
import type { Candidate } from "./candidates";
import type { ComparisonRules, PriceKind } from "./rules";

export type SolutionKind = "module" | "site" | null;

export interface PriceSide {
  code: string;
  /** Integer roubles; 0 for a free solution; null when the price is unknown. */
  rub: number | null;
  kind: SolutionKind;
}

export interface PricePair {
  a: string;
  b: string;
  /** |a - b| in roubles, null when either price is unknown. */
  diff: number | null;
  /** The cheaper code; null when equal or unknown. */
  cheaper: string | null;
  significant: boolean | null;
  thresholdKind: PriceKind;
}

/** The pair as the comparison object spells it (SPEC §4: snake_case JSON). */
export interface PricePairJson {
  a: string;
  b: string;
  diff: number | null;
  cheaper: string | null;
  significant: boolean | null;
  threshold_kind: PriceKind;
}

export function priceSide(c: Candidate): PriceSide {
  return { code: c.code, rub: c.price.rub, kind: c.kind };
}

/** Same kind: its threshold; unknown or mixed kinds: the "unknown" (smaller) threshold. */
export function thresholdKind(a: SolutionKind, b: SolutionKind): PriceKind {
  return a !== null && a === b ? a : "unknown";
}

export function comparePrice(a: PriceSide, b: PriceSide, rules: ComparisonRules): PricePair {
  const kind = thresholdKind(a.kind, b.kind);
  const base = { a: a.code, b: b.code };
  if (a.rub === null || b.rub === null) return { ...base, diff: null, cheaper: null, significant: null, thresholdKind: kind };
  const diff = Math.abs(a.rub - b.rub);
  const cheaper = a.rub === b.rub ? null : a.rub < b.rub ? a.code : b.code;
  // Inclusive: the article calls a difference OF 7 000 / 10 000 rub not significant.
  return { ...base, diff, cheaper, significant: diff > rules.priceThreshold[kind], thresholdKind: kind };
}

export function pairJson(p: PricePair): PricePairJson {
  return { a: p.a, b: p.b, diff: p.diff, cheaper: p.cheaper, significant: p.significant, threshold_kind: p.thresholdKind };
}

/** Every unordered pair, in input order (a before b). */
export function allPricePairs(sides: PriceSide[], rules: ComparisonRules): PricePair[] {
  const pairs: PricePair[] = [];
  sides.forEach((a, i) => sides.slice(i + 1).forEach((b) => pairs.push(comparePrice(a, b, rules))));
  return pairs;
}

/** The first candidate with the lowest known price. */
export function cheapest(candidates: Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (c.price.rub !== null && (best === null || best.price.rub === null || c.price.rub < best.price.rub)) best = c;
  }
  return best;
}

/** Among roughly equal candidates, drop those significantly dearer than the cheapest known. */
export function priceSurvivors(group: Candidate[], rules: ComparisonRules): { low: Candidate | null; remaining: Candidate[] } {
  const low = cheapest(group);
  if (low === null) return { low, remaining: [...group] };
  const remaining = group.filter((c) => c === low || comparePrice(priceSide(c), priceSide(low), rules).significant !== true);
  return { low, remaining };
}

/** Why price could not decide a tie: an unknown price, else the widest (insignificant) gap. */
export function tiePricePair(remaining: Candidate[], rules: ComparisonRules): PricePair | null {
  const unknown = remaining.find((c) => c.price.rub === null);
  const priced = remaining.filter((c) => c.price.rub !== null).sort((x, y) => (x.price.rub ?? 0) - (y.price.rub ?? 0));
  const a = unknown ? remaining.find((c) => c !== unknown) : priced[0];
  const b = unknown ?? priced[priced.length - 1];
  return a && b && a !== b ? comparePrice(priceSide(a), priceSide(b), rules) : null;
}
