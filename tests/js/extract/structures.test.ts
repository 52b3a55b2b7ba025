// @vitest-environment jsdom
// Fields by structure, value forms, kind and plausibility (issue 9 #2, #5, #6, #7), exact values: the
// same cases as tests/python/extract/test_structures.py (tests/fixtures/marketplace/structures/cases.json),
// so a structure or value form one extractor reads and the other does not fails on one side.
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { extractSolution } from "../../../extension/src/extract";
import { parseDate, referenceDay } from "../../../extension/src/extract/dates";
import { absoluteUrl } from "../../../extension/src/extract/dom";
import * as offer from "../../../extension/src/extract/offer";
import { readSupportText } from "../../../extension/src/extract/support";
import { fold } from "../../../extension/src/extract/text";
import * as values from "../../../extension/src/extract/values";
import { FIXTURES, pageDocument, readJson } from "./helpers";

interface Cases { today: string; pages: Array<[string, string, Record<string, unknown>]>; values: Array<[string, string, unknown]> }

const CASES = readJson(join(FIXTURES, "structures", "cases.json")) as unknown as Cases;
const URL_ = "https://marketplace.1c-bitrix.ru/solutions/test.case/";
const SNAPSHOT = "https://web.archive.org/web/20261127083412/https://marketplace.1c-bitrix.ru/solutions/a.b/";
const FUNCTIONS: Record<string, (text: string) => unknown> = {
  parse_date: parseDate,
  money: values.money,
  is_free: values.isFree,
  yes_no: values.yesNo,
  demo_days: values.demoDays,
  demo_value: values.demoValue,
  version: values.version,
  rating: values.rating,
  free_months: (text) => readSupportText(fold(text)).free_months,
  response_hours: (text) => readSupportText(fold(text)).response_hours,
  absolute_url: (href) => absoluteUrl(href, null),
  snapshot_url: (href) => absoluteUrl(href, SNAPSHOT),
};

function check(got: Record<string, unknown>, want: Record<string, unknown>, where = ""): void {
  for (const [key, value] of Object.entries(want)) {
    if ((key === "extraction" || key === "found_by") && value && typeof value === "object") {
      check(got[key] as Record<string, unknown>, value as Record<string, unknown>, `${where}${key}.`);
    } else {
      expect(got[key], `${where}${key}`).toEqual(value);
    }
  }
}

describe("page cases", () => {
  for (const [name, html, want] of CASES.pages) {
    it(name, () => {
      const facts = extractSolution(pageDocument(html), URL_, CASES.today) as unknown as Record<string, unknown>;
      check(facts, want);
    });
  }
});

describe("value cases", () => {
  for (const [fn, text, want] of CASES.values) {
    it(`${fn}: ${text}`, () => {
      const call = FUNCTIONS[fn] as (text: string) => unknown;
      expect(referenceDay(CASES.today, () => call(text))).toEqual(want);
    });
  }
});

describe("today and isolation", () => {
  const html = "<html><body><h1>X</h1><dl><dt>Обновлено</dt><dd>вчера</dd></dl></body></html>";

  it("defaults to the clock", () => {
    const now = new Date(Date.now() - 86_400_000);
    const yesterday = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
    expect(extractSolution(pageDocument(html), URL_).updated).toBe(yesterday);
    expect(extractSolution(pageDocument(html), URL_, "2026-11-27").updated).toBe("2026-11-26");
  });

  it("one failing field never blanks the others", () => {
    const spy = vi.spyOn(offer, "price").mockImplementation(() => {
      throw new Error("a reader that breaks on this page");
    });
    try {
      const doc = pageDocument("<html><body><h1>X</h1><p>Версия: 2.0.0</p><p>Цена: 100 руб.</p></body></html>");
      const facts = extractSolution(doc, "https://marketplace.1c-bitrix.ru/solutions/a.b/", "2026-11-27") as unknown as Record<string, unknown>;
      expect(facts.price).toEqual({ rub: null, old_rub: null, free: null, discount_until: null });
      expect([facts.version, facts.code, facts.name]).toEqual(["2.0.0", "a.b", "X"]);
      expect(facts.extraction).toMatchObject({ failed: ["price"], markup_changed: true });
    } finally {
      spy.mockRestore();
    }
  });

  it("lists rejected values", () => {
    const doc = pageDocument("<html><body><h1>X</h1><dl><dt>Обновлено</dt><dd>01.02.2027</dd></dl></body></html>");
    const facts = extractSolution(doc, "https://marketplace.1c-bitrix.ru/solutions/a.b/", "2026-11-27") as unknown as Record<string, unknown>;
    expect((facts.extraction as Record<string, unknown>).rejected).toEqual([{ field: "updated", value: "2027-02-01", why: "after today" }]);
    expect(facts.found_by).not.toHaveProperty("updated");
  });
});
