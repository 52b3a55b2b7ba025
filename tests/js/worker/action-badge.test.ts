// The toolbar count after one visit: the shortlist's changes are computed once (one history request
// per shortlisted solution), not again for the seen list the visit writes nor for a second recount.
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FactsView } from "../../../extension/src/shared/contracts";
import { SHORTLIST_KEY, shortlistItem } from "../../../extension/src/shared/shortlist";
import { SEEN_KEY } from "../../../extension/src/history/seen";
import { recordTrailVisit } from "../../../extension/src/history/trail";
import type { Snapshot } from "../../../extension/src/snapshots/snapshot";
import { afterVisit, installActionBadge } from "../../../extension/src/worker/action-badge";
import { installFakeBrowser } from "../buyer/fake-browser";

// The build's virtual rules module (the changes use the rules' negative-review threshold).
vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

const facts = (code: string, over: Record<string, unknown> = {}): FactsView => ({
  schema: "mpcheck.facts/1", page_type: "solution", url: `https://x/${code}/`, code, name: code, partner: null,
  version: "1.0.0", price: { rub: 12990, free: false }, withdrawn: false, reviews: { total: 0, items: [] }, ...over,
});
const visit = (code: string, captured: string, f: FactsView): Snapshot => ({
  code, captured, price: 12990, reviews_total: 0, comments_total: 0, version: null, score: null, facts: f,
});

afterEach(() => vi.unstubAllGlobals());

describe("the action badge after a visit", () => {
  it("asks each shortlisted solution's history once, marks the visited one seen and counts the rest", async () => {
    const { data } = installFakeBrowser();
    const badge: string[] = [];
    (globalThis as unknown as { chrome: Record<string, unknown> }).chrome.action = {
      setBadgeText: async ({ text }: { text: string }) => void badge.push(text),
      setBadgeBackgroundColor: async () => undefined,
    };
    // A 404 is an answer (the backend stays up) and is not cached: every computation asks again.
    const fetch = vi.fn(async () => new Response("{}", { status: 404 }));
    vi.stubGlobal("fetch", fetch);
    data.set(SHORTLIST_KEY, [shortlistItem(facts("a.one"), null, "2026-11-15"), shortlistItem(facts("b.two"), null, "2026-11-15")]);
    await recordTrailVisit(visit("b.two", "2026-11-20T10:00:00.000Z", facts("b.two", { price: { rub: 9990, free: false } })));
    installActionBadge();

    await afterVisit(visit("a.one", "2026-11-25T10:00:00.000Z", facts("a.one", { version: "1.1.0" })));
    await vi.waitFor(() => expect(badge).toHaveLength(2)); // the visit's count, then the seen list's recount
    await new Promise((resolve) => setTimeout(resolve, 20)); // nothing else is still queued

    expect(fetch).toHaveBeenCalledTimes(2);
    expect(data.get(SEEN_KEY)).toEqual(["a.one|release|1.1.0"]);
    expect(badge).toEqual(["1", "1"]); // b.two's price change is still unseen

    // A seen list written from elsewhere is a new event: the changes are computed again.
    data.delete(SEEN_KEY);
    await (globalThis as unknown as { chrome: typeof chrome }).chrome.storage.local.set({ [SEEN_KEY]: [] });
    await vi.waitFor(() => expect(badge).toHaveLength(3));
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(badge[2]).toBe("2");
  });
});
