"""«Что нового»: one entry per release row, newest first, with the description length in characters.

A row is any dated block of the log section (items.py): a legacy `<tr><td><b>4.6.1</b>
(24.11.2026)</td><td>…</td>`, a column table, `dt`+`dd`, a heading and its paragraphs, a list item.
Its version is the version token that opens the row (after «Версия», «v») or stands next to its
date; a version further inside the description (a 1C-Bitrix core version, «совместимо с 23.300.100»)
is never the row's. The date is the row's date as the shared dates module reads it (DD.MM.YYYY,
DD.MM.YY, month words with or without a year, `time[datetime]`). `chars` is measured on block text
(block boundaries become spaces, runs collapse) of the description only: the row without its
version, its date and their labels (fixtures/expected/README.md).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from mpcheck.extract.context import Page
from mpcheck.extract.dates import parse_date
from mpcheck.extract.dom import block_text, css
from mpcheck.extract.feedback import newest_first
from mpcheck.extract.items import date_search
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, norm

_HEAD_CHARS = 80  # «Версия 4.6.1 от 24 ноября 2026 г.»: the part of a row its date is looked for first
_LINES = re.compile(r"\r\n|\r|\n")
_TRAIL_CHARS = 40  # «… — версия», «Дата выпуска:»: the longest label run that closes a piece


def _date_span(folded: str) -> tuple[int, int] | None:
    """Where the first date of a row's text is (any form of the table), else None."""
    head = folded[:_HEAD_CHARS]  # a row's date is nearly always in its head: search that first
    m = date_search(head)
    if len(folded) > len(head) and (m is None or m.end() >= len(head) - 1):
        m = date_search(folded)  # none in the head, or one that its end may have cut off
    if m is None:
        return None
    start = m.start()
    while start < m.end() and not folded[start].isalnum():
        start += 1  # a form may match its left boundary character («(24.11.26»)
    return start, m.end()


def _versions(folded: str, start: int, end: int) -> list[re.Match[str]]:
    pattern = table().rx("changelog", "version_token")[0]
    return list(pattern.finditer(folded, start, end))


def _version(folded: str, span: tuple[int, int] | None) -> re.Match[str] | None:
    """The row's version: opening the row, or next to its date (only separators and labels between)."""
    rules = table()
    gap = rules.rx("changelog", "version_gap")[0]
    ds, de = span if span else (len(folded), len(folded))
    for m in _versions(folded, 0, ds):
        if gap.fullmatch(folded, 0, m.start(1)) or (span and gap.fullmatch(folded, m.end(1), ds)):
            return m
    if span:
        for m in _versions(folded, de, len(folded)):
            return m if gap.fullmatch(folded, de, m.start(1)) else None
    return None


def _first(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """The first match of the first regex that matches (`Table.search` over a list already looked up)."""
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            return m
    return None


def _description(text: str, folded: str, cuts: list[tuple[int, int]]) -> int:
    """Characters of the row's text outside its version and date, trimmed of their labels: a
    piece after a cut loses its leading labels («) — »), a piece before a cut its trailing ones."""
    rules = table()
    leads, trails = rules.rx("changelog", "lead"), rules.rx("changelog", "trail")  # looked up once per row
    pieces, at = [], 0
    for start, end in sorted(cuts):
        pieces.append((at, start))
        at = max(at, end)
    pieces.append((at, len(text)))
    last = len(pieces) - 1
    kept = []
    for i, (start, end) in enumerate(pieces):
        if end <= start:
            continue  # an empty piece keeps nothing, whatever its labels' regexes say
        piece = folded[start:end]
        lead = _first(leads, piece) if i > 0 else None
        a = start + lead.end() if lead else start
        b = end
        if i < last:
            # labels before a cut are short: the end-anchored regex only looks at the piece's tail
            # (searched over the whole piece it would try every start position: quadratic)
            back = max(0, len(piece) - _TRAIL_CHARS)
            found = _first(trails, piece[back:])
            if found:
                b = start + back + found.start()
        if b > a:
            kept.append(text[a:b])
    return len(" ".join(kept))


def _row(text: str, date: str | None) -> dict[str, Any] | None:
    """{version, date, chars} of one row's block text (the item's date wins over its text's)."""
    folded = fold(text)
    span = _date_span(folded)
    version = _version(folded, span)
    if version is None:
        return None
    cuts = [version.span(1)] + ([span] if span else [])
    found = date or (parse_date(text[span[0] : span[1]]) if span else None)
    return {"version": version.group(1), "date": found, "chars": _description(text, folded, cuts)}


def parse_row(text: str) -> dict[str, Any] | None:
    """{version, date, chars} of one row's block text, or None when it has no version."""
    return _row(text, None)


def _text_rows(item: Any) -> list[str] | None:
    """A plain-text log (one <pre>): each line that opens with a version and its date starts a row,
    the lines after it are its description (None unless the text holds two rows or more)."""
    pres = css(item, "pre")
    if len(pres) != 1:
        return None
    rows: list[list[str]] = []
    raw = etree.tostring(pres[0], method="text", encoding="unicode", with_tail=False)
    for line in _LINES.split(raw):
        if table().search(fold(norm(line)), "changelog", "rows"):
            rows.append([line])
        elif rows:
            rows[-1].append(line)
    return [norm(" ".join(lines)) for lines in rows] if len(rows) >= 2 else None


def changelog(page: Page) -> list[dict[str, Any]] | None:
    """Entries of the log section (None when the page has no such section)."""
    listing = page.listings.get("log")
    if listing is None:
        return None
    entries = []
    for item in listing.items:
        texts = _text_rows(item)
        if texts is not None:
            entries += [row for text in texts if (row := _row(text, None))]
        elif row := _row(block_text(item), listing.dates.get(item)):
            entries.append(row)
    page.found_by["changelog"] = "tab-body"
    return newest_first(entries)
