"""Marketplace reader settings: app config key, else env `MPCHECK_<KEY>`, else the default here.

Keeping the defaults next to the code that uses them means config.py needs no edit per knob; every
key can still be overridden by `create_app({...})` (tests) or the environment (deployments).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mpcheck.marketplace.fetcher import USER_AGENT, FetchSettings
from mpcheck.marketplace.urls import PRODUCTION_URL

HOUR = 3600.0

DEFAULTS: dict[str, Any] = {
    "MARKETPLACE_URL": PRODUCTION_URL,
    "MARKETPLACE_CONNECT_TIMEOUT": 5.0,
    "MARKETPLACE_READ_TIMEOUT": 15.0,
    "MARKETPLACE_DEADLINE": 30.0,  # SPEC §12: one fetch, waits and retries included
    "MARKETPLACE_RETRIES": 2,
    "MARKETPLACE_BACKOFF": 0.5,
    "MARKETPLACE_MAX_BYTES": 5 * 1024 * 1024,  # real pages are ~20-200 KB
    "MARKETPLACE_MAX_REDIRECTS": 3,
    "MARKETPLACE_CONCURRENCY": 2,  # per host; clamped to 1-2
    "MARKETPLACE_MIN_INTERVAL": 2.0,  # DOM.md §10.7: at least 2-3 s between requests to someone else's site
    "MARKETPLACE_USER_AGENT": USER_AGENT,
    "MARKETPLACE_VERIFY": True,  # or a CA file path (the fake Marketplace's throwaway cert)
    "MARKETPLACE_TTL_SOLUTION": 10 * 60.0,
    "MARKETPLACE_TTL_PARTNER": 6 * HOUR,
    "MARKETPLACE_TTL_RATING": 6 * HOUR,
    "MARKETPLACE_TTL_LISTING_FEED": 10 * 60.0,  # a listing's XML feed, per listing URL
    "MARKETPLACE_LISTING_FEED_WAIT": 1.0,  # s a batch waits for it: the extension gives a batch 2 s
    "MARKETPLACE_CACHE_SIZE": 512,  # entries per kind
    "MARKETPLACE_STALE_SIZE": 2048,
    "MARKETPLACE_STALE_MAX_AGE": 7 * 24 * HOUR,
    "MARKETPLACE_EXTRA_PAGES": 3,  # review/comment pager pages read per solution
    "MARKETPLACE_RATING_SCAN_PAGES": 4,  # rating pages scanned for a partner's position (25 rows each)
    # SPEC §12, empty = the embedded defaults: in-process caches and pacing, SQLite at DB_PATH
    "REDIS_URL": "",
    "DATABASE_URL": "",
    "DATABASE_POOL_SIZE": 4,  # connections per worker process
}


@dataclass(frozen=True)
class ReaderSettings:
    """Resolved settings for one app."""

    values: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def fetch(self) -> FetchSettings:
        """The fetcher's part."""
        v = self.values
        return FetchSettings(
            base_url=str(v["MARKETPLACE_URL"]).rstrip("/"),
            connect_timeout=float(v["MARKETPLACE_CONNECT_TIMEOUT"]),
            read_timeout=float(v["MARKETPLACE_READ_TIMEOUT"]),
            retries=int(v["MARKETPLACE_RETRIES"]),
            backoff=float(v["MARKETPLACE_BACKOFF"]),
            max_bytes=int(v["MARKETPLACE_MAX_BYTES"]),
            max_redirects=int(v["MARKETPLACE_MAX_REDIRECTS"]),
            concurrency=int(v["MARKETPLACE_CONCURRENCY"]),
            min_interval=float(v["MARKETPLACE_MIN_INTERVAL"]),
            user_agent=str(v["MARKETPLACE_USER_AGENT"]),
            verify=v["MARKETPLACE_VERIFY"],
            deadline=float(v["MARKETPLACE_DEADLINE"]),
        )


def _coerce(default: Any, raw: str) -> Any:
    if isinstance(default, bool):
        low = raw.strip().lower()
        if low in ("0", "1", "true", "false", "yes", "no", "on", "off"):
            return low in ("1", "true", "yes", "on")
        return raw  # MARKETPLACE_VERIFY may be a CA file path
    return type(default)(raw)


def reader_settings(config: Mapping[str, Any]) -> ReaderSettings:
    """Resolve every key from `config`, the environment, then DEFAULTS."""
    values: dict[str, Any] = {}
    for key, default in DEFAULTS.items():
        if key in config:
            values[key] = config[key]
        elif f"MPCHECK_{key}" in os.environ:
            values[key] = _coerce(default, os.environ[f"MPCHECK_{key}"])
        else:
            values[key] = default
    return ReaderSettings(values)
