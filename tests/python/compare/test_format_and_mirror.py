"""The comparison's formatters (plurals, money, lists) with exact values, and the mirror rule: every
Python comparison module has its TypeScript twin of the same name (STYLE: an exact mirror)."""

from __future__ import annotations

import json

import pytest
from mpcheck.compare import read_comparison_rules
from mpcheck.compare.format import full_stop, join_list, money, plural

from tests.python.compare.vector_reports import RULES

COMPARISON = read_comparison_rules(RULES)
REPO = RULES.parent
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("count", "ru", "en"),
    [
        (0, "баллов", "points"),
        (1, "балл", "point"),
        (2, "балла", "points"),
        (4, "балла", "points"),
        (5, "баллов", "points"),
        (11, "баллов", "points"),
        (12, "баллов", "points"),
        (14, "баллов", "points"),
        (21, "балл", "points"),
        (22, "балла", "points"),
        (101, "балл", "points"),
        (111, "баллов", "points"),
    ],
)
def test_plural_forms(count: int, ru: str, en: str) -> None:
    assert plural(COMPARISON, "points", count, "ru") == f"{count}{NBSP}{ru}"
    assert plural(COMPARISON, "points", count, "en") == f"{count}{NBSP}{en}"


def test_money_lists_and_full_stops() -> None:
    assert money(COMPARISON, 1234567, "ru") == f"1{NBSP}234{NBSP}567 руб."
    assert money(COMPARISON, 990, "en") == "990 RUB"
    assert money(COMPARISON, 10000, "ru") == f"10{NBSP}000 руб."
    assert money(COMPARISON, 7000, "en") == f"7{NBSP}000 RUB"
    assert join_list(["a", "b", "c"], "ru") == "a, b и c" and join_list(["a", "b"], "en") == "a and b"
    assert full_stop("на 5 090 руб.") == "на 5 090 руб." and full_stop("нет") == "нет."


def test_every_python_module_has_a_typescript_twin() -> None:
    python = {p.stem for p in (REPO / "backend" / "mpcheck" / "compare").glob("*.py")} - {
        "__init__",
        "render",
    }
    typescript = {p.stem for p in (REPO / "extension" / "src" / "compare").glob("*.ts")}
    assert sorted(python - typescript) == []


def test_capped_keys_are_the_scoring_rules_that_cap_below_passing() -> None:
    """comparison.json passing_headline.capped_keys: exactly the headline rules of scoring.json whose
    status cap is outside the passing statuses (a candidate so capped never blocks a winner)."""
    scoring = json.loads((RULES / "scoring.json").read_text(encoding="utf-8"))
    capping = [
        r["key"]
        for r in scoring["headline"]["rules"]
        if "status" in r and r["status"] not in COMPARISON.passing
    ]
    assert list(COMPARISON.capped_keys) == capping == ["withdrawn", "support_breaches", "ask_support_why"]


def test_money_is_the_engine_money() -> None:
    """One formatter for a price: the comparison writes it exactly as a report's evidence does."""
    from mpcheck.engine.formatting import format_value

    scoring = json.loads((RULES / "scoring.json").read_text(encoding="utf-8"))
    for lang in ("ru", "en"):
        for rub in (0, 999, 12990, 1234567):
            assert money(COMPARISON, rub, lang) == format_value(rub, "money", scoring["numbers"][lang])
