"""The one place the reader calls `mpcheck.extract`, so an extractor API change touches one file.

Pages arrive as bytes plus the response Content-Type; `mpcheck.extract` owns decoding (header, meta,
strict UTF-8, then cp1251) and parsing. Pager pages are bounded by the caller.
"""

from __future__ import annotations

from typing import Any

from mpcheck import extract
from mpcheck.extract.decode import decode_body
from mpcheck.marketplace.fetcher import Fetched


def page_facts(page: Fetched) -> dict[str, Any]:
    """Facts of any Marketplace page (solution, partner, rating list, listing), dispatched by type."""
    return dict(extract.extract_page(page.body, url=page.url, content_type=page.content_type))


def page_text(page: Fetched) -> str:
    """The decoded HTML, for the pager-link helpers."""
    return decode_body(page.body, page.content_type)


def pager_urls(page: Fetched) -> list[str]:
    """Links to further review and comment pages (relative or absolute; the fetcher checks them)."""
    text = page_text(page)
    urls = [*extract.review_pager_urls(text, page.url), *extract.comment_pager_urls(text, page.url)]
    return list(dict.fromkeys(str(u) for u in urls))  # de-duplicated, order kept


def merge_pages(facts: dict[str, Any], pages: list[dict[str, Any]]) -> dict[str, Any]:
    """Add the review/comment items of further pages to the first page's facts."""
    return dict(extract.merge_paged_items(facts, pages))


def feed_merge(facts: dict[str, Any], feed: Fetched) -> dict[str, Any]:
    """Fill fields the HTML missed from the XML feed (`?update_sys_new=Y`, windows-1251)."""
    parsed = extract.parse_feed(feed.body)
    return dict(extract.merge_feed(facts, parsed))
