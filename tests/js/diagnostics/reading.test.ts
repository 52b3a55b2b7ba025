// @vitest-environment jsdom
// «Как прочитана страница»: the summary of the facts (diagnostics/reading-summary.ts), its popup
// section with real locale texts (diagnostics/reading-section.ts), and the copy control's flow.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createReadingPanel, strategyKey } from "../../../extension/src/diagnostics/reading-section";
import { READ_FIELDS, readingSummary } from "../../../extension/src/diagnostics/reading-summary";
import type { FactsView } from "../../../extension/src/shared/contracts";
import { fill, type Msg } from "../../../extension/src/ui/strings";
import { readLocale } from "../extension/fixtures";

const ROOT = join(__dirname, "..", "..", "..");

/** Like browserMsg: the key itself when the locale has no such message. */
function msgOf(lang: "ru" | "en"): Msg {
  const table = readLocale(lang);
  return (key, subs) => fill(table[key]?.message ?? key, subs);
}

function facts(over: Record<string, unknown> = {}): FactsView {
  return {
    schema: "mpcheck.facts/1", page_type: "solution", url: "https://marketplace.1c-bitrix.ru/solutions/a.b/",
    code: "a.b", name: "Модуль", kind: null, withdrawn: false, partner: { id: 7, name: "Лаб" },
    price: { rub: 12990, old_rub: null, free: false }, demo: { available: null, days: null, online_demo_url: null },
    installs: null, published: "2021-02-14", updated: null, version: "1.0.0", rating: { average: null },
    reviews: { total: 23, items: null }, comments: { total: 2, items: [] }, changelog: [],
    support: { free_months: null, channels: null, hours: null, timezone: null, response_hours: null },
    links: { documentation: null, video: [], presentation: null, cases: [] }, editions: null, adaptive: true, composite: null,
    found_by: { code: "url", partner: "label", price: "buy-block", version: "changelog", reviews: "tab-body", adaptive: "aria-magic" },
    extraction: { markup_changed: true, missing_confirmed: ["changelog"], rejected: [{ field: "demo.days", value: 400, why: "too long" }] },
    ...over,
  } as FactsView;
}

describe("readingSummary", () => {
  it("says which fields were found, by what, and which are missing", () => {
    const s = readingSummary(facts());
    const by = Object.fromEntries(s.fields.map((f) => [f.field, [f.state, f.strategy]]));
    expect(s.fields.map((f) => f.field)).toEqual([...READ_FIELDS]);
    expect(by).toEqual({
      name: ["found", null], code: ["found", "url"], kind: ["missing", null], withdrawn: ["found", null],
      partner: ["found", "label"], price: ["found", "buy-block"], demo: ["missing", null], installs: ["missing", null],
      published: ["found", null], updated: ["missing", null], version: ["found", "changelog"], rating: ["missing", null],
      reviews: ["partial", "tab-body"], comments: ["found", null], changelog: ["missing", null], support: ["missing", null],
      links: ["missing", null], editions: ["missing", null], adaptive: ["found", "aria-magic"], composite: ["missing", null],
    });
    expect(s.found).toBe(10);
    expect(s.markupChanged).toBe(true);
    expect(s.missingConfirmed).toEqual(["changelog"]);
    expect(s.rejected).toEqual(["demo"]);
  });
  it("reads a page without extraction details as unchanged", () => {
    const s = readingSummary(facts({ extraction: undefined, found_by: undefined }));
    expect([s.markupChanged, s.missingConfirmed, s.rejected]).toEqual([false, [], []]);
    expect(s.fields.every((f) => f.strategy === null)).toBe(true);
  });
});

describe("the popup section", () => {
  const noReport = { requestReport: async () => null, writeClipboard: async () => undefined };

  it("renders Russian words, not keys", () => {
    const msg = msgOf("ru");
    const section = createReadingPanel({ msg, ...noReport }).section(document, facts());
    document.body.replaceChildren(section);
    expect(section.dataset.markupChanged).toBe("true");
    expect(section.querySelector("summary")?.textContent).toBe("Как прочитана страница · найдено 10 из 20 полей, разметка, похоже, изменилась");
    const li = (field: string) => section.querySelector(`li[data-field="${field}"]`)?.textContent;
    expect(li("price")).toBe("Цена — в блоке покупки");
    expect(li("code")).toBe("Код решения — по адресу страницы");
    expect(li("reviews")).toBe("Отзывы — во вкладке страницы; только число, сами записи не прочитаны");
    expect(li("adaptive")).toBe("Адаптивный дизайн — другим способом"); // a strategy with no words yet
    expect(li("installs")).toBe("Число установок");
    expect(section.querySelector("ul.mp-reading-missing li[data-field='installs']")).not.toBeNull();
    expect(section.querySelector("ul.mp-reading-found li[data-field='installs']")).toBeNull();
    expect([...section.querySelectorAll(".mp-reading-warning")].map((p) => p.textContent)).toEqual([
      "Не найдено то, что есть на каждой странице решения: История версий. Оценка по этим шагам — «нет данных», а не «плохо».",
      "Прочитано, но отброшено как неправдоподобное: Демо-режим.",
    ]);
    expect(section.textContent).not.toMatch(/readField_|readBy_|reading[A-Z]|tab-body|buy-block/);
  });

  it("renders English from the en locale", () => {
    const section = createReadingPanel({ msg: msgOf("en"), ...noReport }).section(document, facts());
    expect(section.querySelector("summary")?.textContent).toBe("How the page was read · 10 of 20 fields found, the markup looks changed");
    expect(section.querySelector("li[data-field='price']")?.textContent).toBe("Price: in the buy block");
  });

  it("keeps its element (open state, shown report) while the reading is the same", () => {
    const panel = createReadingPanel({ msg: msgOf("ru"), ...noReport });
    const first = panel.section(document, facts());
    first.setAttribute("open", "");
    expect(panel.section(document, facts())).toBe(first);
    const next = panel.section(document, facts({ installs: { label: "500 - 999", min: 500, max: 999 } }));
    expect(next).not.toBe(first);
    expect((next as HTMLDetailsElement).open).toBe(true);
  });

  async function click(section: HTMLElement): Promise<void> {
    section.querySelector<HTMLButtonElement>("[data-action='structure-copy']")?.click();
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  }

  it("shows the report in a read-only box and copies it when the clipboard allows", async () => {
    const copied: string[] = [];
    const section = createReadingPanel({
      msg: msgOf("ru"), requestReport: async () => "mpcheck.structure/1\nhtml", writeClipboard: async (t) => void copied.push(t),
    }).section(document, facts());
    document.body.replaceChildren(section);
    const area = section.querySelector<HTMLTextAreaElement>("#mp-structure-report");
    expect(area?.hidden).toBe(true);
    await click(section);
    expect(copied).toEqual(["mpcheck.structure/1\nhtml"]);
    expect([area?.hidden, area?.readOnly, area?.value, area?.dataset.copied]).toEqual([false, true, "mpcheck.structure/1\nhtml", "true"]);
    expect(section.querySelector("[role=status]")?.textContent).toBe("Скопировано. Текст отчёта — ниже.");
  });

  it("falls back to a selected text box when the clipboard refuses", async () => {
    const section = createReadingPanel({
      msg: msgOf("ru"), requestReport: async () => "mpcheck.structure/1", writeClipboard: () => Promise.reject(new Error("denied")),
    }).section(document, facts());
    document.body.replaceChildren(section);
    await click(section);
    const area = section.querySelector<HTMLTextAreaElement>("#mp-structure-report");
    expect([area?.hidden, area?.value, area?.dataset.copied]).toEqual([false, "mpcheck.structure/1", "false"]);
    expect(document.activeElement).toBe(area);
    expect(section.querySelector("[role=status]")?.textContent).toMatch(/^Скопировать автоматически не получилось/);
  });

  it("says so when the page does not answer", async () => {
    const section = createReadingPanel({ msg: msgOf("ru"), ...noReport }).section(document, facts());
    document.body.replaceChildren(section);
    await click(section);
    expect(section.querySelector<HTMLTextAreaElement>("#mp-structure-report")?.hidden).toBe(true);
    expect(section.querySelector("[role=status]")?.textContent).toBe("Страница не ответила: обновите её и попробуйте ещё раз.");
  });
});

describe("locale words for every field and strategy", () => {
  // Strategy names the extractors write into found_by, both sides (a new one needs its words).
  function strategies(): Set<string> {
    const out = new Set<string>();
    const dirs: Array<[string, RegExp]> = [
      [join(ROOT, "extension", "src", "extract"), /found_by(?:\.\w+|\[[^\]]+\])\s*=\s*"([a-z-]+)"/g],
      [join(ROOT, "backend", "mpcheck", "extract"), /found_by\[[^\]]+\]\s*=\s*"([a-z-]+)"/g],
    ];
    for (const [dir, rx] of dirs) {
      for (const file of readdirSync(dir).filter((f) => /\.(ts|py)$/.test(f))) {
        const text = readFileSync(join(dir, file), "utf8");
        for (const m of text.matchAll(rx)) out.add(m[1] as string);
        // kind's sources are listed as tuples: [["breadcrumbs", crumbs], ["label", …], ["title", …]]
        for (const m of text.matchAll(/\[\s*\[?"(breadcrumbs|title)"/g)) out.add(m[1] as string);
      }
    }
    return out;
  }

  for (const lang of ["ru", "en"] as const) {
    it(`${lang}: every field and strategy has its words`, () => {
      const msg = msgOf(lang);
      for (const field of READ_FIELDS) expect(msg(`readField_${field}`), field).not.toBe(`readField_${field}`);
      const found = strategies();
      for (const s of ["label", "selector", "url", "tab-body", "json-ld"]) expect(found).toContain(s);
      for (const s of found) expect(strategyKey(s, msg), s).not.toBe("readBy_other");
      expect(strategyKey("never-heard-of", msg)).toBe("readBy_other");
    });
  }
});
