// The comparison's words around numbers: money, plurals, lists, quotes, template filling. Numbers
// themselves are the engine's (engine/formatting with scoring.json "numbers"): a price reads the
// same in a report and in a comparison. Twin of backend/mpcheck/compare/format.py; the
// cross-engine test holds them to the same bytes.
import type { Lang } from "../shared/contracts";
import { plural as enginePlural, formatValue } from "../engine/formatting";
import type { ComparisonRules } from "./rules";

/** Between a count and its word: «5 баллов» never breaks across lines. */
export const NBSP = "\u00a0";

/** Replace {name} by subs[name]; unknown placeholders stay (the tests catch them). */
export function fill(template: string, subs: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(subs, name) ? String(subs[name]) : whole));
}

/** «10 000 руб.» / "10 000 RUB": the engine's money style (scoring.json; no-break digit groups). */
export function money(rules: ComparisonRules, rub: number, lang: Lang): string {
  return formatValue(rub, "money", rules.numbers[lang]);
}

/** "1 балл", "2 балла", "5 баллов", "11 баллов"; "1 point", "2 points" (the engine's one plural rule). */
export function plural(rules: ComparisonRules, word: string, count: number, lang: Lang): string {
  const forms = rules.plurals[word]?.[lang] ?? [word];
  return `${count}${NBSP}${enginePlural(forms, count, lang)}`;
}

/** "a, b и c" / "a, b and c". */
export function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")}${lang === "ru" ? " и " : " and "}${items[items.length - 1]}`;
}

/** «…» in Russian, “…” in English. */
export function quoted(text: string, lang: Lang): string {
  return lang === "ru" ? `«${text}»` : `“${text}”`;
}

/** End with one full stop: «… на 5 090 руб.» takes no second one. */
export function fullStop(sentence: string): string {
  return sentence.endsWith(".") ? sentence : `${sentence}.`;
}
