// Plain-text pieces both exporters (and the page) share. All wording comes from the rules (step
// titles, status words) or comparison.json (export labels), so an export in either language is a
// pure function of the model, independent of the browser's UI language.
import { formatValue } from "../engine/formatting";
import type { NumberStyle } from "../engine/types";
import type { Evidence, Lang } from "../shared/contracts";
import { isObject } from "../shared/guards";
import { evidenceParts } from "../ui/evidence-text";
import { coverageText, criterionTitle, statusText, type RulesTexts } from "../ui/rules-text";
import type { ColumnModel, ComparisonModel } from "./model";
import { money } from "./format";
import type { PricePair } from "./price";
import { ruleText, type ComparisonRules } from "./rules";

export interface ExportContext {
  lang: Lang;
  rules: ComparisonRules;
  texts: RulesTexts;
  /** The date the reports were judged at (YYYY-MM-DD). */
  judgedOn: string;
}

export const label = (ctx: ExportContext, key: string): string => ruleText(ctx.rules, "export", key, ctx.lang);

/** «27.11.2026» / "27 Nov 2026" by the engine's date style: a buyer never reads an ISO date. */
export function dateText(ctx: ExportContext, iso: string): string {
  const scoring = ctx.texts.scoring;
  const numbers = isObject(scoring) && isObject(scoring.numbers) ? scoring.numbers[ctx.lang] : undefined;
  return iso && isObject(numbers) ? formatValue(iso, "date", numbers as unknown as NumberStyle) : iso;
}

export function kindText(ctx: ExportContext, kind: ColumnModel["kind"]): string {
  return kind ? label(ctx, `kind_${kind}`) : "—";
}

export function priceText(ctx: ExportContext, rub: number | null): string {
  if (rub === null) return "—";
  if (rub === 0) return label(ctx, "free");
  return money(ctx.rules, rub, ctx.lang); // the engine's money style, as the report's evidence
}

export function evidenceText(ctx: ExportContext, criterion: string, ev: Evidence): string {
  const parts = evidenceParts(ctx.texts, criterion, ev, ctx.lang);
  return `${parts.label}: ${parts.value} (${label(ctx, `source_${ev.source}`)})`;
}

export function sourcesText(ctx: ExportContext, evidence: Evidence[]): string {
  return [...new Set(evidence.map((ev) => ev.source))].map((s) => label(ctx, `source_${s}`)).join(", ");
}

export function scoreText(ctx: ExportContext, col: ColumnModel): string {
  const score = col.score === null ? "—" : `${Math.round(col.score)}/100`;
  return col.report ? `${score} · ${coverageText(ctx.texts, col.report, ctx.lang)}` : score;
}

export function statusWord(ctx: ExportContext, status: Parameters<typeof statusText>[1]): string {
  return statusText(ctx.texts, status, ctx.lang);
}

export function stepTitle(ctx: ExportContext, id: Parameters<typeof criterionTitle>[1]): string {
  return criterionTitle(ctx.texts, id, ctx.lang);
}

export function nameOf(model: ComparisonModel, code: string): string {
  return model.columns.find((c) => c.code === code)?.name ?? code;
}

/** The comparison's own reason sentence (comparison.ts builds it in both languages). */
export function recommendationFor(ctx: ExportContext, model: ComparisonModel): string {
  return model.comparison.recommendation.reason[ctx.lang];
}

/** The warnings, one sentence each. */
export function warningTexts(ctx: ExportContext, model: ComparisonModel): string[] {
  return model.comparison.warnings.map((w) => w[ctx.lang]);
}

/** "Name: «Step» — check it yourself …" for every open question of every candidate, page order. */
export function openQuestionTexts(ctx: ExportContext, model: ComparisonModel, order: string[]): Array<{ code: string; criterion: string; text: string }> {
  const out: Array<{ code: string; criterion: string; text: string }> = [];
  for (const code of order) {
    const entry = model.comparison.ranking.find((r) => r.code === code);
    for (const check of entry?.checks ?? []) {
      const partial = check.partial ? ` (${label(ctx, "partly_known")})` : "";
      out.push({ code, criterion: check.criterion, text: `${entry?.name ?? code}: ${check.title[ctx.lang]}${partial} — ${check.check_yourself[ctx.lang]}` });
    }
  }
  return out;
}

/** "NordLab — QuickDev: 9 490 RUB, significant for a module". */
export function pricePairText(ctx: ExportContext, model: ComparisonModel, pair: PricePair): string {
  const names = `${nameOf(model, pair.a)} — ${nameOf(model, pair.b)}`;
  if (pair.diff === null) return `${names}: ${ruleText(ctx.rules, "price_pair", "unknown", ctx.lang)}`;
  if (pair.diff === 0) return `${names}: ${ruleText(ctx.rules, "price_pair", "equal", ctx.lang)}`; // not «0 руб., несущественно»
  const verdict = ruleText(ctx.rules, "price_pair", pair.significant ? "significant" : "insignificant", ctx.lang);
  const kind = ruleText(ctx.rules, "kind", pair.thresholdKind, ctx.lang);
  return `${names}: ${money(ctx.rules, pair.diff, ctx.lang)}, ${verdict} ${kind}`;
}
