// Column order for the comparison table (pure). Missing data (no score, no price, an unknown
// step) always sorts last, whatever the direction: an unknown is never presented as a top pick.
import { CRITERIA, type CriterionId } from "../shared/contracts";
import type { ComparisonModel } from "./model";
import type { ComparisonRules } from "./rules";

/** "cost" sorts by the price in roubles; "price" is the checklist step (its verdict). */
export type SortKey = "score" | "cost" | CriterionId;
export type SortDir = "ascending" | "descending";
export interface SortState {
  key: SortKey;
  dir: SortDir;
}

export function isSortKey(v: unknown): v is SortKey {
  return v === "score" || v === "cost" || (CRITERIA as readonly unknown[]).includes(v);
}

/** Cheapest first for cost; best first for everything else. */
export function defaultDir(key: SortKey): SortDir {
  return key === "cost" ? "ascending" : "descending";
}

function keyValues(model: ComparisonModel, key: SortKey, rules: ComparisonRules): Map<string, number | null> {
  const values = new Map<string, number | null>();
  for (const col of model.columns) {
    if (key === "score") values.set(col.code, col.score);
    else if (key === "cost") values.set(col.code, col.priceRub);
    else {
      const cell = model.rows.find((r) => r.criterion === key)?.cells.find((c) => c.code === col.code);
      values.set(col.code, cell ? (rules.statusRank[cell.status] ?? null) : null);
    }
  }
  return values;
}

/** Codes in display order; ties keep score order, then the shortlist order. */
export function sortColumns(model: ComparisonModel, state: SortState, rules: ComparisonRules): string[] {
  const values = keyValues(model, state.key, rules);
  const sign = state.dir === "ascending" ? 1 : -1;
  return model.columns
    .map((col, index) => ({ code: col.code, value: values.get(col.code) ?? null, score: col.score, index }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value !== b.value) return a.value === null ? 1 : -1;
      } else if (a.value !== b.value) {
        return sign * (a.value - b.value);
      }
      return (b.score ?? -Infinity) - (a.score ?? -Infinity) || a.index - b.index;
    })
    .map((x) => x.code);
}
