// The shortlist's storage access against an in-memory storage.local: the 8-solution limit, the
// toggle, refresh of a listed snapshot, validation of what is read back, serialised writes.
import { beforeEach, describe, expect, it } from "vitest";
import {
  addToShortlist, clearShortlist, coerceShortlist, loadShortlist, refreshShortlistEntry, removeFromShortlist,
  shortlistItem, SHORTLIST_KEY, SHORTLIST_MAX, toggleShortlist, type ShortlistItem,
} from "../../../extension/src/shared/shortlist";
import { toggleCompare } from "../../../extension/src/shared/compare-toggle";
import { completeFacts } from "../../../extension/src/shared/facts-skeleton";
import { sampleReport } from "../extension/fixtures";

let store: Record<string, unknown> = {};

beforeEach(() => {
  store = {};
  const local = {
    get: async (key: string) => (key in store ? { [key]: structuredClone(store[key]) } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(store, structuredClone(items)),
  };
  (globalThis as unknown as { chrome: unknown }).chrome = { runtime: {}, storage: { local, onChanged: { addListener() {} } } };
});

const item = (code: string, name = code): ShortlistItem =>
  shortlistItem(completeFacts({ name, kind: "module" }, code), sampleReport({ code }), "2026-11-27");

describe("shortlist storage", () => {
  it("keeps code, name, url, kind, facts, report and the capture date", async () => {
    expect(await addToShortlist(item("nordlab.smartseo", "NordLab"))).toBe("added");
    const [saved] = await loadShortlist();
    expect(saved).toMatchObject({ code: "nordlab.smartseo", name: "NordLab", kind: "module", captured: "2026-11-27", added: "2026-11-27" });
    expect(saved?.url).toBe("https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/");
    expect(saved?.facts?.code).toBe("nordlab.smartseo");
    expect(saved?.report?.score).toBe(78);
  });
  it("refuses the ninth solution and duplicates", async () => {
    for (let i = 0; i < SHORTLIST_MAX; i++) expect(await addToShortlist(item(`p.m${i}`))).toBe("added");
    expect(await addToShortlist(item("p.ninth"))).toBe("full");
    expect(await toggleShortlist(item("p.ninth"))).toBe("full");
    expect(await addToShortlist(item("p.m3"))).toBe("already");
    expect((await loadShortlist()).map((x) => x.code)).not.toContain("p.ninth");
    expect(await loadShortlist()).toHaveLength(8);
  });
  it("one compare toggle for every place that offers it: result, listed, message", async () => {
    const facts = completeFacts({ name: "A", kind: "module" }, "a.b");
    expect(await toggleCompare(facts, null, "2026-11-27")).toEqual({ result: "added", listed: true, message: "compareAdded" });
    expect(await toggleCompare(facts, null, "2026-11-27")).toEqual({ result: "removed", listed: false, message: "compareRemoved" });
    // a card whose facts lack a code is stored under the card link's code
    expect(await toggleCompare({ ...completeFacts({ name: "C" }, "x.y"), code: null }, null, "2026-11-27", "c.d")).toMatchObject({ listed: true });
    expect((await loadShortlist()).map((x) => x.code)).toEqual(["c.d"]);
    for (let i = 0; i < SHORTLIST_MAX - 1; i++) await addToShortlist(item(`p.m${i}`));
    expect(await toggleCompare(facts, null, "2026-11-27")).toEqual({ result: "full", listed: false, message: "compareFull" });
  });
  it("toggles, removes and clears", async () => {
    expect(await toggleShortlist(item("a.b"))).toBe("added");
    expect(await toggleShortlist(item("a.b"))).toBe("removed");
    await addToShortlist(item("a.b"));
    await addToShortlist(item("c.d"));
    await removeFromShortlist("a.b");
    expect((await loadShortlist()).map((x) => x.code)).toEqual(["c.d"]);
    await clearShortlist();
    expect(await loadShortlist()).toEqual([]);
  });
  it("refreshes a listed snapshot in place and ignores unlisted ones", async () => {
    await addToShortlist(item("a.b"));
    await addToShortlist(item("c.d"));
    const newer = { ...item("a.b", "A new name"), captured: "2026-12-01", added: "2026-12-01" };
    expect(await refreshShortlistEntry(newer)).toBe(true);
    expect(await refreshShortlistEntry(item("x.y"))).toBe(false);
    const list = await loadShortlist();
    expect(list.map((x) => [x.code, x.name, x.captured, x.added])).toEqual([
      ["a.b", "A new name", "2026-12-01", "2026-11-27"],
      ["c.d", "c.d", "2026-11-27", "2026-11-27"],
    ]);
  });
  it("serialises concurrent writes from one context (no lost entry)", async () => {
    await Promise.all(["a.a", "b.b", "c.c", "d.d"].map((code) => addToShortlist(item(code))));
    expect((await loadShortlist()).map((x) => x.code)).toEqual(["a.a", "b.b", "c.c", "d.d"]);
  });
});

describe("coerceShortlist", () => {
  it("drops junk, duplicates and invalid snapshots", () => {
    const good = item("a.b");
    const out = coerceShortlist([
      good, { code: "<x>", url: "u" }, 5, { ...good }, { ...item("c.d"), facts: { schema: "nope" }, report: { score: "high" }, kind: "spaceship" },
    ]);
    expect(out.map((x) => x.code)).toEqual(["a.b", "c.d"]);
    expect(out[1]).toMatchObject({ facts: null, report: null, kind: null });
    expect(coerceShortlist("x")).toEqual([]);
  });
  it("never holds more than the limit", () => {
    const many = Array.from({ length: 12 }, (_, i) => item(`p.m${i}`));
    expect(coerceShortlist(many)).toHaveLength(SHORTLIST_MAX);
  });
  it("keeps only the report when the snapshot is huge", () => {
    const facts = completeFacts({ name: "x".repeat(10), reviews: { total: 1, items: Array(20000).fill({ date: "2026-01-01", stars: 5 }) } }, "big.one");
    expect(shortlistItem(facts, sampleReport(), "2026-11-27").facts).toBeNull();
    expect(store[SHORTLIST_KEY]).toBeUndefined();
  });
});
