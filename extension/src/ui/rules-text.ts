// Texts that belong to the rules (status words, coverage phrase, step titles, page anchors) are
// read from the bundled rules so the extension and the backend say the same thing.
import type { CriterionId, CriterionReport, Lang, Localized, Report, Status } from "../shared/contracts";
import { CRITERIA } from "../shared/contracts";
import { isObject } from "../shared/guards";
import { fill } from "./strings";

export interface RulesTexts {
  scoring: unknown;
  criteria: Record<string, unknown>;
}

function localized(v: unknown, lang: Lang): string | null {
  return isObject(v) && typeof v[lang] === "string" ? (v[lang] as string) : null;
}

function texts(rules: RulesTexts): Record<string, unknown> {
  const scoring = rules.scoring;
  return isObject(scoring) && isObject(scoring.texts) ? scoring.texts : {};
}

const FALLBACK_STATUS: Record<Status, Localized> = {
  good: { ru: "хорошо", en: "good" },
  warn: { ru: "внимание", en: "warning" },
  bad: { ru: "плохо", en: "bad" },
  unknown: { ru: "нет данных", en: "unknown" },
  not_applicable: { ru: "не применимо", en: "not applicable" },
};

export function statusText(rules: RulesTexts, status: Status, lang: Lang): string {
  const table = texts(rules).status;
  return (isObject(table) && localized(table[status], lang)) || FALLBACK_STATUS[status][lang];
}

/**
 * "данные по 7 из 9 шагов": the engine's own counts when it gives them (it leaves n/a steps out of
 * the total), else known = neither unknown nor n/a, out of all rows.
 */
export function coverageCounts(report: Report): { known: number; total: number } {
  if (typeof report.coverage_known === "number" && typeof report.coverage_total === "number") {
    return { known: report.coverage_known, total: report.coverage_total };
  }
  const total = report.criteria.length || CRITERIA.length;
  const known = report.criteria.filter((c) => c.status !== "unknown" && c.status !== "not_applicable").length;
  return { known, total };
}

export function coverageText(rules: RulesTexts, report: Report, lang: Lang): string {
  const template =
    localized(texts(rules).coverage, lang) ?? (lang === "ru" ? "данные по {known} из {total} шагов" : "data on {known} of {total} steps");
  return fill(template, coverageCounts(report));
}

export function criterionTitle(rules: RulesTexts, id: CriterionId, lang: Lang): string {
  const rule = rules.criteria[id];
  return (isObject(rule) && localized(rule.title, lang)) || id;
}

/** `#tab-rating-link` etc.: deep link into the solution page's tab (DOM.md §4). */
export function pageAnchor(rules: RulesTexts, id: CriterionId): string | null {
  const rule = rules.criteria[id];
  const anchor = isObject(rule) ? rule.page_anchor : null;
  return typeof anchor === "string" && /^#tab-[a-z]+-link$/.test(anchor) ? anchor : null;
}

export function headlineText(report: Report, lang: Lang): string {
  return report.headline.message?.[lang] ?? "";
}

function signalRule(rules: RulesTexts, criterionId: string, signalId: string | undefined): Record<string, unknown> | null {
  const criterion = rules.criteria[criterionId];
  if (!isObject(criterion) || !Array.isArray(criterion.signals)) return null;
  const found = criterion.signals.find((s: unknown) => isObject(s) && s.id === signalId);
  return isObject(found) ? found : null;
}

/** The value kind the rules give a signal's evidence (rule.schema.json "format"), else "plain". */
export function evidenceFormat(rules: RulesTexts, criterionId: string, signalId: string | undefined): string {
  const format = signalRule(rules, criterionId, signalId)?.format;
  return typeof format === "string" ? format : "plain";
}

/** The engine's style for `lang` (scoring.json "numbers"), or null in a rules bundle without it. */
export function numberStyle(rules: RulesTexts, lang: Lang): Record<string, unknown> | null {
  const scoring = rules.scoring;
  const numbers = isObject(scoring) && isObject(scoring.numbers) ? scoring.numbers[lang] : null;
  return isObject(numbers) && isObject(numbers.units) && isObject(numbers.words) ? numbers : null;
}

/** The short evidence name from the rules ("Последний отзыв"), else the fact path. */
export function evidenceLabel(rules: RulesTexts, criterionId: string, signalId: string | undefined, fact: string, lang: Lang): string {
  return localized(signalRule(rules, criterionId, signalId)?.label, lang) ?? fact;
}

/**
 * "3 из 5 сигналов" for a step judged on part of its signals (the rules' own phrase), else null:
 * a fully known, unknown or not applicable step needs no such note.
 */
export function partialSignalsText(rules: RulesTexts, c: CriterionReport, lang: Lang): string | null {
  const counts = c.signals;
  if (!counts || counts.known === 0 || counts.known >= counts.total) return null;
  const template = localized(texts(rules).signals, lang) ?? (lang === "ru" ? "{known} из {total} сигналов" : "{known} of {total} signals");
  return fill(template, { known: counts.known, total: counts.total });
}

/** The profile the report was judged with, as its label ("Модуль (популярная категория)"), or null. */
export function profileText(report: Report, lang: Lang): string | null {
  return report.profile_label?.[lang] ?? null;
}
