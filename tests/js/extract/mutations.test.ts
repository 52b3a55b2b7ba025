// @vitest-environment jsdom
// Markup mutations (tests/python/extract/test_mutations.py): renamed classes, reordered blocks,
// removed tabs, renamed tab ids and labels. A value may be lost (null / empty) but never wrong;
// fields found by label survive class renames and reordering.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { extractSolution } from "../../../extension/src/extract";
import { ALL_SOLUTIONS, REFERENCE_SOLUTIONS, hoursKey, pageDocument, readJson, readPage, type Fixture } from "./helpers";

const LABELLED = ["code", "partner", "price", "version", "published", "updated", "installs", "changelog", "withdrawn"];
type Row = Record<string, unknown>;

function noWrongValue(got: unknown, want: unknown, path: string): void {
  if (got === null || got === undefined || (Array.isArray(got) && got.length === 0)) return;
  if (JSON.stringify(got) === JSON.stringify(want)) return;
  if (path.endsWith("support.channels")) expect(new Set(got as string[]), path).toEqual(new Set(want as string[]));
  else if (path.endsWith("support.hours")) expect(hoursKey(got), path).toEqual(hoursKey(want));
  else if (path.endsWith("changelog")) {
    const pairs = (v: unknown): unknown[] => (v as Row[]).map((e) => [e.version, e.date]);
    expect(pairs(got), path).toEqual(pairs(want));
  } else if (Array.isArray(got) && Array.isArray(want) && got.length === want.length) {
    got.forEach((g, i) => noWrongValue(g, want[i], `${path}[${i}]`));
  } else if (got && want && typeof got === "object" && typeof want === "object" && !Array.isArray(got)) {
    for (const key of Object.keys(got)) if (key in (want as Row)) noWrongValue((got as Row)[key], (want as Row)[key], `${path}.${key}`);
  } else {
    expect(got, `${path}: wrong value (want the expected value or null)`).toEqual(want);
  }
}

function check(facts: Row, want: Row, keep: readonly string[]): void {
  for (const [key, value] of Object.entries(want)) noWrongValue(facts[key], value, key);
  for (const key of keep) {
    noWrongValue(facts[key], want[key], key);
    const lost = facts[key] === null || (Array.isArray(facts[key]) && (facts[key] as unknown[]).length === 0);
    const none = want[key] === null || (Array.isArray(want[key]) && (want[key] as unknown[]).length === 0);
    expect(!lost || none, `${key} lost`).toBe(true);
  }
}

function renameClasses(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll("[class]"))) {
    el.setAttribute("class", "h" + createHash("sha1").update(el.getAttribute("class") ?? "").digest("hex").slice(0, 8));
  }
}

function reverseBlocks(doc: Document): void {
  let container: Element | null = doc.querySelector("h1")?.parentElement ?? doc.body;
  while (container && container.children.length < 4 && container.parentElement) container = container.parentElement;
  if (!container) return;
  const children = Array.from(container.children);
  for (const child of children.reverse()) container.appendChild(child);
}

function facts(doc: Document): Row {
  return extractSolution(doc, "") as unknown as Row;
}

const MUTATIONS: Array<[string, (doc: Document) => void]> = [["rename-classes", renameClasses], ["reorder-blocks", reverseBlocks]];

describe.each(ALL_SOLUTIONS.map((f): [string, Fixture] => [f.name, f]))("%s", (_name, fx) => {
  const html = readPage(fx.file);
  const want = readJson(fx.expected);

  it.each(MUTATIONS)("labelled fields survive %s", (_m, mutate) => {
    const doc = pageDocument(html);
    mutate(doc);
    check(facts(doc), want, LABELLED);
  });

  it.each(["log", "support", "rating", "comments", "about"])("removed %s tab gives nulls, not wrong values", (tab) => {
    const doc = pageDocument(html);
    const body = doc.getElementById(`tab-${tab}-body`);
    if (!body) return; // this markup family has no id for that tab
    body.remove();
    const got = facts(doc);
    check(got, want, ["code", "partner", "price", "version"]);
    const extraction = got.extraction as { markup_changed: boolean; missing_confirmed: string[] };
    if (tab === "log") {
      expect(got.changelog).toBeNull();
      expect(extraction.markup_changed).toBe(true);
      expect(extraction.missing_confirmed).toEqual(["changelog"]);
    }
    if (tab === "support") expect((got.support as Row).channels).toBeNull();
  });
});

describe("renamed tab ids and removed labels", () => {
  it.each(REFERENCE_SOLUTIONS.map((f): [string, Fixture] => [f.name, f]))("%s", (_name, fx) => {
    const html = readPage(fx.file).replace(/tab-/g, "pane-").replace(/Код решения|Разработчик|Цена|Версия/g, "Поле");
    check(facts(pageDocument(html)), readJson(fx.expected), []);
  });
});

describe("a page that is something else", () => {
  it("reports a markup change instead of guessing", () => {
    const got = facts(pageDocument("<html><body><h1>Что-то</h1><p>Совсем другая страница</p></body></html>"));
    expect(got.extraction).toMatchObject({ markup_changed: true, missing_confirmed: ["code", "partner", "changelog"] });
    expect(got.code).toBeNull();
    expect(got.partner).toEqual({ id: null, name: null });
  });
});
