"""Bytes → text: a BOM, BOM-less UTF-16, HTTP charset, <meta>, strict UTF-8, then cp1251 (SPEC §8)."""

from __future__ import annotations

import codecs

from mpcheck.extract import extract_page
from mpcheck.extract.decode import declared_charset, decode_body, header_charset, sniffed_utf16
from mpcheck.extract.text import fold, norm

from .helpers import FIXTURES

TEXT = "Цена: 12 990 руб. — ёжик"


def test_header_charset_wins_when_bytes_decode() -> None:
    body = f"<html><head><meta charset='utf-8'></head><body>{TEXT}</body></html>".encode("cp1251")
    assert TEXT in decode_body(body, "text/html; charset=windows-1251")


def test_wrong_header_falls_back_to_meta_then_utf8_then_cp1251() -> None:
    body = f"<meta charset='windows-1251'><p>{TEXT}</p>".encode("cp1251")
    assert TEXT in decode_body(body, "text/html; charset=utf-8")  # header lies, meta is right
    assert TEXT in decode_body(f"<p>{TEXT}</p>".encode(), None)  # no declaration: strict UTF-8
    assert TEXT in decode_body(f"<p>{TEXT}</p>".encode("cp1251"), None)  # not UTF-8: cp1251


def test_http_equiv_meta_and_aliases() -> None:
    body = b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    assert declared_charset(body) == "cp1251"
    assert header_charset('text/html; charset="WIN-1251"') == "cp1251"
    assert header_charset("text/html; charset=bogus-42") is None
    assert header_charset(None) is None


def test_bom_and_str_passthrough() -> None:
    assert decode_body("уже текст") == "уже текст"
    assert decode_body(b"\xef\xbb\xbf" + "привет".encode()) == "привет"


def test_cp1251_fixture_decodes_from_meta() -> None:
    facts = extract_page(
        (FIXTURES / "solution_changelog_tab_legacy_cp1251.html").read_bytes(), content_type="text/html"
    )
    assert facts["name"] == "Импорт каталога из Excel и CSV"
    assert facts["partner"]["name"] == "ТехноСтар"


def test_cp1251_page_without_any_declaration() -> None:
    raw = (FIXTURES / "solution_changelog_tab_legacy_cp1251.html").read_bytes()
    raw = raw.replace(b"; charset=windows-1251", b"")
    assert extract_page(raw)["code"] == "tehnostar.importer"


def test_normalisation_spaces_and_yo() -> None:
    assert norm("12\u00a0990\u202fруб.\u2009 \t\n x") == "12 990 руб. x"
    assert fold("Ёлка  ещё") == "Елка еще"
    assert len(fold("ёжик")) == len("ёжик")


# A byte-order mark wins over every declaration (WHATWG); BOM-less UTF-16 is told by its NUL bytes.
# The page shape of Internet Explorer's «Save as Web page, HTML only, Unicode»: uppercase MSHTML tags
# and a <meta> naming «unicode», which an ASCII scan can only find when the bytes are not UTF-16.
IE_PAGE = (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">\r\n<HTML><HEAD>'
    '<META content="text/html; charset=unicode" http-equiv=Content-Type></HEAD>'
    f"<BODY><H1>{TEXT}</H1></BODY></HTML>"
)


def test_utf16le_bom_page_decodes() -> None:
    text = decode_body(codecs.BOM_UTF16_LE + IE_PAGE.encode("utf-16-le"), "text/html")
    assert text == IE_PAGE


def test_utf16be_bom_page_decodes() -> None:
    assert decode_body(codecs.BOM_UTF16_BE + IE_PAGE.encode("utf-16-be")) == IE_PAGE


def test_utf8_bom_page_decodes() -> None:
    assert decode_body(codecs.BOM_UTF8 + IE_PAGE.encode()) == IE_PAGE


def test_bom_beats_a_contradicting_meta_and_header() -> None:
    page = IE_PAGE.replace("charset=unicode", "charset=windows-1251")
    assert decode_body(codecs.BOM_UTF8 + page.encode(), "text/html; charset=koi8-r") == page
    assert decode_body(codecs.BOM_UTF16_LE + page.encode("utf-16-le"), "text/html; charset=cp1251") == page


def test_bomless_utf16_is_told_by_its_nul_bytes() -> None:
    assert decode_body(IE_PAGE.encode("utf-16-le"), "text/html; charset=windows-1251") == IE_PAGE
    assert decode_body(IE_PAGE.encode("utf-16-be")) == IE_PAGE
    # a page opening with text rather than ASCII markup is not sniffed: too little evidence
    assert sniffed_utf16("Цена <p>".encode("utf-16-le")) is None


def test_a_declared_utf16_is_never_trusted_over_the_bytes() -> None:
    # An ASCII-readable «charset=unicode» / UTF-16 header on UTF-8 bytes: the bytes are UTF-8 (WHATWG
    # reads a <meta> UTF-16 declaration as UTF-8), not even-length bytes "decoded" into CJK nonsense.
    body = IE_PAGE.encode()
    assert decode_body(body) == IE_PAGE
    assert decode_body(body, "text/html; charset=utf-16") == IE_PAGE
    assert decode_body(
        body.replace(b"unicode", b"utf-16le"), "text/html; charset=UTF-16LE"
    ) == IE_PAGE.replace("unicode", "utf-16le")
    assert declared_charset(body) is None and header_charset("text/html; charset=utf-16be") is None
