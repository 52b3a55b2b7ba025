"""Bytes → text, in the order SPEC §8 fixes: HTTP charset, <meta>, strict UTF-8, then cp1251.

The Marketplace served windows-1251 in 2017 and its XML feed still is (DOM.md §2); today's HTML may
be UTF-8. A declared charset is only trusted when the bytes actually decode with it.
"""

from __future__ import annotations

import codecs
import re

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)", re.IGNORECASE)
_ALIASES = {"win-1251": "cp1251", "x-cp1251": "cp1251", "cp-1251": "cp1251", "windows1251": "cp1251"}


def _codec(name: str | None) -> str | None:
    """A Python codec name for a declared charset, or None when unknown."""
    if not name:
        return None
    name = _ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header."""
    match = _HEADER_CHARSET.search(content_type or "")
    return _codec(match.group(1)) if match else None


def declared_charset(body: bytes) -> str | None:
    """The charset declared by <meta charset>, <meta http-equiv> or the XML prolog (first 4 KB)."""
    head = body[:4096]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            return _codec(match.group(1).decode("ascii", "replace"))
    return None


def decode_body(body: bytes | str, content_type: str | None = None) -> str:
    """Decode a page body; never raises (cp1251 with replacement is the last resort)."""
    if isinstance(body, str):
        return body
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8) :].decode("utf-8", "replace")
    for codec in (header_charset(content_type), declared_charset(body), "utf-8"):
        if codec:
            try:
                return body.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
    return body.decode("cp1251", "replace")
