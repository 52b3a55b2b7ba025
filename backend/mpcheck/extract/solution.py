"""`extract_solution`: a solution page's HTML → the `mpcheck.facts/1` object (SPEC §3).

Unknown is null, never a guess. `found_by` says which strategy found each field; `extraction`
reports a markup change when a confirmed field (code, partner, changelog dates) comes out empty.
"""

from __future__ import annotations

import logging
from typing import Any

from mpcheck.extract import identity, jsonld, offer, props
from mpcheck.extract.changelog import changelog
from mpcheck.extract.comments import comments
from mpcheck.extract.context import build_page
from mpcheck.extract.dom import parse_html
from mpcheck.extract.links import links
from mpcheck.extract.reviews import reviews
from mpcheck.extract.support import support

log = logging.getLogger(__name__)
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
        "price": {"rub": None, "old_rub": None, "free": None},
        "demo": {"available": None, "days": None, "online_demo_url": None},
        "installs": None,
        "published": None,
        "updated": None,
        "version": None,
        "rating": {"average": None},
        "reviews": {"total": None, "items": []},
        "comments": {"total": None, "items": []},
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


def _extract(html_text: str, url: str | None) -> dict[str, Any]:
    page = build_page(parse_html(html_text), url)
    facts = empty_facts()
    # item-based fields first, then the items leave the tree (see Page.detach_items)
    facts["reviews"] = reviews(page)
    entries = changelog(page)
    partner_for_comments = identity.partner(page)
    facts["comments"] = comments(page, partner_for_comments["name"])
    page.detach_items()
    code = identity.code(page)
    facts.update(
        url=identity.page_url(page, code),
        code=code,
        name=identity.name(page),
        kind=identity.kind(page),
        withdrawn=identity.withdrawn(page),
        partner=partner_for_comments,
        price=offer.price(page),
        demo=offer.demo(page),
        changelog=entries,
    )
    facts.update(props.read_props(page))
    facts["rating"] = {"average": props.rating(page)}
    facts["support"] = support(page.tabs.bodies.get("support"))
    if "support" in page.tabs.bodies:
        page.found_by["support"] = "tab-body"
    facts["links"] = links(page)
    jsonld.fill(facts, page.root, page.found_by)
    if facts["updated"] is None and facts["changelog"] and facts["changelog"][0]["date"]:
        facts["updated"], page.found_by["updated"] = facts["changelog"][0]["date"], "changelog"
    if facts["version"] is None and facts["changelog"]:
        facts["version"], page.found_by["version"] = facts["changelog"][0]["version"], "changelog"
    missing = _missing(facts)
    facts["found_by"] = dict(sorted(page.found_by.items()))
    facts["extraction"] = {
        "markup_changed": bool(missing),
        "missing_confirmed": missing,
        "sources": {field: "html" for field in facts["found_by"]},
    }
    return facts


def extract_solution(html_text: str, url: str | None = None) -> dict[str, Any]:
    """Facts of a solution page; never raises (an all-null object marked `markup_changed` instead)."""
    try:
        return _extract(html_text if isinstance(html_text, str) else "", url)
    except Exception:  # the extractor must survive any page; the failure is logged, not hidden
        log.exception("solution extraction failed for %s", url)
        return empty_facts(url)
