// One solution's history as points over time (pure): the backend's observations (what the server
// saw, GET /solutions/<code>/history) merged with the buyer's own visits (history/trail.ts), one
// point per calendar day: the day's latest values (a value they lack taken from the day's other
// point), marked "your visit" when the buyer visited the solution's page that day.
import type { FactsView } from "../shared/contracts";
import type { Observation } from "../snapshots/observations";
import type { Snapshot } from "../snapshots/snapshot";

export type PointSource = "backend" | "visit";

export interface HistoryPoint {
  /** YYYY-MM-DD (UTC day of the observation or visit). */
  date: string;
  /** UTC ms, the latest moment of that day the values were seen. */
  at: number;
  /** Whose values these are (the day's latest): the server's or the buyer's visit. */
  source: PointSource;
  /** The buyer visited the solution's page that day ("your visit" on the chart and in the list). */
  visited: boolean;
  price: number | null;
  reviews_total: number | null;
  version: string | null;
  /** The full facts of that day when known (a visit, the backend's latest read): scorable. */
  facts: FactsView | null;
}

/** The chart's window: older points are dropped (the list stays short enough to read). */
export const MAX_POINTS = 24;

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function observationPoint(o: Observation): HistoryPoint {
  return { date: day(o.at), at: o.at, source: "backend", visited: false, price: o.price, reviews_total: o.reviews_total, version: o.version, facts: null };
}

export function visitPoint(s: Snapshot): HistoryPoint {
  const at = Date.parse(s.captured);
  return { date: day(at), at, source: "visit", visited: true, price: s.price, reviews_total: s.reviews_total, version: s.version, facts: s.facts };
}

/** The backend's latest full read (history body `latest_read`) gives its day's point the facts. */
export interface LatestRead { at: number; facts: FactsView }

function fill(keep: HistoryPoint, other: HistoryPoint): HistoryPoint {
  return {
    ...keep,
    visited: keep.visited || other.visited,
    price: keep.price ?? other.price,
    reviews_total: keep.reviews_total ?? other.reviews_total,
    version: keep.version ?? other.version,
    facts: keep.facts, // never another moment's facts: the score goes with the values it is shown with
  };
}

/** The later values win (at the same moment, the visit's); the other fills their gaps. */
function better(a: HistoryPoint, b: HistoryPoint): HistoryPoint {
  if (a.at === b.at) return a.source === "visit" ? fill(a, b) : fill(b, a);
  return b.at > a.at ? fill(b, a) : fill(a, b);
}

export function mergePoints(
  observations: readonly Observation[], visits: readonly Snapshot[], latest: LatestRead | null = null, max = MAX_POINTS,
): HistoryPoint[] {
  const backend = observations.map(observationPoint);
  if (latest) {
    const last = backend.reduce<HistoryPoint | null>((acc, p) => (acc === null || p.at > acc.at ? p : acc), null);
    // The latest read is the newest observation's page (the store writes both in one transaction).
    if (last && day(latest.at) === last.date) last.facts = latest.facts;
  }
  const byDay = new Map<string, HistoryPoint>();
  for (const point of [...backend, ...visits.map(visitPoint)]) {
    const seen = byDay.get(point.date);
    byDay.set(point.date, seen ? better(seen, point) : point);
  }
  return [...byDay.values()].sort((a, b) => a.at - b.at).slice(-max);
}
