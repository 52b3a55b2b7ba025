"""Numbers in messages, rounded the same way in both engines (half up, never banker's rounding)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from mpcheck.engine.facts_access import is_number


def left_sum(values: Iterable[float]) -> float:
    """Left-to-right float sum, as JavaScript's reduce does. Python 3.12's sum() compensates
    rounding errors, which would make the two engines differ in the last bit."""
    total: float = 0
    for value in values:
        total += value
    return total


def round_half_up(value: float) -> int:
    """Round x.5 up, as JavaScript's Math.round does for the values we use."""
    return math.floor(value + 0.5)


def format_value(value: Any, style: str, lang: str) -> str:
    """Render a metric value for {value} in a message: percent, one decimal, or plain."""
    if not is_number(value):
        return "" if value is None else str(value)
    if style == "percent":
        return f"{round_half_up(value * 100)} %"
    if style == "money":
        return group_thousands(round_half_up(value))
    rounded = round_half_up(value * 10) / 10
    if rounded == int(rounded):
        return str(int(rounded))
    text = f"{rounded:.1f}"
    return text.replace(".", ",") if lang == "ru" else text


def group_thousands(amount: int) -> str:
    """12990 -> "12 990", the way Marketplace prices are written."""
    digits = str(abs(amount))
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ("-" if amount < 0 else "") + " ".join(groups)


def fill(template: str, value: str) -> str:
    """Substitute {value}; the only placeholder rule texts may use."""
    return template.replace("{value}", value)
