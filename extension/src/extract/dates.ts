// Dates as ISO YYYY-MM-DD (backend/mpcheck/extract/dates.py): DD.MM.YYYY[ HH:MM[:SS]], DD.MM.YY,
// Russian month words (full or abbreviated, with or without a year), English ones with a year
// («November 12, 2026»), relative dates («вчера», «3 дня назад»), year-first dates in the text
// («2026-09-30», DokuWiki's «2026/09/30») and time[datetime]. 31.02 is not a date: invalid calendar
// dates are null.
// A date with no year and a relative date need a reference day: `referenceDay(today, fn)` sets it for
// the duration of one (synchronous) extraction, so the item readers of other modules get it without
// a parameter on every function; outside one, the clock's today is used.
import { TABLE, type Entry } from "./label_table";
import { fold } from "./text";

const EXTRA_FORMS = ["numeric_short", "iso_text", "words_no_year", "words_en", "relative"] as const;
let reference: string | null = null; // ISO day of the running extraction
let nearest = false; // an end date («Акция до 5 декабря») with no year is the nearest such date


function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Run `fn` with `today` (ISO) as the reference day of dates with no year and relative dates. */
export function referenceDay<T>(today: string | null, fn: () => T): T {
  const before = reference;
  reference = today;
  try {
    return fn();
  } finally {
    reference = before;
  }
}

/** The reference day of the running extraction (ISO), else the clock's today (UTC, as Python's date.today on these hosts). */
export function today(): string {
  if (reference) return reference;
  const now = new Date();
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate()) as string;
}

export function iso(year: number, month: number, day: number): string | null {
  if (!(year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1)) return null;
  const last = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // days in month (leap year 2000 for Feb)
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 ? (leap ? 29 : 28) : last)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function monthNumber(word: string): number | null {
  const hit = TABLE.matchEntry(word, "dates", "months");
  return hit ? Number(hit[0].month) : null;
}

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split("-").map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

function dayNumber(day: string): number {
  const [y, m, d] = parts(day);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** «18 ноября»: the last such date not after the reference day (a page tells what happened); in an
 * end date (`parseEndDate`) the nearest such date, ahead or behind. */
function withoutYear(day: number, month: number): string | null {
  const ref = today();
  const [year] = parts(ref);
  if (nearest) {
    const near = [year - 1, year, year + 1].map((y) => iso(y, month, day)).filter((d): d is string => d !== null);
    let best: string | null = null;
    for (const d of near) if (best === null || Math.abs(dayNumber(d) - dayNumber(ref)) < Math.abs(dayNumber(best) - dayNumber(ref))) best = d;
    return best;
  }
  for (const y of [year, year - 1]) {
    const d = iso(y, month, day);
    if (d && d <= ref) return d;
  }
  return null;
}

function daysBack(ref: string, days: number): string {
  const [y, m, d] = parts(ref);
  const t = new Date(Date.UTC(y, m - 1, d) - days * 86_400_000);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()) as string;
}

function monthsBack(ref: string, months: number): string {
  const [y, m, d] = parts(ref);
  const total = y * 12 + m - 1 - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  for (let day = d; day > 0; day--) {
    const found = iso(year, month, day); // 31 March minus a month is the last day of February
    if (found) return found;
  }
  return ref;
}

/** The `relative_units` entry of a relative phrase's unit («недели» of «2 недели назад»). */
function relativeUnit(entry: Entry, m: RegExpExecArray): Entry | null {
  if (typeof entry.days === "number") return null;
  const unit = typeof entry.unit_group === "number" ? (m[entry.unit_group] ?? "") : "";
  const hit = TABLE.matchEntry(unit, "dates", "relative_units");
  return hit ? hit[0] : null;
}

/** The date a relative phrase stands for («3 дня назад», «вчера»). */
function relative(entry: Entry, m: RegExpExecArray): string | null {
  const ref = today();
  if (typeof entry.days === "number") return daysBack(ref, entry.days);
  const count = typeof entry.number_group === "number" ? Number(m[entry.number_group]) : 1;
  const u = relativeUnit(entry, m);
  if (!u) return null;
  if (typeof u.days === "number") return daysBack(ref, count * u.days);
  return monthsBack(ref, count * Number(u.months));
}

/** Whether a date is a rounded relative one («месяц назад», «2 года назад»: a `vague` unit of
 * `relative_units`): it says roughly when, not the day (a thread of 21.10 reads «месяц назад» on
 * 27.11, which is not 27.10), so it is no value; its position still places the date in a text. */
function vague(form: (typeof EXTRA_FORMS)[number], entry: Entry, m: RegExpExecArray): boolean {
  if (form !== "relative") return false;
  return relativeUnit(entry, m)?.vague === true;
}

function extraDate(form: (typeof EXTRA_FORMS)[number], entry: Entry, m: RegExpExecArray): string | null {
  if (form === "numeric_short") return iso(2000 + Number(m[3]), Number(m[2]), Number(m[1]));
  if (form === "iso_text") return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  if (form === "words_no_year") {
    const month = monthNumber(m[2] ?? "");
    return month ? withoutYear(Number(m[1]), month) : null;
  }
  if (form === "words_en") {
    // «November 12, 2026»: month, day, year
    const month = monthNumber(m[1] ?? "");
    return month ? iso(Number(m[3]), month, Number(m[2])) : null;
  }
  return relative(entry, m);
}

let anyExtra: RegExp | null = null;

/** Dates of the forms after the confirmed ones (short year, no year, relative) in a folded text,
 * as [position, ISO, exact: not `vague`]. */
function extraDates(folded: string, firstOnly: boolean): Array<[number, string, boolean]> {
  const found: Array<[number, string, boolean]> = [];
  anyExtra ??= new RegExp(EXTRA_FORMS.flatMap((f) => TABLE.sources("dates", f).map((p) => `(?:${p})`)).join("|") || "(?!)", TABLE.flags);
  if (!folded || !anyExtra.test(folded)) return found; // one scan for all of them: most texts have none
  for (const form of EXTRA_FORMS) {
    const entries = TABLE.entries("dates", form);
    TABLE.global("dates", form).forEach((p, i) => {
      for (const m of folded.matchAll(p)) {
        const d = extraDate(form, entries[i] as Entry, m as RegExpExecArray);
        if (d) {
          found.push([m.index, d, !vague(form, entries[i] as Entry, m as RegExpExecArray)]);
          if (firstOnly) break;
        }
      }
    });
  }
  return sortDates(found);
}

// Python sorts (position, iso[, exact]) tuples: position first, then the ISO text, then exact last
function sortDates<T extends [number, string] | [number, string, boolean]>(found: T[]): T[] {
  return found.sort(
    (a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || Number(a[2] ?? 0) - Number(b[2] ?? 0),
  );
}

function confirmedDates(folded: string): Array<[number, string]> {
  const found: Array<[number, string]> = [];
  for (const p of TABLE.global("dates", "numeric")) {
    for (const m of folded.matchAll(p)) {
      const d = iso(Number(m[3]), Number(m[2]), Number(m[1]));
      if (d) found.push([m.index, d]);
    }
  }
  for (const p of TABLE.global("dates", "words")) {
    for (const m of folded.matchAll(p)) {
      const month = monthNumber(m[2] ?? "");
      const d = month ? iso(Number(m[3]), month, Number(m[1])) : null;
      if (d) found.push([m.index, d]);
    }
  }
  return found;
}

/** Every date in a text as [position, ISO], in text order. */
export function findDates(text: string): Array<[number, string]> {
  const folded = fold(text);
  const extra = extraDates(folded, false).map(([at, d]): [number, string] => [at, d]);
  return sortDates([...confirmedDates(folded), ...extra]);
}

/**
 * The earliest full date (DD.MM.YYYY, «5 июня 2024»), else the earliest of the other forms: a date
 * that names its year wins over a short, yearless or relative one in the same text (it is exact).
 * A rounded relative date first («месяц назад») gives null: the day it would name is a guess
 * (`vague`), and a later date of the text is not this one's.
 */
export function firstDate(text: string): string | null {
  const folded = fold(text);
  const best = sortDates(confirmedDates(folded))[0];
  if (best) return best[1];
  const first = extraDates(folded, true)[0];
  return first && first[2] ? first[1] : null;
}

/** Whether a text's date is only a rounded relative one («месяц назад»: `firstDate` gives null for
 * it): the text is dated, its day is unknown. */
export function vagueDate(text: string): boolean {
  const folded = fold(text);
  if (confirmedDates(folded).length > 0) return false;
  const first = extraDates(folded, true)[0];
  return first !== undefined && !first[2];
}

/** The first date in a text (an ISO prefix accepted too), else null. */
export function parseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  for (const p of TABLE.sticky("dates", "iso")) {
    const m = TABLE.match(p, text.trim());
    if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return firstDate(text);
}

/** An end date («до 5 декабря»): like `parseDate`, but a date with no year is the nearest one. */
export function parseEndDate(text: string | null | undefined): string | null {
  const before = nearest;
  nearest = true;
  try {
    return parseDate(text);
  } finally {
    nearest = before;
  }
}

/** Whether a folded text dates itself only relatively («2 недели назад», «вчера в 17:41»): a
 * relative phrase and no date that names its year. */
function relativeOnly(folded: string): boolean {
  return (
    TABLE.search(folded, "dates", "relative_hint") !== null &&
    TABLE.search(folded, "dates", "relative") !== null &&
    confirmedDates(folded).length === 0
  );
}

/** The exact date an element's `title` tooltip gives its relative text («<span title="12.11.2026
 * 14:20">2 недели назад</span>»: Viva Engage, Discourse, GitHub's relative-time, a SharePoint feed);
 * a title that is itself relative adds nothing. */
function titleDate(el: Element): string | null {
  const title = el.getAttribute("title");
  if (!title || relativeOnly(fold(title))) return null;
  return parseDate(title);
}

/** An element's date: its datetime / content attribute first, then — when its text dates it only
 * relatively — the exact date of its `title` tooltip, then its text. */
export function elementDate(el: Element, text: string): string | null {
  for (const attr of ["datetime", "content"]) {
    const value = el.getAttribute(attr);
    if (value) {
      const parsed = parseDate(value);
      if (parsed) return parsed;
    }
  }
  if (el.getAttribute("title") && relativeOnly(fold(text))) {
    const exact = titleDate(el);
    if (exact) return exact;
  }
  return parseDate(text);
}
