"""Field-by-label lookup (DOM.md §10.2): find the label, read the value through the structure around it.

A label is the OWN text of an element (its direct text nodes) matching `^LABEL(sep)(rest)` — the
separator may be a colon, a dotted leader «........», «…», «·» or a dash — or one segment of a line
«Версия 2.1.0 · Обновлено 12.11.2026», or a label attribute (`aria-label`, `title`, `data-label`,
a custom element's `label`: `label_attributes` in labels.json).

The value comes from the structure, in this order:
- bound sources (the label's own slot: when it has text, that text is the value or there is none):
  the rest of the label text; an attribute label's `value`/`data-value` or the element's own text;
  a label text inside `<label for=ID>` → the element of that id, wherever it stands (`label_for`);
  dt→dd, th/td→the next cell; a dd caption→its dt in an inverted list whose dts are no labels
  (`<dt>4,7</dt><dd>рейтинг</dd>`); a header row of labels over a row of values (column tables and grids);
  a column of bare labels beside a column of as many values (two parallel columns: the value at the
  label's index; another count gives no value, never a shifted one);
- loose sources (tried until one holds a value; empty, leader-only or label texts are passed over):
  the text right after the label, the next sibling (of the label, then of its wrapper), the text
  BEFORE a caption that ends its small block (stat tiles `<b>4,7</b><span>рейтинг</span>`), the
  parent's next sibling.
A value must pass the field's parser (`valid`) and must not itself be a label of the table (the
partner is never «Код решения»). Zones (tab bodies) are excluded for page-level fields so a review
saying «версия 3.4.1» never becomes the solution's version.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from mpcheck.extract.dom import ancestors, css, inline_text, matches, next_element, own_text, text_without
from mpcheck.extract.label_table import FLAGS, Table, table
from mpcheck.extract.text import fold, norm, without_icons

MAX_LABEL_CHARS = 160  # a label element's own text is short; long paragraphs are prose, not labels
MAX_LINE_CHARS = 400  # a «label · value · label · value» line is split only when it is this short
MAX_TILE_CHARS = 80  # a stat tile (value before its caption) is a small block
MAX_SKIPPED_SIBLINGS = 3  # empty / leader-only siblings passed over between a label and its value
MIN_PARALLEL_ITEMS = 3  # a label column beside a value column lists three properties at least
MAX_PARALLEL_ITEMS = 40  # more items is a list (of links, features), not a properties column
MAX_PARALLEL_LABEL_CHARS = 40  # a bare label of such a column («Адаптивность», «Тип решения»)
_CELLS = {"td", "th"}
_USER_FORM = etree.XPath("boolean(.//textarea | .//input[@type='radio'] | .//select)")
_USER_CONTROLS = etree.XPath(".//textarea | .//input[@type='radio'] | .//select")
_PAGE_FORM = etree.XPath("boolean(.//h1)")  # a form round the page's title wraps the page (ASP.NET)
_SEPARATOR_CHARS = ("·", "•", "|")
PROSE_ZONES = ("about", "install")  # the solution's own free text: a property line there is page-level
MIN_PROP_ROWS = 3  # a table in the description is the solution's properties table from three label rows
_PROP_ITEMS = {("dt", "dl"), ("li", "ul"), ("li", "ol")}  # (label item, its list) of a properties list
MAX_LIST_TITLE_CHARS = 150  # the title right over a properties list is a heading line, not a paragraph


@dataclass
class Hit:
    """A found label: where it is, the value text, and the element holding the value (for links, <s>)."""

    label: Any
    text: str
    value_el: Any
    source: str


def _previous_element(el: Any) -> Any:
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):  # comments, processing instructions
        prev = prev.getprevious()
    return prev


def _opens(el: Any, blocks: set[Any]) -> bool:
    """Is the element one of the blocks, or the first thing inside one (no element or text before it)?"""
    parent = el.getparent()
    if el in blocks:
        return True
    if parent is None or parent not in blocks or (parent.text or "").strip():
        return False
    for child in parent:
        if child is el:
            return True
        if isinstance(child.tag, str) or (child.tail or "").strip():
            return False
    return False


def _card_list_title(block: Any, runs: frozenset[Any] = frozenset()) -> bool:
    """A «label: value» list is the solution's own properties only under a title naming its
    Marketplace card («Данные решения на Маркетплейсе 1С-Битрикс» over «<li>Текущая версия:
    3.7.2</li><li>Дата публикации: …</li>», a reseller retelling the listing): a bare list in a
    description may as well be another product's («Рекомендуем также наш модуль «Склад PRO»:» over
    its «Версия», «Цена»), whose values are no facts of this page (`scope.prop_list_title`). The
    card copied as text may run on over several blocks of lines (`runs`: «<p>Код решения: …<br>Тип:
    …</p><p>Цена на Маркетплейсе: …<br>Версия: …</p>», blind solution_avito_listven_florashop):
    the title is the one over the first of them."""
    prev = _previous_element(block)
    while prev is not None and prev in runs:
        prev = _previous_element(prev)
    title = fold(inline_text(prev)) if prev is not None else ""
    return (
        0 < len(title) <= MAX_LIST_TITLE_CHARS
        and table().search(title, "scope", "prop_list_title") is not None
    )


@dataclass
class _Candidate:
    el: Any
    text: str  # folded label text (own text, one segment, or an attribute value)
    zone: str | None
    kind: str  # own | segment | attr | key | caption (key, caption: text = the field's name)
    line: list[str] | None = None  # the segments of the line (segment candidates), normalised
    at: int = 0  # this segment's index in `line`


def _label_any(rules: Table) -> re.Pattern[str]:
    parts = [e["re"] for f in rules.data["fields"].values() for e in f["labels"]]
    return re.compile(rules.data["label_wrapper"].replace("{label}", "|".join(parts)), FLAGS)


def _clause_split(rules: Table) -> re.Pattern[str]:
    return re.compile("|".join(e["re"] for e in rules.entries("clause_separators")) or "(?!)", FLAGS)


def _captions(rules: Table) -> list[tuple[str, re.Pattern[str]]]:
    """(field, regex) of the captions that follow their value («… установок» at the text's end)."""
    return [
        (name, re.compile(r"\s(?:" + e["re"] + r")[.!]?$", FLAGS))
        for name, f in rules.data["fields"].items()
        for e in f.get("captions", [])
    ]


def _caption_value(rules: Table, field: str, value: str, el: Any) -> bool:
    """The text before a caption is a whole confirmed bucket (`caption_values`), outside a partner's
    card (a block up to the grandparent holding a partner link and partner wording `not_own`:
    «Acme · 42 решения · Более 1000 установок»)."""
    if not rules.search(value.strip(), "fields", field, "caption_values"):
        return False
    block = el.getparent()
    for _ in range(2):
        if block is None or block.tag in ("body", "html"):
            break
        if rules.search(fold(inline_text(block)), "fields", field, "not_own") and any(
            css(block, sel["css"]) for sel in rules.entries("fields", "partner", "selectors")
        ):
            return False
        block = block.getparent()
    return True


def _keys(rules: Table) -> dict[str, str]:
    """English key → field («version» → version) from the fields' `keys`."""
    return {k: name for name, f in rules.data["fields"].items() for k in f.get("keys", [])}


def key_field(keys: dict[str, str], value: str | None) -> str | None:
    """The field an English key names, whole or as its last words («solution-version» → version)."""
    words = re.split(r"[-_.\s]+", (value or "").strip().lower())
    for start in range(len(words)):
        for sep in ("-", "_"):
            field = keys.get(sep.join(words[start:]))
            if field:
                return field
    return None


def is_label(text: str) -> bool:
    """Is a text a field label of the table (with or without its value): «Код решения», «Обновлено …»."""
    return table().memo("labelled:any", _label_any).match(fold(text)) is not None


def _separators(rules: Table) -> re.Pattern[str]:
    return re.compile("|".join(e["re"] for e in rules.entries("value_separators")) or "(?!)", FLAGS)


def split_line(text: str) -> list[str]:
    """«Версия 2.1.0 · Обновлено 12.11.2026» → its segments (normalised, non-empty)."""
    parts = table().memo("labelled:separators", _separators).split(norm(text))
    return [p.strip() for p in parts if p.strip()]


def _input_panels(form: Any) -> set[Any]:
    """The buyer's input blocks of a page-wide form (ASP.NET WebForms wraps the whole page, its h1
    and properties included, in one `<form>`): each text area, radio or select with its nearest
    block ancestor (the panel holding its caption «Оценка:»), unless that block holds the page's h1."""
    block_tags = table().block_tags
    panels: set[Any] = set()
    for control in _USER_CONTROLS(form):
        panels.add(control)
        block = control.getparent()
        while block is not None and block is not form and block.tag not in block_tags:
            block = block.getparent()
        if block is not None and block is not form and not _PAGE_FORM(block):
            panels.add(block)
    return panels


def _leader_only(text: str) -> bool:
    return table().search(text, "leader_only") is not None


class LabelIndex:
    """Label candidates of one document, built once, queried per field."""

    def __init__(self, root: Any, zones: dict[Any, str] | None = None, skip: set[Any] | None = None) -> None:
        self.zones = zones or {}
        rules = table()
        prefilter = rules.all_label_prefilter()
        skip_tags, skip_els = rules.skip_tags, skip or set()
        captions = rules.memo("labelled:captions", _captions)
        watched = frozenset(rules.data.get("label_attributes", []) + rules.data.get("key_attributes", []))
        self.candidates: list[_Candidate] = []
        self._line_blocks: dict[Any, int] = {}  # an element of `<br>` lines → how many lines it has
        add = self.candidates.append
        # explicit stack: repeated items (reviews, comments, changelog rows) are never visited, which
        # keeps a long page cheap and keeps labels out of user-written text
        stack: list[tuple[Any, str | None]] = [(root, None)]
        while stack:
            el, zone = stack.pop()
            tag = el.tag
            if not isinstance(tag, str) or tag in skip_tags or el in skip_els:
                if tag == "svg" and el not in skip_els and not watched.isdisjoint(el.keys()):
                    self._attributes(el, self.zones.get(el, zone), prefilter)  # <svg aria-label="Версия">
                continue
            if tag == "form" and _USER_FORM(el):
                if not _PAGE_FORM(el):
                    continue  # a review / comment form: its «Оценка» and rating inputs are the buyer's, not facts
                # a page-wide form: only its input panels are the buyer's
                skip_els = skip_els | _input_panels(el)
            zone = self.zones.get(el, zone)
            text = el.text
            if not text or text.isspace():  # the label may follow an icon: <div><i></i>Цена: …</div>
                text = next((c.tail for c in el if c.tail and not c.tail.isspace()), None)
            if text:
                own = fold(own_text(el))
                if ";" in own and len(own) <= MAX_LINE_CHARS:
                    self._clauses(el, zone, prefilter)  # «редакции …; адаптивность — да; композит — да»
                if el.find("br") is not None:
                    self._lines(el, zone, prefilter)  # «Версия: 1.7.0<br>Опубликовано: …<br>…»
                if len(own) <= MAX_LABEL_CHARS:
                    if prefilter.match(own):
                        add(_Candidate(el, own, zone, "own"))
                    for name, caption in captions:  # «Более 1000 установок»: the value, then its caption
                        m = caption.search(own)
                        if m and m.start() > 0 and _caption_value(rules, name, own[: m.start()], el):
                            add(_Candidate(el, name, zone, "caption", [norm(own_text(el))[: m.start()]], 0))
                    if (
                        "·" in own or "•" in own or "|" in own
                    ):  # _SEPARATOR_CHARS, spelled out: runs per element
                        self._segments(el, zone, prefilter)
            if not watched.isdisjoint(el.keys()):  # one C call per element: no extra tree walk
                self._attributes(el, zone, prefilter)
            stack.extend((child, zone) for child in reversed(el))
        # a properties table first: the pairs' promotion would take its rows out of its count
        self._prop_tables()
        self._promote_pairs()

    def _promote_pairs(self) -> None:
        """A properties grid in the solution's own description or install text: label elements each
        alone beside their value element in a pair wrapper (`<div class="slds-form-element">
        <span>Опубликовано:</span><div>12.03.2024</div></div>`), three such wrappers at least of one
        tag and class in one zone. The candidates of `pair_fields` there are page-level (a lone
        «Версия …» line or prose in the description stays in its zone), and those of
        `pair_fields_listed` (kind, partner, installs) when the grid holds one of the former."""
        groups: dict[tuple[str, str, str], list[_Candidate]] = {}
        for cand in self.candidates:
            if cand.kind == "own" and cand.zone in PROSE_ZONES:
                wrapper = _pair_wrapper(cand.el)
                if wrapper is not None:
                    key = (cand.zone, wrapper.tag, wrapper.get("class") or "")
                    groups.setdefault(key, []).append(cand)
        if not groups:
            return
        rules = table()
        promoted = [rx for f in rules.data.get("pair_fields", []) for rx in rules.label_rx(f)]
        listed = [rx for f in rules.data.get("pair_fields_listed", []) for rx in rules.label_rx(f)]

        def label_only(cand: _Candidate, patterns: list[re.Pattern[str]]) -> bool:
            # the label element holds the label only: its value is the sibling's
            m = next((m for rx in patterns if (m := rx.match(cand.text))), None)
            return m is not None and not m.group(1).strip()

        for group in groups.values():
            if len(group) < MIN_PARALLEL_ITEMS:
                continue
            hits = [cand for cand in group if label_only(cand, promoted)]
            # kind, partner, installs only in a copy of the card (one of those beside them): not a company's grid
            hits += [cand for cand in group if hits and label_only(cand, listed)]
            for cand in hits:
                cand.zone = None

    def _prop_tables(self) -> None:
        """A properties table inside the solution's own description tab is page-level: two-cell rows
        «label | value» (or a `dl`'s dt/dd), three label rows at least and half the table's rows
        (Vuetify's «Описание» window item opening with a v-table of «Установлено раз», «Опубликовано»,
        «Редакции»…; blind solution_vuetify3_module_discount_trial21). A lone «Версия PHP» row of
        a requirements table, or a feature table, stays in its tab. A list of «label: value» items
        counts the same way (a reseller's «Данные решения на Маркетплейсе» list «<li>Дата публикации:
        14.03.2023</li><li>Количество установок: 100 - 499</li>…», blind
        solution_ozon_kvarcline_deliverycalc): three label items at least and half the list's items;
        a feature list with one «Версия PHP: 8.1» item stays. Only the candidates already
        found in PROSE_ZONES are looked at: no extra walk."""
        groups: dict[Any, list[_Candidate]] = {}
        for cand in self.candidates:
            if cand.kind != "own" or cand.zone not in PROSE_ZONES:
                continue
            row = cand.el.getparent()
            if cand.el.tag in ("td", "th") and row is not None and row.tag == "tr":
                cells = [c for c in row if c.tag in ("td", "th")]
                block = next((a for a in ancestors(row) if a.tag == "table"), None)
                if len(cells) == 2 and cells[0] is cand.el and block is not None:
                    groups.setdefault(block, []).append(cand)
            elif row is not None and (cand.el.tag, row.tag) in _PROP_ITEMS:  # a dl's dt, a list's li
                groups.setdefault(row, []).append(cand)
        lined: dict[Any, list[_Candidate]] = {}  # a block of «label: value» lines split by <br>
        for cand in self.candidates:
            if cand.kind == "segment" and cand.zone in PROSE_ZONES and cand.el in self._line_blocks:
                lined.setdefault(cand.el, []).append(cand)
        # blocks mostly of label lines: only those titled as the listing's card (alone or in a run) count
        runs = frozenset(
            el for el, c in lined.items() if len(c) >= MIN_PROP_ROWS and 2 * len(c) >= self._line_blocks[el]
        )
        tails = set()  # the block right after a titled run opening with a label is the card's last line
        for block in runs:
            if _card_list_title(block, runs):
                for cand in lined[block]:
                    cand.zone = None
                after = next_element(block)
                if after is not None and after not in runs:
                    tails.add(after)
        for cand in self.candidates:  # «<p><strong>Рейтинг решения на Маркетплейсе: 4,7 из 5</strong> …</p>»
            if cand.kind == "own" and cand.zone in PROSE_ZONES and _opens(cand.el, tails):
                cand.zone = None
        for block, cands in groups.items():
            item = "dt" if block.tag == "dl" else "li"
            rows = len(block.findall(".//tr")) if block.tag == "table" else len(block.findall(item))
            if item == "li" and not _card_list_title(block):  # a list: only one titled as the listing's card
                continue
            if len(cands) >= MIN_PROP_ROWS and 2 * len(cands) >= rows:
                for cand in cands:
                    cand.zone = None

    def _attributes(self, el: Any, zone: str | None, prefilter: re.Pattern[str]) -> None:
        """A label attribute (aria-label="Версия") or an English key (data-field="version") of an element."""
        rules = table()
        for name in rules.data.get("label_attributes", []):
            value = fold(el.get(name))
            if value and len(value) <= MAX_LABEL_CHARS and prefilter.match(value):
                self.candidates.append(_Candidate(el, value, zone, "attr"))
                break
        keys = rules.memo("labelled:keys", _keys)
        for name in rules.data.get("key_attributes", []):  # data-field="version": the field's English key
            field = key_field(keys, el.get(name))
            if field:
                self.candidates.append(_Candidate(el, field, zone, "key"))
                break

    def _clauses(self, el: Any, zone: str | None, prefilter: re.Pattern[str]) -> None:
        """A prose property line: clauses split at «;», each a «label value» pair (a heading
        «Совместимость:» before a clause's label is passed over), when there are two or more and
        EVERY clause opens with a label. In the solution's own description or install text the
        clauses of `clause_fields` (editions, adaptive, composite) are page-level; the rest stay in
        their zone (a version, date or rating in prose is not the page's)."""
        rules, clauses = table(), []
        for part in rules.memo("labelled:clauses", _clause_split).split(norm(own_text(el))):
            folded = fold(part)
            if not prefilter.match(folded):
                head = folded.find(": ")
                if head < 0 or not prefilter.match(folded[head + 2 :]):
                    return  # every clause is a label/value pair, or the line is prose
                part, folded = part[head + 2 :], folded[head + 2 :]
            clauses.append((part, folded))
        if len(clauses) < 2:
            return
        promoted = [rx for f in rules.data.get("clause_fields", []) for rx in rules.label_rx(f)]
        for part, folded in clauses:  # page-level: only editions / adaptive / composite, never rating, date
            where = None if zone in PROSE_ZONES and any(rx.match(folded) for rx in promoted) else zone
            self.candidates.append(_Candidate(el, folded, where, "segment", [part], 0))

    def _lines(self, el: Any, zone: str | None, prefilter: re.Pattern[str]) -> None:
        """Each `<br>`-separated line of an element with two lines or more is a «label: value» line
        (a properties block written as one text: only its first label was the element's own text)."""
        lines, parts = [], [el.text or ""]
        for child in el:
            if child.tag == "br":
                lines.append(norm("".join(parts)))
                parts = [child.tail or ""]
            else:
                parts.append(etree.tostring(child, method="text", encoding="unicode", with_tail=True))
        lines.append(norm("".join(parts)))
        count = sum(1 for line in lines if line)
        if count < 2:
            return
        self._line_blocks[el] = count
        for line in lines:
            folded = fold(line)
            if len(folded) <= MAX_LABEL_CHARS and prefilter.match(folded):
                self.candidates.append(_Candidate(el, folded, zone, "segment", [line], 0))

    def _segments(self, el: Any, zone: str | None, prefilter: re.Pattern[str]) -> None:
        """Segments after the first of a «label · value · label · value» line become candidates."""
        full = inline_text(el)
        if len(full) > MAX_LINE_CHARS:
            return
        line = split_line(full)
        for at, segment in enumerate(line[1:], start=1):
            folded = fold(segment)
            if prefilter.match(folded):
                self.candidates.append(_Candidate(el, folded, zone, "segment", line, at))

    def find(
        self,
        field: str,
        *,
        zones: tuple[str | None, ...] = (None,),
        accept: Callable[[Any], bool] | None = None,
        valid: Callable[[str], bool] | None = None,
    ) -> Hit | None:
        """The first label hit (document order) within the allowed zones whose value is valid.

        `field` is a field name of labels.json or a slash path to another label list
        (`partner_page/labels/status`); `valid` rejects values that do not parse as the field's type.
        """
        patterns = table().label_rx(*field.split("/"))

        def check(text: str) -> bool:
            return bool(text) and not is_label(text) and (valid is None or valid(text))

        for cand in self.candidates:
            if cand.zone not in zones:
                continue
            if cand.kind == "caption":
                value = (cand.line or [""])[0]
                if cand.text == field and check(value) and (accept is None or accept(cand.el)):
                    return Hit(cand.el, value, cand.el, "caption")
                continue
            if cand.kind == "key":
                if cand.text == field and (accept is None or accept(cand.el)):
                    hit = _value(cand, None, check)
                    if hit is not None:
                        return hit
                continue
            for pattern in patterns:
                if pattern.match(cand.text) and (accept is None or accept(cand.el)):
                    hit = _value(cand, pattern, check)
                    if hit is not None:
                        return hit
                    break  # e.g. «Версия ядра: 20.0» is not the solution's version: try the next label
        return None


def _cut(rest: str) -> str:
    """The value part of a rest that may run on into the next «· label value» pair."""
    if not any(ch in rest for ch in _SEPARATOR_CHARS):
        return rest
    kept: list[str] = []
    for segment in split_line(rest):
        if kept and is_label(segment):
            break
        kept.append(segment)
    return " · ".join(kept)


def _clean(text: str) -> str:
    return "" if _leader_only(text) else text


def _value(cand: _Candidate, pattern: Any, check: Callable[[str], bool]) -> Hit | None:
    """The value of a label candidate: the first bound source that exists decides; else loose ones."""
    el = cand.el
    for source, text, value_el, bound in _sources(cand, pattern):
        text = _clean(norm(text))
        if not text:
            continue
        if source == "rest" and text.endswith(":"):
            return None  # «Редакция решения:»: the label goes on to its colon; the rest is no value
        if source == "rest" and _label_gloss(el, text):
            continue  # «Разработчик (партнёр 1С-Битрикс)» in a label cell: the value is the next cell
        if check(text):
            return Hit(el, text, value_el, source)
        if bound or not (is_label(text) or len(text) <= 1):
            return None  # the label's own slot holds something that is not a value of this field
    return None


def _sources(cand: _Candidate, pattern: Any) -> Iterator[tuple[str, str, Any, bool]]:
    """(source, text, value element, bound?) in the order of the module docstring."""
    el = cand.el
    if cand.kind == "segment":
        line = cand.line or []
        m = pattern.match(cand.text)
        rest = norm(line[cand.at][m.start(1) :]) if m else ""
        follow = []
        for segment in line[cand.at + 1 :]:
            if is_label(segment):
                break
            follow.append(segment)
        yield "rest", rest or " · ".join(follow), el, True
        return
    if cand.kind in ("attr", "key"):
        m = pattern.match(cand.text) if cand.kind == "attr" else None
        attr_rest = cand.text[m.start(1) :] if m else ""
        # the attribute text is folded (ё→е): take the same span of the original attribute value
        raw = next(
            (norm(el.get(n)) for n in table().data["label_attributes"] if fold(el.get(n)) == cand.text), ""
        )
        yield "rest", raw[len(raw) - len(attr_rest) :] if attr_rest else "", el, True
        for name in table().data.get("value_attributes", []):
            if el.get(name):
                yield "attr-value", el.get(name), el, True
        # the element's text, leaving out decoration marked aria-hidden (icon ligatures: «smartphone»)
        own = text_without(el, css(el, "[aria-hidden=true]")) if len(el) else inline_text(el)
        if own and (pattern is None or not pattern.match(fold(own))):
            yield "text", own, el, True
    else:
        full = _label_text(el)
        m = pattern.match(fold(full))
        if m is None:  # a child's text comes first: the label is in the element's own text after it
            rest = _node_rest(el, pattern, cand.text)
            # what follows the label's text node inside the element: <i>★</i>Оценка: <b>4,3</b> из 5
            after = "" if rest else _after_node(el, pattern)
            if not rest and not after and len(full) <= MAX_TILE_CHARS:
                # the caption is a bare text after the value inside one tile: <div><b>4,7</b> рейтинг</div>
                yield "before", _leading_children(el), el, False
            yield "rest", _cut(rest or after), el, True
        else:
            yield "rest", _cut(norm(full[m.start(1) :])), el, True
    referrers = _tooltip_referrers(el)
    if referrers is not None:  # a tooltip's value is the element it describes, never its neighbours
        for ref in referrers:
            yield "described", inline_text(ref), ref, False
        return
    control = _label_control(el) if cand.kind == "own" else None
    if control is not None:  # <label for=ID>: HTML ties the label to its control, whatever the layout
        for text in _control_values(control):
            yield "for", text, control, True
        return  # an empty or «—» control is an empty value, never its neighbour's
    yield from _structure(el)


def _label_control(el: Any) -> Any:
    """The element a `<label for="ID">` holding the label text names (HTML's own label–control tie,
    `label_for`: a SAP UI5 SimpleForm's `label.sapMLabel[for]` in one grid cell, its value control in
    another; an ObjectPage header KPI's label beside an ObjectStatus or a RatingIndicator): the first
    element of that id in the document, not the label itself nor inside it; None without one. A hidden
    input is no control (HTML does not let a label name one): an APEX display-only item's label names
    the hidden input holding the item's key (the partner id 4172093) while the text shown is beside it."""
    owner = next((a for a in ancestors(el) if a.tag == "label" and a.get("for")), None)
    if owner is None:
        return None
    found = owner.getroottree().getroot().xpath("//*[@id=$ident]", ident=owner.get("for"))
    control = found[0] if found else None
    if control is None or any(a is owner for a in ancestors(control)):
        return None
    if control.tag == "input" and (control.get("type") or "").strip().lower() == "hidden":
        return None
    return control


def _control_values(control: Any) -> Iterator[str]:
    """What a label's control shows: its text without words for screen readers only (an
    ObjectStatus' invisible state «Успешно» beside «100 - 499», `tab_checks.assistive_text`) or
    aria-hidden decoration or icon-font glyphs (private-use characters: a RatingIndicator's ten
    star icons), then a form control's `value_attributes`, then the value a widget without text
    states for assistive technology (`label_for.state_attributes`: a rating slider's aria-valuetext
    «4,6 из 5», aria-valuenow «4.6»). A control holding a long text is a block, not a value: nothing."""
    rules = table()
    quiet = ", ".join(
        ["[aria-hidden=true]", *(e["css"] for e in rules.entries("tab_checks", "assistive_text"))]
    )
    hidden = css(control, quiet)
    text = text_without(control, hidden) if hidden else inline_text(control)
    text = norm(without_icons(text))
    if len(text) > MAX_LINE_CHARS:
        return
    yield text
    for name in [
        *rules.data.get("value_attributes", []),
        *(rules.get("label_for", "state_attributes") or []),
    ]:
        if control.get(name):
            yield control.get(name)


def _label_text(el: Any) -> str:
    """The label element's text without its own help controls: a `skip_tags` descendant (the help
    button holding assistive text «Справка») or a tooltip (`tooltip_roles`) inside the label is no
    part of its rest (<span>Опубликовано:<button><span>Справка</span></button></span>)."""
    if not len(el):
        return inline_text(el)
    rules = table()
    skip, roles = rules.skip_tags, rules.data.get("tooltip_roles", [])
    helps = [d for d in el.iterdescendants("*") if d.tag in skip or d.get("role") in roles]
    return text_without(el, helps) if helps else inline_text(el)


def _tooltip_referrers(el: Any) -> list[Any] | None:
    """A label that exists only in a tooltip (`role=tooltip`, floating after the footer): the
    elements naming it by id in `aria-describedby` / `aria-labelledby`; None when not a tooltip."""
    rules = table()
    box = label_box(el)
    tip = next((e for e in (el, box) if e.get("role") in rules.data.get("tooltip_roles", [])), None)
    if tip is None:
        return None
    ident = tip.get("id")
    if not ident:
        return []
    root = tip.getroottree().getroot()
    return [
        ref
        for name in rules.data.get("tooltip_referrers", [])
        for ref in root.iter()
        if isinstance(ref.tag, str) and ident in (ref.get(name) or "").split()
    ]


def _node_rest(el: Any, pattern: Any, folded_own: str) -> str:
    """The rest after the label in the one direct text node that holds it (el.text or a child's
    tail): never glued to another text node of the element. Only when no single node holds the
    label (split by an inline child), the rest of the element's whole own text."""
    for node in (el.text, *(child.tail for child in el)):
        text = norm(node)
        m = pattern.match(fold(text)) if text else None
        if m is not None:
            return text[m.start(1) :]
    at = pattern.match(folded_own)
    return norm(own_text(el))[at.start(1) :] if at else ""


def _after_node(el: Any, pattern: Any) -> str:
    """The text after the direct text node holding the label (the children after it and their
    tails): a label that ends its node is followed by its value, it does not caption what precedes."""
    children = list(el)
    for at, node in enumerate((el.text, *(child.tail for child in children))):
        text = norm(node)
        if text and pattern.match(fold(text)) is not None:
            parts = []
            for child in children[at:]:
                parts.append(inline_text(child) if isinstance(child.tag, str) else "")
                parts.append(child.tail or "")
            return norm(" ".join(parts))
    return ""


def _leading_children(el: Any) -> str:
    """The text of an element's children before the first non-blank text of its own."""
    parts = []
    for child in el:
        if not isinstance(child.tag, str):
            continue
        parts.append(inline_text(child))
        if norm(child.tail):
            break
    return " ".join(parts)


# how many wrappers a label climbs to its box: a word processor's export nests four
# (LibreOffice's <td><p><font face><font size><b>Версия</b></font></font></p></td>)
MAX_BOX_CLIMB = 4


def label_box(el: Any) -> Any:
    """The outermost wrapper whose whole text is the label's (<td><b>Версия</b></td> → the td)."""
    text, box = inline_text(el), el
    for _ in range(MAX_BOX_CLIMB):
        parent = box.getparent()
        if parent is None or inline_text(parent) != text:
            break
        box = parent
    return box


def _children(el: Any) -> list[Any]:
    return [c for c in el if isinstance(c.tag, str)]


def _label_gloss(el: Any, rest: str) -> bool:
    """Is the rest a parenthesised gloss of the label in a label cell of a two-cell pair
    (<div><div>Установок (по данным Маркетплейса)</div><div>100 - 499</div></div>)? The whole
    first cell is the label then; its value is the pair's second cell, not the gloss."""
    return rest.startswith("(") and rest.endswith(")") and _pair_wrapper(el) is not None


def _pair_wrapper(el: Any) -> Any:
    """The pair wrapper of a label element: the parent of its box (`label_box`) holding exactly two
    elements, the box first and a value element with text second, and no text of its own; None
    otherwise."""
    box = label_box(el)
    wrapper = box.getparent()
    if wrapper is None or wrapper.tag in ("body", "html"):
        return None
    kids = _children(wrapper)
    if len(kids) != 2 or kids[0] is not box or norm(own_text(wrapper)):
        return None
    return wrapper if inline_text(kids[1]) else None


def _slot(el: Any) -> bool:
    """An empty text container that is no decoration (`value_slot`): a value rendered empty."""
    rules = table()
    slots = ", ".join(e["css"] for e in rules.entries("value_slot", "slots"))
    decoration = ", ".join(e["css"] for e in rules.entries("value_slot", "not_slots"))
    return (
        bool(slots)
        and not _children(el)
        and not inline_text(el)
        and matches(el, slots)
        and not (decoration and matches(el, decoration))
    )


def _empty_slot(el: Any) -> bool:
    """The label's value slot is there and empty: an empty slot inside the label's element
    (<div>Обновлено: <span class="value"></span></div>) or after it in a wrapper whose whole text is
    still the label's (<div><span>Обновлено:</span> <span class="value"></span></div>, the climb
    `label_box` makes). The next row's value is then not this label's: there is none."""
    if any(_slot(c) for c in _children(el)):
        return True
    text, node = inline_text(el), el
    for _ in range(3):
        parent = node.getparent()
        if parent is None or inline_text(parent) != text:
            return False
        kids = _children(parent)
        if any(_slot(c) for c in kids[kids.index(node) + 1 :]):
            return True
        node = parent
    return False


def _column(box: Any) -> tuple[str, Any] | None:
    """A header row of labels over a row of values: the value in the same column of the next row."""
    row = box.getparent()
    if row is None:
        return None
    cells = _children(row)
    others = [c for c in cells if c is not box]
    if not others or not any(is_label(inline_text(c)) for c in others):
        return None
    nxt = next_element(row)
    if nxt is None and row.getparent() is not None and row.getparent().tag == "thead":
        body = next_element(row.getparent())
        nxt = next((c for c in _children(body) if c.tag == "tr"), None) if body is not None else None
    if nxt is None:
        return None
    values = _children(nxt)
    index = cells.index(box)
    if len(values) != len(cells) or _record_rows(nxt):
        return None
    return inline_text(values[index]), values[index]


def _record_rows(values_row: Any) -> bool:
    """A second row of values follows the first (no labels in it): the header heads a list of
    records (editions and their prices, releases), whose first row is no value of the label."""
    after = next_element(values_row)
    return after is not None and not any(is_label(inline_text(c)) for c in _children(after))


def _digit(text: str) -> bool:
    return any("0" <= ch <= "9" for ch in text)


def _lone_chain_up(node: Any) -> Any:
    """The outermost wrapper of `node` that wraps nothing else (each level has one element child)."""
    while (parent := node.getparent()) is not None and len(_children(parent)) == 1 and parent.tag != "body":
        node = parent
    return node


def _lone_chain_down(node: Any) -> Any:
    """The innermost element below `node` through wrappers of one element child each."""
    while len(kids := _children(node)) == 1:
        node = kids[0]
    return node


def _parallel(box: Any) -> tuple[str, Any] | bool | None:
    """Two parallel columns: a column of bare labels (`<p>Версия</p><p>Обновлено</p>…`, no digits,
    half of them at least labels of the table) and, as its next sibling (through wrappers of one
    child each), a column of as many values, none a label, read in the same order: the value at
    the label's index. False when the label column stands beside no such value column (another
    count, a label among the values): no value at all, never a shifted one; None when the label
    is no item of such a column."""
    holder = box.getparent()
    items = _children(holder) if holder is not None else []
    if not MIN_PARALLEL_ITEMS <= len(items) <= MAX_PARALLEL_ITEMS or holder.tag in ("body", "html"):
        return None
    if any(item.tag != box.tag for item in items):
        return None
    texts = [inline_text(item) for item in items]
    if any(not text or len(text) > MAX_PARALLEL_LABEL_CHARS or _digit(text) for text in texts):
        return None  # «Версия 2.3.1»: a label with its value, no bare label column
    if 2 * sum(1 for text in texts if is_label(text)) < len(items):
        return None
    column = _lone_chain_up(holder)
    other = next_element(column)
    if other is None or column.getparent() is None or len(_children(column.getparent())) != 2:
        return None
    values = _children(_lone_chain_down(other))
    value_texts = [inline_text(v) for v in values]
    if len(values) != len(items) or any(
        len(text) > MAX_LABEL_CHARS or is_label(text) for text in value_texts
    ):
        return False
    at = items.index(box)
    return value_texts[at], values[at]


def _next_text(el: Any) -> tuple[str, Any] | None:
    """The first following sibling with text, passing over empty and leader-only ones, and ones
    drawing icon-font glyphs alone (a Fluent UI rating's stars, private-use characters, between
    «Оценка покупателей на Маркетплейсе» and its «4,7»: blind
    solution_sharepoint_modern_canvas_enisey_pricelist)."""
    nxt = next_element(el)
    for _ in range(MAX_SKIPPED_SIBLINGS + 1):
        if nxt is None:
            return None
        text = inline_text(nxt)
        if text and not _leader_only(text) and norm(without_icons(text)):
            return text, nxt
        if norm(nxt.tail):
            return None  # text between the siblings: that is the tail's, not this sibling's
        nxt = next_element(nxt)
    return None


def _before(box: Any) -> tuple[str, Any] | None:
    """A stat tile: the caption ends a small block, its value is what comes before it."""
    parent = box.getparent()
    if parent is None or _next_text(box) is not None or norm(box.tail):
        return None
    if len(inline_text(parent)) > MAX_TILE_CHARS:
        return None
    prev = box.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is not None:
        between = norm(prev.tail)
        return (between, parent) if between else (inline_text(prev), prev)
    return norm(parent.text), parent


def _inverted(box: Any) -> tuple[str, Any] | None:
    """An inverted definition list (`<dt>4,7</dt><dd>рейтинг</dd>`, a stat strip): the label is a
    dd that captions the dt right before it. Decided by which side is a label: the dd is one (the
    candidate) and no dt of its list is one, so a normal dl (dt label, dd value) never reads so."""
    parent = box.getparent()
    prev = box.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if box.tag != "dd" or parent is None or prev is None or prev.tag != "dt":
        return None
    if any(is_label(inline_text(dt)) for dt in parent if dt.tag == "dt"):
        return None
    return inline_text(prev), prev


def _pair_cell(cell: Any) -> Any:
    """The value cell of a label cell: the next cell, or, when empty cells stand between (a form
    layout's error-indicator or spacer cell: Vaadin `caption | error | content`), the row's LAST
    cell provided every cell between is empty. A text cell in between, or a text cell after the
    candidate, keeps the plain next cell (empty: the value is rendered empty)."""
    nxt = next_element(cell)
    if nxt is None or inline_text(nxt) or nxt.tag not in _CELLS:
        return nxt
    after = nxt
    for _ in range(MAX_SKIPPED_SIBLINGS):
        after = next_element(after)
        if after is None or after.tag not in _CELLS:
            return nxt
        if inline_text(after):
            return after if next_element(after) is None else nxt
    return nxt


def _structure(el: Any) -> Iterator[tuple[str, str, Any, bool]]:
    box = label_box(el)
    parent = el.getparent()
    if box.tag in _CELLS or box.tag == "dt":
        nxt = _pair_cell(box) if box.tag in _CELLS else next_element(box)
        want = {"dd"} if box.tag == "dt" else _CELLS
        if nxt is not None and nxt.tag in want and not is_label(inline_text(nxt)):
            yield "pair", inline_text(nxt), nxt, True
            return
    inverted = _inverted(box)
    if inverted is not None:  # the dd's value is its dt, never the next pair's value
        yield "inverted", inverted[0], inverted[1], True
        return
    column = _column(box)
    if column is not None:
        yield "column", column[0], column[1], True
        return
    parallel = _parallel(box)
    if parallel is False:
        return  # a label column beside no column of as many values: no neighbour is its value
    if isinstance(parallel, tuple):
        yield "parallel", parallel[0], parallel[1], True
        return
    if _empty_slot(el):
        return  # the label's own value slot is empty: no neighbour's text is its value
    yield "tail", _cut(norm(el.tail)), parent, False
    for holder in (el, box) if box is not el else (el,):
        found = _next_text(holder)
        if found is not None:
            yield "next", found[0], found[1], False
    before = _before(box)
    if before is not None:
        yield "before", before[0], before[1], False
    outer = box.getparent() if box is not el else parent
    pnext = next_element(outer) if outer is not None else None
    if pnext is not None:
        yield "parent-next", inline_text(pnext), pnext, False
