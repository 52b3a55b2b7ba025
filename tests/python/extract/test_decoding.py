"""Bytes → text: HTTP charset, then <meta>, then strict UTF-8, then cp1251 (SPEC §8)."""

from __future__ import annotations

from mpcheck.extract import extract_page
from mpcheck.extract.decode import declared_charset, decode_body, header_charset
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
