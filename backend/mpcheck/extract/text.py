"""Text normalisation (DOM.md §10.1); the text of element subtrees is read by dom.py.

`norm` maps NBSP-like spaces to plain spaces and collapses runs; `fold` additionally turns `ё` into
`е` and is used ONLY for matching, never for values shown to the user.
"""

from __future__ import annotations

import re

_ZERO_WIDTH = "\u200b"
_FOLD = str.maketrans({"ё": "е", "Ё": "Е"})
# C0 controls (except tab/newline/CR) and NUL break lxml and mean nothing on a page.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# the BMP's private-use area: icon-font glyphs (SAP-icons, Fluent UI's MDL2 assets, Font Awesome), no words
PRIVATE_USE = ("\ue000", "\uf8ff")


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
    return _fold_normed(norm(text))


def _fold_normed(text: str) -> str:
    """`fold` of a text that is already `norm`ed (norm is idempotent): skips the split/join pass."""
    return text.translate(_FOLD) if ("ё" in text or "Ё" in text) else text


def without_icons(text: str) -> str:
    """The text without icon-font glyphs (private-use characters: «&#xE735;», the star a Fluent UI
    rating draws ten times): they are pictures, no words of a label's value or a price (TS
    `withoutIcons`)."""
    first, last = PRIVATE_USE
    if not any(first <= ch <= last for ch in text):
        return text
    return "".join(ch for ch in text if not first <= ch <= last)


def strip_controls(text: str) -> str:
    """Remove control characters that are never page text (and that lxml rejects)."""
    return _CONTROL.sub("", text)
