import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "../../../extension/src/shared/settings";
import type { Snapshot } from "../../../extension/src/snapshots/snapshot";
import { loadSnapshot } from "../../../extension/src/snapshots/store";
import { recordVisit } from "../../../extension/src/worker/visit";
import { installFakeBrowser } from "../buyer/fake-browser";

// The build's virtual rules module, read from shared_rules the way the build does it.
vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

const first: Snapshot = {
  code: "nordlab.smartseo", captured: "2026-11-20T10:00:00.000Z",
  price: 12990, reviews_total: 34, comments_total: 5, version: "3.4.1", score: 78, facts: null,
};
const second: Snapshot = { ...first, captured: "2026-11-27T10:00:00.000Z", reviews_total: 37, version: "3.4.2" };

beforeEach(() => {
  installFakeBrowser();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the worker's visit", () => {
  it("first visit: nothing to say, the snapshot is stored; second: the changes", async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({
      observations: [{ observed_at: "2026-11-24T00:00:00Z", price_rub: 9990, version: "3.4.2", reviews_total: 36, comments_total: 5 }],
    })));
    vi.stubGlobal("fetch", fetch);
    expect(await recordVisit(first, DEFAULT_SETTINGS)).toBeNull();
    expect(fetch).not.toHaveBeenCalled(); // no previous visit: no reason to ask the backend
    expect(await loadSnapshot(first.code)).toEqual(first);
    const since = await recordVisit(second, DEFAULT_SETTINGS);
    expect(since?.changes).toEqual([
      { kind: "reviews", delta: 3 },
      { kind: "version", from: "3.4.1", to: "3.4.2", between: [] },
      { kind: "price", path: [12990, 9990, 12990] },
    ]);
    expect(String(fetch.mock.calls[0]?.[0 as never])).toContain("/api/v1/solutions/nordlab.smartseo/history");
    expect(await loadSnapshot(first.code)).toEqual(second);
  });

  it("works without the backend", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => {
      throw new TypeError("connection refused");
    }));
    await recordVisit(first, { ...DEFAULT_SETTINGS, backendUrl: "http://127.0.0.1:9" });
    const since = await recordVisit(second, { ...DEFAULT_SETTINGS, backendUrl: "http://127.0.0.1:9" });
    expect(since?.changes.map((c) => c.kind)).toEqual(["reviews", "version"]);
  });
});
