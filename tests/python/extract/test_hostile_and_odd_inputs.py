"""Hostile strings come out as plain text; odd inputs never raise."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mpcheck.extract import (
    detect_page_type,
    extract_listing,
    extract_page,
    extract_partner,
    extract_rating_list,
    extract_solution,
    merge_feed,
    parse_feed,
)

from .helpers import FIXTURES

HOSTILE = FIXTURES / "hostile" / "solution_hostile_strings.html"


def test_hostile_strings_are_plain_text() -> None:
    facts = extract_page(HOSTILE.read_bytes())
    assert facts["partner"] == {
        "id": 424242,
        "name": "Хакер <img src=x onerror=alert(1)> </style><script>alert(1)</script>",
    }
    assert facts["name"] == "Модуль <img src=x onerror=alert(1)>"
    assert facts["price"] == {
        "rub": 1000,
        "old_rub": None,
        "free": False,
        "discount_until": None,
    }  # script text is never read
    log = facts["changelog"]
    assert [e["version"] for e in log] == ["1.0.1", "1.0.0"]
    assert log[0]["chars"] == len(
        "<img src=x onerror=alert(1)>"
    )  # the raw <script>/<style> in the row add nothing
    assert log[1]["chars"] == len("</style><script>alert(1)</script>")
    assert facts["reviews"]["items"] == [{"date": "2026-11-20", "stars": 4, "answered": False}]
    assert "alert(2)" not in json.dumps(facts)


ODD = [
    b"",
    "",
    b"\x00\x01\x02\xff\xfe binary \x00 junk",
    "\x00<html>\x00</html>",
    "<" * 5000,
    "<div>" * 3000 + "Код решения: a.b" + "</div>" * 3000,
    "<html><body><table><tr><td>Цена:<td><s></s>",
    "\ud800 lone surrogate <h1>x</h1>",
    "<script>" + "Код решения: x.y" * 100,
    "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><modules><items><item><name>&e;</name></item></items></modules>",
    "<html><body>" + "<p>Отзывы (999999999999999999999)</p>" + "</body></html>",
]


@pytest.mark.parametrize("body", ODD)
def test_odd_inputs_never_raise(body: bytes | str) -> None:
    for url in (
        None,
        "https://marketplace.1c-bitrix.ru/solutions/a.b/",
        "::not a url::",
        "https://x/partners/",
    ):
        result = extract_page(body, url=url, content_type="text/html; charset=utf-8")
        assert isinstance(result, dict)
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    for fn in (extract_solution, extract_partner, extract_rating_list, extract_listing):
        assert isinstance(fn(text, None), dict)
    feed = parse_feed(body)
    assert feed["partner"]["name"] is None or "passwd" not in feed["partner"]["name"]
    assert isinstance(merge_feed(extract_solution(text), feed), dict)
    assert isinstance(detect_page_type(None, text), str)


def test_xxe_entities_are_not_resolved() -> None:
    xml = b"<?xml version='1.0'?><!DOCTYPE m [<!ENTITY e SYSTEM 'file:///etc/hostname'>]><modules><items><item><code>a.b</code><name>&e;</name></item></items></modules>"
    assert parse_feed(xml)["name"] in (None, "")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_random_text_never_raises(text: str) -> None:
    assert extract_solution(text)["schema"] == "mpcheck.facts/1"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<div>",
                "</div>",
                "<td>",
                "Цена:",
                "12 990 руб.",
                "<s>",
                "Код решения",
                ": a.b",
                "<h2>Отзывы</h2>",
                "01.02.2026",
                "<b>1.0.0</b>",
                "Ответ разработчика",
                "</table>",
                "<tr>",
            ]
        ),
        max_size=60,
    )
)
def test_random_markup_soup_never_raises(parts: list[str]) -> None:
    facts = extract_solution("".join(parts))
    assert facts["code"] is None or facts["code"].startswith("a.b")  # «a.b12» if the soup glued digits on
