// The labelled properties: installs, published, updated, version, editions, adaptive, composite,
// and the average rating (backend/mpcheck/extract/props.py). Label first, then the field's
// selector fallbacks; a label whose value does not parse is skipped, never guessed around.
import type { Page } from "./context";
import { findDates, parseDate } from "./dates";
import { ancestors, childElements, css, inlineText, matches, tag, tailText } from "./dom";
import { TABLE } from "./label_table";
import { cpLen, fold, norm, stripChars } from "./text";
import * as values from "./values";

const QUOTES = "«»\"“”„'’";
const LETTER = /[\p{L}\p{Nl}\p{No}]/u; // Python `[^\W\d_]`: a word character that is not a digit or _

function labelled<T>(page: Page, field: string, parse: (text: string) => T | null): T | null {
  const hit = page.index.find(field, { valid: (text) => parse(text) !== null });
  const found = hit ? parse(hit.text) : null;
  if (found !== null) {
    page.found_by[field] = "label";
    return found;
  }
  return selected(page, field, parse);
}

/** The field's selector fallbacks (attribute or text); null if nothing parses. */
function selected<T>(page: Page, field: string, parse: (text: string) => T | null): T | null {
  for (const sel of TABLE.entries("fields", field, "selectors")) {
    for (const el of page.outside(css(page.root, String(sel.css)))) {
      const raw = (sel.attr && el.getAttribute(sel.attr)) || inlineText(el);
      const value = parse(raw);
      if (value !== null) {
        page.found_by[field] = "selector";
        return value;
      }
    }
  }
  return null;
}

/**
 * «"Старт", "Стандарт"» → ["Старт", "Стандарт"]; «—» → null; a range or an exception («начиная с
 * «Малый бизнес»», «Старт и выше», «все, кроме Старт») → null: no list of names.
 */
export function editions(text: string): string[] | null {
  const sep = TABLE.rx("fields", "editions", "values")[0];
  if (!sep) return null;
  const items = norm(text)
    .split(sep)
    .map((part) => stripChars(norm(part), QUOTES + " ."))
    .filter((i) => i && LETTER.test(i));
  if (items.some((i) => TABLE.search(fold(i), "fields", "editions", "not_items"))) return null;
  return items.length ? items : null;
}

/**
 * A labelled date: the value opens with the date («19.11.2026», «с 12.03.2024», «(вчера)»); a rest
 * that opens with words («на сайте вендора: 01.03.2021», «документация — 05.05.2025») dates another
 * thing (`date_labels.lead`).
 */
function labelDate(text: string): string | null {
  const value = parseDate(text);
  if (value === null) return null;
  const found = findDates(text); // none: the ISO prefix parseDate reads at the very start
  const lead = found.length ? fold(text).slice(0, found[0]![0]) : "";
  return TABLE.search(lead, "date_labels", "lead") ? value : null;
}

/** The main landmark holding the solution's h1 (`date_labels.container`), null when there is none. */
function container(page: Page): Element | null {
  const title = page.first("h1");
  const selector = TABLE.entries("date_labels", "container")
    .map((e) => String(e.css))
    .join(", ");
  if (!title || !selector) return null;
  return [...ancestors(title)].find((a) => matches(a, selector)) ?? null;
}

/**
 * «На Маркетплейсе с 15.03.2015» in the element holding the partner's link or beside it (a sibling):
 * the partner's since-date (`fields.<field>.not_own`), not the solution's.
 */
function partnerSince(el: Element, field: string): boolean {
  const sels = TABLE.entries("fields", "partner", "selectors").map((s) => String(s.css));
  const beside = [el, el.parentElement].some((block) => block !== null && sels.some((sel) => css(block, sel).length > 0));
  return beside && TABLE.search(fold(inlineText(el)), "fields", field, "not_own") !== null;
}

/**
 * A labelled date; a `time[datetime]` inside the value wins over its text («18 ноября»). Inside the
 * solution's main landmark when the page has one (or a sidebar, `date_labels.beside`): a label
 * outside counts only when the value it points at is inside (a tooltip after the footer describing
 * a props row).
 */
function labelledDate(page: Page, field: string): string | null {
  const block = container(page);
  const beside = TABLE.entries("date_labels", "beside")
    .map((e) => String(e.css))
    .join(", ");
  const inside = (el: Element): boolean =>
    block === null || [...ancestors(el)].some((a) => a === block || (beside !== "" && matches(a, beside)));
  const valid = (text: string): boolean => labelDate(text) !== null;
  const own = (el: Element): boolean => !partnerSince(el, field);
  let hit = page.index.find(field, { accept: (el) => inside(el) && own(el), valid });
  if (!hit && block) {
    hit = page.index.find(field, { accept: own, valid });
    if (hit && !(hit.valueEl && inside(hit.valueEl))) hit = null;
  }
  if (!hit) return selected(page, field, parseDate);
  if (hit.valueEl) {
    for (const el of css(hit.valueEl, "time[datetime]")) {
      if (!hit.text.includes(inlineText(el))) continue;
      const exact = parseDate(el.getAttribute("datetime"));
      if (exact) {
        page.found_by[field] = "label";
        return exact;
      }
    }
  }
  page.found_by[field] = "label";
  return labelDate(hit.text);
}

const CHIP_GLUE = new Set(["", ",", ";", "·"]);

/** A value made of chips (<span>Старт</span><span>Стандарт</span>): one name per child. */
function chips(el: Element): string[] | null {
  const kids = childElements(el);
  const names = kids.map((c) => inlineText(c));
  const leading = el.firstChild && el.firstChild.nodeType === 3 ? norm((el.firstChild as Text).data) : "";
  if (kids.length < 2 || !names.every((n) => n) || leading || kids.some((c) => !CHIP_GLUE.has(norm(tailText(c))))) return null;
  return editions(names.join(", "));
}

/** <dt>Редакции</dt><dd>Старт</dd><dd>Бизнес</dd>: one name per dd of the run. */
function ddRun(first: Element): string[] | null {
  const names: string[] = [];
  for (let el: Element | null = first; el && tag(el) === "dd"; el = el.nextElementSibling) names.push(inlineText(el));
  return names.length > 1 ? editions(names.join(", ")) : null;
}

/** Editions as listed; a value of separate chips is split by element, not by commas. */
function editionsOf(page: Page): string[] | null {
  const hit = page.index.find("editions", { valid: (text) => editions(text) !== null });
  if (hit?.valueEl && hit.valueEl !== hit.label) {
    const found = chips(hit.valueEl) ?? ddRun(hit.valueEl);
    if (found) {
      page.found_by.editions = "label";
      return found;
    }
  }
  return labelled(page, "editions", editions);
}

/** A labelled bucket; after the abbreviated «Уст.» only a whole bucket («Уст.: до 3 сайтов на лицензию» is null). */
function installsOf(page: Page): values.Installs | null {
  const hit = page.index.find("installs", { valid: (text) => values.installs(text) !== null });
  if (hit && TABLE.search(fold(inlineText(hit.label)), "fields", "installs", "abbreviated")) {
    const found = values.installs(hit.text);
    if (!found || stripChars(found.label, " .,;") !== stripChars(norm(hit.text), " .,;")) return null;
  }
  return labelled(page, "installs", values.installs);
}

/**
 * A yes / no property (adaptive, composite); a yes bound to a condition in its own clause («есть в
 * редакции «Премиум»», «доступна с версии 3.0 (в разработке)») is null (`booleans.restricted`), the
 * next sentence is not its clause («да. Нужен модуль … версии 22.0»).
 */
function feature(text: string): boolean | null {
  const value = values.yesNo(text);
  if (value === true && TABLE.search(fold(text), "booleans", "restricted")) return null;
  return value;
}

export interface Props {
  installs: values.Installs | null;
  published: string | null;
  updated: string | null;
  version: string | null;
  editions: string[] | null;
  adaptive: boolean | null;
  composite: boolean | null;
}

/** Each labelled property's reader (solution.ts reads them one by one: one failing never blanks the others). */
export const READERS: { [K in keyof Props]: (page: Page) => Props[K] } = {
  installs: installsOf,
  published: (page) => labelledDate(page, "published"),
  updated: (page) => labelledDate(page, "updated"),
  version: (page) => labelled(page, "version", values.version),
  editions: editionsOf,
  adaptive: (page) => labelled(page, "adaptive", feature),
  composite: (page) => labelled(page, "composite", feature),
};

export function readProps(page: Page): Props {
  return {
    installs: READERS.installs(page),
    published: READERS.published(page),
    updated: READERS.updated(page),
    version: READERS.version(page),
    editions: READERS.editions(page),
    adaptive: READERS.adaptive(page),
    composite: READERS.composite(page),
  };
}

const BARE_RATING = /^[0-5][.,][0-9]{1,2}$/;
const MAX_SUMMARY_CHARS = 60; // «4,1 из 5 (12 оценок)»: a summary leaf is short

/** Where a bare average sits: the reviews tab, and the title's block (h1, its parent, grandparent). */
function summaryRoots(page: Page): Element[] {
  const roots: Element[] = [];
  const body = page.tabs.bodies.get("rating");
  if (body) roots.push(body);
  const title = page.first("h1");
  let block = title?.parentElement ?? null;
  if (block?.parentElement) block = block.parentElement;
  if (block && tag(block) !== "body" && tag(block) !== "html") roots.push(block);
  return roots;
}

/** The average's block (its parent) names the developer or holds a partner link: the partner's score. */
function partnerBlock(el: Element): boolean {
  const block = el.parentElement;
  if (!block) return false;
  if (TABLE.search(fold(inlineText(block)), "fields", "rating", "not_own")) return true;
  return TABLE.entries("fields", "partner", "selectors").some((sel) => css(block, String(sel.css)).length > 0);
}

/** A bare «4,4» in the reviews summary or the head, with reviews wording in its block. */
function summary(page: Page, notItem: (el: Element) => boolean): number | null {
  const context = TABLE.rx("fields", "rating", "context");
  for (const el of page.outside(summaryRoots(page).flatMap((root) => css(root, "*")), "rating")) {
    if (el.firstElementChild) continue;
    const text = norm(el.textContent);
    if (cpLen(text) < 3 || cpLen(text) > MAX_SUMMARY_CHARS) continue;
    const own = text; // a leaf: its whole text is its own (the prepared copy may split it into several nodes)
    if (!notItem(el) || partnerBlock(el)) continue;
    const whole = TABLE.search(fold(own), "fields", "rating", "summary");
    if (whole) return values.rating(whole[1] ?? ""); // «4,1 из 5 (12 оценок)»: the average with its count of ratings
    if (!BARE_RATING.test(own)) continue;
    let block = el.parentElement;
    for (let i = 0; i < 2 && block; i++, block = block.parentElement) {
      const folded = fold(inlineText(block));
      if (context.some((p) => p.test(folded))) return values.rating(own);
    }
  }
  return null;
}

/** Average rating: label (head, then the reviews summary), the «no ratings» text, then selectors. */
export function rating(page: Page): number | null {
  const items = new Set(page.reviewItems);
  const notItem = (el: Element): boolean => ![...ancestors(el)].some((a) => items.has(a));
  const valid = (text: string): boolean => values.rating(text) !== null;
  const hit = page.index.find("rating", { valid }) ?? page.index.find("rating", { zones: ["rating"], accept: notItem, valid });
  if (hit) {
    page.found_by.rating = "label";
    return values.rating(hit.text);
  }
  if (TABLE.search(page.headText(), "fields", "rating", "none")) {
    page.found_by.rating = "text";
    return null;
  }
  const bare = summary(page, notItem);
  if (bare !== null) {
    page.found_by.rating = "summary";
    return bare;
  }
  for (const sel of TABLE.entries("fields", "rating", "selectors")) {
    const found = page.outside(css(page.root, String(sel.css)), "rating").filter(notItem);
    let value: number | null = null;
    if (sel.count) value = found.length ? found.length : null;
    else {
      for (const el of found) {
        value = values.rating((sel.attr && el.getAttribute(sel.attr)) || inlineText(el));
        if (value !== null) break;
      }
    }
    if (value !== null) {
      page.found_by.rating = "selector";
      return value;
    }
  }
  return null;
}

