"""`mpcheck report URL|FILE.html`: a saved page offline, a URL through the service (fake Marketplace)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mpcheck.cli.main import main

from tests.fakemarket import FakeMarketplace

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "marketplace"


def test_report_from_a_saved_cp1251_file(capsys: pytest.CaptureFixture[str]) -> None:
    page = FIXTURES / "solution_changelog_tab_legacy_cp1251.html"
    if not page.exists():
        pytest.skip("fixture copy not present")
    assert main(["report", str(page), "--json", "--today", "2026-11-27"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["code"] == "tehnostar.importer" and len(report["criteria"]) == 9


def test_report_from_a_url_merges_partner_facts(
    cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{cli_env.base_url}/solutions/nordlab.smartseo/"
    assert main(["report", url, "--lang", "en", "--today", "2026-11-27"]) == 0
    out = capsys.readouterr().out
    assert "nordlab.smartseo" in out
    assert cli_env.count("/partners/detail.php?ID=731204") == 1


def test_off_host_url_is_bad_input(cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "https://evil.example/solutions/a.b/"]) == 2
    assert "refused" in capsys.readouterr().err and cli_env.count() == 0


def test_upstream_failure_exits_1(cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]) -> None:
    cli_env.set_fault("*", "5xx")
    monkey_url = f"{cli_env.base_url}/solutions/nordlab.smartseo/"
    assert main(["report", monkey_url]) == 1
    assert "503" in capsys.readouterr().err


def test_missing_file_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "/nonexistent/page.html"]) == 2
    assert capsys.readouterr().err.startswith("mpcheck: cannot read")
