// What reviews.ts and comments.ts share: stated totals, answers, the list rule
// (backend/mpcheck/extract/feedback.py). `total` is the number the page states (tab label, header,
// summary, pager «из N»); items are newest first; `items` is null when the block could not be read
// and [] only when the page shows it empty (SPEC §3). Every selector runs once per list body.
import type { Page } from "./context";
import { today } from "./dates";
import { childElements, css, inlineText, ownText, tag, tailText, textWithout } from "./dom";
import { isChrome, itemOf, pageLinks, type Listing } from "./items";
import { TABLE } from "./label_table";
import { summaryLeaf } from "./props";
import { cpLen, fold } from "./text";
import * as values from "./values";

export const MAX_TITLE_CHARS = 120; // answer titles, badges and author lines are short; review texts are not scanned
const MAX_BADGE_CHARS = 24; // a staff badge («Официальный») is a word or two
const NAME_LINE_CHARS = 60; // an author line: a name and its badges («Алексей Петров Разработчик»)
const PAGER_CHARS = 120; // a pager line is short (items.isChrome reads it with the same bound)
const QUOTES = /[«»"'“”„]/gu;
const WORD_END = /\p{L}\s*$/u; // a letter ends the text before the element

function count(texts: string[], kind: string): number | null {
  for (let text of texts) {
    if (TABLE.search(text, kind, "none")) return 0;
    for (const other of TABLE.global(kind, "count_not")) text = text.replace(other, " "); // «5 ★ — 1 отзыв», «240 отзывов о компании»
    const m = TABLE.search(text, kind, "count");
    if (m) return Number(m[1]);
  }
  return null;
}

function tabCount(page: Page, tab: string): number | null {
  const label = fold(page.tabs.labels.get(tab) ?? "");
  if (TABLE.search(label, "tab_count_not")) return null; // «(4 из 5)»: a score out of 5, no total
  const m = TABLE.search(label, "tab_count");
  return m ? Number(m[1]) : null;
}

const ANCHORED = new Map<string, RegExp>();

/**
 * A yes/no test of a list of start-anchored regexes (answer titles, badges) as one alternation tried
 * at position 0 only: a text that does not start like one fails at once.
 */
export function anchored(path: string[]): (text: string) => boolean {
  const key = path.join("/");
  let rx = ANCHORED.get(key);
  if (!rx) {
    rx = new RegExp(TABLE.sources(...path).map((p) => `(?:${p})`).join("|") || "(?!)", TABLE.flags + "y");
    ANCHORED.set(key, rx);
  }
  const found = rx;
  return (text: string) => {
    found.lastIndex = 0;
    return found.test(text);
  };
}

/** Whether a list body links to further pages of its list (Bitrix `PAGEN_n`). */
export function hasPager(body: Element): boolean {
  return css(body, "a").some((a) => (a.getAttribute("href") ?? "").includes("PAGEN_"));
}

/**
 * Whether a list offers more items than it shows: a «Показать ещё 5» / «Показать ещё» / «Все
 * отзывы» link or button outside its items (`pager.more`), or a link in a line of page numbers
 * («1 2 3 Далее →» with `?page=2` links, no `PAGEN_`: items.pageLinks). How many is unknown: «5»
 * may be the page size.
 */
export function showsMore(listing: Listing): boolean {
  const more = TABLE.rx("pager", "more");
  return css(listing.body, "a, button").some((el) => {
    if (itemOf(listing, el) !== null) return false;
    const text = fold(inlineText(el));
    return more.some((p) => p.test(text)) || (tag(el) === "a" && inPager(el, listing.body));
  });
}

/** A link whose line (its parent, or that parent's parent below the body) is a pager line. */
function inPager(link: Element, body: Element): boolean {
  let node = link.parentElement;
  for (let i = 0; i < 2; i++) {
    if (node === null || node === body) return false;
    const text = fold(inlineText(node));
    if (cpLen(text) < PAGER_CHARS && pageLinks(node, text)) return true;
    node = node.parentElement;
  }
  return false;
}

/**
 * Whether the list holds an item with no date of its own (a repeated review block without one, see
 * items.repeated), or one dated only roughly («месяц назад» with no exact date beside it:
 * `Listing.vague`): its dates cannot be told, only how many items there are.
 */
export function undated(listing: Listing): boolean {
  return listing.items.some(
    (item) => !listing.firsts.has(item) || (listing.vague.has(item) && (listing.dates.get(item) ?? null) === null),
  );
}

/** `fold` of each own text of the list (`owns`, same order) of at most MAX_TITLE_CHARS, null for a longer one: made
 * once per list, for every reader of its short texts. */
export function shortFolds(listing: Listing): Array<string | null> {
  listing.folds ??= listing.owns.map(([, own]) => (cpLen(own) <= MAX_TITLE_CHARS ? fold(own) : null));
  return listing.folds;
}

/** Item → elements whose own text matches a regex list (answer titles, developer badges). */
export function marks(listing: Listing, path: string[]): Map<Element, Element[]> {
  const found = new Map<Element, Element[]>();
  const folds = shortFolds(listing);
  listing.owns.forEach(([el], at) => {
    const text = folds[at];
    if (text == null || !TABLE.search(text, ...path)) return;
    const item = itemOf(listing, el);
    if (!item) return;
    const list = found.get(item) ?? [];
    list.push(el);
    found.set(item, list);
  });
  return found;
}

/** A count stated in the labelled rating's own value («Рейтинг: 4,7 из 5 (26 отзывов)», a post's
 * property line where there is no reviews section to state it) (Python `labelled_total`). */
export function labelledTotal(page: Page, kind: string): number | null {
  const hit = page.index.find("rating", { valid: (text) => values.rating(text) !== null });
  if (!hit) return null;
  // only a clause naming the discussion tab: «25 комментариев под статьёй» is not
  if (kind === "comments") return discussionClause(fold(hit.text));
  return count([fold(hit.text), ratingSentence(hit.label, fold(hit.text))], kind);
}

const CLAUSE_SPLIT = /[,;()]/u; // the clauses of the rating value's sentence (never «—»: «Обсуждения» — 14)

/** The discussion count in the rating value's first sentence: a clause of it that names the
 * Marketplace's discussion tab and its count and nothing else (`fields.rating.comments_clause`:
 * «…, отзывов — 27; на вкладке «Обсуждения» — 14 сообщений»); a count of comments somewhere else
 * («40 комментариев в нашем Telegram-чате») is not the solution's discussion (Python `_discussion_clause`). */
function discussionClause(value: string): number | null {
  const sentence = value.split(SENTENCE_END)[0] ?? "";
  for (const clause of sentence.split(CLAUSE_SPLIT)) {
    const m = TABLE.search(clause.replace(/^[ .:—–-]+|[ .:—–-]+$/gu, ""), "fields", "rating", "comments_clause");
    if (m) return Number(m[1]);
  }
  return null;
}

/** The count stated right after the summary's bare average in its block's sentence («Оценка на
 * Маркетплейсе сейчас <b>4,7</b> из 5, отзывов — <b>38</b>», a post quoting its card with no reviews
 * section and no rating label): only the words right after the leaf (`fields.rating.count_after`, anchored
 * there), so a count further on in the sentence is never read (Python `summary_total`). */
export function summaryTotal(page: Page): number | null {
  const found = summaryLeaf(page);
  const parent = found?.[1].parentElement;
  if (!found || !parent) return null;
  const line = fold(inlineText(parent));
  const value = fold(inlineText(found[1]));
  const at = value ? line.indexOf(value) : -1;
  if (at < 0) return null;
  const rest = (line.slice(at + value.length).split(SENTENCE_END)[0] ?? "").trim();
  const m = TABLE.search(rest, "fields", "rating", "count_after");
  return m ? Number(m[1]) : null;
}

const SENTENCE_END = /[.!?](?:\s|$)/u;
const CLAUSE_BREAK = /[,;—–()]/u; // a clause of the rating's sentence ends at these

/** The count right after the rating's value on its line («Средняя оценка — <b>4,7 из 5</b>, всего
 * 19 отзывов. Несколько из них…»: the value is its own element, the count the words after it): the first
 * clause after the value, within its sentence, when that clause is only a count (`fields.rating.count_clause`);
 * «4,7 из 5 — по данным площадки, где у конкурентов 240 отзывов» states none. "" when there is none or the
 * label's text is not in its parent's (Python `_rating_sentence`). */
function ratingSentence(label: Element, value: string): string {
  const parent = label.parentElement;
  if (!parent) return "";
  const line = fold(inlineText(parent));
  const start = fold(inlineText(label));
  const at = start ? line.indexOf(start) : -1;
  if (at < 0) return "";
  const sentence = line.slice(at).split(SENTENCE_END)[0] ?? "";
  const after = value ? sentence.indexOf(value) : -1;
  if (after < 0) return "";
  const clause = sentence.slice(after + value.length).replace(/^[ ,;:—–\-(]+/u, "").split(CLAUSE_BREAK)[0] ?? "";
  return TABLE.search(clause, "fields", "rating", "count_clause") ? clause : "";
}

/** The stated total: tab label, else the body outside the items (and, if `head`, the page head). */
export function stated(page: Page, tab: string, kind: string, listing: Listing | undefined, head: boolean): number | null {
  let total = tabCount(page, tab);
  if (total === null && listing) {
    const outside = new Set([...listing.items, ...listing.aside]); // another section's list says nothing of this one
    const texts = [fold(textWithout(listing.body, outside))];
    if (head) texts.push(page.headText());
    total = count(texts, kind);
  }
  return total;
}

/** A name as compared with authors: folded, lower case, no quotes, no legal form («ООО»). */
export function nameKey(name: string | null | undefined): string {
  const text = fold(name ?? "").replace(QUOTES, "").toLowerCase().trim();
  const m = TABLE.search(text, "comments", "legal_form");
  return m ? text.slice(m.index + m[0].length).trim() : text;
}

/** The answer prefix of a name-keyed text («ответ », «поддержка »), null when there is none. */
function lead(text: string): RegExpExecArray | null {
  const m = TABLE.search(text, "comments", "answer_prefix");
  return m && m[0].length ? m : null;
}

/**
 * Whether a short text names the partner as its author: «NordLab», «NordLab, 13.11.2026»,
 * «Ответ NordLab:», «NordLab (разработчик)», «Иван (NordLab)» — not «NordLab молодцы» (a sentence
 * about it), not «NordLab: спасибо за помощь» (words to it; only after «Ответ» may a colon open the
 * text) and not a quote caption «Цитата (NordLab):».
 */
export function isPartner(own: string, partnerKey: string): boolean {
  if (cpLen(partnerKey) < 2) return false;
  let text = nameKey(own);
  const m = lead(text);
  const led = Boolean(m?.[1]);
  if (m) text = text.slice(m.index + m[0].length);
  let rest: string;
  if (text.startsWith(partnerKey)) rest = text.slice(partnerKey.length);
  else {
    // «Иван (NordLab)»: an employee of the partner
    const e = TABLE.search(text, "comments", "employee");
    if (!e || TABLE.search(text, "comments", "quoted")) return false;
    let inner = text.slice(e.index + e[0].length);
    const form = TABLE.search(inner, "comments", "legal_form");
    if (form) inner = inner.slice(form.index + form[0].length);
    if (!inner.startsWith(partnerKey + ")")) return false;
    rest = inner.slice(partnerKey.length + 1);
  }
  return TABLE.search(rest, "comments", "author_tail") !== null || (led && TABLE.search(rest, "comments", "lead_tail") !== null);
}

/** Text of the text nodes right before an element (Python: the previous sibling's tail, or the parent's text). */
function textBefore(el: Element): string {
  let out = "";
  for (let n = el.previousSibling; n && n.nodeType === 3; n = n.previousSibling) out = (n as Text).data + out;
  return out;
}

/**
 * Whether the author line right before a staff badge (`comments.staff_badge`, at `at` in
 * `listing.owns`) signs the partner `me`: «Lumenix», «Ирина (Lumenix)» (isPartner) or a person's
 * name and the partner's after a comma, «Ирина Соколова, Lumenix» (`comments.staff_signature`), or
 * the partner's name and a tagline after a dash, a channel's or a blog's name «Lumenix — модули для
 * 1С-Битрикс» (`comments.staff_tagline`: only next to the badge, where the line is no sentence).
 * The line must be the same item's (a badge is never signed by the message above).
 */
function signed(listing: Listing, at: number, item: Element, me: string): boolean {
  if (at === 0) return false;
  const [el, own] = listing.owns[at - 1]!;
  if (cpLen(own) > MAX_TITLE_CHARS || itemOf(listing, el) !== item) return false;
  if (isPartner(own, me)) return true;
  const text = nameKey(own);
  // «Lumenix — модули для 1С-Битрикс»: the vendor's channel signs its reply
  if (text.startsWith(me) && TABLE.search(text.slice(me.length), "comments", "staff_tagline") !== null) return true;
  const m = TABLE.search(text, "comments", "staff_signature");
  const rest = m ? text.slice(m.index + m[0].length) : "";
  return rest.startsWith(me) && TABLE.search(rest.slice(me.length), "comments", "author_tail") !== null;
}

/**
 * Whether an element sits inside running text («<b>NordLab</b> молодцы», «Спасибо <b>NordLab</b>»):
 * a word right before it that is not an answer prefix («Ответ») nor, before a developer `badge`, its
 * author's name (nameBefore), or words right after it that an
 * author line does not have («пишет» may, «: спасибо» only after an answer lead, `led`).
 */
/**
 * Whether the words before a badge are its author's name in a short author line («Алексей
 * <span>Разработчик</span>», «Алексей П. · <span>Разработчик</span>»): at most three words, no
 * sentence end (an initial «П.» is no end), a line of at most NAME_LINE_CHARS characters.
 */
function nameBefore(el: Element, prev: string): boolean {
  const words = prev.split(" ").filter(Boolean); // folded: single spaces only
  if (words.length > 3 || [..."!?;"].some((ch) => prev.includes(ch)) || words.some((w) => w.endsWith(".") && cpLen(w) > 2)) return false;
  const parent = el.parentElement;
  return parent !== null && cpLen(fold(inlineText(parent))) <= NAME_LINE_CHARS;
}

function inSentence(el: Element, led: boolean, badge = false): boolean {
  const prev = fold(textBefore(el)).toLowerCase();
  if (WORD_END.test(prev) && !(badge && nameBefore(el, prev))) {
    const words = prev.trim() + " ";
    const m = lead(words);
    if (!(m && m.index + m[0].length === words.length)) return true;
  }
  const after = fold(tailText(el)).toLowerCase();
  if (!after || TABLE.search(" " + after, "comments", "author_tail")) return false;
  return !(led && TABLE.search(" " + after, "comments", "lead_tail"));
}

/** Whether an element sits in a quote inside its item (blockquote, q, cite, a «quote» class). */
function quoted(el: Element, item: Element): boolean {
  for (let node: Element | null = el; node && node !== item; node = node.parentElement) {
    if (TABLE.search(`${node.tagName.toLowerCase()} ${node.getAttribute("class") ?? ""}`, "comments", "quote_markup")) return true;
  }
  return false;
}

/**
 * Whether an element opens a line of its parent after a `<br>` (nothing but blanks between): «<p>02.09.2026,
 * ★★★☆☆, Иван: «…».<br><em>Ответ разработчика:</em> «…»</p>», a review and its answer as two lines of one paragraph.
 */
export function opensLine(el: Element): boolean {
  for (let n = el.previousSibling; n; n = n.previousSibling) {
    if (n.nodeType === 1) return tag(n as Element) === "br";
    if (n.nodeType === 3 && (n as Text).data.trim()) return false;
  }
  return false;
}

/**
 * The block an answer signal heads: its parent, unless that is the item itself or the signal opens a line of it
 * (opensLine: the parent's lines before it are the review's own, and its reader (reviews Stars.chars) reads them).
 */
function blockOf(el: Element, item: Element): Element {
  const parent = el.parentElement;
  return !parent || parent === item || opensLine(el) ? el : parent;
}

/**
 * [answered items, item → its answer blocks] of one list. An item is answered by a filled cell of a table's
 * answer column (answerCells), a nested block or reply of the partner: a title such as «Ответ разработчика» / «Официальный ответ» anywhere in it,
 * or — past the item's own header — the partner's name as an author (isPartner; not inside a quote
 * unless «Ответ NordLab») or a developer badge (a bare «Партнер» only while the name is unknown) or a
 * staff badge («Официальный») after an author line that signs the partner (signed), or —
 * reviews only — the reply pasted as the last line of the review's own text (pasted). A
 * reply by anyone else is no answer. With `byAuthor` (comments) the header is the item's author slot
 * (up to its first date, or after a date that opens the item), since there the author may be the
 * partner's own message; for reviews it is the first text only.
 */
/** A table row's cells, each as many times as the columns it spans (`colspan`). */
function grid(row: Element): Element[] {
  const cells: Element[] = [];
  for (const cell of childElements(row)) {
    if (tag(cell) !== "td" && tag(cell) !== "th") continue;
    const m = /^\s*([0-9]+)/.exec(cell.getAttribute("colspan") ?? ""); // as a browser reads it: « 2», «2.0» are 2
    const span = m ? Number(m[1]) : 1;
    const times = span > 0 && span <= 20 ? span : 1;
    for (let i = 0; i < times; i++) cells.push(cell);
  }
  return cells;
}

/** The header row of the table a row sits in: its `thead` row, else a first row of th only, else a first row of td
 * that is none of the list's `items` (a published Google Doc or a word processor's table heads its columns with a
 * plain row, bold only by a class: «Дата | Оценка | Отзыв | Ответ разработчика»). */
function headerRow(row: Element, items: Set<Element>): Element | null {
  const section = row.parentElement;
  const sectioned = section !== null && ["tbody", "thead", "tfoot"].includes(tag(section));
  const table = sectioned ? section.parentElement : section;
  if (!table || tag(table) !== "table") return null;
  for (const part of [table, ...childElements(table).filter((c) => tag(c) === "thead" || tag(c) === "tbody")]) {
    for (const tr of childElements(part)) {
      if (tag(tr) !== "tr") continue;
      const cells = childElements(tr).filter((c) => tag(c) === "td" || tag(c) === "th");
      if (cells.length && (tag(part) === "thead" || cells.every((c) => tag(c) === "th") || !items.has(tr))) return tr;
      return null; // the first row of that part holds data: no header row
    }
  }
  return null;
}

/**
 * Items that are rows of a table whose header names an answer column («Ответ»): item → whether
 * its cell in that column is filled (the partner's answer) rather than empty or a placeholder «—».
 * Items outside such a table are absent (their answer is read from the other signals).
 */
export function answerCells(listing: Listing): Map<Element, boolean> {
  const found = new Map<Element, boolean>();
  const columns = new Map<Element, number | null>(); // header row → the answer column's index
  const items = new Set(listing.items);
  for (const item of listing.items) {
    if (tag(item) !== "tr") continue;
    const head = headerRow(item, items);
    if (!head || head === item) continue;
    if (!columns.has(head)) {
      const at = grid(head)
        .map((c, i) => (TABLE.search(fold(inlineText(c)), "comments", "answer_column") ? i : -1))
        .filter((i) => i >= 0);
      columns.set(head, at.length === 1 ? (at[0] ?? null) : null); // two answer columns: which one answers?
    }
    const column = columns.get(head) ?? null;
    const cells = grid(item);
    if (column === null || cells.length !== grid(head).length) continue; // a row of another shape (an answer row spanning the table) is no column row
    const cell = cells[column];
    if (cell) found.set(item, !TABLE.search(fold(inlineText(cell)), "comments", "answer_empty"));
  }
  return found;
}

/** The text nodes of an element before its first other child node (lxml's `el.text`). */
function firstText(el: Element): string {
  let out = "";
  for (let n = el.firstChild; n && n.nodeType === 3; n = n.nextSibling) out += (n as Text).data;
  return out;
}

/**
 * Whether a text that opens with an answer title is the partner's answer title: not a sentence
 * about an answer («Ответ разработчика пришёл через два дня»: a lower-case word after the title that
 * `reviews.answer_title_tail` does not allow), and not a title the Marketplace signs («Ответ службы
 * поддержки 1С-Битрикс: Маркетплейс», «Официальный ответ Маркетплейса»: `reviews.answer_not_partner`
 * right after it) unless the partner's own name `me` follows (1С-Битрикс's own solutions).
 */
function partnerTitle(text: string, me: string): boolean {
  anchored(["reviews", "answer_titles"]); // builds the sticky alternation once
  const rx = ANCHORED.get("reviews/answer_titles") as RegExp;
  rx.lastIndex = 0;
  const m = rx.exec(text);
  const rest = m ? text.slice(m[0].length) : "";
  const word = [...rest.trimStart()][0] ?? "";
  const letter = word.toLowerCase() !== word.toUpperCase();
  if (letter && word === word.toLowerCase() && !TABLE.search(rest, "reviews", "answer_title_tail")) return false; // a sentence that opens with the title's words
  if (!TABLE.search(rest, "reviews", "answer_not_partner")) return true;
  let at = 0;
  while (at < rest.length && ' :«"('.includes(rest[at] as string)) at++;
  return Boolean(me) && nameKey(rest.slice(at)).startsWith(me);
}

/** The element's own text after its last <br> (all of it when it has none): its direct text only, not
 * its children's («…<br>Ответ …: «…». <em>(перенесён)</em>» is «Ответ …: «…».»). */
function lastLine(el: Element): string {
  const nodes = [...el.childNodes];
  let at = -1;
  nodes.forEach((n, i) => {
    if (n.nodeType === 1 && tag(n as Element) === "br") at = i;
  });
  return fold(nodes.slice(at + 1).filter((n) => n.nodeType === 3).map((n) => (n as Text).data).join(" "));
}

/**
 * A developer's answer pasted into a review's own text as its last line (a reseller copying it in): an
 * answer title, a colon and the reply in quotes that ends the line (reviews.answer_pasted): «… написали в
 * тикет.<br>Ответ разработчика: «Спасибо! Исправим в релизе».» A title opening the buyer's sentence
 * (partnerTitle: «Ответ разработчика пришёл через два дня»), a quote the buyer's words go on after
 * («Ответ разработчика: «ждите». Прошло полгода») or a line before another is no answer.
 */
function pasted(el: Element, me: string): boolean {
  const line = lastLine(el);
  if (!anchored(["reviews", "answer_titles"])(line) || !partnerTitle(line, me)) return false;
  const rx = ANCHORED.get("reviews/answer_titles") as RegExp;
  rx.lastIndex = 0;
  const m = rx.exec(line);
  return m !== null && Boolean(TABLE.search(line.slice(m[0].length), "reviews", "answer_pasted"));
}

/**
 * Whether a long own text opens with the partner's answer title and its colon or dash
 * (`comments.lead_tail`): «Ответ разработчика: Марина, спасибо! Транслит появился в 3.2.1 — …», a
 * reply written on in its own element, too long for the short texts every title test reads (a
 * review's own text is never scanned whole: only its opening is). Not a sentence about an answer
 * («Ответ разработчика пришёл через два дня», partnerTitle).
 */
function opensAnswer(own: string, me: string): boolean {
  const head = fold([...own].slice(0, MAX_TITLE_CHARS).join(""));
  anchored(["reviews", "answer_titles"]); // builds the sticky alternation once
  const rx = ANCHORED.get("reviews/answer_titles") as RegExp;
  rx.lastIndex = 0;
  const m = rx.exec(head);
  if (m === null || !TABLE.search(head.slice(m[0].length), "comments", "lead_tail")) return false;
  return partnerTitle(head, me);
}

/** Whether a long text of an item (its own text number `at`) comes after the item's opening line AND a text
 * after that, its body: «★★★★☆ · Марина Л. · 05.11.2026» + «В целом отлично…» + «Ответ разработчика: Марина,
 * спасибо! …» is answered; «Марина, 12.11.2026» + «Ответ разработчика: так и не получен …» is the buyer's
 * complaint as the body, no answer (Python `_past_body`). */
function pastBody(start: number, at: number): boolean {
  return at > start + 1;
}

export function answers(
  listing: Listing,
  partner: string | null,
  byAuthor: boolean,
  vendor = "",
): [Set<Element>, Map<Element, Element[]>] {
  const title = anchored(["reviews", "answer_titles"]);
  const badge = anchored(["comments", "developer_badge"]);
  const shared = anchored(["comments", "shared_badge"]);
  const staff = anchored(["comments", "staff_badge"]);
  const me = nameKey(partner);
  const answered = new Set<Element>();
  const blocks = new Map<Element, Element[]>();
  const folds = shortFolds(listing);
  listing.owns.forEach(([el, own], at) => {
    const folded = folds[at];
    const short = folded != null;
    let isTitle = false;
    let named = false;
    let text = "";
    if (folded != null) {
      text = folded;
      // the title's own line: the text before the element's first child («Ответ разработчика<br>спасибо …»)
      const line = [...el.childNodes].some((n) => n.nodeType !== 3) ? fold(firstText(el)) : text;
      isTitle = title(text) && partnerTitle(title(line) ? line : text, me);
      // the cheap tests first: a title needs no author test, a name needs its substring
      named = !isTitle && [me, vendor].some((key) => Boolean(key) && text.toLowerCase().includes(key) && isPartner(own, key));
    }
    // a long reply opening with its title («Ответ разработчика: …»): past the item's first text only
    const opened = !short && opensAnswer(own, me);
    let official = false; // a staff badge answers after the partner's signature only
    if (short && me && !(isTitle || named) && cpLen(own) <= MAX_BADGE_CHARS && staff(text)) {
      const holder = itemOf(listing, el);
      official = holder !== null && signed(listing, at, holder, me);
    }
    // a badge any agency carries («Партнер») answers only when the name is unknown
    if (!(isTitle || opened || named || official || (short && badge(text) && !(me && shared(text))))) {
      const pastedIn = !byAuthor && pasted(el, me) ? itemOf(listing, el) : null;
      if (pastedIn) answered.add(pastedIn); // the reply pasted into the review's own text: no block of its own
      return;
    }
    const item = itemOf(listing, el);
    // (the item's first long text is its own message, no answer inside it)
    if (!item || (opened && !pastBody(listing.starts.get(item) ?? at, at))) return;
    if (!(isTitle || opened)) {
      const led = named && Boolean(lead(nameKey(own))?.[1]);
      if (inSentence(el, led, !named)) return; // «<b>NordLab</b> молодцы»: a name in running text signs nothing
      if (!led && quoted(el, item)) return; // «<blockquote><b>NordLab</b>: …</blockquote>»: whom a message quotes
      const start = listing.starts.get(item) ?? at;
      const header = byAuthor ? Math.max(start, listing.authorEnds.get(item) ?? at) : start;
      if (at <= header) return; // the item's own author line: not an answer to it
    }
    answered.add(item);
    const list = blocks.get(item) ?? [];
    list.push(blockOf(el, item));
    blocks.set(item, list);
  });
  for (const [item, filled] of answerCells(listing)) if (filled) answered.add(item); // a table's «Ответ» column: a filled cell answers
  return [answered, blocks];
}

/** The block is there and says it is empty: «Отзывов пока нет», or no content at all. */
function shownEmpty(listing: Listing, kind: string): boolean {
  if (TABLE.search(fold(inlineText(listing.body)), kind, "none")) return true;
  if (fold(ownText(listing.body))) return false;
  const more = TABLE.rx("pager", "more");
  // an empty list with «Показать ещё» loads its items by script: not shown empty
  if (css(listing.body, "a, button").some((el) => { const t = fold(inlineText(el)); return more.some((p) => p.test(t)); })) return false;
  return childElements(listing.body).every(isChrome);
}

/**
 * [total, items] by the list rule: items null when unknown, [] only for a shown-empty block.
 * `shown` is how many messages the page shows (comments: replies too), checked against the stated
 * total: more items than the page says it has means the items were misread, so they are unknown.
 * So does an item dated after the reference day: its date is one its text quotes («обещали к
 * 01.12.2026»), the text split off its own review.
 */
export function readItems<T extends { date: string | null }>(
  listing: Listing | undefined, total: number | null, parsed: T[] | null, kind: string, shown: number | null = null,
): [number | null, T[] | null] {
  if (total === 0 && !parsed?.length) return [0, []]; // a stated zero («Обсуждения (0)»): nothing to read, whether or not the list was found
  if (!listing || parsed === null || undated(listing) || listing.unsplit) return [total, null]; // an unsplit list (items.unsplit): one «item» of them all is no item
  const day = today();
  if (parsed.some((item) => (item.date ?? "") > day)) return [total, null];
  if (parsed.length) {
    const n = shown === null ? parsed.length : shown;
    return total !== null && n > total ? [total, null] : [total, parsed];
  }
  if (total === 0 || (total === null && shownEmpty(listing, kind))) return [0, []];
  return [total, null];
}

/** Newest first; equal dates keep page order (Python's stable reverse sort). */
export function newestFirst<T extends { date: string | null }>(list: T[]): T[] {
  return list.sort((a, b) => ((a.date ?? "") < (b.date ?? "") ? 1 : (a.date ?? "") > (b.date ?? "") ? -1 : 0));
}
