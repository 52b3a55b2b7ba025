"""Everything the solution-page extractors share for one document: tree, scope, tabs, zones, items, labels.

`build_page` applies the scope first (scope.py): chrome and blocks about other solutions leave the
prepared tree, so every field module that queries `root`, the label index, the tabs or the head text
reads only the solution's own content without knowing about scope at all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any, TypeVar

from mpcheck.extract.dom import absolute_url, ancestors, css, text_without
from mpcheck.extract.items import Listing, split_listing
from mpcheck.extract.labelled import LabelIndex
from mpcheck.extract.scope import Scope, apply_scope
from mpcheck.extract.tabs import Tabs, find_tabs
from mpcheck.extract.text import fold

LISTED_TABS = ("rating", "comments", "log")  # tabs made of repeated dated items
T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass
class Page:
    """One parsed solution page. `zones` maps each tab body to its tab name."""

    root: Any
    url: str | None
    tabs: Tabs
    zones: dict[Any, str]
    listings: dict[str, Listing]
    index: LabelIndex
    found_by: dict[str, str] = field(default_factory=dict)
    _head: str | None = None
    scope: Scope = field(default_factory=Scope)
    _vendor_texts: list[str] | None = None

    @property
    def own_code(self) -> str | None:
        """The page's own code as the scope found it (URL first, then canonical, «Код решения», selectors)."""
        return self.scope.code

    @cached_property
    def base(self) -> str | None:
        """What the page's relative links resolve against: its first <base href> (itself resolved
        against the URL; a saved page keeps the site's), else the URL."""
        found = css(self.root, "base[href]")
        return (absolute_url(found[0].get("href"), self.url) if found else None) or self.url

    @property
    def review_items(self) -> list[Any]:
        listing = self.listings.get("rating")
        return listing.items if listing else []

    def zone_of(self, el: Any) -> str | None:
        """The tab an element sits in (None for the page head / sidebar)."""
        for anc in ancestors(el):
            if anc in self.zones:
                return self.zones[anc]
        return None

    def outside(self, elements: list[Any], *allowed: str) -> list[Any]:
        """Elements that are outside every tab body except the `allowed` tabs."""
        return [el for el in elements if self.zone_of(el) in (None, *allowed)]

    def vendor_texts(self, vendor_zones: tuple[str, ...]) -> list[str]:
        """Folded text of each vendor tab body (`vendor_zones`, page order), its links' text left out:
        made once per page for every reader of bare addresses in it (links.text_labelled; TS
        `vendorTexts`). The zones are the same tuple on every call."""
        if self._vendor_texts is None:
            self._vendor_texts = [
                fold(text_without(body, css(body, "a")))
                for body, zone in self.zones.items()
                if zone in vendor_zones
            ]
        return self._vendor_texts

    def head_text(self) -> str:
        """Folded text of the page outside all tab bodies (header, buy block, props)."""
        if self._head is None:
            self._head = self.head_without([])
        return self._head

    def head_without(self, excluded: list[Any]) -> str:
        """The head text leaving out some more elements of it (a dialog about another offer, a link
        to a help page); the same as head_text when there are none."""
        if not excluded and self._head is not None:
            return self._head
        outer = [z for z in self.zones if not any(a in self.zones for a in ancestors(z.getparent()))]
        return fold(text_without(self.root, outer + excluded))

    def detach_items(self) -> None:
        """Take the repeated items out of the tree once they are read.

        Page-level fields never come from reviews, comments or changelog rows; without them every
        later selector query scans a few hundred elements instead of thousands on a long page.
        """
        for listing in self.listings.values():
            for item in listing.items:
                parent = item.getparent()
                if parent is not None:
                    parent.remove(item)

    def first(self, selector: str, *allowed: str) -> Any:
        """The first element matching a selector outside tab bodies (bar the allowed ones)."""
        found = self.outside(css(self.root, selector), *allowed)
        return found[0] if found else None


def _isolated(what: str, run: Callable[[], T], fallback: T) -> T:
    """One failing step (a page the scope or a tie trips over) never blanks the other fields."""
    try:
        return run()
    except Exception:  # logged, then the page is read without that step
        log.exception("page context: %s failed; reading the page without it", what)
        return fallback


def build_page(root: Any, url: str | None) -> Page:
    """Scope the tree, find the tabs and their items, then index label candidates outside those items.

    Each step is isolated: when the scope fails the whole tree is read, when one list fails to split
    that list stays unread (its items are unknown, not empty) and the other tabs are still read.
    """
    scope = _isolated("scope", lambda: apply_scope(root, url), Scope())
    tabs = _isolated("tabs", lambda: find_tabs(root), Tabs())
    zones = {body: name for name, body in tabs.bodies.items()}
    listings: dict[str, Listing] = {}
    for name in LISTED_TABS:
        body = tabs.bodies.get(name)
        if body is not None:
            listing: Listing | None = _isolated(f"{name} items", partial(split_listing, body, name), None)
            if listing is not None:
                listings[name] = listing
    items = {item for listing in listings.values() for item in listing.items}
    index = LabelIndex(root, zones, skip=items)
    return Page(root=root, url=url, tabs=tabs, zones=zones, listings=listings, index=index, scope=scope)
