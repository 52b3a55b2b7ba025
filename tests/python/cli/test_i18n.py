"""The CLI's language helpers: the --lang scan, Russian plurals, argparse's messages said again."""

from __future__ import annotations

import pytest
from mpcheck.cli.i18n import argparse_message, detect_lang, plural


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        ([], "ru"),
        (["facts", "a.html"], "ru"),
        (["facts", "a.html", "--lang", "en"], "en"),
        (["--lang=en", "facts", "a.html"], "en"),
        (["facts", "--lang", "de"], "ru"),  # argparse then reports «de»
        (["facts", "--", "--lang", "en"], "ru"),  # after -- it is a file name
    ],
)
def test_detect_lang(argv: list[str], lang: str) -> None:
    assert detect_lang(argv) == lang


@pytest.mark.parametrize(
    ("count", "ru", "en"),
    [
        (1, "1 отзыв", "1 review"),
        (2, "2 отзыва", "2 reviews"),
        (4, "4 отзыва", "4 reviews"),
        (5, "5 отзывов", "5 reviews"),
        (11, "11 отзывов", "11 reviews"),
        (14, "14 отзывов", "14 reviews"),
        (21, "21 отзыв", "21 reviews"),
        (22, "22 отзыва", "22 reviews"),
        (111, "111 отзывов", "111 reviews"),
        (0, "0 отзывов", "0 reviews"),
    ],
)
def test_plurals(count: int, ru: str, en: str) -> None:
    assert (plural("review", count, "ru"), plural("review", count, "en")) == (ru, en)


@pytest.mark.parametrize(
    ("message", "ru", "en"),
    [
        (
            "argument --lang: invalid choice: 'de' (choose from 'ru', 'en')",
            "--lang: недопустимое значение «de»; можно: ru, en",
            "--lang: “de” is not one of: ru, en",
        ),
        (
            "argument --port: invalid int value: 'x'",
            "--port: нужно целое число, а не «x»",
            "--port: expects a whole number, not “x”",
        ),
        (
            'argument --n: invalid parse_n value: "it\'s"',
            "--n: нужно другое значение, а не «it's»",
            "--n: expects another value, not “it's”",
        ),
        ("the following arguments are required: ФАЙЛ, --x", "не указано: ФАЙЛ, --x", "missing: ФАЙЛ, --x"),
        ("argument -x: expected 2 arguments", "-x: нужно значений: 2", "-x: needs 2 values"),
        ("something argparse never said", "something argparse never said", "something argparse never said"),
    ],
)
def test_argparse_messages(message: str, ru: str, en: str) -> None:
    assert (argparse_message(message, "ru"), argparse_message(message, "en")) == (ru, en)
