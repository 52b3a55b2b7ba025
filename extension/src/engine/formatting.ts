// Numbers, dates, yes/no, counted units and fact words in messages and evidence: one formatter per
// kind, one style per locale (docs/ENGINE-NUMBERS.md). Mirror of backend/mpcheck/engine/formatting.py.
// The locale styles (marks, month names, unit plurals, the words for fact values such as support
// channels) are data in scoring.json "numbers"; the rules are SPEC's, computed with the same
// operations in both engines: round half up, integers printed digit by digit, sums left to right.
// `pluralIndex` is the one plural rule of each language: the comparison counts with it too.
import { isNumber, parseIsoDate } from "./factsAccess";
import type { NumberStyle, PluralRule, Unit, ValueFormat } from "./types";

/** Left-to-right sum, the order the rule is written in. */
export function leftSum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (let i = 0; i < items.length; i += 1) total += value(items[i] as T); // indexed: see factsAccess.ts
  return total;
}

/** floor(x + 0.5): 2.5 -> 3, -2.5 -> -2. */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5);
}

/** 12990 -> "12 990": groups of three from the right, sign in front. */
export function groupDigits(amount: number, group: string): string {
  let digits = String(Math.abs(amount));
  const groups: string[] = [];
  while (digits.length > 0) {
    groups.unshift(digits.slice(-3));
    digits = digits.slice(0, -3);
  }
  return (amount < 0 ? "-" : "") + groups.join(group);
}

/** Half up to one decimal; a whole result drops its ",0" (3.96 -> "4", 20.45 -> "20,5"). */
export function oneDecimal(value: number, style: NumberStyle): string {
  const tenths = roundHalfUp(value * 10);
  const magnitude = Math.abs(tenths);
  const digit = magnitude % 10;
  const text = groupDigits((magnitude - digit) / 10, style.group) + (digit === 0 ? "" : `${style.decimal}${digit}`);
  return tenths < 0 ? `-${text}` : text;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/**
 * Which plural form a count takes. "ru": 0 one (1, 21, 101), 1 few (2-4, 22-24), 2 many (0, 5-20,
 * 11-14, 25); a fraction takes "few" («1,5 часа», genitive singular). "en": 0 for exactly 1, else 1.
 */
export function pluralIndex(count: number, rule: PluralRule | string): number {
  const whole = Number.isInteger(count);
  if (rule === "ru") {
    if (!whole) return 1;
    const n = Math.abs(count);
    if (n % 10 === 1 && n % 100 !== 11) return 0;
    return n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14) ? 1 : 2;
  }
  return whole && Math.abs(count) === 1 ? 0 : 1;
}

/** The form of `forms` (one/few/many in Russian, one/other in English) the count takes. */
export function plural(forms: readonly string[], count: number, rule: PluralRule | string): string {
  return forms[Math.min(pluralIndex(count, rule), forms.length - 1)] as string;
}

function formatDate(value: unknown, style: NumberStyle): string {
  const day = parseIsoDate(value);
  if (day === null) return String(value);
  const moment = new Date(day * 86_400_000);
  const month = moment.getUTCMonth();
  return fill(style.date, {
    d: pad(moment.getUTCDate(), 2), day: String(moment.getUTCDate()), m: pad(month + 1, 2),
    y: pad(moment.getUTCFullYear(), 4), mon: style.months[month] as string,
  });
}

/** «1 день», «3 дня», «1,5 часа»; a unit's own word for zero («нет» days of demo, «сегодня»). */
function counted(value: number, unit: Unit, style: NumberStyle): string {
  if (value === 0 && unit.zero !== undefined) return unit.zero;
  const shown = roundHalfUp(value * 10) / 10; // the form agrees with the number printed: 1.04 -> «1 раз»
  return fill(plural(unit.forms, shown, style.plural), { n: oneDecimal(value, style) });
}

/**
 * One value as the locale writes it; `format` is the signal's kind (rule.schema.json "format"): a
 * number style, a counted unit (style "units") or a fact vocabulary (style "words").
 */
export function formatValue(value: unknown, format: ValueFormat | string, style: NumberStyle): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? style.yes : style.no;
  // An empty list is a fact too («не указаны»), never a blank after the label.
  if (Array.isArray(value)) return value.map((item) => formatValue(item, format, style)).join(", ") || style.none;
  if (format === "date") return formatDate(value, style);
  if (Object.hasOwn(style.words, format)) {
    const words = style.words[format] as Readonly<Record<string, string>>;
    return typeof value === "string" && Object.hasOwn(words, value) ? (words[value] as string) : String(value);
  }
  if (!isNumber(value)) return String(value);
  if (Object.hasOwn(style.units, format)) return counted(value, style.units[format] as Unit, style);
  if (format === "percent") return fill(style.percent, { n: groupDigits(roundHalfUp(value * 100), style.group) });
  if (format === "money") return fill(style.money, { n: groupDigits(roundHalfUp(value), style.group) });
  return oneDecimal(value, style);
}

/** Substitute {name} placeholders, each once, left to right (a value is never re-read). */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  let out = "";
  let rest = template;
  for (;;) {
    const open = rest.indexOf("{");
    if (open < 0) return out + rest;
    const close = rest.indexOf("}", open + 1);
    const name = close < 0 ? null : rest.slice(open + 1, close);
    if (name !== null && Object.hasOwn(values, name)) {
      out += rest.slice(0, open) + (values[name] as string);
      rest = rest.slice(close + 1);
    } else {
      out += rest.slice(0, open + 1);
      rest = rest.slice(open + 1);
    }
  }
}
