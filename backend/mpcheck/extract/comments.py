"""Comments (Обсуждения): the stated total and the top-level messages shown on the page.

A comment item is a top-level message; the partner's replies — nested, or flat messages addressed
«Имя, …» (the Bitrix Answer() prefill) or linked by data-parent — mark their target as answered and
are not items themselves. Shared helpers: feedback.py.
"""

from __future__ import annotations

import re
from typing import Any

from mpcheck.extract.context import Page
from mpcheck.extract.dates import find_dates
from mpcheck.extract.feedback import has_pager, marks, newest_first, stated
from mpcheck.extract.items import Listing
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, inline_text


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
        badges = marks(listing, ("comments", "developer_badge"))
        answers = marks(listing, ("reviews", "answer_titles"))
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
    total = stated(page, "comments", "comments", listing, head=False)
    if total is None and listing is not None and not has_pager(listing.body):
        total = len(msgs)
    return {"total": total, "items": newest_first(parsed)}
