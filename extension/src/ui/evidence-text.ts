// Evidence values are arbitrary JSON from facts; they are shown as short plain text (never HTML).
import { formatValue as engineFormat } from "../engine/formatting";
import type { NumberStyle } from "../engine/types";
import type { Evidence, Lang } from "../shared/contracts";
import { evidenceFormat, evidenceLabel, numberStyle, type RulesTexts } from "./rules-text";
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
 * One evidence entry as the buyer reads it: the engine's own label and locale text («Цена:
 * 12 990 руб.»), so the badge, the popup and the CLI write a value the same way; an entry from an
 * older stored report without them reads by the rules' short name and the engine's formatter for
 * the signal's kind («3 дня назад», «тикеты, чат», «да»), never a raw word or ✓/✕.
 */
export function evidenceParts(rules: RulesTexts, criterionId: string, ev: Evidence, lang: Lang): { label: string; value: string } {
  const label = ev.label?.[lang] ?? evidenceLabel(rules, criterionId, ev.signal, ev.fact, lang);
  if (ev.text?.[lang] !== undefined) return { label, value: ev.text[lang] };
  const style = numberStyle(rules, lang);
  const scalar = (v: unknown) => v === null || ["boolean", "number", "string"].includes(typeof v);
  const simple = scalar(ev.value) || (Array.isArray(ev.value) && ev.value.every(scalar));
  if (style === null || !simple || ev.value === null) return { label, value: formatValue(ev.value) };
  return { label, value: engineFormat(ev.value, evidenceFormat(rules, criterionId, ev.signal), style as unknown as NumberStyle) };
}
