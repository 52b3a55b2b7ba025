// What reviews.ts and comments.ts share: stated totals, marks, order (backend/mpcheck/extract/feedback.py).
// `total` is the number the page states (tab label, summary, pager «из N»); items are newest
// first. Every selector runs once per tab body, not once per item.
import type { Page } from "./context";
import { css, textWithout } from "./dom";
import { itemOf, type Listing } from "./items";
import { TABLE } from "./label_table";
import { cpLen, fold } from "./text";

const MAX_TITLE_CHARS = 120; // answer titles and badges are short; long review texts are not scanned

function count(texts: string[], kind: string): number | null {
  for (const text of texts) {
    if (TABLE.search(text, kind, "none")) return 0;
    const m = TABLE.search(text, kind, "count");
    if (m) return Number(m[1]);
  }
  return null;
}

function tabCount(page: Page, tab: string): number | null {
  const m = TABLE.search(fold(page.tabs.labels.get(tab) ?? ""), "tab_count");
  return m ? Number(m[1]) : null;
}

/** Whether a tab body links to further pages of its list (Bitrix `PAGEN_n`). */
export function hasPager(body: Element): boolean {
  return css(body, "a").some((a) => (a.getAttribute("href") ?? "").includes("PAGEN_"));
}

/** Item → elements whose own text matches a regex list (answer titles, developer badges). */
export function marks(listing: Listing, path: string[]): Map<Element, Element[]> {
  const found = new Map<Element, Element[]>();
  for (const [el, own] of listing.owns) {
    if (cpLen(own) > MAX_TITLE_CHARS || !TABLE.search(fold(own), ...path)) continue;
    const item = itemOf(listing, el);
    if (!item) continue;
    const list = found.get(item) ?? [];
    list.push(el);
    found.set(item, list);
  }
  return found;
}

/** The stated total: tab label, else the body outside the items (and, for reviews, the page head). */
export function stated(page: Page, tab: string, kind: string, listing: Listing | undefined, head: boolean): number | null {
  let total = tabCount(page, tab);
  if (total === null && listing) {
    const texts = [fold(textWithout(listing.body, new Set(listing.items)))];
    if (head) texts.push(page.headText());
    total = count(texts, kind);
  }
  return total;
}

/** Newest first; equal dates keep page order (Python's stable reverse sort). */
export function newestFirst<T extends { date: string | null }>(list: T[]): T[] {
  return list.sort((a, b) => ((a.date ?? "") < (b.date ?? "") ? 1 : (a.date ?? "") > (b.date ?? "") ? -1 : 0));
}
