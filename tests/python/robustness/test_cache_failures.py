"""Failed loads are remembered, so a failure costs one upstream read per key and window (issue 6 finding:
before, every caller arriving after a failed flight read the URL again)."""

from __future__ import annotations

import pytest
from mpcheck.marketplace.cache import FAILURE_TTL_MAX, SingleFlightCache
from mpcheck.marketplace.errors import MarketplaceError, NotFound, UpstreamError


class Clock:
    """A hand-driven monotonic clock for the TTL caches."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _cache(clock: Clock, ttl: float = 3600.0) -> SingleFlightCache:
    return SingleFlightCache(
        "t",
        ttl=ttl,
        timer=clock,
        stale_on=(MarketplaceError,),
        never_stale=(NotFound,),
        remember_failures=(MarketplaceError,),
    )


def test_not_found_is_remembered_for_the_ttl() -> None:
    clock, calls = Clock(), []
    cache = _cache(clock)

    def gone() -> str:
        calls.append(1)
        raise NotFound("gone")

    for _ in range(5):
        with pytest.raises(NotFound):
            cache.get("k", gone)
    assert len(calls) == 1
    clock.now = 3601
    with pytest.raises(NotFound):
        cache.get("k", gone)
    assert len(calls) == 2


def test_an_outage_is_remembered_at_most_failure_ttl_max_and_answered_stale() -> None:
    clock, calls = Clock(), []
    cache = _cache(clock)
    assert cache.get("k", lambda: "v1").value == "v1"
    clock.now = 3601  # expired

    def down() -> str:
        calls.append(1)
        raise UpstreamError("503", 503)

    answers = [cache.get("k", down) for _ in range(5)]
    assert len(calls) == 1 and all(a.stale and a.value == "v1" for a in answers)
    clock.now += FAILURE_TTL_MAX + 1  # the outage memory is shorter than the 1 h TTL
    assert cache.get("k", lambda: "v2").value == "v2"


def test_invalidate_forgets_failures() -> None:
    clock = Clock()
    cache = _cache(clock)
    with pytest.raises(NotFound):
        cache.get("k", lambda: (_ for _ in ()).throw(NotFound("gone")))
    cache.invalidate("k")
    assert cache.get("k", lambda: "back").value == "back"
