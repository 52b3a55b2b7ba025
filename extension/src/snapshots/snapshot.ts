// A snapshot: what one solution looked like when the buyer last opened its page (the few values
// a buyer would notice changing, and the facts themselves), kept in storage.local to say "since
// your last visit ...". The facts let the next visit re-score this one under ITS settings and
// rules (snapshots/comparable.ts), so a score change is the vendor's, not the buyer's.
import type { FactsView, Report } from "../shared/contracts";
import { isFacts, isObject, isSolutionCode } from "../shared/guards";

/**
 * Facts bigger than this are not kept (the score line is then skipped on the next visit): the
 * fixture pages' facts are 1-2.3 KB, so 500 snapshots stay near 1 MB of the ~10 MB storage.local.
 */
export const MAX_FACTS_CHARS = 16_000;

export interface Snapshot {
  code: string;
  /** ISO UTC date-time of the visit (compared with the backend's observed_at). */
  captured: string;
  price: number | null;
  reviews_total: number | null;
  comments_total: number | null;
  version: string | null;
  /** The score the buyer saw (for the record; the diff re-scores `facts` instead). */
  score: number | null;
  /** The facts scored at this visit, without the extractor's diagnostics; null in old snapshots. */
  facts: FactsView | null;
}

/** The facts worth keeping: everything the engine reads (the buyer's checks too), not how they were found. */
export function keptFacts(facts: FactsView): FactsView | null {
  const kept: FactsView = { ...facts };
  delete kept.extraction;
  delete kept.found_by;
  return JSON.stringify(kept).length <= MAX_FACTS_CHARS ? kept : null;
}

function coerceFacts(v: unknown): FactsView | null {
  return isFacts(v) && JSON.stringify(v).length <= MAX_FACTS_CHARS ? v : null;
}

function count(v: unknown): number | null {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : null;
}

function field(facts: FactsView, part: string, name: string): unknown {
  const value = facts[part];
  return isObject(value) ? value[name] : null;
}

/** The snapshot of this page view; price 0 for a free solution, as the observation store has it. */
export function snapshotOf(facts: FactsView, report: Report | null, now: Date): Snapshot | null {
  if (!facts.code) return null;
  const free = field(facts, "price", "free") === true;
  const version = typeof facts.version === "string" && facts.version.length <= 40 ? facts.version : null;
  const score = report?.score;
  return {
    code: facts.code,
    captured: now.toISOString(),
    price: free ? 0 : count(field(facts, "price", "rub")),
    reviews_total: count(field(facts, "reviews", "total")),
    comments_total: count(field(facts, "comments", "total")),
    version,
    score: typeof score === "number" && Number.isFinite(score) ? Math.round(score) : null,
    facts: keptFacts(facts),
  };
}

const NUMBER_FIELDS = ["price", "reviews_total", "comments_total", "score"] as const;

/** Storage and messages are trust boundaries: anything malformed is "no snapshot". */
export function coerceSnapshot(raw: unknown): Snapshot | null {
  if (!isObject(raw) || !isSolutionCode(raw.code)) return null;
  if (typeof raw.captured !== "string" || Number.isNaN(Date.parse(raw.captured))) return null;
  if (!(raw.version === null || (typeof raw.version === "string" && raw.version.length <= 40))) return null;
  const out: Snapshot = {
    code: raw.code,
    captured: raw.captured,
    price: null,
    reviews_total: null,
    comments_total: null,
    version: raw.version,
    score: null,
    facts: coerceFacts(raw.facts), // unreadable facts cost the score line only, not the snapshot
  };
  for (const name of NUMBER_FIELDS) {
    const value = raw[name];
    if (value !== null && count(value) === null) return null;
    out[name] = count(value);
  }
  return out;
}
