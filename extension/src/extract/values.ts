// Value parsers shared by the extractors (backend/mpcheck/extract/values.py): money, install
// buckets, yes/no, ratings, day counts. Each returns null when the text is not a value of that
// kind, so a label pointing at the wrong neighbour yields null rather than a wrong value.
import { TABLE } from "./label_table";
import { fold, norm } from "./text";

export interface Installs { label: string; min: number | null; max: number | null }

const BEFORE_CHARS = 30; // how much text before a price is read for «от», «+», «экономия»
const AFTER_CHARS = 40; // how much text after a price is read for a card / loyalty condition («c Ozon Картой»)

function anySearch(text: string, ...path: string[]): boolean {
  return TABLE.rx(...path).some((p) => p.test(text));
}

/**
 * Whole roubles of the first own price in a text («12 990 руб.», «5 400,00 ₽»). A price right after
 * «от» (a from-price of variants), «+» (an upsell), «экономия» or «продление» is skipped. So is a price
 * right before a payment-card or loyalty condition («10 490 ₽ c Ozon Картой»): the price for some buyers
 * only (fields.price.not_after).
 */
export function money(text: string | null | undefined): number | null {
  return moneyAt(text)?.[0] ?? null;
}

/** `money` with where its price stands in `fold(text)`: [roubles, start, end]. */
export function moneyAt(text: string | null | undefined): [number, number, number] | null {
  const folded = fold(text);
  for (const p of TABLE.global("fields", "price", "values")) {
    for (const m of folded.matchAll(p)) {
      const end = m.index + m[0].length;
      if (
        !anySearch(folded.slice(Math.max(0, m.index - BEFORE_CHARS), m.index), "fields", "price", "not_before") &&
        !anySearch(folded.slice(end, end + AFTER_CHARS), "fields", "price", "not_after")
      ) {
        return [whole(m[1] ?? ""), m.index, end];
      }
    }
  }
  return null;
}

/** «Бесплатно» / «Бесплатный» as the whole value («Бесплатная поддержка …» is not). */
export function isFree(text: string | null | undefined): boolean {
  return TABLE.search(fold(text), "fields", "price", "free") !== null;
}

/** «1 000» → 1000 (digits grouped by spaces or dots). */
function whole(number: string): number {
  return Number(number.replace(/[\s.]/gu, ""));
}

/** {label, min, max} of an install bucket («Менее 50», «500 - 999», «Более 1000»). */
export function installs(text: string | null | undefined): Installs | null {
  const m = TABLE.search(fold(text), "fields", "installs", "values");
  if (!m || m[1] === undefined) return null;
  const start = m.index + m[0].indexOf(m[1]);
  const label = norm(text).slice(start, start + m[1].length);
  const hit = TABLE.matchEntry(fold(label), "fields", "installs", "buckets");
  if (!hit) return null;
  const [entry, b] = hit;
  const scale = typeof entry.scale === "number" ? entry.scale : 1; // «1 тыс.+», «1,5 тыс.+»: the groups count thousands
  const count = scale === 1 ? whole : (n: string): number => Math.round(Number(n.replace(/\s/gu, "").replace(",", ".")) * scale);
  let low = typeof entry.min === "number" ? entry.min : null;
  if (typeof entry.min_group === "number") low = count(b[entry.min_group] ?? "");
  const offset = typeof entry.max_offset === "number" ? entry.max_offset : 0;
  const high = typeof entry.max_group === "number" ? count(b[entry.max_group] ?? "") + offset : null;
  return { label, min: low, max: high };
}

/** true for «Да» / «Есть», false for «Нет» / «Не поддерживается» / «недоступен» / «без …», null otherwise. */
export function yesNo(text: string | null | undefined): boolean | null {
  const folded = fold(text);
  if (TABLE.search(folded, "booleans", "unknown")) return null; // «нет данных»: no answer
  if (TABLE.search(folded, "booleans", "no")) return false;
  if (TABLE.search(folded, "booleans", "yes")) return true;
  return null;
}

/** A 0–5 average from «4,8», «4.8 (214 отзывов)», «4,7 из 5»; null for «Нет оценок» or a zero. */
export function rating(text: string | null | undefined): number | null {
  const folded = fold(text);
  if (TABLE.search(folded, "fields", "rating", "none")) return null;
  const m = TABLE.search(folded, "fields", "rating", "values");
  if (!m) return null;
  const value = Number((m[1] ?? "").replace(",", "."));
  return value > 0 && value <= 5 ? value : null;
}

/** A count written in digits or as a number word («14», «две», «одну»; empty = one unit). */
export function countOf(number: string): number | null {
  if (/^[0-9]+$/.test(number)) return Number(number);
  const words = TABLE.get("demo", "number_words") as Record<string, number>;
  const folded = fold(number).toLowerCase();
  if (folded === "") return words[""] ?? 1;
  const stems = Object.keys(words).sort((a, b) => b.length - a.length); // the longest stem wins
  for (const stem of stems) if (stem && folded.startsWith(stem)) return Number(words[stem]);
  return null;
}

/** Days from «14 дней», «2 недели», «1 месяц», «две недели», «полгода». */
export function days(number: string, unit: string): number | null {
  const count = countOf(number);
  if (count === null) return null;
  const hit = TABLE.matchEntry(unit, "demo", "units");
  return hit ? count * Math.trunc(Number(hit[0].days)) : null;
}

/** Is the phrase at text[start:end] negated («без демо», «Демо-режим … не предусмотрен»), or said to be
 * given no more, later in its clause («Демо-режим на 30 дней больше не предоставляется»)? */
export function negated(text: string, start: number, end: number): boolean {
  const [, before] = TABLE.rx("demo", "negations");
  const after = TABLE.sticky("demo", "negations")[0]; // cached: compiled once, not on every mention
  const rest = text.slice(end);
  if ((after && TABLE.match(after, rest) !== null) || givenNoMore(rest)) return true;
  return before ? before.test(text.slice(Math.max(0, start - 20), start)) : false;
}

/** Does the text right after a trial's mention say it is given no more, in its clause («на 30 дней
 * больше не предоставляется», «(30 дней) отключён»: the third `demo.negations`) (Python `given_no_more`)? */
export function givenNoMore(rest: string): boolean {
  const stopped = TABLE.sticky("demo", "negations")[2];
  return stopped !== undefined && TABLE.match(stopped, rest) !== null;
}

/** Is the trial phrase at text[start:end] another thing's trial: the demo site's («демо-версия
 * сайта»), a payment system's, an implementation's, the platform's («нужна лицензия 1С-Битрикс
 * (подойдёт и пробная версия)»)? */
export function otherTrial(text: string, start: number, end: number): boolean {
  const [, before] = TABLE.rx("demo", "other_trial");
  const after = TABLE.sticky("demo", "other_trial")[0]; // cached: compiled once, not on every mention
  if (after && TABLE.match(after, text.slice(end)) !== null) return true;
  return before ? before.test(text.slice(Math.max(0, start - 80), start)) : false;
}

/** Trial length in days from the shared demo-length regexes; a negated phrase, another thing's trial
 * or a number the words between make a refund or a frequency («возврат денег 14 дней») is none. */
export function demoDays(text: string | null | undefined): number | null {
  const folded = fold(text);
  for (const p of TABLE.global("demo", "length")) {
    for (const m of folded.matchAll(p)) {
      const start = m.index + m[0].indexOf(m[1] ?? "");
      const end = start + (m[1] ?? "").length;
      if (negated(folded, start, end) || otherTrial(folded, start, end)) continue;
      const rest = folded.slice(end, m.index + m[0].length); // the gap, the number and its unit
      if (!TABLE.search(rest, "demo", "not_length_gap")) return days(m[2] ?? "", m[3] ?? "");
    }
  }
  return null;
}

/** Days of the value next to a demo label («7 дней», «21 день», «месяц»). */
export function demoValue(text: string | null | undefined): number | null {
  const m = TABLE.search(fold(text), "demo", "value");
  return m ? days(m[1] ?? "", m[2] ?? "") : null;
}

/** The first whole number in a text («14», «9 решений»). */
export function integer(text: string | null | undefined): number | null {
  const m = /[0-9]+/.exec(fold(text).replace(/ /g, ""));
  return m ? Number(m[0]) : null;
}

/** A dotted version at the start of a text, unless the text says it is the platform's («23.300.100 и выше»). */
export function version(text: string | null | undefined): string | null {
  const folded = fold(text);
  const m = TABLE.search(folded, "fields", "version", "values");
  if (!m) return null;
  if (TABLE.search(folded.slice(m.index + m[0].length), "fields", "version", "not_own")) return null;
  return m[1] ?? null;
}

/** A version as integers per part, for comparing («4.10.0» > «4.9.2»). */
export function versionKey(value: string): number[] {
  return (value.match(/[0-9]+/g) ?? []).map(Number);
}
