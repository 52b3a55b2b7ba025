// Catalog and search pages (issue 11): a fixed-size mini-badge per LIST card (list-scope.ts: not on
// banners, promos, menus or footers), painted "reading" at once; then, in idle slices, each card
// scored through the one scorer (shared/score-facts.ts, the buyer's checks included) so its
// decisive signal shows even with the backend down; and ONE batch request per pass, whose reply
// merges each card with the backend's stored read of its solution: those facts are scored the same
// way and shown with their age. Cards are marked so re-runs (in-place paging) skip them; the list
// control (list-control.ts) and the popup's catalog view (cards-get) see every card of the page.
import { coerceRecord, type BuyerRecord } from "../buyer/record";
import { buyerKey } from "../buyer/store";
import { ext } from "../shared/browser-api";
import { isCardsRequest, type CardSummary, type CardsReply } from "../shared/catalog-messages";
import type { FactsView, Report } from "../shared/contracts";
import { completeFacts } from "../shared/facts-skeleton";
import type { StoredRead } from "../shared/messages";
import { scoreFacts } from "../shared/score-facts";
import { toggleCompare } from "../shared/compare-toggle";
import { loadShortlist, onShortlistChanged, type ShortlistItem } from "../shared/shortlist";
import { createBadgeHost } from "../ui/badge";
import { cardVerdict, type CardVerdict } from "../ui/card-verdict";
import { renderMiniBadge } from "../ui/mini-badge";
import type { ContentEnv } from "./env";
import { readListingCards } from "./extract-facts";
import { chunks, runWhenIdle } from "./idle";
import { listControl } from "./list-control";
import { listCards } from "./list-scope";
import { requestBatch } from "./messaging";
import { nextTask } from "./next-task";
import { measureUntilPaint, timed } from "./perf";
import { placeMiniBadge } from "./placement";

export const CARD_MARK = "data-mpcheck-card";
const IDLE_SLICE = 10;

interface CardJob {
  code: string;
  element: Element;
  host: HTMLElement;
  /** What is scored: the card's own facts, then the card merged with the backend's stored read. */
  facts: FactsView;
  stored: StoredRead | null;
  /** Set once a verdict is shown: the card alone, the stored read, or the full check from a visit. */
  done: "local" | "server" | "visit" | null;
  report: Report | null;
  verdict: CardVerdict | null;
  listed: boolean;
  message: string | null;
}

// Every card badge on the page, across runs (in-place paging adds more): one storage listener
// flips the toggles when the shortlist changes in another tab, the popup lists them all.
const allJobs: CardJob[] = [];
// Whether the page's cards have been read once: before that the popup hears "not ready" (and
// polls), not "ready, no cards" (which it would show as an empty list and stop).
let cardsRead = false;
let listening = false;
let control: { refresh: () => void } | null = null;

function liveJobs(): CardJob[] {
  const connected = allJobs.filter((job) => job.host.isConnected);
  allJobs.splice(0, allJobs.length, ...connected);
  return allJobs;
}

/** The buyer's checks of every card in ONE storage read (50 cards, one IPC round trip). */
async function buyerRecords(codes: string[]): Promise<Map<string, BuyerRecord>> {
  try {
    const got = await ext().storage.local.get(codes.map(buyerKey));
    return new Map(codes.map((code) => [code, coerceRecord(got[buyerKey(code)])]));
  } catch {
    return new Map(); // no checks: the cards are still scored on what they show
  }
}

/** A scored report is never replaced by an unscored one (a visit's full check beats a card). */
function better(current: Report | null, candidate: Report | null): boolean {
  if (!candidate) return false;
  return !(current && current.score !== null && candidate.score === null);
}

function summaries(): CardsReply {
  const jobs = liveJobs();
  const cards: CardSummary[] = jobs.map((job) => ({
    code: job.code, name: job.facts.name ?? job.code, status: job.verdict?.status ?? "unknown",
    score: job.verdict?.score ?? null, reason: [job.verdict?.note, job.verdict?.reason].filter(Boolean).join(" · "),
    facts: job.facts, report: job.report,
  }));
  return { kind: "cards", ready: cardsRead && jobs.every((job) => job.done !== null), cards };
}

let answering = false;
/**
 * The popup's catalog view asks this page for its cards. Registered when the content script starts
 * (main.ts), before the page has settled: a popup opened while the page is still loading gets
 * "not ready" and polls, instead of no receiver at all (which it would take for "not a listing").
 */
export function answerCardRequests(): void {
  if (answering) return;
  answering = true;
  ext().runtime.onMessage.addListener((msg: unknown, _sender, sendResponse) => {
    if (!isCardsRequest(msg)) return false;
    sendResponse(summaries());
    return false;
  });
}

export async function runListingPage(doc: Document, url: string, env: ContentEnv): Promise<void> {
  answerCardRequests();
  const found = timed("mpcheck:extract", () => listCards(readListingCards(doc, url)));
  const cards = found.filter((card) => !card.element.hasAttribute(CARD_MARK));
  if (cards.length === 0) {
    cardsRead = true; // a listing without cards: "ready, none" is the truth
    control?.refresh(); // a re-run after our own moves or in-place paging without new cards
    return;
  }
  for (const card of cards) card.element.setAttribute(CARD_MARK, card.code); // claimed before yielding
  await nextTask(); // reading the cards and painting their badges: one task each (SPEC §10)
  const deps = { rules: env.rules, lang: env.lang, msg: env.msg };
  control ??= listControl(doc, env.msg, () => liveJobs().map((job) => ({ element: job.element, verdict: job.verdict })));
  const paint = (job: CardJob): void => {
    const compare = { listed: job.listed, name: job.facts.name ?? job.code, message: job.message, onToggle: () => toggle(job) };
    renderMiniBadge(job.host, job.done ? "ready" : "loading", job.report, deps, compare, job.verdict);
  };
  const toggle = (job: CardJob): void => {
    void toggleCompare(job.facts, job.report, env.today, job.code).then((toggled) => {
      job.listed = toggled.listed;
      job.message = env.msg(toggled.message);
      paint(job);
    });
  };
  measureUntilPaint("mpcheck:paint");
  const jobs: CardJob[] = timed("mpcheck:render", () =>
    cards.map((card) => {
      const job: CardJob = {
        code: card.code, element: card.element, host: createBadgeHost(doc, "mini"),
        facts: completeFacts(card.facts, card.code), stored: null,
        done: null, report: null, verdict: null, listed: false, message: null,
      };
      paint(job);
      placeMiniBadge(card.element, job.host);
      return job;
    }),
  );
  allJobs.push(...jobs);
  cardsRead = true;
  const show = (job: CardJob, report: Report, done: NonNullable<CardJob["done"]>): void => {
    job.report = report;
    job.done = done;
    job.verdict = cardVerdict(report, job.facts, job.stored, deps);
    paint(job);
  };
  const showListed = (list: ShortlistItem[]): void => {
    const byCode = new Map(list.map((item) => [item.code, item]));
    for (const job of liveJobs()) {
      const stored = byCode.get(job.code)?.report ?? null;
      const adopt = stored !== null && stored.score !== null && (job.report === null || job.report.score === null);
      if (job.listed === byCode.has(job.code) && !adopt) continue;
      job.listed = byCode.has(job.code);
      job.message = null;
      if (adopt && stored) show(job, stored, "visit");
      else paint(job);
    }
    control?.refresh();
  };
  if (!listening) {
    listening = true;
    onShortlistChanged(showListed);
  }
  const shortlist = loadShortlist().catch(() => [] as ShortlistItem[]);

  // the page's ONE batch request; its URL lets the backend read the listing's own feed once
  const batch = requestBatch(jobs.map((job) => job.facts), url);
  const [settings, records] = await Promise.all([env.settings, buyerRecords(jobs.map((job) => job.code))]);
  const score = (job: CardJob, facts: FactsView, done: "local" | "server"): void => {
    if (!job.host.isConnected) return;
    let scored;
    try {
      scored = scoreFacts(facts, records.get(job.code) ?? {}, settings, env.today);
    } catch {
      return; // one odd card must not cost the others their badges
    }
    if (done === "local" && job.done !== null) return; // the stored read or a visit came first
    if (!better(job.report, scored.report)) return;
    job.facts = facts;
    show(job, scored.report, done);
  };
  const slices = (run: (job: CardJob, i: number) => void) =>
    chunks(jobs.map((job, i) => [job, i] as const), IDLE_SLICE).map((slice) => () =>
      timed("mpcheck:evaluate", () => {
        for (const [job, i] of slice) run(job, i);
      }),
    );
  const local = runWhenIdle(slices((job) => score(job, job.facts, "local")));
  void shortlist.then(showListed);
  const reply = await batch;
  await local;
  control?.refresh(); // once per pass, after the verdicts: sorting by them needs them all
  if (!reply.ok) return;
  await runWhenIdle(
    slices((job, i) => {
      const merged = reply.facts[i];
      if (!merged) return;
      job.stored = reply.stored[i] ?? null;
      score(job, merged, "server");
    }),
  );
  control?.refresh();
}
