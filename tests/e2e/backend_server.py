"""Run the Flask backend in a thread on a free loopback port for browser tests."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from werkzeug.serving import make_server


class BackendThread:
    """`with BackendThread(marketplace_url, db_path) as b:` serves create_app() at `b.url`."""

    def __init__(self, marketplace_url: str, db_path: Path, **config: Any) -> None:
        from mpcheck.app import create_app

        app = create_app(
            {"TESTING": True, "MARKETPLACE_URL": marketplace_url, "DB_PATH": str(db_path), **config}
        )
        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no per-request lines in test output
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> BackendThread:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._thread.join(timeout=5)
