"""Evaluate: one criterion's signals over the facts -> findings -> the criterion's status.

A signal answers one question with a metric value and the first matching band. The criterion's
fraction is the weighted mean of its known signals; a vetoing band (e.g. e-mail-only support)
caps it. Unknown signals leave the mean and lower the criterion's known share (SPEC §4
known_weight); a criterion with no known signal is `unknown`, and says why.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from mpcheck.engine.bands import first_matching, matches
from mpcheck.engine.facts_access import get_path
from mpcheck.engine.formatting import left_sum
from mpcheck.engine.metrics import METRICS
from mpcheck.engine.reasons import unknown_reason

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
    """One finding: value, outcome, band key, fraction, weight, the evidence fact and, when the
    value is unknown, why. An excuse (not_applicable_when) is checked first: a free solution needs
    no trial whether or not the page says anything about one."""
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
        "unknown_reason": None,
    }
    excuse = signal.get("not_applicable_when")
    if excuse is not None:
        excuse_value = METRICS[excuse["metric"]](facts, excuse["args"], today)
        if excuse_value is not None and matches(excuse["when"], excuse_value, profile):
            finding.update(outcome="not_applicable", key=excuse["key"], excused=True)
            return finding
    band = None if value is None else first_matching(signal["bands"], value, profile)
    if band is None:  # every rule ends in a default band, so only an unknown value gets here
        finding["unknown_reason"] = unknown_reason(signal, facts, scoring)
        return finding
    outcome = band["outcome"]
    fraction = band.get("fraction", scoring["outcome_fraction"].get(outcome))
    finding.update(outcome=outcome, key=band["key"], fraction=fraction, veto=band.get("veto") is True)
    return finding


def _status_for(fraction: float, scoring: dict[str, Any]) -> str:
    for band in scoring["criterion_status_bands"]:
        if fraction >= band["min"]:
            return str(band["status"])
    return "bad"


def first_max(findings: list[dict[str, Any]]) -> dict[str, Any]:
    """The finding with the greatest fraction; the first of equals (rule-file order breaks ties)."""
    best = findings[0]
    for finding in findings[1:]:
        if finding["fraction"] > best["fraction"]:
            best = finding
    return best


def first_min(findings: list[dict[str, Any]]) -> dict[str, Any]:
    """The finding with the smallest fraction; the first of equals."""
    worst = findings[0]
    for finding in findings[1:]:
        if finding["fraction"] < worst["fraction"]:
            worst = finding
    return worst


def combine(
    findings: list[dict[str, Any]], scoring: dict[str, Any], informational: bool = False
) -> dict[str, Any]:
    """Status, fraction over the known signals, known share of the signal weight, and the findings
    the message speaks with: `deciding`, or `mixed` (worst, best) when a warn criterion has a bad
    signal, so a bad signal's message never stands alone next to a warn status."""
    known = [f for f in findings if f["outcome"] in KNOWN and f["weight"] > 0]
    unknown = [f for f in findings if f["outcome"] == "unknown" and f["weight"] > 0]
    out: dict[str, Any] = {"fraction": None, "share": None, "deciding": None, "mixed": None}
    out["signals"] = {"known": len(known), "total": len(known) + len(unknown)}
    if not known:
        # An excuse (a free solution's demo) makes the step not applicable, and so does any fact an
        # informational step (the price) shows; otherwise an unknown signal makes it unknown.
        excused = next((f for f in findings if f["excused"]), None)
        shown = next((f for f in findings if f["outcome"] == "not_applicable" and f["key"]), None)
        if excused or (informational and shown):
            return {**out, "status": "not_applicable", "deciding": excused or shown}
        if unknown:
            return {**out, "status": "unknown", "share": 0.0}
        return {**out, "status": "not_applicable", "deciding": next((f for f in findings if f["key"]), None)}
    known_weight = left_sum(f["weight"] for f in known)
    fraction = left_sum(f["weight"] * f["fraction"] for f in known) / known_weight
    share = known_weight / (known_weight + left_sum(f["weight"] for f in unknown))
    vetoes = [f for f in known if f["veto"]]
    if vetoes:
        return {**out, "status": "bad", "fraction": min(fraction, scoring["veto_cap"]), "share": share,
                "deciding": vetoes[0]}  # fmt: skip
    status = _status_for(fraction, scoring)
    out.update(status=status, fraction=fraction, share=share)
    if status == "good":
        out["deciding"] = first_max(known)
    elif status == "bad":
        out["deciding"] = first_min(known)
    elif any(f["outcome"] == "bad" for f in known):
        out["mixed"] = (first_min(known), first_max(known))
    else:
        out["deciding"] = first_min(known)
    return out
