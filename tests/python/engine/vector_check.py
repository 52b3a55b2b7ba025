"""Compare a report with a vector's partial expectation; returns a list of mismatch descriptions.

The TypeScript runner (tests/js/engine/vectors.test.ts) applies the same rules to the same files.
"""

from __future__ import annotations

from typing import Any

TOP_LEVEL = ("score", "coverage_known", "coverage_total")


def _criterion_mismatches(cid: str, got: dict[str, Any], want: dict[str, Any]) -> list[str]:
    problems = []
    for field in ("status", "key", "points", "max_points"):
        if field in want and got.get(field) != want[field]:
            problems.append(f"{cid}.{field}: got {got.get(field)!r}, want {want[field]!r}")
    outcomes = {f["signal"]: f["outcome"] for f in got["findings"]}
    for signal, outcome in want.get("findings", {}).items():
        if outcomes.get(signal) != outcome:
            problems.append(f"{cid}.findings.{signal}: got {outcomes.get(signal)!r}, want {outcome!r}")
    for item in want.get("evidence", []):
        if not any(all(ev.get(k) == v for k, v in item.items()) for ev in got["evidence"]):
            problems.append(f"{cid}.evidence: no entry matching {item!r} in {got['evidence']!r}")
    for lang, fragment in want.get("message_contains", {}).items():
        if fragment not in got["message"][lang]:
            problems.append(f"{cid}.message.{lang}: {got['message'][lang]!r} lacks {fragment!r}")
    return problems


def mismatches(report: dict[str, Any], expect: dict[str, Any]) -> list[str]:
    """Every way the report differs from what the vector expects."""
    problems = [
        f"{field}: got {report.get(field)!r}, want {expect[field]!r}"
        for field in TOP_LEVEL
        if field in expect and report.get(field) != expect[field]
    ]
    for field, value in expect.get("headline", {}).items():
        if report["headline"].get(field) != value:
            problems.append(f"headline.{field}: got {report['headline'].get(field)!r}, want {value!r}")
    by_id = {c["id"]: c for c in report["criteria"]}
    for cid, want in expect.get("criteria", {}).items():
        problems += _criterion_mismatches(cid, by_id[cid], want)
    return problems
