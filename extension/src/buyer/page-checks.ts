// The solution page's side of the buyer's checks: the badge is scored with them (facts.buyer) and
// re-scored when the popup records or clears one. One storage listener per page, not per run (the
// page re-runs on in-page navigation); it serves whichever badge is current.
import { isEmptyRecord, type BuyerRecord } from "./record";
import { loadBuyerRecord, watchBuyerRecord } from "./store";

export interface PageChecks {
  /** The buyer's current checks for this solution (shared/score-facts.ts applies them). */
  record(): BuyerRecord;
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
  return { record: () => record };
}
