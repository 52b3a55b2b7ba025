"""Scope traps and section ties (issue 9 #1, #3), one small page each, with exact expectations.

The cases live in tests/fixtures/marketplace/units/scope_sections.json and are read with the same
expectations by tests/js/extract/scope_sections.test.ts, so both extractors are held to one
behaviour: chrome and blocks about other solutions never yield a fact, our own prose and reviews
that mention another solution stay, the page's code is the URL's, and every standard tab/panel tie
finds its panel (checked by content).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from mpcheck.extract import extract_solution
from mpcheck.extract.context import build_page
from mpcheck.extract.dom import parse_html
from mpcheck.extract.scope import apply_scope, is_tab_bar, link_code, own_code
from mpcheck.extract.tabs import fits, title_of

from .helpers import FIXTURES

CASES = json.loads((FIXTURES / "units" / "scope_sections.json").read_text(encoding="utf-8"))["cases"]


def _path(facts: dict[str, Any], path: str) -> Any:
    if path == "changelog.pairs":
        return None if facts["changelog"] is None else [[e["version"], e["date"]] for e in facts["changelog"]]
    value: Any = facts
    for part in path.split("."):
        if part == "length":
            return None if value is None else len(value)
        value = value[part]
    return value


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    facts = extract_solution(case["html"], case["url"])
    for path, want in case["expect"].items():
        assert _path(facts, path) == want, f"{case['name']}: {path} ({case['why']})"
    page = build_page(parse_html(case["html"]), case["url"])
    for name, how in case.get("tabs", {}).items():
        assert page.tabs.how.get(name) == how, f"{case['name']}: tab {name} ({case['why']})"
    if "removed" in case:
        got = {"chrome": page.scope.count("chrome"), "foreign": page.scope.count("foreign")}
        assert got == case["removed"], case["why"]
    for key, want in case.get("scope", {}).items():
        assert getattr(page.scope, key) == want, case["why"]


def test_removed_blocks_stay_readable_for_diagnostics() -> None:
    case = next(c for c in CASES if c["name"] == "carousel_of_other_solutions")
    root = parse_html(case["html"])
    scope = apply_scope(root, case["url"])
    [(block, why)] = scope.removed
    assert (why, block.tag, block.get("class")) == ("foreign", "section", "more")
    assert block.getparent() is None  # out of the tree, so no selector can reach it
    assert "Другие решения" not in "".join(root.itertext())


def test_link_code_reads_solution_and_buy_links() -> None:
    root = parse_html(
        '<a href="/solutions/Own.Mod/#tab-log-link">x</a><a href="/tobasket.php?ID=a.b&amp;PRD=2">y</a>'
        '<a href="/solutions/category/14/">z</a><a href="https://example.com/ID=c.d">w</a>'
    )
    assert [link_code(a) for a in root.iter("a")] == ["own.mod", "a.b", None, None]


def test_own_code_sources_in_order() -> None:
    label = parse_html("<p>Код решения: lab.one</p><input id=module value=sel.two>")
    assert own_code(label, None) == ("lab.one", "label")
    assert own_code(label, "https://marketplace.1c-bitrix.ru/solutions/url.three/") == ("url.three", "url")
    assert own_code(parse_html("<input id=module value=sel.two>"), None) == ("sel.two", "selector")
    assert own_code(parse_html("<p>nothing</p>"), None) == (None, None)


def test_tab_bar_needs_in_page_titled_items() -> None:
    bar = parse_html('<nav><a href="#a">Описание</a><a href="#b">Отзывы (3)</a></nav>').find(".//nav")
    menu = parse_html('<nav><a href="/support/">Поддержка</a><a href="/news/">Обновления</a></nav>').find(
        ".//nav"
    )
    legacy = parse_html('<nav><a href="#tab-log-link">Лог</a></nav>').find(".//nav")
    assert (is_tab_bar(bar), is_tab_bar(menu), is_tab_bar(legacy)) == (True, False, True)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("История версий", "log"),
        ("Что нового?", "log"),
        ("Обновления (4)", "log"),
        ("Обновления: 12 месяцев", None),
        ("Вопросы и обсуждения", "comments"),
        ("Обсуждения · 5", "comments"),
        ("Техподдержка", "support"),
        ("Отзывы покупателей (23)", "rating"),
        ("Оценки и отзывы", "rating"),
        ("Отзывы о модуле в соцсетях и где их оставить", None),
    ],
)
def test_title_synonyms(text: str, name: str | None) -> None:
    assert title_of(text) == name


@pytest.mark.parametrize(
    ("name", "text", "ok"),
    [
        ("log", "2.1.0 (12.11.2026) исправления", True),
        ("log", "выпуск от 12.11.2026", False),  # a date alone is no release
        ("log", "версия 2.1.0 скоро", False),  # a version alone is no release history
        ("rating", "иван 12.11.2026 хорошо", True),
        ("rating", "отзывов пока нет", True),
        ("rating", "загрузка отзывов…", False),
        ("comments", "обсуждений пока нет", True),
        ("support", "пишите", False),
        ("support", "пишите на почту help@x.example", True),
    ],
)
def test_content_checks(name: str, text: str, ok: bool) -> None:
    assert fits(name, text) is ok


def _boom(*_: Any, **__: Any) -> Any:
    raise RuntimeError("injected failure")


def test_a_failing_scope_never_blanks_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """Isolation (issue 9 #7): the page is then read unscoped, every other step still runs."""
    import mpcheck.extract.context as context

    case = next(c for c in CASES if c["name"] == "tie_label_for_adjacent")
    monkeypatch.setattr(context, "apply_scope", _boom)
    facts = extract_solution(case["html"], case["url"])
    assert (facts["name"], facts["partner"]["id"]) == ("Модуль «Свой»", 42)
    assert [[e["version"], e["date"]] for e in facts["changelog"]] == [
        ["2.1.0", "2026-11-12"],
        ["2.0.0", "2026-10-01"],
    ]


def test_one_failing_tab_keeps_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    import mpcheck.extract.tabs as tabs

    case = next(c for c in CASES if c["name"] == "tie_label_for_adjacent")
    real = tabs._first_fitting

    def support_fails(resolver: Any, name: str, *rest: Any) -> Any:
        return _boom() if name == "support" else real(resolver, name, *rest)

    monkeypatch.setattr(tabs, "_first_fitting", support_fails)
    page = build_page(parse_html(case["html"]), case["url"])
    assert (page.tabs.how.get("support"), page.tabs.how.get("log")) == (None, "label-for")


def test_a_list_that_fails_to_split_is_unread_not_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    import mpcheck.extract.context as context

    case = next(c for c in CASES if c["name"] == "tie_label_for_radio")
    monkeypatch.setattr(context, "split_listing", _boom)
    page = build_page(parse_html(case["html"]), case["url"])
    assert page.listings == {}
    assert sorted(page.tabs.bodies) == ["about", "log", "rating"]
