import { beforeEach, describe, expect, it } from "vitest";
import {
  loadSnapshot, pruneSnapshots, saveSnapshot, snapshotKey, snapshotsToPrune,
} from "../../../extension/src/snapshots/store";
import type { Snapshot } from "../../../extension/src/snapshots/snapshot";
import { installFakeBrowser } from "../buyer/fake-browser";

const snap = (code: string, day: number): Snapshot => ({
  code, captured: `2026-11-${String(day).padStart(2, "0")}T10:00:00.000Z`,
  price: 1, reviews_total: 1, comments_total: 1, version: "1", score: 50, facts: null,
});

let fake: ReturnType<typeof installFakeBrowser>;
beforeEach(() => {
  fake = installFakeBrowser();
});

describe("snapshot storage", () => {
  it("saves and loads one snapshot per solution", async () => {
    await saveSnapshot(snap("a.b", 1));
    expect(await loadSnapshot("a.b")).toEqual(snap("a.b", 1));
    expect(await loadSnapshot("c.d")).toBeNull();
    fake.data.set(snapshotKey("c.d"), snap("a.b", 2)); // stored under the wrong key: ignored
    expect(await loadSnapshot("c.d")).toBeNull();
  });

  it("prunes the oldest (and unreadable) beyond the limit, nothing else", async () => {
    for (let day = 1; day <= 5; day += 1) await saveSnapshot(snap(`s.m${day}`, day));
    fake.data.set("snapshot:junk.x", "junk");
    fake.data.set("settings", { profile: null });
    expect(snapshotsToPrune(Object.fromEntries(fake.data), 3)).toEqual(["snapshot:junk.x", "snapshot:s.m1", "snapshot:s.m2"]);
    expect(await pruneSnapshots(3)).toBe(3);
    expect([...fake.data.keys()].sort()).toEqual(["settings", "snapshot:s.m3", "snapshot:s.m4", "snapshot:s.m5"]);
  });
});
