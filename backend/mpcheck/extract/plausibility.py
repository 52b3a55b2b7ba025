"""Plausibility: a value that contradicts the page itself is dropped (null), never passed on.

A wrong value flips a verdict; a null only asks the buyer to check. So after every field is read,
the facts are checked against each other and against the reference day: a date after today (a
changelog entry's too: a release not out yet or a date that is not the release's, and nothing tells
which, so the whole log goes), a publication after the last update, a «version» newer than every release of the changelog, or older than its newest one and none of its releases (a stale JSON-LD number) (the
1C-Bitrix core's number quoted somewhere), a demo longer than a year, a stated total smaller than
the items shown. Each rejection is listed in `extraction.rejected` and marks the markup as changed;
the other fields are untouched.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mpcheck.extract.values import version_key

EARLIEST = "2009-01-01"  # the Marketplace opened after this: an earlier date is not a page date
MAX_DEMO_DAYS = 366
MAX_PRICE_RUB = 10_000_000


def _reject(facts: dict[str, Any], out: list[dict[str, Any]], path: tuple[str, ...], why: str) -> None:
    node = facts
    for key in path[:-1]:
        node = node[key]
    out.append({"field": ".".join(path), "value": node[path[-1]], "why": why})
    node[path[-1]] = None


def _dates(facts: dict[str, Any], today: str, out: list[dict[str, Any]]) -> None:
    if any(e.get("date") and e["date"] > today for e in facts.get("changelog") or []):
        _reject(facts, out, ("changelog",), "an entry after today")
    for field in ("published", "updated"):
        value = facts.get(field)
        if value and value > today:
            _reject(facts, out, (field,), "after today")
        elif value and value < EARLIEST:
            _reject(facts, out, (field,), "before the Marketplace existed")
    published, updated = facts.get("published"), facts.get("updated")
    if published and updated and published > updated:
        releases = [e["date"] for e in facts.get("changelog") or [] if e.get("date")]
        if releases and updated == max(releases):
            _reject(facts, out, ("published",), "after the last update")
        elif releases and published <= min(releases):
            _reject(facts, out, ("updated",), "before the publication")
        else:
            _reject(facts, out, ("published",), "after the last update")
            _reject(facts, out, ("updated",), "before the publication")
    until = facts["price"].get("discount_until")
    if until and until < EARLIEST:
        _reject(facts, out, ("price", "discount_until"), "before the Marketplace existed")


def _version(facts: dict[str, Any], out: list[dict[str, Any]]) -> None:
    value = facts.get("version")
    releases = [e["version"] for e in facts.get("changelog") or [] if e.get("version")]
    if value and releases and value not in releases and version_key(value) > max(map(version_key, releases)):
        _reject(facts, out, ("version",), "newer than every release in the changelog")
    elif (
        value
        and releases
        and value not in releases
        and _trim(version_key(value)) < _trim(_newest_release(releases))
    ):
        # a stale number the changelog has passed (a JSON-LD «softwareVersion: 1.9.0» under a log whose
        # newest release is 2.1.0: audit5 a5support m_jsonld_version_noprops); the changelog's then fills it
        _reject(facts, out, ("version",), "older than the changelog's newest release")


def _newest_release(releases: list[str]) -> tuple[int, ...]:
    """The highest version key among the changelog's releases (TS: `newest` in `version`)."""
    return max(map(version_key, releases))


def _trim(key: tuple[int, ...]) -> tuple[int, ...]:
    """A version key without its trailing zeros: «2.1» and «2.1.0» are one version (TS `trim`)."""
    out = list(key)
    while out and out[-1] == 0:
        out.pop()
    return tuple(out)


def _counts(facts: dict[str, Any], out: list[dict[str, Any]]) -> None:
    for block in ("reviews", "comments"):
        total, items = facts[block].get("total"), facts[block].get("items")
        if total is not None and isinstance(items, list) and len(items) > total:
            _reject(facts, out, (block, "total"), "fewer than the items shown")
    days = facts["demo"].get("days")
    if days is not None and not 0 < days <= MAX_DEMO_DAYS:
        _reject(facts, out, ("demo", "days"), "not a trial length")
    rub = facts["price"].get("rub")
    if rub is not None and not 0 <= rub <= MAX_PRICE_RUB:
        _reject(facts, out, ("price", "rub"), "not a price")


def check(facts: dict[str, Any], today: dt.date) -> list[dict[str, Any]]:
    """Drop the implausible values of a facts object in place; returns what was dropped and why."""
    out: list[dict[str, Any]] = []
    _dates(facts, today.isoformat(), out)
    _version(facts, out)
    _counts(facts, out)
    return out
