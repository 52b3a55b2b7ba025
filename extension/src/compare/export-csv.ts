// CSV export (RFC 4180, CRLF, UTF-8 with BOM so spreadsheet apps read Cyrillic): one line per
// solution and step, with the verdict, all evidence, its sources and the capture date. The
// separator follows the language: Excel with Russian regional settings splits on «;» (its list
// separator, since «,» is the decimal mark) and reads a comma file as one column; English uses «,».
import type { Lang } from "../shared/contracts";
import { fill } from "./format";
import type { ComparisonModel } from "./model";
import { dateText, evidenceText, kindText, label, sourcesText, statusWord, stepTitle, type ExportContext } from "./export-text";

// A spreadsheet runs a cell starting with = + - @ (or tab/CR) as a formula; page text may start
// so on purpose ("CSV injection"). A leading apostrophe makes the app show it as text.
const FORMULA_START = /^\s*[=+\-@]|^[\t\r]/;

/** The field separator a spreadsheet of that language splits on. */
export function csvSeparator(lang: Lang): ";" | "," {
  return lang === "ru" ? ";" : ",";
}

/** One field, quoted when it holds the separator, a quote, a line break or edge spaces. */
export function csvField(value: string | number | null, separator: ";" | "," = ","): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  const needsQuotes = safe.includes(separator) || /["\r\n]|^\s|\s$/.test(safe);
  return needsQuotes ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: Array<string | number | null>, separator: ";" | "," = ","): string {
  return fields.map((field) => csvField(field, separator)).join(separator);
}

const COLUMNS = [
  "code", "name", "kind", "url", "captured", "score", "coverage", "price_rub",
  "step", "criterion", "criterion_title", "status", "status_text", "best", "message", "evidence", "sources",
] as const;

/** `order`: the solution codes as the page shows them. */
export function comparisonCsv(model: ComparisonModel, order: string[], ctx: ExportContext): string {
  const sep = csvSeparator(ctx.lang);
  const lines = [csvLine(COLUMNS.map((key) => label(ctx, key)), sep)];
  for (const code of order) {
    const col = model.columns.find((c) => c.code === code);
    if (!col) continue;
    for (const row of model.rows) {
      const cell = row.cells.find((c) => c.code === code);
      const finding = cell?.finding ?? null;
      const evidence = finding?.evidence ?? [];
      lines.push(csvLine([
        col.code, col.name, kindText(ctx, col.kind), col.url, dateText(ctx, col.captured),
        col.score === null ? null : Math.round(col.score),
        // «6 из 8», never «6/8»: Excel with Russian settings reads that as a date (6 August).
        col.coverage ? fill(label(ctx, "coverage_of"), { known: col.coverage.known, total: col.coverage.total }) : null,
        col.priceRub,
        row.step, row.criterion, stepTitle(ctx, row.criterion),
        cell?.status ?? "unknown", statusWord(ctx, cell?.status ?? "unknown"),
        cell?.best ? label(ctx, "yes") : "",
        finding ? finding.message[ctx.lang] : "—",
        evidence.length ? evidence.map((ev) => evidenceText(ctx, row.criterion, ev)).join("; ") : "—",
        sourcesText(ctx, evidence),
      ], sep));
    }
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
