// Reviews (Отзывы): the stated total and the items shown (backend/mpcheck/extract/reviews.py).
// Stars come from any encoding the item uses, the explicit number first: a value attribute
// (data-rating, <meta itemprop="ratingValue" content="4">), a label «4 из 5» in aria-label / title /
// alt or in the text, the width of a stars overlay (style="width:80%" → 4) or of each star's front
// layer, filled vs empty star icons (img src, svg use href, classes; a row of svg icons told apart by a
// colour utility class alone), ★/☆ characters (a row of one glyph told apart by its text colour alone
// read by that colour). Answers: feedback.answers. Items: null
// when the block could not be read, [] only when it is shown empty (SPEC §3).
import type { Page } from "./context";
import { childElements, css, inlineText, matches, tag, tailText, textWithout } from "./dom";
import { MAX_TITLE_CHARS, anchored, answers, hasPager, isPartner, labelledTotal, nameKey, newestFirst, opensLine, readItems, shortFolds, showsMore, stated, summaryTotal, undated } from "./feedback";
import { disclaimed, itemOf, type Listing } from "./items";
import { TABLE } from "./label_table";
import { cpLen, fold, stripChars } from "./text";

const NUMBER = /^\s*([0-5])(?:[.,]([0-9]))?\s*$/u;
const AFTER_STAR = /\s*([1-5](?:[.,][0-9])?)(?![0-9.,])/uy; // «★ 4,0»
const BEFORE_STAR = /(?<![0-9.,])([1-5](?:[.,][0-9])?)\s*$/u; // «4 ★»
const NUMBER_CHARS = 12; // «4,0», «4 / 5»: a bare rating number is short
const EMOJI_STYLE = "\ufe0f"; // VS16 after ⭐ («⭐️⭐️⭐️⭐️»)
const MAX_ICONS = 10; // five stars, maybe drawn as halves: more star icons than that are not one rating
const SPACE = /\s/u;
const MARKED = new Set(["empty", "half", "filled"]);

export interface Review { date: string; stars: number | null; answered: boolean }

/** Python's round(): halves go to the even neighbour. */
function pyRound(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The text nodes of an element before its first child element (lxml's `el.text`). */
function leadingText(el: Element): string {
  let out = "";
  for (let n = el.firstChild; n && n.nodeType !== 1; n = n.nextSibling) if (n.nodeType === 3) out += (n as Text).data;
  return out;
}

/** 1–5 from a number such as «4», «4.0», «4,5»; null outside 1–5. */
function starValue(text: string | null): number | null {
  const m = NUMBER.exec(text ?? "");
  if (!m) return null;
  const value = pyRound(Number(`${m[1]}.${m[2] ?? 0}`));
  return value >= 1 && value <= 5 ? value : null;
}

type Grade = [number, boolean]; // [grade, partial: a criterion's]

/**
 * [grade, partial] of «4 из 5», «Оценка: 4», «4 звезды» in a text (the shared regexes, group 1):
 * partial when a label that names a criterion precedes it («Поддержка: 1 из 5», `reviews.stars_label`
 * not `reviews.stars_overall_label`): a criterion's grade, not the review's.
 */
function textGrade(text: string): Grade | null {
  const folded = fold(text);
  const m = TABLE.search(folded, "reviews", "stars_text");
  if (!m) return null;
  const start = m.index + m[0].indexOf(m[1] ?? ""); // group 1: the match's first digit (none comes before it)
  return [Number(m[1]), criterion(folded.slice(0, start))];
}

/** The review's grade in a text (textGrade), a criterion's none. */
function textStars(text: string): number | null {
  const grade = textGrade(text);
  return grade !== null && !grade[1] ? grade[0] : null;
}

/** Whether the text before a grade ends with a label («Функциональность:») that is no overall grade's
 * («Оценка:», «Общая оценка:», «Рейтинг:»). */
function criterion(before: string): boolean {
  const label = TABLE.search(before, "reviews", "stars_label");
  return label !== null && TABLE.search((label[1] ?? "").trim(), "reviews", "stars_overall_label") === null;
}

/**
 * The grade after a label element on its line (textGrade): «<b>Оценка:</b> 5 из 5<br>» (an old
 * page's `<b>label:</b> value<br>` lines in one cell). The label's text ends with a colon and its
 * tail, up to a <br> (or a block, or the end of its parent), is read with it as one short line.
 */
function labelledStars(el: Element, own: string, limit: number): Grade | null {
  const label = own.trim();
  const tail = tailText(el).trim();
  if (!label.endsWith(":") || !tail) return null;
  const next = el.nextElementSibling;
  if (next && !TABLE.blockTags.has(tag(next))) return null;
  const line = `${label} ${tail}`;
  return cpLen(line) <= limit ? textGrade(line) : null;
}

/**
 * The grade of an element's own line (textGrade): the whole line of at most `limit` characters,
 * else one part of a short meta line cut by its separators («Ирина, 20.11.2026 · Оценка: 5 из 5 ·
 * версия 3.1.0»: `stars_meta_separators`, at most `stars_meta_chars`). Parts that grade differently
 * (a criterion's too: «Оценка: 4 из 5 · поддержка: 2 из 5»), or a long text (a review's sentence),
 * grade nothing; parts that agree are partial when every one is.
 */
function lineStars(own: string, limit: number): Grade | null {
  const text = own.trim();
  if (cpLen(text) <= limit) return textGrade(text);
  const seps = String(TABLE.get("reviews", "stars_meta_separators") ?? "");
  if (!seps || cpLen(text) > Number(TABLE.get("reviews", "stars_meta_chars") ?? 0)) return null;
  const parts = [""];
  for (const ch of text) {
    if (seps.includes(ch)) parts.push("");
    else parts[parts.length - 1] += ch;
  }
  const grades: Grade[] = [];
  for (const part of parts) {
    const grade = cpLen(part.trim()) <= limit ? textGrade(part) : null;
    if (grade !== null) grades.push(grade);
  }
  const first = grades[0];
  if (parts.length < 2 || first === undefined || grades.some(([value]) => value !== first[0])) return null;
  return [first[0], grades.every(([, partial]) => partial)];
}

/** The element's layer name (`layer_name_attributes`: «Star/Filled», «Star/Empty» of a Framer site) when it
 * names a star, lower case, else null: the hand-given name says the icon and its state alone, as a
 * `star_state` attribute does; the generated class hash beside it («framer-o62a3e») would match the state
 * words by chance (Python `_star_layer`). */
function starLayer(el: Element): string | null {
  for (const attr of (TABLE.get("layer_name_attributes") as string[] | undefined) ?? []) {
    const name = el.getAttribute(attr);
    if (name && TABLE.search(name, "reviews", "star_icon") !== null) return name.toLowerCase();
  }
  return null;
}

/**
 * What an icon says about itself: its class, src, href / xlink:href and alt, lower case. A <use>
 * speaks for its <svg> too: the state may be the svg's class («icon is-active» around <use href="#star">).
 * A state attribute of its own (`reviews.star_state`: «<svg data-filled="half">») says it alone,
 * «data-filled=half»: a CSS-in-JS class hash beside it («css-o1x2») would match the state words by chance;
 * so does a layer name naming a star (`starLayer`).
 */
function descriptor(el: Element): string {
  for (const entry of TABLE.entries("reviews", "star_state")) {
    const state = el.getAttribute(String(entry.attr));
    if (state !== null) return `${String(entry.attr)}=${state}`.toLowerCase();
  }
  const layer = starLayer(el);
  if (layer !== null) return layer;
  // a data: URI's payload says nothing: its base64 would match state words by chance
  const values = ["class", "src", "href", "xlink:href", "alt"].map((a) => el.getAttribute(a) ?? "");
  const parent = tag(el) === "use" ? el.parentElement : null;
  if (parent !== null && tag(parent) === "svg") values.push(parent.getAttribute("class") ?? "");
  return values.map((v) => (v.trimStart().toLowerCase().startsWith("data:") ? "" : v)).join(" ").toLowerCase();
}

/** Whether an icon's descriptor names its state: empty, half or filled. */
function state(el: Element): boolean {
  const d = descriptor(el);
  return ["star_icon_empty", "star_icon_half", "star_icon_filled"].some((key) => TABLE.search(d, "reviews", key) !== null);
}

/** A star drawn in parts: an element that names its state («ant-rate-star ant-rate-star-full»,
 * «-zero», «-half») around star glyphs (`parts`: its star descendants) that name none, at most two
 * (Ant Design's Rate draws each star as a first and a second half). It is one icon, its glyphs are
 * not (blind solution_antd5_descriptions_free_comments_partial). A container of more glyphs is a
 * stars row («stars stars--gold» around five icons), whose glyphs stay the icons. */
function drawnStar(el: Element, parts: Element[]): boolean {
  if (!state(el) || parts.some(state)) return false;
  const glyphs = parts.filter((c) => !parts.some((d) => d !== c && c.contains(d)));
  return glyphs.length <= 2;
}

/** Whether an icon's descriptor is a star: a star icon, or a slot of a rating widget
 * (`reviews.star_slot`: PrimeVue's `p-rating-item`, whatever it draws). */
function isStar(d: string): boolean {
  return TABLE.search(d, "reviews", "star_icon") !== null || TABLE.search(d, "reviews", "star_slot") !== null;
}

/**
 * Filled star icons among an item's star icons. A state word decides (empty / half / filled); with
 * none, two runs of different icons are filled-then-empty (ratings are drawn left to right), and one
 * run of alike icons is all filled. A rating widget's slot (`reviews.star_slot`) says its state by its
 * class alone: an unmarked slot is empty (PrimeVue's `p-rating-item` beside `p-rating-item-active`;
 * none active is no grade: blind solution_primevue3_tabview_windows1251_bereg_bonus).
 */
function iconsStars(icons: Element[]): number | null {
  const kinds = icons.map((el) => {
    const d = descriptor(el);
    if (TABLE.search(d, "reviews", "star_icon_empty")) return "empty";
    if (TABLE.search(d, "reviews", "star_icon_half")) return "half";
    if (TABLE.search(d, "reviews", "star_icon_filled")) return "filled";
    return TABLE.search(d, "reviews", "star_slot") ? "empty" : d;
  });
  if (kinds.length === 1 && kinds[0] !== "half" && kinds[0] !== "empty") return null; // one icon decorates a number
  const countOf = (k: string): number => kinds.filter((x) => x === k).length;
  let value: number;
  if (kinds.some((k) => MARKED.has(k))) {
    // unmarked icons beside empty ones are the filled ones; beside marked filled ones, the empty ones
    // only a half marked («fas fa-star» ×3, «fa-star-half-alt», «far fa-star»): the icons left of it are filled
    const full = kinds.includes("empty")
      ? kinds.filter((k) => k !== "empty" && k !== "half").length
      : kinds.includes("filled") ? countOf("filled") : kinds.indexOf("half");
    value = full + 0.5 * countOf("half");
  } else {
    const runs = kinds.filter((k, i) => i === 0 || k !== kinds[i - 1]);
    if (runs.length > 2 || new Set(runs).size !== runs.length) return null; // interleaved icons
    value = countOf(runs[0] as string);
  }
  const stars = pyRound(value);
  return stars >= 1 && stars <= 5 ? stars : null;
}

/**
 * ★★★★☆: the first run of star characters; filled ones count. A lone ★ decorates a number
 * («★ 4,0», «4 ★»): that number, else unknown (five slots show their empty stars too). One
 * rating draws its filled stars with one glyph: a lone other glyph before the run is an icon
 * (a callout's «⭐» before «★★★★★»), passed over; a run changing glyph after two ends there.
 */
function charStars(text: string): number | null {
  const filled = String(TABLE.get("reviews", "star_char") ?? "★");
  const empty = String(TABLE.get("reviews", "star_char_empty") ?? "☆");
  const run: string[] = [];
  let start = -1;
  let end = -1;
  let at = 0;
  for (const ch of text) {
    if (filled.includes(ch) && run.some((c) => filled.includes(c) && c !== ch)) {
      if (run.length > 1) break;
      run.length = 0; // a lone icon of another glyph before the rating
      start = -1;
    }
    if (filled.includes(ch) || empty.includes(ch)) {
      run.push(ch);
      if (start < 0) start = at;
      end = at + ch.length;
    } else if (run.length && ch === EMOJI_STYLE) {
      end = at + ch.length; // «⭐️»: the emoji presentation selector after a star belongs to it
    } else if (run.length && !SPACE.test(ch)) break;
    at += ch.length;
  }
  const full = run.filter((ch) => filled.includes(ch)).length;
  if (run.length === 1 && full === 1) {
    AFTER_STAR.lastIndex = end;
    const m = AFTER_STAR.exec(text) ?? BEFORE_STAR.exec(text.slice(0, start));
    return m ? starValue(m[1] ?? null) : null;
  }
  return full >= 1 && full <= 5 && run.length <= 5 ? full : null;
}

/** The stars of every item of one review list: each encoding queried once on the list body. */
class Stars {
  readonly found = new Map<Element, number>();
  private votes: Map<Element | null, Element[]> | null = null; // item → its «helpful» counters, see counters
  private readonly unread = new Set<Element>(); // items whose alike star glyphs only colours tell apart, unreadably
  constructor(private readonly listing: Listing, private readonly skip: Set<Element>) {}

  /**
   * Item → its «helpful» counters «★ 4» (`vote_css`; a short line, not a review classed
   * «review--liked»): they count votes, not stars, and are skipped from here on. Found on the first
   * encoding that reads texts (the explicit values before it need none).
   */
  private counters(): Map<Element | null, Element[]> {
    if (this.votes === null) {
      const limit = Number(TABLE.get("reviews", "stars_line_chars") ?? 40);
      this.votes = new Map();
      for (const vote of css(this.listing.body, String(TABLE.get("reviews", "vote_css")))) {
        if (cpLen(inlineText(vote)) > limit) continue;
        const item = itemOf(this.listing, vote);
        this.votes.set(item, [...(this.counters().get(item) ?? []), vote]);
        for (const d of [vote, ...css(vote, "*")]) this.skip.add(d);
      }
    }
    return this.votes;
  }

  /** Every item has its stars: later encodings could only hit decided items (one body scan each). */
  done(): boolean {
    return this.found.size >= this.listing.items.length;
  }

  private each(selector: string): Array<[Element, Element]> {
    const out: Array<[Element, Element]> = [];
    if (this.done()) return out;
    for (const el of css(this.listing.body, selector)) {
      const item = itemOf(this.listing, el);
      if (item && !this.found.has(item) && !this.skip.has(el)) out.push([item, el]);
    }
    return out;
  }

  /**
   * Each item's value of one selector, when its elements agree: per-star values or labels («1 из 5»
   * … «5 из 5» on each star of a widget, a rating input's data-value per star) say nothing of the
   * grade, so an item whose elements differ is left to later encodings.
   */
  private settle(seen: Map<Element, Set<number>>): void {
    for (const [item, found] of seen) {
      if (found.size === 1 && !this.found.has(item)) this.found.set(item, [...found][0] as number);
    }
  }

  values(): void {
    for (const sel of TABLE.entries("reviews", "stars_selectors")) {
      const seen = new Map<Element, Set<number>>();
      for (const [item, el] of this.each(String(sel.css))) {
        const raw = sel.attr ? el.getAttribute(sel.attr) : null;
        const value = starValue(raw !== null ? raw : inlineText(el));
        if (value !== null) seen.set(item, (seen.get(item) ?? new Set<number>()).add(value));
      }
      this.settle(seen);
    }
  }

  labels(): void {
    for (const sel of TABLE.entries("reviews", "stars_labels")) {
      const seen = new Map<Element, Set<number>>();
      for (const [item, el] of this.each(String(sel.css))) {
        const value = textStars(el.getAttribute(String(sel.attr)) ?? "");
        if (value !== null) seen.set(item, (seen.get(item) ?? new Set<number>()).add(value));
      }
      this.settle(seen);
    }
  }

  /**
   * «Оценка: 4», «4 из 5» as a line of its own (`stars_line_chars`) or a part of a short meta line
   * («20.11.2026 · Оценка: 5 из 5 · версия 3.1.0»): a review's sentence that quotes a grade
   * («оценка 2 из 5 у конкурента», «Ставлю 5 звёзд — шучу») rates nothing, nor does a criterion's
   * line, nor do lines of one item that grade differently, a criterion's among them (criteria «5 из 5»
   * and «1 из 5» below an icon row: the icons decide; blind audit6 review__criteria).
   */
  texts(): void {
    const limit = Number(TABLE.get("reviews", "stars_line_chars") ?? 40);
    if (!this.done()) this.counters();
    const seen = new Map<Element, Set<number>>(); // every grade line of an item, a criterion's too
    const overall = new Set<Element>(); // items with a grade line that is no criterion's
    for (const [el, own] of this.done() ? [] : this.listing.owns) {
      const grade = this.skip.has(el) ? null : (lineStars(own, limit) ?? labelledStars(el, own, limit));
      const item = grade !== null ? itemOf(this.listing, el) : null;
      if (grade === null || !item || this.found.has(item)) continue;
      seen.set(item, (seen.get(item) ?? new Set<number>()).add(grade[0]));
      if (!grade[1]) overall.add(item);
    }
    this.settle(new Map([...seen].filter(([item]) => overall.has(item))));
  }


  /** A bare number «4» / «4,0» in an element named like stars, or next to a star icon / ★. */
  numbers(): void {
    for (const [el, own] of this.done() ? [] : this.listing.owns) {
      const m = cpLen(own) <= NUMBER_CHARS ? TABLE.search(own, "reviews", "stars_number") : null;
      const item = m ? itemOf(this.listing, el) : null;
      if (!m || !item || this.found.has(item) || this.skip.has(el)) continue;
      if (this.nearStar(el, item)) {
        const value = starValue((m[1] ?? "") + (m[2] ? "." + m[2] : ""));
        if (value !== null) this.found.set(item, value);
      }
    }
  }

  /** The element or its parent (below the item) is named like stars, or a star sits beside it. */
  private nearStar(el: Element, item: Element): boolean {
    const parent = el.parentElement;
    for (const node of [el, parent !== item ? parent : null]) {
      if (!node) continue;
      const words = ["class", "id", "aria-label", "title"].map((a) => node.getAttribute(a) ?? "").join(" ");
      if (TABLE.search(fold(words), "reviews", "star_hint")) return true;
    }
    const filled = String(TABLE.get("reviews", "star_char") ?? "★");
    let near = parent ? leadingText(parent) + tailText(el) : "";
    for (const sib of [el.previousElementSibling, el.nextElementSibling]) {
      if (!sib) continue;
      if (TABLE.search(descriptor(sib), "reviews", "star_icon")) return true;
      near += inlineText(sib);
    }
    return Array.from(near).some((ch) => filled.includes(ch));
  }

  /** A CSS custom property on a stars element: «--rating: 4», «--rating: 80%». */
  styles(): void {
    for (const [item, el] of this.each("[style*='--']")) {
      const m = TABLE.search(el.getAttribute("style") ?? "", "reviews", "stars_style");
      if (!m || this.found.has(item) || !this.hinted(el, item)) continue;
      const n = Number(m[1]);
      const value = m[2] || n > 5 ? pyRound(n / 20) : pyRound(n);
      if (value >= 1 && value <= 5 && n <= 100) this.found.set(item, value);
    }
  }

  /** The width of a stars overlay («style="width:80%"» → 4), or of each star's front layer (`layersStars`). */
  widths(): void {
    const layers = new Map<Element, Array<[Element, number]>>();
    for (const [item, el] of this.each("[style*=width]")) {
      const m = TABLE.search(el.getAttribute("style") ?? "", "reviews", "stars_width");
      if (m && this.hinted(el, item)) layers.set(item, [...(layers.get(item) ?? []), [el, Number(m[1])]]);
    }
    for (const [item, found] of layers) {
      const perStar = layersStars(found);
      if (perStar !== false) {
        const value = perStar === null ? 0 : pyRound(perStar);
        if (value >= 1 && value <= SCALE) this.found.set(item, value);
        continue;
      }
      for (const [, width] of found) {
        // one overlay of the whole row: the first that grades
        const value = pyRound(width / 20);
        if (value >= 1 && value <= 5) {
          this.found.set(item, value);
          break;
        }
      }
    }
  }

  /**
   * A star sprite no class names (`reviews.stars_sprite`): an empty layer drawing a picture at `width:N%` alone
   * inside an empty track of a fixed width («<span style="width:75px;…url(…)"><span style="width:40%;…url(…)">
   * </span></span>», an archive.today snapshot's inline styles) is N % of five stars. Read only on a list no other
   * encoding grades, and only where an item holds one such layer and it grades whole stars (20 % each): a bar of a
   * rating distribution («83%») or a progress bar is no grade (Python `sprites`).
   */
  sprites(): void {
    if (this.found.size) return;
    const layers = new Map<Element, Array<number | null>>();
    for (const [item, el] of this.each("[style*=width]")) {
      const value = spriteStars(el);
      if (value !== false) layers.set(item, [...(layers.get(item) ?? []), value]);
    }
    for (const [item, found] of layers) {
      const value = found[0];
      if (found.length === 1 && value !== null && value !== undefined) this.found.set(item, value);
    }
  }

  /** The width element or an ancestor up to the item is named like stars (class, aria). */
  private hinted(el: Element, item: Element): boolean {
    for (let node: Element | null = el; node; node = node.parentElement) {
      const words = ["class", "id", "aria-label", "title"].map((a) => node?.getAttribute(a) ?? "").join(" ");
      if (TABLE.search(fold(words), "reviews", "star_hint")) return true;
      if (node === item) return false;
    }
    return false;
  }

  icons(): void {
    const filledChars = String(TABLE.get("reviews", "star_char") ?? "★");
    const perItem = new Map<Element, Element[]>();
    const found: Array<[Element, Element]> = [];
    const drawn = new Set<Element>();
    const states = TABLE.entries("reviews", "star_state").map((e) => String(e.css));
    for (const [item, el] of this.each([String(TABLE.get("reviews", "star_icon_css")), ...states].join(", "))) {
      if (tag(el) !== "use" && childElements(el).some((c) => tag(c) === "use")) continue; // the use says which icon
      if (!isStar(descriptor(el))) continue;
      if (stripChars(inlineText(el), filledChars + "☆ ")) continue; // an element with words is not an icon
      const parts = Array.from(el.querySelectorAll("*")).filter((c) => isStar(descriptor(c)));
      if (parts.length && !drawnStar(el, parts)) continue; // a stars container: its star children are the icons
      if (parts.length) drawn.add(el);
      found.push([item, el]);
    }
    for (const [item, el] of found) {
      if ([...drawn].some((d) => d !== el && d.contains(el))) continue; // a part of a star drawn in parts: that star is the icon
      const list = perItem.get(item) ?? [];
      list.push(el);
      perItem.set(item, list);
    }
    for (const [item, icons] of perItem) {
      if (icons.length > MAX_ICONS) continue;
      const value = iconsStars(icons);
      if (value !== null) this.found.set(item, value);
    }
  }

  /** A row of alike svg icons told filled or empty by a colour utility class only (`colourStars`). */
  colours(): void {
    for (const item of this.done() ? [] : this.listing.items) {
      if (this.found.has(item)) continue;
      const rows = new Set<Element>();
      for (const svg of css(item, "svg")) if (svg.parentElement) rows.add(svg.parentElement);
      const values = new Set<number>();
      for (const row of rows) {
        if ([row, ...css(row, "*")].some((el) => this.skip.has(el))) continue;
        const value = colourStars(row);
        if (value) values.add(value);
      }
      // two rows grading differently (a criterion's beside the review's): none
      if (values.size === 1) this.found.set(item, [...values][0] as number);
    }
  }

  /**
   * ★★★★☆ in the item's text without its answers and «helpful» counters. An answer that opens a line of a paragraph
   * (feedback opensLine) leaves out that whole paragraph but its lines before the answer, the review's own («…, ★★★☆☆
   * (3 из 5), Иван: «…».<br><em>Ответ разработчика:</em> «…»»: blind solution_habr_company_blog_shop).
   */
  /**
   * A row of one star glyph told filled or empty by its colour alone: LibreOffice Writer's export draws «★★★★★» five
   * times the same character, `<font color="#ffbf00">★★★</font><font color="#c0c0c0">★★</font>` (blind
   * solution_libreoffice76_writer_kp_pechora_booking), which the glyphs alone would read 5. Where the list's rows of
   * one glyph (`starRuns`) are drawn in two colours or more, the colours decide: a row split in two colours is drawn
   * left to right, its first colour the filled one, its second the empty one, and every split row of the list must
   * agree on that pair; a row then counts its stars of the filled colour, all before those of the empty colour. A row
   * in any other colour, or a list whose split rows disagree (or with no split row at all to tell which colour
   * fills), reads nothing: its stars are not counted as filled by `chars` (`unread`) (Python `tints`).
   */
  tints(blocks: Map<Element, Element[]>): void {
    if (this.done()) return;
    const rows = new Map<Element, Run>();
    for (const item of this.listing.items) {
      if (this.found.has(item)) continue;
      const skipped = new Set([...(blocks.get(item) ?? []).map(answerScope), ...(this.counters().get(item) ?? [])]);
      const row = firstRow(starRuns(item, skipped));
      if (row) rows.set(item, row);
    }
    const alike = [...rows.values()].filter(([glyphs]) => new Set(glyphs).size === 1).map(([, tints]) => tints);
    if (new Set(alike.flat()).size < 2) return; // one colour throughout: the glyphs alone say which stars are filled
    const pairs = new Set(alike.filter((tints) => new Set(tints).size > 1).map((tints) => JSON.stringify(splitTints(tints))));
    const pair = pairs.size === 1 ? (JSON.parse([...pairs][0] as string) as [string, string] | null) : null;
    for (const [item, [glyphs, tints]] of rows) {
      if (new Set(glyphs).size !== 1) continue; // ★★★☆☆: the glyphs tell the filled stars (chars)
      const value = tintStars(tints, pair);
      if (value === null) this.unread.add(item);
      else this.found.set(item, value);
    }
  }

  chars(blocks: Map<Element, Element[]>): void {
    for (const item of this.done() ? [] : this.listing.items) {
      if (this.found.has(item) || this.unread.has(item)) continue;
      const own = blocks.get(item) ?? [];
      const text = textWithout(item, new Set([...own.map(answerScope), ...(this.counters().get(item) ?? [])]));
      const before = own.filter(opensLine).map(linesBefore);
      const value = charStars(before.length ? [text, ...before].join(" ") : text);
      if (value !== null) this.found.set(item, value);
    }
  }
}

const SCALE = 5; // a row of colour-classed icons is a rating row of five stars
const STAR_PERCENT = 20; // one star of five in a sprite's width

/** The stars of a sprite's filled layer (`Stars.sprites`): false when the element is no such layer, null when it
 * is one but grades no whole star (a part of a star, «83%»). */
function spriteStars(el: Element): number | null | false {
  const parent = el.parentElement;
  const style = (el.getAttribute("style") ?? "").toLowerCase();
  const m = TABLE.search(style, "reviews", "stars_sprite", "fill");
  if (
    !m ||
    !parent ||
    childElements(el).length ||
    inlineText(el) ||
    inlineText(parent) ||
    childElements(parent).length !== 1 ||
    !TABLE.search(style, "reviews", "stars_sprite", "image") ||
    !TABLE.search((parent.getAttribute("style") ?? "").toLowerCase(), "reviews", "stars_sprite", "track")
  )
    return false;
  const value = Number(m[1]) / STAR_PERCENT;
  return Number.isInteger(value) && value >= 1 && value <= SCALE ? value : null;
}

const WORDS = /[\p{L}\p{N}]/u; // Python str.isalnum: a letter or a digit

/**
 * The stars of a row of per-star front layers, each a `width:N%` of one star (Fluent UI's `ms-RatingStar-front`
 * over its `-back` in each of five `ms-Rating-button`s, 100 % ×4 then 70 %: 4.7; blind
 * solution_sharepoint_modern_canvas_enisey_pricelist), the classic «star-ratings-top» pattern drawn per star:
 * `SCALE` layers alike (tag and class) whose row, their nearest common ancestor, holds no words (icon glyphs, stars
 * at most). They fill left to right: full layers, at most one partial, then empty ones; the stars are their sum, in
 * whole stars. False when the layers are no such row (one overlay of the whole row: `widths` reads its width); null
 * when they are one but fill no left-to-right way (Python `_layers_stars`).
 */
function layersStars(layers: Array<[Element, number]>): number | null | false {
  if (layers.length !== SCALE || new Set(layers.map(([el]) => `${tag(el)} ${el.getAttribute("class")}`)).size !== 1) return false;
  let row: Element | null = (layers[0] as [Element, number])[0];
  while (row && !layers.every(([el]) => el !== row && row?.contains(el))) row = row.parentElement;
  if (!row || WORDS.test(inlineText(row))) return false;
  const widths = layers.map(([, width]) => width);
  const partial = widths.filter((w) => w > 0 && w < 100);
  const sorted = [...widths].sort((a, b) => b - a);
  if (widths.some((w) => w > 100) || partial.length > 1 || widths.some((w, i) => w !== sorted[i])) return null;
  return widths.reduce((a, b) => a + b, 0) / 100;
}

/** The colour an element's text is drawn in: the nearest one given from the element up to the item
 * (`reviews.star_tint`: a `<font color>`, a style's `color:`), lower case without spaces; "" when none is (Python
 * `_tint`). */
function tint(el: Element, item: Element): string {
  const attrs = TABLE.entries("reviews", "star_tint", "attributes");
  for (let node: Element | null = el; node; node = node.parentElement) {
    for (const entry of attrs) {
      const value = matches(node, String(entry.css)) ? node.getAttribute(String(entry.attr)) : null;
      if (value) return value.split(/\s+/u).join("").toLowerCase();
    }
    const m = TABLE.search((node.getAttribute("style") ?? "").toLowerCase(), "reviews", "star_tint", "style");
    if (m) return (m[1] ?? "").split(/\s+/u).join("");
    if (node === item) break;
  }
  return "";
}

type Run = [string[], string[]]; // a run's star characters and the colour of each

/** The runs of star characters in the item's text outside the `skipped` subtrees, as `charStars` reads them (star
 * characters with spaces at most between them; another filled glyph starts another run), each as (its characters,
 * the colour of each: `tint`) (Python `_star_runs`). */
function starRuns(item: Element, skipped: ReadonlySet<Element>): Run[] {
  const filled = String(TABLE.get("reviews", "star_char") ?? "★");
  const empty = String(TABLE.get("reviews", "star_char_empty") ?? "☆");
  const out: Run[] = [];
  let chars: string[] = [];
  let tints: string[] = [];
  const close = (): void => {
    if (chars.length) out.push([chars, tints]);
    chars = [];
    tints = [];
  };
  const read = (text: string, el: Element): void => {
    let colour: string | null = null;
    for (const ch of text) {
      if (filled.includes(ch) || empty.includes(ch)) {
        if (filled.includes(ch) && chars.some((c) => filled.includes(c) && c !== ch)) close();
        colour ??= tint(el, item);
        chars.push(ch);
        tints.push(colour);
      } else if (!SPACE.test(ch) && ch !== EMOJI_STYLE) close();
    }
  };
  const walk = (el: Element): void => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) read((n as Text).data, el);
      else if (n.nodeType === 1 && !skipped.has(n as Element)) walk(n as Element);
    }
  };
  walk(item);
  close();
  return out;
}

/** The run `charStars` reads as the item's stars, when it is a row of two stars or more: the first one, a lone star
 * of another glyph before the next run passed over (a callout's «⭐» before «★★★★★»). A lone star decorates a
 * number: null (Python `_first_row`). */
function firstRow(runs: Run[]): Run | null {
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as Run;
    const next = runs[i + 1];
    if (run[0].length === 1 && next && next[0][0] !== run[0][0]) continue;
    return run[0].length > 1 ? run : null;
  }
  return null;
}

/** (filled, empty) colours of a row drawn in two colours, one run each, left to right; else null (Python
 * `_split_tints`). */
function splitTints(tints: string[]): [string, string] | null {
  const first = tints[0] as string;
  const cut = tints.findIndex((t) => t !== first);
  return new Set(tints.slice(cut)).size === 1 ? [first, tints[cut] as string] : null;
}

/** The filled stars of a row by its colours (`Stars.tints`): the stars of the filled colour, all before those of the
 * empty colour; null without a pair, or for a row in another colour (Python `_tint_stars`). */
function tintStars(tints: string[], pair: [string, string] | null): number | null {
  if (!pair || tints.length > SCALE) return null;
  const [filled, empty] = pair;
  let full = tints.findIndex((t) => t !== filled);
  if (full < 0) full = tints.length;
  if (full < 1 || tints.slice(full).some((t) => t !== empty)) return null;
  return full;
}

/** The filled stars of a row of `SCALE` svg icons (nothing else in it, no text) that differ by one colour
 * utility class only: Tailwind UI's heroicons stars «<svg class="text-yellow-400 h-5 w-5">» ×N then
 * «text-gray-200» (blind solution_nextjs_headlessui_tabs_kama_delivery), whose markup names no star. Each
 * icon holds the same shape (`shapeOf`) and the same other classes (a variant «dark:…» aside), and exactly
 * one colour class (`colourKind`), of one shade per kind; the filled ones come first (drawn left to right),
 * one at least. Any other row is no grade: null (Python `_colour_stars`). */
function colourStars(row: Element): number | null {
  const icons = childElements(row);
  if (icons.length !== SCALE || icons.some((c) => tag(c) !== "svg") || inlineText(row)) return null;
  const kinds: string[] = [];
  const shades = new Map<string, Set<string>>();
  const looks = new Set<string>(); // the icon's shape and its other classes: one for the whole row
  for (const icon of icons) {
    const words = (icon.getAttribute("class") ?? "").split(/\s+/u).filter((w) => w && !w.includes(":"));
    const coloured = words.flatMap((w) => {
      const kind = colourKind(w);
      return kind ? [[w, kind] as const] : [];
    });
    if (coloured.length !== 1) return null;
    const [colour, kind] = coloured[0] as readonly [string, string];
    kinds.push(kind);
    shades.set(kind, (shades.get(kind) ?? new Set<string>()).add(colour));
    looks.add(JSON.stringify([shapeOf(icon), ...words.filter((w) => w !== colour).sort()]));
  }
  if (looks.size !== 1 || [...shades.values()].some((found) => found.size > 1)) return null;
  const full = kinds.filter((k) => k === "filled").length;
  return full >= 1 && kinds.slice(0, full).every((k) => k === "filled") ? full : null;
}

/** "filled" or "empty" for a star's colour utility class (`reviews.star_colour_filled` /
 * `star_colour_empty`), else null (Python `_colour_kind`). */
function colourKind(word: string): string | null {
  if (TABLE.search(word, "reviews", "star_colour_filled")) return "filled";
  return TABLE.search(word, "reviews", "star_colour_empty") ? "empty" : null;
}

/** What an svg icon draws: each descendant's tag and geometry (a path's `d`, `points`, a `use` href), so a
 * filled and an empty star of one icon set are the same shape (Python `_shape`). */
function shapeOf(icon: Element): string[][] {
  return Array.from(icon.querySelectorAll("*")).map((d) => [
    tag(d),
    d.getAttribute("d") || d.getAttribute("points") || d.getAttribute("href") || d.getAttribute("xlink:href") || "",
  ]);
}

/** What an answer block takes out of its review's stars: the paragraph of an answer that opens a line of it
 * (feedback opensLine), else the block itself. */
function answerScope(block: Element): Element {
  const parent = block.parentElement;
  return parent && opensLine(block) ? parent : block;
}

/** The text of a block's paragraph before it: the review's own lines above its answer's. */
function linesBefore(block: Element): string {
  const parts: string[] = [];
  for (let n = block.parentElement?.firstChild ?? null; n && n !== block; n = n.nextSibling) {
    if (n.nodeType === 3) parts.push((n as Text).data);
    else if (n.nodeType === 1) parts.push(inlineText(n as Element));
  }
  return parts.join(" ");
}

/** Item → 1–5 stars: explicit numbers, labels, text, a width overlay or per-star layers, icons, coloured rows of one
 * glyph, characters; last, on a list none of those grades, an unnamed star sprite's width. */
function starsOf(listing: Listing, blocks: Map<Element, Element[]>): Map<Element, number> {
  const skip = new Set<Element>();
  for (const list of blocks.values()) for (const b of list) for (const d of css(answerScope(b), "*")) skip.add(d);
  const stars = new Stars(listing, skip);
  stars.values();
  stars.labels();
  stars.texts();
  stars.numbers();
  stars.styles();
  stars.widths();
  stars.icons();
  stars.colours();
  stars.tints(blocks);
  stars.chars(blocks);
  stars.sprites();
  return stars.found;
}

/**
 * Items answered under a site admin's title («Ответ администратора:», `reviews.admin_answer_titles`)
 * when the page says its admin is the developer (`reviews.admin_is_developer`: a vendor's own mirror
 * of its listing, «Администратор этого сайта и разработчик решения — одно лицо»). Without that
 * statement an admin's reply is nobody's answer for the solution: none is counted.
 */
export function adminAnswered(page: Page, listing: Listing): Set<Element> {
  const title = anchored(["reviews", "admin_answer_titles"]);
  const items = new Set<Element>();
  const folds = shortFolds(listing);
  listing.owns.forEach(([el], at) => {
    const text = folds[at];
    if (text == null || !title(text)) return;
    const item = itemOf(listing, el);
    if (item) items.add(item);
  });
  if (!items.size || !TABLE.search(fold(inlineText(page.root)), "reviews", "admin_is_developer")) return new Set();
  return items;
}

/** The item's first own text from `start` that is not inside an aria-hidden element of it. */
function firstShown(listing: Listing, item: Element, start: number): string {
  for (const [el, own] of listing.owns.slice(start)) {
    if (!item.contains(el)) break;
    let hidden = false;
    for (let node: Element | null = el; node; node = node === item ? null : node.parentElement) {
      if (node.getAttribute("aria-hidden") === "true") hidden = true;
    }
    if (!hidden) return own;
  }
  return "";
}

/** {total, items[{date, stars, answered}]} from the «Отзывы» section. */
/**
 * Item → the review it answers, for a block that is the partner's reply to the review above it
 * rather than a review: a block of another markup than the one before it (tag and class) whose first
 * text names the partner as its author («<div class="answer"><b>ACME Soft</b> 25.11.2026 …</div>»
 * after «<div class="review">»). A block of the list's own markup stays a review, whoever wrote it.
 * Decoration marked aria-hidden is no text of it: the author's initials drawn as an avatar («<div
 * class="t-Comments-userIcon" aria-hidden="true">ЛД</div>» before the name in APEX's Comments rows,
 * blind solution_apex23_universal_theme_lazurit_gardenshop).
 */
export function partnerReplies(listing: Listing, partner: string | null): Map<Element, Element> {
  const me = nameKey(partner);
  const found = new Map<Element, Element>();
  if (!me) return found;
  for (let i = 1; i < listing.items.length; i++) {
    const before = listing.items[i - 1] as Element;
    const item = listing.items[i] as Element;
    const start = listing.starts.get(item);
    if (start === undefined || (tag(before) === tag(item) && before.getAttribute("class") === item.getAttribute("class"))) continue;
    const own = firstShown(listing, item, start);
    if (cpLen(own) <= MAX_TITLE_CHARS && isPartner(own, me)) found.set(item, found.get(before) ?? before); // a second reply answers the same review
  }
  return found;
}

export function reviews(page: Page, partner: string | null = null): { total: number | null; items: Review[] | null } {
  const listing = page.listings.get("rating");
  if (listing && disclaimed(listing, "reviews")) {
    page.found_by.reviews = "text";
    return { total: null, items: null }; // the host's own reviews, disclaimed: no review of ours
  }
  let parsed: Review[] | null = null;
  let replies = new Map<Element, Element>();
  if (listing) {
    const [answered, blocks] = answers(listing, partner, false);
    replies = partnerReplies(listing, partner);
    for (const target of replies.values()) answered.add(target);
    for (const item of adminAnswered(page, listing)) answered.add(item);
    const starMap = starsOf(listing, blocks);
    parsed = [];
    for (const item of listing.items) {
      const date = listing.dates.get(item);
      if (date && !replies.has(item)) parsed.push({ date, stars: starMap.get(item) ?? null, answered: answered.has(item) });
    }
    page.found_by.reviews = "tab-body";
  }
  let total = stated(page, "rating", "reviews", listing, true);
  if (total === null) {
    const meta = css(page.root, "[itemprop=reviewCount]")[0];
    const content = meta ? meta.getAttribute("content") || inlineText(meta) : "";
    total = /^[0-9]+$/.test(content.trim()) ? Number(content.trim()) : null;
  }
  if (total === null && !listing) total = labelledTotal(page, "reviews"); // no reviews section: the rating line may state the count
  if (total === null && !listing) total = summaryTotal(page); // nor a label: the summary's bare average may be followed by it
  const [read, items] = readItems(listing, total, parsed, "reviews");
  total = read;
  if (total === null && listing && !hasPager(listing.body) && !showsMore(listing)) {
    // every item is shown: as many as were read, or, with an undated one, as many as there are
    total = items !== null ? items.length : undated(listing) ? listing.items.length - replies.size : null;
  }
  return { total, items: items === null ? null : newestFirst(items) };
}
