// Why a signal is unknown (SPEC §4 `unknown_reason`), decided by the policy in scoring.json.
// Mirror of backend/mpcheck/engine/reasons.py. The signal's missing facts (all of them when none is
// missing) name where they would come from (scoring.json evidence_sources): all from the buyer ->
// "you"; any from the backend -> "backend"; else "page". The class gives the reason (by_source); the first override whose fact holds `eq`
// replaces it, e.g. page facts of a page whose markup changed.
import { sameScalar } from "./bands";
import { getPath } from "./factsAccess";
import type { EvidenceSource, Scoring, Signal, UnknownReason } from "./types";

type SourcePolicy = Scoring["evidence_sources"];

// A path's source under a policy never changes, and the paths are the rules' few dozen: each is
// looked up once per policy (per rules bundle) instead of on every unknown signal of every call.
const BY_PREFIX = new WeakMap<SourcePolicy, Map<string, EvidenceSource>>();

/** The source the prefix policy gives a path (the first matching prefix, else the default). */
export function prefixSource(path: string, policy: SourcePolicy): EvidenceSource {
  let known = BY_PREFIX.get(policy);
  if (known === undefined) {
    known = new Map();
    BY_PREFIX.set(policy, known);
  }
  let source = known.get(path);
  if (source === undefined) {
    source = policy.default;
    for (const rule of policy.prefixes) {
      if (path.startsWith(rule.prefix)) {
        source = rule.source;
        break;
      }
    }
    known.set(path, source);
  }
  return source;
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
  for (let i = 0; i < paths.length; i += 1) { // indexed: see factsAccess.ts
    const path = paths[i] as string;
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
  for (let i = 0; i < policy.overrides.length; i += 1) {
    const override = policy.overrides[i] as (typeof policy.overrides)[number];
    if (override.source === source && sameScalar(getPath(facts, override.fact), override.eq)) return override.reason;
  }
  return policy.by_source[source];
}
