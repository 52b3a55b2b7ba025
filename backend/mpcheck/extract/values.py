"""Value parsers shared by the page extractors: money, install buckets, yes/no, ratings, day counts.

Each takes already-normalised text and returns None when the text is not a value of that kind, so a
label that points at the wrong neighbour yields null rather than a wrong value.
"""

from __future__ import annotations

import re
from typing import Any

from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, norm


def money(text: str | None) -> int | None:
    """Whole roubles of the first «12 990 руб.» in a text."""
    m = table().search(fold(text), "fields", "price", "values")
    return int(re.sub(r"\s", "", m.group(1))) if m else None


def is_free(text: str | None) -> bool:
    """«Бесплатно» / «Бесплатный» as the whole value."""
    return table().search(fold(text), "fields", "price", "free") is not None


def installs(text: str | None) -> dict[str, Any] | None:
    """`{label, min, max}` of an install bucket («Менее 50», «500 - 999», «Более 1000»)."""
    rules = table()
    m = rules.search(fold(text), "fields", "installs", "values")
    if not m:
        return None
    start, end = m.span(1)
    label = norm(text)[start:end]
    for entry, pattern in zip(
        rules.entries("fields", "installs", "buckets"), rules.rx("fields", "installs", "buckets"), strict=True
    ):
        b = pattern.match(fold(label))
        if not b:
            continue
        low = entry.get("min")
        if "min_group" in entry:
            low = int(b.group(entry["min_group"]))
        high = int(b.group(entry["max_group"])) + entry.get("max_offset", 0) if "max_group" in entry else None
        return {"label": label, "min": low, "max": high}
    return None


def yes_no(text: str | None) -> bool | None:
    """True for «Да», False for «Нет» / «Не поддерживается», None for «—» or anything else."""
    rules = table()
    folded = fold(text)
    if rules.search(folded, "booleans", "yes"):
        return True
    if rules.search(folded, "booleans", "no"):
        return False
    return None


def rating(text: str | None) -> float | None:
    """A 0–5 average from «4,8», «4.8 (214 отзывов)»; None for «Нет оценок» or a zero."""
    rules = table()
    folded = fold(text)
    if rules.search(folded, "fields", "rating", "none"):
        return None
    m = rules.search(folded, "fields", "rating", "values")
    if not m:
        return None
    value = float(m.group(1).replace(",", "."))
    return value if 0 < value <= 5 else None


def days(number: str, unit: str) -> int | None:
    """Days from «14 дней», «2 недели», «1 месяц»."""
    rules = table()
    for entry, pattern in zip(rules.entries("demo", "units"), rules.rx("demo", "units"), strict=True):
        if pattern.match(unit):
            return int(number) * int(entry["days"])
    return None


def demo_days(text: str | None) -> int | None:
    """Trial length in days from the shared demo-length regex (group 2 number, group 3 unit)."""
    m = table().search(fold(text), "demo", "length")
    return days(m.group(2), m.group(3)) if m else None


def integer(text: str | None) -> int | None:
    """The first whole number in a text («14», «9 решений», «с 2016 года»)."""
    m = re.search(r"[0-9]+", fold(text).replace(" ", ""))
    return int(m.group(0)) if m else None


def version(text: str | None) -> str | None:
    """A dotted version at the start of a text."""
    m = table().search(fold(text), "fields", "version", "values")
    return m.group(1) if m else None
