// Colour is never the only carrier of a status (WCAG 1.4.1): every status has an icon glyph and
// a word next to it; the colour is a hint on top.
import type { Status } from "../shared/contracts";

export const STATUS_ICON: Record<Status, string> = {
  good: "✓",
  warn: "!",
  bad: "✕",
  unknown: "?",
  not_applicable: "–",
};

export function statusIcon(doc: Document, status: Status): HTMLElement {
  const icon = doc.createElement("span");
  icon.className = "mp-icon";
  icon.dataset.status = status;
  icon.setAttribute("aria-hidden", "true");
  icon.textContent = STATUS_ICON[status];
  return icon;
}

