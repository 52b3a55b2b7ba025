"""The Firefox build in firefox-esr, in Russian (node script, WebDriver BiDi): the badge appears on a
solution page, and the popup page, opened in a tab, shows the same nine rows.

How the popup is reached is in firefox_check.mjs: BiDi refuses to navigate to moz-extension:// unless
Firefox runs with --remote-allow-system-access; the per-install uuid is fixed through the pref
extensions.webextensions.uuids; puppeteer's goto never resolves for that load, so the tab is polled.
What stays untested in Firefox: the real toolbar popup (the panel opened by the toolbar button, which
BiDi cannot click) - the page is the same popup.html with ?tabId= naming the solution tab.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.browser import ARTIFACTS, FIREFOX_BUILD, REPO
from tests.e2e.helpers import CRITERIA
from tests.e2e.pages import solution_url
from tests.fakemarket.server import FakeMarketplace

FIREFOX = Path("/usr/bin/firefox-esr")
RU_LANGPACK = Path("/usr/lib/firefox-esr/browser/extensions/langpack-ru@firefox-esr.mozilla.org.xpi")
RU = json.loads((REPO / "extension/static/_locales/ru/messages.json").read_text(encoding="utf-8"))
STATUS_WORDS = json.loads((REPO / "shared_rules/scoring.json").read_text(encoding="utf-8"))["texts"]["status"]
CODE = "nordlab.smartseo"

pytestmark = pytest.mark.skipif(
    not FIREFOX.exists() or shutil.which("node") is None,
    reason="firefox-esr or node missing: `make browsers`",
)


@pytest.fixture(scope="module")
def firefox(market: FakeMarketplace, chrome_build: Path, closed_port_url: str) -> dict[str, Any]:
    """One Firefox run: the badge, then the popup page for the same tab (firefox_check.mjs)."""
    assert (FIREFOX_BUILD / "manifest.json").exists(), "npm run build makes both targets"
    assert RU_LANGPACK.exists(), "firefox-esr-l10n-ru missing: `make browsers` installs it"
    script = Path(__file__).with_name("firefox_check.mjs")
    done = subprocess.run(
        [
            "node",
            str(script),
            str(market.port),
            str(FIREFOX_BUILD),
            solution_url(CODE),
            closed_port_url,
            str(ARTIFACTS / "firefox"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=150,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_badge_in_firefox(firefox: dict[str, Any]) -> None:
    assert firefox["state"] == "ready"
    assert firefox["code"] == CODE
    assert [c for c, _ in firefox["rows"]] == CRITERIA


def test_popup_in_firefox_in_russian(firefox: dict[str, Any]) -> None:
    popup = firefox["popup"]
    assert popup["uiLang"] == "ru" and popup["lang"] == "ru"
    assert popup["title"] == RU["popupTitle"]["message"]
    assert popup["partner"] == RU["partnerUnavailable"]["message"]  # the closed port: no server
    assert [c for c, _ in popup["rows"]] == CRITERIA
    assert popup["rows"] == firefox["rowsFinal"]  # the badge and the popup show the same result
    assert popup["statusWords"] == [STATUS_WORDS[status]["ru"] for _, status in popup["rows"]]
    assert popup["expanded"] == ["true", False]  # Enter on the first step's button opened it
    assert popup["scrollWidth"] <= popup["viewportWidth"] <= 440  # no sideways scroll
