"""The Firefox build in firefox-esr (via the node script, WebDriver BiDi): the badge appears."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.browser import ARTIFACTS, FIREFOX_BUILD, REPO
from tests.e2e.helpers import CRITERIA
from tests.e2e.pages import solution_url
from tests.fakemarket.server import FakeMarketplace

FIREFOX = Path("/usr/bin/firefox-esr")


@pytest.mark.skipif(
    not FIREFOX.exists() or shutil.which("node") is None, reason="firefox-esr or node missing"
)
def test_badge_in_firefox(market: FakeMarketplace, chrome_build: Path) -> None:
    assert (FIREFOX_BUILD / "manifest.json").exists(), "npm run build makes both targets"
    script = Path(__file__).with_name("firefox_badge.mjs")
    shot = ARTIFACTS / "firefox-badge.png"
    done = subprocess.run(
        [
            "node",
            str(script),
            str(market.port),
            str(FIREFOX_BUILD),
            solution_url("nordlab.smartseo"),
            str(shot),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["state"] == "ready"
    assert result["code"] == "nordlab.smartseo"
    assert [c for c, _ in result["rows"]] == CRITERIA
