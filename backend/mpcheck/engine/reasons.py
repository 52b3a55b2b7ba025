"""Why a signal is unknown (SPEC §4 `unknown_reason`), decided by the policy in scoring.json.

The signal's missing facts (all of its facts when none is missing) name where they would come from
(scoring.json evidence_sources): all from the buyer -> "you"; any from the backend -> "backend";
else "page". The class gives the reason
(by_source); the first override whose fact holds `eq` in the facts replaces it, e.g. page facts of
a page whose markup changed, or backend facts of a developer missing from the partners rating.
"""

from __future__ import annotations

from typing import Any

from mpcheck.engine.bands import same_scalar
from mpcheck.engine.facts_access import get_path


def source_class(paths: list[str], evidence_sources: dict[str, Any]) -> str:
    """page | backend | you for a signal's fact paths (the path prefix policy, not facts.sources:
    a fact that is missing has no source of its own)."""
    sources = [_prefix_source(path, evidence_sources) for path in paths]
    if all(source == "you" for source in sources):
        return "you"
    return "backend" if "backend" in sources else "page"


def _prefix_source(path: str, policy: dict[str, Any]) -> str:
    for rule in policy["prefixes"]:
        if path.startswith(rule["prefix"]):
            return str(rule["source"])
    return str(policy["default"])


def unknown_reason(signal: dict[str, Any], facts: dict[str, Any], scoring: dict[str, Any]) -> str:
    """The reason an unknown signal gives for itself."""
    policy = scoring["unknown_reasons"]
    missing = [path for path in signal["facts"] if get_path(facts, path) is None]
    source = source_class(missing or signal["facts"], scoring["evidence_sources"])
    for override in policy["overrides"]:
        if override["source"] == source and same_scalar(get_path(facts, override["fact"]), override["eq"]):
            return str(override["reason"])
    return str(policy["by_source"][source])
