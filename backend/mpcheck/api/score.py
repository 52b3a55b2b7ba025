"""POST /score (facts -> report) and POST /score/batch ({"items": [facts...]} -> reports).

The batch is a listing page's cards: each is merged with the store's latest full read of its
solution first (marketplace/card_memory.py), so the reports say more than the cards alone, and
`facts` / `stored` tell the caller what was scored and how old the stored part is. A stored read
the merged facts cannot pass the schema with (stored under an older one) is not used: the card is
scored alone and its `stored` is null.

`listing_url` (optional): the listing page the cards are on. Its own XML feed is read once per URL
and TTL (marketplace/listing_feed.py) and fills what the cards and stored reads lack; `sources`
says per card where each known field came from, `feed` how old the feed is (or why it was not
used). A listing_url that is not a Marketplace catalog, category or search URL is a 400: the
extension only sends the listing page it is on, so anything else is a client bug or a probe, and
reading it would be a fetch the allowlist exists to refuse.
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
from mpcheck.marketplace.listing_feed import NotAListing, feed_url
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
    feed, feed_meta = _listing_feed(body.get("listing_url"))
    feed_age = feed_meta.get("age_seconds") if feed_meta else None
    merged_items, stored, sources = with_memory(items, _stored_facts(items), feed=feed, feed_age=feed_age)
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
                sources[index] = with_memory([card], {})[2][0]
                try:
                    report = _score_one(card, options)
                except FactsError as card_exc:
                    report = _error_entry(index, card_exc)
        reports.append(report)
        # the merged facts only where a report was built: an invalid item is not echoed back
        merged.append(facts if "error" not in report else None)
        if "error" in report:
            sources[index] = None
    return jsonify(
        {"reports": reports, "facts": merged, "stored": stored, "sources": sources, "feed": feed_meta}
    )


def _error_entry(index: int, exc: FactsError) -> dict[str, Any]:
    field = f"items.{index}" + (f".{exc.field}" if exc.field else "")
    return {"error": "invalid_facts", "message": str(exc), "field": field}


def _listing_feed(listing_url: Any) -> tuple[dict[str, dict[str, Any]], dict[str, Any] | None]:
    """The listing feed's items by code and its meta; nothing (and no meta) without a listing_url."""
    if listing_url is None:
        return {}, None
    service = mp.get_service(current_app)
    try:
        url = feed_url(service.fetcher.policy, listing_url)
    except NotAListing as exc:
        raise ApiError(400, "invalid_listing_url", str(exc), "listing_url") from exc
    return service.listing_feeds.read(url)


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
