// "Since your last visit" (pure): the previous snapshot against this visit's, with the backend's
// observations, when it had any, filling what the old snapshot lacked and showing the steps in
// between. The first visit (no previous snapshot) has nothing to say: null.
// Like with like: the page values (reviews, version, price) are the vendor's by nature; the score
// is not (the profile, switched-off steps, the buyer's checks and the rules move it too), so it is
// never the two stored scores: both visits' facts are re-scored by `score` with today's settings,
// rules and date (comparable.ts). Without `score`, or without the old visit's facts (snapshots
// stored before they were kept), there is no score line: better none than the buyer's own change
// presented as the vendor's.
import type { FactsView } from "../shared/contracts";
import { comparable } from "./comparable";
import type { Observation } from "./observations";
import type { Snapshot } from "./snapshot";

export type Change =
  | { kind: "reviews"; delta: number }
  | { kind: "comments"; delta: number }
  | { kind: "version"; from: string; to: string; between: string[] }
  | { kind: "price"; path: number[] }
  | { kind: "score"; from: number; to: number };

export interface SinceLastVisit {
  /** When the previous snapshot was captured (ISO UTC). */
  since: string;
  changes: Change[];
}

type Tracked = "price" | "reviews_total" | "comments_total" | "version";

/** The value at the previous visit: the snapshot's own, else what the backend saw by then. */
function baseline<K extends Tracked>(prev: Snapshot, key: K, before: Observation[]): Snapshot[K] {
  if (prev[key] !== null) return prev[key];
  for (let i = before.length - 1; i >= 0; i -= 1) {
    const value = before[i]?.[key];
    if (value !== null && value !== undefined) return value as Snapshot[K];
  }
  return null;
}

/** Consecutive duplicates removed: 12 990, 9 990, 9 990, 12 990 -> 12 990, 9 990, 12 990. */
function squeeze<T>(values: T[]): T[] {
  return values.filter((v, i) => i === 0 || v !== values[i - 1]);
}

function countChange(kind: "reviews" | "comments", from: number | null, to: number | null): Change | null {
  return from !== null && to !== null && from !== to ? { kind, delta: to - from } : null;
}

/** Scores facts with today's settings, rules and date (null: unscorable, e.g. off today's schema). */
export type Rescore = (facts: FactsView) => number | null;

export interface ScoreWith {
  score: Rescore;
  /** The rules' backend fact prefixes (comparable.ts backendPrefixes). */
  backendPrefixes: readonly string[];
}

function scoreChange(prev: Snapshot, cur: Snapshot, scoring: ScoreWith | undefined): Change | null {
  if (!scoring || prev.facts === null || cur.facts === null) return null;
  const [then, now] = comparable(prev.facts, cur.facts, scoring.backendPrefixes);
  const [from, to] = [scoring.score(then), scoring.score(now)];
  return from !== null && to !== null && from !== to ? { kind: "score", from, to } : null;
}

export function diffSnapshots(
  prev: Snapshot | null, cur: Snapshot, observations: Observation[] = [], scoring?: ScoreWith,
): SinceLastVisit | null {
  if (prev === null || prev.code !== cur.code) return null;
  const prevAt = Date.parse(prev.captured);
  const curAt = Date.parse(cur.captured);
  const before = observations.filter((o) => o.at <= prevAt);
  const between = observations.filter((o) => o.at > prevAt && o.at <= curAt);
  const changes: Change[] = [];

  const reviews = countChange("reviews", baseline(prev, "reviews_total", before), cur.reviews_total);
  const comments = countChange("comments", baseline(prev, "comments_total", before), cur.comments_total);
  if (reviews) changes.push(reviews);
  if (comments) changes.push(comments);

  const fromVersion = baseline(prev, "version", before);
  if (fromVersion !== null && cur.version !== null && fromVersion !== cur.version) {
    const seen = between.map((o) => o.version).filter((v): v is string => v !== null && v !== fromVersion && v !== cur.version);
    changes.push({ kind: "version", from: fromVersion, to: cur.version, between: [...new Set(seen)] });
  }

  const fromPrice = baseline(prev, "price", before);
  if (fromPrice !== null && cur.price !== null) {
    const middle = between.map((o) => o.price).filter((p): p is number => p !== null);
    const path = squeeze([fromPrice, ...middle, cur.price]);
    if (path.length > 1) changes.push({ kind: "price", path });
  }

  const score = scoreChange(prev, cur, scoring);
  if (score) changes.push(score);
  return { since: prev.captured, changes };
}
