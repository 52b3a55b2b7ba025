// Catalog / search cards (DOM.md §6, §10.6; backend/mpcheck/extract/listing.py): one facts stub per
// card. Cards are `.item-wrap` (confirmed); without them each solution link is climbed to the
// nearest ancestor that holds only that one solution. Card internals are guessed, so values are
// read by text regex inside the card. Cards are read IN PLACE (no copy): `element` is where the
// content script mounts the mini-badge. Each card's text is computed once.
import type { Facts } from "../engine/types";
import { css, liveBlockText } from "./dom";
import { priceIn, type Price } from "./offer";
import { TABLE } from "./label_table";
import { fold, norm } from "./text";
import * as values from "./values";

export interface ListingCard { code: string; element: Element; facts: Facts }

/** The card fields of expected/catalog_category_listing.json (the Python listing card). */
export interface CardValues {
  code: string;
  name: string;
  price: Price;
  demo_days: number | null;
  installs_label: string | null;
  installs: values.Installs | null;
  rating: number | null;
  partner_id: number | null;
  partner_name: string | null;
  reviews: number | null;
}

function codeOf(el: Element): string | null {
  const m = TABLE.search(el.getAttribute("href") ?? "", "urls", "solution_path");
  return m?.[1] ? m[1].toLowerCase() : null;
}

function distinctCodes(el: Element): Set<string> {
  const codes = new Set<string>();
  for (const a of css(el, "a[href]")) {
    const c = codeOf(a);
    if (c) codes.add(c);
  }
  return codes;
}

/** `.item-wrap` cards, else every solution link climbed to its own card. */
function findCards(root: Element): Element[] {
  const cards = TABLE.entries("listing", "cards").flatMap((sel) => css(root, String(sel.css)));
  if (cards.length) return cards;
  const found: Element[] = [];
  for (const a of css(root, "a[href*='/solutions/']")) {
    const code = codeOf(a);
    if (!code) continue;
    let card = a;
    for (let up = card.parentElement; up; up = card.parentElement) {
      const codes = distinctCodes(up);
      if (codes.size !== 1 || !codes.has(code)) break;
      card = up;
    }
    if (!found.includes(card)) found.push(card);
  }
  return found;
}

function firstText(card: Element, ...path: string[]): string | null {
  for (const sel of TABLE.entries(...path)) {
    for (const el of css(card, String(sel.css))) {
      const text = liveBlockText(el);
      if (text) return text;
    }
  }
  return null;
}

/** A card whose price element says «Бесплатно» (a name containing «бесплатно» does not count). */
function free(card: Element): Price | null {
  // block text only adds spaces to textContent, so without script-like content a long textContent
  // rules an element out before its text is walked
  const prefilter = !card.querySelector("script, style, noscript, template");
  for (const el of css(card, "*")) {
    if (prefilter && norm(el.textContent).length > 20) continue;
    const text = liveBlockText(el);
    if (text.length <= 20 && values.isFree(text)) return { rub: 0, old_rub: null, free: true };
  }
  return null;
}

/** One card's values (Python `read_card`, plus installs and the partner's name); null without a solution link. */
export function readCard(card: Element): CardValues | null {
  const link = css(card, "a[href]").find((a) => codeOf(a));
  const code = link ? codeOf(link) : null;
  if (!link || !code) return null;
  const text = liveBlockText(card);
  const folded = fold(text);
  const ratingText = firstText(card, "listing", "card_rating");
  let reviews: number | null = null;
  for (const el of css(card, "*")) {
    if (el.firstElementChild) continue;
    const m = TABLE.search(fold(liveBlockText(el)), "listing", "card_reviews");
    if (m) {
      reviews = Number(m[1] ?? m[2]);
      break;
    }
  }
  if (reviews === null && TABLE.search(folded, "fields", "rating", "none")) reviews = 0;
  const partner = css(card, "a[href*='detail.php?ID=']")[0];
  const pm = partner ? TABLE.search(partner.getAttribute("href") ?? "", "fields", "partner", "values") : null;
  // as the Python card: text after a lower-case «установок», else the whole card text
  const at = folded.indexOf("установок");
  const installs = folded.toLowerCase().includes("установок") ? values.installs(at >= 0 ? folded.slice(at + 9) : folded) : null;
  return {
    code,
    name: firstText(card, "listing", "card_name") || liveBlockText(link),
    price: priceIn(card, text, liveBlockText) ?? free(card) ?? { rub: null, old_rub: null, free: null },
    demo_days: values.demoDays(folded),
    installs_label: installs ? installs.label : null,
    installs,
    rating: ratingText ? values.rating(ratingText) : null,
    partner_id: pm ? Number(pm[1]) : null,
    partner_name: partner ? liveBlockText(partner) || null : null,
    reviews,
  };
}

function stub(card: CardValues): Facts {
  return {
    schema: "mpcheck.facts/1",
    page_type: "solution",
    url: `${String(TABLE.get("urls", "base"))}/solutions/${card.code}/`,
    code: card.code,
    name: card.name || null,
    partner: { id: card.partner_id, name: card.partner_name },
    price: card.price,
    // a «Демо N дней» badge proves a trial; its absence on a card proves nothing
    demo: { available: card.demo_days !== null ? true : null, days: card.demo_days, online_demo_url: null },
    installs: card.installs,
    rating: { average: card.rating },
    found_by: { code: "card" },
  };
}

/** One facts stub per catalog / search card; never throws. */
export function extractListingCards(doc: Document, url: string): ListingCard[] {
  void url; // cards carry absolute solution URLs built from their codes
  try {
    const root = doc.documentElement;
    if (!root) return [];
    const out: ListingCard[] = [];
    for (const element of findCards(root)) {
      const card = readCard(element);
      if (card) out.push({ code: card.code, element, facts: stub(card) });
    }
    return out;
  } catch (err) {
    console.debug("mpcheck: listing extraction failed", err);
    return [];
  }
}
