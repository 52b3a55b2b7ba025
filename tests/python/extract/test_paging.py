"""Reviews / comments pager URLs and merging extra pages' items."""

from __future__ import annotations

from mpcheck.extract import comment_pager_urls, extract_solution, merge_paged_items, review_pager_urls
from mpcheck.extract.decode import decode_body

from .helpers import FIXTURES

BASE = "https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/"


def _page(name: str) -> str:
    return decode_body((FIXTURES / f"{name}.html").read_bytes())


def test_review_pager_urls_fill_gaps_and_are_bounded() -> None:
    html = _page("solution_module_paid_demo14_active")
    assert review_pager_urls(html, BASE + "#tab-rating-link") == [f"{BASE}?PAGEN_2={n}" for n in (2, 3, 4, 5)]
    assert review_pager_urls(html, BASE, max_pages=2) == [f"{BASE}?PAGEN_2={n}" for n in (2, 3)]
    assert comment_pager_urls(html, BASE) == []


def test_pager_last_page_from_range_text() -> None:
    html = _page("solution_shop_paid_nodemo_stale")  # «Отзывы 1 - 3 из 12» + only a «След.» link
    urls = review_pager_urls(html, "https://marketplace.1c-bitrix.ru/solutions/atelier.fashionshop/?x=1")
    assert urls[-1].endswith("PAGEN_3=4") and len(urls) == 3 and "x=1" in urls[0]


def test_merge_paged_items_adds_new_items_once() -> None:
    html = _page("solution_module_paid_demo14_active")
    facts = extract_solution(html, BASE)
    page2 = html.replace("2026", "2025")  # another page: older reviews; its comments are the same first page
    page2_same_comments = page2.split('<section class="mp-tab-body" id="tab-comments-body"')[0]
    page2_same_comments += html[html.index('<section class="mp-tab-body" id="tab-comments-body"') :]
    merged = merge_paged_items(facts, [page2_same_comments, extract_solution(page2_same_comments)])
    assert len(merged["reviews"]["items"]) == 16
    assert len(merged["comments"]["items"]) == 3  # repeated first comments page not added again
    assert merged["reviews"]["items"][0]["date"] == "2026-11-24"
    assert merged["reviews"]["items"][-1]["date"] == "2025-09-21"
    only_comments = merge_paged_items(facts, [page2], kind="comments")
    assert len(only_comments["reviews"]["items"]) == 8 and len(only_comments["comments"]["items"]) == 6
    assert len(facts["reviews"]["items"]) == 8  # the input is not modified
