// Value parsers shared by the extractors (backend/mpcheck/extract/values.py): money, install
// buckets, yes/no, ratings, day counts. Each returns null when the text is not a value of that
// kind, so a label pointing at the wrong neighbour yields null rather than a wrong value.
import { TABLE, matchEntry } from "./label_table";
import { fold, norm } from "./text";

export interface Installs { label: string; min: number | null; max: number | null }

/** Whole roubles of the first «12 990 руб.» in a text. */
export function money(text: string | null | undefined): number | null {
  const m = TABLE.search(fold(text), "fields", "price", "values");
  return m ? Number((m[1] ?? "").replace(/\s/gu, "")) : null;
}

/** «Бесплатно» / «Бесплатный» as the whole value. */
export function isFree(text: string | null | undefined): boolean {
  return TABLE.search(fold(text), "fields", "price", "free") !== null;
}

/** {label, min, max} of an install bucket («Менее 50», «500 - 999», «Более 1000»). */
export function installs(text: string | null | undefined): Installs | null {
  const m = TABLE.search(fold(text), "fields", "installs", "values");
  if (!m || m[1] === undefined) return null;
  const start = m.index + m[0].indexOf(m[1]);
  const label = norm(text).slice(start, start + m[1].length);
  const hit = matchEntry(fold(label), "fields", "installs", "buckets");
  if (!hit) return null;
  const [entry, b] = hit;
  let low = typeof entry.min === "number" ? entry.min : null;
  if (typeof entry.min_group === "number") low = Number(b[entry.min_group]);
  const offset = typeof entry.max_offset === "number" ? entry.max_offset : 0;
  const high = typeof entry.max_group === "number" ? Number(b[entry.max_group]) + offset : null;
  return { label, min: low, max: high };
}

/** true for «Да», false for «Нет» / «Не поддерживается», null for «—» or anything else. */
export function yesNo(text: string | null | undefined): boolean | null {
  const folded = fold(text);
  if (TABLE.search(folded, "booleans", "yes")) return true;
  if (TABLE.search(folded, "booleans", "no")) return false;
  return null;
}

/** A 0–5 average from «4,8», «4.8 (214 отзывов)»; null for «Нет оценок» or a zero. */
export function rating(text: string | null | undefined): number | null {
  const folded = fold(text);
  if (TABLE.search(folded, "fields", "rating", "none")) return null;
  const m = TABLE.search(folded, "fields", "rating", "values");
  if (!m) return null;
  const value = Number((m[1] ?? "").replace(",", "."));
  return value > 0 && value <= 5 ? value : null;
}

/** Days from «14 дней», «2 недели», «1 месяц». */
export function days(number: string, unit: string): number | null {
  const hit = matchEntry(unit, "demo", "units");
  return hit ? Number(number) * Math.trunc(Number(hit[0].days)) : null;
}

/** Trial length in days from the shared demo-length regex (group 2 number, group 3 unit). */
export function demoDays(text: string | null | undefined): number | null {
  const m = TABLE.search(fold(text), "demo", "length");
  return m ? days(m[2] ?? "", m[3] ?? "") : null;
}

/** The first whole number in a text («14», «9 решений»). */
export function integer(text: string | null | undefined): number | null {
  const m = /[0-9]+/.exec(fold(text).replace(/ /g, ""));
  return m ? Number(m[0]) : null;
}

/** A dotted version at the start of a text. */
export function version(text: string | null | undefined): string | null {
  const m = TABLE.search(fold(text), "fields", "version", "values");
  return m ? (m[1] ?? null) : null;
}

