"""`mpcheck compare`: facts files, saved pages and URLs in one comparison; Russian by default,
`--json` the mpcheck.comparison/1 object; exit 2 with a one-line Russian reason, 1 when the
Marketplace fails."""

from __future__ import annotations

import json
import re
from pathlib import Path

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
    mixed = next(w for w in result["warnings"] if w["key"] == "mixed_kinds")  # a shop next to two modules
    assert mixed["codes"] == ["nordlab.smartseo", "quickdev.callbackpro", "atelier.fashionshop"]
    assert result["ranking"][0]["price_rub"] == 12990
    assert "developer" in result["ranking"][0]["open_questions"]  # no partner rating offline


def test_russian_text_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", NORDLAB, QUICKDEV_PAGE, *TODAY]) == 0
    out = plain(capsys.readouterr().out)
    assert out.startswith("Сравнение решений · на дату 2026-11-27 ")
    assert (
        "▶ Рекомендация: Лучший выбор — NordLab: Умное SEO для каталога: сильнее по пунктам «Демо-режим»"
        in out
    )
    assert "дороже, чем Обратный звонок PRO, на 9 490 руб. — для модуля это существенно" in out
    assert "1. NordLab: Умное SEO для каталога (nordlab.smartseo)" in out
    assert "цена: 12 990 руб." in out and "цена: 3 500 руб." in out
    assert "Открытые вопросы:" in out and "– Разработчик: Откройте страницу партнёра" in out
    assert "Рейтинг партнёров: Место в рейтинге партнёров неизвестно" in out


def test_english_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", NORDLAB, QUICKDEV_PAGE, "--lang", "en", *TODAY]) == 0
    out = plain(capsys.readouterr().out)
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
    err = capsys.readouterr().err
    assert err.startswith("mpcheck: Маркетплейс не отдал страницу:") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["/nonexistent/facts.json"], "mpcheck: не удалось прочитать /nonexistent/facts.json"),
        (["--today", "27.11.2026", NORDLAB], "mpcheck: дата --today должна быть ГГГГ-ММ-ДД"),
        ([str(FIXTURES / "partners_rating_list.html")], "это не страница решения"),
        (["https://evil.example/solutions/a.b/"], "адрес не принят"),
    ],
)
def test_bad_input_exits_2_with_one_russian_line(
    args: list[str], reason: str, cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", *args]) == 2
    err = capsys.readouterr().err
    assert reason in err and err.count("\n") == 1
    assert cli_env.count() == 0  # nothing fetched for bad input


def test_off_schema_facts_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema": "mpcheck.facts/1", "price": {"rub": "дорого"}}), encoding="utf-8")
    assert main(["compare", str(bad), NORDLAB]) == 2
    err = capsys.readouterr().err
    assert "факты не по схеме mpcheck.facts/1, поле «price.rub»" in err and err.count("\n") == 1


def test_not_json_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["compare", str(bad)]) == 2
    assert "broken.json: не JSON" in capsys.readouterr().err


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
        "Место в рейтинге партнёров: NordLab: Умное SEO для каталога — №14 из 1318;"
    )
