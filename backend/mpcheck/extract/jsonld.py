"""schema.org JSON-LD (`<script type="application/ld+json">`) as a last-resort source for page facts.

Only fields the visible page left null are filled (found_by "json-ld"); JSON-LD is written by the
page template, so it describes the same solution, but the visible labels stay the primary source.
"""

from __future__ import annotations

import json
from typing import Any

from mpcheck.extract import values
from mpcheck.extract.dates import parse_date
from mpcheck.extract.dom import jsonld_texts

_TYPES = {"SoftwareApplication", "WebApplication", "Product", "SoftwareSourceCode"}


def _objects(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [o for n in node for o in _objects(n)]
    if isinstance(node, dict):
        return [node, *_objects(node.get("@graph", []))]
    return []


def _application(root: Any) -> dict[str, Any] | None:
    """The first SoftwareApplication-like JSON-LD object of the page."""
    for text in jsonld_texts(root):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        for obj in _objects(data):
            kinds = obj.get("@type")
            kinds = set(kinds) if isinstance(kinds, list) else {kinds}
            if kinds & _TYPES:
                return obj
    return None


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def fill_from_json_ld(facts: dict[str, Any], root: Any, found_by: dict[str, str]) -> None:
    """Fill null facts from the page's JSON-LD application object."""
    app = _application(root)
    if app is None:
        return
    offer = _first(app.get("offers")) or {}
    agg = app.get("aggregateRating") or {}
    author = _first(app.get("author") or app.get("publisher") or app.get("brand")) or {}
    candidates: dict[str, Any] = {
        "name": app.get("name") if isinstance(app.get("name"), str) else None,
        "version": values.version(str(app.get("softwareVersion") or "")),
        "published": parse_date(str(app.get("datePublished") or "")),
        "updated": parse_date(str(app.get("dateModified") or "")),
    }
    for field, value in candidates.items():
        if facts.get(field) is None and value is not None:
            facts[field], found_by[field] = value, "json-ld"
    # a null the page's own words decided stays null (found by "text": «Отзывов пока нет», or reviews
    # the page disclaims as the host's own, whose JSON-LD aggregate is that host's too)
    if facts["rating"]["average"] is None and found_by.get("rating") != "text" and isinstance(agg, dict):
        avg = values.rating(str(agg.get("ratingValue") or ""))
        if avg is not None:
            facts["rating"]["average"], found_by["rating"] = avg, "json-ld"
    if (
        facts["reviews"]["total"] is None
        and found_by.get("reviews") != "text"
        and isinstance(agg, dict)
        and str(agg.get("reviewCount", "")).isdigit()
    ):
        facts["reviews"]["total"], found_by["reviews"] = int(agg["reviewCount"]), "json-ld"
    if (
        facts["price"]["rub"] is None
        and isinstance(offer, dict)
        and offer.get("priceCurrency", "RUB") == "RUB"
    ):
        rub = values.integer(str(offer.get("price") or "").split(".")[0])
        if rub is not None:
            facts["price"] = {"rub": rub, "old_rub": None, "free": rub == 0, "discount_until": None}
            found_by["price"] = "json-ld"
    if facts["partner"]["name"] is None and isinstance(author, dict) and isinstance(author.get("name"), str):
        facts["partner"]["name"], found_by["partner"] = author["name"], "json-ld"
