// A listing page's ONE batch request (SPEC §10): the backend merges each card with its stored read
// of the solution and with the listing feed's item, and says how old that read is. The worker only fetches: the page scores the
// merged facts itself, with the buyer's checks (shared/score-facts.ts).
import type { FactsView } from "../shared/contracts";
import { isObject } from "../shared/guards";
import { parseBatchReply, type BatchReply } from "../shared/messages";
import type { Settings } from "../shared/settings";
import { BackendUnavailable, backendJson } from "./backend-client";
import { withBackend } from "./backend-down";

export async function listingBatch(
  items: FactsView[], settings: Settings, listingUrl: string | null = null,
): Promise<BatchReply> {
  const base = settings.backendUrl;
  // listing_url: the backend reads that listing's own XML feed (one request per URL and TTL,
  // never a card's page) and fills what the cards lack; without it, as before
  const request = listingUrl ? { items, listing_url: listingUrl } : { items };
  const body = await withBackend(base, () => backendJson(base, "/score/batch", { method: "POST", body: request }));
  const reply = isObject(body) ? parseBatchReply({ ...body, ok: true }) : null;
  if (!reply?.ok || reply.reports.length !== items.length) throw new BackendUnavailable("bad batch reply");
  return reply;
}
