// Merging backend data into page facts (pure). Only known fields with the right types are taken:
// the backend is ours, but its JSON still crosses a trust boundary.
import type { FactsView, PartnerExtra } from "../shared/contracts";
import { isObject } from "../shared/guards";

function intOrNull(v: unknown): number | null | undefined {
  if (v === null) return null;
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** Accepts the partner object itself or `{partner: {...}}`. */
export function partnerExtra(body: unknown): PartnerExtra {
  const src = isObject(body) && isObject(body.partner) ? body.partner : body;
  if (!isObject(src)) return {};
  const out: PartnerExtra = {};
  for (const key of ["rating_position", "rating_total", "solutions_count"] as const) {
    const v = intOrNull(src[key]);
    if (v !== undefined) out[key] = v;
  }
  if (typeof src.status === "string" || src.status === null) out.status = src.status as string | null;
  if (src.specialization === "software" || src.specialization === "agency" || src.specialization === null) {
    out.specialization = src.specialization;
  }
  return out;
}

/** What the backend lookups came to (facts.lookups, facts.schema.json): the engine's unknown_reason reads it. */
export interface Lookups { backend: "ok" | "unreachable"; partner_rating: "found" | "not_found" | null }

/**
 * The lookups of a /partners/<id> reply: a rating position means the developer is in the rating,
 * none means it is not, unless the server could not read the rating (meta.rating_error): then the
 * rating lookup did not happen, which for the buyer is the backend not answering, not "not found".
 */
export function partnerLookups(body: unknown): Lookups {
  const meta = isObject(body) && isObject(body.meta) ? body.meta : {};
  if (typeof meta.rating_error === "string") return { backend: "unreachable", partner_rating: null };
  return { backend: "ok", partner_rating: typeof partnerExtra(body).rating_position === "number" ? "found" : "not_found" };
}

export function withLookups(facts: FactsView, lookups: Lookups): FactsView {
  return { ...facts, lookups: { backend: lookups.backend, partner_rating: lookups.partner_rating } };
}

export function mergePartner(facts: FactsView, extra: PartnerExtra): FactsView {
  if (!facts.partner) return facts;
  return { ...facts, partner: { ...facts.partner, ...extra } };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRelease(v: unknown): boolean {
  return isObject(v) && typeof v.version === "string" && typeof v.date === "string" && ISO_DATE.test(v.date);
}

/**
 * The page's changelog wins; the stored history fills it only when the page showed none, and the
 * facts' `sources` map tells the engine to cite it as backend evidence.
 */
export function mergeHistory(facts: FactsView, body: unknown): FactsView {
  const changelog = isObject(body) ? body.changelog : null;
  if (facts.changelog != null || !Array.isArray(changelog) || !changelog.every(isRelease)) return facts;
  const sources = isObject(facts.sources) ? facts.sources : {};
  return { ...facts, changelog, sources: { ...sources, changelog: "backend" } };
}
