// What the buyer recorded by hand for one solution, as kept in storage.local, and its projection
// onto facts.buyer (facts.schema.json) so the same rules score it with evidence source "you".
// Pure: storage is read in store.ts. Storage content is re-validated on every read because any
// extension context (or an older version of this code) may have written it.
import type { FactsView } from "../shared/contracts";
import { isObject } from "../shared/guards";
import type { WorkingCalendar } from "./calendar";
import { calendarFor } from "./vendor-calendar";
import { workingHours } from "./working-hours";
import { isIsoDate } from "../shared/dates";

/** The multiple-choice checks and their values: exactly the enums of facts.schema.json `buyer`. */
export const CHOICES = {
  account_manager: ["offered", "not_offered", "unresponsive"],
  cases_checked: ["worked", "broken"],
  docs_quality: ["good", "poor"],
  specialization: ["software", "agency"],
} as const;
export type ChoiceName = keyof typeof CHOICES;
export const CHOICE_NAMES = Object.keys(CHOICES) as ChoiceName[];
export type CheckName = ChoiceName | "support_test";

export interface Choice { value: string; recorded: string }
export interface SupportTest { asked_at: string; answered_at: string; response_hours: number; recorded: string }
/**
 * support_test is the newest test; support_tests every recorded test, newest first (the article:
 * one breach is a question, a systematic one is a verdict, so the engine counts them).
 */
export type BuyerRecord = Partial<Record<ChoiceName, Choice>> & { support_test?: SupportTest; support_tests?: SupportTest[] };

/** Kept per solution; older ones drop off (facts.schema.json: buyer.support_tests maxItems). */
export const MAX_SUPPORT_TESTS = 50;

const MAX_TEXT = 40; // facts.schema.json: asked_at / answered_at maxLength

function coerceSupportTest(raw: unknown): SupportTest | undefined {
  if (!isObject(raw) || !isIsoDate(raw.recorded)) return undefined;
  const { asked_at: asked, answered_at: answered, response_hours: hours } = raw;
  if (typeof asked !== "string" || typeof answered !== "string" || asked.length > MAX_TEXT || answered.length > MAX_TEXT) {
    return undefined;
  }
  if (typeof hours !== "number" || !Number.isFinite(hours) || hours < 0 || hours > 10_000) return undefined;
  return { asked_at: asked, answered_at: answered, response_hours: hours, recorded: raw.recorded };
}

export function coerceRecord(raw: unknown): BuyerRecord {
  const out: BuyerRecord = {};
  if (!isObject(raw)) return out;
  for (const name of CHOICE_NAMES) {
    const entry = raw[name];
    const allowed: readonly string[] = CHOICES[name];
    if (isObject(entry) && typeof entry.value === "string" && allowed.includes(entry.value) && isIsoDate(entry.recorded)) {
      out[name] = { value: entry.value, recorded: entry.recorded };
    }
  }
  const test = coerceSupportTest(raw.support_test);
  const history = Array.isArray(raw.support_tests)
    ? raw.support_tests.map(coerceSupportTest).filter((t): t is SupportTest => t !== undefined)
    : [];
  const tests = test ? withTest(history, test) : history;
  if (tests[0]) {
    out.support_test = tests[0];
    out.support_tests = tests;
  }
  return out;
}

/**
 * `test` first, then the others newest first; a test with the same question time is the same
 * test corrected, so it replaces the earlier entry instead of counting twice.
 */
export function withTest(tests: SupportTest[], test: SupportTest): SupportTest[] {
  return [test, ...tests.filter((t) => t.asked_at !== test.asked_at)].slice(0, MAX_SUPPORT_TESTS);
}

export function isEmptyRecord(record: BuyerRecord): boolean {
  return record.support_test === undefined && CHOICE_NAMES.every((name) => record[name] === undefined);
}

/**
 * facts.buyer for the record, or null when nothing is recorded. The response time is measured
 * again with the current calendar, so a policy change in buyer_checks.json applies to old tests.
 */
export function buyerFacts(record: BuyerRecord, cal: WorkingCalendar): Record<string, unknown> | null {
  if (isEmptyRecord(record)) return null;
  const out: Record<string, unknown> = {};
  const dates: string[] = [];
  const remeasure = (t: SupportTest): SupportTest => {
    const measured = workingHours(t.asked_at, t.answered_at, cal);
    return { ...t, response_hours: measured.ok ? measured.hours : t.response_hours };
  };
  const tests = (record.support_tests ?? (record.support_test ? [record.support_test] : [])).map(remeasure);
  if (tests[0]) {
    out.support_test = tests[0];
    out.support_tests = tests;
    dates.push(...tests.map((t) => t.recorded));
  }
  for (const name of CHOICE_NAMES) {
    const entry = record[name];
    if (!entry) continue;
    out[name] = entry.value;
    dates.push(entry.recorded);
  }
  out.recorded = dates.sort().at(-1) ?? null; // the newest check: when the buyer last looked
  return out;
}

/**
 * The facts with the buyer's checks in place of whatever `buyer` they carried. The support test is
 * measured in the vendor's own calendar when its page states hours or a zone (vendor-calendar.ts),
 * else in `cal`.
 */
export function withBuyer(facts: FactsView, record: BuyerRecord, cal: WorkingCalendar): FactsView {
  const buyer = buyerFacts(record, calendarFor(facts, cal));
  const out: FactsView = { ...facts };
  delete out.buyer;
  if (buyer) out.buyer = buyer;
  return out;
}
