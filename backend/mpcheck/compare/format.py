"""The comparison's one formatter per job: money, plurals, lists, quotes, template filling.

Twin of extension/src/compare/format.ts; the cross-engine test holds them to the same bytes.
"""

from __future__ import annotations

import math
import re

from mpcheck.compare.rules import ComparisonRules, text
from mpcheck.engine import formatting

NBSP = "\u00a0"  # between digit groups and before the unit: a price never breaks across lines
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def round_half_up(value: float) -> int:
    """x.5 up, as JavaScript's Math.round (Python's round() is banker's)."""
    return math.floor(value + 0.5)


def group_digits(amount: int) -> str:
    """12990 -> "12 990" with no-break spaces, as Russian price tags are written."""
    digits = str(abs(amount))
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ("-" if amount < 0 else "") + NBSP.join(groups)


def fill(template: str, subs: dict[str, str | int]) -> str:
    """Replace {name} by subs[name]; unknown placeholders stay (the tests catch them)."""
    return _PLACEHOLDER.sub(lambda m: str(subs[m.group(1)]) if m.group(1) in subs else m.group(0), template)


def money(rules: ComparisonRules, rub: int, lang: str) -> str:
    """«10 000 руб.» / "10 000 RUB" (no-break spaces)."""
    return fill(text(rules, "money", "rub", lang), {"amount": group_digits(round_half_up(rub))}).replace(
        " ", NBSP
    )


def plural(rules: ComparisonRules, word: str, count: int, lang: str) -> str:
    """ "1 балл", "2 балла", "5 баллов", "11 баллов"; "1 point", "2 points" (the engine's one plural
    rule per language, engine.formatting.plural)."""
    return f"{count}{NBSP}{formatting.plural(rules.plurals[word][lang], count, lang)}"


def join_list(items: list[str], lang: str) -> str:
    """ "a, b и c" / "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    conjunction = " и " if lang == "ru" else " and "
    return ", ".join(items[:-1]) + conjunction + items[-1]


def quoted(value: str, lang: str) -> str:
    """«…» in Russian, “…” in English."""
    return f"«{value}»" if lang == "ru" else f"“{value}”"


def full_stop(sentence: str) -> str:
    """End with one full stop: «… на 5 090 руб.» takes no second one."""
    return sentence if sentence.endswith(".") else sentence + "."
