// The working calendar the buyer's support test is measured in. Policy, not code: it lives in
// shared_rules/buyer_checks.json (bundled at build time like the rest of the rules, SPEC §2) and
// is checked here once, loudly, so a broken edit fails the unit tests instead of mis-measuring.
import policy from "../../../shared_rules/buyer_checks.json";
import type { Localized } from "../shared/contracts";
import { isObject } from "../shared/guards";

export interface WorkingCalendar {
  /** ISO weekdays that are working days (1 = Monday ... 7 = Sunday). */
  days: readonly number[];
  /** Minutes after midnight, wall clock in the calendar's zone; start < end (no night shifts). */
  startMinute: number;
  endMinute: number;
  /** A fixed offset: no DST rules, so the result never depends on the browser's time zone. */
  utcOffsetMinutes: number;
  holidays: readonly string[];
  zoneLabel: Localized;
}

const CLOCK = /^([01][0-9]|2[0-4]):([0-5][0-9])$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function minutes(value: unknown, name: string): number {
  const match = typeof value === "string" ? CLOCK.exec(value) : null;
  if (!match) throw new Error(`buyer_checks.json: ${name} must be HH:MM`);
  const total = Number(match[1]) * 60 + Number(match[2]);
  if (total > 24 * 60) throw new Error(`buyer_checks.json: ${name} is past 24:00`);
  return total;
}

/** Validates the `working_calendar` object of buyer_checks.json (throws on anything odd). */
export function parseCalendar(raw: unknown): WorkingCalendar {
  if (!isObject(raw)) throw new Error("buyer_checks.json: working_calendar must be an object");
  const days = raw.days;
  if (!Array.isArray(days) || days.length === 0 || !days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)) {
    throw new Error("buyer_checks.json: days must be ISO weekdays 1..7");
  }
  const startMinute = minutes(raw.start, "start");
  const endMinute = minutes(raw.end, "end");
  if (startMinute >= endMinute) throw new Error("buyer_checks.json: start must be before end");
  const offset = raw.utc_offset_minutes;
  if (typeof offset !== "number" || !Number.isInteger(offset) || Math.abs(offset) > 14 * 60) {
    throw new Error("buyer_checks.json: utc_offset_minutes must be an integer within ±14 h");
  }
  const holidays = raw.holidays ?? [];
  if (!Array.isArray(holidays) || !holidays.every((d) => typeof d === "string" && ISO_DATE.test(d))) {
    throw new Error("buyer_checks.json: holidays must be YYYY-MM-DD dates");
  }
  const label = raw.zone_label;
  if (!isObject(label) || typeof label.ru !== "string" || typeof label.en !== "string") {
    throw new Error("buyer_checks.json: zone_label needs ru and en");
  }
  return {
    days: [...(days as number[])],
    startMinute,
    endMinute,
    utcOffsetMinutes: offset,
    holidays: [...(holidays as string[])],
    zoneLabel: { ru: label.ru, en: label.en },
  };
}

export const WORKING_CALENDAR: WorkingCalendar = parseCalendar(policy.working_calendar);

/** "пн–пт, 09:00–18:00 МСК" style summary for the form's hint. */
export function calendarText(cal: WorkingCalendar, lang: "ru" | "en"): string {
  const names = lang === "ru" ? ["пн", "вт", "ср", "чт", "пт", "сб", "вс"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const days = [...cal.days].sort((a, b) => a - b);
  const contiguous = days.every((d, i) => i === 0 || d === (days[i - 1] as number) + 1);
  const dayText = contiguous && days.length > 2
    ? `${names[(days[0] as number) - 1]}–${names[(days[days.length - 1] as number) - 1]}`
    : days.map((d) => names[d - 1]).join(", ");
  return `${dayText}, ${clock(cal.startMinute)}–${clock(cal.endMinute)} ${cal.zoneLabel[lang]}`;
}
