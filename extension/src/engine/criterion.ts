// One criterion of the report: findings -> status, points over the known signals, evidence, texts.
// Mirror of backend/mpcheck/engine/criterion.py. `weight` is the criterion's share of the checklist
// for the profile (its max points); `known_weight` the part of it whose signals are known. Points
// count the known part only: the unknown part is neither earned nor lost, it lowers coverage.
import { combine, evaluateSignal, evidenceSource, type Combined, type Finding } from "./evaluate";
import { getPath } from "./factsAccess";
import { fill, formatValue, roundHalfUp } from "./formatting";
import type {
  CriterionReport, CriterionRule, Evidence, EvidenceEntry, Json, Lang, PublicFinding, Scoring, Signal, Text, UnknownReason,
} from "./types";

/**
 * A rule file's table entry; a missing one is a broken rule file and fails loudly. The table's name
 * is `what`, or `what.part` (joined only for the error: the engine asks for entries on every call).
 */
export function entry<T>(table: Readonly<Record<string, T>>, key: string, what: string, part?: string): T {
  if (!Object.hasOwn(table, key)) {
    throw new Error(`${part === undefined ? what : `${what}.${part}`}: no entry ${JSON.stringify(key)}`);
  }
  return table[key] as T;
}

function texts(make: (lang: Lang) => string): Text {
  return { ru: make("ru"), en: make("en") };
}

/**
 * Each known value's fact, raw value, source and the text the locale writes it as; a signal's extra
 * entries (rule "evidence") follow its own, e.g. the price and the struck-out price.
 */
const NO_EXTRAS: readonly EvidenceEntry[] = [];

function evidence(rule: CriterionRule, findings: readonly Finding[], facts: unknown, scoring: Scoring): Evidence[] {
  const out: Evidence[] = [];
  const add = (signal: Signal, fact: string, value: unknown, label: Text, format: string): void => {
    if (value === null || value === undefined) return;
    out.push({
      fact,
      value: value as Json, // read from schema-checked facts, so it is JSON
      source: evidenceSource(facts, fact, scoring.evidence_sources),
      signal: signal.id,
      label: { ...label },
      text: { ru: formatValue(value, format, scoring.numbers.ru), en: formatValue(value, format, scoring.numbers.en) },
    });
  };
  for (let index = 0; index < rule.signals.length; index += 1) {
    const signal = rule.signals[index] as Signal;
    const finding = findings[index] as Finding;
    if (finding.value === null) continue;
    // A metric's own words ("no_items", "length_unknown") are for bands, not for the buyer: the
    // message says them. A string is evidence only when it is the fact itself ("offered").
    const ownWord = typeof finding.shown === "string" && finding.shown !== getPath(facts, finding.fact);
    if (!ownWord) add(signal, finding.fact, finding.shown, signal.label, finding.format);
    const extras = signal.evidence ?? NO_EXTRAS;
    for (let i = 0; i < extras.length; i += 1) {
      const extra = extras[i] as EvidenceEntry;
      add(signal, extra.fact, getPath(facts, extra.fact), extra.label, extra.format);
    }
  }
  return out;
}

function findingText(rule: CriterionRule, signal: Signal, finding: Finding, facts: unknown, scoring: Scoring, lang: Lang): string {
  const style = scoring.numbers[lang];
  const values: Record<string, string> = { value: formatValue(finding.shown, finding.format, style) };
  for (const extra of signal.evidence ?? []) values[extra.name] = formatValue(getPath(facts, extra.fact), extra.format, style);
  return fill(entry(rule.messages, finding.key as string, rule.id, "messages")[lang], values);
}

// A rule's signals by id, made once per rule (the rules never change while the engine runs).
const SIGNALS = new WeakMap<CriterionRule, ReadonlyMap<string, Signal>>();

function signalsOf(rule: CriterionRule): ReadonlyMap<string, Signal> {
  let signals = SIGNALS.get(rule);
  if (signals === undefined) {
    signals = new Map(rule.signals.map((s) => [s.id, s]));
    SIGNALS.set(rule, signals);
  }
  return signals;
}

function message(rule: CriterionRule, combined: Combined, facts: unknown, scoring: Scoring, reason: UnknownReason | null): Text {
  const signals = signalsOf(rule);
  const text = (finding: Finding, lang: Lang): string =>
    findingText(rule, signals.get(finding.signal) as Signal, finding, facts, scoring, lang);
  if (combined.mixed !== null) {
    const [worst, best] = combined.mixed;
    return texts((lang) => fill(scoring.texts.mixed[lang], { bad: text(worst, lang), good: text(best, lang) }));
  }
  const deciding = combined.deciding;
  if (deciding === null || deciding.key === null) {
    return reason === null ? { ...scoring.texts.unknown } : { ...scoring.texts.unknown_reasons[reason] };
  }
  return texts((lang) => text(deciding, lang));
}

/** The reason of the heaviest unknown signal (the first of equals). */
function reasonOf(findings: readonly Finding[]): UnknownReason | null {
  let heaviest: Finding | null = null;
  for (const f of findings) {
    if (f.outcome === "unknown" && f.weight > 0 && (heaviest === null || f.weight > heaviest.weight)) heaviest = f;
  }
  return heaviest === null ? null : heaviest.unknown_reason;
}

function publicFinding(f: Finding): PublicFinding {
  return { signal: f.signal, outcome: f.outcome, key: f.key, value: f.value, weight: f.weight, unknown_reason: f.unknown_reason };
}

// A loop, not findings.map(publicFinding): in the catalog's first calls (code not yet optimised)
// the map was a sixth of the engine's profile, the loop a thirtieth.
function publicFindings(findings: readonly Finding[]): PublicFinding[] {
  const out: PublicFinding[] = [];
  for (let i = 0; i < findings.length; i += 1) out.push(publicFinding(findings[i] as Finding));
  return out;
}

/** One criterion of the report, with its findings, evidence and texts. */
export function evaluateCriterion(
  rule: CriterionRule, facts: unknown, today: number, profile: string, scoring: Scoring,
): CriterionReport {
  const findings: Finding[] = [];
  for (let i = 0; i < rule.signals.length; i += 1) {
    findings.push(evaluateSignal(rule.signals[i] as Signal, facts, today, profile, scoring));
  }
  const combined = combine(findings, scoring, rule.informational === true);
  const weight = entry(rule.weights as unknown as Record<string, number>, profile, rule.id, "weights");
  const knownWeight = combined.share === null ? null : weight * combined.share;
  const reason = combined.status === "unknown" ? reasonOf(findings) : null;
  const fraction = combined.fraction;
  return {
    id: rule.id,
    step: rule.step,
    title: rule.title,
    status: combined.status,
    key: combined.mixed !== null ? "mixed" : (combined.deciding?.key ?? null),
    points: fraction === null || knownWeight === null ? null : roundHalfUp(fraction * knownWeight),
    max_points: weight,
    weight,
    known_weight: knownWeight,
    signals: combined.signals,
    unknown_reason: reason,
    fraction,
    bonus: rule.bonus === true,
    evidence: evidence(rule, findings, facts, scoring),
    findings: publicFindings(findings),
    message: message(rule, combined, facts, scoring, reason),
    check_yourself: rule.check_yourself,
    page_anchor: rule.page_anchor ?? null,
  };
}

/** A criterion switched off in the settings: not applicable, outside score and coverage. */
export function disabledCriterion(rule: CriterionRule, scoring: Scoring): CriterionReport {
  return {
    id: rule.id, step: rule.step, title: rule.title, status: "not_applicable", key: "disabled", points: null,
    max_points: 0, weight: 0, known_weight: null, signals: { known: 0, total: 0 }, unknown_reason: null,
    fraction: null, bonus: rule.bonus === true, evidence: [], findings: [], message: { ...scoring.texts.disabled },
    check_yourself: rule.check_yourself, page_anchor: rule.page_anchor ?? null,
  };
}
