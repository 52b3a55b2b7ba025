// The listing page's URL travels with its one batch (issue 11 point 2): the content script sends
// the page URL, the worker's parser keeps it only when it is a Marketplace listing URL (no
// fragment), and the batch body carries it as `listing_url` for the backend to read that listing's
// own XML feed; an odd URL costs the feed, never the batch.
import { afterEach, describe, expect, it, vi } from "vitest";
import { listingBatch } from "../../../extension/src/worker/batch";
import { listingUrl, MAX_LISTING_URL, parseWorkerRequest } from "../../../extension/src/shared/messages";
import { completeFacts } from "../../../extension/src/shared/facts-skeleton";
import type { Settings } from "../../../extension/src/shared/settings";

const CATEGORY = "https://marketplace.1c-bitrix.ru/solutions/category/14/?PAYMENT_SHOW=NOT_FREE";
const settingsFor = (base: string) => ({ backendUrl: base }) as unknown as Settings;

afterEach(() => vi.unstubAllGlobals());

describe("listingUrl", () => {
  it("keeps a catalog, category or search URL without its fragment", () => {
    expect(listingUrl(`${CATEGORY}#nav`)).toBe(CATEGORY);
    expect(listingUrl("https://marketplace.1c-bitrix.ru/solutions/")).toBe("https://marketplace.1c-bitrix.ru/solutions/");
    expect(listingUrl("https://marketplace.1c-bitrix.ru/search/?q=%D0%BC")).toBe("https://marketplace.1c-bitrix.ru/search/?q=%D0%BC");
  });

  it("is null for anything the backend would refuse", () => {
    expect(listingUrl("https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/")).toBeNull();
    expect(listingUrl("https://evil.example/solutions/category/14/")).toBeNull();
    expect(listingUrl("http://marketplace.1c-bitrix.ru/solutions/")).toBeNull();
    expect(listingUrl(`${CATEGORY}&q=${"a".repeat(MAX_LISTING_URL)}`)).toBeNull();
    expect(listingUrl(42)).toBeNull();
    expect(listingUrl(null)).toBeNull();
  });
});

describe("the batch request", () => {
  const facts = completeFacts({ name: "x" }, "a.b");

  it("parses with the listing URL, or with null for an odd one (the cards still go)", () => {
    expect(parseWorkerRequest({ kind: "score-batch", items: [facts], listingUrl: `${CATEGORY}#top` })).toEqual({
      kind: "score-batch", items: [facts], listingUrl: CATEGORY,
    });
    expect(parseWorkerRequest({ kind: "score-batch", items: [facts], listingUrl: "https://evil.example/solutions/" })).toEqual({
      kind: "score-batch", items: [facts], listingUrl: null,
    });
  });

  it("sends listing_url in the body only when there is one", async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal("fetch", vi.fn(async (_url: URL, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify({ reports: [], facts: [], stored: [] }), { status: 200 });
    }));
    await listingBatch([], settingsFor("http://batch-feed.test"), CATEGORY);
    await listingBatch([], settingsFor("http://batch-feed.test"));
    expect(bodies).toEqual([{ items: [], listing_url: CATEGORY }, { items: [] }]);
  });
});
