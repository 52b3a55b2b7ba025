"""Help in Russian by default and in English with --lang en: argparse's own words (usage, section
titles, -h) included, every subcommand's help translated, nothing English left in the Russian help
and nothing Russian in the English one."""

from __future__ import annotations

import argparse
import re

import pytest
from mpcheck.cli.i18n import texts
from mpcheck.cli.main import build_parser

from .cli_run import run

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)

FACTS_HELP_RU = """\
использование: mpcheck facts [-h] [--json] [--lang {ru,en}] АДРЕС|ФАЙЛ.html

факты страницы Маркетплейса: сохранённый файл или адрес

позиционные аргументы:
  АДРЕС|ФАЙЛ.html  сохранённая страница (ФАЙЛ.html), адрес на Маркетплейсе или код решения

параметры:
  -h, --help       показать эту справку и выйти
  --json           напечатать факты в JSON (mpcheck.facts/1)
  --lang {ru,en}   язык вывода: ru (по умолчанию) или en

Коды выхода: 0 — готово, 1 — Маркетплейс не ответил (сеть, ошибка 5xx, тайм-аут), 2 — неверный
ввод. Адрес решения можно дать с https://, http:// или без схемы, а также просто кодом
(partner.module).
"""

FACTS_HELP_EN = """\
usage: mpcheck facts [-h] [--json] [--lang {ru,en}] URL|FILE.html

extract the facts of a saved Marketplace page or a URL

positional arguments:
  URL|FILE.html   a saved page (FILE.html), a Marketplace URL or a solution code

options:
  -h, --help      show this help message and exit
  --json          print the facts as JSON (mpcheck.facts/1)
  --lang {ru,en}  output language: ru (the default) or en

Exit codes: 0 done, 1 the Marketplace failed (network, 5xx, timeout), 2 bad input. A solution may
be given by its URL (https://, http:// or no scheme) or by its code (partner.module).
"""


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """argparse wraps at the terminal width: fix it so the texts are exact."""
    monkeypatch.setenv("COLUMNS", "100")


def test_subcommand_help_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "facts", "--help")
    assert (done.code, done.out, done.err) == (0, FACTS_HELP_RU, "")


@pytest.mark.parametrize("argv", [["facts", "--help", "--lang", "en"], ["--lang=en", "facts", "-h"]])
def test_subcommand_help_in_english(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    done = run(capsys, *argv)
    assert (done.code, done.out) == (0, FACTS_HELP_EN)


def test_top_level_help_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "--help").out
    assert out.startswith("использование: mpcheck [-h] [--lang {ru,en}] КОМАНДА ...\n\n")
    assert "\nпараметры:\n  -h, --help      показать эту справку и выйти\n" in out
    assert "\nкоманды:\n  КОМАНДА\n    serve         запустить HTTP API\n" in out
    assert "    report        отчёт по чек-листу: адрес решения или сохранённая страница\n" in out
    assert (
        "Коды выхода: 0 — готово, 1 — Маркетплейс не ответил (сеть, ошибка 5xx, тайм-аут), 2 — неверный"
        in out
    )


def test_report_help_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "report", "-h").out
    assert out.startswith(
        "использование: mpcheck report [-h] [--json] [--profile {module,site,narrow}] [--disabled ШАГИ]\n"
        "                              [--today ГГГГ-ММ-ДД] [--lang {ru,en}]\n"
        "                              АДРЕС|ФАЙЛ.html\n"
    )
    assert "  --today ГГГГ-ММ-ДД    дата оценки ГГГГ-ММ-ДД (по умолчанию сегодня)\n" in out


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _parsers(sub)
    return found


def _shown_texts(parser: argparse.ArgumentParser) -> list[str]:
    shown = [parser.description or "", parser.epilog or "", parser.format_usage()]
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            shown.append(action.help)
        if isinstance(action, argparse._SubParsersAction):
            shown += [choice.help or "" for choice in action._choices_actions]
    return shown


def test_every_help_text_is_translated() -> None:
    """A subcommand added with a help string the table lacks fails here, in the language it misses."""
    ru, en = build_parser("ru"), build_parser("en")
    for parser in _parsers(en):
        for text in _shown_texts(parser):
            assert not CYRILLIC.search(text), f"{parser.prog}: Russian in the English help: {text!r}"
    for parser in _parsers(ru):
        for text in _shown_texts(parser)[3:]:  # usage is option names; description/epilog are ours
            assert CYRILLIC.search(text), f"{parser.prog}: untranslated help: {text!r}"


def test_every_subcommand_takes_lang() -> None:
    for parser in _parsers(build_parser("ru")):
        assert "--lang" in parser._option_string_actions, parser.prog


def test_help_table_has_both_languages() -> None:
    for pair in texts()["help"]:
        assert set(pair) == {"ru", "en"} and CYRILLIC.search(pair["ru"]) and not CYRILLIC.search(pair["en"])
