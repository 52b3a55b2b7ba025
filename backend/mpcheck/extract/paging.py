"""Reviews / comments paging: the next page URLs of a tab's pager, and merging their items in.

Bitrix pagers use `PAGEN_<n>=<page>` links (DOM.md §4, L). The fetcher (marketplace service) calls
`review_pager_urls` / `comment_pager_urls`, fetches those pages and hands them to `merge_paged_items`.
"""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from mpcheck.extract.comments import comments
from mpcheck.extract.context import build_page
from mpcheck.extract.decode import decode_body
from mpcheck.extract.dom import absolute_url, block_text, parse_html
from mpcheck.extract.identity import partner
from mpcheck.extract.label_table import table
from mpcheck.extract.reviews import reviews
from mpcheck.extract.text import fold

DEFAULT_MAX_PAGES = 5
KINDS = ("reviews", "comments")


def _pager_urls(html: str, url: str | None, tab: str, max_pages: int) -> list[str]:
    rules = table()
    try:
        page = build_page(parse_html(html), url)
        body = page.tabs.bodies.get(tab)
        if body is None:
            return []
        params: dict[str, int] = {}
        for a in body.iter("a"):
            m = rules.search(a.get("href") or "", "pager", "param")
            if m:
                params[m.group(1)] = max(params.get(m.group(1), 0), int(m.group(2)))
        if not params:
            return []
        number, last = max(params.items(), key=lambda kv: kv[1])
        rng = rules.search(fold(block_text(body)), "pager", "range")
        if rng and int(rng.group(2)) >= int(rng.group(1)):
            per_page = int(rng.group(2)) - int(rng.group(1)) + 1
            last = max(last, -(-int(rng.group(3)) // per_page))
        base = urlsplit((absolute_url(url, None) or f"{rules.data['urls']['base']}/").split("#")[0])
        query = [(k, v) for k, v in parse_qsl(base.query) if k != f"PAGEN_{number}"]
        return [
            urlunsplit(base._replace(query=urlencode([*query, (f"PAGEN_{number}", str(n))])))
            for n in range(2, min(last, max_pages + 1) + 1)
        ]
    except Exception:
        return []


def review_pager_urls(html: str, url: str | None, max_pages: int = DEFAULT_MAX_PAGES) -> list[str]:
    """URLs of review pages 2..N (N bounded by `max_pages`), in order."""
    return _pager_urls(html, url, "rating", max_pages)


def comment_pager_urls(html: str, url: str | None, max_pages: int = DEFAULT_MAX_PAGES) -> list[str]:
    """URLs of comment pages 2..N (N bounded by `max_pages`), in order."""
    return _pager_urls(html, url, "comments", max_pages)


def _page_parts(raw: str | bytes | dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Reviews and comments of one extra page, given as HTML (str/bytes) or as its facts dict."""
    if isinstance(raw, dict):
        return {k: raw.get(k) or {"total": None, "items": None} for k in KINDS}
    page = build_page(parse_html(decode_body(raw)), None)
    name = partner(page)["name"]
    return {"reviews": reviews(page, name), "comments": comments(page, name)}


def _signature(items: list[dict[str, Any]]) -> tuple[tuple[Any, ...], ...]:
    return tuple(tuple(sorted(i.items())) for i in items)


def merge_paged_items(
    facts: dict[str, Any], extra_pages_html: list[str | bytes | dict[str, Any]], kind: str = "auto"
) -> dict[str, Any]:
    """A copy of `facts` with the review/comment items of further pager pages added, newest first.

    Each extra page is HTML or its already extracted facts. Every pager page repeats the other tab's
    first page, so a page's item list is only added when it was not seen before (on the first page or
    an earlier extra page). `kind` limits the merge to "reviews" or "comments"; "auto" does both.
    """
    merged = copy.deepcopy(facts)
    kinds = KINDS if kind == "auto" else (kind,)
    seen = {k: {_signature((merged.get(k) or {}).get("items") or [])} for k in kinds}
    for raw in extra_pages_html:
        try:
            parts = _page_parts(raw)
        except Exception:
            continue
        for k in kinds:
            items = list(parts[k].get("items") or [])
            sig = _signature(items)
            if not items or sig in seen[k]:
                continue
            seen[k].add(sig)
            target = merged.setdefault(k, {"total": None, "items": None})
            if target.get("items") is None:  # the first page's items were unknown: these are what is known
                target["items"] = []
            target["items"].extend(items)
            if target.get("total") is None:
                target["total"] = parts[k].get("total")
    for k in kinds:
        if isinstance(merged.get(k), dict) and merged[k].get("items") is not None:
            merged[k]["items"].sort(key=lambda i: i.get("date") or "", reverse=True)
    return merged
