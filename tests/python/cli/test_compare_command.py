"""`mpcheck compare`: facts files, saved pages, URLs (any form `facts` and `report` take) and bare
codes in one comparison; Russian by default, `--json` the mpcheck.comparison/1 object; exit 2 with
one exact Russian line for bad input, 1 when the Marketplace fails (the CLI's shared error lines)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from mpcheck.cli.main import main

from tests.fakemarket import FakeMarketplace

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "marketplace"
EXPECTED = FIXTURES / "expected"
TODAY = ["--today", "2026-11-27"]
NORDLAB = str(EXPECTED / "solution_module_paid_demo14_active.json")  # 12 990 rub, a 14-day demo
QUICKDEV_PAGE = str(FIXTURES / "solution_module_pseudo_demo_1day.html")  # 3 500 rub, a pseudo-demo
SHOP_PAGE = str(FIXTURES / "solution_shop_paid_nodemo_stale.html")  # a ready-made shop


def plain(text: str) -> str:
    """No-break spaces as spaces, and the terminal's line wrapping undone."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def test_json_object_from_a_facts_file_and_saved_pages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", NORDLAB, QUICKDEV_PAGE, SHOP_PAGE, "--json", *TODAY]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["schema"] == "mpcheck.comparison/1" and result["today"] == "2026-11-27"
    assert [r["code"] for r in result["ranking"]] == [
        "nordlab.smartseo",
        "atelier.fashionshop",
        "quickdev.callbackpro",
    ]
    assert (
        result["recommendation"]["kind"] == "winner"
        and result["recommendation"]["code"] == "nordlab.smartseo"
    )
    # a shop next to a module (the QuickDev page does not say its kind: it is not counted as either)
    mixed = next(w for w in result["warnings"] if w["key"] == "mixed_kinds")
    assert mixed["codes"] == ["nordlab.smartseo", "atelier.fashionshop"]
    assert result["ranking"][0]["price_rub"] == 12990
    assert "developer" in result["ranking"][0]["open_questions"]  # no partner rating offline


def test_russian_text_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", NORDLAB, QUICKDEV_PAGE, *TODAY]) == 0
    raw = capsys.readouterr().out
    out = plain(raw)
    assert out.startswith("Сравнение решений · на дату 27.11.2026 ")  # never ISO for people
    assert (
        "▶ Рекомендация: Лучший выбор — NordLab: Умное SEO для каталога: сильнее по пунктам «Демо-режим»,"
        " «Техническая поддержка», «Отзывы и обсуждения», «Обновляемость» и «Упаковка, документация, видео»;"
        in out
    )
    assert (
        "дороже, чем Обратный звонок PRO, на 9 490 руб. — для решения неизвестного типа"
        " (порог как для модуля) это существенно" in out
    )
    assert "1. NordLab: Умное SEO для каталога (nordlab.smartseo)" in out
    assert "цена: 12 990 руб." in out and "цена: 3 500 руб." in out
    assert "Открытые вопросы:" in out and "– Разработчик: Откройте страницу партнёра" in out
    # offline, the developer's step says where partner facts come from, never «запустите mpcheck serve»
    assert (
        "Рейтинг и страницу партнёра mpcheck читает с Маркетплейса, только когда решение названо"
        " адресом или кодом: mpcheck compare nordlab.smartseo." in out
    )
    assert "serve" not in out
    # the heading once and on its own line, the developers by their partner names
    assert raw.endswith(
        "\nРейтинг партнёров:\n  Места разработчиков NordLab и QuickDev неизвестны — проверьте на\n"
        "  marketplace.1c-bitrix.ru/partners/.\n"
    )


def test_english_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", NORDLAB, QUICKDEV_PAGE, "--lang", "en", *TODAY]) == 0
    out = plain(capsys.readouterr().out)
    assert out.startswith("Solution comparison · as of 27 Nov 2026 ")
    assert "▶ Recommendation: NordLab: Умное SEO для каталога wins: better on “Demo mode”" in out
    assert "price: 12 990 RUB" in out


def test_weak_candidates_get_no_winner(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", QUICKDEV_PAGE, SHOP_PAGE, "--json", *TODAY]) == 0
    rec = json.loads(capsys.readouterr().out)["recommendation"]
    assert rec["kind"] == "none_good" and "code" not in rec
    assert rec["reason"]["ru"].startswith("Ни одно не проходит — ищите дальше")


def test_a_url_through_the_fake_marketplace(
    cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{cli_env.base_url}/solutions/nordlab.smartseo/"
    assert main(["compare", url, QUICKDEV_PAGE, "--json", *TODAY]) == 0
    result = json.loads(capsys.readouterr().out)
    nordlab = next(r for r in result["ranking"] if r["code"] == "nordlab.smartseo")
    assert nordlab["rating"]["position"] is not None  # the partner facts the page lacks
    assert cli_env.count("/partners/detail.php?ID=731204") == 1


def test_marketplace_failure_exits_1(cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]) -> None:
    cli_env.set_fault("*", "5xx")
    assert main(["compare", f"{cli_env.base_url}/solutions/nordlab.smartseo/", NORDLAB]) == 1
    assert capsys.readouterr().err == "mpcheck: Маркетплейс ответил ошибкой 503 — попробуйте позже\n"


def test_a_missing_solution_is_bad_input(
    cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", "nosuch.module", NORDLAB]) == 2
    assert capsys.readouterr().err == "mpcheck: на Маркетплейсе нет решения nosuch.module\n"


@pytest.mark.parametrize(
    "form",
    [
        "marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/",  # copied from the address bar, no scheme
        "http://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/",  # read over the origin's https
        "https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/index.php",
        "nordlab.smartseo",  # a bare code
    ],
)
def test_every_form_facts_and_report_take(
    form: str, cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", form, QUICKDEV_PAGE, "--json", *TODAY]) == 0
    result = json.loads(capsys.readouterr().out)
    assert sorted(r["code"] for r in result["ranking"]) == ["nordlab.smartseo", "quickdev.callbackpro"]
    assert (
        cli_env.count("/solutions/nordlab.smartseo/") > 0
    )  # the production URL, read on the configured origin


def _broken(tmp_path: Path) -> str:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    return str(path)


def _off_schema(tmp_path: Path) -> str:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"schema": "mpcheck.facts/1", "price": {"rub": "дорого"}}), encoding="utf-8")
    return str(path)


def _codeless(tmp_path: Path) -> str:
    """Schema-valid facts with neither code nor name: the comparison could only call it «?»."""
    path = tmp_path / "nocode.json"
    path.write_text(json.dumps({"schema": "mpcheck.facts/1", "price": {"rub": 100}}), encoding="utf-8")
    return str(path)


def _not_a_page(tmp_path: Path) -> str:
    path = tmp_path / "other.html"
    path.write_text("<html><body>hello</body></html>", encoding="utf-8")
    return str(path)


RATING = str(FIXTURES / "partners_rating_list.html")


@pytest.mark.parametrize(
    ("make", "line"),
    [
        (lambda t: ["/nonexistent/facts.json"], "mpcheck: файл не найден: /nonexistent/facts.json\n"),
        (lambda t: [str(t)], "mpcheck: это папка, а не файл: {tmp}\n"),
        (
            lambda t: ["--today", "27.11.2026", NORDLAB],
            "mpcheck: --today: нужна дата ГГГГ-ММ-ДД, например 2026-11-27, а не «27.11.2026»\n",
        ),
        (lambda t: [RATING], f"mpcheck: {RATING}: это не страница решения, а рейтинг партнёров\n"),
        (
            lambda t: [_not_a_page(t)],
            "mpcheck: {tmp}/other.html: это не страница решения, а страница, которую mpcheck не узнал\n",
        ),
        (
            lambda t: ["https://evil.example/solutions/a.b/"],
            "mpcheck: evil.example — не Маркетплейс: mpcheck читает только marketplace.1c-bitrix.ru\n",
        ),
        (
            lambda t: ["ftp://marketplace.1c-bitrix.ru/solutions/a.b/"],
            "mpcheck: адрес должен начинаться с https:// или http://, а не ftp://\n",
        ),
        (lambda t: [_broken(t)], "mpcheck: {tmp}/broken.json: это не JSON (ошибка в строке 1, позиция 2)\n"),
        (
            lambda t: [_off_schema(t), NORDLAB],
            "mpcheck: {tmp}/bad.json: поле «price.rub» не по схеме mpcheck.facts/1 — неверный тип значения\n",
        ),
        (lambda t: [f"a.b{i}" for i in range(9)], "mpcheck: не больше 8 решений за раз, а передано 9\n"),
        (
            lambda t: [NORDLAB, QUICKDEV_PAGE, NORDLAB],
            "mpcheck: решение nordlab.smartseo передано дважды — сравнивать его с самим собой незачем\n",
        ),
        (
            lambda t: ["a.b", "marketplace.1c-bitrix.ru/solutions/a.b/"],  # caught before any fetch
            "mpcheck: решение a.b передано дважды — сравнивать его с самим собой незачем\n",
        ),
        (
            lambda t: [NORDLAB, _codeless(t)],
            "mpcheck: {tmp}/nocode.json: в фактах нет кода решения — без него кандидата не отличить от других\n",
        ),
    ],
    ids=["missing", "folder", "today", "rating page", "unknown page", "off host", "scheme", "not json",
         "off schema", "too many", "same file twice", "same code twice", "no code"],
)  # fmt: skip
def test_bad_input_exits_2_with_one_exact_russian_line(
    make: Any, line: str, tmp_path: Path, cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["compare", *make(tmp_path)])
    err = capsys.readouterr().err
    assert (code, err) == (2, line.replace("{tmp}", str(tmp_path)))
    assert "Errno" not in err and "None" not in err and "'" not in err
    assert cli_env.count() == 0  # nothing fetched for bad input


def test_bad_input_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", _not_a_page(tmp_path), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"mpcheck: {tmp_path}/other.html: not a solution page but a page mpcheck does not recognise\n"
    )


def test_profile_applies_to_every_candidate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", NORDLAB, QUICKDEV_PAGE, "--profile", "narrow", "--json", *TODAY]) == 0
    assert [r["profile"] for r in json.loads(capsys.readouterr().out)["ranking"]] == ["narrow", "narrow"]


def test_unknown_profile_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(["compare", NORDLAB, "--profile", "shop"])
    except SystemExit as done:  # argparse's own exit, whichever way main() passes it on
        code = int(done.code or 0)
    assert code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_two_urls_share_one_service(cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]) -> None:
    urls = [f"{cli_env.base_url}/solutions/{code}/" for code in ("nordlab.smartseo", "quickdev.callbackpro")]
    assert main(["compare", *urls, "--json", *TODAY]) == 0
    result = json.loads(capsys.readouterr().out)
    assert sorted(r["code"] for r in result["ranking"]) == ["nordlab.smartseo", "quickdev.callbackpro"]
    ratings = {r["code"]: r["rating"] for r in result["ranking"]}
    # The fake Marketplace has NordLab's partner in its rating (#14 of 1318), not QuickDev's.
    assert ratings["nordlab.smartseo"] == {"position": 14, "total": 1318, "band": "middle"}
    assert ratings["quickdev.callbackpro"] == {"position": None, "total": None, "band": None}
    assert result["partners"]["key"] == "one_known"
    assert plain(result["partners"]["ru"]).startswith(
        "Место разработчика: NordLab — №14 из 1318; место разработчика QuickDev неизвестно —"
    )


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "ru",
            [
                "FACTS.json, сохранённая страница .html, адрес решения или его код",
                "профиль чек-листа (по умолчанию — по типу решения)",
            ],
        ),
        (
            "en",
            [
                "FACTS.json, a saved .html page, a solution URL or its code",
                "checklist profile (default: from the solution's kind)",
            ],
        ),
    ],
)
def test_help_names_every_input_form(lang: str, lines: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["compare", "--help", "--lang", lang])
    out = plain(capsys.readouterr().out)  # argparse wraps lines to the terminal
    assert code == 0 and all(line in out for line in lines), out
