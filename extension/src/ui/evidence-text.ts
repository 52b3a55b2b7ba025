// Evidence values are arbitrary JSON from facts; they are shown as short plain text (never HTML).
import { formatValue as formatRuleValue } from "../engine/formatting";
import type { Evidence, Lang } from "../shared/contracts";
import { evidenceLabel, evidenceStyle, type RulesTexts } from "./rules-text";
import type { Msg } from "./strings";

const MAX = 120;

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "✓" : "✕";
  if (typeof value === "number" || typeof value === "string") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) return value.join(", ");
  const text = JSON.stringify(value) ?? "";
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

const SOURCE_KEY = { page: "sourcePage", backend: "sourceBackend", you: "sourceYou" } as const;

export function sourceText(msg: Msg, source: Evidence["source"]): string {
  return msg(SOURCE_KEY[source] ?? "sourcePage");
}

/**
 * One evidence entry as the buyer reads it: the signal's short name from the rules and its value
 * in the rules' number style ("Отвечено негативных отзывов: 67 %"), not the raw fact path.
 */
export function evidenceParts(rules: RulesTexts, criterionId: string, ev: Evidence, lang: Lang): { label: string; value: string } {
  const style = evidenceStyle(rules, criterionId, ev.signal);
  const value = typeof ev.value === "number" && style !== "plain" ? formatRuleValue(ev.value, style, lang) : formatValue(ev.value);
  return { label: evidenceLabel(rules, criterionId, ev.signal, ev.fact, lang), value };
}
