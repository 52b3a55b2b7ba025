"""facts.lookups set by the backend service, the same rule as the worker's partnerLookups."""

from __future__ import annotations

from mpcheck.marketplace.partners import partner_lookups


def test_a_rating_position_is_found() -> None:
    assert partner_lookups({"rating_position": 14}, {}) == {"backend": "ok", "partner_rating": "found"}


def test_no_position_in_a_read_rating_is_not_found() -> None:
    assert partner_lookups({"rating_position": None}, {}) == {"backend": "ok", "partner_rating": "not_found"}


def test_an_unread_rating_is_the_backend_not_answering_not_a_missing_partner() -> None:
    got = partner_lookups({"rating_position": None}, {"rating_error": "upstream_error"})
    assert got == {"backend": "unreachable", "partner_rating": None}
