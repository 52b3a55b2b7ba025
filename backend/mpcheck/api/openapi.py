"""GET /openapi.json: the API description, built from the same facts schema the API validates with."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flask import Blueprint, current_app, jsonify
from flask.typing import ResponseReturnValue

from mpcheck import __version__
from mpcheck.api.openapi_paths import paths
from mpcheck.api.rules import current_rules

bp = Blueprint("openapi", __name__)


def _standalone(schema: dict[str, Any]) -> dict[str, Any]:
    """A JSON Schema file as an OpenAPI component: no $schema/$id, its $defs inlined."""
    body = {k: v for k, v in schema.items() if k not in ("$schema", "$id", "$defs")}
    return dict(_inline_defs(body, schema.get("$defs", {})))


def _report_schema() -> dict[str, Any]:
    path = Path(current_app.config["RULES_DIR"]) / "report.schema.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def _schemas(facts_schema: dict[str, Any], report_schema: dict[str, Any]) -> dict[str, Any]:
    facts = _standalone(facts_schema)
    text = {"type": "object", "properties": {"ru": {"type": "string"}, "en": {"type": "string"}}}
    return {
        "Facts": facts,
        "Error": {
            "type": "object",
            "required": ["error", "message"],
            "properties": {
                "error": {"type": "string"},
                "message": {"type": "string"},
                "field": {"type": "string"},
            },
        },
        "Text": text,
        "Meta": {
            "type": "object",
            "required": ["stale", "age_seconds", "fetched_at", "cache"],
            "properties": {
                "stale": {"type": "boolean"},
                "age_seconds": {"type": "number", "minimum": 0},
                "fetched_at": {"type": "string"},
                "cache": {"enum": ["hit", "miss", "shared", "stale"]},
                "error": {"type": "string"},
                "notes": {"type": "array", "items": {"type": "string"}},
                "partner": {"type": "object"},
                "rating_error": {"type": "string"},
            },
        },
        # The report's contract lives next to the rules (shared_rules/report.schema.json).
        "Report": _standalone(report_schema),
    }


def _inline_defs(node: Any, defs: dict[str, Any]) -> Any:
    """Replace local `#/$defs/x` references so the schema stands alone inside components."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return _inline_defs(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline_defs(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline_defs(v, defs) for v in node]
    return node


@bp.get("/openapi.json")
def openapi() -> ResponseReturnValue:
    """The OpenAPI 3.1 document."""
    return jsonify(
        {
            "openapi": "3.1.0",
            "info": {
                "title": "mpcheck API",
                "version": __version__,
                "description": "Vendor and offer checklist for the 1C-Bitrix Marketplace.",
            },
            "servers": [{"url": "/api/v1"}],
            "paths": paths(list(current_rules().scoring["criteria_order"])),
            "components": {"schemas": _schemas(current_rules().facts_schema, _report_schema())},
        }
    )
