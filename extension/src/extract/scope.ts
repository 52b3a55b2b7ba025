// Scope: the part of a solution page that is about THIS solution (SPEC §3, issue 9;
// backend/mpcheck/extract/scope.py, rule for rule). Marketplace chrome (header/footer landmarks
// outside article/aside/main/nav/section, nav and the navigation roles, blocks whose class token or
// id names a header/footer/menu/banner and that hold no date or sit above the title) and blocks about other solutions
// (grown from a link to another code: its card, then the group of cards and furniture; foreign when
// it names two or more other codes, carries a foreign title, sits in a sidebar, or is a card outside
// the tab panels) leave the prepared copy before tabs, items or labels are looked for. A block
// holding the title (h1), the tab machinery or a link to the page's own code is never removed;
// breadcrumbs inside chrome stay in its place. The live page is never touched.
import { childElements, css, hidden, inlineText, matches, originalUrl, ownText, selectAll, tag, textWithout } from "./dom";
import { pageLinks } from "./items";
import { TABLE } from "./label_table";
import { cpLen, fold, norm } from "./text";

const PROSE_CHARS = 3; // a link whose parent has more own text than this is a mention inside prose
const DIGIT = /[0-9]/;
const MAX_PAGER_CHARS = 200; // a pager's text is short
// a solution is named by a link or by a card's data-href / data-url (forms and other data-* keys are left out)
const LINKS = "a[href], [data-href], [data-url]";
const LINK_ATTRS = ["href", "data-href", "data-url"];
const MAX_HEADING_CHARS = 80; // a block title is short
const MIN_LAYER_NAME_CHARS = 3; // a dialog named «X» by one letter or two names no document

export interface Scope {
  code: string | null;
  code_from: string | null;
  removed: Array<[Element, string]>;
}

function codeFrom(text: string | null | undefined, ...path: string[]): string | null {
  const m = TABLE.search(text ?? "", ...path);
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** The solution code an element links to (`/solutions/<code>/`, `tobasket.php?ID=<code>`). */
export function linkCode(el: Element): string | null {
  let href = LINK_ATTRS.map((a) => el.getAttribute(a)).find((v) => v) ?? "";
  if (href.includes("%")) href = originalUrl(href); // a redirector's wrapper (VK's away.php?to=…) names the solution it leads to
  return href.includes("solutions/") || href.includes("ID=") ? codeFrom(href, "scope", "solution_links") : null;
}

/** The page's own code and its source: the URL wins (a «Код решения» row never overrides it). */
export function ownCode(root: Element, url: string | null): [string | null, string | null] {
  let found = codeFrom(url, "urls", "solution_path");
  if (found) return [found, "url"];
  for (const [sel, attr] of [["link[rel=canonical]", "href"], ["meta[property='og:url']", "content"]] as const) {
    const el = css(root, sel)[0];
    found = el ? codeFrom(el.getAttribute(attr), "urls", "solution_path") : null;
    if (found) return [found, "canonical"];
  }
  found = codeFrom(fold(inlineText(root)), "scope", "code_text");
  if (found) return [found, "label"];
  for (const [, stated] of statedCodes(root)) return [stated, "selector"];
  return [null, null];
}

/**
 * [element, code] of each element that states a solution code through `fields.code.selectors` (the
 * buy block's hidden «<input id=module value=…>», data-module-code, a tobasket.php?ID= link), in
 * selector order (Python `_stated_codes`).
 */
function* statedCodes(root: Element): Generator<[Element, string]> {
  for (const sel of TABLE.entries("fields", "code", "selectors")) {
    const valueRe = sel.value_re ? new RegExp(sel.value_re, TABLE.flags) : null; // once per entry, not per element
    for (const el of css(root, String(sel.css))) {
      const raw = el.getAttribute(String(sel.attr)) ?? "";
      const m = valueRe ? valueRe.exec(raw) : null;
      const found = m?.[1] ? m[1].toLowerCase() : codeFrom(raw, "fields", "code", "values");
      if (found) yield [el, found];
    }
  }
}

function* up(el: Element | null): Generator<Element> {
  for (let a = el; a; a = a.parentElement) yield a;
}

function anyUp(el: Element | null, set: ReadonlySet<Element>): boolean {
  for (const a of up(el)) if (set.has(a)) return true;
  return false;
}

function markUp(elements: Element[], into: Set<Element>): void {
  for (const el of elements) for (let a: Element | null = el; a && !into.has(a); a = a.parentElement) into.add(a);
}

function selector(key: string): string {
  return TABLE.entries("scope", key).map((sel) => String(sel.css)).join(", ");
}

/** The whole document's elements matching the `scope.<key>` selectors, in document order. */
function select(root: Element, key: string): Element[] {
  return selectAll(root, selector(key));
}

/** Whether the element or one of its ancestors matches the `scope.<key>` selectors. */
function under(el: Element | null, key: string): boolean {
  const sel = selector(key);
  for (const a of up(el)) if (matches(a, sel)) return true;
  return false;
}

/**
 * Whether the element or one of its ancestors below <body> matches the `scope.<key>` selectors: a
 * page-level class (Discourse's «<body class="… has-sidebar-page …">», blind
 * solution_discourse_lumera_b2bprice) says the page has a sidebar or a promo, not that all of it is one
 * (Python `_in_block`).
 */
export function inBlock(el: Element | null, key: string): boolean {
  const sel = selector(key);
  for (const a of up(el)) if (tag(a) !== "body" && tag(a) !== "html" && matches(a, sel)) return true;
  return false;
}

function titled(text: string): boolean {
  const names = Object.keys(TABLE.get("tabs") as Record<string, unknown>);
  return names.some((name) => TABLE.rx("tabs", name, "titles").some((p) => p.test(text)));
}

function inPage(el: Element): boolean {
  const href = el.getAttribute("href");
  return href === null || href.startsWith("#") || href.toLowerCase().startsWith("javascript");
}

/**
 * A bar of in-page tab controls: a `#tab-…` link, or two in-page items titled like tabs. An SPA's
 * route tabs count as in-page: links to the page's own solution (`code`) by another path
 * («<a href="/solutions/<code>/questions/">Вопросы (6)</a>», only the current route rendered).
 */
export function isTabBar(el: Element, code: string | null = null): boolean {
  let hits = 0;
  for (const item of css(el, "a, button, label, li, summary")) {
    if ((item.getAttribute("href") ?? "").startsWith("#tab-")) return true;
    const route = code !== null && linkCode(item) === code;
    if ((inPage(item) || route) && titled(fold(inlineText(item))) && ++hits >= 2) return true;
  }
  return false;
}

/**
 * A breadcrumb trail without a breadcrumb class: two or more links, all into the catalog tree, one
 * of them a category, with separators between them. It says what the solution is: kept. An archived
 * link is its original (a saved snapshot's trail links the Marketplace through the archive).
 */
export function isCrumbs(el: Element): boolean {
  const links = css(el, "a");
  const hrefs = links.map((a) => originalUrl((a.getAttribute("href") ?? "").trim())); // a snapshot's trail is the site's
  if (links.length < 2 || !hrefs.every((h) => TABLE.search(h, "scope", "crumb_links") !== null)) return false;
  if (!hrefs.some((h) => TABLE.search(h, "scope", "crumb_category") !== null)) return false;
  // the text before the first link and between links is separators only («Каталог: <a>…</a> | …»,
  // «подходит для <a>…</a> и <a>…</a>» are no trail); what follows the last link (the current
  // page's name) is free
  const full = inlineText(el);
  const pieces: string[] = [];
  let pos = 0;
  for (const a of links) {
    const t = inlineText(a);
    const i = t ? full.indexOf(t, pos) : -1;
    if (i >= 0) {
      pieces.push(full.slice(pos, i));
      pos = i + t.length;
    }
  }
  const seps = TABLE.global("scope", "crumb_separators");
  if (pieces.some((piece) => seps.reduce((rest, p) => rest.replace(p, ""), piece).trim())) return false;
  return pieces.slice(1).some((piece) => TABLE.search(piece, "scope", "crumb_separators") !== null);
}

/** A list's pager («Отзывы 1–6 из 58», PAGEN_ links, a `<nav>` line of page numbers «1 2 Следующая» with
 * `?p=2` links: items.pageLinks) is list furniture, not site navigation. */
// what makes a nav navigate: links, buttons, and a script menu's data-href / onclick spans and roles
const NAV_CONTROLS =
  "a, button, [role=link], [role=menuitem], [role=tab], [data-href], [data-url], [onclick], [role=menu], [role=menubar], [role=button]";
const MAX_TILE_CHARS = 30; // a tile's caption and its value are each a few words

/** A label/value tile: exactly two text-bearing children (a digit-free caption, a value), each short,
 * and no text of its own beside them («<p>Установок</p><p>500 - 999</p>»). */
function tile(el: Element): boolean {
  if (tag(el) === "li" || norm(ownText(el))) return false;
  const parts = childElements(el).map((c) => inlineText(c)).filter((t) => t);
  return parts.length === 2 && parts.every((t) => cpLen(t) <= MAX_TILE_CHARS) && !DIGIT.test(parts[0] as string);
}

const bare = (text: string): string => text.replace(/\s+/g, "");

/** An h1 comes before the element in document order, not around it (XPath `preceding::h1`). */
function afterTitle(el: Element): boolean {
  const follows = (h: Element): boolean => !h.contains(el) && (h.compareDocumentPosition(el) & 4) !== 0; // 4: DOCUMENT_POSITION_FOLLOWING
  return Array.from(el.ownerDocument.querySelectorAll("h1")).some(follows);
}

/** A `nav` (or navigation role) holding no link or control navigates nowhere: a layout's row of
 * stat tiles (Bulma's `nav.level` of «Версия / Установок / Обновлено» tiles, blind
 * solution_bulma_level_tiles_ozerokod_crm), the solution's facts, not chrome (Python `_linkless_nav`).
 * Only after the title (a promo bar or a script menu above the h1 is the site's) and only when two
 * or more tiles hold all its text (running text and menu items are no tiles). */
function linklessNav(el: Element): boolean {
  if (!(tag(el) === "nav" || el.getAttribute("role") === "navigation") || css(el, NAV_CONTROLS).length) return false;
  if (css(el, "li").length || !afterTitle(el)) return false;
  const tiles = css(el, "*").filter((t) => t !== el && tile(t));
  return tiles.length >= 2 && tiles.reduce((n, t) => n + cpLen(bare(inlineText(t))), 0) === cpLen(bare(inlineText(el)));
}

function isPager(el: Element): boolean {
  if (css(el, "a").some((a) => (a.getAttribute("href") ?? "").includes("PAGEN_"))) return true;
  const text = fold(inlineText(el));
  return cpLen(text) < MAX_PAGER_CHARS && (TABLE.search(text, "pager", "range") !== null || pageLinks(el, text));
}

function hasDate(el: Element): boolean {
  const text = inlineText(el);
  return [...TABLE.rx("dates", "numeric"), ...TABLE.rx("dates", "words")].some((p) => p.test(text));
}

/** An h1 comes after the element in document order, not inside it (XPath `following::h1`): a block
 * named like a header above the solution's title is the site's, dates and all (a promo line «… с
 * 24.11.2026 по 01.12.2026 … Демо-режим 30 дней» in it); the dates exception is for a review's
 * «header», which sits under the title (Python `_before_title`). */
function beforeTitle(el: Element): boolean {
  const follows = (h: Element): boolean => !el.contains(h) && (el.compareDocumentPosition(h) & 4) !== 0; // 4: DOCUMENT_POSITION_FOLLOWING
  return Array.from(el.ownerDocument.querySelectorAll("h1")).some(follows);
}

/**
 * Elements within `chrome_class_depth` levels of <body>, in document order, not entering the
 * solution's tab panels: site chrome sits at the page's top levels, reviews sit deep.
 */
function shallow(root: Element, panels: ReadonlySet<Element>): Element[] {
  const limit = Number(TABLE.get("scope", "chrome_class_depth"));
  const body = css(root, "body")[0] ?? root;
  const out: Element[] = [];
  const stack: Array<[Element, number]> = childElements(body).reverse().map((c) => [c, 1]);
  while (stack.length) {
    const [el, depth] = stack.pop() as [Element, number];
    out.push(el);
    if (depth < limit && !panels.has(el)) for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push([c, depth + 1]);
  }
  return out;
}

/** Top-level elements whose class token or id names site chrome (one regex test per value). */
function classHits(root: Element, panels: ReadonlySet<Element>): Element[] {
  const patterns = TABLE.rx("scope", "chrome_class");
  const seen = new Map<string, boolean>();
  const test = (value: string): boolean => {
    let hit = seen.get(value);
    if (hit === undefined) {
      hit = norm(value).split(" ").some((token) => patterns.some((p) => p.exec(token)?.index === 0));
      seen.set(value, hit);
    }
    return hit;
  };
  return shallow(root, panels).filter((el) => [el.getAttribute("class"), el.getAttribute("id")].some((v) => v !== null && test(v)));
}

/** The elements inside a block matching `keep` that are not inside another one, in document order. */
function outermost(block: Element, keep: string): Element[] {
  const out: Element[] = [];
  for (const el of selectAll(block, keep)) if (el !== block && !out.some((k) => k.contains(el))) out.push(el);
  return out;
}

function chrome(
  root: Element,
  own: ReadonlySet<Element>,
  panels: ReadonlySet<Element>,
  code: string | null = null,
): Array<[Element, Element[]]> {
  const marked = new Map<Element, boolean>(); // candidate → whether it needs the no-date test
  for (const el of select(root, "landmarks")) if (!under(el.parentElement, "sectioning")) marked.set(el, false);
  for (const el of select(root, "chrome")) if (!marked.has(el)) marked.set(el, false);
  for (const el of classHits(root, panels)) {
    if (!["html", "body"].includes(tag(el)) && !under(el.parentElement, "sectioning") && !marked.has(el)) marked.set(el, true);
  }
  const valid = [...marked]
    .filter(([el, dated]) => !own.has(el) && !under(el, "keep") && !isTabBar(el, code) && !isPager(el) && !linklessNav(el) && !isCrumbs(el) && !(dated && hasDate(el) && !beforeTitle(el)))
    .map(([el]) => el);
  const inner = new Set(valid);
  const keep = selector("keep");
  return valid.filter((el) => !anyUp(el.parentElement, inner)).map((el) => [el, outermost(el, keep)]);
}

function furniture(el: Element, limit: number): boolean {
  const text = inlineText(el);
  if (!text) return true;
  if (TABLE.headingTags.has(tag(el)) || el.getAttribute("role") === "heading") return cpLen(text) <= 2 * limit;
  return cpLen(text) <= limit && !DIGIT.test(text);
}

function ownTextLen(el: Element): number {
  return cpLen(norm(ownText(el)));
}

/** The block or the heading right before it carries a foreign title («Похожие решения»). */
function foreignTitle(block: Element): boolean {
  const heads = css(block, [...TABLE.headingTags].join(", ")).slice(0, 1);
  const texts = [...heads.map((h) => inlineText(h)), block.getAttribute("aria-label") ?? "", block.getAttribute("title") ?? ""];
  const prev = block.previousElementSibling;
  if (prev && cpLen(inlineText(prev)) <= 120) texts.push(inlineText(prev));
  return texts.some((t) => t !== "" && TABLE.search(fold(t), "scope", "foreign_titles") !== null);
}

/** The card states that it is about that other solution: a structured-data item of a solution type
 * whose identity is that code (RDFa resource, itemid, its url property), between the link and the
 * card, or the card's own «Код решения: <code>». Then it is foreign even when it carries dates (the
 * exception kept for reviews) or sits inside the page's own item. */
function declares(a: Element, card: Element, code: string): boolean {
  for (const el of up(a)) {
    const kind = el.getAttribute("typeof") ?? el.getAttribute("itemtype");
    if (kind && TABLE.search(kind, "scope", "item_types")) {
      for (const entry of TABLE.entries("scope", "item_ids")) {
        for (const x of css(el, String(entry.css))) {
          if (codeFrom(x.getAttribute(String(entry.attr)) ?? x.getAttribute("content"), "scope", "solution_links") === code) return true;
        }
      }
    }
    if (el === card) break;
  }
  if (ours(card)) return false; // our buy block's dependency note «Требует модуль X (Код решения: X)»
  const text = fold(inlineText(card));
  return TABLE.global("scope", "code_text").some((p) => [...text.matchAll(p)].some((m) => m[1]?.toLowerCase() === code));
}

/** The card holds the page's h1 or a buy button: it is the solution's own block. */
function ours(card: Element): boolean {
  if (css(card, "h1").length) return true;
  return css(card, "a, button, input[type=submit], [role=button]").some((control) => {
    const label = control.tagName.toLowerCase() === "input" ? control.getAttribute("value") : inlineText(control);
    return TABLE.search(fold(label ?? ""), "fields", "price", "buy_buttons") !== null;
  });
}

/** The footnote or endnote a link sits in (`scope.footnotes`, the innermost: a Word export's «<div
 * style='mso-element:footnote'>», not its footnote list), else null. */
function note(a: Element): Element | null {
  const sel = selector("footnotes");
  for (const el of up(a)) if (!["body", "html"].includes(tag(el)) && matches(el, sel)) return el;
  return null;
}

/** Blocks about other solutions (outermost only), grown from their links; a footnote linking one is
 * about it as a whole (`note`). */
function foreign(links: Array<[Element, string]>, content: Element[], own: ReadonlySet<Element>): Element[] {
  if (!links.length) return [];
  const codes = new Map<Element, Set<string>>();
  for (const [a, c] of links) {
    for (const el of up(a)) {
      let set = codes.get(el);
      if (!set) codes.set(el, (set = new Set()));
      set.add(c);
    }
  }
  const cardMax = Number(TABLE.get("scope", "card_max_chars"));
  const limit = Number(TABLE.get("scope", "furniture_max_chars"));
  const panels = new Set(content.filter((el) => tag(el) !== "h1"));
  const lengths = new Map<Element, number>();
  const textLen = (el: Element): number => {
    let n = lengths.get(el);
    if (n === undefined) lengths.set(el, (n = cpLen(inlineText(el))));
    return n;
  };
  const top = (el: Element | null): el is Element => el !== null && !["body", "html"].includes(tag(el));
  const blocks: Element[] = [];
  for (const [a, c] of links) {
    const footnote = note(a);
    if (footnote && !own.has(footnote)) {
      blocks.push(footnote); // «¹ Расширенная версия — <a>…pdfpro</a>: …, демо-режим 30 дней»
      continue;
    }
    let card = a;
    for (let parent = card.parentElement; top(parent); parent = card.parentElement) {
      const set = codes.get(parent) as Set<string>;
      if (own.has(parent) || set.size !== 1 || !set.has(c) || textLen(parent) > cardMax) break;
      card = parent;
    }
    let block = card;
    for (let parent = block.parentElement; top(parent); parent = block.parentElement) {
      if (own.has(parent) || panels.has(parent) || ownTextLen(parent) > PROSE_CHARS) break;
      if (!childElements(parent).every((ch) => codes.has(ch) || furniture(ch, limit))) break;
      block = parent;
    }
    // a lone card: the link is not a mention in prose, and the block is no dated item of ours (a
    // review whose developer answer links another solution stays a review)
    const cardLike = ownTextLen(a.parentElement as Element) <= PROSE_CHARS && !anyUp(block, panels) && !hasDate(block);
    if ((codes.get(block) as Set<string>).size >= 2 || foreignTitle(block) || inBlock(block, "sidebar") || inBlock(a, "promo") || (cardLike && block !== a) || declares(a, card, c)) {
      blocks.push(block);
    }
  }
  const chosen = new Set(blocks);
  const out: Element[] = [];
  for (const block of blocks) if (!out.includes(block) && !anyUp(block.parentElement, chosen)) out.push(block);
  return out;
}

function headingLevel(el: Element): number {
  return TABLE.headingTags.has(tag(el)) ? Number(tag(el).charAt(1)) : 2;
}

/**
 * Blocks under a heading about other solutions («Похожие решения») that hold no link to them: the
 * heading's own block, or its section up to the next heading of the same or a higher level. Never
 * the solution's own block, never inside its tab panels.
 */
/** A heading's text without its chrome (`tab_checks.assistive_text`: MediaWiki's edit link «[править]» after «См. также»). */
function headingText(head: Element): string {
  const selector = TABLE.entries("tab_checks", "assistive_text").map((e) => String(e.css)).join(", ");
  const hidden = head.children.length ? css(head, selector).filter((h) => h !== head) : [];
  return (hidden.length ? textWithout(head, new Set(hidden)) : "") || inlineText(head);
}

/**
 * Messages of a channel's feed (`scope.feed_messages`) about something else: each message is one
 * post on one subject, so one that links another solution's page, or is forwarded from another
 * channel (`scope.forwarded`), is foreign as a whole unless it links this solution's page (`own`);
 * its dates do not make it one of ours, as they do a review (`foreign`) (Python `_feed_foreign`).
 */
function feedForeign(root: Element, own: ReadonlySet<Element>, others: Array<[Element, string]>): Element[] {
  const messages = css(root, selector("feed_messages")).filter((m) => !own.has(m));
  if (!messages.length) return [];
  const forwarded = selector("forwarded");
  const linking = new Set<Element>();
  for (const [a] of others) for (const m of up(a)) linking.add(m);
  return messages.filter((m) => linking.has(m) || css(m, forwarded).length > 0);
}

/** The dialog holds a buy control that links no solution (a «Купить» button; one linking this page's
 * basket makes the dialog `own` already): it is this solution's order dialog, whatever module its text
 * links (Python `_sells_here`). */
function sellsHere(dialog: Element): boolean {
  return css(dialog, "a, button, input[type=submit], [role=button]").some((control) => {
    const label = control.tagName.toLowerCase() === "input" ? control.getAttribute("value") : inlineText(control);
    return TABLE.search(fold(label ?? ""), "fields", "price", "buy_buttons") !== null && linkCode(control) === null;
  });
}

/**
 * Dialogs (`scope.dialogs`: an upsell «Перейти на новый модуль» a saved page has open over itself, a
 * modal hidden until a button opens it) that link another solution's page and not this one (`own`),
 * outermost only: a dialog is about ONE subject, so it is that solution's as a whole; its dates do not
 * make it one of ours, as they do a review (`foreign`), and its «Цена» row, «Демо-режим 30 дней» and
 * «Версия 1.6.0 от …» are the other solution's (blind solution_blueprint5_withdrawn_avrora_export1c).
 * A dialog selling this solution stays (`sellsHere`) (Python `_dialog_foreign`).
 */
function dialogForeign(root: Element, own: ReadonlySet<Element>, others: Array<[Element, string]>): Element[] {
  const dialogs = css(root, selector("dialogs")).filter((d) => !own.has(d));
  if (!dialogs.length) return [];
  const linking = new Set<Element>();
  for (const [a] of others) for (const m of up(a)) linking.add(m);
  const found = dialogs.filter((d) => linking.has(d) && !sellsHere(d));
  const chosen = new Set(found);
  return found.filter((d) => !anyUp(d.parentElement, chosen));
}

function headed(root: Element, own: ReadonlySet<Element>, content: Element[]): Element[] {
  const panels = new Set(content.filter((el) => tag(el) !== "h1"));
  const headings = [...TABLE.headingTags].sort().join(", ");
  const out: Element[] = [];
  for (const head of selectAll(root, `${headings}, [role=heading]`)) {
    if (own.has(head) || anyUp(head, panels)) continue; // the cheap tests first: most headings are ours
    const text = fold(headingText(head));
    if (cpLen(text) > MAX_HEADING_CHARS || !TABLE.search(text, "scope", "foreign_headings")) continue;
    const level = headingLevel(head);
    const parent = head.parentElement;
    const alone = parent !== null && !css(parent, headings).some((h) => h !== head && headingLevel(h) <= level);
    if (parent && parent.firstElementChild === head && alone && !own.has(parent) && !["body", "html", "main"].includes(tag(parent))) {
      out.push(parent); // the heading opens a block of its own: the whole block goes
      continue;
    }
    for (let node: Element | null = head; node && !own.has(node); ) {
      out.push(node);
      node = node.nextElementSibling;
      if (node && css(node, headings).some((h) => headingLevel(h) <= level)) break;
    }
  }
  return out;
}

/** A dialog's accessible name: the text of its own element `aria-labelledby` names (its title inside it),
 * else its `aria-label`; folded and lower-cased (Python `_layer_name`). */
function layerName(layer: Element): string {
  const ids = (layer.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean);
  if (ids.length) {
    for (const el of css(layer, "[id]")) if (ids.includes(el.getAttribute("id") ?? "")) return fold(inlineText(el)).toLowerCase();
  }
  return fold(layer.getAttribute("aria-label") ?? "").toLowerCase();
}

const ALNUM = /[\p{L}\p{N}]/u;

/** The layer's name is the document's title, or its title's lead before a site suffix («<title>X |
 * Trello</title>» over a dialog labelled «X»): the address the page was saved from is the item the dialog
 * shows, not the page behind it (a cart drawer «Ваша корзина», a «Responses» sidebar name no document;
 * Python `_names_document`). */
function namesDocument(root: Element, layer: Element): boolean {
  const name = layerName(layer);
  const title = css(root, "title")[0];
  const text = title ? fold(inlineText(title)).toLowerCase() : "";
  if (cpLen(name) < MIN_LAYER_NAME_CHARS || !text.startsWith(name)) return false;
  const rest = text.slice(name.length);
  return !rest || !ALNUM.test(Array.from(rest)[0] ?? "");
}

/** The viewer layer a saved page has open over itself (`scope.layers`: VK's «#wk_layer_wrap» showing one
 * wall post, a modal dialog named like the document), when it is shown (no `hidden`, no «display: none»)
 * and links the page's own solution; else null (Python `_open_layer`). */
function openLayer(root: Element, code: string | null): Element | null {
  if (code === null) return null;
  for (const entry of TABLE.entries("scope", "layers")) {
    for (const layer of css(root, String(entry.css))) {
      if (hidden(layer)) continue;
      if (entry.named && !namesDocument(root, layer)) continue;
      if (css(layer, LINKS).some((a) => linkCode(a) === code)) return layer;
    }
  }
  return null;
}

/** Take out everything of <body> outside the open layer (the page behind it: a community's wall, its
 * sidebar, other posts, the truncated copy of the post the layer shows); the blocks removed (Python `_behind`). */
function behind(layer: Element): Element[] {
  const out: Element[] = [];
  let el: Element = layer;
  for (let parent = el.parentElement; parent && tag(el) !== "body"; el = parent, parent = el.parentElement) {
    for (const child of Array.from(parent.childNodes)) {
      if (child === el) continue;
      parent.removeChild(child);
      if (child.nodeType === 1) out.push(child as Element);
    }
  }
  return out;
}

/** Find the page's own code and take chrome and foreign blocks out of the prepared copy. */
export function applyScope(root: Element, url: string | null): Scope {
  const [code, codeFromWhere] = ownCode(root, url);
  const scope: Scope = { code, code_from: codeFromWhere, removed: [] };
  const layer = openLayer(root, code);
  if (layer) for (const el of behind(layer)) scope.removed.push([el, "background"]); // the reader sees the layer; the page behind it is background
  let content = select(root, "content");
  // a site logo set as an h1 inside the site header is not the solution's title when another h1 is
  const titles = content.filter((el) => tag(el) === "h1");
  const outside = titles.filter((h) => !under(h, "landmarks") && !under(h, "chrome"));
  if (outside.length && outside.length < titles.length) content = content.filter((el) => tag(el) !== "h1" || outside.includes(el));
  const linked: Array<[Element, string]> = [];
  // a custom element with an href (Carbon's <cds-button href>, Shoelace's <sl-button href>: web components
  // whose shadow root renders the <a>, saved without it) is a link too: a buy block's «Купить» names its code
  for (const a of css(root, `${LINKS}, [href]`)) {
    if (tag(a) !== "a" && !a.localName.includes("-") && !a.hasAttribute("data-href") && !a.hasAttribute("data-url")) continue;
    const c = linkCode(a);
    if (c) linked.push([a, c]);
  }
  // a link to the page itself marks its block as the solution's own, unless it is navigation
  // (breadcrumbs or a menu naming the current page); and so does an element stating the page's own
  // code (the buy block's hidden «<input id=module>» of a withdrawn solution whose sidebar links no
  // page of its own, only a card of another one)
  const stated = code ? [...statedCodes(root)].filter(([, c]) => c === code).map(([el]) => el) : [];
  const mine = [...linked.filter(([, c]) => c === code).map(([a]) => a), ...stated].filter((a) => !under(a, "keep") && !under(a, "chrome"));
  const own = new Set<Element>();
  markUp([...content, ...mine], own);
  const panels = new Set(content.filter((el) => tag(el) !== "h1"));
  for (const [el, keepers] of chrome(root, own, panels, code)) {
    el.replaceWith(...keepers);
    scope.removed.push([el, "chrome"]);
  }
  let others = linked.filter(([a, c]) => c !== code && root.contains(a));
  for (const el of feedForeign(root, own, others)) {
    el.remove();
    scope.removed.push([el, "foreign"]);
  }
  for (const el of dialogForeign(root, own, others)) {
    el.remove();
    scope.removed.push([el, "foreign"]);
  }
  others = others.filter(([a]) => root.contains(a)); // still in the tree
  for (const el of foreign(others, content, own)) {
    el.remove();
    scope.removed.push([el, "foreign"]);
  }
  for (const el of headed(root, own, content)) {
    if (el !== root && root.contains(el)) {
      // not inside a block already taken out
      el.remove();
      scope.removed.push([el, "foreign"]);
    }
  }
  return scope;
}
