// The buyer's checks in storage.local, one key per solution (SPEC §9: they never leave the
// browser). Every write reads the current record first, so the popup and a second popup for
// another tab cannot drop each other's checks.
import { ext } from "../shared/browser-api";
import { coerceRecord, isEmptyRecord, withTest, type BuyerRecord, type CheckName, type ChoiceName, type SupportTest } from "./record";

export const BUYER_PREFIX = "buyer:";

export function buyerKey(code: string): string {
  return BUYER_PREFIX + code;
}

export async function loadBuyerRecord(code: string): Promise<BuyerRecord> {
  const key = buyerKey(code);
  const got = await ext().storage.local.get(key);
  return coerceRecord(got[key]);
}

async function write(code: string, record: BuyerRecord): Promise<BuyerRecord> {
  if (isEmptyRecord(record)) await ext().storage.local.remove(buyerKey(code));
  else await ext().storage.local.set({ [buyerKey(code)]: record });
  return record;
}

export async function saveChoice(code: string, name: ChoiceName, value: string, today: string): Promise<BuyerRecord> {
  const record = await loadBuyerRecord(code);
  return write(code, coerceRecord({ ...record, [name]: { value, recorded: today } }));
}

export async function saveSupportTest(code: string, test: SupportTest): Promise<BuyerRecord> {
  const record = await loadBuyerRecord(code);
  return write(code, coerceRecord({ ...record, support_test: test, support_tests: withTest(record.support_tests ?? [], test) }));
}

export async function clearCheck(code: string, name: CheckName): Promise<BuyerRecord> {
  const record = await loadBuyerRecord(code);
  const rest: BuyerRecord = { ...record };
  delete rest[name];
  if (name === "support_test") delete rest.support_tests; // "clear" forgets every test, not just the newest
  return write(code, rest);
}

export async function clearAllChecks(code: string): Promise<BuyerRecord> {
  return write(code, {});
}

/** Calls back with the fresh record whenever this solution's checks change (any context). */
export function watchBuyerRecord(code: string, onChange: (record: BuyerRecord) => void): () => void {
  const key = buyerKey(code);
  const listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area === "local" && key in changes) onChange(coerceRecord(changes[key]?.newValue));
  };
  ext().storage.onChanged.addListener(listener);
  return () => ext().storage.onChanged.removeListener(listener);
}
