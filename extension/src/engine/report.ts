// Score: the nine criteria -> the mpcheck.report/1 document (SPEC §4). Mirror of
// backend/mpcheck/engine/report.py; the object has the same keys in the same order.
// Facts are checked against facts.schema.json at the door. Coverage is the known share of the
// checklist weight (criteria not applicable leave it); the score is the points of the known part
// over its weight, so unknown signals are neither earned nor lost. Below the rules' minimum
// coverage there is no score. Price has weight 0; a bonus criterion counts only when it is good.
import { disabledCriterion, entry, evaluateCriterion } from "./criterion";
import { isKnown } from "./evaluate";
import { isObject, own, parseIsoDate } from "./factsAccess";
import { validateFacts } from "./factsSchema";
import { leftSum, roundHalfUp } from "./formatting";
import { headline } from "./headline";
import type { BuildOptions, CriterionId, CriterionReport, Facts, ProfileChoice, Report, RulesBundle, Scoring } from "./types";

/**
 * {id, chosen_by}: the buyer's explicit profile ("user"), else the solution kind ("kind": site ->
 * site, module -> module), else the rules' fallback ("default").
 */
export function resolveProfile(
  facts: unknown, profile: string | null | undefined, scoring: Scoring,
): { id: string; chosen_by: ProfileChoice } {
  const profiles = scoring.profiles;
  if (typeof profile === "string" && profiles.names.includes(profile)) return { id: profile, chosen_by: "user" };
  const kind = isObject(facts) ? own(facts, "kind") : undefined;
  if (typeof kind === "string" && Object.hasOwn(profiles.by_kind, kind)) {
    return { id: profiles.by_kind[kind] as string, chosen_by: "kind" };
  }
  return { id: profiles.fallback, chosen_by: "default" };
}

/** Known weight over the weight of every criterion that applies (0 when none weighs anything). */
function coverageOf(criteria: readonly CriterionReport[]): number {
  const applies = criteria.filter((c) => c.status !== "not_applicable" && c.weight > 0);
  const total = leftSum(applies, (c) => c.weight);
  return total === 0 ? 0 : leftSum(applies, (c) => c.known_weight ?? 0) / total;
}

function scoreOf(criteria: readonly CriterionReport[], coverage: number, scoring: Scoring): number | null {
  if (coverage < scoring.min_coverage.value) return null;
  const counted = criteria.filter((c) => isKnown(c.status) && c.weight > 0 && (!c.bonus || c.status === "good"));
  const weight = leftSum(counted, (c) => c.known_weight ?? 0);
  if (weight === 0) return null;
  // A known criterion always has a fraction and a known weight.
  return roundHalfUp((100 * leftSum(counted, (c) => (c.fraction ?? 0) * (c.known_weight ?? 0))) / weight);
}

/**
 * facts + rules -> mpcheck.report/1. `today` (YYYY-MM-DD) is an input so results are reproducible.
 * Throws FactsError (naming the field) for facts outside facts.schema.json.
 */
export function buildReport(facts: Facts, rules: RulesBundle, options: BuildOptions): Report {
  const todayDay = parseIsoDate(options.today);
  if (todayDay === null) throw new Error(`today must be a real YYYY-MM-DD date, got ${JSON.stringify(options.today)}`);
  const root: unknown = facts;
  validateFacts(root);
  const scoring = rules.scoring;
  const chosen = resolveProfile(root, options.profile, scoring);
  const off = new Set(options.disabled ?? []);
  // Loops, not map/filter: see criterion.ts publicFindings (the catalog's calls run unoptimised).
  const criteria: CriterionReport[] = [];
  let counted = 0;
  let known = 0;
  for (let i = 0; i < scoring.criteria_order.length; i += 1) {
    const cid = scoring.criteria_order[i] as CriterionId;
    const rule = entry(rules.criteria, cid, "criteria");
    const criterion = off.has(cid) ? disabledCriterion(rule, scoring) : evaluateCriterion(rule, root, todayDay, chosen.id, scoring);
    criteria.push(criterion);
    if (criterion.status !== "not_applicable") counted += 1;
    if (isKnown(criterion.status)) known += 1; // a known status is never not_applicable
  }
  const coverage = coverageOf(criteria);
  const value = scoreOf(criteria, coverage, scoring);
  return {
    schema: "mpcheck.report/1",
    rules_version: rules.version,
    code: facts.code ?? null,
    name: facts.name ?? null,
    profile: chosen,
    profile_label: entry(scoring.profiles.labels, chosen.id, "profiles.labels"),
    today: options.today,
    score: value,
    coverage: roundHalfUp(coverage * 100) / 100,
    coverage_known: known,
    coverage_total: counted,
    headline: headline(criteria, root, value, scoring),
    criteria,
  };
}
