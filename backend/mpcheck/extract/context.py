"""Everything the solution-page extractors share for one document: tree, tabs, zones, label index."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mpcheck.extract.dom import ancestors, css
from mpcheck.extract.labelled import LabelIndex
from mpcheck.extract.tabs import Tabs, find_tabs
from mpcheck.extract.text import block_text, fold


@dataclass
class Page:
    """One parsed solution page. `zones` maps each tab body to its tab name."""

    root: Any
    url: str | None
    tabs: Tabs
    zones: dict[Any, str]
    index: LabelIndex
    found_by: dict[str, str] = field(default_factory=dict)
    review_items: list[Any] = field(default_factory=list)
    _head: str | None = None

    def zone_of(self, el: Any) -> str | None:
        """The tab an element sits in (None for the page head / sidebar)."""
        for anc in ancestors(el):
            if anc in self.zones:
                return self.zones[anc]
        return None

    def outside(self, elements: list[Any], *allowed: str) -> list[Any]:
        """Elements that are outside every tab body except the `allowed` tabs."""
        return [el for el in elements if self.zone_of(el) in (None, *allowed)]

    def head_text(self) -> str:
        """Folded block text of the page outside all tab bodies (header, buy block, props)."""
        if self._head is None:
            self._head = fold(block_text(self.root, exclude=frozenset(self.zones)))
        return self._head

    def first(self, selector: str, *allowed: str) -> Any:
        """The first element matching a selector outside tab bodies (bar the allowed ones)."""
        found = self.outside(css(self.root, selector), *allowed)
        return found[0] if found else None


def build_page(root: Any, url: str | None) -> Page:
    """Find the tabs, mark their bodies as zones, index the label candidates."""
    tabs = find_tabs(root)
    zones = {body: name for name, body in tabs.bodies.items()}
    return Page(root=root, url=url, tabs=tabs, zones=zones, index=LabelIndex(root, zones))
