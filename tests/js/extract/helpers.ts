// Shared helpers of the extractor tests: fixture loading (bytes decoded as the browser would by
// bench/decode_page.mjs, the cp1251 page with TextDecoder("windows-1251")) and the comparison rules of
// tests/fixtures/marketplace/expected/README.md (= tests/python/extract/helpers.py): changelog chars
// ±2, support channels as a set, support hours by days + time range.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { decodePage } from "../../../bench/decode_page.mjs";

/** The page's text as a browser decodes it (BOM, BOM-less UTF-16, <meta charset>, UTF-8). */
export { decodePage };

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const FIXTURES = join(ROOT, "tests", "fixtures", "marketplace");
export const EXTRA = join(FIXTURES, "extra");

export interface Fixture { name: string; file: string; expected: string }

function solutions(folder: string): Fixture[] {
  return readdirSync(folder)
    .filter((f) => f.startsWith("solution_") && f.endsWith(".html"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -".html".length);
      return { name, file: join(folder, f), expected: join(folder, "expected", `${name}.json`) };
    });
}

export const REFERENCE_SOLUTIONS = solutions(FIXTURES);
export const EXTRA_SOLUTIONS = solutions(EXTRA);
export const ALL_SOLUTIONS = [...REFERENCE_SOLUTIONS, ...EXTRA_SOLUTIONS];

export function readPage(file: string): string {
  return decodePage(readFileSync(file));
}

/**
 * A document of a page, parsed by the (jsdom) DOMParser of the test environment: scripts never run
 * and nothing is fetched. Test files using it declare `// @vitest-environment jsdom`.
 */
export function pageDocument(html: string): Document {
  return new DOMParser().parseFromString(html, "text/html");
}

/** The whole document as text, to prove the extractor never changes the page. */
export function serialize(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

export function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
}

const DAY_WORDS: Array<[string, string]> = [["кроме выходных", "пн–пт"], ["ежедневно", "пн–вс"]];

/** [days, time range] of a support hours text: the README compares these, not the string. */
export function hoursKey(value: unknown): [string, string] | null {
  if (value === null || value === undefined) return null;
  let text = String(value).replace(/-/g, "–").replace(/—/g, "–");
  for (const [word, days] of DAY_WORDS) text = text.split(word).join(days);
  const m = /(\d{1,2})[:.](\d{2})\s*–\s*(\d{1,2})[:.](\d{2})/.exec(text);
  const span = m ? `${Number(m[1])}:${m[2]}–${Number(m[3])}:${m[4]}` : "";
  const d = /(пн|вт|ср|чт|пт|сб|вс)\s*–\s*(пн|вт|ср|чт|пт|сб|вс)/.exec(text);
  return [d ? `${d[1]}–${d[2]}` : "", span];
}

type Row = Record<string, unknown>;

/** Every expected key matches (README rules), like assert_facts_match. */
export function expectFactsMatch(got: Row, want: Row): void {
  for (const [key, value] of Object.entries(want)) {
    if (key === "changelog" && value !== null) {
      const g = got[key] as Row[] | null;
      const w = value as Row[];
      expect(g, key).not.toBeNull();
      expect((g ?? []).map((e) => [e.version, e.date]), key).toEqual(w.map((e) => [e.version, e.date]));
      (g ?? []).forEach((e, i) => expect(Math.abs(Number(e.chars) - Number(w[i]?.chars)), `chars of ${String(e.version)}`).toBeLessThanOrEqual(2));
    } else if (key === "support") {
      const g = { ...(got[key] as Row) };
      const w = { ...(value as Row) };
      const set = (v: unknown): string[] | null => (v === null ? null : [...new Set(v as string[])].sort());
      expect(set(g.channels), "support.channels").toEqual(set(w.channels));
      expect(hoursKey(g.hours), "support.hours").toEqual(hoursKey(w.hours));
      for (const r of [g, w]) {
        delete r.channels;
        delete r.hours;
      }
      expect(g, "support").toEqual(w);
    } else {
      expect(got[key], key).toEqual(value);
    }
  }
}
