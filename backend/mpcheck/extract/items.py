"""Repeated dated blocks of a tab body: reviews, comments, changelog rows (DOM.md §10.5).

Items are the children of a list container that contain a date. The container is the tab body,
descended while exactly one child holds all dates and that child is a pure wrapper (every child of
it with text holds a date, or is chrome: a heading, a title, a pager, a summary line) or a list/table.
This keeps one review with a dated developer answer as ONE item, and a single-item list whole.
In lists and tables a row's description may be a following sibling (dt + dd): those are grouped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from mpcheck.extract.dates import element_date
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, inline_text, own_text

_HAS_YEAR = re.compile(r"[0-9]{4}")  # every date form has a 4-digit year: a cheap ASCII prefilter
_LIST_TAGS = {"dl", "table", "tbody", "ul", "ol"}


@dataclass
class Listing:
    """The items of one tab body, each item's date, and the body's text-bearing elements."""

    body: Any
    items: list[Any] = field(default_factory=list)
    dates: dict[Any, str | None] = field(default_factory=dict)
    owns: list[tuple[Any, str]] = field(default_factory=list)


def item_of(listing: Listing, el: Any) -> Any:
    """The item an element belongs to (None outside every item)."""
    members = listing.dates
    while el is not None and el is not listing.body:
        if el in members:
            return el
        el = el.getparent()
    return None


def _scan(body: Any) -> list[tuple[Any, str]]:
    """(element, own text) for every element under `body` with non-blank own text, in document order.

    This is the one Python pass over every element of a long list (dates and answer titles are then
    tested on these strings), so it reads each element's text and children's tails exactly once.
    """
    out: list[tuple[Any, str]] = []
    append = out.append
    for el in body.iter(etree.Element):  # elements only: comments and PIs are skipped in C
        own = el.text or ""
        if len(el):
            own += "".join([c.tail or "" for c in el])
        if own and not own.isspace():
            append((el, own))
    return out


def _dated(owns: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
    # the cheap ASCII year test first; then every date regex at once (one alternation, one scan)
    is_date = table().any_search(("dates", "numeric"), ("dates", "words"))
    has_year = _HAS_YEAR.search
    return [
        (el, own)
        for el, own in owns
        if (has_year(own) and is_date(own)) or (el.tag == "time" and el.get("datetime"))
    ]


def _is_chrome(el: Any) -> bool:
    """Headings, titles, pagers, summaries, forms, empty blocks: list furniture, not content."""
    rules = table()
    if el.tag in rules.heading_tags or el.tag == "form" or "tab-title" in (el.get("class") or ""):
        return True
    text = fold(inline_text(el))
    if not text:
        return True
    if any("PAGEN_" in (a.get("href") or "") for a in el.iter("a")):
        return True
    checks = ("pager", "range"), ("reviews", "count"), ("comments", "count")
    return len(text) < 120 and any(rules.search(text, *path) for path in checks)


def _children(el: Any) -> list[Any]:
    return [c for c in el if isinstance(c.tag, str)]


def _grouped(container: Any, marked: set[Any]) -> list[Any]:
    """Rows of a list/table whose description sits in following siblings (dt + dd, tr + tr)."""
    groups: list[list[Any]] = []
    for child in _children(container):
        if child in marked:
            groups.append([child])
        elif groups and not _is_chrome(child):
            groups[-1].append(child)
    items = []
    for group in groups:
        if len(group) == 1:
            items.append(group[0])
            continue
        wrapper = etree.Element("div")
        container.insert(container.index(group[0]), wrapper)
        for node in group:
            wrapper.append(node)
        items.append(wrapper)
    return items


def _containers(body: Any, marked: set[Any]) -> list[Any]:
    container = body
    while True:
        holders = [c for c in _children(container) if c in marked]
        if len(holders) != 1:
            break
        only = holders[0]
        wrapper = not own_text(only).strip() and all(c in marked or _is_chrome(c) for c in _children(only))
        if not (wrapper or only.tag in _LIST_TAGS):
            break
        container = only
    if container.tag in _LIST_TAGS:
        return _grouped(container, marked)
    return [c for c in _children(container) if c in marked]


def split_listing(body: Any) -> Listing:
    """Items of a tab body in page order, with the date of each (its first dated element)."""
    listing = Listing(body=body, owns=_scan(body))
    dated = _dated(listing.owns)
    if not dated:
        return listing
    marked: set[Any] = set()
    for el, _ in dated:
        node = el
        while node is not None and node not in marked:
            marked.add(node)
            if node is body:
                break
            node = node.getparent()
    listing.items = _containers(body, marked)
    listing.dates = dict.fromkeys(listing.items)
    for el, own in dated:
        item = item_of(listing, el)
        if item is not None and listing.dates[item] is None:
            listing.dates[item] = element_date(el, own)
    return listing
