"""Smaller behaviours: specialization heuristic, listing fallback, label lookup details, support texts."""

from __future__ import annotations

import pytest
from mpcheck.extract import extract_listing, extract_solution
from mpcheck.extract.partner import specialization
from mpcheck.extract.support import read_support_text
from mpcheck.extract.text import fold
from mpcheck.extract.values import installs, money, rating, yes_no

from .helpers import FIXTURES, expected


def test_specialization_heuristic() -> None:
    assert specialization(fold("Разработка модулей и готовые решения для 1С-Битрикс"), 12) == "software"
    assert specialization(fold("Веб-студия: создание сайтов под ключ и SEO-продвижение"), 1) == "agency"
    assert specialization(fold("Компания"), 3) is None  # no evidence either way: no guess


def test_listing_without_item_wrap_climbs_from_solution_links() -> None:
    want = expected("catalog_category_listing")
    html = (
        (FIXTURES / "catalog_category_listing.html").read_text(encoding="utf-8").replace("item-wrap", "card")
    )
    got = extract_listing(html, want["url"])
    assert [c["code"] for c in got["cards"]] == [c["code"] for c in want["cards"]]
    assert [c["price"] for c in got["cards"]] == [c["price"] for c in want["cards"]]


def test_label_after_icon_and_pair_cells() -> None:
    html = """<div><i class="ico"></i>Код решения: foo.bar</div>
    <table><tr><th><b>Версия</b></th><td>2.1.0</td></tr></table>
    <dl><dt>Опубликовано</dt><dd>5 июня 2024</dd></dl>"""
    facts = extract_solution(html)
    assert (facts["code"], facts["version"], facts["published"]) == ("foo.bar", "2.1.0", "2024-06-05")
    assert facts["found_by"]["code"] == "label"


def test_bundle_and_upsell_prices_are_not_the_price() -> None:
    html = """<div>Цена: <span>4 900 руб.</span></div><div>Вместе с лицензией: 39 900 руб.</div>
    <div>Установка под ключ: + 29 900 руб.</div><a href="/tobasket.php?ID=a.b">Купить</a>"""
    assert extract_solution(html)["price"] == {
        "rub": 4900,
        "old_rub": None,
        "free": False,
        "discount_until": None,
    }


def test_online_demo_is_not_a_trial() -> None:
    html = (
        '<h1>X</h1><a href="https://demo.example/">Онлайн-демо</a><a href="/tobasket.php?ID=a.b">Купить</a>'
    )
    assert extract_solution(html)["demo"] == {
        "available": False,
        "days": None,
        "online_demo_url": "https://demo.example/",
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Поддержка: круглосуточно, тикеты в личном кабинете", ("пн–вс, 0:00–24:00", ["ticket"])),
        ("Пишите в чат Jivo на сайте. Время ответа до 15 минут", (None, ["chat"])),
        ("Работаем по будням с 10.00 до 19.00 по екатеринбургскому времени", ("пн–пт, 10:00–19:00", [])),
    ],
)
def test_support_texts(text: str, want: tuple[str | None, list[str]]) -> None:
    facts = read_support_text(fold(text))
    assert (facts["hours"], facts["channels"]) == want


def test_value_parsers() -> None:
    assert money("12\u00a0990 руб.") == 12990 and money("нет цены") is None
    assert installs("свыше 1000") == {"label": "свыше 1000", "min": 1000, "max": None}
    assert installs("100–499") == {"label": "100–499", "min": 100, "max": 499}
    assert rating("4,8 из 5") == 4.8 and rating("Нет оценок") is None and rating("7") is None
    assert (yes_no("Да"), yes_no("Не поддерживается"), yes_no("—")) == (True, False, None)
    assert read_support_text(fold("Время ответа до 15 минут"))["response_hours"] == 0.25


def test_look_alike_labels_are_not_values() -> None:
    html = """<nav><a href="/partners/">Рейтинг разработчиков</a></nav>
    <div>Цена продления: 5 000 руб.</div><div>Версия ядра: 20.0.0</div><div>Установки модуля: от 1 минуты</div>
    <table><tr><td>Версия</td><td>3.1.4</td></tr><tr><td>Рейтинг</td><td>4,5</td></tr></table>
    <div class="buy">Цена: 2 500 руб. <a href="/tobasket.php?ID=a.b">Купить</a></div>"""
    facts = extract_solution(html)
    assert facts["price"]["rub"] == 2500
    assert facts["version"] == "3.1.4"
    assert facts["rating"]["average"] == 4.5
    assert facts["installs"] is None
