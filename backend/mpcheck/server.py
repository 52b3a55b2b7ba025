"""The HTTP server behind `mpcheck serve` (and the benches): threaded WSGI, no access log.

The API runs on the buyer's own machine for one browser; a threaded WSGI server is enough. Access
logging is off on purpose: SPEC §9 says the backend logs no client identifiers.
"""

from __future__ import annotations

from typing import Any

from flask import Flask
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server


class QuietRequestHandler(WSGIRequestHandler):
    """Serves requests without writing client addresses or paths to the log."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Access log disabled (privacy)."""

    def log(self, type: str, message: str, *args: Any) -> None:  # `type`: werkzeug names it so
        """Only errors reach the log, and without the client address."""
        if type == "error":
            super().log(type, message, *args)

    def address_string(self) -> str:
        """Never log the client address."""
        return "-"


def make_api_server(app: Flask, host: str, port: int) -> BaseWSGIServer:
    """A threaded server for the app; port 0 picks a free port (see `server.server_port`)."""
    return make_server(host, port, app, threaded=True, request_handler=QuietRequestHandler)
