"""Page-type detection and the `extract_page` entry point (bytes or text → the matching schema)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

from mpcheck.extract.decode import decode_body
from mpcheck.extract.dom import absolute_url, css, parse_html
from mpcheck.extract.feed import parse_feed
from mpcheck.extract.label_table import table
from mpcheck.extract.listing import extract_listing
from mpcheck.extract.partner import extract_partner
from mpcheck.extract.rating_list import extract_rating_list
from mpcheck.extract.solution import extract_solution


def _type_from_url(url: str) -> str | None:
    rules = table()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if rules.search(url, "urls", "feed"):
        return "feed"
    if rules.search(parts.path, "urls", "solution_path"):
        return "solution"
    if rules.search(parts.path, "urls", "partner_path"):
        return "partner"
    if rules.search(parts.path, "urls", "rating_path"):
        return "partners_rating"
    if rules.search(parts.path, "urls", "listing_path"):
        return "listing"
    return None


def _type_from_canonical(root: Any) -> str | None:
    """What a saved copy's canonical / og:url link on the Marketplace says it is (a snapshot's,
    archived, is its original): a solution page whose other-solution cards look like a catalog's is
    still a solution page."""
    for sel, attr in (("link[rel=canonical]", "href"), ("meta[property='og:url']", "content")):
        for el in css(root, sel)[:1]:
            link = absolute_url(el.get(attr), None)
            if link and urlsplit(link).netloc.endswith(table().data["urls"]["host"]):
                found = _type_from_url(link)
                if found and found != "feed":
                    return found
    return None


def detect_page_type_from_markup(html: str) -> str:
    """The page type from the markup alone (TS `detectPageTypeFromMarkup`), plus the XML feed."""
    head = html[:2048].lstrip()
    if head.startswith("<?xml") and "<modules" in html[:8192]:
        return "feed"
    root = parse_html(html)
    found = _type_from_canonical(root)
    if found:
        return found
    if len(css(root, ".item-wrap")) >= 2:
        return "listing"
    if css(root, "a[name='nav_start']") and len(css(root, ".text a[name]")) >= 2:
        return "partners_rating"
    if css(root, ".mp_sc_ls_container, [data-partner-id]"):
        return "partner"
    if css(root, "[id^='tab-'], a[href*='tobasket.php'], input#module") or "Код решения" in html:
        return "solution"
    return "other"


def detect_page_type(url: str | None, html: str | None = None) -> str:
    """solution | listing | partner | partners_rating | feed | other, from the URL first, then the markup."""
    found = _type_from_url(url) if url else None
    if found:
        return found
    return detect_page_type_from_markup(html) if html else "other"


def extract_page(
    body: bytes | str,
    *,
    url: str | None = None,
    content_type: str | None = None,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Decode (header, meta, UTF-8, cp1251), detect the page type and run its extractor. Never raises.

    `today` is the reference day of a solution page's dates with no year and relative dates.
    """
    try:
        text = decode_body(body, content_type)
    except Exception:
        text = ""
    kind = detect_page_type(url, text)
    if kind == "feed":
        return parse_feed(body)
    if kind == "listing":
        return extract_listing(text, url)
    if kind == "partner":
        return extract_partner(text, url)
    if kind == "partners_rating":
        return extract_rating_list(text, url)
    if kind == "solution":
        return extract_solution(text, url, today=today)
    return {"schema": "mpcheck.facts/1", "page_type": "other", "url": url}
