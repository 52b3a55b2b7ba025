"""Run the Flask backend as a subprocess on a free loopback port for browser tests.

A separate process, as in real use (`mpcheck serve`): the extension only ever sees it over HTTP,
and the backend's own sockets and threads stay out of the test process.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SERVE = (
    "import sys; from mpcheck.app import create_app; from werkzeug.serving import run_simple; "
    "run_simple('127.0.0.1', int(sys.argv[1]), create_app(), threaded=True)"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class BackendProcess:
    """`with BackendProcess(marketplace_url, db_path) as b:` serves create_app() at `b.url`."""

    def __init__(self, marketplace_url: str, db_path: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._env = {**os.environ, "MPCHECK_MARKETPLACE_URL": marketplace_url, "MPCHECK_DB": str(db_path)}
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> BackendProcess:
        self._proc = subprocess.Popen(
            [sys.executable, "-c", SERVE, str(self.port)],
            cwd=REPO,
            env=self._env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                err = self._proc.stderr.read().decode(errors="replace") if self._proc.stderr else ""
                raise RuntimeError(f"backend exited: {err[-1000:]}")
            try:
                with urllib.request.urlopen(self.url + "/api/v1/health", timeout=2) as res:
                    if res.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("backend did not answer /api/v1/health within 20 s")

    def __exit__(self, *exc: object) -> None:
        if self._proc and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        if self._proc and self._proc.stderr:
            self._proc.stderr.close()
