// The worker always answers a page's request: a storage failure while reading the settings is
// answered «backend unavailable» (the page keeps its own facts), never left without sendResponse.
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

type OnMessage = (msg: unknown, sender: { id: string }, sendResponse: (reply: unknown) => void) => boolean;

describe("worker/main", () => {
  it("answers an enrich request with an error when the settings cannot be read", async () => {
    let onMessage: OnMessage | null = null;
    const never = { addListener: () => undefined };
    (globalThis as unknown as { chrome: unknown }).chrome = {
      runtime: { id: "mpcheck", onMessage: { addListener: (l: OnMessage) => void (onMessage = l) }, onStartup: never, onInstalled: never },
      storage: {
        local: { get: async () => { throw new Error("storage is broken"); }, set: async () => undefined },
        onChanged: never,
      },
    };
    await import("../../../extension/src/worker/main");
    const reply = await new Promise((resolve) => {
      expect(onMessage?.({ kind: "enrich", code: "a.b", partnerId: 7 }, { id: "mpcheck" }, resolve)).toBe(true);
      setTimeout(() => resolve("no answer"), 500);
    });
    expect(reply).toEqual({ ok: false, reason: "backend_unavailable" });
  });
});
