// What a catalog card's mini-badge says (SPEC §7; issue 11 point 1), pure. The card's report is
// the engine's, so the decisive signals and their thresholds are the rules' own: the demo step's
// bands (criteria/demo.json: 1–2 days pseudo_demo bad, under 14 short_demo warn, else real_demo
// good) and the price step's withdrawn key. With a score the badge shows it, its coverage and the
// age of the backend's stored read; without one, the decisive signal; without either, what is
// known and «откройте страницу для полной проверки» — never a bare «?».
import type { FactsView, Lang, Report, Status } from "../shared/contracts";
import type { StoredRead } from "../shared/messages";
import { coverageCounts, coverageText, statusText, type RulesTexts } from "./rules-text";
import type { Msg } from "./strings";

export type CardSignal = "withdrawn" | "pseudo_demo" | "short_demo" | "real_demo";

export interface CardVerdict {
  /** data-status: the headline's status when scored, else the decisive signal's, else unknown. */
  status: Status;
  score: number | null;
  signal: CardSignal | null;
  /** The first line after the score or verdict word: the trial's length, or how much is known. */
  note: string;
  /** The second line: why, or what to do. */
  reason: string;
  /** The accessible name: everything the badge knows, in one sentence. */
  label: string;
}

export interface VerdictDeps { rules: RulesTexts; lang: Lang; msg: Msg }

const DEMO_SIGNALS: ReadonlySet<string> = new Set(["pseudo_demo", "short_demo", "real_demo"]);
const SIGNAL_TEXT: Record<CardSignal, string> = {
  withdrawn: "cardWithdrawn", pseudo_demo: "cardPseudoDemo", short_demo: "cardShortDemo", real_demo: "cardRealDemo",
};

// The engine's criterion carries the key of the band it matched (report.schema.json); the shell's
// structural type leaves it out, so it is read here, checked.
function keyOf(report: Report, id: string): string | null {
  const found: unknown = report.criteria.find((c) => c.id === id);
  const key = typeof found === "object" && found !== null ? (found as { key?: unknown }).key : null;
  return typeof key === "string" ? key : null;
}

/** The decisive signal the rules gave this card, with the status of its band. */
export function cardSignal(report: Report): { signal: CardSignal; status: Status } | null {
  if (report.headline.key === "withdrawn" || keyOf(report, "price") === "withdrawn") return { signal: "withdrawn", status: "bad" };
  const demo = keyOf(report, "demo");
  const status = report.criteria.find((c) => c.id === "demo")?.status;
  if (demo && status && DEMO_SIGNALS.has(demo)) return { signal: demo as CardSignal, status };
  return null;
}

function demoDays(facts: FactsView): number | null {
  const demo: unknown = facts.demo;
  const days = typeof demo === "object" && demo !== null ? (demo as { days?: unknown }).days : null;
  return typeof days === "number" ? days : null;
}

export function ageText(seconds: number, msg: Msg): string {
  if (seconds < 60) return msg("ageNow");
  if (seconds < 3600) return msg("ageMinutes", { n: Math.floor(seconds / 60) });
  if (seconds < 86_400) return msg("ageHours", { n: Math.floor(seconds / 3600) });
  return msg("ageDays", { n: Math.floor(seconds / 86_400) });
}

export function cardVerdict(report: Report | null, facts: FactsView, stored: StoredRead | null, deps: VerdictDeps): CardVerdict {
  const { msg } = deps;
  const unknownWord = statusText(deps.rules, "unknown", deps.lang);
  if (!report) {
    const reason = msg("cardOpenPage");
    return { status: "unknown", score: null, signal: null, note: "", reason, label: msg("miniVerdict", { verdict: unknownWord, reason }) };
  }
  const found = cardSignal(report);
  const days = demoDays(facts);
  const demoNote = found && found.signal !== "withdrawn" && days !== null ? msg("cardDemoDays", { days }) : null;
  const signalText = found ? msg(SIGNAL_TEXT[found.signal]) : null;
  const age = stored?.age_seconds != null ? ageText(stored.age_seconds, msg) : null;
  const known = msg("cardKnown", coverageCounts(report));
  const score = report.score === null ? null : Math.round(report.score);
  const signal = found?.signal ?? null;
  if (score !== null) {
    const coverage = coverageText(deps.rules, report, deps.lang);
    const reason = [signalText, age].filter(Boolean).join(" · ");
    const said = [demoNote, signalText].filter(Boolean).join(" · ");
    const label = [msg("miniLabel", { score, coverage }), age ? msg("cardStoredAge", { age }) : null, said || null].filter(Boolean).join(". ");
    return { status: report.headline.status, score, signal, note: demoNote ?? known, reason, label };
  }
  const status = found?.status ?? "unknown";
  // A decisive signal without a score still says how old the stored read behind it is (a
  // withdrawn solution is known only from that read, never from the card).
  const reason = signalText ? [signalText, age].filter(Boolean).join(" · ") : msg("cardOpenPage");
  const detail = [demoNote, signalText, age ? msg("cardStoredAge", { age }) : null, known, msg("cardOpenPage")].filter(Boolean).join(" · ");
  return { status, score: null, signal, note: demoNote ?? known, reason, label: msg("miniVerdict", { verdict: statusText(deps.rules, status, deps.lang), reason: detail }) };
}

/** Sort order «по оценке»: good before warn before unknown before bad, then the higher score. */
const RANK: Record<Status, number> = { good: 0, warn: 1, unknown: 2, not_applicable: 2, bad: 3 };

export function verdictOrder(a: CardVerdict, b: CardVerdict): number {
  return RANK[a.status] - RANK[b.status] || (b.score ?? -1) - (a.score ?? -1);
}
