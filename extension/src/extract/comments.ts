// Comments (Обсуждения): the stated total and the top-level messages (backend/mpcheck/extract/comments.py).
// A comment item is a top-level message. It is answered by a reply of the partner (feedback.answers):
// nested in it, or — in a flat list — a message of the partner addressed «Имя, …» (the Bitrix
// Answer() prefill), linked by data-parent, or marked as a reply right after it. Such a flat reply
// marks its target and is not an item itself. A reply by anyone else answers nothing.
import type { Page } from "./context";
import { findDates } from "./dates";
import { inlineText, matches, textWithout } from "./dom";
import { MAX_TITLE_CHARS, anchored, answers, hasPager, isPartner, labelledTotal, nameKey, newestFirst, readItems, shortFolds, showsMore, stated, undated } from "./feedback";
import { dateSearch, disclaimed, itemOf, splitListing, type Listing } from "./items";
import { TABLE } from "./label_table";
import { forumPosts, ownAddresses } from "./tabs";
import { cpLen, fold, lstripChars, norm, stripChars } from "./text";

const LEAD = " ,:—–-";
const LETTER = /\p{L}/u;

export interface Comment { date: string; answered: boolean | null }

interface Message {
  el: Element;
  date: string | null;
  author: string;
  byPartner: boolean;
  to: string | null;
  saidTo: string | null;
  reply: boolean;
  indentTo: string | null;
  answered: boolean | null;
  nested: boolean;
  parentRef: string;
}

/**
 * The text after the date that starts at `at` (its own characters cut off, and the time of day that
 * follows a form holding none: «сегодня, 09:10», comments.time_lead).
 */
function afterDate(text: string, at: number): string {
  let rest = text.slice(at);
  const m = dateSearch(fold(rest));
  if (m && m.index === 0) {
    rest = rest.slice(m[0].length);
    const time = TABLE.search(rest, "comments", "time_lead");
    if (time) rest = rest.slice(time.index + time[0].length);
  }
  return lstripChars(rest, LEAD);
}

/**
 * Items with a developer badge in their own header (up to their first date); with the partner's name
 * `me` known, not a badge any agency carries («Партнер»: its name tells).
 */
function headerBadges(listing: Listing, me: string): Set<Element> {
  const badge = anchored(["comments", "developer_badge"]);
  const shared = anchored(["comments", "shared_badge"]);
  const found = new Set<Element>();
  const folds = shortFolds(listing);
  listing.owns.forEach(([el], at) => {
    const text = folds[at];
    if (text == null || !badge(text) || (me && shared(text))) return;
    const item = itemOf(listing, el);
    if (item && at <= (listing.authorEnds.get(item) ?? -1)) found.add(item);
  });
  return found;
}

/** The item's own texts of its author slot (items.Listing.authorEnds): author, badges, the date. */
function header(listing: Listing, item: Element): string[] {
  const start = listing.starts.get(item);
  const end = listing.authorEnds.get(item);
  if (start === undefined || end === undefined) return [];
  return listing.owns.slice(start, end + 1).map(([, own]) => own).filter((own) => cpLen(own) <= MAX_TITLE_CHARS);
}

/** The author of an item that opens with its date (a forum post head): the first leaf text with a
 * letter in its author slot («#2» is the post's permalink, «Сообщений: 14» its cell's tail). */
function authorAfterDate(listing: Listing, item: Element): string {
  const start = listing.starts.get(item);
  const end = listing.authorEnds.get(item);
  if (start === undefined || end === undefined) return "";
  for (const [el, own] of listing.owns.slice(start + 1, end + 1)) {
    if (!el.firstElementChild && cpLen(own) <= MAX_TITLE_CHARS && LETTER.test(own)) return stripChars(own, LEAD);
  }
  return "";
}

/** Whom a message quotes («Цитата (Иван):»): a partner's quoting reply addresses him. */
function quoted(listing: Listing, item: Element): string | null {
  const start = listing.starts.get(item);
  if (start === undefined) return null;
  for (const [el, own] of listing.owns.slice(start)) {
    if (itemOf(listing, el) !== item) break;
    const m = cpLen(own) <= MAX_TITLE_CHARS ? TABLE.search(fold(own), "comments", "quoted") : null;
    if (m) return norm(m[1] ?? "");
  }
  return null;
}

/**
 * A wiki talk thread's reply: a definition list of indented lines only («<dl><dd>Павел, … — Сергей
 * М. 16:20, 15 ноября 2026 (MSK)</dd></dl>», MediaWiki's «:» indent under the message it answers).
 * A list with a term (dt + dd) is a labelled pair, no reply.
 */
function indented(item: Element): boolean {
  const kids = Array.from(item.children);
  return item.tagName.toLowerCase() === "dl" && kids.length > 0 && kids.every((c) => c.tagName.toLowerCase() === "dd");
}

/** The item's attributes as «name=value» words: a depth or an indent marks a reply row. */
function markup(item: Element): string {
  return fold(Array.from(item.attributes, (a) => `${a.name}=${a.value}`).join(" "));
}

/** The id a message's «parent» link jumps to (`comments.parent_link`: LiveJournal's «Родительский» /
 * «Parent» action, «…?thread=2113547#t2113547»): the message it replies to in a flat thread rendered
 * by indentation; "" without such a link. */
function parentRef(item: Element): string {
  for (const a of Array.from(item.getElementsByTagName("a"))) {
    const href = a.getAttribute("href") ?? "";
    const at = href.indexOf("#");
    const fragment = at < 0 ? "" : href.slice(at + 1).trim();
    if (fragment && TABLE.search(fold(inlineText(a)), "comments", "parent_link")) return fragment;
  }
  return "";
}

/** The partner's own code as an author name: the vendor part of the solution's code (a Marketplace
 * module id is «partner.module»: «severkod» of severkod.smartdelivery), the name a partner signs
 * with on a blog or a forum where its title is not its user name; "" for a code without a vendor part. */
function vendorKey(code: string | null): string {
  const at = (code ?? "").indexOf(".");
  const vendor = at < 0 ? "" : (code ?? "").slice(0, at);
  return at >= 0 && cpLen(vendor) >= 3 ? nameKey(vendor) : "";
}

/** Date, author, whether the partner wrote it (its name or its code `vendor` signs it), whom it
 * addresses. */
function message(listing: Listing, item: Element, me: string, badged: boolean, vendor = ""): Message {
  const text = inlineText(item);
  const dates = findDates(text);
  const firstAt = dates[0]?.[0];
  let author = firstAt !== undefined ? stripChars(text.slice(0, firstAt), LEAD) : "";
  if (firstAt !== undefined && !author) author = authorAfterDate(listing, item); // the item opens with its date
  const words = item.getAttribute("class") ?? "";
  const hinted = !me && TABLE.search(fold(words), "comments", "partner_hint") !== null;
  const signs = [me, vendor].filter(Boolean);
  const byPartner =
    Boolean(author) && (header(listing, item).some((own) => signs.some((key) => isPartner(own, key))) || badged || hinted);
  const m = TABLE.search(firstAt !== undefined ? afterDate(text, firstAt) : text, "comments", "addressed");
  const to = m ? nameKey(m[1]) : nameKey(quoted(listing, item));
  return {
    el: item,
    date: listing.dates.get(item) ?? null,
    author: nameKey(author),
    byPartner,
    to: to && byPartner ? to : null,
    // another user's «Имя, …» (userAddressed): whom it answers, when that is an earlier author
    saidTo: m && !byPartner ? nameKey(m[1]) : null,
    reply: TABLE.search(fold(words), "comments", "reply_hint") !== null || TABLE.search(markup(item), "comments", "reply_markup") !== null || indented(item),
    // an inline indent is a reply only with «Имя,» naming the author above (parentOf)
    indentTo: m && TABLE.search(markup(item), "comments", "reply_indent") ? nameKey(m[1]) : null,
    answered: false,
    nested: dates.length > 1,
    parentRef: parentRef(item),
  };
}

/** Every id inside a message → that message (what a «parent» link jumps to), built only when some
 * message has such a link. */
function owners(msgs: Message[]): Map<string, Message> {
  const found = new Map<string, Message>();
  if (!msgs.some((msg) => msg.parentRef)) return found;
  for (const msg of msgs) {
    for (const el of [msg.el, ...Array.from(msg.el.getElementsByTagName("*"))]) {
      const id = el.getAttribute("id");
      if (id && !found.has(id)) found.set(id, msg);
    }
  }
  return found;
}

/** The message a flat message replies to by structure: data-parent, a «parent» link to another
 * message (parentRef), or a reply row's class. */
function parentOf(msgs: Message[], at: number, byId: Map<string, Message> = new Map()): Message | null {
  const reply = msgs[at] as Message;
  const parentId = reply.el.getAttribute("data-parent");
  if (parentId) {
    for (const msg of msgs) if (parentId === msg.el.getAttribute("data-id") || parentId === msg.el.getAttribute("id")) return msg;
  }
  const linked = reply.parentRef ? byId.get(reply.parentRef) : undefined;
  if (linked && linked !== reply) return linked;
  if (reply.reply) {
    for (let i = at - 1; i >= 0; i--) if (!(msgs[i] as Message).reply) return msgs[i] as Message; // the nearest message above
  }
  if (reply.indentTo) { // an inline indent and «Имя, …» addressing the nearest message above
    const above = msgs.slice(0, at).reverse().find((msg) => !msg.reply);
    if (above?.author && above.author.startsWith(reply.indentTo)) return above;
  }
  return null;
}

/** The comment a flat reply of the partner addresses «Имя, …» (the latest one before it). */
function addressed(msgs: Message[], reply: Message): Message | null {
  const to = reply.to;
  if (!to) return null;
  const mine = msgs.filter((m) => !m.byPartner && m.author.startsWith(to));
  const before = mine.filter((m) => m.date && reply.date && m.date <= reply.date);
  const pool = before.length ? before : mine;
  let best: Message | null = null;
  for (const m of pool) if (!best || (m.date ?? "") > (best.date ?? "")) best = m; // first maximum, like max()
  return best;
}

/** The earlier message a user's flat message opens by addressing its author «Имя, …» (Сергей's «Игорь, у нас
 * было то же самое» under Игорь's question): by another user named in full or by the first word of the name,
 * posted no later (the latest such one). A greeting or a word that names no earlier author («Подскажите, …»,
 * «Коллеги, …») addresses nobody (Python `_user_addressed`). */
function userAddressed(msgs: Message[], reply: Message): Message | null {
  const to = reply.saidTo;
  const date = reply.date;
  if (!to || !date) return null;
  let best: Message | null = null;
  for (const m of msgs) {
    if (m === reply || m.byPartner || m.author === reply.author) continue;
    if (!(m.author === to || m.author.startsWith(`${to} `)) || !m.date || m.date > date) continue;
    if (!best || m.date > (best.date ?? "")) best = m; // first maximum, like max()
  }
  return best;
}

/**
 * The top-level messages; every reply marks the message it answers. A structural reply (linked or
 * marked as a reply) is never an item; it answers its parent when the partner wrote it, and leaves
 * it unknown (null) when nobody can tell who wrote it. A partner's message addressed «Имя, …»
 * answers that comment and is not an item either; another user's one addressing an earlier author
 * (userAddressed) is no item and answers nothing.
 */
function linkReplies(msgs: Message[], partnerKnown: boolean): Message[] {
  const tops: Message[] = [];
  const byId = owners(msgs);
  msgs.forEach((msg, at) => {
    const parent = parentOf(msgs, at, byId);
    const target = parent ?? (msg.byPartner ? addressed(msgs, msg) : null);
    const peer = target ? null : userAddressed(msgs, msg);
    if (peer) { // a user's reply to a user: no item, no answer — unless the writer may be the partner unrecognised
      if (!partnerKnown && peer.answered === false) peer.answered = null;
      return;
    }
    if (!target) tops.push(msg);
    else if (msg.byPartner) target.answered = true;
    else if (!partnerKnown && target.answered === false) target.answered = null;
  });
  return tops;
}

/** The date part of an ISO instant is a real day of the calendar: Date.parse rolls «2026-11-31» over into
 * December where Python's fromisoformat refuses it (so both engines read no instant there). */
function realDay(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/**
 * The instant a message was posted: the first `time[datetime]` in it (its own header's, before any
 * nested reply's) when that holds a time of day and a UTC offset (`comments.iso_moment`), in milliseconds
 * since the epoch; else null (Python `_moment`).
 */
function moment(item: Element): number | null {
  const times = [...(item.tagName.toLowerCase() === "time" ? [item] : []), ...item.querySelectorAll("time")];
  for (const el of times) {
    const value = (el.getAttribute("datetime") ?? "").trim();
    if (!value) continue;
    if (TABLE.search(value, "comments", "iso_moment") === null) return null;
    const at = Date.parse(value);
    return Number.isNaN(at) || !realDay(value) ? null : at;
  }
  return null;
}

/**
 * The messages newest first by the instant each was posted (`moment`), when every one carries it: a
 * list sorted by rating shows a day's evening message after its morning one, and the items' order by
 * date (newestFirst, stable) keeps this order within a day. Page order when some message has no
 * instant (Python `_by_moment`).
 */
function byMoment(tops: Message[]): Message[] {
  const moments = tops.map((msg) => moment(msg.el));
  if (moments.some((m) => m === null)) return tops;
  const order = tops.map((_, at) => at).sort((a, b) => (moments[b] as number) - (moments[a] as number));
  return order.map((at) => tops[at] as Message);
}

/**
 * The elements of the body matching `selector` outside every item, and the items that match
 * themselves: a widget sits beside the list or holds it, never inside one message (so no item is
 * entered, and a long list costs one test per item).
 */
function hostsOf(listing: Listing, selector: string): Element[] {
  const found: Element[] = [];
  const stack = Array.from(listing.body.children).reverse();
  while (stack.length) {
    const el = stack.pop() as Element;
    if (matches(el, selector)) found.push(el);
    if (!listing.dates.has(el)) stack.push(...Array.from(el.children).reverse());
  }
  return found;
}

/**
 * The list a third-party discussion widget in the body holds (`comments.hosted_embed`: Giscus,
 * Disqus, VK…). Its messages load into an iframe or by script, so only a list rendered inside the
 * widget's container (Cackle's) holds comments, and a dated block elsewhere in the section does
 * not (the section index of other products, a «Last modified» line a heading section runs on
 * over). Null when the page shows no message of the widget: the items are unknown, never an
 * empty list (an empty `#disqus_thread` is no «no comments yet»). Without a widget, or with the
 * body itself the widget, the list as it is.
 */
function hosted(listing: Listing): Listing | null {
  const selector = TABLE.entries("comments", "hosted_embed").map((e) => String(e.css)).join(", ");
  const hosts = hostsOf(listing, selector);
  if (hosts.length === 0) return listing;
  const outer = hosts.filter((el) => !hosts.some((other) => other !== el && other.contains(el)));
  if (outer.length !== 1) return null; // two widgets: whose list is whose cannot be told
  const inner = splitListing(outer[0] as Element);
  return inner.items.length ? inner : null;
}

/** {total, items[{date, answered}]} from the «Обсуждения» section. */
/** Set aside an issue tracker's activity-log entries (`comments.event_entry`: GitLab's
 * `li.system-note` «упомянул(а) в задаче #58»): dated like messages, they are no comment and
 * answer none; aside, no count is read in them either. */
function dropEvents(listing: Listing): void {
  const events = listing.items.filter((el) => TABLE.search(fold(el.getAttribute("class") ?? ""), "comments", "event_entry") !== null);
  for (const el of events) {
    listing.items.splice(listing.items.indexOf(el), 1);
    listing.dates.delete(el);
    listing.aside.push(el);
  }
}

/** Whether the page is the partner's own project on a forge: a canonical / og:url path that opens
 * with the code's «vendor/module» (gitlab.…/ladogasoft/b2bprice/-/issues/3 for ladogasoft.b2bprice).
 * There a project-role badge names the partner's staff; on anyone else's project it does not. */
function ownProject(page: Page): boolean {
  const code = (page.ownCode ?? "").toLowerCase();
  const dot = code.indexOf(".");
  const vendor = dot >= 0 ? code.slice(0, dot) : "";
  const module = dot >= 0 ? code.slice(dot + 1) : "";
  if (!vendor || !module) return false;
  for (const address of ownAddresses(page.root)) {
    let path: string;
    try {
      path = new URL(address, "http://localhost/").pathname;
    } catch {
      continue;
    }
    const parts = path.toLowerCase().split("/").filter((part) => part);
    if (parts[0] === vendor && parts[1] === module) return true;
  }
  return false;
}

/** A block holding a date of its own: a `time[datetime]`, or a date in its text. */
function dated(el: Element): boolean {
  const times = [...(el.tagName.toLowerCase() === "time" ? [el] : []), ...el.querySelectorAll("time")];
  return times.some((t) => Boolean(t.getAttribute("datetime"))) || findDates(inlineText(el)).length > 0;
}

/** Items answered by a reply carrying a project-role badge (`comments.member_badge`): the badge
 * sits in a dated block beside the one holding the item's first date (a later note of the thread),
 * not in the item's own note (its author's own badge answers nothing). */
function memberReplies(listing: Listing): Set<Element> {
  const badge = anchored(["comments", "member_badge"]);
  const found = new Set<Element>();
  const folds = shortFolds(listing);
  listing.owns.forEach(([el], at) => {
    const text = folds[at];
    if (text == null || !badge(text)) return;
    const item = itemOf(listing, el);
    if (!item || found.has(item)) return;
    const firstAt = listing.firsts.get(item);
    const first = firstAt === undefined ? undefined : listing.owns[firstAt]?.[0];
    if (!first || first === el) return;
    const mine = new Set<Element>();
    for (let a = first.parentElement; a; a = a.parentElement) mine.add(a);
    let branch = el;
    while (branch.parentElement && !mine.has(branch.parentElement)) branch = branch.parentElement;
    if (branch !== item && dated(branch) && !branch.contains(first)) found.add(item);
  });
  return found;
}

/** The replies a forum topic's JSON-LD states: a DiscussionForumPosting's `commentCount`
 * (Discourse writes its topic so), the number of posts after the first. */
function postedCount(page: Page): number | null {
  for (const text of page.jsonld) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    for (const obj of Array.isArray(data) ? data : [data]) {
      if (typeof obj !== "object" || obj === null || Array.isArray(obj)) continue;
      const rec = obj as Record<string, unknown>;
      if (rec["@type"] !== "DiscussionForumPosting") continue;
      const count = rec.commentCount;
      if (typeof count === "number" && Number.isInteger(count) && count >= 0) return count;
    }
  }
  return null;
}

/** A forum topic whose first post republishes the listing (tabs.forumPosts): [the stated
 * replies, the replies as a list]. The replies are the comments; the count is the topic's JSON-LD
 * `commentCount`, else «Ответов: 4» in the topic's own bar (`comments.topic_replies`, read outside
 * every post: a post's words count nothing of the topic). The list is read only when every reply
 * is one dated item and nothing else is (a reply the split cannot date or join leaves them all
 * unknown, not one fewer). null for a page that is no such topic. */
function topicOf(page: Page): [number | null, Listing | null] | null {
  const found = forumPosts(page.tabs);
  if (!found) return null;
  const [first, replies] = found;
  const body = first.parentElement;
  if (!body) return null;
  let total = postedCount(page);
  if (total === null) {
    const m = TABLE.search(fold(textWithout(body, new Set([first, ...replies]))), "comments", "topic_replies");
    total = m ? Number(m[1]) : null;
  }
  const listing = splitListing(body, "comments");
  const items = new Set(listing.items.filter((item) => item !== first));
  const exact = items.size === replies.length && replies.every((r) => items.has(r) && listing.dates.get(r));
  if (!exact) return [total, null];
  listing.items = [...replies];
  listing.dates.delete(first);
  listing.aside.push(first); // the listing itself: neither an item nor the list's own words
  return [total, listing];
}

/** The message total the page states for the Marketplace's own discussion, outside its comments section and
 * every listed item (`comments.marketplace_count`: «Всего сообщений на Маркетплейсе: 6» in a mirrored card's
 * «Обсуждения» row or a panel under the reviews); null when it states none or two different ones (Python
 * `_marketplace_total`). */
function marketplaceTotal(page: Page, section: Listing): number | null {
  const items = [...page.listings.values()].flatMap((listing) => listing.items);
  const text = fold(textWithout(page.root, new Set([section.body, ...items])));
  const found = new Set<number>();
  for (const pattern of TABLE.global("comments", "marketplace_count")) for (const m of text.matchAll(pattern)) found.add(Number(m[1]));
  return found.size === 1 ? ([...found][0] as number) : null;
}

/** The Marketplace discussion's stated total when the comments section is the hosting site's own thread instead
 * (a community catalogue or a blog republishing the card, its readers' comments under it): the page states that
 * total elsewhere (`marketplaceTotal`), the section's title does not name the Marketplace
 * (`comments.marketplace_title`), and the section holds more messages than that discussion has in all (shown or
 * stated) — no copy of it could. Null for any other section (Python `_host_thread`). */
function hostThread(page: Page, section: Listing, shown: number, total: number | null): number | null {
  const own = Math.max(shown, total ?? 0);
  const title = fold(page.tabs.labels.get("comments") ?? "");
  if (!own || TABLE.search(title, "comments", "marketplace_title")) return null;
  const elsewhere = marketplaceTotal(page, section);
  return elsewhere !== null && own > elsewhere ? elsewhere : null;
}

/**
 * The discussion count a facts card's line states, its label naming the Marketplace's discussion tab
 * (comments.labels) and its value a count alone (comments.label_value): «Обсуждения: 41 сообщение», a Sphinx
 * field list mirroring the card on the vendor's documentation page (blind
 * solution_sphinx72_rtd_theme_volkhov_mpexport). Only for a page with no comments section: its messages are not
 * shown, so the items stay unknown (Python `_labelled_count`).
 */
function labelledCount(page: Page): number | null {
  const hit = page.index.find("comments/labels", { valid: (text) => TABLE.search(fold(text), "comments", "label_value") !== null });
  const m = hit ? TABLE.search(fold(hit.text), "comments", "label_value") : null;
  return m ? Number(m[1]) : null;
}

export function comments(page: Page, partner: string | null): { total: number | null; items: Comment[] | null } {
  let whole = page.listings.get("comments");
  let topic = whole ? null : topicOf(page);
  if (topic && topic[1] === null) {
    // the replies unread: only the topic's count is known
    if (topic[0] !== null) return { total: topic[0], items: null };
    topic = null; // nothing of the topic read: the page as any other (a tab label's count)
  }
  if (topic) whole = topic[1] ?? undefined;
  if (whole && !topic && disclaimed(whole, "comments")) {
    page.found_by.comments = "text";
    return { total: null, items: null }; // the host's own thread, disclaimed: no comment of ours
  }
  const listing = whole ? (hosted(whole) ?? undefined) : undefined;
  let msgs: Message[] = [];
  let parsed: Comment[] | null = null;
  if (listing) {
    dropEvents(listing);
    const me = nameKey(partner);
    const vendor = vendorKey(page.ownCode);
    const [answered] = answers(listing, partner, true, vendor);
    if (ownProject(page)) for (const item of memberReplies(listing)) answered.add(item);
    const badged = headerBadges(listing, me);
    msgs = listing.items.map((item) => message(listing, item, me, badged.has(item), vendor));
    for (const msg of msgs) msg.answered = answered.has(msg.el);
    const tops = byMoment(linkReplies(msgs, Boolean(me)));
    parsed = tops.filter((m) => m.date).map((m) => ({ date: m.date as string, answered: m.answered }));
    page.found_by.comments = "tab-body";
  }
  // the count outside every dated block (a forum topic's: its replies, topicOf)
  const statedTotal = topic ? topic[0] : stated(page, "comments", "comments", whole, false);
  const host = whole && !topic ? hostThread(page, whole, msgs.length, statedTotal) : null;
  if (host !== null) {
    // the hosting site's own thread: the Marketplace's total stands, its items are unshown
    page.found_by.comments = "text";
    return { total: host, items: null };
  }
  const [read, items] = readItems(listing, statedTotal, parsed, "comments", msgs.length);
  let total = read;
  // no comments section: the labelled rating's line may state their count too («Рейтинг: 4,6
  // из 5, отзывов — 27; на вкладке «Обсуждения» — 14 сообщений», a card's facts quoted in a post)
  if (total === null && !whole && !topic) {
    total = labelledTotal(page, "comments");
    // or a facts card's own line «Обсуждения: 41 сообщение» (a docs page's field list)
    if (total === null) total = labelledCount(page);
  }
  // no stated total: every message is shown unless there is a pager, but nested replies count too
  // and cannot be told from a date quoted in a message, so then the total stays unknown
  // (an undated message leaves the items unknown, not how many there are)
  const shown = total === null && listing !== undefined && (items !== null || undated(listing));
  // (a widget's list, hosted: a pager anywhere in its section counts too)
  if (shown && listing && whole && !hasPager(whole.body) && !showsMore(listing)) total = msgs.some((m) => m.nested) ? null : msgs.length;
  return { total, items: items === null ? null : newestFirst(items) };
}
