"""Property tests: arbitrary JSON at /score never produces a 500, and any facts the schema accepts
produce a complete report (the engine itself never raises on odd-but-valid values)."""

from __future__ import annotations

from datetime import date

from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mpcheck.app import create_app
from mpcheck.engine import build_report
from mpcheck.rules import Rules

from tests.python.api.client import api_client

APP = create_app({"TESTING": True})
RULES: Rules = APP.extensions["mpcheck_rules"]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=25,
)
dates = st.dates(date(2000, 1, 1), date(2030, 12, 31)).map(date.isoformat) | st.none()
small_ints = st.integers(0, 5000) | st.none()
valid_facts = st.fixed_dictionaries(
    {"schema": st.just("mpcheck.facts/1")},
    optional={
        "kind": st.sampled_from(["module", "site", None]),
        "withdrawn": st.booleans() | st.none(),
        "published": dates,
        "updated": dates,
        "demo": st.fixed_dictionaries(
            {}, optional={"available": st.booleans() | st.none(), "days": st.integers(0, 400) | st.none()}
        ),
        "price": st.fixed_dictionaries(
            {}, optional={"rub": small_ints, "old_rub": small_ints, "free": st.booleans() | st.none()}
        ),
        "reviews": st.fixed_dictionaries(
            {},
            optional={
                "total": small_ints,
                "items": st.lists(
                    st.fixed_dictionaries(
                        {"date": dates},
                        optional={
                            "stars": st.integers(1, 5) | st.none(),
                            "answered": st.booleans() | st.none(),
                        },
                    ),
                    max_size=30,
                ),
            },
        ),
        "changelog": st.lists(
            st.fixed_dictionaries(
                {"version": st.text(max_size=8) | st.none(), "date": dates}, optional={"chars": small_ints}
            ),
            max_size=20,
        )
        | st.none(),
        "support": st.fixed_dictionaries(
            {},
            optional={
                "channels": st.lists(
                    st.sampled_from(["ticket", "chat", "phone", "email", "telegram", "site"]), unique=True
                )
                | st.none(),
                "response_hours": st.floats(0, 10000) | st.none(),
                "free_months": st.floats(0, 600) | st.none(),
                "timezone": st.text(max_size=12) | st.none(),
            },
        ),
        "partner": st.fixed_dictionaries(
            {},
            optional={
                "rating_position": st.integers(1, 3000) | st.none(),
                "rating_total": st.integers(1, 3000) | st.none(),
            },
        ),
        "links": st.fixed_dictionaries(
            {},
            optional={
                "documentation": st.text(max_size=20) | st.none(),
                "video": st.lists(st.text(max_size=10), max_size=3) | st.none(),
                "cases": st.lists(st.text(max_size=10), max_size=5) | st.none(),
            },
        ),
    },
)


@SETTINGS
@given(body=json_values)
def test_arbitrary_json_never_500(body: object) -> None:
    client: FlaskClient = api_client(APP)
    for path in ("/api/v1/score", "/api/v1/score/batch"):
        response = client.post(path, json=body)
        assert response.status_code in (200, 400, 413, 415), response.get_data(as_text=True)
        assert response.is_json


@SETTINGS
@given(
    facts=valid_facts,
    today=st.dates(date(2020, 1, 1), date(2035, 1, 1)),
    profile=st.sampled_from([None, "module", "site", "narrow"]),
)
def test_valid_facts_always_give_a_complete_report(facts: dict, today: date, profile: str | None) -> None:
    report = build_report(facts, RULES, today=today, profile=profile)
    assert [c["id"] for c in report["criteria"]] == RULES.scoring["criteria_order"]
    assert report["score"] is None or 0 <= report["score"] <= 100
    assert 0 <= report["coverage"] <= 1
    for criterion in report["criteria"]:
        assert criterion["status"] in ("good", "warn", "bad", "unknown", "not_applicable")
        assert criterion["message"]["ru"] and criterion["message"]["en"]
        assert "{value}" not in criterion["message"]["ru"]
