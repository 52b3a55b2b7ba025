// Every column is judged again from its stored facts with today's date, the bundled rules and the
// buyer's settings, so solutions captured on different days are compared on the same footing
// (freshness of reviews and updates moves with the date). A snapshot without facts, or one the
// engine rejects, keeps its stored report.
import type { Report } from "../shared/contracts";
import { localToday } from "../shared/dates";
import { evaluate } from "../shared/evaluate";
import type { Settings } from "../shared/settings";
import type { ShortlistItem } from "../shared/shortlist";
import type { Entry } from "./model";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function judge(item: ShortlistItem, settings: Settings, today: string): Report | null {
  if (!item.facts) return item.report;
  try {
    return evaluate(item.facts, settings, today);
  } catch {
    return item.report;
  }
}

export function judgeAll(items: ShortlistItem[], settings: Settings, today: string): Entry[] {
  return items.map((item) => ({ item, report: judge(item, settings, today) }));
}

/**
 * `compare.html?today=YYYY-MM-DD` judges as of another date ("how did this look then"); the
 * end-to-end tests use it to make exports reproducible. Anything else means the local date.
 */
export function judgeDate(search: string, now: Date = new Date()): string {
  const asked = new URLSearchParams(search).get("today");
  if (asked && ISO_DATE.test(asked) && !Number.isNaN(Date.parse(asked))) return asked;
  return localToday(now);
}
