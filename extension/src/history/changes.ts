// "What changed since it was added to the shortlist" (pure). The baseline is a few facts taken when
// the buyer added the solution (kept in the shortlist entry, bounded); the newest known facts come
// from the backend's latest read or a later visit. Four kinds, the ones a buyer acts on: a new
// release, a new negative review (at most the engine's own negative threshold of stars, read from
// the rules), a price change, withdrawn from sale. Each change has a stable id, so "seen" can be
// remembered per change (history/seen.ts) and a change seen once is not counted again.
import type { FactsView } from "../shared/contracts";
import { isObject } from "../shared/guards";
import { isIsoDate } from "../shared/dates";

export interface Baseline {
  /** YYYY-MM-DD the solution was added. */
  date: string;
  version: string | null;
  price: number | null;
  withdrawn: boolean | null;
  /** The newest review date listed at add time (reviews dated after it are new), null: none listed. */
  reviewsUpTo: string | null;
}

export type ShortlistChange =
  | { kind: "release"; from: string; to: string }
  | { kind: "negative_review"; date: string; stars: number }
  | { kind: "price"; from: number; to: number }
  | { kind: "withdrawn" };

export interface SolutionChanges { code: string; name: string; changes: ShortlistChange[] }

/** Used only when the rules name no threshold: a 1- or 2-star review is negative on any reading. */
export const FALLBACK_NEGATIVE_STARS = 2;

/** The engine's negative threshold: the max_stars of the reviews signal that reads reviews.items. */
export function negativeMaxStars(criteria: Record<string, unknown>): number {
  const reviews = criteria.reviews;
  const signals = isObject(reviews) && Array.isArray(reviews.signals) ? reviews.signals : [];
  for (const signal of signals) {
    const args = isObject(signal) && isObject(signal.args) ? signal.args : null;
    if (args && args.list === "reviews.items" && typeof args.max_stars === "number") return args.max_stars;
  }
  return FALLBACK_NEGATIVE_STARS;
}

function part(facts: FactsView, name: string): Record<string, unknown> | null {
  const value = facts[name];
  return isObject(value) ? value : null;
}

/** Price as the observation store has it: 0 for a free solution. */
export function priceOf(facts: FactsView): number | null {
  const price = part(facts, "price");
  if (price?.free === true) return 0;
  return typeof price?.rub === "number" && Number.isInteger(price.rub) && price.rub >= 0 ? price.rub : null;
}

function versionOf(facts: FactsView): string | null {
  return typeof facts.version === "string" && facts.version.length <= 40 ? facts.version : null;
}

interface Review { date: string; stars: number | null }

function reviewsOf(facts: FactsView): Review[] {
  const items = part(facts, "reviews")?.items;
  if (!Array.isArray(items)) return [];
  return items.flatMap((r) =>
    isObject(r) && isIsoDate(r.date)
      ? [{ date: r.date, stars: typeof r.stars === "number" ? r.stars : null }]
      : [],
  );
}

export function baselineOf(facts: FactsView, date: string): Baseline {
  const dates = reviewsOf(facts).map((r) => r.date).sort();
  return {
    date,
    version: versionOf(facts),
    price: priceOf(facts),
    withdrawn: typeof facts.withdrawn === "boolean" ? facts.withdrawn : null,
    reviewsUpTo: dates.at(-1) ?? null,
  };
}

export function coerceBaseline(raw: unknown): Baseline | null {
  if (!isObject(raw) || !isIsoDate(raw.date)) return null;
  const version = typeof raw.version === "string" && raw.version.length <= 40 ? raw.version : null;
  const price = typeof raw.price === "number" && Number.isInteger(raw.price) && raw.price >= 0 ? raw.price : null;
  const withdrawn = typeof raw.withdrawn === "boolean" ? raw.withdrawn : null;
  const upTo = isIsoDate(raw.reviewsUpTo) ? raw.reviewsUpTo : null;
  return { date: raw.date, version, price, withdrawn, reviewsUpTo: upTo };
}

/** At most this many new negative reviews are listed per solution (the count says the rest). */
const MAX_NEGATIVES = 5;

export function changesSince(baseline: Baseline, newest: FactsView, maxStars: number): ShortlistChange[] {
  const out: ShortlistChange[] = [];
  const version = versionOf(newest);
  if (baseline.version !== null && version !== null && version !== baseline.version) {
    out.push({ kind: "release", from: baseline.version, to: version });
  }
  // A review is new when dated after the newest one listed at add time (or, with none listed then,
  // on or after the day it was added); undated or unstarred reviews cannot be placed: skipped.
  const negatives = reviewsOf(newest)
    .filter((r) => r.stars !== null && r.stars <= maxStars)
    .filter((r) => (baseline.reviewsUpTo === null ? r.date >= baseline.date : r.date > baseline.reviewsUpTo))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .slice(0, MAX_NEGATIVES);
  for (const r of negatives) out.push({ kind: "negative_review", date: r.date, stars: r.stars as number });
  const price = priceOf(newest);
  if (baseline.price !== null && price !== null && price !== baseline.price) {
    out.push({ kind: "price", from: baseline.price, to: price });
  }
  if (newest.withdrawn === true && baseline.withdrawn !== true) out.push({ kind: "withdrawn" });
  return out;
}

/** The stable id of one change: the same change found again tomorrow is the same id. */
export function changeId(code: string, change: ShortlistChange): string {
  switch (change.kind) {
    case "release":
      return `${code}|release|${change.to}`;
    case "negative_review":
      return `${code}|negative|${change.date}|${change.stars}`;
    case "price":
      return `${code}|price|${change.to}`;
    case "withdrawn":
      return `${code}|withdrawn`;
  }
}

/** The newest of the candidate facts by when they were taken (ms); null when there are none. */
export function newestFacts(candidates: ReadonlyArray<{ at: number; facts: FactsView | null }>): FactsView | null {
  let best: { at: number; facts: FactsView } | null = null;
  for (const c of candidates) if (c.facts && (best === null || c.at > best.at)) best = { at: c.at, facts: c.facts };
  return best?.facts ?? null;
}
