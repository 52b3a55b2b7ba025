// What the backend adds to a solution page (partner rating, stored history) and how it merges into
// the page's facts. Pure. The worker only fetches and parses (worker/enrich.ts); the page merges
// and scores once (content/solution-run.ts), so one set of facts meets the engine once.
// Only known fields with the right types are taken: the backend is ours, but its JSON (and the
// worker's message) still crosses a trust boundary.
import type { FactsView, PartnerExtra } from "./contracts";
import { isObject } from "./guards";
import { isIsoDate } from "./dates";

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

interface Release { version: string; date: string; chars?: number | null }

// facts.schema.json changelog items: a release the engine would refuse at its door must not cost
// the page the partner rating merged with it.
const MAX_VERSION = 50;
const MAX_RELEASES = 2000;

function isRelease(v: unknown): v is Release {
  if (!isObject(v) || typeof v.version !== "string" || v.version.length > MAX_VERSION || !isIsoDate(v.date)) return false;
  const chars = v.chars;
  return chars === undefined || chars === null || (typeof chars === "number" && Number.isInteger(chars) && chars >= 0);
}

/**
 * A history reply's changelog when every release is well-formed, else null (never half a list);
 * each release copied with the schema's keys only (additionalProperties: false).
 */
export function historyChangelog(body: unknown): Release[] | null {
  const changelog = isObject(body) ? body.changelog : null;
  if (!Array.isArray(changelog) || changelog.length > MAX_RELEASES || !changelog.every(isRelease)) return null;
  return changelog.map(({ version, date, chars }) => (chars === undefined ? { version, date } : { version, date, chars }));
}

/**
 * The page's changelog wins; the stored history fills it only when the page showed none, and the
 * facts' `sources` map tells the engine to cite it as backend evidence.
 */
export function mergeHistory(facts: FactsView, body: unknown): FactsView {
  return withHistory(facts, historyChangelog(body));
}

/** The checked history in the page's gap (see mergeHistory). */
function withHistory(facts: FactsView, changelog: Release[] | null): FactsView {
  if (facts.changelog != null || changelog === null) return facts;
  const sources = isObject(facts.sources) ? facts.sources : {};
  return { ...facts, changelog, sources: { ...sources, changelog: "backend" } };
}

/**
 * The worker's answer to a solution page: the backend's data, not a report. `partner` is what the
 * partner reply adds, `history` the stored changelog (null: none, or it could not be read).
 */
export interface Enrichment { partner: PartnerExtra; lookups: Lookups; history: Release[] | null }

const LOOKUP_BACKEND = ["ok", "unreachable"];
const LOOKUP_RATING = ["found", "not_found", null];

/** Validates an Enrichment that crossed a message boundary (null: not one). */
export function parseEnrichment(v: unknown): Enrichment | null {
  if (!isObject(v) || !isObject(v.lookups)) return null;
  const { backend, partner_rating } = v.lookups;
  if (!LOOKUP_BACKEND.includes(backend as string) || !LOOKUP_RATING.includes(partner_rating as string | null)) return null;
  const history = v.history === null ? null : historyChangelog({ changelog: v.history });
  if (v.history !== null && history === null) return null;
  if (!isObject(v.partner)) return null;
  return { partner: partnerExtra(v.partner), lookups: { backend, partner_rating } as Lookups, history };
}

/** The page's facts with the backend's data: partner rating and lookups, then history in the gaps. */
export function applyEnrichment(facts: FactsView, enrichment: Enrichment): FactsView {
  const withPartner = withLookups(mergePartner(facts, enrichment.partner), enrichment.lookups);
  return withHistory(withPartner, enrichment.history); // parseEnrichment checked it already
}
