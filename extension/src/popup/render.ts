// The popup view: summary, the nine steps in detail, the compare control. DOM APIs only.
import type { CriterionReport, Lang, Report } from "../shared/contracts";
import type { PartnerStatus, ReportState } from "../shared/messages";
import { criterionList, expandedSteps } from "../ui/criterion-row";
import { profileByNode } from "../ui/profile-text";
import { coverageText, headlineText, profileText, statusText, type RulesTexts } from "../ui/rules-text";
import { statusIcon } from "../ui/status-icon";
import type { Msg } from "../ui/strings";
import { criterionLink } from "./links";
import { el } from "../ui/dom";

export interface PopupDeps {
  rules: RulesTexts;
  lang: Lang;
  msg: Msg;
  onCompare: () => void;
  onOpenLink: (href: string) => void;
  /** On the comparison shortlist: the control offers "remove" instead of "add". */
  listed?: boolean;
  /** A line under a step's message (popup/unknown-fix.ts: how to fill an unknown step). */
  rowExtra?: (doc: Document, state: ReportState, c: CriterionReport) => Node | null;
  /** Extra sections (buyer-panel.ts): `top` after the summary, `bottom` after the nine steps. */
  extras?: (doc: Document, state: ReportState) => { top: Node[]; bottom: Node[] };
}


const PARTNER_KEY = { pending: "partnerPending", ok: "partnerOk", unavailable: "partnerUnavailable" } as const;

function compareControls(doc: Document, deps: PopupDeps): HTMLElement {
  const compare = el(doc, "button", "mp-compare", deps.msg(deps.listed ? "compareRemove" : "compareAdd"));
  compare.setAttribute("type", "button");
  compare.dataset.action = deps.listed ? "compare-remove" : "compare-add";
  compare.addEventListener("click", deps.onCompare);
  const compareStatus = el(doc, "span", "mp-compare-status", "");
  compareStatus.setAttribute("role", "status");
  const actions = doc.createElement("div");
  actions.className = "mp-actions";
  actions.append(compare, compareStatus);
  return actions;
}

function summary(doc: Document, report: Report, partner: PartnerStatus, deps: PopupDeps): HTMLElement {
  const status = report.headline.status;
  const box = doc.createElement("section");
  box.className = "mp-badge";
  box.dataset.status = status;
  if (report.score !== null) box.dataset.score = String(Math.round(report.score));
  const line = doc.createElement("p");
  line.className = "mp-summary";
  const score = report.score === null ? deps.msg("scoreNone") : deps.msg("scoreValue", { score: Math.round(report.score) });
  line.append(statusIcon(doc, status), el(doc, "span", "mp-score", score));
  line.append(el(doc, "span", "mp-status-word", statusText(deps.rules, status, deps.lang)));
  line.append(el(doc, "span", "mp-coverage", coverageText(deps.rules, report, deps.lang)));
  const profile = profileText(report, deps.lang);
  if (profile !== null) line.append(el(doc, "span", "mp-profile", profile));
  const by = profileByNode(doc, report, deps.msg, "mp-profile-by");
  if (by) line.append(by);
  box.append(line, el(doc, "p", "mp-headline", headlineText(report, deps.lang)));
  box.append(el(doc, "p", "mp-partner", deps.msg(PARTNER_KEY[partner])));
  box.append(compareControls(doc, deps), el(doc, "p", "mp-hint", deps.msg("colourHint")));
  return box;
}

export function renderPopup(root: HTMLElement, state: ReportState | null, deps: PopupDeps): void {
  const doc = root.ownerDocument;
  const nodes: Node[] = [el(doc, "h1", "mp-title", deps.msg("popupTitle"))];
  const report = state?.report ?? null;
  root.dataset.state = state ? state.state : "none";
  if (!state) {
    nodes.push(el(doc, "p", "mp-muted", deps.msg("popupNoSolution")));
  } else if (!report) {
    nodes.push(el(doc, "p", "mp-muted", deps.msg(state.state === "error" ? "badgeError" : "popupLoading")));
  } else {
    const ctx = {
      rules: deps.rules,
      lang: deps.lang,
      msg: deps.msg,
      onOpenLink: deps.onOpenLink,
      linkFor: (c: CriterionReport) => criterionLink(deps.rules, state.facts, c),
      rowExtra: (c: CriterionReport) => deps.rowExtra?.(doc, state, c) ?? null,
      expanded: expandedSteps(root), // the buyer's open steps survive the polling re-renders
    };
    const extras = deps.extras?.(doc, state) ?? { top: [], bottom: [] };
    nodes.push(summary(doc, report, state.partner, deps), ...extras.top);
    nodes.push(criterionList(doc, report.criteria, ctx, true), ...extras.bottom);
  }
  root.replaceChildren(...nodes);
}

export function showCompareResult(root: HTMLElement, message: string): void {
  const status = root.querySelector(".mp-compare-status");
  if (status) status.textContent = message;
}
