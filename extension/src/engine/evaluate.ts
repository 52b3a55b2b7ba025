// Evaluate: one criterion's signals over the facts -> findings -> the criterion's status.
// Mirror of backend/mpcheck/engine/evaluate.py. A signal answers one question with a metric value
// and the first matching band. The criterion's fraction is the weighted mean of its known signals;
// a vetoing band (e.g. e-mail-only support) caps it. Unknown signals leave the mean and lower the
// criterion's known share (SPEC §4 known_weight); a criterion with no known signal is `unknown`.
import { firstMatching, matches } from "./bands";
import { getPath, isObject, own } from "./factsAccess";
import { metric } from "./metrics";
import { prefixSource, unknownReason } from "./reasons";
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
  return prefixSource(path, policy);
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
  const byProfile: Readonly<Record<string, number>> | undefined = signal.weights_by_profile;
  const weight = byProfile !== undefined && Object.hasOwn(byProfile, profile) ? (byProfile[profile] as number) : signal.weight;
  const firstFact = signal.facts[0];
  if (firstFact === undefined) throw new Error(`signal ${signal.id} names no facts`);
  let fact = firstFact;
  for (let i = 0; i < signal.facts.length; i += 1) {
    const path = signal.facts[i] as string;
    if (getPath(facts, path) !== null) {
      fact = path;
      break;
    }
  }
  let shown: unknown = value;
  if (signal.display !== undefined) {
    // e.g. show the rating place, not the zone it falls in
    fact = signal.display;
    shown = getPath(facts, signal.display);
  }
  const format = signal.format ?? "plain";
  // Each outcome builds its finding once (no spread of a draft): the engine runs 50 times a catalog pass.
  const excuse = signal.not_applicable_when;
  if (excuse !== undefined) {
    const excuseValue = metric(excuse.metric)(facts, excuse.args, today);
    if (excuseValue !== null && matches(excuse.when, excuseValue, profile)) {
      return {
        signal: signal.id, outcome: "not_applicable", key: excuse.key, value, shown, weight, fraction: null, veto: false,
        excused: true, fact, format, unknown_reason: null,
      };
    }
  }
  const band = value === null ? null : firstMatching(signal.bands, value, profile);
  // Every rule ends in a default band, so only an unknown value gets here.
  if (band === null) {
    return {
      signal: signal.id, outcome: "unknown", key: null, value, shown, weight, fraction: null, veto: false,
      excused: false, fact, format, unknown_reason: unknownReason(signal, facts, scoring),
    };
  }
  const outcome = band.outcome;
  // An explicit band fraction wins; else the outcome's (good/warn/bad have one, n/a has none).
  const fallback = Object.hasOwn(scoring.outcome_fraction, outcome) ? (scoring.outcome_fraction[outcome] ?? null) : null;
  const fraction = band.fraction ?? fallback;
  return {
    signal: signal.id, outcome, key: band.key, value, shown, weight, fraction, veto: band.veto === true,
    excused: false, fact, format, unknown_reason: null,
  };
}

function statusFor(fraction: number, scoring: Scoring): Status {
  const bands = scoring.criterion_status_bands;
  for (let i = 0; i < bands.length; i += 1) {
    const band = bands[i] as (typeof bands)[number];
    if (fraction >= band.min) return band.status;
  }
  return "bad";
}

/** The finding with the greatest fraction; the first of equals (rule-file order breaks ties). */
export function firstMax(findings: readonly KnownFinding[]): KnownFinding {
  let best = findings[0] as KnownFinding;
  for (let i = 1; i < findings.length; i += 1) {
    const finding = findings[i] as KnownFinding;
    if (finding.fraction > best.fraction) best = finding;
  }
  return best;
}

/** The finding with the smallest fraction; the first of equals. */
export function firstMin(findings: readonly KnownFinding[]): KnownFinding {
  let worst = findings[0] as KnownFinding;
  for (let i = 1; i < findings.length; i += 1) {
    const finding = findings[i] as KnownFinding;
    if (finding.fraction < worst.fraction) worst = finding;
  }
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
  // One pass, no filtered copies; each sum still runs left to right over its findings (same floats).
  const known: KnownFinding[] = [];
  let unknownCount = 0;
  let unknownWeight = 0;
  let knownWeight = 0;
  let weighted = 0;
  for (let i = 0; i < findings.length; i += 1) {
    const f = findings[i] as Finding;
    if (isKnownFinding(f)) {
      known.push(f);
      knownWeight += f.weight;
      weighted += f.weight * f.fraction;
    } else if (f.outcome === "unknown" && f.weight > 0) {
      unknownCount += 1;
      unknownWeight += f.weight;
    }
  }
  const signals = { known: known.length, total: known.length + unknownCount };
  if (known.length === 0) {
    // An excuse (a free solution's demo) makes the step not applicable, and so does any fact an
    // informational step (the price) shows; otherwise an unknown signal makes it unknown.
    const excused = findings.find((f) => f.excused);
    const shown = informational ? findings.find((f) => f.outcome === "not_applicable" && f.key !== null && f.key !== "") : undefined;
    if (excused !== undefined || shown !== undefined) {
      return combined("not_applicable", null, null, excused ?? shown ?? null, null, signals);
    }
    if (unknownCount > 0) return combined("unknown", null, 0, null, null, signals);
    const keyed = findings.find((f) => f.key !== null && f.key !== "");
    return combined("not_applicable", null, null, keyed ?? null, null, signals);
  }
  const fraction = weighted / knownWeight;
  const share = knownWeight / (knownWeight + unknownWeight);
  const veto = known.find((f) => f.veto);
  if (veto !== undefined) return combined("bad", Math.min(fraction, scoring.veto_cap), share, veto, null, signals);
  const status = statusFor(fraction, scoring);
  if (status === "good") return combined(status, fraction, share, firstMax(known), null, signals);
  if (status === "bad") return combined(status, fraction, share, firstMin(known), null, signals);
  if (known.some((f) => f.outcome === "bad")) {
    return combined(status, fraction, share, null, [firstMin(known), firstMax(known)], signals);
  }
  return combined(status, fraction, share, firstMin(known), null, signals);
}

function combined(
  status: Status, fraction: number | null, share: number | null, deciding: Finding | null,
  mixed: [Finding, Finding] | null, signals: Combined["signals"],
): Combined {
  return { status, fraction, share, deciding, mixed, signals };
}
