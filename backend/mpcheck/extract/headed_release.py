"""Releases announced under a heading of their own outside the log section: «<h2>Что нового в 5.2.0
(20.11.2026)</h2><ul>…</ul><h3>Как обновиться</h3>» (a vendor's release post whose older releases
stand under another title: blind solution_teletype_kedrsoft_bonus).

The heading names one release with its version and date (`changelog.release_heading`, group 1 the row
head that `changelog.rows` reads); its description is the blocks after it up to the next heading of any
level, a rule or a tab body: a sub-heading («Как обновиться») starts advice on the release, not its notes.
A heading inside a tab body is that tab's (the log listing reads its own rows); one in a side block or
the site's chrome (`scope.sidebar`, `scope.chrome`: «<aside><h3>Что нового в 24.0.0 (25.11.2026)</h3>»)
is another thing's news, and notes that name the platform or a requirement (`changelog.requirement`:
«В ядре Битрикс появился новый ORM») announce a core release, not the solution's. Returned as row texts
(«5.2.0 (20.11.2026) уровни клиентов …») for changelog.py to read like any row (TS headed_release.ts).
"""

from __future__ import annotations

from typing import Any

from mpcheck.extract.context import Page
from mpcheck.extract.dom import block_text, inline_text
from mpcheck.extract.label_table import Table, table
from mpcheck.extract.scope import in_block
from mpcheck.extract.text import fold, norm


def _blocks(heading: Any, page: Page) -> list[Any]:
    """The blocks after a heading up to the next heading, a rule or a tab body."""
    tags = table().heading_tags
    out = []
    node = heading.getnext()
    while node is not None:
        if isinstance(node.tag, str):
            if node.tag == "hr" or node in page.zones or any(d.tag in tags for d in node.iter()):
                break
            out.append(node)
        node = node.getnext()
    return out


def _aside(heading: Any, rules: Table) -> bool:
    """Whether the heading stands in a side block or the site's chrome (below <body>)."""
    return in_block(heading, rules, "sidebar") or in_block(heading, rules, "chrome")


def headed_rows(page: Page) -> list[str]:
    """Row texts of the releases headed by their own title outside every tab body (page order)."""
    rules = table()
    rows = []
    for el in page.root.iter(*sorted(rules.heading_tags)):
        if page.zone_of(el) is not None:
            continue
        m = rules.search(fold(inline_text(el)), "changelog", "release_heading")
        if m is None or rules.search(m.group(1), "changelog", "rows") is None or _aside(el, rules):
            continue
        text = norm(" ".join(block_text(b) for b in _blocks(el, page)))
        if text and rules.search(fold(text), "changelog", "requirement") is None:
            rows.append(f"{m.group(1)} {text}")
    return rows
