"""Band matching: `when` tests from the rule files, strictly typed (no truthiness, no coercion)."""

from __future__ import annotations

from typing import Any

from mpcheck.engine.facts_access import is_number

_NUMERIC_TESTS = {
    "lt": lambda v, t: v < t,
    "lte": lambda v, t: v <= t,
    "gt": lambda v, t: v > t,
    "gte": lambda v, t: v >= t,
}


def same_scalar(a: Any, b: Any) -> bool:
    """Equality that never mixes types: True != 1, "1" != 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if is_number(a) and is_number(b):
        return bool(a == b)
    return type(a) is type(b) and a == b


def matches(when: dict[str, Any] | None, value: Any, profile: str) -> bool:
    """True when every test in `when` holds for value (a missing `when` always matches)."""
    if not when:
        return True
    for test, target in when.items():
        if test == "eq":
            if not same_scalar(value, target):
                return False
        elif test == "in":
            if not any(same_scalar(value, option) for option in target):
                return False
        elif test == "profile_in":
            if profile not in target:
                return False
        elif not (is_number(value) and _NUMERIC_TESTS[test](value, target)):
            return False
    return True


def first_matching(bands: list[dict[str, Any]], value: Any, profile: str) -> dict[str, Any] | None:
    """The first band whose `when` holds, in file order."""
    return next((band for band in bands if matches(band.get("when"), value, profile)), None)
