// @vitest-environment jsdom
// Reviews, comments and changelog rows in every encoding: the case file shared with
// tests/python/extract/test_items.py (tests/fixtures/marketplace/items/cases.json, README there),
// run through the TypeScript extractor. Each case states the exact lists; the keys listed in `want`
// must be equal, item by item.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractSolution } from "../../../extension/src/extract";
import { FIXTURES, pageDocument } from "./helpers";

interface Case { name: string; partner: boolean; labels: Record<string, string>; sections: Record<string, string>; want: Record<string, unknown> }
interface CaseFile { template: string; partner: string; titles: Record<string, string>; cases: Case[] }

const FILE = JSON.parse(readFileSync(join(FIXTURES, "items", "cases.json"), "utf8")) as CaseFile;

/** The case's page: the template with its partner, tab links and tab bodies (as test_items.py builds it). */
function page(c: Case): string {
  const tabs: string[] = [];
  const bodies: string[] = [];
  for (const [name, inner] of Object.entries(c.sections)) {
    const label = c.labels[name] || FILE.titles[name] || name;
    tabs.push(`<li><a id="tab-${name}-link" href="#tab-${name}-link">${label}</a></li>`);
    bodies.push(`<div id="tab-${name}-body">${inner}</div>`);
  }
  return FILE.template
    .replace("{{partner}}", c.partner ? FILE.partner : "")
    .replace("{{tabs}}", tabs.join(""))
    .replace("{{bodies}}", bodies.join("\n"));
}

describe("item cases (shared with Python)", () => {
  it("has cases", () => {
    expect(FILE.cases.length).toBeGreaterThanOrEqual(50);
  });
  for (const c of FILE.cases) {
    it(c.name, () => {
      const facts = extractSolution(pageDocument(page(c)), "") as unknown as Record<string, unknown>;
      const got = Object.fromEntries(Object.keys(c.want).map((k) => [k, facts[k]]));
      expect(got).toEqual(c.want);
    });
  }
});
