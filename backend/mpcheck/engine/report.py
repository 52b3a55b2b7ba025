"""Score: findings of all nine criteria -> the mpcheck.report/1 document.

Unknown criteria leave the denominator (coverage shows how much is known); below the rules'
minimum coverage there is no score. Price has weight 0 and never lowers the score; a bonus
criterion (account manager) counts only when it is good.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from mpcheck.engine.evaluate import KNOWN, combine, evaluate_signal, evidence_source
from mpcheck.engine.formatting import fill, format_value, left_sum, round_half_up
from mpcheck.rules import Rules

LANGS = ("ru", "en")


def resolve_profile(facts: dict[str, Any], profile: str | None, scoring: dict[str, Any]) -> str:
    """An explicit profile wins; otherwise the solution kind decides (module / site)."""
    profiles = scoring["profiles"]
    if profile in profiles["names"]:
        return str(profile)
    return str(profiles["by_kind"].get(facts.get("kind"), profiles["fallback"]))


def _message(rule: dict[str, Any], scoring: dict[str, Any], status: str, deciding: dict | None) -> dict:
    if deciding is None or deciding["key"] is None:
        return dict(scoring["texts"]["unknown"])
    template = rule["messages"][deciding["key"]]
    shown = deciding["shown"]
    return {lang: fill(template[lang], format_value(shown, deciding["format"], lang)) for lang in LANGS}


def _public_finding(finding: dict[str, Any]) -> dict[str, Any]:
    return {k: finding[k] for k in ("signal", "outcome", "key", "value", "weight")}


def evaluate_criterion(
    rule: dict[str, Any], facts: dict[str, Any], today: date, profile: str, scoring: dict[str, Any]
) -> dict[str, Any]:
    """One criterion of the report, with its findings, evidence and texts."""
    findings = [evaluate_signal(s, facts, today, profile, scoring) for s in rule["signals"]]
    status, fraction, deciding = combine(findings, scoring)
    max_points = rule["weights"][profile]
    evidence = [
        {
            "fact": f["fact"],
            "value": f["shown"],
            "source": evidence_source(facts, f["fact"], scoring["evidence_sources"]),
            "signal": f["signal"],
        }
        for f in findings
        if f["value"] is not None
    ]
    return {
        "id": rule["id"],
        "step": rule["step"],
        "title": rule["title"],
        "status": status,
        "key": deciding["key"] if deciding else None,
        "points": None if fraction is None else round_half_up(fraction * max_points),
        "max_points": max_points,
        "fraction": fraction,
        "bonus": bool(rule.get("bonus")),
        "evidence": evidence,
        "findings": [_public_finding(f) for f in findings],
        "message": _message(rule, scoring, status, deciding),
        "check_yourself": rule["check_yourself"],
        "page_anchor": rule.get("page_anchor"),
    }


def _disabled(rule: dict[str, Any], scoring: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": rule["id"],
        "step": rule["step"],
        "title": rule["title"],
        "status": "not_applicable",
        "key": "disabled",
        "points": None,
        "max_points": 0,
        "fraction": None,
        "bonus": bool(rule.get("bonus")),
        "evidence": [],
        "findings": [],
        "message": dict(scoring["texts"]["disabled"]),
        "check_yourself": rule["check_yourself"],
        "page_anchor": rule.get("page_anchor"),
    }


def _score(criteria: list[dict[str, Any]], coverage: float, scoring: dict[str, Any]) -> int | None:
    if coverage < scoring["min_coverage"]["value"]:
        return None
    counted = [
        c
        for c in criteria
        if c["status"] in KNOWN and c["max_points"] > 0 and (not c["bonus"] or c["status"] == "good")
    ]
    weight = left_sum(c["max_points"] for c in counted)
    if weight == 0:
        return None
    return round_half_up(100 * left_sum(c["fraction"] * c["max_points"] for c in counted) / weight)


def _headline(criteria: list[dict[str, Any]], score: int | None, scoring: dict[str, Any]) -> dict[str, Any]:
    policy = scoring["headline"]
    if score is None:
        status, key = policy["no_score"]["status"], policy["no_score"]["key"]
    else:
        band = next(b for b in policy["score_bands"] if score >= b["min"])
        status, key = band["status"], band["key"]
    by_id = {c["id"]: c for c in criteria}
    for rule in policy["rules"]:
        criterion = by_id.get(rule["criterion"])
        if criterion and criterion["status"] in KNOWN and criterion["key"] in rule["keys"]:
            key = rule["key"]
            break
    return {"status": status, "key": key, "message": dict(policy["messages"][key])}


def build_report(
    facts: dict[str, Any],
    rules: Rules,
    *,
    today: date,
    profile: str | None = None,
    disabled: Iterable[str] = (),
) -> dict[str, Any]:
    """facts + rules -> mpcheck.report/1. `today` is an input so results are reproducible."""
    scoring = rules.scoring
    chosen = resolve_profile(facts, profile, scoring)
    off = set(disabled)
    criteria = [
        _disabled(rules.criteria[cid], scoring)
        if cid in off
        else evaluate_criterion(rules.criteria[cid], facts, today, chosen, scoring)
        for cid in scoring["criteria_order"]
    ]
    counted = [c for c in criteria if c["status"] != "not_applicable"]
    known = [c for c in counted if c["status"] in KNOWN]
    coverage = len(known) / len(counted) if counted else 0.0
    score = _score(criteria, coverage, scoring)
    return {
        "schema": "mpcheck.report/1",
        "rules_version": rules.version,
        "code": facts.get("code"),
        "name": facts.get("name"),
        "profile": chosen,
        "profile_label": scoring["profiles"]["labels"][chosen],
        "today": today.isoformat(),
        "score": score,
        "coverage": round_half_up(coverage * 100) / 100,
        "coverage_known": len(known),
        "coverage_total": len(counted),
        "headline": _headline(criteria, score, scoring),
        "criteria": criteria,
    }
