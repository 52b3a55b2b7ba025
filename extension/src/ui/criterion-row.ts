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
  /** Popup only: the steps whose details are open (kept across re-renders, see expandedSteps). */
  expanded?: ReadonlySet<string>;
}


function rowHeader(doc: Document, c: CriterionReport, ctx: RowContext, head: HTMLElement = el(doc, "div", "mp-row-head")): HTMLElement {
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

/**
 * The popup's step header is a disclosure button (aria-expanded + aria-controls): nine open steps
 * made the popup 3 600 px tall. Status, title and message stay visible; evidence, "check it
 * yourself" and the page link fold away. A button rather than <details>: the unknown step's fix
 * (rowExtra, with its own buttons) stays visible under the message, which a <summary> could not hold.
 * The id lets the popup's re-render put the keyboard focus back (popup/buyer-panel.ts keepingFocus).
 */
function stepToggle(doc: Document, c: CriterionReport, ctx: RowContext, body: HTMLElement): HTMLButtonElement {
  const toggle = el(doc, "button", "mp-row-head mp-step-toggle");
  toggle.type = "button";
  toggle.id = `mp-step-${c.id}`;
  body.id = `mp-step-${c.id}-body`;
  toggle.setAttribute("aria-controls", body.id);
  rowHeader(doc, c, ctx, toggle);
  const chevron = el(doc, "span", "mp-step-chevron", "▸");
  chevron.setAttribute("aria-hidden", "true");
  toggle.append(chevron);
  const show = (open: boolean) => {
    toggle.setAttribute("aria-expanded", String(open));
    body.hidden = !open;
  };
  show(ctx.expanded?.has(c.id) ?? false);
  toggle.addEventListener("click", () => show(toggle.getAttribute("aria-expanded") !== "true"));
  return toggle;
}

/** The steps open in a rendered popup, so a re-render (polling, a re-score) keeps them open. */
export function expandedSteps(root: ParentNode): Set<string> {
  const open = new Set<string>();
  for (const toggle of root.querySelectorAll('.mp-step-toggle[aria-expanded="true"]')) {
    const id = toggle.closest<HTMLElement>("[data-criterion]")?.dataset.criterion;
    if (id) open.add(id);
  }
  return open;
}

export function criterionRow(doc: Document, c: CriterionReport, ctx: RowContext, detailed: boolean): HTMLLIElement {
  const row = el(doc, "li", "mp-row");
  row.dataset.criterion = c.id;
  row.dataset.status = c.status;
  if (c.unknown_reason) row.dataset.unknownReason = c.unknown_reason;
  if (!detailed) {
    row.append(rowHeader(doc, c, ctx), el(doc, "p", "mp-message", c.message[ctx.lang]));
    return row;
  }
  const body = el(doc, "div", "mp-step-body");
  row.append(stepToggle(doc, c, ctx, body), el(doc, "p", "mp-message", c.message[ctx.lang]));
  const extra = ctx.rowExtra?.(c);
  if (extra) row.append(extra);
  body.append(evidenceList(doc, c, ctx));
  body.append(el(doc, "h4", "mp-subhead", ctx.msg("checkYourself")));
  body.append(el(doc, "p", "mp-check", c.check_yourself[ctx.lang]));
  const href = ctx.linkFor?.(c);
  if (href) body.append(openLink(doc, href, ctx, criterionTitle(ctx.rules, c.id, ctx.lang)));
  row.append(body);
  return row;
}

export function criterionList(doc: Document, criteria: CriterionReport[], ctx: RowContext, detailed: boolean): HTMLElement {
  const list = el(doc, "ol", "mp-rows");
  for (const c of criteria) list.append(criterionRow(doc, c, ctx, detailed));
  return list;
}
