// Score: findings of all nine criteria -> the mpcheck.report/1 document. Port of
// backend/mpcheck/engine/report.py; the object has the same keys in the same order.
// Unknown criteria leave the denominator (coverage shows how much is known); below the rules'
// minimum coverage there is no score. Price has weight 0 and never lowers the score; a bonus
// criterion (account manager) counts only when it is good.
import { combine, evaluateSignal, evidenceSource, isKnown, type Finding } from "./evaluate";
import { isObject, own, parseIsoDate } from "./factsAccess";
import { fill, formatValue, roundHalfUp } from "./formatting";
import { sum, truthy } from "./python";
import type {
  BuildOptions, CriterionReport, CriterionRule, Facts, Headline, Json, Lang, PublicFinding, Report,
  RulesBundle, Scoring, Text,
} from "./types";

const LANGS: readonly Lang[] = ["ru", "en"];

/** An explicit profile wins; otherwise the solution kind decides (module / site). */
export function resolveProfile(facts: unknown, profile: string | null | undefined, scoring: Scoring): string {
  const profiles = scoring.profiles;
  if (typeof profile === "string" && profiles.names.includes(profile)) return profile;
  const kind = isObject(facts) ? own(facts, "kind") : undefined;
  // by_kind.get(kind, fallback): only a string can equal a JSON object key.
  if (typeof kind === "string" && Object.hasOwn(profiles.by_kind, kind)) return profiles.by_kind[kind] as string;
  return profiles.fallback;
}

/** rule["messages"][key] etc.: a missing entry fails as Python's KeyError does. */
function entry<T>(table: Readonly<Record<string, T>>, key: string, what: string): T {
  if (!Object.hasOwn(table, key)) throw new Error(`${what}: no entry ${JSON.stringify(key)}`);
  return table[key] as T;
}

function message(rule: CriterionRule, scoring: Scoring, deciding: Finding | null): Text {
  if (deciding === null || deciding.key === null) return { ...scoring.texts.unknown };
  const template = entry(rule.messages, deciding.key, `${rule.id}.messages`);
  const [ru, en] = LANGS.map((lang) => fill(template[lang], formatValue(deciding.shown, deciding.format, lang)));
  return { ru: ru as string, en: en as string };
}

function publicFinding(f: Finding): PublicFinding {
  return { signal: f.signal, outcome: f.outcome, key: f.key, value: f.value, weight: f.weight };
}

/** One criterion of the report, with its findings, evidence and texts. */
export function evaluateCriterion(
  rule: CriterionRule, facts: unknown, today: number, profile: string, scoring: Scoring,
): CriterionReport {
  const findings = rule.signals.map((s) => evaluateSignal(s, facts, today, profile, scoring));
  const { status, fraction, deciding } = combine(findings, scoring);
  const maxPoints = entry(rule.weights as unknown as Record<string, number>, profile, `${rule.id}.weights`);
  const evidence = findings
    .filter((f) => f.value !== null)
    .map((f) => ({
      fact: f.fact,
      value: (f.shown ?? null) as Json, // read from JSON facts, so it is JSON
      source: evidenceSource(facts, f.fact, scoring.evidence_sources),
      signal: f.signal,
    }));
  return {
    id: rule.id,
    step: rule.step,
    title: rule.title,
    status,
    key: deciding === null ? null : deciding.key,
    points: fraction === null ? null : roundHalfUp(fraction * maxPoints),
    max_points: maxPoints,
    fraction,
    bonus: truthy(rule.bonus),
    evidence,
    findings: findings.map(publicFinding),
    message: message(rule, scoring, deciding),
    check_yourself: rule.check_yourself,
    page_anchor: rule.page_anchor ?? null,
  };
}

function disabledCriterion(rule: CriterionRule, scoring: Scoring): CriterionReport {
  return {
    id: rule.id, step: rule.step, title: rule.title, status: "not_applicable", key: "disabled",
    points: null, max_points: 0, fraction: null, bonus: truthy(rule.bonus), evidence: [], findings: [],
    message: { ...scoring.texts.disabled }, check_yourself: rule.check_yourself, page_anchor: rule.page_anchor ?? null,
  };
}

function score(criteria: readonly CriterionReport[], coverage: number, scoring: Scoring): number | null {
  if (coverage < scoring.min_coverage.value) return null;
  const counted = criteria.filter(
    (c) => isKnown(c.status) && c.max_points > 0 && (!c.bonus || c.status === "good"),
  );
  const weight = sum(counted, (c) => c.max_points);
  if (weight === 0) return null;
  // (100 * sum) / weight, the Python evaluation order; a known criterion always has a fraction.
  return roundHalfUp((100 * sum(counted, (c) => (c.fraction as number) * c.max_points)) / weight);
}

function headline(criteria: readonly CriterionReport[], value: number | null, scoring: Scoring): Headline {
  const policy = scoring.headline;
  let { status, key } = policy.no_score;
  if (value !== null) {
    const band = policy.score_bands.find((b) => value >= b.min);
    if (band === undefined) throw new Error(`no headline band for score ${value}`); // Python: StopIteration
    ({ status, key } = band);
  }
  // {c["id"]: c}: the last criterion with an id wins, as in a Python dict comprehension.
  const byId = new Map(criteria.map((c) => [c.id as string, c]));
  for (const rule of policy.rules) {
    const criterion = byId.get(rule.criterion);
    if (criterion !== undefined && isKnown(criterion.status) && rule.keys.includes(criterion.key as string)) {
      key = rule.key;
      break;
    }
  }
  return { status, key, message: { ...entry(policy.messages, key, "headline.messages") } };
}

/** facts + rules -> mpcheck.report/1. `today` (YYYY-MM-DD) is an input so results are reproducible. */
export function buildReport(facts: Facts, rules: RulesBundle, options: BuildOptions): Report {
  const todayDay = parseIsoDate(options.today);
  if (todayDay === null) throw new Error(`today must be a real YYYY-MM-DD date, got ${JSON.stringify(options.today)}`);
  const root: unknown = facts;
  const scoring = rules.scoring;
  const chosen = resolveProfile(root, options.profile, scoring);
  const off = new Set(options.disabled ?? []);
  const criteria = scoring.criteria_order.map((cid) => {
    const rule = entry(rules.criteria, cid, "criteria");
    return off.has(cid) ? disabledCriterion(rule, scoring) : evaluateCriterion(rule, root, todayDay, chosen, scoring);
  });
  const counted = criteria.filter((c) => c.status !== "not_applicable");
  const known = counted.filter((c) => isKnown(c.status));
  const coverage = counted.length > 0 ? known.length / counted.length : 0;
  const value = score(criteria, coverage, scoring);
  const field = (name: string): string | null => (isObject(root) ? ((own(root, name) ?? null) as string | null) : null);
  return {
    schema: "mpcheck.report/1",
    rules_version: rules.version,
    code: field("code"), // passed through as-is, like facts.get("code")
    name: field("name"),
    profile: chosen,
    profile_label: entry(scoring.profiles.labels, chosen, "profiles.labels"),
    // Python prints date.isoformat(), which is the validated input string itself.
    today: options.today,
    score: value,
    coverage: roundHalfUp(coverage * 100) / 100,
    coverage_known: known.length,
    coverage_total: counted.length,
    headline: headline(criteria, value, scoring),
    criteria,
  };
}
