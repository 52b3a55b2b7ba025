// The comparison table's cells (DOM APIs + textContent only: names and evidence are page text).
import type { Evidence, Lang } from "../shared/contracts";
import { profileByNode } from "../ui/profile-text";
import { profileText } from "../ui/rules-text";
import { statusIcon } from "../ui/status-icon";
import type { Msg } from "../ui/strings";
import { evidenceText, kindText, priceText, scoreText, statusWord, type ExportContext } from "./export-text";
import type { CellModel, ColumnModel } from "./model";
import { safePageUrl } from "./safe-url";
import { el } from "../ui/dom";

/** Cells show the key evidence only; the exports carry all of it. */
const KEY_EVIDENCE = 3;

export interface CellDeps {
  msg: Msg;
  lang: Lang;
  ctx: ExportContext;
  onRemove: (code: string) => void;
}


// What the buyer established themselves comes first, then what the server added, then the page.
const SOURCE_ORDER = { you: 0, backend: 1, page: 2 } as const;

function keyEvidence(evidence: Evidence[]): Evidence[] {
  return evidence
    .map((ev, index) => ({ ev, index }))
    .sort((a, b) => (SOURCE_ORDER[a.ev.source] ?? 3) - (SOURCE_ORDER[b.ev.source] ?? 3) || a.index - b.index)
    .slice(0, KEY_EVIDENCE)
    .map(({ ev }) => ev);
}

export function columnHeader(doc: Document, col: ColumnModel, deps: CellDeps): HTMLTableCellElement {
  const th = el(doc, "th", "cmp-col");
  th.scope = "col";
  th.dataset.code = col.code;
  const href = safePageUrl(col.url);
  const name = href ? el(doc, "a", "cmp-name", col.name) : el(doc, "span", "cmp-name", col.name);
  if (href && name instanceof HTMLAnchorElement) {
    name.href = href;
    name.target = "_blank";
    name.rel = "noopener noreferrer";
  }
  const remove = el(doc, "button", "cmp-remove", `✕ ${deps.msg("compareRemoveShort")}`);
  remove.type = "button";
  remove.dataset.action = "compare-remove";
  remove.dataset.code = col.code;
  remove.setAttribute("aria-label", deps.msg("compareRemoveColumn", { name: col.name }));
  remove.addEventListener("click", () => deps.onRemove(col.code));
  th.append(name, el(doc, "span", "cmp-code", col.code), el(doc, "span", "cmp-kind", kindText(deps.ctx, col.kind)));
  // The profile the column was judged with (it follows the kind unless the buyer chose one).
  const profile = col.report ? profileText(col.report, deps.lang) : null;
  if (profile) th.append(el(doc, "span", "cmp-profile", profile));
  const by = col.report ? profileByNode(doc, col.report, deps.msg, "cmp-profile-by") : null;
  if (by) th.append(by);
  th.append(remove);
  return th;
}

/** The summary rows: score + coverage, price, capture date. */
export function summaryCell(doc: Document, col: ColumnModel, row: "score" | "cost" | "captured", deps: CellDeps): HTMLTableCellElement {
  const td = el(doc, "td", `cmp-${row}`);
  td.dataset.code = col.code;
  if (row === "score") {
    td.textContent = scoreText(deps.ctx, col);
    if (col.score !== null) td.dataset.score = String(Math.round(col.score));
  } else if (row === "cost") {
    td.textContent = priceText(deps.ctx, col.priceRub);
    if (col.priceRub !== null) td.dataset.priceRub = String(col.priceRub);
  } else {
    td.textContent = col.captured || "—";
  }
  return td;
}

export function stepCell(doc: Document, cell: CellModel, deps: CellDeps): HTMLTableCellElement {
  const td = el(doc, "td", "cmp-cell");
  td.dataset.code = cell.code;
  td.dataset.criterion = cell.criterion;
  td.dataset.status = cell.status;
  const head = el(doc, "div", "cmp-verdict");
  head.append(statusIcon(doc, cell.status), el(doc, "span", "cmp-status-word", statusWord(deps.ctx, cell.status)));
  if (cell.best) {
    td.dataset.best = "true";
    head.append(el(doc, "span", "cmp-best", `★ ${deps.msg("compareBest")}`));
  }
  td.append(head);
  const finding = cell.finding;
  if (!finding || cell.status === "unknown") {
    td.append(el(doc, "p", "cmp-missing", "—"));
    return td;
  }
  td.append(el(doc, "p", "cmp-message", finding.message[deps.lang]));
  if (finding.evidence.length) {
    const list = el(doc, "ul", "cmp-evidence");
    for (const ev of keyEvidence(finding.evidence)) {
      const item = el(doc, "li", "", evidenceText(deps.ctx, cell.criterion, ev));
      item.dataset.source = ev.source;
      list.append(item);
    }
    td.append(list);
  }
  return td;
}
