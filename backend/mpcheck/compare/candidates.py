"""One candidate of a comparison, read from its report and facts (pure, defensive).

Reports may come from an older build (a snapshot in the shortlist) or a newer one, so every field
is read with a fallback: the profile as a string or as {id, chosen_by}; a step's known share from
known_weight / weight when the report has them, else all-or-nothing from its status. Dates and
numbers are read with the engine's own helpers (engine.facts_access), so «2026-11-20\n» or Unicode
digits are no date here either, in Python as in TypeScript.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, TypeGuard

from mpcheck.engine import facts_access

KNOWN = ("good", "warn", "bad")


def is_number(value: Any) -> TypeGuard[float]:
    """A JSON number (never a bool; the engine's test), finite."""
    return facts_access.is_number(value) and math.isfinite(value)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


@dataclass(frozen=True)
class Step:
    """One checklist step of one candidate, as the comparison needs it."""

    id: str
    status: str
    max_points: float
    bonus: bool
    known: float  # 0..1: the share of the step's signal weight whose facts are known
    counted: bool  # inside the report's score denominator
    title: dict[str, str]
    check_yourself: dict[str, str]
    unknown_reason: str | None


@dataclass(frozen=True)
class Price:
    """The price the comparison uses; `note` says why it differs from the page's current price."""

    rub: int | None
    note: str | None  # "promo_expired" when an «Акция до …» date has passed


@dataclass(frozen=True)
class Rating:
    """The developer's place in the partners' rating (facts added by the backend)."""

    position: int | None
    total: int | None
    developer: str | None = None  # the partner's name: the rating ranks developers, not solutions


@dataclass(frozen=True)
class Candidate:
    code: str
    name: str
    score: float | None
    coverage: float | None
    kind: str | None
    profile: str | None
    headline: dict[str, str]
    withdrawn: bool
    price: Price
    rating: Rating
    steps: tuple[Step, ...]


def _known_share(criterion: dict[str, Any], status: str) -> float:
    if status not in KNOWN:
        return 0.0
    known, weight = criterion.get("known_weight"), criterion.get("weight")
    if is_number(known) and is_number(weight) and weight > 0:
        return float(min(1.0, max(0.0, known / weight)))
    return 1.0


def _localized(value: Any, fallback: str) -> dict[str, str]:
    got = _dict(value)
    return {lang: got[lang] if isinstance(got.get(lang), str) else fallback for lang in ("ru", "en")}


def _step(criterion: dict[str, Any]) -> Step:
    cid = _str(criterion.get("id")) or "?"
    status = _str(criterion.get("status")) or "unknown"
    max_points = criterion.get("max_points")
    points = float(max_points) if is_number(max_points) and max_points > 0 else 0.0
    bonus = criterion.get("bonus") is True
    return Step(
        id=cid,
        status=status,
        max_points=points,
        bonus=bonus,
        known=_known_share(criterion, status),
        counted=status in KNOWN and points > 0 and (not bonus or status == "good"),
        title=_localized(criterion.get("title"), cid),
        check_yourself=_localized(criterion.get("check_yourself"), ""),
        unknown_reason=_str(criterion.get("unknown_reason")),
    )


def _report_price(report: dict[str, Any]) -> int | None:
    """The price the report cited (a snapshot kept without its facts)."""
    for criterion in report.get("criteria") or []:
        if _dict(criterion).get("id") != "price":
            continue
        for evidence in _dict(criterion).get("evidence") or []:
            value = _dict(evidence).get("value")
            if _dict(evidence).get("fact") == "price.rub" and is_number(value) and value >= 0:
                return int(value)
    return None


def effective_price(facts: dict[str, Any], report: dict[str, Any], today: str) -> Price:
    """Free is 0; an «Акция до» date in the past means the promotion is over: the old price holds."""
    price = _dict(facts.get("price"))
    rub, old, until = price.get("rub"), price.get("old_rub"), price.get("discount_until")
    if price.get("free") is True:
        return Price(0, None)
    if is_number(rub) and rub >= 0:
        ends, now = facts_access.parse_iso_date(until), facts_access.parse_iso_date(today)
        expired = ends is not None and now is not None and ends < now
        if expired and is_number(old) and old >= 0:
            return Price(int(old), "promo_expired")
        return Price(int(rub), None)
    return Price(_report_price(report), None)


def _rating(facts: dict[str, Any]) -> Rating:
    partner = _dict(facts.get("partner"))
    position, total = partner.get("rating_position"), partner.get("rating_total")
    developer = _str(partner.get("name")) or None
    if not is_number(position) or position < 1:
        return Rating(None, None, developer)
    return Rating(int(position), int(total) if is_number(total) and total >= position else None, developer)


def _profile(report: dict[str, Any]) -> str | None:
    profile = report.get("profile")
    return _str(_dict(profile).get("id")) if isinstance(profile, dict) else _str(profile)


def read_candidate(
    report: dict[str, Any], facts: dict[str, Any] | None, today: str, place: int = 1
) -> Candidate:
    """A candidate from its report (mpcheck.report/1) and its facts (mpcheck.facts/1, or None).
    `place`: its 1-based place in the list, the code («#2») of one that has none; a nameless one
    is named by its code."""
    facts = facts or {}
    code = _str(report.get("code")) or _str(facts.get("code")) or f"#{place}"
    headline = _dict(report.get("headline"))
    score, coverage = report.get("score"), report.get("coverage")
    kind = facts.get("kind")
    return Candidate(
        code=code,
        name=_str(report.get("name")) or _str(facts.get("name")) or code,
        score=score if is_number(score) else None,
        coverage=float(coverage) if is_number(coverage) else None,
        kind=kind if kind in ("module", "site") else None,
        profile=_profile(report),
        headline={
            "status": _str(headline.get("status")) or "unknown",
            "key": _str(headline.get("key")) or "",
        },
        withdrawn=facts.get("withdrawn") is True or headline.get("key") == "withdrawn",
        price=effective_price(facts, report, today),
        rating=_rating(facts),
        steps=tuple(_step(_dict(c)) for c in report.get("criteria") or []),
    )
