// The backend's observation store (GET /api/v1/solutions/<code>/history -> observations): what the
// server saw of the solution over time. Between two visits it shows the steps in between (a
// price that dropped and came back, versions released and superseded). Parsed defensively: the
// backend is ours, but its JSON still crosses a trust boundary.
import { isObject } from "../shared/guards";

export interface Observation {
  at: number; // UTC ms of observed_at
  price: number | null;
  reviews_total: number | null;
  comments_total: number | null;
  version: string | null;
}

const MAX_OBSERVATIONS = 200; // the endpoint's own limit

function count(v: unknown): number | null {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : null;
}

/** Observations oldest first; an unreadable body is simply no observations. */
export function parseObservations(body: unknown): Observation[] {
  const list = isObject(body) ? body.observations : null;
  if (!Array.isArray(list)) return [];
  const out: Observation[] = [];
  for (const item of list.slice(0, MAX_OBSERVATIONS)) {
    if (!isObject(item) || typeof item.observed_at !== "string") continue;
    const at = Date.parse(item.observed_at);
    if (Number.isNaN(at)) continue;
    const version = typeof item.version === "string" && item.version.length <= 40 ? item.version : null;
    out.push({
      at,
      price: count(item.price_rub),
      reviews_total: count(item.reviews_total),
      comments_total: count(item.comments_total),
      version,
    });
  }
  return out.sort((a, b) => a.at - b.at);
}
