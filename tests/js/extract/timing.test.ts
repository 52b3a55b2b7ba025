// @vitest-environment jsdom
// Informational timing (SPEC §10 budgets are measured in real browsers by bench/; jsdom is far
// slower than a browser's native DOM). Prints the median of extractSolution on the largest solution
// fixture and of extractListingCards on the catalog scaled to 50 cards; asserts only generous bounds
// so a pathological slowdown (a per-node regex storm, a quadratic walk) still fails.
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractSolution, extractListingCards } from "../../../extension/src/extract";
import { ALL_SOLUTIONS, FIXTURES, pageDocument, readPage } from "./helpers";

function median(run: () => void, n = 7): number {
  run(); // warm-up (JIT, regex compilation, label table caches)
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)] as number;
}

describe("timing (informational)", () => {
  it("extractSolution on the largest solution fixture", () => {
    const largest = [...ALL_SOLUTIONS].sort((a, b) => statSync(b.file).size - statSync(a.file).size)[0];
    const doc = pageDocument(readPage(largest?.file ?? ""));
    const ms = median(() => extractSolution(doc, ""));
    console.info(`extractSolution ${largest?.name}: median ${ms.toFixed(1)} ms in jsdom`);
    expect(ms).toBeLessThan(1000);
  }, 60_000);

  it("extractListingCards on 50 cards", () => {
    const html = readPage(join(FIXTURES, "catalog_category_listing.html"));
    const doc = pageDocument(html);
    const list = doc.querySelector(".catalog-list");
    const cards = Array.from(list?.children ?? []);
    while (list && list.querySelectorAll(".item-wrap").length < 50) for (const c of cards) list.appendChild(c.cloneNode(true));
    const ms = median(() => extractListingCards(doc, ""));
    console.info(`extractListingCards ${doc.querySelectorAll(".item-wrap").length} cards: median ${ms.toFixed(1)} ms in jsdom`);
    expect(ms).toBeLessThan(2000);
  }, 60_000);
});
