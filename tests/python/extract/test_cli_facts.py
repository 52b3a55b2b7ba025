"""`mpcheck facts FILE|URL [--json]` through mpcheck.cli.main.main."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mpcheck.cli.main import main

from tests.fakemarket import FakeMarketplace

from .helpers import FIXTURES, expected

PAGE = FIXTURES / "solution_changelog_tab_legacy_cp1251.html"


def test_facts_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", str(PAGE), "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["schema"] == "mpcheck.facts/1"
    assert facts["code"] == expected("solution_changelog_tab_legacy_cp1251")["code"]


def test_facts_summary_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", str(PAGE)]) == 0
    out = capsys.readouterr().out
    assert "Решение: Импорт каталога из Excel и CSV (tehnostar.importer)" in out
    assert "Цена: 7900 руб. (было 9900 руб.)" in out
    assert "Демо-режим: да, 30 дн." in out


def test_missing_file_is_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["facts", str(tmp_path / "nope.html")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mpcheck: no such file") and err.count("\n") == 1


def test_markup_changed_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "odd.html"
    page.write_text("<html><body><h1>Модуль</h1><p>Код решения: a.b</p></body></html>", encoding="utf-8")
    assert main(["facts", str(page)]) == 0
    assert "Внимание: разметка страницы изменилась, не найдено: partner, changelog" in capsys.readouterr().out


def test_url_is_read_through_the_marketplace_service(
    cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{cli_env.base_url}/solutions/nordlab.smartseo/"
    assert main(["facts", url, "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["code"] == "nordlab.smartseo" and facts["price"]["rub"] == 12990
    assert cli_env.count("/solutions/nordlab.smartseo/") >= 1  # the page, then its review pager pages


def test_off_host_url_is_usage_error(cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "https://evil.example/solutions/a.b/"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mpcheck: cannot read") and err.count("\n") == 1
    assert cli_env.count() == 0


def test_upstream_failure_exits_1(cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]) -> None:
    cli_env.set_fault("*", "5xx")
    assert main(["facts", f"{cli_env.base_url}/solutions/nordlab.smartseo/"]) == 1
