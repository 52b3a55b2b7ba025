"""What reviews (reviews.py) and comments (comments.py) share: stated totals, marks, order.

Conventions (fixtures/expected/README.md): `total` is the number the page states (tab label, summary,
pager «из N»); items are newest first. Every selector runs once per tab body, not once per item.
"""

from __future__ import annotations

from typing import Any, TypeVar

from mpcheck.extract.context import Page
from mpcheck.extract.items import Listing, item_of
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, text_without

MAX_TITLE_CHARS = 120  # answer titles and badges are short; long review texts are not scanned
T = TypeVar("T", bound=dict[str, Any])


def _count(texts: list[str], kind: str) -> int | None:
    """The first stated count in the given texts (summary/pager, then the head)."""
    rules = table()
    for text in texts:
        if rules.search(text, kind, "none"):
            return 0
        m = rules.search(text, kind, "count")
        if m:
            return int(m.group(1))
    return None


def _tab_count(page: Page, tab: str) -> int | None:
    m = table().search(fold(page.tabs.labels.get(tab, "")), "tab_count")
    return int(m.group(1)) if m else None


def has_pager(body: Any) -> bool:
    """Whether a tab body links to further pages of its list (Bitrix `PAGEN_n`)."""
    return any("PAGEN_" in (a.get("href") or "") for a in body.iter("a"))


def marks(listing: Listing, path: tuple[str, ...]) -> dict[Any, list[Any]]:
    """Item → elements whose own text matches a regex list (answer titles, developer badges)."""
    found: dict[Any, list[Any]] = {}
    matches = table().any_search(path)  # every regex of the list in one scan
    for el, own in listing.owns:
        if len(own) <= MAX_TITLE_CHARS and matches(fold(own)):
            item = item_of(listing, el)
            if item is not None:
                found.setdefault(item, []).append(el)
    return found


def stated(page: Page, tab: str, kind: str, listing: Listing | None, head: bool) -> int | None:
    """The stated total: tab label, else the body outside the items (and, if `head`, the page head)."""
    total = _tab_count(page, tab)
    if total is None and listing is not None:
        texts = [fold(text_without(listing.body, listing.items))] + ([page.head_text()] if head else [])
        total = _count(texts, kind)
    return total


def newest_first(items: list[T]) -> list[T]:
    """Sorted by date, newest first; equal dates keep page order (a stable sort)."""
    items.sort(key=lambda r: r["date"] or "", reverse=True)
    return items
