// Ranking and the overall recommendation (pure). Quality first: the best score wins unless
// another is within "roughly equal" points; among roughly equal candidates price breaks the tie,
// but only by a significant difference (price.ts). Unscored candidates are never ranked.
import type { CriterionId, Status } from "../shared/contracts";
import { CRITERIA } from "../shared/contracts";
import { comparePrice, type PricePair, type PriceSide } from "./price";
import type { ComparisonRules } from "./rules";

export interface Candidate {
  code: string;
  score: number | null;
  price: PriceSide;
  statuses: Partial<Record<CriterionId, Status>>;
}

export type RecommendationKind = "quality" | "cheaper" | "tie" | "only_scored" | "single" | "none";

export interface Recommendation {
  kind: RecommendationKind;
  winner: string | null;
  /** Ranked codes the verdict is about: [winner, runner-up] or, for a tie, everyone still tied. */
  contenders: string[];
  runnerUp: string | null;
  /** Steps where the winner's verdict beats the runner-up's (quality wins only). */
  betterOn: CriterionId[];
  /** The price pair the verdict cites, if any. */
  price: PricePair | null;
  unscored: string[];
}

/** Score descending, unscored last; equal scores keep the shortlist order. */
export function rankByScore<T extends { score: number | null }>(items: T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((x, y) => (y.item.score ?? -Infinity) - (x.item.score ?? -Infinity) || x.index - y.index)
    .map(({ item }) => item);
}

export function betterOn(winner: Candidate, other: Candidate, rules: ComparisonRules): CriterionId[] {
  return CRITERIA.filter((id) => {
    const a = rules.statusRank[winner.statuses[id] ?? "unknown"];
    const b = rules.statusRank[other.statuses[id] ?? "unknown"];
    return a !== undefined && b !== undefined && a > b;
  });
}

function empty(kind: RecommendationKind, unscored: string[]): Recommendation {
  return { kind, winner: null, contenders: [], runnerUp: null, betterOn: [], price: null, unscored };
}

/** Why price could not decide a tie: an unknown price, else the widest (still insignificant) gap. */
function tiePricePair(remaining: Candidate[], rules: ComparisonRules): PricePair | null {
  const unknown = remaining.find((c) => c.price.rub === null);
  const byPrice = remaining.filter((c) => c.price.rub !== null).sort((x, y) => (x.price.rub ?? 0) - (y.price.rub ?? 0));
  const a = unknown ? remaining.find((c) => c !== unknown) : byPrice[0];
  const b = unknown ?? byPrice[byPrice.length - 1];
  return a && b && a !== b ? comparePrice(a.price, b.price, rules) : null;
}

/** Among roughly equal candidates: drop those significantly dearer than the cheapest known price. */
function priceTieBreak(contenders: Candidate[], rules: ComparisonRules, unscored: string[]): Recommendation {
  const known = contenders.filter((c) => c.price.rub !== null);
  const cheapest = known.reduce<Candidate | null>((min, c) => (min === null || (c.price.rub ?? 0) < (min.price.rub ?? 0) ? c : min), null);
  const remaining = cheapest
    ? contenders.filter((c) => c === cheapest || comparePrice(c.price, cheapest.price, rules).significant !== true)
    : contenders;
  const codes = remaining.map((c) => c.code);
  if (cheapest && remaining.length === 1) {
    const runnerUp = contenders.find((c) => c !== cheapest) ?? null;
    const price = runnerUp ? comparePrice(cheapest.price, runnerUp.price, rules) : null;
    return { kind: "cheaper", winner: cheapest.code, contenders: contenders.map((c) => c.code), runnerUp: runnerUp?.code ?? null, betterOn: [], price, unscored };
  }
  const price = tiePricePair(remaining, rules);
  return { kind: "tie", winner: null, contenders: codes, runnerUp: null, betterOn: [], price, unscored };
}

export function recommend(candidates: Candidate[], rules: ComparisonRules): Recommendation {
  const unscored = candidates.filter((c) => c.score === null).map((c) => c.code);
  if (candidates.length < 2) return empty("single", unscored);
  const scored = rankByScore(candidates.filter((c) => c.score !== null));
  const leader = scored[0];
  if (!leader) return empty("none", unscored);
  if (scored.length === 1) return { ...empty("only_scored", unscored), winner: leader.code, contenders: [leader.code] };
  const top = leader.score ?? 0;
  const contenders = scored.filter((c) => top - (c.score ?? 0) <= rules.roughlyEqualPoints);
  if (contenders.length > 1) return priceTieBreak(contenders, rules, unscored);
  const runnerUp = scored[1] as Candidate;
  return {
    kind: "quality",
    winner: leader.code,
    contenders: [leader.code, runnerUp.code],
    runnerUp: runnerUp.code,
    betterOn: betterOn(leader, runnerUp, rules),
    price: comparePrice(leader.price, runnerUp.price, rules),
    unscored,
  };
}
