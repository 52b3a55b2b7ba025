"""Parsing with parsel (lxml underneath) and the few tree helpers every extractor shares."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from parsel import Selector
from parsel.csstranslator import HTMLTranslator

from mpcheck.extract.rules import table
from mpcheck.extract.text import strip_controls

MAX_CHARS = 5_000_000  # bounded work even when a caller passes a huge body
_TRANSLATOR = HTMLTranslator()


def parse_html(text: str) -> Any:
    """The lxml root of an HTML text; never raises (an empty document on garbage)."""
    clean = strip_controls(text[:MAX_CHARS]).encode("utf-8", "replace").decode("utf-8")
    try:
        return Selector(text=clean or "<html></html>", type="html").root
    except Exception:  # lxml/parsel can refuse pathological input; an empty page is the honest answer
        return Selector(text="<html></html>", type="html").root


@lru_cache(maxsize=256)
def _xpath(css: str) -> etree.XPath:
    return etree.XPath(_TRANSLATOR.css_to_xpath(css))


def css(el: Any, selector: str) -> list[Any]:
    """Elements under (and including) `el` matching a CSS selector; [] for a selector lxml cannot run."""
    try:
        result = _xpath(selector)(el)
    except (etree.XPathError, ValueError, TypeError, Exception):  # cssselect raises its own errors
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
