"""Value parsers shared by the page extractors: money, install buckets, yes/no, ratings, day counts.

Each takes already-normalised text and returns None when the text is not a value of that kind, so a
label that points at the wrong neighbour yields null rather than a wrong value.
"""

from __future__ import annotations

import re
from typing import Any

from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, norm

_BEFORE_CHARS = 30  # how much text before a price is read for «от», «+», «экономия»
_AFTER_CHARS = 40  # how much text after a price is read for a card / loyalty condition («c Ozon Картой»)


def money(text: str | None) -> int | None:
    """Whole roubles of the first own price in a text («12 990 руб.», «5 400,00 ₽»).

    A price right after «от» (a from-price of variants), «+» (an upsell), «экономия» or «продление»
    is skipped: it is never the solution's own price. So is a price right before a payment-card or
    loyalty condition («10 490 ₽ c Ozon Картой»): the price for some buyers only (fields.price.not_after).
    """
    at = money_at(text)
    return at[0] if at else None


def money_at(text: str | None) -> tuple[int, int, int] | None:
    """`money` with where its price stands in `fold(text)`: (roubles, start, end)."""
    rules, folded = table(), fold(text)
    not_before = rules.any_search(("fields", "price", "not_before"))
    not_after = rules.any_search(("fields", "price", "not_after"))
    for pattern in rules.rx("fields", "price", "values"):
        for m in pattern.finditer(folded):
            if not not_before(folded[max(0, m.start() - _BEFORE_CHARS) : m.start()]) and not not_after(
                folded[m.end() : m.end() + _AFTER_CHARS]
            ):
                return _whole(m.group(1)), m.start(), m.end()
    return None


def is_free(text: str | None) -> bool:
    """«Бесплатно» / «Бесплатный» as the whole value («Бесплатная поддержка …» is not)."""
    return table().search(fold(text), "fields", "price", "free") is not None


def _whole(number: str) -> int:
    """«1 000» → 1000 (digits grouped by spaces or dots)."""
    return int(re.sub(r"[\s.]", "", number))


def _count(number: str, scale: int) -> int:
    """A bucket's number: whole («1 000»), or with a scale a decimal comma too («1,5» тыс. → 1500)."""
    return _whole(number) if scale == 1 else round(float(re.sub(r"\s", "", number).replace(",", ".")) * scale)


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
        scale = entry.get("scale", 1)  # «1 тыс.+», «1,5 тыс.+»: the groups count thousands
        low = entry.get("min")
        if "min_group" in entry:
            low = _count(b.group(entry["min_group"]), scale)
        high = (
            _count(b.group(entry["max_group"]), scale) + entry.get("max_offset", 0)
            if "max_group" in entry
            else None
        )
        return {"label": label, "min": low, "max": high}
    return None


def yes_no(text: str | None) -> bool | None:
    """True for «Да» / «Есть», False for «Нет» / «Не поддерживается» / «недоступен» / «без …»,
    None for «—» or anything else."""
    rules = table()
    folded = fold(text)
    if rules.search(folded, "booleans", "unknown"):  # «нет данных»: no answer
        return None
    if rules.search(folded, "booleans", "no"):
        return False
    if rules.search(folded, "booleans", "yes"):
        return True
    return None


def rating(text: str | None) -> float | None:
    """A 0–5 average from «4,8», «4.8 (214 отзывов)», «4,7 из 5»; None for «Нет оценок» or a zero."""
    rules = table()
    folded = fold(text)
    if rules.search(folded, "fields", "rating", "none"):
        return None
    m = rules.search(folded, "fields", "rating", "values")
    if not m:
        return None
    value = float(m.group(1).replace(",", "."))
    return value if 0 < value <= 5 else None


def count_of(number: str) -> int | None:
    """A count written in digits or as a number word («14», «две», «одну»; empty = one unit)."""
    if number.isdigit():
        return int(number)
    words: dict[str, int] = table().data["demo"]["number_words"]
    folded = fold(number).lower()
    if folded == "":
        return words.get("", 1)
    for stem in sorted(words, key=len, reverse=True):  # the longest stem wins («четырнадцать» over «четыр»)
        if stem and folded.startswith(stem):
            return int(words[stem])
    return None


def days(number: str, unit: str) -> int | None:
    """Days from «14 дней», «2 недели», «1 месяц», «две недели», «полгода»."""
    rules = table()
    count = count_of(number)
    if count is None:
        return None
    for entry, pattern in zip(rules.entries("demo", "units"), rules.rx("demo", "units"), strict=True):
        if pattern.match(unit):
            return count * int(entry["days"])
    return None


def negated(text: str, start: int, end: int) -> bool:
    """Is the phrase at text[start:end] negated («без демо», «Демо-режим … не предусмотрен»), or said
    to be given no more, later in its clause («Демо-режим на 30 дней больше не предоставляется»)?"""
    after, before = table().rx("demo", "negations")[:2]
    rest = text[end:]
    if after.match(rest) or given_no_more(rest):
        return True
    return bool(before.search(text[max(0, start - 20) : start]))


def given_no_more(rest: str) -> bool:
    """Does the text right after a trial's mention say it is given no more, in its clause («на 30 дней
    больше не предоставляется», «(30 дней) отключён»: the third `demo.negations`) (TS `givenNoMore`)?"""
    return bool(table().rx("demo", "negations")[2].match(rest))


def other_trial(text: str, start: int, end: int) -> bool:
    """Is the trial phrase at text[start:end] another thing's trial: the demo site's («демо-версия
    сайта»), a payment system's, an implementation's, the platform's («нужна лицензия 1С-Битрикс
    (подойдёт и пробная версия)»)?"""
    after, before = table().rx("demo", "other_trial")[:2]
    return bool(after.match(text[end:])) or bool(before.search(text[max(0, start - 80) : start]))


def demo_days(text: str | None) -> int | None:
    """Trial length in days from the shared demo-length regexes (group 2 number, group 3 unit);
    a negated phrase («без демо … 30 дней поддержки»), another thing's trial or a number the words
    between make a refund or a frequency («возврат денег 14 дней») is no trial length."""
    rules = table()
    folded = fold(text)
    for pattern in rules.rx("demo", "length"):
        for m in pattern.finditer(folded):
            if negated(folded, m.start(1), m.end(1)) or other_trial(folded, m.start(1), m.end(1)):
                continue
            if not rules.search(folded[m.end(1) : m.end()], "demo", "not_length_gap"):  # gap, number, unit
                return days(m.group(2), m.group(3))
    return None


def demo_value(text: str | None) -> int | None:
    """Days of the value next to a demo label («7 дней», «21 день», «месяц»)."""
    m = table().search(fold(text), "demo", "value")
    return days(m.group(1) or "", m.group(2)) if m else None


def integer(text: str | None) -> int | None:
    """The first whole number in a text («14», «9 решений», «с 2016 года»)."""
    m = re.search(r"[0-9]+", fold(text).replace(" ", ""))
    return int(m.group(0)) if m else None


def version(text: str | None) -> str | None:
    """A dotted version at the start of a text, unless the text says it is the platform's
    («23.300.100 и выше», «20.0 (главный модуль)»)."""
    rules = table()
    folded = fold(text)
    m = rules.search(folded, "fields", "version", "values")
    if not m:
        return None
    if rules.search(folded[m.end() :], "fields", "version", "not_own"):
        return None
    return m.group(1)


def version_key(value: str) -> tuple[int, ...]:
    """A version as integers per part, for comparing («4.10.0» > «4.9.2»)."""
    return tuple(int(p) for p in re.findall(r"[0-9]+", value))
