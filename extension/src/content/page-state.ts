// The solution page's current result, kept so the popup can ask the content script for it
// (tabs.sendMessage needs no "tabs" permission, and the page already holds the facts).
import { ext } from "../shared/browser-api";
import type { FactsView } from "../shared/contracts";
import { parseContentRequest, type ReportState } from "../shared/messages";

let current: ReportState | null = null;

export function publishState(state: ReportState): void {
  current = state;
}

/** The facts behind the current result (the structure report names what was found by what). */
export function currentFacts(): FactsView | null {
  return current?.facts ?? null;
}

export function clearState(): void {
  current = null;
}

export function listenForPopup(): void {
  ext().runtime.onMessage.addListener((msg: unknown, _sender, sendResponse) => {
    if (!parseContentRequest(msg)) return false;
    sendResponse(current ?? { state: "loading", report: null, facts: null, partner: "pending" });
    return false;
  });
}
