// Numbers, dates and yes/no in messages and evidence: one formatter per locale
// (docs/ENGINE-NUMBERS.md). Mirror of backend/mpcheck/engine/formatting.py. The locale styles are
// data in scoring.json "numbers"; the rules are SPEC's, computed with the same operations in both
// engines: round half up, integers printed digit by digit, sums taken left to right.
import { isNumber, parseIsoDate } from "./factsAccess";
import type { NumberStyle, ValueFormat } from "./types";

/** Left-to-right sum, the order the rule is written in. */
export function leftSum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
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

/** One value as the locale writes it; `format` is the signal's style (rule.schema.json "format"). */
export function formatValue(value: unknown, format: ValueFormat | string, style: NumberStyle): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? style.yes : style.no;
  if (Array.isArray(value)) return value.map((item) => formatValue(item, format, style)).join(", ");
  if (format === "date") {
    const day = parseIsoDate(value);
    if (day === null) return String(value);
    const moment = new Date(day * 86_400_000);
    return fill(style.date, {
      d: pad(moment.getUTCDate(), 2), m: pad(moment.getUTCMonth() + 1, 2), y: pad(moment.getUTCFullYear(), 4),
    });
  }
  if (!isNumber(value)) return String(value);
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
