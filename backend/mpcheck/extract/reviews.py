"""Reviews (Отзывы): the stated total and the items shown on the page.

A review is answered when it holds an «Ответ разработчика» block. Shared helpers: feedback.py.
"""

from __future__ import annotations

import re
from typing import Any

from mpcheck.extract.context import Page
from mpcheck.extract.dom import css
from mpcheck.extract.feedback import has_pager, marks, newest_first, stated
from mpcheck.extract.items import Listing, item_of
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, inline_text

_STARS = re.compile(r"\s*([0-5])(?:[.,]([0-9]))?")


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
            item = item_of(listing, el)
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


def reviews(page: Page) -> dict[str, Any]:
    """{total, items[{date, stars, answered}]} from the «Отзывы» tab."""
    listing = page.listings.get("rating")
    parsed: list[dict[str, Any]] = []
    if listing is not None:
        answers = marks(listing, ("reviews", "answer_titles"))
        stars = _stars(listing, answers)
        for item in listing.items:
            date = listing.dates.get(item)
            if date:
                parsed.append({"date": date, "stars": stars.get(item), "answered": item in answers})
        page.found_by["reviews"] = "tab-body"
    total = stated(page, "rating", "reviews", listing, head=True)
    meta = css(page.root, "[itemprop=reviewCount]") if total is None else []
    if meta and (meta[0].get("content") or "").isdigit():
        total = int(meta[0].get("content") or 0)
    if total is None and listing is not None and not has_pager(listing.body):
        total = len(parsed)
    return {"total": total, "items": newest_first(parsed)}
