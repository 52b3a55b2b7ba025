// The labelled properties: installs, published, updated, version, editions, adaptive, composite,
// and the average rating (backend/mpcheck/extract/props.py). Label first, then the field's
// selector fallbacks; a label whose value does not parse is skipped, never guessed around.
import type { Page } from "./context";
import { parseDate } from "./dates";
import { ancestors, css, inlineText } from "./dom";
import { TABLE } from "./label_table";
import { norm, stripChars } from "./text";
import * as values from "./values";

const QUOTES = "«»\"“”„'’";
const LETTER = /[\p{L}\p{Nl}\p{No}]/u; // Python `[^\W\d_]`: a word character that is not a digit or _

function labelled<T>(page: Page, field: string, parse: (text: string) => T | null): T | null {
  const hit = page.index.find(field, { valid: (text) => parse(text) !== null });
  const found = hit ? parse(hit.text) : null;
  if (found !== null) {
    page.found_by[field] = "label";
    return found;
  }
  for (const sel of TABLE.entries("fields", field, "selectors")) {
    for (const el of page.outside(css(page.root, String(sel.css)))) {
      const raw = (sel.attr && el.getAttribute(sel.attr)) || inlineText(el);
      const value = parse(raw);
      if (value !== null) {
        page.found_by[field] = "selector";
        return value;
      }
    }
  }
  return null;
}

/** «"Старт", "Стандарт"» → ["Старт", "Стандарт"]; «—» → null. */
export function editions(text: string): string[] | null {
  const sep = TABLE.rx("fields", "editions", "values")[0];
  if (!sep) return null;
  const items = norm(text)
    .split(sep)
    .map((part) => stripChars(norm(part), QUOTES + " ."))
    .filter((i) => i && LETTER.test(i));
  return items.length ? items : null;
}

export interface Props {
  installs: values.Installs | null;
  published: string | null;
  updated: string | null;
  version: string | null;
  editions: string[] | null;
  adaptive: boolean | null;
  composite: boolean | null;
}

export function readProps(page: Page): Props {
  return {
    installs: labelled(page, "installs", values.installs),
    published: labelled(page, "published", parseDate),
    updated: labelled(page, "updated", parseDate),
    version: labelled(page, "version", values.version),
    editions: labelled(page, "editions", editions),
    adaptive: labelled(page, "adaptive", values.yesNo),
    composite: labelled(page, "composite", values.yesNo),
  };
}

/** Average rating: label (head, then the reviews summary), the «no ratings» text, then selectors. */
export function rating(page: Page): number | null {
  const items = new Set(page.reviewItems);
  const notItem = (el: Element): boolean => ![...ancestors(el)].some((a) => items.has(a));
  const valid = (text: string): boolean => values.rating(text) !== null;
  const hit = page.index.find("rating", { valid }) ?? page.index.find("rating", { zones: ["rating"], accept: notItem, valid });
  if (hit) {
    page.found_by.rating = "label";
    return values.rating(hit.text);
  }
  if (TABLE.search(page.headText(), "fields", "rating", "none")) {
    page.found_by.rating = "text";
    return null;
  }
  for (const sel of TABLE.entries("fields", "rating", "selectors")) {
    const found = page.outside(css(page.root, String(sel.css)), "rating").filter(notItem);
    let value: number | null = null;
    if (sel.count) value = found.length ? found.length : null;
    else {
      for (const el of found) {
        value = values.rating((sel.attr && el.getAttribute(sel.attr)) || inlineText(el));
        if (value !== null) break;
      }
    }
    if (value !== null) {
      page.found_by.rating = "selector";
      return value;
    }
  }
  return null;
}

