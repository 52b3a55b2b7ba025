import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  buyerKey, clearAllChecks, clearCheck, loadBuyerRecord, saveChoice, saveSupportTest, watchBuyerRecord,
} from "../../../extension/src/buyer/store";
import { installFakeBrowser } from "./fake-browser";

const TEST = { asked_at: "2026-11-27T17:00+03:00", answered_at: "2026-11-30T12:00+03:00", response_hours: 4, recorded: "2026-11-30" };
let fake: ReturnType<typeof installFakeBrowser>;

beforeEach(() => {
  fake = installFakeBrowser();
});

describe("buyer checks in storage.local", () => {
  it("stores per solution, with the date, and loads it back", async () => {
    await saveChoice("a.b", "docs_quality", "poor", "2026-11-27");
    await saveSupportTest("a.b", TEST);
    await saveChoice("c.d", "cases_checked", "worked", "2026-11-28");
    expect(await loadBuyerRecord("a.b")).toEqual({ docs_quality: { value: "poor", recorded: "2026-11-27" }, support_test: TEST, support_tests: [TEST] });
    expect(await loadBuyerRecord("c.d")).toEqual({ cases_checked: { value: "worked", recorded: "2026-11-28" } });
  });

  it("adds a second support test to the history and clears them all at once", async () => {
    const second = { ...TEST, asked_at: "2026-12-01T10:00", answered_at: "2026-12-01T12:00", recorded: "2026-12-01" };
    await saveSupportTest("a.b", TEST);
    await saveSupportTest("a.b", second);
    expect((await loadBuyerRecord("a.b")).support_tests).toEqual([second, TEST]);
    await saveSupportTest("a.b", { ...second, answered_at: "2026-12-01T13:00" }); // the same test corrected
    expect((await loadBuyerRecord("a.b")).support_tests?.map((t) => t.answered_at)).toEqual(["2026-12-01T13:00", TEST.answered_at]);
    await clearCheck("a.b", "support_test");
    expect(fake.data.has(buyerKey("a.b"))).toBe(false);
  });

  it("refuses values outside the schema's enums", async () => {
    await saveChoice("a.b", "docs_quality", "excellent", "2026-11-27");
    expect(fake.data.has(buyerKey("a.b"))).toBe(false);
  });

  it("clears one check, then all (the key goes away)", async () => {
    await saveChoice("a.b", "docs_quality", "poor", "2026-11-27");
    await saveChoice("a.b", "account_manager", "offered", "2026-11-27");
    expect(Object.keys(await clearCheck("a.b", "docs_quality"))).toEqual(["account_manager"]);
    await saveSupportTest("a.b", TEST);
    expect(await clearAllChecks("a.b")).toEqual({});
    expect(fake.data.has(buyerKey("a.b"))).toBe(false);
  });

  it("tells a page when its solution's checks change, and only then", async () => {
    const seen = vi.fn();
    const stop = watchBuyerRecord("a.b", seen);
    await saveChoice("c.d", "docs_quality", "good", "2026-11-27");
    await saveChoice("a.b", "docs_quality", "good", "2026-11-27");
    await clearAllChecks("a.b");
    expect(seen.mock.calls).toEqual([[{ docs_quality: { value: "good", recorded: "2026-11-27" } }], [{}]]);
    stop();
    await saveChoice("a.b", "docs_quality", "poor", "2026-11-27");
    expect(seen).toHaveBeenCalledTimes(2);
  });
});
