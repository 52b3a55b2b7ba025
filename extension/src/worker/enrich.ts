// Fetches what a solution page lacks (partner rating, update history) and hands back the data, not
// a report: the page merges and scores once (shared/enrichment.ts, shared/score-facts.ts).
// A backend that just failed is not asked again for a minute (backend-down.ts).
import { historyChangelog, partnerExtra, partnerLookups, type Enrichment } from "../shared/enrichment";
import type { EnrichRequest } from "../shared/messages";
import type { Settings } from "../shared/settings";
import { backendJson } from "./backend-client";
import { withBackend } from "./backend-down";
import { cached } from "./cache";

/**
 * Throws when the partner cannot be asked (no answer, or the backend is down): the page then keeps
 * its facts without lookups, which the engine reads as "backend unreachable".
 */
export async function fetchEnrichment(request: EnrichRequest, settings: Settings): Promise<Enrichment> {
  const base = settings.backendUrl;
  const partner = await withBackend(base, () =>
    cached(`partner:${base}:${request.partnerId}`, () => backendJson(base, `/partners/${request.partnerId}`)),
  );
  // History only fills gaps; losing it must not cost the partner rating.
  const code = request.code;
  const history = code
    ? await cached(`history:${base}:${code}`, () => backendJson(base, `/solutions/${encodeURIComponent(code)}/history`)).catch(() => null)
    : null;
  // The lookups tell the engine why a backend fact is still unknown (not in the rating, or the
  // rating unread).
  return { partner: partnerExtra(partner), lookups: partnerLookups(partner), history: historyChangelog(history) };
}
