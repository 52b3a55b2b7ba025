/// <reference types="node" />
// The support test in the vendor's own calendar (its stated days, hours and zone) and the Russian
// production calendar (holidays_ru.json): exact working hours for each rule.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { calendarText, parseProduction, PRODUCTION_CALENDAR, WORKING_CALENDAR as CAL } from "../../../extension/src/buyer/calendar";
import { calendarFor, parseClock, parseDays, parseZone, vendorCalendar } from "../../../extension/src/buyer/vendor-calendar";
import { workingHours } from "../../../extension/src/buyer/working-hours";

const HOLIDAYS = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "shared_rules", "holidays_ru.json"), "utf8"));

function hours(asked: string, answered: string, support: unknown = null): number {
  const r = workingHours(asked, answered, vendorCalendar(support, CAL));
  if (!r.ok) throw new Error(r.error);
  return r.hours;
}

describe("reading the vendor's stated hours", () => {
  it.each([
    ["пн–пт, 9:00–18:00", [1, 2, 3, 4, 5]],
    ["пн-сб", [1, 2, 3, 4, 5, 6]],
    ["Пн — Вс", [1, 2, 3, 4, 5, 6, 7]],
    ["пт–пн", [1, 5, 6, 7]],
    ["9:00–18:00", null],
  ])("days of %j", (text, days) => expect(parseDays(text)).toEqual(days));

  it.each([
    ["пн–пт, 9:00–18:00", [540, 1080]],
    ["с 9.00 до 18.30", [540, 1110]],
    ["пн–вс, 0:00–24:00", [0, 1440]],
    ["18:00–9:00", null],
    ["пн–пт", null],
  ])("clock of %j", (text, clock) => expect(parseClock(text)).toEqual(clock));

  it.each([
    ["МСК", 180],
    ["МСК+4", 420],
    ["мск − 1", 120],
    ["UTC+3", 180],
    ["UTC+5:30", 330],
    ["GMT", 0],
    ["по новосибирскому времени", 420],
    ["по омскому времени", 360], // «омск» contains «мск»: not Moscow
    ["по московскому времени", 180],
    ["по местному времени", null],
  ])("zone of %j", (text, offset) => expect(parseZone(text)).toBe(offset));

  it("keeps the defaults for what the page does not say, and labels the zone", () => {
    expect(calendarFor({ support: null }, CAL)).toBe(CAL);
    const zoneOnly = vendorCalendar({ hours: null, timezone: "МСК+4" }, CAL);
    expect(zoneOnly).toMatchObject({ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1080, utcOffsetMinutes: 420, zoneLabel: { ru: "МСК+4", en: "UTC+7" } });
    expect(calendarText(vendorCalendar({ hours: "пн–сб, 10:00–19:00", timezone: "UTC+3" }, CAL), "ru")).toBe("пн–сб, 10:00–19:00 МСК");
  });
});

describe("working hours in the vendor's calendar", () => {
  it("a Novosibirsk vendor (МСК+4) closes at 14:00 Moscow time", () => {
    // 10:00-16:00 MSK = 14:00-20:00 there; open till 18:00: 4 h (6 h in the Moscow default).
    expect(hours("2026-11-23T10:00+03:00", "2026-11-23T16:00+03:00", { hours: "пн–пт, 9:00–18:00", timezone: "МСК+4" })).toBe(4);
    expect(hours("2026-11-23T10:00+03:00", "2026-11-23T16:00+03:00")).toBe(6);
    expect(hours("2026-11-23T10:00+03:00", "2026-11-23T16:00+03:00", { hours: null, timezone: "по новосибирскому времени" })).toBe(4);
  });
  it("a six-day vendor counts its Saturday", () => {
    expect(hours("2026-11-27T18:00", "2026-11-30T11:00", { hours: "пн–сб, 10:00–19:00", timezone: "МСК" })).toBe(1 + 9 + 1);
  });
  it("a vendor that works every day works the holidays too", () => {
    expect(hours("2026-12-31T10:00", "2027-01-01T10:00", { hours: "пн–вс, 0:00–24:00", timezone: "МСК" })).toBe(24);
    expect(hours("2026-12-31T10:00", "2027-01-01T10:00")).toBe(0); // Mon-Fri: Dec 31 and Jan 1 are off
  });
});

describe("the production calendar", () => {
  it("skips the May holidays and shortens the day before them (2026)", () => {
    // Thu Apr 30 09:00-17:00 (short day), May 1 off, weekend, Mon May 4 09:00-12:00.
    expect(hours("2026-04-30T09:00", "2026-05-04T12:00")).toBe(8 + 3);
    // Fri May 8 16:00-17:00 (short day), weekend, Mon May 11 off (for Sat May 9), Tue 09:00-10:00.
    expect(hours("2026-05-08T16:00", "2026-05-12T10:00")).toBe(1 + 1);
  });
  it("moves a Sunday holiday to Monday: Mar 9, 2026 is off, Fri Mar 6 is a full day", () => {
    expect(hours("2026-03-06T17:00", "2026-03-10T10:00")).toBe(1 + 1);
  });
  it("the New Year 2026 and the transferred Jan 9 (2025 is not in the data: the support test is for today)", () => {
    expect(hours("2026-01-05T10:00", "2026-01-12T10:00")).toBe(1); // Jan 5-8 holidays, Jan 9 by decree, weekend
    expect(hours("2026-01-02T10:00", "2026-01-13T10:00")).toBe(9 + 1);
  });
  it("2027 (ours, a reported draft): Nov 5 off, Saturday Nov 13 working", () => {
    expect(hours("2027-11-03T16:00", "2027-11-08T10:00")).toBe(1 + 1); // Nov 3 short, Nov 4-7 off
    expect(hours("2027-11-12T17:00", "2027-11-15T10:00")).toBe(1 + 9 + 1);
  });
  it("holds the official 2026 days and marks every unconfirmed 2027 transfer as ours", () => {
    for (const date of ["2026-01-09", "2026-02-23", "2026-03-09", "2026-05-11", "2026-06-12", "2026-11-04", "2026-12-31"]) {
      expect(PRODUCTION_CALENDAR.daysOff).toContain(date);
    }
    expect(PRODUCTION_CALENDAR.shortDays.filter((d) => d.startsWith("2026"))).toEqual(["2026-04-30", "2026-05-08", "2026-06-11", "2026-11-03"]);
    const y2026 = HOLIDAYS.years["2026"];
    for (const list of [y2026.days_off, y2026.short_days]) for (const e of list) expect(e.origin).toBe("official");
    const ours = (list: Array<{ date: string; origin: string }>) => list.filter((e) => e.origin === "ours").map((e) => e.date);
    expect(ours(HOLIDAYS.years["2027"].days_off)).toEqual(["2027-11-05"]);
    expect(ours(HOLIDAYS.years["2027"].working_days)).toEqual(["2027-11-13"]);
  });
  it("lists weekday days off (Jan 1-8 aside), weekend working days and weekday short days only", () => {
    const weekday = (d: string) => new Date(`${d}T00:00Z`).getUTCDay();
    for (const d of PRODUCTION_CALENDAR.daysOff.filter((x) => !/-01-0[1-8]$/.test(x))) expect([1, 2, 3, 4, 5], d).toContain(weekday(d));
    for (const d of PRODUCTION_CALENDAR.workingDates) expect([0, 6], d).toContain(weekday(d));
    for (const d of PRODUCTION_CALENDAR.shortDays) expect([1, 2, 3, 4, 5], d).toContain(weekday(d));
  });
  it("refuses a broken file", () => {
    expect(() => parseProduction({ ...HOLIDAYS, schema: "x" })).toThrow(/holidays_ru.json/);
    expect(() => parseProduction({ ...HOLIDAYS, years: { 2026: { days_off: [{ date: "09.01.2026", origin: "official" }], working_days: [], short_days: [] } } })).toThrow(/holidays_ru.json/);
    expect(() => parseProduction({ ...HOLIDAYS, years: { 2026: { days_off: [{ date: "2026-01-09" }], working_days: [], short_days: [] } } })).toThrow(/origin/);
  });
});
