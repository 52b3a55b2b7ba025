"""`mpcheck facts FILE|URL [--json]` through mpcheck.cli.main.main."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from mpcheck.cli.main import main

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


def test_url_uses_the_marketplace_service(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def fetch_solution_facts(url: str) -> tuple[dict[str, str], dict[str, str]]:
        return {"schema": "mpcheck.facts/1", "page_type": "solution", "code": "a.b", "url": url}, {}

    fake = types.ModuleType("mpcheck.marketplace.service")
    setattr(fake, "fetch_solution_facts", fetch_solution_facts)  # noqa: B010 - a module built at run time
    monkeypatch.setitem(sys.modules, "mpcheck.marketplace.service", fake)
    assert main(["facts", "https://marketplace.1c-bitrix.ru/solutions/a.b/", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["code"] == "a.b"


def test_url_without_service_is_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "mpcheck.marketplace.service", None)  # import raises ImportError
    assert main(["facts", "https://marketplace.1c-bitrix.ru/solutions/a.b/"]) == 2
    assert capsys.readouterr().err.strip() == "mpcheck: fetching URLs needs the marketplace service"
