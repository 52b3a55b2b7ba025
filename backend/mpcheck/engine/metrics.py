"""Metrics: small pure functions named in the rule files (`"metric": "<name>"`).

Each takes (facts, args, today) and returns a scalar or None (= unknown). Thresholds are
never here: they live in the bands of shared_rules/criteria/*.json. The TypeScript engine
(extension/src/engine/metrics.ts) implements the same functions; shared vectors keep them equal.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from mpcheck.engine.facts_access import days_between, get_path, is_number, is_scalar, parse_iso_date

Scalar = str | int | float | bool
Metric = Callable[[dict[str, Any], dict[str, Any], date], Scalar | None]
MIN_OBSERVED_DAYS = 30  # a truncated list spanning a few days must not extrapolate wildly


def demo_length(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """Trial length in days; 0 = no trial; "length_unknown" = a trial whose length is not shown."""
    available = get_path(facts, "demo.available")
    days = get_path(facts, "demo.days")
    if available is False:
        return 0
    if is_number(days):
        return days
    return "length_unknown" if available is True else None


def support_channel_class(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """Classify the support channels into the tiers named in args (minimum / strong / weak)."""
    channels = get_path(facts, "support.channels")
    if not isinstance(channels, list):
        return None
    present = {c for c in channels if isinstance(c, str)}
    if not present:
        return "none"
    has_minimum = bool(present & set(args["minimum"]))
    has_strong = bool(present & set(args["strong"]))
    if has_minimum and has_strong:
        return "ticket_plus"
    if has_minimum:
        return "ticket"
    if has_strong:
        return "live_only"
    if present <= set(args["weak"]):
        return "email_only"
    return "other"


def value_at(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """The scalar at args.path, or None."""
    value = get_path(facts, args["path"])
    return value if is_scalar(value) else None


def first_known(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """The first scalar found among args.paths (e.g. the buyer's own finding before the backend's)."""
    for path in args["paths"]:
        value = get_path(facts, path)
        if is_scalar(value):
            return value
    return None


# Between the zone name, the sign and the hours: spaces and tabs, plain or no-break (the ones
# Marketplace pages use). Spelled out because "\s" means different sets in Python and JavaScript.
_GAP = "[ \t\u00a0\u202f]"
_MSK_OFFSET = re.compile(f"мск{_GAP}*([+\\-−–]){_GAP}*([0-9]{{1,2}})")
_UTC_OFFSET = re.compile(f"(?:utc|gmt){_GAP}*([+\\-−–]){_GAP}*([0-9]{{1,2}})")
MOSCOW_UTC_OFFSET = 3


def timezone_offset_msk(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """Absolute distance in hours between the support time zone and Moscow time."""
    text = get_path(facts, args["path"])
    if not isinstance(text, str):
        return None
    lowered = text.lower()
    match = _MSK_OFFSET.search(lowered)
    if match:
        return int(match.group(2))
    match = _UTC_OFFSET.search(lowered)
    if match:
        sign = 1 if match.group(1) == "+" else -1
        return abs(sign * int(match.group(2)) - MOSCOW_UTC_OFFSET)
    if "мск" in lowered or "москов" in lowered:
        return 0
    return None


def _dates_in(facts: dict[str, Any], list_path: str, field: str) -> list[date] | None:
    items = get_path(facts, list_path)
    if not isinstance(items, list):
        return None
    found = (parse_iso_date(item.get(field)) for item in items if isinstance(item, dict))
    return [d for d in found if d is not None]


def days_since_newest(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """Days since the newest date in a list (plus any extra date facts); 0 if it is in the future."""
    dates = _dates_in(facts, args["list"], args["field"]) or []
    for path in args.get("also", []):
        extra = parse_iso_date(get_path(facts, path))
        if extra is not None:
            dates.append(extra)
    if not dates:
        return None
    return max(0, days_between(max(dates), today))


def count_within_days(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """How many list items are dated within the last args.days days."""
    dates = _dates_in(facts, args["list"], args["field"])
    if dates is None:
        return None
    return sum(1 for d in dates if days_between(d, today) <= args["days"])


def median_of_field(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """Median of a numeric field over the first args.take items (newest first)."""
    items = get_path(facts, args["list"])
    if not isinstance(items, list):
        return None
    values = sorted(
        item[args["field"]]
        for item in items[: args["take"]]
        if isinstance(item, dict) and is_number(item.get(args["field"]))
    )
    if not values:
        return None
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2


def items_per_month(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """Items a month over the last window_days.

    When the page shows only the newest part of the list (total > items shown) and even the oldest
    shown item falls inside the window, the rate is taken over the span the shown items cover,
    because the older items of the window are on other pages.
    """
    items = get_path(facts, args["list"])
    total = get_path(facts, args["total"])
    if not isinstance(items, list):
        return None
    if total == 0:
        return 0
    if not items:
        return None
    window = args["window_days"]
    deltas = [days_between(d, today) for d in _dates_in(facts, args["list"], "date") or []]
    count = sum(1 for delta in deltas if delta <= window)
    truncated = is_number(total) and total > len(items)
    oldest = max(deltas) if deltas else None
    if truncated and count > 0 and oldest is not None and oldest <= window:
        return per_month(count, max(oldest, MIN_OBSERVED_DAYS))
    return per_month(count, window)


def per_month(count: int, days: int) -> float:
    """count over `days` as a monthly rate, a month being 365/12 days (12 in 365 days is exactly 1)."""
    return count * 365 / (days * 12)


def answered_share(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """Share of items (optionally only those with stars <= max_stars) that the developer answered."""
    items = get_path(facts, args["list"])
    if not isinstance(items, list):
        return None
    max_stars = args.get("max_stars")
    considered = [
        item
        for item in items
        if isinstance(item, dict)
        and (max_stars is None or (is_number(item.get("stars")) and item["stars"] <= max_stars))
    ]
    if not considered:
        return "no_items"
    # An item whose answer could not be told (answered null) is unknown, never "not answered";
    # when no considered item is known the share is unknown, not "no items".
    known = [item for item in considered if isinstance(item.get("answered"), bool)]
    if not known:
        return None
    return sum(1 for item in known if item["answered"]) / len(known)


def age_days(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """Days since the date at args.path (negative if in the future)."""
    when = parse_iso_date(get_path(facts, args["path"]))
    return None if when is None else days_between(when, today)


def partner_rating_zone(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """top / upper / middle / bottom of the partner rating; the top zone ignores small differences."""
    position = get_path(facts, "partner.rating_position")
    total = get_path(facts, "partner.rating_total")
    if not is_number(position):
        return None
    if position <= args["top"]:
        return "top"
    if is_number(total) and position > total - args["bottom"]:
        return "bottom"
    return "upper" if position <= args["upper"] else "middle"


def link_present(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """Whether the page links to it; unknown only when the page's links were not read at all."""
    if not isinstance(facts.get("links"), dict):
        return None
    value = get_path(facts, args["path"])
    return bool(value) if isinstance(value, str | list) else False


def list_length(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """Length of the list at args.path, or None when it was not read."""
    value = get_path(facts, args["path"])
    return len(value) if isinstance(value, list) else None


def price_state(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """ "free", "discount" (a struck-out price above the current one), "promo_expired" (the same,
    but «Акция до» is already past, so the old price is not a current discount) or "paid"."""
    rub = get_path(facts, "price.rub")
    old = get_path(facts, "price.old_rub")
    if get_path(facts, "price.free") is True or rub == 0:
        return "free"
    if not is_number(rub):
        return None
    if is_number(old) and old > rub:
        until = parse_iso_date(get_path(facts, "price.discount_until"))
        return "promo_expired" if until is not None and until < today else "discount"
    return "paid"


def measured_over_declared(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """How many times longer the buyer's measured answer took than the declared response time.

    Unknown unless both are numbers; a declared time of 0 (or less) cannot be a yardstick.
    """
    measured = get_path(facts, args["measured"])
    declared = get_path(facts, args["declared"])
    if not is_number(measured) or not is_number(declared) or measured < 0 or declared <= 0:
        return None
    return measured / declared


def support_breaches(facts: dict[str, Any], args: dict[str, Any], today: date) -> Scalar | None:
    """How many of the buyer's support tests took more than args.factor times the declared time.

    The tests are the list at args.tests, else the single newest test at args.latest. Unknown
    when the buyer recorded none or nothing declared is there to compare with.
    """
    declared = get_path(facts, args["declared"])
    tests = get_path(facts, args["tests"])
    if not isinstance(tests, list):
        latest = get_path(facts, args["latest"])
        tests = [latest] if isinstance(latest, dict) else []
    if not tests or not is_number(declared) or declared <= 0:
        return None
    hours = [t.get("response_hours") for t in tests if isinstance(t, dict)]
    return sum(1 for h in hours if is_number(h) and h / declared > args["factor"])


METRICS: dict[str, Metric] = {
    fn.__name__: fn
    for fn in (
        demo_length,
        support_channel_class,
        value_at,
        first_known,
        timezone_offset_msk,
        days_since_newest,
        count_within_days,
        median_of_field,
        items_per_month,
        answered_share,
        age_days,
        partner_rating_zone,
        link_present,
        list_length,
        price_state,
        measured_over_declared,
        support_breaches,
    )
}
