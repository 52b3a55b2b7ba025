// Page side of the history messages (popup, comparison page): ask the worker, validate the answer.
// A sleeping or failing worker is "no history", never an error on the page.
import { ext } from "../shared/browser-api";
import { parseChangesReply, parseHistoryReply, type ChangesReply } from "./messages";
import type { ScoredPoint } from "./score";

const asked = new Map<string, Promise<ScoredPoint[]>>();

/** One request per solution per page (the popup re-renders often). */
export function requestHistory(code: string): Promise<ScoredPoint[]> {
  let pending = asked.get(code);
  if (!pending) {
    pending = Promise.resolve()
      .then(() => ext().runtime.sendMessage({ kind: "history", code }))
      .then((reply: unknown) => parseHistoryReply(reply) ?? [])
      .catch(() => []);
    asked.set(code, pending);
  }
  return pending;
}

export async function requestChanges(): Promise<ChangesReply | null> {
  try {
    return parseChangesReply(await ext().runtime.sendMessage({ kind: "shortlist-changes" }));
  } catch {
    return null;
  }
}

export async function reportSeen(ids: string[]): Promise<void> {
  try {
    await ext().runtime.sendMessage({ kind: "shortlist-seen", ids });
  } catch {
    // the worker reloads: the count stays until the next time the section is opened
  }
}
