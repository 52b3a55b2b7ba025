// Catalog and search pages: a fixed-size mini-badge ("?") per card at once, ONE batch request for
// the cards found in this pass, and local scores filled in during idle time for cards the backend
// has not answered (backend down or slow). Cards are marked so re-runs skip them. Each badge has
// a compare toggle that puts the card's facts + report on the comparison shortlist.
import type { FactsView, Report } from "../shared/contracts";
import { evaluate } from "../shared/evaluate";
import { completeFacts } from "../shared/facts-skeleton";
import type { Settings } from "../shared/settings";
import {
  loadShortlist, onShortlistChanged, shortlistItem, toggleShortlist, type ShortlistItem, type ToggleResult,
} from "../shared/shortlist";
import { createBadgeHost } from "../ui/badge";
import { renderMiniBadge } from "../ui/mini-badge";
import type { ContentEnv } from "./env";
import { readListingCards } from "./extract-facts";
import { chunks, runWhenIdle } from "./idle";
import { requestBatch } from "./messaging";
import { nextTask } from "./next-task";
import { measureUntilPaint, timed } from "./perf";
import { placeMiniBadge } from "./placement";

export const CARD_MARK = "data-mpcheck-card";
const IDLE_SLICE = 10;
const RESULT_KEY: Record<ToggleResult, string> = {
  added: "compareAdded", already: "compareAlready", full: "compareFull", removed: "compareRemoved",
};

interface CardJob {
  code: string;
  host: HTMLElement;
  facts: FactsView;
  /** Set once a report is shown: the backend's, the local one, or the full check from a visit. */
  done: "server" | "local" | "visit" | null;
  report: Report | null;
  listed: boolean;
  message: string | null;
}

// Every card badge on the page, across runs (in-place catalog paging adds more), so one storage
// listener can flip the toggles when the shortlist changes in another tab.
const allJobs: CardJob[] = [];
let listening = false;

function scoreLocally(facts: FactsView, settings: Settings, today: string): Report | null {
  try {
    return evaluate(facts, settings, today);
  } catch {
    return null; // the card shows "?"; one odd card must not cost the others their badges
  }
}

/**
 * A card alone covers about 2 of 9 steps, so its own report rarely has a score. A solution on the
 * shortlist carries the full check from the buyer's visit to its page: that one is shown instead,
 * and a scored report is never replaced by an unscored one.
 */
function better(current: Report | null, candidate: Report | null): boolean {
  if (!candidate) return false;
  return !(current && current.score !== null && candidate.score === null);
}

function showListed(list: ShortlistItem[], paint: (job: CardJob) => void): void {
  const byCode = new Map(list.map((item) => [item.code, item]));
  const connected = allJobs.filter((job) => job.host.isConnected);
  allJobs.splice(0, allJobs.length, ...connected);
  for (const job of allJobs) {
    const stored = byCode.get(job.code)?.report ?? null;
    const adopt = stored !== null && stored.score !== null && (job.report === null || job.report.score === null);
    if (job.listed === byCode.has(job.code) && !adopt) continue;
    job.listed = byCode.has(job.code);
    job.message = null;
    if (adopt) {
      job.report = stored;
      job.done = "visit";
    }
    paint(job);
  }
}

export async function runListingPage(doc: Document, url: string, env: ContentEnv): Promise<void> {
  const cards = timed("mpcheck:extract", () => readListingCards(doc, url)).filter(
    (card) => !card.element.hasAttribute(CARD_MARK),
  );
  if (cards.length === 0) return;
  for (const card of cards) card.element.setAttribute(CARD_MARK, card.code); // claimed before yielding
  await nextTask(); // reading the cards and painting their badges: one task each (SPEC §10)
  const deps = { rules: env.rules, lang: env.lang, msg: env.msg };
  const paint = (job: CardJob): void => {
    const compare = { listed: job.listed, name: job.facts.name ?? job.code, message: job.message, onToggle: () => toggle(job) };
    renderMiniBadge(job.host, job.done ? "ready" : "loading", job.report, deps, compare);
  };
  const toggle = (job: CardJob): void => {
    void toggleShortlist(shortlistItem(job.facts, job.report, env.today, job.code)).then((result) => {
      job.listed = result === "added" || result === "already";
      job.message = env.msg(RESULT_KEY[result]);
      paint(job);
    });
  };
  measureUntilPaint("mpcheck:paint");
  const jobs: CardJob[] = timed("mpcheck:render", () =>
    cards.map((card) => {
      const job: CardJob = {
        code: card.code, host: createBadgeHost(doc, "mini"), facts: completeFacts(card.facts, card.code),
        done: null, report: null, listed: false, message: null,
      };
      paint(job);
      placeMiniBadge(card.element, job.host);
      return job;
    }),
  );
  allJobs.push(...jobs);
  if (!listening) {
    listening = true;
    onShortlistChanged((list) => showListed(list, paint));
  }
  void loadShortlist().then((list) => showListed(list, paint));

  const batch = requestBatch(jobs.map((job) => job.facts)); // the page's ONE batch request
  const settings = await env.settings;
  const local = runWhenIdle(
    chunks(jobs, IDLE_SLICE).map((slice) => () =>
      timed("mpcheck:evaluate", () => {
        for (const job of slice) {
          if (job.done || !job.host.isConnected) continue;
          const local = scoreLocally(job.facts, settings, env.today);
          if (!better(job.report, local)) continue;
          job.report = local;
          job.done = "local";
          paint(job);
        }
      }),
    ),
  );
  const reply = await batch;
  if (reply.ok) {
    reply.reports.forEach((report, i) => {
      const job = jobs[i];
      if (!job || !report || !job.host.isConnected || !better(job.report, report)) return;
      job.report = report;
      job.done = "server";
      paint(job);
    });
  }
  await local;
}
