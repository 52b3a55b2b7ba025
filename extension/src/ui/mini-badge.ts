// Catalog/search card badge: a fixed-size box (so a change from "reading" to a verdict never moves
// the Marketplace's own content) with two lines: the score or the verdict word, and a short reason
// (card-verdict.ts). Its accessible name says everything; it is focusable so keyboard users reach
// it. Next to it sits the card's compare toggle (data-action compare-add / compare-remove).
import type { FactsView, Report } from "../shared/contracts";
import type { BadgeState } from "../shared/messages";
import { MINI_CSS } from "./badge-style";
import { setHostAttributes } from "./badge";
import { cardVerdict, type CardVerdict, type VerdictDeps } from "./card-verdict";
import { statusText } from "./rules-text";
import { statusIcon } from "./status-icon";

export interface MiniCompare {
  listed: boolean;
  /** The solution's name, for the button's accessible name. */
  name: string;
  /** The last toggle's outcome (e.g. "the comparison is full"), shown as the tooltip. */
  message: string | null;
  onToggle: () => void;
}

const NO_FACTS: FactsView = { schema: "mpcheck.facts/1", page_type: "solution", url: "", code: null, name: null, partner: null };

// The whole box is one constant size whatever it says; the reason line is cut with an ellipsis
// (its full text is the accessible name and the tooltip).
const VERDICT_CSS = `
:host { width: 24em; height: 3.2em; line-height: 1.4em; }
.mp-mini-wrap { display: flex; gap: 0.2em; width: 100%; height: 100%; }
.mp-mini { flex-direction: column; align-items: stretch; justify-content: center; gap: 0; padding: 0 0.4em; min-width: 0; flex: 1; }
.mp-mini-head { display: flex; align-items: center; gap: 3px; overflow: hidden; }
.mp-mini-note { font-weight: 400; overflow: hidden; text-overflow: ellipsis; }
.mp-mini-reason { font-weight: 400; font-size: 11px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.mp-mini:focus-visible { outline: 3px solid var(--mp-focus); outline-offset: 1px; }
.mp-mini-compare { width: 2.2em; flex: none; height: 100%; padding: 0; border: 1px solid #0b3d91; border-radius: 4px; background: #fff; color: #0b3d91; font: inherit; cursor: pointer; }
.mp-mini-compare[data-action="compare-remove"] { background: #0b3d91; color: #fff; }
.mp-mini-compare:focus-visible { outline: 3px solid var(--mp-focus); outline-offset: 1px; }
`;

// The catalog paints each card two or three times (reading, local verdict, stored-facts score):
// the toggle and the <style> are built once per card and only updated after, so the compare
// control costs the 50-card page about nothing after its first paint (bench/extension_bench.py).
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

function updateButton(button: HTMLButtonElement, compare: MiniCompare, msg: VerdictDeps["msg"]): void {
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

function verdictBox(doc: Document, verdict: CardVerdict | null, deps: VerdictDeps): HTMLElement {
  const box = doc.createElement("span");
  box.className = "mp-mini";
  box.tabIndex = 0;
  box.setAttribute("role", "img");
  const status = verdict?.status ?? "unknown";
  box.dataset.status = status;
  const label = verdict?.label ?? deps.msg("miniLoading");
  box.setAttribute("aria-label", label);
  box.title = label;
  const head = doc.createElement("span");
  head.className = "mp-mini-head";
  const value = doc.createElement("span");
  value.className = "mp-mini-value";
  // a score, else the verdict's word («плохо», «хорошо», «нет данных»): never a bare «?»
  value.textContent = verdict === null ? "…" : verdict.score !== null ? String(verdict.score) : statusText(deps.rules, status, deps.lang);
  head.append(statusIcon(doc, status), value);
  if (verdict?.note) {
    const note = doc.createElement("span");
    note.className = "mp-mini-note";
    note.textContent = `· ${verdict.note}`;
    head.append(note);
  }
  const reason = doc.createElement("span");
  reason.className = "mp-mini-reason";
  reason.textContent = verdict?.reason ?? "";
  box.append(head, reason);
  return box;
}

/**
 * `verdict`: what the card's facts and report come to (card-verdict.ts); left out, it is read
 * from the report alone. No verdict and no report: the card is still being read.
 */
export function renderMiniBadge(
  host: HTMLElement,
  state: BadgeState,
  report: Report | null,
  deps: VerdictDeps,
  compare?: MiniCompare,
  given?: CardVerdict | null,
): void {
  const root = host.shadowRoot;
  if (!root) return;
  const doc = host.ownerDocument;
  const verdict = given !== undefined ? given : report ? cardVerdict(report, NO_FACTS, null, deps) : null;
  const box = verdictBox(doc, verdict, deps);
  const old = root.querySelector(".mp-mini");
  const button = root.querySelector<HTMLButtonElement>(".mp-mini-compare");
  if (old && (button !== null) === (compare !== undefined)) {
    const focused = root.activeElement === old;
    old.replaceWith(box); // style and toggle stay: only the verdict changed
    if (focused) box.focus(); // a keyboard user on the badge stays on it when the score arrives
    if (button && compare) updateButton(button, compare, deps.msg);
  } else {
    const style = doc.createElement("style");
    style.textContent = MINI_CSS + VERDICT_CSS;
    const wrap = doc.createElement("span");
    wrap.className = "mp-mini-wrap";
    wrap.append(box);
    if (compare) {
      const fresh = compareButton(doc);
      updateButton(fresh, compare, deps.msg);
      wrap.append(fresh);
    }
    root.replaceChildren(style, wrap);
  }
  setHostAttributes(host, state, report);
  host.dataset.status = verdict?.status ?? "unknown";
  if (verdict?.score != null) host.dataset.score = String(verdict.score);
  else delete host.dataset.score;
  if (verdict?.signal) host.dataset.signal = verdict.signal;
  else delete host.dataset.signal;
}
