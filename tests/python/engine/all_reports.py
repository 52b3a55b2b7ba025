"""Every report the shared vectors and the reference fixtures produce (Python engine), for the
meta-tests; the cross-engine test shows the TypeScript engine produces the same ones."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from mpcheck.engine import build_report
from mpcheck.rules import read_rules

RULES_DIR = Path(__file__).resolve().parents[3] / "shared_rules"
RULES = read_rules(RULES_DIR)
FIXTURES = RULES_DIR.parent / "tests" / "fixtures" / "marketplace" / "expected"


def _reports() -> list[dict[str, Any]]:
    reports = []
    for path in sorted((RULES_DIR / "vectors").glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            today = date.fromisoformat(case["today"])
            reports.append(build_report(case["facts"], RULES, today=today, profile=case.get("profile"),
                                        disabled=case.get("disabled", [])))  # fmt: skip
    for path in sorted(FIXTURES.glob("solution_*.json")):
        facts = json.loads(path.read_text(encoding="utf-8"))
        for profile in (None, "module", "site", "narrow"):
            reports.append(build_report(facts, RULES, today=date(2026, 11, 27), profile=profile))
    return reports


REPORTS = _reports()
