"""The shared label table (`shared_rules/labels.json`), loaded once and compiled for Python.

The same file drives the TypeScript extractor, so every regex is written to behave identically in
Python `re` and JS `RegExp(..., "iu")`; here the `iu` flags become `re.IGNORECASE` (str patterns are
Unicode already).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

FLAGS = re.IGNORECASE
BACKREF = re.compile(r"\\[1-9]")  # a numbered group reference: combining such regexes would renumber it


def labels_path() -> Path:
    """Where labels.json lives: $MPCHECK_RULES_DIR or the repo's shared_rules/."""
    env = os.environ.get("MPCHECK_RULES_DIR")
    base = Path(env) if env else Path(__file__).resolve().parents[3] / "shared_rules"
    return base / "labels.json"


class Table:
    """Read access to the label table with per-path regex caches."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self._rx: dict[tuple[str, ...], list[re.Pattern[str]]] = {}
        self._labels: dict[str, list[re.Pattern[str]]] = {}
        self.skip_tags = frozenset(data["skip_tags"])
        self.block_tags = frozenset(data["block_tags"])
        self.block_classes = frozenset(data.get("block_classes", {}).get("classes", ()))
        self.heading_tags = frozenset(data.get("heading_tags", ()))
        self._prefilter: re.Pattern[str] | None = None
        self._memo: dict[str, Any] = {}

    def get(self, *path: str) -> Any:
        """The raw JSON value at `path` (None when absent)."""
        node: Any = self.data
        for key in path:
            if not isinstance(node, dict) or key not in node:
                return None
            node = node[key]
        return node

    def entries(self, *path: str) -> list[dict[str, Any]]:
        """A list of regex or selector entries at `path` ([] when absent)."""
        value = self.get(*path)
        return value if isinstance(value, list) else []

    def rx(self, *path: str) -> list[re.Pattern[str]]:
        """The compiled regexes of the entry list at `path`, in table order."""
        if path not in self._rx:
            self._rx[path] = [re.compile(e["re"], FLAGS) for e in self.entries(*path) if "re" in e]
        return self._rx[path]

    def search(self, text: str, *path: str) -> re.Match[str] | None:
        """The first match of any regex at `path` (table order wins over position)."""
        for pattern in self.rx(*path):
            match = pattern.search(text)
            if match:
                return match
        return None

    def memo(self, key: str, build: Callable[[Table], T]) -> T:
        """A value derived from the table (combined regexes, lookup maps), built on first use."""
        if key not in self._memo:
            self._memo[key] = build(self)
        return self._memo[key]

    def any_search(self, *paths: tuple[str, ...]) -> Callable[[str], object]:
        """A yes/no test: does any regex at `paths` match somewhere in a text (truthy result if so).

        The regexes run as ONE alternation (one scan of the text instead of one per entry); each is
        wrapped in a non-capturing group so its anchors stay its own. A table regex with a numbered
        backreference would be renumbered by the wrapping, so such lists keep the per-entry loop.
        """

        def build(_: Table) -> Callable[[str], object]:
            patterns = [p for path in paths for p in self.rx(*path)]
            if any(BACKREF.search(p.pattern) for p in patterns):
                return lambda text: any(p.search(text) for p in patterns)
            return re.compile("|".join(f"(?:{p.pattern})" for p in patterns) or "(?!)", FLAGS).search

        return self.memo("any:" + "|".join("/".join(p) for p in paths), build)

    def label_rx(self, *path: str) -> list[re.Pattern[str]]:
        """Label regexes wrapped with the shared `label_wrapper` (anchored, rest in group 1).

        `path` is a field name (`"code"`) or a full path to a label list (`"partner_page", "labels", "status"`).
        """
        key = "/".join(path)
        if key not in self._labels:
            wrapper: str = self.data["label_wrapper"]
            entries = self.entries("fields", path[0], "labels") if len(path) == 1 else self.entries(*path)
            self._labels[key] = [re.compile(wrapper.replace("{label}", e["re"]), FLAGS) for e in entries]
        return self._labels[key]

    def all_label_prefilter(self) -> re.Pattern[str]:
        """One Python-only alternation of every field label (and the partner page's, the name's and the
        discussion count's labels, which are no field's: `is_label` does not know them), used to skip
        non-label text quickly."""
        if self._prefilter is None:
            parts = [e["re"] for f in self.data["fields"].values() for e in f["labels"]]
            parts += [e["re"] for group in self.data["partner_page"]["labels"].values() for e in group]
            parts += [e["re"] for e in self.data["name"].get("labels", [])]  # «Название: …» (identity.name)
            parts += [e["re"] for e in self.data["comments"].get("labels", [])]  # «Обсуждения: 41 сообщение»
            self._prefilter = re.compile("^(?:" + "|".join(parts) + ")", FLAGS)
        return self._prefilter


@lru_cache(maxsize=1)
def table() -> Table:
    """The process-wide label table."""
    with labels_path().open(encoding="utf-8") as fh:
        return Table(json.load(fh))
