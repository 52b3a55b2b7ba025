// Dates as ISO YYYY-MM-DD from DD.MM.YYYY[ HH:MM[:SS]], Russian genitive words and time[datetime]
// (backend/mpcheck/extract/dates.py). 31.02 is not a date: invalid calendar dates are null.
import { TABLE, matchEntry, match } from "./label_table";
import { fold } from "./text";

const globalCache = new Map<string, RegExp[]>();

function globalRx(...path: string[]): RegExp[] {
  const key = path.join("/");
  let found = globalCache.get(key);
  if (!found) {
    found = TABLE.rx(...path).map((p) => new RegExp(p.source, p.flags + "g"));
    globalCache.set(key, found);
  }
  return found;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function iso(year: number, month: number, day: number): string | null {
  if (!(year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1)) return null;
  const last = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // days in month (leap year 2000 for Feb)
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 ? (leap ? 29 : 28) : last)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function monthNumber(word: string): number | null {
  const hit = matchEntry(word, "dates", "months");
  return hit ? Number(hit[0].month) : null;
}

/** Every date in a text as [position, ISO], in text order. */
export function findDates(text: string): Array<[number, string]> {
  const folded = fold(text);
  const found: Array<[number, string]> = [];
  for (const p of globalRx("dates", "numeric")) {
    p.lastIndex = 0;
    for (const m of folded.matchAll(p)) {
      const d = iso(Number(m[3]), Number(m[2]), Number(m[1]));
      if (d) found.push([m.index, d]);
    }
  }
  for (const p of globalRx("dates", "words")) {
    for (const m of folded.matchAll(p)) {
      const month = monthNumber(m[2] ?? "");
      const d = month ? iso(Number(m[3]), month, Number(m[1])) : null;
      if (d) found.push([m.index, d]);
    }
  }
  // Python sorts (position, iso) tuples: position first, then the ISO text
  return found.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

/** The earliest date in a text. */
export function firstDate(text: string): string | null {
  const dates = findDates(text);
  return dates.length ? (dates[0] as [number, string])[1] : null;
}

/** The first date in a text (an ISO prefix accepted too), else null. */
export function parseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  for (const p of TABLE.sticky("dates", "iso")) {
    const m = match(p, text.trim());
    if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return firstDate(text);
}

/** An element's date: its datetime / content attribute first, then its text. */
export function elementDate(el: Element, text: string): string | null {
  for (const attr of ["datetime", "content"]) {
    const value = el.getAttribute(attr);
    if (value) {
      const parsed = parseDate(value);
      if (parsed) return parsed;
    }
  }
  return parseDate(text);
}
