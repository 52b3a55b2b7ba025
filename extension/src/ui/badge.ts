// The full badge on a solution page: <mpcheck-badge> with an OPEN shadow root (SPEC §7).
// Content scripts cannot define custom elements (Chromium gives isolated worlds no
// `customElements`), so this is an undefined element with a valid custom-element name, which
// may still carry a shadow root; rendering is a plain function of (host, view).
import type { Lang, Report } from "../shared/contracts";
import type { BadgeState, PartnerStatus } from "../shared/messages";
import { TOGGLE_MESSAGE } from "./toggle-messages";
import type { ToggleResult } from "../shared/shortlist";
import type { SinceLastVisit } from "../snapshots/diff";
import { sinceLine } from "../snapshots/format";
import { BADGE_CSS } from "./badge-style";
import { criterionList } from "./criterion-row";
import { profileByNode } from "./profile-text";
import { coverageText, headlineText, profileText, statusText, type RulesTexts } from "./rules-text";
import { statusIcon } from "./status-icon";
import type { Msg } from "./strings";
import { el } from "./dom";

import { BADGE_TAG } from "./tags";

export { BADGE_TAG };

export interface BadgeView {
  state: BadgeState;
  report: Report | null;
  partner: PartnerStatus;
  compare: ToggleResult | null;
  /** On the comparison shortlist: the compare control then offers "remove". */
  listed?: boolean;
  /** Changes since the buyer's previous visit: one line under the headline. */
  since?: SinceLastVisit | null;
}

export interface BadgeDeps {
  rules: RulesTexts;
  lang: Lang;
  msg: Msg;
  onCompare: () => void;
}

const PARTNER_KEY: Record<PartnerStatus, string> = { pending: "partnerPending", ok: "partnerOk", unavailable: "partnerUnavailable" };

export function createBadgeHost(doc: Document, size: "full" | "mini" = "full"): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  if (size === "mini") host.dataset.size = "mini";
  host.dataset.state = "loading";
  host.attachShadow({ mode: "open" });
  return host;
}

export function setHostAttributes(host: HTMLElement, state: BadgeState, report: Report | null): void {
  host.dataset.state = state;
  if (report && report.score !== null) host.dataset.score = String(Math.round(report.score));
  else delete host.dataset.score;
  if (report) host.dataset.coverage = report.coverage.toFixed(2);
  else delete host.dataset.coverage;
}


function summary(doc: Document, view: BadgeView, deps: BadgeDeps): HTMLElement {
  const box = doc.createElement("div");
  box.className = "mp-summary";
  const report = view.report;
  const status = report?.headline.status ?? "unknown";
  box.append(statusIcon(doc, status), el(doc, "span", "mp-name", deps.msg("badgeName")));
  if (!report) {
    box.append(el(doc, "span", "mp-status-word", deps.msg(view.state === "error" ? "badgeError" : "badgeLoading")));
    return box;
  }
  const score = report.score === null ? deps.msg("scoreNone") : deps.msg("scoreValue", { score: Math.round(report.score) });
  box.append(el(doc, "span", "mp-score", score));
  box.append(el(doc, "span", "mp-status-word", statusText(deps.rules, status, deps.lang)));
  box.append(el(doc, "span", "mp-coverage", coverageText(deps.rules, report, deps.lang)));
  const profile = profileText(report, deps.lang);
  if (profile !== null) box.append(el(doc, "span", "mp-profile", profile));
  const by = profileByNode(doc, report, deps.msg, "mp-profile-by"); // who chose it: the kind, you, or the default
  if (by) box.append(by);
  return box;
}

function actions(doc: Document, view: BadgeView, deps: BadgeDeps, expanded: boolean): HTMLElement {
  const box = doc.createElement("div");
  box.className = "mp-actions";
  const toggle = el(doc, "button", "mp-toggle", deps.msg(expanded ? "detailsHide" : "detailsShow"));
  toggle.setAttribute("type", "button");
  toggle.setAttribute("aria-expanded", String(expanded));
  toggle.setAttribute("aria-controls", "mp-details");
  const compare = el(doc, "button", "mp-compare", deps.msg(view.listed ? "compareRemove" : "compareAdd"));
  compare.setAttribute("type", "button");
  compare.dataset.action = view.listed ? "compare-remove" : "compare-add";
  compare.addEventListener("click", deps.onCompare);
  const status = el(doc, "span", "mp-compare-status", view.compare ? deps.msg(TOGGLE_MESSAGE[view.compare]) : "");
  status.setAttribute("role", "status");
  box.append(toggle, compare, status);
  return box;
}

function details(doc: Document, report: Report, deps: BadgeDeps, expanded: boolean): HTMLElement {
  const box = doc.createElement("div");
  box.id = "mp-details";
  box.className = "mp-details";
  box.hidden = !expanded;
  box.append(el(doc, "p", "mp-hint", deps.msg("colourHint")));
  box.append(criterionList(doc, report.criteria, { rules: deps.rules, lang: deps.lang, msg: deps.msg }, false));
  return box;
}

function wireToggle(root: ShadowRoot, deps: BadgeDeps): void {
  const toggle = root.querySelector<HTMLButtonElement>(".mp-toggle");
  const panel = root.getElementById("mp-details");
  if (!toggle || !panel) return;
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = deps.msg(open ? "detailsHide" : "detailsShow");
    panel.hidden = !open;
  });
}

/** Re-renders the whole shadow tree, keeping the expanded state and the focused control. */
export function renderBadge(host: HTMLElement, view: BadgeView, deps: BadgeDeps): void {
  const root = host.shadowRoot;
  if (!root) return;
  const doc = host.ownerDocument;
  const expanded = root.querySelector(".mp-toggle")?.getAttribute("aria-expanded") === "true";
  const focused = (root.activeElement as HTMLElement | null)?.className ?? null;
  const status = view.report?.headline.status ?? "unknown";
  const section = doc.createElement("section");
  section.className = "mp-badge";
  section.dataset.status = status;
  section.setAttribute("aria-label", deps.msg("badgeName"));
  section.append(summary(doc, view, deps));
  if (view.report) {
    const headline = el(doc, "p", "mp-headline", headlineText(view.report, deps.lang));
    headline.dataset.key = view.report.headline.key; // which headline rule spoke (withdrawn, demo_first, ...)
    section.append(headline);
    const since = sinceLine(view.since ?? null, deps.lang, deps.msg);
    if (since) section.append(el(doc, "p", "mp-since", since));
    section.append(el(doc, "p", "mp-partner", deps.msg(PARTNER_KEY[view.partner])));
    section.append(actions(doc, view, deps, expanded), details(doc, view.report, deps, expanded));
  }
  const style = doc.createElement("style");
  style.textContent = BADGE_CSS;
  root.replaceChildren(style, section);
  setHostAttributes(host, view.state, view.report);
  wireToggle(root, deps);
  if (focused) root.querySelector<HTMLElement>(`.${focused.split(" ")[0]}`)?.focus();
}
