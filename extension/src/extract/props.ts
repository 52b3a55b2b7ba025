// The labelled properties: installs, published, updated, version, editions, adaptive, composite,
// and the average rating (backend/mpcheck/extract/props.py). Label first, then the field's
// selector fallbacks; a label whose value does not parse is skipped, never guessed around.
import type { Page } from "./context";
import { findDates, parseDate } from "./dates";
import { ancestors, childElements, css, inlineText, matches, ownText, tag, tailText, textWithout } from "./dom";
import { disclaimed } from "./items";
import { TABLE } from "./label_table";
import type { Hit } from "./labelled";
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
 * «Малый бизнес»», «Старт и выше», «все, кроме Старт») → null: no list of names; an item that is
 * no edition's name («Редакция каталога») → null: no list of editions.
 */
export function editions(text: string): string[] | null {
  const sep = TABLE.rx("fields", "editions", "values")[0];
  if (!sep) return null;
  const items = norm(text)
    .split(sep)
    .map((part) => stripChars(norm(part), QUOTES + " ."))
    .filter((i) => i && LETTER.test(i));
  if (items.some((i) => TABLE.search(fold(i), "fields", "editions", "not_items"))) return null;
  if (!items.every(editionName)) return null;
  return items.length ? items : null;
}

/**
 * An edition's name: a 1C-Bitrix edition (`fields.editions.known_names`, any case: «старт») or a
 * bundle's name written as a name, its first letter a capital or a digit («Лайт», «PRO», «1С-…»);
 * a lower-case word is prose after a label-like wording («Редакция каталога»: the editorial office).
 */
function editionName(item: string): boolean {
  const known = TABLE.get("fields", "editions", "known_names");
  if (Array.isArray(known) && known.includes(fold(item).toLowerCase())) return true;
  const first = [...item].find((c) => c.toLowerCase() !== c.toUpperCase() || (c >= "0" && c <= "9")) ?? "";
  return first !== first.toLowerCase() || (first >= "0" && first <= "9");
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
 * Whether a date label sits in the section of one release: the nearest heading before it (a preceding
 * sibling of the label or of one of its ancestors) names a version (`fields.<field>.release_heading`:
 * «Изменения в версии 3.2.0» over «Выпущено 24 ноября», the latest release's box on a file page): that
 * label dates the release, not the solution (Python `_release_headed`).
 */
function releaseHeaded(el: Element, field: string): boolean {
  if (TABLE.entries("fields", field, "release_heading").length === 0) return false;
  for (const node of ancestors(el)) {
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (TABLE.headingTags.has(tag(prev))) {
        return TABLE.search(fold(inlineText(prev)), "fields", field, "release_heading") !== null;
      }
    }
  }
  return false;
}

/**
 * The first label hit whose value is not `foreign`: a label whose value is foreign is skipped and
 * the search goes on (a «Опубликовано» caption whose value is a blog post's date block: the facts
 * table's row further down is the solution's). Ends: each round skips one more label.
 */
function findOwn(
  page: Page,
  field: string,
  accept: (el: Element) => boolean,
  valid: (text: string) => boolean,
  foreign: (hit: Hit) => boolean,
): Hit | null {
  const skipped = new Set<Element>();
  for (;;) {
    const hit = page.index.find(field, { accept: (el) => !skipped.has(el) && accept(el), valid });
    if (!hit || !foreign(hit)) return hit;
    skipped.add(hit.label);
  }
}

/**
 * A labelled date; a `time[datetime]` inside the value wins over its text («18 ноября»). Inside the
 * solution's main landmark when the page has one (or a sidebar, `date_labels.beside`): a label
 * outside counts only when the value it points at is inside (a tooltip after the footer describing
 * a props row). A label in the byline of the article the page is (`date_labels.byline`: «Обновлено
 * 3 дня назад» under a help-center article's title), or whose value is a post's date element there
 * (WordPress `wp-block-post-date`), dates the text, never the solution.
 */
function labelledDate(page: Page, field: string): string | null {
  const block = container(page);
  const beside = TABLE.entries("date_labels", "beside")
    .map((e) => String(e.css))
    .join(", ");
  const byline = TABLE.entries("date_labels", "byline")
    .map((e) => String(e.css))
    .join(", ");
  const inside = (el: Element): boolean =>
    block === null || [...ancestors(el)].some((a) => a === block || (beside !== "" && matches(a, beside)));
  const valid = (text: string): boolean => labelDate(text) !== null;
  const own = (el: Element): boolean =>
    !(byline !== "" && [...ancestors(el)].some((a) => matches(a, byline))) &&
    !partnerSince(el, field) &&
    !releaseHeaded(el, field);
  const datedByline = (hit: Hit): boolean =>
    byline !== "" && hit.valueEl !== null && [...ancestors(hit.valueEl)].some((a) => matches(a, byline));
  let hit = findOwn(page, field, (el) => inside(el) && own(el), valid, datedByline);
  if (!hit && block) {
    hit = findOwn(page, field, own, valid, datedByline);
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

/** The text before an element's first child node (lxml's `el.text`). */
function leadingText(el: Element): string {
  return el.firstChild && el.firstChild.nodeType === 3 ? norm((el.firstChild as Text).data) : "";
}

/**
 * The element that holds a value's chips: down through wrappers with one child and no text of
 * their own (MUI's ListItemText secondary > Stack > Chip…, blind
 * solution_mui5_react_granitlab_loyalty); a wrapper with a word of its own is no mere wrapper.
 */
function chipRow(start: Element): Element {
  let el = start;
  for (;;) {
    const kids = childElements(el);
    if (kids.length !== 1 || leadingText(el) || norm(tailText(kids[0]!))) return el;
    el = kids[0]!;
  }
}

/** A value made of chips (<span>Старт</span><span>Стандарт</span>): one name per child. */
function chips(value: Element): string[] | null {
  const el = chipRow(value);
  const kids = childElements(el);
  const names = kids.map((c) => inlineText(c));
  const leading = leadingText(el);
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

/** The least bucket a bare noun may follow («10 - 49 сайтов»); below: a licence limit. */
const MIN_NOUN_BUCKET = 10;

/**
 * An install bucket that is the whole value, its caption («установок», «раз») aside: «100 - 499»,
 * «Более 1000 установок»; a bucket inside a longer text is a licence term, a duration or a claim
 * («до 3 копий на лицензию», «и настройка — от 1 до 3 дней», «более 1000 (по данным вендора)»).
 */
function bucket(text: string | null | undefined): values.Installs | null {
  const found = values.installs(text);
  const value = norm(text);
  if (!found || !value.startsWith(found.label)) return null;
  const rest = value.slice(found.label.length);
  if (TABLE.search(rest, "fields", "installs", "tail")) return found;
  const noun = (found.min ?? 0) >= MIN_NOUN_BUCKET && TABLE.search(rest, "fields", "installs", "tail_noun") !== null;
  return noun ? found : null; // «Более 1000 сайтов»; never «до 3 копий» (a licence limit)
}

/** Does the label element start with the Marketplace's own installs label («Количество установок»)? */
function marketplaceLabel(el: Element): boolean {
  const text = fold(inlineText(el));
  const patterns = TABLE.labelRx("installs");
  return TABLE.entries("fields", "installs", "labels").some((entry, i) => {
    const pattern = patterns[i];
    return Boolean(entry.marketplace) && pattern !== undefined && TABLE.match(pattern, text) !== null;
  });
}

/**
 * A whole bucket; the Marketplace's «Количество установок» beats the short labels («Установок:» in a
 * head note or the buy block), whatever the document order.
 */
function installsOf(page: Page): values.Installs | null {
  const hit = page.index.find("installs", { accept: marketplaceLabel, valid: (text) => bucket(text) !== null });
  const found = hit ? bucket(hit.text) : null;
  if (found) {
    page.found_by.installs = "label";
    return found;
  }
  return labelled(page, "installs", bucket);
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

/** Does a block hold a link to a partner's page? */
function partnerLink(block: Element): boolean {
  return TABLE.entries("fields", "partner", "selectors").some((sel) => css(block, String(sel.css)).length > 0);
}

/** The average's block (its parent) names the developer or holds a partner link: the partner's score. */
function partnerBlock(el: Element): boolean {
  const block = el.parentElement;
  if (!block) return false;
  return TABLE.search(fold(inlineText(block)), "fields", "rating", "not_own") !== null || partnerLink(block);
}

const MAX_PARTNER_CHARS = 200; // a partner's line or card is short; a tab or a props list is longer

/** Does a block hold a label of another fact of the solution (`rating.facts`: «Версия», «Код решения»)? */
function holdsFacts(block: Element): boolean {
  const fields = (TABLE.get("fields", "rating", "facts") as string[] | undefined) ?? [];
  const patterns = fields.flatMap((name) => TABLE.labelRx(name));
  return css(block, "*").some((el) => {
    const text = fold(ownText(el));
    return patterns.some((p) => TABLE.match(p, text) !== null);
  });
}

/**
 * A rating label or widget whose short block holds a partner link (parent or grandparent) or names the
 * developer (parent), and neither the title nor another fact's label, is the partner's rating
 * («Разработчик: <a>ACME Soft</a> Рейтинг: 4,9», a stars widget next to the partner link).
 */
function partnerOwned(page: Page, el: Element): boolean {
  const title = page.first("h1");
  let block = el.parentElement;
  for (let level = 0; level < 2; level++, block = block.parentElement) {
    // a tab's body is short only once its items left the tree (a reviews table's «Ответ разработчика» column head)
    if (!block || tag(block) === "body" || tag(block) === "html" || page.zones.has(block)) return false;
    if (cpLen(inlineText(block)) > MAX_PARTNER_CHARS) return false;
    if (title && block.contains(title)) return false;
    if ((level === 0 && partnerBlock(el)) || partnerLink(block)) return !holdsFacts(block);
  }
  return false;
}

/** A bare «4,4» in the reviews summary or the head, with reviews wording in its block. */
function summary(page: Page, notItem: (el: Element) => boolean): number | null {
  return summaryFound(page, notItem)?.[0] ?? null;
}

/** The summary's average and its leaf (reviews.ts reads the count stated right after it; Python `summary_leaf`). */
export function summaryLeaf(page: Page): [number | null, Element] | null {
  const items = new Set(page.reviewItems);
  return summaryFound(page, (el) => ![...ancestors(el)].some((a) => items.has(a)));
}

function summaryFound(page: Page, notItem: (el: Element) => boolean): [number | null, Element] | null {
  const context = TABLE.rx("fields", "rating", "context");
  for (const el of page.outside(summaryRoots(page).flatMap((root) => css(root, "*")), "rating")) {
    if (el.firstElementChild) continue;
    const text = norm(el.textContent);
    if (cpLen(text) < 3 || cpLen(text) > MAX_SUMMARY_CHARS) continue;
    const own = text; // a leaf: its whole text is its own (the prepared copy may split it into several nodes)
    if (!notItem(el) || partnerBlock(el)) continue;
    const whole = TABLE.search(fold(own), "fields", "rating", "summary");
    if (whole) return [values.rating(whole[1] ?? ""), el]; // «4,1 из 5 (12 оценок)»: the average with its count of ratings
    // «4,4», or «4,7 из 5» alone in its leaf with the count beside it (`out_of`)
    const outOf = TABLE.search(fold(own), "fields", "rating", "out_of");
    if (!BARE_RATING.test(own) && !outOf) continue;
    const bare = outOf ? (outOf[1] ?? "") : own;
    let block = el.parentElement;
    for (let i = 0; i < 2 && block; i++, block = block.parentElement) {
      // an «из 5» of its own is no reviews wording: the words around the leaf must say so
      const folded = fold(outOf ? textWithout(block, new Set([el])) : inlineText(block));
      if (context.some((p) => p.test(folded))) return [values.rating(bare), el];
    }
  }
  return null;
}

/** The page says there are no ratings: in its head, or in a reviews tab that holds no review. */
function noReviews(page: Page): boolean {
  if (TABLE.search(page.headText(), "fields", "rating", "none")) return true;
  const tab = page.tabs.bodies.get("rating");
  return tab !== undefined && page.reviewItems.length === 0 && TABLE.search(fold(inlineText(tab)), "fields", "rating", "none") !== null;
}

/**
 * The average written into a sentence of the reviews section's own text (`rating.prose`: «у модуля 23
 * отзыва и средняя оценка 4,7 из 5», a vendor's article quoting its listing's reviews): the section's
 * text outside its items only (they left the tree: a review's «5 из 5» says nothing of the average),
 * and never a sentence naming the developer (`rating.not_own`) or another product (`rating.prose_other`: a
 * competitor, a comparison, a quoted name). Null without one.
 */
function proseAverage(page: Page): number | null {
  const tab = page.tabs.bodies.get("rating");
  if (!tab) return null;
  const text = fold(textWithout(tab, new Set(page.reviewItems)));
  const m = TABLE.search(text, "fields", "rating", "prose");
  if (!m) return null;
  const start = Math.max(text.lastIndexOf(".", m.index - 1), text.lastIndexOf("!", m.index - 1), text.lastIndexOf("?", m.index - 1));
  const sentence = text.slice(start + 1, m.index + m[0].length);
  if (TABLE.search(sentence, "fields", "rating", "not_own")) return null; // «средняя оценка решений партнёра 4,8 из 5»: the developer's score
  if (TABLE.search(sentence, "fields", "rating", "prose_other")) return null; // «у конкурента «Быстрый поиск» средняя оценка 4,2 из 5»: another product's
  return values.rating(m[1] ?? null);
}

/**
 * Average rating: label (head, then the reviews summary), the «no ratings» text, then selectors;
 * never the partner's rating next to the partner link (`partnerOwned`), and none at all when the page's
 * reviews section disclaims being the Marketplace's (`reviews.not_marketplace`): the stars and averages
 * around it are the host's own ratings, not the solution's.
 */
export function rating(page: Page): number | null {
  const section = page.listings.get("rating");
  if (section && disclaimed(section, "reviews")) {
    page.found_by.rating = "text";
    return null;
  }
  const items = new Set(page.reviewItems);
  const notItem = (el: Element): boolean => ![...ancestors(el)].some((a) => items.has(a));
  const own = (el: Element): boolean => !partnerOwned(page, el);
  const valid = (text: string): boolean => values.rating(text) !== null;
  const hit =
    page.index.find("rating", { accept: own, valid }) ??
    page.index.find("rating", { zones: ["rating"], accept: (el) => notItem(el) && own(el), valid });
  if (hit) {
    page.found_by.rating = "label";
    return values.rating(hit.text);
  }
  if (noReviews(page)) {
    page.found_by.rating = "text";
    return null;
  }
  const bare = summary(page, notItem);
  if (bare !== null) {
    page.found_by.rating = "summary";
    return bare;
  }
  for (const sel of TABLE.entries("fields", "rating", "selectors")) {
    const found = page.outside(css(page.root, String(sel.css)), "rating").filter((el) => notItem(el) && own(el));
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
  const prose = proseAverage(page); // last: a sentence of the reviews section, where nothing else says
  if (prose !== null) page.found_by.rating = "text";
  return prose;
}
