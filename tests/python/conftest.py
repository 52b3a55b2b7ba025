"""Shared pytest fixtures: a fake Marketplace on loopback, an app pointed at it, a live API server.

No test touches the internet: `app` always points MARKETPLACE_URL at the fake server (SPEC §8).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
# `tests.fakemarket` is a package at the repo root; plain `pytest` (unlike `python -m pytest`) does not
# put the root on sys.path.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from flask import Flask  # noqa: E402
from mpcheck.app import create_app  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from tests.fakemarket import FakeMarketplace  # noqa: E402


@pytest.fixture(scope="session")
def fake_market_server() -> Iterator[FakeMarketplace]:
    """One fake Marketplace (HTTP) for the whole session; use `fake_market` in tests."""
    with FakeMarketplace() as fake:
        yield fake


@pytest.fixture
def fake_market(fake_market_server: FakeMarketplace) -> Iterator[FakeMarketplace]:
    """The fake Marketplace with no faults and zeroed counters for this test."""
    fake_market_server.reset()
    yield fake_market_server
    fake_market_server.reset()


@pytest.fixture
def app_config(fake_market: FakeMarketplace, tmp_path: Path) -> dict[str, Any]:
    """create_app overrides for tests: fake Marketplace, tmp SQLite, no politeness delays, short timeouts."""
    return {
        "TESTING": True,
        "MARKETPLACE_URL": fake_market.base_url,
        "DB_PATH": str(tmp_path / "mpcheck.sqlite3"),
        "MARKETPLACE_MIN_INTERVAL": 0.0,
        "MARKETPLACE_BACKOFF": 0.01,
        "MARKETPLACE_CONNECT_TIMEOUT": 2.0,
        "MARKETPLACE_READ_TIMEOUT": 2.0,
    }


@pytest.fixture
def app(app_config: dict[str, Any]) -> Iterator[Flask]:
    """The API app; its Marketplace service is closed afterwards."""
    application = create_app(app_config)
    yield application
    service = application.extensions.get("mpcheck_marketplace")
    if service is not None:
        service.close()


@pytest.fixture
def client(app: Flask) -> Any:
    """Flask test client."""
    return app.test_client()


@pytest.fixture
def live_server(app: Flask) -> Iterator[str]:
    """The app served by a threaded werkzeug server on a free loopback port; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-api", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


_LOOPBACK = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail loudly if any test tries to resolve a host other than loopback (SPEC §8: no test touches
    the internet). The allowlist refuses off-host URLs before this point; this catches mistakes."""
    import socket

    real_getaddrinfo = socket.getaddrinfo

    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name not in _LOOPBACK and not name.startswith("127."):
            raise OSError(f"test tried to reach {name!r}: tests must stay on loopback")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)


@pytest.fixture
def cli_env(fake_market: FakeMarketplace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeMarketplace:
    """The CLI reads its config from the environment: point it at the fake Marketplace and a tmp store."""
    monkeypatch.setenv("MPCHECK_MARKETPLACE_URL", fake_market.base_url)
    monkeypatch.setenv("MPCHECK_DB", str(tmp_path / "cli.sqlite3"))
    monkeypatch.setenv("MPCHECK_MARKETPLACE_MIN_INTERVAL", "0")
    return fake_market
