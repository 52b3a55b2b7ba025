"""Fleet mode on a real redis-server (SPEC §12): two apps in this process stand for two workers.

What must hold across them: one upstream read per (URL, TTL), remembered failures and stale copies
shared, the politeness interval reserved on Redis's clock, client rate limits counted once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from flask import Flask
from mpcheck.app import create_app
from mpcheck.marketplace.service import get_service
from mpcheck.marketplace.shared import RedisPacer

from tests.fakemarket import FakeMarketplace
from tests.python.api.client import api_client

SEO = "/solutions/nordlab.smartseo/"


@pytest.fixture
def two_workers(app_config: dict[str, Any], redis_url: str) -> Iterator[list[Flask]]:
    apps = [create_app({**app_config, "REDIS_URL": redis_url, "RATE_LIMIT": "off"}) for _ in range(2)]
    yield apps
    for app in apps:
        get_service(app).close()


def test_one_upstream_read_per_url_across_workers(
    two_workers: list[Flask], fake_market: FakeMarketplace
) -> None:
    fake_market.set_fault(SEO, "slow", delay=0.3)  # every caller arrives while the first read runs
    clients = [api_client(app) for app in two_workers]
    barrier = threading.Barrier(20)
    statuses: list[int] = []

    def call(i: int) -> None:
        barrier.wait()
        statuses.append(clients[i % 2].get("/api/v1/solutions/nordlab.smartseo").status_code)

    threads = [threading.Thread(target=call, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [200] * 20
    paths = fake_market.stats.snapshot()["paths"]
    assert paths[SEO] == 1 and set(paths.values()) == {1}  # the page, its pager pages, the feed: once each
    again = clients[1].get("/api/v1/solutions/nordlab.smartseo").get_json()
    assert again["meta"]["cache"] == "hit" and fake_market.count() == len(paths)


def test_a_not_found_is_remembered_for_the_fleet(
    two_workers: list[Flask], fake_market: FakeMarketplace
) -> None:
    first, second = (api_client(app) for app in two_workers)
    assert first.get("/api/v1/solutions/no.such").status_code == 404
    answer = second.get("/api/v1/solutions/no.such")
    assert answer.status_code == 404 and answer.get_json()["error"] == "not_found"
    assert fake_market.count("/solutions/no.such/") == 1


def test_stale_on_error_is_served_by_another_worker(
    app_config: dict[str, Any], redis_url: str, fake_market: FakeMarketplace
) -> None:
    config = {**app_config, "REDIS_URL": redis_url, "RATE_LIMIT": "off", "MARKETPLACE_TTL_SOLUTION": 0.3}
    apps = [create_app(config) for _ in range(2)]
    try:
        assert api_client(apps[0]).get("/api/v1/solutions/nordlab.smartseo").status_code == 200
        time.sleep(0.4)  # the fresh copy expired; the stale one lives on in Redis
        fake_market.set_fault(SEO, "5xx")
        body = api_client(apps[1]).get("/api/v1/solutions/nordlab.smartseo").get_json()
        assert body["meta"]["stale"] is True and body["meta"]["cache"] == "stale"
        assert (
            body["meta"]["error"] == "the Marketplace answered 503"
            and body["facts"]["code"] == "nordlab.smartseo"
        )
    finally:
        for app in apps:
            get_service(app).close()


def test_the_politeness_interval_is_reserved_fleet_wide(redis_url: str) -> None:
    clients = [redis.Redis.from_url(redis_url) for _ in range(2)]
    pacers = [RedisPacer(c, 0.25, "https://marketplace.example") for c in clients]  # two workers
    far = time.monotonic() + 30
    waits = [pacers[i % 2].reserve(far) for i in range(6)]
    # each reservation lands one interval after the previous one, whichever worker made it
    assert [round(w / 0.25) for w in waits] == [0, 1, 2, 3, 4, 5]
    for c in clients:
        c.close()


def test_rate_limits_count_once_for_all_workers(app_config: dict[str, Any], redis_url: str) -> None:
    apps = [create_app({**app_config, "REDIS_URL": redis_url, "RATE_LIMIT": "4/minute"}) for _ in range(2)]
    try:
        clients = [api_client(app) for app in apps]
        codes = [clients[i % 2].get("/api/v1/rules").status_code for i in range(5)]
        assert codes == [200, 200, 200, 200, 429]
        limited = clients[0].get("/api/v1/rules")
        assert limited.get_json() == {"error": "too_many_requests", "message": "4 per 1 minute"}
        assert clients[1].get("/api/v1/health").status_code == 200  # monitoring is never limited
        keys = [k.decode() for k in redis.Redis.from_url(redis_url).keys("*mpcheck:v1:rate*")]
        assert keys and not any("127.0.0.1" in k for k in keys)  # hashed, no client address stored
    finally:
        for app in apps:
            get_service(app).close()


def test_redis_down_is_a_json_502_not_a_500(app_config: dict[str, Any], fake_market: FakeMarketplace) -> None:
    from tests.fakemarket.services import free_port

    app = create_app({**app_config, "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0", "RATE_LIMIT": "off"})
    try:
        response = api_client(app).get("/api/v1/solutions/nordlab.smartseo")
        assert response.status_code == 502 and response.get_json()["error"] == "shared_state_unavailable"
        assert fake_market.count() == 0  # no fetch without the shared politeness and single-flight
    finally:
        get_service(app).close()


class _LateReader:
    """A real Redis client whose FIRST `mget` answers as it would have a moment earlier (nothing stored):
    the interleaving where a leader stores its value and lets the lock go between a caller's read and
    its lock (seen once under load in test_mp_fleet's 40 parallel reads: the page was fetched twice)."""

    def __init__(self, client: redis.Redis) -> None:
        self._client, self._late = client, True

    def mget(self, *keys: Any) -> list[Any]:
        if self._late:
            self._late = False
            return [None] * len(keys)
        return list(self._client.mget(*keys))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)


def test_a_value_stored_between_the_read_and_the_lock_is_not_loaded_again(redis_url: str) -> None:
    from mpcheck.marketplace.shared import RedisSingleFlightCache

    client = redis.Redis.from_url(redis_url)
    leader = RedisSingleFlightCache(client, "race-test", ttl=60)
    assert leader.get("k", lambda: "first").value == "first"  # stored, lock released
    late = RedisSingleFlightCache(_LateReader(client), "race-test", ttl=60)  # type: ignore[arg-type]
    loads: list[str] = []
    got = late.get("k", lambda: loads.append("second") or "second")
    assert (got.value, got.source, loads) == ("first", "shared", [])
    assert late.stats["misses"] == 0 and late.stats["shared"] == 1
