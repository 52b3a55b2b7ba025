// A listing page's ONE batch request (SPEC §10): the backend merges each card with its stored read
// of the solution and says how old that read is. The worker only fetches: the page scores the
// merged facts itself, with the buyer's checks (shared/score-facts.ts).
import type { FactsView } from "../shared/contracts";
import { isObject } from "../shared/guards";
import { parseBatchReply, type BatchReply } from "../shared/messages";
import type { Settings } from "../shared/settings";
import { BackendUnavailable, backendJson } from "./backend-client";
import { backendLooksDown, noteFailure } from "./backend-down";

export async function listingBatch(items: FactsView[], settings: Settings): Promise<BatchReply> {
  const base = settings.backendUrl;
  if (backendLooksDown(base)) throw new BackendUnavailable("backend failed recently");
  let body: unknown;
  try {
    body = await backendJson(base, "/score/batch", { method: "POST", body: { items } });
  } catch (err) {
    noteFailure(base, err);
    throw err;
  }
  const reply = isObject(body) ? parseBatchReply({ ...body, ok: true }) : null;
  if (!reply?.ok || reply.reports.length !== items.length) throw new BackendUnavailable("bad batch reply");
  return reply;
}
