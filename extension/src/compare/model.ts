// The comparison as data (pure): columns = shortlisted solutions, rows = the nine steps, each cell
// the step's verdict for that solution, plus the mpcheck.comparison/1 object (comparison.ts) that
// holds every policy decision: best cells, price pairs, recommendation, warnings, open questions.
// The renderer and both exporters read only this, so what is printed is what is exported.
import { CRITERIA, type CriterionId, type CriterionReport, type Report, type Status } from "../shared/contracts";
import type { ShortlistItem, SolutionKind } from "../shared/shortlist";
import { coverageCounts } from "../ui/rules-text";
import { compare, type Comparison } from "./comparison";
import type { PricePair } from "./price";
import type { ComparisonRules } from "./rules";

export interface ColumnModel {
  code: string;
  name: string;
  url: string;
  kind: SolutionKind;
  captured: string;
  score: number | null;
  coverage: { known: number; total: number } | null;
  /** Integer roubles, 0 when free, null when unknown (an expired promotion: the old price). */
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
  comparison: Comparison;
}

export interface Entry {
  item: ShortlistItem;
  /** The report to compare with (re-judged from the stored facts, else the stored one). */
  report: Report | null;
}

function finding(report: Report | null, id: CriterionId): CriterionReport | null {
  return report?.criteria.find((c) => c.id === id) ?? null;
}

/** What the comparison reads for one entry: a snapshot without facts or report still has a name. */
function inputs(entry: Entry): { report: unknown; facts: unknown } {
  const { item, report } = entry;
  return {
    report: report ?? { code: item.code, name: item.name, score: null, criteria: [] },
    facts: item.facts ?? { code: item.code, name: item.name, kind: item.kind },
  };
}

export function buildModel(entries: Entry[], rules: ComparisonRules, today: string): ComparisonModel {
  const given = entries.map(inputs);
  const comparison = compare(given.map((x) => x.report), given.map((x) => x.facts), rules, today);
  const ranked = new Map(comparison.ranking.map((r) => [r.code, r] as const));
  const columns = entries.map(({ item, report }): ColumnModel => ({
    code: item.code,
    name: item.name,
    url: item.url,
    kind: item.kind,
    captured: item.captured,
    score: report?.score ?? null,
    coverage: report ? coverageCounts(report) : null,
    priceRub: ranked.get(item.code)?.price_rub ?? null,
    report,
  }));
  const rows = CRITERIA.map((criterion, index): RowModel => {
    const best = new Set(comparison.best[criterion] ?? []);
    const cells = columns.map((col) => {
      const found = finding(col.report, criterion);
      return { code: col.code, criterion, status: found?.status ?? "unknown", best: best.has(col.code), finding: found };
    });
    return { criterion, step: index + 1, cells };
  });
  const pricePairs = comparison.prices.map((p): PricePair => ({
    a: p.a, b: p.b, diff: p.diff, cheaper: p.cheaper, significant: p.significant, thresholdKind: p.threshold_kind,
  }));
  return { columns, rows, pricePairs, comparison };
}
