"""Links the checklist asks for: documentation, video, presentation, cases (never from user-written tabs)."""

from __future__ import annotations

from typing import Any

from mpcheck.extract.context import Page
from mpcheck.extract.dom import absolute_url, css
from mpcheck.extract.rules import table
from mpcheck.extract.text import fold, inline_text

_VENDOR_ZONES = ("about", "install", "support")


def _first(anchors: list[Any], page: Page, path: tuple[str, ...]) -> str | None:
    for a in anchors:
        if table().search(fold(inline_text(a)), *path):
            url = absolute_url(a.get("href"), page.url)
            if url:
                return url
    return None


def links(page: Page) -> dict[str, Any]:
    """{documentation, video[], presentation, cases[]} from the head and the vendor's own tabs."""
    rules = table()
    anchors = page.outside(css(page.root, "a[href]"), *_VENDOR_ZONES)
    presentation = _first(anchors, page, ("links", "presentation"))
    if presentation is None:
        pdfs = [a for a in anchors if rules.search(a.get("href") or "", "links", "presentation_href")]
        presentation = absolute_url(pdfs[0].get("href"), page.url) if pdfs else None
    video: list[str] = []
    sources = [a.get("href") for a in anchors] + [
        f.get("src")
        for sel in rules.entries("links", "video_selectors")
        for f in page.outside(css(page.root, sel["css"]), *_VENDOR_ZONES)
    ]
    for src in sources:
        url = absolute_url(src, page.url)
        if url and rules.search(url, "links", "video_href") and url not in video:
            video.append(url)
    cases = []
    for a in anchors:
        url = absolute_url(a.get("href"), page.url)
        if url and rules.search(fold(inline_text(a)), "links", "cases") and url not in cases:
            cases.append(url)
    return {
        "documentation": _first(anchors, page, ("links", "documentation")),
        "video": video,
        "presentation": presentation,
        "cases": cases,
    }
