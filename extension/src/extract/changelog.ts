// «Что нового»: one entry per release row, newest first, with the description length in characters
// (backend/mpcheck/extract/changelog.py). A row is any dated block of the log section (items.ts).
// Its version is the version token that opens the row (after «Версия», «v») or stands next to its
// date; a version further inside the description (a 1C-Bitrix core version) is never the row's. The
// date is the row's date as the dates module reads it. `chars` is the length, in Unicode code points,
// of the row's block text without its version, its date and their labels. A row that says it is not
// out yet («3.0.0 — планируется», «3.0.0 (15.12.2026) В разработке», «Планы: …») is a roadmap entry,
// not a release: it is dropped (`changelog.planned`) when it is undated or dated after the reference
// day; dated on or before it, nothing tells a plan dated by its announcement from a release whose
// description opens with a plan word, and the log is null. A block the listing could not split (an undated
// roadmap row beside fewer than three dated ones glues them all into one item) is read row by row when
// each of its blocks opens with a version and two or more of them are dated. A release dated after the
// reference day is left to plausibility.ts, which drops the whole log.
import type { Page } from "./context";
import { parseDate, today } from "./dates";
import { ancestors, childElements, css, inlineText, ownText, textWithout } from "./dom";
import { newestFirst } from "./feedback";
import { headedRows } from "./headed_release";
import { dateSearch, isChrome, type Listing, yearGrouped } from "./items";
import { TABLE } from "./label_table";
import { cpLen, fold, isBlank, norm } from "./text";

const ALNUM = /[\p{L}\p{N}]/u;
const HEAD_CHARS = 80; // «Версия 4.6.1 от 24 ноября 2026 г.»: the part of a row its date is looked for first
const TRAIL_CHARS = 40; // «… — версия», «Дата выпуска:»: the longest label run that closes a piece
const SEPARATORS = " —–:·|,;.()[]/-"; // what stands between a row's version or date and its status word
const HEAD_OPENINGS = ["версия", "v"]; // besides a digit, what a `changelog.rows` head may open with

export interface Entry { version: string | null; date: string | null; chars: number }

let TOKEN: RegExp | null = null;
let GAP: RegExp | null = null;

/** Where the first date of a row's text is (any form of the table), else null. */
function dateSpan(folded: string): [number, number] | null {
  const head = folded.slice(0, HEAD_CHARS); // a row's date is nearly always in its head: search that first
  let m = dateSearch(head);
  if (folded.length > head.length && (!m || m.index + m[0].length >= head.length - 1)) m = dateSearch(folded);
  if (!m) return null;
  const end = m.index + m[0].length;
  let start = m.index;
  while (start < end && !ALNUM.test(folded.charAt(start))) start++; // a form may match its left boundary
  return [start, end];
}

/** Version tokens of folded[start:end] (Python finditer with pos/endpos: lookarounds see end there). */
function versions(folded: string, start: number, end: number): RegExpExecArray[] {
  TOKEN ??= new RegExp(TABLE.sources("changelog", "version_token")[0] as string, TABLE.flags + "g");
  const text = folded.slice(0, end);
  const out: RegExpExecArray[] = [];
  TOKEN.lastIndex = start;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    out.push(m);
    if (m[0].length === 0) TOKEN.lastIndex++;
  }
  return out;
}

/** Python `gap.fullmatch(folded, a, b)`. */
function gapFits(folded: string, a: number, b: number): boolean {
  GAP ??= new RegExp(`^(?:${TABLE.sources("changelog", "version_gap")[0] as string})$`, TABLE.flags);
  return GAP.test(folded.slice(a, b));
}

function groupStart(m: RegExpExecArray): number {
  return m.index + m[0].length - (m[1] ?? "").length; // group 1 ends the match
}

let VERSION_WORD: RegExp | null = null;

/** Whether the text before a version names a requirement (`changelog.requirement`) after the last word that
 * introduces a version (`changelog.version_word`): «Требуется: главный модуль 24.0.0», «Требуемая версия main:
 * 24.0.0», not «Совместимость с PHP 8.3 Версия 2.0.0». */
function required(before: string): boolean {
  VERSION_WORD ??= new RegExp(TABLE.sources("changelog", "version_word")[0] as string, TABLE.flags + "g");
  let after = 0;
  VERSION_WORD.lastIndex = 0;
  for (let m = VERSION_WORD.exec(before); m; m = VERSION_WORD.exec(before)) {
    after = m.index + m[0].length;
    if (m[0].length === 0) VERSION_WORD.lastIndex++;
  }
  return TABLE.search(before.slice(after), "changelog", "requirement") !== null;
}

/** The row's version: opening the row, or next to its date (only separators and labels between). */
function version(folded: string, span: [number, number] | null): RegExpExecArray | null {
  const [ds, de] = span ?? [folded.length, folded.length];
  for (const m of versions(folded, 0, ds)) {
    const end = m.index + m[0].length;
    if (gapFits(folded, 0, groupStart(m))) return m;
    // next to its date, no requirement before it («Требуется: главный модуль 24.0.0 (выпущен …)»)
    if (span && gapFits(folded, end, ds) && !required(folded.slice(0, groupStart(m)))) return m;
  }
  if (span && versions(folded, 0, ds).length === 0) {
    // after the date only when nothing before it looks like a version: «24.0.0 — проверено 20.11.2026 23.500.0 — …»
    // is a list of other versions, not a row dated before its version
    for (const m of versions(folded, de, folded.length)) return gapFits(folded, de, groupStart(m)) ? m : null;
  }
  return null;
}

/**
 * Characters of the row's text outside its version and date, trimmed of their labels: a piece after
 * a cut loses its leading labels («) — »), a piece before a cut its trailing ones.
 */
function description(text: string, folded: string, cuts: Array<[number, number]>): number {
  const pieces: Array<[number, number]> = [];
  let at = 0;
  for (const [start, end] of [...cuts].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    pieces.push([at, start]);
    at = Math.max(at, end);
  }
  pieces.push([at, text.length]);
  const kept: string[] = [];
  pieces.forEach(([start, end], i) => {
    if (end <= start) return; // an empty piece keeps nothing, whatever its labels' regexes say
    const piece = folded.slice(start, end);
    const lead = i > 0 ? TABLE.search(piece, "changelog", "lead") : null;
    let trail: number | null = null;
    if (i < pieces.length - 1) {
      // labels before a cut are short: the end-anchored regex only looks at the piece's tail
      const back = Math.max(0, piece.length - TRAIL_CHARS);
      const found = TABLE.search(piece.slice(back), "changelog", "trail");
      trail = found ? back + found.index : null;
    }
    const a = start + (lead ? lead.index + lead[0].length : 0);
    const b = start + (trail ?? piece.length);
    if (b > a) kept.push(text.slice(a, b));
  });
  return cpLen(kept.join(" "));
}

/** Python `text.lstrip(SEPARATORS)`. */
function stripSeparators(text: string): string {
  let at = 0;
  while (at < text.length && SEPARATORS.includes(text.charAt(at))) at++;
  return text.slice(at);
}

/**
 * A roadmap row: a status word right after its version or its date («3.0.0 — планируется»,
 * «3.0.0 (15.12.2026) В разработке»), or a plan / next-update word before them when more than labels
 * stand there («Планы: Планируется в 3.0 (01.12.2026)»).
 */
function planned(folded: string, cuts: Array<[number, number]>): boolean {
  const ordered = [...cuts].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const first = (ordered[0] as [number, number])[0];
  if (first && !gapFits(folded, 0, first) && TABLE.search(folded.slice(0, first), "changelog", "planned_head")) return true;
  return ordered.some(([, end], i) => {
    const piece = stripSeparators(folded.slice(end, ordered[i + 1]?.[0] ?? folded.length));
    return Boolean(piece) && Boolean(TABLE.search(piece, "changelog", "planned"));
  });
}

/**
 * Whether a block's text opens as a log row: a version and its date («4.1.3 02.06.2026»), or a date
 * and its version (`changelog.rows`). A date range («01.09.2026 — 01.10.2026») is no head: its
 * «version» is a date too.
 */
function head(text: string): boolean {
  const start = fold(Array.from(text.trim().slice(0, 2 * HEAD_CHARS)).slice(0, HEAD_CHARS).join("")); // code points, as Python slices
  const first = start.charAt(0);
  // what every form of `changelog.rows` opens with (the regexes ignore case, so does this test:
  // «Версия 24.0.0 от 20.11.2026» is a head): its regexes are not run on the rest
  const lower = start.toLowerCase();
  if (!((first >= "0" && first <= "9") || HEAD_OPENINGS.some((w) => lower.startsWith(w)))) return false;
  const m = TABLE.search(start, "changelog", "rows");
  return m !== null && !(parseDate(m[1] ?? null) && parseDate(m[2] ?? null));
}

/**
 * Whether an item holds two release rows side by side: an element with two children or more that
 * each open as a log row (`head`). Such an item is several releases the listing could not split (a
 * grid whose rows sit under a header it did not know as furniture: blind
 * solution_kendo_jquery_corpsite_demo30), not one release; a release whose description names one
 * earlier fix («<li>2.0.4 (15.09.2026) — ошибка …</li>») is one.
 */
function stacked(item: Element): boolean {
  for (const el of [item, ...css(item, "*")]) {
    const kids = childElements(el);
    if (kids.length >= 2 && kids.filter((kid) => head(inlineText(kid))).length >= 2) return true;
  }
  return false;
}

/**
 * Whether a block's text opens with a version, past a version word at most («Версия 5.4.1…»), and
 * holds a date further on: a release of its own. A table row's cells («24.0.0 | 2.1.0 | …»: the
 * core's version beside the module's) open with versions but carry no date each (Python
 * `_dated_release`).
 */
function datedRelease(text: string): boolean {
  const folded = fold(text);
  const span = dateSpan(folded);
  const m = version(folded, span);
  return span !== null && m !== null && gapFits(folded, 0, groupStart(m));
}

/**
 * Whether an item holds a list of releases: an element with two children or more that each open
 * with a version and are dated further down (`datedRelease`) (UI5's ObjectListItems «Версия 5.4.1» whose release date
 * is an ObjectStatus beside the first change: blind solution_openui5_objectpage_ural_autoparts).
 * The listing could not split them (a dated note beside the list stopped its descent): read as one
 * row, the newest version would carry every release's text, so the log is unread instead (Python
 * `_version_rows`).
 */
function versionRows(item: Element): boolean {
  for (const el of [item, ...css(item, "*")]) {
    const kids = childElements(el);
    if (kids.length >= 2 && kids.filter((kid) => datedRelease(inlineText(kid))).length >= 2) return true;
  }
  return false;
}

/** Whether an element's whole text is one version token («4.2.1», «v2.0»), not a date («30.10.2026» is
 * one to the token's regex). */
function bareVersion(el: Element): boolean {
  const text = fold(inlineText(el));
  const m = (TABLE.rx("changelog", "version_token")[0] as RegExp).exec(text);
  if (m === null || m.index !== 0 || m.index + m[0].length !== text.length) return false;
  const before = text.slice(0, groupStart(m));
  return (before === "" || before === "v") && !parseDate(text);
}

/**
 * Whether an item holds a column of versions: an element whose children (two or more, no text
 * between them) are each a bare version. A grid stored column by column (each column a block of its
 * cells) read as one block runs every version, then every date, then every description together:
 * «4.2.1 4.2.0 … 4.0.0 19.11.2026 …» is the whole log, never one release whose version stands next
 * to its date (Python `_version_column`).
 */
function versionColumn(item: Element): boolean {
  for (const el of [item, ...css(item, "*")]) {
    const kids = childElements(el);
    if (kids.length >= 2 && !ownText(el).trim() && kids.every(bareVersion)) return true;
  }
  return false;
}

/** [{version, date, chars} of one row's block text, whether the row says it is planned]; the item's date wins. */
function read(text: string, date: string | null): [Entry | null, boolean] {
  const folded = fold(text);
  const span = dateSpan(folded);
  const m = version(folded, span);
  if (!m) return [null, false];
  const start = groupStart(m);
  const cuts: Array<[number, number]> = [[start, m.index + m[0].length]];
  if (span) cuts.push(span);
  const found = date || (span ? parseDate(text.slice(span[0], span[1])) : null);
  return [{ version: m[1] ?? null, date: found, chars: description(text, folded, cuts) }, planned(folded, cuts)];
}

function row(text: string, date: string | null): Entry | null {
  return read(text, date)[0];
}

let LIGATURES: Array<[string, RegExp]> | null = null;

function cells(row: Element): Element[] {
  return childElements(row).filter((c) => c.tagName.toLowerCase() === "td" || c.tagName.toLowerCase() === "th");
}

/** The cells of a release table's row whose column header names a requirement (`changelog.requirement`: «Ядро»,
 * «Требуемая версия main», «PHP»): the version in them is not the release's. The header is the table's first row
 * when all its cells are th; a row or header with a spanning cell, or of another width, is not matched up. */
function requirementCells(row: Element): Element[] {
  if (row.tagName.toLowerCase() !== "tr") return [];
  const tableEl = [...ancestors(row)].find((a) => a.tagName.toLowerCase() === "table");
  const first = tableEl?.querySelector("tr") ?? null;
  if (!first || first === row) return [];
  const heads = cells(first);
  const own = cells(row);
  const spans = (c: Element): boolean => (c.getAttribute("colspan") ?? "1").trim() !== "1";
  if (heads.length !== own.length || heads.some((c) => c.tagName.toLowerCase() !== "th") || [...heads, ...own].some(spans)) return [];
  return own.filter((_, i) => TABLE.search(fold(inlineText(heads[i])), "changelog", "requirement") !== null);
}

/** A figure's caption titles its picture or chart: no release note. */
const CAPTIONS = "figcaption";

/** The block text of a release row without its icon fonts' ligatures (changelog.icon_ligatures:
 * `<i class="material-icons">history</i><b>2.4.1</b>` draws a glyph, its word is no text), without the cells
 * of a requirement's column (`requirementCells`) and without figure captions: a screenshot or chart set after a
 * release's notes («Время расчёта: 2,1 с в 2.3.2 и 0,3 с в 2.4.0») is grouped with the row above it, but its
 * caption describes the picture, not the release. */
/** The elements of a row whose whole text is a version token glued to a digit right after them
 * («<button><span>3.5.0</span><span>2 июня 2026</span></button>»: Chakra UI's accordion button lays its spans
 * out apart, the text runs «3.5.02 июня»: blind solution_chakra_ui_biryuza_smsnotify). The version ends where
 * its element does; a version split over elements for styling («<b>3.5</b>.0») has no whole token of its own. */
function versionEnds(el: Element): Element[] {
  const pattern = TABLE.rx("changelog", "version_token")[0] as RegExp;
  const found: Element[] = [];
  for (const node of [el, ...el.querySelectorAll("*")]) {
    const text = (node.textContent ?? "").trim();
    if (node.childElementCount || !digitFirst(text)) continue;
    const m = pattern.exec(text);
    if (m === null || m.index !== 0 || m[0] !== m[1] || m[0].length !== text.length) continue;
    const next = node.nextSibling; // what follows it as written: its tail, else the next element's first text
    if (digitFirst(next?.textContent ?? "")) found.push(node);
  }
  return found;
}

/** Whether a text opens with an ASCII digit (Python `"0" <= text[:1] <= "9"`). */
function digitFirst(text: string): boolean {
  const first = text.charAt(0); // "" for an empty text: no digit
  return first >= "0" && first <= "9";
}

/** The release row's text with its versions apart from what follows them (`versionEnds`). */
export function rowText(el: Element): string {
  const spaces = versionEnds(el).map((node) => {
    const space = node.ownerDocument.createTextNode(" ");
    node.after(space);
    return space;
  });
  try {
    return unspacedRowText(el);
  } finally {
    for (const space of spaces) space.remove();
  }
}

const BADGE_CHARS = 30; // «(текущая версия)»: a status badge is a word or two

/** The release's status badges in its head (`changelog.status_badge`: «<span class="label">текущая</span>» after
 * «Версия 3.6.2 от 13.11.2026», a catalogue's version spoiler, blind solution_infostart_catalogue_angara_b2bportal):
 * leaves whose whole text is a status word, in a block that holds the row's version or date and nothing else but
 * their labels (`headOnly`). A badge tags the release and describes nothing; the same word in the description
 * («<li><b>Новая</b> выгрузка</li>», «2.0.0 (01.01.2026) — <b>новая</b> выгрузка») stays (Python `_status_badges`). */
function statusBadges(el: Element): Element[] {
  const found: Element[] = [];
  for (const node of el.querySelectorAll("*")) {
    if (node.childElementCount) continue;
    const text = fold(inlineText(node));
    if (!text || cpLen(text) > BADGE_CHARS) continue;
    if (TABLE.search(text, "changelog", "status_badge") && headOnly(node)) found.push(node);
  }
  return found;
}

/** Whether the block around a leaf holds, besides it, a version or a date and nothing but the labels and
 * separators between them (`changelog.version_gap`): a release's head line (Python `_head_only`). */
function headOnly(node: Element): boolean {
  const parent = node.parentElement;
  if (!parent) return false;
  const block = fold(textWithout(parent, new Set([node])));
  const date = dateSearch(block);
  let rest = date ? `${block.slice(0, date.index)} ${block.slice(date.index + date[0].length)}` : block;
  let count = 0;
  TOKEN ??= new RegExp(TABLE.sources("changelog", "version_token")[0] as string, TABLE.flags + "g");
  rest = rest.replace(TOKEN, () => {
    count++;
    return " ";
  });
  return (date !== null || count > 0) && gapFits(rest, 0, rest.length);
}

function unspacedRowText(el: Element): string {
  LIGATURES ??= TABLE.entries("changelog", "icon_ligatures").map((e): [string, RegExp] => [String(e.css), new RegExp(String(e.value_re), "u")]);
  const leftOut = new Set<Element>();
  for (const [selector, glyph] of LIGATURES) {
    for (const icon of css(el, selector)) {
      if (icon.childElementCount === 0 && glyph.test(icon.textContent ?? "")) leftOut.add(icon);
    }
  }
  for (const cell of requirementCells(el)) leftOut.add(cell);
  for (const badge of statusBadges(el)) leftOut.add(badge);
  // a row with no text outside its captions (releases set as `<figure><figcaption>2.2.0 …</figcaption><img>`)
  // is its captions: they are kept (Python `row_text`)
  const captions = [...el.querySelectorAll(CAPTIONS)];
  if (captions.length) {
    const text = textWithout(el, new Set([...leftOut, ...captions]));
    if (text.trim()) return text;
  }
  return leftOut.size ? textWithout(el, leftOut) : inlineText(el);
}

/**
 * The row texts of an item that holds several releases (null for an item of one): below its
 * wrappers, every block opens with a version and two or more of them are dated. The listing glues
 * such rows when an undated one (a roadmap «3.0.0 — планируется») stands beside fewer than three
 * dated ones; a release's own blocks («<b>2.1.0</b> <span>19.11.2026</span> <div>…</div>») never all
 * open with a version.
 */
function glued(item: Element): string[] | null {
  let node = item;
  let kids: Array<[Element, string]>;
  for (;;) {
    kids = childElements(node).map((kid): [Element, string] => [kid, rowText(kid)]).filter(([, text]) => Boolean(text));
    if (kids.length !== 1 || ownText(node).trim()) break;
    node = (kids[0] as [Element, string])[0];
  }
  if (kids.length < 2) return null;
  const texts: string[] = [];
  let dated = 0;
  for (const [kid, text] of kids) {
    const folded = fold(text);
    const span = dateSpan(folded);
    const m = version(folded, span);
    if (!m && isChrome(kid)) continue; // a heading («История версий») among the rows
    if (!m || !gapFits(folded, 0, groupStart(m))) return null; // one release's description
    texts.push(text);
    if (span) dated++;
  }
  return dated >= 2 ? texts : null;
}

const YEAR = /(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])/u; // a date's own four-digit year
const GROUP_TITLES = new Set(["caption", "summary"]); // besides headings, what titles a group of rows

/** The titles in a block, in document order: headings, captions, summaries. */
function titlesIn(el: Element): Element[] {
  return [el, ...Array.from(el.querySelectorAll("*"))].filter(
    (d) => TABLE.headingTags.has(d.tagName.toLowerCase()) || GROUP_TITLES.has(d.tagName.toLowerCase()) || d.getAttribute("role") === "heading",
  );
}

/**
 * The nearest title before an item inside the log body that opens with no version or date (a release row's own head
 * is no group title), else null. Blocks holding rows (`held`) are passed over: an earlier row stands under the same
 * title, and the titles inside another group's block are that group's. `seen` keeps what a block was found to hold;
 * `near` what the walk from a node found (the walk from a node goes on as the walk from its previous sibling, or from
 * its parent: rows that are siblings share the walk instead of each going back over all the rows before it).
 */
function groupTitle(item: Element, body: Element, held: Set<Element>, seen: Map<Element, Element | null>, near: Map<Element, Element | null>): Element | null {
  const path: Element[] = [];
  let found: Element | null = null;
  for (let node: Element | null = item; node && node !== body; ) {
    const known = near.get(node);
    if (known !== undefined) {
      found = known;
      break;
    }
    path.push(node);
    const prev: Element | null = node.previousElementSibling;
    if (!prev) {
      node = node.parentElement;
      continue;
    }
    node = prev;
    if (held.has(prev)) continue;
    if (!seen.has(prev)) {
      seen.set(prev, null);
      for (const el of titlesIn(prev).reverse()) {
        const text = fold(inlineText(el));
        const first = text.charAt(0);
        if (text && !((first >= "0" && first <= "9") || TABLE.search(text, "changelog", "version_only"))) {
          seen.set(prev, el);
          break;
        }
      }
    }
    const title = seen.get(prev);
    if (title) {
      found = title;
      break;
    }
  }
  for (const step of path) near.set(step, found);
  return found;
}

/** The items of the log that stand under a title naming something else than this solution's releases
 * (`changelog.foreign_title`: a compatibility list, a bundled library's log, a roadmap), when that title stands over
 * two items or more, or over one item of several rows: a title over one release is that release's own
 * («<h3>Новая библиотека SDK</h3><p>Версия 2.1.0 от …</p>»). */
function foreignItems(listing: { body: Element; items: Element[] }): Set<Element> {
  const held = new Set<Element>();
  for (const item of listing.items) for (const a of ancestors(item)) held.add(a);
  const seen = new Map<Element, Element | null>();
  const near = new Map<Element, Element | null>();
  const under = new Map<Element, Element[]>();
  for (const item of listing.items) {
    const title = groupTitle(item, listing.body, held, seen, near);
    if (!title) continue;
    const items = under.get(title);
    if (items) items.push(item);
    else under.set(title, [item]);
  }
  const out = new Set<Element>();
  for (const [title, items] of under) {
    if (!TABLE.search(fold(inlineText(title)), "changelog", "foreign_title")) continue;
    const one = items[0] as Element;
    if (items.length >= 2 || textRows(one) || glued(one) || stacked(one)) for (const item of items) out.add(item);
  }
  return out;
}

/** {version, date, chars} of one row's block text, or null when it has no version. */
export function parseRow(text: string): Entry | null {
  return row(text, null);
}

/** The one plain-text block of an item: the item itself when it is a `<pre>` or `<code>` (a forum's
 * BBCode box `<dl class="codebox"><dd><code>…</code></dd>`: blind solution_phpbb_prosilver_topic_site),
 * else its one `<pre>`, else its one `<code>` (null when it has none or several). */
function codeBlock(item: Element): Element | null {
  const tag = item.tagName.toLowerCase();
  if (tag === "pre" || tag === "code") return item;
  // the tag's own index, not a selector run per row (Python: a tree walk); the item is neither tag here
  const pres = item.getElementsByTagName("pre");
  const blocks = pres.length > 0 ? pres : item.getElementsByTagName("code");
  return blocks.length === 1 ? (blocks[0] ?? null) : null;
}

/** The lines of a plain-text block: its text split at its newlines and at its `<br>`s (a code box
 * that breaks its lines with `<br>`); comments are no text. */
function rawLines(block: Element): string[] {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (const kid of Array.from(node.childNodes)) {
      if (kid.nodeType === 3) parts.push(kid.nodeValue ?? "");
      else if (kid.nodeType === 1) {
        if ((kid as Element).tagName.toLowerCase() === "br") parts.push("\n");
        else walk(kid);
      }
    }
  };
  walk(block);
  return parts.join("").split(/\r\n|\r|\n/);
}

/** A plain-text log (one `<pre>` or `<code>` block, `codeBlock`): each line that opens with a version
 * and its date starts a row, the lines after it are its description (null unless the text holds two
 * rows or more). */
function textRows(item: Element): string[] | null {
  const block = codeBlock(item);
  if (block === null) return null;
  const rows: string[][] = [];
  for (const line of rawLines(block)) {
    if (TABLE.search(fold(norm(line)), "changelog", "rows")) rows.push([line]);
    else rows[rows.length - 1]?.push(line);
  }
  return rows.length >= 2 ? rows.map((lines) => norm(lines.join(" "))) : null;
}

/**
 * Entries of the log section (null when the page has no such section, when an item holds two release
 * rows side by side (`stacked`) or a column of versions (`versionColumn`), or when a row that says it is planned carries a date on or before the
 * reference day: a plan dated by its announcement, or a release whose description opens with a plan
 * word, and nothing tells which). An undated or future-dated planned row is no entry. A log whose dated
 * blocks hold no release row at all is unread (null), not shown empty.
 */
/** Entries of the log section and of the releases headed by their own title outside it
 * (headed_release.ts: one the log lists too is the log's; `kin`); null when the page has neither, or when the
 * log cannot be read (`listed`). */
export function changelog(page: Page): Entry[] | null {
  const listing = page.listings.get("log");
  const entries = listing ? listed(listing) : [];
  if (entries === null) return null;
  const versions = new Set(entries.map((e) => e.version));
  const headed = headedEntries(page).filter((e) => !versions.has(e.version) && kin(e, entries, listing));
  if (!listing && headed.length === 0) return null;
  page.found_by.changelog = listing ? "tab-body" : "heading";
  return newestFirst(distinct([...entries, ...headed]));
}

/** Whether a headed release may join the log: always when the page has no log, else only when it shares
 * the major version of the log's newest release (changelog.py::_kin). */
function kin(entry: Entry, entries: Entry[], listing: Listing | undefined): boolean {
  if (!listing) return true;
  const newest = newestFirst([...entries])[0]; // a copy: the log keeps its page order for `distinct`
  const head = major(entry.version);
  return head !== null && head === major(newest?.version ?? null);
}

/** The major number of an entry's version (read as dotted digits: `versions.values` group 1). */
function major(version: string | null): string | null {
  return version ? (version.split(".")[0] ?? null) : null;
}

/** The dated releases of headedRows; a heading that says its release is planned is none. */
function headedEntries(page: Page): Entry[] {
  const out: Entry[] = [];
  for (const text of headedRows(page)) {
    const [entry, isPlanned] = read(text, null);
    if (entry?.date && !isPlanned) out.push(entry);
  }
  return out;
}

const FIELD_LABELS = ["column_version", "column_date", "column_changes"]; // a release's fields, by their label

/** Which release field a leaf names when its whole text is that field's label (a release table's
 * column headers, `changelog.column_*`: «Версия», «Дата выпуска:», «Что изменилось»), else null
 * (Python `_field_label`). */
function fieldLabel(el: Element): string | null {
  if (el.firstElementChild) return null;
  let text = fold(inlineText(el));
  let end = text.length;
  while (end > 0 && (text[end - 1] === " " || text[end - 1] === ":")) end--;
  text = text.slice(0, end);
  if (!text || cpLen(text) > TRAIL_CHARS) return null;
  return FIELD_LABELS.find((key) => TABLE.search(text, "changelog", key) !== null) ?? null;
}

/** What a label stands over: its tail and the siblings after it, up to one that is or holds another
 * label (`<dt>` + `<dd>`, `<th>` + `<td>`, a field group's label + value, «<b>Дата:</b> 18.11.2026<br>»);
 * the raw texts joined, then normalised once: the block text of the value (Python `_field_value`). */
function fieldValue(label: Element, labels: ReadonlySet<Element>): string {
  let out = "";
  for (let n = label.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 3) out += (n as Text).data;
    else if (n.nodeType === 1) {
      const sib = n as Element;
      if (labels.has(sib) || css(sib, "*").some((d) => labels.has(d))) break;
      out += sib.textContent ?? "";
    }
  }
  return norm(out);
}

/** Whether a block holds one child element and no text of its own: a wrapper of that child. */
function onlyChild(el: Element): boolean {
  return el.childElementCount === 1 && isBlank(ownText(el));
}

/** The description of a release set out as labelled fields (a Liferay Web Content article's repeatable
 * «Версия» / «Дата выпуска» / «Что изменилось» field groups, blind
 * solution_liferay74_journal_portlets_cp1251_neva_edo; a `dl` or a two-column table per release): the
 * value under its description label only, when the item has one label of each field and the version's
 * and the date's values are the entry's own. The labels are no description, nor is the version or the
 * date under them; any other item is measured as a row (null) (Python `_labelled_notes`). */
function labelledNotes(item: Element, entry: Entry): string | null {
  const found = new Map<string, Element[]>();
  for (const el of css(item, "*")) {
    if (el === item) continue;
    const key = fieldLabel(el);
    if (key === null) continue;
    let node = el; // the label is the outermost block holding only its text («<div><span>Версия</span></div>»)
    for (let parent = node.parentElement; parent && parent !== item && onlyChild(parent); parent = node.parentElement) node = parent;
    const list = found.get(key) ?? [];
    list.push(node);
    found.set(key, list);
  }
  if (FIELD_LABELS.some((key) => found.get(key)?.length !== 1)) return null;
  const labels = new Set(FIELD_LABELS.map((key) => (found.get(key) as Element[])[0] as Element));
  const [version, date, notes] = FIELD_LABELS.map((key) => fieldValue((found.get(key) as Element[])[0] as Element, labels));
  const token = TABLE.search(fold(version), "changelog", "version_token");
  if (token === null || token[1] !== entry.version || parseDate(date) !== entry.date) return null;
  return notes || null;
}

/** Entries of the log section (changelog.py::_listed). */
function listed(listing: Listing): Entry[] | null {
  const rows: Array<[string, string | null, Element | null]> = []; // (row text, item date, the item when it is one release)
  const foreign = foreignItems(listing);
  if (foreign.size && foreign.size === listing.items.length) return null; // only rows of something else: unread
  // releases under year headings, some dated only by day and month: whose year?
  if (yearGrouped(listing) && !listing.items.every((item) => YEAR.test(rowText(item)))) return null;
  for (const item of listing.items) {
    if (foreign.has(item)) continue;
    const texts = textRows(item) ?? glued(item);
    if (texts) rows.push(...texts.map((text): [string, string | null, Element | null] => [text, null, null]));
    else if (stacked(item) || versionColumn(item) || versionRows(item)) return null; // several releases read as one: no entry of it can be trusted
    else {
      const text = rowText(item);
      if (TABLE.search(fold(text), "changelog", "year_group")) return null; // a year's group of releases: not one release
      rows.push([text, listing.dates.get(item) ?? null, item]);
    }
  }
  const entries: Entry[] = [];
  const day = today();
  let unread = false;
  for (const [text, date, item] of rows) {
    const [entry, isPlanned] = read(text, date);
    const notes = entry && item ? labelledNotes(item, entry) : null;
    if (entry && notes !== null) entry.chars = cpLen(notes);
    if (entry && !isPlanned) entries.push(entry);
    else if (entry?.date && entry.date <= day) return null;
    unread ||= entry === null;
  }
  if (unread && entries.length === 0) return null; // dated blocks, none a release («Совместимость: 23.0.0 … проверено 01.11.2026»): unread, not empty
  return entries;
}

/** One entry per release: a release listed twice with its version and date (a «Текущая версия: 2.1.0 от
 * 19.11.2026» line above its own row) keeps the row with the longer description. */
function distinct(entries: Entry[]): Entry[] {
  const best = new Map<string, Entry>();
  const key = (e: Entry): string | null => (e.version === null || e.date === null ? null : JSON.stringify([e.version, e.date]));
  for (const entry of entries) {
    const k = key(entry);
    if (k === null) continue;
    const seen = best.get(k);
    if (!seen || entry.chars > seen.chars) best.set(k, entry);
  }
  return entries.filter((e) => {
    const k = key(e);
    return k === null || best.get(k) === e;
  });
}
