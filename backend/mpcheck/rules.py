"""Load the shared rules (`shared_rules/`), validate them against their schemas, fingerprint them.

The same files are bundled into the extension at build time; `version` is computed the same way
there (extension/build.mjs), so a report says exactly which rules produced it.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

CRITERIA_DIR = "criteria"
VECTORS_DIR = "vectors"


class RulesError(Exception):
    """The rules directory is missing a file or a file does not match its schema."""


@dataclass(frozen=True, eq=False)  # identity hash: used as a cache key
class Rules:
    """Everything the engine needs: global scoring policy and one rule per criterion."""

    version: str
    scoring: dict[str, Any]
    criteria: dict[str, dict[str, Any]]
    facts_schema: dict[str, Any]

    def bundle(self) -> dict[str, Any]:
        """The JSON document served by GET /rules (same shape the extension bundles)."""
        ordered = {cid: self.criteria[cid] for cid in self.scoring["criteria_order"]}
        return {"version": self.version, "scoring": self.scoring, "criteria": ordered}


def rules_fingerprint(rules_dir: Path) -> str:
    """sha256 over every rules JSON file except vectors, in sorted posix path order."""
    digest = hashlib.sha256()
    files = sorted(
        p for p in rules_dir.rglob("*.json") if VECTORS_DIR not in p.relative_to(rules_dir).parts[:1]
    )
    for path in sorted(files, key=lambda p: p.relative_to(rules_dir).as_posix()):
        digest.update(path.relative_to(rules_dir).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RulesError(f"{path}: {exc}") from exc


def read_rules(rules_dir: Path) -> Rules:
    """Read and validate the rules directory (no caching)."""
    scoring = _read_json(rules_dir / "scoring.json")
    rule_schema = _read_json(rules_dir / "rule.schema.json")
    facts_schema = _read_json(rules_dir / "facts.schema.json")
    validator = Draft202012Validator(rule_schema)
    criteria: dict[str, dict[str, Any]] = {}
    for cid in scoring["criteria_order"]:
        rule = _read_json(rules_dir / CRITERIA_DIR / f"{cid}.json")
        errors = sorted(validator.iter_errors(rule), key=lambda e: list(e.path))
        if errors:
            where = "/".join(str(p) for p in errors[0].path)
            raise RulesError(f"{cid}.json: {where}: {errors[0].message}")
        if rule["id"] != cid:
            raise RulesError(f"{cid}.json: id is {rule['id']!r}, must match the file name")
        criteria[cid] = rule
    return Rules(rules_fingerprint(rules_dir), scoring, criteria, facts_schema)


_cache: dict[str, Rules] = {}
_cache_lock = threading.Lock()


def load_rules(rules_dir: str | Path) -> Rules:
    """Read a rules directory once per process; the API keeps its own copy per app (init_app)."""
    key = str(Path(rules_dir).resolve())
    with _cache_lock:
        if key not in _cache:
            _cache[key] = read_rules(Path(rules_dir))
        return _cache[key]
