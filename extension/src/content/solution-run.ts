// One badge's life on a solution page: read -> score (a badge even with the backend down) -> paint
// -> ask the worker for what the page lacks (partner rating, history: data, not a report) -> merge
// -> score -> paint. Every report comes from shared/score-facts.ts, the scorer the popup, the
// comparison and the catalog cards use too, with the buyer's checks applied there; each call is
// measured as `mpcheck:evaluate`, so a test can count them: one per distinct input (the page's
// facts, the enriched facts, a change of the buyer's checks or of the settings), never the same
// facts twice; the badge's report is never scored in the worker (issue 11 point 5; the worker's
// "since your last visit" re-scores two stored visits for their diff, which is another question).
// A run that lost its badge (navigation, new settings, the page re-rendered) stops: it paints,
// stores and records nothing more, so the live run's visit is the one recorded.
import type { FactsView } from "../shared/contracts";
import { applyEnrichment } from "../shared/enrichment";
import type { EnrichReply } from "../shared/messages";
import { scoreFacts, type Scored } from "../shared/score-facts";
import { changesScoring, DEFAULT_SETTINGS, settingsIfReady, type Settings } from "../shared/settings";
import { toggleCompare } from "../shared/compare-toggle";
import { refreshShortlistEntry, shortlistItem } from "../shared/shortlist";
import { followBuyerChecks, type PageChecks } from "../buyer/page-checks";
import { snapshotOf } from "../snapshots/snapshot";
import { reportVisit } from "../snapshots/visit-client";
import { renderBadge, type BadgeView } from "../ui/badge";
import type { ContentEnv } from "./env";
import { readSolutionFactsInSteps } from "./extract-facts";
import { requestEnrich } from "./messaging";
import { nextTask } from "./next-task";
import { publishState } from "./page-state";
import { measureUntilPaint, timed, timedSteps } from "./perf";
import { placeFullBadge } from "./placement";

const NO_PARTNER: EnrichReply = { ok: false, reason: "backend_unavailable" };

/** What the run needs from the page that owns it (content/solution-page.ts). */
export interface RunHooks {
  /** Whether a newer run (navigation, a mutation re-run) took the page over before this one painted. */
  superseded(): boolean;
  /** The badge is on screen: later runs (settings, navigation) may start. */
  painted(): void;
  /** Whether this solution is in the comparison, now and whenever that changes. */
  followListed(update: (codes: Set<string>) => void): void;
}

export class SolutionRun {
  private readonly view: BadgeView = { state: "loading", report: null, partner: "pending", compare: null, listed: false };
  /** The page's facts, enriched once the worker answered; without the buyer's checks. */
  private facts: FactsView | null = null;
  private scored: Scored | null = null;
  private settings: Settings = DEFAULT_SETTINGS; // the settings the current report was scored with
  private readonly checks: PageChecks;

  constructor(
    private readonly doc: Document,
    private readonly url: string,
    private readonly code: string,
    private readonly env: ContentEnv,
    private readonly host: HTMLElement,
    private readonly hooks: RunHooks,
  ) {
    // The buyer's own checks (popup) are facts too: re-score when they change.
    this.checks = followBuyerChecks(code, () => {
      if (this.scored && this.host.isConnected && this.rescore()) this.paint();
    });
  }

  async start(): Promise<void> {
    const early = await settingsIfReady(this.env.settings);
    // Each step in a task of its own (SPEC §10: none over 16 ms), and the page's own queued work
    // (its load event included) goes first.
    await nextTask();
    if (this.hooks.superseded()) return;
    this.settings = early ?? DEFAULT_SETTINGS;
    this.facts = await this.read();
    await nextTask();
    if (this.hooks.superseded()) return;
    // The buyer's checks load from storage off the critical path; whatever has arrived by now is
    // in this score, and a later arrival re-scores through the checks' onChange.
    if (!this.rescore()) this.view.state = "error";
    measureUntilPaint("mpcheck:paint");
    timed("mpcheck:render", () => {
      placeFullBadge(this.doc, this.host);
      this.paint();
    });
    this.hooks.painted();
    await nextTask(); // the bookkeeping below starts after the badge is on screen
    this.hooks.followListed((codes) => this.showListed(codes));
    if (!this.scored || !this.facts) return;
    const enriched = this.askWorker(this.facts); // in flight while the settings arrive
    if (!early) await this.applyLateSettings();
    if (!(await this.enrich(this.facts, enriched))) return;
    await this.recordVisit();
  }

  /** The page's facts, or null (the badge then says "error"); read in steps, a task each. */
  private async read(): Promise<FactsView | null> {
    try {
      return await timedSteps("mpcheck:extract", nextTask, (pause) => readSolutionFactsInSteps(this.doc, this.url, pause));
    } catch (err) {
      console.debug("mpcheck: could not read this page", err);
      return null;
    }
  }

  /**
   * Scores `facts` (default: the current ones) and makes them current; false when the engine refused
   * them (the previous facts and report stay).
   */
  private rescore(facts: FactsView | null = this.facts): boolean {
    if (!facts) return false;
    try {
      this.scored = timed("mpcheck:evaluate", () => scoreFacts(facts, this.checks.record(), this.settings, this.env.today));
    } catch (err) {
      console.debug("mpcheck: could not evaluate this page", err);
      return false;
    }
    this.facts = facts;
    Object.assign(this.view, { state: "ready", report: this.scored.report });
    return true;
  }

  /** Without a partner id there is nothing to ask: the badge says the backend's part is missing. */
  private askWorker(facts: FactsView): Promise<EnrichReply> {
    const partnerId = facts.partner?.id;
    return typeof partnerId === "number" ? requestEnrich(facts.code ?? null, partnerId) : Promise.resolve(NO_PARTNER);
  }

  /** The first score used the defaults (storage was slow): the buyer's own settings re-score it. */
  private async applyLateSettings(): Promise<void> {
    this.settings = await this.env.settings;
    if (changesScoring(this.settings) && this.host.isConnected && this.rescore()) this.paint();
  }

  /** Merges the worker's data and scores once; false when the run lost its badge meanwhile. */
  private async enrich(facts: FactsView, enriched: Promise<EnrichReply>): Promise<boolean> {
    const reply = await enriched;
    if (!this.host.isConnected) return false; // navigated away, or new settings replaced the badge
    // Facts the engine refuses after the merge keep the page's own report, and the badge then
    // says the backend's part is missing: the report it shows has none of it.
    const merged = reply.ok && this.rescore(applyEnrichment(facts, reply.enrichment));
    this.view.partner = merged ? "ok" : "unavailable";
    this.paint();
    // A listed solution keeps its latest facts + report for the comparison page.
    if (this.scored) void refreshShortlistEntry(shortlistItem(this.scored.facts, this.scored.report, this.env.today));
    performance.mark(merged ? "mpcheck:enriched" : "mpcheck:enrich-failed"); // bench: warm-backend budget
    return true;
  }

  /** Last, with the final score: "since your last visit", then this visit becomes the snapshot. */
  private async recordVisit(): Promise<void> {
    const snapshot = this.scored && this.host.isConnected ? snapshotOf(this.scored.facts, this.scored.report, new Date()) : null;
    if (!snapshot) return;
    this.view.since = await reportVisit(snapshot);
    if (this.view.since?.changes.length && this.host.isConnected) this.paint();
  }

  private paint(): void {
    const { view, env } = this;
    renderBadge(this.host, view, { rules: env.rules, lang: env.lang, msg: env.msg, onCompare: () => this.toggleCompare() });
    publishState({ state: view.state, report: view.report, facts: this.scored?.facts ?? null, partner: view.partner, since: view.since });
  }

  private toggleCompare(): void {
    const scored = this.scored;
    if (!scored?.facts.code) return;
    void toggleCompare(scored.facts, scored.report, this.env.today).then((toggled) => {
      this.view.compare = toggled.result;
      this.view.listed = toggled.listed;
      this.paint();
    });
  }

  // Off the critical path: the first paint says "add"; a listed solution repaints as "remove".
  private showListed(codes: Set<string>): void {
    if (codes.has(this.code) === this.view.listed) return;
    this.view.listed = codes.has(this.code);
    if (this.host.isConnected) this.paint();
  }
}
