// Repeated dated blocks of a section: reviews, comments, changelog rows (DOM.md §10.5;
// backend/mpcheck/extract/items.py). Items are the children of a list container that contain a
// date; the container is the body, descended while exactly one child holds all dates and that child
// is a pure wrapper, a list/table, a run of at least three dated heads (h3 + p), or holds the list
// beside undated notes (one dated block listing three dated blocks of one kind, or items of one kind
// whose rest is folded into a closed block after them: the fold's items are the list's, a dated note
// after it is none). A dated child
// joins the item before it when it opens with an answer title; in lists and under dated heads the
// undated content siblings (dd, a text row, paragraphs) join their head, in one wrapper div (in the
// prepared copy). Blocks of one markup (a class and a first child's) with some of them undated are
// items each, dated or not (a date in one review's text or answer dates no other review). An item's
// date is its first dated element, unless words precede that date («Куплено 01.02.2025») and a bare
// date stands beside it in the same line, or a label names it another date of the item
// (`reviews.date_not_own`: «Дата покупки:», «Отредактирован») and a bare date follows anywhere in it,
// or that date is its answer's («Ответ разработчика (21.03.2026)») and a date of its own follows
// (jQuery Mobile's p.ui-li-aside closing the item).
// A relative date is read in a short header, or as the last part of a longer one («…, вчера в 18:40»).
// Own texts are scanned once per body.
import { elementDate, parseDate, vagueDate } from "./dates";
import { childElements, css, hidden, inlineText, moveWithTail, ownText, tag, textWithout } from "./dom";
import { TABLE } from "./label_table";
import { MAX_TITLE_CHARS, titleOf } from "./tabs";
import { cpLen, fold, isBlank } from "./text";

const LIST_TAGS = new Set(["dl", "table", "tbody", "ul", "ol"]);
const PAIRED_TAGS = new Set(["tr", "dt", "dd"]); // rows that pair up by position (a head row and its text row)
const HEAD_CHARS = 120; // a dated head: author and date, or version and date, without the text
const BARE_HEAD_CHARS = 40; // a dated head with no words of its own: «2.4.0 (14.10.2026)», «Иван Петров, 12.11.2026»
const LETTER = /\p{L}/u;
const MAX_INTRO_CHARS = 600; // the short intro set right before a feedback section (a heading and a note)
const MAX_INTRO_CLIMB = 3; // wrappers the section may open (a builder's module, its <section>) above the intro
const BREAK_TAG = "hr"; // a thematic break: what follows it is no longer the list above (noteBelow)
const RELATIVE_CHARS = 40; // «Вадим сегодня в 09:14»: the longest header a relative date is read in
const TAIL_SEPARATORS = ",·|•—–"; // what parts a header: «Имя (Компания), вчера в 18:40»
const MIN_HEADS = 3; // fewer dated heads in one block may be one review with its dated answer
const DIGIT = /[0-9]/;
const GROUP_TITLE = /^(?:\p{L}+\s+){0,2}(?:19|20)[0-9]{2}(?:\s+\p{L}+\.?)?(?:\s*\([0-9]+\))?$/u; // «Ноябрь 2026», «2025 год (3)»
const COUNT = /\(\s*[0-9]+\s*\)/gu; // «Отзывы о других решениях (5)»: a count, not a group label
const HEAD_CELLS = new Set(["th", "columnheader"]); // a column's header cell: the tag, the ARIA role
const DATA_CELLS = new Set(["td", "gridcell", "cell"]); // a data cell: the tag, the ARIA roles
const CARRIER_TAGS = new Set(["time", "meta"]); // elements whose date may be in an attribute only
const DATE_PROPS = new Set(["datePublished", "dateCreated", "dateModified", "uploadDate"]); // schema.org date properties
const WORD_ONLY_FORMS = new Set(["relative"]); // the date forms that may be written without a digit («вчера»)
const NOT_FORMS = new Set(["iso", "months", "relative_units", "relative_hint"]); // attribute forms and lookup tables
const HIGH_SURROGATE = /[\ud800-\udbff]/; // without one, every code unit of a text is one code point

/** The first `n` code points of a text (Python `text[:n]`); a plain slice when no pair is in it. */
function head(text: string, n: number): string {
  return HIGH_SURROGATE.test(text) ? Array.from(text).slice(0, n).join("") : text.slice(0, n);
}

export interface Listing {
  body: Element;
  items: Element[];
  dates: Map<Element, string | null>;
  /** [element, own text] of every element under the body with non-blank own text. */
  owns: Array<[Element, string]>;
  /** item → index in `owns` of its first date */
  firsts: Map<Element, number>;
  /** item → index in `owns` of its first text */
  starts: Map<Element, number>;
  /** item → index in `owns` of the last text of its author slot: up to its first date, or, when the
   * item opens with its date (a forum post head), up to its next date or its end (author after the date) */
  authorEnds: Map<Element, number>;
  /** blocks of the body that are neither items nor the list's own words: another section's list and
   * its title, the date headings of grouped items (`otherLists`, `dateGroups`); no stated count is
   * read in them */
  aside: Element[];
  /** `owns`' short texts folded, made on first use (feedback.shortFolds): answer titles, badges and author lines are
   * tested on the same short texts by several readers, each text is folded once */
  folds: Array<string | null> | null;
  /** an item is a whole list the split did not descend into (`unsplit`): none of its items is known */
  unsplit: boolean;
  /** items whose own date is only a rounded relative one («месяц назад», dates.vagueDate): dated, but
   * on no known day, so the list's dates cannot be told (feedback.undated) unless a later date of
   * the item's own settles it */
  vague: Set<Element>;
}

/** The item an element belongs to (null outside every item). */
export function itemOf(listing: Listing, el: Element | null): Element | null {
  for (let a = el; a && a !== listing.body; a = a.parentElement) if (listing.dates.has(a)) return a;
  return null;
}

/** An element whose date is in an attribute: time[datetime], schema.org itemprop dates. */
function carriesDate(el: Element): boolean {
  if (tag(el) === "time") return Boolean(el.getAttribute("datetime"));
  return DATE_PROPS.has(el.getAttribute("itemprop") ?? "") && Boolean(el.getAttribute("content") || el.getAttribute("datetime"));
}

/** [element, own text] of every element with non-blank own text, and of every attribute-only date carrier. */
function scan(body: Element): Array<[Element, string]> {
  const out: Array<[Element, string]> = [];
  for (const el of css(body, "*")) {
    const own = ownText(el);
    if (!isBlank(own)) out.push([el, own]);
    else if (CARRIER_TAGS.has(tag(el)) && carriesDate(el)) out.push([el, own]); // <time datetime>, <meta itemprop=datePublished>
  }
  return out;
}

let FORMS: string[][] | null = null;
const COMBINED = new Map<string, RegExp>();

function forms(): string[][] {
  if (!FORMS) {
    const group = (TABLE.get("dates") ?? {}) as Record<string, unknown>;
    FORMS = Object.entries(group)
      .filter(([key, value]) => !NOT_FORMS.has(key) && Array.isArray(value))
      .map(([key]) => ["dates", key]);
  }
  return FORMS;
}

/** One alternation of every regex at `paths`, each in a non-capturing group (Table.any_search). */
function combined(paths: string[][]): RegExp {
  const key = paths.map((p) => p.join("/")).join("|");
  let found = COMBINED.get(key);
  if (!found) {
    const parts = paths.flatMap((p) => TABLE.sources(...p).map((r) => `(?:${r})`));
    found = new RegExp(parts.join("|") || "(?!)", TABLE.flags);
    COMBINED.set(key, found);
  }
  return found;
}

/** The list's items stand under date headings («<h3>2025</h3><ul><li>…</li></ul>», «Ноябрь 2026»:
 * `GROUP_TITLE`, split by `dateGroups`): a date in an item may lean on its group's year (Python `year_grouped`). */
export function yearGrouped(listing: Listing): boolean {
  return listing.aside.some((title) => GROUP_TITLE.test(fold(inlineText(title))));
}

/**
 * The first date of any form in a folded text (the table's date regexes as alternations). A
 * relative date («вчера», «3 дня назад») is looked for only in the text's first RELATIVE_CHARS
 * characters before its first other date: it sits in a header, and its regexes are the slow ones.
 */
export function dateSearch(text: string): RegExpExecArray | null {
  const all = forms();
  const long = combined(all.filter((f) => !WORD_ONLY_FORMS.has(f[f.length - 1] as string))).exec(text);
  const end = Math.min(long ? long.index : text.length, RELATIVE_CHARS);
  const head = text.slice(0, end);
  const hint = TABLE.rx("dates", "relative_hint")[0];
  // no relative word: the slow relative regexes cannot match
  const words = hint && !hint.test(head) ? null : combined(all.filter((f) => WORD_ONLY_FORMS.has(f[f.length - 1] as string))).exec(head);
  return words ?? long;
}

/**
 * A header longer than RELATIVE_CHARS whose last part after a separator is a relative date alone
 * («Константин Константинопольский (ООО «Ромашка»), вчера в 18:40»): a long name or company before
 * it, no sentence («Купил модуль вчера, всё работает» ends with words).
 */
function relativeTail(own: string, words: RegExp): boolean {
  const cut = Math.max(...[...TAIL_SEPARATORS].map((sep) => own.lastIndexOf(sep)));
  const tail = cut >= 0 ? own.slice(cut + 1) : "";
  if (!tail || cpLen(tail) > RELATIVE_CHARS) return false;
  const m = words.exec(tail);
  if (m === null) return false;
  const rest = (tail.slice(0, m.index) + " " + tail.slice(m.index + m[0].length)).split(/\s+/u).filter(Boolean);
  return !rest.some((word) => word.toLowerCase() !== "в" && LETTER.test(word)); // «в 18:40» may follow
}

function dated(owns: Array<[Element, string]>): Array<[number, Element, string]> {
  const all = forms();
  // a date with no digit can only be a relative one («вчера»): the other forms are skipped there;
  // a relative date sits in a short header («Ирина, 3 дня назад»), never in a long text, and its
  // regexes are the slow ones: they run on short texts only
  const words = combined(all.filter((f) => WORD_ONLY_FORMS.has(f[f.length - 1] as string)));
  const long = combined(all.filter((f) => !WORD_ONLY_FORMS.has(f[f.length - 1] as string)));
  const hint = TABLE.rx("dates", "relative_hint")[0]; // a word every relative form holds
  const hasDate = (text: string): boolean => {
    const own = text.length > HEAD_CHARS ? head(text, HEAD_CHARS) : text; // dated by its head
    // the relative regexes are the slow ones: only short texts holding one of their words
    const relative = cpLen(own) <= RELATIVE_CHARS && (hint?.test(own) ?? true);
    const size = cpLen(text);
    const tail = (): boolean => size > RELATIVE_CHARS && size <= HEAD_CHARS && (hint?.test(text) ?? true) && relativeTail(text, words);
    if (DIGIT.test(own)) return long.test(own) || (relative && words.test(own)) || tail();
    return (relative && words.test(own)) || tail();
  };
  const out: Array<[number, Element, string]> = [];
  owns.forEach(([el, own], i) => {
    if (hasDate(own) || ((CARRIER_TAGS.has(tag(el)) || el.getAttribute("itemprop")) && carriesDate(el))) out.push([i, el, own]);
    else if (own.length > HEAD_CHARS && own.trimEnd().endsWith(")")) {
      const sign = signatureTail(own); // «… — Олег Т. 14:05, 27 октября 2026 (MSK)»: dated by it
      if (sign !== null) out.push([i, el, sign]);
    }
  });
  return out;
}

/** The wiki signature that closes a long message (`comments.signature_tail`), else null. */
function signatureTail(own: string): string | null {
  const m = TABLE.search(fold(own.slice(-HEAD_CHARS)), "comments", "signature_tail");
  return m ? m[0].trim() : null;
}

/** Headings, titles, pagers, summaries, forms, empty blocks: list furniture, not content. */
export function isChrome(el: Element): boolean {
  if (TABLE.headingTags.has(tag(el)) || tag(el) === "form" || (el.getAttribute("class") ?? "").includes("tab-title")) return true;
  const text = fold(inlineText(el));
  if (!text) return true;
  if (titleOf(text) !== null) return true; // a tab's own title in a div («<div class="t-title">Отзывы</div>», Tilda)
  if (pager(el, text)) return true;
  if (cpLen(text) < 120 && loginPrompt(el)) return true;
  if (cpLen(text) < 120 && tabPointer(el)) return true;
  // a «Показать ещё» control is the list's, never the content after its last item
  const checks = [["pager", "range"], ["pager", "more"], ["reviews", "count"], ["comments", "count"]];
  return cpLen(text) < 120 && checks.some((path) => TABLE.search(text, ...path) !== null);
}

let tabAnchors: Set<string> | null = null; // `tabs.<name>.anchor`, read once

/** A line pointing to a tab of the listing for the rest of the list («Полная история версий — на
 * <a href="…/lumera.b2bprice/#tab-log-link">вкладке «Что нового»</a>» closing a mirror's changelog,
 * blind solution_discourse_lumera_b2bprice): a link to a tab's anchor (`tabs.<name>.anchor`), no
 * content of the last item (Python `_tab_pointer`). */
function tabPointer(el: Element): boolean {
  if (tabAnchors === null) {
    const specs = Object.values(TABLE.get("tabs") as Record<string, { anchor?: string }>);
    tabAnchors = new Set(specs.flatMap((spec) => (spec.anchor ? [spec.anchor] : [])));
  }
  const anchors = tabAnchors;
  const links = tag(el) === "a" ? [el, ...css(el, "a")] : css(el, "a");
  return links.some((a) => {
    const href = a.getAttribute("href") ?? "";
    return href.includes("#") && anchors.has(href.slice(href.lastIndexOf("#") + 1));
  });
}

/** Chrome, or a table's column-header block: what a list's structure passes over. A block of column
 * headers alone is no proof of an empty list (a grid's rows may load by script), so `isChrome`,
 * which also tells a body shown empty, leaves it out. */
function furniture(el: Element): boolean {
  return isChrome(el) || columnHeads(el);
}

/** A table's column-header block: two header cells or more (`th`, `role=columnheader`), no data
 * cell, and no text outside them («Версия | Дата | Изменения» in a header table of its own above
 * a grid's rows: Kendo UI, AG Grid; blind solution_kendo_jquery_corpsite_demo30). */
function columnHeads(el: Element): boolean {
  const heads = new Set<Element>();
  for (const node of [el, ...css(el, "*")]) {
    const role = node.getAttribute("role") ?? "";
    if (DATA_CELLS.has(tag(node)) || DATA_CELLS.has(role)) return false;
    if (HEAD_CELLS.has(tag(node)) || HEAD_CELLS.has(role)) heads.add(node);
    else if (!isBlank(ownText(node))) {
      let up = node.parentElement;
      while (up !== null && !heads.has(up)) up = up.parentElement;
      if (up === null) return false; // a text outside every header cell
    }
  }
  return heads.size >= 2;
}

/** A form's stand-in: a block whose every link leads to a login or registration page
 * («Чтобы задать вопрос, <a href="/user/login">войдите</a>.», `listing.login_links`). */
function loginPrompt(el: Element): boolean {
  const hrefs = css(el, "a").map((a) => a.getAttribute("href") ?? "");
  return hrefs.length > 0 && hrefs.every((h) => TABLE.search(fold(h), "listing", "login_links") !== null);
}

/** A pager without `PAGEN_` links (an ASP.NET postback or script pager): a line of page numbers,
 * arrows and step words («1 2 Далее »») with a link in it, a digit and two tokens at least. */
export function pageLinks(el: Element, text: string): boolean {
  if (el.querySelector("a") === null || !DIGIT.test(text) || text.split(/\s+/u).filter(Boolean).length < 2) return false;
  return TABLE.search(text, "pager", "links") !== null;
}

/** The text nodes of an element before its first child element (lxml's `el.text`). */
function leadingText(el: Element): string {
  let out = "";
  for (let n = el.firstChild; n && n.nodeType !== 1; n = n.nextSibling) if (n.nodeType === 3) out += (n as Text).data;
  return out;
}

/**
 * A dated block that opens with an answer title («Ответ разработчика (15.11.2026): …»): its first
 * text in document order (read without serialising the whole block).
 */
function answerHead(el: Element): boolean {
  const text = firstLeading(el);
  return text !== null && combined([["reviews", "answer_titles"]]).test(fold(text)); // every title as one alternation
}

/** The first non-blank leading text of the element or a descendant, in document order (no list built). */
function firstLeading(el: Element): string | null {
  const text = leadingText(el);
  if (!isBlank(text)) return text;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    const found = firstLeading(c);
    if (found !== null) return found;
  }
  return null;
}

/** The element or its first descendant, in document order, that is in `order` (no list built). */
function firstIn(el: Element, order: ReadonlyMap<Element, number>): Element | null {
  if (order.has(el)) return el;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    const found = firstIn(c, order);
    if (found) return found;
  }
  return null;
}

/** A dated line about the list, not an item: «Отзывы (12) · обновлено 12.11.2026». */
function summary(el: Element): boolean {
  const text = fold(inlineText(el));
  const checks = [["pager", "range"], ["reviews", "count"], ["comments", "count"]];
  return cpLen(text) < HEAD_CHARS && checks.some((path) => TABLE.search(text, ...path) !== null);
}

/**
 * An undated heading that opens the next item: it holds a number («2.1.0») and is no summary
 * («Отзывы: 7») — a section title («История версий») opens nothing.
 */
function opensItem(heading: Element): boolean {
  return DIGIT.test(inlineText(heading)) && !summary(heading);
}

/**
 * An item block's markup: its tag and class, and its first child's («div.mp-review» opening with
 * «div.mp-review__head»); null for a block without a class or without a child.
 */
function signature(el: Element): string | null {
  const cls = el.getAttribute("class");
  const first = el.firstElementChild;
  if (!cls || !first) return null;
  return [tag(el), cls, tag(first), first.getAttribute("class") ?? ""].join("\u0000");
}

/** A class the page's headings carry too (LibreOffice's «h2.western» beside every «p.western», the
 * style of the script the text is in): the document's text style, no markup of an item block — its
 * paragraphs are the items' parts, grouped as any run of blocks (Python `_text_style`). */
function textStyle(el: Element, cls: string): boolean {
  let top = el;
  while (top.parentElement) top = top.parentElement;
  const headings = [...TABLE.headingTags];
  return headings.length > 0 && [...top.querySelectorAll(headings.join(","))].some((h) => h.getAttribute("class") === cls);
}

/**
 * The markup every child that is not furniture repeats, when some of them hold no date: review
 * blocks of one class, only some dated (a date in a text or an answer dates no other block). Rows of
 * a table or a definition list pair up by position instead (tr + tr, dt + dd).
 */
function repeated(children: Element[], marked: ReadonlySet<Element>): string | null {
  if (children.every((c) => marked.has(c))) return null; // every block dated: each is an item already
  const sigs = children.map((c) => (PAIRED_TAGS.has(tag(c)) ? null : signature(c)));
  const at = children.findIndex((c, i) => marked.has(c) && sigs[i] !== null);
  const sig = at < 0 ? null : (sigs[at] as string);
  if (sig === null || sigs.filter((g) => g === sig).length < 2 || textStyle(children[0] as Element, sig.split("\u0000")[1] ?? "")) return null;
  return children.every((c, i) => sigs[i] === sig || furniture(c)) ? sig : null;
}

/**
 * The last dated child when a thematic break (`<hr>`) alone sets it apart from the items above it
 * and it is of another markup (tag and class) than the item before it: the note under the list
 * («<hr><p><em>Карточка актуальна на 22.11.2026</em></p>» closing a forum post's quoted reviews,
 * blind solution_discourse_lumera_b2bprice), not an item. Items separated from each other by
 * breaks too (another `<hr>` between them) or of one markup stay items (Python `_note_below`).
 */
function noteBelow(children: Element[], dated: Element[]): Element | null {
  const last = dated[dated.length - 1] as Element;
  const before = dated[dated.length - 2] as Element;
  if (tag(last) === tag(before) && last.getAttribute("class") === before.getAttribute("class")) return null;
  const at = children.indexOf(last);
  const first = children.indexOf(dated[0] as Element);
  const between = children.flatMap((c, i) => (tag(c) === BREAK_TAG && first < i && i < at ? [i] : []));
  return between.length === 1 && (between[0] as number) > children.indexOf(before) ? last : null;
}

/**
 * An undated first child that only states the list's count («Сообщений: 5» above BEM comments,
 * `comments.summary_line`) when two or more dated blocks follow it: list furniture, not content.
 * Inside or between posts such a line is a forum author's post count, so only the top one counts.
 */
function topSummary(children: Element[], marked: ReadonlySet<Element>): Element | null {
  const first = children[0];
  if (!first || marked.has(first) || children.filter((c) => marked.has(c)).length < 2) return null;
  const text = fold(inlineText(first));
  return cpLen(text) < HEAD_CHARS && TABLE.search(text, "comments", "summary_line") !== null ? first : null;
}

/** Two blocks of the same class: items of one list, not a list and its summary line. */
function alike(a: Element, b: Element): boolean {
  const cls = a.getAttribute("class");
  return !!cls && tag(a) === tag(b) && cls === b.getAttribute("class");
}

function grouped(container: Element, marked: ReadonlySet<Element>, siblings: boolean, repeat: string | null = null, skip: ReadonlySet<Element> = new Set(), joins: ReadonlySet<Element> = new Set()): Element[] {
  const groups: Element[][] = [];
  const children = childElements(container);
  const dated = children.filter((c) => marked.has(c));
  // a list's summary sits at one of its ends (and a list of one has none); a block of the same
  // markup as its neighbour is an item that mentions a count («Прочитал 50 отзывов …»)
  const ends = new Set<Element>();
  if (dated.length > 1) {
    const pairs: Array<[Element, Element]> = [[dated[0] as Element, dated[1] as Element], [dated[dated.length - 1] as Element, dated[dated.length - 2] as Element]];
    for (const [end, neighbour] of pairs) if (!alike(end, neighbour) && summary(end)) ends.add(end);
    const note = noteBelow(children, dated);
    if (note) ends.add(note);
  }
  const top = topSummary(children, marked);
  if (top) ends.add(top);
  const headers = subHeaders(children, marked);
  let lead: Element | null = null; // an undated heading right before a dated child opens that child's item
  // a bare dated head just opened («<p><b>2.4.0 (14.10.2026)</b></p>», then its <ul>): in a list whose
  // other items carry their text inline («<p><b>2.3.2 (28.08.2026)</b><br>…</p>»), the one undated
  // block right after such a head is its body even without `siblings` (no `repeat` markup)
  let bareHead = false;
  // with `siblings`, the open item's head is a short block alone (`HEAD_CHARS`) dating it before
  // any sentence («Ксения М., 20 октября 2026, 10:14»): a dated block after it whose date follows a
  // sentence of its own (`quotesDate`: «Ксения, спасибо, воспроизвели. Исправление войдёт в 2.7.2
  // (планируем выпустить до 30.10.2026)») is that item's text quoting a date, no item of its own (a
  // pasted thread's flat paragraphs)
  let headed = false;
  for (const child of children) {
    if (ends.has(child)) continue;
    if (skip.has(child)) {
      lead = null; // another section's list and its title: no item, joins none
      bareHead = false;
      headed = false;
      continue;
    }
    // a thread of replies (`replyThreads`) joins the item before it
    const opens =
      (marked.has(child) || (repeat !== null && signature(child) === repeat)) &&
      !(groups.length && joins.has(child)) &&
      !(headed && marked.has(child) && quotesDate(child));
    const body = bareHead;
    bareHead = false;
    if (opens && !(groups.length && answerHead(child))) {
      groups.push(lead ? [lead, child] : [child]);
      bareHead = repeat === null && marked.has(child) && cpLen(inlineText(child)) <= BARE_HEAD_CHARS;
      // a head alone, its message in the blocks after
      headed = siblings && marked.has(child) && cpLen(inlineText(child)) <= HEAD_CHARS && quotesDate(child, false);
    } else if (groups.length && (marked.has(child) || ((siblings || body) && !furniture(child) && !headers.has(child)) || answerHead(child))) {
      (groups[groups.length - 1] as Element[]).push(child); // an undated «Ответ разработчика» block after an item is its answer
    }
    lead = siblings && !marked.has(child) && TABLE.headingTags.has(tag(child)) && opensItem(child) ? child : null;
  }
  endOutro(groups);
  endInlineOutro(groups);
  return groups.map((group) => {
    const first = group[0] as Element;
    if (group.length === 1) return first;
    const wrapper = container.ownerDocument.createElement("div");
    container.insertBefore(wrapper, first);
    for (const node of group) moveWithTail(node, wrapper);
    return wrapper;
  });
}

const SHAPED_LISTS = new Set(["ul", "ol", "dl"]); // the body a row head opens, in a list of head + list items

// a sentence's end: a word (two letters at least, no initial «А.» nor «г.») ending in «.», «!» or «?»,
// then a space or the end
const SENTENCE_END = /\p{L}{2}[.!?](?:\s|$)/u;

/** The block's first date follows a sentence of its text (`SENTENCE_END` before it): a message's
 * text quoting a date; with `quotes` false, a date follows none: a head that dates an item («Артём
 * Л., 25 ноября 2026», «2.7.3 (16.11.2026)»). A block with no date read in it is neither (Python
 * `_quotes_date`). */
function quotesDate(el: Element, quotes = true): boolean {
  const text = fold(inlineText(el));
  const m = dateSearch(text);
  return m !== null && SENTENCE_END.test(text.slice(0, m.index)) === quotes;
}

/**
 * Cut the last item back to the shape of the others when every other item (two at least) is one and
 * the same run of blocks ending in a list (a dated head and its list: «<p><b>Версия 3.6.0 от
 * 20.01.2026</b></p><ul>…</ul>») and the last runs on past that shape: what follows its own list is the
 * section's outro («<p>Полная история версий — на странице решения</p>», a closing note), not that
 * item's text (blind solution_ozon_kvarcline_deliverycalc). Items of no such list shape (a review and
 * its answer block) are left as they are, and so is a run past the shape that holds a block `grouped`
 * attached as the item's answer («<p>Ответ разработчика: …</p>» after the last review's list): that is
 * the item's own answer, not an outro (Python `_end_outro`).
 */
function endOutro(groups: Element[][]): void {
  if (groups.length < 3) return;
  const shapeOf = (group: Element[]): string => group.map((node) => tag(node)).join(" ");
  const first = groups[0] as Element[];
  const shape = shapeOf(first);
  if (first.length < 2 || !SHAPED_LISTS.has(tag(first[first.length - 1] as Element))) return;
  if (groups.slice(1, -1).some((group) => shapeOf(group) !== shape)) return;
  const last = groups[groups.length - 1] as Element[];
  if (last.length <= first.length || shapeOf(last.slice(0, first.length)) !== shape) return;
  if (last.slice(first.length).some((node) => answerHead(node))) return;
  last.splice(first.length);
}

/** Cut the last item back to its first block when the items carry their text inline («<p><b>4.1.3
 * (11.07.2026)</b><br>Совместимость…</p>», two at least of one block), a block runs on past the last one
 * and only bare heads (BARE_HEAD_CHARS, no <br>: «<p><b>4.2.0 (30.09.2026)</b></p>» then its <ul>) had blocks
 * after them: what follows the last full item is the section's outro («<p>Следующая версия 4.3.0
 * запланирована на январь 2027</p>», blind solution_avito_listven_florashop), not that item's text. A
 * block attached as the item's answer («Ответ разработчика: …») stays, and so does a block after a first one
 * ending with a colon («Первый релиз. Возможности:» then its <ul>): it introduces the item's own list
 * (Python `_end_inline_outro`). */
function endInlineOutro(groups: Element[][]): void {
  const last = groups[groups.length - 1];
  if (groups.length < 3 || !last || last.length < 2) return;
  const others = groups.slice(0, -1);
  // a short head with no line break: its text (if any) is in the next block
  const bare = (node: Element): boolean => cpLen(inlineText(node)) <= BARE_HEAD_CHARS && !childElements(node).some((c) => tag(c) === "br");
  if (bare(last[0] as Element) || others.some((group) => group.length > 1 && !bare(group[0] as Element))) return;
  if (inlineText(last[0] as Element).trimEnd().endsWith(":")) return; // «Первый релиз. Возможности:» + its own <ul>
  if (others.filter((group) => group.length === 1).length < 2 || last.slice(1).some((node) => answerHead(node))) return;
  last.splice(1);
}

/**
 * The list's sub-headers: undated short blocks (a title's length) of the markup, tag and class, of an
 * undated block among them that titles a tab or is a heading. Onsen UI's «<ons-list-header
 * class="list-header">Планы</ons-list-header>» repeats the «История версий» header of the same list:
 * it opens the next part (the roadmap), it is no text of the release above it (blind
 * solution_onsenui_tabbar_yug_furniture_site: the last release read «… звонка. Планы») (Python `sub_headers`).
 */
function subHeaders(children: Element[], marked: ReadonlySet<Element>): Set<Element> {
  const undated = children.filter((c) => !marked.has(c) && c.getAttribute("class"));
  const kindKey = (c: Element): string => `${tag(c)}\u0000${c.getAttribute("class") ?? ""}`;
  const kinds = new Set(undated.filter((c) => isHeading(c) || titleOf(fold(inlineText(c)))).map(kindKey));
  if (!kinds.size) return new Set();
  return new Set(undated.filter((c) => kinds.has(kindKey(c)) && cpLen(inlineText(c)) <= MAX_TITLE_CHARS));
}

/** A row head rather than a whole item: a short block («3.2.1 — 18 ноября», «Иван, 12.11.2026»). */
function thin(el: Element): boolean {
  return cpLen(inlineText(el)) <= HEAD_CHARS;
}

/** A block of buttons only under a list («Показать ещё», «Оставить отзыв»: Ant Design's
 * `ant-list-load-more` beside the list's items; a link drawn as a button, `listing.button_links`:
 * jQuery Mobile's «<a class="ui-btn" data-rel="popup">Написать комментарий</a>»): the list wrapper
 * around it is still a pure wrapper (blind solution_antd5_descriptions_free_comments_partial,
 * solution_jquery_mobile_listview_free_landing). Read for the descent only: a tab body holding just
 * a «Загрузить отзывы» button is not shown empty, its list is unread. */
function controls(el: Element): boolean {
  const selector = TABLE.entries("listing", "button_links").map((e) => String(e.css)).join(", ");
  const anchors = css(el, "a");
  const links = new Set(anchors.length ? css(el, selector) : []);
  for (const a of anchors) if (postAction(a)) links.add(a); // «Написать отзыв» drawn by utility classes only
  const buttons = css(el, "*").filter((b) => tag(b) === "button" || b.getAttribute("role") === "button" || links.has(b));
  const outer = buttons.filter((b) => !buttons.some((a) => a !== b && a.contains(b)));
  const text = inlineText(el);
  if (!outer.length || cpLen(text) >= HEAD_CHARS) return false;
  const pressed = outer.map(inlineText).join(""); // nothing but the buttons' words, spaces aside
  return fold(text).split(" ").join("") === fold(pressed).split(" ").join("");
}

/** An undated field of a form beside the list (a label and its input, textarea or radio group:
 * «Ваше имя:», «Ваш отзыв», «Оценка Плохо ○○○○○ Хорошо»), its words short: OpenCart's
 * `form#form-review` holds the `#review` list above its fields, and the form is still a pure wrapper
 * around that list (blind solution_opencart3_reseller_site_demo30). A hidden input alone makes no
 * field; read for the descent only, like `controls`. */
function fields(el: Element): boolean {
  const found = css(el, "input, textarea, select").filter((f) => (f.getAttribute("type") ?? "").toLowerCase() !== "hidden");
  return found.length > 0 && cpLen(inlineText(el)) < HEAD_CHARS;
}

/** A star distribution beside the list: rows of a grade and its count only («5★ 19 4★ 2 3★ 0»,
 * «5 звезд — 12», `reviews.histogram_row`), three at least, nothing else of letters or digits in it
 * (Dojo's ProgressBar rows above the reviews, blind solution_dojo_dijit_iso88595_ladya_importer).
 * Read for the descent only, like `controls`: a lone «★★★★☆» after a dated head stays its stars. */
function histogram(text: string): boolean {
  if (!text || cpLen(text) >= HEAD_CHARS) return false;
  const rows = TABLE.global("reviews", "histogram_row")[0] as RegExp;
  const found = [...text.matchAll(rows)].length;
  const rest = text.replace(rows, " ");
  return found >= MIN_HEADS && !LETTER.test(rest) && !DIGIT.test(rest);
}

/** A link whose whole text calls to post to the list («Написать отзыв», «Задать вопрос»:
 * `listing.post_actions`), whatever it is drawn with (Python `_post_action`). */
function postAction(link: Element): boolean {
  const text = inlineText(link);
  return cpLen(text) <= MAX_TITLE_CHARS && TABLE.search(fold(text), "listing", "post_actions") !== null;
}

const MAX_COLUMN_DEPTH = 3; // how deep a column of list furniture nests its parts (column › block › line)

/** An undated block beside the list made of list furniture only, each of its child blocks furniture,
 * controls, fields, a list note or such a block itself: Tailwind UI's «Customer reviews» column (the
 * heading, the average and its stars, the star distribution under its visually hidden title, the
 * «Поделитесь мнением» call with its post policy and «Написать отзыв» link) in a grid beside the
 * reviews (blind solution_nextjs_headlessui_tabs_kama_delivery). A block with text of its own, or with
 * no child block, is none: a review's text is never furniture. Read for the descent only, like
 * `controls` (Python `_furniture_column`). */
function furnitureColumn(el: Element, name: string | null, depth = 0): boolean {
  const kids = childElements(el);
  if (!kids.length || depth >= MAX_COLUMN_DEPTH || !isBlank(ownText(el))) return false;
  return kids.every((c) => furniture(c) || controls(c) || fields(c) || listNote(c, name) || furnitureColumn(c, name, depth + 1));
}

/** An undated note beside a list's items that leaves its wrapper a pure one (`histogram`, `postPolicy`,
 * `roadmap` in a log), its text folded once for the three. */
function listNote(el: Element, name: string | null): boolean {
  const text = fold(inlineText(el));
  return histogram(text) || postPolicy(text) || (name === "log" && roadmap(text));
}

/** A short note on who may post to the list («Отзывы могут оставлять только покупатели решения.»,
 * `listing.post_policy`) beside its items: Chakra UI's `p.chakra-text` between the rating summary and
 * the cards' stack leaves that stack the one dated block of a pure wrapper (blind
 * solution_chakra_ui_biryuza_smsnotify). Read for the descent only, like `controls`. */
function postPolicy(text: string): boolean {
  return cpLen(text) < HEAD_CHARS && TABLE.search(text, "listing", "post_policy") !== null;
}

/** The dated blocks beside a log's releases that are its roadmap: a plan word before the first version
 * of its head (`roadmap`), or its heading a plan's («<h3>Планы развития</h3> … 5.3.0 … выпуск
 * ориентировочно 20.01.2027» after the Disclosures of the releases, blind
 * solution_nextjs_headlessui_tabs_kama_delivery: its badge «в работе» glued to «5.3.0» hides the version
 * token). A planned date is no release's: the block is passed over like another section's list. Only
 * beside another dated child (a log made of its roadmap alone stays as it is: its releases are unknown,
 * not that block) (Python `_dated_roadmaps`). */
function datedRoadmaps(children: Element[], marked: ReadonlySet<Element>, name: string | null): Element[] {
  if (name !== "log") return [];
  const holders = children.filter((c) => marked.has(c));
  if (holders.length < 2) return [];
  const planned = (block: Element, at: number): boolean => {
    const title = blockTitle(children, at, marked);
    if (title && TABLE.search(fold(inlineText(title)), "changelog", "planned_head")) return true;
    return roadmap(fold(inlineText(block)));
  };
  const plans = children.filter((c, at) => marked.has(c) && planned(c, at));
  return plans.length < holders.length ? plans : [];
}

/** An undated note on a coming release above a log («В разработке: версия 3.7.0 … Ориентировочный выпуск —
 * декабрь 2026»: Chakra UI's `chakra-alert` over the releases, blind solution_chakra_ui_biryuza_smsnotify): a
 * plan word (`changelog.planned_head`) before the first version token of its head. Read for the descent of a
 * log only, like `controls`. */
function roadmap(folded: string): boolean {
  const text = head(folded, HEAD_CHARS);
  const version = TABLE.search(text, "changelog", "version_token");
  if (version === null) return false;
  const start = version.index + version[0].length - (version[1] ?? "").length; // group 1 ends the match
  return TABLE.search(text.slice(0, start), "changelog", "planned_head") !== null;
}

/** The undated blocks after the list's page navigation (`PAGEN_` links or a line of page links after
 * the last dated block): the pager closes the list, what follows it is the section's note («Оставить
 * отзыв могут только пользователи, установившие решение.», blind
 * solution_dojo_dijit_iso88595_ladya_importer), none of an item. One review with its answer holds no
 * pager, so the wrapper it is stays undescended. Read for the descent only. */
function belowPager(kids: Element[], marked: ReadonlySet<Element>): Set<Element> {
  let last = -1;
  kids.forEach((c, at) => {
    if (marked.has(c)) last = at;
  });
  if (last < 0) return new Set();
  for (let at = last + 1; at < kids.length; at++) {
    const kid = kids[at] as Element;
    if (pager(kid, fold(inlineText(kid)))) return new Set(kids.slice(at + 1));
  }
  return new Set();
}

/** The undated blocks before a wrapper's first dated child when that child opens a list: it and
 * `MIN_HEADS` - 1 more dated children or more of its markup (`signature`), or it lists `MIN_HEADS`
 * dated blocks of one kind itself (`subItems`), neither it nor its first row named a reply
 * (`comments.reply_hint`: a thread of replies opens with one; a list of messages opens with a message,
 * whatever reply rows follow it, APEX Comments' «li.t-Comments-item.is-reply» after the review it
 * answers, blind solution_apex23_universal_theme_lazurit_gardenshop).
 * Whatever stands above a list — its title, a note on where the items come from («Всего сообщений: 12.
 * Ниже — 10 последних…», «По данным вкладки «Что нового»…»), a star distribution drawn one grade per
 * block — is no item's text: items follow it (a Liferay Web Content article re-rendering the listing's
 * tabs, blind solution_liferay74_journal_portlets_cp1251_neva_edo). A block of the list's own markup is
 * an undated item, never its intro; a thread of replies after a review's undated text stays one review;
 * in a log, a note naming something else than the releases (`changelog.foreign_title`: «Совместимость
 * модуля с версиями главного модуля:» over its checked versions) makes the list that thing's, as in
 * `notedList`. Read for the descent only, like `controls` (Python `_list_intro`). */
function listIntro(kids: Element[], marked: ReadonlySet<Element>, direct: ReadonlySet<Element>, name: string | null): Set<Element> {
  const at = kids.findIndex((c) => marked.has(c));
  if (at <= 0) return new Set(); // no dated child, or nothing above the first one
  const first = kids[at] as Element;
  const sig = signature(first);
  let rows = kids.slice(at).filter((c) => marked.has(c) && sig !== null && signature(c) === sig);
  if (rows.length < MIN_HEADS) {
    rows = subItems(first, marked, direct) ?? [];
    if (rows.length < MIN_HEADS) return new Set();
  }
  if (replies(first, rows.slice(0, 1))) return new Set();
  const intro = kids.slice(0, at).filter((c) => sig === null || signature(c) !== sig);
  if (name === "log" && intro.some((c) => TABLE.search(fold(inlineText(c)), "changelog", "foreign_title"))) return new Set();
  return new Set(intro);
}

/** A block of page navigation (`text` its folded text): `PAGEN_` links, or a short line of page links
 * (`pageLinks`). */
function pager(el: Element, text: string): boolean {
  if (css(el, "a").some((a) => (a.getAttribute("href") ?? "").includes("PAGEN_"))) return true;
  return cpLen(text) < 120 && pageLinks(el, text);
}

/** Dated heads each followed by its content as siblings (h3 + p, a header row + a text row). */
function heads(children: Element[], marked: ReadonlySet<Element>): boolean {
  // the set test first: a list whose children are all dated needs no text serialised
  return children.some((c) => !marked.has(c)) && children.filter((c) => marked.has(c)).every(thin);
}

/**
 * Dated heads followed by their content beside dated rows that carry their own text (a log mixing
 * «<p><b>3.2.1</b> (12.11.2026)</p><ul>…</ul>» with «<p><b>3.1.2</b> (09.09.2026)<br>…</p>»): at least
 * MIN_HEADS dated children, and every dated child that undated content follows is a head (`thin`).
 * A long dated block followed by undated text is a whole item beside a note: no.
 */
function contentHeads(children: Element[], marked: ReadonlySet<Element>): boolean {
  if (children.filter((c) => marked.has(c)).length < MIN_HEADS) return false;
  const headers = subHeaders(children, marked);
  const followed = children.filter((c, i) => {
    const next = children[i + 1];
    return marked.has(c) && next !== undefined && !marked.has(next) && !furniture(next) && !headers.has(next);
  });
  return followed.length > 0 && followed.every(thin);
}

/** An element's markup for telling lists apart: its tag and first class token («li.comment even» and
 * «li.comment odd» are one kind). A table's rows are rows of one kind whatever their class: a striped
 * table alternates it («<tr class="p-row-odd">», «<tr class="p-row-even">»: PrimeVue's DataTable, blind
 * solution_primevue3_tabview_windows1251_bereg_bonus). */
function kindOf(el: Element): string {
  if (tag(el) === "tr") return "tr\u0000";
  const cls = (el.getAttribute("class") ?? "").split(/\s+/u).filter(Boolean)[0] ?? "";
  return `${tag(el)}\u0000${cls}`;
}

/** The dated blocks of one kind a block is a list of: below it (through wrappers with one dated
 * child), two dated children or more, all of one kind, and no date of the block's own on the way
 * (a review's own dated head beside a thread of replies makes it a review, not a list). */
function subItems(block: Element, marked: ReadonlySet<Element>, direct: ReadonlySet<Element>): Element[] | null {
  let node = block;
  while (!direct.has(node)) {
    const kids = childElements(node).filter((k) => marked.has(k));
    if (kids.length >= 2) {
      const kind = kindOf(kids[0] as Element);
      return kids.every((k) => kindOf(k) === kind) ? kids : null;
    }
    if (!kids.length) return null;
    node = kids[0] as Element;
  }
  return null;
}

function isHeading(el: Element): boolean {
  return TABLE.headingTags.has(tag(el)) || el.getAttribute("role") === "heading";
}

/** The undated heading that titles a child block: its own first child, else the sibling right before it. */
function blockTitle(children: Element[], at: number, marked: ReadonlySet<Element>): Element | null {
  const first = (children[at] as Element).firstElementChild;
  if (first && !marked.has(first) && isHeading(first)) return first;
  const before = at ? (children[at - 1] as Element) : null;
  return before && !marked.has(before) && isHeading(before) ? before : null;
}

/** A sub-section title that names something other than the tab being read: words that title no tab
 * or another tab («Похожие обсуждения», «Последние отзывы о других решениях», «Вопросы о решении»
 * inside the reviews). A title with a number besides its count groups the list's own items
 * («Ноябрь 2026», «Версия 2.x»). */
function otherTitle(text: string, name: string | null): boolean {
  const folded = fold(text);
  if (!LETTER.test(folded) || cpLen(folded) > HEAD_CHARS) return false;
  if (DIGIT.test(folded.replace(COUNT, " "))) return false;
  if (name === "log" && TABLE.search(folded, "changelog", "older_title")) return false; // «Более ранние версии»: the log's own
  return titleOf(folded) !== name;
}

/** Dated children that are another section's list beside the list's own items: a block titled by its
 * own heading (`otherTitle`) that lists dated blocks of one kind, its kind and its items' unlike every
 * other dated child's and every dated block in them (the same reviews under a subheading stay the list's). The «Отзывы о других
 * решениях» widget under the reviews, «Похожие обсуждения» under the comments, a site's «Последние
 * комментарии» strip caught in a heading's section. Returns the blocks and their titles, passed over
 * by the list (items are read only from the section's own extent). */
function otherLists(children: Element[], marked: ReadonlySet<Element>, direct: ReadonlySet<Element>, name: string | null): Element[] {
  const holders = children.filter((c) => marked.has(c));
  if (holders.length < 2) return [];
  // the titled lists first (a title is a child's tag, its sub-items a walk, the title's words regexes, cheapest
  // first): most lists have none, and then no other block's sub-items are read
  const titled = new Map<Element, [Element, Element[]]>();
  children.forEach((block, at) => {
    if (!marked.has(block)) return;
    const title = blockTitle(children, at, marked);
    const sub = title ? subItems(block, marked, direct) : null;
    if (title && sub && otherTitle(inlineText(title), name)) titled.set(block, [title, sub]);
  });
  if (!titled.size) return [];
  const subs = new Map(holders.map((c) => [c, titled.get(c)?.[1] ?? subItems(c, marked, direct)]));
  const kinds = new Map(holders.map((c) => {
    const sub = subs.get(c);
    return [c, sub ? kindOf(sub[0] as Element) : kindOf(c)];
  }));
  const found: Element[] = [];
  children.forEach((block) => {
    const [title, sub] = titled.get(block) ?? [null, null];
    if (!title || !sub) return;
    const rest = holders.filter((h) => h !== block);
    if (rest.some((h) => kindOf(h) === kindOf(block) || kinds.get(h) === kinds.get(block))) return;
    const kind = kinds.get(block);
    if (rest.some((h) => [h, ...css(h, "*")].some((d) => marked.has(d) && kindOf(d) === kind))) return; // the list's own items are of that kind too
    const classes = fold([block, ...sub].map((k) => k.getAttribute("class") ?? "").join(" "));
    if (TABLE.search(classes, "comments", "reply_hint")) return; // a thread of replies («<div class="replies"><h5>Ответы</h5><div class="reply">…»)
    found.push(block, title);
  });
  const kept = holders.filter((h) => !found.includes(h));
  if (!kept.length) return []; // nothing of the section's own would stay: no list to tell them from
  // a widget sits before or after the list, never between two of its items
  const first = holders.indexOf(kept[0] as Element);
  const last = holders.indexOf(kept[kept.length - 1] as Element);
  const between = new Set(holders.slice(first + 1, last).filter((h) => found.includes(h)));
  return found.filter((_, at) => !between.has(found[at - (at % 2)] as Element));
}

function containers(body: Element, marked: Set<Element>, direct: ReadonlySet<Element>, name: string | null, aside: Element[]): Element[] {
  let container = body;
  let repeat: string | null;
  const skip = new Set<Element>(); // another section's list beside the items (`otherLists`): passed over
  for (;;) {
    const children = childElements(container);
    for (const other of [...otherLists(children, marked, direct, name), ...datedRoadmaps(children, marked, name)]) {
      skip.add(other);
      aside.push(other);
      marked.delete(other);
      for (const d of css(other, "*")) marked.delete(d);
    }
    const holders = children.filter((c) => marked.has(c));
    if (holders.length !== 1) {
      repeat = holders.length ? repeated(children, marked) : null;
      break;
    }
    repeat = repeated(children, marked);
    if (repeat !== null) break; // blocks of one markup right here, only one of them dated: each is an item
    const only = holders[0] as Element;
    const kids = childElements(only);
    for (const plan of datedRoadmaps(kids, marked, name)) {
      // undated now: a note the descent passes over, and no release's text if the descent stops at its list (a roadmap row)
      skip.add(plan);
      aside.push(plan);
      marked.delete(plan);
      for (const d of css(plan, "*")) marked.delete(d);
    }
    const top = topSummary(kids, marked);
    const below = belowPager(kids, marked);
    const intro = listIntro(kids, marked, direct, name);
    const wrapper =
      isBlank(ownText(only)) && kids.every((c) => marked.has(c) || c === top || below.has(c) || intro.has(c) || furniture(c) || controls(c) || fields(c) || listNote(c, name) || furnitureColumn(c, name));
    repeat = wrapper ? null : repeated(kids, marked);
    if (repeat !== null) {
      container = only; // review blocks of one markup, one of them dated: each is an item
      break;
    }
    const run = kids.filter((c) => marked.has(c)).length >= MIN_HEADS && heads(kids, marked);
    // the list itself, its rest folded, beside its notes: `foldedRest`
    if (!(wrapper || run || LIST_TAGS.has(tag(only)) || notedList(kids, marked, direct, name) || foldedRest(kids, marked, direct)[0].length)) break;
    container = only;
  }
  const children = childElements(container);
  const groups = dateGroups(children, marked, direct);
  if (groups.length) {
    // «2026»: …, «2025»: …: each group's items are the list's items
    for (const group of groups) aside.push(blockTitle(children, children.indexOf(group), marked) as Element);
    return groups.flatMap((group) => containers(group, marked, direct, name, aside));
  }
  const parts = listParts(children, marked, direct);
  // the shown items, then the rest folded into a collapsed block: one list in parts
  if (parts.length) return parts.flatMap((part) => containers(part, marked, direct, name, aside));
  const [folds, notes] = foldedRest(children, marked, direct);
  if (folds.length) {
    // the first items here, the rest folded after them: one list; what follows is its note
    const unfolded = folds.flatMap((block) => containers(block, marked, direct, name, aside));
    const passed = new Set([...skip, ...folds, ...notes]);
    const kept = children.filter((c) => !passed.has(c));
    const siblings = repeat === null && (LIST_TAGS.has(tag(container)) || heads(kept, marked) || contentHeads(kept, marked));
    return [...grouped(container, marked, siblings, repeat, passed), ...unfolded];
  }
  const joins = replyThreads(children, marked, direct);
  const years = yearRows(children, marked);
  if (years.length) {
    // «2025» between the rows: a separator, no item and no item's text
    aside.push(...years);
    for (const year of years) skip.add(year);
  }
  if (repeat !== null) return grouped(container, marked, false, repeat, skip, joins);
  const folded = foldedLog(children, marked, direct, name);
  if (folded !== null) {
    // the newest releases' heading sections, then the older ones' rows
    const [at, rows] = folded;
    const shown = shownRows(children.slice(0, at), marked, direct);
    if (shown) return [...shown, ...rows]; // the newest releases' table (or list) of rows, then the older ones' rows
    const rest = new Set([...skip, ...children.slice(at)]);
    const sections = heads(children.slice(0, at), marked); // dated heads and their text, or whole release sections
    return [...grouped(container, marked, sections, null, rest, joins), ...rows];
  }
  // a mixed log: «3.2.1 (date)» + ul beside «3.1.2 (date)<br>…» (contentHeads)
  const siblings = LIST_TAGS.has(tag(container)) || heads(children, marked) || contentHeads(children, marked);
  return grouped(container, marked, siblings, null, skip, joins);
}

/** The undated children whose whole text is a year or a month and its year (`listing.year_row`: «2025»,
 * «Ноябрь 2026») right before a dated child: separators between the list's rows (Quasar's
 * «<li class=q-timeline__heading>2025</li>» among the q-timeline's entries, blind
 * solution_quasar2_qtabs_koi8_vesta_crm), not the text of the row above them (Python `_year_rows`). */
function yearRows(children: Element[], marked: ReadonlySet<Element>): Element[] {
  return children.filter((child, at) => {
    const next = children[at + 1];
    if (marked.has(child) || next === undefined || !marked.has(next)) return false;
    const text = fold(inlineText(child));
    return cpLen(text) <= BARE_HEAD_CHARS && TABLE.search(text, "listing", "year_row") !== null;
  });
}

/** A release log whose newest releases are dated heads each followed by its text (h3 + ul) and whose
 * older ones are folded into one block after them («<details><summary>Более ранние
 * версии</summary><table>…</table></details>», blind solution_github_readme_vektorsoft_pricelists):
 * the folded block is the last dated child and lists two dated rows or more of one kind (`subItems`;
 * a head holds one date, short or not). The newest releases may also be whole sections of one markup, head and
 * text in each, the folded block of another («<div class=chakra-stack><h3>Версия 3.6.1</h3>…</div>» ×3, then a
 * `chakra-accordion` of the older ones, blind solution_chakra_ui_biryuza_smsnotify). Returns its place among
 * the children and its rows, each a release of the same log; what follows it undated (a roadmap) is no
 * release's text. Null for any other list: a review's thread of replies is no release table (the log only). */
function foldedLog(children: Element[], marked: ReadonlySet<Element>, direct: ReadonlySet<Element>, name: string | null): [number, Element[]] | null {
  if (name !== "log") return null;
  const dated = children.filter((c) => marked.has(c));
  if (dated.length < 2) return null;
  const last = dated[dated.length - 1] as Element;
  if (direct.has(last)) return null;
  const at = children.indexOf(last);
  const first = kindOf(dated[0] as Element);
  if (dated.slice(0, -1).every(thin)) {
    // heads with no text of their own after them: a list of rows, not sections
    if (!children.slice(0, at).some((c) => !marked.has(c))) return null;
  } else if (dated.slice(0, -1).some((c) => kindOf(c) !== first) || kindOf(last) === first) {
    return null; // whole sections must be of one markup, the folded block of another
  }
  const rows = subItems(last, marked, direct);
  return rows ? [at, rows] : null;
}

/** The rows of a folded log's newest releases when they are one list of rows themselves (a table with
 * a row per release above the accordion of the older ones: blind
 * solution_primevue3_tabview_windows1251_bereg_bonus): the one dated block before the folded one lists
 * two dated rows or more of one kind (`subItems`), else null (heads with their text, or whole release
 * sections, are grouped as such; Python `_shown_rows`). */
function shownRows(before: Element[], marked: ReadonlySet<Element>, direct: ReadonlySet<Element>): Element[] | null {
  const dated = before.filter((c) => marked.has(c));
  if (dated.length !== 1 || direct.has(dated[0] as Element)) return null;
  return subItems(dated[0] as Element, marked, direct);
}

/** A list's wrapper whose one dated child is a list of MIN_HEADS dated rows or more of one kind
 * (`subItems`) beside undated notes: a roadmap line above the releases («В разработке: версия 5.0.0
 * …»), a link to the full history below them (a Bootstrap 3 `panel-body` around a `list-group`, blind
 * solution_bootstrap3_panel_collapse_sosna_warehouse), who may post above the reviews («Отзывы
 * оставляют только покупатели лицензии», a Bitrix `ui-alert` over `mp-reviews__list`, blind
 * solution_bxvue3_uikit_redesign_svir_yookassa). The notes are no item: the descent goes on into the
 * list. In a log, a note naming something else than the releases (`changelog.foreign_title`:
 * «Совместимость модуля с версиями главного модуля:» over its checked versions) makes the list that
 * thing's, and the log stays unread. A list of replies (`comments.reply_hint` in its class or its
 * rows') is a review's or a message's thread beside its undated text: one item, not the list (Python
 * `_noted_list`). */
function notedList(kids: Element[], marked: ReadonlySet<Element>, direct: ReadonlySet<Element>, name: string | null): boolean {
  const dated = kids.filter((c) => marked.has(c));
  if (dated.length !== 1) return false;
  if (name === "log" && kids.some((c) => !marked.has(c) && TABLE.search(fold(inlineText(c)), "changelog", "foreign_title") !== null)) return false;
  const rows = subItems(dated[0] as Element, marked, direct);
  if (rows === null || rows.length < MIN_HEADS) return false;
  return name === "log" || !replies(dated[0] as Element, rows);
}

/** Whether a block's class or its rows' names replies (`comments.reply_hint`: «div.replies», a flat
 * «ul.children»): a thread under the message before it (Python `_replies`). */
function replies(block: Element, rows: Element[]): boolean {
  const classes = fold([block, ...rows].map((k) => k.getAttribute("class") ?? "").join(" "));
  return TABLE.search(classes, "comments", "reply_hint") !== null;
}

/** A block shown on demand only: hidden by its own markup (`dom.hidden`), a closed `<details>`, or right
 * beside a control that unfolds it («Показать ещё 6 версий», `pager.more`; Python `_folded`). */
function folded(block: Element, children: Element[]): boolean {
  if (hidden(block) || (tag(block) === "details" && !block.hasAttribute("open"))) return true;
  const at = children.indexOf(block);
  const near = [...children.slice(Math.max(at - 1, 0), at), ...children.slice(at + 1, at + 2)];
  return near.some((c) => controls(c) && TABLE.search(fold(inlineText(c)), "pager", "more") !== null);
}

/** [folds, notes] of a list whose first items stand right here and whose rest is folded into a closed
 * block after them (`folded`): «<div class=mp-changelog__item>» ×4, then «<div class=mp-changelog__more
 * style="display: none">» holding six more of them and a «Показать ещё 6 версий» button (blind
 * solution_bxvue3_uikit_redesign_svir_yookassa). The dated children open with blocks of one kind
 * (`kindOf`); the folds follow them, each listing blocks of that kind only (`listsKind`) and naming no
 * replies (`replies`: a thread is its message's); MIN_HEADS items in all. The dated blocks of another
 * kind after the folds are the section's notes («Более ранние версии (1.0.0 — 4.1.3) выпускались с
 * 22.03.2021»), not items: what follows a list's folded rest is no item of it. An item of the shown
 * kind after a fold, or none folded: [[], []] (Python `_folded_rest`). */
function foldedRest(children: Element[], marked: ReadonlySet<Element>, direct: ReadonlySet<Element>): [Element[], Element[]] {
  const holders = children.filter((c) => marked.has(c));
  if (holders.length < 2) return [[], []];
  const kind = kindOf(holders[0] as Element);
  let shown = 0;
  while (shown < holders.length && kindOf(holders[shown] as Element) === kind) shown += 1;
  const rowsOf = (block: Element): Element[] => [block, ...css(block, "*")].filter((d) => marked.has(d) && kindOf(d) === kind);
  const folds: Element[] = [];
  for (const block of holders.slice(shown)) {
    if (direct.has(block) || !listsKind(block, kind, marked, direct) || !folded(block, children) || replies(block, rowsOf(block))) break;
    folds.push(block);
  }
  const notes = holders.slice(shown + folds.length);
  if (!folds.length || notes.some((n) => kindOf(n) === kind)) return [[], []];
  const rows = folds.reduce((sum, block) => sum + rowsOf(block).length, 0);
  return shown + rows >= MIN_HEADS ? [folds, notes] : [[], []];
}

/** Dated children that are the thread of replies to the item before them: a list of dated blocks
 * (`subItems`) whose class or its rows' names a reply (`comments.reply_hint`: «<div class="replies">
 * <div class="reply">…», a flat «ul.children»), of another markup than that item (threads of one
 * markup are the items themselves). */
function replyThreads(children: Element[], marked: ReadonlySet<Element>, direct: ReadonlySet<Element>): Set<Element> {
  const found = new Set<Element>();
  let before: Element | null = null;
  for (const child of children) {
    if (!marked.has(child)) continue;
    // the kinds first: a child of its item's markup is no thread, whatever it lists
    const sub = before && kindOf(child) !== kindOf(before) ? subItems(child, marked, direct) : null;
    if (sub) {
      const classes = fold([child, ...sub].map((k) => k.getAttribute("class") ?? "").join(" "));
      if (TABLE.search(classes, "comments", "reply_hint")) {
        found.add(child);
        continue;
      }
    }
    before = child;
  }
  return found;
}

/** Dated children that are parts of one list: the items shown, then the older ones folded into a
 * closed block after a «Показать ещё (2)» control («<div class="mp-reviews">…</div><button>…</button>
 * <div class="bp5-collapse"><div class="bp5-collapse-body">…</div></div>», Blueprint's Collapse, a
 * `<details>`; blind solution_blueprint5_withdrawn_avrora_export1c). Two or more, one of them a list
 * of at least `MIN_HEADS` dated blocks of one kind (`subItems`; fewer may be one review with its dated
 * answer), and every dated child a list of blocks of that kind (through wrappers with one dated child:
 * a folded part may hold a single item), none such a block itself. Blocks all of one markup that are no
 * list elements (ul, ol, table) are the repeated items themselves, whatever they hold (a review with its
 * answer and a follow-up, messages of one class). */
function listParts(children: Element[], marked: ReadonlySet<Element>, direct: ReadonlySet<Element>): Element[] {
  const holders = children.filter((c) => marked.has(c));
  if (holders.length < 2) return [];
  if (new Set(holders.map(kindOf)).size === 1 && !holders.every((h) => LIST_TAGS.has(tag(h)))) return [];
  const subs = holders.map((h) => subItems(h, marked, direct)).filter((sub): sub is Element[] => sub !== null);
  const kinds = new Set(subs.map((sub) => kindOf(sub[0] as Element)));
  if (kinds.size !== 1 || !subs.some((sub) => sub.length >= MIN_HEADS)) return [];
  const kind = [...kinds][0] as string;
  return holders.every((h) => listsKind(h, kind, marked, direct)) ? holders : [];
}

/** Whether a block lists dated blocks of `kind` only, below wrappers with one dated child, with no date
 * of its own on the way and without being such a block itself. */
function listsKind(block: Element, kind: string, marked: ReadonlySet<Element>, direct: ReadonlySet<Element>): boolean {
  let node = block;
  while (!direct.has(node) && kindOf(node) !== kind) {
    const kids = childElements(node).filter((k) => marked.has(k));
    if (kids.length && kids.every((k) => kindOf(k) === kind)) return true;
    if (kids.length !== 1) return false;
    node = kids[0] as Element;
  }
  return false;
}

/** Dated children that each group the list's items under a date heading («2026», «Ноябрь 2026»:
 * `GROUP_TITLE`, a year and at most two more words): two or more, every dated child such a group,
 * their dated blocks (one or more each) all of one kind. Not a thread or a topic of posts, whose
 * heading names no year. */
function dateGroups(children: Element[], marked: ReadonlySet<Element>, direct: ReadonlySet<Element>): Element[] {
  const holders = children.filter((c) => marked.has(c));
  if (holders.length < 2) return [];
  const kinds = new Set<string>();
  for (const holder of holders) {
    const sub = direct.has(holder) ? [] : childElements(holder).filter((k) => marked.has(k));
    const title = sub.length ? blockTitle(children, children.indexOf(holder), marked) : null;
    if (!title || !GROUP_TITLE.test(fold(inlineText(title)))) return [];
    for (const k of sub) kinds.add(kindOf(k));
  }
  return kinds.size === 1 ? holders : [];
}

/** The end of the author slot of an item that opens with its date: its first leaf text with a
 * letter (the author; «#2» is a permalink, a cell's tail «Сообщений: 14» is no leaf) and the
 * developer badges right after it; without one, everything up to its next date or its end. */
function authorEnd(listing: Listing, item: Element, first: number, second: number | undefined, order: Map<Element, number>): number {
  const last = second !== undefined ? second - 1 : Math.max(...css(item, "*").map((el) => order.get(el) ?? -1));
  const badges = TABLE.rx("comments", "developer_badge");
  const badge = (text: string): boolean => badges.some((p) => p.test(text));
  for (let at = first + 1; at <= last; at++) {
    const [el, own] = listing.owns[at] as [Element, string];
    if (!el.firstElementChild && cpLen(own) <= HEAD_CHARS && LETTER.test(own)) {
      while (at < last && badge(fold((listing.owns[at + 1] as [Element, string])[1]))) at++;
      return at;
    }
  }
  return last;
}

/**
 * Whether words precede the date in an element's own text («Куплено 01.02.2025»), unlike a bare date
 * («24.11.2026», «24.11.2026 в 14:30»).
 */
function wordedDate(own: string): boolean {
  const text = fold(own);
  const m = dateSearch(text);
  return m !== null && LETTER.test(text.slice(0, m.index));
}

/**
 * The text before an element in its parent's line inside its item (its label: «Дата покупки:
 * <span>…», «<dt>Куплено</dt><dd>…»), folded: the last RELATIVE_CHARS characters, read backwards
 * from the element (no sibling before them is serialised).
 */
function lineBefore(el: Element, item: Element): string {
  const parent = el.parentElement;
  if (el === item || parent === null) return "";
  const parts: string[] = [];
  let size = 0;
  let node = el.previousSibling;
  for (; node && size < RELATIVE_CHARS; node = node.previousSibling) {
    const text = node.nodeType === 3 ? (node as Text).data : node.nodeType === 1 ? inlineText(node as Element) : "";
    parts.push(text);
    size += cpLen(text);
  }
  const joined = fold(parts.reverse().join(""));
  return [...joined].slice(-RELATIVE_CHARS).join("");
}

/**
 * [whether the element's first date is labelled some other date of the item — bought, edited:
 * `reviews.date_not_own` right before it —, a later date of its own text that is not].
 * «Ирина · куплено 01.02.2025 · 24.11.2026»: [true, "2026-11-24"]. The label is read before the date
 * in the element's own text, and — with children — before the first date of its whole line
 * («<dd><strong>Зарегистрирован:</strong> Пн фев 03, 2014</dd>»: the label is a child's text). A head
 * whose own text dates its edit after a child's date («<b>Ирина</b>, <time datetime=…>2 июня
 * 2026</time> (отредактирован 20.11.2026)», audit6 case4) is labelled so: the child's bare date, next
 * in the item, is its own.
 */
function notOwn(el: Element, own: string, item: Element): [boolean, string | null] {
  const text = fold(own);
  const m = dateSearch(text);
  const before = m ? text.slice(0, m.index) : text;
  const line = lineBefore(el, item) + " ";
  let labelled = TABLE.search(line + before, "reviews", "date_not_own") !== null;
  if (!labelled && el.children.length) {
    const lead = fold(inlineText(el));
    const at = dateSearch(lead);
    labelled = at !== null && TABLE.search(line + lead.slice(0, at.index), "reviews", "date_not_own") !== null;
  }
  if (!labelled) return [false, null];
  const rest = m ? text.slice(m.index + m[0].length) : "";
  const later = dateSearch(rest);
  if (later === null || TABLE.search(rest.slice(0, later.index), "reviews", "date_not_own")) return [true, null];
  return [true, parseDate(rest)];
}

/** Items of a section body in page order, with each item's date (its first dated element). */
/** Whether a dated element sits in the item's answer («<div><b>Ответ разработчика</b> (Лендико,
 * 21.03.2026): …</div>» inside a review): that date is the answer's, not the item's. */
function inAnswer(el: Element, item: Element): boolean {
  for (let node: Element | null = el; node && node !== item; node = node.parentElement) if (answerHead(node)) return true;
  return false;
}

/** Whether an item is a list of items itself: its first date lies in one of MIN_HEADS dated sibling
 * blocks of one markup or more (`signature`: review blocks of one class) inside it. The list's
 * container was not reached (a summary line above it that no rule knew held the descent back), so the
 * item would be one «review» of all the reviews' text, with the first one's date. A review's or
 * comment's own answers and replies mostly come after its own dated head (a flat thread's replies may
 * repeat its first message's markup: only a list's one item is asked) (Python `_unsplit`). */
function unsplit(item: Element, first: Element, marked: Set<Element>): boolean {
  for (let node: Element = first; node !== item && node.parentElement; node = node.parentElement) {
    const sig = signature(node);
    if (sig === null) continue;
    const alike = childElements(node.parentElement).filter((s) => marked.has(s) && signature(s) === sig).length;
    if (alike >= MIN_HEADS) return true;
  }
  return false;
}

export function splitListing(body: Element, name: string | null = null): Listing {
  const listing: Listing = { body, items: [], dates: new Map(), owns: scan(body), firsts: new Map(), starts: new Map(), authorEnds: new Map(), aside: [], folds: null, unsplit: false, vague: new Set() };
  const found = dated(listing.owns);
  if (!found.length) return listing;
  const marked = new Set<Element>();
  for (const [, el] of found) {
    for (let node: Element | null = el; node && !marked.has(node); node = node.parentElement) {
      marked.add(node);
      if (node === body) break;
    }
  }
  listing.items = containers(body, marked, new Set(found.map(([, el]) => el)), name, listing.aside);
  for (const item of listing.items) listing.dates.set(item, null);
  const order = new Map<Element, number>();
  listing.owns.forEach(([el], i) => order.set(el, i));
  for (const item of listing.items) {
    const first = firstIn(item, order); // the item itself first (descendant-or-self)
    if (first) listing.starts.set(item, order.get(first) as number);
  }
  const seconds = new Map<Element, number>();
  const heads = new Map<Element, [Element, string]>(); // item → its first dated element and text, until settled
  const others = new Set<Element>(); // items whose first date is labelled another date («Куплено …»), until settled
  const answerDated = new Set<Element>(); // items whose first date is their answer's (`inAnswer`)
  for (const [at, el, own] of found) {
    const item = itemOf(listing, el);
    if (item && !listing.firsts.has(item)) {
      listing.firsts.set(item, at);
      listing.dates.set(item, elementDate(el, own));
      if (listing.dates.get(item) === null && vagueDate(own)) listing.vague.add(item);
      heads.set(item, [el, own]);
      const [other, later] = notOwn(el, own, item);
      if (later) {
        // «куплено 01.02.2025 · 24.11.2026» in one text: the second is the item's
        listing.dates.set(item, later);
        heads.delete(item);
      } else if (other) others.add(item);
      if (inAnswer(el, item)) answerDated.add(item);
    } else if (item) {
      if (!seconds.has(item)) seconds.set(item, at);
      if (others.has(item) && !wordedDate(own) && !notOwn(el, own, item)[0]) {
        // «Дата покупки: 01.02.2025», then the review's bare «24.11.2026»: that one is its own
        const date = elementDate(el, own);
        if (date) {
          listing.dates.set(item, date);
          others.delete(item);
          heads.delete(item);
          continue;
        }
      }
      // the answer came first in the markup (the review's own date floats after it: jQuery Mobile's
      // «<p class="ui-li-aside">17.03.2026</p>» closing the item): the item's own date outside its
      // answer dates it
      if (answerDated.has(item) && !inAnswer(el, item)) {
        const date = elementDate(el, own);
        if (date) {
          listing.dates.set(item, date);
          answerDated.delete(item);
          heads.delete(item);
          continue;
        }
      }
      const first = heads.get(item);
      // «Куплено 01.02.2025» <span>24.11.2026</span>: a bare date beside a worded one in the item's
      // head line is its own (the words are read only for a second date in that line)
      if (first && first[0].parentElement === el.parentElement) {
        if (!wordedDate(first[1])) heads.delete(item); // the first date is bare itself: it stays
        else if (!wordedDate(own)) {
          const date = elementDate(el, own);
          if (date) {
            listing.dates.set(item, date);
            heads.delete(item);
          }
        }
      }
    }
  }
  // the one item of the list only: a thread among others may hold its replies as blocks of its own
  // markup after its first message (GitLab's «li.note» of one discussion)
  listing.unsplit = listing.firsts.size === 1 && Array.from(listing.firsts).some(([item, first]) => unsplit(item, (listing.owns[first] as [Element, string])[0], marked));
  for (const [item, first] of listing.firsts) {
    // nothing before the date (a forum post head): the author follows it
    const opens = listing.starts.get(item) === first;
    listing.authorEnds.set(item, opens ? authorEnd(listing, item, first, seconds.get(item), order) : first);
  }
  return listing;
}

/** Whether the section's own words outside its items, or the short element right before it (its intro: a
 * heading and a note), say it is not the Marketplace's feedback (`<group>.not_marketplace`: «Это комментарии
 * к файлу на форуме, а не «Обсуждения» на Маркетплейсе», «Это отзывы участников форума, а не отзывы на
 * Маркетплейсе»): a site's own thread or reviews under its copy of the listing, which it disclaims, hold no
 * comment or review of the solution (Python `disclaimed`). */
export function disclaimed(section: Listing, group: string): boolean {
  const texts = [textWithout(section.body, new Set(section.items))];
  let el: Element = section.body;
  let prev: Element | null = null;
  for (let i = 0; i < MAX_INTRO_CLIMB; i++) {
    // a section opening its wrappers: the element before the outermost
    prev = el.previousElementSibling;
    if (prev || !el.parentElement) break;
    el = el.parentElement;
  }
  if (prev) {
    const intro = inlineText(prev);
    if (cpLen(intro) <= MAX_INTRO_CHARS) texts.push(intro);
  }
  return texts.some((text) => TABLE.search(fold(text), group, "not_marketplace") !== null);
}
