"""Marketplace-backed endpoints (SPEC §5): partners, solution facts, report, history.

Every response carries cache meta (`stale`, `age_seconds`, `fetched_at`); failures are JSON:
400 bad input, 404 unknown upstream, 502 Marketplace failure with nothing stale cached, 504 timeout.
"""

from __future__ import annotations

import re

from flask import Blueprint, Flask, current_app, jsonify, request
from flask.typing import ResponseReturnValue

from mpcheck.api.errors import ApiError
from mpcheck.api.rules import current_rules
from mpcheck.marketplace import service as mp
from mpcheck.marketplace.errors import MarketplaceError, NotFound, UpstreamTimeout
from mpcheck.marketplace.partners import normalize_partner_id
from mpcheck.marketplace.urls import normalize_code
from mpcheck.validation import FactsError, parse_options

bp = Blueprint("marketplace", __name__)

LANGS = ("ru", "en")
MAX_RATING_PAGE = 100
PAGE_NUMBER = re.compile(r"0*([0-9]{1,3})", re.ASCII)  # leading zeros allowed, as /openapi.json says


def init_app(app: Flask) -> None:
    """Create the app's Marketplace service (fetcher, caches, store)."""
    mp.init_app(app)


def _service() -> mp.MarketplaceService:
    return mp.get_service(current_app)


@bp.errorhandler(MarketplaceError)
def _upstream(exc: MarketplaceError) -> ResponseReturnValue:
    """Upstream failures with nothing stale to serve (stale answers never reach here)."""
    status = 404 if isinstance(exc, NotFound) else 504 if isinstance(exc, UpstreamTimeout) else 502
    return jsonify({"error": exc.reason, "message": str(exc)}), status


def _code(raw: str) -> str:
    try:
        return normalize_code(raw)
    except ValueError as exc:
        raise ApiError(400, "bad_code", str(exc), "code") from None


def _partner_id(raw: str) -> int:
    try:
        return normalize_partner_id(raw)
    except ValueError as exc:
        raise ApiError(400, "bad_partner_id", str(exc), "id") from None


@bp.get("/partners/rating")
def partners_rating() -> ResponseReturnValue:
    """One page (`?page=N`, 25 rows) of the developers' rating list, cached for hours."""
    match = PAGE_NUMBER.fullmatch(request.args.get("page", "1"))
    # ASCII digits only: str.isdigit() also admits "²" and "١", and int() of 5 000 digits raises.
    if not match or not 1 <= int(match.group(1)) <= MAX_RATING_PAGE:
        raise ApiError(400, "bad_page", f"page must be an integer 1..{MAX_RATING_PAGE}", "page")
    cached = _service().fetch_rating_list(int(match.group(1)))
    return jsonify({"rating": cached.value, "meta": cached.meta()})


@bp.get("/partners/<pid>")
def partner(pid: str) -> ResponseReturnValue:
    """Partner facts incl. rating position and total."""
    facts, meta = _service().fetch_partner(_partner_id(pid))
    return jsonify({"partner": facts, "meta": meta})


@bp.get("/solutions/<code>")
def solution(code: str) -> ResponseReturnValue:
    """Facts read server-side from the solution page (plus pager pages and the feed)."""
    facts, meta = _service().fetch_solution_facts(_code(code))
    return jsonify({"facts": facts, "meta": meta})


@bp.get("/solutions/<code>/report")
def solution_report(code: str) -> ResponseReturnValue:
    """The report for the solution's facts merged with partner facts; query lang, profile, disabled, today."""
    checked = _code(code)
    lang = request.args.get("lang", "ru")
    if lang not in LANGS:
        raise ApiError(400, "bad_option", "lang must be ru or en", "lang")
    rules = current_rules()
    try:
        options = parse_options(request.args.to_dict(), rules)
    except FactsError as exc:
        raise ApiError(400, "bad_option", str(exc), exc.field) from exc
    result = _service().solution_report(checked, rules=rules, **options)
    result["lang"] = lang  # the report carries both languages; lang says which one the caller shows
    return jsonify(result)


@bp.get("/solutions/<code>/history")
def solution_history(code: str) -> ResponseReturnValue:
    """Changelog timeline and stored observations (newest first) with the last change."""
    return jsonify(_service().history(_code(code)))
