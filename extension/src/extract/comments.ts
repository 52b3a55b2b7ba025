// Comments (Обсуждения): the stated total and the top-level messages (backend/mpcheck/extract/comments.py).
// A comment item is a top-level message; the partner's replies — nested, or flat messages addressed
// «Имя, …» (the Bitrix Answer() prefill) or linked by data-parent — mark their target answered
// and are not items themselves. Shared helpers: feedback.ts.
import type { Page } from "./context";
import { findDates } from "./dates";
import { inlineText } from "./dom";
import { hasPager, marks, newestFirst, stated } from "./feedback";
import type { Listing } from "./items";
import { TABLE } from "./label_table";
import { fold, stripChars } from "./text";

export interface Comment { date: string; answered: boolean }

interface Message {
  el: Element;
  date: string | null;
  author: string;
  byPartner: boolean;
  to: string | null;
  answered: boolean;
}

/** Date, author, whether the partner wrote it, whom it addresses, nested partner answers. */
function message(listing: Listing, item: Element, partner: string, badges: Map<Element, Element[]>): Message {
  const text = inlineText(item);
  const dates = findDates(text);
  const firstAt = dates[0]?.[0];
  const author = firstAt !== undefined ? stripChars(text.slice(0, firstAt).trim(), " ,:—-") : "";
  const me = fold(partner).toLowerCase();
  const byPartner = (Boolean(partner) && fold(author).toLowerCase().startsWith(me)) || (badges.has(item) && Boolean(author));
  const after = (firstAt !== undefined ? text.slice(firstAt) : text).replace(/^[0-9.: ]+/, "");
  const m = TABLE.search(after, "comments", "addressed");
  let nested = false;
  for (const [pos] of dates.slice(1)) { // a later dated block signed by the partner is a nested answer
    if (partner && fold(text.slice(Math.max(0, pos - 40), pos)).toLowerCase().includes(me)) nested = true;
  }
  return {
    el: item,
    date: listing.dates.get(item) ?? null,
    author: fold(author).toLowerCase(),
    byPartner,
    to: m && byPartner ? fold(m[1]).toLowerCase() : null,
    answered: nested,
  };
}

function target(msgs: Message[], reply: Message): Message | null {
  const parentId = reply.el.getAttribute("data-parent");
  if (parentId) {
    for (const msg of msgs) if (parentId === msg.el.getAttribute("data-id") || parentId === msg.el.getAttribute("id")) return msg;
  }
  if (!reply.to) return null;
  const to = reply.to;
  const mine = msgs.filter((m) => !m.byPartner && m.author.startsWith(to));
  const before = mine.filter((m) => m.date && reply.date && m.date <= reply.date);
  const pool = before.length ? before : mine;
  let best: Message | null = null;
  for (const m of pool) if (!best || (m.date ?? "") > (best.date ?? "")) best = m; // first maximum, like max()
  return best;
}

/** {total, items[{date, answered}]} from the «Обсуждения» tab. */
export function comments(page: Page, partner: string | null): { total: number | null; items: Comment[] } {
  const listing = page.listings.get("comments");
  let msgs: Message[] = [];
  if (listing) {
    const badges = marks(listing, ["comments", "developer_badge"]);
    const answers = marks(listing, ["reviews", "answer_titles"]);
    msgs = listing.items.map((item) => message(listing, item, partner ?? "", badges));
    for (const msg of msgs) msg.answered = msg.answered || answers.has(msg.el);
    page.found_by.comments = "tab-body";
  }
  const tops: Message[] = [];
  for (const msg of msgs) {
    const to = msg.byPartner ? target(msgs, msg) : null;
    if (to) to.answered = true;
    else tops.push(msg);
  }
  const items = tops.filter((m) => m.date).map((m) => ({ date: m.date as string, answered: m.answered }));
  let total = stated(page, "comments", "comments", listing, false);
  if (total === null && listing && !hasPager(listing.body)) total = msgs.length;
  return { total, items: newestFirst(items) };
}
