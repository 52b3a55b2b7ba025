// extractFacts: a solution page's DOM → mpcheck.facts/1 (SPEC §3), the same procedure and values as
// backend/mpcheck/extract/solution.py. Unknown is null, never a guess; `found_by` says which
// strategy found each field; `extraction.markup_changed` is set when a confirmed field (code,
// partner, changelog dates) comes out empty. Never throws; never modifies the page.
import type { Facts } from "../engine/types";
import { changelog } from "./changelog";
import { comments } from "./comments";
import { Page } from "./context";
import { preparedCopy } from "./dom";
import { asFacts, emptyFacts, type MutableFacts } from "./facts";
import { reviews } from "./reviews";
import * as identity from "./identity";
import { fillFromJsonLd } from "./jsonld";
import { links } from "./links";
import * as offer from "./offer";
import * as props from "./props";
import { support } from "./support";

function missing(facts: MutableFacts): string[] {
  const out: string[] = [];
  if (!facts.code) out.push("code");
  if (facts.partner.id === null) out.push("partner");
  if (!facts.changelog || !facts.changelog.some((e) => e.date)) out.push("changelog");
  return out;
}

function extract(doc: Document, url: string | null): MutableFacts {
  const { root, jsonld } = preparedCopy(doc);
  const page = new Page(root, url, jsonld);
  const facts = emptyFacts();
  // item-based fields first, then the items leave the (copied) tree
  const partner = identity.partner(page); // answers are told by their author: the partner
  facts.reviews = reviews(page, partner.name);
  const entries = changelog(page);
  facts.comments = comments(page, partner.name);
  page.detachItems();
  const code = identity.code(page);
  Object.assign(facts, {
    url: identity.pageUrl(page, code),
    code,
    name: identity.name(page),
    kind: identity.kind(page),
    withdrawn: identity.withdrawn(page),
    partner,
    price: offer.price(page),
    demo: offer.demo(page),
    changelog: entries,
  });
  Object.assign(facts, props.readProps(page));
  facts.rating = { average: props.rating(page) };
  facts.support = support(page.tabs.bodies.get("support"));
  if (page.tabs.bodies.has("support")) page.found_by.support = "tab-body";
  facts.links = links(page);
  fillFromJsonLd(facts, page.jsonld, page.found_by);
  const newest = facts.changelog?.[0];
  if (facts.updated === null && newest?.date) {
    facts.updated = newest.date;
    page.found_by.updated = "changelog";
  }
  if (facts.version === null && newest) {
    facts.version = newest.version;
    page.found_by.version = "changelog";
  }
  const lost = missing(facts);
  const keys = Object.keys(page.found_by).sort();
  facts.found_by = Object.fromEntries(keys.map((k) => [k, page.found_by[k] as string]));
  facts.extraction = { markup_changed: lost.length > 0, missing_confirmed: lost, sources: Object.fromEntries(keys.map((k) => [k, "html"])) };
  return facts;
}

/** Facts of a solution page; never throws (an all-null object marked `markup_changed` instead). */
export function extractFacts(doc: Document, url: string): Facts {
  const given = url || null;
  try {
    return asFacts(extract(doc, given));
  } catch (err) {
    console.debug("mpcheck: solution extraction failed", err);
    return asFacts(emptyFacts(given));
  }
}
