"""Comments (Обсуждения): the stated total and the top-level messages shown on the page.

A comment item is a top-level message. It is answered by a reply of the partner (feedback.answers):
nested in it, or — in a flat list — a message of the partner addressed «Имя, …» (the Bitrix
Answer() prefill), linked by `data-parent`, or marked as a reply right after it. Such a flat reply
marks its target and is not an item itself. A reply by anyone else answers nothing (and another
user's «Имя, …» to an earlier author is no item either).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any
from urllib.parse import urlsplit

from mpcheck.extract.context import Page
from mpcheck.extract.dates import find_dates
from mpcheck.extract.dom import inline_text, jsonld_texts, matches, text_without
from mpcheck.extract.feedback import (
    MAX_TITLE_CHARS,
    anchored,
    answers,
    has_pager,
    is_partner,
    labelled_total,
    name_key,
    newest_first,
    read_items,
    short_folds,
    shows_more,
    stated,
    undated,
)
from mpcheck.extract.items import Listing, date_search, disclaimed, item_of, split_listing
from mpcheck.extract.label_table import table
from mpcheck.extract.tabs import forum_posts, own_addresses
from mpcheck.extract.text import fold, norm

_LEAD = " ,:—–-"
_LETTER = re.compile(r"[^\W\d_]")


def _after_date(text: str, at: int) -> str:
    """The text after the date that starts at `at` (its own characters cut off, and the time of day
    that follows a form holding none: «сегодня, 09:10», comments.time_lead)."""
    rest = text[at:]
    m = date_search(fold(rest))
    if m and m.start() == 0:
        rest = rest[m.end() :]
        time = table().search(rest, "comments", "time_lead")
        if time:
            rest = rest[time.end() :]
    return rest.lstrip(_LEAD)


def _markup(item: Any) -> str:
    """The item's attributes as «name=value» words: a depth or an indent marks a reply row."""
    return fold(" ".join(f"{name}={value}" for name, value in item.items()))


def _indented(item: Any) -> bool:
    """A wiki talk thread's reply: a definition list of indented lines only («<dl><dd>Павел, …
    — Сергей М. 16:20, 15 ноября 2026 (MSK)</dd></dl>», MediaWiki's «:» indent under the message it
    answers). A list with a term (dt + dd) is a labelled pair, no reply."""
    kids = [c for c in item if isinstance(c.tag, str)]
    return item.tag == "dl" and bool(kids) and all(c.tag == "dd" for c in kids)


def _header_badges(listing: Listing, me: str) -> set[Any]:
    """Items with a developer badge in their own header (up to their first date); with the partner's
    name `me` known, not a badge any agency carries («Партнер»: its name tells)."""
    badge, shared = anchored(("comments", "developer_badge")), anchored(("comments", "shared_badge"))
    found = set()
    for at, ((el, _own), text) in enumerate(zip(listing.owns, short_folds(listing), strict=True)):
        if text is not None and badge(text) and not (me and shared(text)):
            item = item_of(listing, el)
            if item is not None and at <= listing.author_ends.get(item, -1):
                found.add(item)
    return found


def _header(listing: Listing, item: Any) -> list[str]:
    """The item's own texts of its author slot (items.Listing.author_ends): author, badges, the date."""
    start, end = listing.starts.get(item), listing.author_ends.get(item)
    if start is None or end is None:
        return []
    return [own for _, own in listing.owns[start : end + 1] if len(own) <= MAX_TITLE_CHARS]


def _author_after_date(listing: Listing, item: Any) -> str:
    """The author of an item that opens with its date (a forum post head): the first leaf text
    with a letter in its author slot («#2» is the post's permalink, «Сообщений: 14» its cell's tail)."""
    start, end = listing.starts.get(item), listing.author_ends.get(item)
    if start is None or end is None:
        return ""
    for el, own in listing.owns[start + 1 : end + 1]:
        leaf = not any(isinstance(child.tag, str) for child in el)
        if leaf and len(own) <= MAX_TITLE_CHARS and _LETTER.search(own):
            return own.strip(_LEAD)
    return ""


def _quoted(listing: Listing, item: Any) -> str | None:
    """Whom a message quotes («Цитата (Иван):», «Иван пишет:»): a partner's quoting reply addresses him."""
    start = listing.starts.get(item)
    for el, own in listing.owns[start:] if start is not None else []:
        if item_of(listing, el) is not item:
            break
        m = table().search(fold(own), "comments", "quoted") if len(own) <= MAX_TITLE_CHARS else None
        if m:
            return norm(m.group(1))
    return None


def _parent_ref(item: Any) -> str:
    """The id a message's «parent» link jumps to (`comments.parent_link`: LiveJournal's
    «Родительский» / «Parent» action, «…?thread=2113547#t2113547»): the message it replies to in
    a flat thread rendered by indentation; "" without such a link."""
    for a in item.iter("a"):
        fragment = (a.get("href") or "").partition("#")[2].strip()
        if fragment and table().search(fold(inline_text(a)), "comments", "parent_link"):
            return fragment
    return ""


def _vendor_key(code: str | None) -> str:
    """The partner's own code as an author name: the vendor part of the solution's code (a
    Marketplace module id is «partner.module»: «severkod» of severkod.smartdelivery), the name a
    partner signs with on a blog or a forum where its title is not its user name; "" for a code
    without a vendor part."""
    vendor, dot, _ = (code or "").partition(".")
    return name_key(vendor) if dot and len(vendor) >= 3 else ""


def _message(listing: Listing, item: Any, me: str, badged: bool, vendor: str = "") -> dict[str, Any]:
    """Date, author, whether the partner wrote it (its name or its code `vendor` signs it), whom it
    addresses."""
    text = inline_text(item)
    dates = find_dates(text)
    author = text[: dates[0][0]].strip(_LEAD) if dates else ""
    header = _header(listing, item)
    if dates and not author:  # the item opens with its date: the author is the first name after it
        author = _author_after_date(listing, item)
    words = item.get("class") or ""
    hinted = not me and bool(table().search(fold(words), "comments", "partner_hint"))
    signs = [key for key in (me, vendor) if key]
    by_partner = bool(author) and (
        any(is_partner(own, key) for own in header for key in signs) or badged or hinted
    )
    m = table().search(_after_date(text, dates[0][0]) if dates else text, "comments", "addressed")
    to = name_key(m.group(1)) if m else name_key(_quoted(listing, item))
    return {
        "el": item,
        "date": listing.dates.get(item),
        "author": name_key(author),
        "by_partner": by_partner,
        "to": to if to and by_partner else None,
        # another user's «Имя, …» (_user_addressed): whom it answers, when that is an earlier author
        "said_to": name_key(m.group(1)) if m and not by_partner else None,
        "reply": bool(table().search(fold(words), "comments", "reply_hint"))
        or bool(table().search(_markup(item), "comments", "reply_markup"))
        or _indented(item),
        # an inline indent is a reply only with «Имя,» naming the author above (_parent)
        "indent_to": name_key(m.group(1))
        if m and table().search(_markup(item), "comments", "reply_indent")
        else None,
        "answered": False,
        "nested": len(dates) > 1,
        "parent_ref": _parent_ref(item),
    }


def _owners(msgs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every id inside a message → that message (what a «parent» link jumps to), built only when
    some message has such a link."""
    if not any(msg["parent_ref"] for msg in msgs):
        return {}
    found: dict[str, dict[str, Any]] = {}
    for msg in msgs:
        for el in msg["el"].iter():
            if isinstance(el.tag, str) and el.get("id"):
                found.setdefault(el.get("id"), msg)
    return found


def _parent(
    msgs: list[dict[str, Any]], at: int, owners: dict[str, dict[str, Any]] | None = None
) -> dict[str, Any] | None:
    """The message a flat message replies to by structure: `data-parent`, a «parent» link to
    another message (_parent_ref), or a reply row's class."""
    reply = msgs[at]
    parent_id = reply["el"].get("data-parent")
    if parent_id:
        for msg in msgs:
            if parent_id in (msg["el"].get("data-id"), msg["el"].get("id")):
                return msg
    linked = (owners or {}).get(reply["parent_ref"]) if reply["parent_ref"] else None
    if linked is not None and linked is not reply:
        return linked
    if reply["reply"]:  # marked as a reply, no link: the nearest top-level message above it
        for msg in reversed(msgs[:at]):
            if not msg["reply"]:
                return msg
    if reply["indent_to"]:  # an inline indent and «Имя, …» addressing the nearest message above
        above = next((msg for msg in reversed(msgs[:at]) if not msg["reply"]), None)
        if above is not None and above["author"] and above["author"].startswith(reply["indent_to"]):
            return above
    return None


def _addressed(msgs: list[dict[str, Any]], reply: dict[str, Any]) -> dict[str, Any] | None:
    """The comment a flat reply of the partner addresses «Имя, …» (the latest one before it)."""
    if not reply["to"]:
        return None
    mine = [m for m in msgs if not m["by_partner"] and m["author"].startswith(reply["to"])]
    before = [m for m in mine if m["date"] and reply["date"] and m["date"] <= reply["date"]]
    pool = before or mine
    return max(pool, key=lambda m: m["date"] or "") if pool else None


def _user_addressed(msgs: list[dict[str, Any]], reply: dict[str, Any]) -> dict[str, Any] | None:
    """The earlier message a user's flat message opens by addressing its author «Имя, …» (Сергей's
    «Игорь, у нас было то же самое» under Игорь's question): by another user named in full or by
    the first word of the name, posted no later (the latest such one). A greeting or a word that
    names no earlier author («Подскажите, …», «Коллеги, …») addresses nobody."""
    to = reply["said_to"]
    if not to or not reply["date"]:
        return None
    pool = [
        m
        for m in msgs
        if m is not reply
        and not m["by_partner"]
        and m["author"] != reply["author"]
        and (m["author"] == to or m["author"].startswith(to + " "))
        and m["date"]
        and m["date"] <= reply["date"]
    ]
    return max(pool, key=lambda m: m["date"]) if pool else None


def _link_replies(msgs: list[dict[str, Any]], partner_known: bool) -> list[dict[str, Any]]:
    """The top-level messages; every reply marks the message it answers.

    A structural reply (linked or marked as a reply) is never an item; it answers its parent when
    the partner wrote it, and leaves it unknown (None) when nobody can tell who wrote it. A
    partner's message addressed «Имя, …» answers that comment and is not an item either; another
    user's one addressing an earlier author (_user_addressed) is no item and answers nothing.
    """
    tops = []
    owners = _owners(msgs)
    for at, msg in enumerate(msgs):
        parent = _parent(msgs, at, owners)
        target = parent if parent is not None else (_addressed(msgs, msg) if msg["by_partner"] else None)
        peer = _user_addressed(msgs, msg) if target is None else None
        if peer is not None:  # a user's reply to a user: no item, no answer — unless the writer
            if not partner_known and peer["answered"] is False:  # may be the partner unrecognised
                peer["answered"] = None
            continue
        if target is None:
            tops.append(msg)
        elif msg["by_partner"]:
            target["answered"] = True
        elif not partner_known and target["answered"] is False:
            target["answered"] = None
    return tops


def _moment(item: Any) -> float | None:
    """The instant a message was posted: the first `time[datetime]` in it (its own header's, before
    any nested reply's) when that holds a time of day and a UTC offset (`comments.iso_moment`), in
    seconds since the epoch; else None."""
    for el in item.iter("time"):
        value = (el.get("datetime") or "").strip()
        if value:
            if table().search(value, "comments", "iso_moment") is None:
                return None
            try:
                return dt.datetime.fromisoformat(value).timestamp()
            except ValueError:  # «2026-13-40T…»: the format, no real instant
                return None
    return None


def _by_moment(tops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The messages newest first by the instant each was posted (`_moment`), when every one carries
    it: a list sorted by rating shows a day's evening message after its morning one, and the
    items' order by date (newest_first, stable) keeps this order within a day. Page order when
    some message has no instant."""
    moments = [_moment(msg["el"]) for msg in tops]
    known = [m for m in moments if m is not None]
    if len(known) != len(tops):
        return tops
    order = sorted(range(len(tops)), key=lambda at: -known[at])
    return [tops[at] for at in order]


def _hosts(listing: Listing, selector: str) -> list[Any]:
    """The elements of the body matching `selector` outside every item, and the items that match
    themselves: a widget sits beside the list or holds it, never inside one message (so no item is
    entered, and a long list costs one test per item)."""
    found: list[Any] = []
    stack = [c for c in reversed(listing.body) if isinstance(c.tag, str)]
    while stack:
        el = stack.pop()
        if matches(el, selector):
            found.append(el)
        if el not in listing.dates:
            stack.extend(c for c in reversed(el) if isinstance(c.tag, str))
    return found


def _hosted(listing: Listing) -> Listing | None:
    """The list a third-party discussion widget in the body holds (`comments.hosted_embed`: Giscus,
    Disqus, VK…). Its messages load into an iframe or by script, so only a list rendered inside the
    widget's container (Cackle's) holds comments, and a dated block elsewhere in the section does
    not (the section index of other products, a «Last modified» line a heading section runs on
    over). None when the page shows no message of the widget: the items are unknown, never an
    empty list (an empty `#disqus_thread` is no «no comments yet»). Without a widget, or with the
    body itself the widget, the list as it is."""
    selector = ", ".join(e["css"] for e in table().entries("comments", "hosted_embed"))
    hosts = _hosts(listing, selector)
    if not hosts:
        return listing
    found = set(hosts)
    outer = [el for el in hosts if not any(a in found for a in el.iterancestors())]
    if len(outer) != 1:
        return None  # two widgets: whose list is whose cannot be told
    inner = split_listing(outer[0])
    return inner if inner.items else None


def _drop_events(listing: Listing) -> None:
    """Set aside an issue tracker's activity-log entries (`comments.event_entry`: GitLab's
    `li.system-note` «упомянул(а) в задаче #58»): dated like messages, they are no comment and
    answer none; aside, no count is read in them either."""
    events = [
        el for el in listing.items if table().search(fold(el.get("class") or ""), "comments", "event_entry")
    ]
    for el in events:
        listing.items.remove(el)
        listing.dates.pop(el, None)
        listing.aside.append(el)


def _own_project(page: Page) -> bool:
    """Whether the page is the partner's own project on a forge: a canonical / og:url path that opens
    with the code's «vendor/module» (gitlab.…/ladogasoft/b2bprice/-/issues/3 for ladogasoft.b2bprice).
    There a project-role badge names the partner's staff; on anyone else's project it does not."""
    vendor, dot, module = (page.own_code or "").lower().partition(".")
    if not (dot and vendor and module):
        return False
    for address in own_addresses(page.root):
        parts = [part for part in urlsplit(address).path.lower().split("/") if part]
        if parts[:2] == [vendor, module]:
            return True
    return False


def _dated(el: Any) -> bool:
    """A block holding a date of its own: a `time[datetime]`, or a date in its text."""
    return any(t.get("datetime") for t in el.iter("time")) or bool(find_dates(inline_text(el)))


def _member_replies(listing: Listing) -> set[Any]:
    """Items answered by a reply carrying a project-role badge (`comments.member_badge`): the badge
    sits in a dated block beside the one holding the item's first date (a later note of the thread),
    not in the item's own note (its author's own badge answers nothing)."""
    badge = anchored(("comments", "member_badge"))
    heads = {item: listing.owns[at][0] for item, at in listing.firsts.items()}
    found: set[Any] = set()
    for (el, _own), text in zip(listing.owns, short_folds(listing), strict=True):
        if text is None or not badge(text) or (item := item_of(listing, el)) is None or item in found:
            continue
        first = heads.get(item)
        if first is None or first is el:
            continue
        mine = set(first.iterancestors())
        branch = el
        while branch.getparent() is not None and branch.getparent() not in mine:
            branch = branch.getparent()
        if branch is not item and _dated(branch) and first not in set(branch.iter()):
            found.add(item)
    return found


def _posted_count(page: Page) -> int | None:
    """The replies a forum topic's JSON-LD states: a DiscussionForumPosting's `commentCount`
    (Discourse writes its topic so), the number of posts after the first."""
    for text in jsonld_texts(page.root):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        for obj in data if isinstance(data, list) else [data]:
            if not isinstance(obj, dict) or obj.get("@type") != "DiscussionForumPosting":
                continue
            count = obj.get("commentCount")
            if isinstance(count, int) and not isinstance(count, bool) and count >= 0:
                return count
    return None


def _topic(page: Page) -> tuple[int | None, Listing | None] | None:
    """A forum topic whose first post republishes the listing (tabs.forum_posts): (the stated
    replies, the replies as a list). The replies are the comments; the count is the topic's JSON-LD
    `commentCount`, else «Ответов: 4» in the topic's own bar (`comments.topic_replies`, read outside
    every post: a post's words count nothing of the topic). The list is read only when every reply
    is one dated item and nothing else is (a reply the split cannot date or join leaves them all
    unknown, not one fewer). None for a page that is no such topic."""
    found = forum_posts(page.tabs)
    if found is None:
        return None
    first, replies = found
    body = first.getparent()
    total = _posted_count(page)
    if total is None:
        m = table().search(fold(text_without(body, [first, *replies])), "comments", "topic_replies")
        total = int(m.group(1)) if m else None
    listing = split_listing(body, "comments")
    if set(listing.items) - {first} != set(replies) or not all(listing.dates.get(r) for r in replies):
        return total, None
    listing.items = list(replies)
    listing.dates.pop(first, None)
    listing.aside.append(first)  # the listing itself: neither an item nor the list's own words
    return total, listing


def _marketplace_total(page: Page, section: Listing) -> int | None:
    """The message total the page states for the Marketplace's own discussion, outside its comments
    section and every listed item (`comments.marketplace_count`: «Всего сообщений на Маркетплейсе: 6»
    in a mirrored card's «Обсуждения» row or a panel under the reviews); None when it states none or
    two different ones (whose is which cannot be told)."""
    items = [item for listing in page.listings.values() for item in listing.items]
    text = fold(text_without(page.root, [section.body, *items]))
    found = {int(m.group(1)) for p in table().rx("comments", "marketplace_count") for m in p.finditer(text)}
    return found.pop() if len(found) == 1 else None


def _host_thread(page: Page, section: Listing, shown: int, total: int | None) -> int | None:
    """The Marketplace discussion's stated total when the comments section is the hosting site's own
    thread instead (a community catalogue or a blog republishing the card, its readers' comments
    under it): the page states that total elsewhere (`_marketplace_total`), the section's title
    does not name the Marketplace (`comments.marketplace_title`), and the section holds more
    messages than that discussion has in all (shown or stated) — no copy of it could. The host's
    messages are then no item of this solution and its count no total of its discussion. None
    for any other section (a partial copy of the discussion under a plain «Обсуждения» stays one)."""
    own = max(shown, total or 0)
    title = fold(page.tabs.labels.get("comments", ""))
    if not own or table().search(title, "comments", "marketplace_title"):
        return None
    elsewhere = _marketplace_total(page, section)
    return elsewhere if elsewhere is not None and own > elsewhere else None


def _labelled_count(page: Page) -> int | None:
    """The discussion count a facts card's line states, its label naming the Marketplace's discussion
    tab (comments.labels) and its value a count alone (comments.label_value): «Обсуждения: 41
    сообщение», a Sphinx field list mirroring the card on the vendor's documentation page (blind
    solution_sphinx72_rtd_theme_volkhov_mpexport). Only for a page with no comments section: its
    messages are not shown, so the items stay unknown (TS `labelledCount`)."""
    rules = table()
    hit = page.index.find(
        "comments/labels", valid=lambda text: rules.search(fold(text), "comments", "label_value") is not None
    )
    m = rules.search(fold(hit.text), "comments", "label_value") if hit else None
    return int(m.group(1)) if m else None


def comments(page: Page, partner: str | None) -> dict[str, Any]:
    """{total, items[{date, answered}]} from the «Обсуждения» section, or a forum topic's replies."""
    whole = page.listings.get("comments")
    topic = _topic(page) if whole is None else None
    if topic is not None and topic[1] is None:  # the replies unread: only the topic's count is known
        if topic[0] is not None:
            return {"total": topic[0], "items": None}
        topic = None  # nothing of the topic read: the page as any other (a tab label's count)
    if topic is not None:
        whole = topic[1]
    if whole is not None and topic is None and disclaimed(whole, "comments"):
        page.found_by["comments"] = "text"
        return {"total": None, "items": None}  # the host's own thread, disclaimed: no comment of ours
    listing = None if whole is None else _hosted(whole)
    msgs: list[dict[str, Any]] = []
    parsed: list[dict[str, Any]] | None = None
    if listing is not None:
        _drop_events(listing)
        me, vendor = name_key(partner), _vendor_key(page.own_code)
        answered, _ = answers(listing, partner, by_author=True, vendor=vendor)
        if _own_project(page):
            answered |= _member_replies(listing)
        badged = _header_badges(listing, me)
        msgs = [_message(listing, item, me, item in badged, vendor) for item in listing.items]
        for msg in msgs:
            msg["answered"] = msg["el"] in answered
        tops = _by_moment(_link_replies(msgs, bool(me)))
        parsed = [{"date": m["date"], "answered": m["answered"]} for m in tops if m["date"]]
        page.found_by["comments"] = "tab-body"
    # the count outside every dated block (a forum topic's: its replies, `_topic`)
    total = topic[0] if topic is not None else stated(page, "comments", "comments", whole, head=False)
    host = _host_thread(page, whole, len(msgs), total) if whole is not None and topic is None else None
    # the hosting site's own thread: the Marketplace's total stands, its items are unshown
    if host is not None:
        page.found_by["comments"] = "text"
        return {"total": host, "items": None}
    total, items = read_items(listing, total, parsed, "comments", shown=len(msgs))
    if total is None and whole is None and topic is None:
        # no comments section: the labelled rating's line may state their count too («Рейтинг: 4,6
        # из 5, отзывов — 27; на вкладке «Обсуждения» — 14 сообщений», a card's facts quoted in a post)
        total = labelled_total(page, "comments")
        if total is None:  # or a facts card's own line «Обсуждения: 41 сообщение» (a docs page's field list)
            total = _labelled_count(page)
    # no stated total: every message is shown unless there is a pager, but nested replies count too
    # and cannot be told from a date quoted in a message, so then the total stays unknown
    # (an undated message leaves the items unknown, not how many there are)
    shown = total is None and listing is not None and (items is not None or undated(listing))
    # (a widget's list, _hosted: a pager anywhere in its section counts too)
    if (
        shown
        and listing is not None
        and whole is not None
        and not has_pager(whole.body)
        and not shows_more(listing)
    ):
        total = None if any(m["nested"] for m in msgs) else len(msgs)
    return {"total": total, "items": None if items is None else newest_first(items)}
