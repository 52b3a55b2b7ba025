"""Text normalisation and text of element subtrees (DOM.md §10.1).

`norm` maps NBSP-like spaces to plain spaces and collapses runs; `fold` additionally turns `ё` into
`е` and is used ONLY for matching, never for values shown to the user. `block_text` puts a space at
every block boundary (what `changelog.chars` is measured on); `inline_text` behaves like
`textContent` (no separators) but skips script/style.
"""

from __future__ import annotations

import re
from typing import Any

from mpcheck.extract.rules import table

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007\u200b]+")
_FOLD = str.maketrans({"ё": "е", "Ё": "Е"})
# C0 controls (except tab/newline/CR) and NUL break lxml and mean nothing on a page.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def norm(text: str | None) -> str:
    """Collapse every kind of whitespace (NBSP, U+202F, U+2009 …) into single spaces and trim."""
    if not text:
        return ""
    return _SPACES.sub(" ", text).strip()


def fold(text: str | None) -> str:
    """`norm` plus ё→е: the form every shared regex is matched against (same length as `norm`)."""
    return norm(text).translate(_FOLD)


def strip_controls(text: str) -> str:
    """Remove control characters that are never page text (and that lxml rejects)."""
    return _CONTROL.sub("", text)


def own_text(el: Any) -> str:
    """The element's direct text nodes only (its text plus its children's tails)."""
    parts = [el.text or ""]
    parts.extend(child.tail or "" for child in el)
    return "".join(parts)


def _walk(el: Any, block: bool, exclude: frozenset[Any] = frozenset()) -> str:
    """Iterative text walk (deeply nested hostile HTML must not hit the recursion limit)."""
    rules = table()
    skip, blocks = rules.skip_tags, rules.block_tags
    out: list[str] = []
    stack: list[tuple[Any, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag
        if closing:
            if block and tag in blocks:
                out.append(" ")
            if node is not el and node.tail:
                out.append(node.tail)
            continue
        if not isinstance(tag, str) or (node is not el and (tag in skip or node in exclude)):
            if node is not el and node.tail:
                out.append(node.tail)
            continue
        if block and tag in blocks:
            out.append(" ")
        if node.text:
            out.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return "".join(out)


def inline_text(el: Any) -> str:
    """Normalised text of a subtree like `textContent` (script/style skipped)."""
    return norm(_walk(el, block=False))


def block_text(el: Any, exclude: frozenset[Any] = frozenset()) -> str:
    """Normalised text of a subtree with a space at every block boundary (<br>, <p>, <li>, cells …).

    Subtrees rooted at an element of `exclude` are left out (their tails are kept).
    """
    return norm(_walk(el, block=True, exclude=exclude))
