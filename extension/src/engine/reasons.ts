// Why a signal is unknown (SPEC §4 `unknown_reason`), decided by the policy in scoring.json.
// Mirror of backend/mpcheck/engine/reasons.py. The signal's missing facts (all of them when none is
// missing) name where they would come from (scoring.json evidence_sources): all from the buyer ->
// "you"; any from the backend -> "backend"; else "page". The class gives the reason (by_source); the first override whose fact holds `eq`
// replaces it, e.g. page facts of a page whose markup changed.
import { sameScalar } from "./bands";
import { getPath } from "./factsAccess";
import type { EvidenceSource, Scoring, Signal, UnknownReason } from "./types";

function prefixSource(path: string, policy: Scoring["evidence_sources"]): EvidenceSource {
  for (const rule of policy.prefixes) if (path.startsWith(rule.prefix)) return rule.source;
  return policy.default;
}

/** page | backend | you for a signal's fact paths (the prefix policy: a missing fact has no source of its own). */
export function sourceClass(paths: readonly string[], policy: Scoring["evidence_sources"]): EvidenceSource {
  const sources = paths.map((path) => prefixSource(path, policy));
  if (sources.every((source) => source === "you")) return "you";
  return sources.includes("backend") ? "backend" : "page";
}

/** The reason an unknown signal gives for itself. */
export function unknownReason(signal: Signal, facts: unknown, scoring: Scoring): UnknownReason {
  const policy = scoring.unknown_reasons;
  const missing = signal.facts.filter((path) => getPath(facts, path) === null);
  const source = sourceClass(missing.length > 0 ? missing : signal.facts, scoring.evidence_sources);
  for (const override of policy.overrides) {
    if (override.source === source && sameScalar(getPath(facts, override.fact), override.eq)) return override.reason;
  }
  return policy.by_source[source];
}
