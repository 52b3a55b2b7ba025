// Where badges go. The solution title is the page's <h1> (the only heading the Marketplace
// templates agree on, DOM.md §3); the card name is inside the card's solution link.
const CONTENT_ROOTS = ["#bx-all-page-content", ".workarea", "main", "body"];

export function contentRoot(doc: Document): Element | null {
  for (const sel of CONTENT_ROOTS) {
    const found = doc.querySelector(sel);
    if (found) return found;
  }
  return null;
}

export function placeFullBadge(doc: Document, host: HTMLElement): void {
  const title = contentRoot(doc)?.querySelector("h1") ?? doc.querySelector("h1");
  if (title?.parentNode) {
    title.after(host);
    return;
  }
  // "markup changed": still show the badge, at the top of the content.
  const root = contentRoot(doc) ?? doc.body;
  root?.prepend(host);
}

/**
 * Right after the card's solution link (outside it, so the badge does not become part of the
 * link's accessible name or its click target), else at the end of the card.
 */
export function placeMiniBadge(card: Element, host: HTMLElement): void {
  const link = card.matches('a[href*="/solutions/"]') ? null : card.querySelector('a[href*="/solutions/"]');
  if (link) link.after(host);
  else card.append(host);
}
