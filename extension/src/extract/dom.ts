// The tree the solution extractor reads, and the few DOM helpers every module shares.
// The page is never touched: it is copied into an inert document (no browsing context, so nothing
// loads or runs) and prepared like backend/mpcheck/extract/dom.py does with lxml: script, style,
// noscript and template are dropped (never page text) and every block element gets a space at the
// start of its content and one right after it. After that, `textContent` IS the block text of
// fixtures/expected/README.md (native, no per-node JS), and tab sections / item groups can be
// wrapped exactly as the Python side wraps them.
import { TABLE } from "./label_table";
import { fold, isBlank, norm } from "./text";

const DROP = "script, style, noscript, template";
export const STRUCK_ATTR = "data-mpcheck-struck"; // set on elements the page's CSS strikes through (styles are removed)
export const STRUCK_TEXT = "text"; // its value when the struck text is more than a price (never an old price)
const COMMENT = /\/\*[\s\S]*?\*\//g;
const DECORATION = /text-decoration(?:-line)?\s*:([^;{}]*)/gi;
const CLASS_ONLY = /^[a-z0-9]*((?:\.[a-z_-][a-z0-9_-]*)+)$/i; // «.old», «span.b4», «.a.b»

/** [selectors, declarations, sometimes] of a stylesheet's rules in order; `sometimes` for a rule
 * inside an at-rule block (@media, @supports …), which applies only sometimes (Python `_css_rules`). */
function cssRules(css: string, sometimes = false): [string, string, boolean][] {
  const text = css.replace(COMMENT, "");
  const rules: [string, string, boolean][] = [];
  let at = 0;
  let open: number;
  while ((open = text.indexOf("{", at)) >= 0) {
    const prelude = (text.slice(at, open).split(";").pop() ?? "").trim(); // after a «@import …;»
    let depth = 1;
    let i = open + 1;
    while (i < text.length && depth) {
      const c = text.charAt(i);
      if (c === "{") depth++;
      else if (c === "}") depth--;
      i++;
    }
    const body = text.slice(open + 1, i - 1);
    if (prelude.startsWith("@")) rules.push(...cssRules(body, true));
    else rules.push([prelude, body, sometimes]);
    at = i;
  }
  return rules;
}

/** Class selectors («.b4», «span.old.x») of the page's top-level <style> rules that set the text
 * decoration, in order, each with whether it strikes through: a page saved by a tool (SingleFile) or
 * built with hashed classes marks its old price only there. A strike inside @media counts not (it
 * applies only sometimes); a later rule, @media ones too, undoes an earlier strike when its classes
 * include the struck ones («.cur{…line-through} .cur{text-decoration:none}»); others are left out. A selector with a combinator or a pseudo-class is left out (its element is not known
 * statically). */
function struckClasses(cssTexts: string[]): [string, boolean][] {
  const found: [string, boolean][] = [];
  const struck: Set<string>[] = [];
  for (const text of cssTexts) {
    for (const [selectors, body, sometimes] of cssRules(text)) {
      const values = Array.from(body.matchAll(DECORATION), (m) => m[1] ?? "");
      if (!values.length) continue;
      const strikes = (values[values.length - 1] ?? "").toLowerCase().includes("line-through");
      if (strikes && sometimes) continue;
      for (const selector of selectors.split(",")) {
        const simple = CLASS_ONLY.exec(selector.trim())?.[1];
        if (!simple) continue;
        const classes = new Set(simple.toLowerCase().split(".").slice(1));
        if (strikes) struck.push(classes);
        else if (!struck.some((c) => [...c].every((name) => classes.has(name)))) continue;
        found.push([simple, strikes]);
      }
    }
  }
  return found;
}

/** Mark what the page's CSS strikes through (<style> class rules in order, then inline styles): as an
 * old price when the element's whole text is a price (price/struck_text), else as struck text
 * (STRUCK_TEXT: no current price, no old one either: «<a>Комплект: 30 000 руб.</a>»). */
function markStruck(root: Element, classes: [string, boolean][]): void {
  for (const [selector, strikes] of classes) {
    for (const el of css(root, selector)) {
      if (strikes) el.setAttribute(STRUCK_ATTR, "");
      else el.removeAttribute(STRUCK_ATTR);
    }
  }
  for (const el of css(root, "[style*='line-through']")) el.setAttribute(STRUCK_ATTR, "");
  for (const el of css(root, `[${STRUCK_ATTR}]`)) {
    if (!TABLE.search(fold(el.textContent ?? ""), "fields", "price", "struck_text")) el.setAttribute(STRUCK_ATTR, STRUCK_TEXT);
  }
}

interface AttributeTextRule {
  css: string;
  attr: string;
  as: "date" | "money" | "stars" | "title" | "text";
  currency_attr?: string;
  max_attr?: string;
  title_child?: string;
  count_text?: boolean;
}

/** A badge's count only («9»): digits and nothing else. */
function isCount(text: string): boolean {
  return text.length > 0 && [...text].every((c) => c >= "0" && c <= "9");
}

const ISO_DAY = /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:$|[T ])/;
const PLAIN_NUMBER = /^([0-9]+)(?:\.([0-9]+))?$/;

/** The text an `attribute_texts` rule gives its element, or null when the value is not of its kind. */
function attributeValueText(rule: AttributeTextRule, el: Element): string | null {
  const value = norm(el.getAttribute(rule.attr));
  if (rule.as === "title" || rule.as === "text") return value || null;
  if (rule.as === "date") {
    const day = ISO_DAY.exec(value);
    return day ? `${day[3]}.${day[2]}.${day[1]}` : null;
  }
  const number = PLAIN_NUMBER.exec(value);
  if (!number) return null;
  const whole = number[1];
  const fraction = (number[2] ?? "").replace(/0+$/, "");
  if (rule.as === "money") {
    const currency = norm(el.getAttribute(rule.currency_attr ?? "")).toUpperCase();
    if (!((TABLE.data.attribute_currencies as string[] | undefined) ?? []).includes(currency)) return null;
    return fraction ? `${whole},${fraction} руб.` : `${whole} руб.`;
  }
  if (rule.as === "stars") {
    const scale = norm(el.getAttribute(rule.max_attr ?? "")) || "5";
    const stars = Number(value);
    if ((scale !== "5" && scale !== "5.0") || !(stars >= 1 && stars <= 5)) return null;
    return fraction ? `${whole}.${fraction} из 5` : `${whole} из 5`;
  }
  return null;
}

// A custom element named «…-button» (Carbon's <cds-button>, Shoelace's <sl-button>, Material's
// <md-filled-button>) renders its <button> or <a> in a shadow root a saved page has lost: it is a button
/** Give every custom button without a role the role its shadow root had: «Купить» is a control. */
function customButtons(root: Element): void {
  for (const el of Array.from(root.querySelectorAll("*"))) {
    if (el.localName.endsWith("-button") && !el.hasAttribute("role")) el.setAttribute("role", "button");
  }
}

// A custom element with an href and no link inside (Ionic's <ion-item href>, <ion-button href>,
// Spectrum's <sp-link href>, Shoelace's <sl-button href>) renders an <a href> around its content in a
// shadow root a saved page has lost: the link is put back, so a link reader sees it as one
/** Wrap the content of every custom link in the <a href> its shadow root had (Python `_custom_links`). */
function customLinks(root: Element): void {
  const doc = root.ownerDocument;
  for (const el of Array.from(root.querySelectorAll("[href]"))) {
    if (!el.localName.includes("-") || el.querySelector("a[href]")) continue; // an outer one's <a> holds it
    const a = doc.createElement("a");
    for (const name of ["href", "target", "rel"]) {
      const value = el.getAttribute(name);
      if (value !== null) a.setAttribute(name, value);
    }
    while (el.firstChild) a.appendChild(el.firstChild);
    el.appendChild(a);
  }
}

/** A custom element whose text exists only in an attribute (labels.json `attribute_texts`) gets that
 * text: a date, money with its currency, stars on a rating element, a disclosure's title. */
function attributeTexts(root: Element): void {
  const doc = root.ownerDocument;
  for (const rule of (TABLE.data.attribute_texts as AttributeTextRule[] | undefined) ?? []) {
    for (const el of css(root, rule.css)) {
      if (rule.as === "title") {
        if (rule.title_child && css(el, rule.title_child).length) continue;
      } else {
        const own = (el.textContent ?? "").trim();
        if (own && !(rule.count_text && isCount(own))) continue;
      }
      const text = attributeValueText(rule, el);
      if (!text) continue;
      if (rule.as === "title") el.insertBefore(doc.createTextNode(` ${text} `), el.firstChild);
      else {
        // Python sets el.text: the blank text before the first child goes, the children stay
        // (<sl-format-number …><meta itemprop="price" content="24900"></sl-format-number>)
        while (el.firstChild?.nodeType === 3) el.firstChild.remove();
        el.insertBefore(doc.createTextNode(text), el.firstChild);
      }
    }
  }
}

// React's streamed Suspense (Next.js App Router, any React 18+ server render): a boundary is sent as
// `<!--$?--><template id="B:0"></template>fallback<!--/$-->`, its content later as
// `<div hidden id="S:0">…</div>` at the end of body with an inline `$RC("B:0","S:0")` that moves it
// in (`$RR` the same with styles, `$RS("S:1","P:1")` a segment into its `<template id="P:1">`).
const STREAMED = /\$R([CRS])\("([^"\\]+)","([^"\\]+)"(\)|,\[)/g;

/** [template id, chunk id, whether a boundary] of the page's inline `$RC`/`$RR`/`$RS` calls in
 * order. A `$RC` with a third argument (an error digest: rendered on the client) moves nothing. */
function streamedMoves(scripts: string[]): [string, string, boolean][] {
  const moves: [string, string, boolean][] = [];
  for (const text of scripts) {
    for (const [, kind, first = "", second = "", end] of text.matchAll(STREAMED)) {
      if (kind === "S") {
        if (end === ")") moves.push([second, first, false]);
      } else if (end === ")" || kind === "R") moves.push([first, second, true]);
    }
  }
  return moves;
}

/** Do what React's inline calls do once they run (the browser's state after them, which the
 * content script may see too): each hidden chunk's content takes its template's place, the
 * fallback after the template (up to the boundary's closing `<!--/$-->`, or the parent's end when
 * the page has no markers) goes. Only a `<template>` and a `hidden` chunk are taken, tied by the
 * call (never by the ids' numbers alone: React counts boundaries and segments apart). Python
 * `_resolve_streamed`. */
function resolveStreamed(root: Element, moves: [string, string, boolean][]): void {
  const templates = new Map<string, Element>();
  for (const t of Array.from(root.querySelectorAll("template[id]"))) if (!templates.has(t.id)) templates.set(t.id, t);
  const chunks = new Map<string, Element>();
  for (const c of Array.from(root.querySelectorAll("[hidden][id]"))) if (!chunks.has(c.id)) chunks.set(c.id, c);
  for (const [targetId, chunkId, boundary] of moves) {
    const target = templates.get(targetId);
    const chunk = chunks.get(chunkId);
    templates.delete(targetId);
    chunks.delete(chunkId);
    if (!target || !chunk || chunk.contains(target)) continue;
    const parent = target.parentNode;
    if (!parent) continue;
    let stop: ChildNode | null = target.nextSibling;
    if (boundary) {
      let depth = 0;
      for (; stop; stop = stop.nextSibling) {
        if (stop.nodeType !== 8) continue;
        const data = ((stop as Comment).data || "").trim();
        if (data === "/$") {
          if (!depth) break;
          depth--;
        } else if (data === "$" || data === "$?" || data === "$!") depth++;
      }
      for (let n = target.nextSibling; n && n !== stop; ) {
        const after: ChildNode | null = n.nextSibling;
        n.remove();
        n = after;
      }
    }
    while (chunk.firstChild) parent.insertBefore(chunk.firstChild, boundary ? stop : target);
    target.remove();
    chunk.remove();
  }
}

// A column-major grid (Webix's datatable and property sheet, other virtual grids): each column is a
// container of its cells in row order, the columns are siblings and a row is only implicit (cell i
// of every column), the column headers sit in a separate header row. Its cells say what they are
// (ARIA `gridcell`, or an `aria-rowindex`) but sit in no row, which ARIA requires. Read as it is, a
// column's text runs all its rows together (one «release» of every version). Such a grid is rebuilt
// as the table it shows: one <tr> per row index, its cells moved into <td>s, a header row of the
// grid's column headers when there is one per column. Columns of different lengths, or whose
// `aria-rowindex`es do not line up, are left as they are (no row is ever guessed). Python `_column_grids`.
const GRID_ROOTS = new Set(["grid", "treegrid", "table"]);

function isGridCell(el: Element): boolean {
  const role = el.getAttribute("role");
  return role === "gridcell" || (el.hasAttribute("aria-rowindex") && role !== "row"); // a row-major grid's rows carry the index too
}

/** A column of a column-major grid: no row itself, every element child a grid cell. */
function isGridColumn(el: Element): boolean {
  const kids = childElements(el);
  return kids.length > 0 && el.getAttribute("role") !== "row" && tag(el) !== "tr" && kids.every(isGridCell);
}

/** The grid a column belongs to: its nearest ancestor with a grid role, else its parent. null when it
 * sits in a row (`role=row`, or a <tr> inside the grid): a row-major grid's cell wrapper (Fluent UI's
 * «ms-DetailsRow-fields» of one row's cells) is no column. */
function gridOf(column: Element): Element | null {
  let inTr = false;
  for (let el = column.parentElement; el; el = el.parentElement) {
    const role = el.getAttribute("role") ?? "";
    if (role === "row") return null;
    if (GRID_ROOTS.has(role)) return inTr ? null : el;
    inTr = inTr || tag(el) === "tr";
  }
  return column.parentElement;
}

/** Every column has as many cells, and cell i of each has the same `aria-rowindex` (when given). */
function rowsLineUp(columns: Element[][]): boolean {
  const count = (columns[0] as Element[]).length;
  if (columns.some((cells) => cells.length !== count)) return false;
  for (let i = 0; i < count; i++) {
    if (new Set(columns.map((cells) => (cells[i] as Element).getAttribute("aria-rowindex"))).size > 1) return false;
  }
  return true;
}

/** The grid's column header cells outside its columns, one per column, else []. */
function columnHeaders(grid: Element, columns: Element[]): Element[] {
  const heads = Array.from(grid.querySelectorAll("[role=columnheader]")).filter((h) => !columns.some((c) => c.contains(h)));
  return heads.length === columns.length ? heads : [];
}

/** Put a <table> of the grid's rows where its first column was; the emptied columns go. */
function rebuildGrid(columns: Element[], heads: Element[]): void {
  const doc = (columns[0] as Element).ownerDocument;
  const gridTable = doc.createElement("table");
  if (heads.length) {
    const headRow = gridTable.appendChild(doc.createElement("thead")).appendChild(doc.createElement("tr"));
    for (const head of heads) {
      const th = headRow.appendChild(doc.createElement("th"));
      while (head.firstChild) th.appendChild(head.firstChild);
    }
  }
  const body = gridTable.appendChild(doc.createElement("tbody"));
  const cells = columns.map(childElements);
  for (let i = 0; i < (cells[0] as Element[]).length; i++) {
    const row = body.appendChild(doc.createElement("tr"));
    for (const columnCells of cells) row.appendChild(doc.createElement("td")).appendChild(columnCells[i] as Element);
  }
  (columns[0] as Element).before(gridTable);
  for (const column of columns) column.remove();
}

/** Rebuild every column-major grid of the page (see `isGridColumn`) as a table of its rows. */
function columnGrids(root: Element): void {
  const grids = new Map<Element | null, Element[]>();
  const seen = new Set<Element>(); // a column is asked once, not once per cell
  for (const column of Array.from(root.querySelectorAll("[role=gridcell], [aria-rowindex]"), (c) => c.parentElement)) {
    if (!column || seen.has(column)) continue;
    seen.add(column);
    if (!isGridColumn(column)) continue;
    const grid = gridOf(column);
    const known = grids.get(grid);
    if (known) known.push(column);
    else grids.set(grid, [column]);
  }
  for (const [grid, columns] of grids) {
    if (!grid || columns.length < 2 || columns.some((c) => columns.some((o) => o !== c && o.contains(c)))) continue;
    if (!rowsLineUp(columns.map(childElements))) continue;
    rebuildGrid(columns, columnHeaders(grid, columns));
  }
}

export interface Prepared {
  root: Element;
  jsonld: string[];
}

function startsWithSpace(node: ChildNode | null): boolean {
  const data = node !== null && node.nodeType === 3 ? (node as Text).data : "";
  return data.length > 0 && isBlank(data.charAt(0));
}

/**
 * An inert, prepared copy of the document's root element (see the header comment): one native
 * deep import, then the block spaces. A space is only inserted where the neighbouring text does not
 * already start with whitespace (pretty-printed pages need few): next to whitespace it would
 * collapse away in every text, own text and tail this extractor reads, so the result is the same.
 */
export function preparedCopy(doc: Document): Prepared {
  const jsonld = Array.from(doc.querySelectorAll("script"))
    .filter((s) => (s.getAttribute("type") ?? "").trim() === "application/ld+json")
    .map((s) => s.textContent ?? "");
  const struck = struckClasses(Array.from(doc.querySelectorAll("style"), (s) => s.textContent ?? ""));
  const inert = doc.implementation.createHTMLDocument("");
  const source = doc.documentElement;
  const root = source ? (inert.importNode(source, true) as Element) : inert.createElement("html");
  if (inert.documentElement) inert.replaceChild(root, inert.documentElement);
  else inert.appendChild(root);
  const streamed = Array.from(root.querySelectorAll("script"), (s) => s.textContent ?? "").filter((t) => t.includes("$R"));
  if (streamed.length) resolveStreamed(root, streamedMoves(streamed));
  for (const el of Array.from(root.querySelectorAll(DROP))) el.remove();
  columnGrids(root);
  markStruck(root, struck);
  attributeTexts(root);
  customButtons(root);
  customLinks(root);
  const blocks = TABLE.blockTags;
  const classed = new Set(blockClassed(root));
  // a static querySelectorAll list: jsdom resolves each index of the live getElementsByTagName
  // collection through a named-item lookup (quadratic: ~0.3 s of a 196 KB page under Node)
  for (const el of Array.from(root.querySelectorAll("*"))) {
    if (!blocks.has(tag(el)) && !classed.has(el)) continue;
    if (!startsWithSpace(el.firstChild)) el.insertBefore(inert.createTextNode(" "), el.firstChild);
    if (el.parentElement && !startsWithSpace(el.nextSibling)) el.parentElement.insertBefore(inert.createTextNode(" "), el.nextSibling);
  }
  return { root, jsonld };
}

/**
 * Inline elements a UI kit lays out as blocks (labels.json `block_classes`: Onsen UI's
 * `span.list-item__title` + `span.list-item__subtitle`): their texts are separate lines, not one
 * word («Режим работыпн–пт») (Python `_block_classed`).
 */
function blockClassed(root: Element): Element[] {
  const classes = [...TABLE.blockClasses];
  return classes.length ? Array.from(root.querySelectorAll(classes.map((c) => `.${c}`).join(", "))) : [];
}

/** Whether an element counts as a block boundary: a block tag or a `block_classes` class. */
function isBlock(el: Element): boolean {
  if (TABLE.blockTags.has(tag(el))) return true;
  for (const c of TABLE.blockClasses) if (el.classList.contains(c)) return true;
  return false;
}

/** Lower-case tag name (HTML elements report upper case). */
export function tag(el: Element): string {
  return el.localName;
}

/** Normalised block text of a prepared subtree (lxml `itertext`, joined and normalised). */
export function inlineText(el: Element | null | undefined): string {
  return el ? norm(el.textContent) : "";
}

/** The element's direct text nodes only (lxml: its text plus its children's tails). */
export function ownText(el: Element): string {
  let out = "";
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) out += (n as Text).data;
  return out;
}

/** The text right before an element inside its parent, back to the previous element (comments
 * passed over; lxml: the previous element's tail, or the parent's text). */
export function textBefore(el: Element): string {
  let out = "";
  for (let n = el.previousSibling; n && n.nodeType !== 1; n = n.previousSibling) if (n.nodeType === 3) out = (n as Text).data + out;
  return out;
}

const MAX_BOX_CLIMB = 3; // <td><p><a>: the wrappers that hold nothing but the link

/** The text of the element right before the box that holds only this link (<th>Видео</th>
 * <td><a>…</a></td>; a form row's label, then its content), with no text between the two and
 * no link in that element (links: a video / presentation label; offer: «<b>Онлайн-демо:</b>
 * <a>…</a>») (Python `label_cell`). */
export function labelCell(a: Element): string {
  const text = inlineText(a);
  let box = a;
  for (let i = 0; i < MAX_BOX_CLIMB; i++) {
    const parent = box.parentElement;
    if (!parent || inlineText(parent) !== text) break;
    box = parent;
  }
  const prev = box.previousElementSibling;
  // text between, or a link before (another link's text is no label)
  return !prev || norm(textBefore(box)) || css(prev, "a[href]").length ? "" : inlineText(prev);
}

const VALUE_CELLS = new Set(["td", "dd"]);
const LABEL_CELLS = new Set(["td", "th", "dt"]);

/** The text of the label cell of the row whose value cell holds the link, however many links that
 * cell lists (<td>Видео:</td><td><a>YouTube</a><br><a>Rutube</a></td>; a definition list's <dt>/<dd>):
 * the cell right before the link's nearest td / dd (within MAX_BOX_CLIMB levels), when it is a label
 * cell with no link in it; else "" (Python `row_label`). */
export function rowLabel(a: Element): string {
  let cell = a.parentElement;
  for (let i = 0; i < MAX_BOX_CLIMB; i++) {
    if (!cell || VALUE_CELLS.has(tag(cell))) break;
    cell = cell.parentElement;
  }
  if (!cell || !VALUE_CELLS.has(tag(cell))) return "";
  return labelCellBefore(cell);
}

/**
 * The text of the label cell (`th`/`td`/`dt`) right before a value cell, when it holds no link itself
 * (a row of two value cells labels nothing); else "" (Python `label_cell_before`).
 */
export function labelCellBefore(cell: Element): string {
  const prev = cell.previousElementSibling;
  return !prev || !LABEL_CELLS.has(tag(prev)) || css(prev, "a[href]").length ? "" : inlineText(prev);
}

/** The text right after an element up to the next element or comment (lxml `tail`). */
export function tailText(el: Element): string {
  let out = "";
  for (let n = el.nextSibling; n && n.nodeType === 3; n = n.nextSibling) out += (n as Text).data;
  return out;
}

/** Elements under AND including `el` matching a selector (parsel's descendant-or-self); [] on a bad selector. */
export function css(el: Element | null | undefined, selector: string): Element[] {
  if (!el) return [];
  try {
    const found = Array.from(el.querySelectorAll(selector));
    return el.matches(selector) ? [el, ...found] : found;
  } catch {
    return [];
  }
}

/** Elements of the whole document matching a selector list, in document order (Python `select_all`,
 * which runs simple selectors through lxml's attribute axis; the DOM's querySelectorAll is native). */
export function selectAll(root: Element, selector: string): Element[] {
  return css(root, selector);
}

/** Whether one element matches a selector list (false on a selector the DOM cannot run). */
export function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/**
 * The element's element children in order. Walks nextElementSibling instead of indexing the live
 * HTMLCollection: jsdom resolves every index through a named-item lookup (quadratic on a list of
 * 150 reviews: ~0.5 s of a 196 KB page under Node), and a browser gives the same elements.
 */
export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) out.push(c);
  return out;
}

const HIDDEN_STYLE = /display\s*:\s*none/;

/** Hidden by its own markup: a `hidden` attribute or an inline «display: none» (a closed fold, a layer
 * not open; Python `hidden`). */
export function hidden(el: Element): boolean {
  return el.hasAttribute("hidden") || HIDDEN_STYLE.test((el.getAttribute("style") ?? "").toLowerCase());
}

/** The element itself and its ancestors up to the root. */
export function* ancestors(el: Element | null): Generator<Element> {
  for (let a = el; a; a = a.parentElement) yield a;
}

/** Elements in document order, skipping script/style/option/button… subtrees (skip_tags). */
export function iterElements(root: Element): Element[] {
  const skip = TABLE.skipTags;
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop() as Element;
    if (skip.has(tag(el))) continue;
    out.push(el);
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return out;
}

/** Move a node and its tail text (the Text nodes right after it) to the end of `into`. */
export function moveWithTail(node: Element, into: Element): void {
  let next = node.nextSibling;
  into.appendChild(node);
  while (next && next.nodeType === 3) {
    const after: ChildNode | null = next.nextSibling;
    into.appendChild(next);
    next = after;
  }
}

/** Remove a node with its tail text, as lxml's `parent.remove(el)` does. */
export function removeWithTail(node: Element): void {
  let next = node.nextSibling;
  while (next && next.nodeType === 3) {
    const after: ChildNode | null = next.nextSibling;
    next.remove();
    next = after;
  }
  node.remove();
}

/**
 * Normalised text of `root` leaving out the `excluded` subtrees (their tails stay): each is swapped
 * for an empty placeholder while the native textContent is read (the copy is ours to change).
 */
export function textWithout(root: Element, excluded: ReadonlySet<Element>): string {
  const swaps: Array<[Element, Element]> = [];
  for (const el of excluded) {
    if (el === root || !el.parentElement || !root.contains(el)) continue;
    const holder = el.ownerDocument.createElement("span");
    el.replaceWith(holder);
    swaps.push([el, holder]);
  }
  try {
    return inlineText(root);
  } finally {
    for (const [el, holder] of swaps.reverse()) holder.replaceWith(el);
  }
}

const ABSOLUTE = /^https?:\/\//i;

/** A query value percent-decoded once as UTF-8, or null when it does not decode cleanly (a «%» without two hex
 * digits after it, bytes that are no UTF-8). */
function percentDecoded(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** The URL an archived or redirected link stands for: a web archive's own rewrite of a link (`urls.archived`:
 * `https://web.archive.org/web/<timestamp>[im_]/<original>`, its root-relative form in a saved snapshot,
 * archive.today's `/o/<id>/<original>`) means its original, and a known redirector's wrapper (`urls.redirect`:
 * Google's `/url?q=<url>&sa=D…` around every link of a published Google Doc, YouTube's, VK's and Facebook's) its
 * percent-decoded target, unwrapped as often as it is wrapped; any other URL is itself (a site's own link whose
 * query carries a URL is no archive's rewrite and no redirector's). */
export function originalUrl(url: string): string {
  const archived = TABLE.rx("urls", "archived");
  const redirect = TABLE.rx("urls", "redirect");
  for (;;) {
    let m: RegExpExecArray | null = null;
    for (const p of archived) if ((m = p.exec(url))) break;
    if (m) {
      url = m[1] ?? "";
      continue;
    }
    for (const p of redirect) if ((m = p.exec(url))) break;
    const target = m ? percentDecoded(m[1] ?? "") : null;
    if (target === null) return url;
    url = target;
  }
}

/** An absolute http(s) URL for a link, or null (javascript:, mailto:, garbage). Absolute links stay as written, like urljoin.
 * An archived link is its original (`originalUrl`): as written, once resolved («//web.archive.org/web/…»), and an
 * archived base is the page it archived (a snapshot's relative links are that site's). */
export function absoluteUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href) return null;
  const h = originalUrl(href.trim());
  let resolved: string;
  try {
    const full = new URL(h, base ? originalUrl(base) : `${String(TABLE.get("urls", "base"))}/`);
    if ((full.protocol !== "http:" && full.protocol !== "https:") || !full.host) return null;
    resolved = ABSOLUTE.test(h) ? h : full.href;
  } catch {
    return null;
  }
  const original = originalUrl(resolved);
  return original === resolved ? resolved : absoluteUrl(original, null);
}

/** The href is a click-tracking redirect (`urls.tracking`) that hides where it leads (Python `tracked`). */
export function tracked(href: string | null | undefined): boolean {
  const h = (href ?? "").trim();
  return TABLE.rx("urls", "tracking").some((p) => p.test(h));
}

/** Where a link leads as its reader sees it: its href (`absoluteUrl`), unless that is a click-tracking
 * redirect (`urls.tracking`: an e-mail service's opaque «…/ls/click?upn=<token>»), which hides its target:
 * then the link's own text when that is itself one absolute URL (the reader follows what the text says),
 * else null (no URL the page tells) (Python `link_url`). */
export function linkUrl(a: Element, base: string | null | undefined): string | null {
  const href = (a.getAttribute("href") ?? "").trim();
  if (!tracked(href)) return absoluteUrl(href, base);
  const text = inlineText(a);
  const shown = (text.startsWith("http://") || text.startsWith("https://")) && !text.includes(" "); // normalised: one URL, no words
  return shown ? absoluteUrl(text, null) : null;
}

const NOT_TEXT = new Set(["script", "style", "noscript", "template"]);

/**
 * Block text of a LIVE (unprepared) subtree: what `inlineText` gives on the prepared copy, computed
 * by one walk (listing cards are read in place, so their elements can carry the mini-badges).
 */
export function liveBlockText(el: Element | null | undefined): string {
  if (!el) return "";
  const parts: string[] = [];
  const walk = (node: Element): void => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) parts.push((n as Text).data);
      else if (n.nodeType === 1) {
        const child = n as Element;
        if (NOT_TEXT.has(tag(child))) continue;
        const block = isBlock(child);
        if (block) parts.push(" ");
        walk(child);
        if (block) parts.push(" ");
      }
    }
  };
  walk(el);
  return norm(parts.join(""));
}
