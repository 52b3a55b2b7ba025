"""POST /score (facts -> report) and POST /score/batch ({"items": [facts...]} -> reports).

The batch is a listing page's cards: each is merged with the store's latest full read of its
solution first (marketplace/card_memory.py), so the reports say more than the cards alone, and
`facts` / `stored` tell the caller what was scored and how old the stored part is. A stored read
the merged facts cannot pass the schema with (stored under an older one) is not used: the card is
scored alone and its `stored` is null.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, current_app, jsonify, request
from flask.typing import ResponseReturnValue

from mpcheck.api.body import read_json_body, unsafe_value
from mpcheck.api.errors import ApiError
from mpcheck.api.rules import current_rules
from mpcheck.engine import build_report
from mpcheck.marketplace import service as mp
from mpcheck.marketplace.card_memory import with_memory
from mpcheck.validation import FactsError, parse_options

bp = Blueprint("score", __name__)
log = logging.getLogger(__name__)


def _options() -> dict[str, Any]:
    try:
        return parse_options(request.args.to_dict(), current_rules())
    except FactsError as exc:
        raise ApiError(400, "bad_option", str(exc), exc.field) from exc


def _score_one(facts: Any, options: dict[str, Any]) -> dict[str, Any]:
    rules = current_rules()
    unsafe = unsafe_value(facts)
    if unsafe is not None:
        raise FactsError(f"{unsafe[0] or 'body'} {unsafe[1]}", unsafe[0])
    # build_report checks the facts against facts.schema.json itself (the same FactsError and
    # field), so the error JSON is the one the engine's door gives every caller.
    return build_report(facts, rules, **options)


@bp.post("/score")
def score() -> ResponseReturnValue:
    """Score one facts object; query: profile, disabled (comma list), today (YYYY-MM-DD)."""
    options = _options()
    facts = read_json_body()
    try:
        return jsonify(_score_one(facts, options))
    except FactsError as exc:
        raise ApiError(400, "invalid_facts", str(exc), exc.field) from exc


@bp.post("/score/batch")
def score_batch() -> ResponseReturnValue:
    """Score many facts (a listing page); one bad item gets an error entry, the rest still score."""
    options = _options()
    body = read_json_body()
    items = body.get("items") if isinstance(body, dict) else None
    if not isinstance(items, list):
        raise ApiError(400, "invalid_body", 'expected {"items": [facts, ...]}', "items")
    limit = current_app.config["MAX_BATCH_ITEMS"]
    if len(items) > limit:
        raise ApiError(413, "too_many_items", f"at most {limit} items per batch", "items")
    merged_items, stored = with_memory(items, _stored_facts(items))
    reports: list[dict[str, Any]] = []
    merged: list[Any] = []
    for index, (card, facts) in enumerate(zip(items, merged_items, strict=True)):
        try:
            report = _score_one(facts, options)
        except FactsError as exc:
            report = _error_entry(index, exc)
            if stored[index] is not None:
                # A read stored under an older facts schema (a key since dropped or renamed) must
                # not turn a valid card into an error: the card is scored alone, and `stored`
                # says the read was not used.
                log.warning("score/batch: stored read of item %d not used: %s", index, exc)
                stored[index], facts = None, card
                try:
                    report = _score_one(card, options)
                except FactsError as card_exc:
                    report = _error_entry(index, card_exc)
        reports.append(report)
        # the merged facts only where a report was built: an invalid item is not echoed back
        merged.append(facts if "error" not in report else None)
    return jsonify({"reports": reports, "facts": merged, "stored": stored})


def _error_entry(index: int, exc: FactsError) -> dict[str, Any]:
    field = f"items.{index}" + (f".{exc.field}" if exc.field else "")
    return {"error": "invalid_facts", "message": str(exc), "field": field}


def _stored_facts(items: list[Any]) -> dict[str, dict[str, Any]]:
    """The store's latest reads of the cards' solutions (one query); none when the store fails:
    the cards are then scored as they are, as before the store existed."""
    codes = [item["code"] for item in items if isinstance(item, dict) and isinstance(item.get("code"), str)]
    if not codes:
        return {}
    try:
        return mp.get_service(current_app).store.stored_facts(codes)
    except Exception as exc:
        log.warning("score/batch: stored facts unavailable: %s", type(exc).__name__)
        return {}
