// Content -> worker calls. The worker may be asleep or (in Firefox) reloading; any failure is
// a "backend unavailable" for the caller, never an uncaught error in the page console.
import type { FactsView } from "../shared/contracts";
import { ext } from "../shared/browser-api";
import { parseBatchReply, parseEnrichReply, type BatchReply, type EnrichReply, type EnrichRequest } from "../shared/messages";

/** Asks by code and partner id only: the rest of the page stays in the browser (SPEC §9). */
export async function requestEnrich(code: string | null, partnerId: number): Promise<EnrichReply> {
  try {
    const reply = await ext().runtime.sendMessage({ kind: "enrich", code, partnerId } satisfies EnrichRequest);
    return parseEnrichReply(reply) ?? { ok: false, reason: "backend_unavailable" };
  } catch {
    return { ok: false, reason: "backend_unavailable" };
  }
}

export async function requestBatch(items: FactsView[]): Promise<BatchReply> {
  try {
    const reply = await ext().runtime.sendMessage({ kind: "score-batch", items });
    return parseBatchReply(reply) ?? { ok: false, reason: "backend_unavailable" };
  } catch {
    return { ok: false, reason: "backend_unavailable" };
  }
}
