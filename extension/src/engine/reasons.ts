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

/**
 * page | backend | you over `paths`, or over only those missing from `facts` when facts are given;
 * null when no path counts. One loop, no lists: a sparse card leaves most signals unknown, so this
 * runs for most of them on every call.
 */
function classOf(paths: readonly string[], policy: Scoring["evidence_sources"], facts: unknown, onlyMissing: boolean): EvidenceSource | null {
  let counted = 0;
  let allYou = true;
  let anyBackend = false;
  for (const path of paths) {
    if (onlyMissing && getPath(facts, path) !== null) continue;
    counted += 1;
    const source = prefixSource(path, policy);
    if (source !== "you") allYou = false;
    if (source === "backend") anyBackend = true;
  }
  if (counted === 0 && onlyMissing) return null;
  if (allYou) return "you";
  return anyBackend ? "backend" : "page";
}

/** page | backend | you for a signal's fact paths (the prefix policy: a missing fact has no source of its own). */
export function sourceClass(paths: readonly string[], policy: Scoring["evidence_sources"]): EvidenceSource {
  return classOf(paths, policy, null, false) as EvidenceSource;
}

/** The reason an unknown signal gives for itself. */
export function unknownReason(signal: Signal, facts: unknown, scoring: Scoring): UnknownReason {
  const policy = scoring.unknown_reasons;
  const sources = scoring.evidence_sources;
  // The missing facts' class; all of the signal's facts when none is missing.
  const source = classOf(signal.facts, sources, facts, true) ?? sourceClass(signal.facts, sources);
  for (const override of policy.overrides) {
    if (override.source === source && sameScalar(getPath(facts, override.fact), override.eq)) return override.reason;
  }
  return policy.by_source[source];
}
