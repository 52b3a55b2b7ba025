"""The one place the reader calls `mpcheck.extract`, so an extractor API change touches one file.

Pages arrive as bytes plus the response Content-Type; `decode_body` applies SPEC §8's charset order
(header, meta, strict UTF-8, cp1251). The page kind is known from the URL we asked for, so the
specific extractor is called rather than the type-sniffing `extract_page`.
"""

from __future__ import annotations

from typing import Any

from mpcheck import extract
from mpcheck.marketplace.fetcher import Fetched


def text(page: Fetched) -> str:
    """The decoded body."""
    return extract.decode_body(page.body, page.content_type)


def solution_facts(page: Fetched) -> dict[str, Any]:
    """`mpcheck.facts/1` of a solution page."""
    return dict(extract.extract_solution(text(page), url=page.url))


def partner_facts(page: Fetched) -> dict[str, Any]:
    """`mpcheck.partner/1` of a partner page."""
    return dict(extract.extract_partner(text(page), url=page.url))


def rating_facts(page: Fetched) -> dict[str, Any]:
    """`mpcheck.partners_rating/1` of one developers' rating page."""
    return dict(extract.extract_rating_list(text(page), url=page.url))


def pager_urls(page: Fetched, limit: int) -> list[str]:
    """Up to `limit` links to further review and comment pages, de-duplicated, reviews first."""
    html = text(page)
    pages = limit + 1  # the helpers count page numbers, and page 1 is the one we have
    urls = [
        *extract.review_pager_urls(html, page.url, max_pages=pages),
        *extract.comment_pager_urls(html, page.url, max_pages=pages),
    ]
    return list(dict.fromkeys(str(u) for u in urls))[:limit]


def merge_pages(facts: dict[str, Any], pages: list[dict[str, Any]]) -> dict[str, Any]:
    """Add the review/comment items of further pages to the first page's facts."""
    extra: list[str | bytes | dict[str, Any]] = list(pages)
    return dict(extract.merge_paged_items(facts, extra))


def feed_merge(facts: dict[str, Any], feed: Fetched) -> dict[str, Any]:
    """Fill fields the HTML missed from the XML feed (`?update_sys_new=Y`, windows-1251)."""
    return dict(extract.merge_feed(facts, extract.parse_feed(feed.body)))
