// Price and trial (backend/mpcheck/extract/offer.py): the solution's OWN price — never a bundle,
// an edition or an upsell, never the largest number on the page — the end of its discount, and the
// demo mode, which an «Онлайн-демо» site is not; a negated mention («без демо», «не предусмотрен»)
// is no trial.
import type { Page } from "./context";
import { parseEndDate } from "./dates";
import { STRUCK_ATTR, STRUCK_TEXT, absoluteUrl, ancestors, css, inlineText, labelCell, labelCellBefore, linkUrl, matches, tag, tailText, textBefore, textWithout } from "./dom";
import { TABLE, type Entry } from "./label_table";
import { labelBox } from "./labelled";
import { inPage, textUrls } from "./links";
import { cpLen, fold, norm, withoutIcons } from "./text";
import * as values from "./values";

const MAX_CLIMB = 4; // how far up from «Купить» the buy block may be
const MAX_FREE_CHARS = 40; // an element of the buy block whose whole text is «Бесплатно»
const VALUE_CELLS = new Set(["td", "dd"]); // a table row's or a definition list's value cell
const ROW_LABEL_CHARS = 40; // a row's label is short («Онлайн-демо», «Демо-сайт магазина»)
const MARK = 0xe000; // private-use characters standing for the struck prices in a text (the page's own cut first)

/** A price as a card or a block shows it (listing cards use it too). */
export interface Price { rub: number | null; old_rub: number | null; free: boolean | null }
/** The solution's own price with the end of its discount (SPEC §3 `price`). */
export interface OwnPrice extends Price { discount_until: string | null }
export interface Demo { available: boolean | null; days: number | null; online_demo_url: string | null }
type Own = Price;

function struck(el: Element): Element[] {
  return TABLE.entries("fields", "price", "struck").flatMap((sel) => css(el, String(sel.css)));
}

/** Words for screen readers only inside a price (tab_checks.assistive_text: WooCommerce's
 * «<span class="screen-reader-text">Первоначальная цена составляла 19 900 ₽.</span>» after its struck
 * <del>): they restate the prices shown, an old one among them, in words (Python `_spoken`). */
function spoken(el: Element): Element[] {
  return css(el, TABLE.entries("tab_checks", "assistive_text").map((e) => String(e.css)).join(", "));
}

/** The text and the marked text without the screen-reader words (spoken) when a price is still shown
 * without them; as they are otherwise (a price said only to screen readers stays read) (Python `_unspoken`). */
function unspoken(el: Element, text: string, marked: string, textOf: (el: Element) => string): [string, string] {
  let cut = text;
  let cutMarked = marked;
  for (const s of spoken(el)) {
    const said = withoutIcons(textOf(s));
    if (!said) continue;
    cut = cut.replace(said, () => " ");
    cutMarked = cutMarked.replace(said, () => " ");
  }
  return cut !== text && isPrice(norm(cut)) ? [cut, cutMarked] : [text, marked];
}

/** Price of a value element: struck text is the old price, the rest is the current one. A struck
 * price is the old one only next to the current price (fields.price.old_gap): «продление <s>12 000</s>»,
 * «вместо заказной разработки за <s>60 000</s>» strike another thing's price. Words for screen readers
 * only are left out while a price is shown without them (unspoken). Icon-font glyphs (private-use characters,
 * «&#xE8C8;» of a Fluent UI tag icon before the price) are no part of a price and are cut first: the marks standing
 * for the struck prices are private-use characters too, and a page's own glyph must never be taken for one (Python
 * `price_in`). */
export function priceIn(el: Element | null, source: string, textOf: (el: Element) => string = inlineText): Own | null {
  let text = withoutIcons(source);
  let marked = text;
  const olds: [string, number | null][] = [];
  (el ? struck(el) : []).forEach((s, i) => {
    const gone = withoutIcons(textOf(s));
    const mark = String.fromCharCode(MARK + i);
    if (s.getAttribute(STRUCK_ATTR) !== STRUCK_TEXT) olds.push([mark, values.money(gone)]); // struck text that is more than a price: no old price
    text = text.replace(gone, () => " ");
    marked = marked.replace(gone, () => ` ${mark} `);
  });
  if (el) [text, marked] = unspoken(el, text, marked, textOf);
  text = norm(text);
  if (values.isFree(text)) {
    if (TABLE.search(fold(text), "fields", "price", "free_conditional")) return { rub: null, old_rub: null, free: null }; // «Бесплатно для клиентов …»: unknown
    return { rub: 0, old_rub: null, free: true };
  }
  const rub = values.money(text);
  if (rub === null) return null;
  if (!olds.length && twoBare(text, rub)) return { rub: null, old_rub: null, free: null }; // «12 900 ₽ 9 900 ₽», nothing struck: unknown
  const old = olds.length ? nextTo(norm(marked), olds, rub) : wordedOld(text, rub);
  return { rub, old_rub: old !== rub ? old : null, free: rub === 0 };
}

/** A higher second price right after the current one with only an old-price wording between them
 * (fields.price.old_words: «14 900 руб. (без скидки — 17 900 руб.)», «7 490 руб. вместо 9 990 руб.») is the
 * old price, struck or not; «9 900 руб. вместо заказной разработки за 60 000 руб.» is none (Python `_worded_old`). */
function wordedOld(text: string, rub: number): number | null {
  const at = values.moneyAt(text);
  if (!at || at[0] !== rub) return null;
  const folded = fold(text);
  const second = values.moneyAt(folded.slice(at[2]));
  if (!second || second[0] <= rub) return null;
  return TABLE.search(folded.slice(at[2], at[2] + second[1]), "fields", "price", "old_words") ? second[0] : null;
}

/** Two different prices side by side with nothing but spaces or punctuation between them and nothing
 * struck (the stylesheet that strikes one not saved): which is current the text does not say (Python
 * `_two_bare`). */
function twoBare(text: string, rub: number): boolean {
  const at = values.moneyAt(text);
  if (!at || at[0] !== rub) return false;
  const folded = fold(text);
  const second = values.moneyAt(folded.slice(at[2]));
  if (!second || second[0] === rub) return false;
  return TABLE.search(folded.slice(at[2], at[2] + second[1]), "fields", "price", "bare_gap") !== null;
}

/** The first struck price (its mark in `marked`) with nothing but old-price words between it and the current price `rub`. */
function nextTo(marked: string, olds: [string, number | null][], rub: number): number | null {
  const at = values.moneyAt(marked);
  if (!at || at[0] !== rub) return null;
  const [, start, end] = at;
  const folded = fold(marked);
  for (const [mark, old] of olds) {
    const pos = folded.indexOf(mark);
    if (old === null || pos < 0) continue;
    const gap = pos >= end ? folded.slice(end, pos) : pos < start ? folded.slice(pos + 1, start) : null;
    if (gap !== null && TABLE.search(gap, "fields", "price", "old_gap")) return old;
  }
  return null;
}

function isPrice(text: string): boolean {
  return values.money(text) !== null || values.isFree(text);
}

/** DOM.md §10.3: the price in the control itself («Купить за 9 900 руб.»), else in the nearest
 * ancestor of «Купить» that holds one: its chosen option, else its first price that is no other
 * thing's (blockPrice). */
function buyBlock(page: Page): [Own, Element] | null {
  for (const ctl of page.outside(css(page.root, "a, button, input[type=submit], [role=button]"))) {
    const label = tag(ctl) === "input" ? fold(ctl.getAttribute("value")) : page.foldedText(ctl);
    if (!TABLE.search(label, "fields", "price", "buy_buttons")) continue;
    const own = priceIn(ctl, tag(ctl) === "input" ? (ctl.getAttribute("value") ?? "") : inlineText(ctl));
    if (own && !own.free) return [own, ctl];
    for (const anc of [...ancestors(ctl)].slice(1, MAX_CLIMB + 1)) {
      const found = withShownOld(chosen(anc), anc) ?? blockPrice(anc) ?? freeIn(anc);
      if (found) return [found, anc];
    }
  }
  return null;
}

/** A chosen option's price with the old price the block shows for that same price: an option
 * states only its current price («Лицензия на 1 сайт — 7 920 ₽»), the block's price line above it
 * strikes the old one beside it («7 920 ₽ <s>9 900 ₽</s> −20%», a Bitrix UI-kit buy block). Taken
 * only when the block's own first price is the chosen one and its old price is higher (Python
 * `_with_shown_old`). */
function withShownOld(found: Own | null, block: Element): Own | null {
  if (!found || found.old_rub !== null || !found.rub) return found;
  const shown = blockPrice(block);
  if (!shown || shown.rub !== found.rub || !((shown.old_rub ?? 0) > found.rub)) return found;
  return { ...found, old_rub: shown.old_rub };
}

/** The price of the option the block shows as chosen: a selected <option>, a checked radio's label
 * («Модуль + настройка — 24 900 руб.» before the checked «Только модуль — 9 900 руб.»), unless its
 * label names another thing (row_not_own: «Продление на год — 4 950 руб.»). */
function chosen(block: Element): Own | null {
  const shown = css(block, "option[selected], input[type=radio][checked]");
  for (const select of css(block, "select:not([multiple])")) {
    const options = css(select, "option");
    if (options.length && !css(select, "option[selected]").length) shown.push(options[0] as Element); // a select with no selected option shows its first
  }
  for (const el of shown) {
    const holder = tag(el) === "option" ? el : labelOf(el, block);
    const before = holder ? lead(inlineText(holder)) : "";
    if (!holder || ["row_not_own", "row_bundle"].some((k) => TABLE.search(before, "fields", "price", k))) continue;
    const found = priceIn(holder, inlineText(holder));
    if (found) return found;
  }
  return null;
}

/** The folded text before the first money of a text (all of it when it has none). */
function lead(text: string): string {
  const folded = fold(text);
  const m = (TABLE.rx("fields", "price", "values")[0] as RegExp).exec(folded);
  return (m ? folded.slice(0, m.index) : folded).trim();
}

/** The <label> around a radio inside the block, else the radio's parent. */
function labelOf(el: Element, block: Element): Element | null {
  for (const anc of ancestors(el)) {
    if (anc === block) break;
    if (tag(anc) === "label") return anc;
  }
  return el.parentElement;
}

/** The block's first price, leaving out the rows that are another thing's (otherRows): all the
 * labelled rows while the block holds a price besides them, else those that name another thing, and
 * a bundle's («Модуль + настройка —») while a labelled row of its own stays («Только модуль —»). */
function blockPrice(block: Element): Own | null {
  let text = inlineText(block);
  const rows = otherRows(block);
  if (rows.length) {
    let rest = text;
    for (const [row] of rows) rest = rest.replace(row, () => " ");
    const found = priceIn(block, rest);
    if (found) return found;
    const own = new Set(rows.filter(([, other, bundle]) => !other && !bundle).map(([row]) => values.money(row)));
    if (own.size > 1) return null; // «Старт — 4 900 руб.», «Бизнес — 9 900 руб.», none chosen: which one is not said
    const ownKept = own.size > 0;
    for (const [row, other, bundle] of rows) if (other || (bundle && ownKept)) text = text.replace(row, () => " ");
  }
  return priceIn(block, text);
}

/** The rows of a buy block that hold one price behind a label of their own (fields.price.row_label:
 * «Установка и настройка специалистом: 3 000 руб.»), a price label aside; with whether that label
 * names another thing (row_not_own) and whether it names a bundle (row_bundle). A row is the largest element around its price holding no other;
 * a struck one («Старая цена: <s>12 000 руб.</s>») is an old price, which priceIn judges. */
function otherRows(block: Element): [string, boolean, boolean][] {
  const moneyAll = TABLE.global("fields", "price", "values")[0] as RegExp;
  const texts = new Map<Element, string>();
  const counts = new Map<Element, number>();
  const textOf = (el: Element): string => {
    let text = texts.get(el);
    if (text === undefined) texts.set(el, (text = inlineText(el)));
    return text;
  };
  const count = (el: Element): number => {
    let n = counts.get(el);
    if (n === undefined) counts.set(el, (n = fold(textOf(el)).match(moneyAll)?.length ?? 0));
    return n;
  };
  const rows: [string, boolean, boolean][] = [];
  if (!count(block)) return rows; // no money in the block: no row holds a price (a long buy block of words, #8)
  for (const el of Array.from(block.querySelectorAll("*"))) {
    if (count(el) !== 1) continue;
    const parent = el.parentElement;
    if ((parent && parent !== block && count(parent) < 2) || struck(el).length) continue;
    const before = lead(textOf(el));
    if (TABLE.search(before, "fields", "price", "row_label") && !TABLE.search(before, "fields", "price", "free_lead")) {
      const other = TABLE.search(before, "fields", "price", "row_not_own") !== null;
      rows.push([textOf(el), other, TABLE.search(before, "fields", "price", "row_bundle") !== null]);
    }
  }
  return rows;
}

/** A buy block with no money whose price is an element of its own saying «Бесплатно» (the
 * block's whole text runs on into the next line: «Бесплатно Версия 3.0.4 …» is no free wording). */
function freeIn(block: Element): Own | null {
  if (TABLE.search(fold(inlineText(block)), "fields", "price", "free_refuse")) return null; // «Цена по запросу»
  for (const el of Array.from(block.querySelectorAll("*"))) {
    const text = inlineText(el);
    const conditional = TABLE.search(fold(text), "fields", "price", "free_conditional");
    if (cpLen(text) <= MAX_FREE_CHARS && values.isFree(text) && !conditional && freeAlone(el)) return { rub: 0, old_rub: null, free: true };
  }
  return null;
}

/** The «Бесплатно» element is the price: no words follow it, and the text before it is nothing or a
 * price label («Цена: <span>Бесплатно</span>»), never another label («Установка — …»). */
function freeAlone(el: Element): boolean {
  const next = el.nextSibling;
  if (next?.nodeType === 3 && TABLE.search(fold(next.textContent ?? ""), "fields", "price", "free_tail")) return false;
  const prevNode = el.previousSibling;
  const lead = prevNode?.nodeType === 3 ? (prevNode.textContent ?? "") : "";
  if (lead.trim()) return TABLE.search(fold(lead).trim(), "fields", "price", "free_lead") !== null;
  const prev = el.previousElementSibling;
  const before = prev ? fold(inlineText(prev)).trim() : "";
  return !TABLE.search(before, "fields", "price", "free_label_end") || TABLE.search(before, "fields", "price", "free_lead") !== null;
}

const MAX_AFTER_CHARS = 40; // how far past a discount wording its sentence is read (discount_not_own_after)
const SENTENCE_ENDS = [". ", "! ", "? "]; // a date's own dots («15.12.2026») are followed by digits

/** The text up to its first sentence end («… до 30.11.2026. Установка …» stops at the date). */
function sentence(text: string): string {
  const ends = SENTENCE_ENDS.map((end) => text.indexOf(end)).filter((i) => i >= 0);
  return ends.length ? text.slice(0, Math.min(...ends)) : text;
}

/** The end date of a discount («Акция до 30.11.2026», «Скидка действует до 30 ноября»). */
export function discountUntil(text: string): string | null {
  const folded = fold(text);
  for (const p of TABLE.rx("fields", "price", "discount_until")) {
    for (const m of folded.matchAll(new RegExp(p.source, p.flags + "g"))) {
      const start = m.index ?? 0;
      const dateAt = start + m[0].length - (m[1] ?? "").length; // group 1 closes the match
      const before = folded.slice(start, dateAt); // the wording up to its date
      if (TABLE.search(before, "fields", "price", "discount_not_own")) continue; // «Скидка 50% на продление … до», «при покупке от 3 лицензий»: not this price
      const after = sentence(folded.slice(dateAt, start + m[0].length + MAX_AFTER_CHARS));
      if (TABLE.search(before + after, "fields", "price", "discount_not_own_after")) continue; // «… до 31.12.2026 от 3 лицензий», «… на сотни решений», «… — настройка в подарок»
      const date = parseEndDate(m[1] ?? "");
      if (date) return date;
    }
  }
  return null;
}

/** A dialog's title: the element its aria-labelledby names, else its first heading, else its aria-label. */
function dialogTitle(dialog: Element, page: Page): string {
  const ids = new Set((dialog.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean));
  let titled = ids.size ? css(page.root, "[id]").filter((el) => ids.has(el.getAttribute("id") ?? "")).slice(0, 1) : [];
  if (!titled.length) titled = css(dialog, [...[...TABLE.headingTags].sort(), "[role='heading']", ".modal-title"].join(", ")).slice(0, 1);
  return titled.map((el) => inlineText(el)).join(" ") || dialog.getAttribute("aria-label") || "";
}

/** The dialogs about another offer (fields.price.dialogs titled as fields.price.discount_not_own:
 * «Продление лицензии»): their struck price and «Акция до …» are that offer's, not this price's. */
function otherOffers(page: Page): Element[] {
  const found: Element[] = [];
  for (const sel of TABLE.entries("fields", "price", "dialogs")) {
    for (const dialog of css(page.root, String(sel.css))) {
      const title = fold(dialogTitle(dialog, page));
      if (!found.includes(dialog) && TABLE.search(title, "fields", "price", "discount_not_own")) found.push(dialog);
    }
  }
  return found;
}

const MAX_UNTIL_CHARS = 300; // a price with no old price: its own small block («Цена: 7 900 руб. Акция до 31.12»)

/** The discount end stated next to this solution's price (its block), else in the page head while the
 * price shows a discount (`discounted`: an old price beside it; without one only its small block of at
 * most MAX_UNTIL_CHARS is read); never in a dialog about another offer
 * (renewal) (Python `_until`). */
function until(page: Page, near: Element | null, discounted = true): string | null {
  const others = otherOffers(page);
  for (const anc of near ? [...ancestors(near)].slice(0, MAX_CLIMB) : []) {
    if (!discounted && cpLen(inlineText(anc)) > MAX_UNTIL_CHARS) return null; // past the price's small block
    const found = discountUntil(textWithout(anc, new Set(others.filter((d) => d !== anc && anc.contains(d)))));
    if (found) return found;
  }
  // the head only while the price shows a discount (an old price): else a newsletter's, a store-wide
  // sale's or a recommended card's «Акция до …» (Python `_until`)
  return discounted ? discountUntil(page.headWithout(others)) : null;
}

const MAX_BLOCK_CHARS = 160; // the price's own small block: a struck price there is its old price
const MAX_OLD_CLIMB = 3; // how many levels up from the price its small block may be (PrestaShop: 3)

/** A struck price next to the labelled one in its small block, higher than it (an old price is never
 * the lower one); next to it as priceIn reads one, so «Цена: 9 900 руб. <span>продление <s>12 000 руб.</s>
 * 4 950 руб.</span>» has none. The block is the nearest of the price's first MAX_OLD_CLIMB ancestors,
 * each of at most MAX_BLOCK_CHARS, that reads this price with an old one (PrestaShop 1.7's
 * div.product-prices); the climb stops at a block that reads another price first (Python `_old_beside`). */
function oldBeside(el: Element | null, rub: number): number | null {
  let parent = el; // the value element first: a value read up to its struck part leaves the old price inside it
  for (let i = 0; i <= MAX_OLD_CLIMB; i++) {
    if (!parent || cpLen(inlineText(parent)) > MAX_BLOCK_CHARS) return null;
    const found = priceIn(parent, inlineText(parent));
    if (found && found.rub !== rub) return null;
    const old = found ? found.old_rub : null;
    if (old !== null) return old > rub ? old : null;
    parent = parent.parentElement;
  }
  return null;
}

const TAG_CHARS = new Set("0123456789 %-−–"); // a discount tag «−24%» beside the struck price, nothing else

/** The element right after the labelled price's value element, when it is one struck price and at
 * most a discount tag: Bulma's buy box «<p class=heading>Цена</p><p class=title>18 900 руб.</p><p>
 * <span class=mp-price-old>24 900 руб.</span> <span class=tag>−24%</span></p>», whose small block is
 * the whole box (blind solution_bulma_level_tiles_ozerokod_crm). Higher than the price only; a line
 * with words or another price («Продление <s>12 000</s> 9 450 руб.») is another thing's (Python `_old_after`). */
function oldAfter(el: Element | null, rub: number): number | null {
  const next = el ? el.nextElementSibling : null;
  if (!next || cpLen(inlineText(next)) > MAX_BLOCK_CHARS) return null;
  const gone = struck(next).filter((s) => s.getAttribute(STRUCK_ATTR) !== STRUCK_TEXT);
  if (gone.length !== 1 || ![...norm(textWithout(next, new Set(gone)))].every((c) => TAG_CHARS.has(c))) return null;
  const old = values.money(inlineText(gone[0]));
  return old !== null && old > rub ? old : null;
}

/** The old price a selector's `old` element states in the price's own box (the nearest ancestor
 * matching its `box`), read like the price (its `attr`), higher than it: Magento's price-box
 * «<span data-price-type="oldPrice" data-price-amount="74900">» beside the finalPrice one. Only that
 * box: the related products' and the mini-cart's boxes are other things' prices. */
function oldInBox(el: Element, sel: Entry, rub: number): number | null {
  if (!sel.box || !sel.old) return null;
  let box: Element | null = null;
  for (const a of ancestors(el.parentElement)) {
    if (matches(a, String(sel.box))) {
      box = a;
      break;
    }
  }
  for (const found of box ? css(box, String(sel.old)) : []) {
    const raw = (sel.attr && found.getAttribute(sel.attr)) || inlineText(found);
    const old = values.money(raw) ?? values.money(`${raw} руб.`);
    return old !== null && old > rub ? old : null;
  }
  return null;
}

/** A label whose value element is only a struck price («<b>Цена:</b> <s>54 900 руб.</s> 39 900
 * руб.»): that is the old price of a value running on after it, so the price is read from the
 * label's own small block (the parent of both, at most MAX_BLOCK_CHARS), the label left out, its
 * struck part the old price. The label is taken with the wrappers that hold only it (`labelBox`), and
 * the value may wrap its struck price (a word processor's «<font><font><b>Цена:</b></font></font><font><font><strike>54 900
 * руб.</strike></font></font> 39 900 руб.»), so a struck price in font runs is one too (Python `_past_struck`). */
function pastStruck(label: Element, valueEl: Element | null): [Own, Element] | null {
  const parent = valueEl?.parentElement ?? null;
  if (
    !valueEl ||
    !parent ||
    labelBox(label).parentElement !== parent ||
    !struck(valueEl).some((s) => inlineText(s) === inlineText(valueEl)) ||
    cpLen(inlineText(parent)) > MAX_BLOCK_CHARS
  )
    return null;
  const found = priceIn(parent, textWithout(parent, new Set([label])));
  return found ? [found, parent] : null;
}

function ownPrice(page: Page): [Own, Element | null] | null {
  const hit = page.index.find("price", { valid: isPrice });
  let labelled = hit ? priceIn(hit.valueEl, hit.text) : null;
  let near = hit ? hit.valueEl : null;
  if (hit && !labelled) [labelled, near] = pastStruck(hit.label, hit.valueEl) ?? [null, near];
  if (hit && labelled) {
    page.found_by.price = "label";
    if (labelled.old_rub === null && !labelled.free && labelled.rub !== null) labelled.old_rub = oldBeside(near, labelled.rub) ?? oldAfter(near, labelled.rub);
    return [labelled, near];
  }
  const block = buyBlock(page);
  if (block) {
    page.found_by.price = "buy-block";
    return block;
  }
  for (const sel of TABLE.entries("fields", "price", "selectors")) {
    for (const el of page.outside(css(page.root, String(sel.css)))) {
      const raw = (sel.attr && el.getAttribute(sel.attr)) || inlineText(el);
      const rub = values.money(raw) ?? values.money(`${raw} руб.`);
      if (rub !== null) {
        page.found_by.price = "selector";
        const old = rub ? (oldInBox(el, sel, rub) ?? oldBeside(el, rub)) : null; // <s> compare-at beside it
        return [{ rub, old_rub: old, free: rub === 0 }, el];
      }
    }
  }
  return null;
}

/** {rub, old_rub, free, discount_until}: label «Цена», then the buy block, then selectors; nulls when
 * absent. `discount_until` is reported as stated, even when already past (the engine judges). */
export function price(page: Page): OwnPrice {
  const found = ownPrice(page);
  if (!found) return { rub: null, old_rub: null, free: null, discount_until: null };
  const [own, near] = found;
  return { ...own, discount_until: own.free || own.rub === null ? null : until(page, near, own.old_rub !== null) };
}

/**
 * The label cell of the table row (or `dt`) whose value cell (`td` / `dd`, up to MAX_CLIMB levels
 * up) opens with the link: «<td>Онлайн-демо</td><td><a>b2b-demo.…</a> (логин demo)</td>»; "" when the
 * link is in no value cell, does not open it, or the cell before holds a link itself
 * (Python `_row_label`).
 */
function rowLabel(a: Element): string {
  let cell: Element | null = null;
  let n = 0;
  for (const c of ancestors(a)) {
    if (n++ >= MAX_CLIMB) break;
    if (VALUE_CELLS.has(tag(c))) {
      cell = c;
      break;
    }
  }
  // no value cell, or the link does not open it (a link inside a sentence of the cell)
  if (!cell || cell.querySelector("a[href]") !== a || !inlineText(cell).startsWith(inlineText(a))) return "";
  return labelCellBefore(cell);
}

/**
 * The demo SITE: a link named «Онлайн-демо» / «Демо-сайт», or a link right after such words: in the
 * text before it, or, with nothing but spaces between, in the label element right before it
 * («<b>Онлайн-демо:</b> <a>demo.acme.ru</a>», «<th>Демо-сайт</th><td><a>…</a></td>»: labelCell); or the
 * first link of a table row labelled so, with more in its cell (`rowLabel`). A bare «#fragment» link is
 * passed over (`inPage`): a table of contents' «Демо-режим и онлайн-демо» jumps to a section of this page,
 * which is no demo site.
 */
function onlineDemo(page: Page): string | null {
  for (const a of page.outside(css(page.root, "a[href]"), "about")) {
    if (inPage(a)) continue;
    const named = TABLE.search(page.foldedText(a), "demo", "not_trial");
    const before = norm(textBefore(a)) ? textBefore(a) : labelCell(a);
    const label = fold(rowLabel(a));
    const labelled = cpLen(label) <= ROW_LABEL_CHARS && TABLE.search(label, "demo", "not_trial") !== null;
    if (named || TABLE.search(fold(before), "demo", "not_trial_before") || labelled) {
      const url = linkUrl(a, page.base); // a click-tracking href: the URL its text shows
      if (url) return url;
    }
  }
  return null;
}

/** A demo label's value that says the trial has no end («без ограничения срока», «бессрочно»). */
function unlimited(text: string): boolean {
  return TABLE.search(fold(text), "demo", "unlimited") !== null;
}

/** A demo label's value that says there is no trial («нет», «не предусмотрен», «без демо», or that none
 * is needed, `demo.refusals`: «не требуется, решение бесплатное»), not the «без ограничения срока» of an
 * unlimited one. A value that says the trial is given no more refuses too («на 30 дней больше не
 * предоставляется», «(30 дней) отключён»: `values.givenNoMore`, read on the value). */
function refused(text: string): boolean {
  if (TABLE.search(fold(text), "demo", "refusals")) return true; // «не требуется, решение бесплатное»
  if (values.givenNoMore(fold(text))) return true; // «на 30 дней больше не предоставляется»
  return values.yesNo(text) === false && !unlimited(text);
}

/** A demo label's value that says there is a trial without its length («Есть», «Да», «бессрочно»). */
function granted(text: string): boolean {
  return values.yesNo(text) === true || unlimited(text);
}

/** A trial button that links off the 1C-Bitrix sites (and off the page's own host) opens the
 * vendor's demo site («Попробовать» → https://demo.vendor.ru/admin/), not this solution's demo mode. */
function leavesSite(page: Page, control: Element): boolean {
  const url = absoluteUrl(control.getAttribute("href"), page.base);
  if (url === null) return false;
  const host = hostOf(url);
  return host !== hostOf(page.base) && TABLE.search(host, "demo", "trial_hosts") === null;
}

/** A link to a help / FAQ / documentation page (demo.help_links on its host and path:
 * marketplace.1c-bitrix.ru/help/trial/): it tells how trials work in general, not this solution's. */
function helpPage(page: Page, control: Element): boolean {
  const url = absoluteUrl(control.getAttribute("href"), page.base);
  if (url === null) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return TABLE.search(parsed.host.toLowerCase() + parsed.pathname.toLowerCase(), "demo", "help_links") !== null;
}

/** Links whose text names a trial but that lead to a help page or off the site (a sticky bar's
 * «Пробный период» → /help/trial/): navigation, left out of the text a trial is read from. */
function trialLinks(page: Page): Element[] {
  return page.outside(css(page.root, "a[href]")).filter((a) => {
    if (!helpPage(page, a) && !leavesSite(page, a)) return false;
    const text = fold(inlineText(a));
    return TABLE.search(text, "demo", "trial_words") !== null || values.demoDays(text) !== null;
  });
}

/** The host of a URL ("" when there is none: Python's urlsplit().netloc). */
function hostOf(url: string | null): string {
  try {
    return url ? new URL(url).host.toLowerCase() : "";
  } catch {
    return "";
  }
}

/** true when the text names a trial, false when every mention is negated, null when none. */
function trialMentioned(text: string): boolean | null {
  const mentions = TABLE.rx("demo", "trial_words")
    .flatMap((p) => [...text.matchAll(new RegExp(p.source, p.flags + "g"))])
    .filter((m) => !values.otherTrial(text, m.index, m.index + m[0].length)); // «тестовый период внедрения»
  if (!mentions.length) return null;
  return mentions.some((m) => !values.negated(text, m.index, m.index + m[0].length));
}

const MAX_QUESTION_CHARS = 200; // a FAQ question is one short sentence

/** The head's questions about a trial (demo.questions: «<summary>Есть ли пробный период?</summary>»): an
 * element whose whole text is one short yes / no question (demo.question_yes_no) naming a trial word, the
 * innermost of nested ones. It asks; it states nothing (Python `_questions`). */
function questions(page: Page): Element[] {
  const names = TABLE.rx("demo", "trial_words");
  const found: Element[] = [];
  for (const sel of TABLE.entries("demo", "questions")) {
    for (const el of page.outside(css(page.root, String(sel.css)))) {
      const text = norm(inlineText(el));
      const folded = fold(text);
      const asks = text.endsWith("?") && cpLen(text) <= MAX_QUESTION_CHARS && names.some((p) => p.test(folded));
      if (!found.includes(el) && asks && TABLE.search(folded, "demo", "question_yes_no")) found.push(el);
    }
  }
  return found.filter((q) => !found.some((o) => o !== q && q.contains(o)));
}

/** The yes / no the answer right after a question opens with (the text after it, else the next element,
 * else its parent's next): «Нет, но мы вернём деньги …» → false, «Да, 14 дней» → true; null when its first
 * clause says neither («Пока нет, планируем») (Python `_answered`). */
function answered(question: Element): boolean | null {
  const after = question.nextElementSibling ?? question.parentElement?.nextElementSibling ?? null;
  const text = norm(tailText(question)) || (after ? inlineText(after) : "");
  const ends = [...",.!?;—–"].map((c) => text.indexOf(c)).filter((i) => i >= 0);
  return values.yesNo(ends.length ? text.slice(0, Math.min(...ends)) : text);
}

/** «Онлайн-демо: https://…» as text (links.text_online_demo): the first such address off the platform's own
 * sites (links.documentation_host: the Marketplace, 1c-bitrix.ru), where an address is another solution's
 * card or the platform's page, never this solution's demo site (Python `_text_online_demo`). */
function textOnlineDemo(page: Page): string | null {
  return textUrls(page, "text_online_demo").find((u) => !TABLE.search(u, "links", "documentation_host")) ?? null;
}

/** {available, days, online_demo_url}: «Демо-режим: 14 дней» / trial buttons; «Онлайн-демо» is a site;
 * «Демо-режим: не предусмотрен», «без демо» mean no trial; a FAQ's question about a trial says what its
 * answer opens with (`questions`, `answered`). On a withdrawn solution's page a buy control left over
 * does not make the page's silence "no trial": the solution is offered no more. */
export function demo(page: Page, withdrawn: boolean | null = false): Demo {
  const online = onlineDemo(page) ?? textOnlineDemo(page);
  const asked = questions(page);
  const valid = (t: string): boolean => refused(t) || (values.demoValue(t) || values.demoDays(t)) !== null;
  const hit = page.index.find("demo_days", { valid });
  if (hit && refused(hit.text)) { // «Демо-режим: не предусмотрен» / «нет»
    page.found_by.demo = "label";
    return { available: false, days: null, online_demo_url: online };
  }
  let days = hit ? values.demoValue(hit.text) || values.demoDays(fold(inlineText(hit.label) + " " + hit.text)) : null;
  if (days !== null) page.found_by.demo = "label";
  else {
    const grant = hit === null ? page.index.find("demo_days", { valid: granted }) : null;
    if (grant !== null) {
      // «Демо-версия: доступна 7 дней» / «Демо-режим: Есть» / «без ограничения срока»: a trial, its
      // length only where the label's own row gives it; the head text is not searched, where the
      // next row's «Бесплатная поддержка: 6 месяцев» would pass for it
      page.found_by.demo = "label";
      days = values.demoDays(fold(inlineText(grant.label) + " " + grant.text));
      return { available: true, days, online_demo_url: online };
    }
    days = values.demoDays(page.headWithout([...trialLinks(page), ...asked]));
    if (days !== null) page.found_by.demo = "text";
  }
  const controls = page.outside(css(page.root, "a, button, [role=button]"));
  if (days === null && (days = controlDays(page, controls)) !== null) page.found_by.demo = "button";
  if (days !== null) return { available: true, days, online_demo_url: online };
  let available: boolean | null = controls.some(
    (c) => TABLE.search(page.foldedText(c), "demo", "trial_buttons") !== null && !leavesSite(page, c) && !helpPage(page, c),
  );
  if (available) page.found_by.demo = "button";
  else {
    let said = trialMentioned(page.headWithout([...trialLinks(page), ...asked]));
    const answers = asked.map(answered).filter((a): a is boolean => a !== null); // «Есть ли пробный период?» «Нет»
    if (answers.length) said = Boolean(said) || answers.some(Boolean);
    // Silence is "no trial" only where the page sells the solution (a buy control: a trial would
    // sit next to it); a page with no offer at all (withdrawn) does not say: unknown.
    const offered = !withdrawn && sells(page, controls);
    available = said !== null || offered ? Boolean(said) : null;
    if (said !== null) page.found_by.demo = "text";
  }
  return { available, days: null, online_demo_url: online };
}

const CONTROL_NAMES = ["aria-label", "title"]; // a control's accessible name, when its text is shorter

/**
 * A trial's length said only in a control's accessible name: «<ion-button aria-label="Установить
 * пробную версию на 21 день">Тест-драйв</ion-button>» (blind solution_ionic7_segment_kometa_pos); a
 * control that leads off the site or to a help page is left out (Python `_control_days`).
 */
function controlDays(page: Page, controls: Element[]): number | null {
  for (const control of controls) {
    if (leavesSite(page, control) || helpPage(page, control)) continue;
    for (const name of CONTROL_NAMES) {
      const days = values.demoDays(fold(control.getAttribute(name) ?? ""));
      if (days !== null) return days;
    }
  }
  return null;
}

/** Whether the page has a buy / install control (the offer a trial would belong to). */
function sells(page: Page, controls: Element[]): boolean {
  const inputs = page.outside(css(page.root, "input[type=submit]"));
  const labels = [...controls.map((c) => page.foldedText(c)), ...inputs.map((c) => fold(c.getAttribute("value")))];
  return labels.some((label) => TABLE.search(label, "fields", "price", "buy_buttons") !== null);
}

/**
 * A page that states this solution's price (by any route, JSON-LD included) offers it, so its
 * silence about a trial is "no trial"; without an offer the trial stays unknown. A withdrawn
 * solution is offered no more, whatever price its page still shows (the last one, a reseller's
 * copy): its silence stays unknown (a trial the page states or refuses stands).
 */
export function settleDemo(demo: Demo, price: Price | null, withdrawn: boolean | null = false): Demo {
  if (demo.available !== null || !price || withdrawn) return demo;
  if (price.rub === null && !price.free) return demo;
  return { ...demo, available: false };
}
