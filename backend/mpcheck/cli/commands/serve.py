"""`mpcheck serve`: run the API (loopback by default) with the embedded SQLite store."""

from __future__ import annotations

import argparse

from mpcheck.app import create_app
from mpcheck.server import make_api_server


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `serve` subcommand."""
    parser = subparsers.add_parser("serve", help="run the HTTP API")
    parser.add_argument("--host", default="127.0.0.1", help="bind address (default: loopback only)")
    parser.add_argument("--port", type=int, default=8765)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted. A threaded WSGI server: the API is local and light."""
    app = create_app()
    server = make_api_server(app, args.host, args.port)
    print(f"mpcheck API on http://{args.host}:{server.server_port}/api/v1/health", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        service = app.extensions.get("mpcheck_marketplace")
        if service is not None:
            service.close()
    return 0
