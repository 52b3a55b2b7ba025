// @vitest-environment jsdom
// The content script reads a solution page in steps (extractSolutionInSteps) so no task holds the
// page's main thread for the whole reading; the facts must be exactly the one-call reading's, and
// a page that changes during a pause must not change what is read (the reading works on a copy).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractSolution, extractSolutionInSteps } from "../../../extension/src/extract";
import { ALL_SOLUTIONS, FIXTURES, pageDocument, readPage } from "./helpers";

const BLIND = join(FIXTURES, "blind");
const pages = [
  ...ALL_SOLUTIONS.map((f) => f.file),
  ...readdirSync(BLIND).filter((n) => n.endsWith(".html")).map((n) => join(BLIND, n)),
];
const URL = "https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/";

describe("reading in steps", () => {
  it.each(pages)("gives the one-call facts: %s", async (file) => {
    const html = readPage(file);
    let pauses = 0;
    const stepped = await extractSolutionInSteps(pageDocument(html), URL, async () => void pauses++, "2026-11-27");
    expect(stepped).toEqual(extractSolution(pageDocument(html), URL, "2026-11-27"));
    expect(pauses).toBe(2); // after the page is built, after the item lists
  });

  it("reads the page as it was when the reading began", async () => {
    const file = ALL_SOLUTIONS.find((f) => f.file.includes("paid_demo14"))?.file ?? "";
    const doc = pageDocument(readPage(file));
    const before = extractSolution(pageDocument(readPage(file)), URL, "2026-11-27");
    const stepped = await extractSolutionInSteps(doc, URL, async () => doc.body.replaceChildren(), "2026-11-27");
    expect(stepped).toEqual(before);
  });

  it("uses its own reference day in every step, whatever runs in the pauses", async () => {
    const file = ALL_SOLUTIONS.find((f) => f.file.includes("paid_demo14"))?.file ?? "";
    const html = readPage(file);
    const other = () => void extractSolution(pageDocument(html), URL, "2020-01-01"); // another reading meanwhile
    const stepped = await extractSolutionInSteps(pageDocument(html), URL, async () => other(), "2026-11-27");
    expect(stepped).toEqual(extractSolution(pageDocument(html), URL, "2026-11-27"));
  });
});
