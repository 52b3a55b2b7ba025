"""Reviews (Отзывы) and comments (Обсуждения): stated totals and the items shown on the page.

Conventions (fixtures/expected/README.md): `total` is the number the page states (tab label, summary,
pager «из N»); items are newest first. A review is answered when it holds an «Ответ разработчика»
block. A comment item is a top-level message; the partner's replies — nested, or flat messages
addressed «Имя, …» (the Bitrix Answer() prefill) or linked by data-parent — mark their target as
answered and are not items themselves. Every selector runs once per tab body, not once per item.
"""

from __future__ import annotations

import re
from typing import Any

from mpcheck.extract.context import Page
from mpcheck.extract.dates import find_dates
from mpcheck.extract.dom import css
from mpcheck.extract.items import Listing
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, inline_text, text_without

MAX_TITLE_CHARS = 120  # answer titles and badges are short; long review texts are not scanned
_STARS = re.compile(r"\s*([0-5])(?:[.,]([0-9]))?")


def _count(texts: list[str], kind: str) -> int | None:
    """The first stated count in the given texts (summary/pager, then the head)."""
    rules = table()
    for text in texts:
        if rules.search(text, kind, "none"):
            return 0
        m = rules.search(text, kind, "count")
        if m:
            return int(m.group(1))
    return None


def _tab_count(page: Page, tab: str) -> int | None:
    m = table().search(fold(page.tabs.labels.get(tab, "")), "tab_count")
    return int(m.group(1)) if m else None


def _has_pager(body: Any) -> bool:
    return any("PAGEN_" in (a.get("href") or "") for a in body.iter("a"))


def _marks(listing: Listing, path: tuple[str, ...]) -> dict[Any, list[Any]]:
    """Item → elements whose own text matches a regex list (answer titles, developer badges)."""
    found: dict[Any, list[Any]] = {}
    matches = table().any_search(path)  # every regex of the list in one scan
    for el, own in listing.owns:
        if len(own) <= MAX_TITLE_CHARS and matches(fold(own)):
            item = listing.item_of(el)
            if item is not None:
                found.setdefault(item, []).append(el)
    return found


def _stars(listing: Listing, answers: dict[Any, list[Any]]) -> dict[Any, int]:
    """Item → 1–5 stars, from the shared selectors (run once on the body), then the item text."""
    rules = table()
    skip: set[Any] = set()
    for els in answers.values():
        for a in els:
            skip.update(a.getparent().iter())
    stars: dict[Any, int] = {}
    for sel in rules.entries("reviews", "stars_selectors"):
        if len(stars) == len(listing.items):
            break  # every item is decided: later selectors could only hit decided items (one body scan each)
        counts: dict[Any, int] = {}
        for el in css(listing.body, sel["css"]):
            item = listing.item_of(el)
            if item is None or item in stars or el in skip:
                continue
            if sel.get("count"):
                counts[item] = counts.get(item, 0) + 1
                continue
            m = _STARS.match((el.get(sel["attr"]) if sel.get("attr") else None) or inline_text(el))
            if m and int(m.group(1)) > 0:
                stars[item] = round(float(f"{m.group(1)}.{m.group(2) or 0}"))
        stars.update({item: min(n, 5) for item, n in counts.items() if item not in stars})
    for item in listing.items:
        if item not in stars:
            text = fold(inline_text(item))
            m = rules.search(text, "reviews", "stars_text")
            count = text.count(rules.data["reviews"]["star_char"])
            if m or 0 < count <= 5:
                stars[item] = int(m.group(1)) if m else count
    return stars


def _stated(page: Page, tab: str, kind: str, listing: Listing | None, head: bool) -> int | None:
    total = _tab_count(page, tab)
    if total is None and listing is not None:
        texts = [fold(text_without(listing.body, listing.items))] + ([page.head_text()] if head else [])
        total = _count(texts, kind)
    return total


def reviews(page: Page) -> dict[str, Any]:
    """{total, items[{date, stars, answered}]} from the «Отзывы» tab."""
    listing = page.listings.get("rating")
    parsed: list[dict[str, Any]] = []
    if listing is not None:
        answers = _marks(listing, ("reviews", "answer_titles"))
        stars = _stars(listing, answers)
        for item in listing.items:
            date = listing.dates.get(item)
            if date:
                parsed.append({"date": date, "stars": stars.get(item), "answered": item in answers})
        page.found_by["reviews"] = "tab-body"
    total = _stated(page, "rating", "reviews", listing, head=True)
    meta = css(page.root, "[itemprop=reviewCount]") if total is None else []
    if meta and (meta[0].get("content") or "").isdigit():
        total = int(meta[0].get("content") or 0)
    if total is None and listing is not None and not _has_pager(listing.body):
        total = len(parsed)
    parsed.sort(key=lambda r: r["date"], reverse=True)
    return {"total": total, "items": parsed}


def _message(listing: Listing, item: Any, partner: str, badges: dict[Any, list[Any]]) -> dict[str, Any]:
    """Date, author, whether the partner wrote it, whom it addresses, nested partner answers."""
    text = inline_text(item)
    dates = find_dates(text)
    author = text[: dates[0][0]].strip(" ,:—-") if dates else ""
    by_partner = (bool(partner) and fold(author).lower().startswith(fold(partner).lower())) or (
        item in badges and bool(author)
    )
    after = re.sub(r"^[0-9.: ]+", "", text[dates[0][0] :] if dates else text)
    m = table().search(after, "comments", "addressed")
    nested = False
    for pos, _ in dates[1:]:  # a later dated block signed by the partner is a nested answer
        if partner and fold(partner).lower() in fold(text[max(0, pos - 40) : pos]).lower():
            nested = True
    return {
        "el": item,
        "date": listing.dates.get(item),
        "author": fold(author).lower(),
        "by_partner": by_partner,
        "to": fold(m.group(1)).lower() if m and by_partner else None,
        "answered": nested,
    }


def _target(msgs: list[dict[str, Any]], reply: dict[str, Any]) -> dict[str, Any] | None:
    parent_id = reply["el"].get("data-parent")
    if parent_id:
        for msg in msgs:
            if parent_id in (msg["el"].get("data-id"), msg["el"].get("id")):
                return msg
    if not reply["to"]:
        return None
    mine = [m for m in msgs if not m["by_partner"] and m["author"].startswith(reply["to"])]
    before = [m for m in mine if m["date"] and reply["date"] and m["date"] <= reply["date"]]
    pool = before or mine
    return max(pool, key=lambda m: m["date"] or "") if pool else None


def comments(page: Page, partner: str | None) -> dict[str, Any]:
    """{total, items[{date, answered}]} from the «Обсуждения» tab."""
    listing = page.listings.get("comments")
    msgs: list[dict[str, Any]] = []
    if listing is not None:
        badges = _marks(listing, ("comments", "developer_badge"))
        answers = _marks(listing, ("reviews", "answer_titles"))
        msgs = [_message(listing, item, partner or "", badges) for item in listing.items]
        for msg in msgs:
            msg["answered"] = msg["answered"] or msg["el"] in answers
        page.found_by["comments"] = "tab-body"
    tops = []
    for msg in msgs:
        target = _target(msgs, msg) if msg["by_partner"] else None
        if target is not None:
            target["answered"] = True
        else:
            tops.append(msg)
    parsed = [{"date": m["date"], "answered": m["answered"]} for m in tops if m["date"]]
    total = _stated(page, "comments", "comments", listing, head=False)
    if total is None and listing is not None and not _has_pager(listing.body):
        total = len(msgs)
    parsed.sort(key=lambda r: r["date"], reverse=True)
    return {"total": total, "items": parsed}
