"""Repeated dated blocks of a tab body: reviews, comments, changelog rows (DOM.md §10.5).

Items are the children of a list container that contain a date. The container is the tab body,
descended while exactly one child holds all dates and that child is a pure wrapper (every child of
it with text holds a date, or is chrome: a heading, a title, a pager, a summary line). This keeps one
review with a dated developer answer as ONE item, and a single-item list from being split up.
"""

from __future__ import annotations

import re
from typing import Any

from mpcheck.extract.dom import iter_elements
from mpcheck.extract.rules import table
from mpcheck.extract.text import fold, inline_text, own_text

_HAS_DIGIT = re.compile(r"[0-9]")


def _date_rx() -> list[re.Pattern[str]]:
    rules = table()
    return rules.rx("dates", "numeric") + rules.rx("dates", "words")


def dated_elements(body: Any) -> list[Any]:
    """Elements whose own text holds a date, plus time[datetime] elements, in document order."""
    patterns = _date_rx()
    out = []
    for el in iter_elements(body):
        if el.tag == "time" and el.get("datetime"):
            out.append(el)
            continue
        own = own_text(el)
        if own and _HAS_DIGIT.search(own):
            folded = fold(own)
            if any(p.search(folded) for p in patterns):
                out.append(el)
    return out


def _is_chrome(el: Any) -> bool:
    """Headings, titles, pagers, summaries, forms, empty blocks: list furniture, not content."""
    rules = table()
    if el.tag in rules.heading_tags or el.tag == "form" or "tab-title" in (el.get("class") or ""):
        return True
    text = fold(inline_text(el))
    if not text:
        return True
    if "PAGEN_" in "".join(a.get("href") or "" for a in el.iter("a")):
        return True
    checks = ("pager", "range"), ("reviews", "count"), ("comments", "count")
    return any(rules.search(text, *path) for path in checks) and len(text) < 120


def _children(el: Any) -> list[Any]:
    skip = table().skip_tags
    return [c for c in el if isinstance(c.tag, str) and c.tag not in skip]


def split_items(body: Any) -> list[Any]:
    """The item elements of a tab body, in page order ([] when nothing in it is dated)."""
    dated = dated_elements(body)
    if not dated:
        return []
    marked: set[Any] = set()
    for el in dated:
        node = el
        while node is not None and node not in marked:
            marked.add(node)
            if node is body:
                break
            node = node.getparent()
    container = body
    while True:
        holders = [c for c in _children(container) if c in marked]
        if len(holders) != 1:
            break
        only = holders[0]
        if own_text(only).strip() or any(c not in marked and not _is_chrome(c) for c in _children(only)):
            break
        container = only
    return [c for c in _children(container) if c in marked]
