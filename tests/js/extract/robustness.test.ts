// @vitest-environment jsdom
// Hostile strings come out as plain text and nothing executes; odd and empty documents never
// throw; the page itself is never modified; listing cards are found without `.item-wrap` too.
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { detectPageTypeFromMarkup, extractSolution, extractListingCards } from "../../../extension/src/extract";
import { ALL_SOLUTIONS, FIXTURES, pageDocument, readPage, serialize } from "./helpers";

const HOSTILE = join(FIXTURES, "hostile", "solution_hostile_strings.html");

describe("hostile strings", () => {
  const alert = vi.spyOn(window, "alert").mockImplementation(() => undefined);
  const doc = pageDocument(readPage(HOSTILE));
  const before = serialize(doc);
  const facts = extractSolution(doc, "https://marketplace.1c-bitrix.ru/solutions/evil.module/");

  it("are plain text values", () => {
    expect(facts.partner).toEqual({ id: 424242, name: "Хакер <img src=x onerror=alert(1)> </style><script>alert(1)</script>" });
    expect(facts.name).toBe("Модуль <img src=x onerror=alert(1)>");
    expect(facts.price).toEqual({ rub: 1000, old_rub: null, free: false, discount_until: null }); // script text is never read
    expect(facts.changelog?.map((e) => e.version)).toEqual(["1.0.1", "1.0.0"]);
    expect(facts.changelog?.[0]?.chars).toBe("<img src=x onerror=alert(1)>".length);
    expect(facts.changelog?.[1]?.chars).toBe("</style><script>alert(1)</script>".length);
    expect(facts.reviews?.items).toEqual([{ date: "2026-11-20", stars: 4, answered: false }]);
    expect(JSON.stringify(facts)).not.toContain("alert(2)");
  });

  it("execute nothing and leave the page untouched", () => {
    expect(alert).not.toHaveBeenCalled();
    expect(serialize(doc)).toBe(before);
    expect(doc.querySelectorAll("[data-mpcheck-section]").length).toBe(0);
  });
});

describe("the page is never modified", () => {
  for (const fx of ALL_SOLUTIONS) {
    it(fx.name, () => {
      const doc = pageDocument(readPage(fx.file));
      const before = serialize(doc);
      extractSolution(doc, "");
      extractListingCards(doc, "");
      expect(serialize(doc)).toBe(before);
    });
  }
});

const ODD = [
  "",
  "\u0000<html>\u0000</html>",
  "<".repeat(5000),
  // deep nesting: 1000 levels (a browser's parser stops nesting at 512; jsdom's own tree
  // operations are quadratic in depth, so the Python test's 3000 would only time jsdom)
  "<div>".repeat(1000) + "Код решения: a.b" + "</div>".repeat(1000),
  "<html><body><table><tr><td>Цена:<td><s></s>",
  "\ud800 lone surrogate <h1>x</h1>",
  "<script>" + "Код решения: x.y".repeat(100),
  "<html><body><p>Отзывы (999999999999999999999)</p></body></html>",
  "<html><body><div id='tab-log-body'><div id='tab-log-body'></div></div><a href='javascript:alert(1)'>Документация</a></body></html>",
  "<svg><a href='/solutions/a.b/'>x</a></svg><math><mi>Цена: 5 руб.</mi></math>",
];

describe("odd documents never throw", () => {
  it.each(ODD.map((html, i): [number, string] => [i, html]))("odd input %i", { timeout: 60_000 }, (_i, html) => {
    const doc = pageDocument(html);
    for (const url of ["", "https://marketplace.1c-bitrix.ru/solutions/a.b/", "::not a url::"]) {
      const facts = extractSolution(doc, url);
      expect(facts.schema).toBe("mpcheck.facts/1");
      expect(Array.isArray(extractListingCards(doc, url))).toBe(true);
      expect(typeof detectPageTypeFromMarkup(doc)).toBe("string");
    }
  });

  it("an empty Document (no root element)", () => {
    const doc = pageDocument("");
    doc.removeChild(doc.documentElement);
    expect(extractSolution(doc, "").extraction?.markup_changed).toBe(true);
    expect(extractListingCards(doc, "")).toEqual([]);
  });

  it("a javascript: link is never a documentation url", () => {
    const facts = extractSolution(pageDocument(ODD[8] as string), "");
    expect(facts.links?.documentation).toBeNull();
  });
});

describe("listing cards without .item-wrap (DOM.md §10.6)", () => {
  const html = `<html><body><ul>
    <li class="x"><a href="/solutions/a.one/"><b>One</b></a> <span>1&nbsp;000 руб.</span> <span>Демо 7 дней</span></li>
    <li class="x"><a href="/solutions/b.two/">Two</a><a href="/solutions/b.two/#tab-rating-link">(3)</a> <span>Бесплатно</span></li>
  </ul><a href="/solutions/">Все решения</a></body></html>`;

  it("climbs each solution link to its own card", () => {
    const cards = extractListingCards(pageDocument(html), "https://marketplace.1c-bitrix.ru/search/?q=x");
    expect(cards.map((c) => [c.code, c.element.tagName])).toEqual([["a.one", "LI"], ["b.two", "LI"]]);
    expect(cards[0]?.facts.price).toEqual({ rub: 1000, old_rub: null, free: false });
    expect(cards[0]?.facts.demo).toEqual({ available: true, days: 7, online_demo_url: null });
    expect(cards[1]?.facts.price).toEqual({ rub: 0, old_rub: null, free: true });
    expect(cards[1]?.facts.demo?.available).toBeNull(); // no badge proves nothing
  });
});

describe("page type from the markup", () => {
  it("tells the fixtures apart", () => {
    const type = (file: string): string => detectPageTypeFromMarkup(pageDocument(readPage(join(FIXTURES, file))));
    expect(type("catalog_category_listing.html")).toBe("listing");
    expect(type("partners_rating_list.html")).toBe("partners_rating");
    expect(type("partner_detail_page.html")).toBe("partner");
    expect(type("solution_module_paid_demo14_active.html")).toBe("solution");
    // its archived canonical names a solution although its other-solution cards are .item-wrap
    expect(type("blind/solution_wayback_snapshot_discount_demo30.html")).toBe("solution");
  });
});
