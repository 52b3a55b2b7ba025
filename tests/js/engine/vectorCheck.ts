// Compare a report with a vector's partial expectation; returns a list of mismatch descriptions.
// Mirror of tests/python/engine/vector_check.py: the same partial-expectation rules on the same files.
import type { Report } from "../../../extension/src/engine";

type Obj = Record<string, unknown>;
const TOP_LEVEL = ["score", "coverage", "coverage_known", "coverage_total", "profile"] as const;
const CRITERION_FIELDS = ["status", "key", "points", "max_points", "weight", "known_weight", "signals", "unknown_reason"] as const;

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON equality as SPEC reads it: true is not 1, 1 equals 1.0, lists and objects deep. */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (typeof a === "boolean" || typeof b === "boolean") return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEquals(v, b[i]));
  }
  if (isObj(a) && isObj(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEquals(a[k], b[k]));
  }
  return (a ?? null) === (b ?? null);
}

const show = (value: unknown): string => JSON.stringify(value ?? null);

function criterionMismatches(cid: string, got: Obj, want: Obj): string[] {
  const problems: string[] = [];
  for (const field of CRITERION_FIELDS) {
    if (Object.hasOwn(want, field) && !jsonEquals(got[field], want[field])) {
      problems.push(`${cid}.${field}: got ${show(got[field])}, want ${show(want[field])}`);
    }
  }
  const outcomes = new Map((got.findings as Obj[]).map((f) => [f.signal, f.outcome]));
  for (const [signal, outcome] of Object.entries((want.findings ?? {}) as Obj)) {
    if (!jsonEquals(outcomes.get(signal), outcome)) {
      problems.push(`${cid}.findings.${signal}: got ${show(outcomes.get(signal))}, want ${show(outcome)}`);
    }
  }
  const reasons = new Map((got.findings as Obj[]).map((f) => [f.signal, f.unknown_reason]));
  for (const [signal, reason] of Object.entries((want.unknown_reasons ?? {}) as Obj)) {
    if (!jsonEquals(reasons.get(signal), reason)) {
      problems.push(`${cid}.findings.${signal}.unknown_reason: got ${show(reasons.get(signal))}, want ${show(reason)}`);
    }
  }
  const evidence = got.evidence as Obj[];
  for (const item of (want.evidence ?? []) as Obj[]) {
    if (!evidence.some((ev) => Object.entries(item).every(([k, v]) => jsonEquals(ev[k], v)))) {
      problems.push(`${cid}.evidence: no entry matching ${show(item)} in ${show(evidence)}`);
    }
  }
  const message = got.message as Record<string, string>;
  for (const [lang, fragment] of Object.entries((want.message_contains ?? {}) as Record<string, string>)) {
    if (!(message[lang] ?? "").includes(fragment)) {
      problems.push(`${cid}.message.${lang}: ${show(message[lang])} lacks ${show(fragment)}`);
    }
  }
  for (const [lang, text] of Object.entries((want.message ?? {}) as Record<string, string>)) {
    if (message[lang] !== text) problems.push(`${cid}.message.${lang}: got ${show(message[lang])}, want ${show(text)}`);
  }
  return problems;
}

/** Every way the report differs from what the vector expects. */
export function mismatches(report: Report, expect: Obj): string[] {
  const got = report as unknown as Obj;
  const problems = TOP_LEVEL.filter((f) => Object.hasOwn(expect, f) && !jsonEquals(got[f], expect[f])).map(
    (f) => `${f}: got ${show(got[f])}, want ${show(expect[f])}`,
  );
  const headline = report.headline as unknown as Obj;
  for (const [field, value] of Object.entries((expect.headline ?? {}) as Obj)) {
    if (!jsonEquals(headline[field], value)) {
      problems.push(`headline.${field}: got ${show(headline[field])}, want ${show(value)}`);
    }
  }
  const byId = new Map(report.criteria.map((c) => [c.id as string, c as unknown as Obj]));
  for (const [cid, want] of Object.entries((expect.criteria ?? {}) as Record<string, Obj>)) {
    const criterion = byId.get(cid);
    if (criterion === undefined) throw new Error(`no criterion ${cid} in the report`);
    problems.push(...criterionMismatches(cid, criterion, want));
  }
  return problems;
}
