"""Parsing with parsel (lxml underneath) and the few tree helpers every extractor shares."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from parsel.csstranslator import HTMLTranslator
from parsel.selector import create_root_node

from mpcheck.extract.label_table import table

MAX_CHARS = 5_000_000  # bounded work even when a caller passes a huge body
_TRANSLATOR = HTMLTranslator()


JSONLD_ATTR = "data-mpcheck-jsonld"  # JSON-LD texts are kept on the root: scripts are removed from the tree
_DROP = ("script", "style", "noscript", "template")


def _prepare(root: Any) -> Any:
    """Keep JSON-LD aside, drop script/style (never page text), mark block boundaries with spaces.

    After this, `"".join(el.itertext())` is the block text of any element (fixtures/expected/README.md:
    every block boundary is a space, inline tags add nothing), computed by lxml in C.
    """
    jsonld = [
        s.text or "" for s in root.iter("script") if (s.get("type") or "").strip() == "application/ld+json"
    ]
    etree.strip_elements(root, *_DROP, with_tail=False)
    if jsonld:
        root.set(JSONLD_ATTR, "\x1e".join(jsonld))
    for el in root.iter(*table().block_tags):
        el.text = " " + (el.text or "")
        el.tail = " " + (el.tail or "")
    return root


# ASCII controls (bar tab/LF/CR) never occur inside a multi-byte UTF-8 sequence, so deleting them
# from the encoded bytes equals `strip_controls` on the text, but runs as one C pass (bytes.translate)
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _body_bytes(text: str) -> bytes:
    """The bytes parsel's `create_root_node` would hand lxml, built with one encode instead of three
    passes: controls and NUL gone, lone surrogates as '?', trimmed like `str.strip()`."""
    raw = text[:MAX_CHARS].encode("utf-8", "replace").translate(None, _CONTROL_BYTES)
    if not raw:
        return b"<html></html>"
    body = raw.strip()  # ASCII whitespace; a non-ASCII end may be NBSP & co, which str.strip() trims too
    if body[:1] >= b"\x80" or body[-1:] >= b"\x80":
        body = body.decode("utf-8").strip().encode("utf-8")
    return body or b"<html/>"


def parse_html(text: str) -> Any:
    """The prepared lxml root of an HTML text (parsel's root builder semantics, plain etree elements);
    never raises."""
    try:
        parser = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)
        root = etree.fromstring(_body_bytes(text), parser=parser)
        if root is None:
            root = etree.fromstring(b"<html/>", parser=parser)
        return _prepare(root)
    except Exception:  # lxml can refuse pathological input; an empty page is the honest answer
        return create_root_node("<html></html>", etree.HTMLParser)


@lru_cache(maxsize=256)
def _xpath(css: str) -> etree.XPath:
    return etree.XPath(_TRANSLATOR.css_to_xpath(css))


def css(el: Any, selector: str) -> list[Any]:
    """Elements under (and including) `el` matching a CSS selector; [] for a selector lxml cannot run."""
    try:
        result = _xpath(selector)(el)
    except Exception:  # cssselect and lxml raise several error types for selectors they cannot run
        return []
    return [r for r in result if isinstance(getattr(r, "tag", None), str)] if isinstance(result, list) else []


def iter_elements(root: Any) -> Iterator[Any]:
    """Elements in document order, skipping script/style/option/button… subtrees and comments."""
    skip = table().skip_tags
    stack = [root]
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str) or tag in skip:
            continue
        yield el
        stack.extend(reversed(el))


def ancestors(el: Any) -> Iterator[Any]:
    """The element itself and its ancestors up to the root."""
    while el is not None:
        yield el
        el = el.getparent()


def next_element(el: Any) -> Any:
    """The next sibling that is an element (comments skipped)."""
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    return nxt


def absolute_url(href: str | None, base: str | None) -> str | None:
    """An absolute http(s) URL for a link, or None (javascript:, mailto:, garbage)."""
    if not href:
        return None
    href = href.strip()
    try:
        full = urljoin(base or table().data["urls"]["base"] + "/", href)
        parts = urlsplit(full)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return full
