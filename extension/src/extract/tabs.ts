// Tab bodies and tab-bar labels of a solution page (DOM.md §4; issue 9 point 3;
// backend/mpcheck/extract/tabs.py, tie for tie). Hidden bodies are in the DOM whichever tab is shown
// (read with textContent, never innerText). A body is found by its confirmed id (#tab-<name>-body,
// trusted as is), else through the tab control's aria-controls / data-target. A tab still missing
// is found by its TITLE (tabs.<name>.titles; words for screen readers only, tab_checks.assistive_text,
// left out: jQuery Mobile's «click to expand contents») and its panel by every standard tie: the
// panel's own aria-label / title / data-title; the control's aria-controls / data-target /
// data-bs-target / href="#id" (or a named anchor; also the link inside a title, a navbar's
// <li><a href="#sec-log">), the panel's aria-labelledby; label for + radio input;
// details/summary; equal data-* values; the same quoted key in the control's click handler and the
// panel's visibility expression (Alpine @click="tab = 'log'" ↔ x-show="tab === 'log'", Vue v-on:click
// ↔ v-show / v-if, :hidden="tab !== 'log'"; the same state variable when the handler names one, a key
// one panel only shows on; a panel shown on another key of that variable is never the tab's by any
// other tie); old tabs without a target: the same number in the tab's and the panel's ids of generic words
// (tab_title_3 ↔ tab_content_3, tab1 ↔ content1) or the literal the tab's onclick / href="javascript:…" passes
// to the script function two titles call (ShowTab(3) ↔ tab_content_3), a key one panel holds; the next sibling
// and the same position among sibling tabs and panels (guesses from
// order: never a block whose first title names another tab); a heading
// (or titled block) and its content up to the next heading of the same or higher level or the next
// title (wrapped in a new div in the prepared copy, never in the page). A tied panel is trusted only
// when its content fits the tab (tab_checks): versions with dates, dated items, support text.
import { ancestors, childElements, css, inlineText, moveWithTail, ownText, tag, tailText, textBefore, textWithout } from "./dom";
import { TABLE, type Entry } from "./label_table";
import { releaseTables } from "./log_table";
import { cpLen, fold, norm } from "./text";

const BAR_TAGS = new Set(["a", "button", "li", "label"]);
const CONTROL_TAGS = new Set(["a", "button", "li", "label", "summary"]);
const NOT_TITLES = new Set(["option", "select", "textarea", "head", "title"]);
const NONE_TEXT: Record<string, string> = { rating: "reviews", comments: "comments" }; // «no items yet» groups
export const MAX_TITLE_CHARS = 60; // a tab title is short; longer own text is prose
const MAX_RAW_TITLE_CHARS = 400; // the same before whitespace is collapsed (indented markup)
const MAX_PANEL_CLIMB = 5; // how far up from a tab bar its panels' container may sit (mat-tab-header → -body-wrapper)
const MAX_KEY_HOLDERS = 3; // a data-* key ties one control to one panel (a title may carry it too)

/** The attribute names of a tab control / panel key pair (labels.json `tab_key_attributes`). */
function keyAttributes(side: "control" | "panel" | "role_pair"): string[] {
  const pair = TABLE.data.tab_key_attributes as Record<string, string[] | string> | undefined;
  const names = pair?.[side];
  return Array.isArray(names) ? names : [];
}
const TARGET_ATTRS = ["aria-controls", "data-target", "data-bs-target", "data-tab-target", "href"];
/** [state variable, or null when the handler names none; quoted key] */
type Key = [string | null, string];
const GUESSED_TIES = new Set(["next", "position"]); // ties read from the markup's order, not from a name or a key
const LATER_TIES = new Set(["heading", ...GUESSED_TIES]); // tried, in their order, after every name or key tie

export interface Tabs {
  bodies: Map<string, Element>;
  labels: Map<string, string>;
  how: Map<string, string>;
}

interface TabSpec { ids: string[]; anchor: string; titles: Entry[] }

function specs(): Array<[string, TabSpec]> {
  return Object.entries(TABLE.get("tabs") as Record<string, TabSpec>);
}

/** A bilingual title split at its spaced «/» or «|» («changelog / история версий»), else itself. */
function titleParts(folded: string): string[] {
  const separator = TABLE.rx("tab_title_parts")[0];
  return separator ? folded.split(separator) : [folded];
}

function titleMatch(name: string, text: string): boolean {
  const folded = fold(text);
  const patterns = TABLE.sticky("tabs", name, "titles");
  const fits = (part: string): boolean => patterns.some((p) => TABLE.match(p, part) !== null);
  if (fits(folded)) return true;
  const parts = titleParts(folded); // every part of a bilingual title must title this tab
  return parts.length > 1 && parts.every(fits);
}

let anyTitle: RegExp | null = null;

/** Is what a block holds besides its title nothing, a colon or one bracketed gloss (`tab_checks.title_gloss`)? */
function titleLine(rest: string): boolean {
  return TABLE.search(norm(rest), "tab_checks", "title_gloss") !== null;
}

/** The tab a short text titles («История версий» → log; «Changelog / История версий» → log), or null. */
const PART_MARKS = "/|—–"; // what may part a title in two (`tab_title_parts`): a cheap test before the regex

export function titleOf(text: string): string | null {
  // a whole section's text needs no normalising (length > 2×limit UTF-16 units ⇒ > limit code points)
  if (text.length > 2 * MAX_RAW_TITLE_CHARS || cpLen(text) > MAX_RAW_TITLE_CHARS) return null;
  const folded = fold(text);
  if (!folded || cpLen(withoutAside(folded)) > MAX_TITLE_CHARS) return null;
  const name = foldedTitleOf(folded);
  if (name !== null || ![...PART_MARKS].some((c) => folded.includes(c))) return name;
  const parts = titleParts(folded);
  const names = new Set(parts.map(foldedTitleOf));
  return parts.length > 1 && names.size === 1 ? ([...names][0] ?? null) : null; // «отзывы / обсуждения»: two tabs, none
}

/**
 * A title without the bracket that closes it: its count and a note on it («Что нового (последние 6
 * версий, полная история — на вкладке …)», a `details` summary) do not make the title prose; the title
 * patterns still judge the whole text (Python `_without_aside`).
 */
function withoutAside(folded: string): string {
  const start = folded.lastIndexOf("(");
  return start > 0 && folded.endsWith(")") ? folded.slice(0, start) : folded;
}

function foldedTitleOf(folded: string): string | null {
  // one alternation first: most short texts title nothing
  anyTitle ??= new RegExp(specs().flatMap(([name]) => TABLE.sources("tabs", name, "titles")).map((p) => `(?:${p})`).join("|"), TABLE.flags);
  if (!anyTitle.test(folded)) return null;
  for (const [name] of specs()) if (TABLE.sticky("tabs", name, "titles").some((p) => TABLE.match(p, folded) !== null)) return name;
  return null;
}

/** The tab a short text titles by its count first («3 комментария» → comments, «12 отзывов» →
 * rating: `tab_checks.count_first_titles`), or null. Only a heading or a tab is such a title
 * (units): a card's or the page head's «3 комментария» names no section of this page. */
export function countFirstTitleOf(text: string): string | null {
  const folded = text.length > 2 * MAX_RAW_TITLE_CHARS || cpLen(text) > MAX_RAW_TITLE_CHARS ? "" : fold(text);
  if (!folded || cpLen(folded) > MAX_TITLE_CHARS || !/^[0-9]/.test(folded)) return null;
  const names = Object.keys(TABLE.get("tab_checks", "count_first_titles") as Record<string, unknown>).filter((n) => n !== "comment");
  return names.find((n) => TABLE.sticky("tab_checks", "count_first_titles", n).some((p) => TABLE.match(p, folded) !== null)) ?? null;
}

/** The tab a numbered heading titles by its words after the chapter number («5. История версий»
 * → log, «2.1 Отзывы» → rating: `tab_checks.section_number`), or null (no number, or a title
 * that is no tab's). Only a heading or a tab is such a title (units): an ordered list's
 * «3. Поддержка» item or a table of contents' «5. История версий» link names no section. */
export function numberedTitleOf(text: string): string | null {
  if (text.length > 2 * MAX_RAW_TITLE_CHARS || cpLen(text) > MAX_RAW_TITLE_CHARS) return null;
  const number = TABLE.search(text, "tab_checks", "section_number");
  return number ? titleOf(text.slice(number.index + number[0].length)) : null;
}

/** The tab a heading's or a tab's text titles by its count first (countFirstTitleOf) or after its
 * chapter number (numberedTitleOf), or null. */
export function headingTitleOf(text: string): string | null {
  return countFirstTitleOf(text) ?? numberedTitleOf(text);
}

export const LINE_MARK = "data-mpcheck-line"; // a title line wrapped into a span (titleLines): its tab's name
const LINE_EDGES = /^[^\p{L}\p{N}]+|\s*:$/gu; // a line's leading emoji / symbols and its trailing colon (Python `[\W_]`)

/** The tab a whole text line titles once its leading emoji or symbols and a trailing colon are set
 * aside («🛠 Техподдержка», «💬 Отзывы с Маркетплейса:» of a social post), or null. */
export function lineTitleOf(text: string): string | null {
  if (cpLen(text) > MAX_RAW_TITLE_CHARS) return null;
  return titleOf(norm(text).replace(LINE_EDGES, ""));
}

/** A block's `<br>`-separated lines: [the <br> before the line or null for the block's first line,
 * the line's child elements]. */
function lineNodes(parent: Element): Array<[Element | null, Element[]]> {
  const out: Array<[Element | null, Element[]]> = [];
  let before: Element | null = null;
  let line: Element[] = [];
  for (const child of childElements(parent)) {
    if (tag(child) === "br") {
      out.push([before, line]);
      before = child;
      line = [];
    } else line.push(child);
  }
  out.push([before, line]);
  return out;
}

/** The text of a block before its first element (lxml: the block's `text`). */
function leadText(parent: Element): string {
  let out = "";
  for (let n = parent.firstChild; n && n.nodeType !== 1; n = n.nextSibling) if (n.nodeType === 3) out += (n as Text).data;
  return out;
}

/** Move the text nodes right after `el` (its lxml tail) into `into`. */
function moveTail(el: Element, into: Element): void {
  for (let n = el.nextSibling; n && n.nodeType === 3; n = el.nextSibling) into.appendChild(n);
}

/**
 * A `<br>`-separated text line whose whole text is a missing tab's title (lineTitleOf: a social post's
 * «🛠 Техподдержка<br>…<br>💬 Отзывы с Маркетплейса<br>…») is wrapped into a span marked with that tab
 * (LINE_MARK), so it heads the lines after it like a heading does (its section runs to the next
 * title or the block's end). The line must be whole: only text and inline elements, no link or
 * control, between a <br> (or the block's start) and the next <br> (or its end); a title inside a
 * sentence is no line of its own. A line that is one element titled as it is already a title unit
 * and is left alone.
 */
function titleLines(root: Element, skip: ReadonlySet<Element>, missing: readonly string[]): void {
  const parents = new Set<Element>();
  for (const br of css(root, "br")) if (br.parentElement) parents.add(br.parentElement);
  for (const parent of parents) {
    if ([...ancestors(parent)].some((a) => skip.has(a))) continue;
    for (const [before, line] of lineNodes(parent)) {
      const start = before ? tailText(before) : leadText(parent);
      if (line.some((el) => TABLE.blockTags.has(tag(el)) || CONTROL_TAGS.has(tag(el)) || css(el, "a, button, br").length > 0)) continue;
      const text = start + line.map((el) => inlineText(el) + " " + tailText(el)).join("");
      const name = cpLen(text) <= MAX_RAW_TITLE_CHARS ? lineTitleOf(text) : null;
      if (name === null || !missing.includes(name)) continue;
      const only = line[0];
      if (line.length === 1 && only && !norm(start) && !norm(tailText(only)) && titleOf(inlineText(only))) continue;
      const span = parent.ownerDocument.createElement("span");
      span.setAttribute(LINE_MARK, name);
      if (before) {
        parent.insertBefore(span, before.nextSibling);
        moveTail(span, span);
      } else {
        parent.insertBefore(span, parent.firstChild);
        moveTail(span, span);
      }
      for (const el of line) moveWithTail(el, span);
    }
  }
}

/** A heading (h1-h6, role=heading, a block its class calls a title: `tab_checks.title_classes`) or a
 * role=tab control, or inside one (its text's own span). */
function headingOrTab(el: Element): boolean {
  let i = 0;
  let own: string | null = null;
  for (const a of ancestors(el)) {
    if (i++ >= 3) break;
    const role = a.getAttribute("role");
    if (TABLE.headingTags.has(tag(a)) || role === "heading" || role === "tab") return true;
    // a class names a title only of a block whose whole text is the count's own and that holds no link
    // (a card's «<div class=post-card__title><a>Другой пост</a> <span>12 комментариев</span></div>»)
    if (TABLE.search(a.getAttribute("class") ?? "", "tab_checks", "title_classes")) {
      own ??= fold(inlineText(el));
      if (fold(inlineText(a)) === own && css(a, "a").length === 0) return true;
    }
  }
  return false;
}

/** A title's text without the words it holds for screen readers only (jQuery Mobile's collapsible
 * heading «Что нового<span class="ui-collapsible-heading-status"> click to expand contents</span>»,
 * Bootstrap's «<span class="sr-only">(current)</span>»: `tab_checks.assistive_text`); a title made
 * of such words only (an icon tab with a hidden name) keeps them. */
function shownText(el: Element): string {
  if (!el.firstElementChild) return inlineText(el);
  const selector = TABLE.entries("tab_checks", "assistive_text").map((e) => String(e.css)).join(", ");
  const hidden = [...css(el, selector).filter((h) => h !== el), ...permalinks(el)];
  return (hidden.length ? textWithout(el, new Set(hidden)) : "") || inlineText(el);
}

/** A heading's permalink anchors inside `el` (`tab_checks.permalinks`): links to an element that
 * holds the link itself (MkDocs' «<h2 id=_4>История версий<a class=headerlink href=#_4>¶</a></h2>»,
 * Sphinx's section id; GitHub's «<a id=user-content-x href=#x>» onto its own prefixed id) whose whole
 * text is a mark («¶», «#», «🔗») or nothing. A title's chrome and a name's alike (identity's badges). */
export function permalinks(el: Element): Element[] {
  const found: Element[] = [];
  for (const entry of TABLE.entries("tab_checks", "permalinks")) {
    const marks = entry.marks as string[];
    for (const a of css(el, String(entry.css))) {
      const target = (a.getAttribute("href") ?? "").trim().slice(1);
      const ownId = a.getAttribute("id") ?? ""; // GitHub's «<a id=user-content-x href=#x>»
      if (target && marks.includes(inlineText(a)) && (ownId.endsWith(`-${target}`) || [...ancestors(a)].some((x) => x.getAttribute("id") === target))) {
        found.push(a);
      }
    }
  }
  return found;
}

/** Whether an element's whole text (or its shown text, `shownText`) is the tab's title (with
 * `counted`, its heading title: count-first or numbered, headingTitleOf). */
function titles(el: Element, name: string, counted = false): boolean {
  const of = counted ? headingTitleOf : titleOf;
  return of(inlineText(el)) === name || (el.firstElementChild !== null && of(shownText(el)) === name);
}

function inTabBar(el: Element): boolean {
  for (const a of ancestors(el)) {
    const role = a.getAttribute("role");
    if (BAR_TAGS.has(tag(a)) || tag(a) === "nav" || role === "tablist" || role === "tab") return true;
    if ((a.getAttribute("id") ?? "").startsWith("tab-list")) return true;
  }
  return false;
}

/** One pass: the id map and the clickable items of tab bars (role=tab, nav, #tab-list…). */
function barItems(root: Element): [Map<string, Element>, Element[]] {
  const ids = new Map<string, Element>();
  const bars: Element[] = [];
  for (const el of css(root, "[id], [role], nav")) {
    const id = el.getAttribute("id");
    if (id && !ids.has(id)) ids.set(id, el);
    const role = el.getAttribute("role");
    if (role === "tablist" || role === "tab" || tag(el) === "nav" || (id ?? "").startsWith("tab-list")) bars.push(el);
  }
  const items = bars.flatMap((bar) => css(bar, "a, button, li"));
  items.push(...bars.filter((b) => b.getAttribute("role") === "tab"));
  return [ids, items];
}

/** The tab-bar element of a tab whose text is the tab title: by id, then by anchor href, then any bar item. */
function control(ids: Map<string, Element>, items: Element[], name: string, spec: TabSpec): Element | null {
  const anchor = "#" + spec.anchor;
  // the options in Python's order, tried lazily: a <nav> menu can hold a thousand links
  for (const el of [ids.get(spec.anchor), ids.get(`tab-${name}`)]) if (el && titleMatch(name, inlineText(el))) return el;
  for (const el of items) if ((el.getAttribute("href") ?? "").endsWith(anchor) && titleMatch(name, inlineText(el))) return el;
  for (const el of items) if (titleMatch(name, inlineText(el))) return el;
  return null;
}

// ---- content checks ----------------------------------------------------------------------------

function datePaths(): string[][] {
  // every date form of the table (month names, ISO and unit words are parts, not dates; the
  // relative hint is a prefilter word, «только» of «могут только покупатели» dates nothing)
  return Object.keys(TABLE.get("dates") as Record<string, unknown>)
    .filter((k) => k !== "months" && k !== "iso" && k !== "relative_hint" && !k.endsWith("_units"))
    .map((k) => ["dates", k]);
}

/** Whether a panel's (folded) text fits the tab: versions with dates, dated items, some text. */
export function fits(name: string, text: string, hasTime = false): boolean {
  const dates = datePaths().flatMap((path) => TABLE.rx(...path));
  const dated = dates.some((p) => p.test(text));
  if (name === "log") {
    if (!dated) return false;
    let undated = text;
    for (const p of dates) undated = undated.replace(new RegExp(p.source, p.flags + "g"), " ");
    return TABLE.search(undated, "tab_checks", "version") !== null;
  }
  const none = NONE_TEXT[name];
  if (none) return hasTime || dated || TABLE.search(text, none, "none") !== null;
  if (name === "support") return cpLen(text) >= Number(TABLE.get("tab_checks", "support_min_chars"));
  return text !== "";
}

/** Whether the nodes' text fits the tab; with `tails`, their tails too (a title line's section: its
 * `<br>`-separated lines are the text between its nodes, which moves with them when wrapped). */
function panelFits(name: string, nodes: Element[], tails = false): boolean {
  const text = fold(
    nodes
      .map((n) => {
        const tail = tails ? tailText(n) : "";
        return inlineText(n) + (tail ? " " + tail : "");
      })
      .join(" "),
  );
  const hasTime = nodes.some((n) => css(n, "time").some((t) => t.getAttribute("datetime")));
  return fits(name, text, hasTime);
}

// ---- title units and their ties ----------------------------------------------------------------

/** A heading and its following siblings up to `stop` (not yet wrapped). */
class Section {
  constructor(
    readonly start: Element,
    readonly stop: (el: Element) => boolean,
    readonly fixed: Element[] | null = null, // the nodes already chosen (`releaseRows`)
  ) {}

  nodes(): Element[] {
    if (this.fixed) return [...this.fixed];
    const out = [this.start];
    for (let node = this.start.nextElementSibling; node && !this.stop(node); node = node.nextElementSibling) out.push(node);
    return out;
  }
}

type Candidate = Element | Section;

/** Elements in document order, not entering the `skip` subtrees. */
function walk(root: Element, skip: ReadonlySet<Element>): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop() as Element;
    out.push(el);
    if (!skip.has(el)) for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return out;
}

/** The page's own addresses, without a fragment: its canonical and og:url links. A link to one of them
 * with «#x» jumps within this page like «#x» (LiveJournal's «12 комментариев» link to
 * «https://user.livejournal.com/5127.html#comments» on that very post). */
export function ownAddresses(root: Element): string[] {
  const found: string[] = [];
  for (const [sel, attr] of [["link[rel=canonical]", "href"], ["meta[property='og:url']", "content"]] as const) {
    const el = css(root, sel)[0];
    const value = (el?.getAttribute(attr) ?? "").trim().split("#")[0] ?? "";
    if (value) found.push(value);
  }
  return found;
}

/** The id a link jumps to on this page: «#x», or one of the page's own addresses with «#x» (a
 * hashbang's «#!…» tail cut); "" for any other link. */
function localRef(href: string | null, own: readonly string[]): string {
  const value = (href ?? "").trim();
  const at = value.indexOf("#");
  if (at < 0) return "";
  const base = value.slice(0, at);
  if (base && !own.includes(base)) return "";
  return value.slice(at + 1).replace(/^#+/, "").split("!")[0] ?? "";
}

/** A link (the element or up to 3 levels up) to an element of this page (`localRef`). */
function jumps(el: Element, own: readonly string[], ids: ReadonlyMap<string, Element>): boolean {
  let n = 0;
  for (const a of ancestors(el)) {
    if (n++ >= 3) break;
    if (tag(a) === "a" && ids.has(localRef(a.getAttribute("href"), own))) return true;
  }
  return false;
}

/**
 * (element, tab) for every short text that is a tab title, climbed to the largest ancestor whose
 * whole text is still that title. The item lists already found (reviews, comments, changelog) are
 * not entered: no title is in there. A count-first or numbered title («12 комментариев») is a
 * heading's or a tab's, or a link's that jumps to an element of this page (`jumps`: LiveJournal's
 * comment count over its thread; such units are added to `jumped`).
 */
function units(
  root: Element,
  skip: ReadonlySet<Element>,
  addresses: readonly string[] = [],
  ids: ReadonlyMap<string, Element> | null = null,
  jumped: Set<Element> | null = null,
): Array<[Element, string]> {
  const found: Array<[Element, string]> = [];
  const seen = new Set<Element>();
  for (const el of walk(root, skip)) {
    if (NOT_TITLES.has(tag(el)) || !el.firstChild) continue;
    const marked = el.getAttribute(LINE_MARK);
    if (marked) {
      // a title line (titleLines): the line is the unit, its block is more
      if (!seen.has(el)) {
        seen.add(el);
        found.push([el, marked]);
      }
      continue;
    }
    const raw = ownText(el);
    if (cpLen(raw) > MAX_RAW_TITLE_CHARS) continue; // long prose before any normalising
    const own = norm(raw);
    if (!own || cpLen(withoutAside(own)) > MAX_TITLE_CHARS) continue;
    let name = titleOf(own); // the own text first: a cheap test before the subtree's text
    // «3 комментария», «5. История версий» as a heading, a tab or a link within the page only (the
    // text is tried first: the element tests climb, and most short texts are no such title)
    const countedName = name === null ? headingTitleOf(own) : null;
    const heading = countedName !== null && headingOrTab(el);
    const link = countedName !== null && !heading && ids !== null && ids.size > 0 && jumps(el, addresses, ids);
    const counted = heading || link;
    name = counted ? countedName : name;
    if (name === null || !titles(el, name, counted) || columnHeader(el) || rowLabel(el, name)) continue;
    let unit = el;
    for (let i = 0; i < 3; i++) {
      const parent = unit.parentElement;
      if (!parent || ["body", "html"].includes(tag(parent))) break;
      // a count inside its heading («<h2>Обсуждение · <span>12 комментариев</span></h2>»): the heading
      // whose whole text is the title with its count is the unit, and goes no higher
      if (counted && TABLE.headingTags.has(tag(parent)) && titles(parent, name)) {
        unit = parent;
        break;
      }
      if (!titles(parent, name, counted)) break;
      unit = parent;
    }
    if (!seen.has(unit)) {
      seen.add(unit);
      found.push([unit, name]);
      if (link) jumped?.add(unit);
    }
  }
  return found;
}

function rowCells(row: Element): Element[] {
  return childElements(row).filter((c) => tag(c) === "td" || tag(c) === "th");
}

/** Whether a cell is in the first row of its table and that row heads a grid: two cells or more, the row after it has
 * as many, and one cell at most is a tab title (a published Google Doc's plain «Версия | Дата | Описание» row over the
 * releases). A tab bar laid out as a table row keeps its titles: it titles two tabs or more, and the row under it, if
 * any, is often one panel cell spanning the bar, or the panels are outside the table. */
function headsGrid(cell: Element): boolean {
  const row = cell.parentElement;
  const section = row?.parentElement ?? null;
  if (!row || tag(row) !== "tr" || !section) return false;
  if (tag(section) === "tbody" || tag(section) === "thead") {
    let before = section.previousElementSibling;
    while (before && !["thead", "tbody", "tr"].includes(tag(before))) before = before.previousElementSibling;
    if (before) return false; // a later row group: its first row holds data
  } else if (tag(section) !== "table") return false;
  let prev = row.previousElementSibling;
  while (prev && tag(prev) !== "tr") prev = prev.previousElementSibling;
  let next = row.nextElementSibling;
  while (next && tag(next) !== "tr") next = next.nextElementSibling;
  const cells = rowCells(row);
  if (prev || !next || cells.length < 2 || rowCells(next).length !== cells.length) return false;
  return cells.filter((c) => titleOf(inlineText(c)) !== null).length <= 1;
}

/** Whether a text sits in a table's column header («Описание» over the descriptions of a release
 * table, «Отзыв» over a reviews grid): the nearest cell around it is role=columnheader, or a th with
 * scope=col / colgroup or in a thead, or a td or unscoped th of a first row that heads a grid (`headsGrid`: MediaWiki
 * writes a wikitable's header row as th cells inside tbody, blind solution_mediawiki_partner_kb_mirror). It names a
 * column of the panel, never a tab (a th marked role=tab, a row header, any other td stay titles). */
function columnHeader(el: Element): boolean {
  for (const a of ancestors(el)) {
    const role = a.getAttribute("role");
    if (role === "columnheader") return true;
    if (role === "tab" || tag(a) === "table") return false;
    if (tag(a) === "td") return headsGrid(a);
    if (tag(a) === "th") {
      const row = a.parentElement;
      const inHead = row?.parentElement ? tag(row.parentElement) === "thead" : false;
      const scope = (a.getAttribute("scope") ?? "").trim().toLowerCase();
      return inHead || ["col", "colgroup"].includes(scope) || (!scope && headsGrid(a));
    }
  }
  return false;
}

/** Whether a title's text labels a field row whose value does not fit the tab (`fits`): a `dt` (its
 * value: the `dd`s right after it) or the first cell of a table row whose other cells title no tab (its
 * value: those cells). «Обновления | 12 месяцев по лицензии» is a licence term among the support terms,
 * not the changelog's title: it titles no section and ends none (the support section's `dl` was cut
 * before its rows, blind solution_jekyll_minima_ghpages_volga_cdek). A row whose value fits («История
 * версий | 2.3.1 — 14.11.2026 …») keeps its title; so does a cell holding more than the title (a layout
 * table's cell round a whole tab bar), a cell marked role=tab, a header row's cell and a row of one cell
 * (Python `_row_label`). */
function rowLabel(el: Element, name: string): boolean {
  for (const a of ancestors(el)) {
    // a cell holding more than the title (a layout table's cell round the tab bar)
    if (["dt", "td", "th"].includes(tag(a)) && !titles(a, name)) return false;
    if (tag(a) === "dt") {
      const values: Element[] = [];
      for (let node = a.nextElementSibling; node && tag(node) === "dd"; node = node.nextElementSibling) values.push(node);
      return values.length > 0 && !panelFits(name, values);
    }
    if (tag(a) === "td" || tag(a) === "th") {
      const row = a.parentElement;
      const cells = row ? rowCells(row) : [];
      if (a.getAttribute("role") === "tab" || cells.length < 2 || cells[0] !== a) return false;
      const rest = cells.slice(1);
      return !rest.some((c) => titleOf(inlineText(c)) !== null) && !panelFits(name, rest);
    }
    if (tag(a) === "table" || tag(a) === "dl" || a.getAttribute("role") === "tab") return false;
  }
  return false;
}

/** Tab controls titled only by an attribute (an icon button with aria-label="Отзывы"). */
function attrUnits(root: Element): Array<[Element, string]> {
  const found: Array<[Element, string]> = [];
  for (const el of css(root, "[aria-label], [title], [data-title]")) {
    if (!(CONTROL_TAGS.has(tag(el)) || el.getAttribute("role") === "tab") || inlineText(el)) continue;
    const name = ["aria-label", "title", "data-title"].map((a) => titleOf(el.getAttribute(a) ?? "")).find((n) => n !== null);
    if (name) found.push([el, name]);
  }
  return found;
}

const blank = (text: string | null | undefined): boolean => !(text ?? "").trim();

/**
 * Images that stand as a section's title (an old hand-written page's «<br><img src=h_otzyvy.gif
 * alt="Отзывы"><br>», «<p><img alt="История версий"></p>»): an <img> with a short alt text, outside
 * any link or control, alone on its line (no text right before or after it, a <br>, a block or
 * nothing on either side). An icon inside a sentence or a link is none.
 */
export function headingImages(root: Element): Element[] {
  const found: Element[] = [];
  for (const img of css(root, "img[alt]")) {
    const alt = norm(img.getAttribute("alt"));
    if (!alt || cpLen(alt) > MAX_TITLE_CHARS || !blank(tailText(img))) continue;
    if ([...ancestors(img)].slice(0, 3).some((a) => CONTROL_TAGS.has(tag(a)) || a.getAttribute("role") === "tab")) continue;
    const sides = [img.previousElementSibling, img.nextElementSibling];
    if (blank(textBefore(img)) && sides.every((s) => !s || TABLE.blockTags.has(tag(s)))) found.push(img);
  }
  return found;
}

/** Heading images whose alt text is a tab's title («Отзывы», «История версий»). */
function imageUnits(images: Element[]): Array<[Element, string]> {
  const found: Array<[Element, string]> = [];
  for (const img of images) {
    const name = titleOf(norm(img.getAttribute("alt")));
    if (name !== null) found.push([img, name]);
  }
  return found;
}

function controlOf(unit: Element): Element {
  let i = 0;
  for (const a of ancestors(unit)) {
    if (i++ >= 3) break;
    if (CONTROL_TAGS.has(tag(a)) || a.getAttribute("role") === "tab") return a;
  }
  return unit;
}

function isControl(unit: Element): boolean {
  return controlOf(unit) !== unit || CONTROL_TAGS.has(tag(unit)) || inTabBar(unit);
}

function isHeading(el: Element): boolean {
  return TABLE.headingTags.has(tag(el)) || el.getAttribute("role") === "heading";
}

function level(el: Element): number {
  if (TABLE.headingTags.has(tag(el))) return Number(tag(el).charAt(1));
  if (el.getAttribute("role") === "heading") {
    const value = el.getAttribute("aria-level") ?? "2";
    return /^[0-9]+$/.test(value) ? Number(value) : 2;
  }
  return 7;
}

/** A title's heading level: its own, or, for a block that wraps one heading and holds nothing else
 * but its permalink (GitHub's «<div class=markdown-heading><h2>Что нового</h2><a class=anchor>»: the
 * title unit climbs to the wrapper, whose whole shown text is the heading's), that heading's. Its
 * section then ends at the next heading of its level, not at the first sub-heading a level-7 block
 * would stop at. */
function titleLevel(unit: Element): number {
  const own = level(unit);
  if (own < 7) return own;
  const heads = css(unit, "*").filter(isHeading);
  if (heads.length !== 1 || norm(shownText(unit)) !== norm(shownText(heads[0] as Element))) return own;
  return level(heads[0] as Element);
}

const ROW_HEAD_CHARS = 80; // the part of a heading a release row's version and date are looked for in

/** A heading whose text opens as a log row: a version and its date («2.3.0 — 21.10.2026»). */
function releaseHead(el: Element): boolean {
  if (level(el) === 7) return false;
  return TABLE.search(Array.from(fold(inlineText(el))).slice(0, ROW_HEAD_CHARS).join(""), "changelog", "rows") !== null;
}

/** A log title followed by its releases as headings of the same or a higher level (a demoted
 * title: «<h4>История версий</h4>» over «<h3>2.3.0 — 21.10.2026</h3><ul>…</ul>» per release, blind
 * solution_opencart3_reseller_site_demo30): the title, two release headings or more of one level and
 * the blocks after each, up to another title or another heading of that level or higher. A plain
 * heading section would stop at the first release. When every release but the last is its heading
 * and one block of one tag (h3 + ul), the last keeps its first such block only: what follows it (a
 * closing «Данные получены из каталога…» note) is no release's text. Null when the title is not
 * followed so. */
function releaseRows(unit: Element, others: ReadonlySet<Element>): Element[] | null {
  const first = unit.nextElementSibling;
  if (!first || !releaseHead(first) || level(first) > level(unit)) return null;
  const rowLevel = level(first);
  const rows: Element[][] = [];
  for (let node: Element | null = first; node; node = node.nextElementSibling) {
    if (css(node, "*").some((o) => others.has(o))) break;
    if (level(node) === rowLevel && releaseHead(node)) rows.push([node]);
    else if (css(node, "*").some((h) => isHeading(h) && level(h) <= rowLevel)) break; // another section's heading
    else (rows[rows.length - 1] as Element[]).push(node);
  }
  if (rows.length < 2) return null;
  const bodies = rows.slice(0, -1).map((row) => row.slice(1));
  const shape = bodies[0]?.[0] ? tag(bodies[0][0]) : null;
  const last = rows[rows.length - 1] as Element[];
  if (
    bodies.length >= 2 &&
    bodies.every((b) => b.length === 1 && tag(b[0] as Element) === shape) &&
    last.length > 2 &&
    tag(last[1] as Element) === shape
  )
    rows[rows.length - 1] = last.slice(0, 2);
  return [unit, ...rows.flat()];
}

/** An id without its generic words: «tab-log», «logPanel», «pane_log» → «log»; "" when nothing specific is left. */
function idKey(value: string): string {
  const generic = TABLE.sticky("tab_checks", "id_generic");
  return value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t && !generic.some((p) => TABLE.match(p, t) !== null))
    .join("-");
}

const DIGITS = /[0-9]+/g;
const LETTER = /[\p{L}\p{Nl}\p{No}]/u; // Python `[^\W\d_]`

/** An id of generic words and one number as [its scheme, the number]: «tab_title_3» → ["tab_title_#", "3"],
 * «content1» → ["content#", "1"]; null for an id naming something («review3», «slide_2»: a list's item, not a
 * tab's panel) or holding two numbers. */
function numbered(value: string): [string, string] | null {
  const runs = value.match(DIGITS) ?? [];
  if (runs.length !== 1 || idKey(value.replace(DIGITS, " "))) return null;
  return [value.replace(DIGITS, "#"), (runs[0] as string).replace(/^0+/, "") || "0"];
}

/** A title and the links / buttons inside it (<td id="tab_title_3"><a onclick=…>). */
function ownNodes(unit: Element): Element[] {
  return [unit, ...css(unit, "a, button").filter((d) => d !== unit)];
}

/** [function, literal] of a handler calling one script function with one literal: onclick="return ShowTab(3);",
 * href="javascript:ShowTab(3)" → ["ShowTab", "3"]. */
function callsOf(node: Element): Array<[string, string]> {
  const found = new Map<string, [string, string]>();
  for (const attr of ["onclick", "href"]) {
    const value = node.getAttribute(attr) ?? "";
    const m = TABLE.search(value, "tab_checks", "script_call");
    if (!m || (attr === "href" && !value.trim().toLowerCase().startsWith("javascript:"))) continue;
    const arg = m[2] !== undefined ? m[2].replace(/^0+/, "") || "0" : (m[3] ?? m[4] ?? "");
    found.set(JSON.stringify([m[1], arg]), [m[1] ?? "", arg]);
  }
  return [...found.values()];
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** The ids a control names as its panel: aria-controls, data-target, data-bs-target, data-tab-target,
 * href="#id" (a hashbang's «#!…» tail cut; also the page's own address with «#id», `own`: `localRef`). */
function targetRefs(node: Element, own: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const attr of TARGET_ATTRS) {
    const value = (node.getAttribute(attr) ?? "").trim();
    const ref =
      attr === "href" && !value.startsWith("#") ? (own.length ? localRef(value, own) : "") : (value.replace(/^#+/, "").split("!")[0] ?? "");
    if (ref) found.push(ref);
  }
  return found;
}

/** A bar item whose every link goes to another site (http(s):// or //): no tab of this page. */
function leavesPage(el: Element): boolean {
  const hrefs = css(el, "a[href]").map((a) => (a.getAttribute("href") ?? "").trim().toLowerCase());
  return hrefs.length > 0 && hrefs.every((h) => h.startsWith("http://") || h.startsWith("https://") || h.startsWith("//"));
}

/** A link or button inside a title that may name its panel: a target or a data-* key. */
function namesPanel(node: Element): boolean {
  return targetRefs(node).length > 0 || Array.from(node.attributes).some((a) => a.name.startsWith("data-") && a.name !== "data-title");
}

/** The names a control gives its panel or itself: id, label for, href fragment, aria-controls,
 * and a tab button's own `value` (Vuetify 3 renders `<v-tab value="log">` as `<button role="tab"
 * value="log">`, its `v-window-item` carrying no tie but the author's id="log"; blind
 * solution_vuetify3_module_discount_trial21). Only a button or a role=tab control's value with a
 * letter in it: a form's input / option value or an ordinal «<li value="3">» names no panel. */
function refs(node: Element): string[] {
  const href = node.getAttribute("href") ?? "";
  const value = tag(node) === "button" || node.getAttribute("role") === "tab" ? node.getAttribute("value") : null;
  return [
    node.getAttribute("id"),
    node.getAttribute("for"),
    node.getAttribute("aria-controls"),
    href.startsWith("#") ? href.slice(1) : null,
    value && value.toLowerCase() !== value.toUpperCase() ? value : null,
  ].filter((v): v is string => Boolean(v));
}

/** One element is the other or inside it. */
function related(a: Element, b: Element): boolean {
  return a.contains(b) || b.contains(a);
}

/** The page itself or a block holding its h1 (the whole product) is no tab's panel; a section's
 * own title may be an h1 (a document exported with its chapters as h1: «<h1>5. История
 * версий</h1>» of a Word page, blind solution_word_export_free_pdfinvoice). */
function tooBig(el: Element, title: Element | null = null): boolean {
  return ["body", "html", "main"].includes(tag(el)) || css(el, "h1").some((h) => h !== title);
}

/** Candidate panels of the missing tabs from every tie, checked by content. */
class Resolver {
  readonly units: Array<[Element, string]>;
  readonly unitSet: Set<Element>;
  readonly images: Element[];
  readonly own: string[];
  readonly jumped = new Set<Element>(); // the count-first links within the page (units)
  private dataIndex: Map<string, Element[]> | null = null;
  private keyedIndex: Map<string, Element[]> | null = null;
  private roleIndex: Map<string, Element[]> | null = null;
  private labelledIndex: Map<string, Element[]> | null = null;
  private namedIndex: Map<string, Element> | null = null;
  private idKeyIndex: Map<string, Element[]> | null = null;
  private shownIndex: Map<Element, [string, string]> | null = null;
  private numberedIndex: Map<string, Array<[string, Element]>> | null = null;
  private readonly families = new Map<string, Set<string>>();
  private callsIndex: Map<string, Set<string>> | null = null;
  private claimsIndex: Map<string, [Set<string>, Set<string>]> | null = null;

  readonly tieUnits = new Map<Candidate, Element>(); // candidate → the title unit it was tied from
  private attrPanelIndex: Map<Element, Set<string>> | null = null;
  private mentionIndex: Set<Element> | null = null;

  constructor(readonly root: Element, readonly ids: Map<string, Element>, skip: ReadonlySet<Element>) {
    this.images = headingImages(root);
    this.own = ownAddresses(root);
    this.units = [...units(root, skip, this.own, ids, this.jumped), ...attrUnits(root), ...imageUnits(this.images)];
    this.unitSet = new Set(this.units.map(([u]) => u));
  }

  // lazily built indexes: most pages never need them
  private labelled(): Map<string, Element[]> {
    if (!this.labelledIndex) {
      this.labelledIndex = new Map();
      for (const el of css(this.root, "[aria-labelledby]")) {
        for (const ref of norm(el.getAttribute("aria-labelledby")).split(" ").filter(Boolean)) push(this.labelledIndex, ref, el);
      }
    }
    return this.labelledIndex;
  }

  private named(): Map<string, Element> {
    if (!this.namedIndex) {
      this.namedIndex = new Map();
      for (const a of css(this.root, "a[name]")) {
        const n = a.getAttribute("name") ?? "";
        if (!this.namedIndex.has(n)) this.namedIndex.set(n, a);
      }
    }
    return this.namedIndex;
  }

  private idKeys(): Map<string, Element[]> {
    if (!this.idKeyIndex) {
      this.idKeyIndex = new Map();
      for (const [id, el] of this.ids) {
        const key = idKey(id);
        if (key) push(this.idKeyIndex, key, el);
      }
    }
    return this.idKeyIndex;
  }

  /** Every id with one number in it: number → [its scheme, element]; the numbers of each scheme in
   * `families` («tab_content_#» → {1, …, 6}). */
  private numbered(): Map<string, Array<[string, Element]>> {
    if (!this.numberedIndex) {
      this.numberedIndex = new Map();
      for (const [id, el] of this.ids) {
        const got = numbered(id);
        if (!got) continue;
        push(this.numberedIndex, got[1], [got[0], el] as [string, Element]);
        const family = this.families.get(got[0]) ?? new Set<string>();
        family.add(got[1]);
        this.families.set(got[0], family);
      }
    }
    return this.numberedIndex;
  }

  /** The literals each script function is called with by the titles' own handlers («ShowTab» → {1, …, 6}):
   * a function two titles call is a tab switcher. */
  private calls(): Map<string, Set<string>> {
    if (!this.callsIndex) {
      this.callsIndex = new Map();
      for (const [unit] of this.units) {
        for (const node of ownNodes(unit)) {
          for (const [fn, arg] of callsOf(node)) {
            const args = this.callsIndex.get(fn) ?? new Set<string>();
            args.add(arg);
            this.callsIndex.set(fn, args);
          }
        }
      }
    }
    return this.callsIndex;
  }

  /** The one panel whose id holds the tab's key: the number in an id of another scheme («tab_title_3» →
   * «tab_content_3»), else the id's own word («showTab('log')» → id="log"). Of several schemes holding
   * the number, the one numbered like the tabs; else none. */
  private keyed(key: string, scheme: string | null, tabKeys: Set<string>, ctl: Element): Element | null {
    const free = (el: Element): boolean => !related(el, ctl) && !this.unitSet.has(el) && !isControl(el);
    if (!/^[0-9]+$/.test(key)) {
      const word = idKey(key);
      const holders = word ? (this.idKeys().get(word) ?? []).filter(free) : [];
      return holders.length === 1 ? (holders[0] as Element) : null;
    }
    let found = (this.numbered().get(key) ?? []).filter(([s, el]) => s !== scheme && (this.families.get(s)?.size ?? 0) >= 2 && free(el));
    if (found.length > 1) found = found.filter(([s]) => sameSet(this.families.get(s) ?? new Set(), tabKeys));
    return found.length === 1 ? (found[0] as [string, Element])[1] : null;
  }

  /** Old tabs without a target: the same number in the tab's id and in its panel's id after another prefix
   * (`tab_title_3` ↔ `tab_content_3`, `tab1` ↔ `content1`), or the literal the tab's onclick /
   * href="javascript:…" passes to the script function the other tabs call too («ShowTab(3)» ↔
   * `tab_content_3`). A key two panels hold ties neither. */
  private *numberTies(unit: Element, ctl: Element, chain: Element[]): Generator<[string, Candidate]> {
    const keys: Array<[string, string | null, Set<string>]> = []; // [key, the tab id's scheme, the tabs' keys]
    const index = this.numbered(); // builds families
    for (const node of new Set([...chain, ...ownNodes(unit)])) {
      const got = numbered(node.getAttribute("id") ?? "");
      if (got && index.has(got[1])) keys.push([got[1], got[0], this.families.get(got[0]) ?? new Set()]);
      for (const [fn, arg] of callsOf(node)) keys.push([arg, null, this.calls().get(fn) ?? new Set()]);
    }
    for (const [key, scheme, tabKeys] of keys) {
      if (tabKeys.size < 2) continue; // one scheme on two tabs at least: a lone numbered id is no tab bar
      const panel = this.keyed(key, scheme, tabKeys, ctl);
      if (panel) yield ["id-number", panel];
    }
  }

  private data(): Map<string, Element[]> {
    if (!this.dataIndex) {
      this.dataIndex = new Map();
      for (const el of css(this.root, "*")) {
        for (const attr of Array.from(el.attributes)) if (attr.name.startsWith("data-")) push(this.dataIndex, norm(attr.value), el);
      }
    }
    return this.dataIndex;
  }

  /** Value → elements holding it in a panel key attribute (`tab_key_attributes.panel`:
   * <sl-tab-panel name="reviews">). */
  private keyedPanels(): Map<string, Element[]> {
    if (!this.keyedIndex) {
      this.keyedIndex = new Map();
      for (const name of keyAttributes("panel")) {
        for (const el of css(this.root, "*")) {
          const value = el.getAttribute(name);
          if (value) push(this.keyedIndex, norm(value), el);
        }
      }
    }
    return this.keyedIndex;
  }

  /** Value → the `role=tabpanel` elements holding it in a role pair attribute
   * (`tab_key_attributes.role_pair`: <sp-tab-panel value="log" role="tabpanel">). */
  private rolePanels(): Map<string, Element[]> {
    if (!this.roleIndex) {
      this.roleIndex = new Map();
      const names = keyAttributes("role_pair");
      for (const el of names.length ? css(this.root, "[role]") : []) {
        if (!norm(el.getAttribute("role")).split(" ").includes("tabpanel")) continue;
        for (const name of names) {
          const value = norm(el.getAttribute(name));
          if (value) push(this.roleIndex, value, el);
        }
      }
    }
    return this.roleIndex;
  }

  /** Every element a visibility expression shows on one key: element → [variable, key]. */
  private shown(): Map<Element, [string, string]> {
    if (!this.shownIndex) {
      this.shownIndex = new Map();
      for (const el of css(this.root, "*")) {
        if (!Array.from(el.attributes).some((a) => TABLE.rx("tab_checks", "expr_panels").some((p) => p.test(a.name)))) continue;
        const key = shownOn(el);
        if (key) this.shownIndex.set(el, key);
      }
    }
    return this.shownIndex;
  }

  /** The one panel whose visibility expression compares the key the control's handler selects. */
  private *expr(selected: Key | null, ctl: Element): Generator<[string, Candidate]> {
    if (!selected) return;
    const [v, k] = selected;
    const holders = [...this.shown()].filter(([, [hv, hk]]) => hk === k && (v === null || hv === v)).map(([el]) => el);
    if (holders.length !== 1) return; // a key two panels show on (desktop tabs and a mobile accordion) ties neither
    const panel = holders[0] as Element;
    if (!related(panel, ctl) && !this.unitSet.has(panel) && !isControl(panel)) yield ["expr", panel];
  }

  /** The key the title's control selects: its own handler or the handler of the smallest block
   * around it holding no other title (<li @click="tab = 'log'"><a>Что нового</a></li>). */
  private selected(chain: Element[]): Key | null {
    const keys = new Map<string, Key>();
    for (const node of chain) {
      const k = selects(node);
      if (k) keys.set(JSON.stringify(k), k);
    }
    let node = (chain[chain.length - 1] as Element).parentElement;
    for (let i = 0; i < (keys.size ? 0 : 2) && node; i++, node = node.parentElement) {
      const k = selects(node);
      if (!k) continue;
      const block = node;
      // a handler around several titles (a whole bar's) selects none of them
      if (![...this.unitSet].some((u) => u !== chain[0] && block.contains(u))) keys.set(JSON.stringify(k), k);
      break;
    }
    return keys.size === 1 ? ([...keys.values()][0] as Key) : null;
  }

  /** Tab → [the ids its titles' controls target, the data-* values they carry]: what names a panel
   * explicitly (href="#panel-log", data-target, aria-controls, data-tab="3"). */
  private claims(): Map<string, [Set<string>, Set<string>]> {
    if (!this.claimsIndex) {
      this.claimsIndex = new Map();
      for (const [unit, name] of this.units) {
        const claim = this.claimsIndex.get(name) ?? [new Set<string>(), new Set<string>()];
        this.claimsIndex.set(name, claim);
        const [targets, values] = claim;
        for (const node of new Set([unit, controlOf(unit), ...css(unit, "a, button")])) {
          for (const ref of targetRefs(node)) targets.add(ref);
          for (const attr of Array.from(node.attributes)) {
            if (!attr.name.startsWith("data-") || attr.name === "data-title" || !norm(attr.value)) continue;
            values.add(norm(attr.value));
            targets.add(attr.value.trim().replace(/^#+/, ""));
          }
        }
      }
    }
    return this.claimsIndex;
  }

  /** A block guessed from the markup's order that another tab's control names explicitly (its id is
   * that control's href / data-target, or it carries that control's data-tab number) and this tab's
   * does not is that other tab's panel: panels in another order than their tabs. */
  private claimedOtherwise(name: string | undefined, candidate: Candidate): boolean {
    if (candidate instanceof Section) return false;
    const [ownTargets, ownValues] = this.claims().get(name ?? "") ?? [new Set<string>(), new Set<string>()];
    const elId = candidate.getAttribute("id");
    const id = elId && !ownTargets.has(elId) ? elId : null;
    const values = Array.from(candidate.attributes)
      .filter((a) => a.name.startsWith("data-") && a.name !== "data-title" && norm(a.value))
      .map((a) => norm(a.value))
      .filter((v) => !ownValues.has(v));
    for (const [other, [targets, others]] of this.claims()) {
      if (other !== name && ((id !== null && targets.has(id)) || values.some((v) => others.has(v)))) return true;
    }
    return false;
  }

  /** A candidate shown on another key of the control's variable is another tab's panel. A block
   * around the control too (<div x-show="view === 'card'"> around the whole tab set) shows or hides
   * the bar with it and says nothing; a handler naming no variable (`setTab('log')`) is compared
   * with the variable of the candidate's own expression only. */
  private contradicts(selected: Key | null, candidate: Candidate, ctl: Element): boolean {
    if (!selected) return false;
    const k = selected[1];
    let v = selected[0];
    const shown = this.shown();
    const own: [string, string][] = [];
    for (const a of ancestors(candidate instanceof Section ? candidate.start : candidate)) {
      const got = shown.get(a);
      if (got && !a.contains(ctl)) own.push(got);
    }
    if (v === null) v = own[0]?.[0] ?? null;
    return own.some(([gv, gk]) => gv === v && gk !== k);
  }

  /** Blocks titled by their own attribute (`<section aria-label="Отзывы">`) → the tabs they title. */
  attrPanels(): Map<Element, Set<string>> {
    if (!this.attrPanelIndex) {
      this.attrPanelIndex = new Map();
      for (const el of css(this.root, "[aria-label], [title], [data-title]")) {
        const names = new Set<string>();
        for (const attr of ["aria-label", "title", "data-title"]) {
          const found = titleOf(el.getAttribute(attr) ?? "");
          if (found !== null) names.add(found);
        }
        if (names.size && !isControl(el) && tag(el) !== "a") this.attrPanelIndex.set(el, names);
      }
    }
    return this.attrPanelIndex;
  }

  *candidates(name: string): Generator<[string, Candidate]> {
    for (const [el, titled] of this.attrPanels()) if (titled.has(name)) yield ["attr-title", el];
    for (const [unit, unitName] of this.units) {
      if (unitName !== name) continue;
      for (const tie of this.ties(unit)) {
        this.tieUnits.set(tie[1], unit);
        yield tie;
      }
    }
  }

  /** The titles inside a sentence: a unit within a paragraph (`<p>`, up to 3 levels up) whose
   * text outside every title has a letter («Последние релизы (полная история — на вкладке
   * «<a>Что нового</a>» на Маркетплейсе):», a blog post's link to the store's tab). Such a title
   * mentions a tab, it opens no section: a heading's section runs on over it. A paragraph that
   * is a title only («<p><a>Отзывы</a> (12)</p>», «<p><b>Техподдержка</b> (условия):</p>»: `titleLine`)
   * is no sentence. */
  mentions(): Set<Element> {
    if (!this.mentionIndex) {
      this.mentionIndex = new Set();
      for (const unit of this.unitSet) {
        const para = [...ancestors(unit)].slice(1, 4).find((a) => tag(a) === "p");
        if (!para) continue;
        const inner = new Set([...this.unitSet].filter((u) => u !== para && para.contains(u)));
        const rest = textWithout(para, inner);
        if (LETTER.test(rest) && !titleLine(rest)) this.mentionIndex.add(unit);
      }
    }
    return this.mentionIndex;
  }

  /** <section aria-labelledby="h"><h2 id="h">…: a block named by the heading inside it (a
   * hidden heading of a screen-reader-first page) is that heading's section, unless the title
   * is a tab control or the block also holds another tab's title. */
  private ownSection(unit: Element, panel: Element): boolean {
    if (panel === unit || !panel.contains(unit) || isControl(unit)) return false;
    const name = this.units.find(([u]) => u === unit)?.[1];
    return !this.units.some(([u, n]) => n !== name && u !== panel && panel.contains(u));
  }

  private *ties(unit: Element): Generator<[string, Candidate]> {
    const ctl = controlOf(unit);
    const chain = ctl === unit ? [unit] : [unit, ctl];
    const selected = this.selected(chain);
    const name = this.units.find(([u]) => u === unit)?.[1];
    for (const [how, candidate] of this.allTies(unit, ctl, chain, selected)) {
      if (this.contradicts(selected, candidate, ctl)) continue;
      if (GUESSED_TIES.has(how) && (this.titledOtherwise(name, candidate) || this.claimedOtherwise(name, candidate))) continue;
      yield [how, candidate];
    }
  }

  /** A block guessed from the markup's order whose first title names another tab (a panel opening
   * with «Обсуждения» next to the «Поддержка» tab) is that other tab's panel. */
  private titledOtherwise(name: string | undefined, candidate: Candidate): boolean {
    if (candidate instanceof Section) return false;
    const first = this.units.find(([u]) => u !== candidate && candidate.contains(u));
    return first !== undefined && first[1] !== name;
  }

  private *allTies(unit: Element, ctl: Element, own: Element[], selected: Key | null): Generator<[string, Candidate]> {
    const chain = [...own];
    const inner = css(unit, "a, button").find((d) => d !== unit && namesPanel(d));
    // <h3><button aria-controls=…>Отзывы</button></h3> (WAI accordion),
    if (inner) chain.push(inner); // <li class="tabs-title"><a href="#panel-log">…</a></li> (Foundation, YUI 2)
    const link = css(unit, "a").find((d) => d !== unit && (d.getAttribute("href") ?? "").trim().length > 1);
    if (link && localRef(link.getAttribute("href"), this.own) && !chain.includes(link)) {
      chain.push(link); // <li><a href="#sec-log">Что нового</a></li> (a navbar of section links)
    }
    const tabs = css(unit, "[role=tab]").filter((d) => d !== unit);
    const tab = tabs.length === 1 ? tabs[0] : undefined;
    if (tab && !chain.includes(tab)) chain.push(tab); // <td class="tabitemcell"><div role="tab" id=…> (Vaadin)
    for (const node of chain) {
      for (const ref of targetRefs(node, this.own)) {
        const target = this.ids.get(ref);
        if (target && !related(target, ctl)) yield ["control", target];
        const anchor = target ? undefined : this.named().get(ref);
        if (anchor) yield* this.anchor(anchor);
      }
      for (const panel of this.labelled().get(node.getAttribute("id") ?? "") ?? []) {
        // a panel apart from its control, or the section its own heading names
        if (!related(panel, ctl) || (node === unit && this.ownSection(unit, panel))) yield ["labelledby", panel];
      }
    }
    const label = [...ancestors(unit)].find((a) => tag(a) === "label");
    if (label?.getAttribute("for")) yield* this.labelFor(label);
    const summary = [...ancestors(unit)].slice(0, 3).find((a) => tag(a) === "summary");
    if (summary?.parentElement && tag(summary.parentElement) === "details") yield ["details", summary.parentElement];
    for (const node of chain) {
      for (const attr of Array.from(node.attributes)) {
        if (!attr.name.startsWith("data-") || cpLen(norm(attr.value)) < 2 || attr.name === "data-title") continue;
        const holders = this.data().get(norm(attr.value)) ?? [];
        if (new Set(holders).size > MAX_KEY_HOLDERS) continue; // a shared value (data-toggle="tab") is not a key
        for (const panel of holders) if (!related(panel, ctl) && !this.unitSet.has(panel) && !isControl(panel)) yield ["data-key", panel];
        const panel = this.ids.get(attr.value.trim().replace(/^#+/, "")); // <a data-tab="log"> ↔ <div id="log"> (Spectre)
        if (panel && !related(panel, ctl) && !this.unitSet.has(panel) && !isControl(panel)) yield ["data-key", panel];
      }
      for (const attr of keyAttributes("control")) {
        const value = norm(node.getAttribute(attr));
        const holders = cpLen(value) >= 2 ? (this.keyedPanels().get(value) ?? []) : [];
        if (new Set(holders).size > MAX_KEY_HOLDERS) continue;
        // <sl-tab panel="reviews"> ↔ <sl-tab-panel name="reviews">
        for (const panel of holders) if (!related(panel, ctl) && !this.unitSet.has(panel) && !isControl(panel)) yield ["data-key", panel];
      }
      if (!norm(node.getAttribute("role")).split(" ").includes("tab")) continue;
      for (const attr of keyAttributes("role_pair")) {
        const value = norm(node.getAttribute(attr));
        const holders = cpLen(value) >= 2 ? (this.rolePanels().get(value) ?? []) : [];
        if (new Set(holders).size > MAX_KEY_HOLDERS) continue;
        // <sp-tab value="log" role="tab"> ↔ <sp-tab-panel value="log" role="tabpanel">
        for (const panel of holders) if (!related(panel, ctl) && !this.unitSet.has(panel) && !isControl(panel)) yield ["data-key", panel];
      }
    }
    yield* this.expr(selected, ctl);
    yield* this.numberTies(unit, ctl, chain);
    const nxt = ctl.nextElementSibling;
    if ((isControl(unit) || this.inBar(unit)) && nxt && !this.barLike(nxt)) yield ["next", nxt]; // tab, panel, tab, panel…
    for (const node of chain) {
      for (const key of refs(node).map(idKey).filter(Boolean)) {
        // a builder's id scheme («block-yui_3_17_…_2200» on every block) is no key
        if ((this.idKeys().get(key) ?? []).length > MAX_KEY_HOLDERS) continue;
        for (const panel of this.idKeys().get(key) ?? []) {
          if (!related(panel, ctl) && !this.unitSet.has(panel) && !isControl(panel)) yield ["id-key", panel];
        }
      }
    }
    if (isControl(unit) || this.inBar(unit)) yield* this.position(ctl);
    else yield* this.heading(unit);
  }

  /** A tab control or another title, never a panel. */
  private barLike(el: Element): boolean {
    return this.unitSet.has(el) || CONTROL_TAGS.has(tag(el)) || el.getAttribute("role") === "tab" || tag(el) === "input";
  }

  /** A row of bare titles (spans, divs) with nothing else in it is a tab bar; a title line
   * (titleLines) is a line of a text, whose words are in the text between the elements. */
  private inBar(unit: Element): boolean {
    if (unit.getAttribute(LINE_MARK)) return false;
    const kids = unit.parentElement ? childElements(unit.parentElement) : [];
    const titled = kids.filter((k) => this.unitSet.has(k));
    return titled.length >= 2 && kids.every((k) => this.unitSet.has(k) || !inlineText(k));
  }

  private *anchor(anchor: Element): Generator<[string, Candidate]> {
    const nxt = anchor.nextElementSibling;
    if (nxt && (TABLE.headingTags.has(tag(nxt)) || this.unitSet.has(nxt))) yield* this.heading(nxt);
    else if (nxt) yield ["anchor", nxt];
    const parent = anchor.parentElement;
    if (parent && !["body", "html", "main"].includes(tag(parent))) yield ["anchor", parent];
  }

  private *labelFor(label: Element): Generator<[string, Candidate]> {
    const input = this.ids.get(label.getAttribute("for") ?? "");
    for (const start of [label, input]) {
      let node = start ? start.nextElementSibling : null;
      while (node && ["input", "label"].includes(tag(node))) node = node.nextElementSibling;
      if (node) yield ["label-for", node];
    }
  }

  private *position(ctl: Element): Generator<[string, Candidate]> {
    let item = ctl;
    for (let parent = item.parentElement; parent && parent.children.length === 1 && tag(parent) !== "body"; parent = item.parentElement) item = parent;
    const bar = item.parentElement;
    if (!bar) return;
    const same = childElements(bar).filter((c) => tag(c) === tag(item));
    // a bar item leaving the page (a «Демо» link to the vendor's site) opens no panel
    const peers = same.filter((c) => c === item || !leavesPage(c));
    if (peers.length < 2) return;
    const index = peers.indexOf(item);
    // panels may share the bar's parent with the controls (radio tabs: input, label … then divs)
    const kids = childElements(bar);
    const ownRun = kids.slice(kids.indexOf(same[same.length - 1] as Element) + 1).filter((c) => !["input", "label"].includes(tag(c)) && !this.unitSet.has(c));
    if (ownRun.length >= peers.length) yield ["position", ownRun[index] as Element];
    let at: Element | null = bar;
    for (let i = 0; i < MAX_PANEL_CLIMB && at; i++) {
      const sibs: Element[] = [];
      for (let node = at.nextElementSibling; node; node = node.nextElementSibling) sibs.push(node);
      const run = sibs.slice(0, peers.length);
      if (run.length === peers.length && new Set(run.map(tag)).size === 1 && !CONTROL_TAGS.has(tag(run[0] as Element))) {
        yield ["position", run[index] as Element];
      }
      for (const sib of sibs) {
        const children = childElements(sib);
        if (children.length === peers.length && !children.some((k) => this.unitSet.has(k))) yield ["position", children[index] as Element];
      }
      const earlier: Element[] = [];
      for (let node = at.previousElementSibling; node; node = node.previousElementSibling) earlier.push(node);
      // panels BEFORE the bar (a bottom or Onsen tab bar after its content), read through wrappers;
      // after the bar the runs above stay the only ones (Vuetify's v-window__container is tied by the
      // panels' ids, never by order)
      for (const sib of earlier) {
        const run = this.wrappedRun(sib, peers.length);
        if (run) yield ["position", run[index] as Element];
      }
      at = at.parentElement;
      if (!at || ["body", "html"].includes(tag(at))) break;
    }
  }

  /**
   * The panels a block beside a tab bar holds as a run of `count` children of one tag, none of them
   * empty, under wrappers whose other children are empty (Onsen UI's «<div class="ons-tabbar__content"><div
   * class="ons-swiper-target"><ons-page>…» ×5 beside an empty «ons-swiper-blocker», BEFORE the bar of
   * `ons-tab`s: blind solution_onsenui_tabbar_yug_furniture_site). Only one tag, never a control or a
   * title: a guess from order, so no row of mixed blocks (Python `_wrapped_run`).
   */
  private wrappedRun(block: Element, count: number): Element[] | null {
    let node = block;
    for (let i = 0; i < MAX_PANEL_CLIMB; i++) {
      const kids = childElements(node);
      const full = kids.filter((k) => childElements(k).length > 0 || inlineText(k) !== "");
      if (full.length === count && kids.length === count) {
        const oneTag = new Set(kids.map(tag)).size === 1;
        return oneTag && !kids.some((k) => this.unitSet.has(k) || this.barLike(k)) ? kids : null;
      }
      if (full.length !== 1) return null;
      node = full[0] as Element;
    }
    return null;
  }

  private *heading(unit: Element): Generator<[string, Candidate]> {
    const parent = unit.parentElement;
    if (!parent) return;
    const own = titleLevel(unit);
    // a heading image's section ends at the next heading image, a tab's or not («Наши другие работы»
    // after «Отзывы»); a text heading's section is not cut by a picture
    const peers = tag(unit) === "img" ? [...this.unitSet, ...this.images] : [...this.unitSet];
    const others = new Set(peers.filter((u) => u !== unit));
    const name = this.units.find(([u]) => u === unit)?.[1];
    const panels = new Set([...this.attrPanels()].filter(([, titled]) => [...titled].some((n) => n !== name)).map(([el]) => el));
    const mentions = this.mentions();
    const stopsAt =
      (ranked: number) =>
      (node: Element): boolean =>
        // the next title (not one mentioned in a sentence, `mentions`), a heading of the same or a higher
        // level, or a block titled as another tab by its own attribute (the reviews'
        // `<section aria-label="Отзывы">` after a «Что нового» heading's list)
        css(node, "*").some((o) => (others.has(o) && !mentions.has(o)) || panels.has(o)) ||
        css(node, "*").some((h) => isHeading(h) && level(h) <= ranked);
    const stops = stopsAt(own);
    // a title heads its parent block only when it opens it: a bold «Поддержка» line halfway
    // through a post's text heads the lines after it, not the post
    // a title line's section is its lines (split into paragraphs when wrapped), never its block
    const lone =
      ![...others].some((o) => o.parentElement === parent) &&
      parent.firstElementChild === unit &&
      !norm(leadingText(parent)) &&
      !unit.getAttribute(LINE_MARK);
    const wrapper = lone && !["body", "html", "main"].includes(tag(parent)) && css(parent, "h1").length === 0;
    // a block holding the title alone (or with a gloss) is the title's line, not its section:
    // the section is that line and the blocks after it
    const line = wrapper && titleLine(textWithout(parent, new Set([unit])));
    if (wrapper && !line) yield ["heading", parent];
    if (line) yield ["heading", new Section(parent, stops)];
    const text = inlineText(unit);
    const rows = titleOf(text) === "log" || numberedTitleOf(text) === "log" ? releaseRows(unit, others) : null;
    yield ["heading", new Section(unit, stops, rows)];
    if (wrapper) yield ["heading", new Section(parent, stops)];
    for (const bar of titleBars(unit)) yield ["heading", new Section(bar, stops)]; // a title bar's section: the blocks after the bar
    const box = line ? titleBox(parent) : null;
    // a heading image ranks as a section title (h2): the releases' and reviews' own headings inside its
    // section do not end it, as they would a level-7 block's
    if (box) yield ["heading", new Section(box, tag(unit) === "img" ? stopsAt(Math.min(own, IMAGE_LEVEL)) : stops)];
  }
}

const IMAGE_LEVEL = 2; // the level of a section title standing as an image (h1 is the page's own title)

/** The outermost box round a title's line that holds nothing else, when there is one: each ancestor whose
 * only child is the box below it and that has no text of its own (a page builder's «<div
 * data-framer-name="Heading Image"><div data-framer-background-image-wrapper><img alt="Отзывы
 * покупателей"></div></div>» beside the section's blocks, blind solution_framer_site_dataname_zvezda_reviews_free).
 * The title's section is that box and the blocks after it; null when the line's parent holds more
 * (Python `_title_box`). */
function titleBox(line: Element): Element | null {
  let box: Element | null = null;
  for (let parent = line.parentElement; parent && !["body", "html", "main"].includes(tag(parent)); parent = parent.parentElement) {
    if (childElements(parent).length !== 1 || norm(ownText(parent)) || css(parent, "h1").length) break;
    box = parent;
  }
  return box;
}

const BAR_CONTROLS = "a, button, [role=button]"; // what a title bar holds besides its title

/** The title bars around a title, innermost first: each ancestor that shows nothing but the title and its
 * controls (its text without its links and buttons is the title's; icons add none). A bar («<div
 * class=module-title><span class=icon></span><div><h3>Релизы</h3><button>Скрыть отмеченные
 * элементы</button></div></div>» over a checklist's items) heads the blocks after it, not the blocks after
 * the heading inside it (there are none but its buttons; Python `_title_bars`).
 * A box that holds the bar and nothing else is the bar's own closed block, and the climb stops below it:
 * «<div class=block><div class=block-head><h2>История версий</h2><a>Полная история…</a></div></div>» heads
 * nothing, and the next .block (another card) is not its section. */
function titleBars(unit: Element): Element[] {
  const title = fold(inlineText(unit));
  const out: Element[] = [];
  for (let el = unit, parent = el.parentElement; parent && !["body", "html", "main"].includes(tag(parent)); el = parent, parent = el.parentElement) {
    if (childElements(parent).length === 1) break; // a box round the bar alone: its end closes the section
    const controls = css(parent, BAR_CONTROLS).filter((c) => !c.contains(unit) && !unit.contains(c));
    if (fold(controls.length ? textWithout(parent, new Set(controls)) : inlineText(parent)) !== title) break;
    out.push(parent);
  }
  return out;
}

/** The quoted key a control's click handler selects: «tab = 'log'» → ["tab", "log"], «setTab('log')» →
 * [null, "log"]; null for any other handler or none. */
function selects(node: Element): Key | null {
  const keys = new Map<string, Key>();
  for (const attr of Array.from(node.attributes)) {
    if (!TABLE.rx("tab_checks", "expr_handlers").some((p) => p.test(attr.name))) continue;
    const m = TABLE.search(attr.value, "tab_checks", "expr_select");
    if (!m) continue;
    const key: Key = m[2] !== undefined ? [m[1] ?? null, m[2]] : [null, m[3] ?? ""];
    keys.set(JSON.stringify(key), key);
  }
  return keys.size === 1 ? ([...keys.values()][0] as Key) : null;
}

/** The first entry at `path` whose regex finds something in `text`. */
function entryOf(text: string, ...path: string[]): Entry | null {
  const patterns = TABLE.rx(...path);
  const i = patterns.findIndex((p) => p.test(text));
  return i < 0 ? null : (TABLE.entries(...path)[i] as Entry);
}

/** [variable, key] of the one key an element's visibility expressions show it on («x-show="tab ===
 * 'log'"», «:hidden="tab !== 'log'"»); null when they name none or several. */
function shownOn(el: Element): [string, string] | null {
  const found = new Map<string, [string, string]>();
  for (const attr of Array.from(el.attributes)) {
    const entry = entryOf(attr.name, "tab_checks", "expr_panels");
    if (!entry) continue;
    if (TABLE.search(attr.value, "tab_checks", "expr_unsure")) return null;
    const entries = TABLE.entries("tab_checks", "expr_compare");
    const compared = TABLE.global("tab_checks", "expr_compare").flatMap((p, i) => {
      const e = entries[i] as Entry;
      return [...attr.value.matchAll(p)].map((m) => [m[Number(e.var_group)], m[Number(e.op_group)], m[Number(e.key_group)]] as [string, string, string]);
    });
    const equal = entry.shown_when === "equal";
    if (compared.some(([, op]) => op.startsWith("=") !== equal)) return null; // «x-show="tab !== 'log'"» shows on every other key
    for (const [v, , k] of compared) found.set(JSON.stringify([v, k]), [v, k]);
  }
  return found.size === 1 ? ([...found.values()][0] as [string, string]) : null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Wrap a title and its following siblings (up to the section's stop) into a new div (tails move too, as in lxml). */
function wrap(section: Section): Element {
  const nodes = section.nodes();
  const start = section.start;
  const wrapper = start.ownerDocument.createElement("div");
  wrapper.setAttribute("data-mpcheck-section", "1");
  (start.parentElement as Element).insertBefore(wrapper, start);
  for (const node of nodes) moveWithTail(node, wrapper);
  if (start.getAttribute(LINE_MARK)) paragraphs(wrapper);
  return wrapper;
}

/** A title line's section is `<br>`-separated text: a blank line (a `<br>` with nothing but white
 * space before the next one) ends a paragraph, as a block's end would. Each paragraph after the
 * title line is wrapped into its own div (the `<br>` before it stays outside), so the items of the
 * section (a release, a review) are blocks like everywhere else. */
function paragraphs(wrapper: Element): void {
  const groups: Array<Array<[Element, Element[]]>> = [[]];
  for (const [before, line] of lineNodes(wrapper).slice(1)) {
    // the title line first: no paragraph
    if (!before) continue;
    if (line.length === 0 && blank(tailText(before))) groups.push([]);
    else groups[groups.length - 1]?.push([before, line]);
  }
  for (const lines of groups) {
    const head = lines[0];
    if (!head) continue;
    const first = head[0];
    const div = wrapper.ownerDocument.createElement("div");
    wrapper.insertBefore(div, first.nextSibling);
    moveTail(div, div);
    lines.forEach(([before, line], i) => {
      for (const node of i ? [before, ...line] : line) moveWithTail(node, div);
    });
  }
}

/** The first candidate panel of a tab that is free, in place and fits the tab by content. */
/** The first candidate panel of a tab that is free, in place and fits the tab by content. A tie by a
 * name or a key (any title's) comes before a heading's section or a guess from the markup's order
 * (those in their own order): a teaser after a «Отзывы (2)» link or a «Техподдержка» line in the
 * page's head is never the panel when a later tab bar's «Отзывы» names its own. */
function firstFitting(resolver: Resolver, name: string, chosen: Element[], listed: ReadonlySet<Element>): [Candidate, string, Element[]] | null {
  const deferred: Array<[string, Candidate]> = [];
  let unreadable = false; // the tab's own tabpanel is named but holds nothing that fits (rendered lazily)
  for (const [how, candidate] of resolver.candidates(name)) {
    if (LATER_TIES.has(how)) {
      deferred.push([how, candidate]);
      continue;
    }
    const found = fitting(name, how, candidate, chosen, listed);
    if (found) return found;
    unreadable ||= !(candidate instanceof Section) && candidate.getAttribute("role") === "tabpanel";
  }
  if (unreadable) return null; // never a head line's «Обсуждения (3)» section instead of the tab's empty panel
  // a sidebar's «Поддержка» widget comes after the page's own «Поддержка» section, and a title
  // nested under another subject's heading after one that is not (`subsection`; a stable sort)
  const count = (tie: [string, Candidate]): string | null => {
    const unit = resolver.tieUnits.get(tie[1]);
    return unit ? (TABLE.search(fold(shownText(unit)), "tab_count")?.[1] ?? null) : null;
  };
  // a heading titling the tab with the same count as the control a guess from the markup's order came
  // from is the tab's own section, read first: a bar of buttons over one list («Отзывы 12 | Вопросы 7»
  // above Ozon's reviews), whose next blocks by position are a sort line and that list, while «Вопросы и
  // ответы 7» heads its own section further down
  const headed = new Set<string>();
  for (const t of deferred) {
    const c = t[0] === "heading" ? count(t) : null;
    if (c !== null) headed.add(c);
  }
  const counted = deferred.some((t) => {
    const c = GUESSED_TIES.has(t[0]) ? count(t) : null;
    return c !== null && headed.has(c);
  });
  const later = (tie: [string, Candidate]): number => {
    const unit = resolver.tieUnits.get(tie[1]);
    const guessed = counted && GUESSED_TIES.has(tie[0]) ? 1 : 0;
    return (unit && subsection(unit, name) ? 4 : 0) + (inSidebar(tie[1] instanceof Section ? tie[1].start : tie[1]) ? 2 : 0) + guessed;
  };
  deferred.sort((a, b) => later(a) - later(b));
  for (const [how, candidate] of deferred) {
    const found = fitting(name, how, candidate, chosen, listed);
    if (found) return found;
  }
  return null;
}

/** A heading title under another subject's heading: a heading of a higher level before it among its
 * siblings (the page's h1 aside) that titles no tab or another one. A news post's «Комментарии (3)»
 * under its «Новость: вышла версия 2.1», a testimonials «Отзывы клиентов» h3 under the description's
 * h2: the sub-sections of that subject, not the page's own reviews or comments. */
function subsection(unit: Element, name: string): boolean {
  const own = level(unit);
  if (own >= 7) return false;
  for (let before = unit.previousElementSibling; before; before = before.previousElementSibling) {
    if (tag(before) === "h1") continue;
    if (level(before) < own && titleOf(inlineText(before)) !== name) return true;
  }
  return false;
}

/** Inside an <aside> or a role=complementary block (a sidebar's widget). */
function inSidebar(el: Element): boolean {
  return [...ancestors(el)].some((a) => tag(a) === "aside" || a.getAttribute("role") === "complementary");
}

/** The candidate with its nodes when it is free, in place and fits the tab by content. */
function fitting(name: string, how: string, candidate: Candidate, chosen: Element[], listed: ReadonlySet<Element>): [Candidate, string, Element[]] | null {
  const nodes = candidate instanceof Section ? candidate.nodes() : [candidate];
  const first = nodes[0] as Element;
  const title = candidate instanceof Section ? candidate.start : null;
  if (nodes.some((n) => tooBig(n, title)) || chosen.some((c) => first === c || nodes.some((n) => n.contains(c)))) return null;
  // a list of reviews/comments/releases never holds another tab's panel, and panels in the same
  // position as their tabs never sit inside another tab's body
  if ((how === "position" ? chosen : [...listed]).some((b) => b.contains(first))) return null;
  const lines = candidate instanceof Section && Boolean(candidate.start.getAttribute(LINE_MARK));
  return panelFits(name, nodes, lines) ? [candidate, how, nodes] : null;
}

function resolve(root: Element, ids: Map<string, Element>, tabs: Tabs, missing: readonly string[]): void {
  const listed = new Set([...tabs.bodies].filter(([name]) => name in NONE_TEXT || name === "log").map(([, body]) => body));
  titleLines(root, listed, missing);
  const resolver = new Resolver(root, ids, listed);
  const chosen: Element[] = [...tabs.bodies.values()];
  const plan: Array<[string, Candidate, string]> = []; // decided before any wrapping moves nodes
  // the first title names the tab (its count: «Обсуждения (6)»), one under another subject's
  // heading only when no other does (a news post's «Комментарии (3)» counts its own comments),
  // and so does a count-first link within the page (a head's «5 отзывов» jumping to «Отзывы (5)»)
  const nested = new Map<string, string>();
  for (const [unit, name] of resolver.units) {
    if (tabs.labels.has(name)) continue;
    if (!resolver.jumped.has(unit) && !subsection(unit, name)) tabs.labels.set(name, shownText(controlOf(unit)));
    else if (!nested.has(name)) nested.set(name, shownText(controlOf(unit)));
  }
  for (const [name, label] of nested) if (!tabs.labels.has(name)) tabs.labels.set(name, label);
  for (const name of missing) {
    let found: [Candidate, string, Element[]] | null = null;
    try {
      found = firstFitting(resolver, name, chosen, listed);
    } catch (err) {
      console.debug(`mpcheck: tab ${name}: resolving its panel failed`, err); // one tab never loses the others
    }
    if (found) {
      plan.push([name, found[0], found[1]]);
      chosen.push(...found[2]);
    }
  }
  for (const [name, candidate, how] of plan) {
    try {
      tabs.bodies.set(name, candidate instanceof Section ? wrap(candidate) : candidate);
      tabs.how.set(name, how);
    } catch (err) {
      console.debug(`mpcheck: tab ${name}: wrapping its section failed`, err); // it stays unfound
    }
  }
  countedTitles(resolver, tabs);
}

/** A tab named by a title with no count («Вопросы и ответы», a hidden heading) takes the first
 * later title of the same tab inside its own body that has one («Вопросы и ответы (7)»). */
function countedTitles(resolver: Resolver, tabs: Tabs): void {
  for (const [unit, name] of resolver.units) {
    const body = tabs.bodies.get(name);
    if (!body || /[0-9]/.test(tabs.labels.get(name) ?? "") || body === unit || !body.contains(unit)) continue;
    const text = shownText(controlOf(unit));
    if (/[0-9]/.test(text)) tabs.labels.set(name, text);
  }
}

/** A tab whose label has no count takes it from a <select> switcher's option tied to its body by
 * value = the body's id and titled as the same tab (the mobile «<option value="pane-comments">
 * Обсуждения (2)</option>» beside a bar of buttons with no counts). */
function optionTitles(root: Element, tabs: Tabs): void {
  const byId = new Map<string, string>();
  for (const [name, body] of tabs.bodies) if (body.getAttribute("id")) byId.set(body.getAttribute("id") as string, name);
  for (const option of root.querySelectorAll("option")) {
    const name = byId.get((option.getAttribute("value") ?? "").trim().replace(/^#+/, ""));
    if (name === undefined || /[0-9]/.test(tabs.labels.get(name) ?? "")) continue;
    const text = inlineText(option);
    if (/[0-9]/.test(text) && titleOf(norm(text)) === name) tabs.labels.set(name, text);
  }
}

/** Locate every known tab body and tab label on the page (may wrap sections in the prepared copy). */
export function findTabs(root: Element): Tabs {
  const tabs: Tabs = { bodies: new Map(), labels: new Map(), how: new Map() };
  const [ids, items] = barItems(root);
  for (const [name, spec] of specs()) {
    const ctl = control(ids, items, name, spec);
    if (ctl) tabs.labels.set(name, inlineText(ctl));
    const id = spec.ids.find((i) => ids.has(i));
    if (id) {
      tabs.bodies.set(name, ids.get(id) as Element);
      tabs.how.set(name, "id");
      continue;
    }
    const target = (ctl ? ctl.getAttribute("aria-controls") || ctl.getAttribute("data-target") || "" : "").replace(/^#+/, "");
    const body = target ? ids.get(target) : undefined;
    if (body && panelFits(name, [body])) {
      tabs.bodies.set(name, body);
      tabs.how.set(name, "control");
    }
  }
  const missing = specs().map(([n]) => n).filter((n) => !tabs.bodies.has(n));
  if (missing.length) resolve(root, ids, tabs, missing);
  if (!tabs.bodies.has("log")) {
    // no log section: a release table its own header names (log_table)
    // never a table quoted in a review or a comment (a buyer's post is not the vendor's log)
    const feedback = ["rating", "comments"].map((t) => tabs.bodies.get(t)).filter((b) => b !== undefined);
    const body = releaseTables(root).find((tb) => !feedback.some((b) => b.contains(tb)) && panelFits("log", [tb]));
    if (body) {
      tabs.bodies.set("log", body);
      tabs.how.set("log", "columns");
    }
  }
  optionTitles(root, tabs);
  return tabs;
}

/** The text of an element before its first child node that is no text (Python's `el.text`). */
function leadingText(el: Element): string {
  let out = "";
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType !== 3) break;
    out += node.nodeValue ?? "";
  }
  return out;
}

/** An element's class words. */
function tokens(el: Element): Set<string> {
  return new Set((el.getAttribute("class") ?? "").split(/\s+/u).filter(Boolean));
}

/** The lowest element holding every node (null when they share no element). */
function commonAncestor(nodes: Element[]): Element | null {
  const chains = nodes.map((node) => {
    const chain: Element[] = [];
    for (let el: Element | null = node; el; el = el.parentElement) chain.push(el);
    return chain;
  });
  const others = chains.slice(1).map((chain) => new Set(chain));
  return chains[0]?.find((el) => others.every((set) => set.has(el))) ?? null;
}

/** A forum topic whose first post republishes the listing: the post holding every section found
 * (the lowest element holding them, or its nearest ancestor) followed, among its siblings, by at
 * least two blocks of the same markup (its tag and a class word they all share: phpBB's
 * `div.post`, Discourse's `div.topic-post`). Those later posts are the topic's replies, i.e. the
 * solution's comments; the first post itself is none. [first post, the replies] or null. */
export function forumPosts(tabs: Tabs): [Element, Element[]] | null {
  const bodies = [...tabs.bodies].filter(([name]) => name !== "comments").map(([, body]) => body);
  if (bodies.length < 2 || tabs.bodies.has("comments")) return null;
  for (let node = commonAncestor(bodies); node && node.parentElement && !["body", "html"].includes(tag(node)); node = node.parentElement) {
    const own = tokens(node);
    const later: Element[] = [];
    for (let sib = node.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (tag(sib) === tag(node) && [...tokens(sib)].some((t) => own.has(t))) later.push(sib);
    }
    const laterTokens = later.map(tokens);
    if (later.length >= 2 && [...own].some((t) => laterTokens.every((set) => set.has(t)))) return [node, later];
  }
  return null;
}
