"""Fleet-wide state on Redis (`MPCHECK_REDIS_URL`, SPEC §12): caches, single-flight, politeness.

With several gunicorn workers or machines, per-process caches would read each page once *per process*
and each process would keep its own 2 s spacing, multiplying the load on someone else's site. Here:

* `RedisSingleFlightCache` has the interface of `cache.SingleFlightCache`. A value lives under
  `fresh:<key>` for the TTL and under `stale:<key>` for the stale window; a remembered failure under
  `fail:<key>`. One caller in the fleet wins `SET lock:<key> NX` and loads; the others poll for its
  result until the wait bound. Values and errors are JSON, never pickle: a Redis shared with other
  services must not be a way to run code in ours.
* `RedisPacer` reserves request starts with one Lua script on Redis's own clock, so the interval holds
  across machines whose clocks differ.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

import redis

from mpcheck.marketplace import errors
from mpcheck.marketplace.cache import FAILURE_TTL_MAX, Cached
from mpcheck.marketplace.errors import MarketplaceError, UpstreamError, UpstreamTimeout
from mpcheck.marketplace.pacing import too_late

T = TypeVar("T")
PREFIX = "mpcheck:v1:"
POLL_SECONDS = 0.05
KNOWN_ERRORS: dict[str, type[MarketplaceError]] = {
    name: cls
    for name, cls in vars(errors).items()
    if isinstance(cls, type) and issubclass(cls, MarketplaceError)
}
# KEYS[1] the pacing key; ARGV[1] interval, ARGV[2] longest acceptable wait (s). Returns the wait as
# a string (Lua numbers become truncated integers in replies), negative when it is too long.
_PACE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(now, nxt)
if start - now > tonumber(ARGV[2]) then return tostring(now - start) end
local ms = math.ceil((start - now + tonumber(ARGV[1])) * 1000) + 1000
redis.call('SET', KEYS[1], tostring(start + tonumber(ARGV[1])), 'PX', ms)
return tostring(start - now)
"""
_UNLOCK = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class SharedStateError(MarketplaceError):
    """Redis did not answer: no fetch is made without the shared politeness and single-flight."""

    reason = "shared_state_unavailable"


def connect(url: str) -> redis.Redis:
    """A client with short timeouts (a stuck Redis must fail requests, not hang them)."""
    return redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=3, health_check_interval=30)


class RedisPacer:
    """The politeness interval for every process using `client` (one key per Marketplace origin)."""

    def __init__(self, client: redis.Redis, interval: float, origin: str) -> None:
        self.interval = interval
        self._key = f"{PREFIX}pace:{origin}"
        self._script = client.register_script(_PACE)

    def reserve(self, deadline: float) -> float:
        longest = max(0.0, deadline - time.monotonic())
        try:
            wait = float(self._script(keys=[self._key], args=[repr(self.interval), repr(longest)]))
        except redis.RedisError as exc:
            raise SharedStateError(f"Redis unavailable for the politeness interval ({exc})") from None
        if wait < 0:
            raise UpstreamTimeout(too_late(-wait))
        return wait


def _error_json(exc: Exception) -> str:
    return json.dumps(
        {"type": type(exc).__name__, "message": str(exc), "status": getattr(exc, "status", None)}
    )


def _error_from(raw: bytes) -> Exception:
    data = json.loads(raw)
    cls = KNOWN_ERRORS.get(data.get("type"), MarketplaceError)
    if cls is UpstreamError:
        return UpstreamError(data["message"], data.get("status"))
    return cls(data["message"])


class RedisSingleFlightCache:
    """`SingleFlightCache` semantics with the state in Redis (see the module docstring)."""

    def __init__(
        self,
        client: redis.Redis,
        name: str,
        *,
        ttl: float,
        stale_max_age: float = 7 * 24 * 3600.0,
        stale_on: tuple[type[BaseException], ...] = (Exception,),
        never_stale: tuple[type[BaseException], ...] = (),
        remember_failures: tuple[type[BaseException], ...] = (),
        wait_timeout: float = 30.0,
        wait_error: Callable[[float], Exception] | None = None,
        **_ignored: Any,  # maxsize / stale_maxsize: Redis bounds memory with its own maxmemory policy
    ) -> None:
        self.name, self.ttl = name, ttl
        self.stale_on, self.never_stale, self.remember_failures = stale_on, never_stale, remember_failures
        self.stale_max_age = stale_max_age
        self.wait_timeout, self._wait_error = wait_timeout, wait_error
        # The leader's load may take several fetches; a dead leader's lock expires after this.
        self.lock_ttl = max(2 * wait_timeout, 10.0)
        self._redis = client
        self._unlock = client.register_script(_UNLOCK)
        self._prefix = f"{PREFIX}{name}:"
        self._stats_lock = threading.Lock()
        self.stats = {"hits": 0, "misses": 0, "shared": 0, "stale_served": 0, "errors": 0, "wait_timeouts": 0}

    def _k(self, kind: str, key: Hashable) -> str:
        return f"{self._prefix}{kind}:{key}"

    def _count(self, stat: str) -> None:
        with self._stats_lock:
            self.stats[stat] += 1

    def get(
        self, key: Hashable, loader: Callable[[], T], *, fetched_at: Callable[[T], float] | None = None
    ) -> Cached[T]:
        """The value for `key`; one loader call across the fleet per TTL."""
        try:
            return self._get(key, loader, fetched_at)
        except redis.RedisError as exc:
            raise SharedStateError(f"Redis unavailable for the {self.name} cache ({exc})") from None

    def _get(
        self, key: Hashable, loader: Callable[[], T], fetched_at: Callable[[T], float] | None
    ) -> Cached[T]:
        give_up = time.monotonic() + self.wait_timeout
        waited = False
        while True:
            fresh, failed = cast(list[Any], self._redis.mget(self._k("fresh", key), self._k("fail", key)))
            if fresh is not None:
                self._count("shared" if waited else "hits")
                data = json.loads(fresh)
                return Cached(data["value"], data["fetched_at"], source="shared" if waited else "hit")
            if failed is not None:
                self._count("hits")
                exc = _error_from(failed)
                stale = self._stale_copy(key, exc)
                if stale is None:
                    raise exc
                return stale
            token = secrets.token_hex(8)
            if self._redis.set(self._k("lock", key), token, nx=True, px=int(self.lock_ttl * 1000)):
                try:
                    # The leader before us may have stored its value and let the lock go between our
                    # read above and our lock: read again under the lock, or we load it a second time.
                    fresh = self._redis.get(self._k("fresh", key))
                    if fresh is not None:
                        self._count("shared")
                        data = json.loads(cast(bytes, fresh))
                        return Cached(data["value"], data["fetched_at"], source="shared")
                    self._count("misses")
                    return self._lead(key, loader, fetched_at)
                finally:
                    self._unlock(keys=[self._k("lock", key)], args=[token])
            if time.monotonic() >= give_up:
                self._count("wait_timeouts")
                if self._wait_error is not None:
                    raise self._wait_error(self.wait_timeout)
                raise TimeoutError(f"waited {self.wait_timeout:g} s for another caller's load of {self.name}")
            waited = True
            time.sleep(POLL_SECONDS)

    def _lead(
        self, key: Hashable, loader: Callable[[], T], fetched_at: Callable[[T], float] | None
    ) -> Cached[T]:
        try:
            value = loader()
        except Exception as exc:
            self._count("errors")
            if isinstance(exc, self.remember_failures):
                ttl = self.ttl if isinstance(exc, self.never_stale) else min(self.ttl, FAILURE_TTL_MAX)
                self._redis.set(self._k("fail", key), _error_json(exc), px=max(1, int(ttl * 1000)))
            stale = self._stale_copy(key, exc)
            if stale is None:
                raise
            return stale
        stamp = fetched_at(value) if fetched_at else time.time()
        blob = json.dumps({"value": value, "fetched_at": stamp}, ensure_ascii=False)
        pipe = self._redis.pipeline(transaction=True)
        pipe.set(self._k("fresh", key), blob, px=max(1, int(self.ttl * 1000)))
        pipe.set(self._k("stale", key), blob, px=max(1, int(self.stale_max_age * 1000)))
        pipe.delete(self._k("fail", key))
        pipe.execute()
        return Cached(value, stamp)

    def _stale_copy(self, key: Hashable, exc: Exception) -> Cached[Any] | None:
        usable = isinstance(exc, self.stale_on) and not isinstance(exc, self.never_stale)
        raw = cast(bytes | None, self._redis.get(self._k("stale", key))) if usable else None
        if raw is None:
            return None
        data = json.loads(raw)
        old = Cached(data["value"], data["fetched_at"])
        if old.age_seconds > self.stale_max_age:
            return None
        self._count("stale_served")
        return Cached(
            old.value, old.fetched_at, stale=True, source="stale", error=str(exc) or type(exc).__name__
        )

    def invalidate(self, key: Hashable | None = None) -> None:
        """Drop fresh entries and remembered failures (one key or all of this cache's)."""
        if key is not None:
            self._redis.delete(self._k("fresh", key), self._k("fail", key))
            return
        for kind in ("fresh", "fail"):
            for name in self._redis.scan_iter(match=f"{self._prefix}{kind}:*", count=500):
                self._redis.delete(name)

    def clear(self) -> None:
        """Forget everything of this cache, stale copies included."""
        for name in self._redis.scan_iter(match=f"{self._prefix}*", count=500):
            self._redis.delete(name)

    def snapshot(self) -> dict[str, Any]:
        """This process's counters (the shared sizes live in Redis's own INFO)."""
        with self._stats_lock:
            return {"backend": "redis", "ttl_seconds": self.ttl, **self.stats}
