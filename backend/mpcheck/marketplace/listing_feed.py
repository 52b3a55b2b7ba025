"""A listing page's own XML feed (`?update_sys_new=Y` of the same catalog, category or search URL,
DOM.md §1, §7) for POST /score/batch: one upstream read per listing URL and TTL, shared by every
caller (the cache's single flight), served stale when the Marketplace fails, never failing a batch.

The URL a batch names is the page the buyer is on, so it is checked like everything the fetcher
reads (SPEC §8): the production host over https or the configured origin, a listing path, nothing
else. Only its path and query are kept and read on the configured origin, as the CLI does with a
solution URL (cli/targets.py), so a test's fake Marketplace serves the production URL forms.

A batch waits for the feed at most MARKETPLACE_LISTING_FEED_WAIT seconds: the extension gives the
whole batch 2 s, and the politeness pacer may hold a fresh read longer than that. A read that does
not finish in time goes on in the background and fills the cache for the page's next batch.
"""

from __future__ import annotations

import logging
import re
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

import httpx

from mpcheck.marketplace import extraction
from mpcheck.marketplace.cache import Cached, KeyedCache
from mpcheck.marketplace.errors import MarketplaceError, Refused
from mpcheck.marketplace.fetcher import Fetcher
from mpcheck.marketplace.urls import PRODUCTION_URL, SOLUTION_CODE, UrlPolicy

log = logging.getLogger(__name__)
MAX_URL_LENGTH = 2048
FEED_PARAM = "update_sys_new"
# The listing pages of DOM.md §1, as extension/src/shared/page-type.ts tells them apart: the
# extension only sends the URL of a page it treats as a listing.
_LISTING_PATH = re.compile(r"^/solutions/(?:category/\d+/?)?$|^/search/(?:index\.php)?$")
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f\\]")
_PRODUCTION = httpx.URL(PRODUCTION_URL)

Items = dict[str, dict[str, Any]]


class NotAListing(ValueError):
    """`listing_url` is not a Marketplace catalog, category or search URL (the API's 400)."""


def feed_url(policy: UrlPolicy, listing_url: object) -> httpx.URL:
    """The feed URL on the configured origin for a listing page's URL; NotAListing otherwise."""
    if not isinstance(listing_url, str) or not listing_url or len(listing_url) > MAX_URL_LENGTH:
        raise NotAListing(f"listing_url must be a URL string of at most {MAX_URL_LENGTH} characters")
    if _UNSAFE_CHARS.search(listing_url):
        raise NotAListing("listing_url has whitespace, control characters or backslashes")
    try:
        url = httpx.URL(listing_url)
    except (httpx.InvalidURL, ValueError, UnicodeError):
        raise NotAListing("listing_url is not a URL") from None
    production = (
        url.scheme == "https"
        and url.raw_host.lower() == _PRODUCTION.raw_host
        and url.port in (None, 443)
        and not url.userinfo
    )
    if not production:
        try:
            policy.check(url)
        except Refused:
            raise NotAListing(
                f"listing_url must be on {PRODUCTION_URL} (or the configured Marketplace origin), "
                f"not {url.scheme}://{url.netloc.decode('ascii', 'replace')[:100]}"
            ) from None
    if not _LISTING_PATH.match(url.path):
        raise NotAListing(f"listing_url is not a catalog, category or search page: {url.path[:200]!r}")
    # The query is kept byte for byte (only a feed flag of its own is replaced): a search text may
    # be percent-encoded in windows-1251 (DOM.md §2), which decoding and re-encoding would garble.
    raw = url.query.decode("ascii", "replace")
    parts = [part for part in raw.split("&") if part and part.split("=", 1)[0] != FEED_PARAM]
    return policy.join(f"{url.path}?{'&'.join([*parts, f'{FEED_PARAM}=Y'])}")


def _feed_items(page: Any) -> Items:
    """code -> the fields each feed item really carries (those its parser says it read; the rest
    of the facts skeleton, such as empty link lists, is not the feed's), for items whose code is a
    solution code (the first item of a code wins)."""
    items: Items = {}
    for facts in extraction.listing_feed_items(page):
        code = facts.get("code")
        read = (facts.get("extraction") or {}).get("sources") or {}
        if isinstance(code, str) and SOLUTION_CODE.match(code) and code not in items:
            items[code] = {key: facts[key] for key in read if key in facts and key != "code"}
    return items


class ListingFeedReader:
    """Reads listing feeds through one cache, waiting a bounded time per batch."""

    def __init__(self, fetcher: Fetcher, cache: KeyedCache, *, wait: float) -> None:
        self.fetcher, self.cache, self.wait = fetcher, cache, wait
        # Two threads: the fetcher allows two requests per host at most, and a read that outlives
        # its batch must not hold the request thread.
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="listing-feed")

    def close(self) -> None:
        """Stop the background reads (a running one ends with the fetcher's deadline)."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _load(self, url: httpx.URL) -> Items:
        return _feed_items(self.fetcher.get(url))

    def read(self, url: httpx.URL) -> tuple[Items, dict[str, Any]]:
        """The feed's items by code and what the reply says of it (`meta`): `status` ok / stale /
        pending (still being read) / failed, with the cache's age, `items` and a `note` when the
        cards were filled without it. Never raises for the Marketplace's failures."""
        path = f"{url.path}?{url.query.decode('ascii', 'replace')}"
        meta: dict[str, Any] = {"url": path}
        future = self._pool.submit(self.cache.get, path, lambda: self._load(url))
        try:
            cached: Cached[Items] = future.result(timeout=self.wait)
        except FutureTimeout:
            meta.update(
                status="pending", note=f"the listing's feed is still being read (over {self.wait:g} s)"
            )
            return {}, meta
        except MarketplaceError as exc:
            meta.update(status="failed", error=exc.reason, note=f"the listing's feed is unavailable: {exc}")
            return {}, meta
        except Exception as exc:  # a bug here must cost the cards their feed, not the batch
            log.exception("listing feed read failed")
            meta.update(
                status="failed",
                error="internal",
                note=f"the listing's feed was not read ({type(exc).__name__})",
            )
            return {}, meta
        meta.update(cached.meta(), status="stale" if cached.stale else "ok", items=len(cached.value))
        if cached.stale:
            meta["note"] = "the listing's feed failed: its last good read is used"
        return cached.value, meta
