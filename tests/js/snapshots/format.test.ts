import { describe, expect, it } from "vitest";
import type { SinceLastVisit } from "../../../extension/src/snapshots/diff";
import { sinceLine } from "../../../extension/src/snapshots/format";
import { parseSince, parseVisitReply, parseVisitRequest } from "../../../extension/src/snapshots/messages";
import { pluralForm } from "../../../extension/src/ui/plural";
import { localeMsg } from "../extension/fixtures";

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
  it("reads like the issue's example, in Russian and English", () => {
    expect(sinceLine(SINCE, "ru", localeMsg("ru"))).toBe(
      "С прошлого визита (20.11.2026): +3 отзыва, версия 3.4.2, цена 12\u00a0990 → 10\u00a0990, оценка 78 → 82",
    );
    expect(sinceLine(SINCE, "en", localeMsg("en"))).toBe(
      "Since your last visit (2026-11-20): +3 reviews, version 3.4.2, price 12,990 → 10,990, score 78 → 82",
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
