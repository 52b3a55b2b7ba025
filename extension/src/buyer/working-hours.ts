// The real support response time in WORKING hours (pure): the buyer says when they wrote and when
// the answer came; only the time inside the working calendar counts (a question sent on Friday
// evening and answered on Monday at noon took 3 working hours, not 67). All arithmetic is on UTC
// milliseconds shifted by the calendar's fixed offset, never the browser's own zone or DST rules.
import type { WorkingCalendar } from "./calendar";

export type WorkingHoursError = "asked_invalid" | "answered_invalid" | "answered_before_asked" | "too_long";
export type WorkingHours = { ok: true; hours: number } | { ok: false; error: WorkingHoursError };

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
/** A support test spanning more than a year is a typing error, and the loop below stays short. */
const MAX_SPAN_DAYS = 400;

// "2026-11-27T17:00", with optional seconds and an optional zone ("Z", "+03:00", "+0300").
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/;

function zoneMinutes(zone: string | undefined, fallback: number): number {
  if (zone === undefined) return fallback;
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/**
 * UTC milliseconds of an ISO date-time; a value without a zone is wall-clock time in the zone
 * `offsetMinutes` east of UTC (the form asks for times in the calendar's zone). null if unreal.
 */
export function parseInstant(text: string, offsetMinutes: number): number | null {
  const m = INSTANT.exec(text.trim());
  if (!m) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((part) => Number(part ?? 0));
  if (year < 1970 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null; // 2026-02-30
  return utc - zoneMinutes(m[7], offsetMinutes) * MINUTE;
}

/** "YYYY-MM-DDTHH:MM" wall clock in the calendar's zone: a datetime-local input's value. */
export function calendarLocal(ms: number, cal: WorkingCalendar): string {
  return new Date(ms + cal.utcOffsetMinutes * MINUTE).toISOString().slice(0, 16);
}

/** A datetime-local value (calendar zone) with the zone spelled out, as stored in facts.buyer. */
export function withCalendarZone(local: string, cal: WorkingCalendar): string | null {
  const ms = parseInstant(local, cal.utcOffsetMinutes);
  if (ms === null) return null;
  const sign = cal.utcOffsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(cal.utcOffsetMinutes);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${calendarLocal(ms, cal)}${zone}`;
}

function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1; // day 0 = 1970-01-01, a Thursday (ISO 4)
}

function dateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY).toISOString().slice(0, 10);
}

function isWorkingDay(date: string, dayNumber: number, cal: WorkingCalendar, holidays: ReadonlySet<string>): boolean {
  if (cal.workingDates.includes(date)) return true; // a weekend made working by a transfer
  return cal.days.includes(isoWeekday(dayNumber)) && !holidays.has(date);
}

/** Working milliseconds in [from, to) (UTC ms, from <= to). */
export function workingMillis(from: number, to: number, cal: WorkingCalendar): number {
  const shift = cal.utcOffsetMinutes * MINUTE;
  const [a, b] = [from + shift, to + shift]; // wall clock of the calendar's zone, as if it were UTC
  const holidays = new Set(cal.holidays);
  let total = 0;
  for (let day = Math.floor(a / DAY); day <= Math.floor(b / DAY); day += 1) {
    const date = dateOf(day);
    if (!isWorkingDay(date, day, cal, holidays)) continue;
    // A pre-holiday day closes earlier (never before it opens).
    const end = cal.shortDays.includes(date) ? Math.max(cal.startMinute, cal.endMinute - cal.shortMinutes) : cal.endMinute;
    const open = Math.max(a, day * DAY + cal.startMinute * MINUTE);
    const close = Math.min(b, day * DAY + end * MINUTE);
    if (close > open) total += close - open;
  }
  return total;
}

/**
 * Working hours between asking and the answer, to 0.1 h (6 minutes: finer than anyone records a
 * reply's arrival, and it keeps "{value} ч" in the rule texts short).
 */
export function workingHours(askedAt: string, answeredAt: string, cal: WorkingCalendar): WorkingHours {
  const asked = parseInstant(askedAt, cal.utcOffsetMinutes);
  if (asked === null) return { ok: false, error: "asked_invalid" };
  const answered = parseInstant(answeredAt, cal.utcOffsetMinutes);
  if (answered === null) return { ok: false, error: "answered_invalid" };
  if (answered < asked) return { ok: false, error: "answered_before_asked" };
  if (answered - asked > MAX_SPAN_DAYS * DAY) return { ok: false, error: "too_long" };
  return { ok: true, hours: Math.round(workingMillis(asked, answered, cal) / (6 * MINUTE)) / 10 };
}

/**
 * Two form values typed in the buyer's zone (`input`), counted in the vendor's working calendar
 * (`measure`): a question sent at 17:00 Moscow time reaches a МСК+4 vendor at 21:00, after hours.
 */
export function measureLocal(askedLocal: string, answeredLocal: string, input: WorkingCalendar, measure: WorkingCalendar): WorkingHours {
  if (parseInstant(askedLocal, input.utcOffsetMinutes) === null) return { ok: false, error: "asked_invalid" };
  if (parseInstant(answeredLocal, input.utcOffsetMinutes) === null) return { ok: false, error: "answered_invalid" };
  return workingHours(withCalendarZone(askedLocal, input) ?? askedLocal, withCalendarZone(answeredLocal, input) ?? answeredLocal, measure);
}
