"""`mpcheck facts FILE|URL [--json]`: the facts in people's words, ru by default and en on request.

Every line is asserted whole: channel names, yes/no words, dd.mm.yyyy dates, «4,8» and
«12 990 руб.», no empty value and no raw vocabulary («ticket», «module», «software»).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fakemarket import FakeMarketplace

from .cli_run import FIXTURES, LEGACY_PAGE, NORDLAB_PAGE, run

NORDLAB_RU = """\
Решение: NordLab: Умное SEO для каталога (nordlab.smartseo)
Тип: модуль
Разработчик: NordLab (ID 731204)
Цена: 12\u00a0990 руб.
Демо-режим: да, 14 дней
Онлайн-демо: не указано
Установок: от 500 до 999
Опубликовано: 14.02.2021
Обновлено: 19.11.2026
Версия: 3.4.2
Оценка: 4,8 из 5
Отзывы: 37; прочитано 8, с ответом разработчика 3
Обсуждения: 5; прочитано 3, с ответом разработчика 2
История версий: 13 релизов, последний — 3.4.2 от 19.11.2026
Каналы поддержки: тикеты, чат, телефон, e-mail, Telegram
Бесплатная поддержка: 6 месяцев
Часы поддержки: пн–пт, 9:00–18:00 МСК
Срок ответа: 4 часа
Документация: https://docs.nordlab.example/smartseo/
Видео: https://www.youtube.com/watch?v=Zx0fixture01
Презентация: https://nordlab.example/files/smartseo-presentation.pdf
Кейсы: нет
Редакции: Старт, Стандарт, Малый бизнес, Бизнес
Адаптивный дизайн: да
Композитный режим: да
Снято с публикации: нет
"""

LEGACY_EN = """\
Solution: Импорт каталога из Excel и CSV (tehnostar.importer)
Kind: module
Developer: ТехноСтар (ID 512777)
Price: 7\u00a0900 RUB (was 9\u00a0900 RUB), offer until 30 Nov 2026
Demo mode: yes, 30 days
Online demo: not stated
Installs: over 1\u00a0000
Published: 17 Mar 2016
Updated: 24 Nov 2026
Version: 4.6.1
Rating: 4.6 of 5
Reviews: 214; 2 read, 1 answered by the developer
Comments: 96
Version history: 12 releases, the latest 4.6.1 of 24 Nov 2026
Support channels: tickets, phone
Free support: 12 months
Support hours: пн–вс, 8:00–20:00 МСК
Response time: 2 hours
Documentation: not stated
Video: none
Presentation: not stated
Cases: none
Editions: not stated
Adaptive design: not stated
Composite mode: not stated
Withdrawn: no
"""


def test_summary_in_russian_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "facts", NORDLAB_PAGE)
    assert (done.code, done.out, done.err) == (0, NORDLAB_RU, "")


def test_summary_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "facts", LEGACY_PAGE, "--lang", "en")
    assert (done.code, done.out) == (0, LEGACY_EN)


def test_discount_and_free_solution_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    legacy = run(capsys, "facts", LEGACY_PAGE).out.splitlines()
    assert legacy[3] == "Цена: 7\u00a0900 руб. (было 9\u00a0900 руб.), акция до 30.11.2026"
    assert legacy[4] == "Демо-режим: да, 30 дней"
    assert legacy[6] == "Установок: больше 1\u00a0000"
    assert legacy[10] == "Оценка: 4,6 из 5"
    free = run(capsys, "facts", FIXTURES / "solution_module_free_no_reviews.html").out.splitlines()
    assert free[3:5] == ["Цена: бесплатно", "Демо-режим: нет"]
    assert free[11] == "Отзывы: 0"
    assert free[14] == "Каналы поддержки: не указаны"  # the block is shown, with no channel in it
    assert free[15] == "Бесплатная поддержка: не указано"
    pseudo = run(capsys, "facts", FIXTURES / "solution_module_pseudo_demo_1day.html").out.splitlines()
    assert pseudo[4] == "Демо-режим: да, 1 день"


def test_no_line_is_empty_or_raw(capsys: pytest.CaptureFixture[str]) -> None:
    pages = sorted(FIXTURES.glob("solution_*.html"))
    assert len(pages) == 5
    for page in pages:
        for lang in ("ru", "en"):
            for line in run(capsys, "facts", page, "--lang", lang).out.splitlines():
                _label, _, value = line.partition(": ")
                assert value.strip(), line
                assert value not in ("None", "null", "[]", "True", "False"), line
                assert not {"ticket", "email", "software", "agency"} & set(value.replace(",", " ").split()), (
                    line
                )


def test_partner_rating_and_listing_pages(capsys: pytest.CaptureFixture[str]) -> None:
    partner = run(capsys, "facts", FIXTURES / "partner_detail_page.html").out.splitlines()
    assert partner[:5] == [
        "Партнёр: NordLab (ID 731204)",
        "Место в рейтинге партнёров: 14",
        "Статус партнёра: Золотой партнер",
        "Специализация: разработчик ПО",
        "Решений у разработчика: 9",
    ]
    assert partner[-2:] == ["Сайт: https://nordlab.example/", "На Маркетплейсе с: 2016"]
    rating = run(capsys, "facts", FIXTURES / "partners_rating_list.html").out.splitlines()
    assert rating[:2] == [
        "Рейтинг партнёров: страница 1 из 53, всего 1\u00a0318 партнёров",
        "1. Альфа Софт — Золотой партнер, решений: 48",
    ]
    listing = run(capsys, "facts", FIXTURES / "catalog_category_listing.html").out.splitlines()
    assert listing[:3] == [
        "Каталог, раздел 14: страница 1 из 17, 10 карточек",
        "atelier.fashionshop — Ателье: готовый интернет-магазин одежды и обуви: 49\u00a0900 руб.",
        "nordlab.smartshop — NordLab: магазин электроники: 44\u00a0900 руб. (было 59\u00a0900 руб.)",
    ]


def test_other_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "other.html"
    page.write_text("<html><body><p>Привет</p></body></html>", encoding="utf-8")
    done = run(capsys, "facts", page)
    assert done.out == "Это не страница решения, партнёра, рейтинга или каталога Маркетплейса — фактов нет.\n"


def test_facts_json(capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "facts", LEGACY_PAGE, "--json")
    facts = json.loads(done.out)
    assert facts["schema"] == "mpcheck.facts/1" and facts["code"] == "tehnostar.importer"
    assert facts["price"] == {"rub": 7900, "old_rub": 9900, "free": False, "discount_until": "2026-11-30"}


def test_markup_changed_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "odd.html"
    page.write_text("<html><body><h1>Модуль</h1><p>Код решения: a.b</p></body></html>", encoding="utf-8")
    ru = run(capsys, "facts", page).out.splitlines()
    assert (
        ru[-1]
        == "Внимание: страница свёрстана иначе, чем mpcheck умеет читать; не найдено: разработчик, история версий"
    )
    en = run(capsys, "facts", page, "--lang", "en").out.splitlines()
    assert en[-1] == "Warning: the page markup changed; not found: developer, version history"


def test_url_is_read_through_the_marketplace_service(
    cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]
) -> None:
    done = run(capsys, "facts", f"{cli_env.base_url}/solutions/nordlab.smartseo/", "--json")
    facts = json.loads(done.out)
    assert facts["code"] == "nordlab.smartseo" and facts["price"]["rub"] == 12990
    assert cli_env.count("/solutions/nordlab.smartseo/") >= 1  # the page, then its review pager pages
