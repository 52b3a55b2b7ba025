// Solution page: extract -> evaluate locally (badge even with the backend down) -> paint ->
// ask the worker to enrich (partner rating, history) -> repaint. Idempotent per solution code.
import type { FactsView, Report } from "../shared/contracts";
import { evaluate } from "../shared/evaluate";
import type { PartnerStatus } from "../shared/messages";
import { addToShortlist } from "../shared/shortlist";
import { solutionCodeFromUrl } from "../shared/page-type";
import { BADGE_TAG, createBadgeHost, renderBadge, type BadgeView } from "../ui/badge";
import { changesScoring, DEFAULT_SETTINGS, settingsIfReady, type Settings } from "../shared/settings";
import type { ContentEnv } from "./env";
import { readSolutionFacts } from "./extract-facts";
import { requestEnrich } from "./messaging";
import { clearState, publishState } from "./page-state";
import { measureUntilPaint, timed } from "./perf";
import { placeFullBadge } from "./placement";

export function existingFullBadge(doc: Document): HTMLElement | null {
  return doc.querySelector<HTMLElement>(`${BADGE_TAG}:not([data-size])`);
}

function localResult(doc: Document, url: string, settings: Settings, today: string): { facts: FactsView; report: Report } | null {
  try {
    const facts = timed("mpcheck:extract", () => readSolutionFacts(doc, url));
    const report = timed("mpcheck:evaluate", () => evaluate(facts, settings, today));
    return { facts, report };
  } catch (err) {
    console.debug("mpcheck: could not evaluate this page", err);
    return null;
  }
}

export async function runSolutionPage(doc: Document, url: string, env: ContentEnv): Promise<void> {
  const code = solutionCodeFromUrl(url) ?? "";
  const existing = existingFullBadge(doc);
  if (existing && existing.dataset.code === code) return;
  existing?.remove();
  clearState();

  const host = createBadgeHost(doc);
  host.dataset.code = code;
  const view: BadgeView = { state: "loading", report: null, partner: "pending", compare: null };
  let facts: FactsView | null = null;
  const paint = () => {
    renderBadge(host, view, { rules: env.rules, lang: env.lang, msg: env.msg, onCompare });
    publishState({ state: view.state, report: view.report, facts, partner: view.partner });
  };
  const onCompare = () => {
    if (!facts?.code) return;
    const item = { code: facts.code, name: facts.name ?? facts.code, url: facts.url, added: env.today };
    void addToShortlist(item).then((result) => {
      view.compare = result;
      paint();
    });
  };

  const early = await settingsIfReady(env.settings);
  if (existingFullBadge(doc)) return; // a concurrent run (mutation) got there first
  const local = localResult(doc, url, early ?? DEFAULT_SETTINGS, env.today);
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
  if (!local) return;
  const enriched = requestEnrich(local.facts); // in flight while the settings arrive
  const settings = early ?? (await env.settings);
  if (!early && changesScoring(settings) && host.isConnected) {
    view.report = evaluate(local.facts, settings, env.today);
    paint();
  }

  const reply = await enriched;
  if (!host.isConnected) return; // navigated away meanwhile
  const partner: PartnerStatus = reply.ok ? "ok" : "unavailable";
  if (reply.ok) {
    facts = reply.facts;
    view.report = reply.report;
  }
  view.partner = partner;
  paint();
  performance.mark(reply.ok ? "mpcheck:enriched" : "mpcheck:enrich-failed"); // bench: warm-backend budget
}
