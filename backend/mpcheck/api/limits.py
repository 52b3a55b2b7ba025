"""Client rate limits (SPEC §12): flask-limiter, counting on the same Redis as the caches.

On by default only for a team service (`MPCHECK_REDIS_URL` set), where one client could otherwise
spend the fleet's Marketplace budget; `MPCHECK_RATE_LIMIT` sets the limit ("300/minute" by default,
"" or "off" disables, and setting it without Redis counts per process). The key is a hash of the client
address: the counters in Redis then hold no client identifier (SPEC §9). `GET /health` and
`GET /openapi.json` are not limited, so monitoring never trips it.
"""

from __future__ import annotations

import hashlib
import os

from flask import Flask, request
from flask_limiter import Limiter

from mpcheck.api.guard import OPEN_ROUTES

DEFAULT_LIMIT = "300/minute"
OFF = ("", "off", "none", "0")


def _client_key() -> str:
    address = request.remote_addr or "-"
    return hashlib.sha256(f"mpcheck-rate:{address}".encode()).hexdigest()[:24]


def _setting(app: Flask, key: str) -> str | None:
    if key in app.config:
        return str(app.config[key])
    return os.environ.get(f"MPCHECK_{key}")


def init_app(app: Flask) -> Limiter | None:
    """Attach the limiter when configured; None when rate limiting is off."""
    redis_url = _setting(app, "REDIS_URL") or ""
    limit = _setting(app, "RATE_LIMIT")
    if limit is None:
        limit = DEFAULT_LIMIT if redis_url else ""
    if limit.strip().lower() in OFF:
        return None
    limiter = Limiter(
        key_func=_client_key,
        app=app,
        default_limits=[limit],
        storage_uri=redis_url or "memory://",
        strategy="moving-window",
        key_prefix="mpcheck:v1:rate",
        default_limits_exempt_when=lambda: request.path in OPEN_ROUTES or request.method == "OPTIONS",
        headers_enabled=True,
    )
    app.extensions["mpcheck_limiter"] = limiter
    return limiter
