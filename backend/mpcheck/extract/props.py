"""The labelled properties: published, updated, version, installs, editions, adaptive, composite, rating."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from mpcheck.extract import values
from mpcheck.extract.context import Page
from mpcheck.extract.dates import parse_date
from mpcheck.extract.dom import ancestors, css
from mpcheck.extract.label_table import table
from mpcheck.extract.text import inline_text, norm

_QUOTES = "«»\"“”„'’"


def _labelled(page: Page, field: str, parse: Callable[[str], Any]) -> Any:
    """Label first, then the field's selector fallbacks (attribute or text); None if nothing parses."""
    hit = page.index.find(field, valid=lambda text: parse(text) is not None)
    if hit:
        value = parse(hit.text)
        if value is not None:
            page.found_by[field] = "label"
            return value
    for sel in table().entries("fields", field, "selectors"):
        for el in page.outside(css(page.root, sel["css"])):
            raw = el.get(sel["attr"]) if sel.get("attr") and el.get(sel["attr"]) else inline_text(el)
            value = parse(raw)
            if value is not None:
                page.found_by[field] = "selector"
                return value
    return None


def editions(text: str) -> list[str] | None:
    """«"Старт", "Стандарт"» → ["Старт", "Стандарт"]; «—» → None."""
    sep = table().rx("fields", "editions", "values")[0]
    items = [norm(part).strip(_QUOTES + " .") for part in sep.split(norm(text))]
    items = [i for i in items if i and re.search(r"[^\W\d_]", i)]
    return items or None


def read_props(page: Page) -> dict[str, Any]:
    """All labelled property fields at once."""
    return {
        "installs": _labelled(page, "installs", values.installs),
        "published": _labelled(page, "published", parse_date),
        "updated": _labelled(page, "updated", parse_date),
        "version": _labelled(page, "version", values.version),
        "editions": _labelled(page, "editions", editions),
        "adaptive": _labelled(page, "adaptive", values.yes_no),
        "composite": _labelled(page, "composite", values.yes_no),
    }


def _not_in(items: list[Any]) -> Callable[[Any], bool]:
    inside = set(items)
    return lambda el: not any(a in inside for a in ancestors(el))


def rating(page: Page) -> float | None:
    """Average rating: label (head, then the reviews summary), the «no ratings» text, then selectors."""
    not_item = _not_in(page.review_items)

    def parses(text: str) -> bool:
        return values.rating(text) is not None

    hit = page.index.find("rating", valid=parses) or page.index.find(
        "rating", zones=("rating",), accept=not_item, valid=parses
    )
    if hit:
        page.found_by["rating"] = "label"
        return values.rating(hit.text)
    if table().search(page.head_text(), "fields", "rating", "none"):
        page.found_by["rating"] = "text"
        return None
    for sel in table().entries("fields", "rating", "selectors"):
        found = [el for el in page.outside(css(page.root, sel["css"]), "rating") if not_item(el)]
        if sel.get("count"):
            value = float(len(found)) if found else None
        else:
            raw = [
                el.get(sel["attr"]) if sel.get("attr") and el.get(sel["attr"]) else inline_text(el)
                for el in found
            ]
            value = next((v for v in map(values.rating, raw) if v is not None), None)
        if value is not None:
            page.found_by["rating"] = "selector"
            return value
    return None
