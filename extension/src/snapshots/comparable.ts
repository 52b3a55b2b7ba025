// Like with like (issue 10 point 7): before "since your last visit" compares two scores, the two
// visits' facts are made comparable and both are scored with TODAY's settings, rules and date, so
// the difference is what changed on the Marketplace, never what the buyer changed:
// - the buyer's own checks are today's on both sides (they are the buyer's, not the vendor's);
// - when the backend answered on one visit only, what it adds (partner rating, stored history) is
//   left out of both: its coming or going is the server's state, not a change by the vendor.
// The profile, the switched-off steps and a new rules version need nothing here: scoring both
// sides with today's settings and rules already takes them out of the difference. Pure.
import type { FactsView } from "../shared/contracts";
import { isObject } from "../shared/guards";

/** Fact paths the backend adds: the rules' evidence_sources prefixes whose source is "backend". */
export function backendPrefixes(scoring: unknown): string[] {
  const policy = isObject(scoring) && isObject(scoring.evidence_sources) ? scoring.evidence_sources : null;
  const prefixes = policy && Array.isArray(policy.prefixes) ? policy.prefixes : [];
  return prefixes
    .filter((p): p is { prefix: string; source: string } => isObject(p) && typeof p.prefix === "string" && p.source === "backend")
    .map((p) => p.prefix);
}

function backendAnswered(facts: FactsView): boolean {
  return isObject(facts.lookups) && facts.lookups.backend === "ok";
}

/** A copy with the value at a dotted path set to null (only where the path exists). */
function withNull(facts: FactsView, path: string): FactsView {
  const [head, ...rest] = path.split(".");
  if (head === undefined || !(head in facts)) return facts;
  if (rest.length === 0) return { ...facts, [head]: null };
  const inner = facts[head];
  if (!isObject(inner) || rest.length !== 1 || !((rest[0] as string) in inner)) return facts;
  return { ...facts, [head]: { ...inner, [rest[0] as string]: null } };
}

/** The facts as if the backend had not answered: its fields null, its cited facts gone, no lookups. */
export function withoutBackend(facts: FactsView, prefixes: readonly string[]): FactsView {
  let out: FactsView = { ...facts };
  delete out.lookups;
  for (const path of prefixes) out = withNull(out, path);
  const sources = isObject(out.sources) ? { ...out.sources } : null;
  if (sources) {
    for (const [fact, source] of Object.entries(sources)) {
      if (source !== "backend") continue;
      out = withNull(out, fact); // e.g. the changelog filled from the stored history
      delete sources[fact];
    }
    out.sources = sources;
  }
  return out;
}

/** [previous, current] facts ready to be scored with the same settings, rules and date. */
export function comparable(prev: FactsView, cur: FactsView, prefixes: readonly string[]): [FactsView, FactsView] {
  let then: FactsView = { ...prev };
  if (cur.buyer === undefined) delete then.buyer;
  else then.buyer = cur.buyer;
  let now = cur;
  if (backendAnswered(then) !== backendAnswered(now)) {
    then = withoutBackend(then, prefixes);
    now = withoutBackend(now, prefixes);
  }
  return [then, now];
}

/**
 * Many facts made comparable at once (the history chart): the newest one's buyer checks on all,
 * and the backend's additions left out of all unless the backend answered for every one of them.
 */
export function comparableSeries(list: readonly FactsView[], prefixes: readonly string[]): FactsView[] {
  const newest = list[list.length - 1];
  if (newest === undefined) return [];
  const mixed = list.some((f) => backendAnswered(f) !== backendAnswered(newest));
  return list.map((facts) => {
    let out: FactsView = { ...facts };
    if (newest.buyer === undefined) delete out.buyer;
    else out.buyer = newest.buyer;
    if (mixed) out = withoutBackend(out, prefixes);
    return out;
  });
}
