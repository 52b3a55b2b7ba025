"""Bytes → text, in the order SPEC §8 fixes, after the byte-order evidence WHATWG puts first.

1. A byte-order mark (UTF-8, UTF-16LE, UTF-16BE) wins over every declaration, as in a browser.
2. A BOM-less UTF-16 page is recognised by its NUL bytes (ASCII markup with a zero half per unit).
3. The HTTP charset, then <meta> / the XML prolog, then strict UTF-8, then cp1251.

The Marketplace served windows-1251 in 2017 and its XML feed still is (DOM.md §2); today's HTML may
be UTF-8; a page saved by Internet Explorer as «Unicode» is UTF-16LE with a BOM. A declared charset
is only trusted when the bytes actually decode with it, and a declared UTF-16 never is: almost any
even-length bytes "decode" as UTF-16 into nonsense, and an ASCII-readable <meta> cannot be UTF-16
anyway (WHATWG reads a <meta> UTF-16 declaration as UTF-8). Only the bytes (steps 1-2) choose UTF-16.
"""

from __future__ import annotations

import codecs
import re

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)", re.IGNORECASE)
_ALIASES = {"win-1251": "cp1251", "x-cp1251": "cp1251", "cp-1251": "cp1251", "windows1251": "cp1251"}
# WHATWG's labels of UTF-16 («unicode» is what IE writes in the <meta> of a «Unicode» save).
_UTF16_LABELS = frozenset(
    {"utf-16", "utf-16le", "utf-16be", "unicode", "unicodefeff", "unicodefffe", "csunicode", "ucs-2"}
    | {"iso-10646-ucs-2"}
)
_UTF16_CODECS = frozenset({"utf-16", "utf-16-le", "utf-16-be"})
# Longest first: the UTF-8 BOM does not start with FF FE / FE FF, but keep the order explicit.
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Code units looked at by the NUL-pattern sniff: a page opens with ASCII markup («<!DOCTYPE», «<html»,
# IE's «<!-- saved from url»), so four UTF-16 units of it are ASCII with a zero high byte.
_SNIFF_UNITS = 4


def _codec(name: str | None) -> str | None:
    """A Python codec name for a declared charset, or None when unknown or a UTF-16 label."""
    if not name:
        return None
    name = _ALIASES.get(name.strip().lower(), name.strip().lower())
    if name in _UTF16_LABELS:
        return None
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return None if codec in _UTF16_CODECS else codec


def header_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header (None for UTF-16: the bytes decide that)."""
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


def bom_charset(body: bytes) -> tuple[str, int] | None:
    """(codec, BOM length) when the body starts with a byte-order mark."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return codec, len(bom)
    return None


def _ascii_units(pairs: bytes, zero_first: bool) -> bool:
    """True when every 2-byte unit is an ASCII character (1..7F) with a zero other half."""
    for at in range(0, len(pairs), 2):
        zero, char = (pairs[at], pairs[at + 1]) if zero_first else (pairs[at + 1], pairs[at])
        if zero != 0 or not 0 < char < 0x80:
            return False
    return True


def sniffed_utf16(body: bytes) -> str | None:
    """utf-16-le / utf-16-be for a BOM-less UTF-16 page, judged by its first code units' NUL bytes.

    No ASCII-compatible page has NULs at every other byte of its opening markup, so this never
    takes a UTF-8 or cp1251 page; a page opening with non-ASCII text is simply not sniffed.
    """
    head = body[: 2 * _SNIFF_UNITS]
    if len(head) < 2 * _SNIFF_UNITS:
        return None
    if _ascii_units(head, zero_first=False):
        return "utf-16-le"
    if _ascii_units(head, zero_first=True):
        return "utf-16-be"
    return None


def decode_body(body: bytes | str, content_type: str | None = None) -> str:
    """Decode a page body; never raises (cp1251 with replacement is the last resort)."""
    if isinstance(body, str):
        return body
    marked = bom_charset(body)
    if marked:
        codec, skip = marked
        return body[skip:].decode(codec, "replace")
    sniffed = sniffed_utf16(body)
    if sniffed:
        return body.decode(sniffed, "replace")
    for declared in (header_charset(content_type), declared_charset(body), "utf-8"):
        if declared:
            try:
                return body.decode(declared)
            except (UnicodeDecodeError, LookupError):
                continue
    return body.decode("cp1251", "replace")
