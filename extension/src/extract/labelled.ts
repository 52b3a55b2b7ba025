// Field-by-label lookup (DOM.md §10.2; backend/mpcheck/extract/labelled.py): find the label, read the
// value through the structure around it. A label is the OWN text of an element matching
// `^LABEL(sep)(rest)` (colon, dotted leader, «…», «·» or a dash), one segment of a line «Версия 2.1.0 ·
// Обновлено 12.11.2026», or a label attribute (aria-label, title, data-label, a custom element's
// `label`). The value comes from the bound sources (rest of the label text; an attribute label's
// value attribute or the element's text; a label text inside `<label for=ID>`→the element of that id
// (`label_for`); dt→dd, th/td→next cell; a dd caption→its dt in an inverted list
// whose dts are no labels (`<dt>4,7</dt><dd>рейтинг</dd>`); a header row of labels over a row
// of values; a column of bare labels beside a column of as many values, read by index) — when one
// has text, it decides — else from the loose ones (the tail, the next sibling
// of the label then of its wrapper, the text BEFORE a caption that ends a small tile, the parent's
// next sibling), passing over empty, leader-only and label texts. A value must pass the field's
// parser and must not itself be a label of the table.
import { ancestors, childElements, css, inlineText, matches, ownText, tag, tailText, textWithout } from "./dom";
import { TABLE } from "./label_table";
import { cpLen, fold, isBlank, norm, withoutIcons } from "./text";

const MAX_LABEL_CHARS = 160; // a label's own text is short; long paragraphs are prose, not labels
const MAX_LINE_CHARS = 400; // a «label · value · label · value» line is split only when this short
const MAX_TILE_CHARS = 80; // a stat tile (value before its caption) is a small block
const MAX_SKIPPED_SIBLINGS = 3; // empty / leader-only siblings passed over between a label and its value
const MIN_PARALLEL_ITEMS = 3; // a label column beside a value column lists three properties at least
const MAX_PARALLEL_ITEMS = 40; // more items is a list (of links, features), not a properties column
const MAX_PARALLEL_LABEL_CHARS = 40; // a bare label of such a column («Адаптивность», «Тип решения»)
const CELLS = new Set(["td", "th"]);
const SEPARATOR_CHARS = ["·", "•", "|"];

export interface Hit {
  label: Element;
  text: string;
  valueEl: Element | null;
  source: string;
}

export type Zone = string | null;

interface Candidate {
  el: Element;
  text: string; // folded label text (own text, one segment, or an attribute value)
  zone: Zone;
  kind: "own" | "segment" | "attr" | "key" | "caption"; // key, caption: text is the field's name
  starts?: ReadonlySet<string>; // the fields whose labels start `text` (TABLE.labelStarts); not for keys, captions
  line?: string[];
  at?: number;
}

export interface FindOptions {
  zones?: readonly Zone[];
  accept?: (el: Element) => boolean;
  valid?: (text: string) => boolean;
}

type Source = [source: string, text: string, valueEl: Element | null, bound: boolean];

let labelAny: RegExp | null = null;
let separators: RegExp | null = null;
let clauseSplit: RegExp | null = null;
const PROSE_ZONES = ["about", "install"]; // the solution's own free text: a property line there is page-level
const MIN_PROP_ROWS = 3; // a table in the description is the solution's properties table from three label rows
const MAX_LIST_TITLE_CHARS = 150; // the title right over a properties list is a heading line, not a paragraph

/** A «label: value» list is the solution's own properties only under a title naming its Marketplace card
 * («Данные решения на Маркетплейсе 1С-Битрикс» over «<li>Текущая версия: 3.7.2</li>…», a reseller retelling
 * the listing): a bare list in a description may as well be another product's («Рекомендуем также наш модуль
 * «Склад PRO»:» over its «Версия», «Цена»), whose values are no facts of this page (`scope.prop_list_title`).
 * The card copied as text may run on over several blocks of lines (`runs`: «<p>Код решения: …<br>Тип: …</p>
 * <p>Цена на Маркетплейсе: …<br>Версия: …</p>», blind solution_avito_listven_florashop): the title is the one
 * over the first of them. */
function cardListTitle(block: Element, runs: ReadonlySet<Element> = new Set()): boolean {
  let prev = block.previousElementSibling;
  while (prev && runs.has(prev)) prev = prev.previousElementSibling;
  const title = prev ? fold(inlineText(prev)) : "";
  return title.length > 0 && cpLen(title) <= MAX_LIST_TITLE_CHARS && TABLE.search(title, "scope", "prop_list_title") !== null;
}

/** Is the element one of the blocks, or the first thing inside one (no element or text before it)? */
function opens(el: Element, blocks: ReadonlySet<Element>): boolean {
  if (blocks.has(el)) return true;
  const parent = el.parentElement;
  if (!parent || !blocks.has(parent)) return false;
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n === el) return true;
    if (n.nodeType === 1 || (n.nodeType === 3 && !isBlank(n.textContent ?? ""))) return false;
  }
  return false;
}

let keyMap: Map<string, string> | null = null;
let captionList: Array<[string, RegExp]> | null = null;

/** [field, regex] of the captions that follow their value («… установок» at the text's end). */
function fieldCaptions(): Array<[string, RegExp]> {
  if (!captionList) {
    const fields = TABLE.get("fields") as Record<string, { captions?: Array<{ re: string }> }>;
    captionList = Object.entries(fields).flatMap(([name, f]) => (f.captions ?? []).map((e): [string, RegExp] => [name, new RegExp(`\\s(?:${e.re})[.!]?$`, TABLE.flags)]));
  }
  return captionList;
}

/** The text before a caption is a whole confirmed bucket (`caption_values`), outside a partner's card
 * (a block up to the grandparent holding a partner link and partner wording `not_own`:
 * «Acme · 42 решения · Более 1000 установок»). */
function captionValue(field: string, value: string, el: Element): boolean {
  if (!TABLE.search(value.trim(), "fields", field, "caption_values")) return false;
  let block = el.parentElement;
  for (let i = 0; i < 2 && block && !["body", "html"].includes(tag(block)); i++, block = block.parentElement) {
    const at = block;
    const partnerLink = (): boolean => TABLE.entries("fields", "partner", "selectors").some((sel) => css(at, String(sel.css)).length > 0);
    if (TABLE.search(fold(inlineText(at)), "fields", field, "not_own") && partnerLink()) return false;
  }
  return true;
}

/** English key → field («version» → version) from the fields' `keys`. */
function fieldKeys(): Map<string, string> {
  if (!keyMap) {
    keyMap = new Map();
    const fields = TABLE.get("fields") as Record<string, { keys?: string[] }>;
    for (const [name, f] of Object.entries(fields)) for (const k of f.keys ?? []) keyMap.set(k, name);
  }
  return keyMap;
}

/** The field an English key names, whole or as its last words («solution-version» → version). */
export function keyField(keys: ReadonlyMap<string, string>, value: string | null | undefined): string | null {
  const words = (value ?? "").trim().toLowerCase().split(/[-_.\s]+/);
  for (let start = 0; start < words.length; start++) {
    for (const sep of ["-", "_"]) {
      const field = keys.get(words.slice(start).join(sep));
      if (field) return field;
    }
  }
  return null;
}

/** Is a text a field label of the table (with or without its value): «Код решения», «Обновлено …». */
export function isLabel(text: string): boolean {
  const folded = fold(text);
  // no field label starts the text: the wrapper of every label cannot match (and is never compiled)
  const starts = TABLE.labelStarts(folded);
  if (!starts || (starts.size === 1 && starts.has(""))) return false;
  if (!labelAny) {
    const fields = TABLE.get("fields") as Record<string, { labels: Array<{ re: string }> }>;
    const parts = Object.values(fields).flatMap((f) => f.labels.map((e) => e.re));
    labelAny = new RegExp(String(TABLE.get("label_wrapper")).replace("{label}", () => parts.join("|")), TABLE.flags + "y");
  }
  return TABLE.match(labelAny, folded) !== null;
}

/** «Версия 2.1.0 · Обновлено 12.11.2026» → its segments (normalised, non-empty). */
export function splitLine(text: string): string[] {
  separators ??= new RegExp(TABLE.entries("value_separators").map((e) => String(e.re)).join("|") || "(?!)", TABLE.flags);
  return norm(text)
    .split(separators)
    .map((p) => p.trim())
    .filter((p) => p);
}

const USER_CONTROLS = "textarea, input[type=radio], select";

/** The buyer's input blocks of a page-wide form (ASP.NET WebForms wraps the whole page, its h1 and
 * properties included, in one `<form>`): each text area, radio or select with its nearest block
 * ancestor (the panel holding its caption «Оценка:»), unless that block holds the page's h1. */
function inputPanels(form: Element): Set<Element> {
  const panels = new Set<Element>();
  for (const control of css(form, USER_CONTROLS)) {
    panels.add(control);
    let block = control.parentElement;
    while (block && block !== form && !TABLE.blockTags.has(tag(block))) block = block.parentElement;
    if (block && block !== form && !block.querySelector("h1")) panels.add(block);
  }
  return panels;
}

function leaderOnly(text: string): boolean {
  return TABLE.search(text, "leader_only") !== null;
}

function hasSeparator(text: string): boolean {
  return SEPARATOR_CHARS.some((ch) => text.includes(ch));
}

export class LabelIndex {
  private readonly candidates: Candidate[] = [];
  private readonly lineBlocks = new Map<Element, number>(); // an element of `<br>` lines → how many lines it has

  constructor(root: Element, zones: ReadonlyMap<Element, string>, skip: ReadonlySet<Element>) {
    const skipTags = TABLE.skipTags;
    const watched = [...((TABLE.get("label_attributes") as string[] | undefined) ?? []), ...((TABLE.get("key_attributes") as string[] | undefined) ?? [])];
    const attrEls = new Set(watched.length ? css(root, watched.map((n) => `[${n}]`).join(", ")) : []);
    // repeated items (reviews, comments, changelog rows) are never visited: cheap, and labels never
    // come from user-written text
    const stack: Array<[Element, Zone]> = [[root, null]];
    let skipped = skip;
    while (stack.length) {
      const [el, outer] = stack.pop() as [Element, Zone];
      if (skipTags.has(tag(el)) || skipped.has(el)) {
        if (tag(el) === "svg" && !skipped.has(el) && attrEls.has(el)) this.attributes(el, zones.get(el) ?? outer); // <svg aria-label="Версия">
        continue;
      }
      if (tag(el) === "form" && el.querySelector(USER_CONTROLS)) {
        if (!el.querySelector("h1")) continue; // a review / comment form: the buyer's input, not facts
        skipped = new Set([...skipped, ...inputPanels(el)]); // a page-wide form: only its input panels are the buyer's
      }
      const zone = zones.get(el) ?? outer;
      const own = ownText(el);
      if (!isBlank(own)) {
        const folded = fold(own);
        if (folded.includes(";") && cpLen(folded) <= MAX_LINE_CHARS) this.clauses(el, zone); // «редакции …; адаптивность — да; композит — да»
        if (childElements(el).some((c) => tag(c) === "br")) this.lines(el, zone); // «Версия: 1.7.0<br>Опубликовано: …<br>…»
        if (cpLen(folded) <= MAX_LABEL_CHARS) {
          const starts = TABLE.labelStarts(folded);
          if (starts) this.candidates.push({ el, text: folded, zone, kind: "own", starts });
          for (const [name, caption] of fieldCaptions()) {
            // «Более 1000 установок»: the value, then its caption
            const m = caption.exec(folded);
            if (m && m.index > 0 && captionValue(name, folded.slice(0, m.index), el)) this.candidates.push({ el, text: name, zone, kind: "caption", line: [norm(own).slice(0, m.index)], at: 0 });
          }
          if (hasSeparator(folded)) this.segments(el, zone);
        }
      }
      if (attrEls.has(el)) this.attributes(el, zone);
      for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push([c, zone]);
    }
    // a properties table first: the pairs' promotion would take its rows out of its count
    this.propTables();
    this.promotePairs();
  }

  /** A properties grid in the solution's own description or install text: label elements each
   * alone beside their value element in a pair wrapper (`<div class="slds-form-element">
   * <span>Опубликовано:</span><div>12.03.2024</div></div>`), three such wrappers at least of one
   * tag and class in one zone. The candidates of `pair_fields` there are page-level (a lone
   * «Версия …» line or prose in the description stays in its zone), and those of `pair_fields_listed`
   * (kind, partner, installs) when the grid holds one of the former. */
  private promotePairs(): void {
    const groups = new Map<string, Candidate[]>();
    for (const cand of this.candidates) {
      if (cand.kind !== "own" || cand.zone === null || !PROSE_ZONES.includes(cand.zone)) continue;
      const wrapper = pairWrapper(cand.el);
      if (!wrapper) continue;
      const key = JSON.stringify([cand.zone, tag(wrapper), wrapper.getAttribute("class") ?? ""]);
      const group = groups.get(key);
      if (group) group.push(cand);
      else groups.set(key, [cand]);
    }
    if (!groups.size) return;
    const promoted = ((TABLE.get("pair_fields") as string[] | undefined) ?? []).flatMap((f) => TABLE.labelRx(f));
    const listed = ((TABLE.get("pair_fields_listed") as string[] | undefined) ?? []).flatMap((f) => TABLE.labelRx(f));
    // the label element holds the label only: its value is the sibling's
    const labelOnly = (cand: Candidate, patterns: RegExp[]): boolean => {
      const m = patterns.map((rx) => TABLE.match(rx, cand.text)).find((found) => found !== null);
      return Boolean(m) && !(m?.[1] ?? "").trim();
    };
    for (const group of groups.values()) {
      if (group.length < MIN_PARALLEL_ITEMS) continue;
      const hits = group.filter((cand) => labelOnly(cand, promoted));
      // kind, partner, installs only in a copy of the card (one of those beside them): not a company's grid
      if (hits.length) hits.push(...group.filter((cand) => labelOnly(cand, listed)));
      for (const cand of hits) cand.zone = null;
    }
  }

  /** A properties table inside the solution's own description tab is page-level: two-cell rows
   * «label | value» (or a `dl`'s dt/dd), three label rows at least and half the table's rows
   * (Vuetify's «Описание» window item opening with a v-table of «Установлено раз», «Опубликовано»,
   * «Редакции»…; blind solution_vuetify3_module_discount_trial21). A lone «Версия PHP» row of a
   * requirements table, or a feature table, stays in its tab. A list of «label: value» items counts the
   * same way (a reseller's «Данные решения на Маркетплейсе» list, blind solution_ozon_kvarcline_deliverycalc):
   * three label items at least and half the list's items. Only the candidates already found in
   * PROSE_ZONES are looked at: no extra walk. */
  private propTables(): void {
    const groups = new Map<Element, Candidate[]>();
    const add = (block: Element, cand: Candidate): void => {
      const list = groups.get(block);
      if (list) list.push(cand);
      else groups.set(block, [cand]);
    };
    for (const cand of this.candidates) {
      if (cand.kind !== "own" || cand.zone === null || !PROSE_ZONES.includes(cand.zone)) continue;
      const row = cand.el.parentElement;
      const t = tag(cand.el);
      if ((t === "td" || t === "th") && row && tag(row) === "tr") {
        const cells = childElements(row).filter((c) => tag(c) === "td" || tag(c) === "th");
        const block = row.parentElement?.closest("table") ?? null;
        if (cells.length === 2 && cells[0] === cand.el && block) add(block, cand);
      } else if (t === "dt" && row && tag(row) === "dl") add(row, cand);
      else if (t === "li" && row && (tag(row) === "ul" || tag(row) === "ol")) add(row, cand); // a «label: value» list
    }
    const lined = new Map<Element, Candidate[]>(); // a block of «label: value» lines split by <br>
    for (const cand of this.candidates) {
      if (cand.kind !== "segment" || cand.zone === null || !PROSE_ZONES.includes(cand.zone) || !this.lineBlocks.has(cand.el)) continue;
      const list = lined.get(cand.el);
      if (list) list.push(cand);
      else lined.set(cand.el, [cand]);
    }
    // blocks mostly of label lines: only those titled as the listing's card (alone or in a run) count
    const runs = new Set([...lined].filter(([el, c]) => c.length >= MIN_PROP_ROWS && 2 * c.length >= (this.lineBlocks.get(el) ?? 0)).map(([el]) => el));
    const tails = new Set<Element>(); // the block right after a titled run opening with a label is the card's last line
    for (const block of runs) {
      if (!cardListTitle(block, runs)) continue;
      for (const cand of lined.get(block) ?? []) cand.zone = null;
      const after = block.nextElementSibling;
      if (after && !runs.has(after)) tails.add(after);
    }
    for (const cand of this.candidates) {
      // «<p><strong>Рейтинг решения на Маркетплейсе: 4,7 из 5</strong> …</p>»
      if (cand.kind === "own" && cand.zone !== null && PROSE_ZONES.includes(cand.zone) && opens(cand.el, tails)) cand.zone = null;
    }
    for (const [block, cands] of groups) {
      const item = tag(block) === "dl" ? "dt" : "li";
      const rows = tag(block) === "table" ? block.querySelectorAll("tr").length : childElements(block).filter((c) => tag(c) === item).length;
      if (item === "li" && !cardListTitle(block)) continue; // a list: only one titled as the listing's card
      if (cands.length >= MIN_PROP_ROWS && 2 * cands.length >= rows) for (const cand of cands) cand.zone = null;
    }
  }

  /** A label attribute (aria-label="Версия") or an English key (data-field="version") of an element. */
  private attributes(el: Element, zone: Zone): void {
    for (const name of (TABLE.get("label_attributes") as string[] | undefined) ?? []) {
      const value = fold(el.getAttribute(name));
      const starts = value && cpLen(value) <= MAX_LABEL_CHARS ? TABLE.labelStarts(value) : null;
      if (starts) {
        this.candidates.push({ el, text: value, zone, kind: "attr", starts });
        break;
      }
    }
    const keys = fieldKeys();
    for (const name of (TABLE.get("key_attributes") as string[] | undefined) ?? []) {
      const field = keyField(keys, el.getAttribute(name));
      if (field) {
        this.candidates.push({ el, text: field, zone, kind: "key" });
        break;
      }
    }
  }

  /** A prose property line: clauses split at «;», each a «label value» pair (a heading
   * «Совместимость:» before a clause's label is passed over), when there are two or more and EVERY
   * clause opens with a label. In the solution's own description or install text the clauses of
   * `clause_fields` (editions, adaptive, composite) are page-level; the rest stay in their zone. */
  private clauses(el: Element, zone: Zone): void {
    clauseSplit ??= new RegExp(TABLE.entries("clause_separators").map((e) => String(e.re)).join("|") || "(?!)", TABLE.flags);
    const clauses: Array<[string, string, ReadonlySet<string>]> = [];
    for (let part of norm(ownText(el)).split(clauseSplit)) {
      let folded = fold(part);
      let starts = TABLE.labelStarts(folded);
      if (!starts) {
        const head = folded.indexOf(": ");
        starts = head < 0 ? null : TABLE.labelStarts(folded.slice(head + 2));
        if (!starts) return; // every clause is a label/value pair, or the line is prose
        part = part.slice(head + 2);
        folded = folded.slice(head + 2);
      }
      clauses.push([part, folded, starts]);
    }
    if (clauses.length < 2) return;
    const promoted = (TABLE.get("clause_fields") as string[] | undefined) ?? [];
    for (const [part, folded, starts] of clauses) {
      // page-level: only editions / adaptive / composite, never a rating or a date
      const where = zone !== null && PROSE_ZONES.includes(zone) && promoted.some((f) => starts.has(f)) ? null : zone;
      this.candidates.push({ el, text: folded, zone: where, kind: "segment", line: [part], at: 0, starts });
    }
  }

  /** Each `<br>`-separated line of an element with two lines or more is a «label: value» line. */
  private lines(el: Element, zone: Zone): void {
    const lines: string[] = [];
    let part = "";
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1 && tag(n as Element) === "br") {
        lines.push(norm(part));
        part = "";
      } else if (n.nodeType === 1 || n.nodeType === 3) part += n.textContent ?? "";
    }
    lines.push(norm(part));
    const count = lines.filter((line) => line).length;
    if (count < 2) return;
    this.lineBlocks.set(el, count);
    for (const line of lines) {
      const folded = fold(line);
      const starts = cpLen(folded) <= MAX_LABEL_CHARS ? TABLE.labelStarts(folded) : null;
      if (starts) this.candidates.push({ el, text: folded, zone, kind: "segment", line: [line], at: 0, starts });
    }
  }

  /** Segments after the first of a «label · value · label · value» line become candidates. */
  private segments(el: Element, zone: Zone): void {
    const full = inlineText(el);
    if (cpLen(full) > MAX_LINE_CHARS) return;
    const line = splitLine(full);
    line.forEach((segment, at) => {
      const folded = fold(segment);
      const starts = at > 0 ? TABLE.labelStarts(folded) : null;
      if (starts) this.candidates.push({ el, text: folded, zone, kind: "segment", line, at, starts });
    });
  }

  /** The first label hit (document order) in the allowed zones whose value is valid. */
  find(field: string, options: FindOptions = {}): Hit | null {
    const zones = options.zones ?? [null];
    const patterns = TABLE.labelRx(...field.split("/"));
    const check = (text: string): boolean => Boolean(text) && !isLabel(text) && (!options.valid || options.valid(text));
    const single = !field.includes("/"); // a field's own labels: labelStarts knows where they can match
    for (const cand of this.candidates) {
      if (!zones.includes(cand.zone)) continue;
      if (single && cand.starts && !cand.starts.has(field)) continue; // its label does not start this text
      if (cand.kind === "caption") {
        const value = cand.line?.[0] ?? "";
        if (cand.text === field && check(value) && (!options.accept || options.accept(cand.el))) return { label: cand.el, text: value, valueEl: cand.el, source: "caption" };
        continue;
      }
      if (cand.kind === "key") {
        if (cand.text === field && (!options.accept || options.accept(cand.el))) {
          const hit = value(cand, null, check);
          if (hit) return hit;
        }
        continue;
      }
      for (const pattern of patterns) {
        if (TABLE.match(pattern, cand.text) && (!options.accept || options.accept(cand.el))) {
          const hit = value(cand, pattern, check);
          if (hit) return hit;
          break; // e.g. «Версия ядра: 20.0» is not the solution's version: try the next label
        }
      }
    }
    return null;
  }
}

/** The value part of a rest that may run on into the next «· label value» pair. */
function cut(rest: string): string {
  if (!hasSeparator(rest)) return rest;
  const kept: string[] = [];
  for (const segment of splitLine(rest)) {
    if (kept.length && isLabel(segment)) break;
    kept.push(segment);
  }
  return kept.join(" · ");
}

/** Group 1 of the label wrapper is `(.*)$`: the rest is the text's tail of that length. */
function restOf(pattern: RegExp, folded: string, text: string): string {
  const m = TABLE.match(pattern, folded);
  return m && m[1] ? text.slice(text.length - m[1].length) : "";
}

/** The value of a label candidate: the first bound source that exists decides; else loose ones. */
function value(cand: Candidate, pattern: RegExp | null, check: (text: string) => boolean): Hit | null {
  for (const [source, raw, valueEl, bound] of sources(cand, pattern)) {
    const normed = norm(raw);
    const text = leaderOnly(normed) ? "" : normed;
    if (!text) continue;
    if (source === "rest" && text.endsWith(":")) return null; // «Редакция решения:»: the label goes on to its colon; the rest is no value
    if (source === "rest" && labelGloss(cand.el, text)) continue; // «Разработчик (партнёр 1С-Битрикс)» in a label cell: the value is the next cell
    if (check(text)) return { label: cand.el, text, valueEl, source };
    if (bound || !(isLabel(text) || cpLen(text) <= 1)) return null; // the label's slot holds something else
  }
  return null;
}

function* sources(cand: Candidate, pattern: RegExp | null): Generator<Source> {
  const el = cand.el;
  if (cand.kind === "segment" && pattern) {
    const line = cand.line ?? [];
    const at = cand.at ?? 0;
    const rest = norm(restOf(pattern, cand.text, line[at] ?? ""));
    const follow: string[] = [];
    for (const segment of line.slice(at + 1)) {
      if (isLabel(segment)) break;
      follow.push(segment);
    }
    yield ["rest", rest || follow.join(" · "), el, true];
    return;
  }
  if (cand.kind === "attr" || cand.kind === "key") {
    const names = (TABLE.get("label_attributes") as string[] | undefined) ?? [];
    const raw = names.map((n) => norm(el.getAttribute(n))).find((v) => fold(v) === cand.text) ?? "";
    yield ["rest", pattern && cand.kind === "attr" ? restOf(pattern, cand.text, raw) : "", el, true];
    for (const name of (TABLE.get("value_attributes") as string[] | undefined) ?? []) {
      const v = el.getAttribute(name);
      if (v) yield ["attr-value", v, el, true];
    }
    // the element's text, leaving out decoration marked aria-hidden (icon ligatures: «smartphone»)
    const own = el.firstChild ? textWithout(el, new Set(css(el, "[aria-hidden=true]"))) : inlineText(el);
    if (own && (!pattern || !TABLE.match(pattern, fold(own)))) yield ["text", own, el, true];
  } else if (pattern) {
    const full = labelText(el);
    if (!TABLE.match(pattern, fold(full))) { // a child's text comes first: the label is in the own text after it
      const rest = nodeRest(el, pattern, cand.text);
      // what follows the label's text node inside the element: <i>★</i>Оценка: <b>4,3</b> из 5
      const after = rest ? "" : afterNode(el, pattern);
      if (!rest && !after && cpLen(full) <= MAX_TILE_CHARS) {
        // the caption is a bare text after the value inside one tile: <div><b>4,7</b> рейтинг</div>
        yield ["before", leadingChildren(el), el, false];
      }
      yield ["rest", cut(rest || after), el, true];
    } else {
      yield ["rest", cut(norm(restOf(pattern, fold(full), full))), el, true];
    }
  }
  const referrers = tooltipReferrers(el);
  if (referrers) { // a tooltip's value is the element it describes, never its neighbours
    for (const ref of referrers) yield ["described", inlineText(ref), ref, false];
    return;
  }
  const control = cand.kind === "own" ? labelControl(el) : null;
  if (control) { // <label for=ID>: HTML ties the label to its control, whatever the layout
    for (const text of controlValues(control)) yield ["for", text, control, true];
    return; // an empty or «—» control is an empty value, never its neighbour's
  }
  yield* structure(el);
}

/** The element a `<label for="ID">` holding the label text names (HTML's own label–control tie,
 * `label_for`: a SAP UI5 SimpleForm's `label.sapMLabel[for]` in one grid cell, its value control in
 * another; an ObjectPage header KPI's label beside an ObjectStatus or a RatingIndicator): the first
 * element of that id in the document, not the label itself nor inside it; null without one. A hidden
 * input is no control (HTML does not let a label name one): an APEX display-only item's label names
 * the hidden input holding the item's key (the partner id 4172093) while the text shown is beside it. */
function labelControl(el: Element): Element | null {
  let owner: Element | null = null;
  for (const a of ancestors(el)) {
    if (tag(a) === "label" && a.getAttribute("for")) {
      owner = a;
      break;
    }
  }
  const control = owner ? owner.ownerDocument.getElementById(owner.getAttribute("for") ?? "") : null;
  if (control && tag(control) === "input" && (control.getAttribute("type") ?? "").trim().toLowerCase() === "hidden") return null;
  return control && owner && !owner.contains(control) ? control : null;
}

/** What a label's control shows: its text without words for screen readers only (an
 * ObjectStatus' invisible state «Успешно» beside «100 - 499», `tab_checks.assistive_text`),
 * aria-hidden decoration or icon-font glyphs (private-use characters: a RatingIndicator's ten
 * star icons), then a form control's `value_attributes`, then the value a widget without text
 * states for assistive technology (`label_for.state_attributes`: a rating slider's aria-valuetext
 * «4,6 из 5», aria-valuenow «4.6»). A control holding a long text is a block, not a value: nothing. */
function* controlValues(control: Element): Generator<string> {
  const quiet = ["[aria-hidden=true]", ...TABLE.entries("tab_checks", "assistive_text").map((e) => String(e.css))].join(", ");
  const hidden = new Set(css(control, quiet));
  const shown = hidden.size ? textWithout(control, hidden) : inlineText(control);
  const text = norm(withoutIcons(shown));
  if (cpLen(text) > MAX_LINE_CHARS) return;
  yield text;
  const names = [
    ...((TABLE.get("value_attributes") as string[] | undefined) ?? []),
    ...((TABLE.get("label_for", "state_attributes") as string[] | undefined) ?? []),
  ];
  for (const name of names) {
    const v = control.getAttribute(name);
    if (v) yield v;
  }
}

/** A label that exists only in a tooltip (`role=tooltip`, floating after the footer): the elements
 * naming it by id in `aria-describedby` / `aria-labelledby`; null when not a tooltip. */
function tooltipReferrers(el: Element): Element[] | null {
  const roles = (TABLE.get("tooltip_roles") as string[] | undefined) ?? [];
  const tip = [el, labelBox(el)].find((e) => roles.includes(e.getAttribute("role") ?? ""));
  if (!tip) return null;
  const id = tip.getAttribute("id");
  if (!id) return [];
  const found: Element[] = [];
  for (const name of (TABLE.get("tooltip_referrers") as string[] | undefined) ?? []) {
    for (const ref of css(tip.ownerDocument.documentElement, `[${name}]`)) {
      if ((ref.getAttribute(name) ?? "").split(/\s+/).includes(id)) found.push(ref);
    }
  }
  return found;
}

/** The text after the run of direct text nodes holding the label (the nodes after it): a label
 * that ends its run is followed by its value, it does not caption what precedes (lxml: the
 * children after el.text or after the child whose tail holds it, with their tails). */
function afterNode(el: Element, pattern: RegExp): string {
  const nodes = Array.from(el.childNodes);
  let run = "";
  for (let i = 0; i <= nodes.length; i++) {
    const n = nodes[i];
    if (n && n.nodeType === 3) {
      run += (n as Text).data;
      continue;
    }
    const text = norm(run);
    if (text && TABLE.match(pattern, fold(text))) {
      const parts: string[] = [];
      for (const m of nodes.slice(i)) parts.push(m.nodeType === 1 ? inlineText(m as Element) : m.nodeType === 3 ? (m as Text).data : "");
      return norm(parts.join(" "));
    }
    run = "";
  }
  return "";
}

/** The rest after the label in the one run of direct text nodes that holds it (lxml: el.text or a
 * child's tail): never glued to another text node of the element. Only when no single run holds
 * the label (split by an inline child), the rest of the element's whole own text. */
function nodeRest(el: Element, pattern: RegExp, foldedOwn: string): string {
  const runs = [""];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) runs[runs.length - 1] += (n as Text).data;
    else runs.push("");
  }
  for (const run of runs) {
    const text = norm(run);
    if (text && TABLE.match(pattern, fold(text))) return restOf(pattern, fold(text), text);
  }
  return restOf(pattern, foldedOwn, norm(ownText(el)));
}

/** The text of an element's children before the first non-blank text of its own. */
function leadingChildren(el: Element): string {
  const parts: string[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    parts.push(inlineText(c));
    if (norm(tailText(c))) break;
  }
  return parts.join(" ");
}

// how many wrappers a label climbs to its box: a word processor's export nests four
// (LibreOffice's <td><p><font face><font size><b>Версия</b></font></font></p></td>)
const MAX_BOX_CLIMB = 4;

/** The outermost wrapper whose whole text is the label's (<td><b>Версия</b></td> → the td). */

export function labelBox(el: Element): Element {
  const text = inlineText(el);
  let found = el;
  for (let i = 0; i < MAX_BOX_CLIMB; i++) {
    const parent = found.parentElement;
    if (!parent || inlineText(parent) !== text) break;
    found = parent;
  }
  return found;
}

/** The label element's text without its own help controls: a `skip_tags` descendant (the help
 * button holding assistive text «Справка») or a tooltip (`tooltip_roles`) inside the label is no
 * part of its rest (<span>Опубликовано:<button><span>Справка</span></button></span>). */
function labelText(el: Element): string {
  if (!el.firstElementChild) return inlineText(el);
  const roles = (TABLE.get("tooltip_roles") as string[] | undefined) ?? [];
  const helps = new Set([...el.querySelectorAll("*")].filter((d) => TABLE.skipTags.has(tag(d)) || roles.includes(d.getAttribute("role") ?? "")));
  return helps.size ? textWithout(el, helps) : inlineText(el);
}

/** Is the rest a parenthesised gloss of the label in a label cell of a two-cell pair
 * (<div><div>Установок (по данным Маркетплейса)</div><div>100 - 499</div></div>)? The whole
 * first cell is the label then; its value is the pair's second cell, not the gloss. */
function labelGloss(el: Element, rest: string): boolean {
  return rest.startsWith("(") && rest.endsWith(")") && pairWrapper(el) !== null;
}

/** The pair wrapper of a label element: the parent of its box (`labelBox`) holding exactly two
 * elements, the box first and a value element with text second, and no text of its own; null
 * otherwise. */
function pairWrapper(el: Element): Element | null {
  const found = labelBox(el);
  const wrapper = found.parentElement;
  if (!wrapper || tag(wrapper) === "body" || tag(wrapper) === "html") return null;
  const kids = childElements(wrapper);
  if (kids.length !== 2 || kids[0] !== found || norm(ownText(wrapper))) return null;
  return inlineText(kids[1] as Element) ? wrapper : null;
}

/** An empty text container that is no decoration (`value_slot`): a value rendered empty. */
function slot(el: Element): boolean {
  const slots = TABLE.entries("value_slot", "slots")
    .map((e) => String(e.css))
    .join(", ");
  const decoration = TABLE.entries("value_slot", "not_slots")
    .map((e) => String(e.css))
    .join(", ");
  return (
    slots !== "" &&
    childElements(el).length === 0 &&
    !inlineText(el) &&
    matches(el, slots) &&
    !(decoration && matches(el, decoration))
  );
}

/**
 * The label's value slot is there and empty: an empty slot inside the label's element
 * (<div>Обновлено: <span class="value"></span></div>) or after it in a wrapper whose whole text is
 * still the label's (<div><span>Обновлено:</span> <span class="value"></span></div>, the climb
 * `labelBox` makes). The next row's value is then not this label's: there is none.
 */
function emptySlot(el: Element): boolean {
  if (childElements(el).some(slot)) return true;
  const text = inlineText(el);
  let node = el;
  for (let i = 0; i < 3; i++) {
    const parent = node.parentElement;
    if (!parent || inlineText(parent) !== text) return false;
    const kids = childElements(parent);
    if (kids.slice(kids.indexOf(node) + 1).some(slot)) return true;
    node = parent;
  }
  return false;
}

/** A header row of labels over a row of values: the value in the same column of the next row. */
function column(cell: Element): [string, Element] | null {
  const row = cell.parentElement;
  if (!row) return null;
  const cells = childElements(row);
  const others = cells.filter((c) => c !== cell);
  if (!others.length || !others.some((c) => isLabel(inlineText(c)))) return null;
  let nxt = row.nextElementSibling;
  const group = row.parentElement;
  if (!nxt && group && tag(group) === "thead") {
    const body = group.nextElementSibling;
    nxt = body ? (childElements(body).find((c) => tag(c) === "tr") ?? null) : null;
  }
  if (!nxt) return null;
  const values = childElements(nxt);
  if (values.length !== cells.length || recordRows(nxt)) return null;
  const target = values[cells.indexOf(cell)] as Element;
  return [inlineText(target), target];
}

/** A second row of values follows the first (no labels in it): the header heads a list of
 * records (editions and their prices, releases), whose first row is no value of the label. */
function recordRows(valuesRow: Element): boolean {
  const after = valuesRow.nextElementSibling;
  return after !== null && !childElements(after).some((c) => isLabel(inlineText(c)));
}

function hasDigit(text: string): boolean {
  for (const ch of text) if (ch >= "0" && ch <= "9") return true;
  return false;
}

/** The outermost wrapper of `node` that wraps nothing else (each level has one element child). */
function loneChainUp(node: Element): Element {
  let found = node;
  for (let parent = found.parentElement; parent && childElements(parent).length === 1 && tag(parent) !== "body"; parent = found.parentElement) {
    found = parent;
  }
  return found;
}

/** The innermost element below `node` through wrappers of one element child each. */
function loneChainDown(node: Element): Element {
  let found = node;
  for (let kids = childElements(found); kids.length === 1; kids = childElements(found)) found = kids[0] as Element;
  return found;
}

/** Two parallel columns: a column of bare labels (`<p>Версия</p><p>Обновлено</p>…`, no digits,
 * half of them at least labels of the table) and, as its next sibling (through wrappers of one
 * child each), a column of as many values, none a label, read in the same order: the value at
 * the label's index. False when the label column stands beside no such value column (another
 * count, a label among the values): no value at all, never a shifted one; null when the label
 * is no item of such a column. */
function parallel(wrapper: Element): [string, Element] | null | false {
  const holder = wrapper.parentElement;
  const items = holder ? childElements(holder) : [];
  if (!holder || items.length < MIN_PARALLEL_ITEMS || items.length > MAX_PARALLEL_ITEMS) return null;
  if (tag(holder) === "body" || tag(holder) === "html" || items.some((item) => tag(item) !== tag(wrapper))) return null;
  const texts = items.map((item) => inlineText(item));
  // «Версия 2.3.1»: a label with its value, no bare label column
  if (texts.some((text) => !text || cpLen(text) > MAX_PARALLEL_LABEL_CHARS || hasDigit(text))) return null;
  if (2 * texts.filter((text) => isLabel(text)).length < items.length) return null;
  const col = loneChainUp(holder);
  const other = col.nextElementSibling;
  if (!other || !col.parentElement || childElements(col.parentElement).length !== 2) return null;
  const values = childElements(loneChainDown(other));
  const valueTexts = values.map((v) => inlineText(v));
  if (values.length !== items.length || valueTexts.some((text) => cpLen(text) > MAX_LABEL_CHARS || isLabel(text))) {
    return false;
  }
  const at = items.indexOf(wrapper);
  return [valueTexts[at] as string, values[at] as Element];
}

/** The first following sibling with text, passing over empty and leader-only ones, and ones drawing icon-font
 * glyphs alone (a Fluent UI rating's stars, private-use characters, between «Оценка покупателей на Маркетплейсе»
 * and its «4,7»: blind solution_sharepoint_modern_canvas_enisey_pricelist). */
function nextText(el: Element): [string, Element] | null {
  let nxt = el.nextElementSibling;
  for (let i = 0; i <= MAX_SKIPPED_SIBLINGS; i++) {
    if (!nxt) return null;
    const text = inlineText(nxt);
    if (text && !leaderOnly(text) && norm(withoutIcons(text))) return [text, nxt];
    if (norm(tailText(nxt))) return null; // text between the siblings: that is the tail's, not this sibling's
    nxt = nxt.nextElementSibling;
  }
  return null;
}

/** The text nodes right before an element, back to the previous element (lxml: prev.tail or parent.text). */
function textBefore(el: Element): string {
  let out = "";
  for (let n = el.previousSibling; n && n.nodeType !== 1; n = n.previousSibling) if (n.nodeType === 3) out = (n as Text).data + out;
  return out;
}

/** A stat tile: the caption ends a small block, its value is what comes before it. */
function before(caption: Element): [string, Element] | null {
  const parent = caption.parentElement;
  if (!parent || nextText(caption) !== null || norm(tailText(caption))) return null;
  if (cpLen(inlineText(parent)) > MAX_TILE_CHARS) return null;
  const prev = caption.previousElementSibling;
  const between = norm(textBefore(caption));
  if (prev) return between ? [between, parent] : [inlineText(prev), prev];
  return [between, parent];
}

/** An inverted definition list (`<dt>4,7</dt><dd>рейтинг</dd>`, a stat strip): the label is a
 * dd that captions the dt right before it. Decided by which side is a label: the dd is one (the
 * candidate) and no dt of its list is one, so a normal dl (dt label, dd value) never reads so. */
function inverted(wrapper: Element): [string, Element] | null {
  const parent = wrapper.parentElement;
  const prev = wrapper.previousElementSibling;
  if (tag(wrapper) !== "dd" || !parent || !prev || tag(prev) !== "dt") return null;
  if (childElements(parent).some((dt) => tag(dt) === "dt" && isLabel(inlineText(dt)))) return null;
  return [inlineText(prev), prev];
}

/** The value cell of a label cell: the next cell, or, when empty cells stand between (a form
 * layout's error-indicator or spacer cell: Vaadin `caption | error | content`), the row's LAST
 * cell provided every cell between is empty. A text cell in between, or a text cell after the
 * candidate, keeps the plain next cell (empty: the value is rendered empty). */
function pairCell(cell: Element): Element | null {
  const nxt = cell.nextElementSibling;
  if (!nxt || inlineText(nxt) || !CELLS.has(tag(nxt))) return nxt;
  let after: Element | null = nxt;
  for (let i = 0; i < MAX_SKIPPED_SIBLINGS; i++) {
    after = after.nextElementSibling;
    if (!after || !CELLS.has(tag(after))) return nxt;
    if (inlineText(after)) return after.nextElementSibling ? nxt : after;
  }
  return nxt;
}

function* structure(el: Element): Generator<Source> {
  const wrapper = labelBox(el);
  const parent = el.parentElement;
  if (CELLS.has(tag(wrapper)) || tag(wrapper) === "dt") {
    const nxt = CELLS.has(tag(wrapper)) ? pairCell(wrapper) : wrapper.nextElementSibling;
    const wantDd = tag(wrapper) === "dt";
    if (nxt && (wantDd ? tag(nxt) === "dd" : CELLS.has(tag(nxt))) && !isLabel(inlineText(nxt))) {
      yield ["pair", inlineText(nxt), nxt, true];
      return;
    }
  }
  const flipped = inverted(wrapper);
  if (flipped) {
    yield ["inverted", flipped[0], flipped[1], true]; // the dd's value is its dt, never the next pair's value
    return;
  }
  const col = column(wrapper);
  if (col) {
    yield ["column", col[0], col[1], true];
    return;
  }
  const par = parallel(wrapper);
  if (par === false) return; // a label column beside no column of as many values: no neighbour is its value
  if (par) {
    yield ["parallel", par[0], par[1], true];
    return;
  }
  if (emptySlot(el)) return; // the label's own value slot is empty: no neighbour's text is its value
  yield ["tail", cut(norm(tailText(el))), parent, false];
  for (const holder of wrapper !== el ? [el, wrapper] : [el]) {
    const found = nextText(holder);
    if (found) yield ["next", found[0], found[1], false];
  }
  const tile = before(wrapper);
  if (tile) yield ["before", tile[0], tile[1], false];
  const outer = wrapper !== el ? wrapper.parentElement : parent;
  const pnext = outer?.nextElementSibling;
  if (pnext) yield ["parent-next", inlineText(pnext), pnext, false];
}
