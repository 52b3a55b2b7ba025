"""Price as the tie-breaker (CHECKLIST §8): a pair's difference is "insignificant" up to the kind's
threshold from comparison.json. Unknown prices stay unknown: no pair verdict is guessed.
Twin of extension/src/compare/price.ts."""

from __future__ import annotations

from typing import Any

from mpcheck.compare.candidates import Candidate
from mpcheck.compare.rules import ComparisonRules


def threshold_kind(a: str | None, b: str | None) -> str:
    """Same kind: its threshold; unknown or mixed kinds: the "unknown" (smaller) threshold."""
    return a if a is not None and a == b else "unknown"


def compare_price(a: Candidate, b: Candidate, rules: ComparisonRules) -> dict[str, Any]:
    """{a, b, diff, cheaper, significant, threshold_kind}; a difference equal to the threshold is
    insignificant (the article calls a difference OF 7 000 / 10 000 rub not significant)."""
    kind = threshold_kind(a.kind, b.kind)
    pair: dict[str, Any] = {"a": a.code, "b": b.code}
    if a.price.rub is None or b.price.rub is None:
        return {**pair, "diff": None, "cheaper": None, "significant": None, "threshold_kind": kind}
    diff = abs(a.price.rub - b.price.rub)
    cheaper = None if a.price.rub == b.price.rub else a.code if a.price.rub < b.price.rub else b.code
    significant = diff > rules.price_threshold[kind]
    return {**pair, "diff": diff, "cheaper": cheaper, "significant": significant, "threshold_kind": kind}


def all_price_pairs(candidates: list[Candidate], rules: ComparisonRules) -> list[dict[str, Any]]:
    """Every unordered pair, in input order (a before b)."""
    return [compare_price(a, b, rules) for i, a in enumerate(candidates) for b in candidates[i + 1 :]]


def cheapest(candidates: list[Candidate]) -> Candidate | None:
    """The first candidate with the lowest known price."""
    best: Candidate | None = None
    for candidate in candidates:
        rub = candidate.price.rub
        if rub is not None and (best is None or best.price.rub is None or rub < best.price.rub):
            best = candidate
    return best


def price_survivors(
    group: list[Candidate], rules: ComparisonRules
) -> tuple[Candidate | None, list[Candidate]]:
    """Among roughly equal candidates, drop those significantly dearer than the cheapest known."""
    low = cheapest(group)
    if low is None:
        return None, list(group)
    return low, [c for c in group if c is low or compare_price(c, low, rules)["significant"] is not True]


def tie_price_pair(remaining: list[Candidate], rules: ComparisonRules) -> dict[str, Any] | None:
    """Why price could not decide a tie: an unknown price, else the widest (insignificant) gap."""
    unknown = next((c for c in remaining if c.price.rub is None), None)
    priced = sorted((c for c in remaining if c.price.rub is not None), key=lambda c: c.price.rub or 0)
    a = next((c for c in remaining if c is not unknown), None) if unknown else (priced[0] if priced else None)
    b = unknown if unknown else (priced[-1] if priced else None)
    return compare_price(a, b, rules) if a is not None and b is not None and a is not b else None
