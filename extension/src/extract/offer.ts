// Price and trial (backend/mpcheck/extract/offer.py): the solution's OWN price — never a bundle,
// an edition or an upsell, never the largest number on the page — and the demo mode, which an
// «Онлайн-демо» site is not.
import type { Page } from "./context";
import { absoluteUrl, ancestors, css, inlineText, tag } from "./dom";
import { TABLE } from "./label_table";
import { fold, norm } from "./text";
import * as values from "./values";

const MAX_CLIMB = 4; // how far up from «Купить» the buy block may be

export interface Price { rub: number | null; old_rub: number | null; free: boolean | null }
export interface Demo { available: boolean | null; days: number | null; online_demo_url: string | null }

function struck(el: Element): Element[] {
  return TABLE.entries("fields", "price", "struck").flatMap((sel) => css(el, String(sel.css)));
}

/** Price of a value element: struck text is the old price, the rest is the current one. */
export function priceIn(el: Element | null, source: string, textOf: (el: Element) => string = inlineText): Price | null {
  let text = source;
  let old: number | null = null;
  for (const s of el ? struck(el) : []) {
    const gone = textOf(s);
    old = old ?? values.money(gone);
    text = text.replace(gone, () => " ");
  }
  text = norm(text);
  if (values.isFree(text)) return { rub: 0, old_rub: null, free: true };
  const rub = values.money(text);
  if (rub === null) return null;
  return { rub, old_rub: old !== rub ? old : null, free: rub === 0 };
}

/** DOM.md §10.3: the first price inside the nearest ancestor of «Купить» that holds one. */
function buyBlock(page: Page): Price | null {
  for (const ctl of page.outside(css(page.root, "a, button, input[type=submit], [role=button]"))) {
    const label = tag(ctl) === "input" ? fold(ctl.getAttribute("value")) : page.foldedText(ctl);
    if (!TABLE.search(label, "fields", "price", "buy_buttons")) continue;
    for (const anc of [...ancestors(ctl)].slice(1, MAX_CLIMB + 1)) {
      const found = priceIn(anc, inlineText(anc));
      if (found) return found;
    }
  }
  return null;
}

/** {rub, old_rub, free}: label «Цена», then the buy block, then selectors; nulls when absent. */
export function price(page: Page): Price {
  const hit = page.index.find("price");
  const labelled = hit ? priceIn(hit.valueEl, hit.text) : null;
  if (labelled) {
    page.found_by.price = "label";
    return labelled;
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
        return { rub, old_rub: null, free: rub === 0 };
      }
    }
  }
  return { rub: null, old_rub: null, free: null };
}

function onlineDemo(page: Page): string | null {
  for (const a of page.outside(css(page.root, "a[href]"), "about")) {
    if (TABLE.search(page.foldedText(a), "demo", "not_trial")) {
      const url = absoluteUrl(a.getAttribute("href"), page.url);
      if (url) return url;
    }
  }
  return null;
}

/** {available, days, online_demo_url}: «Демо-режим: 14 дней» / trial buttons; «Онлайн-демо» is a site. */
export function demo(page: Page): Demo {
  const hit = page.index.find("demo_days");
  if (hit && values.yesNo(hit.text) === false) { // «Демо-режим: не предусмотрен» / «нет»
    page.found_by.demo = "label";
    return { available: false, days: null, online_demo_url: onlineDemo(page) };
  }
  let days = hit ? values.demoDays(fold(inlineText(hit.label) + " " + hit.text)) : null;
  if (days !== null) page.found_by.demo = "label";
  else {
    days = values.demoDays(page.headText());
    if (days !== null) page.found_by.demo = "text";
  }
  let available = days !== null;
  if (!available) {
    const controls = page.outside(css(page.root, "a, button, [role=button]"));
    available = controls.some((c) => TABLE.search(page.foldedText(c), "demo", "trial_buttons") !== null);
    available = available || TABLE.search(page.headText(), "demo", "trial_words") !== null;
    if (available) page.found_by.demo = "button";
  }
  return { available, days, online_demo_url: onlineDemo(page) };
}
