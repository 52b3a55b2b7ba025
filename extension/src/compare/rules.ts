// The comparison policy (shared_rules/comparison.json): thresholds and texts are data, bundled at
// build time like the criteria (esbuild inlines the JSON import). Read through one validator so a
// malformed file fails loudly at load instead of comparing with NaN.
import raw from "../../../shared_rules/comparison.json";
import type { Lang, Localized, Status } from "../shared/contracts";
import { isObject } from "../shared/guards";

export type PriceKind = "module" | "site" | "unknown";

export interface ComparisonRules {
  roughlyEqualPoints: number;
  priceThreshold: Record<PriceKind, number>;
  /** Only known verdicts have a rank: unknown / not_applicable can never be "best". */
  statusRank: Partial<Record<Status, number>>;
  texts: Record<"kind" | "recommendation" | "price_pair" | "export", Record<string, Localized>>;
}

function numberAt(obj: unknown, key: string): number {
  const entry = isObject(obj) ? obj[key] : null;
  const value = isObject(entry) ? entry.value : null;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new Error(`comparison.json: bad ${key}`);
  return value;
}

function textTable(obj: unknown, key: string): Record<string, Localized> {
  const table = isObject(obj) ? obj[key] : null;
  if (!isObject(table)) throw new Error(`comparison.json: texts.${key} missing`);
  const out: Record<string, Localized> = {};
  for (const [name, text] of Object.entries(table)) {
    if (!isObject(text) || typeof text.ru !== "string" || typeof text.en !== "string") {
      throw new Error(`comparison.json: texts.${key}.${name} needs ru and en`);
    }
    out[name] = { ru: text.ru, en: text.en };
  }
  return out;
}

export function readComparisonRules(data: unknown): ComparisonRules {
  if (!isObject(data) || data.schema !== "mpcheck.comparison-rules/1") throw new Error("comparison.json: wrong schema");
  const prices = data.price_insignificant_rub;
  const rank = isObject(data.status_rank) && isObject(data.status_rank.values) ? data.status_rank.values : {};
  const statusRank: Partial<Record<Status, number>> = {};
  for (const status of ["good", "warn", "bad"] as const) {
    if (typeof rank[status] === "number") statusRank[status] = rank[status] as number;
  }
  return {
    roughlyEqualPoints: numberAt(data, "roughly_equal_score_points"),
    priceThreshold: { module: numberAt(prices, "module"), site: numberAt(prices, "site"), unknown: numberAt(prices, "unknown") },
    statusRank,
    texts: {
      kind: textTable(data.texts, "kind"),
      recommendation: textTable(data.texts, "recommendation"),
      price_pair: textTable(data.texts, "price_pair"),
      export: textTable(data.texts, "export"),
    },
  };
}

export const COMPARISON_RULES: ComparisonRules = readComparisonRules(raw);

/** A text from the policy file; a missing key shows as the key itself (tests catch that). */
export function ruleText(rules: ComparisonRules, table: keyof ComparisonRules["texts"], key: string, lang: Lang): string {
  return rules.texts[table][key]?.[lang] ?? key;
}
