// The solution-page runner of one content script: it owns what outlives a single badge (in-page
// navigation and mutations re-run it): the run whose first paint is under way and the one
// shortlist listener. Each badge's own life is a SolutionRun (solution-run.ts).
import { loadShortlist, onShortlistChanged } from "../shared/shortlist";
import { solutionCodeFromUrl } from "../shared/page-type";
import { BADGE_TAG, createBadgeHost } from "../ui/badge";
import type { ContentEnv } from "./env";
import { clearState } from "./page-state";
import { SolutionRun } from "./solution-run";

function existingFullBadge(doc: Document): HTMLElement | null {
  return doc.querySelector<HTMLElement>(`${BADGE_TAG}:not([data-size])`);
}

export class SolutionPage {
  // The code whose FIRST PAINT is under way: its steps yield between tasks, and a mutation-triggered
  // re-run meanwhile must not start a second badge (nor take over the page-wide listeners). Cleared
  // once the badge is placed, so the slow part (enrichment) never blocks a re-run.
  private pending: string | null = null;
  // The newest run: an older one whose first paint is still under way stops (navigation A -> B
  // before A painted must not leave A's badge, read from B's page, over B's content).
  private current: SolutionRun | null = null;
  // One storage listener per page (not per run): it updates whichever badge is current.
  private onListChange: ((codes: Set<string>) => void) | null = null;
  private listening = false;

  constructor(private readonly doc: Document) {}

  async run(url: string, env: ContentEnv): Promise<void> {
    const code = solutionCodeFromUrl(url) ?? "";
    if (this.pending === code) return;
    return this.startRun(url, code, env);
  }

  /**
   * New settings: the badge is re-scored even when a run for this solution is still before its
   * first paint, because that run read the old settings (it stops: it is no longer current).
   * Without this, two quick changes (save, then reset a profile) left the first change's badge.
   */
  async restart(url: string, env: ContentEnv): Promise<void> {
    this.pending = null;
    removeFullBadge(this.doc);
    return this.startRun(url, solutionCodeFromUrl(url) ?? "", env);
  }

  private async startRun(url: string, code: string, env: ContentEnv): Promise<void> {
    const existing = existingFullBadge(this.doc);
    if (existing && existing.dataset.code === code) return;
    this.pending = code;
    existing?.remove();
    clearState();
    const host = createBadgeHost(this.doc);
    host.dataset.code = code;
    // Only the current run clears `pending`: a superseded one ending must not open the door to a
    // second badge while the run that replaced it is still before its paint.
    const painted = () => {
      if (this.current === run && this.pending === code) this.pending = null;
    };
    const run: SolutionRun = new SolutionRun(this.doc, url, code, env, host, {
      superseded: () => this.current !== run,
      painted,
      followListed: (update) => this.followListed(update),
    });
    this.current = run;
    try {
      await run.start();
    } finally {
      painted();
    }
  }

  private followListed(update: (codes: Set<string>) => void): void {
    void loadShortlist().then((list) => update(new Set(list.map((x) => x.code))));
    this.onListChange = update;
    if (this.listening) return;
    this.listening = true;
    onShortlistChanged((list) => this.onListChange?.(new Set(list.map((x) => x.code))));
  }
}

export function removeFullBadge(doc: Document): void {
  existingFullBadge(doc)?.remove();
}
