"""Merge feed facts into page facts: fill what the page left null, note where the two disagree.

The page wins where it has a value (it is what the buyer sees); the feed fills nulls and its source
is recorded per field in `extraction.sources`. Disagreements are listed in `extraction.conflicts`
as {field, html, feed} so a markup change or a stale cache shows up instead of being hidden.
"""

from __future__ import annotations

import copy
from typing import Any

# (path in the facts object, the per-field source key)
FIELDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("code",), "code"),
    (("name",), "name"),
    (("partner", "id"), "partner"),
    (("partner", "name"), "partner"),
    (("price", "rub"), "price"),
    (("price", "old_rub"), "price"),
    (("price", "free"), "price"),
    (("demo", "available"), "demo"),
    (("demo", "online_demo_url"), "demo"),
    (("installs",), "installs"),
    (("version",), "version"),
    (("changelog",), "changelog"),
    (("support", "free_months"), "support"),
    (("support", "channels"), "support"),
    (("support", "hours"), "support"),
    (("support", "timezone"), "support"),
    (("support", "response_hours"), "support"),
)


def _get(obj: dict[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        obj = obj.get(key) if isinstance(obj, dict) else None  # type: ignore[assignment]
    return obj


def _set(obj: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        obj = obj.setdefault(key, {})
    obj[path[-1]] = value


def _same(path: tuple[str, ...], html: Any, feed: Any) -> bool:
    if path == ("changelog",):  # the feed has no dates: compare the version lists only
        return [e["version"] for e in html][: len(feed)] == [e["version"] for e in feed][: len(html)]
    if path == ("support", "channels"):
        return set(html) == set(feed)
    return bool(html == feed)


def merge_feed(facts: dict[str, Any], feed_facts: dict[str, Any]) -> dict[str, Any]:
    """A copy of `facts` with nulls filled from the feed; sources and conflicts recorded."""
    merged = copy.deepcopy(facts)
    extraction = merged.setdefault(
        "extraction", {"markup_changed": False, "missing_confirmed": [], "sources": {}}
    )
    sources = extraction.setdefault("sources", {})
    conflicts: list[dict[str, Any]] = []
    found_by = merged.setdefault("found_by", {})
    for path, source_key in FIELDS:
        html, feed = _get(merged, path), _get(feed_facts, path)
        if feed in (None, []):
            continue
        if html in (None, []):
            _set(merged, path, copy.deepcopy(feed))
            sources[source_key] = "feed" if sources.get(source_key) != "html" else "html+feed"
            found_by.setdefault(source_key, "feed")
        elif not _same(path, html, feed):
            conflicts.append({"field": ".".join(path), "html": html, "feed": feed})
    html_comments, feed_comments = merged.get("comments") or {}, feed_facts.get("comments") or {}
    if (
        html_comments.get("total") is None
        and not html_comments.get("items")
        and feed_comments.get("total") is not None
    ):
        merged["comments"] = copy.deepcopy(feed_comments)
        sources["comments"] = "feed"
    extraction["conflicts"] = conflicts
    return merged
