// The comparison policy (shared_rules/comparison.json): thresholds and texts are data, bundled at
// build time like the criteria (esbuild inlines the JSON import). Read through one validator so a
// malformed file fails loudly at load instead of comparing with NaN. Twin of
// backend/mpcheck/compare/rules.py.
import raw from "../../../shared_rules/comparison.json";
import scoring from "../../../shared_rules/scoring.json";
import type { NumberStyle } from "../engine/types";
import type { Lang, Localized, Status } from "../shared/contracts";
import { isObject } from "../shared/guards";

export type PriceKind = "module" | "site" | "unknown";
export const TEXT_TABLES = ["kind", "recommendation", "warning", "partners", "price_pair", "money", "cli", "export"] as const;
export type TextTable = (typeof TEXT_TABLES)[number];

export interface ComparisonRules {
  /** The fingerprint of the whole rules directory, as reports carry it. */
  version: string;
  roughlyEqualPoints: number;
  priceThreshold: Record<PriceKind, number>;
  /** Only known verdicts have a rank: unknown / not_applicable can never be "best". */
  statusRank: Partial<Record<Status, number>>;
  /** Headline statuses a recommended candidate must have. */
  passing: readonly string[];
  /** Headline keys kept below passing by a scoring.json rule, whatever is still unknown. */
  cappedKeys: readonly string[];
  swingIgnoresBonus: boolean;
  ratingTop: number;
  ratingLast: number;
  plurals: Record<string, { ru: string[]; en: string[] }>;
  texts: Record<TextTable, Record<string, Localized>>;
  /** The engine's locale styles (scoring.json "numbers"): a price reads as in a report. */
  numbers: Record<Lang, NumberStyle>;
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

function strings(v: unknown, count: number, where: string): string[] {
  if (!Array.isArray(v) || v.length !== count || !v.every((s) => typeof s === "string" && s !== "")) {
    throw new Error(`comparison.json: ${where} needs ${count} forms`);
  }
  return v as string[];
}

function plurals(v: unknown): ComparisonRules["plurals"] {
  if (!isObject(v)) throw new Error("comparison.json: plurals missing");
  const out: ComparisonRules["plurals"] = {};
  for (const [word, forms] of Object.entries(v)) {
    if (word === "$comment") continue;
    const f = isObject(forms) ? forms : {};
    out[word] = { ru: strings(f.ru, 3, `plurals.${word}.ru`), en: strings(f.en, 2, `plurals.${word}.en`) };
  }
  return out;
}

/**
 * `version`: the fingerprint of the rules directory the data came from (the extension passes its
 * bundle's RULES.version; tests pass rules_fingerprint of their directory). `numbers`: that
 * directory's scoring.json "numbers" (the bundled one by default).
 */
export function readComparisonRules(
  data: unknown, version = "", numbers: Record<Lang, NumberStyle> = scoring.numbers as unknown as Record<Lang, NumberStyle>,
): ComparisonRules {
  if (!isObject(data) || data.schema !== "mpcheck.comparison-rules/1") throw new Error("comparison.json: wrong schema");
  const prices = data.price_insignificant_rub;
  const rank = isObject(data.status_rank) && isObject(data.status_rank.values) ? data.status_rank.values : {};
  const statusRank: Partial<Record<Status, number>> = {};
  for (const status of ["good", "warn", "bad"] as const) {
    if (typeof rank[status] === "number") statusRank[status] = rank[status] as number;
  }
  const passing = isObject(data.passing_headline) ? data.passing_headline.statuses : null;
  if (!Array.isArray(passing) || !passing.every((s) => typeof s === "string")) throw new Error("comparison.json: bad passing_headline");
  const capped = isObject(data.passing_headline) ? data.passing_headline.capped_keys : null;
  if (!Array.isArray(capped) || !capped.every((s) => typeof s === "string")) throw new Error("comparison.json: bad capped_keys");
  const swing = isObject(data.swing) ? data.swing.ignore_bonus : null;
  if (typeof swing !== "boolean") throw new Error("comparison.json: bad swing");
  const texts = {} as ComparisonRules["texts"];
  for (const table of TEXT_TABLES) texts[table] = textTable(data.texts, table);
  return {
    version,
    roughlyEqualPoints: numberAt(data, "roughly_equal_score_points"),
    priceThreshold: { module: numberAt(prices, "module"), site: numberAt(prices, "site"), unknown: numberAt(prices, "unknown") },
    statusRank,
    passing: [...(passing as string[])],
    cappedKeys: [...(capped as string[])],
    swingIgnoresBonus: swing,
    ratingTop: Math.trunc(numberAt(data.partner_rating, "top")),
    ratingLast: Math.trunc(numberAt(data.partner_rating, "last")),
    plurals: plurals(data.plurals),
    texts,
    numbers: { ru: numbers.ru, en: numbers.en },
  };
}

/** The bundled policy; its version is set by the page from the rules bundle (main.ts). */
export const COMPARISON_RULES: ComparisonRules = readComparisonRules(raw);

/** A text from the policy file; a missing key shows as the key itself (tests catch that). */
export function ruleText(rules: ComparisonRules, table: TextTable, key: string, lang: Lang): string {
  return rules.texts[table][key]?.[lang] ?? key;
}
