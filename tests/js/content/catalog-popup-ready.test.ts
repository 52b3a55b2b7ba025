// @vitest-environment jsdom
// The popup's catalog view asks the listing page for its cards as soon as it opens. The content
// script answers from its start (before the page has settled), and until the cards are read the
// answer is "not ready" (the popup polls), never "ready, no cards" (it would show an empty list).
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "../../../extension/src/shared/settings";
import { localeMsg } from "../extension/fixtures";
import { FIXTURES, pageDocument, readPage } from "../extract/helpers";

vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

type OnMessage = (msg: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean;

describe("catalog cards for the popup", () => {
  it("says «not ready» before the cards are read and lists all ten after", async () => {
    const listeners: OnMessage[] = [];
    const local = { get: async () => ({}), set: async () => undefined, remove: async () => undefined };
    (globalThis as unknown as { chrome: unknown }).chrome = {
      runtime: {
        id: "test",
        onMessage: { addListener: (l: OnMessage) => listeners.push(l) },
        sendMessage: async () => ({ ok: false, reason: "backend_unavailable" }),
      },
      storage: { local, onChanged: { addListener: () => undefined, removeListener: () => undefined } },
    };
    const { answerCardRequests, runListingPage } = await import("../../../extension/src/content/listing-page");
    const ask = () => {
      let reply: unknown = null;
      expect(listeners.some((l) => l({ kind: "cards-get" }, {}, (r) => (reply = r)) === false)).toBe(true);
      return reply as { ready: boolean; cards: unknown[] };
    };
    answerCardRequests();
    expect(ask()).toEqual({ kind: "cards", ready: false, cards: [] });
    const doc = pageDocument(readPage(join(FIXTURES, "catalog_category_listing.html")));
    const { RULES } = await import("../../../extension/src/shared/rules");
    const env = { settings: Promise.resolve(DEFAULT_SETTINGS), today: "2026-11-27", rules: RULES, lang: "ru" as const, msg: localeMsg("ru") };
    await runListingPage(doc, "https://marketplace.1c-bitrix.ru/solutions/category/14/", env);
    const after = ask();
    expect([after.ready, after.cards.length]).toEqual([true, 10]);
  });
});
