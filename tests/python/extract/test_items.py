"""Reviews, comments and changelog rows in every encoding, one case file for both extractors.

tests/fixtures/marketplace/items/cases.json (README there) lists small pages and the exact lists
they must give: each star encoding, each answer form, each count form, the null / [] distinction
(SPEC §3) and each changelog row structure. tests/js/extract/items.test.ts runs the same file
through the TypeScript extractor.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from mpcheck.extract import extract_solution

from .helpers import FIXTURES

CASES = json.loads((FIXTURES / "items" / "cases.json").read_text(encoding="utf-8"))


def page(case: dict[str, Any]) -> str:
    """The case's page: the template with its partner, tab links and tab bodies."""
    tabs, bodies = [], []
    for name, inner in case["sections"].items():
        label = case["labels"].get(name) or CASES["titles"].get(name, name)
        tabs.append(f'<li><a id="tab-{name}-link" href="#tab-{name}-link">{label}</a></li>')
        bodies.append(f'<div id="tab-{name}-body">{inner}</div>')
    return (
        CASES["template"]
        .replace("{{partner}}", CASES["partner"] if case["partner"] else "")
        .replace("{{tabs}}", "".join(tabs))
        .replace("{{bodies}}", "\n".join(bodies))
    )


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_item_case(case: dict[str, Any]) -> None:
    facts = extract_solution(page(case))
    got = {key: facts[key] for key in case["want"]}
    assert got == case["want"]


def test_the_case_file_covers_every_encoding() -> None:
    """The encodings issue 9 names each have a case (a renamed or dropped case fails here)."""
    names = " | ".join(c["name"] for c in CASES["cases"])
    for topic in (
        "data-rating",
        "itemprop ratingValue",
        "aria-label",
        "css width",
        "mp_star",
        "svg use",
        "classes filled",
        "star characters",
        "«Ответ разработчика»",
        "«Ответ партнёра»",
        "«Официальный ответ»",
        "someone else",
        "«Отзывы (12)»",
        "«Отзывы 12»",
        "из 14",
        "null: no reviews section",
        "null: a stated total",
        "[]: «Отзывов пока нет»",
        "DD.MM.YY",
        "heading + content",
        "column table",
    ):
        assert topic in names, topic


def test_anchored_lists_are_anchored() -> None:
    """feedback.anchored tries these lists at position 0 only: every regex must start with «^»."""
    from mpcheck.extract.label_table import table

    for path in (("reviews", "answer_titles"), ("comments", "developer_badge")):
        entries = table().entries(*path)
        assert entries and all(e["re"].startswith("^") for e in entries), path
