// @vitest-environment jsdom
// Issue 11 point 5: on a solution page the worker only fetches data and the page scores once per
// input. The real content-script flow (SolutionPage -> SolutionRun) runs on the reference fixture
// with the WebExtension API faked: the test counts the messages to the worker and the engine calls.
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { FactsView } from "../../../extension/src/shared/contracts";
import { coerceSettings, DEFAULT_SETTINGS, type Settings } from "../../../extension/src/shared/settings";
import { localeMsg } from "../extension/fixtures";
import { FIXTURES, pageDocument, readPage } from "../extract/helpers";

vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

// Every engine call, with the facts it was given; `refuse` makes the engine throw for some facts.
const engineCalls: FactsView[] = [];
let refuse: ((facts: FactsView) => boolean) | null = null;
vi.mock("../../../extension/src/shared/evaluate", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../extension/src/shared/evaluate")>();
  return {
    ...real,
    evaluate: (facts: FactsView, ...rest: [never, never]) => {
      engineCalls.push(facts);
      if (refuse?.(facts)) throw new Error("facts refused at the engine's door");
      return real.evaluate(facts, ...rest);
    },
  };
});

const URL_A = "https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/";
const ENRICHMENT = {
  partner: { rating_position: 12, rating_total: 300, status: "Gold", specialization: "software" },
  lookups: { backend: "ok", partner_rating: "found" },
  history: null,
};
const RECORD = { account_manager: { value: "offered", recorded: "2026-11-27" } };

type Msg = { kind?: string; snapshot?: { facts: FactsView } };
type Reply = (msg: Msg) => unknown;
let sent: Msg[] = [];
let storage: Map<string, unknown>;
let storageListeners: Array<(changes: Record<string, unknown>, area: string) => void>;

function installBrowser(reply: Reply, stored: Record<string, unknown> = {}): void {
  sent = [];
  storage = new Map(Object.entries(stored));
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
      sendMessage: async (msg: Msg) => {
        sent.push(msg);
        return reply(msg);
      },
    },
    storage: {
      local,
      onChanged: {
        addListener: (l: (typeof storageListeners)[number]) => storageListeners.push(l),
        removeListener: (l: (typeof storageListeners)[number]) => void (storageListeners = storageListeners.filter((x) => x !== l)),
      },
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await tick();
  expect(done()).toBe(true);
}

/** Lets every pending task and promise run, so "exactly N" is not read too early. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await tick();
}

const answer = (enrich: unknown): Reply => (msg) => (msg.kind === "enrich" ? enrich : { ok: true, since: null });
const ENRICHED = answer({ ok: true, enrichment: ENRICHMENT });
const visits = () => sent.filter((m) => m.kind === "visit");
const enrichMessages = () => sent.filter((m) => m.kind === "enrich");

interface Setup {
  reply?: Reply;
  settings?: Promise<Settings>;
  stored?: Record<string, unknown>;
  edit?: (doc: Document) => void;
}

async function freshPage({ reply = ENRICHED, settings = Promise.resolve(DEFAULT_SETTINGS), stored = {}, edit }: Setup = {}) {
  vi.resetModules(); // a fresh content script: module state (visits answered, checks followed) starts empty
  engineCalls.length = 0;
  installBrowser(reply, stored);
  const doc = pageDocument(readPage(join(FIXTURES, "solution_module_paid_demo14_active.html")));
  edit?.(doc);
  const { SolutionPage } = await import("../../../extension/src/content/solution-page");
  const { RULES } = await import("../../../extension/src/shared/rules");
  const env = { settings, today: "2026-11-27", rules: RULES, lang: "ru" as const, msg: localeMsg("ru") };
  const page = new SolutionPage(doc);
  const badge = () => doc.querySelector<HTMLElement>("mpcheck-badge:not([data-size])");
  return { doc, page, env, badge };
}

describe("one scorer per solution page", () => {
  beforeEach(() => {
    refuse = null;
  });

  it("asks the worker once, for data by code and partner id, and scores each set of facts once", async () => {
    const { page, env, badge } = await freshPage();
    await page.run(URL_A, env);
    await until(() => visits().length === 1);
    await flush();
    expect(enrichMessages()).toEqual([{ kind: "enrich", code: "nordlab.smartseo", partnerId: 731204 }]);
    // the page's facts, then the enriched facts: two inputs, two engine calls, none repeated
    expect(engineCalls).toHaveLength(2);
    expect(engineCalls[0]?.lookups).toBeUndefined();
    expect(engineCalls[1]?.lookups).toEqual({ backend: "ok", partner_rating: "found" });
    expect(engineCalls[1]?.partner).toMatchObject({ id: 731204, rating_position: 12, rating_total: 300 });
    expect(badge()?.dataset.state).toBe("ready");
    // the visit snapshot carries the facts the badge was scored with (the enriched ones)
    expect(visits()[0]?.snapshot?.facts.partner).toMatchObject({ rating_position: 12 });
  });

  it("scores once when the backend is down, and says so", async () => {
    const { page, env, badge } = await freshPage({ reply: answer({ ok: false, reason: "backend_unavailable" }) });
    await page.run(URL_A, env);
    await until(() => visits().length === 1);
    await flush();
    expect([enrichMessages().length, engineCalls.length]).toEqual([1, 1]);
    expect(badge()?.dataset.state).toBe("ready");
    expect(badge()?.shadowRoot?.querySelector(".mp-partner")?.textContent).toBe(localeMsg("ru")("partnerUnavailable"));
  });

  it("an old worker's report is not taken: the page keeps scoring its own facts", async () => {
    const { page, env } = await freshPage({ reply: answer({ ok: true, report: { score: 100 }, facts: {} }) });
    await page.run(URL_A, env);
    await until(() => visits().length === 1);
    await flush();
    expect(engineCalls).toHaveLength(1);
  });

  it("a page without a partner id asks the worker nothing", async () => {
    const { page, env } = await freshPage({
      edit: (doc) => doc.querySelectorAll('a[href*="partners/detail.php"]').forEach((a) => a.removeAttribute("href")),
    });
    await page.run(URL_A, env);
    await until(() => visits().length === 1);
    await flush();
    expect([enrichMessages().length, engineCalls.length]).toEqual([0, 1]);
  });

  it("checks stored before the visit are in the first score: still two calls", async () => {
    const { buyerKey } = await import("../../../extension/src/buyer/store");
    const { page, env } = await freshPage({ stored: { [buyerKey("nordlab.smartseo")]: RECORD } });
    await page.run(URL_A, env);
    await until(() => visits().length === 1);
    await flush();
    // the record loads off the critical path, but storage answers before the read's task ends
    expect(engineCalls).toHaveLength(2);
    expect(engineCalls[0]?.buyer).toMatchObject({ account_manager: "offered" });
    expect(engineCalls.at(-1)?.lookups).toEqual({ backend: "ok", partner_rating: "found" });
  });

  it("a buyer's check recorded after the page was scored re-scores exactly once, with the check", async () => {
    const { page, env } = await freshPage();
    await page.run(URL_A, env);
    await until(() => visits().length === 1);
    const { buyerKey } = await import("../../../extension/src/buyer/store");
    await chrome.storage.local.set({ [buyerKey("nordlab.smartseo")]: RECORD });
    await flush();
    expect(engineCalls).toHaveLength(3);
    expect(engineCalls[2]?.buyer).toMatchObject({ account_manager: "offered" });
    expect(engineCalls[2]?.lookups).toEqual({ backend: "ok", partner_rating: "found" }); // on the enriched facts
  });

  it("late settings re-score only when they change the scoring", async () => {
    let resolve: (s: Settings) => void = () => undefined;
    const late = new Promise<Settings>((r) => (resolve = r));
    const { page, env } = await freshPage({ settings: late });
    const running = page.run(URL_A, env);
    await tick();
    resolve(DEFAULT_SETTINGS);
    await running;
    await until(() => visits().length === 1);
    await flush();
    expect(engineCalls).toHaveLength(2); // defaults == the buyer's: nothing to re-score

    let resolveSite: (s: Settings) => void = () => undefined;
    const site = new Promise<Settings>((r) => (resolveSite = r));
    const second = await freshPage({ settings: site });
    const run2 = second.page.run(URL_A, second.env);
    await tick();
    resolveSite(coerceSettings({ profile: "site" }));
    await run2;
    await until(() => visits().length === 1);
    await flush();
    expect(engineCalls).toHaveLength(3); // page facts (defaults), the buyer's profile, enriched
  });

  it("a second run for the same solution (a mutation) scores nothing again", async () => {
    const { page, env } = await freshPage();
    await page.run(URL_A, env);
    await until(() => visits().length === 1);
    await page.run(URL_A, env);
    await flush();
    expect([engineCalls.length, enrichMessages().length]).toEqual([2, 1]);
  });

  it("a run that lost its badge while the worker was busy records nothing; the live run's visit is enriched", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const { page, env, badge } = await freshPage({
      reply: async (msg) => {
        if (msg.kind !== "enrich") return { ok: true, since: null };
        await gate;
        return { ok: true, enrichment: ENRICHMENT };
      },
    });
    const first = page.run(URL_A, env);
    await until(() => badge() !== null && enrichMessages().length === 1);
    badge()?.remove(); // new settings, or the page re-rendered
    const second = page.run(URL_A, env);
    await until(() => enrichMessages().length === 2);
    release();
    await Promise.all([first, second]);
    await until(() => visits().length === 1);
    await flush();
    expect(visits()).toHaveLength(1);
    expect(visits()[0]?.snapshot?.facts.lookups).toEqual({ backend: "ok", partner_rating: "found" });
  });

  it("enriched facts the engine refuses keep the page's report, and the badge says the backend's part is missing", async () => {
    refuse = (facts) => facts.lookups !== undefined;
    const { page, env, badge } = await freshPage();
    await page.run(URL_A, env);
    await until(() => visits().length === 1);
    await flush();
    expect(engineCalls).toHaveLength(2);
    expect(badge()?.dataset.state).toBe("ready");
    expect(badge()?.shadowRoot?.querySelector(".mp-partner")?.textContent).toBe(localeMsg("ru")("partnerUnavailable"));
    expect(visits()[0]?.snapshot?.facts.lookups).toBeUndefined(); // the facts the shown report was scored with
  });

  it("navigating to another solution before the first paint leaves one badge, the new one", async () => {
    const { page, env, doc } = await freshPage();
    const other = "https://marketplace.1c-bitrix.ru/solutions/other.module/";
    await Promise.all([page.run(URL_A, env), page.run(other, env)]);
    await flush();
    const codes = [...doc.querySelectorAll<HTMLElement>("mpcheck-badge:not([data-size])")].map((b) => b.dataset.code);
    expect(codes).toEqual(["other.module"]);
  });

  it("new settings before the first paint re-score with them: the stale run leaves no badge", async () => {
    // The options page saved twice in a row (a criterion off, then a per-solution profile reset):
    // the first change's run is still before its paint when the second arrives.
    const site = coerceSettings({ solutionProfiles: { "nordlab.smartseo": "site" } });
    const { page, env, doc } = await freshPage({ settings: Promise.resolve(site) });
    const stale = page.run(URL_A, env);
    const fresh = page.restart(URL_A, { ...env, settings: Promise.resolve(DEFAULT_SETTINGS) });
    await Promise.all([stale, fresh]);
    await flush();
    const badges = [...doc.querySelectorAll<HTMLElement>("mpcheck-badge:not([data-size])")];
    expect(badges).toHaveLength(1);
    expect(badges[0]?.shadowRoot?.querySelector<HTMLElement>(".mp-profile-by")?.dataset.chosenBy).toBe("kind");
  });
});
