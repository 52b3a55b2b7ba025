// Which cells of one checklist row are "best" (twin of backend/mpcheck/compare/best.py). Rules:
// the higher status rank wins; every cell tied at the top is best, but only when the row has a
// real better/worse split among known verdicts (all "good" marks nobody); unknown and
// not_applicable never rank, so never win.
import type { Status } from "../shared/contracts";
import type { Candidate } from "./candidates";
import type { ComparisonRules } from "./rules";

export interface RowCell {
  code: string;
  status: Status | string;
}

/** The best codes, in column order. */
export function bestCodes(cells: RowCell[], rules: ComparisonRules): string[] {
  const ranked = cells
    .map((cell) => ({ code: cell.code, rank: Object.hasOwn(rules.statusRank, cell.status) ? rules.statusRank[cell.status as Status] : undefined }))
    .filter((cell): cell is { code: string; rank: number } => cell.rank !== undefined);
  const ranks = new Set(ranked.map((cell) => cell.rank));
  if (ranks.size < 2) return [];
  const top = Math.max(...ranks);
  return ranked.filter((cell) => cell.rank === top).map((cell) => cell.code);
}

export function bestInRow(cells: RowCell[], rules: ComparisonRules): Set<string> {
  return new Set(bestCodes(cells, rules));
}

/** Step ids in the reports' order (first appearance). */
export function stepIds(candidates: Candidate[]): string[] {
  const seen: string[] = [];
  for (const c of candidates) for (const s of c.steps) if (!seen.includes(s.id)) seen.push(s.id);
  return seen;
}

/** {step id: best codes} for every step of the reports. */
export function bestPerStep(candidates: Candidate[], rules: ComparisonRules): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const id of stepIds(candidates)) {
    out[id] = bestCodes(candidates.map((c) => ({ code: c.code, status: c.steps.find((s) => s.id === id)?.status ?? "unknown" })), rules);
  }
  return out;
}
