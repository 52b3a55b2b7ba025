// Catalog and search pages: a fixed-size mini-badge ("?") per card at once, ONE batch request for
// the cards found in this pass, and local scores filled in during idle time for cards the backend
// has not answered (backend down or slow). Cards are marked so re-runs skip them.
import type { FactsView, Report } from "../shared/contracts";
import { evaluate } from "../shared/evaluate";
import { completeFacts } from "../shared/facts-skeleton";
import type { Settings } from "../shared/settings";
import { createBadgeHost } from "../ui/badge";
import { renderMiniBadge } from "../ui/mini-badge";
import type { ContentEnv } from "./env";
import { readListingCards } from "./extract-facts";
import { chunks, runWhenIdle } from "./idle";
import { requestBatch } from "./messaging";
import { measureUntilPaint, timed } from "./perf";
import { placeMiniBadge } from "./placement";

export const CARD_MARK = "data-mpcheck-card";
const IDLE_SLICE = 10;

interface CardJob {
  host: HTMLElement;
  facts: FactsView;
  /** Set once the backend's or the local report is shown; the backend's wins. */
  done: "server" | "local" | null;
}

function scoreLocally(facts: FactsView, settings: Settings, today: string): Report | null {
  try {
    return evaluate(facts, settings, today);
  } catch {
    return null; // the card shows "?"; one odd card must not cost the others their badges
  }
}

export async function runListingPage(doc: Document, url: string, env: ContentEnv): Promise<void> {
  const cards = timed("mpcheck:extract", () => readListingCards(doc, url)).filter(
    (card) => !card.element.hasAttribute(CARD_MARK),
  );
  if (cards.length === 0) return;
  const deps = { rules: env.rules, lang: env.lang, msg: env.msg };
  measureUntilPaint("mpcheck:paint");
  const jobs: CardJob[] = timed("mpcheck:render", () =>
    cards.map((card) => {
      card.element.setAttribute(CARD_MARK, card.code);
      const job: CardJob = { host: createBadgeHost(doc, "mini"), facts: completeFacts(card.facts, card.code), done: null };
      renderMiniBadge(job.host, "loading", null, deps);
      placeMiniBadge(card.element, job.host);
      return job;
    }),
  );

  const batch = requestBatch(jobs.map((job) => job.facts)); // the page's ONE batch request
  const settings = await env.settings;
  const local = runWhenIdle(
    chunks(jobs, IDLE_SLICE).map((slice) => () =>
      timed("mpcheck:evaluate", () => {
        for (const job of slice) {
          if (job.done || !job.host.isConnected) continue;
          renderMiniBadge(job.host, "ready", scoreLocally(job.facts, settings, env.today), deps);
          job.done = "local";
        }
      }),
    ),
  );
  const reply = await batch;
  if (reply.ok) {
    reply.reports.forEach((report, i) => {
      const job = jobs[i];
      if (!job || !report || !job.host.isConnected) return;
      renderMiniBadge(job.host, "ready", report, deps);
      job.done = "server";
    });
  }
  await local;
}
