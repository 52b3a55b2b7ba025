"""Compare a report with a vector's partial expectation; returns a list of mismatch descriptions.

The TypeScript runner (tests/js/engine/vectors.test.ts) applies the same rules to the same files.
"""

from __future__ import annotations

from typing import Any


def same(a: Any, b: Any) -> bool:
    """JSON equality as SPEC reads it: True is not 1, 1 equals 1.0, lists and objects deep."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return bool(a == b) and isinstance(a, list | dict) == isinstance(b, list | dict)


TOP_LEVEL = ("score", "coverage", "coverage_known", "coverage_total", "profile")
CRITERION_FIELDS = (
    "status",
    "key",
    "points",
    "max_points",
    "weight",
    "known_weight",
    "signals",
    "unknown_reason",
)


def _criterion_mismatches(cid: str, got: dict[str, Any], want: dict[str, Any]) -> list[str]:
    problems = []
    for field in CRITERION_FIELDS:
        if field in want and not same(got.get(field), want[field]):
            problems.append(f"{cid}.{field}: got {got.get(field)!r}, want {want[field]!r}")
    outcomes = {f["signal"]: f["outcome"] for f in got["findings"]}
    for signal, outcome in want.get("findings", {}).items():
        if not same(outcomes.get(signal), outcome):
            problems.append(f"{cid}.findings.{signal}: got {outcomes.get(signal)!r}, want {outcome!r}")
    reasons = {f["signal"]: f["unknown_reason"] for f in got["findings"]}
    for signal, reason in want.get("unknown_reasons", {}).items():
        if not same(reasons.get(signal), reason):
            problems.append(
                f"{cid}.findings.{signal}.unknown_reason: got {reasons.get(signal)!r}, want {reason!r}"
            )
    for item in want.get("evidence", []):
        if not any(all(same(ev.get(k), v) for k, v in item.items()) for ev in got["evidence"]):
            problems.append(f"{cid}.evidence: no entry matching {item!r} in {got['evidence']!r}")
    for lang, fragment in want.get("message_contains", {}).items():
        if fragment not in got["message"][lang]:
            problems.append(f"{cid}.message.{lang}: {got['message'][lang]!r} lacks {fragment!r}")
    for lang, text in want.get("message", {}).items():
        if got["message"][lang] != text:
            problems.append(f"{cid}.message.{lang}: got {got['message'][lang]!r}, want {text!r}")
    return problems


def mismatches(report: dict[str, Any], expect: dict[str, Any]) -> list[str]:
    """Every way the report differs from what the vector expects."""
    problems = [
        f"{field}: got {report.get(field)!r}, want {expect[field]!r}"
        for field in TOP_LEVEL
        if field in expect and not same(report.get(field), expect[field])
    ]
    for field, value in expect.get("headline", {}).items():
        if not same(report["headline"].get(field), value):
            problems.append(f"headline.{field}: got {report['headline'].get(field)!r}, want {value!r}")
    by_id = {c["id"]: c for c in report["criteria"]}
    for cid, want in expect.get("criteria", {}).items():
        problems += _criterion_mismatches(cid, by_id[cid], want)
    return problems
