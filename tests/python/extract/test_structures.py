"""Fields by structure, value forms, kind and plausibility (issue 9 #2, #5, #6, #7), exact values.

The cases live in tests/fixtures/marketplace/structures/cases.json so the TypeScript extractor runs
the very same ones (tests/js/extract/structures.test.ts): a structure or value form one side reads
and the other does not fails here or there.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from mpcheck.extract import extract_solution, values
from mpcheck.extract.dates import parse_date, reference_day
from mpcheck.extract.dom import absolute_url
from mpcheck.extract.support import read_support_text
from mpcheck.extract.text import fold

from .helpers import FIXTURES

CASES = json.loads((FIXTURES / "structures" / "cases.json").read_text(encoding="utf-8"))
TODAY = dt.date.fromisoformat(CASES["today"])
SNAPSHOT = "https://web.archive.org/web/20261127083412/https://marketplace.1c-bitrix.ru/solutions/a.b/"
FUNCTIONS: dict[str, Any] = {
    "parse_date": parse_date,
    "money": values.money,
    "is_free": values.is_free,
    "yes_no": values.yes_no,
    "demo_days": values.demo_days,
    "demo_value": values.demo_value,
    "version": values.version,
    "rating": values.rating,
    "free_months": lambda text: read_support_text(fold(text))["free_months"],
    "response_hours": lambda text: read_support_text(fold(text))["response_hours"],
    "absolute_url": lambda href: absolute_url(href, None),
    "snapshot_url": lambda href: absolute_url(href, SNAPSHOT),
}


def _get(facts: dict[str, Any], path: str) -> Any:
    node: Any = facts
    for key in path.split("."):
        node = node[key]
    return node


def _check(got: dict[str, Any], want: dict[str, Any], where: str = "") -> None:
    for key, value in want.items():
        if isinstance(value, dict) and key in ("extraction", "found_by"):
            _check(got[key], value, f"{where}{key}.")
        else:
            assert got[key] == value, f"{where}{key}: got {got[key]!r}, want {value!r}"


@pytest.mark.parametrize(("name", "html", "want"), CASES["pages"], ids=[c[0] for c in CASES["pages"]])
def test_page_case(name: str, html: str, want: dict[str, Any]) -> None:
    facts = extract_solution(html, "https://marketplace.1c-bitrix.ru/solutions/test.case/", today=TODAY)
    _check(facts, want)


@pytest.mark.parametrize(
    ("fn", "text", "want"), CASES["values"], ids=[f"{c[0]}:{c[1]}" for c in CASES["values"]]
)
def test_value_case(fn: str, text: str, want: Any) -> None:
    with reference_day(TODAY):
        assert FUNCTIONS[fn](text) == want


def test_today_defaults_to_the_clock_and_is_passed_through_extract_page() -> None:
    from mpcheck.extract import extract_page

    html = "<html><body><h1>X</h1><dl><dt>Обновлено</dt><dd>вчера</dd></dl></body></html>"
    url = "https://marketplace.1c-bitrix.ru/solutions/a.b/"
    assert extract_page(html, url=url, today=TODAY)["updated"] == "2026-11-26"
    assert extract_solution(html, url)["updated"] == (dt.date.today() - dt.timedelta(days=1)).isoformat()


def test_one_failing_field_never_blanks_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    from mpcheck.extract import offer

    def broken(page: Any) -> Any:
        raise RuntimeError("a reader that breaks on this page")

    monkeypatch.setattr(offer, "price", broken)
    html = "<html><body><h1>X</h1><p>Версия: 2.0.0</p><p>Цена: 100 руб.</p></body></html>"
    facts = extract_solution(html, "https://marketplace.1c-bitrix.ru/solutions/a.b/", today=TODAY)
    assert facts["price"] == {"rub": None, "old_rub": None, "free": None, "discount_until": None}
    assert (facts["version"], facts["code"], facts["name"]) == ("2.0.0", "a.b", "X")
    assert facts["extraction"]["failed"] == ["price"] and facts["extraction"]["markup_changed"] is True


def test_rejected_values_are_listed() -> None:
    html = "<html><body><h1>X</h1><dl><dt>Обновлено</dt><dd>01.02.2027</dd></dl></body></html>"
    facts = extract_solution(html, "https://marketplace.1c-bitrix.ru/solutions/a.b/", today=TODAY)
    assert facts["extraction"]["rejected"] == [
        {"field": "updated", "value": "2027-02-01", "why": "after today"}
    ]
    assert "updated" not in facts["found_by"]
