// Markdown export for a manager: the recommendation, the table (status icon + word, best marked
// with ★), price differences and every piece of evidence with its source and capture date.
// It is pasted into chats, so text stays readable: only what would break a table cell (`|`, line
// breaks) is escaped, plus the two things page text could smuggle in (an HTML tag or autolink
// `<…`, a link `](`); ordinary punctuation («(страница)», «1.», «*», «_») is left as it is.
import { STATUS_ICON } from "../ui/status-icon";
import type { CellModel, ComparisonModel } from "./model";
import {
  dateText, evidenceText, kindText, label, openQuestionTexts, pricePairText, priceText, recommendationFor, scoreText, statusWord, stepTitle, warningTexts,
  type ExportContext,
} from "./export-text";
import { safePageUrl } from "./safe-url";

/** A table-safe, readable line: `|` escaped, line breaks as spaces, no tag or link from page text. */
export function mdText(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/\|/g, "\\|")
    .replace(/<(?=[A-Za-z/!?])/g, "\\<")
    .replace(/\]\(/g, "]\\(");
}

function cellText(ctx: ExportContext, cell: CellModel | undefined): string {
  if (!cell?.finding) return "—";
  const best = cell.best ? " ★" : "";
  const word = `${STATUS_ICON[cell.status]} ${statusWord(ctx, cell.status)}${best}`;
  return cell.status === "unknown" ? `— (${word})` : `${word}: ${mdText(cell.finding.message[ctx.lang])}`;
}

function tableLines(model: ComparisonModel, order: string[], ctx: ExportContext): string[] {
  const cols = order.map((code) => model.columns.find((c) => c.code === code)).filter((c) => c !== undefined);
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    row([mdText(label(ctx, "step")), ...cols.map((c) => `${mdText(c.name)} (${mdText(c.code)})`)]),
    row(["---", ...cols.map(() => "---")]),
    row([mdText(label(ctx, "score")), ...cols.map((c) => mdText(scoreText(ctx, c)))]),
    row([mdText(label(ctx, "price_rub")), ...cols.map((c) => mdText(priceText(ctx, c.priceRub)))]),
    row([mdText(label(ctx, "kind")), ...cols.map((c) => mdText(kindText(ctx, c.kind)))]),
    row([mdText(label(ctx, "captured")), ...cols.map((c) => mdText(dateText(ctx, c.captured) || "—"))]),
    ...model.rows.map((r) =>
      row([`${r.step}. ${mdText(stepTitle(ctx, r.criterion))}`, ...cols.map((c) => cellText(ctx, r.cells.find((x) => x.code === c.code)))]),
    ),
  ];
}

function evidenceLines(model: ComparisonModel, order: string[], ctx: ExportContext): string[] {
  const lines: string[] = [];
  for (const code of order) {
    const col = model.columns.find((c) => c.code === code);
    if (!col) continue;
    lines.push("", `### ${mdText(col.name)} (${mdText(col.code)})`, "");
    const href = safePageUrl(col.url);
    lines.push(`${mdText(label(ctx, "url"))}: ${href ? `<${href}>` : "—"} · ${mdText(label(ctx, "captured"))}: ${mdText(dateText(ctx, col.captured) || "—")}`, "");
    for (const r of model.rows) {
      const cell = r.cells.find((x) => x.code === code);
      lines.push(`- **${r.step}. ${mdText(stepTitle(ctx, r.criterion))}**: ${cellText(ctx, cell)}`);
      for (const ev of cell?.finding?.evidence ?? []) lines.push(`  - ${mdText(evidenceText(ctx, r.criterion, ev))}`);
    }
  }
  return lines;
}

export function comparisonMarkdown(model: ComparisonModel, order: string[], ctx: ExportContext): string {
  const questions = openQuestionTexts(ctx, model, order);
  const lines = [
    `# ${mdText(label(ctx, "title"))}`,
    "",
    `${mdText(label(ctx, "judged_on"))}: ${dateText(ctx, ctx.judgedOn)}`,
    "",
    `**${mdText(label(ctx, "recommendation"))}:** ${mdText(recommendationFor(ctx, model))}`,
    "",
    ...warningTexts(ctx, model).flatMap((w) => [`> ⚠ ${mdText(w)}`, ""]),
    ...tableLines(model, order, ctx),
    "",
    `## ${mdText(label(ctx, "open_questions"))}`,
    "",
    ...(questions.length ? questions.map((q) => `- ${mdText(q.text)}`) : ["—"]),
    "",
    `## ${mdText(label(ctx, "partners"))}`,
    "",
    mdText(model.comparison.partners[ctx.lang]),
    "",
    `## ${mdText(label(ctx, "price_pairs"))}`,
    "",
    ...(model.pricePairs.length ? model.pricePairs.map((p) => `- ${mdText(pricePairText(ctx, model, p))}`) : ["—"]),
    "",
    `## ${mdText(label(ctx, "evidence_details"))}`,
    ...evidenceLines(model, order, ctx),
  ];
  return `${lines.join("\n")}\n`;
}
