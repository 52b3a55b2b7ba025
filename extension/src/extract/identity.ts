// Who and what the solution is: code, canonical url, name, kind, withdrawn, partner {id, name}
// (backend/mpcheck/extract/identity.py).
import type { Page } from "./context";
import { absoluteUrl, ancestors, css, inlineText, matches, originalUrl, ownText, tag, tailText, textBefore, textWithout } from "./dom";
import { TABLE } from "./label_table";
import { type Hit, keyField } from "./labelled";
import { isCrumbs, linkCode } from "./scope";
import { permalinks } from "./tabs";
import { cpLen, fold, isBlank, lstripChars, norm, stripChars } from "./text";

const MAX_NOTICE_CHARS = 200; // a withdrawal notice is a banner or a title line, not a paragraph of prose

export interface Partner { id: number | null; name: string | null }

function codeFrom(text: string | null | undefined, ...path: string[]): string | null {
  const m = TABLE.search(text ?? "", ...path);
  return m?.[1] ? m[1].toLowerCase() : null;
}

function firstWord(text: string): string {
  return fold(text).split(" ")[0] ?? "";
}

/** The canonical / og:url link of the page. */
export function canonical(page: Page): string | null {
  for (const [sel, attr] of [["link[rel=canonical]", "href"], ["meta[property='og:url']", "content"]] as const) {
    const found = css(page.root, sel)[0];
    const value = found?.getAttribute(attr);
    if (value) return absoluteUrl(value, page.base);
  }
  return null;
}

/** Label «Код решения» first; then the URL / canonical path; then the selector fallbacks. */
export function code(page: Page): string | null {
  // The URL's code when the page was read from one (a «Код решения» row never overrides it: the
  // stored snapshots and history are keyed by it); else the label, the canonical path, selectors.
  if (page.scope.code_from === "url" && page.scope.code) {
    page.found_by.code = "url";
    return page.scope.code;
  }
  const valid = (t: string): boolean => codeFrom(firstWord(t), "fields", "code", "values") !== null;
  const hit = page.index.find("code", { valid });
  const fromLabel = hit ? codeFrom(firstWord(hit.text), "fields", "code", "values") : null;
  if (fromLabel) {
    page.found_by.code = "label";
    return fromLabel;
  }
  for (const candidate of [page.url, canonical(page)]) {
    const value = codeFrom(candidate, "urls", "solution_path");
    if (value) {
      page.found_by.code = "url";
      return value;
    }
  }
  for (const sel of TABLE.entries("fields", "code", "selectors")) {
    for (const el of page.outside(css(page.root, String(sel.css)))) {
      const raw = sel.attr ? el.getAttribute(sel.attr) : inlineText(el);
      let value: string | null;
      if (sel.value_re) {
        const m = new RegExp(sel.value_re, TABLE.flags).exec(raw ?? "");
        value = m?.[1] ? m[1].toLowerCase() : null;
      } else {
        value = codeFrom(raw, "fields", "code", "values");
      }
      if (value) {
        page.found_by.code = "selector";
        return value;
      }
    }
  }
  return null;
}

/** Canonical link, else built from the code (no #tab fragment), else the given URL. */
export function pageUrl(page: Page, solutionCode: string | null): string | null {
  let link = canonical(page);
  const linked = codeFrom(link, "urls", "solution_path");
  // a canonical onto another solution («…lite/» → «…pro/»): the code read is the URL's
  if (page.scope.code_from === "url" && linked && linked !== solutionCode) link = null;
  // the solution's address is its path: a canonical written with a list's state («?PAGEN_2=2»,
  // «?sphrase_id=…») or a tab fragment («#tab-rating-link») names the same page
  if (link && codeFrom(link, "urls", "solution_path")) return (link.split("#")[0] ?? "").split("?")[0] ?? "";
  if (solutionCode) return `${String(TABLE.get("urls", "base"))}/solutions/${solutionCode}/`;
  return page.url ? (page.url.split("#")[0] ?? null) : null;
}

/** The folded text of an element at the start or the end of the text `whole` (a badge sits at an
 * edge: «ACME: <span>Новинка</span> сезона» is a name), else null. */
function atEdge(el: Element, whole: string): string | null {
  const text = fold(inlineText(el));
  return text && (whole.startsWith(text) || whole.endsWith(text)) ? text : null;
}

/** An element at an edge of `whole` marked as a badge by a class token (`badge_classes`). */
function classBadge(el: Element, whole: string, ...path: string[]): boolean {
  if (atEdge(el, whole) === null) return false;
  const classes = norm(el.getAttribute("class")).split(" ").filter(Boolean);
  return classes.some((token) => TABLE.search(token, ...path, "badge_classes") !== null);
}

/** An element at an edge of `whole` whose text is a badge (`badge_text`) standing apart as a word of
 * its own («<b>Хит</b>-парад» is a name). */
function textBadge(el: Element, whole: string, ...path: string[]): boolean {
  const text = atEdge(el, whole);
  if (text === null || TABLE.search(text, ...path, "badge_text") === null) return false;
  const before = textBefore(el);
  const after = tailText(el);
  return (!before || before.trimEnd() !== before) && (!after || after.trimStart() !== after);
}

/**
 * The text of an element leaving out the badges inside it (`path`: the table section with the
 * badge_classes / badge_text lists): «ACME Soft <span class=badge>Золотой партнёр</span>» → «ACME
 * Soft». The badges their text names go first; those only a class marks go too while a name is left
 * (BEM marks the name's own span as well: <span class=partner-link__title>ACME Soft</span>). The
 * whole text when nothing but badges is there (the badge may be the name's own wrapper). A heading's
 * permalink anchors (`tabs.permalinks`) go first of all.
 */
function withoutBadges(el: Element, ...path: string[]): string {
  const byText = new Set<Element>(permalinks(el));
  const full = byText.size ? textWithout(el, byText) : inlineText(el);
  const whole = fold(full);
  const children = Array.from(el.querySelectorAll("*"));
  for (const child of children) {
    if ([...ancestors(child)].some((a) => byText.has(a))) continue;
    if (textBadge(child, whole, ...path)) byText.add(child);
  }
  const byClass = new Set<Element>();
  for (const child of children) {
    if ([...ancestors(child)].some((a) => byText.has(a) || byClass.has(a))) continue;
    if ([...byText].some((b) => child.contains(b))) continue; // holds a badge its text names: that one goes alone
    if (classBadge(child, whole, ...path)) byClass.add(child);
  }
  if (byClass.size) {
    const text = textWithout(el, new Set([...byText, ...byClass]));
    if (text) return text;
  }
  if (!byText.size) return full;
  return textWithout(el, byText) || full;
}

/**
 * The element sits in a breadcrumb trail (`name.crumbs`: a container below <body> whose text is
 * short, `name.crumbs_max_chars`): its text is a crumb («Главная», a category, a cut current page).
 */
function inCrumbs(el: Element): boolean {
  const limit = TABLE.get("name", "crumbs_max_chars");
  const selector = TABLE.entries("name", "crumbs").map((sel) => String(sel.css)).join(", ");
  for (const a of ancestors(el)) {
    if (tag(a) === "body" || tag(a) === "html") return false;
    if (matches(a, selector) && typeof limit === "number" && cpLen(fold(inlineText(a))) <= limit) return true;
  }
  return false;
}

/**
 * The page's og:title when `el` is a wiki's own page title (`name.wiki_titles`: MediaWiki's
 * h1#firstHeading «Калькулятор доставки в корзине (Marketplace)», the wiki's name of the page) and
 * the page declares one that is no site name; else null (the h1 stays).
 */
function wikiTitle(page: Page, el: Element): string | null {
  const selector = TABLE.entries("name", "wiki_titles").map((s) => String(s.css)).join(", ");
  if (!matches(el, selector)) return null;
  for (const og of css(page.root, "meta[property='og:title']")) {
    const text = (og.getAttribute("content") ?? "").trim();
    if (text && !TABLE.search(fold(text), "name", "site_names")) return text;
  }
  return null;
}

const WORD = /[\p{L}\p{N}]+/gu;
const words = (text: string): string[] => fold(text).toLowerCase().match(WORD) ?? [];
const NAME_WORD_MIN = 3; // shorter words («с», «для», «1С») are no evidence that two titles name one thing
const ECHO_TITLE_WORDS = 2; // words a title needs to judge an h1 by
const nameWords = (text: string): Set<string> => new Set(words(text).filter((w) => cpLen(w) >= NAME_WORD_MIN));
const STEM_CHARS = 5; // «брошенных корзин» / «Брошенные корзины»: a word's declined forms share their first letters
const ENDING_CHARS = 3; // and differ in their endings only («-ами», «-ого», «-ыми»), never in a longer suffix

/**
 * Two forms of one word: the same first STEM_CHARS letters at least, and no more than ENDING_CHARS
 * letters of either after their common beginning («брошенных» / «брошенные», «модуль» / «модулями»;
 * «старт» / «стартовали» are two words) (Python `_one_word`).
 */
function oneWord(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  let common = 0;
  while (common < Math.min(x.length, y.length) && x[common] === y[common]) common++;
  return common >= STEM_CHARS && x.length - common <= ENDING_CHARS && y.length - common <= ENDING_CHARS;
}

/**
 * Some name word of `text` is one of `mine` or another form of one (`oneWord`): a headline declines the
 * name's words («Полтора года пилили модуль брошенных корзин» about «Брошенные корзины и напоминания»)
 * (Python `_share_stem`).
 */
function shareStem(mine: Set<string>, text: string): boolean {
  return [...nameWords(text)].some((w) => mine.has(w) || [...mine].some((m) => oneWord(w, m)));
}

/**
 * The page's own titles (<title>, og:title, each part between separators apart from the site's name)
 * echo an h1's name: one shares a word with it, or there is no such part of two words or more (or no
 * word in the h1) to judge by. An h1 no title of its page echoes is some other
 * heading (a Joomla page's «Главная», a document's «1. Общие сведения»): a null that says «check it
 * yourself» is honest, the title's own text may be the site's, not the solution's.
 */
function echoed(page: Page, text: string): boolean {
  const mine = nameWords(text);
  const titles = css(page.root, "title").map((el) => inlineText(el));
  for (const el of css(page.root, "meta[property='og:title']")) titles.push(el.getAttribute("content") ?? "");
  let parts = titles;
  for (const sep of TABLE.rx("name", "title_separators")) parts = parts.flatMap((title) => title.split(sep)); // «Name — Site»: each part judges alone
  const site = siteName(page);
  const judges: Set<string>[] = [];
  for (const part of parts) {
    // the Marketplace's or the site's own name says nothing about the h1
    if (TABLE.search(fold(part), "name", "site_names") || isSite(part, site)) continue;
    const ws = nameWords(part);
    if (ws.size >= ECHO_TITLE_WORDS) judges.push(ws); // a one-word part («Тест», «Главная») is a placeholder
  }
  return !mine.size || !judges.length || judges.some((ws) => [...mine].some((w) => ws.has(w)));
}

/**
 * The name as the page's body shows it, when only the <title> names the solution: a bold or large
 * text (`name.shown_title`; an old page's «<font size=4><b>…</b></font>» heading) whose words open
 * the <title>'s and go on past its cut at the separator («Ветров Студио: Автосервис — готовый сайт для
 * СТО» in a title «Ветров Студио :: Автосервис — готовый сайт для СТО (копия страницы Маркетплейса)»,
 * cut to «Ветров Студио :: Автосервис»). Words of the title must be left after it (the title's own
 * addition, the site's name); the longest such text wins, else null.
 */
function shownTitle(page: Page, whole: string, cut: string): string | null {
  const title = words(whole);
  const short = words(cut).length;
  let best: [number, string] | null = null;
  const selector = TABLE.entries("name", "shown_title").map((sel) => String(sel.css)).join(", ");
  for (const el of page.outside(css(page.root, selector))) {
    const text = inlineText(el);
    if (cpLen(text) > cpLen(whole)) continue;
    const shown = words(text);
    const opens = shown.length > short && shown.length < title.length && shown.every((w, i) => w === title[i]);
    if (opens && (!best || shown.length > best[0]) && !TABLE.search(fold(text), "name", "site_names")) best = [shown.length, text];
  }
  return best ? best[1] : null;
}

const STYLED_TITLE_PX = 24; // a title's type: body text and an e-mail's section titles are smaller (22px)

/**
 * The title an inline-styled document with no heading tag shows by type (an e-mail's «view in browser»
 * web copy: MJML's hero «<div style="font-size:32px;font-weight:700">DealerHub: кабинет дилера…</div>»,
 * its section titles 22px, no h1): the one text set in the page's largest inline font size
 * (`name.styled_size`, at least STYLED_TITLE_PX), bold (`name.styled_bold`), short, no site's name, and
 * sharing a name word with the <title>. Such a page's <title> is its subject line, a headline
 * («DealerHub 3.2.0: рекламации … и скидка 25%»), not the name; else null (Python `_styled_title`).
 */
function styledTitle(page: Page, title: string): string | null {
  const sized: [number, Element][] = [];
  for (const el of page.outside(css(page.root, "[style*=font-size]"))) {
    const m = TABLE.search(el.getAttribute("style") ?? "", "name", "styled_size");
    if (m && ownText(el).trim()) sized.push([Number(m[1]), el]);
  }
  if (!sized.length) return null;
  const top = Math.max(...sized.map(([size]) => size));
  const atTop = sized.filter(([size]) => size === top).map(([, el]) => el);
  // no title's type, or two texts in it: which is the name?
  if (top < STYLED_TITLE_PX || new Set(atTop.map((el) => inlineText(el))).size !== 1) return null;
  const el = atTop[0] as Element;
  const text = inlineText(el);
  const bold = TABLE.search(el.getAttribute("style") ?? "", "name", "styled_bold") !== null;
  if (!bold || cpLen(text) > MAX_NAME_CHARS || TABLE.search(fold(text), "name", "site_names")) return null;
  const theirs = nameWords(title);
  return [...nameWords(text)].some((w) => theirs.has(w)) ? text : null;
}

/** The element sits in a dialog or is visually hidden (`name.not_titles`: a cookie consent's
 * «<h1>Мы используем cookie</h1>», a screen reader's «<h1 class=visually-hidden>Каталог решений</h1>»):
 * no name a reader sees for the page's solution. */
function noTitle(el: Element): boolean {
  const selector = TABLE.entries("name", "not_titles").map((sel) => String(sel.css)).join(", ");
  return [...ancestors(el)].some((a) => tag(a) !== "body" && tag(a) !== "html" && matches(a, selector));
}

const BANNER_MARKS = ["header", "banner", "masthead"];
const SEPARATOR_CHARS = " :—–-|·";

/**
 * The element sits in the page's header (a <header>, role=banner, an id / class with «header»,
 * «banner», «masthead»: Blogger's div.header-outer, phpBB's #page-header).
 */
function inBanner(el: Element): boolean {
  for (const a of ancestors(el)) {
    const name = tag(a);
    if (name === "body" || name === "html") return false;
    const marks = `${a.getAttribute("id") ?? ""} ${a.getAttribute("class") ?? ""} ${a.getAttribute("role") ?? ""}`.toLowerCase();
    if (name === "header" || BANNER_MARKS.some((m) => marks.includes(m))) return true;
  }
  return false;
}

/**
 * An h1 of the page's header that names the site, not the page's item: its text is one end of the
 * <title>, and the title's other end (past a separator or a colon) is the text of an h2 / h3 of the
 * page outside the header (Blogger's «Блог Ветров Софт: <post title>» over h3.post-title, phpBB's
 * «<topic> - Форум поддержки …» over h2.topic-title). A one-product landing's h1 that the <title>
 * opens («ACME: Обмен — ACME Soft») stays: no heading says «ACME Soft»; nor does a section's one
 * word («ACME: Обмен — Описание» over h2 «Описание»). That heading, else null (Python `_site_heading`).
 */
function siteHeading(el: Element, page: Page): Element | null {
  if (!inBanner(el)) return null;
  const text = fold(inlineText(el)).toLowerCase();
  const first = text ? page.root.querySelector("title") : null; // the first one: no list of all
  if (!text || !first) return null;
  const title = fold(inlineText(first)).toLowerCase();
  if (title === text) return null;
  let rest: string;
  if (title.startsWith(text) && SEPARATOR_CHARS.includes(title.charAt(text.length))) {
    rest = lstripChars(title.slice(text.length), SEPARATOR_CHARS);
  } else if (title.endsWith(text) && title.length > text.length && SEPARATOR_CHARS.includes(title.charAt(title.length - text.length - 1))) {
    rest = stripChars(title.slice(0, title.length - text.length), SEPARATOR_CHARS);
  } else return null;
  if (words(rest).length < 2) return null;
  return page.outside(css(page.root, "h2, h3")).find((h) => fold(inlineText(h)).toLowerCase() === rest && !inBanner(h)) ?? null;
}

/**
 * A title leaving out a forum topic's bracketed kind prefix («[Готовый сайт] Северный ветер: …», the
 * bracket's text a `name.kind_words` entry); the text itself otherwise (Python `_without_bracket_kind`).
 */
function withoutBracketKind(text: string): string {
  const end = text.indexOf("]");
  if (!text.startsWith("[") || end < 0 || !text.slice(end + 1).trim()) return text;
  if (TABLE.search(fold(text.slice(1, end)).trim(), "name", "kind_words") === null) return text;
  return text.slice(end + 1).trimStart();
}

const HOME_PATH = /^\/?(?:index\.(?:php|html?))?$/u;

/** The element's whole text is one link to the site's home: marked so (rel=home), or onto the root path
 * «/» with the text the site's own name (og:site_name, the <title>'s last part after a separator): a
 * site's logo in an h1 (a WordPress theme's «<h1 class=site-title><a href=/ rel=home>ACME Soft</a>» on
 * a vendor's copy of the page), not the solution; a one-product landing's «<h1><a href=/>ACME:
 * Обмен</a></h1>» stays (Python `_home_logo`). */
function homeLogo(el: Element, page: Page, site: string): boolean {
  const links = css(el, "a[href]");
  const link = links[0];
  const text = fold(inlineText(el)).toLowerCase();
  if (links.length !== 1 || !link || fold(inlineText(link)).toLowerCase() !== text) return false;
  if (norm(link.getAttribute("rel")).toLowerCase().split(" ").includes("home")) return true;
  const titles = css(page.root, "title").slice(0, 1).map((t) => inlineText(t));
  const tails = titles.flatMap((t) => TABLE.rx("name", "title_separators").flatMap((sep) => t.split(sep).slice(1).slice(-1)));
  if (text !== site && !tails.some((t) => fold(t).toLowerCase() === text)) return false;
  const href = (link.getAttribute("href") ?? "").trim();
  if (!href || href.startsWith("#") || href.startsWith("?") || href.includes("?") || href.includes("#")) return false;
  const path = href.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/iu, "").replace(/^\/\/[^/]*/u, "");
  return HOME_PATH.test(path);
}

const MAIN_ITEM_PROPS = ["mainentity", "mainentityofpage"];

/** An itemprop=name of an item nested as another item's property (author, brand, publisher, offers,
 * review: «<div itemprop=author itemscope><span itemprop=name>ACME Soft</span></div>»): that item's
 * name, not the solution's. The page's own item is a top-level itemscope (or a WebPage's mainEntity)
 * (Python `_nested_item`). */
function nestedItem(el: Element): boolean {
  const parent = el.parentElement;
  for (const a of parent ? ancestors(parent) : []) {
    if (a.hasAttribute("itemscope")) {
      const props = norm(a.getAttribute("itemprop")).toLowerCase().split(" ").filter(Boolean);
      return props.length > 0 && !props.some((p) => MAIN_ITEM_PROPS.includes(p));
    }
  }
  return false;
}

/** The folded, lower-cased og:site_name of the page («ACME Soft» on a vendor's site), else "". */
function siteName(page: Page): string {
  const meta = page.root.querySelector("meta[property='og:site_name']"); // the first one: no list of all
  return meta ? fold(meta.getAttribute("content") ?? "").toLowerCase() : "";
}

function isSite(text: string, site: string): boolean {
  const folded = fold(text);
  return TABLE.search(folded, "name", "site_names") !== null || (site !== "" && folded.toLowerCase() === site);
}

/** An og:title leaving out the site's name after its last separators («ACME: Обмен — 1С-Битрикс
 * Маркетплейс», «… | ACME Soft» with og:site_name «ACME Soft»); the text itself otherwise. */
function withoutSiteTail(text: string, site: string): string {
  for (;;) {
    let last: RegExpMatchArray | null = null;
    for (const sep of TABLE.global("name", "title_separators")) {
      for (const m of text.matchAll(sep)) if (!last || (m.index ?? 0) > (last.index ?? 0)) last = m;
    }
    if (!last) return text;
    const start = last.index ?? 0;
    if (!text.slice(0, start).trim() || !isSite(text.slice(start + last[0].length), site)) return text;
    text = text.slice(0, start).trimEnd();
  }
}

// where a space goes between two glued children: after a clause's punctuation («ACME:» + «Обмен»), before a
// dash or a bracket; never inside a word split for colour («1С-» + «Битрикс», «Bitrix» + «24», «Лид» +
// «Мастер»)
const SPACE_BETWEEN = /^(?:[:;,.!?»”)—–][^\s0-9:;,.!?)»”\]]|[^\s(«„“[][—–(«„“])$/u;

/** The text of an element made only of element children with no space between them, read with a space
 * between the children («<h1><span>ACME:</span><span>Обмен заказами</span></h1>», a flex row whose gap
 * the styles draw: «ACME: Обмен заказами», not «ACME:Обмен»); `text` itself when the element has text
 * of its own between them or badges were left out of it (Python `_spaced`). */
function spaced(el: Element, text: string): string {
  const children = Array.from(el.children);
  if (children.length < 2) return text;
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3 && norm(node.textContent)) return text;
  }
  const pieces = children.map((c) => inlineText(c));
  if (norm(pieces.join("")) !== text) return text;
  let joined = "";
  for (const piece of pieces.filter(Boolean)) {
    const spaced = joined !== "" && SPACE_BETWEEN.test(joined.slice(-1) + piece.charAt(0));
    joined += spaced ? ` ${piece}` : piece;
  }
  return norm(joined);
}

const MAX_NAME_CHARS = 120; // a labelled name is a title, not a sentence
const NAME_PAIRS = new Set(["rest", "pair", "tail", "next", "attr-value", "text"]); // the label's own slot or its pair
const LEAD_SEPARATORS = " ·:—–-|";

/**
 * The title's leading kind word as an element of its own (`name.kind_words`): «<h1><span>Модуль
 * </span> <span>Lumenix: Защита форм от спама</span></h1>», the record type before the name. Only the
 * first child with text (nothing but icons before it, no bare text), with a name left after it that
 * does not open in lower case («<b>Модуль</b> обмена с 1С» is a name written out).
 */
function kindWord(el: Element): Element | null {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) {
      if (!isBlank((n as Text).data)) return null; // bare text before any word element
      continue;
    }
    if (n.nodeType !== 1) continue;
    const child = n as Element;
    const text = fold(inlineText(child));
    if (!text) continue; // an icon before the word
    if (TABLE.search(text, "name", "kind_words") === null) return null;
    const rest = lstripChars(textWithout(el, new Set([child])), LEAD_SEPARATORS);
    const first = Array.from(rest)[0] ?? "";
    return first && first === first.toUpperCase() ? child : null;
  }
  return null;
}

/** `text` (the element's text, badges left out) without the title's leading kind word. */
function withoutKindWord(el: Element, text: string): string {
  const word = kindWord(el);
  const lead = word ? inlineText(word) : "";
  if (lead && text.startsWith(lead)) return lstripChars(text.slice(lead.length), LEAD_SEPARATORS) || text;
  return text;
}

/** The element sits in a link to the page's own solution (its code is the page's) (Python `_in_own_link`). */
function inOwnLink(el: Element, page: Page): boolean {
  const a = el.closest("a");
  return a !== null && page.ownCode !== null && linkCode(a) === page.ownCode;
}
/**
 * The h1 (outside tabs), else microdata / og:title, else <title> cut at the site separator; an entry
 * with a `page` selector only on a document that matches it (a Word export's MsoTitle). A document's
 * section heading («1. Общие сведения», `name.section_headings`) is passed over. With it: whether the
 * page's titles echo it (`echoed`; always for a name that is no h1's).
 */
function selectorName(page: Page): [string | null, boolean] {
  const site = siteName(page);
  for (const sel of TABLE.entries("name", "selectors")) {
    // not that kind of document (a Word export's Title paragraph on a Word page only)
    if (sel.page && !css(page.root, String(sel.page)).length) continue;
    for (const el of page.outside(css(page.root, String(sel.css)))) {
      // a crumb, a dialog's or a hidden heading, the site's logo: not the solution
      if (!sel.attr && (inCrumbs(el) || noTitle(el) || homeLogo(el, page, site))) continue;
      if (sel.own_link && !inOwnLink(el, page)) continue; // a link preview of another page names that page
      const own = sel.css === "h1" ? siteHeading(el, page) : null;
      if (own) return [withoutBracketKind(withoutBadges(own, "name")), true]; // the header's h1 names the site, the page's own title is below it
      if (sel.css === "[itemprop=name]" && nestedItem(el)) continue; // the author's, the brand's, an offer's name
      let text: string;
      if (sel.attr) {
        text = withoutSiteTail((el.getAttribute(sel.attr) ?? "").trim(), site);
        if (text && isSite(text, site)) continue; // og:title names only the site («ACME Soft», og:site_name)
      } else text = spaced(el, withoutKindWord(el, withoutBadges(el, "name")));
      if (sel.css === "title") {
        const styled = styledTitle(page, text);
        if (styled) return [styled, true]; // no heading tag: the page's title by its type, not its subject line
        const whole = text;
        for (const sep of TABLE.rx("name", "title_separators")) text = text.split(sep)[0] ?? "";
        text = shownTitle(page, whole, text) ?? withoutBracketKind(text);
      }
      if (!text) break; // an empty element: the next selector, as before
      if (TABLE.search(fold(text), "name", "site_names")) continue; // the site's logo, not the solution
      if (TABLE.search(fold(text), "name", "section_headings")) continue; // a document's section heading («1. Общие сведения»)
      if (sel.css !== "h1") return [text, true];
      const wiki = wikiTitle(page, el);
      return wiki ? [wiki, true] : [text, echoed(page, text)];
    }
  }
  return [null, true];
}

/**
 * The value of a name label of the solution's own facts (`name.labels`: «Название на Маркетплейсе |
 * Восток Софт: Автозапчасти PRO»), page-level, read from the label's own slot or its pair (never a
 * header row over a column), one pair of quotes around it left out (`name.value_quotes`). It must be a
 * short name (no sentence, no column heading `label_not_values`, no site name) and share a word or a
 * word's stem (`shareStem`) with the name the h1 / title gives (`shown`): an edition card's «Название:
 * Старт» is no name of the solution.
 */
/** The text opens with a lower-case letter (Python's `str.islower` on its first character). */
function opensLowerCase(text: string): boolean {
  const first = [...text][0] ?? "";
  return first !== first.toUpperCase() && first === first.toLowerCase();
}

function labelledName(page: Page, shown: string | null): string | null {
  const mine = nameWords(shown ?? "");
  const short = (text: string): boolean => {
    const folded = fold(text);
    return (
      cpLen(text) <= MAX_NAME_CHARS &&
      !opensLowerCase(text) && // «Решение: обновите модуль до 3.2»: advice, no name
      ![..."!?;"].some((ch) => text.includes(ch)) &&
      TABLE.search(folded, "name", "label_not_values") === null &&
      TABLE.search(folded, "name", "site_names") === null
    );
  };
  const hit = page.index.find("name/labels", { valid: short });
  if (!hit || !NAME_PAIRS.has(hit.source)) return null;
  const text = TABLE.search(hit.text, "name", "value_quotes") ? [...hit.text].slice(1, -1).join("").trim() : hit.text;
  if ((!mine.size || !shareStem(mine, text)) && !cardOfOwnCode(page, hit.label)) return null;
  return text;
}

const CARD_BLOCKS = new Set(["table", "dl", "ul", "ol"]); // the facts block a name label and its fellow labels share

/**
 * The name label sits in one facts block (its nearest table / dl / list) with a code label whose value
 * is the page's own code («Название | Ладога: …» beside «Код решения | ladogasoft.b2bprice» in a card
 * quoted on a GitLab issue whose h1 is the title): the block is the solution's own card, so its
 * name needs no word shared with the h1. An edition's or another solution's card states no code or
 * another one (Python `_card_of_own_code`).
 */
function cardOfOwnCode(page: Page, label: Element): boolean {
  const own = page.scope.code;
  const block = [...ancestors(label)].find((a) => CARD_BLOCKS.has(tag(a))) ?? null;
  if (!own || block === null) return false;
  const isOwn = (text: string): boolean => codeFrom(firstWord(text), "fields", "code", "values") === own;
  return page.index.find("code", { accept: (el) => block.contains(el), valid: isOwn }) !== null;
}


/**
 * The title of this solution's own card on an article about it: the one heading of the largest block
 * around a link to the solution's own page (`ownCardHeads`), sharing a word with the article's headline
 * (`headline`, its review word left out). A blog's product card «<h4>Люмен.Клиника — сайт медицинского
 * центра</h4> … <a href=/solutions/lumenweb.clinic/>» names the solution; a call to action around the
 * same link («Попробуйте 30 дней бесплатно») shares no word with the headline (Python `_card_title`).
 */
function cardTitle(page: Page, headline: string): string | null {
  const mine = nameWords(headline);
  if (!mine.size) return null;
  for (const heads of ownCardHeads(page)) {
    const [head] = heads;
    if (heads.length === 1 && head !== undefined && [...nameWords(head)].some((w) => mine.has(w))) return head;
  }
  return null;
}

/**
 * The headings of each card around a link to the solution's own page (`linkCode` is the page's code; the
 * card is the largest block around the link whose text stays within a card, `scope.card_max_chars`), in
 * page order (Python `_own_card_heads`).
 */
function ownCardHeads(page: Page): string[][] {
  const own = page.scope.code;
  if (!own) return [];
  const cardMax = Number(TABLE.get("scope", "card_max_chars"));
  const cards: string[][] = [];
  for (const a of css(page.root, "a[href]")) {
    if (linkCode(a) !== own) continue;
    let card: Element = a;
    for (let parent = card.parentElement; parent && !["body", "html"].includes(tag(parent)); parent = card.parentElement) {
      if (cpLen(fold(inlineText(parent))) > cardMax) break;
      card = parent;
    }
    const heads = (TABLE.headingTags.has(tag(card)) ? [card] : []).concat(css(card, [...TABLE.headingTags].sort().join(", ")));
    cards.push(heads.map((head) => norm(inlineText(head))));
  }
  return cards;
}

/** The folded text without the quotes around it («Планировщик» → планировщик) (Python `_bare_quotes`). */
function bareQuotes(text: string): string {
  let bare = fold(text).trim();
  for (const quotes of TABLE.global("name", "bold_quotes")) bare = bare.replace(quotes, "");
  return bare;
}

/**
 * On a page that is another site's (its canonical / og:url is no Marketplace solution address: a story on
 * a publishing platform, a blog post), the h1 is the article's headline («Три года продаю модуль …: цифры,
 * отзывы и ошибки»). When it shares no word with the title of the solution's own link card and the body
 * names the solution just so in bold (`name.shown_title`: «Модуль называется <strong>«X»</strong>» besides
 * a link card «<h2>X</h2> … <a href=/solutions/<code>/>»), the card names the solution: two places of the
 * author's own agree. A call to action around the link («Попробуйте 30 дней бесплатно») is never also the
 * body's bold name (Python `_offsite_card_title`).
 */
function offsiteCardTitle(page: Page, headline: string): string | null {
  const link = canonical(page);
  if (!link || codeFrom(link, "urls", "solution_path")) return null; // the solution's own listing (or no address to tell by)
  const mine = nameWords(headline);
  const selector = TABLE.entries("name", "shown_title").map((sel) => String(sel.css)).join(", ");
  const bold = new Set(page.outside(css(page.root, selector)).map((el) => bareQuotes(inlineText(el))));
  for (const heads of ownCardHeads(page)) {
    for (const title of heads) {
      // a link card's title, its subtitle (a mixtape's h2 + h3)
      const found = nameWords(title);
      if (found.size && ![...found].some((w) => mine.has(w)) && bold.has(bareQuotes(title))) return title;
    }
  }
  return null;
}

/**
 * A name label of the solution's own facts («Название на Маркетплейсе: …», `labelledName`), else the
 * h1 (outside tabs), else microdata / og:title, else <title> cut at the site separator.
 *
 * A wiki's own page title in the h1 (`wikiTitle`) gives way to the page's og:title; an h1 that no title
 * of the page echoes (`echoed`) gives no name, and a review's headline («Обзор: X — …»,
 * `name.article_headlines`) gives way to the title of the solution's own card (`cardTitle`), else none. Badges inside the
 * element are left out («Хит продаж», «−30%»), and so is a leading kind word of its own (`kindWord`:
 * «<span>Модуль</span> <span>Lumenix: …</span>»); an element that says only the site's name (a header
 * logo in an h1: «1С-Битрикс: Маркетплейс») is passed over for the next, and so is a crumb of a
 * breadcrumb trail (a BreadcrumbList's «<span itemprop=name>Главная</span>»).
 */
export function name(page: Page): string | null {
  const [shown, isEchoed] = selectorName(page);
  const labelled = labelledName(page, shown);
  if (labelled) {
    page.found_by.name = "label";
    return labelled;
  }
  if (!isEchoed) return null; // an h1 the page's own titles do not echo: some other heading, not the name
  let named = shown;
  const headline = TABLE.search(fold(shown ?? ""), "name", "article_headlines");
  if (headline) named = cardTitle(page, fold(shown ?? "").slice(headline.index + headline[0].length)); // «Обзор: X — …»: its card names X, else no name
  else if (shown) named = offsiteCardTitle(page, shown) ?? shown; // another site's article: its headline is its own, the solution's card names it
  if (named) page.found_by.name = "selector";
  return named;
}

type Kind = "site" | "module";

/**
 * «Готовый интернет-магазин» → site, «Модули» → module, else null; the earlier wording wins; site
 * wording after «для / под / на базе» or a tool noun is what an add-on works on («Быстрый поиск для
 * готовых магазинов»), no site.
 */
function kindOfText(text: string): Kind | null {
  const folded = fold(text);
  let site = TABLE.search(folded, "kind", "site_text");
  if (site && TABLE.search(folded.slice(0, site.index), "kind", "site_text_not_after")) site = null; // an add-on, a tool
  const module = TABLE.search(folded, "kind", "module_text");
  if (site && (!module || site.index <= module.index)) return "site";
  return module ? "module" : null;
}

/**
 * Breadcrumbs (links, then a JSON-LD BreadcrumbList): a site category id or wording wins. Also whether
 * a crumb's own wording names a module («Модули», «Интеграция»): a category id alone is weak
 * (ready-made sites sit in industry categories too), the wording is the catalogue's word.
 */
function kindOfCrumbs(page: Page): [Kind | null, boolean] {
  const siteIds = new Set((TABLE.get("kind", "site_category_ids") as number[] | undefined) ?? []);
  let said: Kind | null = null;
  let worded = false;
  const groups: Array<Array<[string, string]>> = [
    TABLE.entries("kind", "breadcrumbs").flatMap((sel) =>
      css(page.root, String(sel.css)).map((a): [string, string] => [a.getAttribute("href") ?? "", inlineText(a)]),
    ),
  ];
  // a trail with no breadcrumb class (nav / ol / ul of catalog links with separators, or an element
  // holding a category link outside the header / footer: <div>Маркетплейс / <a>Модули</a> / …</div>;
  // scope.isCrumbs)
  const trails = css(page.root, "nav, ol, ul");
  for (const a of css(page.root, "a")) {
    const parent = a.parentElement;
    if (
      parent &&
      !trails.includes(parent) &&
      TABLE.search(a.getAttribute("href") ?? "", "scope", "crumb_category") &&
      ![...ancestors(parent)].some((el) => ["header", "footer"].includes(el.tagName.toLowerCase()))
    )
      trails.push(parent);
  }
  for (const trail of trails) {
    if (isCrumbs(trail)) groups.push(css(trail, "a").map((a): [string, string] => [a.getAttribute("href") ?? "", inlineText(a)]));
  }
  const jsonld = page.jsonld.join("\x1e");
  if (jsonld.includes("BreadcrumbList")) {
    groups.push([...jsonld.matchAll(/[^"\s]*category[/=][0-9]+[^"\s]*/gu)].map((m): [string, string] => [m[0], ""]));
  }
  for (const group of groups) {
    const kinds = new Set(group.map(([, text]) => (text ? kindOfText(text) : null)));
    if (kinds.has("site") && kinds.has("module")) continue; // «Готовые сайты › Модули › Сервисы»: a menu of categories, not a trail
    for (const [href, text] of group) {
      const m = TABLE.search(href, "urls", "category");
      if (m && siteIds.has(Number(m[1]))) return ["site", false];
      const byText = text ? kindOfText(text) : null;
      if (byText === "site") return ["site", false];
      worded = worded || byText === "module";
      said = said ?? byText ?? (m ? "module" : null);
    }
  }
  return [said, worded];
}

const MAX_BUNDLE_LEAD = 40; // how far before «+ лицензия «Старт»» the thing sold with the licence is named
const CLAUSE_END = /[.!?;:]/u;

/** The head offers the solution in a bundle with a 1C-Bitrix licence (kind.bundle_text), and the
 * words right before it in its clause do not name a module («Комплект: модуль + лицензия «Старт»»
 * is a module's offer; a ready-made shop is what is sold that way) (Python `_site_bundle`). */
function siteBundle(text: string): boolean {
  for (const pattern of TABLE.global("kind", "bundle_text")) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      const lead = text.slice(Math.max(0, start - MAX_BUNDLE_LEAD), start).split(CLAUSE_END).pop() ?? "";
      if (!TABLE.search(lead, "kind", "module_text")) return true;
    }
  }
  return false;
}

/**
 * `site` for ready-made sites/shops, `module` for modules, null when nothing on the page says (then
 * the table's `default`). Site evidence: a category-14 or ready-made breadcrumb, a kind label, then,
 * unless a breadcrumb's own wording names a module («Модули», «Интеграция»: the catalogue's word beats
 * the vendor's title and a licence offer), the h1 / title wording, edition bundles with a 1C-Bitrix
 * licence, the bundle chooser.
 */
export function kind(page: Page): Kind | null {
  const [crumbs, crumbsWorded] = kindOfCrumbs(page);
  const hit = page.index.find("kind", { valid: (t) => kindOfText(t) !== null });
  const labelled = hit ? kindOfText(hit.text) : null;
  const titles: string[] = [];
  for (const sel of ["h1", "title"]) {
    const el = page.first(sel);
    if (el) titles.push(inlineText(el));
  }
  const og = css(page.root, "meta[property='og:title']")[0];
  if (og) titles.push(og.getAttribute("content") ?? "");
  const byTitle = titles.map(kindOfText).filter((k): k is Kind => k !== null);
  const bundles =
    siteBundle(page.headText()) ||
    TABLE.entries("kind", "site_markers").some((sel) => page.first(String(sel.css)) !== null);
  const siteSays: Array<[string, Kind | null]> = [["breadcrumbs", crumbs], ["label", labelled]];
  for (const [source, said] of siteSays) {
    if (said === "site") {
      page.found_by.kind = source;
      return "site";
    }
  }
  if (crumbsWorded) {
    page.found_by.kind = "breadcrumbs";
    return "module";
  }
  if (labelled === "module") { // «Тип решения: Модуль» beats ready-made wording in a module's title
    page.found_by.kind = "label"; // («Перенос готового сайта с Tilda») and a licence offer
    return "module";
  }
  if (byTitle.includes("site")) {
    page.found_by.kind = "title";
    return "site";
  }
  if (bundles) {
    page.found_by.kind = "bundles";
    return "site";
  }
  const moduleSays: Array<[string, Kind | null]> = [["breadcrumbs", crumbs], ["label", labelled], ["title", byTitle[0] ?? null]];
  for (const [source, said] of moduleSays) {
    if (said === "module") {
      page.found_by.kind = source;
      return "module";
    }
  }
  for (const tab of ["about", "install"]) { // the vendor's own text, when nothing above says
    const body = page.tabs.bodies.get(tab);
    if (body && TABLE.search(fold(inlineText(body)), "kind", "site_description")) {
      page.found_by.kind = "description";
      return "site";
    }
  }
  const fallback = TABLE.get("kind", "default");
  return fallback === "site" || fallback === "module" ? fallback : null;
}

/**
 * The sentence names another solution in quotes («Модуль «ACME: Обмен 1.x» снят с публикации»): a
 * quoted name that is neither part of this page's name nor holds it, or that opens this page's name
 * before a version or an edition (`withdrawn_successor_suffix`: «Импорт прайсов» on «Импорт прайсов
 * 2.0», the predecessor). Unknown own name: false.
 */
function namesOther(sentence: string, ownName: string | null): boolean {
  const mine = ownName ? fold(ownName).toLowerCase() : "";
  if (!mine) return false;
  return TABLE.global("withdrawn_quoted").some((p) =>
    [...sentence.matchAll(p)].some((m) => {
      const quoted = (m[1] ?? "").trim().toLowerCase();
      if (quoted === "") return false;
      if (!mine.includes(quoted) && !quoted.includes(mine)) return true;
      return quoted !== mine && mine.startsWith(quoted) && TABLE.search(mine.slice(quoted.length), "withdrawn_successor_suffix") !== null;
    }),
  );
}

/**
 * «снят с публикации» as a notice about this solution, outside the user-written tabs: in a short
 * element (a banner, the title) or opening its text, never in a sentence about something else
 * («заменяет модуль X, который снят с публикации», «Модуль «X» снят с публикации» on the page of Y),
 * nor narrowed to a part of the offer («больше не продается для редакции «Старт»»).
 */
/** The notice's sentence before «снят с публикации», read with its children's text, names another
 * solution: by a quoted name, or by the text of a link to another solution's page. */
function linksOtherBefore(page: Page, el: Element, ownName: string | null): boolean {
  const full = fold(inlineText(el));
  const m = TABLE.search(full, "withdrawn");
  if (!m) return false;
  const sentence = full.slice(0, m.index).split(/[.!?](?:\s|$)/u).pop() ?? "";
  if (namesOther(sentence, ownName)) return true;
  for (const a of css(el, "a[href]")) {
    const code = linkCode(a);
    const text = fold(inlineText(a));
    if (code && code !== page.ownCode && text && sentence.includes(text)) return true;
  }
  return false;
}

export function withdrawn(page: Page): boolean {
  if (TABLE.search(page.headText(), "withdrawn") === null) return false; // the cheap test first
  const ownName = name(page);
  for (const el of Array.from(page.root.querySelectorAll("*"))) { // static list: see dom.preparedCopy
    const own = fold(ownText(el));
    const m = own ? TABLE.search(own, "withdrawn") : null;
    if (!m || page.zoneOf(el) !== null) continue;
    const after = own.slice(m.index + m[0].length);
    if (TABLE.search(after, "withdrawn_count")) continue; // «Снято с публикации — 12»: a count of the catalogue's solutions
    if (TABLE.search(after, "withdrawn_partial")) continue; // «… больше не продается для редакции «Старт»»: one edition, not the solution
    const before = own.slice(0, m.index);
    const sentence = before.split(/[.!?](?:\s|$)/u).pop() ?? "";
    if (TABLE.search(sentence, "withdrawn_other")) continue;
    if (namesOther(before.split(/[.!?](?:\s|$)/u).pop() ?? "", ownName)) continue; // a quoted name holds dots of its own («ACME: Обмен 1.x»)
    if (el.children.length && linksOtherBefore(page, el, ownName)) continue; // «Решение <a href=/solutions/other/>„X“</a> снято с публикации»: that one is
    if (cpLen(fold(inlineText(el))) <= MAX_NOTICE_CHARS || !stripChars(sentence, " «»\"—–-:")) return true;
  }
  return false;
}

/** The links under `root` whose URL names a partner page (`path` in it), read through an archive's or a
 * redirector's wrapper (`originalUrl`: a published Google Doc's «google.com/url?q=…ID%3D604417»). */
function partnerAnchors(root: Element, path: string): Element[] {
  return css(root, "a[href]").filter((a) => originalUrl((a.getAttribute("href") ?? "").trim()).includes(path));
}

/** A URL as a link's text shows it: no scheme, no «www.», no trailing slash, lower-cased (Python `_bare`). */
function bare(url: string): string {
  const i = url.indexOf("://");
  const rest = (i >= 0 ? url.slice(i + 3) : url).toLowerCase();
  let out = rest.startsWith("www.") ? rest.slice(4) : rest;
  while (out.endsWith("/")) out = out.slice(0, -1);
  return out;
}

/** The link's text is its own address («<a href=…/partners/detail.php?ID=1648203>marketplace.1c-
 * bitrix.ru/partners/detail.php?ID=1648203</a>», through a redirector's wrapper too): it names the page,
 * not the partner (Python `_shows_address`). */
function showsAddress(a: Element, text: string): boolean {
  const href = originalUrl((a.getAttribute("href") ?? "").trim());
  return text !== "" && !text.includes(" ") && bare(text) === bare(href);
}

function partnerLink(el: Element): Partner {
  for (const a of partnerAnchors(el, "detail.php?ID=")) {
    const m = TABLE.search(originalUrl((a.getAttribute("href") ?? "").trim()), "fields", "partner", "values");
    if (m) {
      const text = withoutBadges(a, "fields", "partner");
      return { id: Number(m[1]), name: showsAddress(a, text) ? null : linkName(text) };
    }
  }
  return { id: null, name: null };
}

/** The text without its web addresses (a word with a dot and a slash: «marketplace.1c-bitrix.ru/
 * partners/detail.php?ID=1648203»), whose «?» is a query's, not a question's (Python `_without_addresses`). */
function withoutAddresses(text: string): string {
  return norm(text)
    .split(" ")
    .filter((word) => word && !(word.includes(".") && word.includes("/")))
    .join(" ");
}

/** A partner label's value that names the partner, then links its page by the page's address
 * («Разработчик: ВестаЛаб — <a>marketplace.1c-bitrix.ru/partners/detail.php?ID=1648203</a>», a post's
 * «label: value» line): the value without that address and the separators around it; the value itself
 * otherwise (Python `_beside_address`). */
function besideAddress(el: Element, text: string): string {
  for (const a of partnerAnchors(el, "detail.php?ID=")) {
    const shown = inlineText(a);
    if (shown && text.includes(shown) && showsAddress(a, shown)) return stripChars(norm(text.replace(shown, " ")), SEPARATOR_CHARS);
  }
  return text;
}

/** The partner's name a link's (or a label's) text gives: none when it names the partner's page
 * («Все решения разработчика», «Страница партнёра»: `fields.partner.link_not_name`) (Python `_link_name`). */
function linkName(text: string | null): string | null {
  if (!text || TABLE.search(fold(text), "fields", "partner", "link_not_name")) return null;
  return text;
}

/** The label element carries an English key of the partner field (data-field="developer"). */
function keyed(el: Element): boolean {
  const keys = new Map(((TABLE.get("fields", "partner", "keys") as string[] | undefined) ?? []).map((k) => [k, "partner"]));
  return ((TABLE.get("key_attributes") as string[] | undefined) ?? []).some((attr) => keyField(keys, el.getAttribute(attr)) === "partner");
}

/** The id of a partner link outside the tabs whose text is the given name (badges left out). */
function namedLink(page: Page, partnerName: string): number | null {
  const wanted = fold(partnerName).toLowerCase();
  for (const a of page.outside(partnerAnchors(page.root, "partners/detail.php?ID="))) {
    const link = partnerLink(a);
    if (link.id !== null && link.name && fold(link.name).toLowerCase() === wanted) return link.id;
  }
  return null;
}

/**
 * A partner label's value without the bracket that states the partner's id after its name («LisDev (ID
 * партнёра 1947382)», `fields.partner.id_note`), and that id (null without one): a page retelling the
 * listing names the partner so when it does not link its page; or the partner's Marketplace page written
 * as a bare address after the name («Кварцлайн — страница партнёра https://marketplace.1c-bitrix.ru/partners/
 * detail.php?ID=2411703», a shop stripping links) (Python `_without_id_note`).
 */
function withoutIdNote(text: string): [string, number | null] {
  const m = TABLE.search(fold(text), "fields", "partner", "id_note");
  if (!m || m.index === 0) return [text, null];
  return [norm(text).slice(0, m.index).trim(), Number(m[1])];
}

/**
 * {id, name}: the link next to «Разработчик» (`name_labels`; without a link its text is the name,
 * and the id that of a partner link with the same text), else the link next to another partner
 * label (`labels`: «Автор», «Партнёр», … name no partner without one), else the first partner link
 * outside the tabs. Badges inside the link are left out of the name.
 */
export function partner(page: Page): Partner {
  // a value that is only a date or a time («сегодня, 09:15»: a message header's badge) names no partner
  // only digits («4172093», the partner's id as a form item's key) is no name either
  const digits = (text: string): boolean => {
    const bare = [...text].filter((ch) => ch.trim() !== "");
    return bare.length > 0 && bare.every((ch) => ch >= "0" && ch <= "9");
  };
  const valid = (text: string): boolean =>
    !digits(text) &&
    TABLE.search(withoutAddresses(text), "fields", "partner", "not_own") === null &&
    TABLE.search(fold(text), "fields", "partner", "date_not_name") === null;
  const named = page.index.find("fields/partner/name_labels", { valid });
  if (named) {
    const link = named.valueEl ? partnerLink(named.valueEl) : { id: null, name: null };
    page.found_by.partner = "label";
    if (link.id !== null) {
      const beside = named.valueEl ? besideAddress(named.valueEl, named.text) : named.text;
      return { id: link.id, name: link.name || linkName(beside) };
    }
    const [bare, stated] = withoutIdNote(named.text);
    return { id: stated ?? namedLink(page, bare), name: bare };
  }
  const passed = new Set<Element>();
  for (;;) {
    const hit: Hit | null = page.index.find("partner", { valid, accept: (el) => !passed.has(el) });
    if (!hit) break;
    const link = hit.valueEl ? partnerLink(hit.valueEl) : { id: null, name: null };
    if (link.id !== null || keyed(hit.label)) {
      page.found_by.partner = "label";
      return { id: link.id, name: link.name || linkName(hit.text) };
    }
    passed.add(hit.label); // «Партнёр 1С-Битрикс: Золотой», «Автор: Иван Петров»: no partner named
  }
  for (const a of page.outside(partnerAnchors(page.root, "partners/detail.php?ID="))) {
    const link = partnerLink(a);
    if (link.id !== null) {
      page.found_by.partner = "selector";
      return link;
    }
  }
  return { id: null, name: null };
}
