// Asks the content script in the tab for its current result. No content script (not a
// Marketplace page) = null; a page still evaluating is polled briefly.
import { ext } from "../shared/browser-api";
import { parseReportState, type ReportState } from "../shared/messages";

const POLL_MS = 250;
const POLL_LIMIT = 20;

async function askOnce(tabId: number): Promise<ReportState | null> {
  try {
    return parseReportState(await ext().tabs.sendMessage(tabId, { kind: "report-get" }));
  } catch {
    return null; // "Receiving end does not exist": no content script in that tab
  }
}

export async function pageReport(tabId: number, onUpdate: (state: ReportState | null) => void): Promise<void> {
  for (let i = 0; i < POLL_LIMIT; i++) {
    const state = await askOnce(tabId);
    onUpdate(state);
    if (!state || (state.state !== "loading" && state.partner !== "pending")) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
