import { describe, expect, it } from "vitest";
import { diffSnapshots } from "../../../extension/src/snapshots/diff";
import { parseObservations } from "../../../extension/src/snapshots/observations";
import { coerceSnapshot, snapshotOf, type Snapshot } from "../../../extension/src/snapshots/snapshot";
import { completeFacts } from "../../../extension/src/shared/facts-skeleton";
import { sampleReport } from "../extension/fixtures";

const PREV: Snapshot = {
  code: "nordlab.smartseo", captured: "2026-11-20T10:00:00.000Z",
  price: 12990, reviews_total: 34, comments_total: 5, version: "3.4.1", score: 78, facts: null,
};
const at = (captured: string, over: Partial<Snapshot> = {}): Snapshot => ({ ...PREV, captured, ...over });
const NOW = "2026-11-27T10:00:00.000Z";

describe("diffSnapshots", () => {
  it("says nothing on the first visit", () => {
    expect(diffSnapshots(null, at(NOW))).toBeNull();
  });

  it("lists no change when nothing changed", () => {
    expect(diffSnapshots(PREV, at(NOW))).toEqual({ since: PREV.captured, changes: [] });
  });

  it("reports reviews, comments, version and price, in that order", () => {
    const cur = at(NOW, { reviews_total: 37, comments_total: 4, version: "3.4.2", price: 10990, score: 82 });
    expect(diffSnapshots(PREV, cur)?.changes).toEqual([
      { kind: "reviews", delta: 3 },
      { kind: "comments", delta: -1 },
      { kind: "version", from: "3.4.1", to: "3.4.2", between: [] },
      { kind: "price", path: [12990, 10990] },
    ]);
  });

  it("never diffs the two stored scores: they may differ by the buyer's own settings", () => {
    expect(diffSnapshots(PREV, at(NOW, { score: 82 }))?.changes).toEqual([]);
  });

  it("ignores what is unknown on either side", () => {
    const prev = { ...PREV, reviews_total: null, version: null, score: null };
    const cur = at(NOW, { reviews_total: 40, version: "4.0.0", price: null, score: 90 });
    expect(diffSnapshots(prev, cur)?.changes).toEqual([]);
  });

  it("never compares two different solutions", () => {
    expect(diffSnapshots(PREV, at(NOW, { code: "other.module" }))).toBeNull();
  });

  describe("with the backend's observations", () => {
    const body = {
      observations: [ // newest first, as the API returns them
        { observed_at: "2026-11-25T08:00:00Z", price_rub: 12990, version: "3.4.2", reviews_total: 36, comments_total: 5 },
        { observed_at: "2026-11-22T08:00:00Z", price_rub: 9990, version: "3.4.1b", reviews_total: 35, comments_total: 5 },
        { observed_at: "2026-11-10T08:00:00Z", price_rub: 12990, version: "3.4.1", reviews_total: 30, comments_total: 5 },
        { observed_at: "garbage", price_rub: 1 },
      ],
    };
    const seen = parseObservations(body);

    it("parses them oldest first and drops unreadable rows", () => {
      expect(seen.map((o) => o.price)).toEqual([12990, 9990, 12990]);
    });

    it("shows a sale that came and went between visits, and the versions in between", () => {
      const cur = at(NOW, { version: "3.4.3" });
      expect(diffSnapshots(PREV, cur, seen)?.changes).toEqual([
        { kind: "version", from: "3.4.1", to: "3.4.3", between: ["3.4.1b", "3.4.2"] },
        { kind: "price", path: [12990, 9990, 12990] },
      ]);
    });

    it("fills what the old snapshot lacked from what the backend saw by then", () => {
      const prev = { ...PREV, reviews_total: null };
      expect(diffSnapshots(prev, at(NOW, { reviews_total: 37 }), seen)?.changes[0]).toEqual({ kind: "reviews", delta: 7 });
    });

    it("observations after this visit are not 'in between'", () => {
      const late = parseObservations({ observations: [{ observed_at: "2026-12-01T00:00:00Z", price_rub: 1, version: "9" }] });
      expect(diffSnapshots(PREV, at(NOW), late)?.changes).toEqual([]);
    });

    it("reads nothing from a broken body", () => {
      expect(parseObservations(null)).toEqual([]);
      expect(parseObservations({ observations: "x" })).toEqual([]);
    });
  });
});

describe("snapshots", () => {
  const facts = completeFacts({
    price: { rub: 12990, old_rub: null, free: false }, version: "3.4.2",
    reviews: { total: 37, items: [] }, comments: { total: 5, items: [] },
  }, "nordlab.smartseo");

  it("captures the page's price, counts, version, the report's score and the facts", () => {
    const snap = snapshotOf(facts, sampleReport({ score: 77.6 }), new Date(NOW));
    expect(snap).toEqual({ ...PREV, captured: NOW, reviews_total: 37, version: "3.4.2", score: 78, facts });
    expect(coerceSnapshot(snap)).toEqual(snap);
  });

  it("a free solution costs 0; no code, no snapshot", () => {
    const free = completeFacts({ price: { rub: null, old_rub: null, free: true } }, "a.b");
    expect(snapshotOf(free, null, new Date(NOW))?.price).toBe(0);
    expect(snapshotOf({ ...free, code: null }, null, new Date(NOW))).toBeNull();
  });

  it.each([
    [{ ...PREV, code: "Not A Code" }],
    [{ ...PREV, captured: "yesterday" }],
    [{ ...PREV, price: -5 }],
    [{ ...PREV, score: "78" }],
    [{ ...PREV, version: 3 }],
    ["junk"],
  ])("storage junk is no snapshot %#", (raw) => {
    expect(coerceSnapshot(raw)).toBeNull();
  });
});
