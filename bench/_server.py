"""Helpers for benches: run the real app (plus a no-op baseline route) in a separate process."""

from __future__ import annotations

import multiprocessing as mp
import socket
import time
from typing import Any

import httpx


def free_port() -> int:
    """An unused loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(port: int, config: dict[str, Any]) -> None:
    from flask import jsonify, request
    from mpcheck.app import create_app
    from mpcheck.server import make_api_server

    app = create_app(config)

    # Baseline: same server, same JSON parsing of the same body, no rules work.
    @app.post("/api/v1/_noop")
    def noop() -> Any:
        request.get_json()
        return jsonify({"ok": True})

    make_api_server(app, "127.0.0.1", port).serve_forever()


class ServerProcess:
    """Context manager: the API in its own process so the load client does not share its GIL."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self._proc = mp.get_context("spawn").Process(
            target=_serve, args=(self.port, config or {}), daemon=True
        )

    @property
    def pid(self) -> int:
        """The server process id (memory_soak reads its RSS from /proc)."""
        assert self._proc.pid is not None, "not started"
        return self._proc.pid

    def __enter__(self) -> ServerProcess:
        self._proc.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.base}/api/v1/health", timeout=1)
                return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("bench server did not start")

    def __exit__(self, *exc: object) -> None:
        self._proc.terminate()
        self._proc.join(5)
