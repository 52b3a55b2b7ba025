"""Catalog / category / search page → `mpcheck.listing/1`: one stub per card (DOM.md §6).

Cards are `span.item-wrap` (C: E6, E10); without them, each solution link is climbed to the
nearest ancestor that holds only that one solution (DOM.md §10.6). Card internals are guessed, so
every value is read by text regex inside the card (price, «Демо N дней», «Установок: …», rating).
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs, urlsplit

from mpcheck.extract import values
from mpcheck.extract.dom import css, inline_text, parse_html
from mpcheck.extract.label_table import table
from mpcheck.extract.offer import price_in
from mpcheck.extract.rating_list import page_numbers
from mpcheck.extract.text import fold

log = logging.getLogger(__name__)
SCHEMA = "mpcheck.listing/1"


def _code(el: Any) -> str | None:
    m = table().search(el.get("href") or "", "urls", "solution_path")
    return m.group(1).lower() if m else None


def _cards(root: Any) -> list[Any]:
    rules = table()
    cards = [c for sel in rules.entries("listing", "cards") for c in css(root, sel["css"])]
    if cards:
        return cards
    found: list[Any] = []
    for a in css(root, "a[href*='/solutions/']"):
        code, card = _code(a), a
        if not code:
            continue
        while card.getparent() is not None and {_code(x) for x in css(card.getparent(), "a[href]")} - {
            None
        } == {code}:
            card = card.getparent()
        if card not in found:
            found.append(card)
    return found


def _first_text(card: Any, path: tuple[str, ...]) -> str | None:
    for sel in table().entries(*path):
        for el in css(card, sel["css"]):
            text = inline_text(el)
            if text:
                return text
    return None


def _free(card: Any) -> dict[str, Any] | None:
    """A card whose price element says «Бесплатно» (a name containing «бесплатно» does not count)."""
    for el in css(card, "*"):
        text = inline_text(el)
        if len(text) <= 20 and values.is_free(text):
            return {"rub": 0, "old_rub": None, "free": True}
    return None


def read_card(card: Any) -> dict[str, Any] | None:
    """One card's values (code, name, price, demo days, installs, rating, partner, reviews); None
    for an element with no solution link."""
    rules = table()
    link = next((a for a in css(card, "a[href]") if _code(a)), None)
    if link is None:
        return None
    text = inline_text(card)
    folded = fold(text)
    rating_text = _first_text(card, ("listing", "card_rating"))
    reviews = None
    for el in css(card, "*"):
        m = rules.search(fold(inline_text(el)), "listing", "card_reviews") if not len(el) else None
        if m:
            reviews = int(m.group(1) or m.group(2))
            break
    if reviews is None and rules.search(folded, "fields", "rating", "none"):
        reviews = 0
    partner = next((a for a in css(card, "a[href*='detail.php?ID=']")), None)
    pm = (
        rules.search(partner.get("href") or "", "fields", "partner", "values")
        if partner is not None
        else None
    )
    installs = values.installs(folded.split("установок", 1)[-1]) if "установок" in folded.lower() else None
    return {
        "code": _code(link),
        "name": _first_text(card, ("listing", "card_name")) or inline_text(link),
        "price": price_in(card, text) or _free(card) or {"rub": None, "old_rub": None, "free": None},
        "demo_days": values.demo_days(folded),
        "installs_label": installs["label"] if installs else None,
        "rating": values.rating(rating_text) if rating_text else None,
        "partner_id": int(pm.group(1)) if pm else None,
        "reviews": reviews,
    }


def _category(root: Any, url: str | None) -> int | None:
    m = table().search(url or "", "urls", "category")
    if m:
        return int(m.group(1))
    hidden = css(root, "input[name=category]")
    value = hidden[0].get("value") if hidden else None
    return int(value) if value and value.isdigit() else None


def _extract(html_text: str, url: str | None) -> dict[str, Any]:
    root = parse_html(html_text)
    page, last = page_numbers(root, url)
    if url and "PAGEN_1" in (parse_qs(urlsplit(url).query)):
        page = int(parse_qs(urlsplit(url).query)["PAGEN_1"][0] or page)
    cards = [c for c in (read_card(el) for el in _cards(root)) if c]
    return {
        "schema": SCHEMA,
        "url": url,
        "category_id": _category(root, url),
        "page": page,
        "last_page": last,
        "cards": cards,
    }


def extract_listing(html: str, url: str | None = None) -> dict[str, Any]:
    """Card stubs of a catalog page; never raises."""
    try:
        return _extract(html if isinstance(html, str) else "", url)
    except Exception:
        log.exception("listing extraction failed for %s", url)
        return {
            "schema": SCHEMA,
            "url": url,
            "category_id": None,
            "page": None,
            "last_page": None,
            "cards": [],
        }
