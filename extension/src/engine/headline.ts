// The report's headline: the score band, then the first headline rule that holds (scoring.json).
// Mirror of backend/mpcheck/engine/headline.py. A rule reads a fact (`fact` + `eq`: withdrawn), a
// criterion's deciding key (a real demo), or one signal's key (`signal`: a support test breach).
// Its `status` caps the band's: withdrawn is bad whatever the score, a breach is at most warn.
import { sameScalar } from "./bands";
import { entry } from "./criterion";
import { isKnown } from "./evaluate";
import { getPath } from "./factsAccess";
import type { CriterionReport, Headline, HeadlineRule, Scoring, Status } from "./types";

const ORDER: Readonly<Partial<Record<Status, number>>> = { bad: 0, warn: 1, good: 2 };

/** The worse of the two; a status outside bad < warn < good (unknown) takes the ceiling. */
export function cap(status: Status, ceiling: Status): Status {
  const [have, limit] = [ORDER[status], ORDER[ceiling] as number];
  return have === undefined || limit < have ? ceiling : status;
}

/** Whether one headline rule applies to these facts and criteria. */
export function ruleHolds(rule: HeadlineRule, facts: unknown, byId: ReadonlyMap<string, CriterionReport>): boolean {
  if ("fact" in rule) return sameScalar(getPath(facts, rule.fact), rule.eq);
  const criterion = byId.get(rule.criterion);
  if (criterion === undefined || !isKnown(criterion.status)) return false;
  if (rule.signal === undefined) return criterion.key !== null && rule.keys.includes(criterion.key);
  return criterion.findings.some((f) => f.signal === rule.signal && f.key !== null && rule.keys.includes(f.key));
}

/** {status, key, message} for the report. */
export function headline(
  criteria: readonly CriterionReport[], facts: unknown, score: number | null, scoring: Scoring,
): Headline {
  const policy = scoring.headline;
  let { status, key } = policy.no_score;
  if (score !== null) {
    const band = policy.score_bands.find((b) => score >= b.min);
    if (band === undefined) throw new Error(`no headline band for score ${score}`);
    ({ status, key } = band);
  }
  const byId = new Map(criteria.map((c) => [c.id as string, c]));
  const rule = policy.rules.find((r) => ruleHolds(r, facts, byId));
  if (rule !== undefined) {
    key = rule.key;
    if (rule.status !== undefined) status = cap(status, rule.status);
  }
  return { status, key, message: { ...entry(policy.messages, key, "headline.messages") } };
}
