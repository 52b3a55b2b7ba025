"""Numbers, dates, yes/no, counted units and fact words in messages and evidence: one formatter per
kind, one style per locale (docs/ENGINE-NUMBERS.md).

The locale styles (decimal mark, digit grouping, month names, unit plurals, the words for fact
values such as support channels) are data in scoring.json "numbers"; the rules here are the SPEC's
own, written so both engines compute them with the same operations: round half up (never
banker's), integers printed digit by digit, sums taken left to right. `plural_index` is the one
plural rule of each language: the CLI and the comparison count with it too.
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


def group_digits(amount: int, group: str) -> str:
    """12990 -> "12 990": groups of three from the right, sign in front."""
    digits = str(abs(amount))
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ("-" if amount < 0 else "") + group.join(groups)


def one_decimal(value: float, style: dict[str, Any]) -> str:
    """Half up to one decimal; a whole result drops its ",0" (3.96 -> "4", 20.45 -> "20,5")."""
    tenths = round_half_up(value * 10)
    whole, digit = divmod(abs(tenths), 10)
    text = group_digits(whole, style["group"]) + (f"{style['decimal']}{digit}" if digit else "")
    return f"-{text}" if tenths < 0 else text


def plural_index(count: float, rule: str) -> int:
    """Which plural form a count takes. "ru": 0 one (1, 21, 101), 1 few (2-4, 22-24), 2 many (0, 5-20,
    11-14, 25); a fraction takes "few" («1,5 часа», genitive singular). "en": 0 for exactly 1, else 1."""
    whole = math.isfinite(count) and float(count).is_integer()
    if rule == "ru":
        if not whole:
            return 1
        n = abs(int(count))
        if n % 10 == 1 and n % 100 != 11:
            return 0
        return 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2
    return 0 if whole and abs(count) == 1 else 1


def plural(forms: list[str], count: float, rule: str) -> str:
    """The form of `forms` (one/few/many in Russian, one/other in English) the count takes."""
    return forms[min(plural_index(count, rule), len(forms) - 1)]


def _date(value: Any, style: dict[str, Any]) -> str:
    day = parse_iso_date(value)
    if day is None:
        return str(value)
    parts = {"d": f"{day.day:02d}", "day": str(day.day), "m": f"{day.month:02d}", "y": f"{day.year:04d}"}
    return fill(style["date"], {**parts, "mon": style["months"][day.month - 1]})


def _counted(value: float, unit: dict[str, Any], style: dict[str, Any]) -> str:
    """«1 день», «3 дня», «1,5 часа»; a unit's own word for zero («нет» days of demo, «сегодня»)."""
    if value == 0 and "zero" in unit:
        return str(unit["zero"])
    shown = round_half_up(value * 10) / 10  # the form agrees with the number printed: 1.04 -> «1 раз»
    return fill(plural(unit["forms"], shown, style["plural"]), {"n": one_decimal(value, style)})


def format_value(value: Any, fmt: str, style: dict[str, Any]) -> str:
    """One value as the locale writes it; `fmt` is the signal's kind (rule.schema.json "format"):
    a number style, a counted unit (style "units") or a fact vocabulary (style "words")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(style["yes"] if value else style["no"])
    if isinstance(value, list):
        # An empty list is a fact too («не указаны»), never a blank after the label.
        return ", ".join(format_value(item, fmt, style) for item in value) or str(style["none"])
    if fmt == "date":
        return _date(value, style)
    if fmt in style["words"]:
        words = style["words"][fmt]
        return str(words[value]) if isinstance(value, str) and value in words else str(value)
    if not is_number(value):
        return str(value)
    if fmt in style["units"]:
        return _counted(value, style["units"][fmt], style)
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
