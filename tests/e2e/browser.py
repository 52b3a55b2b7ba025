"""Launch Debian's Chromium with the production extension build (TESTING-BROWSERS.md §3, addendum).

The real Marketplace host is mapped onto the local TLS fake with --host-resolver-rules, so the
manifest's match patterns are exercised exactly as shipped.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Playwright, Worker

CHROMIUM = os.environ.get("MPCHECK_CHROMIUM", "/usr/lib/chromium/chromium")
REPO = Path(__file__).resolve().parents[2]
CHROME_BUILD = REPO / "extension" / "dist" / "chrome"
FIREFOX_BUILD = REPO / "extension" / "dist" / "firefox"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
HOST = "marketplace.1c-bitrix.ru"


def chromium_args(ext_dir: Path | None, market_port: int) -> list[str]:
    args = [
        f"--host-resolver-rules=MAP {HOST}:443 127.0.0.1:{market_port}",
        "--ignore-certificate-errors",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
    if ext_dir is not None:
        args += [f"--disable-extensions-except={ext_dir}", f"--load-extension={ext_dir}"]
    return args


UI_LOCALES = {"ru": ("ru-RU", "ru_RU.UTF-8"), "en": ("en-US", "en_US.UTF-8")}


def launch(
    pw: Playwright,
    market_port: int,
    ext_dir: Path | None = CHROME_BUILD,
    lang: str = "ru",
    **kwargs: Any,
) -> BrowserContext:
    """A persistent context (extensions need one) in a fresh profile, with Chromium's UI in `lang`.

    The suite runs in Russian (the buyers' language); `make browsers` installs chromium-l10n, without
    which Debian's Chromium has only en-US and test_locale.py fails rather than passing in English.
    """
    locale, posix = UI_LOCALES[lang]
    profile = tempfile.mkdtemp(prefix="mpcheck-chromium-")
    return pw.chromium.launch_persistent_context(
        profile,
        executable_path=CHROMIUM,
        headless=True,
        ignore_https_errors=True,
        locale=locale,
        env={**os.environ, "LANGUAGE": lang, "LANG": posix},
        args=chromium_args(ext_dir, market_port),
        **kwargs,
    )


def service_worker(ctx: BrowserContext) -> Worker:
    workers = [w for w in ctx.service_workers if w.url.startswith("chrome-extension://")]
    return workers[0] if workers else ctx.wait_for_event("serviceworker", timeout=15_000)


def extension_id(ctx: BrowserContext) -> str:
    return service_worker(ctx).url.split("/")[2]


def set_backend(ctx: BrowserContext, url: str) -> None:
    """The worker reads `backendUrl` from storage.local (a test override of the settings)."""
    service_worker(ctx).evaluate(
        "u => chrome.storage.local.clear().then(() => chrome.storage.local.set({backendUrl: u}))", url
    )
