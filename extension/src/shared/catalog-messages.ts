// Popup <-> content script on a catalog or search page: the popup asks for the page's cards and
// their verdicts (what the mini-badges show). Validated on both sides like every message.
import type { FactsView, Report, Status } from "./contracts";
import { isFacts, isObject, isReport } from "./guards";
import { MAX_BATCH } from "./messages";

export const CARDS_GET = "cards-get";

export interface CardSummary {
  code: string;
  name: string;
  status: Status;
  score: number | null;
  /** The short reason the mini-badge shows. */
  reason: string;
  facts: FactsView;
  report: Report | null;
}

export interface CardsReply { kind: "cards"; ready: boolean; cards: CardSummary[] }

const STATUSES = ["good", "warn", "bad", "unknown", "not_applicable"];
const CODE = /^[a-z0-9_]+\.[a-z0-9_]+$/;

export function isCardsRequest(msg: unknown): boolean {
  return isObject(msg) && msg.kind === CARDS_GET;
}

function parseCard(v: unknown): CardSummary | null {
  if (!isObject(v) || typeof v.code !== "string" || !CODE.test(v.code)) return null;
  if (typeof v.name !== "string" || typeof v.reason !== "string") return null;
  if (typeof v.status !== "string" || !STATUSES.includes(v.status)) return null;
  if (!(v.score === null || (typeof v.score === "number" && Number.isFinite(v.score)))) return null;
  if (!isFacts(v.facts) || !(v.report === null || isReport(v.report))) return null;
  return {
    code: v.code, name: v.name.slice(0, 300), status: v.status as Status, score: v.score, reason: v.reason.slice(0, 300),
    facts: v.facts, report: v.report,
  };
}

export function parseCardsReply(msg: unknown): CardsReply | null {
  if (!isObject(msg) || msg.kind !== "cards" || typeof msg.ready !== "boolean" || !Array.isArray(msg.cards)) return null;
  if (msg.cards.length > MAX_BATCH * 10) return null;
  const cards = msg.cards.map(parseCard);
  return cards.every((c): c is CardSummary => c !== null) ? { kind: "cards", ready: msg.ready, cards } : null;
}
