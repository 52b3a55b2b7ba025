import { afterEach, describe, expect, it } from "vitest";
import { parseCalendar, WORKING_CALENDAR, type WorkingCalendar } from "../../../extension/src/buyer/calendar";
import {
  calendarLocal, parseInstant, withCalendarZone, workingHours,
} from "../../../extension/src/buyer/working-hours";

// 2026-11-27 is a Friday; 2026-11-30 a Monday. Default calendar: Mon-Fri 09:00-18:00, UTC+3.
const CAL = WORKING_CALENDAR;
const hours = (a: string, b: string, cal: WorkingCalendar = CAL) => {
  const r = workingHours(a, b, cal);
  if (!r.ok) throw new Error(r.error);
  return r.hours;
};

describe("working hours, default calendar (Mon-Fri 09-18 Moscow)", () => {
  it.each([
    ["same day, inside hours", "2026-11-27T10:00", "2026-11-27T14:30", 4.5],
    ["Friday 17:00 -> Monday 12:00 skips the weekend", "2026-11-27T17:00", "2026-11-30T12:00", 4],
    ["overnight Tue 16:00 -> Wed 10:00", "2026-11-24T16:00", "2026-11-25T10:00", 3],
    ["a whole working week", "2026-11-23T09:00", "2026-11-27T18:00", 45],
    ["weekend only", "2026-11-28T10:00", "2026-11-29T20:00", 0],
    ["asked before opening", "2026-11-23T07:00", "2026-11-23T10:00", 1],
    ["asked after closing, answered next morning", "2026-11-23T19:00", "2026-11-24T09:30", 0.5],
    ["answered the same minute", "2026-11-23T11:00", "2026-11-23T11:00", 0],
    ["both at night, same night", "2026-11-23T20:00", "2026-11-23T23:59", 0],
    ["multi-day over a weekend", "2026-11-26T12:00", "2026-12-02T12:00", 36],
    ["asked Saturday, answered Monday 09:45", "2026-11-28T13:00", "2026-11-30T09:45", 0.8],
    ["across a month end", "2026-11-30T17:00", "2026-12-01T10:00", 2],
    ["the year end is all days off (Dec 31, 2026 by decree, Jan 1-8 holidays, then a weekend)", "2026-12-30T17:00", "2027-01-11T10:00", 1 + 1],
    ["rounded to 0.1 h (20 min)", "2026-11-23T10:00", "2026-11-23T10:20", 0.3],
    ["seconds are accepted", "2026-11-23T10:00:00", "2026-11-23T11:00:30", 1],
  ])("%s", (_name, asked, answered, expected) => {
    expect(hours(asked, answered)).toBe(expected);
  });

  it("reads explicit zones: 14:00Z is 17:00 in Moscow", () => {
    expect(hours("2026-11-27T14:00Z", "2026-11-30T09:00:00Z")).toBe(4);
    expect(hours("2026-11-27T17:00+03:00", "2026-11-30T12:00+0300")).toBe(4);
    // A buyer in Novosibirsk (UTC+7) writing at 21:00 local = 17:00 Moscow.
    expect(hours("2026-11-27T21:00+07:00", "2026-11-30T16:00+07:00")).toBe(4);
  });

  it("uses a fixed offset: the European DST switch (2026-03-29) changes nothing", () => {
    expect(hours("2026-03-27T12:00Z", "2026-03-30T07:00Z")).toBe(4); // 15:00 Fri -> 10:00 Mon MSK
    expect(hours("2026-10-23T14:00Z", "2026-10-26T09:00Z")).toBe(4);
  });

  describe("does not depend on the machine's time zone", () => {
    const saved = process.env.TZ;
    afterEach(() => {
      process.env.TZ = saved;
    });
    it.each(["America/New_York", "Asia/Tokyo", "Europe/Berlin"])("%s", (tz) => {
      process.env.TZ = tz;
      expect(hours("2026-11-27T17:00", "2026-11-30T12:00")).toBe(4);
      expect(hours("2026-03-27T15:00", "2026-03-30T10:00")).toBe(4);
    });
  });

  it("refuses an answer before the question", () => {
    expect(workingHours("2026-11-30T12:00", "2026-11-27T17:00", CAL)).toEqual({ ok: false, error: "answered_before_asked" });
  });

  it.each([
    ["", "2026-11-27T17:00", "asked_invalid"],
    ["yesterday", "2026-11-27T17:00", "asked_invalid"],
    ["2026-02-30T10:00", "2026-03-02T10:00", "asked_invalid"],
    ["2026-11-27T17:00", "2026-11-27T25:00", "answered_invalid"],
    ["2026-11-27T17:00", "2026-11-27", "answered_invalid"],
    ["2024-01-01T10:00", "2026-01-01T10:00", "too_long"],
  ])("refuses %j -> %j (%s)", (asked, answered, error) => {
    expect(workingHours(asked, answered, CAL)).toEqual({ ok: false, error });
  });
});

describe("other calendars (policy is data)", () => {
  const base = { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00", utc_offset_minutes: 180, zone_label: { ru: "МСК", en: "Moscow" } };

  it("skips holidays", () => {
    const cal = parseCalendar({ ...base, holidays: ["2026-11-30"] });
    expect(hours("2026-11-27T17:00", "2026-12-01T12:00", cal)).toBe(4);
  });

  it("a six-day week in another zone", () => {
    const cal = parseCalendar({ ...base, days: [1, 2, 3, 4, 5, 6], start: "10:00", end: "19:00", utc_offset_minutes: 420 });
    expect(hours("2026-11-27T18:00", "2026-11-30T11:00", cal)).toBe(1 + 9 + 1);
    expect(hours("2026-11-27T11:00Z", "2026-11-27T13:00Z", cal)).toBe(1); // 18:00-20:00 local, open till 19:00
  });

  it("a round-the-clock calendar counts wall time", () => {
    const cal = parseCalendar({ ...base, days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" });
    expect(hours("2026-11-27T17:00", "2026-11-30T12:00", cal)).toBe(67);
  });

  it.each([
    [{ ...base, days: [] }],
    [{ ...base, days: [0, 1] }],
    [{ ...base, start: "18:00", end: "09:00" }],
    [{ ...base, start: "9:00" }],
    [{ ...base, utc_offset_minutes: 3.5 }],
    [{ ...base, holidays: ["30.11.2026"] }],
    [{ ...base, zone_label: "МСК" }],
    [null],
  ])("rejects a broken calendar %#", (raw) => {
    expect(() => parseCalendar(raw)).toThrow(/buyer_checks.json/);
  });

  it("ships Mon-Fri 09:00-18:00 at UTC+3 as the default", () => {
    expect(CAL).toMatchObject({ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1080, utcOffsetMinutes: 180 });
  });
});

describe("form values <-> stored instants", () => {
  it("spells out the calendar's zone when storing a datetime-local value", () => {
    expect(withCalendarZone("2026-11-27T17:00", CAL)).toBe("2026-11-27T17:00+03:00");
    expect(withCalendarZone("not a date", CAL)).toBeNull();
  });

  it("shows a stored instant back in the calendar's zone", () => {
    const ms = parseInstant("2026-11-27T14:00Z", 0);
    expect(ms).not.toBeNull();
    expect(calendarLocal(ms as number, CAL)).toBe("2026-11-27T17:00");
  });
});
