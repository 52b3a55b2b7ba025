"""Reviews (Отзывы) and comments (Обсуждения): stated totals and the items shown on the page.

Conventions (fixtures/expected/README.md): `total` is the number the page states (tab label, summary,
pager «из N»); items are newest first. A review is answered when it holds an «Ответ разработчика»
block. A comment item is a top-level message; the partner's replies — nested, or flat messages
addressed «Имя, …» (the Bitrix Answer() prefill) or linked by data-parent — mark their target as
answered and are not items themselves.
"""

from __future__ import annotations

import re
from typing import Any

from mpcheck.extract.context import Page
from mpcheck.extract.dates import element_date, find_dates
from mpcheck.extract.dom import css
from mpcheck.extract.items import dated_elements, split_items
from mpcheck.extract.rules import table
from mpcheck.extract.text import block_text, fold, inline_text, own_text


def _count(texts: list[str], kind: str) -> int | None:
    """The first stated count in the given texts (tab label, then summary/pager, then the head)."""
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


def _answer_blocks(item: Any) -> list[Any]:
    """Elements titled «Ответ разработчика» (their parent block holds the answer)."""
    rules = table()
    return [
        el
        for el in item.iter()
        if isinstance(el.tag, str) and rules.search(fold(own_text(el)), "reviews", "answer_titles")
    ]


def _stars(item: Any, answers: list[Any]) -> int | None:
    rules = table()
    skip = {d for a in answers for d in (a.getparent() if a.getparent() is not item else a).iter()}
    for sel in rules.entries("reviews", "stars_selectors"):
        found = [el for el in css(item, sel["css"]) if el not in skip]
        if not found:
            continue
        if sel.get("count"):
            return min(len(found), 5)
        raw = (
            found[0].get(sel["attr"])
            if sel.get("attr") and found[0].get(sel["attr"])
            else inline_text(found[0])
        )
        m = re.match(r"\s*([0-5])(?:[.,]([0-9]))?", raw or "")
        if m and int(m.group(1)) > 0:
            return round(float(f"{m.group(1)}.{m.group(2) or 0}"))
    text = fold(inline_text(item))
    m = rules.search(text, "reviews", "stars_text")
    if m:
        return int(m.group(1))
    stars = text.count(rules.data["reviews"]["star_char"])
    return stars if 0 < stars <= 5 else None


def _item_date(item: Any) -> str | None:
    dated = dated_elements(item)
    return element_date(dated[0], fold(own_text(dated[0]))) if dated else None


def _texts(page: Page, tab: str, items: list[Any]) -> list[str]:
    body = page.tabs.bodies.get(tab)
    rest = fold(block_text(body, exclude=frozenset(items))) if body is not None else ""
    return [rest, page.head_text()]


def reviews(page: Page) -> dict[str, Any]:
    """{total, items[{date, stars, answered}]} from the «Отзывы» tab."""
    body = page.tabs.bodies.get("rating")
    items = split_items(body) if body is not None else []
    page.review_items = items
    parsed: list[dict[str, Any]] = []
    for item in items:
        date = _item_date(item)
        if date:
            answers = _answer_blocks(item)
            parsed.append({"date": date, "stars": _stars(item, answers), "answered": bool(answers)})
    total = _tab_count(page, "rating")
    if total is None:
        total = _count(_texts(page, "rating", items), "reviews")
        meta = css(page.root, "[itemprop=reviewCount]")
        if total is None and meta and (meta[0].get("content") or "").isdigit():
            total = int(meta[0].get("content") or 0)
    if total is None and body is not None and not _has_pager(body):
        total = len(parsed)
    if body is not None:
        page.found_by["reviews"] = "tab-body"
    parsed.sort(key=lambda r: r["date"], reverse=True)
    return {"total": total, "items": parsed}


def _message(item: Any, partner: str) -> dict[str, Any]:
    """Date, author, whether the partner wrote it, whom it addresses, nested partner answers."""
    text = inline_text(item)
    dates = find_dates(text)
    author = text[: dates[0][0]].strip(" ,:—-") if dates else ""
    rules = table()
    badge = any(
        rules.search(fold(own_text(el)), "comments", "developer_badge")
        for el in item.iter()
        if isinstance(el.tag, str)
    )
    by_partner = (bool(partner) and fold(author).lower().startswith(fold(partner).lower())) or (
        badge and bool(author)
    )
    after = text[dates[0][0] :] if dates else text
    after = re.sub(r"^[0-9.: ]+", "", after)
    m = rules.search(after, "comments", "addressed")
    nested = bool(_answer_blocks(item))
    for pos, _ in dates[1:]:
        if partner and fold(partner).lower() in fold(text[max(0, pos - 40) : pos]).lower():
            nested = True
    return {
        "el": item,
        "date": _item_date(item),
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
    body = page.tabs.bodies.get("comments")
    items = split_items(body) if body is not None else []
    msgs = [_message(item, partner or "") for item in items]
    tops = []
    for msg in msgs:
        target = _target(msgs, msg) if msg["by_partner"] else None
        if target is not None:
            target["answered"] = True
        else:
            tops.append(msg)
    parsed = [{"date": m["date"], "answered": m["answered"]} for m in tops if m["date"]]
    total = _tab_count(page, "comments")
    if total is None:
        total = _count(_texts(page, "comments", items)[:1], "comments")
    if total is None and body is not None and not _has_pager(body):
        total = len(msgs)
    if body is not None:
        page.found_by["comments"] = "tab-body"
    parsed.sort(key=lambda r: r["date"], reverse=True)
    return {"total": total, "items": parsed}
