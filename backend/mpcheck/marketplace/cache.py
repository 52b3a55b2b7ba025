"""Bounded TTL caches with single-flight loading and stale-on-error (SPEC §8, §10).

`get(key, loader)`: a fresh value is returned at once; otherwise exactly one caller runs `loader` while
concurrent callers for the same key wait for its result. When the loader fails and an expired value
is still in the bounded stale store, that value is returned marked `stale` with its age.
"""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from cachetools import LRUCache, TTLCache

T = TypeVar("T")
# An outage is remembered at most this long (seconds): one upstream retry per URL and minute while
# the Marketplace fails, instead of the full TTL (hours for partner pages) of an unanswerable key.
FAILURE_TTL_MAX = 60.0


@dataclass(frozen=True)
class Cached(Generic[T]):
    """A value plus where it came from; `meta()` is what the API shows."""

    value: T
    fetched_at: float  # epoch seconds of the upstream read
    stale: bool = False
    source: str = "miss"  # hit | miss | shared (waited for another caller's load) | stale
    error: str | None = None  # why a stale value was served

    @property
    def age_seconds(self) -> float:
        """Seconds since the value was read from the Marketplace."""
        return max(0.0, time.time() - self.fetched_at)

    def meta(self) -> dict[str, Any]:
        """Cache metadata for responses."""
        out: dict[str, Any] = {
            "stale": self.stale,
            "age_seconds": round(self.age_seconds, 1),
            "fetched_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.fetched_at)),
            "cache": self.source,
        }
        if self.error:
            out["error"] = self.error
        return out


class KeyedCache(Protocol):
    """What the reader needs of a cache: this module's in-process one or `shared.RedisSingleFlightCache`."""

    name: str

    def get(
        self, key: Hashable, loader: Callable[[], T], *, fetched_at: Callable[[T], float] | None = None
    ) -> Cached[T]: ...

    def invalidate(self, key: Hashable | None = None) -> None: ...

    def clear(self) -> None: ...

    def snapshot(self) -> dict[str, Any]: ...


@dataclass
class _Flight:
    done: threading.Event = field(default_factory=threading.Event)
    result: Cached[Any] | None = None
    error: BaseException | None = None


class SingleFlightCache:
    """One kind of cached thing (solution facts, partner pages, rating pages)."""

    def __init__(
        self,
        name: str,
        *,
        ttl: float,
        maxsize: int = 256,
        stale_maxsize: int = 1024,
        stale_max_age: float = 7 * 24 * 3600.0,
        timer: Callable[[], float] = time.monotonic,
        stale_on: tuple[type[BaseException], ...] = (Exception,),
        never_stale: tuple[type[BaseException], ...] = (),
        remember_failures: tuple[type[BaseException], ...] = (),
        wait_timeout: float | None = None,
        wait_error: Callable[[float], Exception] | None = None,
    ) -> None:
        self.name = name
        # A caller waiting for another caller's load gives up after `wait_timeout` s with
        # `wait_error(seconds)` (SPEC §12: waits are bounded by the fetch deadline, not by the leader).
        self.wait_timeout, self._wait_error = wait_timeout, wait_error
        # Which loader failures may be answered with a stale copy (a 404 must not: the page is gone).
        self.stale_on, self.never_stale = stale_on, never_stale
        self.stale_max_age = stale_max_age
        self._fresh: TTLCache[Hashable, Cached[Any]] = TTLCache(maxsize=maxsize, ttl=ttl, timer=timer)
        # Survives TTL expiry so an outage can still be answered; LRU-bounded like the fresh cache.
        self._stale: LRUCache[Hashable, Cached[Any]] = LRUCache(maxsize=stale_maxsize)
        # A failed load is remembered (a 404 for the TTL, an outage for at most FAILURE_TTL_MAX) and
        # answered from memory - stale copy or the same error - so callers arriving after a failed flight
        # do not each read the URL again (SPEC §10: one upstream request per URL and TTL).
        self.remember_failures = remember_failures
        self._gone: TTLCache[Hashable, Exception] = TTLCache(maxsize=maxsize, ttl=ttl, timer=timer)
        self._failing: TTLCache[Hashable, Exception] = TTLCache(
            maxsize=maxsize, ttl=min(ttl, FAILURE_TTL_MAX), timer=timer
        )
        self._flights: dict[Hashable, _Flight] = {}
        self._lock = threading.Lock()
        self.stats = {"hits": 0, "misses": 0, "shared": 0, "stale_served": 0, "errors": 0, "wait_timeouts": 0}

    def get(
        self, key: Hashable, loader: Callable[[], T], *, fetched_at: Callable[[T], float] | None = None
    ) -> Cached[T]:
        """Return the cached value for `key`, loading it once across concurrent callers when needed."""
        with self._lock:
            hit = self._fresh.get(key)
            if hit is not None:
                self.stats["hits"] += 1
                return Cached(hit.value, hit.fetched_at, source="hit")
            failed = self._gone.get(key) or self._failing.get(key)
            if failed is not None:
                self.stats["hits"] += 1
                remembered = self._stale_copy(key, failed)
                if remembered is None:
                    raise copy.copy(failed)  # a copy: one exception raised in many threads shares a traceback
                return remembered
            flight = self._flights.get(key)
            leader = flight is None
            if flight is None:
                flight = self._flights[key] = _Flight()
                self.stats["misses"] += 1
            else:
                self.stats["shared"] += 1
        if not leader:
            if not flight.done.wait(self.wait_timeout):
                with self._lock:
                    self.stats["wait_timeouts"] += 1
                timeout = float(self.wait_timeout or 0)
                if self._wait_error is not None:
                    raise self._wait_error(timeout)
                raise TimeoutError(f"waited {timeout:g} s for another caller's load of {self.name}")
            if flight.error is not None:
                raise flight.error
            assert flight.result is not None
            return (
                flight.result
                if flight.result.stale
                else Cached(flight.result.value, flight.result.fetched_at, source="shared")
            )
        try:
            value = loader()
            stamp = fetched_at(value) if fetched_at else time.time()
            flight.result = Cached(value, stamp)
            with self._lock:
                self._fresh[key] = flight.result
                self._stale[key] = flight.result
            return flight.result
        except Exception as exc:
            if isinstance(exc, self.remember_failures):
                with self._lock:
                    (self._gone if isinstance(exc, self.never_stale) else self._failing)[key] = exc
            flight.result = self._stale_for(key, exc)
            if flight.result is None:
                flight.error = exc
                raise
            return flight.result
        finally:
            with self._lock:
                self._flights.pop(key, None)
            flight.done.set()

    def _stale_for(self, key: Hashable, exc: Exception) -> Cached[Any] | None:
        with self._lock:
            self.stats["errors"] += 1
            return self._stale_copy(key, exc)

    def _stale_copy(self, key: Hashable, exc: Exception) -> Cached[Any] | None:
        """The stale copy to answer `exc` with, or None; call with the lock held."""
        old = self._stale.get(key)
        usable = isinstance(exc, self.stale_on) and not isinstance(exc, self.never_stale)
        if old is None or not usable or old.age_seconds > self.stale_max_age:
            return None
        self.stats["stale_served"] += 1
        return Cached(
            old.value, old.fetched_at, stale=True, source="stale", error=str(exc) or type(exc).__name__
        )

    def invalidate(self, key: Hashable | None = None) -> None:
        """Drop fresh entries (one or all) so the next get reloads; stale copies stay for outages."""
        with self._lock:
            if key is None:
                self._fresh.clear()
                self._gone.clear()
                self._failing.clear()
            else:
                self._fresh.pop(key, None)
                self._gone.pop(key, None)
                self._failing.pop(key, None)

    def clear(self) -> None:
        """Forget everything, stale copies included."""
        with self._lock:
            self._fresh.clear()
            self._stale.clear()
            self._gone.clear()
            self._failing.clear()

    def snapshot(self) -> dict[str, Any]:
        """Sizes and counters for /health."""
        with self._lock:
            return {
                "size": len(self._fresh),
                "maxsize": int(self._fresh.maxsize),
                "ttl_seconds": self._fresh.ttl,
                "stale_size": len(self._stale),
                **self.stats,
            }
