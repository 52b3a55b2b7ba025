"""The XML feed (windows-1251) → partial facts, and merging it into page facts."""

from __future__ import annotations

import re

from mpcheck.extract import extract_page, extract_solution, merge_feed, parse_feed
from mpcheck.extract.decode import decode_body

from .helpers import FIXTURES

FEED = FIXTURES / "feed" / "solution_tehnostar_importer_cp1251.xml"
PAGE = FIXTURES / "solution_changelog_tab_legacy_cp1251.html"


def test_feed_fields() -> None:
    feed = parse_feed(FEED.read_bytes())
    assert feed["code"] == "tehnostar.importer"
    assert feed["partner"] == {"id": 512777, "name": "ТехноСтар"}
    assert feed["price"] == {"rub": 7900, "old_rub": 9900, "free": False}
    assert feed["demo"] == {
        "available": True,
        "days": None,
        "online_demo_url": None,
    }  # freeModule=D: trial, length unknown
    assert feed["installs"] == {"label": "Более 1000", "min": 1000, "max": None}
    assert [(e["version"], e["date"]) for e in feed["changelog"]] == [
        ("4.6.1", None),
        ("4.6.0", None),
        ("4.5.3", None),
    ]
    assert [e["chars"] for e in feed["changelog"]] == [40, 54, 55]
    assert feed["support"]["channels"] == ["ticket", "phone"] and feed["support"]["response_hours"] == 2
    # the partner's «Марина, …» message answers Марина's comment and is not an item
    assert feed["comments"] == {
        "total": 3,
        "items": [{"date": "2026-11-21", "answered": False}, {"date": "2026-11-19", "answered": True}],
    }
    assert feed["published"] is None and feed["updated"] is None  # the feed's <date> is ambiguous
    assert (
        extract_page(
            FEED.read_bytes(),
            url="https://marketplace.1c-bitrix.ru/solutions/tehnostar.importer/?update_sys_new=Y",
        )["code"]
        == "tehnostar.importer"
    )


def test_merge_fills_nulls_and_records_sources() -> None:
    html = decode_body(PAGE.read_bytes())
    html = re.sub(r'<div id="tab-log-body">.*?</table>\s*</div>', "", html, flags=re.S)  # changelog tab gone
    html = html.replace("Количество установок:", "Что-то:")
    facts = extract_solution(html)
    assert facts["changelog"] is None and facts["installs"] is None
    assert facts["extraction"]["markup_changed"] is True
    merged = merge_feed(facts, parse_feed(FEED.read_bytes()))
    assert merged["installs"]["label"] == "Более 1000"
    assert [e["version"] for e in merged["changelog"]] == ["4.6.1", "4.6.0", "4.5.3"]
    assert merged["extraction"]["sources"]["installs"] == "feed"
    assert merged["extraction"]["sources"]["changelog"] == "feed"
    assert merged["extraction"]["sources"]["code"] == "html"
    assert merged["extraction"]["conflicts"] == []
    assert facts["installs"] is None  # the input is not modified


def test_merge_notes_conflicts_and_keeps_the_page_value() -> None:
    facts = extract_solution(decode_body(PAGE.read_bytes()))
    feed = parse_feed(FEED.read_bytes())
    feed["price"]["rub"] = 8900
    feed["version"] = "4.7.0"
    merged = merge_feed(facts, feed)
    assert merged["price"]["rub"] == 7900 and merged["version"] == "4.6.1"
    fields = {c["field"] for c in merged["extraction"]["conflicts"]}
    assert {"price.rub", "version"} <= fields
    assert "changelog" not in fields  # same versions, the feed just has no dates
