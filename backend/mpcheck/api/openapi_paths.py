"""The `paths` part of the OpenAPI document (kept apart: it is long and purely declarative)."""

from __future__ import annotations

from typing import Any

ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
REPORT = {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}}
ANY_JSON = {"application/json": {"schema": {"type": "object"}}}
SCORE_PARAMS = [
    {"name": "profile", "in": "query", "schema": {"enum": ["module", "site", "narrow"]}},
    {"name": "disabled", "in": "query", "schema": {"type": "string", "pattern": "^[a-z_,]*$"}},
    {"name": "today", "in": "query", "schema": {"type": "string", "format": "date"}},
]
CODE = {
    "name": "code",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "pattern": "^[a-z0-9_]+\\.[a-z0-9_]+$", "maxLength": 120},
}


def _errors(*codes: int) -> dict[str, Any]:
    return {str(code): {"description": "error", "content": ERROR} for code in codes}


def _get(summary: str, ok: dict[str, Any], *codes: int, params: list | None = None) -> dict[str, Any]:
    op: dict[str, Any] = {
        "summary": summary,
        "responses": {"200": {"description": "ok", "content": ok}, **_errors(*codes)},
    }
    if params:
        op["parameters"] = params
    return {"get": op}


def paths() -> dict[str, Any]:
    """All documented routes under /api/v1."""
    facts_body = {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Facts"}}},
    }
    batch_body = {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["items"],
                    "properties": {"items": {"type": "array", "maxItems": 100}},
                }
            }
        },
    }
    return {
        "/health": _get("Liveness, rules version, cache and store stats", ANY_JSON),
        "/rules": _get("The rules bundle (ETag = rules version)", ANY_JSON),
        "/openapi.json": _get("This document", ANY_JSON),
        "/score": {
            "post": {
                "summary": "Score one facts object",
                "parameters": SCORE_PARAMS,
                "requestBody": facts_body,
                "responses": {"200": {"description": "report", "content": REPORT}, **_errors(400, 413, 415)},
            }
        },
        "/score/batch": {
            "post": {
                "summary": "Score many facts objects (one entry per item, errors inline)",
                "parameters": SCORE_PARAMS,
                "requestBody": batch_body,
                "responses": {
                    "200": {"description": "reports", "content": ANY_JSON},
                    **_errors(400, 413, 415),
                },
            }
        },
        "/partners/rating": _get("The developers' rating list (cached)", ANY_JSON, 502, 504),
        "/partners/{partner_id}": _get(
            "Partner facts incl. rating position (cached)",
            ANY_JSON,
            400,
            404,
            502,
            504,
            params=[{"name": "partner_id", "in": "path", "required": True, "schema": {"type": "string"}}],
        ),
        "/solutions/{code}": _get(
            "Facts read from the Marketplace", ANY_JSON, 400, 404, 502, 504, params=[CODE]
        ),
        "/solutions/{code}/report": _get(
            "Report for the solution merged with partner facts",
            REPORT,
            400,
            404,
            502,
            504,
            params=[CODE, *SCORE_PARAMS],
        ),
        "/solutions/{code}/history": _get(
            "Changelog timeline and stored observations", ANY_JSON, 400, 404, 502, 504, params=[CODE]
        ),
    }
