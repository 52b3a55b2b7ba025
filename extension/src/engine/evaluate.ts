// Evaluate: one criterion's signals over the facts -> findings -> the criterion's status.
// Port of backend/mpcheck/engine/evaluate.py. A signal answers one question with a metric value and
// the first matching band. The criterion's fraction is the weighted mean of its known signals; a
// vetoing band (e.g. e-mail-only support) caps it. Unknown signals leave the mean; a criterion with
// no known signal is `unknown`.
import { firstMatching, matches } from "./bands";
import { getPath, isObject, own } from "./factsAccess";
import { metric } from "./metrics";
import { maxBy, minBy, sum, truthy } from "./python";
import type { EvidenceSource, Outcome, Scalar, Scoring, Signal, Status } from "./types";

export const KNOWN: readonly Outcome[] = ["good", "warn", "bad"];

export function isKnown(outcome: string): boolean {
  return (KNOWN as readonly string[]).includes(outcome);
}

/** Everything evaluate_signal records; report.ts publishes a subset. */
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
}

/** Where a fact came from: the facts' own `sources` map, else the path prefix policy. */
export function evidenceSource(facts: unknown, path: string, policy: Scoring["evidence_sources"]): EvidenceSource {
  const ownSources = isObject(facts) ? own(facts, "sources") : undefined;
  if (isObject(ownSources)) {
    const source = own(ownSources, path);
    // Python passes any string through; the schema limits it to the EvidenceSource names.
    if (typeof source === "string") return source as EvidenceSource;
  }
  for (const rule of policy.prefixes) {
    if (path.startsWith(rule.prefix)) return rule.source;
  }
  return policy.default;
}

/** One finding: value, outcome, band key, fraction, weight and the evidence fact. */
export function evaluateSignal(
  signal: Signal, facts: unknown, today: number, profile: string, scoring: Scoring,
): Finding {
  const value = metric(signal.metric)(facts, signal.args, today);
  const byProfile: Readonly<Record<string, number>> = signal.weights_by_profile ?? {};
  const weight = Object.hasOwn(byProfile, profile) ? (byProfile[profile] as number) : signal.weight;
  const [firstFact] = signal.facts;
  if (firstFact === undefined) throw new Error(`signal ${signal.id} names no facts`); // Python: IndexError
  let fact = signal.facts.find((path) => getPath(facts, path) !== null) ?? firstFact;
  let shown: unknown = value;
  if (signal.display !== undefined) {
    // e.g. show the rating place, not the zone it falls in
    fact = signal.display;
    shown = getPath(facts, signal.display);
  }
  const finding: Finding = {
    signal: signal.id, outcome: "unknown", key: null, value, shown, weight,
    fraction: null, veto: false, excused: false, fact, format: signal.format ?? "plain",
  };
  if (value === null) return finding;
  const excuse = signal.not_applicable_when;
  if (truthy(excuse) && excuse !== undefined) {
    const excuseValue = metric(excuse.metric)(facts, excuse.args, today);
    if (excuseValue !== null && matches(excuse.when, excuseValue, profile)) {
      return { ...finding, outcome: "not_applicable", key: excuse.key, excused: true };
    }
  }
  const band = firstMatching(signal.bands, value, profile);
  if (band === null) return finding;
  const outcome = band.outcome;
  // band.get("fraction", outcome_fraction.get(outcome)): an explicit fraction wins, even null.
  const fraction = Object.hasOwn(band, "fraction")
    ? (band.fraction ?? null)
    : Object.hasOwn(scoring.outcome_fraction, outcome) ? (scoring.outcome_fraction[outcome] ?? null) : null;
  return { ...finding, outcome, key: band.key, fraction, veto: truthy(band.veto) };
}

function statusFor(fraction: number, scoring: Scoring): Status {
  for (const band of scoring.criterion_status_bands) {
    if (fraction >= band.min) return band.status;
  }
  return "bad";
}

function knownFraction(finding: Finding): number {
  // A known outcome always has a fraction (scoring.outcome_fraction covers good/warn/bad);
  // Python would raise a TypeError on None, so does this.
  if (finding.fraction === null) throw new TypeError(`finding ${finding.signal} has no fraction`);
  return finding.fraction;
}

export interface Combined { status: Status; fraction: number | null; deciding: Finding | null }

/** Criterion status, fraction (null if not known) and the deciding finding. */
export function combine(findings: readonly Finding[], scoring: Scoring): Combined {
  const known = findings.filter((f) => isKnown(f.outcome) && f.weight > 0);
  if (known.length === 0) {
    const excused = findings.find((f) => f.excused);
    if (excused !== undefined) return { status: "not_applicable", fraction: null, deciding: excused };
    if (findings.some((f) => f.outcome === "unknown")) return { status: "unknown", fraction: null, deciding: null };
    return { status: "not_applicable", fraction: null, deciding: findings.find((f) => truthy(f.key)) ?? null };
  }
  const totalWeight = sum(known, (f) => f.weight);
  const fraction = sum(known, (f) => f.weight * knownFraction(f)) / totalWeight;
  const vetoes = known.filter((f) => f.veto);
  const [firstVeto] = vetoes;
  if (firstVeto !== undefined) {
    // Python's min(fraction, cap) returns the first argument when they are equal.
    const capped = scoring.veto_cap < fraction ? scoring.veto_cap : fraction;
    return { status: "bad", fraction: capped, deciding: firstVeto };
  }
  const status = statusFor(fraction, scoring);
  // A good criterion speaks with its best signal, a weak one with its worst; min/max keep the
  // first of equals, so the order of signals in the rule file breaks ties.
  const deciding = status === "good" ? maxBy(known, knownFraction) : minBy(known, knownFraction);
  return { status, fraction, deciding };
}
