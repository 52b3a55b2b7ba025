// extractSolution: a solution page's DOM → mpcheck.facts/1 (SPEC §3), the same procedure and values as
// backend/mpcheck/extract/solution.py. Unknown is null, never a guess; `found_by` says which
// strategy found each field; `extraction.markup_changed` is set when a confirmed field (code,
// partner, changelog dates) comes out empty, when a value was dropped as implausible (`rejected`,
// plausibility.ts) or a field's reader failed (`failed`): each field is read on its own, so one that
// fails never blanks the others. Dates with no year and relative dates («вчера») are read against
// `today` (ISO; the clock's by default). Never throws; never modifies the page.
import type { Facts } from "../engine/types";
import { changelog } from "./changelog";
import { comments } from "./comments";
import { Page } from "./context";
import { referenceDay, today as clockToday } from "./dates";
import { preparedCopy } from "./dom";
import { CONFIRMED, SCHEMA, asFacts, type MutableFacts } from "./facts";
import * as identity from "./identity";
import { fillFromJsonLd } from "./jsonld";
import { links } from "./links";
import * as offer from "./offer";
import * as plausibility from "./plausibility";
import * as props from "./props";
import { reviews } from "./reviews";
import { labelledFreeMonths, support } from "./support";

/** The facts object with every value unknown (key order as Python's `empty_facts`). */
export function emptyFacts(url: string | null = null): MutableFacts {
  return {
    schema: SCHEMA,
    page_type: "solution",
    url,
    code: null,
    name: null,
    kind: null,
    withdrawn: null,
    partner: { id: null, name: null },
    price: { rub: null, old_rub: null, free: null, discount_until: null },
    demo: { available: null, days: null, online_demo_url: null },
    installs: null,
    published: null,
    updated: null,
    version: null,
    rating: { average: null },
    reviews: { total: null, items: null },
    comments: { total: null, items: null },
    changelog: null,
    support: { free_months: null, channels: null, hours: null, timezone: null, response_hours: null },
    links: { documentation: null, video: [], presentation: null, cases: [] },
    editions: null,
    adaptive: null,
    composite: null,
    found_by: {},
    extraction: { markup_changed: true, missing_confirmed: [...CONFIRMED], sources: {} },
  };
}

function missing(facts: MutableFacts): string[] {
  const out: string[] = [];
  if (!facts.code) out.push("code");
  if (facts.partner.id === null) out.push("partner");
  if (!facts.changelog || !facts.changelog.some((e) => e.date)) out.push("changelog");
  return out;
}

/** One field's value; a reader that throws leaves that field unknown and the others intact. */
function field<T>(failed: string[], name: string, read: () => T, unknown: T): T {
  try {
    return read();
  } catch (err) {
    console.debug(`mpcheck: reading ${name} failed`, err);
    failed.push(name);
    return unknown;
  }
}

function fromChangelog(facts: MutableFacts, page: Page): void {
  const newest = facts.changelog?.[0];
  if (facts.updated === null && newest?.date) {
    facts.updated = newest.date;
    page.found_by.updated = "changelog";
  }
  if (facts.version === null && newest) {
    facts.version = newest.version;
    page.found_by.version = "changelog";
  }
}

/**
 * The reading, in steps: it pauses (yield) after building the page (the copy, its scope, sections
 * and label index) and after the item-based fields, so the content script can give the page its
 * main thread in between (SPEC §10: no task over 16 ms). The tree read is a copy, so whatever the
 * page does meanwhile cannot change what is read.
 */
function* extract(doc: Document, url: string | null, day: string): Generator<void, MutableFacts> {
  const { root, jsonld } = preparedCopy(doc);
  const page = new Page(root, url, jsonld);
  yield;
  const facts = emptyFacts();
  const blank = emptyFacts();
  const failed: string[] = [];
  const read = <K extends keyof MutableFacts>(name: K, reader: () => MutableFacts[K]): MutableFacts[K] => field(failed, name, reader, blank[name]);
  // item-based fields first, then the items leave the (copied) tree
  const partner = read("partner", () => identity.partner(page)); // answers are told by their author
  facts.reviews = read("reviews", () => reviews(page, partner.name));
  const entries = read("changelog", () => changelog(page));
  facts.comments = read("comments", () => comments(page, partner.name));
  page.detachItems();
  yield;
  const code = read("code", () => identity.code(page));
  const gone = read("withdrawn", () => identity.withdrawn(page));
  Object.assign(facts, {
    url: read("url", () => identity.pageUrl(page, code)),
    code,
    name: read("name", () => identity.name(page)),
    kind: read("kind", () => identity.kind(page)),
    withdrawn: gone,
    partner,
    price: read("price", () => offer.price(page)),
    demo: read("demo", () => offer.demo(page, gone)),
    changelog: entries,
  });
  for (const name of Object.keys(props.READERS) as Array<keyof props.Props>) {
    const reader = props.READERS[name] as (page: Page) => MutableFacts[typeof name];
    (facts as unknown as Record<string, unknown>)[name] = read(name, () => reader(page));
  }
  facts.rating = read("rating", () => ({ average: props.rating(page) }));
  facts.support = read("support", () => support(page.tabs.bodies.get("support")));
  if (page.tabs.bodies.has("support")) page.found_by.support = "tab-body";
  else {
    const months = field(failed, "support", () => labelledFreeMonths(page), null);
    if (months !== null) {
      facts.support.free_months = months;
      page.found_by.support = "label";
    }
  }
  facts.links = read("links", () => links(page));
  field(failed, "json-ld", () => fillFromJsonLd(facts, page.jsonld, page.found_by), undefined);
  facts.demo = offer.settleDemo(facts.demo, facts.price, facts.withdrawn);
  const rejected = plausibility.check(facts, day);
  fromChangelog(facts, page);
  rejected.push(...plausibility.check(facts, day)); // the changelog's own values are checked too
  for (const item of rejected) { // a dropped value was found by nothing
    if ((facts as unknown as Record<string, unknown>)[item.field] === null) delete page.found_by[item.field];
  }
  const lost = missing(facts);
  const keys = Object.keys(page.found_by).sort();
  facts.found_by = Object.fromEntries(keys.map((k) => [k, page.found_by[k] as string]));
  facts.extraction = {
    markup_changed: lost.length > 0 || rejected.length > 0 || failed.length > 0,
    missing_confirmed: lost,
    sources: Object.fromEntries(keys.map((k) => [k, "html"])),
  };
  if (rejected.length) facts.extraction.rejected = rejected;
  if (failed.length) facts.extraction.failed = failed;
  return facts;
}

/** One reading: the next step runs with the reading's own reference day (other code, another
 * reading included, may run between steps); a failure gives the all-null facts. */
class Reading {
  private readonly given: string | null;
  private readonly day: string;
  private readonly run: Generator<void, MutableFacts>;

  constructor(doc: Document, url: string, today: string | undefined) {
    this.given = url || null;
    this.day = readingDay(today);
    this.run = extract(doc, this.given, this.day);
  }

  /** The facts when the reading is done, else null (a pause point). */
  step(): Facts | null {
    const step = referenceDay(this.day, () => this.run.next());
    return step.done ? asFacts(step.value) : null;
  }

  failed(err: unknown): Facts {
    console.debug("mpcheck: solution extraction failed", err);
    return asFacts(emptyFacts(this.given));
  }
}

/**
 * Facts of a solution page; never throws (an all-null object marked `markup_changed` instead).
 * `today` (ISO YYYY-MM-DD) is the reference day for dates with no year and relative dates.
 */
export function extractSolution(doc: Document, url: string, today?: string): Facts {
  const reading = new Reading(doc, url, today);
  try {
    for (;;) {
      const facts = reading.step();
      if (facts) return facts;
    }
  } catch (err) {
    return reading.failed(err);
  }
}

/**
 * The same facts as extractSolution, read in steps with `pause()` awaited between them (the
 * content script passes its next-task wait). Never rejects.
 */
export async function extractSolutionInSteps(doc: Document, url: string, pause: () => Promise<void>, today?: string): Promise<Facts> {
  const reading = new Reading(doc, url, today);
  try {
    for (let facts = reading.step(); ; facts = reading.step()) {
      if (facts) return facts;
      await pause();
    }
  } catch (err) {
    return reading.failed(err);
  }
}

function readingDay(today: string | undefined): string {
  return today && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(today) ? today : clockToday();
}
