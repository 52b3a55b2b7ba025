"""Dates as ISO `YYYY-MM-DD` from `DD.MM.YYYY[ HH:MM[:SS]]`, Russian genitive words and `time[datetime]`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mpcheck.extract.rules import table
from mpcheck.extract.text import fold


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


def first_date(text: str) -> str | None:
    """The earliest date in a text (fast path: one search per pattern; full scan only on a bad match)."""
    rules, folded = table(), fold(text)
    found = [(m.start(), m, "n") for p in rules.rx("dates", "numeric") if (m := p.search(folded))]
    found += [(m.start(), m, "w") for p in rules.rx("dates", "words") if (m := p.search(folded))]
    if not found:
        return None
    _, m, kind = min(found, key=lambda f: f[0])
    month = int(m.group(2)) if kind == "n" else month_number(m.group(2))
    iso = _iso(int(m.group(3)), month, int(m.group(1))) if month else None
    if iso is None:  # e.g. 31.02.2026 before a real date: fall back to the full scan
        dates = find_dates(text)
        return dates[0][1] if dates else None
    return iso


def parse_date(text: str | None) -> str | None:
    """The first date in a text (ISO prefix accepted too), else None."""
    if not text:
        return None
    for pattern in table().rx("dates", "iso"):
        m = pattern.match(text.strip())
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
