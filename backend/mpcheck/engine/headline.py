"""The report's headline: the score band, then the first headline rule that holds (scoring.json).

A rule reads a fact (`fact` + `eq`: withdrawn), a criterion's deciding key (a real demo), or one
signal's key (`signal`: a support test breach). Its `status` caps the band's: a withdrawn solution
is bad whatever its score, a breach is at most warn; a capped "no score" takes the rule's status.
"""

from __future__ import annotations

from typing import Any

from mpcheck.engine.bands import same_scalar
from mpcheck.engine.evaluate import KNOWN
from mpcheck.engine.facts_access import get_path

_ORDER = {"bad": 0, "warn": 1, "good": 2}


def cap(status: str, ceiling: str) -> str:
    """The worse of the two; a status outside bad < warn < good (unknown) takes the ceiling."""
    if status not in _ORDER or _ORDER[ceiling] < _ORDER[status]:
        return ceiling
    return status


def rule_holds(rule: dict[str, Any], facts: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> bool:
    """Whether one headline rule applies to these facts and criteria."""
    if "fact" in rule:
        return same_scalar(get_path(facts, rule["fact"]), rule["eq"])
    criterion = by_id.get(rule["criterion"])
    if criterion is None or criterion["status"] not in KNOWN:
        return False
    if "signal" not in rule:
        return criterion["key"] in rule["keys"]
    return any(f["signal"] == rule["signal"] and f["key"] in rule["keys"] for f in criterion["findings"])


def headline(
    criteria: list[dict[str, Any]], facts: dict[str, Any], score: int | None, scoring: dict[str, Any]
) -> dict[str, Any]:
    """{status, key, message} for the report."""
    policy = scoring["headline"]
    if score is None:
        status, key = policy["no_score"]["status"], policy["no_score"]["key"]
    else:
        band = next(b for b in policy["score_bands"] if score >= b["min"])
        status, key = band["status"], band["key"]
    by_id = {c["id"]: c for c in criteria}
    for rule in policy["rules"]:
        if rule_holds(rule, facts, by_id):
            key = rule["key"]
            if "status" in rule:
                status = cap(status, rule["status"])
            break
    return {"status": status, "key": key, "message": dict(policy["messages"][key])}
