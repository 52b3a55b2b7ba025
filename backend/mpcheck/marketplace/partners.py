"""Partner facts the solution page lacks: the partner page plus the position in the developers' rating."""

from __future__ import annotations

import re
from typing import Any

from mpcheck.marketplace import extraction
from mpcheck.marketplace.cache import Cached, KeyedCache
from mpcheck.marketplace.errors import MarketplaceError
from mpcheck.marketplace.fetcher import Fetcher

PARTNER_ID = re.compile(r"^[0-9]{1,12}$")
# The keys SPEC §3 puts under facts["partner"] (besides id and name, which the solution page has).
BACKEND_KEYS = ("rating_position", "rating_total", "solutions_count", "status", "specialization")


def normalize_partner_id(value: str | int) -> int:
    """Validate a partner id (digits only, bounded length); raise ValueError otherwise."""
    text = str(value)
    if not PARTNER_ID.match(text):
        raise ValueError(f"not a partner id: {text[:40]!r}")
    return int(text)


class PartnerReader:
    """Reads and caches partner pages and rating list pages."""

    def __init__(
        self,
        fetcher: Fetcher,
        partner_cache: KeyedCache,
        rating_cache: KeyedCache,
        *,
        scan_pages: int,
    ) -> None:
        self.fetcher = fetcher
        self.partner_cache = partner_cache
        self.rating_cache = rating_cache
        self.scan_pages = scan_pages

    def rating_page(self, page: int) -> Cached[dict[str, Any]]:
        """One page of the developers' rating (25 rows), cached for hours."""
        if page < 1 or page > 10_000:
            raise ValueError("rating page out of range")
        path = "/partners/" if page == 1 else f"/partners/index.php?PAGEN_1={page}"
        return self.rating_cache.get(page, lambda: extraction.rating_facts(self.fetcher.get(path)))

    def partner_page(self, partner_id: int) -> Cached[dict[str, Any]]:
        """The partner's own page, extracted, cached for hours."""
        path = f"/partners/detail.php?ID={partner_id}"
        return self.partner_cache.get(partner_id, lambda: extraction.partner_facts(self.fetcher.get(path)))

    def partner(self, partner_id: int) -> tuple[dict[str, Any], dict[str, Any]]:
        """Partner facts with rating position and total, and the cache meta (worst of the parts)."""
        page = self.partner_page(partner_id)
        facts = dict(page.value)
        parts: list[Cached[Any]] = [page]
        position, total, scan_error = self._position(partner_id, parts)
        if facts.get("rating_position") is None:
            facts["rating_position"] = position
        facts["rating_total"] = total
        meta = combine_meta(parts)
        if scan_error:
            meta["rating_error"] = scan_error
        return facts, meta

    def _position(
        self, partner_id: int, parts: list[Cached[Any]]
    ) -> tuple[int | None, int | None, str | None]:
        """Scan the first rating pages for the partner; a rank past them stays unknown (None)."""
        total: int | None = None
        for number in range(1, self.scan_pages + 1):
            try:
                cached = self.rating_page(number)
            except MarketplaceError as exc:
                return None, total, exc.reason
            parts.append(cached)
            listing = cached.value
            total = listing.get("total", total)
            for row in listing.get("rows") or []:
                if row.get("id") == partner_id:
                    return row.get("position"), total, None
            last = listing.get("last_page")
            if isinstance(last, int) and number >= last:
                break
        return None, total, None


def combine_meta(parts: list[Cached[Any]]) -> dict[str, Any]:
    """Cache meta of a response built from several cached reads: stale if any is, age of the oldest."""
    oldest = max(parts, key=lambda c: c.age_seconds)
    meta = oldest.meta()
    meta["stale"] = any(c.stale for c in parts)
    meta["cache"] = "stale" if meta["stale"] else ("hit" if all(c.source == "hit" for c in parts) else "miss")
    errors = [c.error for c in parts if c.error]
    if errors:
        meta["error"] = errors[0]
    return meta


def partner_extras(partner: dict[str, Any]) -> dict[str, Any]:
    """The backend-added keys for facts["partner"] (SPEC §3)."""
    return {key: partner.get(key) for key in BACKEND_KEYS}


def partner_lookups(partner: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any]:
    """facts.lookups of a partner read (the worker's partnerLookups, extension/src/worker/merge.ts).

    A rating position means the developer is in the rating, none means it is not, unless the rating
    list could not be read (meta.rating_error): then the lookup did not happen, which for the buyer
    is the backend not answering, never "not found".
    """
    if isinstance(meta.get("rating_error"), str):
        return {"backend": "unreachable", "partner_rating": None}
    found = isinstance(partner.get("rating_position"), int)
    return {"backend": "ok", "partner_rating": "found" if found else "not_found"}
