// The vendor's own working calendar (pure): the days, hours and time zone its page states
// (facts.support.hours «пн–пт, 9:00–18:00», support.timezone «МСК+4», «UTC+3», «по новосибирскому
// времени») replace the defaults of buyer_checks.json; what the page does not say keeps the
// default. The article asks for exactly this: a vendor in Siberia answers in its own working day.
import policy from "../../../shared_rules/buyer_checks.json";
import { isObject } from "../shared/guards";
import type { WorkingCalendar } from "./calendar";

export interface VendorHoursPolicy {
  dayNames: Record<string, number>;
  moscowUtcOffsetMinutes: number;
  zoneNames: Array<{ match: string; mskOffset: number }>;
  everyDayVendorsWorkHolidays: boolean;
}

/** Validates buyer_checks.json `vendor_hours` (throws on anything odd). */
export function parseVendorHours(raw: unknown): VendorHoursPolicy {
  const bad = (what: string) => new Error(`buyer_checks.json: vendor_hours.${what}`);
  if (!isObject(raw) || !isObject(raw.day_names) || !Array.isArray(raw.zone_names)) throw bad("needs day_names and zone_names");
  const dayNames: Record<string, number> = {};
  for (const [name, day] of Object.entries(raw.day_names)) {
    if (!Number.isInteger(day) || (day as number) < 1 || (day as number) > 7) throw bad(`day_names.${name} must be 1..7`);
    dayNames[name] = day as number;
  }
  const zoneNames = raw.zone_names.map((z) => {
    if (!isObject(z) || typeof z.match !== "string" || z.match === "" || !Number.isInteger(z.msk_offset)) throw bad("zone_names entries need match and msk_offset");
    return { match: z.match, mskOffset: z.msk_offset as number };
  });
  const msk = raw.moscow_utc_offset_minutes;
  const every = isObject(raw.every_day_vendors_work_holidays) ? raw.every_day_vendors_work_holidays.value : null;
  if (!Number.isInteger(msk) || typeof every !== "boolean") throw bad("needs moscow_utc_offset_minutes and every_day_vendors_work_holidays");
  return { dayNames, moscowUtcOffsetMinutes: msk as number, zoneNames, everyDayVendorsWorkHolidays: every };
}

export const VENDOR_HOURS: VendorHoursPolicy = parseVendorHours(policy.vendor_hours);

const DASH = "[–—-]";
const CLOCK = new RegExp(`([0-9]{1,2})[:.]([0-9]{2})\\s*(?:${DASH}|до)\\s*([0-9]{1,2})[:.]([0-9]{2})`);
// Not inside a word: «омск» contains «мск».
const MSK = new RegExp(`(?:^|[^а-я])мск\\s*(?:([+−-])\\s*([0-9]{1,2}))?`);
const UTC = new RegExp(`(?:utc|gmt)\\s*(?:([+−-])\\s*([0-9]{1,2})(?::([0-9]{2}))?)?`);

/** ISO weekdays of «пн–пт» / «пн-сб» / «пн–вс» (a range, wrapping allowed), else null. */
export function parseDays(text: string, p: VendorHoursPolicy = VENDOR_HOURS): number[] | null {
  const names = Object.keys(p.dayNames).join("|");
  const m = new RegExp(`(?:^|[^а-я])(${names})\\s*${DASH}\\s*(${names})(?:$|[^а-я])`).exec(text.toLowerCase());
  if (!m) return null;
  const from = p.dayNames[m[1] as string] as number;
  const to = p.dayNames[m[2] as string] as number;
  const days: number[] = [];
  for (let d = from; ; d = (d % 7) + 1) {
    days.push(d);
    if (d === to || days.length === 7) break;
  }
  return days.sort((a, b) => a - b);
}

/** [start, end] minutes of «9:00–18:00» / «с 9.00 до 18.00», else null (end may be 24:00). */
export function parseClock(text: string): [number, number] | null {
  const m = CLOCK.exec(text);
  if (!m) return null;
  const [h1, m1, h2, m2] = m.slice(1, 5).map(Number) as [number, number, number, number];
  const start = h1 * 60 + m1;
  const end = h2 * 60 + m2;
  if (h1 > 23 || m1 > 59 || m2 > 59 || end > 24 * 60 || start >= end) return null; // no night shifts
  return [start, end];
}

/** Minutes east of UTC of «МСК», «МСК+4», «UTC+3», «по новосибирскому времени», else null. */
export function parseZone(text: string, p: VendorHoursPolicy = VENDOR_HOURS): number | null {
  const lowered = text.toLowerCase();
  const sign = (s: string | undefined) => (s === "+" ? 1 : -1);
  let m = MSK.exec(lowered);
  if (m) return p.moscowUtcOffsetMinutes + (m[2] === undefined ? 0 : sign(m[1]) * Number(m[2]) * 60);
  m = UTC.exec(lowered);
  if (m) return m[2] === undefined ? 0 : sign(m[1]) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  const named = p.zoneNames.find((z) => lowered.includes(z.match));
  return named ? p.moscowUtcOffsetMinutes + named.mskOffset * 60 : null;
}

function zoneLabel(offset: number, p: VendorHoursPolicy): WorkingCalendar["zoneLabel"] {
  const spell = (minutes: number) => {
    const abs = Math.abs(minutes);
    const text = `${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, "0")}` : ""}`;
    return minutes === 0 ? "" : `${minutes < 0 ? "−" : "+"}${text}`;
  };
  return { ru: `МСК${spell(offset - p.moscowUtcOffsetMinutes)}`, en: `UTC${spell(offset)}` };
}

/** The calendar for a vendor whose facts.support says when and where it works. */
export function vendorCalendar(support: unknown, base: WorkingCalendar, p: VendorHoursPolicy = VENDOR_HOURS): WorkingCalendar {
  const s = isObject(support) ? support : {};
  const hours = typeof s.hours === "string" ? s.hours : "";
  const zone = typeof s.timezone === "string" ? parseZone(s.timezone, p) : null;
  const days = parseDays(hours, p);
  const clock = parseClock(hours);
  if (days === null && clock === null && zone === null) return base;
  const cal: WorkingCalendar = {
    ...base,
    days: days ?? base.days,
    startMinute: clock ? clock[0] : base.startMinute,
    endMinute: clock ? clock[1] : base.endMinute,
    utcOffsetMinutes: zone ?? base.utcOffsetMinutes,
    zoneLabel: zone === null ? base.zoneLabel : zoneLabel(zone, p),
  };
  if (days?.length === 7 && p.everyDayVendorsWorkHolidays) return { ...cal, holidays: [], workingDates: [], shortDays: [] };
  return cal;
}

/** The calendar a support test on this solution is measured in (its facts, else the default). */
export function calendarFor(facts: unknown, base: WorkingCalendar): WorkingCalendar {
  return vendorCalendar(isObject(facts) ? facts.support : null, base);
}
