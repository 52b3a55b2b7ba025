// Links the checklist asks for: documentation, video, presentation, cases — from the head and
// the vendor's own tabs, never from user-written ones (backend/mpcheck/extract/links.py).
import type { Page } from "./context";
import { absoluteUrl, childElements, css, inlineText, labelCell, linkUrl, originalUrl, ownText, rowLabel, tag, textBefore, tracked } from "./dom";
import { cpLen, fold, norm } from "./text";
import { TABLE } from "./label_table";
import { name, partner } from "./identity";

const VENDOR_ZONES = ["about", "install", "support"];
const MAX_TITLE_CHARS = 120; // a case title is a heading or a short label, not a paragraph
const FOREIGN = /^\s*(?:https?:)?\/\//i; // absolute or protocol-relative: the only links that can leave the host
const STEM_CHARS = 4; // «Комоду» / «Комод», «СДЭК» / «СДЭКа»: a name's declined forms share their first letters
const SENTENCE_END = /[.!?](?:\s|$)/u;
const WORDS = /[\p{L}\p{N}]{3,}/gu;
const CAPITAL = /^[\p{Lu}0-9]/u;

function stems(text: string | null | undefined): Set<string> {
  return new Set([...(text ?? "").matchAll(WORDS)].map((m) => m[0].slice(0, STEM_CHARS).toLowerCase()));
}

/** The stems of the solution's name and its partner's, each read once when first asked. */
class OwnNames {
  private nameStems: Set<string> | null = null;
  private partnerStems: Set<string> | null = null;
  constructor(private readonly page: Page) {}
  name(): Set<string> {
    this.nameStems ??= stems(name(this.page));
    return this.nameStems;
  }
  partner(): Set<string> {
    this.partnerStems ??= stems(partner(this.page).name);
    return this.partnerStems;
  }
}

/** The link is a request form (links.request: «Заказать видеодемонстрацию»), or its text or its
 * sentence right before it names another owner of the material: the platform as its author, the
 * Marketplace's routine of buying / installing any solution, the vendor company (links.not_own:
 * «видео от 1С-Битрикс», «Видео: как купить решение», «Презентация компании») (Python `_not_own`). */
function notOwn(text: string, a: Element): boolean {
  if (TABLE.search(text, "links", "request")) return true; // «Заказать видеодемонстрацию», «Презентация по запросу»: a form
  const before = fold(textBefore(a)).split(SENTENCE_END).pop() ?? "";
  return Boolean(TABLE.search(text, "links", "not_own") || TABLE.search(before, "links", "not_own"));
}

/** A documentation / presentation word followed by a proper name that is neither this solution's
 * nor its partner's («документация СДЭК», «документация PHP»), with no noun of the solution after
 * it in the text; or a quoted name in the text whose words, the partner's left out, share nothing
 * with the solution's name (Python `_other_owner`). */
function otherOwner(text: string, own: OwnNames): boolean {
  const m = TABLE.search(text, "links", "owner_word");
  if (!m) return false;
  for (const pattern of TABLE.global("withdrawn_quoted")) {
    for (const q of text.matchAll(pattern)) {
      const partnerStems = own.partner();
      const words = [...stems(q[1])].filter((w) => !partnerStems.has(w));
      if (words.length && !words.some((w) => own.name().has(w))) return true;
    }
  }
  const word = m[1] ?? "";
  if (!CAPITAL.test(word)) return false;
  if (TABLE.search(text.slice((m.index ?? 0) + m[0].length), "links", "owner_own_noun")) return false;
  const found = [...stems(word)];
  return found.length > 0 && !found.some((w) => own.name().has(w) || own.partner().has(w));
}

/** A quoted name right after a material word or a solution's noun (links.owned_quoted: «видеообзор
 * модуля «ACME: Склад»»), in the link's text or the sentence right before it, whose words, the
 * partner's left out, share nothing with this solution's name: another solution's material (Python
 * `_quoted_other`). */
function quotedOther(text: string, a: Element | null, own: OwnNames): boolean {
  const before = a ? (fold(textBefore(a)).split(SENTENCE_END).pop() ?? "") : "";
  for (const t of [text, before]) {
    for (const pattern of TABLE.global("links", "owned_quoted")) {
      for (const q of t.matchAll(pattern)) {
        const partnerStems = own.partner();
        const words = [...stems(q[1])].filter((w) => !partnerStems.has(w));
        if (words.length && !words.some((w) => own.name().has(w))) return true;
      }
    }
  }
  return false;
}

/** «видео от СДЭК»: the proper name after «от» (links.video_owner) shares no stem with this
 * solution's name or its partner's: another owner's video (Python `_video_by_other`). */
function videoByOther(text: string, own: OwnNames): boolean {
  const m = TABLE.search(text, "links", "video_owner");
  if (!m || !CAPITAL.test(m[1] ?? "")) return false;
  const found = [...stems(m[1])];
  return found.length > 0 && !found.some((w) => own.name().has(w) || own.partner().has(w));
}

/** The video a URL shows (watch link, short link and player embed of one video are one key; one
 * group per host, so a YouTube id and a Vimeo number never meet) (Python `_video_key`). */
function videoKey(url: string): string {
  const m = TABLE.search(url, "links", "video_id");
  if (!m) return url;
  const host = m.slice(1).findIndex((g) => g !== undefined && g !== "");
  return `id:${host}:${m[host + 1]}`;
}

export interface Links { documentation: string | null; video: string[]; presentation: string | null; cases: string[] }

function firstLink(anchors: Element[], page: Page, path: string[], own: OwnNames): string | null {
  for (const a of anchors) {
    const text = page.foldedText(a);
    if (!TABLE.search(text, ...path) || notOwn(text, a) || otherOwner(text, own) || quotedOther(text, a, own)) continue;
    const url = linkUrl(a, page.base);
    // «Видеопрезентация модуля» on YouTube is the video, not the presentation
    if (url && !TABLE.search(url, "links", "video_host")) return url;
  }
  return null;
}

/** The first link whose text names documentation, unless it names a paper of the sale too («Инструкция
 * по оплате счёта») or leads onto the platform's own sites (a 1C-Bitrix course, the Marketplace's help):
 * neither is this solution's documentation. A first link to a docs site's root (the vendor's portal for
 * all its products, a forum sidebar's «Документация») yields to a later one to a page on that host whose
 * path names the module part of the solution's code («…/b2bprice/» of lumera.b2bprice): that page is
 * this solution's part of it (Python `_documentation`). */
function documentation(anchors: Element[], page: Page, own: OwnNames): string | null {
  const found = documentations(anchors, page, own);
  const first = found[0];
  if (first === undefined) return null;
  const root = urlParts(first);
  if (!root || root.query) return first;
  if (root.path) return documentationTop(first, found, page.ownCode);
  const code = page.ownCode;
  const module = code ? (code.includes(".") ? code.slice(code.indexOf(".") + 1) : code).toLowerCase() : "";
  // a page of the portal whose path names this solution's module, not another product's
  const deeper = found.find((url) => {
    const u = urlParts(url);
    return !!module && !!u && u.host === root.host && u.path.toLowerCase().split("/").includes(module);
  });
  return deeper ?? first;
}

/**
 * A first link into a chapter of the solution's documentation («…/docs/tgnotify/max/», a release
 * note's «подробнее — в документации») yields to a later link to the page above it on that host
 * whose last segment is the module part of the solution's code («…/docs/tgnotify/»): that page is
 * the documentation, the chapter a part of it (Python `_documentation_top`).
 */
function documentationTop(first: string, found: string[], code: string | null): string {
  const module = code ? (code.includes(".") ? code.slice(code.indexOf(".") + 1) : code).toLowerCase() : "";
  const head = urlParts(first);
  if (!module || !head) return first;
  for (const url of found) {
    const u = urlParts(url);
    if (!u || u.host !== head.host || u.query) continue;
    const last = u.path.toLowerCase().split("/").pop() ?? "";
    if (last === module && head.path.startsWith(`${u.path}/`)) return url;
  }
  return first;
}

/** A URL's host (lower case), its path without the slashes around it, and its query; null when unparseable. */
function urlParts(url: string): { host: string; path: string; query: string } | null {
  try {
    const u = new URL(url);
    return { host: u.host.toLowerCase(), path: u.pathname.split("/").filter(Boolean).join("/"), query: u.search };
  } catch {
    return null;
  }
}

/** Every link `documentation` may take, in page order (Python `_documentations`). */
function documentations(anchors: Element[], page: Page, own: OwnNames): string[] {
  const out: string[] = [];
  for (const a of anchors) {
    const text = page.foldedText(a);
    if (!TABLE.search(text, "links", "documentation") || TABLE.search(text, "links", "documentation_other")) continue;
    if (notOwn(text, a) || otherOwner(text, own) || quotedOther(text, a, own)) continue;
    const url = linkUrl(a, page.base);
    // «Инструкция (видео)» on YouTube: the video, not the documentation
    if (url && !TABLE.search(url, "links", "documentation_host") && !TABLE.search(url, "links", "video_host")) out.push(url);
  }
  return out;
}

/** A .pdf link is the presentation when nothing names it as something else: its text names no
 * documentation and no paper of the sale, nor do the words right before it or its label cell; and
 * either those words say «Презентация», or its text names nothing («Скачать», «PDF, 2 МБ») and
 * neither do they («Пример печатной формы: <a>скачать</a>» is a sample) (Python `_bare_presentation`). */
function barePresentation(text: string, a: Element): boolean {
  const before = fold(textBefore(a));
  const cell = fold(labelCell(a));
  const around = [before, cell];
  if ([text, ...around].some((t) => TABLE.search(t, "links", "documentation") || TABLE.search(t, "links", "paper_other"))) return false;
  if (around.some((t) => TABLE.search(t, "links", "presentation"))) return true;
  const sentence = before.split(SENTENCE_END).pop() ?? ""; // the words naming the file, not the paragraph before
  const label = cpLen(cell) <= MAX_LABEL_CHARS ? cell : ""; // a label, not the paragraph above
  return [text, sentence, label].every((t) => TABLE.search(t, "links", "presentation_generic"));
}

/** A link whose text, or the words right before it, name documentation, a presentation or a video
 * («Документация по модулю: <a>docs.acme.ru</a>»): in the block after a case title, no case (Python
 * `_names_other`). */
function namesOther(text: string, a: Element): boolean {
  const before = fold(textBefore(a));
  return ["documentation", "presentation", "video"].some((key) => TABLE.search(text, "links", key))
    || ["documentation", "presentation", "video_before"].some((key) => TABLE.search(before, "links", key));
}

function onMarketplace(url: string): boolean {
  try {
    return new URL(url).host.endsWith(String(TABLE.get("urls", "host")));
  } catch {
    return false;
  }
}

const INLINE_TITLES = new Set(["strong", "b", "span"]); // a bold label inside a paragraph, not a block of its own

/** An inline label opening its block («<p><strong>Кейсы:</strong> <a>…</a> — …; <a>…</a></p>»)
 * titles the rest of that block, not just the element after it: the elements after it there, up to
 * the next label of its tag («<b>Документация:</b>» later in the line). One opening a line of its
 * block, right after a `<br>` («…<br><span>Кейсы внедрения:</span> <a>…</a>, <a>…</a><br>…»), titles
 * the rest of that line: up to the next `<br>` too. null when `el` is no inline label, or text or
 * another element than a `<br>` comes before it in its block (Python `_label_run`). */
function labelRun(el: Element): Element[] | null {
  if (!INLINE_TITLES.has(tag(el)) || norm(textBefore(el))) return null;
  const opens = el.parentElement?.firstElementChild === el;
  const line = !opens && el.previousElementSibling !== null && tag(el.previousElementSibling) === "br";
  if (!opens && !line) return null;
  const run: Element[] = [];
  for (let nxt = el.nextElementSibling; nxt && tag(nxt) !== tag(el) && !(line && tag(nxt) === "br"); nxt = nxt.nextElementSibling) run.push(nxt);
  return run;
}

/** A case title naming the solution its sites run on («Сайты клиник на Кедр.Дент»,
 * links.case_titles_named): the name after «на» shares a stem, the partner's left out, with this
 * solution's name; «Сайты на 1С-Битрикс», «Магазины на другом шаблоне» name no case of it (Python
 * `_names_this`). */
function namesThis(title: string, own: OwnNames): boolean {
  const m = TABLE.search(title, "links", "case_titles_named");
  if (!m) return false;
  let named = m[1] ?? "";
  for (const platform of TABLE.global("links", "platform_words")) named = named.replace(platform, " "); // «… для 1С-Битрикс» shares no case with «на 1С-Битрикс»
  const partnerStems = own.partner();
  return [...stems(named)].some((w) => !partnerStems.has(w) && own.name().has(w));
}

const LABEL_BLOCKS = new Set(["p", "div"]); // a block an inline label can stand alone in, as a heading would
const LABEL_LISTS = new Set(["ul", "ol", "dl", "table"]); // what a label alone in its block heads: a list, not prose
const ALNUM = /[\p{L}\p{N}]/u;

/** A block that is links and separators only («<p><a>…</a>, <a>…</a></p>»): no word outside its links, so
 * no prose sentence that merely holds one (Python `_links_only`). */
function linksOnly(el: Element): boolean {
  const links = css(el, "a[href]");
  let rest = inlineText(el);
  for (const a of links) rest = rest.replace(inlineText(a), " ");
  return links.length > 0 && !ALNUM.test(rest);
}

/** A label alone in its block heads the block after it only when that is a list or table, or links only:
 * «<p><b>Кейсы</b></p><p>Пока не опубликованы. О компании — на <a>сайте</a>.</p>» is prose after a label,
 * not its list (Python `_heads_list`). */
function headsList(block: Element): boolean {
  const nxt = block.nextElementSibling;
  return nxt !== null && (LABEL_LISTS.has(tag(nxt)) || linksOnly(nxt));
}

/** The heading whose whole text a title element is (a site builder's styled span in its heading:
 * <h3><span>Кейсы</span></h3>), or the block whose whole text an inline label is (a legacy template's
 * «<p><b>Кейсы внедрения:</b></p><ul>…</ul>»: the paragraph is the heading of the list after it, headsList), else
 * the element itself (Python `_title_heading`). */
function titleHeading(el: Element): Element {
  let heading: Element | null = el;
  while (heading && !TABLE.headingTags.has(tag(heading))) heading = heading.parentElement;
  if (!heading && INLINE_TITLES.has(tag(el))) {
    const parent = el.parentElement;
    heading = parent && LABEL_BLOCKS.has(tag(parent)) && headsList(parent) ? parent : null;
  }
  return heading && heading !== el && norm(inlineText(heading)) === norm(inlineText(el)) ? heading : el;
}

/** The blocks under a heading: the block right after it, then the next siblings up to the next heading (or a
 * block holding one) while each is a link block (linkBlock) and so was the first: the case links of a
 * «<h3>Сайты на этом решении</h3><p><a>…</a></p><p><a>…</a></p>» list, one block each, up to the prose after
 * them («Хотите в этот список? Напишите нам», a contacts line); the block right after any other title element
 * (Python `_heading_section`). */
/** The outermost box that holds the title alone: each ancestor whose only child is the box below it and
 * that has no text of its own (a page builder wraps every text in a container: Framer's «<div
 * data-framer-name="Sub Title"><h3>Кейсы</h3></div>» before the «Case List» block, blind
 * solution_framer_site_dataname_zvezda_reviews_free), else the title itself: the blocks after that box are
 * the title's (Python `_title_box`). */
function titleBox(el: Element): Element {
  let box = el;
  for (let parent = box.parentElement; parent && !["body", "html", "main"].includes(tag(parent)); parent = parent.parentElement) {
    if (childElements(parent).length !== 1 || norm(ownText(parent))) break;
    box = parent;
  }
  return box;
}

/** A block whose text before its first link ends as a label («Ещё почитать: <a>статья в блоге</a>»,
 * «Магазин «Улыбка»: <a>ulybka.ru</a>») (Python `_labelled_line`). */
function labelledLine(el: Element): boolean {
  const first = css(el, "a[href]")[0];
  const name = first ? norm(inlineText(first)) : "";
  if (!name) return false; // no link, or a picture's: no words to tell its label by
  const lead = norm(inlineText(el)).split(name)[0] ?? "";
  return lead.trimEnd().endsWith(":");
}

// after an unlabelled first block (a <ul> of cases), a labelled line is another thing's line, no entry
function headingSection(el: Element): Element[] {
  const first = titleBox(el).nextElementSibling;
  if (!first) return [];
  if (!TABLE.headingTags.has(tag(el)) || !linkBlock(first)) return [first];
  const heads = [...TABLE.headingTags].join(", ");
  const section: Element[] = [first];
  for (let nxt = first.nextElementSibling; nxt && (labelledLine(first) || !labelledLine(nxt)) && !TABLE.headingTags.has(tag(nxt)) && !nxt.querySelector(heads) && linkBlock(nxt); nxt = nxt.nextElementSibling) section.push(nxt);
  return section;
}

/** A block that is (at least half) its links' text: an entry of a list of links («<p><a>Стоматология
 * «Улыбка»</a></p>», «<li><a>shop.ru</a> — мебель</li>»), not prose holding a link («Пишите нам: <a>…</a>,
 * ответим в течение дня») (Python `_link_block`). */
function linkBlock(el: Element): boolean {
  const text = cpLen(inlineText(el));
  let linked = 0;
  for (const a of css(el, "a[href]")) linked += cpLen(inlineText(a));
  return text > 0 && 2 * linked >= text;
}

/** Links under a case title («Сайты на этом решении», «Кейсы внедрения: …», or one naming this
 * solution: namesThis): in the titled element itself, else in the rest of the block an inline label
 * opens (labelRun), else under it (the section of the heading it is, headingSection); not a link
 * there that names something else (a
 * heading with nothing under it, then «Документация: <a>…</a>»); never under a title naming another
 * solution («Кейсы внедрения модуля «ACME: Склад»», quotedOther). */
function underCaseTitles(page: Page, own: OwnNames): Element[] {
  const found: Element[] = [];
  for (const el of page.outside(css(page.root, "h1, h2, h3, h4, h5, h6, p, div, li, dt, strong, b, span"), ...VENDOR_ZONES)) {
    const title = fold(ownText(el));
    if (!title || cpLen(title) > MAX_TITLE_CHARS || !(TABLE.search(title, "links", "case_titles") || namesThis(title, own)) || quotedOther(title, null, own)) continue;
    let inside = css(el, "a[href]");
    if (!inside.length) {
      const run = labelRun(el);
      const heading = titleHeading(el);
      const after = run !== null && (run.length || heading === el) ? run : headingSection(heading);
      inside = after.flatMap((n) => css(n, "a[href]")).filter((a) => !namesOther(page.foldedText(a), a));
    }
    for (const a of inside) if (!found.includes(a)) found.push(a);
  }
  return found;
}

/** A video on the vendor's own host: its text names a video and does not lead elsewhere (a blog, an
 * example, a call), or «Видео:» stands right before it and its text names nothing else; a
 * documentation link is never also a video (Python `_named_video`). */
function namedVideo(text: string, a: Element): boolean {
  if (TABLE.search(text, "links", "documentation")) return false;
  if (TABLE.search(text, "links", "video")) return !TABLE.search(text, "links", "video_named_other");
  return Boolean(TABLE.search(fold(textBefore(a)), "links", "video_before")) && !TABLE.search(text, "links", "video_other");
}

/** A link whose whole text is «смотреть» / «watch» (links.video_watch_text) onto a URL that names a
 * video on a host of its own (links.video_watch_href: «video.acme.ru/watch/overview»), not the
 * platform's sites: the line before it tells what it shows («Настройка обмена с 1С: <a>смотреть</a>»)
 * (Python `_watch_link`). */
function watchLink(text: string, url: string): boolean {
  return Boolean(TABLE.search(text, "links", "video_watch_text"))
    && Boolean(TABLE.search(url, "links", "video_watch_href"))
    && !TABLE.search(url, "links", "documentation_host");
}

/**
 * What a link is named by: a link wrapping a whole card (a post card's «<a><span>Кейсы</span>
 * <h2>Люмен.Вет: …</h2><div>excerpt</div></a>» in a blog's related posts) by its heading, for the tag
 * label above the heading names the post's category, not what the link is; any other link by its text
 * (Python `_card_link_name`).
 */
function cardLinkName(a: Element, page: Page): string {
  const heading = a.querySelector([...TABLE.headingTags].sort().join(", "));
  return heading ? fold(inlineText(heading)) : page.foldedText(a);
}

const LINE_DASHES = ["—", "–"]; // «label: what it is — <a>»: the dash points at the link the label names
const MAX_LABEL_CHARS = 40; // a label cell names its link in a few words; a longer one is the paragraph above

/** The link leads to a .pdf (links.presentation_href): by its href, or by the target a redirector's wrapper
 * stands for (VK's «away.php?to=https%3A%2F%2F…presentation.pdf&cc_key=») (Python `_pdf_link`). */
function pdfLink(a: Element, page: Page): boolean {
  const href = a.getAttribute("href") ?? "";
  if (TABLE.search(href, "links", "presentation_href")) return true;
  return href.includes("%") && TABLE.search(linkUrl(a, page.base) ?? "", "links", "presentation_href") !== null;
}

/** The text without its parenthetical asides («Кейс внедрения (оптовик стройматериалов)») (Python `_without_asides`). */
function withoutAsides(text: string): string {
  let out = "";
  let depth = 0;
  for (const ch of text) {
    if (ch === "(") depth++;
    else if (ch === ")" && depth) depth--;
    else if (!depth) out += ch;
  }
  return norm(out);
}

/** The label a link follows on its line: the words right before it, back to a sentence end, when they end
 * with a colon («💼 Кейс внедрения (оптовик стройматериалов): <a>https://…</a>», a post's «label: link»
 * line), their parenthetical asides left out, when that is short; or, when a dash ends them after a label
 * and its colon, that label («Кейс: сеть стоматологий «Улыбка», Сыктывкар — <a>…</a>», a list item that
 * describes its link before pointing at it); else "" (Python `_line_label`). */
function lineLabel(a: Element): string {
  let before = (fold(textBefore(a)).split(SENTENCE_END).pop() ?? "").trim();
  if (LINE_DASHES.some((d) => before.endsWith(d)) && before.includes(":")) {
    before = `${before.slice(0, before.indexOf(":"))}:`;
  }
  if (!before.endsWith(":")) return "";
  const label = withoutAsides(before.slice(0, -1));
  return cpLen(label) <= MAX_LABEL_CHARS ? label : "";
}
const URL_END = /[.,;:!?)»]+$/u; // a sentence's punctuation after a bare address is no part of it

/** The first of the sticky regexes matching right at `at` (Python `pattern.match(text, at)`). */
function stickyAt(patterns: RegExp[], text: string, at: number): RegExpExecArray | null {
  for (const p of patterns) {
    p.lastIndex = at;
    const n = p.exec(text);
    if (n) return n;
  }
  return null;
}

/**
 * The bare addresses a label introduces as text («Документация: https://…») in the solution's own
 * vendor tabs (VENDOR_ZONES, their links' text left out), in page order, each with its label (the matched
 * words before the address): a shop that strips the links from a retold listing (Ozon) leaves them so
 * (links.text_*). The label is judged like a link's text (Python `text_labelled`).
 */
export function textLabelled(page: Page, path: string): [string, string][] {
  const found: [string, string][] = [];
  const more = TABLE.sticky("links", "text_list_more");
  for (const text of page.vendorTexts(VENDOR_ZONES)) {
    for (const p of TABLE.global("links", path)) {
      for (const m of text.matchAll(p)) {
        const first = m[1] ?? "";
        // the label: the matched words before the address, judged like a link's text (Python `text_labelled`)
        const label = m[0].slice(0, m[0].length - first.length);
        const urls = [first.replace(URL_END, "")];
        let end = (m.index ?? 0) + m[0].length - first.length + (urls[0] ?? "").length;
        // «Кейсы: https://…/a/, https://…/b/»: each address of the label's list is the label's
        // (the comma after an address is the list's, not the address's)
        for (;;) {
          const n = stickyAt(more, text, end);
          if (!n) break;
          const url = (n[1] ?? "").replace(URL_END, "");
          urls.push(url);
          end = n.index + n[0].length - (n[1] ?? "").length + url.length;
        }
        for (const url of urls) {
          if (url && !found.some(([, seen]) => seen === url)) found.push([label, url]);
        }
      }
    }
  }
  return found;
}

/** The addresses of `textLabelled`, in page order (Python `text_urls`). */
export function textUrls(page: Page, path: string): string[] {
  return textLabelled(page, path).map(([, url]) => url);
}

/** Is the link in a row labelled «Видео» (rowLabel: the card's own video field)? */
function videoField(a: Element): boolean {
  return TABLE.search(fold(rowLabel(a)), "links", "video_label") !== null;
}

/**
 * The videos a row labelled «Видео» lists (the card's own video field, «<td>Видео:</td><td><a>YouTube</a>
 * <br><a>Rutube</a></td>»; `field` their keys in the row's order) first, in the row's order, then the rest in
 * page order: a description above the card that mentions one of them in passing does not reorder the field
 * (Python `_field_first`).
 */
function fieldFirst(video: readonly string[], field: readonly string[]): string[] {
  const listed = new Map<string, string>();
  for (const url of video) if (!listed.has(videoKey(url))) listed.set(videoKey(url), url); // each key's first URL
  const first = field.flatMap((key) => listed.get(key) ?? []);
  return [...first, ...video.filter((url) => !field.includes(videoKey(url)))];
}

/** A bare «#fragment» href jumps within this page (a table of contents' «Кейсы внедрения», a «подробнее — в
 * разделе «Поддержка»»): it names a section here, it leads to no material and to no demo site (Python
 * `in_page`). */
export function inPage(a: Element): boolean {
  return (a.getAttribute("href") ?? "").trim().startsWith("#");
}

export function links(page: Page): Links {
  const anchors = page.outside(css(page.root, "a[href]"), ...VENDOR_ZONES).filter((a) => !inPage(a));
  const own = new OwnNames(page);
  let presentation = firstLink(anchors, page, ["links", "presentation"], own);
  if (presentation === null) { // a bare .pdf that nothing names as something else
    const pdf = anchors.find((a) => pdfLink(a, page) && barePresentation(page.foldedText(a), a) && !quotedOther(page.foldedText(a), a, own));
    presentation = pdf ? linkUrl(pdf, page.base) : null;
  }
  const video: string[] = [];
  const shown = new Set<string>(); // the videos listed (videoKey): an embed of a linked video is not another
  const field: string[] = []; // the videos (videoKey) a row labelled «Видео» lists, in its order (fieldFirst)
  const local = page.base === null || onMarketplace(page.base);
  const add = (src: string | null, named: ((url: string) => boolean) | null, inField = false): void => {
    // a relative link resolves onto the Marketplace (the usual base), never onto a video host: skip the URL parse
    // (a saved snapshot's root-relative «/web/<timestamp>/<original>» is its original: not skipped)
    if (!src || (local && !FOREIGN.test(src) && originalUrl(src.trim()) === src.trim())) return;
    const url = absoluteUrl(src, page.base);
    const key = url ? videoKey(url) : "";
    if (!url || field.includes(key) || (shown.has(key) && !inField)) return; // listed, and known to be the field's
    // a video on the vendor's own host: named by its text, the words right before it or its label cell, or a
    // «смотреть» link onto a URL that names a video (never the
    // Marketplace, nor a video platform's channel / playlist / profile: there video_href decides)
    if (TABLE.search(url, "links", "video_href") || (named?.(url) && !onMarketplace(url) && !TABLE.search(url, "links", "video_host"))) {
      if (!shown.has(key)) video.push(url);
      shown.add(key);
      if (inField) field.push(key); // a video the description linked before the field is the field's
    }
  };
  for (const a of anchors) { // page order, then the players
    if (notOwn(page.foldedText(a), a)) continue; // «видео от 1С-Битрикс», «Видео: как купить решение»: the platform's
    if (quotedOther(page.foldedText(a), a, own) || videoByOther(page.foldedText(a), own)) continue; // another solution's, «видео от СДЭК»
    const href = a.getAttribute("href");
    // a tracker's href by the URL its text shows (Python `_Anchors.link`); a plain one as written, for add's fast path
    add(tracked(href) ? linkUrl(a, page.base) : href, (url) => namedVideo(page.foldedText(a), a) || Boolean(TABLE.search(fold(labelCell(a)), "links", "video_label")) || watchLink(page.foldedText(a), url), videoField(a));
  }
  for (const sel of TABLE.entries("links", "video_selectors")) { // iframes, then Flash-era embed[src], object[data], param[name=movie][value]
    const attr = typeof sel.attr === "string" ? sel.attr : "src";
    for (const f of page.outside(css(page.root, String(sel.css)), ...VENDOR_ZONES)) add(f.getAttribute(attr), null);
  }
  const cases: string[] = [];
  const titled = new Set(underCaseTitles(page, own));
  // «Кейсы: <a>vendor.ru/cases/x/</a>», «Кейс внедрения (…): <a>…</a>»: a case label right before the
  // link, or ending the words before it on its line, titles it too (a title, not the link's own name:
  // a Marketplace or partner page after such a label is no case)
  for (const a of anchors) {
    if (
      TABLE.search(fold(textBefore(a)), "links", "cases_before") ||
      TABLE.search(lineLabel(a), "links", "cases") ||
      // its label cell: <td>Кейс внедрения</td><td><a>«Северная пряжа»: …</a></td> (links.case_label, as video_label)
      TABLE.search(fold(labelCell(a)), "links", "case_label") ||
      // or its row's label cell over a value cell listing several links (<th>Кейсы</th><td><a>…</a><br/>
      // <a>…</a></td>, a wiki's links table; rowLabel, as the video field's)
      TABLE.search(fold(rowLabel(a)), "links", "case_label")
    )
      titled.add(a);
  }
  for (const a of anchors) { // page order
    const named = TABLE.search(cardLinkName(a, page), "links", "cases") !== null;
    if (!named && !titled.has(a)) continue; // text first: the URL parse is dearer
    const url = linkUrl(a, page.base);
    // a link onto a picture is a screenshot, not a case
    // «Кейсы Маркетплейса», «кейсы 1С-Битрикс»: the platform's
    // the platform's other sites (1c-bitrix.ru success stories) hold no case of this solution
    if (url && !onMarketplace(url) && TABLE.search(url, "links", "documentation_host")) continue;
    if (quotedOther(page.foldedText(a), a, own)) continue; // «кейсы модуля «ACME: Склад»»: another solution's
    if (TABLE.search(page.foldedText(a), "demo", "not_trial")) continue; // «Онлайн-демо админки» after a case list: the demo site, never a case
    if (url && !cases.includes(url) && !notOwn(page.foldedText(a), a) && (named || !onMarketplace(url)) && !TABLE.search(url, "links", "image_href") && !TABLE.search(url, "links", "tag_href")) cases.push(url); // a screenshot or a blog's tag listing is no case
  }
  // no link is one: a bare address after its label in the description's text («Видеообзор: https://…»)
  // a label that names another owner or leads elsewhere («Видео о компании:») is none
  const shownVideo = video.length
    ? fieldFirst(video, field)
    : textLabelled(page, "text_video")
        .filter(([label, url]) => TABLE.search(url, "links", "video_href") && !TABLE.search(label, "links", "video_named_other") && !TABLE.search(label, "links", "not_own"))
        .map(([, url]) => url);
  const shownCases = cases.length ? cases : textUrls(page, "text_cases").filter((url) => !onMarketplace(url) && !TABLE.search(url, "links", "image_href"));
  const docs = documentation(anchors, page, own) ?? textUrls(page, "text_documentation").find((url) => !onMarketplace(url) && !TABLE.search(url, "links", "documentation_host")) ?? null; // the platform's sites hold its own manuals
  // «Презентация (PDF): https://…» as text when no link is one; a label naming another owner is none
  const shownPresentation = presentation ?? textLabelled(page, "text_presentation").find(([label, url]) => !onMarketplace(url) && !TABLE.search(label, "links", "not_own"))?.[1] ?? null;
  return { documentation: docs, video: shownVideo, presentation: shownPresentation, cases: shownCases };
}
