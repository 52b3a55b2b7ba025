// Catalog and search pages: a fixed-size mini-badge per card scored locally, then ONE batch
// request for the cards found in this pass. Cards are marked so re-runs skip them.
import type { FactsView, Report } from "../shared/contracts";
import { evaluate } from "../shared/evaluate";
import { completeFacts } from "../shared/facts-skeleton";
import { createBadgeHost } from "../ui/badge";
import { renderMiniBadge } from "../ui/mini-badge";
import type { ContentEnv } from "./env";
import { readListingCards } from "./extract-facts";
import { requestBatch } from "./messaging";
import { measureUntilPaint, timed } from "./perf";
import { placeMiniBadge } from "./placement";

export const CARD_MARK = "data-mpcheck-card";

interface CardJob {
  host: HTMLElement;
  facts: FactsView;
  report: Report | null;
}

function scoreLocally(facts: FactsView, env: ContentEnv): Report | null {
  try {
    return evaluate(facts, env.settings, env.today);
  } catch {
    return null; // the card shows "?"; one odd card must not cost the others their badges
  }
}

export async function runListingPage(doc: Document, url: string, env: ContentEnv): Promise<void> {
  const cards = timed("mpcheck:extract", () => readListingCards(doc, url)).filter(
    (card) => !card.element.hasAttribute(CARD_MARK),
  );
  if (cards.length === 0) return;
  const jobs: CardJob[] = timed("mpcheck:evaluate", () =>
    cards.map((card) => {
      card.element.setAttribute(CARD_MARK, card.code);
      const facts = completeFacts(card.facts, card.code);
      return { host: createBadgeHost(doc, "mini"), facts, report: scoreLocally(facts, env) };
    }),
  );
  const deps = { rules: env.rules, lang: env.lang, msg: env.msg };
  measureUntilPaint("mpcheck:paint");
  jobs.forEach((job, i) => {
    const card = cards[i];
    if (!card) return;
    renderMiniBadge(job.host, "ready", job.report, deps);
    placeMiniBadge(card.element, job.host);
  });

  const reply = await requestBatch(jobs.map((job) => job.facts));
  if (!reply.ok) return; // local scores stay
  reply.reports.forEach((report, i) => {
    const job = jobs[i];
    if (job && report && job.host.isConnected) renderMiniBadge(job.host, "ready", report, deps);
  });
}
