// The recommendation as one sentence (ru or en) built from the templates in comparison.json, e.g.
// "NordLab wins: better on “Packaging”; the price difference of 5 090 RUB is insignificant for a module."
import type { CriterionId, Lang } from "../shared/contracts";
import { fill } from "../ui/strings";
import { formatRub, type PricePair } from "./price";
import type { Recommendation } from "./rank";
import { ruleText, type ComparisonRules } from "./rules";

export interface TextContext {
  lang: Lang;
  rules: ComparisonRules;
  name: (code: string) => string;
  score: (code: string) => number | null;
  stepTitle: (id: CriterionId) => string;
}

function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  const and = lang === "ru" ? " и " : " and ";
  return `${items.slice(0, -1).join(", ")}${and}${items[items.length - 1]}`;
}

function quoted(text: string, lang: Lang): string {
  return lang === "ru" ? `«${text}»` : `“${text}”`;
}

function scores(codes: string[], ctx: TextContext): string {
  return codes.map((code) => `${ctx.name(code)}: ${ctx.score(code) ?? "—"}`).join(", ");
}

function t(ctx: TextContext, key: string, subs: Record<string, string | number> = {}): string {
  return fill(ruleText(ctx.rules, "recommendation", key, ctx.lang), subs);
}

/** What the price pair says about the winner (or, in a tie, why price could not decide). */
export function pricePart(pair: PricePair | null, winner: string | null, ctx: TextContext): string | null {
  if (!pair) return null;
  if (pair.diff === null || pair.significant === null) {
    return t(ctx, "price_unknown", { name: joinList([pair.a, pair.b].map(ctx.name), ctx.lang) });
  }
  const kind = ruleText(ctx.rules, "kind", pair.thresholdKind, ctx.lang);
  const diff = formatRub(pair.diff);
  if (!pair.significant) return t(ctx, "price_insignificant", { diff, kind });
  const other = ctx.name(pair.a === winner ? pair.b : pair.a);
  if (pair.cheaper === winner) return t(ctx, "price_winner_cheaper", { diff, other });
  return t(ctx, "price_winner_dearer", { winner: ctx.name(winner ?? pair.a), other, diff, kind });
}

function mainPart(rec: Recommendation, ctx: TextContext): string {
  const winner = rec.winner ? ctx.name(rec.winner) : "";
  switch (rec.kind) {
    case "quality":
      if (rec.betterOn.length === 0) return t(ctx, "quality_score", { winner, scores: scores(rec.contenders, ctx) });
      return t(ctx, "quality", { winner, steps: joinList(rec.betterOn.map((id) => quoted(ctx.stepTitle(id), ctx.lang)), ctx.lang) });
    case "cheaper": {
      const kind = ruleText(ctx.rules, "kind", rec.price?.thresholdKind ?? "unknown", ctx.lang);
      return t(ctx, "cheaper", { winner, scores: scores(rec.contenders, ctx), diff: formatRub(rec.price?.diff ?? 0), kind });
    }
    case "tie":
      return t(ctx, "tie", { names: joinList(rec.contenders.map(ctx.name), ctx.lang), scores: scores(rec.contenders, ctx) });
    case "only_scored":
      return t(ctx, "only_scored", { winner });
    default:
      return t(ctx, rec.kind);
  }
}

export function recommendationText(rec: Recommendation, ctx: TextContext): string {
  const parts = [mainPart(rec, ctx)];
  if (rec.kind === "quality" || rec.kind === "tie") {
    const price = pricePart(rec.price, rec.winner, ctx);
    if (price) parts.push(price);
  }
  if (rec.kind === "tie") parts.push(t(ctx, "tie_advice"));
  if (rec.unscored.length && rec.kind !== "single" && rec.kind !== "none") {
    parts.push(t(ctx, "unscored", { names: joinList(rec.unscored.map(ctx.name), ctx.lang) }));
  }
  return `${parts.join("; ")}.`;
}
