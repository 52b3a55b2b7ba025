"""Meta-test: the rule catalog stays honest (scorecard's lesson). Every criterion has a valid file,
vectors for each outcome, a message for every key it can produce, and ru + en texts everywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from mpcheck.engine.metrics import METRICS
from mpcheck.rules import read_rules

RULES_DIR = Path(__file__).resolve().parents[3] / "shared_rules"
RULES = read_rules(RULES_DIR)
ORDER = RULES.scoring["criteria_order"]
REQUIRED_OUTCOMES = {"good", "warn", "bad", "unknown"}


def vector_cases(name: str) -> list[dict]:
    return json.loads((RULES_DIR / "vectors" / f"{name}.json").read_text(encoding="utf-8"))["cases"]


def test_nine_criteria_in_checklist_order() -> None:
    assert ORDER == [
        "demo",
        "support",
        "reviews",
        "updates",
        "developer",
        "packaging",
        "cases",
        "price",
        "account_manager",
    ]
    assert [RULES.criteria[c]["step"] for c in ORDER] == list(range(1, 10))
    assert sorted(p.stem for p in (RULES_DIR / "criteria").glob("*.json")) == sorted(ORDER)


def test_schemas_are_valid_schemas() -> None:
    for name in ("facts.schema.json", "rule.schema.json", "report.schema.json"):
        Draft202012Validator.check_schema(json.loads((RULES_DIR / name).read_text(encoding="utf-8")))


def reachable_statuses(rule: dict) -> set[str]:
    """Every status the rule can give: its bands' verdicts, not_applicable when it has an excuse or
    is informational, and unknown (every criterion can lack its facts). Price: n/a, bad, unknown."""
    outcomes = {band["outcome"] for signal in rule["signals"] for band in signal["bands"]} | {"unknown"}
    outcomes.discard("not_applicable")
    if rule.get("informational") or any("not_applicable_when" in signal for signal in rule["signals"]):
        outcomes.add("not_applicable")
    return outcomes


@pytest.mark.parametrize("cid", ORDER)
def test_vectors_cover_every_outcome(cid: str) -> None:
    seen = {case["expect"]["criteria"][cid]["status"] for case in vector_cases(cid)
            if "status" in case["expect"].get("criteria", {}).get(cid, {})}  # fmt: skip
    assert seen >= reachable_statuses(RULES.criteria[cid])
    assert cid == "price" or seen >= REQUIRED_OUTCOMES


def test_price_is_never_merit() -> None:
    """SPEC §4: price never lowers or raises quality; only withdrawal is a verdict."""
    price = RULES.criteria["price"]
    assert {price["weights"][p] for p in ("module", "site", "narrow")} == {0}
    verdicts = {
        (s["id"], b["key"]) for s in price["signals"] for b in s["bands"] if b["outcome"] != "not_applicable"
    }
    assert verdicts == {("availability", "withdrawn")}


def test_every_unknown_reason_has_a_text_and_is_named_by_spec() -> None:
    spec = {"not_on_page", "markup_changed", "backend_unreachable", "partner_not_found", "not_checked_by_you"}
    policy = RULES.scoring["unknown_reasons"]
    named = set(policy["by_source"].values()) | {o["reason"] for o in policy["overrides"]}
    assert named == spec == set(RULES.scoring["texts"]["unknown_reasons"])


@pytest.mark.parametrize("cid", ORDER)
def test_every_key_has_a_message_in_both_languages(cid: str) -> None:
    rule = RULES.criteria[cid]
    keys = {band["key"] for signal in rule["signals"] for band in signal["bands"]}
    keys |= {s["not_applicable_when"]["key"] for s in rule["signals"] if "not_applicable_when" in s}
    missing = keys - set(rule["messages"])
    assert not missing
    unused = set(rule["messages"]) - keys
    assert not unused, f"messages nothing can produce: {unused}"
    for text in [*rule["messages"].values(), rule["check_yourself"], rule["title"]]:
        assert text["ru"].strip() and text["en"].strip()
        assert text["ru"] != text["en"]


@pytest.mark.parametrize("cid", ORDER)
def test_metrics_exist_and_every_signal_ends_in_a_default_band(cid: str) -> None:
    for signal in RULES.criteria[cid]["signals"]:
        assert signal["metric"] in METRICS
        assert "when" not in signal["bands"][-1], f"{cid}.{signal['id']}: last band must be the default"


def test_headline_messages_exist() -> None:
    policy = RULES.scoring["headline"]
    keys = (
        {r["key"] for r in policy["rules"]}
        | {b["key"] for b in policy["score_bands"]}
        | {policy["no_score"]["key"]}
    )
    assert keys == set(policy["messages"])


def test_cross_cutting_rules_are_pinned_by_vectors() -> None:
    names = " ".join(case["name"] for case in vector_cases("scoring"))
    for topic in ("price never lowers", "below the minimum", "bonus", "switched-off", "profile"):
        assert topic in names
