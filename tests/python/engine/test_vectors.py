"""Every shared vector through the Python engine (the TS engine runs the same files in vitest)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from mpcheck.engine import build_report
from mpcheck.rules import load_rules

from .vector_check import mismatches

RULES_DIR = Path(__file__).resolve().parents[3] / "shared_rules"
CASES = [
    pytest.param(case, id=f"{path.stem}: {case['name']}")
    for path in sorted((RULES_DIR / "vectors").glob("*.json"))
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]
]


@pytest.mark.parametrize("case", CASES)
def test_vector(case: dict) -> None:
    report = build_report(
        case["facts"],
        load_rules(RULES_DIR),
        today=date.fromisoformat(case["today"]),
        profile=case.get("profile"),
        disabled=case.get("disabled", []),
    )
    assert mismatches(report, case["expect"]) == []
