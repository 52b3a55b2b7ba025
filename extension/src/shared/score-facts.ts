// The one scorer of the shell: the facts with the buyer's own checks (buyer/record.ts) scored with
// the buyer's settings. The solution badge (content/solution-run.ts), the popup, the comparison and
// the catalog cards all score through here, so a card, its solution page, the popup and the
// comparison never disagree about the same facts and the same checks (issue 11 point 5).
import { WORKING_CALENDAR } from "../buyer/calendar";
import { withBuyer, type BuyerRecord } from "../buyer/record";
import type { FactsView, Report } from "./contracts";
import { evaluate } from "./evaluate";
import type { Settings } from "./settings";

export interface Scored { facts: FactsView; report: Report }

/** The facts with the buyer's current checks as facts.buyer (replacing whatever they carried). */
export function withChecks(facts: FactsView, record: BuyerRecord): FactsView {
  return withBuyer(facts, record, WORKING_CALENDAR);
}

/**
 * `record` null: the facts already carry the buyer's checks (e.g. the popup re-scoring the page's
 * state for another profile). Throws what the engine throws (facts it cannot read); callers decide
 * what a failure shows.
 */
export function scoreFacts(facts: FactsView, record: BuyerRecord | null, settings: Settings, today: string): Scored {
  const checked = record === null ? facts : withChecks(facts, record);
  return { facts: checked, report: evaluate(checked, settings, today) };
}
