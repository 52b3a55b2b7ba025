// The buyer's own checks reach the comparison: applied as facts.buyer before judging, so the
// support row is judged on the measured response time with evidence source "you".
/// <reference types="node" />
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { withBuyerChecks } from "../../../extension/src/compare/buyer-checks";
import { judge } from "../../../extension/src/compare/judge";
import { DEFAULT_SETTINGS } from "../../../extension/src/shared/settings";
import { completeFacts } from "../../../extension/src/shared/facts-skeleton";
import { entryFor, TRIO } from "./helpers";

// The build's virtual rules module, read from shared_rules the way the build does it.
vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

const slowTest = { support_test: { asked_at: "2026-11-16T10:00", answered_at: "2026-11-20T17:00", response_hours: 60, recorded: "2026-11-27" } };

describe("buyer checks on the comparison", () => {
  it("puts the current checks on the facts and replaces stale ones", () => {
    const stale = { ...entryFor(TRIO[0]!), facts: { ...completeFacts({}, "nordlab.smartseo"), buyer: { account_manager: "offered" } } };
    const [checked, untouched] = withBuyerChecks([stale, entryFor(TRIO[1]!)], new Map([["nordlab.smartseo", slowTest]]));
    expect(checked!.facts!.buyer).toMatchObject({ support_test: { asked_at: "2026-11-16T10:00" } });
    expect(checked!.facts!.buyer).not.toHaveProperty("account_manager");
    expect(untouched!.facts!.buyer).toBeUndefined();
  });
  it("leaves a snapshot without facts alone", () => {
    const bare = { ...entryFor(TRIO[0]!), facts: null };
    expect(withBuyerChecks([bare], new Map([["nordlab.smartseo", slowTest]]))[0]).toBe(bare);
  });
  it("makes the support verdict cite the buyer", () => {
    const facts = completeFacts({ support: { free_months: 12, channels: ["ticket", "chat"], hours: null, timezone: null, response_hours: 2 } }, "a.b");
    const item = { ...entryFor(TRIO[0]!), code: "a.b", facts };
    const [checked] = withBuyerChecks([item], new Map([["a.b", slowTest]]));
    const support = judge(checked!, DEFAULT_SETTINGS, "2026-11-27")!.criteria.find((c) => c.id === "support")!;
    // Mon 10:00 -> Fri 17:00 in the Moscow working calendar: 8 + 9 + 9 + 9 + 8 = 43 working hours,
    // 21.5 times the declared 2 h (how the engine weighs one breach is the engine's business).
    const mine = new Map(support.evidence.filter((ev) => ev.source === "you").map((ev) => [ev.signal, ev.value]));
    expect([mine.get("measured_response"), mine.get("measured_vs_declared")]).toEqual([43, 21.5]);
  });
});
