"""«Что нового»: one entry per release row, newest first, with the description length in characters.

Rows are the dated blocks of the log tab (legacy `<tr><td><b>4.6.1</b> (24.11.2026)</td><td>…</td>`,
div lists, «Версия 1.0.3 от 30.08.2025»). `chars` is measured on block text (block boundaries become
spaces, runs collapse), on the description only, as fixtures/expected/README.md defines it.
"""

from __future__ import annotations

from typing import Any

from mpcheck.extract.context import Page
from mpcheck.extract.dates import parse_date
from mpcheck.extract.rules import table
from mpcheck.extract.text import block_text, fold

_LEAD = " —–-:.;,)"


def parse_row(text: str) -> dict[str, Any] | None:
    """{version, date, chars} of one row's block text, or None when it has no version."""
    rules = table()
    folded = fold(text)
    for entry, pattern in zip(rules.entries("changelog", "rows"), rules.rx("changelog", "rows"), strict=True):
        m = pattern.match(folded)
        if m:
            date = parse_date(m.group(entry["date_group"]))
            description = text[m.end() :].lstrip(_LEAD).strip()
            return {"version": m.group(entry["version_group"]), "date": date, "chars": len(description)}
    m = rules.search(folded, "changelog", "version_only")
    if not m:
        return None
    description = text[m.end() :].lstrip(_LEAD).strip()
    return {"version": m.group(1), "date": None, "chars": len(description)}


def changelog(page: Page) -> list[dict[str, Any]] | None:
    """Entries of the log tab (None when the page has no such tab)."""
    listing = page.listings.get("log")
    if listing is None:
        return None
    entries = [row for row in (parse_row(block_text(item)) for item in listing.items) if row]
    page.found_by["changelog"] = "tab-body"
    entries.sort(key=lambda e: e["date"] or "", reverse=True)
    return entries


def from_rows(rows: list[Any]) -> list[dict[str, Any]]:
    """Entries from arbitrary row elements (used by tests and the feed's HTML descriptions)."""
    return [row for row in (parse_row(block_text(r)) for r in rows) if row]
