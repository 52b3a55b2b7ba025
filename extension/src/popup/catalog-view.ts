// The popup on a catalog or search page (issue 11 point 4): the page's cards with the verdicts
// their mini-badges show, each with its add-to-comparison toggle. The content script of a listing
// page answers `cards-get` (listing-page.ts); any other page does not, and the popup goes on
// with its solution view (or says what to open). DOM APIs only.
import { ext } from "../shared/browser-api";
import { CARDS_GET, parseCardsReply, type CardSummary, type CardsReply } from "../shared/catalog-messages";
import type { Lang } from "../shared/contracts";
import { toggleCompare } from "../shared/compare-toggle";
import { loadShortlist } from "../shared/shortlist";
import { el } from "../ui/dom";
import { statusText, type RulesTexts } from "../ui/rules-text";
import { statusIcon } from "../ui/status-icon";
import type { Msg } from "../ui/strings";

const POLL_MS = 250;
const POLL_LIMIT = 40; // the backend's batch may take its 2 s timeout; the list fills in meanwhile

const CATALOG_CSS = `
.mp-cards { list-style: none; margin: 8px 0 0; padding: 0; }
.mp-card { display: flex; gap: 8px; align-items: center; border-top: 1px solid var(--mp-line); padding: 6px 0; }
.mp-card-main { flex: 1; min-width: 0; }
.mp-card-name { font-weight: 600; display: block; }
.mp-card-reason { color: var(--mp-muted); font-size: 12px; }
.mp-card-verdict { min-width: 5.5em; color: var(--mp-fg); font-weight: 700; }
`;

export interface CatalogDeps { rules: RulesTexts; lang: Lang; msg: Msg; today: string }

async function askCards(tabId: number): Promise<CardsReply | null> {
  try {
    return parseCardsReply(await ext().tabs.sendMessage(tabId, { kind: CARDS_GET }));
  } catch {
    return null; // not a listing page (or no content script at all)
  }
}

function cardRow(doc: Document, card: CardSummary, listed: boolean, deps: CatalogDeps, onToggle: () => void): HTMLElement {
  const row = el(doc, "li", "mp-card");
  row.dataset.code = card.code;
  row.dataset.status = card.status;
  if (card.score !== null) row.dataset.score = String(card.score);
  const verdict = el(doc, "span", "mp-card-verdict", card.score !== null ? String(card.score) : statusText(deps.rules, card.status, deps.lang));
  verdict.dataset.status = card.status;
  verdict.prepend(statusIcon(doc, card.status), doc.createTextNode(" "));
  const main = el(doc, "span", "mp-card-main");
  main.append(el(doc, "span", "mp-card-name", card.name), el(doc, "span", "mp-card-reason", card.reason));
  const button = el(doc, "button", "mp-compare", listed ? "✓" : "+");
  button.type = "button";
  button.id = `mp-card-${card.code}`; // keepingFocus finds it again after a repaint
  button.dataset.action = listed ? "compare-remove" : "compare-add";
  button.setAttribute("aria-label", deps.msg(listed ? "compareCardRemove" : "compareCardAdd", { name: card.name }));
  button.addEventListener("click", onToggle);
  row.append(verdict, main, button);
  return row;
}

function render(root: HTMLElement, reply: CardsReply, listed: Set<string>, deps: CatalogDeps, onToggle: (card: CardSummary) => void, note: string): void {
  const doc = root.ownerDocument;
  root.dataset.state = reply.ready ? "catalog" : "catalog-loading";
  const nodes: Node[] = [el(doc, "h1", "mp-title", deps.msg("popupTitle")), el(doc, "h2", "mp-catalog-title", deps.msg("popupCatalogTitle"))];
  if (reply.cards.length === 0) nodes.push(el(doc, "p", "mp-muted", deps.msg("popupCatalogEmpty")));
  const list = el(doc, "ul", "mp-cards");
  for (const card of reply.cards) list.append(cardRow(doc, card, listed.has(card.code), deps, () => onToggle(card)));
  const status = el(doc, "p", "mp-compare-status", note);
  status.setAttribute("role", "status");
  nodes.push(list, status);
  const focused = doc.activeElement instanceof HTMLElement ? doc.activeElement.id : "";
  root.replaceChildren(...nodes);
  if (focused) doc.getElementById(focused)?.focus();
}

/** Shows the catalog view when the tab is a listing page; false for any other page. */
export async function showCatalog(root: HTMLElement, tabId: number, deps: CatalogDeps): Promise<boolean> {
  let reply = await askCards(tabId);
  if (!reply) return false;
  const style = root.ownerDocument.createElement("style");
  style.textContent = CATALOG_CSS;
  root.ownerDocument.head.append(style);
  const listed = new Set((await loadShortlist()).map((item) => item.code));
  let note = "";
  const paint = (current: CardsReply) => render(root, current, listed, deps, toggle, note);
  const toggle = (card: CardSummary) => {
    void toggleCompare(card.facts, card.report, deps.today, card.code).then((toggled) => {
      if (toggled.listed) listed.add(card.code);
      else if (toggled.result === "removed") listed.delete(card.code);
      note = `${card.name}: ${deps.msg(toggled.message)}`;
      if (reply) paint(reply);
    });
  };
  paint(reply);
  for (let i = 0; i < POLL_LIMIT && !reply.ready; i++) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    reply = (await askCards(tabId)) ?? reply;
    paint(reply);
  }
  return true;
}
