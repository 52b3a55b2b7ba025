// The popup's «Как прочитана страница» section: found fields with the strategy that found them,
// missing fields, whether the markup looks changed, and a button that copies the page's
// structure-only report for a bug report. Field and strategy names are locale messages
// (readField_<field>, readBy_<strategy>), never raw keys. DOM APIs only.
import type { FactsView } from "../shared/contracts";
import { el } from "../ui/dom";
import type { Msg } from "../ui/strings";
import { readingSummary, type FieldReading, type ReadingSummary } from "./reading-summary";

export interface ReadingDeps {
  msg: Msg;
  /** The structure report of the described page, or null (no content script there). */
  requestReport: () => Promise<string | null>;
  /** Puts text on the clipboard; rejects where the browser does not allow it. */
  writeClipboard: (text: string) => Promise<void>;
}

export const READING_CSS = `
.mp-reading { margin: 0.75rem 0; }
.mp-reading > summary { cursor: pointer; }
.mp-reading-title { font-weight: 600; }
.mp-reading ul { margin: 0.25rem 0 0.5rem; padding-left: 1.25rem; }
.mp-reading-sub { margin: 0.5rem 0 0; font-weight: 600; }
.mp-reading-report { display: block; width: 100%; box-sizing: border-box; font: 0.75rem/1.3 monospace; }
`;

/** Message key of a strategy: "buy-block" -> readBy_buy_block; unknown ones -> readBy_other. */
export function strategyKey(strategy: string, msg: Msg): string {
  const key = `readBy_${strategy.replace(/[^a-z0-9]+/gi, "_")}`;
  return msg(key) === key ? "readBy_other" : key;
}

function fieldName(field: string, msg: Msg): string {
  return msg(`readField_${field}`);
}

function item(doc: Document, reading: FieldReading, msg: Msg): HTMLLIElement {
  const li = el(doc, "li", "");
  li.dataset.field = reading.field;
  li.dataset.state = reading.state;
  const name = fieldName(reading.field, msg);
  const parts: string[] = [];
  if (reading.strategy) {
    li.dataset.foundBy = reading.strategy;
    parts.push(msg(strategyKey(reading.strategy, msg)));
  }
  if (reading.state === "partial") parts.push(msg("readingPartial"));
  li.textContent = parts.length ? msg("readingFieldBy", { field: name, by: parts.join("; ") }) : name;
  return li;
}

function list(doc: Document, id: string, title: string, items: FieldReading[], msg: Msg): Node[] {
  if (!items.length) return [];
  const heading = el(doc, "p", "mp-reading-sub", title);
  heading.id = id;
  const ul = el(doc, "ul", id);
  ul.setAttribute("aria-labelledby", id);
  ul.append(...items.map((r) => item(doc, r, msg)));
  return [heading, ul];
}

function names(fields: string[], msg: Msg): string {
  return fields.map((f) => fieldName(f, msg)).join(", ");
}

function body(doc: Document, summary: ReadingSummary, msg: Msg): Node[] {
  const nodes: Node[] = [];
  if (summary.missingConfirmed.length) {
    nodes.push(el(doc, "p", "mp-reading-warning", msg("readingMarkupDetail", { fields: names(summary.missingConfirmed, msg) })));
  }
  if (summary.rejected.length) {
    nodes.push(el(doc, "p", "mp-reading-warning", msg("readingRejectedDetail", { fields: names(summary.rejected, msg) })));
  }
  const found = summary.fields.filter((f) => f.state !== "missing");
  const missing = summary.fields.filter((f) => f.state === "missing");
  nodes.push(...list(doc, "mp-reading-found", msg("readingFoundHeading"), found, msg));
  nodes.push(...list(doc, "mp-reading-missing", msg("readingMissingHeading"), missing, msg));
  return nodes;
}

function copyControls(doc: Document, deps: ReadingDeps): HTMLElement {
  const box = el(doc, "div", "mp-reading-actions");
  const button = el(doc, "button", "mp-reading-copy", deps.msg("readingCopy"));
  button.type = "button";
  button.id = "mp-structure-copy";
  button.dataset.action = "structure-copy";
  const hint = el(doc, "p", "mp-hint", deps.msg("readingCopyHint"));
  const status = el(doc, "p", "mp-reading-status", "");
  status.setAttribute("role", "status");
  const label = el(doc, "label", "mp-reading-report-label", deps.msg("readingReportLabel"));
  label.htmlFor = "mp-structure-report";
  const area = el(doc, "textarea", "mp-reading-report");
  area.id = "mp-structure-report";
  area.readOnly = true;
  area.rows = 8;
  area.spellcheck = false;
  label.hidden = area.hidden = true;
  button.addEventListener("click", () => {
    status.textContent = "";
    void deps.requestReport().then(async (text) => {
      if (!text) {
        status.textContent = deps.msg("readingCopyFailed");
        return;
      }
      // Shown every time, copied or not: the buyer sees exactly what would be shared.
      area.value = text;
      label.hidden = area.hidden = false;
      const copied = await deps.writeClipboard(text).then(() => true, () => false);
      area.dataset.copied = String(copied);
      if (!copied) {
        area.focus();
        area.select();
      }
      status.textContent = deps.msg(copied ? "readingCopied" : "readingCopyManual");
    });
  });
  box.append(button, hint, status, label, area);
  return box;
}

export interface ReadingPanel {
  /** The section for this state's facts; the same element while the reading is the same. */
  section(doc: Document, facts: FactsView): HTMLElement;
}

export function createReadingPanel(deps: ReadingDeps): ReadingPanel {
  let key = "";
  let details: HTMLDetailsElement | null = null;
  return {
    section(doc, facts) {
      const summary = readingSummary(facts);
      const next = JSON.stringify([facts.code, summary]);
      if (details && next === key) return details; // kept: open state, the report shown
      const open = details?.open ?? false;
      key = next;
      details = el(doc, "details", "mp-reading");
      details.open = open;
      details.dataset.markupChanged = String(summary.markupChanged);
      const head = el(doc, "summary", "mp-reading-head");
      head.append(
        el(doc, "span", "mp-reading-title", deps.msg("readingTitle")),
        doc.createTextNode(" · "),
        el(doc, "span", "mp-reading-brief", deps.msg("readingBrief", {
          found: summary.found,
          total: summary.fields.length,
          markup: deps.msg(summary.markupChanged ? "readingMarkupChanged" : "readingMarkupOk"),
        })),
      );
      details.append(head, ...body(doc, summary, deps.msg), copyControls(doc, deps));
      return details;
    },
  };
}
