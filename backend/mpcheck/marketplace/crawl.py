"""A polite refresh of observations for a catalog (SPEC §6 `mpcheck crawl`, issue 12 point 4), so history
and catalog scores exist for solutions nobody has opened yet.

* Polite: every page goes through the service, so the fetcher's pacing (per process, or fleet-wide
  on Redis) and the caches apply: a crawl next to a running service adds no duplicate reads.
* Bounded: at most `limit` solutions and `MAX_LISTING_PAGES` catalog pages per run.
* Resumable: a solution whose latest observation was checked less than `fresh_hours` ago is skipped,
  so a run stopped half-way (or a cron run after it) goes on where it left off instead of starting over.
* Safe from cron / a systemd timer: one crawl at a time per store (an exclusive lock file next to the
  SQLite database, or a Redis key in fleet mode); a second start exits at once.
"""

from __future__ import annotations

import contextlib
import fcntl
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from mpcheck.marketplace import extraction
from mpcheck.marketplace.errors import MarketplaceError, NotFound
from mpcheck.marketplace.service import MarketplaceService
from mpcheck.marketplace.store import TRACKED

MAX_LISTING_PAGES = 50
LOCK_SECONDS = 6 * 3600  # a crawl killed without cleanup frees the Redis lock after this


@dataclass
class CrawlResult:
    """What one run did; `failed` holds (code, reason)."""

    listed: int = 0
    refreshed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    skipped_fresh: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


class CrawlBusy(Exception):
    """Another crawl holds the lock."""


def listing_path(category: int | None, page: int) -> str:
    """The catalog page to read: a category's listing or the whole catalog, Bitrix's PAGEN_1 pager."""
    base = f"/solutions/category/{category}/" if category is not None else "/solutions/"
    return base if page == 1 else f"{base}?PAGEN_1={page}"


def _recent(service: MarketplaceService, code: str, cutoff: datetime) -> bool:
    latest = service.store.history(code, limit=1)
    if not latest:
        return False
    checked = datetime.strptime(str(latest[0]["checked_at"]), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return checked >= cutoff


def _newest(service: MarketplaceService, code: str) -> tuple[Any, ...] | None:
    """The latest row's identity: a new row always differs in a tracked value (or is the first)."""
    latest = service.store.history(code, limit=1)
    return (latest[0]["observed_at"], *(latest[0][k] for k in TRACKED)) if latest else None


def catalog_codes(service: MarketplaceService, category: int | None, limit: int) -> Iterator[str]:
    """Solution codes in catalog order, page after page, each once."""
    seen: set[str] = set()
    for page in range(1, MAX_LISTING_PAGES + 1):
        listing = extraction.listing_facts(service.fetcher.get(listing_path(category, page)))
        fresh = [c["code"] for c in listing.get("cards") or [] if c.get("code") and c["code"] not in seen]
        for code in fresh:
            seen.add(code)
            yield code
            if len(seen) >= limit:
                return
        last = listing.get("last_page")
        if not fresh or not isinstance(last, int) or page >= last:
            return


@contextlib.contextmanager
def crawl_lock(service: MarketplaceService, db_path: str) -> Iterator[None]:
    """One crawl per store: a Redis key when the fleet shares Redis, else a lock file by the DB."""
    if service.redis is not None:
        token = secrets.token_hex(8)
        key = "mpcheck:v1:crawl-lock"
        if not service.redis.set(key, token, nx=True, ex=LOCK_SECONDS):
            raise CrawlBusy("another crawl is running (Redis lock)")
        try:
            yield
        finally:
            if service.redis.get(key) == token.encode():
                service.redis.delete(key)
        return
    lock_path = Path(db_path if db_path != ":memory:" else "mpcheck").with_suffix(".crawl.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise CrawlBusy(f"another crawl is running ({lock_path})") from None
        yield


def crawl(
    service: MarketplaceService,
    *,
    category: int | None,
    limit: int,
    fresh_hours: float,
    progress: Callable[[str, str], None] = lambda code, outcome: None,
) -> CrawlResult:
    """Refresh up to `limit` solutions of the catalog (or one category); see the module docstring."""
    result = CrawlResult()
    cutoff = datetime.now(UTC) - timedelta(hours=fresh_hours)
    for code in catalog_codes(service, category, limit):
        result.listed += 1
        if _recent(service, code, cutoff):
            result.skipped_fresh.append(code)
            progress(code, "fresh")
            continue
        before = _newest(service, code)
        try:
            service.fetch_solution_facts(code)
        except NotFound:
            result.gone.append(code)
            progress(code, "gone")
            continue
        except MarketplaceError as exc:
            result.failed.append((code, exc.reason))
            progress(code, exc.reason)
            continue
        result.refreshed.append(code)
        if _newest(service, code) != before:  # a new row: first sight, or a tracked value changed
            result.changed.append(code)
        progress(code, "ok")
    return result


def summary(result: CrawlResult) -> dict[str, Any]:
    """The run as JSON (for `--json` and logs)."""
    return {
        "listed": result.listed,
        "refreshed": len(result.refreshed),
        "changed": len(result.changed),
        "skipped_fresh": len(result.skipped_fresh),
        "gone": result.gone,
        "failed": [{"code": c, "reason": r} for c, r in result.failed],
    }
