// Scores for the history points (pure), like with like: every point that has facts is scored with
// TODAY's settings, rules and date (the `score` callback), never with a score stored under other
// settings; the points' facts are first made comparable as a series (snapshots/comparable.ts).
// A point without facts (a bare backend observation: price, version, counts) gets no score.
import { comparableSeries } from "../snapshots/comparable";
import type { Rescore } from "../snapshots/diff";
import type { HistoryPoint } from "./points";

export interface ScoredPoint extends Omit<HistoryPoint, "facts"> { score: number | null }

export function scorePoints(points: readonly HistoryPoint[], score: Rescore, backendPrefixes: readonly string[]): ScoredPoint[] {
  const withFacts = points.flatMap((p) => (p.facts ? [p.facts] : []));
  const same = comparableSeries(withFacts, backendPrefixes);
  let next = 0;
  return points.map(({ facts, ...rest }) => {
    if (!facts) return { ...rest, score: null };
    const value = score(same[next++] ?? facts);
    return { ...rest, score: value === null ? null : Math.round(value) };
  });
}
