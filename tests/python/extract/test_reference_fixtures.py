"""Every reference fixture page matches its expected JSON (the ground truth)."""

from __future__ import annotations

import pytest
from mpcheck.extract import (
    extract_listing,
    extract_page,
    extract_partner,
    extract_rating_list,
    extract_solution,
)
from mpcheck.extract.decode import decode_body

from .helpers import EXTRA, EXTRA_SOLUTIONS, FIXTURES, REFERENCE_SOLUTIONS, assert_facts_match, expected


@pytest.mark.parametrize("name", REFERENCE_SOLUTIONS)
def test_solution_fixture_matches_expected(name: str) -> None:
    facts = extract_page((FIXTURES / f"{name}.html").read_bytes())
    assert_facts_match(facts, expected(name))
    assert facts["extraction"]["markup_changed"] is False
    assert set(facts["found_by"]) >= {"code", "partner", "changelog"}


@pytest.mark.parametrize("name", EXTRA_SOLUTIONS)
def test_extra_markup_family_matches_expected(name: str) -> None:
    facts = extract_solution(decode_body((EXTRA / f"{name}.html").read_bytes()))
    assert_facts_match(facts, expected(name, EXTRA / "expected"))
    assert facts["extraction"]["markup_changed"] is False


def test_tab_url_fragment_is_not_the_solution_url() -> None:
    body = (FIXTURES / "solution_changelog_tab_legacy_cp1251.html").read_bytes()
    url = "https://marketplace.1c-bitrix.ru/solutions/tehnostar.importer/#tab-log-link"
    assert (
        extract_page(body, url=url)["url"] == "https://marketplace.1c-bitrix.ru/solutions/tehnostar.importer/"
    )


def test_partner_page_matches_expected() -> None:
    want = expected("partner_detail_page")
    got = extract_partner((FIXTURES / "partner_detail_page.html").read_text(encoding="utf-8"), want["url"])
    assert {k: got[k] for k in want} == want
    assert got["specialization"] == "software"


def test_rating_list_matches_expected() -> None:
    want = expected("partners_rating_list")
    assert extract_rating_list((FIXTURES / "partners_rating_list.html").read_text(encoding="utf-8")) == want


def test_rating_list_positions_continue_on_later_pages() -> None:
    html = (FIXTURES / "partners_rating_list.html").read_text(encoding="utf-8")
    html = html.replace(
        "<th>Место</th>", "<th>№ п/п</th>"
    )  # no «Место» column: positions from the page number
    got = extract_rating_list(html, "https://marketplace.1c-bitrix.ru/partners/index.php?PAGEN_1=3")
    assert got["page"] == 3
    assert [r["position"] for r in got["rows"][:2]] == [51, 52]


def test_listing_matches_expected() -> None:
    want = expected("catalog_category_listing")
    got = extract_listing(
        (FIXTURES / "catalog_category_listing.html").read_text(encoding="utf-8"), want["url"]
    )
    assert got == want


def test_extract_page_dispatches_by_url_and_markup() -> None:
    partner = extract_page((FIXTURES / "partner_detail_page.html").read_bytes())
    listing = extract_page((FIXTURES / "catalog_category_listing.html").read_bytes())
    rating = extract_page((FIXTURES / "partners_rating_list.html").read_bytes())
    assert (partner["schema"], listing["schema"], rating["schema"]) == (
        "mpcheck.partner/1",
        "mpcheck.listing/1",
        "mpcheck.partners_rating/1",
    )
