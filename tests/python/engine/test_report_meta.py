"""Meta-tests over every report the vectors and fixtures produce: one message key always stands with
one status (issue 10 point 10), band fractions agree with their outcomes, and every report follows
shared_rules/report.schema.json."""

from __future__ import annotations

import json
from collections import defaultdict

from jsonschema import Draft202012Validator

from .all_reports import REPORTS, RULES, RULES_DIR


def test_one_message_key_always_has_one_status() -> None:
    statuses: dict[tuple[str, str], set[str]] = defaultdict(set)
    for report in REPORTS:
        for criterion in report["criteria"]:
            if criterion["key"] is not None:
                statuses[(criterion["id"], criterion["key"])].add(criterion["status"])
    assert {key: s for key, s in statuses.items() if len(s) > 1} == {}
    assert len(statuses) > 40  # the vectors reach most keys


def test_band_fractions_agree_with_their_outcome() -> None:
    """A band's own fraction falls in its outcome's status band, so a criterion's status always has
    a signal of that outcome to speak with (the key/status meta-test above relies on it)."""
    status_bands = RULES.scoring["criterion_status_bands"]
    for rule in RULES.criteria.values():
        for signal in rule["signals"]:
            for band in signal["bands"]:
                if "fraction" in band:
                    status = next(b["status"] for b in status_bands if band["fraction"] >= b["min"])
                    assert status == band["outcome"], (rule["id"], signal["id"], band["key"])


def test_every_report_follows_the_report_schema() -> None:
    """shared_rules/report.schema.json is the report's contract (GET /openapi.json serves it)."""
    schema = json.loads((RULES_DIR / "report.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    problems = {
        e.message[:120] for report in REPORTS for e in validator.iter_errors(json.loads(json.dumps(report)))
    }
    assert problems == set()
