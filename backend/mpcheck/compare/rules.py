"""The comparison policy (shared_rules/comparison.json), read once and checked against its schema.

The version is the fingerprint of the whole rules directory (the same one reports carry), so a
comparison says exactly which rules produced it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from mpcheck.rules import RulesError, rules_fingerprint


@dataclass(frozen=True, eq=False)
class ComparisonRules:
    """comparison.json as the comparison needs it (numbers unwrapped from their origin records)."""

    version: str
    roughly_equal_points: float
    price_threshold: dict[str, float]
    status_rank: dict[str, int]
    passing: tuple[str, ...]
    capped_keys: tuple[str, ...]  # headlines kept below passing by a rule, whatever is unknown
    swing_ignores_bonus: bool
    rating_top: int
    rating_last: int
    plurals: dict[str, dict[str, list[str]]]
    texts: dict[str, dict[str, dict[str, str]]]
    numbers: dict[str, dict[str, Any]]  # the engine's locale styles (scoring.json "numbers"): money


def parse_comparison_rules(
    data: dict[str, Any], version: str, numbers: dict[str, dict[str, Any]]
) -> ComparisonRules:
    """Unwrap a schema-valid comparison.json; `numbers` is scoring.json's, so a price reads as in
    a report («12 990 руб.», one digit grouping for both)."""
    prices = data["price_insignificant_rub"]
    return ComparisonRules(
        version=version,
        roughly_equal_points=data["roughly_equal_score_points"]["value"],
        price_threshold={kind: prices[kind]["value"] for kind in ("module", "site", "unknown")},
        status_rank=dict(data["status_rank"]["values"]),
        passing=tuple(data["passing_headline"]["statuses"]),
        capped_keys=tuple(data["passing_headline"]["capped_keys"]),
        swing_ignores_bonus=bool(data["swing"]["ignore_bonus"]),
        rating_top=int(data["partner_rating"]["top"]["value"]),
        rating_last=int(data["partner_rating"]["last"]["value"]),
        plurals={k: v for k, v in data["plurals"].items() if k != "$comment"},
        texts=data["texts"],
        numbers={lang: numbers[lang] for lang in ("ru", "en")},
    )


def read_comparison_rules(rules_dir: str | Path) -> ComparisonRules:
    """Read and validate comparison.json of a rules directory (raises RulesError); money is
    written in the style of the same directory's scoring.json."""
    root = Path(rules_dir)
    try:
        data = json.loads((root / "comparison.json").read_text(encoding="utf-8"))
        schema = json.loads((root / "comparison.schema.json").read_text(encoding="utf-8"))
        numbers = json.loads((root / "scoring.json").read_text(encoding="utf-8"))["numbers"]
    except (OSError, ValueError, KeyError) as exc:
        raise RulesError(f"comparison.json: {exc}") from exc
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        where = "/".join(str(p) for p in errors[0].path)
        raise RulesError(f"comparison.json: {where}: {errors[0].message}")
    return parse_comparison_rules(data, rules_fingerprint(root), numbers)


def text(rules: ComparisonRules, table: str, key: str, lang: str) -> str:
    """One localized template; a missing key shows as the key itself (the tests catch that)."""
    entry = rules.texts.get(table, {}).get(key)
    return entry[lang] if entry else key
