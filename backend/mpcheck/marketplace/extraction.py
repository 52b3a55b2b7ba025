"""The one place the reader calls `mpcheck.extract`, so an extractor API change touches one file.

Pages arrive as bytes plus the response Content-Type; `decode_body` applies SPEC §8's charset order
(header, meta, strict UTF-8, cp1251) after a byte-order mark and BOM-less UTF-16, which come first.
The page kind is known from the URL we asked for, so the specific extractor is called rather than
the type-sniffing `extract_page`.
"""

from __future__ import annotations

import codecs
import functools
import logging
import re
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from mpcheck import extract
from mpcheck.marketplace.errors import BadPage, MarketplaceError
from mpcheck.marketplace.fetcher import Fetched

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")
# Charsets a web page can really be in. Python also "decodes" with punycode, idna, utf-7 or rot13,
# which either raise UnicodeError (not UnicodeDecodeError) or turn the page into nonsense; a header
# naming one of those is ignored and the <meta> / UTF-8 / cp1251 order applies. The UTF-16 names stay
# known here, but `decode_body` never trusts a declared UTF-16: only a BOM or the NUL bytes choose it.
WEB_CHARSETS = frozenset(
    codecs.lookup(name).name
    for name in (
        "utf-8",
        "cp1251",
        "koi8-r",
        "koi8-u",
        "cp866",
        "iso8859-5",
        "mac-cyrillic",
        "latin-1",
        "cp1252",
        "ascii",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
    )
)
_CHARSET_PARAM = re.compile(r";\s*charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)[\"']?", re.IGNORECASE)


def web_content_type(content_type: str | None) -> str | None:
    """The Content-Type with its charset parameter dropped unless it names a web charset."""
    if not content_type:
        return content_type
    match = _CHARSET_PARAM.search(content_type)
    if not match:
        return content_type
    try:
        known = codecs.lookup(match.group(1)).name in WEB_CHARSETS
    except LookupError:
        known = False
    return content_type if known else content_type[: match.start()] + content_type[match.end() :]


def guarded(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn an extractor crash on a hostile page into BadPage (502, remembered) instead of a 500."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except MarketplaceError:
            raise
        except Exception as exc:  # the traceback is for the log; the client gets a stable reason
            log.exception("could not read a Marketplace page")
            raise BadPage(f"the Marketplace page could not be read ({type(exc).__name__})") from None

    return wrapper


@guarded
def text(page: Fetched) -> str:
    """The decoded body."""
    return extract.decode_body(page.body, web_content_type(page.content_type))


@guarded
def solution_facts(page: Fetched) -> dict[str, Any]:
    """`mpcheck.facts/1` of a solution page."""
    return dict(extract.extract_solution(text(page), url=page.url))


@guarded
def partner_facts(page: Fetched) -> dict[str, Any]:
    """`mpcheck.partner/1` of a partner page."""
    return dict(extract.extract_partner(text(page), url=page.url))


@guarded
def rating_facts(page: Fetched) -> dict[str, Any]:
    """`mpcheck.partners_rating/1` of one developers' rating page."""
    return dict(extract.extract_rating_list(text(page), url=page.url))


@guarded
def listing_facts(page: Fetched) -> dict[str, Any]:
    """`mpcheck.listing/1` of a catalog, category or search page."""
    return dict(extract.extract_listing(text(page), url=page.url))


@guarded
def pager_urls(page: Fetched, limit: int) -> list[str]:
    """Up to `limit` links to further review and comment pages, de-duplicated, reviews first."""
    html = text(page)
    pages = limit + 1  # the helpers count page numbers, and page 1 is the one we have
    urls = [
        *extract.review_pager_urls(html, page.url, max_pages=pages),
        *extract.comment_pager_urls(html, page.url, max_pages=pages),
    ]
    return list(dict.fromkeys(str(u) for u in urls))[:limit]


@guarded
def merge_pages(facts: dict[str, Any], pages: list[dict[str, Any]]) -> dict[str, Any]:
    """Add the review/comment items of further pages to the first page's facts."""
    extra: list[str | bytes | dict[str, Any]] = list(pages)
    return dict(extract.merge_paged_items(facts, extra))


@guarded
def feed_merge(facts: dict[str, Any], feed: Fetched) -> dict[str, Any]:
    """Fill fields the HTML missed from the XML feed (`?update_sys_new=Y`, windows-1251)."""
    return dict(extract.merge_feed(facts, extract.parse_feed(feed.body)))


@guarded
def listing_feed_items(feed: Fetched) -> list[dict[str, Any]]:
    """Partial facts of every item of a listing's XML feed (catalog, category or search page)."""
    return [dict(item) for item in extract.parse_feed_items(feed.body)]
