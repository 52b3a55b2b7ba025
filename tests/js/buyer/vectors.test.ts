/// <reference types="node" />
// shared_rules/vectors/buyer/working_hours.json: exact working hours in the default, the vendor's
// and the production calendar (a subfolder, so the engine vector runners never read it).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WORKING_CALENDAR as CAL } from "../../../extension/src/buyer/calendar";
import { calendarFor } from "../../../extension/src/buyer/vendor-calendar";
import { measureLocal } from "../../../extension/src/buyer/working-hours";

interface Case { name: string; support: unknown; asked: string; answered: string; hours: number }
const FILE = join(__dirname, "..", "..", "..", "shared_rules", "vectors", "buyer", "working_hours.json");
const CASES = (JSON.parse(readFileSync(FILE, "utf8")) as { cases: Case[] }).cases;

describe("working-hours vectors", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    // Typed in the buyer's (Moscow) zone, counted in the vendor's calendar, as the form does.
    expect(measureLocal(c.asked, c.answered, CAL, calendarFor({ support: c.support }, CAL))).toEqual({ ok: true, hours: c.hours });
  });
});
