// Which cells of one checklist row are "best". Rules: the higher status rank wins; every cell
// tied at the top is best, but only when the row has a real better/worse split among known
// verdicts (all "good" marks nobody); unknown and not_applicable never rank, so never win.
import type { Status } from "../shared/contracts";
import type { ComparisonRules } from "./rules";

export interface RowCell {
  code: string;
  status: Status;
}

export function bestInRow(cells: RowCell[], rules: ComparisonRules): Set<string> {
  const ranked = cells
    .map((cell) => ({ code: cell.code, rank: rules.statusRank[cell.status] }))
    .filter((cell): cell is { code: string; rank: number } => cell.rank !== undefined);
  const ranks = new Set(ranked.map((cell) => cell.rank));
  if (ranks.size < 2) return new Set();
  const top = Math.max(...ranks);
  return new Set(ranked.filter((cell) => cell.rank === top).map((cell) => cell.code));
}
