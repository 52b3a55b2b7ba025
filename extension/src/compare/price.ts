// Price as the tie-breaker (CHECKLIST §8): a pair's difference is "insignificant" up to the
// kind's threshold from comparison.json. Unknown prices stay unknown: no pair verdict is guessed.
import type { ComparisonRules, PriceKind } from "./rules";

export type SolutionKind = "module" | "site" | null;

export interface PriceSide {
  code: string;
  /** Integer roubles; 0 for a free solution; null when the page did not show a price. */
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
  threshold: number;
}

/** Same kind: its threshold; unknown or mixed kinds: the "unknown" (smaller) threshold. */
export function thresholdKind(a: SolutionKind, b: SolutionKind): PriceKind {
  return a !== null && a === b ? a : "unknown";
}

export function comparePrice(a: PriceSide, b: PriceSide, rules: ComparisonRules): PricePair {
  const kind = thresholdKind(a.kind, b.kind);
  const threshold = rules.priceThreshold[kind];
  const base = { a: a.code, b: b.code, thresholdKind: kind, threshold };
  if (a.rub === null || b.rub === null) return { ...base, diff: null, cheaper: null, significant: null };
  const diff = Math.abs(a.rub - b.rub);
  const cheaper = a.rub === b.rub ? null : a.rub < b.rub ? a.code : b.code;
  // Inclusive: the article calls a difference OF 7 000 / 10 000 rub not significant.
  return { ...base, diff, cheaper, significant: diff > threshold };
}

/** Every unordered pair, in input order (a before b). */
export function allPricePairs(sides: PriceSide[], rules: ComparisonRules): PricePair[] {
  const pairs: PricePair[] = [];
  sides.forEach((a, i) => sides.slice(i + 1).forEach((b) => pairs.push(comparePrice(a, b, rules))));
  return pairs;
}

/** "12 990": grouped with no-break spaces, as Russian price tags are written. */
export function formatRub(rub: number): string {
  return String(Math.round(rub)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}
