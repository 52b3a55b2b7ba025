"""Dates as ISO `YYYY-MM-DD` from `DD.MM.YYYY[ HH:MM[:SS]]`, Russian genitive words and `time[datetime]`."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from mpcheck.extract.label_table import BACKREF, FLAGS, Table, table
from mpcheck.extract.text import fold

_Firsts = tuple[re.Pattern[str], dict[int, bool]] | None


def _iso(year: int, month: int, day: int) -> str | None:
    """A valid calendar date as ISO text, else None (31.02 is not a date)."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def month_number(word: str) -> int | None:
    """1–12 for a Russian month word in any case form («сентября», «май»)."""
    rules = table()
    for entry, pattern in zip(rules.entries("dates", "months"), rules.rx("dates", "months"), strict=True):
        if pattern.match(word):
            return int(entry["month"])
    return None


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every date in a text as (position, ISO), in text order."""
    rules, folded, found = table(), fold(text), []
    for pattern in rules.rx("dates", "numeric"):
        for m in pattern.finditer(folded):
            iso = _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if iso:
                found.append((m.start(), iso))
    for pattern in rules.rx("dates", "words"):
        for m in pattern.finditer(folded):
            month = month_number(m.group(2))
            iso = _iso(int(m.group(3)), month, int(m.group(1))) if month else None
            if iso:
                found.append((m.start(), iso))
    return sorted(found)


def _build_firsts(rules: Table) -> _Firsts:
    """Numeric then word date regexes as one alternation, each in a capturing group.

    One search finds the leftmost match of any of them and, at equal positions, the earliest in
    table order: exactly what `min` over one search per regex picks (this runs once per dated
    element, hundreds of times on a long page). Maps the wrapping group's index → is it numeric.
    """
    numeric, words = rules.rx("dates", "numeric"), rules.rx("dates", "words")
    if not numeric + words or any(BACKREF.search(p.pattern) for p in numeric + words):
        return None
    parts, kinds, index = [], {}, 1
    for pattern, is_numeric in [(p, True) for p in numeric] + [(p, False) for p in words]:
        parts.append(f"({pattern.pattern})")
        kinds[index] = is_numeric
        index += pattern.groups + 1
    return re.compile("|".join(parts), FLAGS), kinds


def _first_match(folded: str) -> tuple[re.Match[str], int, bool] | None:
    """(match, offset of the matched regex's groups, numeric?) of the earliest date in a folded text."""
    firsts: _Firsts = table().memo("dates:first", _build_firsts)
    if firsts is None:  # fallback: one search per regex
        rules = table()
        found = [(m.start(), m, True) for p in rules.rx("dates", "numeric") if (m := p.search(folded))]
        found += [(m.start(), m, False) for p in rules.rx("dates", "words") if (m := p.search(folded))]
        if not found:
            return None
        _, m, numeric = min(found, key=lambda f: f[0])
        return m, 0, numeric
    m = firsts[0].search(folded)
    if m is None:
        return None
    outer = m.lastindex or 0  # the wrapping group of the alternative that matched closes last
    return m, outer, firsts[1][outer]


def first_date(text: str) -> str | None:
    """The earliest date in a text (fast path: one search; full scan only on an invalid date)."""
    found = _first_match(fold(text))
    if found is None:
        return None
    m, at, numeric = found
    day, month_text, year = m.group(at + 1, at + 2, at + 3)
    month = int(month_text) if numeric else month_number(month_text)
    iso = _iso(int(year), month, int(day)) if month else None
    if iso is None:  # e.g. 31.02.2026 before a real date: fall back to the full scan
        dates = find_dates(text)
        return dates[0][1] if dates else None
    return iso


def parse_date(text: str | None) -> str | None:
    """The first date in a text (ISO prefix accepted too), else None."""
    if not text:
        return None
    iso_patterns: list[re.Pattern[str]] = table().memo("dates:iso", lambda t: t.rx("dates", "iso"))
    if iso_patterns:
        stripped = text.strip()
        for pattern in iso_patterns:
            m = pattern.match(stripped)
            if m:
                return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return first_date(text)


def element_date(el: Any, text: str) -> str | None:
    """The date of an element: its `datetime`/`content` attribute first, then its text."""
    for attr in ("datetime", "content"):
        value = el.get(attr)
        if value:
            parsed = parse_date(value)
            if parsed:
                return parsed
    return parse_date(text)
