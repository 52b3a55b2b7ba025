// schema.org JSON-LD as a last-resort source (backend/mpcheck/extract/jsonld.py): only fields the
// visible page left null are filled (found_by "json-ld"). JSON.parse only — nothing is evaluated.
import { parseDate } from "./dates";
import type { MutableFacts } from "./facts";
import * as values from "./values";

type Obj = Record<string, unknown>;
const TYPES = new Set(["SoftwareApplication", "WebApplication", "Product", "SoftwareSourceCode"]);

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function objects(node: unknown, depth = 0): Obj[] {
  if (depth > 32) return [];
  if (Array.isArray(node)) return node.flatMap((n) => objects(n, depth + 1));
  if (isObj(node)) return [node, ...objects(node["@graph"] ?? [], depth + 1)];
  return [];
}

function application(texts: readonly string[]): Obj | null {
  for (const text of texts) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    for (const obj of objects(data)) {
      const kinds = Array.isArray(obj["@type"]) ? obj["@type"] : [obj["@type"]];
      if (kinds.some((k) => typeof k === "string" && TYPES.has(k))) return obj;
    }
  }
  return null;
}

function first(value: unknown): unknown {
  return Array.isArray(value) && value.length ? value[0] : value;
}

/** Python `str(x or "")` for the scalar JSON values read here. */
function str(v: unknown): string {
  if (v === null || v === undefined || v === false || v === 0 || v === "") return "";
  if (v === true) return "True";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

export function fillFromJsonLd(facts: MutableFacts, texts: readonly string[], foundBy: Record<string, string>): void {
  const app = application(texts);
  if (!app) return;
  const offer = first(app.offers) || {};
  const agg = app.aggregateRating || {};
  const author = first(app.author || app.publisher || app.brand) || {};
  const candidates: Array<["name" | "version" | "published" | "updated", string | null]> = [
    ["name", typeof app.name === "string" ? app.name : null],
    ["version", values.version(str(app.softwareVersion))],
    ["published", parseDate(str(app.datePublished))],
    ["updated", parseDate(str(app.dateModified))],
  ];
  for (const [field, value] of candidates) {
    if (facts[field] === null && value !== null) {
      facts[field] = value;
      foundBy[field] = "json-ld";
    }
  }
  // a null the page's own words decided stays null (found by "text": «Отзывов пока нет», or reviews
  // the page disclaims as the host's own, whose JSON-LD aggregate is that host's too)
  if (facts.rating.average === null && foundBy.rating !== "text" && isObj(agg)) {
    const avg = values.rating(str(agg.ratingValue));
    if (avg !== null) {
      facts.rating.average = avg;
      foundBy.rating = "json-ld";
    }
  }
  if (facts.reviews.total === null && foundBy.reviews !== "text" && isObj(agg) && /^[0-9]+$/.test(String(agg.reviewCount ?? ""))) {
    facts.reviews.total = Number(agg.reviewCount);
    foundBy.reviews = "json-ld";
  }
  if (facts.price.rub === null && isObj(offer) && (offer.priceCurrency ?? "RUB") === "RUB") {
    const rub = values.integer(str(offer.price).split(".")[0]);
    if (rub !== null) {
      facts.price = { rub, old_rub: null, free: rub === 0, discount_until: null };
      foundBy.price = "json-ld";
    }
  }
  if (facts.partner.name === null && isObj(author) && typeof author.name === "string") {
    facts.partner.name = author.name;
    foundBy.partner = "json-ld";
  }
}
