// Catalog/search card badge: fixed size (see badge-style.ts :host([data-size=mini])) so changing
// from "?" to a score never moves the Marketplace's own content.
import type { Lang, Report } from "../shared/contracts";
import type { BadgeState } from "../shared/messages";
import { MINI_CSS } from "./badge-style";
import { setHostAttributes } from "./badge";
import { coverageText, type RulesTexts } from "./rules-text";
import { scoreStatus, statusIcon } from "./status-icon";
import type { Msg } from "./strings";

export function renderMiniBadge(
  host: HTMLElement,
  state: BadgeState,
  report: Report | null,
  deps: { rules: RulesTexts; lang: Lang; msg: Msg },
): void {
  const root = host.shadowRoot;
  if (!root) return;
  const doc = host.ownerDocument;
  const score = report?.score ?? null;
  const status = report ? scoreStatus(score, report.headline.status) : "unknown";
  const box = doc.createElement("span");
  box.className = "mp-mini";
  box.dataset.status = status;
  box.setAttribute("role", "img");
  const label =
    report && score !== null
      ? deps.msg("miniLabel", { score: Math.round(score), coverage: coverageText(deps.rules, report, deps.lang) })
      : deps.msg("miniUnknown");
  box.setAttribute("aria-label", label);
  box.title = label;
  const value = doc.createElement("span");
  value.className = "mp-mini-value";
  value.textContent = score === null ? "?" : String(Math.round(score));
  // No score: the "?" alone says it; a score gets its status icon (colour is never alone).
  if (score === null) box.append(value);
  else box.append(statusIcon(doc, status), value);
  const style = doc.createElement("style");
  style.textContent = MINI_CSS;
  root.replaceChildren(style, box);
  setHostAttributes(host, state, report);
}
