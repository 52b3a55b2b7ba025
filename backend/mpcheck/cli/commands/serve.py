"""`mpcheck serve [--host H] [--port P] [--workers N]`: the API on gunicorn (SPEC §6, §12).

Always gunicorn, also for one buyer (`make run`: one worker, so the in-process caches and the
politeness interval stay one): Werkzeug's development server had no connection cap and no socket
timeout, and a web page could hold it with slow connections. gthread workers, because a request may
wait up to the Marketplace deadline for a page while other requests must still be answered.

No access log and gunicorn's error log at `error`: SPEC §9, the backend logs no client identifiers
(gunicorn names the client address in access lines and in its warning about a malformed request).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from gunicorn.app.base import BaseApplication

from mpcheck.cli.i18n import entry, fill
from mpcheck.cli.main import UsageError

# Seconds. The request may legitimately wait for the Marketplace (30 s deadline per fetch), so the
# worker timeout is a liveness check (gthread heartbeats from its main loop), not a request limit.
WORKER_TIMEOUT = 120
GRACEFUL_TIMEOUT = 20
KEEPALIVE = 5
THREADS = 8
MAX_CONNECTIONS = 200  # per worker; beyond it clients wait in the listen backlog
WILDCARD_HOSTS = ("0.0.0.0", "::", "")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `serve` subcommand."""
    parser = subparsers.add_parser("serve", help="run the HTTP API")
    parser.add_argument("--host", default="127.0.0.1", help="bind address (default: loopback only)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes (more than 1 wants MPCHECK_REDIS_URL so caches and politeness are shared)",
    )
    parser.set_defaults(func=run)


class ApiServer(BaseApplication):
    """gunicorn with its options from here, the app built once per worker after the fork (no SQLite
    connection, HTTP pool or Redis socket is shared between processes)."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from mpcheck.app import create_app

        return create_app()


def _when_ready(server: Any, lang: str = "ru") -> None:
    for listener in server.LISTENERS:
        host, port = listener.getsockname()[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        print(fill(entry("serve", "listening", lang), {"host": shown, "port": port}), flush=True)


def _worker_exit(_server: Any, worker: Any) -> None:
    app = getattr(worker, "wsgi", None)
    service = getattr(app, "extensions", {}).get("mpcheck_marketplace") if app is not None else None
    if service is not None:
        service.close()


def options(host: str, port: int, workers: int, lang: str = "ru") -> dict[str, Any]:
    """gunicorn settings for `mpcheck serve`; `lang` is the start-up line's language."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return {
        "bind": [bind],
        "workers": workers,
        "worker_class": "gthread",
        "threads": THREADS,
        "worker_connections": MAX_CONNECTIONS,
        "timeout": WORKER_TIMEOUT,
        "graceful_timeout": GRACEFUL_TIMEOUT,
        "keepalive": KEEPALIVE,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "error",  # "warning" names the client of a malformed request (ip=...)
        "preload_app": False,
        "when_ready": lambda server: _when_ready(server, lang),  # gunicorn calls a hook with the server only
        "worker_exit": _worker_exit,
        "proc_name": "mpcheck",
    }


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted (SIGINT/SIGTERM stop gunicorn gracefully)."""
    if args.workers < 1 or args.workers > 64:
        raise UsageError("--workers must be 1..64")
    if not 0 <= args.port <= 65535:
        raise UsageError("--port must be 0..65535")
    if args.workers > 1 and not os.environ.get("MPCHECK_REDIS_URL"):
        print(entry("serve", "no_redis", args.lang), file=sys.stderr)
    if args.host not in WILDCARD_HOSTS:
        # The name the server was told to listen on is one it serves (the Host check of mpcheck.api.guard).
        listed = os.environ.get("MPCHECK_ALLOWED_HOSTS", "")
        os.environ["MPCHECK_ALLOWED_HOSTS"] = ",".join(filter(None, [listed, args.host]))
    ApiServer(options(args.host, args.port, args.workers, args.lang)).run()
    return 0
