// Evidence values are arbitrary JSON from facts; they are shown as short plain text (never HTML).
import type { Evidence } from "../shared/contracts";
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
