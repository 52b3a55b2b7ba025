"""Every fault mode of the fake Marketplace ends as stale data (flagged, with age) or a JSON 502/504."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from mpcheck.app import create_app
from mpcheck.marketplace.service import get_service

from tests.fakemarket import FakeMarketplace
from tests.python.api.client import api_client

API = "/api/v1"
SEO = "/solutions/nordlab.smartseo/"
EXPECTED = {"5xx": 502, "truncated": 502, "down": 502, "huge": 502, "redirect_offhost": 502, "slow": 504}
FAULT_PARAMS: dict[str, dict[str, Any]] = {"slow": {"delay": 1.5}, "huge": {"size": 3_000_000}}


@pytest.fixture
def fault_app(app_config: dict[str, Any]) -> Iterator[Flask]:
    """An app with a short read timeout and a 1 MB cap, so slow and huge faults end quickly."""
    app = create_app({**app_config, "MARKETPLACE_READ_TIMEOUT": 0.4, "MARKETPLACE_MAX_BYTES": 1_000_000})
    yield app
    get_service(app).close()


@pytest.mark.parametrize("mode", sorted(EXPECTED))
def test_cold_failure_is_a_clear_json_error(
    fault_app: Flask, fake_market: FakeMarketplace, mode: str
) -> None:
    fake_market.set_fault(SEO, mode, **FAULT_PARAMS.get(mode, {}))
    response = api_client(fault_app).get(f"{API}/solutions/nordlab.smartseo")
    assert response.status_code == EXPECTED[mode] and response.is_json
    body = response.get_json()
    assert body["error"] in {"upstream_error", "upstream_timeout", "too_large", "refused"} and body["message"]


@pytest.mark.parametrize("mode", sorted(EXPECTED))
def test_failure_after_expiry_serves_stale(fault_app: Flask, fake_market: FakeMarketplace, mode: str) -> None:
    client = api_client(fault_app)
    fresh = client.get(f"{API}/solutions/nordlab.smartseo").get_json()
    get_service(fault_app).solutions.invalidate()  # as if the TTL ran out
    fake_market.set_fault(SEO, mode, **FAULT_PARAMS.get(mode, {}))
    response = client.get(f"{API}/solutions/nordlab.smartseo")
    assert response.status_code == 200
    body = response.get_json()
    assert body["meta"]["stale"] is True and body["meta"]["cache"] == "stale"
    assert body["meta"]["age_seconds"] >= 0 and body["meta"]["error"]
    assert body["facts"] == fresh["facts"]


@pytest.mark.parametrize("mode", sorted(EXPECTED))
def test_report_endpoint_never_answers_500(fault_app: Flask, fake_market: FakeMarketplace, mode: str) -> None:
    fake_market.set_fault("*", mode, **FAULT_PARAMS.get(mode, {}))
    response = api_client(fault_app).get(f"{API}/solutions/nordlab.smartseo/report")
    assert response.status_code == EXPECTED[mode] and response.is_json


def test_cp1251_reencoded_page_gives_the_same_facts(
    client: Any, app: Flask, fake_market: FakeMarketplace
) -> None:
    utf8 = client.get(f"{API}/solutions/nordlab.smartseo").get_json()["facts"]
    get_service(app).solutions.clear()
    fake_market.set_fault(SEO, "cp1251")
    recoded = client.get(f"{API}/solutions/nordlab.smartseo").get_json()["facts"]
    assert recoded["name"] == utf8["name"] and recoded["price"] == utf8["price"]
    assert recoded["reviews"]["total"] == utf8["reviews"]["total"]
