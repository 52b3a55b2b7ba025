// The popup's side of the structure report: ask the content script of the described tab.
import { ext } from "../shared/browser-api";
import { parseStructureReply } from "./messages";

/** The report text, or null when the tab has no content script (or it did not answer). */
export async function requestStructure(tabId: number): Promise<string | null> {
  try {
    return parseStructureReply(await ext().tabs.sendMessage(tabId, { kind: "structure-get" }))?.text ?? null;
  } catch {
    return null;
  }
}
