"""compare(reports, facts, rules, today) -> mpcheck.comparison/1 (SPEC §4), pure.

Twin of extension/src/compare/comparison.ts: the comparison page and `mpcheck compare` produce the
same object from the same shared_rules/comparison.json, and tests/python/compare checks both
engines agree on every vector in shared_rules/vectors/comparison/.
"""

from __future__ import annotations

from typing import Any

from mpcheck.compare.best import best_per_step
from mpcheck.compare.candidates import Candidate, Step, read_candidate
from mpcheck.compare.decide import Decision, decide, open_steps, rank_by_score
from mpcheck.compare.partners import band, compare_partners
from mpcheck.compare.price import all_price_pairs
from mpcheck.compare.rules import ComparisonRules
from mpcheck.compare.texts import LANGS, reason_text
from mpcheck.compare.warnings import warnings_for


def _checks(c: Candidate) -> list[dict[str, Any]]:
    """The open questions with what the buyer can do about each."""
    steps: dict[str, Step] = {}
    for s in c.steps:
        steps.setdefault(s.id, s)  # the first of a duplicated id, as find() in the twin
    return [
        {
            "criterion": sid,
            "title": dict(steps[sid].title),
            "partial": steps[sid].known > 0,
            "unknown_reason": steps[sid].unknown_reason,
            "check_yourself": dict(steps[sid].check_yourself),
        }
        for sid in open_steps(c)
    ]


def _entry(c: Candidate, rules: ComparisonRules) -> dict[str, Any]:
    return {
        "code": c.code,
        "name": c.name,
        "score": c.score,
        "coverage": c.coverage,
        "kind": c.kind,
        "profile": c.profile,
        "headline": dict(c.headline),
        "withdrawn": c.withdrawn,
        "price_rub": c.price.rub,
        "price_note": c.price.note,
        "rating": {"position": c.rating.position, "total": c.rating.total, "band": band(c.rating, rules)},
        "open_questions": open_steps(c),
        "checks": _checks(c),
    }


def _recommendation(d: Decision, rules: ComparisonRules, candidates: list[Candidate]) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": d.kind}
    if d.code is not None:
        out["code"] = d.code
    out["codes"] = list(d.codes)
    out["reason"] = {"key": d.reason, **{lang: reason_text(d, rules, candidates, lang) for lang in LANGS}}
    out["to_check"] = [{"code": c.code, "criteria": list(steps)} for c, steps in d.to_check]
    return out


def compare(
    reports: list[dict[str, Any]], facts: list[dict[str, Any] | None], rules: ComparisonRules, today: str
) -> dict[str, Any]:
    """Reports and facts in shortlist order (facts[i] may be None); `today` is YYYY-MM-DD."""
    candidates = [
        read_candidate(r, facts[i] if i < len(facts) else None, today, i + 1) for i, r in enumerate(reports)
    ]
    ranked = rank_by_score([c for c in candidates if not c.withdrawn]) + [
        c for c in candidates if c.withdrawn
    ]
    return {
        "schema": "mpcheck.comparison/1",
        "rules_version": rules.version,
        "today": today,
        "recommendation": _recommendation(decide(candidates, rules), rules, candidates),
        "warnings": warnings_for(candidates, rules),
        "ranking": [_entry(c, rules) for c in ranked],
        # A star on a withdrawn solution would read as a recommendation: it never gets one.
        "best": best_per_step([c for c in candidates if not c.withdrawn], rules),
        "prices": all_price_pairs(candidates, rules),
        "partners": compare_partners(candidates, rules),
    }
