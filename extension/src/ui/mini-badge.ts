// Catalog/search card badge: fixed size (see badge-style.ts :host([data-size=mini])) so changing
// from "?" to a score never moves the Marketplace's own content. Next to the score sits the
// card's compare toggle (data-action compare-add / compare-remove), inside the same fixed box.
import type { Lang, Report } from "../shared/contracts";
import type { BadgeState } from "../shared/messages";
import { MINI_CSS } from "./badge-style";
import { setHostAttributes } from "./badge";
import { coverageText, type RulesTexts } from "./rules-text";
import { scoreStatus, statusIcon } from "./status-icon";
import type { Msg } from "./strings";

export interface MiniCompare {
  listed: boolean;
  /** The solution's name, for the button's accessible name. */
  name: string;
  /** The last toggle's outcome (e.g. "the comparison is full"), shown as the tooltip. */
  message: string | null;
  onToggle: () => void;
}

// Widens the fixed box for the toggle; still a constant size whatever the state.
const COMPARE_CSS = `
:host { width: 7.2em; }
.mp-mini-wrap { display: flex; gap: 0.2em; width: 100%; height: 100%; }
.mp-mini { width: 5.2em; flex: none; }
.mp-mini-compare { flex: 1; min-width: 0; height: 100%; padding: 0; border: 1px solid #0b3d91; border-radius: 4px; background: #fff; color: #0b3d91; font: inherit; cursor: pointer; }
.mp-mini-compare[data-action="compare-remove"] { background: #0b3d91; color: #fff; }
.mp-mini-compare:focus-visible { outline: 3px solid var(--mp-focus); outline-offset: 1px; }
`;

function compareButton(doc: Document, compare: MiniCompare, msg: Msg): HTMLButtonElement {
  const button = doc.createElement("button");
  button.type = "button";
  button.className = "mp-mini-compare";
  button.dataset.action = compare.listed ? "compare-remove" : "compare-add";
  button.textContent = compare.listed ? "✓" : "+";
  const label = msg(compare.listed ? "compareCardRemove" : "compareCardAdd", { name: compare.name });
  button.setAttribute("aria-label", compare.message ? `${label}. ${compare.message}` : label);
  button.title = compare.message ?? label;
  button.addEventListener("click", (event) => {
    event.preventDefault(); // the card may sit inside a link
    event.stopPropagation();
    compare.onToggle();
  });
  return button;
}

export function renderMiniBadge(
  host: HTMLElement,
  state: BadgeState,
  report: Report | null,
  deps: { rules: RulesTexts; lang: Lang; msg: Msg },
  compare?: MiniCompare,
): void {
  const root = host.shadowRoot;
  if (!root) return;
  const doc = host.ownerDocument;
  const hadFocus = root.activeElement?.classList.contains("mp-mini-compare") ?? false;
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
  style.textContent = compare ? MINI_CSS + COMPARE_CSS : MINI_CSS;
  if (compare) {
    const wrap = doc.createElement("span");
    wrap.className = "mp-mini-wrap";
    wrap.append(box, compareButton(doc, compare, deps.msg));
    root.replaceChildren(style, wrap);
  } else {
    root.replaceChildren(style, box);
  }
  setHostAttributes(host, state, report);
  if (hadFocus) root.querySelector<HTMLElement>(".mp-mini-compare")?.focus(); // keyboard users keep their place
}
