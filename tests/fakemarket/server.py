"""The fake Marketplace: a threaded HTTP(S) server on loopback serving fixture pages with fault modes.

Control API (not counted in stats): `GET /__fake/stats`, `POST /__fake/faults` with JSON
`{"path": "/solutions/x.y/" | "*", "mode": "slow", "delay": 1.5, "times": 0}`, `DELETE /__fake/faults`,
`POST /__fake/reset` (clears faults and counters).
"""

from __future__ import annotations

import functools
import gzip
import json
import shutil
import socket
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.fakemarket import tls
from tests.fakemarket.faults import GLOBAL, Fault, FaultTable, RequestStats
from tests.fakemarket.pages import HTML_1251, Page, resolve
from tests.fakemarket.routes import RouteTable, decode, load_routes

_CHUNK = 64 * 1024


@functools.lru_cache(maxsize=4)
def bomb(size: int, layers: int) -> bytes:
    """`size` zero bytes gzipped `layers` times, built a MiB at a time (256 MiB twice: ~1 KB)."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1024 * 1024)
    parts = [squeeze.compress(zeros[: min(len(zeros), size - done)]) for done in range(0, size, len(zeros))]
    body = b"".join(parts) + squeeze.flush()
    for _ in range(layers - 1):
        body = gzip.compress(body, 9)
    return body


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128
    fake: FakeMarketplace

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up (the fault modes provoke it) is expected: no traceback on stderr,
        which the CLI tests read; anything else is still reported."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive, like the real site; every response has a length or chunks
    disable_nagle_algorithm = True  # headers and body are separate writes: avoid 40 ms delayed-ACK stalls

    def log_message(self, format: str, *args: Any) -> None:
        """Silence per-request logging (tests read the counters instead)."""

    def do_GET(self) -> None:
        split = urlsplit(self.path)
        if split.path.startswith("/__fake/"):
            self._control(split.path)
            return
        fake = self.server.fake
        fake.stats.begin(self.path, self.headers.get("User-Agent", ""))
        try:
            fault = fake.faults.take(split.path, split.query)
            self._answer(resolve(fake.routes, split.path, split.query), fault)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True  # the client hung up (size cap, timeout): expected
        finally:
            fake.stats.end()

    def do_POST(self) -> None:
        self._control(urlsplit(self.path).path)

    def do_DELETE(self) -> None:
        self._control(urlsplit(self.path).path)

    def _answer(self, page: Page, fault: Fault | None) -> None:
        mode = fault.mode if fault else None
        if fault and mode == "slow":
            time.sleep(fault.delay)
        if mode == "down":  # close without a status line
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if fault and mode == "5xx":
            page = Page(fault.status, b"<html><body>Service Unavailable</body></html>")
        elif mode == "redirect_offhost":
            page = Page(302, b"", headers={"Location": f"http://evil.example{urlsplit(self.path).path}"})
        elif fault and mode == "huge":
            self._stream_huge(fault)
            return
        elif fault and mode == "drip":
            self._drip(fault)
            return
        elif fault and mode == "bomb":
            page = Page(200, bomb(fault.size, fault.layers), "text/html; charset=UTF-8",
                        headers={"Content-Encoding": ", ".join(["gzip"] * fault.layers)})  # fmt: skip
        elif fault and mode == "charset":
            # ASCII bytes (entities for the rest), as an error or legacy page may be: Python's punycode
            # codec then raises UnicodeError instead of UnicodeDecodeError on the first '<'.
            ascii_body = decode(page.body).encode("ascii", "xmlcharrefreplace")
            page = Page(page.status, ascii_body, f"text/html; charset={fault.charset}")
        elif mode == "cp1251" and page.content_type.startswith("text/html"):
            page = Page(page.status, decode(page.body).encode("cp1251", "xmlcharrefreplace"), HTML_1251)
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(page.body)))
        for name, value in page.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if mode == "truncated":  # promise the whole body, send half, hang up
            self.wfile.write(page.body[: len(page.body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(page.body)

    def _stream_huge(self, fault: Fault) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=UTF-8")
        if fault.declare_length:
            self.send_header("Content-Length", str(fault.size))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"<!-- filler -->".ljust(_CHUNK, b" ")
        sent = 0
        while sent < fault.size:
            part = chunk[: min(_CHUNK, fault.size - sent)]
            framed = part if fault.declare_length else f"{len(part):x}\r\n".encode() + part + b"\r\n"
            self.wfile.write(framed)
            sent += len(part)
        if not fault.declare_length:
            self.wfile.write(b"0\r\n\r\n")

    def _drip(self, fault: Fault) -> None:
        """Headers at once, then the body a byte at a time: no single read ever times out."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=UTF-8")
        self.send_header("Content-Length", str(fault.size))
        self.end_headers()
        self.wfile.flush()
        for _ in range(fault.size):
            self.wfile.write(b" ")
            self.wfile.flush()
            time.sleep(fault.delay)

    def _control(self, path: str) -> None:
        fake = self.server.fake
        status, payload = 200, {"ok": True}
        try:
            if path == "/__fake/stats" and self.command == "GET":
                payload = {**fake.stats.snapshot(), "faults": fake.faults.snapshot()}
            elif path == "/__fake/reset" and self.command == "POST":
                fake.reset()
            elif path == "/__fake/faults" and self.command == "POST":
                data = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
                fake.faults.set(data.get("path", GLOBAL), Fault.from_json(data))
            elif path == "/__fake/faults" and self.command == "DELETE":
                fake.faults.clear()
            else:
                status, payload = 404, {"error": "unknown control endpoint"}
        except (ValueError, TypeError) as exc:
            status, payload = 400, {"error": str(exc)}
        body = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class FakeMarketplace:
    """Start with `with FakeMarketplace() as fake:`; `fake.base_url` is what the backend is pointed at."""

    def __init__(
        self,
        fixture_dir: Path | str | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        tls_mode: bool = False,
        routes: RouteTable | None = None,
    ) -> None:
        self.routes = routes or load_routes(Path(fixture_dir) if fixture_dir else None)
        self.faults = FaultTable()
        self.stats = RequestStats()
        self.tls = tls_mode
        self.cert_path: Path | None = None
        self._httpd = _Server((host, port), _Handler)
        self._httpd.fake = self
        if tls_mode:
            self.cert_path, key = tls.make_cert()
            ctx = tls.server_context(self.cert_path, key)
            # Handshake lazily in the handler thread so a silent client cannot stall accept().
            self._httpd.socket = ctx.wrap_socket(
                self._httpd.socket, server_side=True, do_handshake_on_connect=False
            )
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The bound port (useful with port=0)."""
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """`http(s)://127.0.0.1:<port>` without a trailing slash."""
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> FakeMarketplace:
        """Serve in a daemon thread."""
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="fakemarket", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the listening socket."""
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)
        if self.cert_path:
            shutil.rmtree(self.cert_path.parent, ignore_errors=True)

    def __enter__(self) -> FakeMarketplace:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def set_fault(self, path: str = GLOBAL, mode: str = "5xx", **params: Any) -> None:
        """In-process equivalent of `POST /__fake/faults`."""
        self.faults.set(path, Fault(mode=mode, **params))

    def clear_faults(self, path: str | None = None) -> None:
        """Remove one fault or all."""
        self.faults.clear(path)

    def count(self, prefix: str | None = None) -> int:
        """Requests served whose path (with query) starts with `prefix`; all when None."""
        return self.stats.count(prefix)

    def reset(self, idle_timeout: float = 5.0) -> None:
        """Clear faults and counters between tests, after handlers still busy (slow, huge) finish."""
        self.faults.clear()
        deadline = time.monotonic() + idle_timeout
        while self.stats.in_flight > 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        self.stats.reset()
