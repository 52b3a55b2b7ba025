// Solution page: extract -> evaluate locally (badge even with the backend down) -> paint ->
// ask the worker to enrich (partner rating, history) -> repaint. Idempotent per solution code.
import type { FactsView, Report } from "../shared/contracts";
import { evaluate } from "../shared/evaluate";
import type { PartnerStatus } from "../shared/messages";
import { loadShortlist, onShortlistChanged, refreshShortlistEntry, shortlistItem, toggleShortlist } from "../shared/shortlist";
import { solutionCodeFromUrl } from "../shared/page-type";
import { BADGE_TAG, createBadgeHost, renderBadge, type BadgeView } from "../ui/badge";
import { changesScoring, DEFAULT_SETTINGS, settingsIfReady, type Settings } from "../shared/settings";
import { followBuyerChecks } from "../buyer/page-checks";
import { snapshotOf } from "../snapshots/snapshot";
import { reportVisit } from "../snapshots/visit-client";
import type { ContentEnv } from "./env";
import { readSolutionFacts } from "./extract-facts";
import { requestEnrich } from "./messaging";
import { clearState, publishState } from "./page-state";
import { measureUntilPaint, timed } from "./perf";
import { nextTask } from "./next-task";
import { placeFullBadge } from "./placement";

// One storage listener per page (not per run): it updates whichever badge is current.
let onListChange: ((codes: Set<string>) => void) | null = null;
let listening = false;

function followShortlist(update: (codes: Set<string>) => void): void {
  onListChange = update;
  if (listening) return;
  listening = true;
  onShortlistChanged((list) => onListChange?.(new Set(list.map((x) => x.code))));
}

export function existingFullBadge(doc: Document): HTMLElement | null {
  return doc.querySelector<HTMLElement>(`${BADGE_TAG}:not([data-size])`);
}

/** The page's facts with the buyer's checks, or null (the badge then says "error"). */
function readLocal(doc: Document, url: string, withChecks: (facts: FactsView) => FactsView): FactsView | null {
  try {
    return withChecks(timed("mpcheck:extract", () => readSolutionFacts(doc, url)));
  } catch (err) {
    console.debug("mpcheck: could not read this page", err);
    return null;
  }
}

function scoreLocal(facts: FactsView, settings: Settings, today: string): Report | null {
  try {
    return timed("mpcheck:evaluate", () => evaluate(facts, settings, today));
  } catch (err) {
    console.debug("mpcheck: could not evaluate this page", err);
    return null;
  }
}

// The code whose FIRST PAINT is under way: its steps yield between tasks, and a mutation-triggered
// re-run meanwhile must not start a second badge (nor take over the page-wide listeners). Cleared
// once the badge is placed, so the slow part (enrichment) never blocks a re-run.
let pending: string | null = null;

export async function runSolutionPage(doc: Document, url: string, env: ContentEnv): Promise<void> {
  const code = solutionCodeFromUrl(url) ?? "";
  if (pending === code) return;
  pending = code;
  try {
    await runOnce(doc, url, code, env);
  } finally {
    if (pending === code) pending = null;
  }
}

async function runOnce(doc: Document, url: string, code: string, env: ContentEnv): Promise<void> {
  const existing = existingFullBadge(doc);
  if (existing && existing.dataset.code === code) return;
  existing?.remove();
  clearState();

  const host = createBadgeHost(doc);
  host.dataset.code = code;
  const view: BadgeView = { state: "loading", report: null, partner: "pending", compare: null, listed: false };
  let facts: FactsView | null = null;
  const paint = () => {
    renderBadge(host, view, { rules: env.rules, lang: env.lang, msg: env.msg, onCompare });
    publishState({ state: view.state, report: view.report, facts, partner: view.partner, since: view.since });
  };
  let scoring: Settings = DEFAULT_SETTINGS; // the settings the current report was scored with
  // The buyer's own checks (popup) are facts too: re-score when they change.
  const checks = followBuyerChecks(code, () => {
    if (!facts || view.state !== "ready" || !host.isConnected) return;
    facts = checks.apply(facts);
    view.report = evaluate(facts, scoring, env.today);
    paint();
  });
  const onCompare = () => {
    if (!facts?.code) return;
    void toggleShortlist(shortlistItem(facts, view.report, env.today)).then((result) => {
      view.compare = result;
      view.listed = result === "added" || result === "already";
      paint();
    });
  };
  // Off the critical path: the first paint says "add"; a listed solution repaints as "remove".
  const showListed = (codes: Set<string>) => {
    if (codes.has(code) === view.listed) return;
    view.listed = codes.has(code);
    if (host.isConnected) paint();
  };

  const early = await settingsIfReady(env.settings);
  // Each step in a task of its own (SPEC §10: none over 16 ms), and the page's own queued work
  // (its load event included) goes first: reading, scoring and painting one after another in the
  // DOMContentLoaded task held the page for their sum.
  await nextTask();
  if (existingFullBadge(doc)) return; // a concurrent run (mutation) got there first
  scoring = early ?? DEFAULT_SETTINGS;
  const read = readLocal(doc, url, checks.apply);
  await nextTask();
  if (existingFullBadge(doc)) return;
  // The buyer's checks load from storage off the critical path: when they arrived after the page
  // was read (and before `facts` was set, so onChange could not re-score), apply them now.
  const current = read && checks.stale(read) ? checks.apply(read) : read;
  const report = current ? scoreLocal(current, scoring, env.today) : null;
  const local = current && report ? { facts: current, report } : null;
  if (local) {
    facts = local.facts;
    Object.assign(view, { state: "ready", report: local.report });
  } else {
    view.state = "error";
  }
  measureUntilPaint("mpcheck:paint");
  timed("mpcheck:render", () => {
    placeFullBadge(doc, host);
    paint();
  });
  if (pending === code) pending = null; // painted: later runs (settings, navigation) may start
  await nextTask(); // the bookkeeping below starts after the badge is on screen
  void loadShortlist().then((list) => showListed(new Set(list.map((x) => x.code))));
  followShortlist(showListed);
  if (!local) return;
  const enriched = requestEnrich(local.facts); // in flight while the settings arrive
  const settings = early ?? (await env.settings);
  scoring = settings;
  if (!early && changesScoring(settings) && host.isConnected) {
    view.report = evaluate(local.facts, settings, env.today);
    paint();
  }

  const reply = await enriched;
  if (!host.isConnected) return; // navigated away meanwhile
  const partner: PartnerStatus = reply.ok ? "ok" : "unavailable";
  if (reply.ok) {
    facts = checks.apply(reply.facts);
    // Checks recorded while the worker was busy: score them too, not the facts it was sent.
    view.report = checks.stale(reply.facts) ? evaluate(facts, scoring, env.today) : reply.report;
  }
  view.partner = partner;
  paint();
  // A listed solution keeps its latest facts + report for the comparison page.
  if (facts) void refreshShortlistEntry(shortlistItem(facts, view.report, env.today));
  performance.mark(reply.ok ? "mpcheck:enriched" : "mpcheck:enrich-failed"); // bench: warm-backend budget
  // Last, with the final score: "since your last visit", then this visit becomes the snapshot.
  const snapshot = facts ? snapshotOf(facts, view.report, new Date()) : null;
  if (snapshot) {
    view.since = await reportVisit(snapshot);
    if (view.since?.changes.length && host.isConnected) paint();
  }
}
