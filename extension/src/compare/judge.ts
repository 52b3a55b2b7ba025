// Every column is judged again from its stored facts with today's date, the bundled rules and the
// buyer's settings, so solutions captured on different days are compared on the same footing
// (freshness of reviews and updates moves with the date). A snapshot without facts, or one the
// engine rejects, keeps its stored report. The items carry the buyer's current checks already
// (buyer-checks.ts), so they are scored as they are, by the shell's one scorer.
import type { Report } from "../shared/contracts";
import { isIsoDate, localToday } from "../shared/dates";
import { scoreFacts } from "../shared/score-facts";
import type { Settings } from "../shared/settings";
import type { ShortlistItem } from "../shared/shortlist";
import type { Entry } from "./model";

export function judge(item: ShortlistItem, settings: Settings, today: string): Report | null {
  if (!item.facts) return item.report;
  try {
    return scoreFacts(item.facts, null, settings, today).report;
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
  if (asked && isIsoDate(asked) && !Number.isNaN(Date.parse(asked))) return asked;
  return localToday(now);
}
