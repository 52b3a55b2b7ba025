"""The `paths` part of the OpenAPI document (kept apart: it is long and purely declarative)."""

from __future__ import annotations

from typing import Any

ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
REPORT = {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}}
ANY_JSON = {"application/json": {"schema": {"type": "object"}}}
META = {"$ref": "#/components/schemas/Meta"}
FACTS = {"$ref": "#/components/schemas/Facts"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def _cached(key: str, inner: dict[str, Any]) -> dict[str, Any]:
    """`{key: ..., "meta": cache meta}`: how every Marketplace-backed answer is shaped."""
    return _json({"type": "object", "required": [key, "meta"], "properties": {key: inner, "meta": META}})


SOLUTION_REPORT = _json(
    {
        "type": "object",
        "required": ["report", "facts", "meta", "lang"],
        "properties": {
            "report": {"$ref": "#/components/schemas/Report"},
            "facts": FACTS,
            "meta": META,
            "lang": {"enum": ["ru", "en"]},
        },
    }
)
HISTORY = _json(
    {
        "type": "object",
        "required": ["code", "changelog", "meta", "observations", "changes"],
        "properties": {
            "code": {"type": "string"},
            "changelog": {"type": ["array", "null"]},
            "meta": {"type": ["object", "null"]},  # cache meta, or {error, message} when upstream failed
            "observations": {"type": "array", "items": {"type": "object"}},
            "changes": {"type": "object"},
            "latest_read": {  # the store's latest full read of the solution, or null
                "type": ["object", "null"],
                "properties": {"read_at": {"type": "string"}, "facts": {"type": "object"}},
            },
        },
    }
)
BATCH = _json(
    {
        "type": "object",
        "required": ["reports"],
        "properties": {
            "reports": {
                "type": "array",
                "items": {
                    "anyOf": [{"$ref": "#/components/schemas/Report"}, {"$ref": "#/components/schemas/Error"}]
                },
            },
            # per item: the card merged with the store's latest read of its solution and the
            # listing feed's item (null for an invalid item), and that read's stamp and age (null:
            # never read by this backend)
            "facts": {"type": "array", "items": {"type": ["object", "null"]}},
            "stored": {
                "type": "array",
                "items": {
                    "type": ["object", "null"],
                    "properties": {
                        "read_at": {"type": "string"},
                        "age_seconds": {"type": ["integer", "null"], "minimum": 0},
                    },
                },
            },
            # per item: the source of every known field ("card" | "stored" | "feed"), one level
            # deep ("price", "rating.count"); null for an invalid item
            "sources": {
                "type": "array",
                "items": {
                    "type": ["object", "null"],
                    "additionalProperties": {"enum": ["card", "stored", "feed"]},
                },
            },
            # the listing's feed (null without listing_url): status ok | stale | pending | failed,
            # the feed path read, its cache age, its item count, a note when it was not used
            "feed": {
                "type": ["object", "null"],
                "required": ["url", "status"],
                "properties": {
                    "url": {"type": "string"},
                    "status": {"enum": ["ok", "stale", "pending", "failed"]},
                    "age_seconds": {"type": "number", "minimum": 0},
                    "fetched_at": {"type": "string"},
                    "cache": {"type": "string"},
                    "stale": {"type": "boolean"},
                    "items": {"type": "integer", "minimum": 0},
                    "error": {"type": "string"},
                    "note": {"type": "string"},
                },
            },
        },
    }
)
PAGE = {
    "name": "page",
    "in": "query",
    "schema": {"type": "string", "pattern": "^0*(?:[1-9][0-9]?|100)$"},
    "description": "rating page 1..100 (25 rows each)",
}


def score_params(criteria: list[str]) -> list[dict[str, Any]]:
    """profile / disabled / today; `disabled` is a comma list of criterion ids (empty parts ignored),
    anything else is a 400, so the pattern names the ids rather than any lower-case word."""
    ids = "|".join(criteria)
    return [
        {"name": "profile", "in": "query", "schema": {"enum": ["module", "site", "narrow"]}},
        {
            "name": "disabled",
            "in": "query",
            "schema": {"type": "string", "pattern": f"^(?:{ids})?(?:,(?:{ids})?)*$"},
        },
        {"name": "today", "in": "query", "schema": {"type": "string", "format": "date"}},
    ]


CODE = {
    "name": "code",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "pattern": "^[a-z0-9_]+\\.[a-z0-9_]+$", "maxLength": 100},
    "example": "nordlab.smartseo",
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


CLIENT = {
    "name": "X-Mpcheck-Client",
    "in": "header",
    "required": True,
    "schema": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": "\\S"},
    "description": "any non-empty value; the extension and CLI send it (SPEC §12)",
    "example": "mpcheck-extension",
}
OPEN = ("/health", "/openapi.json")


def _guarded(documented: dict[str, Any]) -> dict[str, Any]:
    """Every operation may get 421 (a Host this server does not serve); all but health and openapi
    need the client header and answer 403 without it, and 429 when a rate limit is configured."""
    for path, item in documented.items():
        for op in item.values():
            op["responses"].update(_errors(421))
            if path not in OPEN:
                op["parameters"] = [CLIENT, *op.get("parameters", [])]
                op["responses"].update(_errors(403, 429))
    return documented


def paths(criteria: list[str]) -> dict[str, Any]:
    """All documented routes under /api/v1; `criteria` are the rules' criterion ids (for `disabled`)."""
    return _guarded(_paths(criteria))


def _paths(criteria: list[str]) -> dict[str, Any]:
    score_query = score_params(criteria)
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
                    "properties": {
                        "items": {"type": "array", "maxItems": 100},
                        # the listing page the cards are on: its own XML feed fills what they lack
                        "listing_url": {
                            "type": "string",
                            "maxLength": 2048,
                            # what marketplace/listing_feed.py accepts on the production host
                            "pattern": r"^https://marketplace\.1c-bitrix\.ru/"
                            r"(?:solutions/(?:category/[0-9]{1,9}/?)?|search/(?:index\.php)?)"
                            r"(?:\?(?:[A-Za-z0-9._~=&+-]|%[0-9A-Fa-f]{2}){0,600})?(?:#[A-Za-z0-9._~-]{0,40})?$",
                            "description": "a Marketplace catalog, category or search page URL "
                            "(https://marketplace.1c-bitrix.ru/solutions/, /solutions/category/<n>/, "
                            "/search/); anything else is a 400 invalid_listing_url",
                        },
                    },
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
                "parameters": score_query,
                "requestBody": facts_body,
                "responses": {"200": {"description": "report", "content": REPORT}, **_errors(400, 413, 415)},
            }
        },
        "/score/batch": {
            "post": {
                "summary": "Score many facts objects (one entry per item, errors inline)",
                "parameters": score_query,
                "requestBody": batch_body,
                "responses": {
                    "200": {"description": "one report or inline error per item", "content": BATCH},
                    **_errors(400, 413, 415),
                },
            }
        },
        "/partners/rating": _get(
            "The developers' rating list (cached)",
            _cached("rating", {"type": "object"}),
            400,
            502,
            504,
            params=[PAGE],
        ),
        "/partners/{partner_id}": _get(
            "Partner facts incl. rating position (cached)",
            _cached("partner", {"type": "object"}),
            400,
            404,
            502,
            504,
            params=[
                {
                    "name": "partner_id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "pattern": "^[0-9]{1,12}$"},
                    "example": "731204",
                }
            ],
        ),
        "/solutions/{code}": _get(
            "Facts read from the Marketplace", _cached("facts", FACTS), 400, 404, 502, 504, params=[CODE]
        ),
        "/solutions/{code}/report": _get(
            "Report for the solution merged with partner facts",
            SOLUTION_REPORT,
            400,
            404,
            502,
            504,
            params=[CODE, *score_query, {"name": "lang", "in": "query", "schema": {"enum": ["ru", "en"]}}],
        ),
        "/solutions/{code}/history": _get(
            "Changelog timeline and stored observations", HISTORY, 400, 404, 502, 504, params=[CODE]
        ),
    }
