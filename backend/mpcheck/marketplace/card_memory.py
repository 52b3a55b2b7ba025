"""A catalog card merged with what the backend already knows of its solution (issue 11 point 2).

A card alone carries about two of the nine steps (price, a «Демо N дней» badge, rating, installs), so
its own report rarely has a score. The store keeps the latest full read of every solution anyone
read through this backend (a page read, a visit's history lookup, `mpcheck crawl`): the card is
laid over that read, so what the listing shows now (today's price, its demo badge) wins and the
rest (reviews, changelog, support, ...) comes from the stored read, with its age said. The
listing's own XML feed, read once per listing URL and TTL (listing_feed.py), fills what both lack
(version, the last change date, installs) and is layered by age against the stored read.
No Marketplace request is made here: a listing view never costs per-card page fetches.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

# Card keys that describe the card itself, not the solution: the stored read's own stay.
CARD_ONLY = frozenset({"schema", "page_type", "url", "found_by"})
# Never taken from a listing's feed: what the feed parser says about its own reading, and the
# identity the card already has.
FEED_SKIP = CARD_ONLY | {"code", "extraction"}
# Values that describe one offer, taken from the first source that knows them (the keys named
# here) rather than mixed key by key: a card's price without a struck one laid over a stored read's
# `old_rub` would invent a discount; a fresh «no trial» over a stored 14-day demo would keep
# `days: 14` under `available: false`. The flag says whether a later source that agrees on those
# keys may still fill the rest (a feed's «has a trial» plus a stored read's 14 days): a demo yes,
# a price no (a card that shows no struck price has none, it does not lack one).
WHOLE: dict[str, tuple[tuple[str, ...], bool]] = {
    "price": (("rub", "free"), False),
    "demo": (("available",), True),
    "installs": (("label", "min"), False),  # one bucket, as one source shows it
}
STAMP = "%Y-%m-%dT%H:%M:%SZ"

Layer = tuple[str, dict[str, Any]]


def _pick(key: str, values: list[tuple[str, Any]], sources: dict[str, str]) -> Any:
    """The value of `key` from (source, value) pairs in precedence order (nulls already left out)."""
    first_src, first = values[0]
    if key in WHOLE and isinstance(first, dict):
        decides, fills = WHOLE[key]
        known = [(src, v) for src, v in values if isinstance(v, dict)]
        at = next((i for i, (_, v) in enumerate(known) if any(v.get(k) is not None for k in decides)), None)
        if at is None:
            return copy.deepcopy(first)  # nobody knows it: the card's all-null shape
        src, chosen = known[at]
        whole = copy.deepcopy(chosen)
        sources[key] = src
        for later_src, later in known[at + 1 :] if fills else []:
            if any(later.get(k) is not None and later.get(k) != whole.get(k) for k in decides):
                continue  # it disagrees: none of it belongs to the chosen offer
            for sub, item in later.items():
                if item is not None and whole.get(sub) is None:
                    whole[sub] = copy.deepcopy(item)
                    sources[f"{key}.{sub}"] = later_src
        return whole
    if isinstance(first, dict):  # one level deep: a card's rating.average keeps the stored rating.count
        out: dict[str, Any] = {}
        for src, value in values:
            if not isinstance(value, dict):
                continue
            for sub, item in value.items():
                if item is not None and out.get(sub) is None:
                    out[sub] = copy.deepcopy(item)
                    sources[f"{key}.{sub}"] = src
                else:
                    out.setdefault(sub, None)
        return out
    sources[key] = first_src
    return copy.deepcopy(first)


def layered(card: dict[str, Any], layers: list[Layer]) -> tuple[dict[str, Any], dict[str, str]]:
    """The card with every field it lacks (null) filled from `layers`, in their order, and per
    filled field (one level deep: `price`, `rating.count`) the source it came from ("card" or a
    layer's name). The card-only keys (its URL, how it was read) are the stored read's when one is
    among the layers, else the card's; a feed layer gives solution fields only."""
    named: list[Layer] = [("card", card), *layers]
    base = next((facts for name, facts in layers if name == "stored"), card)
    out: dict[str, Any] = {key: copy.deepcopy(base[key]) for key in CARD_ONLY if key in base}
    sources: dict[str, str] = {}
    keys = list(dict.fromkeys(key for _, facts in named for key in facts))
    for key in keys:
        if key in CARD_ONLY:
            continue
        values = [
            (name, facts[key])
            for name, facts in named
            if facts.get(key) is not None and not (name == "feed" and key in FEED_SKIP)
        ]
        if values:
            # the code is what the layers were matched by: it has no source of its own
            out[key] = _pick(key, values, sources if key != "code" else {})
        elif any(key in facts for name, facts in named if not (name == "feed" and key in FEED_SKIP)):
            out[key] = None
    return out, sources


def overlay(stored: dict[str, Any], card: dict[str, Any]) -> dict[str, Any]:
    """The stored facts with every value the card knows (not None) laid over them, one level deep:
    a card's `rating.average` replaces the stored one and keeps the stored `rating.count`."""
    return layered(card, [("stored", stored)])[0]


def age_seconds(read_at: str, now: datetime | None = None) -> int | None:
    """Whole seconds since `read_at` (the store's UTC stamp); None for a stamp it cannot read."""
    try:
        then = datetime.strptime(read_at, STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    return max(0, int(((now or datetime.now(UTC)) - then).total_seconds()))


def _order(
    stored: Layer | None, stored_age: int | None, feed: Layer | None, feed_age: float | None
) -> list[Layer]:
    """The stored read and the listing's feed item, fresher first. Both describe the same solution
    at two moments, and the newer one is right about what changes (price, version, installs); the
    older fills only what the newer lacks. The feed is usually the newer (read within its TTL,
    minutes, while a stored read can be days old), but a buyer who opened the solution after the
    feed was cached left a newer full read, and that one then wins. Unknown ages: the feed first."""
    if stored and feed:
        stored_first = stored_age is not None and feed_age is not None and stored_age < feed_age
        return [stored, feed] if stored_first else [feed, stored]
    return [layer for layer in (stored, feed) if layer]


def with_memory(
    cards: list[Any],
    stored: dict[str, dict[str, Any]],
    now: datetime | None = None,
    *,
    feed: dict[str, dict[str, Any]] | None = None,
    feed_age: float | None = None,
) -> tuple[list[Any], list[dict[str, Any] | None], list[dict[str, str] | None]]:
    """Each card merged with its stored read and its item in the listing's feed (cards neither
    knows, or odd items, as they came); per card what was used of the store (`{"read_at",
    "age_seconds"}` or None), and per card the source of every known field (None for an odd item)."""
    merged: list[Any] = []
    used: list[dict[str, Any] | None] = []
    sources: list[dict[str, str] | None] = []
    for card in cards:
        code = card.get("code") if isinstance(card, dict) else None
        if not isinstance(card, dict) or not isinstance(code, str):
            merged.append(card)
            used.append(None)
            sources.append(None)
            continue
        memory = stored.get(code)
        item = (feed or {}).get(code)
        stored_age = age_seconds(memory["read_at"], now) if memory else None
        layers = _order(
            ("stored", memory["facts"]) if memory else None,
            stored_age,
            ("feed", item) if item else None,
            feed_age,
        )
        facts, filled = layered(card, layers)
        merged.append(facts if layers else card)
        used.append({"read_at": memory["read_at"], "age_seconds": stored_age} if memory else None)
        sources.append(filled)
    return merged, used, sources
