// The worker's side of a solution page (issue 11 point 5): it fetches the partner and the stored
// history from the backend and answers with that data, never with a report; the engine is not
// called in the worker for it. Real worker modules, a faked backend (fetch) and storage.
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});
const engine = vi.hoisted(() => ({ calls: 0 }));
vi.mock("../../../extension/src/shared/evaluate", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../extension/src/shared/evaluate")>();
  return { ...real, evaluate: (...args: Parameters<typeof real.evaluate>) => (engine.calls++, real.evaluate(...args)) };
});

const PARTNER = { partner: { id: 731204, rating_position: 12, rating_total: 300, status: "Gold", specialization: "software", name: "<b>NordLab</b>" }, meta: {} };
const HISTORY = { changelog: [{ version: "3.4.2", date: "2026-11-15", chars: 120, junk: "x" }] };

type OnMessage = (msg: unknown, sender: { id: string }, sendResponse: (reply: unknown) => void) => boolean;

interface Worker {
  ask: (msg: unknown) => Promise<unknown>;
  listen: (msg: unknown, sendResponse: (reply: unknown) => void) => boolean | undefined;
  paths: string[];
}

async function workerWith(answers: Record<string, unknown>): Promise<Worker> {
  vi.resetModules();
  const paths: string[] = [];
  vi.stubGlobal("fetch", vi.fn(async (url: URL) => {
    paths.push(url.pathname);
    const body = answers[url.pathname];
    return body === undefined ? new Response("{}", { status: 503 }) : new Response(JSON.stringify(body), { status: 200 });
  }));
  const store = new Map<string, unknown>();
  let onMessage: OnMessage | null = null;
  const never = { addListener: () => undefined };
  (globalThis as unknown as { chrome: unknown }).chrome = {
    runtime: { id: "mpcheck", onMessage: { addListener: (l: OnMessage) => void (onMessage = l) }, onStartup: never, onInstalled: never },
    storage: {
      local: {
        get: async (key: string | null) => (key === null ? Object.fromEntries(store) : store.has(key) ? { [key]: store.get(key) } : {}),
        set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => store.set(k, v)),
        remove: async () => undefined,
      },
      onChanged: never,
    },
    action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined, setTitle: async () => undefined },
    tabs: { onActivated: never, onUpdated: never, onRemoved: never },
  };
  await import("../../../extension/src/worker/main");
  const ask = (msg: unknown) =>
    new Promise((resolve) => {
      expect(onMessage?.(msg, { id: "mpcheck" }, resolve)).toBe(true);
    });
  const listen = (msg: unknown, sendResponse: (reply: unknown) => void) => onMessage?.(msg, { id: "mpcheck" }, sendResponse);
  return { ask, listen, paths };
}

afterEach(() => vi.unstubAllGlobals());

describe("worker enrich", () => {
  it("answers with the backend's data only: partner extras, lookups, a clean history", async () => {
    const { ask, paths } = await workerWith({
      "/api/v1/partners/731204": PARTNER,
      "/api/v1/solutions/nordlab.smartseo/history": HISTORY,
    });
    engine.calls = 0;
    const reply = await ask({ kind: "enrich", code: "nordlab.smartseo", partnerId: 731204 });
    expect(reply).toEqual({
      ok: true,
      enrichment: {
        partner: { rating_position: 12, rating_total: 300, status: "Gold", specialization: "software" },
        lookups: { backend: "ok", partner_rating: "found" },
        history: [{ version: "3.4.2", date: "2026-11-15", chars: 120 }],
      },
    });
    expect(engine.calls).toBe(0); // the page scores; the worker never does for a badge
    expect(paths).toEqual(["/api/v1/partners/731204", "/api/v1/solutions/nordlab.smartseo/history"]);
  });

  it("a history it cannot read costs nothing but the history; a partner it cannot read is «backend unavailable»", async () => {
    const partial = await workerWith({ "/api/v1/partners/7": { partner: { rating_position: null }, meta: {} } });
    expect(await partial.ask({ kind: "enrich", code: "a.b", partnerId: 7 })).toEqual({
      ok: true,
      enrichment: { partner: { rating_position: null }, lookups: { backend: "ok", partner_rating: "not_found" }, history: null },
    });
    const down = await workerWith({});
    expect(await down.ask({ kind: "enrich", code: "a.b", partnerId: 7 })).toEqual({ ok: false, reason: "backend_unavailable" });
  });

  it("does not answer what is not an enrich request by code and partner id", async () => {
    const { listen, paths } = await workerWith({});
    // the old request carried the page's facts: the worker no longer takes them, nor fetches for them
    expect(listen({ kind: "enrich", facts: { code: "a.b", partner: { id: 7 } } }, () => undefined)).toBe(false);
    expect(paths).toEqual([]);
  });
});
