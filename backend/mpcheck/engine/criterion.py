"""One criterion of the report: findings -> status, points over the known signals, evidence, texts.

`weight` is the criterion's share of the checklist for the profile (its max points); `known_weight`
is the part of it whose signals are known. Points count the known part only: the unknown part is
neither earned nor lost, it lowers the report's coverage (SPEC §4).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from mpcheck.engine.evaluate import combine, evaluate_signal, evidence_source
from mpcheck.engine.facts_access import get_path
from mpcheck.engine.formatting import fill, format_value, round_half_up

LANGS = ("ru", "en")


def _evidence(
    rule: dict[str, Any], findings: list[dict[str, Any]], facts: dict[str, Any], scoring: dict[str, Any]
) -> list[dict[str, Any]]:
    """Each known value's fact, raw value, source and the text the locale writes it as; a signal's
    extra entries (rule "evidence") follow its own, e.g. the price and the struck-out price."""
    numbers = scoring["numbers"]
    policy = scoring["evidence_sources"]
    out: list[dict[str, Any]] = []
    for signal, finding in zip(rule["signals"], findings, strict=True):
        if finding["value"] is None:
            continue
        # A metric's own words ("no_items", "length_unknown") are for bands, not for the buyer: the
        # message says them. A string is evidence only when it is the fact itself ("offered").
        shown = finding["shown"]
        own_word = isinstance(shown, str) and shown != get_path(facts, finding["fact"])
        entries = [] if own_word else [(finding["fact"], shown, signal["label"], finding["format"])]
        entries += [
            (e["fact"], get_path(facts, e["fact"]), e["label"], e["format"])
            for e in signal.get("evidence", [])
        ]
        for fact, value, label, fmt in entries:
            if value is None:
                continue
            out.append(
                {
                    "fact": fact,
                    "value": value,
                    "source": evidence_source(facts, fact, policy),
                    "signal": signal["id"],
                    "label": dict(label),
                    "text": {lang: format_value(value, fmt, numbers[lang]) for lang in LANGS},
                }
            )
    return out


def _finding_text(rule: dict[str, Any], signal: dict[str, Any], finding: dict[str, Any], facts: dict[str, Any],
                  scoring: dict[str, Any], lang: str) -> str:  # fmt: skip
    style = scoring["numbers"][lang]
    values = {"value": format_value(finding["shown"], finding["format"], style)}
    for entry in signal.get("evidence", []):
        values[entry["name"]] = format_value(get_path(facts, entry["fact"]), entry["format"], style)
    return fill(rule["messages"][finding["key"]][lang], values)


def _message(rule: dict[str, Any], combined: dict[str, Any], facts: dict[str, Any], scoring: dict[str, Any],
             reason: str | None) -> dict[str, str]:  # fmt: skip
    signals = {s["id"]: s for s in rule["signals"]}

    def text(finding: dict[str, Any], lang: str) -> str:
        return _finding_text(rule, signals[finding["signal"]], finding, facts, scoring, lang)

    if combined["mixed"] is not None:
        worst, best = combined["mixed"]
        template = scoring["texts"]["mixed"]
        return {
            lang: fill(template[lang], {"bad": text(worst, lang), "good": text(best, lang)}) for lang in LANGS
        }
    deciding = combined["deciding"]
    if deciding is None or deciding["key"] is None:
        texts = scoring["texts"]
        return dict(texts["unknown_reasons"][reason]) if reason else dict(texts["unknown"])
    return {lang: text(deciding, lang) for lang in LANGS}


def _reason(findings: list[dict[str, Any]]) -> str | None:
    """The reason of the heaviest unknown signal (the first of equals)."""
    unknown = [f for f in findings if f["outcome"] == "unknown" and f["weight"] > 0]
    if not unknown:
        return None
    heaviest = unknown[0]
    for finding in unknown[1:]:
        if finding["weight"] > heaviest["weight"]:
            heaviest = finding
    return str(heaviest["unknown_reason"])


def _public_finding(finding: dict[str, Any]) -> dict[str, Any]:
    return {k: finding[k] for k in ("signal", "outcome", "key", "value", "weight", "unknown_reason")}


def evaluate_criterion(
    rule: dict[str, Any], facts: dict[str, Any], today: date, profile: str, scoring: dict[str, Any]
) -> dict[str, Any]:
    """One criterion of the report, with its findings, evidence and texts."""
    findings = [evaluate_signal(s, facts, today, profile, scoring) for s in rule["signals"]]
    combined = combine(findings, scoring, rule.get("informational") is True)
    status = combined["status"]
    weight = rule["weights"][profile]
    share, fraction = combined["share"], combined["fraction"]
    known_weight = None if share is None else weight * share
    reason = _reason(findings) if status == "unknown" else None
    deciding = combined["deciding"]
    key = "mixed" if combined["mixed"] is not None else (deciding["key"] if deciding else None)
    return {
        "id": rule["id"],
        "step": rule["step"],
        "title": rule["title"],
        "status": status,
        "key": key,
        "points": None
        if fraction is None or known_weight is None
        else round_half_up(fraction * known_weight),
        "max_points": weight,
        "weight": weight,
        "known_weight": known_weight,
        "signals": combined["signals"],
        "unknown_reason": reason,
        "fraction": fraction,
        "bonus": rule.get("bonus") is True,
        "evidence": _evidence(rule, findings, facts, scoring),
        "findings": [_public_finding(f) for f in findings],
        "message": _message(rule, combined, facts, scoring, reason),
        "check_yourself": rule["check_yourself"],
        "page_anchor": rule.get("page_anchor"),
    }


def disabled_criterion(rule: dict[str, Any], scoring: dict[str, Any]) -> dict[str, Any]:
    """A criterion switched off in the settings: not applicable, outside score and coverage."""
    return {
        "id": rule["id"],
        "step": rule["step"],
        "title": rule["title"],
        "status": "not_applicable",
        "key": "disabled",
        "points": None,
        "max_points": 0,
        "weight": 0,
        "known_weight": None,
        "signals": {"known": 0, "total": 0},
        "unknown_reason": None,
        "fraction": None,
        "bonus": rule.get("bonus") is True,
        "evidence": [],
        "findings": [],
        "message": dict(scoring["texts"]["disabled"]),
        "check_yourself": rule["check_yourself"],
        "page_anchor": rule.get("page_anchor"),
    }
