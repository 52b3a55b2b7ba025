"""Single-flight TTL caches with stale-on-error."""

from __future__ import annotations

import threading
import time

import pytest
from mpcheck.marketplace.cache import SingleFlightCache
from mpcheck.marketplace.errors import NotFound, UpstreamError


class Clock:
    """A settable monotonic clock for TTL expiry."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_hit_after_miss_and_reload_after_ttl() -> None:
    clock = Clock()
    cache = SingleFlightCache("t", ttl=60, timer=clock)
    calls: list[int] = []
    assert cache.get("k", lambda: calls.append(1) or "v1").source == "miss"
    assert cache.get("k", lambda: "never").value == "v1"
    clock.now += 61
    assert cache.get("k", lambda: "v2").value == "v2"
    assert cache.snapshot()["hits"] == 1 and cache.snapshot()["misses"] == 2


def test_concurrent_callers_share_one_load() -> None:
    cache = SingleFlightCache("t", ttl=60)
    calls = 0
    gate = threading.Event()

    def slow() -> str:
        nonlocal calls
        calls += 1
        gate.wait(5)
        return "v"

    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("k", slow).value)) for _ in range(50)]
    for t in threads:
        t.start()
    time.sleep(0.1)
    gate.set()
    for t in threads:
        t.join()
    assert calls == 1 and results == ["v"] * 50
    assert cache.snapshot()["shared"] + cache.snapshot()["misses"] + cache.snapshot()["hits"] == 50


def test_waiters_get_the_leaders_error() -> None:
    cache = SingleFlightCache("t", ttl=60)
    gate = threading.Event()

    def failing() -> str:
        gate.wait(5)
        raise UpstreamError("down", 503)

    errors: list[BaseException] = []

    def call() -> None:
        try:
            cache.get("k", failing)
        except UpstreamError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=call) for _ in range(5)]
    for t in threads:
        t.start()
    time.sleep(0.05)
    gate.set()
    for t in threads:
        t.join()
    assert len(errors) == 5


def test_stale_value_served_when_refresh_fails() -> None:
    clock = Clock()
    cache = SingleFlightCache("t", ttl=60, timer=clock)
    cache.get("k", lambda: "old")
    clock.now += 120

    def boom() -> str:
        raise UpstreamError("the Marketplace answered 503", 503)

    result = cache.get("k", boom)
    assert result.stale and result.value == "old" and result.source == "stale"
    meta = result.meta()
    assert meta["stale"] is True and meta["age_seconds"] >= 0 and "503" in meta["error"]
    assert cache.snapshot()["stale_served"] == 1


def test_no_stale_for_not_found_or_unlisted_errors() -> None:
    clock = Clock()
    cache = SingleFlightCache("t", ttl=1, timer=clock, stale_on=(UpstreamError,), never_stale=(NotFound,))
    cache.get("k", lambda: "old")
    clock.now += 5
    with pytest.raises(NotFound):
        cache.get("k", lambda: (_ for _ in ()).throw(NotFound("gone")))
    with pytest.raises(KeyError):  # a bug is not hidden behind stale data
        cache.get("k", lambda: {}["x"])


def test_stale_copy_too_old_is_not_served() -> None:
    clock = Clock()
    cache = SingleFlightCache("t", ttl=1, timer=clock, stale_max_age=0.0)
    cache.get("k", lambda: "old")
    clock.now += 5
    time.sleep(0.01)
    with pytest.raises(UpstreamError):
        cache.get("k", lambda: (_ for _ in ()).throw(UpstreamError("x")))


def test_caches_are_bounded() -> None:
    cache = SingleFlightCache("t", ttl=60, maxsize=3, stale_maxsize=5)
    for n in range(20):
        cache.get(n, lambda n=n: n)
    snap = cache.snapshot()
    assert snap["size"] == 3 and snap["stale_size"] == 5
