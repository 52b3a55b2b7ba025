"""Validate facts against shared_rules/facts.schema.json, naming the first bad field."""

from __future__ import annotations

import copy
from datetime import date
from functools import lru_cache
from typing import Any

import fastjsonschema

from mpcheck.engine.facts_access import parse_iso_date
from mpcheck.rules import Rules


class FactsError(ValueError):
    """Facts that do not match the schema; `field` is the dotted path of the first problem."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


@lru_cache(maxsize=8)
def _validator(rules: Rules) -> Any:
    # The schema only uses keywords whose meaning is the same in draft 7, which fastjsonschema
    # compiles; the meta-tests check the same schema with jsonschema's 2020-12 validator.
    # A deep copy: fastjsonschema's resolver rewrites every nested `$ref` in place to an absolute URI
    # (`$id` + ref), which corrupted the shared rules schema and with it GET /openapi.json.
    schema = copy.deepcopy(dict(rules.facts_schema, **{"$schema": "http://json-schema.org/draft-07/schema#"}))
    return fastjsonschema.compile(schema)


def validate_facts(facts: Any, rules: Rules) -> dict[str, Any]:
    """Return the facts unchanged if valid, else raise FactsError naming the first bad field."""
    if not isinstance(facts, dict):
        raise FactsError("facts must be a JSON object", "")
    try:
        _validator(rules)(facts)
    except fastjsonschema.JsonSchemaValueException as exc:
        field = ".".join(str(part) for part in exc.path[1:])  # path[0] is the root name "data"
        message = exc.message.replace("data.", "", 1) if field else exc.message.replace("data", "facts", 1)
        raise FactsError(message[:300], field) from exc
    return facts


def parse_today(value: str | None) -> date:
    """The evaluation date: an ISO date if given (tests, vectors), else the server's today."""
    if value is None or value == "":
        return date.today()
    parsed = parse_iso_date(value)  # the engine's own strict YYYY-MM-DD reading
    if parsed is None:
        raise FactsError(f"today must be YYYY-MM-DD, got {str(value)[:40]!r}", "today")
    return parsed


def parse_options(args: dict[str, Any], rules: Rules) -> dict[str, Any]:
    """profile / disabled / today from query args or CLI flags, checked against the rules."""
    profile = args.get("profile") or None
    if profile is not None and profile not in rules.scoring["profiles"]["names"]:
        raise FactsError(f"unknown profile {str(profile)[:40]!r}", "profile")
    disabled_raw = args.get("disabled") or ""
    disabled = [d for d in str(disabled_raw).split(",") if d]
    unknown = [d for d in disabled if d not in rules.criteria]
    if unknown:
        raise FactsError(f"unknown criterion {unknown[0][:40]!r} in disabled", "disabled")
    return {"profile": profile, "disabled": disabled, "today": parse_today(args.get("today"))}
