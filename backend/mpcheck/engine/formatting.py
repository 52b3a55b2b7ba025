"""Numbers, dates and yes/no in messages and evidence: one formatter per locale (docs/ENGINE-NUMBERS.md).

The locale styles (decimal mark, digit grouping, units) are data in scoring.json "numbers"; the
rules here are the SPEC's own, written so both engines compute them with the same operations:
round half up (never banker's), integers printed digit by digit, sums taken left to right.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from mpcheck.engine.facts_access import is_number, parse_iso_date


def left_sum(values: Iterable[float]) -> float:
    """Left-to-right float sum, the order the rule is written in (Python 3.12's sum() compensates
    rounding errors, so it is not used for anything a report shows)."""
    total: float = 0
    for value in values:
        total += value
    return total


def round_half_up(value: float) -> int:
    """floor(x + 0.5): 2.5 -> 3, -2.5 -> -2."""
    return math.floor(value + 0.5)


def round2(value: float) -> float:
    """Half up to two decimals, for the shares and weights a report publishes."""
    return round_half_up(value * 100) / 100


def group_digits(amount: int, group: str) -> str:
    """12990 -> "12 990": groups of three from the right, sign in front."""
    digits = str(abs(amount))
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ("-" if amount < 0 else "") + group.join(groups)


def one_decimal(value: float, style: dict[str, str]) -> str:
    """Half up to one decimal; a whole result drops its ",0" (3.96 -> "4", 20.45 -> "20,5")."""
    tenths = round_half_up(value * 10)
    whole, digit = divmod(abs(tenths), 10)
    text = group_digits(whole, style["group"]) + (f"{style['decimal']}{digit}" if digit else "")
    return f"-{text}" if tenths < 0 else text


def format_value(value: Any, fmt: str, style: dict[str, str]) -> str:
    """One value as the locale writes it; `fmt` is the signal's style (rule.schema.json "format")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return style["yes"] if value else style["no"]
    if isinstance(value, list):
        return ", ".join(format_value(item, fmt, style) for item in value)
    if fmt == "date":
        day = parse_iso_date(value)
        if day is None:
            return str(value)
        return fill(style["date"], {"d": f"{day.day:02d}", "m": f"{day.month:02d}", "y": f"{day.year:04d}"})
    if not is_number(value):
        return str(value)
    if fmt == "percent":
        return fill(style["percent"], {"n": group_digits(round_half_up(value * 100), style["group"])})
    if fmt == "money":
        return fill(style["money"], {"n": group_digits(round_half_up(value), style["group"])})
    return one_decimal(value, style)


def fill(template: str, values: dict[str, str]) -> str:
    """Substitute {name} placeholders, each once, left to right (a value is never re-read)."""
    out: list[str] = []
    rest = template
    while "{" in rest:
        head, _, tail = rest.partition("{")
        name, closed, after = tail.partition("}")
        if closed and name in values:
            out.append(head + values[name])
            rest = after
        else:
            out.append(head + "{")
            rest = tail
    return "".join(out) + rest
