"""The two extractors are one design in two languages: same modules, same exported functions.

backend/mpcheck/extract/*.py (parsel/lxml) and extension/src/extract/*.ts (DOM) mirror each other
module for module (issue 9, point 11), so a fix found in one is easy to port to the other and the
TS≡Python cross-check compares like with like. This test lists every module on both sides and each
module's exported functions — Python public module-level `def`s, TypeScript `export function`s —
compares the names snake_case ↔ camelCase, and fails on any difference that is not listed below
with its reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PY_DIR = ROOT / "backend" / "mpcheck" / "extract"
TS_DIR = ROOT / "extension" / "src" / "extract"

# Modules that exist on one side only, each with the reason it has no mirror.
BACKEND_ONLY = {
    "decode": "bytes → text (HTTP charset, <meta>, cp1251); the browser hands the extension decoded text",
    "feed": "the Marketplace XML feed (?update_sys_new=Y) is fetched by the backend only",
    "merge": "merges the XML feed into page facts; the extension never reads the feed",
    "paging": "fetches PAGEN_n pager pages; the content script sees one page and never fetches",
    "partner": "partner pages are read by the backend's enrichment, not by the content script",
    "rating_list": "the developers' rating list is read by the backend's enrichment only",
}
TS_ONLY = {
    "index": "the extension's public entry point (re-exports); Python's is the package __init__",
    "facts": "the typed MutableFacts shape for TypeScript; Python builds the same dict in solution.py",
}

# Functions that exist on one side only because the platforms differ, not because the code drifted.
PLATFORM_ONLY: dict[tuple[str, str], str] = {
    ("dom", "parse_html"): "Python parses bytes/text with lxml; the content script is handed a Document",
    ("dom", "ancestors"): "lxml has no parentElement chain helper; the DOM walks el.parentElement",
    ("dom", "next_element"): "lxml's getnext() also returns comments; the DOM has nextElementSibling",
    ("dom", "prepared_copy"): "the extension must never modify the live page, so it reads a clone",
    ("dom", "live_block_text"): "reads the live (uncloned) document's text for the content script",
    ("dom", "move_with_tail"): "lxml moves an element with its tail; the DOM needs the text node moved too",
    ("dom", "remove_with_tail"): "lxml keeps the tail on removal only if asked; the DOM never drops text",
    ("dom", "tail_text"): "lxml stores text after an element as .tail; the DOM has text nodes",
    ("dom", "jsonld_texts"): (
        "lxml keeps the JSON-LD texts as one root attribute (a JSON array); the DOM's Prepared carries an array"
    ),
    ("dom", "tag"): "lxml's el.tag is the lower-case name already; the DOM's localName is read through this",
    ("text", "cp_len"): "JS strings count UTF-16 units; Python's len already counts code points",
    ("text", "is_blank"): "Python has str.isspace",
    ("text", "lstrip_chars"): "Python has str.lstrip(chars)",
    ("text", "strip_controls"): "lxml cannot take C0 controls, so the backend drops them; a DOM keeps them",
    ("text", "strip_chars"): "Python has str.strip(chars)",
    ("dates", "iso"): "Python has date.isoformat()",
    ("page", "extract_page"): (
        "the backend is handed any body (bytes, any page type, the XML feed); the content script runs on"
        " a known URL and calls extractSolution / extractListingCards itself"
    ),
    ("page", "detect_page_type"): (
        "URL first, then the markup, for the backend's bodies; the extension decides by the URL alone"
        " (shared/page-type.ts) before it reads the DOM"
    ),
    ("listing", "extract_listing"): (
        "the backend returns the mpcheck.listing/1 page (paging, category, card values) to its API"
    ),
    ("listing", "extract_listing_cards"): (
        "the content script needs each card's live element (where the mini-badge goes) and a facts stub,"
        " never the page's paging"
    ),
    (
        "label_table",
        "labels_path",
    ): "Python reads labels.json at run time; the bundle imports it at build time",
    ("label_table", "table"): "Python loads the table lazily (cached); TypeScript exports the TABLE constant",
    (
        "solution",
        "extract_solution_in_steps",
    ): "the content script gives the page its main thread between the reading's steps (SPEC §10: no task over 16 ms); the backend reads in one call",
}

# Drift in modules owned by other helpers of issue 9, to be aligned there. Strict xfail: the test
# starts failing (XPASS) the moment a module is aligned, so its line here gets removed.
PENDING: dict[str, str] = {}

_TS_EXPORT = re.compile(r"^export\s+(?:async\s+)?function\s+(\w+)", re.MULTILINE)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def snake(name: str) -> str:
    """camelCase → snake_case («fillFromJsonLd» → «fill_from_json_ld», «isHTML» → «is_html»)."""
    return _CAMEL.sub("_", name).lower()


def py_modules() -> set[str]:
    return {p.stem for p in PY_DIR.glob("*.py") if p.stem != "__init__"}


def ts_modules() -> set[str]:
    return {p.stem for p in TS_DIR.glob("*.ts") if not p.name.endswith(".d.ts")}


def py_exports(module: str) -> set[str]:
    tree = ast.parse((PY_DIR / f"{module}.py").read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not node.name.startswith("_")
    }


def ts_exports(module: str) -> set[str]:
    return {snake(name) for name in _TS_EXPORT.findall((TS_DIR / f"{module}.ts").read_text(encoding="utf-8"))}


SHARED = sorted(py_modules() & ts_modules())


def test_snake_case_mapping() -> None:
    assert snake("splitListing") == "split_listing"
    assert snake("fillFromJsonLd") == "fill_from_json_ld"
    assert snake("reviews") == "reviews"
    assert snake("parseHTML") == "parse_html"


def test_the_same_modules_on_both_sides() -> None:
    assert sorted(py_modules() - ts_modules()) == sorted(BACKEND_ONLY)
    assert sorted(ts_modules() - py_modules()) == sorted(TS_ONLY)


def test_the_feedback_split() -> None:
    """Shared helpers in feedback, one module per list: the split other modules import from."""
    for module in ("feedback", "reviews", "comments", "items", "changelog"):
        assert module in SHARED
    assert py_exports("reviews") == ts_exports("reviews") >= {"reviews"}
    assert py_exports("comments") == ts_exports("comments") >= {"comments"}


@pytest.mark.parametrize(
    "module",
    [
        pytest.param(m, marks=pytest.mark.xfail(strict=True, reason=PENDING[m])) if m in PENDING else m
        for m in SHARED
    ],
)
def test_the_same_exported_functions(module: str) -> None:
    py_side, ts_side = py_exports(module), ts_exports(module)
    allowed = {name for (mod, name) in PLATFORM_ONLY if mod == module}
    assert {
        "python only": sorted(py_side - ts_side - allowed),
        "typescript only": sorted(ts_side - py_side - allowed),
    } == {"python only": [], "typescript only": []}


def test_platform_exceptions_are_still_needed() -> None:
    """A listed exception whose function is gone, or now exists on both sides, is stale."""
    for (module, name), reason in PLATFORM_ONLY.items():
        assert reason
        one_side = (name in py_exports(module)) != (name in ts_exports(module))
        assert one_side, f"{module}.{name} is no longer one-sided: remove it from PLATFORM_ONLY"
