"""Score: the nine criteria -> the mpcheck.report/1 document (SPEC §4).

Facts are checked against facts.schema.json at the door: the rules mean what SPEC says for the
facts the schema allows, and nothing else. Coverage is the known share of the checklist weight
(criteria not applicable leave it); the score is the points of the known part over its weight,
so unknown signals are neither earned nor lost. Below the rules' minimum coverage there is no
score. Price has weight 0 and never moves the score; a bonus criterion (account manager) counts
only when it is good.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from mpcheck import validation
from mpcheck.engine.criterion import disabled_criterion, evaluate_criterion
from mpcheck.engine.evaluate import KNOWN
from mpcheck.engine.formatting import left_sum, round_half_up
from mpcheck.engine.headline import headline
from mpcheck.rules import Rules


def resolve_profile(facts: dict[str, Any], profile: str | None, scoring: dict[str, Any]) -> dict[str, str]:
    """{id, chosen_by}: the buyer's explicit profile ("user"), else the solution kind ("kind":
    site -> site, module -> module), else the rules' fallback ("default")."""
    profiles = scoring["profiles"]
    if profile in profiles["names"]:
        return {"id": str(profile), "chosen_by": "user"}
    kind = facts.get("kind")
    if isinstance(kind, str) and kind in profiles["by_kind"]:
        return {"id": str(profiles["by_kind"][kind]), "chosen_by": "kind"}
    return {"id": str(profiles["fallback"]), "chosen_by": "default"}


def _coverage(criteria: list[dict[str, Any]]) -> float:
    """Known weight over the weight of every criterion that applies (0 when none weighs anything)."""
    applies = [c for c in criteria if c["status"] != "not_applicable" and c["weight"] > 0]
    total = left_sum(c["weight"] for c in applies)
    return 0.0 if total == 0 else left_sum(c["known_weight"] for c in applies) / total


def _score(criteria: list[dict[str, Any]], coverage: float, scoring: dict[str, Any]) -> int | None:
    if coverage < scoring["min_coverage"]["value"]:
        return None
    counted = [
        c
        for c in criteria
        if c["status"] in KNOWN and c["weight"] > 0 and (not c["bonus"] or c["status"] == "good")
    ]
    weight = left_sum(c["known_weight"] for c in counted)
    if weight == 0:
        return None
    return round_half_up(100 * left_sum(c["fraction"] * c["known_weight"] for c in counted) / weight)


def build_report(
    facts: dict[str, Any],
    rules: Rules,
    *,
    today: date,
    profile: str | None = None,
    disabled: Iterable[str] = (),
) -> dict[str, Any]:
    """facts + rules -> mpcheck.report/1. `today` is an input so results are reproducible.
    Raises validation.FactsError (naming the field) for facts outside facts.schema.json."""
    validation.validate_facts(facts, rules)
    scoring = rules.scoring
    chosen = resolve_profile(facts, profile, scoring)
    off = set(disabled)
    criteria = [
        disabled_criterion(rules.criteria[cid], scoring)
        if cid in off
        else evaluate_criterion(rules.criteria[cid], facts, today, chosen["id"], scoring)
        for cid in scoring["criteria_order"]
    ]
    counted = [c for c in criteria if c["status"] != "not_applicable"]
    known = [c for c in counted if c["status"] in KNOWN]
    coverage = _coverage(criteria)
    score = _score(criteria, coverage, scoring)
    return {
        "schema": "mpcheck.report/1",
        "rules_version": rules.version,
        "code": facts.get("code"),
        "name": facts.get("name"),
        "profile": chosen,
        "profile_label": scoring["profiles"]["labels"][chosen["id"]],
        "today": today.isoformat(),
        "score": score,
        "coverage": round_half_up(coverage * 100) / 100,
        "coverage_known": len(known),
        "coverage_total": len(counted),
        "headline": headline(criteria, facts, score, scoring),
        "criteria": criteria,
    }
