"""Glue used by the API and the CLI: fetch -> extract -> cache -> record -> (score).

One `MarketplaceService` per app (`init_app` puts it in `app.extensions["mpcheck_marketplace"]`);
nothing is built at import time.
"""

from __future__ import annotations

import copy
import functools
import threading
import weakref
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from mpcheck.marketplace import extraction, shared
from mpcheck.marketplace.cache import Cached, KeyedCache, SingleFlightCache
from mpcheck.marketplace.errors import MarketplaceError, NotFound, UpstreamTimeout
from mpcheck.marketplace.fetcher import Fetcher
from mpcheck.marketplace.listing_feed import ListingFeedReader
from mpcheck.marketplace.partners import PartnerReader, normalize_partner_id, partner_extras, partner_lookups
from mpcheck.marketplace.settings import ReaderSettings, reader_settings
from mpcheck.marketplace.store import StoreBase, open_store
from mpcheck.rules import Rules, load_rules

EXTENSION_KEY = "mpcheck_marketplace"


def _needs_feed(facts: dict[str, Any]) -> bool:
    """The HTML missed a field the feed carries (DOM.md §7), so the feed is worth one more request."""
    price = facts.get("price") or {}
    return (
        any(facts.get(k) is None for k in ("version", "updated", "name"))
        or (facts.get("installs") or {}).get("label") is None
        or (price.get("rub") is None and price.get("free") is None)
        or not facts.get("changelog")
    )


def _waited_too_long(seconds: float) -> UpstreamTimeout:
    return UpstreamTimeout(f"another request's read of this page took longer than the {seconds:g} s deadline")


class MarketplaceService:
    """Reads solutions and partners through the caches; records observations; builds reports."""

    def __init__(
        self,
        settings: ReaderSettings,
        *,
        store: StoreBase | Callable[[], StoreBase],
        rules_dir: str | None = None,
        fetcher: Fetcher | None = None,
    ) -> None:
        self.settings = s = settings
        # SPEC §12: with REDIS_URL the caches, single-flight and politeness are the fleet's, not ours.
        self.redis = shared.connect(str(s["REDIS_URL"])) if s["REDIS_URL"] else None
        if fetcher is None:
            fetch = s.fetch()
            pacer = shared.RedisPacer(self.redis, fetch.min_interval, fetch.base_url) if self.redis else None
            fetcher = Fetcher(fetch, pacer=pacer)
        self.fetcher = fetcher
        # A factory defers opening SQLite to first use: building an app must not create files.
        self._store: StoreBase | None = store if isinstance(store, StoreBase) else None
        self._store_factory = store if callable(store) else None
        self._store_lock = threading.Lock()
        self.rules_dir = rules_dir
        deadline = float(s["MARKETPLACE_DEADLINE"])

        def cache(name: str, ttl_key: str) -> KeyedCache:
            kind: Any = (
                functools.partial(shared.RedisSingleFlightCache, self.redis)
                if self.redis
                else SingleFlightCache
            )
            return kind(
                name,
                ttl=float(s[ttl_key]),
                maxsize=int(s["MARKETPLACE_CACHE_SIZE"]),
                stale_maxsize=int(s["MARKETPLACE_STALE_SIZE"]),
                stale_max_age=float(s["MARKETPLACE_STALE_MAX_AGE"]),
                stale_on=(MarketplaceError,),
                never_stale=(NotFound,),
                remember_failures=(MarketplaceError,),
                wait_timeout=deadline,
                wait_error=_waited_too_long,
            )

        self.solutions = cache("solutions", "MARKETPLACE_TTL_SOLUTION")
        self.partners = PartnerReader(
            self.fetcher,
            cache("partners", "MARKETPLACE_TTL_PARTNER"),
            cache("rating", "MARKETPLACE_TTL_RATING"),
            scan_pages=int(s["MARKETPLACE_RATING_SCAN_PAGES"]),
        )
        self.listing_feeds = ListingFeedReader(
            self.fetcher,
            cache("listing_feeds", "MARKETPLACE_TTL_LISTING_FEED"),
            wait=float(s["MARKETPLACE_LISTING_FEED_WAIT"]),
        )

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> MarketplaceService:
        """Build from a Flask config (or any mapping with the same keys)."""
        settings = reader_settings(config)
        return cls(
            settings,
            store=functools.partial(
                open_store,
                config.get("DB_PATH", ":memory:"),
                str(settings["DATABASE_URL"]),
                int(settings["DATABASE_POOL_SIZE"]),
            ),
            rules_dir=config.get("RULES_DIR"),
        )

    @property
    def store(self) -> StoreBase:
        """The observation store, opened (and migrated) on first use."""
        with self._store_lock:
            if self._store is None:
                assert self._store_factory is not None
                self._store = self._store_factory()
            return self._store

    def close(self) -> None:
        """Release the background feed reads, the HTTP pool, Redis and the database."""
        self.listing_feeds.close()
        self.fetcher.close()
        if self.redis is not None:
            self.redis.close()
        with self._store_lock:
            if self._store is not None:
                self._store.close()

    # --- solutions -------------------------------------------------------------------------------

    def fetch_solution_facts(self, code_or_url: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """Facts of one solution and cache meta (one upstream read per code and TTL across all callers).

        The returned facts are a copy: callers may change them without touching the cache.
        """
        code = self.fetcher.policy.code_from(code_or_url)
        cached = self.solutions.get(code, lambda: self._load_solution(code))
        meta = cached.meta()
        if cached.value["notes"]:
            meta["notes"] = list(cached.value["notes"])
        return copy.deepcopy(cached.value["facts"]), meta

    def _load_solution(self, code: str) -> dict[str, Any]:
        page_url = self.fetcher.policy.solution_url(code)
        page = self.fetcher.get(page_url)
        facts = extraction.solution_facts(page)
        notes: list[str] = []
        extra = []
        for url in extraction.pager_urls(page, int(self.settings["MARKETPLACE_EXTRA_PAGES"])):
            try:
                extra.append(extraction.solution_facts(self.fetcher.get(url)))
            except MarketplaceError as exc:  # the first page alone is still a useful answer
                notes.append(f"pager page skipped: {exc.reason}")
                break
        if extra:
            facts = extraction.merge_pages(facts, extra)
        if _needs_feed(facts):
            try:
                feed = self.fetcher.get(f"/solutions/{code}/?update_sys_new=Y")
                facts = extraction.feed_merge(facts, feed)
            except MarketplaceError as exc:
                notes.append(f"feed skipped: {exc.reason}")
        # The code and URL are the ones asked for: a page's «Код решения» row or canonical link naming
        # another solution must not file this page's values under that solution's history.
        facts["code"], facts["url"] = code, str(page_url)
        self.store.record(code, facts)
        return {"facts": facts, "notes": notes}

    # --- partners --------------------------------------------------------------------------------

    def fetch_partner(self, partner_id: str | int) -> tuple[dict[str, Any], dict[str, Any]]:
        """Partner facts incl. rating position/total, and cache meta."""
        return self.partners.partner(normalize_partner_id(partner_id))

    def fetch_rating_list(self, page: int = 1) -> Cached[dict[str, Any]]:
        """One page of the developers' rating list."""
        return self.partners.rating_page(page)

    # --- reports and history ---------------------------------------------------------------------

    def enriched_facts(self, code_or_url: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """Solution facts with the partner facts merged under `partner` (SPEC §3), plus meta."""
        facts, meta = self.fetch_solution_facts(code_or_url)
        partner = facts.get("partner") if isinstance(facts.get("partner"), dict) else None
        if partner and partner.get("id") is not None:
            try:
                pfacts, pmeta = self.fetch_partner(partner["id"])
                partner.update(partner_extras(pfacts))
                meta["partner"] = pmeta
                facts["lookups"] = partner_lookups(partner, pmeta)
            except (MarketplaceError, ValueError) as exc:  # the report can still be built without them
                meta["partner"] = {"error": getattr(exc, "reason", "bad_partner_id"), "message": str(exc)}
                facts["lookups"] = {"backend": "unreachable", "partner_rating": None}
        return facts, meta

    def solution_report(
        self,
        code_or_url: str,
        *,
        rules: Rules | None = None,
        today: date | None = None,
        profile: str | None = None,
        disabled: Iterable[str] = (),
    ) -> dict[str, Any]:
        """`{"report": mpcheck.report/1, "facts": enriched facts, "meta": cache meta}`."""
        from mpcheck.engine import build_report

        if rules is None:
            if not self.rules_dir:
                raise RuntimeError("RULES_DIR is not configured")
            rules = load_rules(self.rules_dir)
        facts, meta = self.enriched_facts(code_or_url)
        report = build_report(facts, rules, today=today or date.today(), profile=profile, disabled=disabled)
        return {"report": report, "facts": facts, "meta": meta}

    def history(self, code_or_url: str) -> dict[str, Any]:
        """Changelog timeline (from the cached page) and the stored observations of one solution."""
        code = self.fetcher.policy.code_from(code_or_url)
        out: dict[str, Any] = {"code": code, "changelog": None, "meta": None}
        try:
            facts, out["meta"] = self.fetch_solution_facts(code)
            out["changelog"] = facts.get("changelog")
        except MarketplaceError as exc:
            if isinstance(exc, NotFound) and not self.store.history(code, limit=1):
                raise
            out["meta"] = {"error": exc.reason, "message": str(exc)}  # stored history is still worth showing
        out["observations"] = self.store.history(code)
        out["changes"] = self.store.changes(code)
        # The newest observation's full read ({facts, read_at} or None): lets a client score that
        # observation under its own settings and rules instead of being sent a score (issue 13 #7).
        out["latest_read"] = self.store.stored_facts([code]).get(code)
        return out

    def stats(self) -> dict[str, Any]:
        """Merged into GET /health: upstream origin and request count, cache and store figures."""
        caches = (
            self.solutions,
            self.partners.partner_cache,
            self.partners.rating_cache,
            self.listing_feeds.cache,
        )
        return {
            "marketplace": {
                "origin": self.fetcher.policy.origin,
                "upstream_requests": self.fetcher.requests_sent,
            },
            "caches": {c.name: c.snapshot() for c in caches},
            "store": self.store.stats(),
        }


def get_service(app: Any) -> MarketplaceService:
    """The app's service (created by `init_app`)."""
    service: MarketplaceService = app.extensions[EXTENSION_KEY]
    return service


def init_app(app: Any) -> MarketplaceService:
    """Create the per-app service once and attach it."""
    if EXTENSION_KEY not in app.extensions:
        service = MarketplaceService.from_config(app.config)
        app.extensions[EXTENSION_KEY] = service
        # Flask has no shutdown hook: release the HTTP pool and SQLite when the app goes away.
        weakref.finalize(app, service.close)
    return get_service(app)
