// Which solution cards are the list's (issue 11 point 1): the listing extractor finds every block
// that links one solution, and a page also links solutions from banners, promo blocks, menus and
// footers. The list is what repeats: cards that share a parent and a tag+class signature with at
// least one sibling card, of the signature the most cards have (in-place paging may add a second
// container of the same cards). Site chrome (header, footer, nav, aside, menus) never counts.
// Structural only: no Marketplace class name is assumed.
const CHROME = "header, footer, nav, aside, [role='navigation'], [role='banner'], [role='contentinfo'], [role='menu'], [role='menubar']";

function signature(el: Element): string {
  return `${el.tagName}|${[...el.classList].sort().join(" ")}`;
}

export function listCards<T extends { element: Element }>(cards: T[]): T[] {
  const inside = cards.filter((card) => !card.element.closest(CHROME));
  const groups = new Map<Element | null, Map<string, T[]>>();
  for (const card of inside) {
    const bySignature = groups.get(card.element.parentElement) ?? new Map<string, T[]>();
    groups.set(card.element.parentElement, bySignature);
    const key = signature(card.element);
    bySignature.set(key, [...(bySignature.get(key) ?? []), card]);
  }
  const repeated = [...groups.values()].flatMap((bySignature) => [...bySignature.entries()]).filter(([, g]) => g.length >= 2);
  if (repeated.length === 0) return inside.length === 1 ? inside : []; // a search with one result
  const counts = new Map<string, number>();
  for (const [key, group] of repeated) counts.set(key, (counts.get(key) ?? 0) + group.length);
  const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const keep = new Set(repeated.filter(([key]) => key === main).flatMap(([, group]) => group));
  return inside.filter((card) => keep.has(card)); // page order
}
