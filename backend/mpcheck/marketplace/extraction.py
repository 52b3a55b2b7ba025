"""The one place the reader calls `mpcheck.extract`, so an extractor API change touches one file.

Pages arrive as bytes plus the response Content-Type; `decode_body` applies SPEC §8's charset order
(header, meta, strict UTF-8, cp1251). The page kind is known from the URL we asked for, so the
specific extractor is called rather than a type-sniffing dispatcher.

Pager and feed helpers (`review_pager_urls`, `comment_pager_urls`, `merge_paged_items`, `parse_feed`,
`merge_feed`) are optional: while the extract package lacks one, that enrichment step is skipped and
noted, and the first page's facts are still served.
"""

from __future__ import annotations

import importlib
from typing import Any

from mpcheck.extract.decode import decode_body
from mpcheck.marketplace.fetcher import Fetched


def _extract_fn(name: str, module: str | None = None) -> Any:
    """`mpcheck.extract.<name>`, else `mpcheck.extract.<module>.<name>`, else None."""
    package = importlib.import_module("mpcheck.extract")
    fn = getattr(package, name, None)
    if fn is None and module:
        fn = getattr(importlib.import_module(f"mpcheck.extract.{module}"), name, None)
    return fn


def text(page: Fetched) -> str:
    """The decoded body."""
    return decode_body(page.body, page.content_type)


def solution_facts(page: Fetched) -> dict[str, Any]:
    """`mpcheck.facts/1` of a solution page."""
    return dict(_extract_fn("extract_solution", "solution")(text(page), url=page.url))


def partner_facts(page: Fetched) -> dict[str, Any]:
    """`mpcheck.partner/1` of a partner page."""
    return dict(_extract_fn("extract_partner", "partner")(text(page), url=page.url))


def rating_facts(page: Fetched) -> dict[str, Any]:
    """`mpcheck.partners_rating/1` of one developers' rating page."""
    return dict(_extract_fn("extract_rating_list", "rating_list")(text(page), url=page.url))


def pager_urls(page: Fetched) -> list[str] | None:
    """Links to further review and comment pages, de-duplicated; None when the helpers are missing."""
    reviews, comments = _extract_fn("review_pager_urls"), _extract_fn("comment_pager_urls")
    if reviews is None or comments is None:
        return None
    html = text(page)
    urls = [*reviews(html, page.url), *comments(html, page.url)]
    return list(dict.fromkeys(str(u) for u in urls))


def merge_pages(facts: dict[str, Any], pages: list[dict[str, Any]]) -> dict[str, Any]:
    """Add the review/comment items of further pages to the first page's facts."""
    return dict(_extract_fn("merge_paged_items")(facts, pages))


def feed_available() -> bool:
    """Whether the XML feed can be parsed and merged yet."""
    return _extract_fn("parse_feed") is not None and _extract_fn("merge_feed") is not None


def feed_merge(facts: dict[str, Any], feed: Fetched) -> dict[str, Any]:
    """Fill fields the HTML missed from the XML feed (`?update_sys_new=Y`, windows-1251)."""
    parsed = _extract_fn("parse_feed")(feed.body)
    return dict(_extract_fn("merge_feed")(facts, parsed))
