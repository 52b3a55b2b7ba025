"""Who may talk to the API at all (SPEC §12): the right `Host`, and the `X-Mpcheck-Client` header.

* `Host`: a DNS-rebinding page reaches 127.0.0.1 under its own name (`Host: evil.example:8765`); only
  loopback names and `MPCHECK_ALLOWED_HOSTS` (comma separated, or app config `ALLOWED_HOSTS`) are
  served, anything else gets a JSON 421 before any route runs.
* `X-Mpcheck-Client`: a custom header cannot be sent by a `no-cors` fetch or a form, and a CORS
  request carrying it needs a preflight that only the extension's origins pass. So a foreign web page
  can no longer make the backend fetch from the Marketplace. `GET /health` and `GET /openapi.json`
  stay open (monitoring, docs); preflights (`OPTIONS`) are answered by CORS and never carry it.
"""

from __future__ import annotations

import os

from flask import Flask, current_app, request

from mpcheck.api.errors import ApiError

CLIENT_HEADER = "X-Mpcheck-Client"
API_PREFIX = "/api/v1"
OPEN_ROUTES = frozenset({f"{API_PREFIX}/health", f"{API_PREFIX}/openapi.json"})
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
MAX_CLIENT_VALUE = 200


def host_name(host: str) -> str:
    """`Host` header value without the port, lower case; IPv6 literals without brackets."""
    value = host.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def allowed_hosts(app: Flask) -> frozenset[str]:
    """Loopback names plus the configured ones (config `ALLOWED_HOSTS`, else the environment)."""
    configured = app.config.get("ALLOWED_HOSTS")
    if configured is None:
        configured = os.environ.get("MPCHECK_ALLOWED_HOSTS", "")
    if isinstance(configured, str):
        configured = configured.split(",")
    return LOOPBACK_NAMES | {host_name(h) for h in configured if h.strip()}


def init_app(app: Flask) -> None:
    """Install the checks in front of every request."""
    app.extensions["mpcheck_allowed_hosts"] = allowed_hosts(app)

    @app.before_request
    def _guard() -> None:
        hosts: frozenset[str] = current_app.extensions["mpcheck_allowed_hosts"]
        if host_name(request.host) not in hosts:
            raise ApiError(
                421,
                "misdirected_request",
                "this server does not serve that host name (set MPCHECK_ALLOWED_HOSTS)",
                "Host",
            )
        if not request.path.startswith(API_PREFIX + "/") or request.method == "OPTIONS":
            return
        if request.method in ("GET", "HEAD") and request.path in OPEN_ROUTES:
            return
        value = request.headers.get(CLIENT_HEADER, "").strip()
        if not value or len(value) > MAX_CLIENT_VALUE:
            raise ApiError(
                403,
                "client_header_required",
                f"send the {CLIENT_HEADER} header (any non-empty value up to {MAX_CLIENT_VALUE} characters)",
                CLIENT_HEADER,
            )
