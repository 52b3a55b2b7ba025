"""Developers' rating list `/partners/` → `mpcheck.partners_rating/1` (DOM.md §5).

Confirmed hooks (E6): 25 per page, `PAGEN_1` paging, the pager text «… 1 - 25 из N» after
`<a name="nav_start">`, and per row a `.text` element holding `<a name="<ID>">`. Position is the
«Место» cell when the table has one, else (page − 1) · 25 + row index.
"""

from __future__ import annotations

import logging
from typing import Any

from mpcheck.extract import values
from mpcheck.extract.dom import ancestors, block_text, css, inline_text, parse_html
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold

log = logging.getLogger(__name__)
SCHEMA = "mpcheck.partners_rating/1"


def page_numbers(root: Any, url: str | None) -> tuple[int, int | None]:
    """(current page, last page) from the URL's PAGEN_1 / the pager's current page and page links."""
    rules = table()
    current = None
    m = rules.search(url or "", "pager", "param")
    if m:
        current = int(m.group(2))
    numbers = []
    for el in css(root, ".navigation-pages a, .navigation-pages span, a[href*='PAGEN_']"):
        n = inline_text(el)
        if n.isdigit():
            numbers.append(int(n))
            if current is None and "nav-current" in (el.get("class") or ""):
                current = int(n)
        pm = rules.search(el.get("href") or "", "pager", "param")
        if pm:
            numbers.append(int(pm.group(2)))
    current = current or 1
    return current, max([*numbers, current]) if numbers else None


def _column(root: Any, path: tuple[str, ...]) -> int | None:
    for i, th in enumerate(css(root, "thead th, tr:first-child th")):
        if table().search(fold(inline_text(th)), *path):
            return i
    return None


def _extract(html_text: str, url: str | None) -> dict[str, Any]:
    rules = table()
    root = parse_html(html_text)
    page, last = page_numbers(root, url)
    per_page = int(rules.data["rating_list"]["per_page"])
    m = rules.search(fold(block_text(root)), "pager", "range")
    place_col = _column(root, ("rating_list", "place_header"))
    count_col = _column(root, ("rating_list", "solutions_header"))
    rows: list[dict[str, Any]] = []
    for anchor in css(root, rules.entries("rating_list", "row_anchor")[0]["css"]):
        if not (anchor.get("name") or "").isdigit():
            continue
        row = next((a for a in ancestors(anchor) if a.tag == "tr"), anchor.getparent())
        cells = [c for c in row if c.tag in ("td", "th")] if row.tag == "tr" else []
        link = css(row, "a[href*='detail.php?ID=']")
        position = (
            values.integer(inline_text(cells[place_col]))
            if place_col is not None and place_col < len(cells)
            else None
        )
        status = rules.search(fold(inline_text(row)), "partner_page", "status")
        rows.append(
            {
                "position": position if position is not None else (page - 1) * per_page + len(rows) + 1,
                "id": int(anchor.get("name") or 0),
                "name": inline_text(link[0]) if link else inline_text(anchor.getparent()) or None,
                "status": inline_text(row)[status.start() : status.end()] if status else None,
                "solutions": values.integer(inline_text(cells[count_col]))
                if count_col is not None and count_col < len(cells)
                else None,
            }
        )
    base = rules.data["urls"]["base"]
    return {
        "schema": SCHEMA,
        "url": url or (f"{base}/partners/" if page == 1 else f"{base}/partners/index.php?PAGEN_1={page}"),
        "total": int(m.group(3)) if m else None,
        "page": page,
        "per_page": per_page,
        "last_page": last,
        "rows": rows,
    }


def extract_rating_list(html: str, url: str | None = None) -> dict[str, Any]:
    """Rating list rows with positions across pages; never raises."""
    try:
        return _extract(html if isinstance(html, str) else "", url)
    except Exception:
        log.exception("rating list extraction failed for %s", url)
        return {
            "schema": SCHEMA,
            "url": url,
            "total": None,
            "page": None,
            "per_page": 25,
            "last_page": None,
            "rows": [],
        }
