"""Field-by-label lookup (DOM.md §10.2): find the label's element, read the value next to it.

The label element is the smallest one whose OWN text (its direct text nodes) matches
`^LABEL(:| |$)(rest)`. The value comes from the first non-empty source: the rest of the element's
text, dt→dd / th,td→next cell, the text right after the label element, its next element sibling,
its parent's next element sibling. Zones (tab bodies holding reviews, comments, changelog, support,
description) are excluded for page-level fields so a review saying «версия 3.4.1» never becomes the
solution's version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mpcheck.extract.dom import next_element
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, inline_text, norm, own_text

MAX_LABEL_CHARS = 160  # a label element's own text is short; long paragraphs are prose, not labels
_CELLS = {"td", "th"}


@dataclass
class Hit:
    """A found label: where it is, the value text, and the element holding the value (for links, <s>)."""

    label: Any
    text: str
    value_el: Any
    source: str


class LabelIndex:
    """Label candidates of one document, built once, queried per field."""

    def __init__(self, root: Any, zones: dict[Any, str] | None = None, skip: set[Any] | None = None) -> None:
        self.zones = zones or {}
        rules = table()
        prefilter = rules.all_label_prefilter()
        skip_tags, skip_els = rules.skip_tags, skip or set()
        self.candidates: list[tuple[Any, str, str | None]] = []
        # explicit stack: repeated items (reviews, comments, changelog rows) are never visited, which
        # keeps a long page cheap and keeps labels out of user-written text
        stack: list[tuple[Any, str | None]] = [(root, None)]
        while stack:
            el, zone = stack.pop()
            tag = el.tag
            if not isinstance(tag, str) or tag in skip_tags or el in skip_els:
                continue
            zone = self.zones.get(el, zone)
            text = el.text
            if not text or text.isspace():  # the label may follow an icon: <div><i></i>Цена: …</div>
                text = next((c.tail for c in el if c.tail and not c.tail.isspace()), None)
            if text:
                own = fold(own_text(el))
                if len(own) <= MAX_LABEL_CHARS and prefilter.match(own):
                    self.candidates.append((el, own, zone))
            stack.extend((child, zone) for child in reversed(el))

    def find(
        self,
        field: str,
        *,
        zones: tuple[str | None, ...] = (None,),
        accept: Callable[[Any], bool] | None = None,
        valid: Callable[[str], bool] | None = None,
    ) -> Hit | None:
        """The first label hit (document order) within the allowed zones, with its value.

        `field` is a field name of labels.json or a slash path to another label list
        (`partner_page/labels/status`); `valid` rejects hits whose value does not parse.
        """
        patterns = table().label_rx(*field.split("/"))
        for el, own, zone in self.candidates:
            if zone not in zones:
                continue
            for pattern in patterns:
                if pattern.match(own) and (accept is None or accept(el)):
                    hit = _value(el, pattern)
                    if hit is not None and (valid is None or valid(hit.text)):
                        return hit
                    break  # e.g. «Версия ядра: 20.0» is not the solution's version: try the next label
        return None


def _value(el: Any, pattern: Any) -> Hit | None:
    """Read the value next to a label element from the first non-empty source (§10.2 order)."""
    full = inline_text(el)
    m = pattern.match(fold(full))
    rest = norm(full[m.start(1) :]) if m else ""
    if rest:
        return Hit(el, rest, el, "rest")
    cell = el if el.tag in _CELLS or el.tag == "dt" else None
    parent = el.getparent()
    if (
        cell is None
        and parent is not None
        and parent.tag in _CELLS | {"dt"}
        and fold(inline_text(parent)) == fold(full)
    ):
        cell = parent
    if cell is not None:
        nxt = next_element(cell)
        want = {"dd"} if cell.tag == "dt" else _CELLS
        if nxt is not None and nxt.tag in want:
            text = inline_text(nxt)
            return Hit(el, text, nxt, "pair") if text else None
    tail = norm(el.tail)
    if tail:
        return Hit(el, tail, parent, "tail")
    nxt = next_element(el)
    if nxt is not None:
        text = inline_text(nxt)
        if text:
            return Hit(el, text, nxt, "next")
    if parent is not None:
        pnext = next_element(parent)
        if pnext is not None:
            text = inline_text(pnext)
            if text:
                return Hit(el, text, pnext, "parent-next")
    return None
