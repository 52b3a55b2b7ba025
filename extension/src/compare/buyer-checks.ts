// The buyer's own checks (part B: src/buyer/, storage keys "buyer:<code>") applied to every
// column before judging, so a support test recorded in the popup changes the comparison too, with
// evidence source "you". Current checks replace whatever the snapshot carried at capture time.
// The only file here that knows the buyer-check storage: if that changes, this adapter does.
import { coerceRecord, type BuyerRecord } from "../buyer/record";
import { BUYER_PREFIX, buyerKey } from "../buyer/store";
import { ext } from "../shared/browser-api";
import { withChecks } from "../shared/score-facts";
import type { ShortlistItem } from "../shared/shortlist";

export async function loadBuyerRecords(codes: string[]): Promise<Map<string, BuyerRecord>> {
  if (codes.length === 0) return new Map();
  const got = await ext().storage.local.get(codes.map(buyerKey));
  return new Map(codes.map((code) => [code, coerceRecord(got[buyerKey(code)])]));
}

/** Pure: the items with each one's current checks as facts.buyer (no facts: unchanged). */
export function withBuyerChecks(items: ShortlistItem[], records: Map<string, BuyerRecord>): ShortlistItem[] {
  return items.map((item) =>
    item.facts ? { ...item, facts: withChecks(item.facts, records.get(item.code) ?? {}) } : item,
  );
}

export function onBuyerChecksChanged(callback: () => void): void {
  ext().storage.onChanged.addListener((changes, area) => {
    if (area === "local" && Object.keys(changes).some((key) => key.startsWith(BUYER_PREFIX))) callback();
  });
}
