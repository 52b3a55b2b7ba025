// The comparison's one formatter per job: money, plurals, lists, quotes, template filling.
// Twin of backend/mpcheck/compare/format.py; the cross-engine test holds them to the same bytes.
import type { Lang } from "../shared/contracts";
import { plural as enginePlural } from "../engine/formatting";
import { ruleText, type ComparisonRules } from "./rules";

/** Between digit groups and before the unit: a price never breaks across lines. */
export const NBSP = "\u00a0";

/** Math.floor(x + 0.5): the half-up rounding Python's twin spells out. */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5);
}

/** 12990 -> "12 990" with no-break spaces, as Russian price tags are written. */
export function groupDigits(amount: number): string {
  let digits = String(Math.abs(amount));
  const groups: string[] = [];
  while (digits.length > 0) {
    groups.unshift(digits.slice(-3));
    digits = digits.slice(0, -3);
  }
  return (amount < 0 ? "-" : "") + groups.join(NBSP);
}

/** Replace {name} by subs[name]; unknown placeholders stay (the tests catch them). */
export function fill(template: string, subs: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(subs, name) ? String(subs[name]) : whole));
}

/** «10 000 руб.» / "10 000 RUB" (no-break spaces). */
export function money(rules: ComparisonRules, rub: number, lang: Lang): string {
  return fill(ruleText(rules, "money", "rub", lang), { amount: groupDigits(roundHalfUp(rub)) }).replaceAll(" ", NBSP);
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
