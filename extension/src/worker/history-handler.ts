// Answers the pages' history messages (history/messages.ts). A failure answers "nothing to show"
// for the history and an empty list for the changes: a page must never wait on an error.
import { loadSettings } from "../shared/settings";
import type { ChangesReply, HistoryReply, HistoryRequest } from "../history/messages";
import { markSeen } from "../history/seen";
import { refreshActionBadge } from "./action-badge";
import { shortlistChanges, solutionHistory } from "./history";

export async function handleHistory(request: HistoryRequest): Promise<HistoryReply | ChangesReply | { ok: true }> {
  try {
    const settings = await loadSettings();
    if (request.kind === "history") return await solutionHistory(request.code, settings);
    if (request.kind === "shortlist-changes") {
      const reply = await shortlistChanges(settings);
      void refreshActionBadge(); // the popup asked: the icon follows the same fresh answer
      return reply;
    }
    await markSeen(request.ids);
    await refreshActionBadge();
    return { ok: true };
  } catch (err) {
    console.debug("mpcheck worker: history", err instanceof Error ? err.message : err);
    return request.kind === "history" ? { ok: true, points: [] } : request.kind === "shortlist-changes" ? { ok: true, solutions: [], unseen: [] } : { ok: true };
  }
}
