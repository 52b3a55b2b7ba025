// What the unknown steps could swing between two candidates (pure; twin of
// backend/mpcheck/compare/swing.py, whose docstring has the formula). A step known (or better
// known) for one candidate than for the other could, once checked, score anywhere from 0 to its
// full points; unknowns both share are not a swing between them. Sums run left to right in both
// engines so they agree to the last bit.
import type { Candidate } from "./candidates";

/** K: the points the report's score is computed over (its known share of each counted step). */
export function knownWeight(candidate: Candidate): number {
  let total = 0;
  for (const step of candidate.steps) if (step.counted) total += step.maxPoints * step.known;
  return total;
}

function otherKnown(other: Candidate, stepId: string): number {
  const step = other.steps.find((s) => s.id === stepId);
  if (!step) return 0;
  return step.status === "not_applicable" ? 1 : step.known; // a step that does not apply is settled
}

function swings(step: Candidate["steps"][number], ignoreBonus: boolean): boolean {
  return step.status !== "not_applicable" && step.maxPoints > 0 && !(ignoreBonus && step.bonus);
}

/** U: points of `candidate` that are unknown while `other` knows the same step (or more of it). */
export function extraUnknown(candidate: Candidate, other: Candidate, ignoreBonus: boolean): number {
  let total = 0;
  for (const step of candidate.steps) {
    if (!swings(step, ignoreBonus)) continue;
    const gap = otherKnown(other, step.id) - step.known;
    if (gap > 0) total += step.maxPoints * gap;
  }
  return total;
}

export interface PairSwing {
  sameKnowledge: boolean;
  /** The leader's score minus the other's. */
  gap: number;
  leaderLow: number;
  otherHigh: number;
  /** How far the gap could move: the leader's possible fall plus the other's possible rise. */
  swing: number;
}

/** Both must be scored (the caller checks). */
export function pairSwing(leader: Candidate, other: Candidate, ignoreBonus: boolean): PairSwing {
  const lead = leader.score ?? 0;
  const rest = other.score ?? 0;
  const kLeader = knownWeight(leader);
  const kOther = knownWeight(other);
  const uLeader = extraUnknown(leader, other, ignoreBonus);
  const uOther = extraUnknown(other, leader, ignoreBonus);
  const low = kLeader + uLeader > 0 ? (lead * kLeader) / (kLeader + uLeader) : 0;
  const high = kOther + uOther > 0 ? (rest * kOther + 100 * uOther) / (kOther + uOther) : 100;
  const gap = lead - rest;
  return { sameKnowledge: uLeader === 0 && uOther === 0, gap, leaderLow: low, otherHigh: high, swing: gap - (low - high) };
}

/** Steps `candidate` should check to be compared with `other` on the same footing. */
export function differingSteps(candidate: Candidate, other: Candidate, ignoreBonus: boolean): string[] {
  return candidate.steps.filter((s) => swings(s, ignoreBonus) && otherKnown(other, s.id) > s.known).map((s) => s.id);
}
