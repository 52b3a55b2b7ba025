"""Reading values out of a facts object by dotted path ("reviews.items", "changelog.0.date")."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits, as the schema says


def get_path(facts: Any, path: str) -> Any:
    """Return the value at a dotted path, or None when any step is missing or of the wrong type."""
    current = facts
    for part in path.split("."):
        if isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and part.isdigit():
            index = int(part)
            current = current[index] if index < len(current) else None
        else:
            return None
        if current is None:
            return None
    return current


def is_number(value: Any) -> bool:
    """Strict number test: booleans are not numbers (json-logic lesson: no coercion)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_scalar(value: Any) -> bool:
    """A value a band can compare: string, number or boolean."""
    return isinstance(value, str | bool) or is_number(value)


def parse_iso_date(value: Any) -> date | None:
    """Parse YYYY-MM-DD; anything else (including datetimes with a time part) is None."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def days_between(earlier: date, today: date) -> int:
    """Whole days from `earlier` to `today` (negative when `earlier` is in the future)."""
    return (today - earlier).days
