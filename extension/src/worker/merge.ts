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
