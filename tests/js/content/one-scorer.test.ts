// @vitest-environment jsdom
// Issue 11 point 5: on a solution page the worker only fetches data and the page scores once per
// input. The real content-script flow (SolutionPage -> SolutionRun) runs on the reference fixture
// with the WebExtension API faked: the test counts the messages to the worker and the engine calls.
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { FactsView } from "../../../extension/src/shared/contracts";
import { DEFAULT_SETTINGS } from "../../../extension/src/shared/settings";
import { localeMsg } from "../extension/fixtures";
import { FIXTURES, pageDocument, readPage } from "../extract/helpers";

vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

// Every engine call, with the facts it was given.
const engineCalls: FactsView[] = [];
vi.mock("../../../extension/src/shared/evaluate", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../extension/src/shared/evaluate")>();
  return {
    ...real,
    evaluate: (facts: FactsView, ...rest: [never, never]) => {
      engineCalls.push(facts);
      return real.evaluate(facts, ...rest);
    },
  };
});

const URL = "https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/";
const ENRICHMENT = {
  partner: { rating_position: 12, rating_total: 300, status: "Gold", specialization: "software" },
  lookups: { backend: "ok", partner_rating: "found" },
  history: null,
};

type Reply = (msg: { kind?: string }) => unknown;
let sent: Array<{ kind?: string }> = [];
let storage: Map<string, unknown>;
let storageListeners: Array<(changes: Record<string, unknown>, area: string) => void>;

function installBrowser(reply: Reply): void {
  sent = [];
  storage = new Map();
  storageListeners = [];
  const local = {
    get: async (keys: string | string[] | null) => {
      const wanted = keys === null ? [...storage.keys()] : typeof keys === "string" ? [keys] : keys;
      return Object.fromEntries(wanted.filter((k) => storage.has(k)).map((k) => [k, storage.get(k)]));
    },
    set: async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) storage.set(k, v);
      const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }]));
      for (const listener of storageListeners) listener(changes, "local");
    },
    remove: async () => undefined,
  };
  (globalThis as unknown as { chrome: unknown }).chrome = {
    runtime: {
      id: "test",
      sendMessage: async (msg: { kind?: string }) => {
        sent.push(msg);
        return reply(msg);
      },
    },
    storage: { local, onChanged: { addListener: (l: (typeof storageListeners)[number]) => storageListeners.push(l) } },
  };
}

async function settle(doc: Document, until: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !until(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(until()).toBe(true);
  void doc;
}

async function runPage(reply: Reply): Promise<{ doc: Document; badge: () => HTMLElement | null }> {
  vi.resetModules(); // a fresh content script: module state (visits answered) starts empty
  engineCalls.length = 0;
  installBrowser(reply);
  const doc = pageDocument(readPage(join(FIXTURES, "solution_module_paid_demo14_active.html")));
  const { SolutionPage } = await import("../../../extension/src/content/solution-page");
  const { RULES } = await import("../../../extension/src/shared/rules");
  const env = { settings: Promise.resolve(DEFAULT_SETTINGS), today: "2026-11-27", rules: RULES, lang: "ru" as const, msg: localeMsg("ru") };
  await new SolutionPage(doc).run(URL, env);
  return { doc, badge: () => doc.querySelector<HTMLElement>("mpcheck-badge:not([data-size])") };
}

const enrichMessages = () => sent.filter((m) => m.kind === "enrich");

describe("one scorer per solution page", () => {
  beforeEach(() => {
    engineCalls.length = 0;
  });

  it("asks the worker once, for data by code and partner id, and scores each set of facts once", async () => {
    const { doc, badge } = await runPage((msg) => (msg.kind === "enrich" ? { ok: true, enrichment: ENRICHMENT } : { ok: true, since: null }));
    await settle(doc, () => sent.some((m) => m.kind === "visit"));
    expect(enrichMessages()).toEqual([{ kind: "enrich", code: "nordlab.smartseo", partnerId: 731204 }]);
    // the page's facts, then the enriched facts: two inputs, two engine calls, none repeated
    expect(engineCalls).toHaveLength(2);
    expect(engineCalls[0]?.lookups).toBeUndefined();
    expect(engineCalls[1]?.lookups).toEqual({ backend: "ok", partner_rating: "found" });
    expect(engineCalls[1]?.partner).toMatchObject({ id: 731204, rating_position: 12, rating_total: 300 });
    expect(badge()?.dataset.state).toBe("ready");
    // the visit snapshot carries the facts the badge was scored with (the enriched ones)
    const visit = sent.find((m) => m.kind === "visit") as { snapshot: { facts: FactsView } } | undefined;
    expect(visit?.snapshot.facts.partner).toMatchObject({ rating_position: 12 });
  });

  it("scores once when the backend is down", async () => {
    const { doc, badge } = await runPage((msg) => (msg.kind === "enrich" ? { ok: false, reason: "backend_unavailable" } : { ok: true, since: null }));
    await settle(doc, () => sent.some((m) => m.kind === "visit"));
    expect(enrichMessages()).toHaveLength(1);
    expect(engineCalls).toHaveLength(1);
    expect(badge()?.dataset.state).toBe("ready");
  });

  it("an old worker's report is not taken: the page keeps scoring its own facts", async () => {
    const { doc } = await runPage((msg) => (msg.kind === "enrich" ? { ok: true, report: { score: 100 }, facts: {} } : { ok: true, since: null }));
    await settle(doc, () => sent.some((m) => m.kind === "visit"));
    expect(engineCalls).toHaveLength(1);
  });

  it("a buyer's check recorded after the page was scored re-scores once, with the check", async () => {
    const { doc } = await runPage((msg) => (msg.kind === "enrich" ? { ok: true, enrichment: ENRICHMENT } : { ok: true, since: null }));
    await settle(doc, () => sent.some((m) => m.kind === "visit"));
    const { buyerKey } = await import("../../../extension/src/buyer/store");
    await chrome.storage.local.set({ [buyerKey("nordlab.smartseo")]: { account_manager: { value: "offered", recorded: "2026-11-27" } } });
    await settle(doc, () => engineCalls.length === 3);
    expect(engineCalls[2]?.buyer).toMatchObject({ account_manager: "offered" });
    expect(engineCalls[2]?.lookups).toEqual({ backend: "ok", partner_rating: "found" }); // on the enriched facts
  });
});
