// One checklist step as a list row, shared by the badge (compact) and the popup (detailed).
// Rows carry data-criterion / data-status (SPEC §7). DOM APIs + textContent only.
import type { CriterionReport, Lang } from "../shared/contracts";
import { criterionTitle, partialSignalsText, statusText, type RulesTexts } from "./rules-text";
import { evidenceParts, sourceText } from "./evidence-text";
import { statusIcon } from "./status-icon";
import type { Msg } from "./strings";
import { el } from "./dom";

export interface RowContext {
  rules: RulesTexts;
  lang: Lang;
  msg: Msg;
  /** Popup only: where "open on the page" goes for this criterion, or null. */
  linkFor?: (c: CriterionReport) => string | null;
  onOpenLink?: (href: string) => void;
  /** Popup only: a line under the step's message (the fix of an unknown step, popup/unknown-fix.ts). */
  rowExtra?: (c: CriterionReport) => Node | null;
}


function rowHeader(doc: Document, c: CriterionReport, ctx: RowContext): HTMLElement {
  const head = el(doc, "div", "mp-row-head");
  head.append(statusIcon(doc, c.status));
  head.append(el(doc, "span", "mp-row-title", `${c.step}. ${criterionTitle(ctx.rules, c.id, ctx.lang)}`));
  head.append(el(doc, "span", "mp-row-status", statusText(ctx.rules, c.status, ctx.lang)));
  const partial = partialSignalsText(ctx.rules, c, ctx.lang);
  if (partial !== null) head.append(el(doc, "span", "mp-row-signals", partial));
  return head;
}

function evidenceList(doc: Document, c: CriterionReport, ctx: RowContext): HTMLElement {
  const box = el(doc, "div", "mp-evidence");
  box.append(el(doc, "h4", "mp-subhead", ctx.msg("evidence")));
  if (c.evidence.length === 0) {
    box.append(el(doc, "p", "mp-muted", ctx.msg("noEvidence")));
    return box;
  }
  const list = el(doc, "ul", "mp-evidence-list");
  for (const ev of c.evidence) {
    const item = el(doc, "li", "mp-evidence-item");
    item.dataset.source = ev.source;
    const parts = evidenceParts(ctx.rules, c.id, ev, ctx.lang);
    const name = el(doc, "span", "mp-fact", parts.label);
    name.title = ev.fact; // the fact path stays available for the curious
    item.append(name, doc.createTextNode(": "));
    item.append(el(doc, "span", "mp-value", parts.value));
    item.append(el(doc, "span", "mp-source", ` (${sourceText(ctx.msg, ev.source)})`));
    list.append(item);
  }
  box.append(list);
  return box;
}

function openLink(doc: Document, href: string, ctx: RowContext, title: string): HTMLElement {
  const link = el(doc, "a", "mp-open", ctx.msg("openOnPage"));
  link.setAttribute("aria-label", `${ctx.msg("openOnPage")}: ${title}`); // nine links, nine distinct names
  link.href = href;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  link.addEventListener("click", (event) => {
    if (!ctx.onOpenLink) return;
    event.preventDefault();
    ctx.onOpenLink(href);
  });
  return link;
}

export function criterionRow(doc: Document, c: CriterionReport, ctx: RowContext, detailed: boolean): HTMLLIElement {
  const row = el(doc, "li", "mp-row");
  row.dataset.criterion = c.id;
  row.dataset.status = c.status;
  if (c.unknown_reason) row.dataset.unknownReason = c.unknown_reason;
  row.append(rowHeader(doc, c, ctx));
  row.append(el(doc, "p", "mp-message", c.message[ctx.lang]));
  if (!detailed) return row;
  const extra = ctx.rowExtra?.(c);
  if (extra) row.append(extra);
  row.append(evidenceList(doc, c, ctx));
  row.append(el(doc, "h4", "mp-subhead", ctx.msg("checkYourself")));
  row.append(el(doc, "p", "mp-check", c.check_yourself[ctx.lang]));
  const href = ctx.linkFor?.(c);
  if (href) row.append(openLink(doc, href, ctx, criterionTitle(ctx.rules, c.id, ctx.lang)));
  return row;
}

export function criterionList(doc: Document, criteria: CriterionReport[], ctx: RowContext, detailed: boolean): HTMLElement {
  const list = el(doc, "ol", "mp-rows");
  for (const c of criteria) list.append(criterionRow(doc, c, ctx, detailed));
  return list;
}
