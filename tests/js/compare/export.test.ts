// CSV and Markdown exports: RFC 4180 quoting with the language's separator («;» in Russian for Excel,
// «,» in English), formula-injection prefixes neutralised, Markdown escaped only where a table cell
// or page text needs it, every step with its evidence, sources and capture date.
import { describe, expect, it } from "vitest";
import { comparisonCsv, csvField, csvLine, csvSeparator } from "../../../extension/src/compare/export-csv";
import { comparisonMarkdown, mdText } from "../../../extension/src/compare/export-md";
import type { ExportContext } from "../../../extension/src/compare/export-text";
import { COMPARISON_RULES } from "../../../extension/src/compare/rules";
import { readRulesTexts } from "../extension/fixtures";
import { modelFor, TRIO } from "./helpers";

/** RFC 4180 reader: what a spreadsheet does with the file, given its separator. */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) { row.push(field); field = ""; }
    else if (ch === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i += 1; }
    else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const ctx = (lang: "ru" | "en"): ExportContext => ({ lang, rules: COMPARISON_RULES, texts: readRulesTexts(), judgedOn: "2026-11-27" });

describe("csvField", () => {
  it("quotes commas, quotes, newlines and edge spaces", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line1\nline2")).toBe('"line1\nline2"');
    expect(csvField("cr\r")).toBe('"cr\r"');
    expect(csvField(" padded")).toBe('" padded"');
  });
  it("neutralises formula starts in text, not in our numbers", () => {
    for (const evil of ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "  =1+1"]) {
      const out = csvField(evil);
      expect(out.replace(/^"/, "").startsWith("'"), evil).toBe(true);
    }
    expect(csvField(-5)).toBe("-5");
    expect(csvField(12990)).toBe("12990");
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
  });
  it("joins a line", () => {
    expect(csvLine(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"');
  });
  it("quotes by the separator in use", () => {
    expect(csvLine(["a;b", "b,c", 3], ";")).toBe('"a;b";b,c;3');
    expect([csvSeparator("ru"), csvSeparator("en")]).toEqual([";", ","]);
  });
});

describe("comparisonCsv", () => {
  const hostile = [{ ...TRIO[0]!, name: '=cmd|"/c calc"!A1, <b>x</b>\nnext' }, TRIO[1]!];
  const csv = comparisonCsv(modelFor(hostile), hostile.map((s) => s.code), ctx("en"));
  const lines = csv.replace(/^\ufeff/, "").split("\r\n").filter(Boolean);
  it("has a BOM, CRLF and one line per solution and step", () => {
    expect(csv.startsWith("\ufeff")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(lines[0]).toBe("Code,Solution,Kind,Page,Captured,Score,Coverage,\"Price, RUB\",Step,Criterion,Step title,Status,Status (text),Best in row,Finding,Evidence,Sources");
  });
  it("carries the verdict, evidence with source and the capture date", () => {
    expect(csv).toContain("nordlab.smartseo,");
    expect(csv).toContain(",27 Nov 2026,96,7 of 9,"); // the capture date as people write it; no «7/9»
    expect(csv).toContain("demo.x: 14 (page)"); // no signal id: the fact path stands in for the label
    expect(csv).toContain(",packaging,\"Packaging, documentation, video\",good,good,yes,");
  });
  it("neutralises a hostile name and keeps its newline inside the quotes", () => {
    expect(csv).toContain('"\'=cmd|""/c calc""!A1, <b>x</b>\nnext"');
  });
  it("speaks Russian when asked, with «;» so Russian Excel opens it in columns", () => {
    const ru = comparisonCsv(modelFor(TRIO), TRIO.map((s) => s.code), ctx("ru"));
    expect(ru.startsWith("\ufeffКод;Решение;Тип;")).toBe(true);
    const rows = parseCsv(ru.replace(/^\ufeff/, ""), ";");
    expect(rows).toHaveLength(1 + 9 * TRIO.length);
    expect(rows[0]).toEqual([
      "Код", "Решение", "Тип", "Страница", "Дата снимка", "Оценка", "Покрытие", "Цена, руб.", "Шаг", "Критерий",
      "Название шага", "Статус", "Статус (текст)", "Лучший в строке", "Вывод", "Данные", "Источники",
    ]);
    const demo = rows.find((r) => r[0] === TRIO[0]!.code && r[9] === "demo");
    expect(demo?.slice(4, 14)).toEqual(["27.11.2026", "96", "7 из 9", "12990", "1", "demo", "Демо-режим", "good", "хорошо", "да"]);
    expect(rows.every((r) => r.length === 17)).toBe(true);
  });
});

describe("comparisonMarkdown", () => {
  it("escapes only what breaks a cell or smuggles a tag or link in; the rest stays readable", () => {
    expect(mdText("<img src=x onerror=alert(1)>")).toBe("\\<img src=x onerror=alert(1)>");
    expect(mdText("[click](javascript:x) | *b*")).toBe("[click]\\(javascript:x) \\| *b*");
    expect(mdText("two\nlines")).toBe("two lines");
    expect(mdText("Демо-режим: 14 дней (страница); цена < 10 000 руб., 1. пункт, e-mail_only")).toBe(
      "Демо-режим: 14 дней (страница); цена < 10 000 руб., 1. пункт, e-mail_only",
    );
  });
  it("has the recommendation, the table with best marks, price pairs and all evidence", () => {
    const specs = [{ ...TRIO[0]!, name: "Evil | <script>" }, TRIO[1]!, TRIO[2]!];
    const md = comparisonMarkdown(modelFor(specs), specs.map((s) => s.code), ctx("en"));
    expect(md).toMatch(/^# Solution comparison\n/);
    expect(md).toContain("Judged as of: 27 Nov 2026");
    expect(md).toContain("**Recommendation:** Evil \\| \\<script> wins: better on “Packaging, documentation, video”");
    expect(md).toContain("| 1. Demo mode | ✓ good ★: message demo |");
    expect(md).toContain("- Evil \\| \\<script> — ТехноСтар: 5\u00a0090 RUB, insignificant for a module");
    expect(md.match(/^### /gm)).toHaveLength(3);
    expect(md).toContain("  - demo.x: 14 (page)");
    expect(md).not.toMatch(/(?<!\\)<script/);
  });
  it("says the same price in words, not «0 руб.»", () => {
    const specs = [TRIO[0]!, { ...TRIO[1]!, rub: TRIO[0]!.rub }];
    const ru = comparisonMarkdown(modelFor(specs), specs.map((s) => s.code), ctx("ru"));
    expect(ru).toContain("- NordLab — ТехноСтар: цены одинаковые\n");
    expect(ru).not.toContain(": 0 руб.");
  });
});
