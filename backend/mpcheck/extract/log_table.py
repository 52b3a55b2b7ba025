"""A release table with no section title: its own column header names it the log.

A post or an article may retell the solution's «Что нового» as a bare table under a sentence
(«Последние пять релизов со вкладки «Что нового» (…):», too long to be a title) whose header row is
«Версия | Дата | Что изменилось». Such a table is the log section when the page has none: its first
header cell names the version column (`changelog.column_version`), a later one the date column
(`changelog.column_date`), and a third one names what changed (`changelog.column_changes`: «Что
изменилось», «Изменения», «Описание»; a «Версия | Дата | Совместимость» table of tested platform builds
is no log). tabs.find_tabs takes none inside the reviews or comments section and still asks
the table's text to fit the log (dated versions) before it takes it (TS `log_table.ts`).
"""

from __future__ import annotations

from typing import Any

from mpcheck.extract.dom import child_elements, css, inline_text
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, norm

MIN_COLUMNS = 3  # version, date and what changed: a two-column «Версия | Дата» list says nothing new


def _own_rows(tb: Any) -> list[Any]:
    """The table's rows, not those of a table nested in one of its cells."""
    return [tr for tr in css(tb, "tr") if next(tr.iterancestors("table"), None) is tb]


def _head_cells(tb: Any) -> list[Any]:
    """The cells of the table's column header row: its first row, when it sits in a thead or holds
    header cells only; [] otherwise."""
    rows = _own_rows(tb)
    if not rows:
        return []
    cells = [c for c in child_elements(rows[0]) if c.tag in ("th", "td")]
    in_head = rows[0].getparent() is not None and rows[0].getparent().tag == "thead"
    return cells if in_head or (cells and all(c.tag == "th" for c in cells)) else []


def is_release_table(tb: Any) -> bool:
    """Whether a table's column header is a release log's: «Версия | Дата | Что изменилось»."""
    heads = [fold(norm(inline_text(c))) for c in _head_cells(tb)]
    rules = table()
    return (
        len(heads) >= MIN_COLUMNS
        and rules.search(heads[0], "changelog", "column_version") is not None
        and any(rules.search(h, "changelog", "column_date") is not None for h in heads[1:])
        and any(rules.search(h, "changelog", "column_changes") is not None for h in heads[1:])
    )


def release_tables(root: Any) -> list[Any]:
    """The tables of the page whose column header is a release log's, in document order."""
    return [tb for tb in root.iter("table") if is_release_table(tb)]
