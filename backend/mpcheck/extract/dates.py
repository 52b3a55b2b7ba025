"""Dates as ISO `YYYY-MM-DD`: `DD.MM.YYYY[ HH:MM[:SS]]`, `DD.MM.YY`, Russian month words (full or
abbreviated, with or without a year), English ones with a year («November 12, 2026»), relative dates
(«вчера», «3 дня назад»), year-first dates in the text («2026-09-30», DokuWiki's «2026/09/30») and
`time[datetime]`. A rounded relative date («месяц назад») names no day: it is None, unless the element's
`title` tooltip holds the exact date (`element_date`).

A date with no year and a relative date need a reference day: `reference_day(today)` sets it for the
duration of one extraction (a context variable, so the item readers of other modules that call
`parse_date` get it without a parameter on every function); outside one, the clock's today is used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from mpcheck.extract.label_table import BACKREF, FLAGS, Table, table
from mpcheck.extract.text import fold

_Firsts = tuple[re.Pattern[str], dict[int, bool]] | None
_TODAY: ContextVar[dt.date | None] = ContextVar("mpcheck_extract_today", default=None)
# an end date («Акция до 5 декабря») with no year is the nearest such date, ahead or behind
_NEAREST: ContextVar[bool] = ContextVar("mpcheck_extract_nearest", default=False)
# the forms read after the two confirmed ones (numeric, words): each found date is (position, ISO)
_EXTRA_FORMS = ("numeric_short", "iso_text", "words_no_year", "words_en", "relative")


@contextmanager
def reference_day(today: dt.date | None) -> Iterator[None]:
    """Read dates with no year and relative dates against `today` inside this block."""
    token = _TODAY.set(today)
    try:
        yield
    finally:
        _TODAY.reset(token)


def today() -> dt.date:
    """The reference day of the running extraction, else the clock's today."""
    return _TODAY.get() or dt.date.today()


def _iso(year: int, month: int, day: int) -> str | None:
    """A valid calendar date as ISO text, else None (31.02 is not a date)."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def month_number(word: str) -> int | None:
    """1–12 for a month word: Russian in any case form, full or abbreviated («сентября», «окт.»),
    or English («November», «Nov»)."""
    rules = table()
    for entry, pattern in zip(rules.entries("dates", "months"), rules.rx("dates", "months"), strict=True):
        if pattern.match(word):
            return int(entry["month"])
    return None


def _without_year(day: int, month: int) -> str | None:
    """«18 ноября»: the last such date not after the reference day (a page tells what happened);
    in an end date (`parse_end_date`) the nearest such date, ahead or behind."""
    ref = today()
    if _NEAREST.get():
        near = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _iso(y, month, day))]
        return min(near, key=lambda d: abs((dt.date.fromisoformat(d) - ref).days)) if near else None
    for year in (ref.year, ref.year - 1):
        iso = _iso(year, month, day)
        if iso and iso <= ref.isoformat():
            return iso
    return None


def _months_back(ref: dt.date, months: int) -> dt.date:
    total = ref.year * 12 + ref.month - 1 - months
    year, month = divmod(total, 12)
    for day in range(ref.day, 0, -1):  # 31 March minus a month is the last day of February
        try:
            return dt.date(year, month + 1, day)
        except ValueError:
            continue
    return ref


def _relative_unit(entry: dict[str, Any], m: re.Match[str]) -> dict[str, Any] | None:
    """The `relative_units` entry of a relative phrase's unit («недели» of «2 недели назад»)."""
    if "days" in entry:
        return None
    unit = m.group(entry["unit_group"])
    rules = table()
    units = zip(rules.entries("dates", "relative_units"), rules.rx("dates", "relative_units"), strict=True)
    return next((unit_entry for unit_entry, pattern in units if pattern.match(unit)), None)


def _relative(entry: dict[str, Any], m: re.Match[str]) -> str | None:
    """The date a relative phrase stands for («3 дня назад», «вчера»)."""
    ref = today()
    if "days" in entry:
        return (ref - dt.timedelta(days=int(entry["days"]))).isoformat()
    count = int(m.group(entry["number_group"])) if "number_group" in entry else 1
    unit_entry = _relative_unit(entry, m)
    if unit_entry is None:
        return None
    if "days" in unit_entry:
        return (ref - dt.timedelta(days=count * int(unit_entry["days"]))).isoformat()
    return _months_back(ref, count * int(unit_entry["months"])).isoformat()


def _vague(form: str, entry: dict[str, Any], m: re.Match[str]) -> bool:
    """Whether a date is a rounded relative one («месяц назад», «2 года назад»: a `vague` unit of
    `relative_units`): it says roughly when, not the day (a thread of 21.10 reads «месяц назад» on
    27.11, which is not 27.10), so it is no value; its position still places the date in a text."""
    if form != "relative":
        return False
    unit_entry = _relative_unit(entry, m)
    return bool(unit_entry and unit_entry.get("vague"))


def _extra_date(form: str, entry: dict[str, Any], m: re.Match[str]) -> str | None:
    if form == "numeric_short":
        return _iso(2000 + int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if form == "iso_text":
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if form == "words_no_year":
        month = month_number(m.group(2))
        return _without_year(int(m.group(1)), month) if month else None
    if form == "words_en":  # «November 12, 2026»: month, day, year
        month = month_number(m.group(1))
        return _iso(int(m.group(3)), month, int(m.group(2))) if month else None
    return _relative(entry, m)


def _any_extra(rules: Table) -> Any:
    return rules.any_search(*(("dates", form) for form in _EXTRA_FORMS))


def _extra_dates(folded: str, first_only: bool) -> list[tuple[int, str, bool]]:
    """Dates of the forms after the confirmed ones (short year, no year, relative) in a folded text,
    as (position, ISO, exact: not `_vague`)."""
    found: list[tuple[int, str, bool]] = []
    if not folded:
        return found
    rules = table()
    if not rules.memo("dates:any-extra", _any_extra)(folded):
        return found  # one scan of the text for all of them: most texts have none
    for form in _EXTRA_FORMS:
        for entry, pattern in zip(rules.entries("dates", form), rules.rx("dates", form), strict=True):
            for m in pattern.finditer(folded):
                iso = _extra_date(form, entry, m)
                if iso:
                    found.append((m.start(), iso, not _vague(form, entry, m)))
                    if first_only:
                        break
    return sorted(found)


def _confirmed_dates(folded: str) -> list[tuple[int, str]]:
    """(position, ISO) of every numeric and word date with a year in a folded text."""
    rules, found = table(), []
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
    return found


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every date in a text as (position, ISO), in text order."""
    folded = fold(text)
    extra = [(at, iso) for at, iso, _exact in _extra_dates(folded, first_only=False)]
    return sorted(_confirmed_dates(folded) + extra)


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


def _first_confirmed(folded: str) -> tuple[int, str] | None:
    """(position, ISO) of the earliest numeric / word date (fast path: one search)."""
    found = _first_match(folded)
    if found is None:
        return None
    m, at, numeric = found
    day, month_text, year = m.group(at + 1, at + 2, at + 3)
    month = int(month_text) if numeric else month_number(month_text)
    iso = _iso(int(year), month, int(day)) if month else None
    if iso is None:  # e.g. 31.02.2026 before a real date: fall back to the full scan
        dates = sorted(_confirmed_dates(folded))
        return dates[0] if dates else None
    return m.start(), iso


def first_date(text: str) -> str | None:
    """The earliest full date (DD.MM.YYYY, «5 июня 2024»), else the earliest of the other forms.

    A date that names its year wins over a short, yearless or relative one in the same text
    («вчера, 12.11.2026» is 12.11.2026): it is exact, and the common case (one dated element's text)
    costs one search instead of two. A rounded relative date first («месяц назад») gives None: the
    day it would name is a guess (`_vague`), and a later date of the text is not this one's.
    """
    folded = fold(text)
    best = _first_confirmed(folded)
    if best is not None:
        return best[1]
    extra = _extra_dates(folded, first_only=True)
    return extra[0][1] if extra and extra[0][2] else None


def vague_date(text: str) -> bool:
    """Whether a text's date is only a rounded relative one («месяц назад»: `first_date` gives None
    for it): the text is dated, its day is unknown."""
    folded = fold(text)
    if _first_confirmed(folded) is not None:
        return False
    extra = _extra_dates(folded, first_only=True)
    return bool(extra) and not extra[0][2]


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


def parse_end_date(text: str | None) -> str | None:
    """An end date («до 5 декабря»): like `parse_date`, but a date with no year is the nearest one."""
    token = _NEAREST.set(True)
    try:
        return parse_date(text)
    finally:
        _NEAREST.reset(token)


def _relative_only(folded: str) -> bool:
    """Whether a folded text dates itself only relatively («2 недели назад», «вчера в 17:41»): a
    relative phrase and no date that names its year."""
    rules = table()
    return bool(
        rules.search(folded, "dates", "relative_hint")
        and rules.search(folded, "dates", "relative")
        and _first_confirmed(folded) is None
    )


def _title_date(el: Any) -> str | None:
    """The exact date an element's `title` tooltip gives its relative text («<span title="12.11.2026
    14:20">2 недели назад</span>»: Viva Engage, Discourse, GitHub's relative-time, a SharePoint feed);
    a title that is itself relative adds nothing."""
    title = el.get("title")
    if not title or _relative_only(fold(title)):
        return None
    return parse_date(title)


def element_date(el: Any, text: str) -> str | None:
    """The date of an element: its `datetime`/`content` attribute first, then — when its text dates
    it only relatively — the exact date of its `title` tooltip, then its text."""
    for attr in ("datetime", "content"):
        value = el.get(attr)
        if value:
            parsed = parse_date(value)
            if parsed:
                return parsed
    if el.get("title") and _relative_only(fold(text)) and (exact := _title_date(el)):
        return exact
    return parse_date(text)
