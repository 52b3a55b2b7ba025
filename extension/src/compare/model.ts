// The comparison as data (pure): columns = shortlisted solutions, rows = the nine steps, each cell
// the step's verdict for that solution; the best cells, the price pairs and the recommendation.
// The renderer and both exporters read only this, so what is printed is what is exported.
import { CRITERIA, type CriterionId, type CriterionReport, type Report, type Status } from "../shared/contracts";
import type { ShortlistItem, SolutionKind } from "../shared/shortlist";
import { coverageCounts } from "../ui/rules-text";
import { bestInRow } from "./best";
import { allPricePairs, type PricePair, type PriceSide } from "./price";
import { recommend, type Candidate, type Recommendation } from "./rank";
import type { ComparisonRules } from "./rules";

export interface ColumnModel {
  code: string;
  name: string;
  url: string;
  kind: SolutionKind;
  captured: string;
  score: number | null;
  coverage: { known: number; total: number } | null;
  /** Integer roubles, 0 when free, null when unknown. */
  priceRub: number | null;
  report: Report | null;
}

export interface CellModel {
  code: string;
  criterion: CriterionId;
  status: Status;
  best: boolean;
  /** null: no report row for this step (shown as "—"). */
  finding: CriterionReport | null;
}

export interface RowModel {
  criterion: CriterionId;
  step: number;
  cells: CellModel[];
}

export interface ComparisonModel {
  columns: ColumnModel[];
  rows: RowModel[];
  pricePairs: PricePair[];
  recommendation: Recommendation;
}

export interface Entry {
  item: ShortlistItem;
  /** The report to compare with (re-judged from the stored facts, else the stored one). */
  report: Report | null;
}

function priceOf(item: ShortlistItem, report: Report | null): number | null {
  const price = item.facts?.price as { rub?: unknown; free?: unknown } | null | undefined;
  if (typeof price?.rub === "number" && Number.isFinite(price.rub) && price.rub >= 0) return price.rub;
  if (price?.free === true) return 0;
  const cited = report?.criteria.find((c) => c.id === "price")?.evidence.find((e) => e.fact === "price.rub");
  return typeof cited?.value === "number" && cited.value >= 0 ? cited.value : null;
}

function column({ item, report }: Entry): ColumnModel {
  return {
    code: item.code,
    name: item.name,
    url: item.url,
    kind: item.kind,
    captured: item.captured,
    score: report?.score ?? null,
    coverage: report ? coverageCounts(report) : null,
    priceRub: priceOf(item, report),
    report,
  };
}

function finding(report: Report | null, id: CriterionId): CriterionReport | null {
  return report?.criteria.find((c) => c.id === id) ?? null;
}

export function priceSide(col: ColumnModel): PriceSide {
  return { code: col.code, rub: col.priceRub, kind: col.kind };
}

export function candidate(col: ColumnModel): Candidate {
  const statuses: Partial<Record<CriterionId, Status>> = {};
  for (const c of col.report?.criteria ?? []) statuses[c.id] = c.status;
  return { code: col.code, score: col.score, price: priceSide(col), statuses };
}

export function buildModel(entries: Entry[], rules: ComparisonRules): ComparisonModel {
  const columns = entries.map(column);
  const rows = CRITERIA.map((criterion, index): RowModel => {
    const cells = columns.map((col) => {
      const found = finding(col.report, criterion);
      return { code: col.code, criterion, status: found?.status ?? "unknown", best: false, finding: found };
    });
    const best = bestInRow(cells, rules);
    for (const cell of cells) cell.best = best.has(cell.code);
    return { criterion, step: index + 1, cells };
  });
  return {
    columns,
    rows,
    pricePairs: allPricePairs(columns.map(priceSide), rules),
    recommendation: recommend(columns.map(candidate), rules),
  };
}
