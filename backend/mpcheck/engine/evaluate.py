"""Evaluate: one criterion's signals over the facts -> findings -> the criterion's status.

A signal answers one question with a metric value and the first matching band. The criterion's
fraction is the weighted mean of its known signals; a vetoing band (e.g. e-mail-only support)
caps it. Unknown signals leave the mean; a criterion with no known signal is `unknown`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from mpcheck.engine.bands import first_matching, matches
from mpcheck.engine.facts_access import get_path
from mpcheck.engine.formatting import left_sum
from mpcheck.engine.metrics import METRICS

KNOWN = ("good", "warn", "bad")


def evidence_source(facts: dict[str, Any], path: str, policy: dict[str, Any]) -> str:
    """Where a fact came from: the facts' own `sources` map, else the path prefix policy."""
    own = facts.get("sources")
    if isinstance(own, dict) and isinstance(own.get(path), str):
        return str(own[path])
    for rule in policy["prefixes"]:
        if path.startswith(rule["prefix"]):
            return str(rule["source"])
    return str(policy["default"])


def evaluate_signal(
    signal: dict[str, Any], facts: dict[str, Any], today: date, profile: str, scoring: dict[str, Any]
) -> dict[str, Any]:
    """One finding: value, outcome, band key, fraction, weight and the evidence fact."""
    value = METRICS[signal["metric"]](facts, signal["args"], today)
    weight = signal.get("weights_by_profile", {}).get(profile, signal["weight"])
    fact = next((p for p in signal["facts"] if get_path(facts, p) is not None), signal["facts"][0])
    shown = value
    if "display" in signal:  # e.g. show the rating place, not the zone it falls in
        fact, shown = signal["display"], get_path(facts, signal["display"])
    finding: dict[str, Any] = {
        "signal": signal["id"],
        "outcome": "unknown",
        "key": None,
        "value": value,
        "shown": shown,
        "weight": weight,
        "fraction": None,
        "veto": False,
        "excused": False,
        "fact": fact,
        "format": signal.get("format", "plain"),
    }
    if value is None:
        return finding
    excuse = signal.get("not_applicable_when")
    if excuse:
        excuse_value = METRICS[excuse["metric"]](facts, excuse["args"], today)
        if excuse_value is not None and matches(excuse["when"], excuse_value, profile):
            finding.update(outcome="not_applicable", key=excuse["key"], excused=True)
            return finding
    band = first_matching(signal["bands"], value, profile)
    if band is None:
        return finding
    outcome = band["outcome"]
    fraction = band.get("fraction", scoring["outcome_fraction"].get(outcome))
    finding.update(outcome=outcome, key=band["key"], fraction=fraction, veto=bool(band.get("veto")))
    return finding


def _status_for(fraction: float, scoring: dict[str, Any]) -> str:
    for band in scoring["criterion_status_bands"]:
        if fraction >= band["min"]:
            return str(band["status"])
    return "bad"


def combine(findings: list[dict[str, Any]], scoring: dict[str, Any]) -> tuple[str, float | None, dict | None]:
    """Criterion status, fraction (None if not known) and the deciding finding."""
    known = [f for f in findings if f["outcome"] in KNOWN and f["weight"] > 0]
    if not known:
        excused = next((f for f in findings if f["excused"]), None)
        if excused:
            return "not_applicable", None, excused
        if any(f["outcome"] == "unknown" for f in findings):
            return "unknown", None, None
        return "not_applicable", None, next((f for f in findings if f["key"]), None)
    total_weight = left_sum(f["weight"] for f in known)
    fraction = left_sum(f["weight"] * f["fraction"] for f in known) / total_weight
    vetoes = [f for f in known if f["veto"]]
    if vetoes:
        return "bad", min(fraction, scoring["veto_cap"]), vetoes[0]
    status = _status_for(fraction, scoring)
    # A good criterion speaks with its best signal, a weak one with its worst; min/max keep the
    # first of equals, so the order of signals in the rule file breaks ties.
    if status == "good":
        deciding = max(known, key=lambda f: f["fraction"])
    else:
        deciding = min(known, key=lambda f: f["fraction"])
    return status, fraction, deciding
