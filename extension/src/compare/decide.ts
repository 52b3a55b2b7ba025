// The verdict of a comparison (pure; twin of backend/mpcheck/compare/decide.py, whose docstring
// has the order of the rules). Withdrawn solutions are out; when no headline passes none is
// named; the leader must keep a margin even in the worst case of the steps known for one and not
// the other (else cannot_tell; one whose headline a rule caps below passing never blocks: no check
// can make it recommendable); candidates known on the same steps within "roughly equal" points tie
// and price decides; otherwise the leader wins.
import type { Candidate } from "./candidates";
import { comparePrice, priceSide, priceSurvivors, tiePricePair, type PricePair } from "./price";
import type { ComparisonRules } from "./rules";
import { differingSteps, pairSwing, type PairSwing } from "./swing";

export type RecommendationKind = "winner" | "roughly_equal" | "cannot_tell" | "none_good";

export interface Decision {
  kind: RecommendationKind;
  /** The reason text's key in comparison.json texts.recommendation. */
  reason: string;
  code: string | null;
  codes: string[];
  runnerUp: Candidate | null;
  betterOn: string[];
  price: PricePair | null;
  swing: PairSwing | null;
  toCheck: Array<[Candidate, string[]]>;
  group: Candidate[];
  leader: Candidate | null;
  unscored: Candidate[];
}

function decision(kind: RecommendationKind, reason: string, more: Partial<Decision> = {}): Decision {
  return {
    kind, reason, code: null, codes: [], runnerUp: null, betterOn: [], price: null, swing: null, toCheck: [], group: [],
    leader: null, unscored: [], ...more,
  };
}

/** Score descending, unscored last; equal scores keep the input order. */
export function rankByScore<T extends { score: number | null }>(items: T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((x, y) => {
      if ((x.item.score === null) !== (y.item.score === null)) return x.item.score === null ? 1 : -1;
      return (y.item.score ?? 0) - (x.item.score ?? 0) || x.index - y.index;
    })
    .map(({ item }) => item);
}

/** Steps where the winner's verdict outranks the other's; a step worth no points (price) is
 *  information, never a merit (SPEC §4). */
export function betterOn(winner: Candidate, other: Candidate, rules: ComparisonRules): string[] {
  const rank = (status: string | undefined) =>
    status !== undefined && Object.hasOwn(rules.statusRank, status) ? rules.statusRank[status as "good"] : undefined;
  return winner.steps
    .filter((step) => {
      if (step.maxPoints <= 0) return false;
      const a = rank(step.status);
      const b = rank(other.steps.find((s) => s.id === step.id)?.status ?? "unknown");
      return a !== undefined && b !== undefined && a > b;
    })
    .map((step) => step.id);
}

/** Its headline is capped below passing by a rule (your support tests' breaches), so no unknown
 *  step, once checked, can make it recommendable. */
export function neverPasses(c: Candidate, rules: ComparisonRules): boolean {
  return !rules.passing.includes(c.headline.status) && rules.cappedKeys.includes(c.headline.key);
}

/** Steps with something left to check (unknown, or only partly known). */
export function openSteps(c: Candidate): string[] {
  return c.steps.filter((s) => s.status !== "not_applicable" && s.known < 1).map((s) => s.id);
}

/** Merge (candidate, steps) pairs per candidate, first appearance first; empty ones dropped. */
function mergeChecks(pairs: Array<[Candidate, string[]]>): Array<[Candidate, string[]]> {
  const merged: Array<[Candidate, string[]]> = [];
  for (const [candidate, steps] of pairs) {
    const at = merged.find(([known]) => known === candidate);
    if (!at) merged.push([candidate, [...steps]]);
    else for (const s of steps) if (!at[1].includes(s)) at[1].push(s);
  }
  return merged.filter(([, steps]) => steps.length > 0);
}

/** Someone could still overtake (or tie) the leader once the differing steps are checked. */
function cannotTell(leader: Candidate | null, blockers: Array<[Candidate, PairSwing | null]>, rules: ComparisonRules): Decision {
  const ignore = rules.swingIgnoresBonus;
  const pairs: Array<[Candidate, string[]]> = [];
  for (const [other, swing] of blockers) {
    if (swing === null || leader === null) pairs.push([other, openSteps(other)]);
    else pairs.push([leader, differingSteps(leader, other, ignore)], [other, differingSteps(other, leader, ignore)]);
  }
  const swung = blockers.find(([, s]) => s !== null) ?? null;
  return decision("cannot_tell", swung ? "swing" : "unscored", {
    codes: [...(leader ? [leader.code] : []), ...blockers.map(([c]) => c.code)],
    runnerUp: swung ? swung[0] : null,
    swing: swung ? swung[1] : null,
    toCheck: mergeChecks(pairs),
    leader,
    unscored: blockers.filter(([, s]) => s === null).map(([c]) => c),
  });
}

function roughlyEqual(group: Candidate[], rules: ComparisonRules): Decision {
  const { low, remaining } = priceSurvivors(group, rules);
  if (low !== null && remaining.length === 1) {
    const runner = group.find((c) => c !== low) as Candidate;
    return decision("roughly_equal", "price_decides", {
      code: low.code, codes: group.map((c) => c.code), runnerUp: runner,
      price: comparePrice(priceSide(low), priceSide(runner), rules), group,
    });
  }
  return decision("roughly_equal", "tie", { codes: remaining.map((c) => c.code), price: tiePricePair(remaining, rules), group: remaining });
}

/** The recommendation for candidates in shortlist order. */
export function decide(candidates: Candidate[], rules: ComparisonRules): Decision {
  if (!candidates.length) return decision("cannot_tell", "empty");
  const eligible = candidates.filter((c) => !c.withdrawn);
  if (!eligible.length) return decision("none_good", "all_withdrawn");
  const ranked = rankByScore(eligible);
  const passing = ranked.filter((c) => c.score !== null && rules.passing.includes(c.headline.status));
  const unscored = ranked.filter((c) => c.score === null);
  const leader = passing[0];
  if (!leader) {
    if (unscored.length) return cannotTell(null, unscored.map((c) => [c, null]), rules);
    return decision("none_good", "none_good", { codes: ranked.map((c) => c.code) });
  }
  const blockers: Array<[Candidate, PairSwing | null]> = [];
  const equal: Candidate[] = [];
  for (const other of ranked) {
    if (other === leader) continue;
    if (other.score === null) {
      blockers.push([other, null]);
      continue;
    }
    const swing = pairSwing(leader, other, rules.swingIgnoresBonus);
    if (!swing.sameKnowledge) {
      if (neverPasses(other, rules)) continue; // checking any step cannot make it recommendable
      if (swing.leaderLow - swing.otherHigh <= rules.roughlyEqualPoints) blockers.push([other, swing]);
    } else if (swing.gap <= rules.roughlyEqualPoints && rules.passing.includes(other.headline.status)) {
      equal.push(other);
    }
  }
  if (blockers.length) return cannotTell(leader, blockers, rules);
  if (equal.length) return roughlyEqual([leader, ...equal], rules);
  const runner = ranked.find((c) => c !== leader);
  if (!runner) return decision("winner", "winner_single", { code: leader.code, codes: [leader.code], leader });
  const steps = betterOn(leader, runner, rules);
  return decision("winner", steps.length ? "winner_steps" : "winner_score", {
    code: leader.code, codes: [leader.code, runner.code], runnerUp: runner, betterOn: steps,
    price: comparePrice(priceSide(leader), priceSide(runner), rules), leader,
  });
}
