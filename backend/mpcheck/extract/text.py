"""Text normalisation and text of element subtrees (DOM.md §10.1).

`norm` maps NBSP-like spaces to plain spaces and collapses runs; `fold` additionally turns `ё` into
`е` and is used ONLY for matching, never for values shown to the user. `inline_text` (alias
`block_text`) is the text of a subtree with a space at every block boundary — what
`changelog.chars` is measured on.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

_ZERO_WIDTH = "\u200b"
_FOLD = str.maketrans({"ё": "е", "Ё": "Е"})
# C0 controls (except tab/newline/CR) and NUL break lxml and mean nothing on a page.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def norm(text: str | None) -> str:
    """Collapse every kind of whitespace (NBSP, U+202F, U+2009 …) into single spaces and trim.

    `str.split()` splits on all Unicode whitespace (NBSP and the narrow/thin spaces included).
    """
    if not text:
        return ""
    if _ZERO_WIDTH in text:
        text = text.replace(_ZERO_WIDTH, " ")
    return " ".join(text.split())


def fold(text: str | None) -> str:
    """`norm` plus ё→е: the form every shared regex is matched against (same length as `norm`)."""
    return fold_normed(norm(text))


def fold_normed(text: str) -> str:
    """`fold` of a text that is already `norm`ed (norm is idempotent): skips the split/join pass."""
    return text.translate(_FOLD) if ("ё" in text or "Ё" in text) else text


def strip_controls(text: str) -> str:
    """Remove control characters that are never page text (and that lxml rejects)."""
    return _CONTROL.sub("", text)


def own_text(el: Any) -> str:
    """The element's direct text nodes only (its text plus its children's tails)."""
    parts = [el.text or ""]
    parts.extend(child.tail or "" for child in el)
    return "".join(parts)


def inline_text(el: Any) -> str:
    """Normalised text of a subtree (the tree is prepared by `dom.parse_html`: block boundaries are
    already spaces and script/style are gone, so this is the README's block text).

    libxml2's text serialisation concatenates the same text nodes as `"".join(el.itertext())` (comment
    and PI content excluded, their tails included) in one C call: ~5x faster per element.
    """
    return norm(etree.tostring(el, method="text", encoding="unicode", with_tail=False))


block_text = inline_text


def text_without(root: Any, excluded: list[Any]) -> str:
    """Text of `root` leaving out the `excluded` subtrees (swapped for empty placeholders meanwhile)."""
    swaps = []
    for el in excluded:
        parent = el.getparent()
        if parent is None or el is root:
            continue
        holder = etree.Element("span")
        holder.tail = el.tail
        parent.replace(el, holder)
        swaps.append((parent, el, holder))
    try:
        return inline_text(root)
    finally:
        for parent, el, holder in reversed(swaps):
            tail = holder.tail
            parent.replace(holder, el)
            el.tail = tail
