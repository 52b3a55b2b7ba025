"""Extracted facts validate against shared_rules/facts.schema.json (the SPEC §3 contract), when present."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from mpcheck.extract import extract_page, extract_solution, merge_feed, parse_feed
from mpcheck.extract.label_table import labels_path

from .helpers import FIXTURES

SCHEMA_PATH = labels_path().parent / "facts.schema.json"
PAGES = sorted(FIXTURES.rglob("solution_*.html"))
pytestmark = pytest.mark.skipif(not SCHEMA_PATH.exists(), reason="facts.schema.json not written yet")


def _validate(facts: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(facts)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_solution_facts_follow_the_schema(page: Path) -> None:
    _validate(extract_page(page.read_bytes()))


def test_feed_merge_and_empty_facts_follow_the_schema() -> None:
    feed = parse_feed((FIXTURES / "feed" / "solution_tehnostar_importer_cp1251.xml").read_bytes())
    _validate(feed)
    _validate(merge_feed(extract_solution("<html></html>"), feed))
    _validate(extract_solution("\x00 garbage"))
