// «Work the list» (issue 11 point 3): a small control above the catalog list to sort the cards by
// mpcheck's verdict and hide pseudo-demos and withdrawn solutions. Client-side and reversible:
// cards are only moved among their own slots and hidden with an inline style we remove again;
// «как на странице» puts back the order they were first seen in. Re-runs after in-place paging
// (the MutationObserver) call `refresh` again: it is idempotent — a list already in the wanted
// order and visibility is not touched, so our own moves cannot feed the observer forever.
import { verdictOrder, type CardVerdict } from "../ui/card-verdict";
import type { Msg } from "../ui/strings";

import { LIST_TAG } from "../ui/tags";

export { LIST_TAG };
const HIDDEN_MARK = "data-mpcheck-hidden";

export interface ListEntry { element: Element; verdict: CardVerdict | null }
export interface ListChoice { sort: "page" | "verdict"; hidePseudo: boolean; hideWithdrawn: boolean }

// The buyer's choice lives as long as the page: in-place paging keeps it, a reload starts clean.
const choice: ListChoice = { sort: "page", hidePseudo: false, hideWithdrawn: false };
const firstSeen = new WeakMap<Element, number>();
let seen = 0;
let moved = false; // until the buyer sorts, the page order stands and is not recomputed

const CSS = `
:host { all: initial; display: block; margin: 0 0 8px; font: 13px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1c1f24; }
.mp-list { display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; padding: 4px 8px; border: 1px solid #0b3d91; border-radius: 4px; background: #f4f7fc; }
.mp-list-title { font-weight: 700; }
select, input { font: inherit; }
:focus-visible { outline: 3px solid #1a73e8; outline-offset: 1px; }
`;

function hides(verdict: CardVerdict | null): boolean {
  return (choice.hidePseudo && verdict?.signal === "pseudo_demo") || (choice.hideWithdrawn && verdict?.signal === "withdrawn");
}

function setHidden(el: Element, hidden: boolean): void {
  if (!(el instanceof HTMLElement) || hidden === el.hasAttribute(HIDDEN_MARK)) return;
  if (hidden) {
    el.setAttribute(HIDDEN_MARK, "");
    el.style.setProperty("display", "none", "important"); // the site's own CSS may set display on cards
  } else {
    el.removeAttribute(HIDDEN_MARK);
    el.style.removeProperty("display");
  }
}

/** Puts `wanted` into the slots `current` occupies (other nodes between cards stay where they are). */
function reorder(current: Element[], wanted: Element[]): boolean {
  if (current.every((el, i) => el === wanted[i])) return false;
  const doc = current[0]?.ownerDocument;
  if (!doc) return false;
  const slots = current.map((el) => {
    const slot = doc.createComment("mpcheck-slot");
    el.replaceWith(slot);
    return slot;
  });
  slots.forEach((slot, i) => slot.replaceWith(wanted[i] as Element));
  return true;
}

export function applyChoice(entries: ListEntry[]): number {
  for (const { element } of entries) if (!firstSeen.has(element)) firstSeen.set(element, seen++);
  if (choice.sort === "verdict" || moved) sortGroups(entries);
  let hidden = 0;
  for (const { element, verdict } of entries) {
    const hide = hides(verdict);
    setHidden(element, hide);
    if (hide) hidden++;
  }
  return hidden;
}

// A card still being read has no verdict yet: it sorts as unknown (after good and warn, before bad),
// never by page order against a card that has one — that would make the comparison non-transitive
// (bad < unread < good by page, good < bad by verdict) and the order arbitrary.
const STILL_READING: CardVerdict = { status: "unknown", score: null, signal: null, note: "", reason: "", label: "" };

function sortGroups(entries: ListEntry[]): void {
  const byParent = new Map<Node, ListEntry[]>();
  for (const entry of entries) {
    const parent = entry.element.parentNode;
    if (!parent) continue;
    byParent.set(parent, [...(byParent.get(parent) ?? []), entry]);
  }
  for (const group of byParent.values()) {
    const current = [...group].sort((a, b) =>
      a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    const page = (a: ListEntry, b: ListEntry) => (firstSeen.get(a.element) ?? 0) - (firstSeen.get(b.element) ?? 0);
    const wanted = [...group].sort((a, b) =>
      choice.sort === "verdict" ? verdictOrder(a.verdict ?? STILL_READING, b.verdict ?? STILL_READING) || page(a, b) : page(a, b),
    );
    if (reorder(current.map((e) => e.element), wanted.map((e) => e.element))) moved = choice.sort === "verdict";
  }
}

function checkbox(doc: Document, text: string, checked: boolean, onChange: (on: boolean) => void): HTMLLabelElement {
  const label = doc.createElement("label");
  const input = doc.createElement("input");
  input.type = "checkbox";
  input.checked = checked;
  input.addEventListener("change", () => onChange(input.checked));
  label.append(input, doc.createTextNode(` ${text}`));
  return label;
}

function build(doc: Document, msg: Msg, refresh: () => void): HTMLElement {
  const host = doc.createElement(LIST_TAG);
  const root = host.attachShadow({ mode: "open" });
  const style = doc.createElement("style");
  style.textContent = CSS;
  const box = doc.createElement("div");
  box.className = "mp-list";
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", msg("listControl"));
  const title = doc.createElement("span");
  title.className = "mp-list-title";
  title.textContent = "mpcheck";
  const sortLabel = doc.createElement("label");
  const select = doc.createElement("select");
  select.dataset.action = "list-sort";
  for (const [value, key] of [["page", "listSortPage"], ["verdict", "listSortVerdict"]] as const) {
    const option = doc.createElement("option");
    option.value = value;
    option.textContent = msg(key);
    option.selected = choice.sort === value;
    select.append(option);
  }
  select.addEventListener("change", () => {
    choice.sort = select.value === "verdict" ? "verdict" : "page";
    refresh();
  });
  sortLabel.append(doc.createTextNode(`${msg("listSort")}: `), select);
  const pseudo = checkbox(doc, msg("listHidePseudo"), choice.hidePseudo, (on) => {
    choice.hidePseudo = on;
    refresh();
  });
  pseudo.querySelector("input")?.setAttribute("data-action", "list-hide-pseudo");
  const withdrawn = checkbox(doc, msg("listHideWithdrawn"), choice.hideWithdrawn, (on) => {
    choice.hideWithdrawn = on;
    refresh();
  });
  withdrawn.querySelector("input")?.setAttribute("data-action", "list-hide-withdrawn");
  const status = doc.createElement("span");
  status.className = "mp-list-status";
  status.setAttribute("role", "status");
  box.append(title, sortLabel, pseudo, withdrawn, status);
  root.append(style, box);
  return host;
}

/** One control per page, above the first list container; `entries` gives the current cards. */
export function listControl(doc: Document, msg: Msg, entries: () => ListEntry[]): { refresh: () => void } {
  let host: HTMLElement | null = null;
  const refresh = () => {
    const live = entries().filter((e) => e.element.isConnected);
    const container = live[0]?.element.parentElement;
    if (!container) return;
    if (!host) host = build(doc, msg, refresh);
    if (!host.isConnected) container.before(host);
    const hidden = applyChoice(live);
    const status = host.shadowRoot?.querySelector(".mp-list-status");
    const text = hidden > 0 ? msg("listHidden", { n: hidden }) : "";
    if (status && status.textContent !== text) status.textContent = text;
  };
  return { refresh };
}
