// The comparison table: solutions as columns, score/price/capture date, then the nine steps.
// Row names are sort buttons; the active row header carries aria-sort (the columns are what is
// sorted, by that row's values).
import type { ComparisonModel } from "./model";
import { el } from "../ui/dom";
import { columnHeader, stepCell, summaryCell, type CellDeps } from "./render-cells";
import type { SortKey, SortState } from "./sort";
import { stepTitle } from "./export-text";

export interface TableDeps extends CellDeps {
  sort: SortState;
  onSort: (key: SortKey) => void;
  /** The timeline chart for a column, if available (null: shown as "—"). */
  timeline?: (code: string) => Node | null;
}

function sortHeader(doc: Document, key: SortKey, title: string, deps: TableDeps): HTMLTableCellElement {
  const th = el(doc, "th", "cmp-rowhead");
  th.scope = "row";
  const active = deps.sort.key === key;
  if (active) th.setAttribute("aria-sort", deps.sort.dir);
  const button = el(doc, "button", "cmp-sort", title);
  button.type = "button";
  button.dataset.sortKey = key;
  button.setAttribute("aria-label", deps.msg("compareSortBy", { name: title }));
  const arrow = el(doc, "span", "cmp-sort-arrow", active ? (deps.sort.dir === "ascending" ? " ▲" : " ▼") : "");
  arrow.setAttribute("aria-hidden", "true");
  button.append(arrow);
  button.addEventListener("click", () => deps.onSort(key));
  th.append(button);
  return th;
}

function plainHeader(doc: Document, title: string): HTMLTableCellElement {
  const th = el(doc, "th", "cmp-rowhead", title);
  th.scope = "row";
  return th;
}

export function renderTable(doc: Document, model: ComparisonModel, order: string[], deps: TableDeps): HTMLTableElement {
  const columns = order.map((code) => model.columns.find((c) => c.code === code)).filter((c) => c !== undefined);
  const table = el(doc, "table", "cmp-table");
  table.id = "cmp-table";
  table.style.setProperty("--cmp-cols", String(columns.length)); // compare.css: the width below which it scrolls
  table.append(el(doc, "caption", "cmp-caption", deps.msg("compareCaption", { count: columns.length })));
  const head = el(doc, "thead", "");
  const headRow = el(doc, "tr", "");
  headRow.append(el(doc, "td", "cmp-corner", deps.msg("compareStep")), ...columns.map((col) => columnHeader(doc, col, deps)));
  head.append(headRow);

  const body = el(doc, "tbody", "");
  const summary = (key: "score" | "cost" | "captured", header: HTMLTableCellElement) => {
    const tr = el(doc, "tr", "cmp-summary-row");
    tr.dataset.row = key;
    tr.append(header, ...columns.map((col) => summaryCell(doc, col, key, deps)));
    return tr;
  };
  body.append(
    summary("score", sortHeader(doc, "score", deps.msg("compareScore"), deps)),
    summary("cost", sortHeader(doc, "cost", deps.msg("comparePrice"), deps)),
    summary("captured", plainHeader(doc, deps.msg("compareCaptured"))),
  );
  if (deps.timeline) {
    const tr = el(doc, "tr", "cmp-timeline-row");
    tr.dataset.row = "timeline";
    tr.append(plainHeader(doc, deps.msg("compareTimeline")));
    for (const col of columns) {
      const td = el(doc, "td", "cmp-timeline-cell");
      td.dataset.code = col.code;
      td.append(deps.timeline(col.code) ?? doc.createTextNode("—"));
      tr.append(td);
    }
    body.append(tr);
  }
  for (const row of model.rows) {
    const tr = el(doc, "tr", "cmp-step-row");
    tr.dataset.row = row.criterion;
    const title = `${row.step}. ${stepTitle(deps.ctx, row.criterion)}`;
    tr.append(sortHeader(doc, row.criterion, title, deps));
    for (const col of columns) {
      const cell = row.cells.find((c) => c.code === col.code);
      if (cell) tr.append(stepCell(doc, cell, deps));
    }
    body.append(tr);
  }
  table.append(head, body);
  return table;
}
