"""The shared comparison vectors (shared_rules/vectors/comparison/) through the Python engine."""

from __future__ import annotations

import json
from typing import Any

import pytest
from mpcheck.compare import compare, read_comparison_rules
from mpcheck.compare.best import best_in_row
from mpcheck.compare.candidates import Candidate, Price, Rating
from mpcheck.compare.price import compare_price

from tests.python.compare.vector_reports import RULES, VECTORS, case_input, vectors

COMPARISON = read_comparison_rules(RULES)
CASES = vectors()["cases"]


def plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def check(result: dict[str, Any], expect: dict[str, Any]) -> None:
    rec = result["recommendation"]
    assert rec["kind"] == expect.get("kind", rec["kind"])
    if "kind" in expect:
        assert rec.get("code") == expect.get("code")
    assert rec["reason"]["key"] == expect.get("reason", rec["reason"]["key"])
    for lang in ("ru", "en"):
        if lang in expect:
            assert plain(rec["reason"][lang]) == expect[lang]
        assert "{" not in rec["reason"][lang], rec["reason"][lang]  # every placeholder filled
    if "warnings" in expect:
        assert [w["key"] for w in result["warnings"]] == expect["warnings"]
    for key, want in expect.get("warning_ru", {}).items():
        assert plain(next(w for w in result["warnings"] if w["key"] == key)["ru"]) == want
    if "ranking" in expect:
        assert [r["code"] for r in result["ranking"]] == expect["ranking"]
    if "to_check" in expect:
        assert rec["to_check"] == expect["to_check"]
    if "prices" in expect:
        assert result["prices"] == expect["prices"]
    for step, codes in expect.get("best", {}).items():
        assert result["best"][step] == codes, step
    if "partners" in expect:
        assert result["partners"]["key"] == expect["partners"]
    for lang in ("ru", "en"):
        if f"partners_{lang}" in expect:
            assert plain(result["partners"][lang]) == expect[f"partners_{lang}"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_comparison_vector(case: dict[str, Any]) -> None:
    reports, facts, today = case_input(case)
    result = compare(reports, facts, COMPARISON, today)
    assert result["schema"] == "mpcheck.comparison/1"
    assert result["rules_version"] == COMPARISON.version
    check(result, case["expect"])


def _side(code: str, rub: int | None, kind: str | None) -> Candidate:
    return Candidate(
        code,
        code,
        None,
        None,
        kind,
        None,
        {"status": "unknown", "key": ""},
        False,
        Price(rub, None),
        Rating(None, None),
        (),
    )


PRICE_CASES = json.loads((VECTORS / "price.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", PRICE_CASES, ids=[c["name"] for c in PRICE_CASES])
def test_price_vector(case: dict[str, Any]) -> None:
    pair = compare_price(_side("a", **case["a"]), _side("b", **case["b"]), COMPARISON)
    assert {k: pair[k] for k in ("diff", "cheaper", "significant", "threshold_kind")} == case["expect"]


BEST_CASES = json.loads((VECTORS / "best.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", BEST_CASES, ids=[c["name"] for c in BEST_CASES])
def test_best_vector(case: dict[str, Any]) -> None:
    assert sorted(best_in_row(list(case["cells"].items()), COMPARISON)) == case["expect_best"]
