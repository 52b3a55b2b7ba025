"""Parsing with parsel (lxml underneath) and the few tree helpers every extractor shares.

`inline_text` (alias `block_text`) is the text of a subtree with a space at every block boundary —
what `changelog.chars` is measured on; `own_text` is an element's direct text only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree
from parsel.csstranslator import HTMLTranslator
from parsel.selector import create_root_node

from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, norm

MAX_CHARS = 5_000_000  # bounded work even when a caller passes a huge body
_TRANSLATOR = HTMLTranslator()


JSONLD_ATTR = "data-mpcheck-jsonld"  # JSON-LD texts are kept on the root: scripts are removed from the tree
_DROP = ("script", "style", "noscript", "template")
STRUCK_ATTR = "data-mpcheck-struck"  # set on elements the page's CSS strikes through (styles are removed)
STRUCK_TEXT = "text"  # its value when the struck text is more than a price (never an old price)
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_DECORATION = re.compile(r"text-decoration(?:-line)?\s*:([^;{}]*)", re.I)
_CLASS_ONLY = re.compile(r"^[a-z0-9]*((?:\.[a-z_-][a-z0-9_-]*)+)$", re.I)  # «.old», «span.b4», «.a.b»


def _css_rules(text: str, sometimes: bool = False) -> list[tuple[str, str, bool]]:
    """(selectors, declarations, sometimes) of a stylesheet's rules in order; `sometimes` for a rule
    inside an at-rule block (@media, @supports …), which applies only sometimes (TS `cssRules`)."""
    text = _COMMENT.sub("", text)
    rules: list[tuple[str, str, bool]] = []
    at = 0
    while (open_at := text.find("{", at)) >= 0:
        prelude = text[at:open_at].rsplit(";", 1)[-1].strip()  # after a «@import …;»
        depth, i = 1, open_at + 1
        while i < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        body = text[open_at + 1 : i - 1]
        if prelude.startswith("@"):
            rules.extend(_css_rules(body, True))
        else:
            rules.append((prelude, body, sometimes))
        at = i
    return rules


def _struck_classes(css_texts: list[str]) -> list[tuple[str, bool]]:
    """Class selectors («.b4», «span.old.x») of the page's top-level <style> rules that set the text
    decoration, in order, each with whether it strikes through: a page saved by a tool (SingleFile) or
    built with hashed classes marks its old price only there. A strike inside @media counts not (it
    applies only sometimes); a later rule, @media ones too, undoes an earlier strike when its classes
    include the struck ones («.cur{…line-through} .cur{text-decoration:none}»); others are left out. A selector with a combinator or a pseudo-class is left out (its element is
    not known statically)."""
    found: list[tuple[str, bool]] = []
    struck: list[set[str]] = []
    for text in css_texts:
        for selectors, body, sometimes in _css_rules(text):
            values = _DECORATION.findall(body)
            if not values:
                continue
            strikes = "line-through" in values[-1].lower()
            if strikes and sometimes:
                continue
            for selector in selectors.split(","):
                simple = _CLASS_ONLY.match(selector.strip())
                if not simple:
                    continue
                classes = set(simple.group(1).lower().split(".")[1:])
                if strikes:
                    struck.append(classes)
                elif not any(c <= classes for c in struck):
                    continue
                found.append((simple.group(1), strikes))
    return found


def _mark_struck(root: Any, classes: list[tuple[str, bool]]) -> None:
    """Mark what the page's CSS strikes through (<style> class rules in order, then inline styles),
    as an old price when the element's whole text is a price (price/struck_text), else as struck
    text (STRUCK_TEXT: no current price, no old one either: «<a>Комплект: 30 000 руб.</a>»)."""
    for selector, strikes in classes:
        for el in css(root, selector):
            if strikes:
                el.set(STRUCK_ATTR, "")
            elif STRUCK_ATTR in el.attrib:
                del el.attrib[STRUCK_ATTR]
    for el in root.xpath("//*[contains(@style, 'line-through')]"):
        el.set(STRUCK_ATTR, "")
    rules = table()
    for el in root.xpath(f"//*[@{STRUCK_ATTR}]"):
        if not rules.search(fold("".join(el.itertext())), "fields", "price", "struck_text"):
            el.set(STRUCK_ATTR, STRUCK_TEXT)


_ISO_DAY = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:$|[T ])")
_PLAIN_NUMBER = re.compile(r"^([0-9]+)(?:\.([0-9]+))?$")


def _count(text: str) -> bool:
    """A badge's count only («9»): digits and nothing else."""
    return text.isascii() and text.isdigit()


def _attribute_value_text(rule: dict[str, Any], el: Any) -> str | None:
    """The text an `attribute_texts` rule gives its element, or None when the value is not of its kind."""
    value = norm(el.get(rule["attr"]))
    kind = rule["as"]
    if kind in ("title", "text"):
        return value or None
    if kind == "date":
        day = _ISO_DAY.match(value)
        return f"{day.group(3)}.{day.group(2)}.{day.group(1)}" if day else None
    number = _PLAIN_NUMBER.match(value)
    if number is None:
        return None
    whole, fraction = number.group(1), (number.group(2) or "").rstrip("0")
    if kind == "money":
        currency = norm(el.get(rule.get("currency_attr", ""))).upper()
        if currency not in table().data.get("attribute_currencies", []):
            return None
        return f"{whole},{fraction} руб." if fraction else f"{whole} руб."
    if kind == "stars":
        scale = norm(el.get(rule.get("max_attr", ""))) or "5"
        if scale not in ("5", "5.0") or not 1 <= float(value) <= 5:
            return None
        return f"{whole}.{fraction} из 5" if fraction else f"{whole} из 5"
    return None


# A custom element named «…-button» (Carbon's <cds-button>, Shoelace's <sl-button>, Material's
# <md-filled-button>) renders its <button> or <a> in a shadow root a saved page has lost: it is a button
_CUSTOM_BUTTONS = etree.XPath(
    "//*[substring(local-name(), string-length(local-name()) - 6) = '-button'][not(@role)]"
)


def _custom_buttons(root: Any) -> None:
    """Give every custom button (_CUSTOM_BUTTONS) the role its shadow root had: «Купить» is a control."""
    for el in _CUSTOM_BUTTONS(root):
        el.set("role", "button")


# A custom element with an href and no link inside (Ionic's <ion-item href>, <ion-button href>,
# Spectrum's <sp-link href>, Shoelace's <sl-button href>) renders an <a href> around its content in a
# shadow root a saved page has lost: the link is put back, so a link reader sees it as one
_CUSTOM_LINKS = etree.XPath("//*[contains(local-name(), '-')][@href][not(.//a[@href])]")


def _custom_links(root: Any) -> None:
    """Wrap the content of every custom link (_CUSTOM_LINKS) in the <a href> its shadow root had."""
    for el in _CUSTOM_LINKS(root):
        a = etree.SubElement(el, "a")
        for name in ("href", "target", "rel"):
            if el.get(name) is not None:
                a.set(name, el.get(name))
        a.text, el.text = el.text, None
        for child in list(el)[:-1]:
            a.append(child)  # moves the child with its tail


def _attribute_texts(root: Any) -> None:
    """A custom element whose text exists only in an attribute (labels.json `attribute_texts`) gets
    that text: a date, money with its currency, stars on a rating element, a disclosure's title."""
    for rule in table().data.get("attribute_texts", []):
        for el in css(root, rule["css"]):
            if rule["as"] == "title":
                if rule.get("title_child") and css(el, rule["title_child"]):
                    continue
            elif (own := "".join(el.itertext()).strip()) and not (rule.get("count_text") and _count(own)):
                continue
            text = _attribute_value_text(rule, el)
            if text:
                el.text = f" {text} " + (el.text or "") if rule["as"] == "title" else text


# React's streamed Suspense (Next.js App Router, any React 18+ server render): a boundary is sent as
# `<!--$?--><template id="B:0"></template>fallback<!--/$-->`, its content later as
# `<div hidden id="S:0">…</div>` at the end of body with an inline `$RC("B:0","S:0")` that moves it
# in (`$RR` the same with styles, `$RS("S:1","P:1")` a segment into its `<template id="P:1">`).
_STREAMED = re.compile(r'\$R([CRS])\("([^"\\]+)","([^"\\]+)"(\)|,\[)')


def _streamed_moves(scripts: list[str]) -> list[tuple[str, str, bool]]:
    """(template id, chunk id, whether a boundary) of the page's inline `$RC`/`$RR`/`$RS` calls in
    order. A `$RC` with a third argument (an error digest: rendered on the client) moves nothing."""
    moves: list[tuple[str, str, bool]] = []
    for text in scripts:
        for kind, first, second, end in _STREAMED.findall(text):
            if kind == "S":
                if end == ")":
                    moves.append((second, first, False))
            elif end == ")" or kind == "R":
                moves.append((first, second, True))
    return moves


def _drop_keeping_tail(el: Any) -> None:
    """Remove an element, leaving the text after it in place (the DOM's `el.remove()`)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        before = el.getprevious()
        if before is None:
            parent.text = (parent.text or "") + el.tail
        else:
            before.tail = (before.tail or "") + el.tail
    parent.remove(el)


def _resolve_streamed(root: Any, moves: list[tuple[str, str, bool]]) -> None:
    """Do what React's inline calls do once they run (the browser's state after them, which the
    content script may see too): each hidden chunk's content takes its template's place, the
    fallback after the template (up to the boundary's closing `<!--/$-->`, or the parent's end when
    the page has no markers) goes. Only a `<template>` and a `hidden` chunk are taken, tied by the
    call (never by the ids' numbers alone: React counts boundaries and segments apart)."""
    templates: dict[str, Any] = {}
    chunks: dict[str, Any] = {}
    # the first of an id, as getElementById; nothing inside a template (the DOM keeps it in .content)
    for t in root.xpath("//template[@id][not(ancestor::template)]"):
        templates.setdefault(t.get("id"), t)
    for c in root.xpath("//*[@hidden][@id][not(ancestor::template)]"):
        chunks.setdefault(c.get("id"), c)
    for target_id, chunk_id, boundary in moves:
        target, chunk = templates.pop(target_id, None), chunks.pop(chunk_id, None)
        if target is None or chunk is None or any(a is chunk for a in target.iterancestors()):
            continue
        parent = target.getparent()
        if parent is None:
            continue
        gone = [target]
        if boundary:
            depth, node = 0, target.getnext()
            while node is not None:
                if node.tag is etree.Comment:
                    data = (node.text or "").strip()
                    if data == "/$":
                        if not depth:
                            break
                        depth -= 1
                    elif data in ("$", "$?", "$!"):
                        depth += 1
                gone.append(node)
                node = node.getnext()
        at = parent.index(target)
        before = target.getprevious()
        lead = chunk.text or ""
        if lead:
            if before is None:
                parent.text = (parent.text or "") + lead
            else:
                before.tail = (before.tail or "") + lead
        if not boundary:  # $RS keeps what follows the placeholder: its tail stays in place
            tail = target.tail or ""
            if tail:
                target.tail = None
                holder = chunk[-1] if len(chunk) else None
                if holder is not None:
                    holder.tail = (holder.tail or "") + tail
                elif before is None:
                    parent.text = (parent.text or "") + tail
                else:
                    before.tail = (before.tail or "") + tail
        for node in gone:
            parent.remove(node)
        for offset, child in enumerate(list(chunk)):
            parent.insert(at + offset, child)
        _drop_keeping_tail(chunk)


# A column-major grid (Webix's datatable and property sheet, other virtual grids): each column is a
# container of its cells in row order, the columns are siblings and a row is only implicit (cell i
# of every column), the column headers sit in a separate header row. Its cells say what they are
# (ARIA `gridcell`, or an `aria-rowindex`) but sit in no row, which ARIA requires. Read as it is, a
# column's text runs all its rows together (one «release» of every version). Such a grid is rebuilt
# as the table it shows: one <tr> per row index, its cells moved into <td>s, a header row of the
# grid's column headers when there is one per column. Columns of different lengths, or whose
# `aria-rowindex`es do not line up, are left as they are (no row is ever guessed).
# a cell: a gridcell, or what carries a row index and is no row (a row-major grid's rows carry it too)
_GRID_CELL_TEST = "(@role='gridcell' or (@aria-rowindex and not(@role='row')))"
_GRID_COLUMNS = etree.XPath(f"//*[*][not(@role='row')][not(self::tr)][not(*[not({_GRID_CELL_TEST})])]")
_GRID_ROOTS = ("grid", "treegrid", "table")


def _grid_of(column: Any) -> Any:
    """The grid a column belongs to: its nearest ancestor with a grid role, else its parent. None
    when it sits in a row (`role=row`, or a <tr> inside the grid): a row-major grid's cell wrapper
    (Fluent UI's «ms-DetailsRow-fields» of one row's cells) is no column."""
    in_tr = False
    for el in column.iterancestors():
        role = el.get("role")
        if role == "row":
            return None
        if role in _GRID_ROOTS:
            return None if in_tr else el
        in_tr = in_tr or el.tag == "tr"
    return column.getparent()


def _rows_line_up(columns: list[list[Any]]) -> bool:
    """Every column has as many cells, and cell i of each has the same `aria-rowindex` (when given)."""
    count = len(columns[0])
    if any(len(cells) != count for cells in columns):
        return False
    for i in range(count):
        indexes = {cells[i].get("aria-rowindex") for cells in columns}
        if len(indexes) > 1:
            return False
    return True


def _column_headers(grid: Any, columns: list[Any], count: int) -> list[Any]:
    """The grid's column header cells outside its columns, one per column, else []."""
    inside = set(columns)
    heads = [
        h
        for h in grid.iterdescendants()
        if isinstance(h.tag, str)
        and h.get("role") == "columnheader"
        and not any(a in inside for a in h.iterancestors())
    ]
    return heads if len(heads) == count else []


def _rebuild_grid(columns: list[Any], heads: list[Any]) -> None:
    """Put a <table> of the grid's rows where its first column was; the emptied columns go."""
    first = columns[0]
    grid_table = etree.Element("table")
    if heads:
        head_row = etree.SubElement(etree.SubElement(grid_table, "thead"), "tr")
        for head in heads:
            th = etree.SubElement(head_row, "th")
            th.text, head.text = head.text, None
            for child in list(head):
                th.append(child)
    body = etree.SubElement(grid_table, "tbody")
    cells = [child_elements(column) for column in columns]
    for i in range(len(cells[0])):
        row = etree.SubElement(body, "tr")
        for column_cells in cells:
            # the text between a column's cells goes with the column, as in the DOM
            column_cells[i].tail = None
            etree.SubElement(row, "td").append(column_cells[i])
    first.addprevious(grid_table)
    grid_table.tail, first.tail = first.tail, None
    for column in columns:
        _drop_keeping_tail(column)


def _column_grids(root: Any) -> None:
    """Rebuild every column-major grid of the page (see _GRID_COLUMNS) as a table of its rows."""
    grids: dict[Any, list[Any]] = {}
    for column in _GRID_COLUMNS(root):
        grids.setdefault(_grid_of(column), []).append(column)
    for grid, columns in grids.items():
        if grid is None or len(columns) < 2 or any(a in columns for c in columns for a in c.iterancestors()):
            continue
        cells = [child_elements(column) for column in columns]
        if not _rows_line_up(cells):
            continue
        _rebuild_grid(columns, _column_headers(grid, columns, len(columns)))


def _prepare(root: Any) -> Any:
    """Keep JSON-LD aside, drop script/style (never page text), mark block boundaries with spaces.

    After this, `"".join(el.itertext())` is the block text of any element (fixtures/expected/README.md:
    every block boundary is a space, inline tags add nothing), computed by lxml in C.
    """
    jsonld = [
        s.text or "" for s in root.iter("script") if (s.get("type") or "").strip() == "application/ld+json"
    ]
    struck = _struck_classes([s.text or "" for s in root.iter("style")])
    streamed = [s.text for s in root.iter("script") if s.text and "$R" in s.text]
    if streamed:
        _resolve_streamed(root, _streamed_moves(streamed))
    etree.strip_elements(root, *_DROP, with_tail=False)
    _column_grids(root)
    _mark_struck(root, struck)
    _attribute_texts(root)
    _custom_buttons(root)
    _custom_links(root)
    if jsonld:
        # a JSON array of the texts: an lxml attribute refuses C0 controls (a «\x1e» separator made a
        # second JSON-LD block drop the whole page into the empty-page fallback)
        root.set(JSONLD_ATTR, json.dumps(jsonld, ensure_ascii=False))
    for el in [*root.iter(*table().block_tags), *_block_classed(root)]:
        el.text = " " + (el.text or "")
        el.tail = " " + (el.tail or "")
    return root


def _block_classed(root: Any) -> list[Any]:
    """Inline elements a UI kit lays out as blocks (labels.json `block_classes`: Onsen UI's
    `span.list-item__title` + `span.list-item__subtitle`): their texts are separate lines, not one
    word («Режим работыпн–пт»)."""
    classes = table().block_classes
    if not classes:
        return []
    test = " or ".join(
        f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in sorted(classes)
    )
    return [el for el in root.xpath(f"//*[@class][{test}]") if el.tag not in table().block_tags]


# ASCII controls (bar tab/LF/CR) never occur inside a multi-byte UTF-8 sequence, so deleting them
# from the encoded bytes equals `strip_controls` on the text, but runs as one C pass (bytes.translate)
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _body_bytes(text: str) -> bytes:
    """The bytes parsel's `create_root_node` would hand lxml, built with one encode instead of three
    passes: controls and NUL gone, lone surrogates as '?', trimmed like `str.strip()`."""
    raw = text[:MAX_CHARS].encode("utf-8", "replace").translate(None, _CONTROL_BYTES)
    if not raw:
        return b"<html></html>"
    body = raw.strip()  # ASCII whitespace; a non-ASCII end may be NBSP & co, which str.strip() trims too
    if body[:1] >= b"\x80" or body[-1:] >= b"\x80":
        body = body.decode("utf-8").strip().encode("utf-8")
    return body or b"<html/>"


# A link that opens with a table or a fieldset («<a class="t-btn"><table><tr><td>Купить</td></tr></table></a>»,
# Tilda's buttons): a browser (HTML5) keeps it inside the link, libxml2 closes the link before it (an
# empty <a/>, the table after it, the stray </a> dropped). The source marks such a table, then
# _relink puts it back into its link: the tree is the one the content script sees.
_LINKED_BLOCK = re.compile(rb"(<a(?=[\s>/])[^>]*>\s*<(?:table|fieldset))(?=[\s>/])", re.I)
_LINKED_ATTR = b"data-mpcheck-linked"


def _mark_linked(body: bytes) -> bytes:
    return _LINKED_BLOCK.sub(rb"\1 " + _LINKED_ATTR + b'=""', body)


def _relink(root: Any) -> None:
    """Put each marked table (fieldset) back into the link libxml2 closed before it: only when that link is the
    table's previous sibling, empty, with nothing but spaces between them (else the tree stays)."""
    attr = _LINKED_ATTR.decode()
    for el in root.xpath(f"//*[@{attr}]"):
        del el.attrib[attr]
        link = el.getprevious()
        if (
            link is None
            or link.tag != "a"
            or len(link)
            or (link.text or "").strip()
            or (link.tail or "").strip()
        ):
            continue
        link.tail = el.tail
        el.tail = None
        link.append(el)


def parse_html(text: str) -> Any:
    """The prepared lxml root of an HTML text (parsel's root builder semantics, plain etree elements);
    never raises."""
    try:
        parser = etree.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)
        root = etree.fromstring(_mark_linked(_body_bytes(text)), parser=parser)
        if root is None:
            root = etree.fromstring(b"<html/>", parser=parser)
        _relink(root)
        return _prepare(root)
    except Exception:  # lxml can refuse pathological input; an empty page is the honest answer
        return create_root_node("<html></html>", etree.HTMLParser)


def jsonld_texts(root: Any) -> list[str]:
    """The page's JSON-LD script texts, in document order (kept on the root by `_prepare`)."""
    try:
        texts = json.loads(root.get(JSONLD_ATTR) or "[]")
    except ValueError:
        return []
    return [t for t in texts if isinstance(t, str)] if isinstance(texts, list) else []


@lru_cache(maxsize=256)
def _xpath(css: str) -> etree.XPath:
    return etree.XPath(_TRANSLATOR.css_to_xpath(css))


def css(el: Any, selector: str) -> list[Any]:
    """Elements under (and including) `el` matching a CSS selector; [] for a selector lxml cannot run."""
    try:
        result = _xpath(selector)(el)
    except Exception:  # cssselect and lxml raise several error types for selectors they cannot run
        return []
    return [r for r in result if isinstance(getattr(r, "tag", None), str)] if isinstance(result, list) else []


# Simple selectors (`tag`, `[attr]`, `[attr=v]`, `[attr*=v]`, `[attr^=v]`, `.class`, optionally after
# a tag) are run through the attribute axis (`//@role[. = $v]/..`): libxml2 then visits attribute
# nodes only, instead of testing a predicate on every element (cssselect's translation) — several
# times faster on a long page. Anything else goes through `css`.
# a tag may be a custom element («amp-app-banner»): hyphenated names stay simple (else every
# ancestor test of a selector list holding one falls back to a whole-document css query)
_SIMPLE = re.compile(
    r"^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)?(?:\.([A-Za-z0-9_-]+)|\[([a-z][a-z0-9_-]*)(?:([*^]?=)([^\]'\"]*))?\])?$"
)
_OPS = {"=": ". = $v{i}", "*=": "contains(., $v{i})", "^=": "starts-with(., $v{i})"}


@lru_cache(maxsize=128)
def _simple(selector: str) -> tuple[tuple[str | None, str | None, str | None, str | None], ...] | None:
    """(tag, attribute, operator, value) per comma part, or None when a part is not simple."""
    parts = []
    for raw in selector.split(","):
        m = _SIMPLE.match(raw.strip())
        if not m or not raw.strip():
            return None
        tag, cls, attr, op, value = m.groups()
        if cls:
            parts.append((tag, "class", "~=", cls))
        else:
            parts.append((tag, attr, op, value))
    return tuple(parts)


@lru_cache(maxsize=128)
def _simple_xpath(selector: str) -> tuple[etree.XPath, dict[str, str]] | None:
    """One XPath for a simple selector list: one attribute-axis branch per (tag, attribute), its
    value tests joined by `or` (one scan of the attribute nodes instead of one per selector)."""
    parts = _simple(selector)
    if parts is None:
        return None
    tags: list[str] = []
    tests: dict[tuple[str | None, str], list[str]] = {}
    values: dict[str, str] = {}
    for i, (tag, attr, op, value) in enumerate(parts):
        if attr is None:
            tags.append(f"//{tag}")
            continue
        group = tests.setdefault((tag, attr), [])
        if op is None:
            group.append("true()")
            continue
        values[f"v{i}"] = f" {value} " if op == "~=" else value or ""
        test = 'contains(concat(" ", normalize-space(.), " "), $v{i})' if op == "~=" else _OPS[op]
        group.append(test.format(i=i))
    branches = tags + [
        f"//@{attr}[{' or '.join(group)}]/{f'parent::{tag}' if tag else '..'}"
        for (tag, attr), group in tests.items()
    ]
    return etree.XPath(" | ".join(branches)), values


def select_all(root: Any, selector: str) -> list[Any]:
    """Elements of the whole document matching a selector list, in document order (fast for simple
    selectors; `css` semantics otherwise)."""
    compiled = _simple_xpath(selector)
    if compiled is None:
        return css(root, selector)
    xpath, values = compiled
    return [el for el in xpath(root, **values) if isinstance(getattr(el, "tag", None), str)]


@lru_cache(maxsize=128)
def _matcher(selector: str) -> Any:
    """A predicate for a simple selector list: bare tags as one set lookup, then one attribute read
    per attribute named (ancestor walks call this for every ancestor)."""
    parts = _simple(selector)
    if parts is None:
        return lambda el: any(found is el for found in css(el.getroottree().getroot(), selector))
    bare = {tag for tag, attr, _, _ in parts if attr is None}
    tests: dict[str, list[tuple[str | None, str | None, str | None]]] = {}
    for tag, attr, op, value in parts:
        if attr is not None:
            tests.setdefault(attr, []).append((tag, op, value))

    def test(el: Any) -> bool:
        if el.tag in bare:
            return True
        for attr, checks in tests.items():
            have = el.get(attr)
            if have is None:
                continue
            for tag, op, value in checks:
                if tag and el.tag != tag:
                    continue
                if (
                    op is None
                    or (op == "=" and have == value)
                    or (op == "*=" and (value or "") in have)
                    or (op == "^=" and have.startswith(value or ""))
                    or (op == "~=" and value in have.split())
                ):
                    return True
        return False

    return test


def matches(el: Any, selector: str) -> bool:
    """Whether one element matches a selector list (DOM `Element.matches`)."""
    return bool(_matcher(selector)(el))


def iter_elements(root: Any) -> Iterator[Any]:
    """Elements in document order, skipping script/style/option/button… subtrees and comments."""
    skip = table().skip_tags
    stack = [root]
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str) or tag in skip:
            continue
        yield el
        stack.extend(reversed(el))


def child_elements(el: Any) -> list[Any]:
    """The element's element children in order (comments and PIs skipped)."""
    return [c for c in el if isinstance(c.tag, str)]


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none")


def hidden(el: Any) -> bool:
    """Hidden by its own markup: a `hidden` attribute or an inline «display: none» (a closed fold,
    a layer not open)."""
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search((el.get("style") or "").lower()))


def ancestors(el: Any) -> Iterator[Any]:
    """The element itself and its ancestors up to the root."""
    while el is not None:
        yield el
        el = el.getparent()


def next_element(el: Any) -> Any:
    """The next sibling that is an element (comments skipped)."""
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    return nxt


def _percent_decoded(value: str) -> str | None:
    """A query value percent-decoded once as UTF-8 (JS `decodeURIComponent`), or None when it does
    not decode cleanly (a «%» without two hex digits after it, bytes that are no UTF-8)."""
    for part in value.split("%")[1:]:
        if len(part) < 2 or any(c not in "0123456789abcdefABCDEF" for c in part[:2]):
            return None
    try:
        return unquote(value, errors="strict")
    except UnicodeDecodeError:
        return None


def original_url(url: str) -> str:
    """The URL an archived or redirected link stands for: a web archive's own rewrite of a link
    (`urls.archived`: `https://web.archive.org/web/<timestamp>[im_]/<original>`, its root-relative
    form in a saved snapshot, archive.today's `/o/<id>/<original>`) means its original, and a known
    redirector's wrapper (`urls.redirect`: Google's `/url?q=<url>&sa=D…` around every link of a
    published Google Doc, YouTube's, VK's and Facebook's) its percent-decoded target, unwrapped as
    often as it is wrapped; any other URL is itself (a site's own link whose query carries a URL is
    no archive's rewrite and no redirector's)."""
    rules = table()
    archived, redirect = rules.rx("urls", "archived"), rules.rx("urls", "redirect")
    while True:
        m = next((m for p in archived if (m := p.match(url))), None)
        if m is not None:
            url = m.group(1)
            continue
        m = next((m for p in redirect if (m := p.match(url))), None)
        target = _percent_decoded(m.group(1)) if m is not None else None
        if target is None:
            return url
        url = target


_ABSOLUTE = re.compile(r"^https?://", re.IGNORECASE)  # TS `ABSOLUTE`

# What a browser's URL parser (WHATWG, the TS extractor's `new URL(…).href`) percent-encodes in a
# resolved URL besides controls and non-ASCII, per part: urljoin keeps «/кейсы/#раздел» as written,
# the browser serialises it as «/%D0%BA…/#%D1%80…», so a relative link gets the browser's form here.
_URL_PART_ENCODED = {
    "path": frozenset(' "<>`{}'),
    "query": frozenset(" \"<>'"),
    "fragment": frozenset(' "<>`'),
}


def _encoded_char(char: str, part: str) -> str:
    if ord(char) <= 0x20 or ord(char) >= 0x7F or char in _URL_PART_ENCODED[part]:
        return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", errors="replace"))
    return char


def _browser_serialised(url: str) -> str:
    """A resolved http(s) URL as a browser serialises it: non-ASCII and the characters its parser
    encodes in the path, query and fragment percent-encoded as UTF-8; the scheme and host as they are."""
    if url.isascii() and not any(c in _URL_PART_ENCODED["path"] or c == "'" for c in url):
        return url  # nothing to encode: the common case, no per-character walk
    host_start = url.index("//") + 2
    host_end = next((i for i in range(host_start, len(url)) if url[i] in "/?#"), len(url))
    out, part = [url[:host_end]], "path"
    for char in url[host_end:]:
        if char == "?" and part == "path":
            part = "query"
        elif char == "#" and part != "fragment":
            part = "fragment"
        else:
            char = _encoded_char(char, part)
        out.append(char)
    return "".join(out)


def absolute_url(href: str | None, base: str | None) -> str | None:
    """An absolute http(s) URL for a link, or None (javascript:, mailto:, garbage). An archived link
    is its original (`original_url`): as written, once resolved («//web.archive.org/web/…»), and an
    archived base is the page it archived (a snapshot's relative links are that site's)."""
    if not href:
        return None
    href = original_url(href.strip())
    try:
        full = urljoin(original_url(base) if base else table().data["urls"]["base"] + "/", href)
        parts = urlsplit(full)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    if not _ABSOLUTE.match(href):  # an absolute link stays as written (TS: the same), a resolved one
        full = _browser_serialised(full)  # is serialised as the browser does (`new URL(…).href`)
    original = original_url(full)
    return full if original == full else absolute_url(original, None)


def tracked(href: str | None) -> bool:
    """The href is a click-tracking redirect (`urls.tracking`) that hides where it leads (TS `tracked`)."""
    href = (href or "").strip()
    return any(p.search(href) for p in table().rx("urls", "tracking"))


def link_url(a: Any, base: str | None) -> str | None:
    """Where a link leads as its reader sees it: its href (`absolute_url`), unless that is a
    click-tracking redirect (`urls.tracking`: an e-mail service's opaque «…/ls/click?upn=<token>»),
    which hides its target: then the link's own text when that is itself one absolute URL (the
    reader follows what the text says), else None (no URL the page tells)."""
    href = (a.get("href") or "").strip()
    if not tracked(href):
        return absolute_url(href, base)
    text = inline_text(a)
    shown = text.startswith(("http://", "https://")) and " " not in text  # normalised: one URL, no words
    return absolute_url(text, None) if shown else None


def own_text(el: Any) -> str:
    """The element's direct text nodes only (its text plus its children's tails)."""
    parts = [el.text or ""]
    parts.extend(child.tail or "" for child in el)
    return "".join(parts)


def text_before(el: Any) -> str:
    """The text right before an element inside its parent, back to the previous element (comments
    passed over): the previous element's tail, or the parent's text."""
    parts = []
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        parts.append(prev.tail or "")
        prev = prev.getprevious()
    parent = el.getparent()
    parts.append((prev.tail if prev is not None else parent.text if parent is not None else "") or "")
    return "".join(reversed(parts))


MAX_BOX_CLIMB = 3  # <td><p><a>: the wrappers that hold nothing but the link


def label_cell(a: Any) -> str:
    """The text of the element right before the box that holds only this link (<th>Видео</th>
    <td><a>…</a></td>; a form row's label, then its content), with no text between the two and
    no link in that element (links: a video / presentation label; offer: «<b>Онлайн-демо:</b>
    <a>…</a>») (TS `labelCell`)."""
    text, box = inline_text(a), a
    for _ in range(MAX_BOX_CLIMB):
        parent = box.getparent()
        if parent is None or inline_text(parent) != text:
            break
        box = parent
    prev = box.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is None or norm(text_before(box)) or css(prev, "a[href]"):
        return ""  # text between, or a link before (another link's text is no label)
    return inline_text(prev)


_VALUE_CELLS = frozenset(("td", "dd"))
_LABEL_CELLS = frozenset(("td", "th", "dt"))


def row_label(a: Any) -> str:
    """The text of the label cell of the row whose value cell holds the link, however many links
    that cell lists (<td>Видео:</td><td><a>YouTube</a><br><a>Rutube</a></td>; a definition list's
    <dt>/<dd>): the cell right before the link's nearest td / dd (within MAX_BOX_CLIMB levels), when
    it is a label cell with no link in it; else "" (TS `rowLabel`)."""
    cell = a.getparent()
    for _ in range(MAX_BOX_CLIMB):
        if cell is None or cell.tag in _VALUE_CELLS:
            break
        cell = cell.getparent()
    if cell is None or cell.tag not in _VALUE_CELLS:
        return ""
    return label_cell_before(cell)


def label_cell_before(cell: Any) -> str:
    """The text of the label cell (`th`/`td`/`dt`) right before a value cell, when it holds no link
    itself (a row of two value cells labels nothing); else "" (TS `labelCellBefore`)."""
    prev = cell.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is None or prev.tag not in _LABEL_CELLS or css(prev, "a[href]"):
        return ""
    return inline_text(prev)


def inline_text(el: Any) -> str:
    """Normalised text of a subtree (the tree is prepared by `parse_html`: block boundaries are
    already spaces and script/style are gone, so this is the README's block text).

    libxml2's text serialisation concatenates the same text nodes as `"".join(el.itertext())` (comment
    and PI content excluded, their tails included) in one C call: ~5x faster per element.
    """
    return norm(etree.tostring(el, method="text", encoding="unicode", with_tail=False))


block_text = inline_text


def text_without(root: Any, excluded: list[Any]) -> str:
    """Text of `root` leaving out the `excluded` subtrees (swapped for empty placeholders meanwhile)."""
    swaps = []
    for el in excluded:
        parent = el.getparent()
        if parent is None or el is root:
            continue
        holder = etree.Element("span")
        holder.tail = el.tail
        parent.replace(el, holder)
        swaps.append((parent, el, holder))
    try:
        return inline_text(root)
    finally:
        for parent, el, holder in reversed(swaps):
            tail = holder.tail
            parent.replace(holder, el)
            el.tail = tail
