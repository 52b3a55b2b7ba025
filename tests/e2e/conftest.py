"""Browser end-to-end fixtures: the fake Marketplace over TLS (the real host name mapped onto it),
the backend in a thread, and Chromium with the PRODUCTION build extension/dist/chrome."""

from __future__ import annotations

import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Playwright, sync_playwright

from tests.e2e.backend_server import BackendProcess
from tests.e2e.browser import ARTIFACTS, CHROME_BUILD, CHROMIUM, REPO, launch
from tests.e2e.pages import fake_routes
from tests.fakemarket.server import FakeMarketplace


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if not Path(CHROMIUM).exists():
        skip = pytest.mark.skip(reason=f"{CHROMIUM} missing: run `make browsers`")
        for item in items:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def chrome_build() -> Path:
    """`make test-e2e` builds first; a bare pytest run builds once if the output is missing."""
    if not (CHROME_BUILD / "manifest.json").exists():
        subprocess.run(["npm", "run", "build", "--silent"], cwd=REPO, check=True)
    ARTIFACTS.mkdir(exist_ok=True)
    return CHROME_BUILD


@pytest.fixture(scope="session")
def market() -> Iterator[FakeMarketplace]:
    routes, tmp = fake_routes()
    with FakeMarketplace(routes=routes, tls_mode=True) as fake:
        yield fake
    shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def market_http() -> Iterator[FakeMarketplace]:
    """Plain-HTTP twin for the backend's fetcher (it trusts no self-signed certificate)."""
    routes, tmp = fake_routes()
    with FakeMarketplace(routes=routes) as fake:
        yield fake
    shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def backend_url(market_http: FakeMarketplace, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    server = BackendProcess(market_http.base_url, tmp_path_factory.mktemp("db") / "mpcheck.sqlite3")
    try:
        server.__enter__()
    except RuntimeError as exc:  # the badge itself never needs the backend; only enrichment does
        pytest.fail(f"backend did not start: {exc}")
    yield server.url
    server.__exit__()


@pytest.fixture(scope="session")
def closed_port_url() -> str:
    """A loopback URL where nothing listens: the 'backend stopped' case."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture(scope="session")
def pw() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def ctx(pw: Playwright, market: FakeMarketplace, chrome_build: Path) -> Iterator[BrowserContext]:
    context = launch(pw, market.port, chrome_build)
    yield context
    context.close()


@pytest.fixture
def page(ctx: BrowserContext) -> Iterator[Page]:
    errors: list[str] = []
    p = ctx.new_page()
    p.on("pageerror", lambda exc: errors.append(str(exc)))

    def on_console(msg: ConsoleMessage) -> None:
        # Only what the extension says: the reconstructed pages 404 on their own images.
        ours = msg.location.get("url", "").startswith("chrome-extension://") or "mpcheck" in msg.text
        if msg.type in ("error", "warning") and ours:
            errors.append(f"console {msg.type}: {msg.text}")

    p.on("console", on_console)
    p.errors = errors  # type: ignore[attr-defined]
    yield p
    p.close()
