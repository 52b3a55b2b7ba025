"""Partner page `/partners/detail.php?ID=<n>` → `mpcheck.partner/1` (DOM.md §5; layout guessed).

`specialization` (software | agency | null) weighs what the page says the company does against how
much of its work is Marketplace solutions (see labels.json partner_page.specialization.comment):
each software / agency wording regex that matches the page text counts 1; a Marketplace catalogue of
>= 10 solutions adds 2 to software, >= 5 adds 1, <= 2 adds 1 to agency. A side wins only by a margin
of at least 1; otherwise null (no guess).
"""

from __future__ import annotations

import logging
from typing import Any

from mpcheck.extract import values
from mpcheck.extract.dom import absolute_url, block_text, css, inline_text, parse_html
from mpcheck.extract.label_table import table
from mpcheck.extract.labelled import LabelIndex
from mpcheck.extract.text import fold

log = logging.getLogger(__name__)
SCHEMA = "mpcheck.partner/1"


def _solution_codes(root: Any) -> list[str]:
    rules = table()
    cards = [c for sel in rules.entries("partner_page", "solution_cards") for c in css(root, sel["css"])]
    anchors = [a for c in cards for a in css(c, "a[href]")] or css(root, "a[href*='/solutions/']")
    codes: list[str] = []
    for a in anchors:
        href = a.get("href") or ""
        m = rules.search(href, "urls", "solution_path")
        if m and not rules.search(href, "urls", "bitrix24_app") and m.group(1).lower() not in codes:
            codes.append(m.group(1).lower())
    return codes


def _partner_id(root: Any, url: str | None) -> int | None:
    """ID= of the URL (a stray «.php» may follow, E12), else a data-partner-id attribute."""
    m = table().search(url or "", "urls", "partner_id")
    if m:
        return int(m.group(1))
    for el in css(root, "[data-partner-id]"):
        value = (el.get("data-partner-id") or "").strip()
        if value.isdigit():
            return int(value)
    return None


def specialization(text: str, solutions_count: int | None) -> str | None:
    """software | agency | None from the page wording and the size of its Marketplace catalogue."""
    rules = table()
    software = sum(1 for p in rules.rx("partner_page", "specialization", "software") if p.search(text))
    agency = sum(1 for p in rules.rx("partner_page", "specialization", "agency") if p.search(text))
    if solutions_count is not None:
        software += 2 if solutions_count >= 10 else 1 if solutions_count >= 5 else 0
        agency += 1 if solutions_count <= 2 else 0
    if software >= agency + 1:
        return "software"
    if agency >= software + 1:
        return "agency"
    return None


def _extract(html_text: str, url: str | None) -> dict[str, Any]:
    rules = table()
    root = parse_html(html_text)
    index = LabelIndex(root)

    def label(name: str) -> str | None:
        hit = index.find(f"partner_page/labels/{name}")
        return hit.text if hit else None

    pid = _partner_id(root, url)
    h1 = css(root, "h1")
    text = fold(block_text(root))
    status = label("status")
    m = rules.search(fold(status) if status else text, "partner_page", "status")
    site_el = next(
        (el for sel in rules.entries("partner_page", "site_selectors") for el in css(root, sel["css"])), None
    )
    codes = _solution_codes(root)
    count = values.integer(label("solutions_count"))
    since = values.integer(label("since"))
    return {
        "schema": SCHEMA,
        "url": f"{rules.data['urls']['base']}/partners/detail.php?ID={pid}" if pid is not None else url,
        "id": pid,
        "name": inline_text(h1[0]) if h1 else None,
        "status": status if status and m else text[m.start() : m.end()] if m else None,
        "rating_position": values.integer(label("rating_position")),
        "solutions": codes,
        "solutions_count": count if count is not None else (len(codes) or None),
        "site": absolute_url(site_el.get("href"), url) if site_el is not None else None,
        "on_marketplace_since": since if since and 1990 < since < 2100 else None,
        "bitrix24_apps_excluded": [
            m2.group(1)
            for a in css(root, "a[href]")
            if (m2 := rules.search(a.get("href") or "", "urls", "bitrix24_app"))
        ],
        "specialization": specialization(text, count if count is not None else len(codes)),
    }


def extract_partner(html: str, url: str | None = None) -> dict[str, Any]:
    """Partner facts; never raises (nulls instead)."""
    try:
        return _extract(html if isinstance(html, str) else "", url)
    except Exception:
        log.exception("partner extraction failed for %s", url)
        return {
            "schema": SCHEMA,
            "url": url,
            "id": None,
            "name": None,
            "status": None,
            "rating_position": None,
            "solutions": [],
            "solutions_count": None,
            "site": None,
            "on_marketplace_since": None,
            "bitrix24_apps_excluded": [],
            "specialization": None,
        }
