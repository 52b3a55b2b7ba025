"""The date hint of items.py is a necessary condition of every non-relative date form of the table.

`items._scan` and `items.date_search` run the (slow) date alternation only on texts that pass the
hint, so a text with a date the hint misses would silently lose its item. Hypothesis generates texts
holding a match of each form's regex; every one of them must pass the hint.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mpcheck.extract import items
from mpcheck.extract.label_table import table

FORMS = [f for f in items._date_forms(table()) if f[-1] not in items._WORD_ONLY_FORMS]
PATTERNS = [(form[-1], p) for form in FORMS for p in table().rx(*form)]


def test_every_text_form_of_the_table_is_hinted() -> None:
    # a new non-relative form makes the hint fall back to the digit test: this says it happened
    assert {name for name, _ in PATTERNS} == set(items._HINTED_FORMS)
    hint = items._searchers()[0]
    assert hint is not items._DIGIT.search


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_hint_passes_every_text_holding_a_date(name: str, pattern: object, data: st.DataObject) -> None:
    text = data.draw(st.from_regex(pattern))
    if pattern.search(text) is None:  # type: ignore[attr-defined]  # lookarounds: keep real matches only
        return
    head = text[: items._HEAD_CHARS]
    assert items._searchers()[0](text), (name, text)
    if pattern.search(head):  # type: ignore[attr-defined]
        assert items._searchers()[0](head), (name, head)


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("24.11.2026", True),
        ("5 июня 2024", True),
        ("18 НОЯБРЯ", True),
        ("12.11.26", True),
        ("3 окт.", True),
        ("версия 3.4.1", False),
        ("Спасибо, исправлено в 3.3.", False),
        ("shop-admin", False),
    ],
)
def test_the_hint_on_list_texts(text: str, dated: bool) -> None:
    assert bool(items._searchers()[0](text)) is dated
