"""A counting stand-in for the backend: records every request and answers 503, so tests can assert
how many calls the extension made (one batch per catalog page) without depending on the real API.

It sits on a random port, outside the manifest's host permission (127.0.0.1:8765), so like the
real backend (flask-cors for extension origins) it answers CORS preflights."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", self.headers.get("Origin", "*"))
        self.send_header("Access-Control-Allow-Headers", "Content-Type, X-Mpcheck-Client")
        self.send_header("Access-Control-Allow-Methods", "GET, POST")

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self._cors()
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _record(self) -> None:
        length = int(self.headers.get("Content-Length", "0") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.calls.append((self.command, self.path, json.loads(body) if body else None))
        self.send_response(503)
        self._cors()
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    do_GET = _record
    do_POST = _record


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    calls: list[tuple[str, str, object]]


class CountingBackend:
    def __init__(self) -> None:
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.calls = []
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def calls(self) -> list[tuple[str, str, object]]:
        return self._httpd.calls

    def __enter__(self) -> CountingBackend:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
