"""Page extraction (parsel): Marketplace pages → facts, guided by `shared_rules/labels.json`.

Entry points: `extract_page` (dispatch on page type), `extract_solution`, `extract_partner`,
`extract_rating_list`, `extract_listing`, `parse_feed` + `merge_feed`, `parse_feed_items` (a
listing's feed), and the paging helpers the fetcher uses. None of them raises on bad input: unknown values are null.
"""

from mpcheck.extract.decode import decode_body
from mpcheck.extract.feed import parse_feed, parse_feed_items
from mpcheck.extract.listing import extract_listing
from mpcheck.extract.merge import merge_feed
from mpcheck.extract.page import detect_page_type, extract_page
from mpcheck.extract.paging import comment_pager_urls, merge_paged_items, review_pager_urls
from mpcheck.extract.partner import extract_partner
from mpcheck.extract.rating_list import extract_rating_list
from mpcheck.extract.solution import extract_solution

__all__ = [
    "comment_pager_urls",
    "decode_body",
    "detect_page_type",
    "extract_listing",
    "extract_page",
    "extract_partner",
    "extract_rating_list",
    "extract_solution",
    "merge_feed",
    "merge_paged_items",
    "parse_feed",
    "parse_feed_items",
    "review_pager_urls",
]
