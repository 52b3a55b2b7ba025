// The one scorer of the shell: the facts with the buyer's own checks (buyer/record.ts) scored with
// the buyer's settings. The catalog cards use it, and so should every page that shows a report
// (solution badge, popup, comparison), so a card and its solution page never disagree about the
// same facts and the same checks (issue 11 point 5).
import { WORKING_CALENDAR } from "../buyer/calendar";
import { withBuyer, type BuyerRecord } from "../buyer/record";
import type { FactsView, Report } from "./contracts";
import { evaluate } from "./evaluate";
import type { Settings } from "./settings";

export interface Scored { facts: FactsView; report: Report }

/** Throws what the engine throws (facts it cannot read); callers decide what a failure shows. */
export function scoreFacts(facts: FactsView, record: BuyerRecord, settings: Settings, today: string): Scored {
  const withChecks = withBuyer(facts, record, WORKING_CALENDAR);
  return { facts: withChecks, report: evaluate(withChecks, settings, today) };
}
