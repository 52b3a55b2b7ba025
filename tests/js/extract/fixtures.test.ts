// @vitest-environment jsdom
// Every reference and extra solution fixture matches its expected JSON (the ground truth), and the
// catalog fixture's cards match expected/catalog_category_listing.json.
import { describe, expect, it } from "vitest";
import { extractSolution, extractListingCards } from "../../../extension/src/extract";
import { readCard } from "../../../extension/src/extract/listing";
import {
  EXTRA_SOLUTIONS, FIXTURES, REFERENCE_SOLUTIONS, expectFactsMatch, pageDocument, readJson, readPage,
} from "./helpers";
import { join } from "node:path";

describe("reference solution fixtures", () => {
  for (const fx of REFERENCE_SOLUTIONS) {
    it(fx.name, () => {
      const facts = extractSolution(pageDocument(readPage(fx.file)), "") as unknown as Record<string, unknown>;
      expectFactsMatch(facts, readJson(fx.expected));
      const extraction = facts.extraction as { markup_changed: boolean };
      expect(extraction.markup_changed).toBe(false);
      expect(Object.keys(facts.found_by as object)).toEqual(expect.arrayContaining(["code", "partner", "changelog"]));
    });
  }
});

describe("extra markup families", () => {
  for (const fx of EXTRA_SOLUTIONS) {
    it(fx.name, () => {
      const facts = extractSolution(pageDocument(readPage(fx.file)), "") as unknown as Record<string, unknown>;
      expectFactsMatch(facts, readJson(fx.expected));
      expect((facts.extraction as { markup_changed: boolean }).markup_changed).toBe(false);
    });
  }
});

describe("solution page opened at a tab", () => {
  it("keeps the #tab fragment out of the solution url", () => {
    const url = "https://marketplace.1c-bitrix.ru/solutions/tehnostar.importer/#tab-log-link";
    const doc = pageDocument(readPage(join(FIXTURES, "solution_changelog_tab_legacy_cp1251.html")));
    expect(extractSolution(doc, url).url).toBe("https://marketplace.1c-bitrix.ru/solutions/tehnostar.importer/");
  });
});

describe("catalog listing", () => {
  const want = readJson(join(FIXTURES, "expected", "catalog_category_listing.json"));
  const doc = pageDocument(readPage(join(FIXTURES, "catalog_category_listing.html")));
  const cards = extractListingCards(doc, String(want.url));
  const expected = want.cards as Array<Record<string, unknown>>;

  it("finds every card in page order", () => {
    expect(cards.map((c) => c.code)).toEqual(expected.map((c) => c.code));
    for (const card of cards) expect(card.element.classList.contains("item-wrap")).toBe(true);
  });

  it("reads the card values of the expected file", () => {
    const got = cards.map((c) => {
      const v = readCard(c.element);
      return v && { code: v.code, name: v.name, price: v.price, demo_days: v.demo_days, installs_label: v.installs_label, rating: v.rating, partner_id: v.partner_id, reviews: v.reviews };
    });
    expect(got).toEqual(expected);
  });

  it("builds facts stubs from the same values", () => {
    expected.forEach((want, i) => {
      const facts = cards[i]?.facts;
      expect(facts?.code).toBe(want.code);
      expect(facts?.name).toBe(want.name);
      expect(facts?.price).toEqual(want.price);
      expect(facts?.demo?.days ?? null).toBe(want.demo_days);
      expect(facts?.demo?.available ?? null).toBe(want.demo_days === null ? null : true);
      expect(facts?.installs?.label ?? null).toBe(want.installs_label);
      expect(facts?.rating?.average ?? null).toBe(want.rating);
      expect(facts?.partner?.id ?? null).toBe(want.partner_id);
      expect(facts?.url).toBe(`https://marketplace.1c-bitrix.ru/solutions/${String(want.code)}/`);
    });
  });
});
