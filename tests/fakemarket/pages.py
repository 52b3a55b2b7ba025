"""Resolve a request path to a page, the way the real Marketplace URL schemes work (DOM.md §1, §7)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs

from tests.fakemarket import synth
from tests.fakemarket.routes import CODE, RouteTable

HTML_UTF8 = "text/html; charset=UTF-8"
HTML_1251 = "text/html; charset=windows-1251"
XML_1251 = "text/xml; charset=windows-1251"

_SOLUTION = re.compile(rf"/solutions/({CODE})/")
_SHORT = re.compile(rf"/({CODE})/?")
_CATEGORY = re.compile(r"/solutions/category/(\d+)/?")
_PARTNER_ID = re.compile(r"(\d+)")  # real links often carry a stray ".php" after the id

EMPTY_FEED = (
    '<?xml version="1.0" encoding="windows-1251"?>\n<modules><categoryName></categoryName><items></items>'
    '<navData>a:3:{s:12:"NavPageCount";i:0;s:6:"NavNum";i:1;s:12:"NavPageNomer";i:1;}</navData></modules>\n'
).encode("cp1251")
NOT_FOUND = (
    '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>404 Not Found</title></head>'
    "<body><h1>Страница не найдена</h1></body></html>"
).encode()


@dataclass
class Page:
    """A response before faults are applied."""

    status: int
    body: bytes
    content_type: str = HTML_UTF8
    headers: dict[str, str] = field(default_factory=dict)


def html_file(path: Path) -> Page:
    """A fixture page with the charset header its bytes really have."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return Page(200, raw, HTML_1251)
    return Page(200, raw, HTML_UTF8)


def not_found() -> Page:
    """Bitrix answers unknown pages with an HTML 404."""
    return Page(404, NOT_FOUND)


def _feed(path: Path | None) -> Page:
    return Page(200, path.read_bytes() if path else EMPTY_FEED, XML_1251)


CLONE_PREFIX = "clone."
CLONE_OF = "nordlab.smartseo"


def resolve(routes: RouteTable, path: str, query: str) -> Page:
    """Route one GET. Any known page with `update_sys_new=Y` answers with its XML feed."""
    params = parse_qs(query)
    feed = params.get("update_sys_new") == ["Y"]
    if m := _SOLUTION.fullmatch(path):
        code = m.group(1)
        if feed:
            return _feed(routes.feeds.get(code)) if code in routes.solutions else _feed(None)
        # PAGEN_n (review/comment pages) is served the same page: the fixtures have no page 2.
        if code in routes.solutions:
            return html_file(routes.solutions[code])
        # `clone.<anything>`: many distinct codes for load tests, all with one fixture's page
        if code.startswith(CLONE_PREFIX) and routes.solutions:
            return html_file(routes.solutions.get(CLONE_OF) or next(iter(routes.solutions.values())))
        return not_found()
    if path in ("/solutions/", "/search/") or _CATEGORY.fullmatch(path):
        if feed:
            return _feed(routes.listing_feed)
        cat = _CATEGORY.fullmatch(path)
        page = routes.catalog if path == "/solutions/" else routes.search
        if cat:
            page = routes.categories.get(cat.group(1))
        return html_file(page) if page else not_found()
    if path == "/partners/detail.php":
        m = _PARTNER_ID.match(params.get("ID", [""])[0])
        page = routes.partners.get(m.group(1)) if m else None
        return html_file(page) if page else not_found()
    if path in ("/partners/", "/partners/index.php"):
        try:
            number = int(params.get("PAGEN_1", ["1"])[0])
        except ValueError:
            number = 1
        if number <= 1 and routes.rating_list:
            return html_file(routes.rating_list)
        return Page(200, synth.rating_page(number, routes.rating_total or 25).encode())
    if m := _SHORT.fullmatch(path):  # short solution link (partner_modules.php) -> the solution page
        return Page(301, b"", headers={"Location": f"/solutions/{m.group(1)}/"})
    if path == "/":
        return Page(200, '<!DOCTYPE html><html lang="ru"><title>Маркетплейс (fake)</title></html>'.encode())
    return not_found()
