"""«Что нового»: one entry per release row, newest first, with the description length in characters.

Rows are the dated blocks of the log tab (legacy `<tr><td><b>4.6.1</b> (24.11.2026)</td><td>…</td>`,
div lists, «Версия 1.0.3 от 30.08.2025»). `chars` is measured on block text (block boundaries become
spaces, runs collapse), on the description only, as fixtures/expected/README.md defines it.
"""

from __future__ import annotations

import re
from typing import Any

from mpcheck.extract.context import Page
from mpcheck.extract.dates import parse_date
from mpcheck.extract.feedback import newest_first
from mpcheck.extract.label_table import Table, table
from mpcheck.extract.text import block_text, fold, fold_normed

_LEAD = " —–-:.;,)"


def _rows(rules: Table) -> list[tuple[re.Pattern[str], int, int]]:
    """(regex, version group, date group) of every row form, paired once instead of per row."""
    entries = rules.entries("changelog", "rows")
    return [
        (p, e["version_group"], e["date_group"])
        for e, p in zip(entries, rules.rx("changelog", "rows"), strict=True)
    ]


def _parse_normed(text: str, folded: str) -> dict[str, Any] | None:
    """`parse_row` given the text and its `fold` (offsets in `folded` are offsets in `text`)."""
    rules = table()
    for pattern, version_group, date_group in rules.memo("changelog:rows", _rows):
        m = pattern.match(folded)
        if m:
            date = parse_date(m.group(date_group))
            description = text[m.end() :].lstrip(_LEAD).strip()
            return {"version": m.group(version_group), "date": date, "chars": len(description)}
    m = rules.search(folded, "changelog", "version_only")
    if not m:
        return None
    description = text[m.end() :].lstrip(_LEAD).strip()
    return {"version": m.group(1), "date": None, "chars": len(description)}


def parse_row(text: str) -> dict[str, Any] | None:
    """{version, date, chars} of one row's block text, or None when it has no version."""
    return _parse_normed(text, fold(text))


def _item_row(item: Any) -> dict[str, Any] | None:
    text = block_text(item)  # normalised already: only the ё fold is left to do
    return _parse_normed(text, fold_normed(text))


def changelog(page: Page) -> list[dict[str, Any]] | None:
    """Entries of the log tab (None when the page has no such tab)."""
    listing = page.listings.get("log")
    if listing is None:
        return None
    entries = [row for row in map(_item_row, listing.items) if row]
    page.found_by["changelog"] = "tab-body"
    return newest_first(entries)
