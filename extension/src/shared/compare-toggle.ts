// "Add to / remove from the comparison", the same everywhere it is offered (the solution badge, the
// popup, the catalog's mini-badges and the popup's catalog list): one toggle and one message per
// result, so the four places cannot drift apart in what they store or say.
import type { FactsView, Report } from "./contracts";
import { TOGGLE_MESSAGE, type ToggleMessage } from "../ui/toggle-messages";
import { shortlistItem, toggleShortlist, type ToggleResult } from "./shortlist";

export interface Toggled {
  result: ToggleResult;
  /** Whether the solution is in the comparison afterwards. */
  listed: boolean;
  /** The message key to announce (ui/toggle-messages.ts). */
  message: ToggleMessage;
}

/** `code`: for a card whose facts may lack one (the card link's code). */
export async function toggleCompare(facts: FactsView, report: Report | null, today: string, code?: string): Promise<Toggled> {
  const result = await toggleShortlist(shortlistItem(facts, report, today, code));
  return { result, listed: result === "added" || result === "already", message: TOGGLE_MESSAGE[result] };
}
