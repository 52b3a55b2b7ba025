"""The comparison's words around numbers: money, plurals, lists, quotes, template filling.

Numbers themselves are the engine's (engine.formatting with scoring.json "numbers"): a price reads
the same in a report and in a comparison. Twin of extension/src/compare/format.ts; the
cross-engine test holds them to the same bytes.
"""

from __future__ import annotations

import re

from mpcheck.compare.rules import ComparisonRules
from mpcheck.engine import formatting

NBSP = "\u00a0"  # between a count and its word: «5 баллов» never breaks across lines
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, subs: dict[str, str | int]) -> str:
    """Replace {name} by subs[name]; unknown placeholders stay (the tests catch them)."""
    return _PLACEHOLDER.sub(lambda m: str(subs[m.group(1)]) if m.group(1) in subs else m.group(0), template)


def money(rules: ComparisonRules, rub: int, lang: str) -> str:
    """«10 000 руб.» / "10 000 RUB": the engine's money style (scoring.json; no-break digit groups)."""
    return formatting.format_value(rub, "money", rules.numbers[lang])


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
