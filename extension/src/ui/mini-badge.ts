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

// The catalog paints each card two or three times ("?", local score, server score): the toggle and
// the <style> are built once per card and only updated after, so the compare control costs the
// 50-card page about nothing after its first paint (bench/extension_bench.py, "render").
const toggles = new WeakMap<HTMLButtonElement, () => void>();
const shown = new WeakMap<HTMLButtonElement, string>(); // what the button currently says

function compareButton(doc: Document): HTMLButtonElement {
  const button = doc.createElement("button");
  button.type = "button";
  button.className = "mp-mini-compare";
  button.addEventListener("click", (event) => {
    event.preventDefault(); // the card may sit inside a link
    event.stopPropagation();
    toggles.get(button)?.();
  });
  return button;
}

function updateButton(button: HTMLButtonElement, compare: MiniCompare, msg: Msg): void {
  toggles.set(button, compare.onToggle);
  const action = compare.listed ? "compare-remove" : "compare-add";
  const key = `${action}|${compare.name}|${compare.message ?? ""}`;
  if (shown.get(button) === key) return;
  shown.set(button, key);
  button.dataset.action = action;
  button.textContent = compare.listed ? "✓" : "+";
  const label = msg(compare.listed ? "compareCardRemove" : "compareCardAdd", { name: compare.name });
  button.setAttribute("aria-label", compare.message ? `${label}. ${compare.message}` : label);
  button.title = compare.message ?? label;
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
  const old = root.querySelector(".mp-mini");
  const button = root.querySelector<HTMLButtonElement>(".mp-mini-compare");
  if (old && (button !== null) === (compare !== undefined)) {
    old.replaceWith(box); // style and toggle stay: only the score changed
    if (button && compare) updateButton(button, compare, deps.msg);
  } else {
    const style = doc.createElement("style");
    style.textContent = compare ? MINI_CSS + COMPARE_CSS : MINI_CSS;
    if (compare) {
      const wrap = doc.createElement("span");
      wrap.className = "mp-mini-wrap";
      const fresh = compareButton(doc);
      updateButton(fresh, compare, deps.msg);
      wrap.append(box, fresh);
      root.replaceChildren(style, wrap);
    } else {
      root.replaceChildren(style, box);
    }
  }
  setHostAttributes(host, state, report);
}
