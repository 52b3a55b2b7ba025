"""`extract_solution`: a solution page's HTML → the `mpcheck.facts/1` object (SPEC §3).

Unknown is null, never a guess. `found_by` says which strategy found each field; `extraction`
reports a markup change when a confirmed field (code, partner, changelog dates) comes out empty, when
a value was dropped as implausible (`rejected`, plausibility.py) or a field's reader failed (`failed`):
each field is read on its own, so one that fails never blanks the others. Dates with no year and
relative dates («вчера») are read against `today` (the clock's by default).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from mpcheck.extract import identity, jsonld, offer, plausibility, props
from mpcheck.extract.changelog import changelog
from mpcheck.extract.comments import comments
from mpcheck.extract.context import Page, build_page
from mpcheck.extract.dates import reference_day
from mpcheck.extract.dom import parse_html
from mpcheck.extract.links import links
from mpcheck.extract.reviews import reviews
from mpcheck.extract.support import labelled_free_months, support

log = logging.getLogger(__name__)
T = TypeVar("T")
SCHEMA = "mpcheck.facts/1"
CONFIRMED = ("code", "partner", "changelog")


def empty_facts(url: str | None = None) -> dict[str, Any]:
    """The facts object with every value unknown."""
    return {
        "schema": SCHEMA,
        "page_type": "solution",
        "url": url,
        "code": None,
        "name": None,
        "kind": None,
        "withdrawn": None,
        "partner": {"id": None, "name": None},
        "price": {"rub": None, "old_rub": None, "free": None, "discount_until": None},
        "demo": {"available": None, "days": None, "online_demo_url": None},
        "installs": None,
        "published": None,
        "updated": None,
        "version": None,
        "rating": {"average": None},
        "reviews": {"total": None, "items": None},
        "comments": {"total": None, "items": None},
        "changelog": None,
        "support": {
            "free_months": None,
            "channels": None,
            "hours": None,
            "timezone": None,
            "response_hours": None,
        },
        "links": {"documentation": None, "video": [], "presentation": None, "cases": []},
        "editions": None,
        "adaptive": None,
        "composite": None,
        "found_by": {},
        "extraction": {"markup_changed": True, "missing_confirmed": list(CONFIRMED), "sources": {}},
    }


def _missing(facts: dict[str, Any]) -> list[str]:
    missing = []
    if not facts["code"]:
        missing.append("code")
    if facts["partner"]["id"] is None:
        missing.append("partner")
    if not facts["changelog"] or not any(e["date"] for e in facts["changelog"]):
        missing.append("changelog")
    return missing


def _field(failed: list[str], name: str, read: Callable[[], T], unknown: T) -> T:
    """One field's value; a reader that raises leaves that field unknown and the others intact."""
    try:
        return read()
    except Exception:  # a page can break one reader; it must not cost the other fields
        log.exception("reading %s failed", name)
        failed.append(name)
        return unknown


def _from_changelog(facts: dict[str, Any], page: Page) -> None:
    newest = facts["changelog"][0] if facts["changelog"] else None
    if facts["updated"] is None and newest and newest["date"]:
        facts["updated"], page.found_by["updated"] = newest["date"], "changelog"
    if facts["version"] is None and newest:
        facts["version"], page.found_by["version"] = newest["version"], "changelog"


def _extract(html_text: str, url: str | None, today: dt.date) -> dict[str, Any]:
    page = build_page(parse_html(html_text), url)
    facts, blank = empty_facts(), empty_facts()
    failed: list[str] = []

    def read(name: str, reader: Callable[[], Any]) -> Any:
        return _field(failed, name, reader, blank[name])

    # item-based fields first, then the items leave the tree (see Page.detach_items)
    partner_for_comments = read("partner", lambda: identity.partner(page))  # answers are told by their author
    facts["reviews"] = read("reviews", lambda: reviews(page, partner_for_comments["name"]))
    entries = read("changelog", lambda: changelog(page))
    facts["comments"] = read("comments", lambda: comments(page, partner_for_comments["name"]))
    page.detach_items()
    code = read("code", lambda: identity.code(page))
    gone = read("withdrawn", lambda: identity.withdrawn(page))
    facts.update(
        url=read("url", lambda: identity.page_url(page, code)),
        code=code,
        name=read("name", lambda: identity.name(page)),
        kind=read("kind", lambda: identity.kind(page)),
        withdrawn=gone,
        partner=partner_for_comments,
        price=read("price", lambda: offer.price(page)),
        demo=read("demo", lambda: offer.demo(page, gone)),
        changelog=entries,
    )
    for name, reader in props.READERS.items():
        facts[name] = read(name, partial(reader, page))
    facts["rating"] = read("rating", lambda: {"average": props.rating(page)})
    facts["support"] = read("support", lambda: support(page.tabs.bodies.get("support")))
    if "support" in page.tabs.bodies:
        page.found_by["support"] = "tab-body"
    elif (months := _field(failed, "support", lambda: labelled_free_months(page), None)) is not None:
        facts["support"]["free_months"], page.found_by["support"] = months, "label"
    facts["links"] = read("links", lambda: links(page))
    _field(failed, "json-ld", lambda: jsonld.fill_from_json_ld(facts, page.root, page.found_by), None)
    facts["demo"] = offer.settle_demo(facts["demo"], facts["price"], facts["withdrawn"])
    rejected = plausibility.check(facts, today)
    _from_changelog(facts, page)
    rejected += plausibility.check(facts, today)  # the changelog's own values are checked too
    for item in rejected:  # a dropped value was found by nothing
        if facts.get(item["field"]) is None:
            page.found_by.pop(item["field"], None)
    missing = _missing(facts)
    facts["found_by"] = dict(sorted(page.found_by.items()))
    facts["extraction"] = {
        "markup_changed": bool(missing or rejected or failed),
        "missing_confirmed": missing,
        "sources": {field: "html" for field in facts["found_by"]},
    }
    if rejected:
        facts["extraction"]["rejected"] = rejected
    if failed:
        facts["extraction"]["failed"] = failed
    return facts


def extract_solution(
    html_text: str, url: str | None = None, *, today: dt.date | None = None
) -> dict[str, Any]:
    """Facts of a solution page; never raises (an all-null object marked `markup_changed` instead).

    `today` is the reference day for dates with no year and relative dates (default: the clock).
    """
    day = today or dt.date.today()
    try:
        with reference_day(day):
            return _extract(html_text if isinstance(html_text, str) else "", url, day)
    except Exception:  # the extractor must survive any page; the failure is logged, not hidden
        log.exception("solution extraction failed for %s", url)
        return empty_facts(url)
