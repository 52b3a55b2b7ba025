"""Expands the compact candidates of shared_rules/vectors/comparison/compare.json into reports.

Twin of tests/js/compare/vector-reports.ts: both runners build the same report for a case, so
the cross-engine test can feed one set of reports to both comparison engines.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

RULES = Path(__file__).resolve().parents[3] / "shared_rules"
VECTORS = RULES / "vectors" / "comparison"
# the checklist order is the rules' own (scoring.json criteria_order), not a copy of it
ORDER: list[str] = json.loads((RULES / "scoring.json").read_text(encoding="utf-8"))["criteria_order"]
KNOWN = ("good", "warn", "bad")


@cache
def vectors() -> dict[str, Any]:
    return json.loads((VECTORS / "compare.json").read_text(encoding="utf-8"))


@cache
def criterion_texts(cid: str) -> dict[str, Any]:
    rule = json.loads((RULES / "criteria" / f"{cid}.json").read_text(encoding="utf-8"))
    return {"title": rule["title"], "check_yourself": rule["check_yourself"]}


def expand(spec: dict[str, Any]) -> dict[str, Any]:
    """A mpcheck.report/1-shaped report for one compact candidate."""
    doc = vectors()
    headline = spec["headline"]
    if isinstance(headline, str):
        headline = {"status": headline, "key": doc["headline_keys"][headline]}
    criteria = []
    for step, cid in enumerate(ORDER, start=1):
        status = spec["statuses"].get(cid, "unknown")
        known, weight = spec.get("partial", {}).get(cid, [1, 1] if status in KNOWN else [0, 1])
        criteria.append(
            {
                "id": cid,
                "step": step,
                "status": status,
                "max_points": doc["max_points"][cid],
                "bonus": cid in doc["bonus"],
                "known_weight": known,
                "weight": weight,
                "unknown_reason": None if status != "unknown" else "not_on_page",
                **criterion_texts(cid),
            }
        )
    counted = [c for c in criteria if c["status"] != "not_applicable"]
    known_count = sum(1 for c in counted if c["status"] in KNOWN)
    return {
        "schema": "mpcheck.report/1",
        "rules_version": "vector",
        "code": spec["code"],
        "name": spec["name"],
        "profile": {"id": spec.get("profile", "module"), "chosen_by": "kind"},
        "score": spec["score"],
        "coverage": math.floor(known_count * 100 / len(counted) + 0.5) / 100,
        "headline": headline,
        "criteria": criteria,
    }


def case_input(case: dict[str, Any]) -> tuple[list[dict[str, Any]], list[Any], str]:
    """(reports, facts, today) of one vector case."""
    specs = case["candidates"]
    return [expand(s) for s in specs], [s["facts"] for s in specs], case.get("today", vectors()["today"])
