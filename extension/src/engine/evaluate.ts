// Evaluate: one criterion's signals over the facts -> findings -> the criterion's status.
// Mirror of backend/mpcheck/engine/evaluate.py. A signal answers one question with a metric value
// and the first matching band. The criterion's fraction is the weighted mean of its known signals;
// a vetoing band (e.g. e-mail-only support) caps it. Unknown signals leave the mean and lower the
// criterion's known share (SPEC §4 known_weight); a criterion with no known signal is `unknown`.
import { firstMatching, matches } from "./bands";
import { getPath, isObject, own } from "./factsAccess";
import { leftSum } from "./formatting";
import { metric } from "./metrics";
import { unknownReason } from "./reasons";
import type { EvidenceSource, Outcome, Scalar, Scoring, Signal, Status, UnknownReason } from "./types";

export const KNOWN: readonly Outcome[] = ["good", "warn", "bad"];

export function isKnown(outcome: string): boolean {
  return (KNOWN as readonly string[]).includes(outcome);
}

/** Everything evaluateSignal records; criterion.ts publishes a subset. */
export interface Finding {
  signal: string;
  outcome: Outcome;
  key: string | null;
  value: Scalar | null;
  shown: unknown;
  weight: number;
  fraction: number | null;
  veto: boolean;
  excused: boolean;
  fact: string;
  format: string;
  unknown_reason: UnknownReason | null;
}

/** A known finding: its fraction is always a number (scoring.outcome_fraction covers good/warn/bad). */
type KnownFinding = Finding & { fraction: number };

/** Where a fact came from: the facts' own `sources` map, else the path prefix policy. */
export function evidenceSource(facts: unknown, path: string, policy: Scoring["evidence_sources"]): EvidenceSource {
  const ownSources = isObject(facts) ? own(facts, "sources") : undefined;
  if (isObject(ownSources)) {
    const source = own(ownSources, path);
    if (typeof source === "string") return source as EvidenceSource; // the schema limits it to the three names
  }
  for (const rule of policy.prefixes) {
    if (path.startsWith(rule.prefix)) return rule.source;
  }
  return policy.default;
}

/**
 * One finding: value, outcome, band key, fraction, weight, the evidence fact and, when the value
 * is unknown, why. An excuse (not_applicable_when) is checked first: a free solution needs no
 * trial whether or not the page says anything about one.
 */
export function evaluateSignal(
  signal: Signal, facts: unknown, today: number, profile: string, scoring: Scoring,
): Finding {
  const value = metric(signal.metric)(facts, signal.args, today);
  const byProfile: Readonly<Record<string, number>> = signal.weights_by_profile ?? {};
  const weight = Object.hasOwn(byProfile, profile) ? (byProfile[profile] as number) : signal.weight;
  const [firstFact] = signal.facts;
  if (firstFact === undefined) throw new Error(`signal ${signal.id} names no facts`);
  let fact = signal.facts.find((path) => getPath(facts, path) !== null) ?? firstFact;
  let shown: unknown = value;
  if (signal.display !== undefined) {
    // e.g. show the rating place, not the zone it falls in
    fact = signal.display;
    shown = getPath(facts, signal.display);
  }
  const finding: Finding = {
    signal: signal.id, outcome: "unknown", key: null, value, shown, weight, fraction: null, veto: false,
    excused: false, fact, format: signal.format ?? "plain", unknown_reason: null,
  };
  const excuse = signal.not_applicable_when;
  if (excuse !== undefined) {
    const excuseValue = metric(excuse.metric)(facts, excuse.args, today);
    if (excuseValue !== null && matches(excuse.when, excuseValue, profile)) {
      return { ...finding, outcome: "not_applicable", key: excuse.key, excused: true };
    }
  }
  const band = value === null ? null : firstMatching(signal.bands, value, profile);
  // Every rule ends in a default band, so only an unknown value gets here.
  if (band === null) return { ...finding, unknown_reason: unknownReason(signal, facts, scoring) };
  const outcome = band.outcome;
  // An explicit band fraction wins; else the outcome's (good/warn/bad have one, n/a has none).
  const fallback = Object.hasOwn(scoring.outcome_fraction, outcome) ? (scoring.outcome_fraction[outcome] ?? null) : null;
  const fraction = band.fraction ?? fallback;
  return { ...finding, outcome, key: band.key, fraction, veto: band.veto === true };
}

function statusFor(fraction: number, scoring: Scoring): Status {
  for (const band of scoring.criterion_status_bands) {
    if (fraction >= band.min) return band.status;
  }
  return "bad";
}

/** The finding with the greatest fraction; the first of equals (rule-file order breaks ties). */
export function firstMax(findings: readonly KnownFinding[]): KnownFinding {
  let best = findings[0] as KnownFinding;
  for (const finding of findings.slice(1)) if (finding.fraction > best.fraction) best = finding;
  return best;
}

/** The finding with the smallest fraction; the first of equals. */
export function firstMin(findings: readonly KnownFinding[]): KnownFinding {
  let worst = findings[0] as KnownFinding;
  for (const finding of findings.slice(1)) if (finding.fraction < worst.fraction) worst = finding;
  return worst;
}

export interface Combined {
  status: Status;
  fraction: number | null;
  /** Known share of the signal weight (null when no signal applies). */
  share: number | null;
  deciding: Finding | null;
  /** (worst, best) when a warn criterion has a bad signal. */
  mixed: [Finding, Finding] | null;
  signals: { known: number; total: number };
}

function isKnownFinding(f: Finding): f is KnownFinding {
  return isKnown(f.outcome) && f.weight > 0 && f.fraction !== null;
}

/**
 * Status, fraction over the known signals, known share of the signal weight, and the findings the
 * message speaks with: `deciding`, or `mixed` (worst, best) when a warn criterion has a bad signal,
 * so a bad signal's message never stands alone next to a warn status.
 */
export function combine(findings: readonly Finding[], scoring: Scoring, informational = false): Combined {
  const known = findings.filter(isKnownFinding);
  const unknown = findings.filter((f) => f.outcome === "unknown" && f.weight > 0);
  const signals = { known: known.length, total: known.length + unknown.length };
  const out: Combined = { status: "unknown", fraction: null, share: null, deciding: null, mixed: null, signals };
  if (known.length === 0) {
    // An excuse (a free solution's demo) makes the step not applicable, and so does any fact an
    // informational step (the price) shows; otherwise an unknown signal makes it unknown.
    const excused = findings.find((f) => f.excused);
    const shown = informational ? findings.find((f) => f.outcome === "not_applicable" && f.key !== null && f.key !== "") : undefined;
    if (excused !== undefined || shown !== undefined) {
      return { ...out, status: "not_applicable", deciding: excused ?? shown ?? null };
    }
    if (unknown.length > 0) return { ...out, share: 0 };
    const keyed = findings.find((f) => f.key !== null && f.key !== "");
    return { ...out, status: "not_applicable", deciding: keyed ?? null };
  }
  const knownWeight = leftSum(known, (f) => f.weight);
  const fraction = leftSum(known, (f) => f.weight * f.fraction) / knownWeight;
  const share = knownWeight / (knownWeight + leftSum(unknown, (f) => f.weight));
  const veto = known.find((f) => f.veto);
  if (veto !== undefined) {
    return { ...out, status: "bad", fraction: Math.min(fraction, scoring.veto_cap), share, deciding: veto };
  }
  const status = statusFor(fraction, scoring);
  const result: Combined = { ...out, status, fraction, share };
  if (status === "good") return { ...result, deciding: firstMax(known) };
  if (status === "bad") return { ...result, deciding: firstMin(known) };
  if (known.some((f) => f.outcome === "bad")) return { ...result, mixed: [firstMin(known), firstMax(known)] };
  return { ...result, deciding: firstMin(known) };
}
