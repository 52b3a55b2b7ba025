import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { SinceLastVisit } from "../../../extension/src/snapshots/diff";
import { sinceLine } from "../../../extension/src/snapshots/format";
import { parseSince, parseVisitReply, parseVisitRequest } from "../../../extension/src/snapshots/messages";
import { pluralForm } from "../../../extension/src/ui/plural";
import { localeMsg, readRulesTexts } from "../extension/fixtures";

// The build's virtual rules module, read from shared_rules the way the build does it.
vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

// A price as the engine's style writes it (scoring.json numbers.<lang>: the digit-group mark and the
// money template), so the expected line follows the style wherever it is set: RUB("12 990", "ru").
const STYLE = (readRulesTexts().scoring as { numbers: Record<string, { group: string; money: string }> }).numbers;
const RUB = (digits: string, lang: "ru" | "en") => STYLE[lang]!.money.replace("{n}", digits.replace(" ", STYLE[lang]!.group));

const SINCE: SinceLastVisit = {
  since: "2026-11-20T10:00:00.000Z",
  changes: [
    { kind: "reviews", delta: 3 },
    { kind: "version", from: "3.4.1", to: "3.4.2", between: [] },
    { kind: "price", path: [12990, 10990] },
    { kind: "score", from: 78, to: 82 },
  ],
};

describe("the badge's line", () => {
  it("reads like the issue's example, dates and prices as the engine writes them (never ISO, never 12,990)", () => {
    expect(STYLE.ru?.money).toMatch(/^\{n\}\s?руб\.$/); // the roubles are written by the style, once
    expect(sinceLine(SINCE, "ru", localeMsg("ru"))).toBe(
      `С прошлого визита (20.11.2026): +3 отзыва, версия 3.4.2, цена ${RUB("12 990", "ru")} → ${RUB("10 990", "ru")}, оценка 78 → 82`,
    );
    expect(sinceLine(SINCE, "en", localeMsg("en"))).toBe(
      `Since your last visit (20 Nov 2026): +3 reviews, version 3.4.2, price ${RUB("12 990", "en")} → ${RUB("10 990", "en")}, score 78 → 82`,
    );
  });

  it("is absent on a first visit or when nothing changed", () => {
    expect(sinceLine(null, "ru", localeMsg("ru"))).toBeNull();
    expect(sinceLine({ ...SINCE, changes: [] }, "ru", localeMsg("ru"))).toBeNull();
  });

  it("says fewer comments and the versions in between", () => {
    const line = sinceLine({ since: SINCE.since, changes: [
      { kind: "comments", delta: -1 }, { kind: "version", from: "1", to: "3", between: ["2"] },
    ] }, "ru", localeMsg("ru"));
    expect(line).toContain("−1 комментарий, версия 3 (между ними: 2)");
  });

  it.each([[1, "One"], [2, "Few"], [5, "Many"], [11, "Many"], [12, "Many"], [21, "One"], [22, "Few"], [111, "Many"], [-3, "Few"]] as const)(
    "Russian plural of %i is %s", (n, form) => expect(pluralForm(n, "ru")).toBe(form),
  );
});

describe("visit messages are validated", () => {
  it("accepts a real diff and refuses junk", () => {
    expect(parseSince(SINCE)).toEqual(SINCE);
    expect(parseSince({ ...SINCE, changes: [{ kind: "price", path: [1] }] })).toBeNull();
    expect(parseSince({ ...SINCE, changes: [{ kind: "evil", delta: 1 }] })).toBeNull();
    expect(parseSince({ since: "x", changes: [] })).toBeNull();
    expect(parseVisitReply({ ok: true, since: SINCE })).toEqual({ ok: true, since: SINCE });
    expect(parseVisitReply({ ok: true, since: "junk" })).toEqual({ ok: true, since: null });
    expect(parseVisitRequest({ kind: "visit", snapshot: { code: "x" } })).toBeNull();
  });
});
