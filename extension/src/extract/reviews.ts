// Reviews (Отзывы): the stated total and the items shown (backend/mpcheck/extract/reviews.py).
// A review is answered when it holds an «Ответ разработчика» block. Shared helpers: feedback.ts.
import type { Page } from "./context";
import { css, inlineText } from "./dom";
import { hasPager, marks, newestFirst, stated } from "./feedback";
import { itemOf, type Listing } from "./items";
import { TABLE } from "./label_table";
import { fold } from "./text";

const STARS = /^\s*([0-5])(?:[.,]([0-9]))?/u;

export interface Review { date: string; stars: number | null; answered: boolean }

/** Python's round(): halves go to the even neighbour. */
function pyRound(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function stars(listing: Listing, answers: Map<Element, Element[]>): Map<Element, number> {
  const skip = new Set<Element>();
  for (const els of answers.values()) for (const a of els) for (const d of css(a.parentElement, "*")) skip.add(d);
  const found = new Map<Element, number>();
  for (const sel of TABLE.entries("reviews", "stars_selectors")) {
    const counts = new Map<Element, number>();
    for (const el of css(listing.body, String(sel.css))) {
      const item = itemOf(listing, el);
      if (!item || found.has(item) || skip.has(el)) continue;
      if (sel.count) {
        counts.set(item, (counts.get(item) ?? 0) + 1);
        continue;
      }
      const m = STARS.exec((sel.attr ? el.getAttribute(sel.attr) : null) || inlineText(el));
      if (m && Number(m[1]) > 0) found.set(item, pyRound(Number(`${m[1]}.${m[2] ?? 0}`)));
    }
    for (const [item, n] of counts) if (!found.has(item)) found.set(item, Math.min(n, 5));
  }
  const starChar = String(TABLE.get("reviews", "star_char") ?? "★");
  for (const item of listing.items) {
    if (found.has(item)) continue;
    const text = fold(inlineText(item));
    const m = TABLE.search(text, "reviews", "stars_text");
    const n = text.split(starChar).length - 1;
    if (m || (n > 0 && n <= 5)) found.set(item, m ? Number(m[1]) : n);
  }
  return found;
}

/** {total, items[{date, stars, answered}]} from the «Отзывы» tab. */
export function reviews(page: Page): { total: number | null; items: Review[] } {
  const listing = page.listings.get("rating");
  const parsed: Review[] = [];
  if (listing) {
    const answers = marks(listing, ["reviews", "answer_titles"]);
    const starMap = stars(listing, answers);
    for (const item of listing.items) {
      const date = listing.dates.get(item);
      if (date) parsed.push({ date, stars: starMap.get(item) ?? null, answered: answers.has(item) });
    }
    page.found_by.reviews = "tab-body";
  }
  let total = stated(page, "rating", "reviews", listing, true);
  const meta = total === null ? css(page.root, "[itemprop=reviewCount]")[0] : undefined;
  const content = meta?.getAttribute("content") ?? "";
  if (meta && /^[0-9]+$/.test(content)) total = Number(content);
  if (total === null && listing && !hasPager(listing.body)) total = parsed.length;
  return { total, items: newestFirst(parsed) };
}
