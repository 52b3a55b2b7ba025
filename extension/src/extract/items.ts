// Repeated dated blocks of a tab body: reviews, comments, changelog rows (DOM.md §10.5;
// backend/mpcheck/extract/items.py). Items are the children of a list container that contain a
// date; the container is the tab body, descended while exactly one child holds all dates and that
// child is a pure wrapper or a list/table. Row descriptions in following siblings (dt + dd) are
// grouped into one wrapper div (in the prepared copy). Own texts are scanned once per body.
import { elementDate } from "./dates";
import { css, inlineText, moveWithTail, ownText, tag } from "./dom";
import { TABLE } from "./label_table";
import { cpLen, fold, isBlank } from "./text";

const HAS_YEAR = /[0-9]{4}/; // every date form has a 4-digit year: a cheap ASCII prefilter
const LIST_TAGS = new Set(["dl", "table", "tbody", "ul", "ol"]);

export interface Listing {
  body: Element;
  items: Element[];
  dates: Map<Element, string | null>;
  /** [element, own text] of every element under the body with non-blank own text. */
  owns: Array<[Element, string]>;
}

/** The item an element belongs to (null outside every item). */
export function itemOf(listing: Listing, el: Element | null): Element | null {
  for (let a = el; a && a !== listing.body; a = a.parentElement) if (listing.dates.has(a)) return a;
  return null;
}

function scan(body: Element): Array<[Element, string]> {
  const out: Array<[Element, string]> = [];
  for (const el of css(body, "*")) {
    const own = ownText(el);
    if (!isBlank(own)) out.push([el, own]);
  }
  return out;
}

function dated(owns: Array<[Element, string]>): Array<[Element, string]> {
  const patterns = [...TABLE.rx("dates", "numeric"), ...TABLE.rx("dates", "words")];
  return owns.filter(
    ([el, own]) => (tag(el) === "time" && el.getAttribute("datetime")) || (HAS_YEAR.test(own) && patterns.some((p) => p.test(own))),
  );
}

/** Headings, titles, pagers, summaries, forms, empty blocks: list furniture, not content. */
function isChrome(el: Element): boolean {
  if (TABLE.headingTags.has(tag(el)) || tag(el) === "form" || (el.getAttribute("class") ?? "").includes("tab-title")) return true;
  const text = fold(inlineText(el));
  if (!text) return true;
  if (css(el, "a").some((a) => (a.getAttribute("href") ?? "").includes("PAGEN_"))) return true;
  const checks = [["pager", "range"], ["reviews", "count"], ["comments", "count"]];
  return cpLen(text) < 120 && checks.some((path) => TABLE.search(text, ...path) !== null);
}

function grouped(container: Element, marked: ReadonlySet<Element>): Element[] {
  const groups: Element[][] = [];
  for (const child of Array.from(container.children)) {
    if (marked.has(child)) groups.push([child]);
    else if (groups.length && !isChrome(child)) (groups[groups.length - 1] as Element[]).push(child);
  }
  return groups.map((group) => {
    const first = group[0] as Element;
    if (group.length === 1) return first;
    const wrapper = container.ownerDocument.createElement("div");
    container.insertBefore(wrapper, first);
    for (const node of group) moveWithTail(node, wrapper);
    return wrapper;
  });
}

function containers(body: Element, marked: ReadonlySet<Element>): Element[] {
  let container = body;
  for (;;) {
    const holders = Array.from(container.children).filter((c) => marked.has(c));
    if (holders.length !== 1) break;
    const only = holders[0] as Element;
    const wrapper = isBlank(ownText(only)) && Array.from(only.children).every((c) => marked.has(c) || isChrome(c));
    if (!(wrapper || LIST_TAGS.has(tag(only)))) break;
    container = only;
  }
  if (LIST_TAGS.has(tag(container))) return grouped(container, marked);
  return Array.from(container.children).filter((c) => marked.has(c));
}

/** Items of a tab body in page order, with each item's date (its first dated element). */
export function splitListing(body: Element): Listing {
  const listing: Listing = { body, items: [], dates: new Map(), owns: scan(body) };
  const found = dated(listing.owns);
  if (!found.length) return listing;
  const marked = new Set<Element>();
  for (const [el] of found) {
    for (let node: Element | null = el; node && !marked.has(node); node = node.parentElement) {
      marked.add(node);
      if (node === body) break;
    }
  }
  listing.items = containers(body, marked);
  for (const item of listing.items) listing.dates.set(item, null);
  for (const [el, own] of found) {
    const item = itemOf(listing, el);
    if (item && listing.dates.get(item) === null) listing.dates.set(item, elementDate(el, own));
  }
  return listing;
}
