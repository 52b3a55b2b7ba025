"""shared_rules/labels.json: valid against its schema, and every regex portable between Python and JS.

The TypeScript extractor compiles the same strings with `new RegExp(re, "iu")`; here each one is
compiled in Python and (when node is installed) in JS, and both engines run every regex over the same
corpus of page texts: any difference in match position or groups fails.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from mpcheck.extract.dom import _xpath, css, own_text, parse_html
from mpcheck.extract.label_table import FLAGS, labels_path
from mpcheck.extract.text import fold

from .helpers import EXTRA, FIXTURES

TABLE = json.loads(labels_path().read_text(encoding="utf-8"))
SCHEMA = json.loads((labels_path().parent / "labels.schema.json").read_text(encoding="utf-8"))
FORBIDDEN = re.compile(r"\(\?P|\(\?<[=!]|\(\?<[a-zA-Z]|\(\?[aiLmsux]|\(\?>|[*+?}]\+|\\[wWbBdDAZz]")


def _walk(node: Any) -> list[str]:
    """Every regex string in the table: `re`, selector `value_re`, and the wrapped label regexes."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("re", "value_re") and isinstance(value, str):
                found.append(value)
            else:
                found.extend(_walk(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_walk(item))
    return found


PATTERNS = _walk(TABLE)
LABELS = [
    TABLE["label_wrapper"].replace("{label}", e["re"]) for f in TABLE["fields"].values() for e in f["labels"]
]
ALL = sorted(set(PATTERNS + LABELS))


def _corpus() -> list[str]:
    texts = {
        "Демо-режим: 14 дней",
        "Срок демо-режима: 30 дней",
        "Демо 1 день",
        "пробный период 2 недели",
        "Бесплатная техническая поддержка — 12 месяцев",
        "с 9:00 до 18:00 (МСК)",
        "МСК+4",
        "UTC+3",
        "Срок ответа — до 2 рабочих дней",
        "по телефону 8 800 000-00-00",
        "t.me/x",
        "Онлайн-чат",
        "начать",
        "12 сентября 2025 г.",
        "24.11.2026 14:05",
        "Версия 1.0.3 от 30.08.2025",
        "Отзывы (12)",
        "Отзывы 1 - 3 из 12",
        "Более 1000",
        "50 - 99",
        "Менее 50",
        "Цена: 12 990 руб.",
        "ЁЛКА ёлка",
        "Ответ разработчика",
        "Антон, привет",
        "https://www.youtube.com/watch?v=x",
        "пн–пт",
        "КРОМЕ ВЫХОДНЫХ",
    }
    for path in [*FIXTURES.glob("*.html"), *EXTRA.glob("*.html")]:
        root = parse_html(path.read_bytes().decode("utf-8", "replace"))
        texts.update(t for el in css(root, "*") if (t := fold(own_text(el))) and len(t) < 200)
    return sorted(texts)


def test_labels_json_is_valid_against_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(TABLE)


@pytest.mark.parametrize("pattern", ALL)
def test_regex_compiles_and_avoids_non_portable_syntax(pattern: str) -> None:
    re.compile(pattern, FLAGS)
    assert not FORBIDDEN.search(pattern), f"non-portable construct in {pattern!r}"
    assert "ё" not in pattern.lower(), "ё is folded to е before matching"


def test_selectors_compile() -> None:
    root = parse_html("<html><body><p>x</p></body></html>")
    selectors = [n["css"] for n in _dicts(TABLE) if "css" in n]
    assert selectors
    for sel in selectors:
        _xpath(sel)(root)  # raises for a selector cssselect cannot translate (css() would swallow it)


def _dicts(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        return [node, *(d for v in node.values() for d in _dicts(v))]
    if isinstance(node, list):
        return [d for v in node for d in _dicts(v)]
    return []


def _python_results(patterns: list[str], texts: list[str]) -> list[list[Any]]:
    out = []
    for pattern in patterns:
        rx = re.compile(pattern, FLAGS)
        row = []
        for text in texts:
            m = rx.search(text)
            row.append(None if m is None else [m.start(), m.group(0), *m.groups()])
        out.append(row)
    return out


_NODE = r"""
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = input.patterns.map(p => { const rx = new RegExp(p, 'iu');
  return input.texts.map(t => { const m = rx.exec(t);
    return m === null ? null : [m.index, ...Array.from(m, g => g === undefined ? null : g)]; }); });
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_python_and_javascript_agree_on_every_regex(tmp_path: Path) -> None:
    texts = _corpus()
    payload = json.dumps({"patterns": ALL, "texts": texts}, ensure_ascii=False)
    proc = subprocess.run(
        ["node", "-e", _NODE],
        input=payload,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr  # a SyntaxError here means a regex JS cannot compile with "iu"
    js = json.loads(proc.stdout)
    py = _python_results(ALL, texts)
    diffs = [
        (ALL[i], texts[j], py[i][j], js[i][j])
        for i in range(len(ALL))
        for j in range(len(texts))
        if py[i][j] != js[i][j]
    ]
    assert not diffs, diffs[:5]
