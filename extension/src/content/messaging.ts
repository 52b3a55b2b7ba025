// Content -> worker calls. The worker may be asleep or (in Firefox) reloading; any failure is
// a "backend unavailable" for the caller, never an uncaught error in the page console.
import type { FactsView } from "../shared/contracts";
import { ext } from "../shared/browser-api";
import {
  listingUrl, parseBatchReply, parseEnrichReply, type BatchReply, type BatchRequest, type EnrichReply, type EnrichRequest,
} from "../shared/messages";

/** Asks by code and partner id only: the rest of the page stays in the browser (SPEC §9). */
export async function requestEnrich(code: string | null, partnerId: number): Promise<EnrichReply> {
  try {
    const reply = await ext().runtime.sendMessage({ kind: "enrich", code, partnerId } satisfies EnrichRequest);
    return parseEnrichReply(reply) ?? { ok: false, reason: "backend_unavailable" };
  } catch {
    return { ok: false, reason: "backend_unavailable" };
  }
}

/** `pageUrl`: the listing page's URL; its feed fills what the cards lack (messages.ts listingUrl). */
export async function requestBatch(items: FactsView[], pageUrl: string | null = null): Promise<BatchReply> {
  try {
    const request: BatchRequest = { kind: "score-batch", items, listingUrl: listingUrl(pageUrl) };
    const reply = await ext().runtime.sendMessage(request);
    return parseBatchReply(reply) ?? { ok: false, reason: "backend_unavailable" };
  } catch {
    return { ok: false, reason: "backend_unavailable" };
  }
}
