// The working calendar the buyer's support test is measured in. Policy, not code: it lives in
// shared_rules/buyer_checks.json and the production calendar in shared_rules/holidays_ru.json
// (bundled at build time like the rest of the rules, SPEC §2), checked here once, loudly, so a
// broken edit fails the unit tests instead of mis-measuring. The vendor's own hours and zone are
// applied on top in vendor-calendar.ts.
import policy from "../../../shared_rules/buyer_checks.json";
import production from "../../../shared_rules/holidays_ru.json";
import type { Localized } from "../shared/contracts";
import { isObject } from "../shared/guards";
import { isIsoDate } from "../shared/dates";

export interface WorkingCalendar {
  /** ISO weekdays that are working days (1 = Monday ... 7 = Sunday). */
  days: readonly number[];
  /** Minutes after midnight, wall clock in the calendar's zone; start < end (no night shifts). */
  startMinute: number;
  endMinute: number;
  /** A fixed offset: no DST rules, so the result never depends on the browser's time zone. */
  utcOffsetMinutes: number;
  /** Dates (calendar zone) that are days off: the policy's own plus the production calendar's. */
  holidays: readonly string[];
  /** Weekend dates made working days by a transfer (they count with the usual hours). */
  workingDates: readonly string[];
  /** Pre-holiday dates whose working day ends `shortMinutes` earlier (ТК РФ ст. 95). */
  shortDays: readonly string[];
  shortMinutes: number;
  zoneLabel: Localized;
}

/** The production calendar's part of a WorkingCalendar (holidays_ru.json). */
export interface ProductionCalendar {
  daysOff: readonly string[];
  workingDates: readonly string[];
  shortDays: readonly string[];
  shortMinutes: number;
}

export const NO_PRODUCTION: ProductionCalendar = { daysOff: [], workingDates: [], shortDays: [], shortMinutes: 0 };

const CLOCK = /^([01][0-9]|2[0-4]):([0-5][0-9])$/;

function minutes(value: unknown, name: string): number {
  const match = typeof value === "string" ? CLOCK.exec(value) : null;
  if (!match) throw new Error(`buyer_checks.json: ${name} must be HH:MM`);
  const total = Number(match[1]) * 60 + Number(match[2]);
  if (total > 24 * 60) throw new Error(`buyer_checks.json: ${name} is past 24:00`);
  return total;
}

function dates(raw: unknown, where: string): string[] {
  if (!Array.isArray(raw)) throw new Error(`holidays_ru.json: ${where} must be a list`);
  return raw.map((entry) => {
    const date = isObject(entry) ? entry.date : null;
    const origin = isObject(entry) ? entry.origin : null;
    if (!isIsoDate(date) || (origin !== "official" && origin !== "ours")) {
      throw new Error(`holidays_ru.json: ${where} needs {date: YYYY-MM-DD, origin: official|ours}`);
    }
    return date;
  });
}

/** Validates holidays_ru.json (throws on anything odd); every year's lists are merged. */
export function parseProduction(raw: unknown): ProductionCalendar {
  if (!isObject(raw) || raw.schema !== "mpcheck.holidays/1" || !isObject(raw.years)) throw new Error("holidays_ru.json: wrong schema");
  const short = isObject(raw.short_day_minutes) ? raw.short_day_minutes.value : null;
  if (typeof short !== "number" || !Number.isInteger(short) || short < 0 || short > 240) throw new Error("holidays_ru.json: bad short_day_minutes");
  const out = { daysOff: [] as string[], workingDates: [] as string[], shortDays: [] as string[], shortMinutes: short };
  for (const [year, body] of Object.entries(raw.years)) {
    if (!isObject(body)) throw new Error(`holidays_ru.json: year ${year} must be an object`);
    out.daysOff.push(...dates(body.days_off, `${year}.days_off`));
    out.workingDates.push(...dates(body.working_days, `${year}.working_days`));
    out.shortDays.push(...dates(body.short_days, `${year}.short_days`));
  }
  return out;
}

export const PRODUCTION_CALENDAR: ProductionCalendar = parseProduction(production);

/** Validates the `working_calendar` object of buyer_checks.json (throws on anything odd). */
export function parseCalendar(raw: unknown, prod: ProductionCalendar = NO_PRODUCTION): WorkingCalendar {
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
  if (!Array.isArray(holidays) || !holidays.every((d) => isIsoDate(d))) {
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
    holidays: [...(holidays as string[]), ...prod.daysOff],
    workingDates: [...prod.workingDates],
    shortDays: [...prod.shortDays],
    shortMinutes: prod.shortMinutes,
    zoneLabel: { ru: label.ru, en: label.en },
  };
}

export const WORKING_CALENDAR: WorkingCalendar = parseCalendar(policy.working_calendar, PRODUCTION_CALENDAR);

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
