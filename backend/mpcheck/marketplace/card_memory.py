"""A catalog card merged with what the backend already knows of its solution (issue 11 point 2).

A card alone carries about two of the nine steps (price, a «Демо N дней» badge, rating, installs), so
its own report rarely has a score. The store keeps the latest full read of every solution anyone
read through this backend (a page read, a visit's history lookup, `mpcheck crawl`): the card is
laid over that read, so what the listing shows now (today's price, its demo badge) wins and the
rest (reviews, changelog, support, ...) comes from the stored read, with its age said.
No Marketplace request is made here: a listing view never costs per-card page fetches.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

# Card keys that describe the card itself, not the solution: the stored read's own stay.
CARD_ONLY = frozenset({"schema", "page_type", "url", "found_by"})
STAMP = "%Y-%m-%dT%H:%M:%SZ"


def overlay(stored: dict[str, Any], card: dict[str, Any]) -> dict[str, Any]:
    """The stored facts with every value the card knows (not None) laid over them, one level deep:
    a card's `rating.average` replaces the stored one and keeps the stored `rating.count`."""
    out = copy.deepcopy(stored)
    for key, value in card.items():
        if key in CARD_ONLY or value is None:
            continue
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key].update({k: copy.deepcopy(v) for k, v in value.items() if v is not None})
        elif not isinstance(value, dict) or key not in out:
            out[key] = copy.deepcopy(value)
    return out


def age_seconds(read_at: str, now: datetime | None = None) -> int | None:
    """Whole seconds since `read_at` (the store's UTC stamp); None for a stamp it cannot read."""
    try:
        then = datetime.strptime(read_at, STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    return max(0, int(((now or datetime.now(UTC)) - then).total_seconds()))


def with_memory(
    cards: list[Any], stored: dict[str, dict[str, Any]], now: datetime | None = None
) -> tuple[list[Any], list[dict[str, Any] | None]]:
    """Each card merged with its stored read (cards the store never saw, or odd items, as they
    came), and per card what was used: `{"read_at", "age_seconds"}` or None."""
    merged: list[Any] = []
    used: list[dict[str, Any] | None] = []
    for card in cards:
        code = card.get("code") if isinstance(card, dict) else None
        memory = stored.get(code) if isinstance(code, str) else None
        if memory is None:
            merged.append(card)
            used.append(None)
            continue
        merged.append(overlay(memory["facts"], card))
        used.append({"read_at": memory["read_at"], "age_seconds": age_seconds(memory["read_at"], now)})
    return merged, used
