// «Что нового»: one entry per release row, newest first, with the description length in
// characters (backend/mpcheck/extract/changelog.py). `chars` is measured on block text, on the
// description only, in Unicode code points, as fixtures/expected/README.md defines it.
import type { Page } from "./context";
import { parseDate } from "./dates";
import { inlineText } from "./dom";
import { newestFirst } from "./feedback";
import { TABLE, matchEntry } from "./label_table";
import { cpLen, fold, lstripChars } from "./text";

const LEAD = " —–-:.;,)";

export interface Entry { version: string | null; date: string | null; chars: number }

function description(text: string, end: number): number {
  return cpLen(lstripChars(text.slice(end), LEAD).trim());
}

/** {version, date, chars} of one row's block text, or null when it has no version. */
export function parseRow(text: string): Entry | null {
  const folded = fold(text);
  const hit = matchEntry(folded, "changelog", "rows");
  if (hit) {
    const [entry, m] = hit;
    const date = parseDate(m[Number(entry.date_group)] ?? null);
    return { version: m[Number(entry.version_group)] ?? null, date, chars: description(text, m.index + m[0].length) };
  }
  const m = TABLE.search(folded, "changelog", "version_only");
  if (!m) return null;
  return { version: m[1] ?? null, date: null, chars: description(text, m.index + m[0].length) };
}

/** Entries of the log tab (null when the page has no such tab). */
export function changelog(page: Page): Entry[] | null {
  const listing = page.listings.get("log");
  if (!listing) return null;
  const entries = listing.items.map((item) => parseRow(inlineText(item))).filter((e): e is Entry => e !== null);
  page.found_by.changelog = "tab-body";
  return newestFirst(entries);
}
