// The solution page's side of the buyer's checks: the badge is scored with them (facts.buyer) and
// re-scored when the popup records or clears one. One storage listener per page, not per run (the
// page re-runs on in-page navigation); it serves whichever badge is current.
import type { FactsView } from "../shared/contracts";
import { WORKING_CALENDAR } from "./calendar";
import { buyerFacts, isEmptyRecord, withBuyer, type BuyerRecord } from "./record";
import { calendarFor } from "./vendor-calendar";
import { loadBuyerRecord, watchBuyerRecord } from "./store";

export interface PageChecks {
  /** The facts with the buyer's current checks as facts.buyer. */
  apply(facts: FactsView): FactsView;
  /** Whether facts carry other checks than the current ones (e.g. scored before a change). */
  stale(facts: FactsView): boolean;
}

let follow: { code: string; update: (record: BuyerRecord) => void } | null = null;
let unwatch: (() => void) | null = null;

export function followBuyerChecks(code: string, onChange: () => void): PageChecks {
  let record: BuyerRecord = {};
  const update = (next: BuyerRecord) => {
    record = next;
    onChange();
  };
  follow = { code, update };
  unwatch?.();
  unwatch = watchBuyerRecord(code, (next) => follow?.code === code && follow.update(next));
  // Off the critical path: most pages have no checks, and the first paint must not wait for storage.
  void loadBuyerRecord(code)
    .then((loaded) => {
      if (follow?.update === update && !isEmptyRecord(loaded)) update(loaded);
    })
    .catch(() => undefined);
  return {
    apply: (facts) => withBuyer(facts, record, WORKING_CALENDAR),
    stale: (facts) => JSON.stringify(facts.buyer ?? null) !== JSON.stringify(buyerFacts(record, calendarFor(facts, WORKING_CALENDAR))),
  };
}
