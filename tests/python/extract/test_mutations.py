"""Markup mutations: renamed classes, reordered blocks, removed tabs or labels, renamed ids.

Whatever the mutation, the extractor may lose a value (null / empty) but must never return a wrong
one; fields it finds by label must survive class renames and block reordering unchanged.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

import lxml.html
import pytest
from mpcheck.extract import extract_solution
from mpcheck.extract.decode import decode_body

from .helpers import EXTRA, EXTRA_SOLUTIONS, FIXTURES, REFERENCE_SOLUTIONS, expected, hours_key

LABELLED = (
    "code",
    "partner",
    "price",
    "version",
    "published",
    "updated",
    "installs",
    "changelog",
    "withdrawn",
)
PAGES = [(FIXTURES, n, FIXTURES / "expected") for n in REFERENCE_SOLUTIONS] + [
    (EXTRA, n, EXTRA / "expected") for n in EXTRA_SOLUTIONS
]


def _tree(folder: Any, name: str) -> Any:
    return lxml.html.document_fromstring(decode_body((folder / f"{name}.html").read_bytes()))


def _html(tree: Any) -> str:
    return str(lxml.html.tostring(tree, encoding="unicode"))


def rename_classes(tree: Any) -> None:
    for el in tree.iter():
        if isinstance(el.tag, str) and el.get("class"):
            el.set("class", "h" + hashlib.sha1(el.get("class").encode()).hexdigest()[:8])


def reverse_blocks(tree: Any) -> None:
    h1 = tree.find(".//h1")
    container = h1.getparent() if h1 is not None else tree.find(".//body")
    while container is not None and len(container) < 4 and container.getparent() is not None:
        container = container.getparent()
    children = list(container)
    for child in children:
        container.remove(child)
    for child in reversed(children):
        container.append(child)


def _no_wrong_value(got: Any, want: Any, path: str) -> None:
    if got is None or got == [] or got == want:
        return
    if path.endswith("support.channels"):
        assert set(got) == set(want), path
    elif path.endswith("support.hours"):
        assert hours_key(got) == hours_key(want), path
    elif path.endswith("changelog"):
        assert [(e["version"], e["date"]) for e in got] == [(e["version"], e["date"]) for e in want], path
    elif isinstance(got, list) and isinstance(want, list) and len(got) == len(want):
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            _no_wrong_value(g, w, f"{path}[{i}]")
    elif isinstance(got, dict) and isinstance(want, dict):
        for key in got.keys() & want.keys():
            _no_wrong_value(got[key], want[key], f"{path}.{key}")
    else:
        assert got == want, f"{path}: wrong value {got!r} (want {want!r} or null)"


def _check(facts: dict[str, Any], want: dict[str, Any], keep: tuple[str, ...]) -> None:
    for key, value in want.items():
        _no_wrong_value(facts.get(key), value, key)
    for key in keep:
        _no_wrong_value(facts[key], want[key], key)
        assert facts[key] not in (None, []) or want[key] in (None, []), f"{key} lost"


@pytest.mark.parametrize(("folder", "name", "exp"), PAGES, ids=[p[1] for p in PAGES])
@pytest.mark.parametrize("mutate", [rename_classes, reverse_blocks], ids=["rename-classes", "reorder-blocks"])
def test_labelled_fields_survive(folder: Any, name: str, exp: Any, mutate: Callable[[Any], None]) -> None:
    tree = _tree(folder, name)
    mutate(tree)
    facts = extract_solution(_html(tree))
    _check(facts, expected(name, exp), LABELLED)


@pytest.mark.parametrize(("folder", "name", "exp"), PAGES, ids=[p[1] for p in PAGES])
@pytest.mark.parametrize("tab", ["log", "support", "rating", "comments", "about"])
def test_removed_tab_gives_nulls_not_wrong_values(folder: Any, name: str, exp: Any, tab: str) -> None:
    tree = _tree(folder, name)
    want = expected(name, exp)
    body = tree.find(f".//*[@id='tab-{tab}-body']")
    if body is None:
        pytest.skip("this markup family has no id for that tab")
    body.getparent().remove(body)
    facts = extract_solution(_html(tree))
    _check(facts, want, tuple(k for k in ("code", "partner", "price", "version") if k))
    if tab == "log":
        assert facts["changelog"] is None
        assert facts["extraction"]["markup_changed"] is True
        assert facts["extraction"]["missing_confirmed"] == ["changelog"]
    if tab == "support":
        assert facts["support"]["channels"] is None


@pytest.mark.parametrize("name", REFERENCE_SOLUTIONS)
def test_renamed_tab_ids_and_removed_labels(name: str) -> None:
    text = decode_body((FIXTURES / f"{name}.html").read_bytes())
    text = re.sub(r"tab-", "pane-", text)  # ids, anchors, data-target and the .tab-title class all change
    text = re.sub(r"Код решения|Разработчик|Цена|Версия", "Поле", text)
    facts = extract_solution(text)
    _check(facts, expected(name), ())


def test_markup_change_reported_when_confirmed_fields_vanish() -> None:
    facts = extract_solution("<html><body><h1>Что-то</h1><p>Совсем другая страница</p></body></html>")
    assert facts["extraction"]["markup_changed"] is True
    assert facts["extraction"]["missing_confirmed"] == ["code", "partner", "changelog"]
    assert facts["code"] is None and facts["partner"] == {"id": None, "name": None}
