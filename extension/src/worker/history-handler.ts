// Answers the pages' history messages (history/messages.ts). A failure answers "nothing to show"
// for the history and an empty list for the changes: a page must never wait on an error.
import { loadSettings } from "../shared/settings";
import type { ChangesReply, HistoryReply, HistoryRequest } from "../history/messages";
import { countChanges, markSeenHere, recountSeen } from "./action-badge";
import { shortlistChanges, solutionHistory } from "./history";

export async function handleHistory(request: HistoryRequest): Promise<HistoryReply | ChangesReply | { ok: true }> {
  try {
    const settings = await loadSettings();
    if (request.kind === "history") return await solutionHistory(request.code, settings);
    if (request.kind === "shortlist-changes") {
      const reply = await shortlistChanges(settings);
      void countChanges(reply.solutions); // the popup asked: the icon counts the same answer, not a second one
      return reply;
    }
    await markSeenHere(request.ids);
    await recountSeen(); // seen ids change the count, not the changes: no backend request
    return { ok: true };
  } catch (err) {
    console.debug("mpcheck worker: history", err instanceof Error ? err.message : err);
    return request.kind === "history" ? { ok: true, points: [] } : request.kind === "shortlist-changes" ? { ok: true, solutions: [], unseen: [] } : { ok: true };
  }
}
