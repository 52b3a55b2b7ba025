/// <reference types="node" />
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { WORKING_CALENDAR as CAL } from "../../../extension/src/buyer/calendar";
import { buyerFacts, coerceRecord, isEmptyRecord, withBuyer, withTest } from "../../../extension/src/buyer/record";
import { buildReport } from "../../../extension/src/engine";
import { completeFacts } from "../../../extension/src/shared/facts-skeleton";
import { readJson, readRules } from "../engine/rulesDir";

const RULES_DIR = join(__dirname, "..", "..", "..", "shared_rules");
const RULES = readRules(RULES_DIR);
const schema = readJson(join(RULES_DIR, "facts.schema.json")) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: false });
const validFacts = ajv.compile(schema);

const TEST = { asked_at: "2026-11-27T17:00+03:00", answered_at: "2026-11-30T12:00+03:00", response_hours: 4, recorded: "2026-11-30" };
const FULL = {
  support_test: TEST,
  account_manager: { value: "offered", recorded: "2026-11-20" },
  cases_checked: { value: "broken", recorded: "2026-12-01" },
  docs_quality: { value: "good", recorded: "2026-11-21" },
  specialization: { value: "agency", recorded: "2026-11-22" },
};

describe("the stored record", () => {
  it("keeps valid checks and drops junk", () => {
    const record = coerceRecord({
      ...FULL,
      account_manager: { value: "maybe", recorded: "2026-11-20" },
      docs_quality: { value: "good" },
      extra: { value: "x", recorded: "2026-11-20" },
      support_test: { ...TEST, response_hours: -1 },
    });
    expect(Object.keys(record).sort()).toEqual(["cases_checked", "specialization"]);
    expect(coerceRecord("nonsense")).toEqual({});
    expect(coerceRecord({ support_test: { ...TEST, asked_at: "x".repeat(41) } })).toEqual({});
    expect(isEmptyRecord(coerceRecord(null))).toBe(true);
  });

  it("becomes facts.buyer, valid against facts.schema.json, newest date as `recorded`", () => {
    const buyer = buyerFacts(coerceRecord(FULL), CAL);
    expect(buyer).toEqual({
      support_test: TEST,
      support_tests: [TEST],
      account_manager: "offered",
      cases_checked: "broken",
      docs_quality: "good",
      specialization: "agency",
      recorded: "2026-12-01",
    });
    const facts = withBuyer(completeFacts({}, "nordlab.smartseo"), coerceRecord(FULL), CAL);
    expect(validFacts(facts), JSON.stringify(validFacts.errors)).toBe(true);
  });

  it("keeps every support test, newest first, for the engine to count the breaches", () => {
    const older = { asked_at: "2026-11-23T10:00+03:00", answered_at: "2026-11-23T16:00+03:00", response_hours: 1, recorded: "2026-11-23" };
    const record = coerceRecord({ support_test: TEST, support_tests: [TEST, older] });
    const buyer = buyerFacts(record, CAL) as { support_tests: Array<{ response_hours: number }>; recorded: string };
    expect(buyer.support_tests.map((t) => t.response_hours)).toEqual([4, 6]); // both re-measured
    expect(buyer.recorded).toBe("2026-11-30");
    // An old record with only support_test still yields the list; a corrected test replaces its entry.
    expect(coerceRecord({ support_test: older }).support_tests).toEqual([older]);
    const corrected = { ...older, answered_at: "2026-11-23T12:00+03:00" };
    expect(withTest([TEST, older], corrected)).toEqual([corrected, TEST]);
    const facts = withBuyer(completeFacts({}, "nordlab.smartseo"), record, CAL);
    expect(validFacts(facts), JSON.stringify(validFacts.errors)).toBe(true);
  });

  it("re-measures the stored test with the current calendar", () => {
    const stale = coerceRecord({ support_test: { ...TEST, response_hours: 67 } });
    expect((buyerFacts(stale, CAL)?.support_test as { response_hours: number }).response_hours).toBe(4);
  });

  it("an empty record removes facts.buyer", () => {
    const facts = { ...completeFacts({}, "a.b"), buyer: { docs_quality: "poor" } };
    expect(withBuyer(facts, {}, CAL)).not.toHaveProperty("buyer");
    expect(buyerFacts({}, CAL)).toBeNull();
  });
});

describe("the checks feed the same rules, cited as 'you'", () => {
  const page = completeFacts(
    { kind: "module", support: { channels: ["ticket", "email"], response_hours: 48, free_months: 3, timezone: "МСК+4", hours: null } },
    "atelier.fashionshop",
  );
  const score = (record: unknown) =>
    buildReport(withBuyer(page, coerceRecord(record), CAL) as never, RULES, { today: "2026-11-30" });
  const support = (record: unknown) => score(record).criteria.find((c) => c.id === "support");

  it("a fast measured answer lifts support from warn to good, in the vendor's own zone", () => {
    expect(support({})?.status).toBe("warn");
    const after = support({ support_test: TEST });
    expect(after?.status).toBe("good");
    // The page says МСК+4: Fri 17:00 MSK is 21:00 there (closed), Mon 12:00 MSK is 16:00 there,
    // so the vendor's Monday 09:00-16:00 counts: 7 working hours (4 in the Moscow default).
    expect(after?.message.en).toContain("7 working hours");
    expect(after?.evidence).toContainEqual(expect.objectContaining({ fact: "buyer.support_test.response_hours", value: 7, source: "you" }));
  });

  it("a measured answer far over the declared time is flagged", () => {
    const slow = { support_test: { ...TEST, answered_at: "2026-12-11T12:00+03:00" } }; // 88 working h at МСК+4: 1.8x of 48
    const row = score(slow).criteria.find((c) => c.id === "support");
    const finding = (row as unknown as { findings: { signal: string; outcome: string }[] }).findings;
    expect(finding.find((f) => f.signal === "measured_vs_declared")?.outcome).toBe("warn");
  });

  it("the multiple-choice checks reach their criteria", () => {
    const report = score(FULL);
    const byId = Object.fromEntries(report.criteria.map((c) => [c.id, c]));
    expect(byId.cases?.status).toBe("bad");
    expect(byId.account_manager?.status).toBe("good");
    expect(byId.packaging?.evidence.some((e) => e.source === "you")).toBe(true);
  });
});
