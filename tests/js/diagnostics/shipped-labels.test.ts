// @vitest-environment jsdom
// The content script ships the label table without its documentation keys (build/rules-plugin.mjs,
// to make the bundle it compiles in every tab smaller). The extractor must read exactly the same
// facts with that table as with the full one on every solution fixture, blind corpus included.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { shippedLabels } from "../../../extension/build/rules-plugin.mjs";
import { FIXTURES, pageDocument, readPage } from "../extract/helpers";

const LABELS_PATH = "../../../shared_rules/labels.json";
const FULL = JSON.parse(readFileSync(join(FIXTURES, "..", "..", "..", "shared_rules", "labels.json"), "utf8")) as Record<string, unknown>;

const pages = ["", "extra", "blind", "hostile"].flatMap((sub) => {
  const dir = join(FIXTURES, sub);
  return readdirSync(dir).filter((f) => f.startsWith("solution_") && f.endsWith(".html")).map((f) => join(dir, f));
});

async function extractWith(table: unknown): Promise<(html: string) => unknown> {
  vi.resetModules();
  vi.doMock(LABELS_PATH, () => ({ default: table }));
  const { extractSolution } = await import("../../../extension/src/extract");
  return (html) => extractSolution(pageDocument(html), "https://marketplace.1c-bitrix.ru/solutions/a.b/");
}

afterEach(() => {
  vi.doUnmock(LABELS_PATH);
  vi.resetModules();
});

describe("the shipped label table", () => {
  it("drops the documentation and nothing else", () => {
    const shipped = shippedLabels(FULL) as Record<string, unknown>;
    const text = JSON.stringify(shipped);
    expect(text).not.toMatch(/"(?:comment|conf|evidence)":/);
    expect(shipped).not.toHaveProperty("about");
    expect(shipped).not.toHaveProperty("$schema");
    expect(Object.keys(shipped)).toEqual(Object.keys(FULL).filter((k) => k !== "about" && k !== "$schema"));
    expect((shipped.tabs as Record<string, unknown>).about).toBeDefined(); // the description tab stays
    expect(text.length).toBeLessThan(JSON.stringify(FULL).length * 0.7);
  });

  it("reads the same facts as the full table on every solution fixture", async () => {
    expect(pages.length).toBeGreaterThan(15);
    const full = await extractWith(FULL);
    const expected = pages.map((file) => JSON.stringify(full(readPage(file))));
    const shipped = await extractWith(shippedLabels(FULL));
    pages.forEach((file, i) => expect(JSON.stringify(shipped(readPage(file))), file).toBe(expected[i]));
    // the substitution is live: a table without its price labels reads another price somewhere
    const noPrice = structuredClone(FULL) as { fields: { price: { labels: unknown[] } } };
    noPrice.fields.price.labels = [];
    const crippled = await extractWith(noPrice);
    expect(pages.some((file, i) => JSON.stringify(crippled(readPage(file))) !== expected[i])).toBe(true);
  }, 240_000); // two reads of every fixture and blind page (~140 today): it grows with the corpus (78 s in a CI run at 131 blind pages)
});
