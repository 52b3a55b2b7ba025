"""Tab bodies and tab-bar labels of a solution page (DOM.md §4; issue 9 point 3).

Hidden bodies are in the HTML: they are read regardless of which tab is visible. A body is found by
its confirmed id (`#tab-<name>-body`, trusted as is), else through the tab control's
`aria-controls` / `data-target`. A tab still missing is found by its TITLE (synonyms in
`tabs.<name>.titles`; words for screen readers only, `tab_checks.assistive_text`, left out: jQuery
Mobile's «click to expand contents») and its panel by every standard tie, in this order:

- the panel's own `aria-label` / `title` / `data-title`, `<section aria-label>`;
- the control's `aria-controls` / `data-target` / `data-bs-target` / `href="#id"` (also a named
  anchor `<a name>`; also the link inside a title, a navbar's `<li><a href="#sec-log">`), the
  panel's `aria-labelledby`;
- `label for` + radio input (the panel follows the label or the input), `details/summary`;
- equal `data-*` values on control and panel (`data-tab="log"` ↔ `data-panel="log"`);
- the same quoted key in the control's click handler and the panel's visibility expression (Alpine
  `@click="tab = 'log'"` ↔ `x-show="tab === 'log'"`, Vue `v-on:click` ↔ `v-show` / `v-if`,
  `:hidden="tab !== 'log'"`): the same state variable on both sides when the handler names one, and
  a key only one panel shows on. A panel whose own expression shows it on another key of that
  variable is never the tab's by any other tie (position, next sibling…);
- old tabs without a target: the same number in the tab's id and the panel's id after another
  prefix (`tab_title_3` ↔ `tab_content_3`, `tab1` ↔ `content1`; ids of generic words and one
  number only), or the literal the tab's onclick / `href="javascript:…"` passes to the script
  function two titles call at least (`ShowTab(3)` ↔ `tab_content_3`, `showTab('log')` ↔ `id="log"`):
  a key one panel holds (of two numbered schemes, the one numbered like the tabs);
- the same position among sibling tabs and sibling panels (the next sibling, the same position:
  guesses from order, so never a block whose first title names another tab);
- a heading (or a titled block) and its content up to the next heading of the same or higher level
  or the next tab title (wrapped in a new div when it shares its parent).
A tied panel is trusted only when its content fits the tab (`tab_checks`): a changelog panel holds a
version and a date, reviews and comments hold a date (or say there are none), support has text.
So a licence's «Обновления: 12 месяцев» never becomes the changelog.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from lxml import etree

from mpcheck.extract.dom import ancestors, css, inline_text, own_text, text_before, text_without
from mpcheck.extract.label_table import Table, table
from mpcheck.extract.log_table import release_tables
from mpcheck.extract.text import fold, norm

log = logging.getLogger(__name__)
_BAR_TAGS = {"a", "button", "li", "label"}
_NONE_TEXT = {"rating": "reviews", "comments": "comments"}  # the table group saying «no items yet»
_CONTROL_TAGS = {"a", "button", "li", "label", "summary"}
_NOT_TITLES = {"option", "select", "textarea", "head", "title"}
MAX_TITLE_CHARS = 60  # a tab title is short; longer own text is prose
MAX_RAW_TITLE_CHARS = 400  # the same before whitespace is collapsed (indented markup)
MAX_PANEL_CLIMB = (
    5  # how far up from a tab bar its panels' container may sit (mat-tab-header → -body-wrapper)
)
MAX_KEY_HOLDERS = 3  # a data-* key ties one control to one panel (a title may carry it too)
_TARGET_ATTRS = ("aria-controls", "data-target", "data-bs-target", "data-tab-target", "href")
# The same node set as //*[@id or @role or self::nav] (document order, no duplicates), but libxml2
# walks attribute nodes instead of testing a predicate on every element: ~3x faster on a long page.
_ID_OR_BAR = etree.XPath("//@id/.. | //@role/.. | //nav")
_LABELLED = etree.XPath("//*[@aria-labelledby]")
_ATTR_TITLED = etree.XPath("//*[@aria-label or @title or @data-title]")
_NAMED = etree.XPath("//a[@name]")
_HEAD_IMAGES = etree.XPath("//img[@alt]")
_DATA = etree.XPath("//@*[starts-with(name(), 'data-')]")
_ROLE_PANELS = etree.XPath("//*[@role]")
_ATTRS = etree.XPath("//@*")
_Key = tuple[str | None, str]  # (state variable or None when the handler names none, quoted key)
_GUESSED_TIES = ("next", "position")  # ties read from the markup's order, not from a name or a key
_LATER_TIES = ("heading", *_GUESSED_TIES)  # tried, in their order, after every name or key tie


@dataclass
class Tabs:
    """Tab name → body element, tab-bar text, and how the body was found."""

    bodies: dict[str, Any] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    how: dict[str, str] = field(default_factory=dict)


_PART_MARKS = "/|—–"  # what may part a title in two (`tab_title_parts`): a cheap test before the regex


def _title_parts(folded: str) -> list[str]:
    """A bilingual title split at its spaced «/» or «|» («changelog / история версий»), else itself."""
    return table().rx("tab_title_parts")[0].split(folded)


def _title_match(name: str, text: str) -> bool:
    folded = fold(text)
    patterns = table().rx("tabs", name, "titles")
    if any(p.match(folded) for p in patterns):
        return True
    parts = _title_parts(folded)  # every part of a bilingual title must title this tab
    return len(parts) > 1 and all(any(p.match(part) for p in patterns) for part in parts)


def _title_line(rest: str) -> bool:
    """Is what a block holds besides its title nothing, a colon or one bracketed gloss
    (`tab_checks.title_gloss`)?"""
    return table().search(norm(rest), "tab_checks", "title_gloss") is not None


def title_of(text: str) -> str | None:
    """The tab a short text titles («История версий» → log; «Changelog / История версий» → log), or None."""
    if len(text) > MAX_RAW_TITLE_CHARS:  # a whole section's text: no need to normalise it
        return None
    folded = fold(text)
    if not folded or len(_without_aside(folded)) > MAX_TITLE_CHARS:
        return None
    name = _folded_title_of(folded)
    if name is not None or not any(c in folded for c in _PART_MARKS):
        return name
    parts = _title_parts(folded)
    names = {_folded_title_of(part) for part in parts}
    return (
        names.pop() if len(parts) > 1 and len(names) == 1 else None
    )  # «отзывы / обсуждения»: two tabs, none


def _without_aside(folded: str) -> str:
    """A title without the bracket that closes it: its count and a note on it («Что нового (последние 6
    версий, полная история — на вкладке …)», a `details` summary) do not make the title prose; the
    title patterns still judge the whole text (TS `withoutAside`)."""
    start = folded.rfind("(")
    return folded[:start] if start > 0 and folded.endswith(")") else folded


def _folded_title_of(folded: str) -> str | None:
    rules = table()
    names = rules.data["tabs"]
    any_title = rules.memo("tabs:any-title", lambda t: t.any_search(*[("tabs", n, "titles") for n in names]))
    if not any_title(folded):
        return None  # one alternation first: most short texts title nothing
    return next(
        (name for name in names if any(p.match(folded) for p in rules.rx("tabs", name, "titles"))), None
    )


def count_first_title_of(text: str) -> str | None:
    """The tab a short text titles by its count first («3 комментария» → comments, «12 отзывов» →
    rating: `tab_checks.count_first_titles`), or None. Only a heading or a tab is such a title
    (_units): a card's or the page head's «3 комментария» names no section of this page."""
    folded = fold(text) if len(text) <= MAX_RAW_TITLE_CHARS else ""
    if not folded or len(folded) > MAX_TITLE_CHARS or not folded[0].isdigit():
        return None
    rules = table()
    names = [n for n in rules.data["tab_checks"]["count_first_titles"] if n != "comment"]
    return next(
        (n for n in names if any(p.match(folded) for p in rules.rx("tab_checks", "count_first_titles", n))),
        None,
    )


def numbered_title_of(text: str) -> str | None:
    """The tab a numbered heading titles by its words after the chapter number («5. История версий»
    → log, «2.1 Отзывы» → rating: `tab_checks.section_number`), or None (no number, or a title
    that is no tab's). Only a heading or a tab is such a title (_units): an ordered list's
    «3. Поддержка» item or a table of contents' «5. История версий» link names no section."""
    if len(text) > MAX_RAW_TITLE_CHARS:
        return None
    number = table().search(text, "tab_checks", "section_number")
    return title_of(text[number.end() :]) if number else None


def heading_title_of(text: str) -> str | None:
    """The tab a heading's or a tab's text titles by its count first (count_first_title_of) or after
    its chapter number (numbered_title_of), or None."""
    return count_first_title_of(text) or numbered_title_of(text)


LINE_MARK = "data-mpcheck-line"  # a title line wrapped into a span (_title_lines): its tab's name
_LINE_EDGES = re.compile(r"^[\W_]+|\s*:$")  # a line's leading emoji / symbols and its trailing colon


def line_title_of(text: str) -> str | None:
    """The tab a whole text line titles once its leading emoji or symbols and a trailing colon are
    set aside («🛠 Техподдержка», «💬 Отзывы с Маркетплейса:» of a social post), or None."""
    if len(text) > MAX_RAW_TITLE_CHARS:
        return None
    return title_of(_LINE_EDGES.sub("", norm(text)))


def _line_nodes(parent: Any) -> Iterator[tuple[Any, list[Any]]]:
    """A block's `<br>`-separated lines: (the <br> before the line or None for the block's first
    line, the line's child elements)."""
    before: Any = None
    line: list[Any] = []
    for child in parent:
        if child.tag == "br":
            yield before, line
            before, line = child, []
        elif isinstance(child.tag, str):
            line.append(child)
    yield before, line


def _title_lines(root: Any, skip: set[Any], missing: list[str]) -> None:
    """A `<br>`-separated text line whose whole text is a missing tab's title (line_title_of: a social
    post's «🛠 Техподдержка<br>…<br>💬 Отзывы с Маркетплейса<br>…») is wrapped into a span marked with
    that tab (LINE_MARK), so it heads the lines after it like a heading does (its section runs to
    the next title or the block's end). The line must be whole: only text and inline elements, no
    link or control, between a <br> (or the block's start) and the next <br> (or its end); a
    title inside a sentence is no line of its own. A line that is one element titled as it is
    already a title unit and is left alone."""
    rules = table()
    parents = {br.getparent() for br in root.iter("br")}
    for parent in parents:
        if parent is None or parent in skip or any(a in skip for a in ancestors(parent)):
            continue
        for before, line in list(_line_nodes(parent)):
            start = (before.tail if before is not None else parent.text) or ""
            if any(
                el.tag in rules.block_tags or el.tag in _CONTROL_TAGS or css(el, "a, button, br")
                for el in line
            ):
                continue
            text = start + "".join(inline_text(el) + " " + (el.tail or "") for el in line)
            name = line_title_of(text) if len(text) <= MAX_RAW_TITLE_CHARS else None
            if name is None or name not in missing:
                continue
            if (
                len(line) == 1
                and not norm(start)
                and not norm(line[0].tail)
                and title_of(inline_text(line[0]))
            ):
                continue
            span = etree.Element("span")
            span.set(LINE_MARK, name)
            span.text = start
            if before is not None:
                before.tail = None
                parent.insert(parent.index(before) + 1, span)
            else:
                parent.text = None
                parent.insert(0, span)
            for el in line:
                span.append(el)  # append moves the element with its tail


def _heading_or_tab(el: Any) -> bool:
    """A heading (h1-h6, role=heading, a block its class calls a title: `tab_checks.title_classes`)
    or a role=tab control, or inside one (its text's own span). A class names a title only of a
    block whose whole text is the count's own and that holds no link: a card's title row
    «<div class=post-card__title><a>Другой пост</a> <span>12 комментариев</span></div>» is the
    other post's title with its count beside it, no heading of this page's comments."""
    rules = table()
    own: str | None = None
    for anc in list(ancestors(el))[:3]:
        if anc.tag in rules.heading_tags or anc.get("role") in ("heading", "tab"):
            return True
        if rules.search(anc.get("class") or "", "tab_checks", "title_classes"):
            own = fold(inline_text(el)) if own is None else own
            if fold(inline_text(anc)) == own and not css(anc, "a"):
                return True
    return False


def _shown_text(el: Any) -> str:
    """A title's text without the words it holds for screen readers only (jQuery Mobile's collapsible
    heading «Что нового<span class="ui-collapsible-heading-status"> click to expand contents</span>»,
    Bootstrap's «<span class="sr-only">(current)</span>»: `tab_checks.assistive_text`); a title made
    of such words only (an icon tab with a hidden name) keeps them."""
    if not len(el):
        return inline_text(el)
    selector = ", ".join(e["css"] for e in table().entries("tab_checks", "assistive_text"))
    hidden = [h for h in css(el, selector) if h is not el] + permalinks(el)
    return (text_without(el, hidden) if hidden else "") or inline_text(el)


def permalinks(el: Any) -> list[Any]:
    """A heading's permalink anchors inside `el` (`tab_checks.permalinks`): links to an element that
    holds the link itself (MkDocs' «<h2 id=_4>История версий<a class=headerlink href=#_4>¶</a></h2>»,
    Sphinx's section id; GitHub's «<a id=user-content-x href=#x>» onto its own prefixed id) whose whole
    text is a mark («¶», «#», «🔗») or nothing. A title's chrome and a name's alike (identity's badges)."""
    found = []
    for entry in table().entries("tab_checks", "permalinks"):
        for a in css(el, entry["css"]):
            target = (a.get("href") or "").strip()[1:]
            if (
                target
                and inline_text(a) in entry["marks"]
                and (
                    (a.get("id") or "").endswith("-" + target)
                    or any(x.get("id") == target for x in ancestors(a))
                )
            ):
                found.append(a)
    return found


def _titles(el: Any, name: str, counted: bool = False) -> bool:
    """Whether an element's whole text (or its shown text, `_shown_text`) is the tab's title (with
    `counted`, its heading title: count-first or numbered, heading_title_of)."""
    of = heading_title_of if counted else title_of
    return of(inline_text(el)) == name or (len(el) > 0 and of(_shown_text(el)) == name)


def _in_tab_bar(el: Any) -> bool:
    for anc in ancestors(el):
        if anc.tag in _BAR_TAGS or anc.tag == "nav" or anc.get("role") in ("tablist", "tab"):
            return True
        if (anc.get("id") or "").startswith("tab-list"):
            return True
    return False


def _bar_items(root: Any) -> tuple[dict[str, Any], list[Any]]:
    """One pass over the page: the id map and the clickable items of tab bars (role=tab, nav, #tab-list…)."""
    ids: dict[str, Any] = {}
    bars: list[Any] = []
    for el in _ID_OR_BAR(root):  # one XPath (C) instead of a Python loop over every element
        el_id = el.get("id")
        if el_id:
            ids.setdefault(el_id, el)
        if el.get("role") in ("tablist", "tab") or el.tag == "nav" or (el_id or "").startswith("tab-list"):
            bars.append(el)
    items = [i for bar in bars for i in bar.iter("a", "button", "li")] + [
        b for b in bars if b.get("role") == "tab"
    ]
    return ids, items


def _control(ids: dict[str, Any], items: list[Any], name: str, spec: dict[str, Any]) -> Any:
    """The tab-bar element of a tab whose text is the tab title."""
    anchor = "#" + spec["anchor"]
    options = [ids.get(spec["anchor"]), ids.get(f"tab-{name}")]
    options += [el for el in items if (el.get("href") or "").endswith(anchor)] + items
    for el in options:
        if el is not None and _title_match(name, inline_text(el)):
            return el
    return None


# ---- content checks -------------------------------------------------------------------------


def _date_paths(rules: Table) -> list[tuple[str, ...]]:
    """Every date form of the table (month names, ISO and unit words are parts, not dates; the
    relative hint is a prefilter word, «только» of «могут только покупатели» dates nothing)."""
    return [
        ("dates", k)
        for k in rules.data["dates"]
        if k not in ("months", "iso", "relative_hint") and not k.endswith("_units")
    ]


def fits(name: str, text: str, has_time: bool = False) -> bool:
    """Whether a panel's (folded) text fits the tab: versions with dates, dated items, some text."""
    rules = table()
    dated = rules.any_search(*_date_paths(rules))
    if name == "log":
        if not dated(text):
            return False
        undated = text
        for path in _date_paths(rules):
            for p in rules.rx(*path):
                undated = p.sub(" ", undated)
        return rules.search(undated, "tab_checks", "version") is not None
    if name in _NONE_TEXT:
        return has_time or bool(dated(text)) or rules.search(text, _NONE_TEXT[name], "none") is not None
    if name == "support":
        return len(text) >= int(rules.data["tab_checks"]["support_min_chars"])
    return bool(text)


def _panel_fits(name: str, nodes: list[Any], tails: bool = False) -> bool:
    """Whether the nodes' text fits the tab; with `tails`, their tails too (a title line's section:
    its `<br>`-separated lines are the text between its nodes, which moves with them when wrapped)."""
    text = fold(" ".join(inline_text(n) + (" " + n.tail if tails and n.tail else "") for n in nodes))
    has_time = any(t.get("datetime") for n in nodes for t in n.iter("time"))
    return fits(name, text, has_time)


# ---- title units and their ties -------------------------------------------------------------


@dataclass
class _Section:
    """A heading and its following siblings up to `stop` (not yet wrapped)."""

    start: Any
    stop: Callable[[Any], bool]
    fixed: list[Any] | None = None  # the nodes already chosen (`_release_rows`)

    def nodes(self) -> list[Any]:
        if self.fixed is not None:
            return list(self.fixed)
        out, node = [self.start], _next(self.start)
        while node is not None and not self.stop(node):
            out.append(node)
            node = _next(node)
        return out


def _next(el: Any) -> Any:
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    return nxt


def _children(el: Any) -> list[Any]:
    return [c for c in el if isinstance(c.tag, str)]


def _earlier(el: Any) -> list[Any]:
    """The element's earlier sibling elements, nearest first."""
    return [c for c in el.itersiblings(preceding=True) if isinstance(c.tag, str)]


def _walk(root: Any, skip: set[Any]) -> Iterator[Any]:
    """Elements in document order, not entering the `skip` subtrees."""
    stack = [root]
    while stack:
        el = stack.pop()
        yield el
        if el not in skip:
            stack.extend(c for c in reversed(el) if isinstance(c.tag, str))


def own_addresses(root: Any) -> tuple[str, ...]:
    """The page's own addresses, without a fragment: its canonical and og:url links. A link to one
    of them with «#x» jumps within this page like «#x» (LiveJournal's «12 комментариев» link to
    «https://user.livejournal.com/5127.html#comments» on that very post)."""
    found = []
    for sel, attr in (("link[rel=canonical]", "href"), ("meta[property='og:url']", "content")):
        for el in css(root, sel)[:1]:
            value = (el.get(attr) or "").strip().split("#")[0]
            if value:
                found.append(value)
    return tuple(found)


def _local_ref(href: str | None, own: tuple[str, ...]) -> str:
    """The id a link jumps to on this page: «#x», or one of the page's own addresses with «#x»
    (a hashbang's «#!…» tail cut); "" for any other link."""
    base, mark, fragment = (href or "").strip().partition("#")
    if not mark or (base and base not in own):
        return ""
    return fragment.lstrip("#").split("!")[0]


def _jumps(el: Any, own: tuple[str, ...], ids: dict[str, Any]) -> bool:
    """A link (the element or up to 3 levels up) to an element of this page (`_local_ref`)."""
    return any(a.tag == "a" and _local_ref(a.get("href"), own) in ids for a in islice(ancestors(el), 3))


def _units(
    root: Any,
    skip: set[Any],
    addresses: tuple[str, ...] = (),
    ids: dict[str, Any] | None = None,
    jumped: set[Any] | None = None,
) -> list[tuple[Any, str]]:
    """(element, tab) for every short text that is a tab title, climbed to the largest ancestor
    whose whole text is still that title («<a><span>Отзывы</span> <i>12</i></a>» → the a). The
    item lists already found (reviews, comments, changelog) are not entered: no title is in there.
    A count-first or numbered title («12 комментариев») is a heading's or a tab's, or a link's
    that jumps to an element of this page (`_jumps`: LiveJournal's comment count over its thread;
    such units are added to `jumped`)."""
    found: list[tuple[Any, str]] = []
    seen: set[Any] = set()
    for el in _walk(root, skip):
        if el.tag in _NOT_TITLES or (el.text is None and not len(el)):
            continue
        if el.get(LINE_MARK):  # a title line (_title_lines): the line is the unit, its block is more
            if el not in seen:
                seen.add(el)
                found.append((el, el.get(LINE_MARK)))
            continue
        raw = own_text(el)
        if len(raw) > MAX_RAW_TITLE_CHARS:  # long prose before any normalising
            continue
        own = norm(raw)
        if not own or len(_without_aside(own)) > MAX_TITLE_CHARS:
            continue
        name = title_of(own)  # the own text first: a cheap test before the subtree's text
        # «3 комментария», «5. История версий» as a heading, a tab or a link within the page only (the
        # text is tried first: the element tests climb, and most short texts are no such title)
        counted_name = heading_title_of(own) if name is None else None
        heading = counted_name is not None and _heading_or_tab(el)
        link = counted_name is not None and not heading and bool(ids) and _jumps(el, addresses, ids or {})
        counted = heading or link
        name = counted_name if counted else name
        if name is None or not _titles(el, name, counted) or _column_header(el) or _row_label(el, name):
            continue
        unit = el
        for _ in range(3):
            parent = unit.getparent()
            if parent is None or parent.tag in ("body", "html"):
                break
            # a count inside its heading («<h2>Обсуждение · <span>12 комментариев</span></h2>»): the
            # heading whose whole text is the title with its count is the unit, and goes no higher
            if counted and parent.tag in table().heading_tags and _titles(parent, name):
                unit = parent
                break
            if not _titles(parent, name, counted):
                break
            unit = parent
        if unit not in seen:
            seen.add(unit)
            found.append((unit, name))
            if link and jumped is not None:
                jumped.add(unit)
    return found


def _row_cells(row: Any) -> list[Any]:
    return [c for c in row if c.tag in ("td", "th")]


def _heads_grid(cell: Any) -> bool:
    """Whether a cell is in the first row of its table and that row heads a grid: two cells or more,
    the row after it has as many, and one cell at most is a tab title (a published Google Doc's
    plain «Версия | Дата | Описание» row over the releases). A tab bar laid out as a table row keeps
    its titles: it titles two tabs or more, and the row under it, if any, is often one panel cell
    spanning the bar, or the panels are outside the table."""
    row = cell.getparent()
    section = row.getparent() if row is not None else None
    if row is None or row.tag != "tr" or section is None:
        return False
    if section.tag in ("tbody", "thead"):
        before = section.getprevious()
        while before is not None and not (
            isinstance(before.tag, str) and before.tag in ("thead", "tbody", "tr")
        ):
            before = before.getprevious()
        if before is not None:
            return False  # a later row group: its first row holds data
    elif section.tag != "table":
        return False
    prev = row.getprevious()
    while prev is not None and not (isinstance(prev.tag, str) and prev.tag == "tr"):
        prev = prev.getprevious()
    nxt = row.getnext()
    while nxt is not None and not (isinstance(nxt.tag, str) and nxt.tag == "tr"):
        nxt = nxt.getnext()
    cells = _row_cells(row)
    if prev is not None or nxt is None or len(cells) < 2 or len(_row_cells(nxt)) != len(cells):
        return False
    return sum(1 for c in cells if title_of(inline_text(c))) <= 1


def _column_header(el: Any) -> bool:
    """Whether a text sits in a table's column header («Описание» over the descriptions of a release
    table, «Отзыв» over a reviews grid): the nearest cell around it is role=columnheader, or a th
    with scope=col / colgroup or in a thead, or a td or unscoped th of a first row that heads a grid
    (`_heads_grid`: MediaWiki writes a wikitable's header row as th cells inside tbody, blind
    solution_mediawiki_partner_kb_mirror). It names a column of the panel, never a tab (a th marked
    role=tab, a row header, any other td stay titles)."""
    for anc in ancestors(el):
        role = anc.get("role")
        if role == "columnheader":
            return True
        if role == "tab" or anc.tag == "table":
            return False
        if anc.tag == "td":
            return _heads_grid(anc)
        if anc.tag == "th":
            row = anc.getparent()
            in_head = row is not None and row.getparent() is not None and row.getparent().tag == "thead"
            scope = (anc.get("scope") or "").strip().lower()
            return in_head or scope in ("col", "colgroup") or (not scope and _heads_grid(anc))
    return False


def _row_label(el: Any, name: str) -> bool:
    """Whether a title's text labels a field row whose value does not fit the tab (`fits`): a `dt`
    (its value: the `dd`s right after it) or the first cell of a table row whose other cells title no
    tab (its value: those cells). «Обновления | 12 месяцев по лицензии» is a licence term among the
    support terms, not the changelog's title: it titles no section and ends none (the support
    section's `dl` was cut before its rows, blind solution_jekyll_minima_ghpages_volga_cdek). A row
    whose value fits («История версий | 2.3.1 — 14.11.2026 …») keeps its title; so does a cell holding
    more than the title (a layout table's cell round a whole tab bar), a cell marked role=tab, a
    header row's cell and a row of one cell (TS `rowLabel`)."""
    for anc in ancestors(el):
        if anc.tag in ("dt", "td", "th") and not _titles(anc, name):
            return False  # a cell holding more than the title (a layout table's cell round the tab bar)
        if anc.tag == "dt":
            values, node = [], _next(anc)
            while node is not None and node.tag == "dd":
                values.append(node)
                node = _next(node)
            return bool(values) and not _panel_fits(name, values)
        if anc.tag in ("td", "th"):
            row = anc.getparent()
            cells = _row_cells(row) if row is not None else []
            if anc.get("role") == "tab" or len(cells) < 2 or cells[0] is not anc:
                return False
            rest = cells[1:]
            return not any(title_of(inline_text(c)) for c in rest) and not _panel_fits(name, rest)
        if anc.tag in ("table", "dl") or anc.get("role") == "tab":
            return False
    return False


def _attr_units(root: Any) -> list[tuple[Any, str]]:
    """Tab controls titled only by an attribute (an icon button with aria-label="Отзывы")."""
    found = []
    for el in _ATTR_TITLED(root):
        if not (el.tag in _CONTROL_TAGS or el.get("role") == "tab") or inline_text(el):
            continue
        name = next(
            (n for n in map(title_of, (el.get(a) or "" for a in ("aria-label", "title", "data-title"))) if n),
            None,
        )
        if name:
            found.append((el, name))
    return found


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def heading_images(root: Any) -> list[Any]:
    """Images that stand as a section's title (an old hand-written page's «<br><img
    src=h_otzyvy.gif alt="Отзывы"><br>», «<p><img alt="История версий"></p>»): an <img> with a short
    alt text, outside any link or control, alone on its line (no text right before or after it, a
    <br>, a block or nothing on either side). An icon inside a sentence or a link is none."""
    rules = table()
    found = []
    for img in _HEAD_IMAGES(root):
        alt = norm(img.get("alt"))
        if not alt or len(alt) > MAX_TITLE_CHARS or not _blank(img.tail):
            continue
        if any(a.tag in _CONTROL_TAGS or a.get("role") == "tab" for a in list(ancestors(img))[:3]):
            continue
        prev = img.getprevious()
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()
        sides = (prev, _next(img))
        if _blank(text_before(img)) and all(s is None or s.tag in rules.block_tags for s in sides):
            found.append(img)
    return found


def _image_units(images: list[Any]) -> list[tuple[Any, str]]:
    """Heading images whose alt text is a tab's title («Отзывы», «История версий»)."""
    return [(img, name) for img in images if (name := title_of(norm(img.get("alt")))) is not None]


def _control_of(unit: Any) -> Any:
    for anc in list(ancestors(unit))[:3]:
        if anc.tag in _CONTROL_TAGS or anc.get("role") == "tab":
            return anc
    return unit


def _is_control(unit: Any) -> bool:
    return _control_of(unit) is not unit or unit.tag in _CONTROL_TAGS or _in_tab_bar(unit)


def _level(el: Any) -> int:
    if el.tag in table().heading_tags:
        return int(el.tag[1])
    if el.get("role") == "heading":
        level = el.get("aria-level") or "2"
        return int(level) if level.isdigit() else 2
    return 7


def _title_level(unit: Any) -> int:
    """A title's heading level: its own, or, for a block that wraps one heading and holds nothing
    else but its permalink (GitHub's «<div class=markdown-heading><h2>Что нового</h2><a
    class=anchor>»: the title unit climbs to the wrapper, whose whole shown text is the heading's),
    that heading's. Its section then ends at the next heading of its level, not at the first
    sub-heading a level-7 block would stop at."""
    level = _level(unit)
    if level < 7:
        return level
    heads = list(_heads_in(unit))
    if len(heads) != 1 or norm(_shown_text(unit)) != norm(_shown_text(heads[0])):
        return level
    return _level(heads[0])


def _heads_in(el: Any) -> Iterator[Any]:
    rules = table()
    for d in el.iter(etree.Element):
        if d.tag in rules.heading_tags or d.get("role") == "heading":
            yield d


class _Resolver:
    """Candidate panels of the missing tabs from every tie, checked by content."""

    def __init__(self, root: Any, ids: dict[str, Any], skip: set[Any]) -> None:
        self.root = root
        self.ids = ids
        self.images = heading_images(root)
        self.own = own_addresses(root)
        self.jumped: set[Any] = set()  # the count-first links within the page (_units)
        self.units = (
            _units(root, skip, self.own, ids, self.jumped) + _attr_units(root) + _image_units(self.images)
        )
        self.unit_set = {u for u, _ in self.units}
        self.unit_names = dict(reversed(self.units))  # the first name of a unit, like units.find
        self._data: dict[str, list[Any]] | None = None
        self._keyed_panels: dict[str, list[Any]] | None = None
        self._role_panels: dict[str, list[Any]] | None = None
        self._labelled: dict[str, list[Any]] | None = None
        self._named: dict[str, Any] | None = None
        self._id_keys: dict[str, list[Any]] | None = None
        self._shown: dict[Any, tuple[str, str]] | None = None
        self._numbered: dict[str, list[tuple[str, Any]]] | None = None
        self._families: dict[str, set[str]] = {}
        self._calls: dict[str, set[str]] | None = None
        self._claims: dict[str, tuple[set[str], set[str]]] | None = None
        self.tie_units: dict[int, Any] = {}  # id(candidate) → the title unit it was tied from
        self._attr_panels: dict[Any, set[str]] | None = None
        self._mentions: set[Any] | None = None

    # lazily built indexes: most pages never need them
    def labelled(self) -> dict[str, list[Any]]:
        if self._labelled is None:
            self._labelled = {}
            for el in _LABELLED(self.root):
                for ref in (el.get("aria-labelledby") or "").split():
                    self._labelled.setdefault(ref, []).append(el)
        return self._labelled

    def named(self) -> dict[str, Any]:
        if self._named is None:
            self._named = {}
            for a in _NAMED(self.root):
                self._named.setdefault(a.get("name") or "", a)
        return self._named

    def id_keys(self) -> dict[str, list[Any]]:
        if self._id_keys is None:
            self._id_keys = {}
            for el_id, el in self.ids.items():
                key = _id_key(el_id)
                if key:
                    self._id_keys.setdefault(key, []).append(el)
        return self._id_keys

    def numbered(self) -> dict[str, list[tuple[str, Any]]]:
        """Every id with one number in it: number → [(its scheme, element)]; the numbers of each
        scheme in `_families` («tab_content_#» → {1, …, 6})."""
        if self._numbered is None:
            self._numbered = {}
            for el_id, el in self.ids.items():
                got = _numbered(el_id)
                if got is not None:
                    self._numbered.setdefault(got[1], []).append((got[0], el))
                    self._families.setdefault(got[0], set()).add(got[1])
        return self._numbered

    def calls(self) -> dict[str, set[str]]:
        """The literals each script function is called with by the titles' own handlers
        («ShowTab» → {1, …, 6}): a function two titles call is a tab switcher."""
        if self._calls is None:
            self._calls = {}
            for unit, _ in self.units:
                for node in _own_nodes(unit):
                    for fn, arg in _calls_of(node):
                        self._calls.setdefault(fn, set()).add(arg)
        return self._calls

    def _keyed(self, key: str, scheme: str | None, tab_keys: set[str], ctl: Any) -> Any:
        """The one panel whose id holds the tab's key: the number in an id of another scheme
        («tab_title_3» → «tab_content_3»), else the id's own word («showTab('log')» → id="log").
        Of several schemes holding the number, the one numbered like the tabs; else none."""

        def free(el: Any) -> bool:
            return not _related(el, ctl) and el not in self.unit_set and not _is_control(el)

        if not _DIGITS.fullmatch(key):
            word = _id_key(key)
            holders = [el for el in self.id_keys().get(word, []) if free(el)] if word else []
            return holders[0] if len(holders) == 1 else None
        numbered = self.numbered()
        found = [
            (s, el)
            for s, el in numbered.get(key, [])
            if s != scheme and len(self._families[s]) >= 2 and free(el)
        ]
        if len(found) > 1:
            found = [(s, el) for s, el in found if self._families[s] == tab_keys]
        return found[0][1] if len(found) == 1 else None

    def _number_ties(self, unit: Any, ctl: Any, chain: list[Any]) -> Iterator[tuple[str, Any]]:
        """Old tabs without a target: the same number in the tab's id and in its panel's id after
        another prefix (`tab_title_3` ↔ `tab_content_3`, `tab1` ↔ `content1`), or the literal the
        tab's onclick / href="javascript:…" passes to the script function the other tabs call too
        («ShowTab(3)» ↔ `tab_content_3`). A key two panels hold ties neither."""
        keys: list[tuple[str, str | None, set[str]]] = []  # (key, the tab id's scheme, the tabs' keys)
        numbered = self.numbered()  # builds _families
        for node in dict.fromkeys([*chain, *_own_nodes(unit)]):
            got = _numbered(node.get("id") or "")
            if got is not None and got[1] in numbered:
                keys.append((got[1], got[0], self._families[got[0]]))
            for fn, arg in _calls_of(node):
                keys.append((arg, None, self.calls().get(fn, set())))
        for key, scheme, tab_keys in keys:
            if len(tab_keys) < 2:
                continue  # one scheme on two tabs at least: a lone numbered id is no tab bar
            panel = self._keyed(key, scheme, tab_keys, ctl)
            if panel is not None:
                yield "id-number", panel

    def data(self) -> dict[str, list[Any]]:
        if self._data is None:
            self._data = {}
            for value in _DATA(self.root):
                self._data.setdefault(norm(value), []).append(value.getparent())
        return self._data

    def keyed_panels(self) -> dict[str, list[Any]]:
        """Value → elements holding it in a panel key attribute (`tab_key_attributes.panel`:
        <sl-tab-panel name="reviews">)."""
        if self._keyed_panels is None:
            self._keyed_panels = {}
            for name in table().data.get("tab_key_attributes", {}).get("panel", []):
                for el in self.root.iter():
                    value = el.get(name) if isinstance(el.tag, str) else None
                    if value:
                        self._keyed_panels.setdefault(norm(value), []).append(el)
        return self._keyed_panels

    def role_panels(self) -> dict[str, list[Any]]:
        """Value → the `role=tabpanel` elements holding it in a role pair attribute
        (`tab_key_attributes.role_pair`: <sp-tab-panel value="log" role="tabpanel">)."""
        if self._role_panels is None:
            self._role_panels = {}
            names = table().data.get("tab_key_attributes", {}).get("role_pair", [])
            for el in _ROLE_PANELS(self.root) if names else []:
                if "tabpanel" in (el.get("role") or "").split():
                    for name in names:
                        value = norm(el.get(name))
                        if value:
                            self._role_panels.setdefault(value, []).append(el)
        return self._role_panels

    def shown(self) -> dict[Any, tuple[str, str]]:
        """Every element a visibility expression shows on one key: element → (variable, key)."""
        if self._shown is None:
            self._shown = {}
            names = table().any_search(("tab_checks", "expr_panels"))
            for value in _ATTRS(self.root):
                el = value.getparent()
                if el not in self._shown and names(value.attrname):
                    key = _shown_on(el)
                    if key is not None:
                        self._shown[el] = key
        return self._shown

    def _expr(self, selected: _Key | None, ctl: Any) -> Iterator[tuple[str, Any]]:
        """The one panel whose visibility expression compares the key the control's handler selects."""
        if selected is None:
            return
        var, key = selected
        holders = [el for el, (v, k) in self.shown().items() if k == key and (var is None or v == var)]
        if len(holders) != 1:
            return  # a key two panels show on (desktop tabs and a mobile accordion) ties neither
        panel = holders[0]
        if not _related(panel, ctl) and panel not in self.unit_set and not _is_control(panel):
            yield "expr", panel

    def _selected(self, chain: list[Any]) -> _Key | None:
        """The key the title's control selects: its own handler or the handler of the smallest block
        around it holding no other title (<li @click="tab = 'log'"><a>Что нового</a></li>)."""
        keys = {k for node in chain if (k := _selects(node)) is not None}
        node = chain[-1].getparent()
        for _ in range(0 if keys else 2):
            if node is None:
                break
            if (k := _selects(node)) is not None:
                if not any(u is not chain[0] and _inside(u, node) for u in self.unit_set):
                    keys.add(k)  # a handler around several titles (a whole bar's) selects none of them
                break
            node = node.getparent()
        return next(iter(keys)) if len(keys) == 1 else None

    def _titled_otherwise(self, name: str | None, candidate: Any) -> bool:
        """A block guessed from the markup's order whose first title names another tab (a panel
        opening with «Обсуждения» next to the «Поддержка» tab) is that other tab's panel."""
        if isinstance(candidate, _Section):
            return False
        first = next((n for u, n in self.units if u is not candidate and _inside(u, candidate)), None)
        return first is not None and first != name

    def claims(self) -> dict[str, tuple[set[str], set[str]]]:
        """Tab → (the ids its titles' controls target, the data-* values they carry): what names a
        panel explicitly (href="#panel-log", data-target, aria-controls, data-tab="3")."""
        if self._claims is None:
            self._claims = {}
            for unit, name in self.units:
                targets, values = self._claims.setdefault(name, (set(), set()))
                for node in dict.fromkeys([unit, _control_of(unit), *unit.iter("a", "button")]):
                    targets.update(_target_refs(node))
                    for attr, value in node.attrib.items():
                        if attr.startswith("data-") and attr != "data-title" and norm(value):
                            values.add(norm(value))
                            targets.add(value.strip().lstrip("#"))
        return self._claims

    def _free(self, el: Any, ctl: Any) -> bool:
        """Neither the control, around it, inside it, a title nor another control."""
        return not _related(el, ctl) and el not in self.unit_set and not _is_control(el)

    def _claimed_otherwise(self, name: str | None, candidate: Any) -> bool:
        """A block guessed from the markup's order that another tab's control names explicitly (its
        id is that control's href / data-target, or it carries that control's data-tab number) and
        this tab's does not is that other tab's panel: panels in another order than their tabs."""
        if isinstance(candidate, _Section):
            return False
        own_targets, own_values = self.claims().get(name or "", (set(), set()))
        el_id = candidate.get("id")
        ids = {el_id} - own_targets if el_id else set()
        values = {
            norm(v)
            for a, v in candidate.attrib.items()
            if a.startswith("data-") and a != "data-title" and norm(v)
        } - own_values
        return any(
            other != name and (ids & targets or values & others)
            for other, (targets, others) in self.claims().items()
        )

    def _contradicts(self, selected: _Key | None, candidate: Any, ctl: Any) -> bool:
        """A candidate shown on another key of the control's variable is another tab's panel. A block
        around the control too (<div x-show="view === 'card'"> around the whole tab set) shows or
        hides the bar with it and says nothing; a handler naming no variable (`setTab('log')`) is
        compared with the variable of the candidate's own expression only."""
        if selected is None:
            return False
        var, key = selected
        shown = self.shown()
        start = candidate.start if isinstance(candidate, _Section) else candidate
        own = [
            got for anc in ancestors(start) if not _inside(ctl, anc) and (got := shown.get(anc)) is not None
        ]
        if var is None and own:
            var = own[0][0]
        return any(v == var and k != key for v, k in own)

    def attr_panels(self) -> dict[Any, set[str]]:
        """Blocks titled by their own attribute (`<section aria-label="Отзывы">`) → the tabs they title."""
        if self._attr_panels is None:
            self._attr_panels = {}
            for el in _ATTR_TITLED(self.root):
                names = {title_of(el.get(a) or "") for a in ("aria-label", "title", "data-title")} - {None}
                if names and not _is_control(el) and el.tag != "a":
                    self._attr_panels[el] = {n for n in names if n is not None}
        return self._attr_panels

    def candidates(self, name: str) -> Iterator[tuple[str, Any]]:
        for el, titled in self.attr_panels().items():
            if name in titled:
                yield "attr-title", el
        for unit, unit_name in self.units:
            if unit_name == name:
                for how, candidate in self._ties(unit):
                    self.tie_units[id(candidate)] = unit
                    yield how, candidate

    def _ties(self, unit: Any) -> Iterator[tuple[str, Any]]:
        ctl = _control_of(unit)
        chain = [unit] + ([ctl] if ctl is not unit else [])
        selected = self._selected(chain)
        name = self.unit_names.get(unit)
        for how, candidate in self._all_ties(unit, ctl, chain, selected):
            if self._contradicts(selected, candidate, ctl):
                continue
            if how in _GUESSED_TIES and (
                self._titled_otherwise(name, candidate) or self._claimed_otherwise(name, candidate)
            ):
                continue
            yield how, candidate

    def _all_ties(
        self, unit: Any, ctl: Any, chain: list[Any], selected: _Key | None
    ) -> Iterator[tuple[str, Any]]:
        inner = next((d for d in unit.iter("a", "button") if d is not unit and _names_panel(d)), None)
        # <h3><button aria-controls=…>Отзывы</button></h3> (WAI accordion),
        # <li class="tabs-title"><a href="#panel-log">…</a></li> (Foundation, YUI 2)
        if inner is not None:
            chain = [*chain, inner]
        link = next(
            (d for d in unit.iter("a") if d is not unit and len((d.get("href") or "").strip()) > 1), None
        )
        if link is not None and _local_ref(link.get("href"), self.own) and link not in chain:
            chain = [*chain, link]  # <li><a href="#sec-log">Что нового</a></li> (a navbar of section links)
        tab = [d for d in unit.iter() if d is not unit and isinstance(d.tag, str) and d.get("role") == "tab"]
        if len(tab) == 1 and tab[0] not in chain:  # <td class="tabitemcell"><div role="tab" id=…> (Vaadin)
            chain = [*chain, tab[0]]
        for node in chain:
            for ref in _target_refs(node, self.own):
                target = self.ids.get(ref)
                if target is not None and not _related(target, ctl):
                    yield "control", target
                anchor = self.named().get(ref) if target is None else None
                if anchor is not None:
                    yield from self._anchor(anchor)
            for panel in self.labelled().get(node.get("id") or "", []):
                # a panel apart from its control, or the section its own heading names
                if not _related(panel, ctl) or (node is unit and self._own_section(unit, panel)):
                    yield "labelledby", panel
        label = next((a for a in ancestors(unit) if a.tag == "label"), None)
        if label is not None and label.get("for"):
            yield from self._label_for(label)
        summary = next((a for a in list(ancestors(unit))[:3] if a.tag == "summary"), None)
        if summary is not None and summary.getparent() is not None and summary.getparent().tag == "details":
            yield "details", summary.getparent()
        for node in chain:
            for attr, value in node.attrib.items():
                if not attr.startswith("data-") or len(norm(value)) < 2 or attr == "data-title":
                    continue
                holders = self.data().get(norm(value), [])
                if len(set(holders)) > MAX_KEY_HOLDERS:
                    continue  # a shared value (data-toggle="tab") is not a key
                for panel in holders:
                    if not _related(panel, ctl) and panel not in self.unit_set and not _is_control(panel):
                        yield "data-key", panel
                # <a data-tab="log"> ↔ <div id="log"> (Spectre, hand-rolled tabs)
                named = self.ids.get(value.strip().lstrip("#"))
                if named is not None and self._free(named, ctl):
                    yield "data-key", named
            for attr in table().data.get("tab_key_attributes", {}).get("control", []):
                value = norm(node.get(attr))
                holders = self.keyed_panels().get(value, []) if len(value) >= 2 else []
                if len(set(holders)) > MAX_KEY_HOLDERS:
                    continue
                for panel in holders:  # <sl-tab panel="reviews"> ↔ <sl-tab-panel name="reviews">
                    if not _related(panel, ctl) and panel not in self.unit_set and not _is_control(panel):
                        yield "data-key", panel
            if "tab" not in (node.get("role") or "").split():
                continue
            for attr in table().data.get("tab_key_attributes", {}).get("role_pair", []):
                value = norm(node.get(attr))
                holders = self.role_panels().get(value, []) if len(value) >= 2 else []
                if len(set(holders)) > MAX_KEY_HOLDERS:
                    continue
                # <sp-tab value="log" role="tab"> ↔ <sp-tab-panel value="log" role="tabpanel">
                for panel in holders:
                    if self._free(panel, ctl):
                        yield "data-key", panel
        yield from self._expr(selected, ctl)
        yield from self._number_ties(unit, ctl, chain)
        nxt = _next(ctl)
        if (_is_control(unit) or self._in_bar(unit)) and nxt is not None and not self._bar_like(nxt):
            yield "next", nxt  # tab, panel, tab, panel… (amp-selector, accordions without ids)
        for key in filter(None, (_id_key(v) for node in chain for v in _refs(node))):
            if len(self.id_keys().get(key, [])) > MAX_KEY_HOLDERS:
                continue  # a builder's id scheme («block-yui_3_17_…_2200» on every block) is no key
            for panel in self.id_keys().get(key, []):
                if not _related(panel, ctl) and panel not in self.unit_set and not _is_control(panel):
                    yield "id-key", panel
        if _is_control(unit) or self._in_bar(unit):
            yield from self._position(ctl)
        else:
            yield from self._heading(unit)

    def mentions(self) -> set[Any]:
        """The titles inside a sentence: a unit within a paragraph (`<p>`, up to 3 levels up) whose
        text outside every title has a letter («Последние релизы (полная история — на вкладке
        «<a>Что нового</a>» на Маркетплейсе):», a blog post's link to the store's tab). Such a title
        mentions a tab, it opens no section: a heading's section runs on over it. A paragraph that
        is a title only («<p><a>Отзывы</a> (12)</p>», «<p><b>Техподдержка</b> (условия):</p>»: `_title_line`)
        is no sentence."""
        if self._mentions is None:
            self._mentions = set()
            for unit in self.unit_set:
                para = next((a for a in list(ancestors(unit))[1:4] if a.tag == "p"), None)
                if para is None:
                    continue
                inner = [u for u in self.unit_set if u is not para and _inside(u, para)]
                rest = text_without(para, inner)
                if _LETTER.search(rest) and not _title_line(rest):
                    self._mentions.add(unit)
        return self._mentions

    def _own_section(self, unit: Any, panel: Any) -> bool:
        """<section aria-labelledby="h"><h2 id="h">…: a block named by the heading inside it (a
        hidden heading of a screen-reader-first page) is that heading's section, unless the title
        is a tab control or the block also holds another tab's title."""
        if not _inside(unit, panel) or _is_control(unit):
            return False
        name = self.unit_names.get(unit)
        return not any(n != name and _inside(u, panel) for u, n in self.units)

    def _bar_like(self, el: Any) -> bool:
        """A tab control or another title, never a panel."""
        return el in self.unit_set or el.tag in _CONTROL_TAGS or el.get("role") == "tab" or el.tag == "input"

    def _in_bar(self, unit: Any) -> bool:
        """A row of bare titles (spans, divs) with nothing else in it is a tab bar; a title line
        (_title_lines) is a line of a text, whose words are in the text between the elements."""
        if unit.get(LINE_MARK):
            return False
        parent = unit.getparent()
        kids = _children(parent) if parent is not None else []
        titled = [k for k in kids if k in self.unit_set]
        return len(titled) >= 2 and all(k in self.unit_set or not inline_text(k) for k in kids)

    def _anchor(self, anchor: Any) -> Iterator[tuple[str, Any]]:
        nxt = _next(anchor)
        if nxt is not None and (nxt.tag in table().heading_tags or nxt in self.unit_set):
            yield from self._heading(nxt)
        elif nxt is not None:
            yield "anchor", nxt
        parent = anchor.getparent()
        if parent is not None and parent.tag not in ("body", "html", "main"):
            yield "anchor", parent

    def _label_for(self, label: Any) -> Iterator[tuple[str, Any]]:
        control = self.ids.get(label.get("for") or "")
        for start in (label, control):
            node = _next(start) if start is not None else None
            while node is not None and node.tag in ("input", "label"):
                node = _next(node)
            if node is not None:
                yield "label-for", node

    def _position(self, ctl: Any) -> Iterator[tuple[str, Any]]:
        item = ctl
        while (
            (parent := item.getparent()) is not None and len(_children(parent)) == 1 and parent.tag != "body"
        ):
            item = parent
        bar = item.getparent()
        if bar is None:
            return
        same = [c for c in _children(bar) if c.tag == item.tag]
        # a bar item leaving the page (a «Демо» link to the vendor's site) opens no panel
        peers = [c for c in same if c is item or not _leaves_page(c)]
        if len(peers) < 2:
            return
        index = peers.index(item)
        # panels may share the bar's parent with the controls (radio tabs: input, label … then divs)
        after = _children(bar)[_children(bar).index(same[-1]) + 1 :]
        own_run = [c for c in after if c.tag not in ("input", "label") and c not in self.unit_set]
        if len(own_run) >= len(peers):
            yield "position", own_run[index]
        level = bar
        for _ in range(MAX_PANEL_CLIMB):
            sibs: list[Any] = []
            node = _next(level)
            while node is not None:
                sibs.append(node)
                node = _next(node)
            run = sibs[: len(peers)]
            if len(run) == len(peers) and len({n.tag for n in run}) == 1 and run[0].tag not in _CONTROL_TAGS:
                yield "position", run[index]
            for sib in sibs:
                kids = _children(sib)
                if len(kids) == len(peers) and not any(k in self.unit_set for k in kids):
                    yield "position", kids[index]
            # panels BEFORE the bar (a bottom or Onsen tab bar after its content), read through
            # wrappers; after the bar the runs above stay the only ones (Vuetify's v-window__container
            # is tied by the panels' ids, never by order)
            for sib in _earlier(level):
                wrapped = self._wrapped_run(sib, len(peers))
                if wrapped:
                    yield "position", wrapped[index]
            level = level.getparent()
            if level is None or level.tag in ("body", "html"):
                break

    def _wrapped_run(self, block: Any, count: int) -> list[Any] | None:
        """The panels a block beside a tab bar holds as a run of `count` children of one tag, none
        of them empty, under wrappers whose other children are empty (Onsen UI's «<div
        class="ons-tabbar__content"><div class="ons-swiper-target"><ons-page>…» ×5 beside an empty
        «ons-swiper-blocker», BEFORE the bar of `ons-tab`s: blind
        solution_onsenui_tabbar_yug_furniture_site). Only one tag, never a control or a title: a
        guess from order, so no row of mixed blocks; and no empty block in the run (a wrapper and
        the empty blocker beside it are no two panels) (TS `wrappedRun`)."""
        node = block
        for _ in range(MAX_PANEL_CLIMB):
            kids = _children(node)
            full = [k for k in kids if _children(k) or inline_text(k)]
            if len(full) == len(kids) == count:
                if len({k.tag for k in kids}) == 1 and not any(
                    k in self.unit_set or self._bar_like(k) for k in kids
                ):
                    return kids
                return None
            if len(full) != 1:
                return None
            node = full[0]
        return None

    def _heading(self, unit: Any) -> Iterator[tuple[str, Any]]:
        parent = unit.getparent()
        if parent is None:
            return
        level = _title_level(unit)
        # a heading image's section ends at the next heading image, a tab's or not («Наши другие
        # работы» after «Отзывы»); a text heading's section is not cut by a picture
        peers = (*self.unit_set, *self.images) if unit.tag == "img" else self.unit_set
        others = {u for u in peers if u is not unit}
        name = self.unit_names.get(unit)
        panels = {el for el, titled in self.attr_panels().items() if titled - {name}}

        mentions = self.mentions()

        def stops_at(level: int) -> Callable[[Any], bool]:
            def stops(node: Any) -> bool:
                """The next title (not one mentioned in a sentence, `mentions`), a heading of the same
                or a higher level, or a block titled as another tab by its own attribute (the reviews'
                `<section aria-label="Отзывы">` after a «Что нового» heading's list)."""
                return any((o in others and o not in mentions) or o in panels for o in node.iter()) or any(
                    _level(h) <= level for h in _heads_in(node)
                )

            return stops

        stops = stops_at(level)

        lone = not any(o.getparent() is parent for o in others)
        # a title heads its parent block only when it opens it: a bold «Поддержка» line halfway
        # through a post's text heads the lines after it, not the post
        lone = lone and _children(parent)[0] is unit and not norm(parent.text or "")
        # a title line's section is its lines (split into paragraphs when wrapped), never its block
        lone = lone and not unit.get(LINE_MARK)
        wrapper = lone and parent.tag not in ("body", "html", "main") and not css(parent, "h1")
        # a block holding the title alone (or with a gloss) is the title's line, not its section:
        # the section is that line and the blocks after it
        line = wrapper and _title_line(text_without(parent, [unit]))
        if wrapper and not line:
            yield "heading", parent
        if line:
            yield "heading", _Section(parent, stops)
        text = inline_text(unit)
        rows = _release_rows(unit, others) if "log" in (title_of(text), numbered_title_of(text)) else None
        yield "heading", _Section(unit, stops, rows)
        if wrapper:
            yield "heading", _Section(parent, stops)
        for bar in _title_bars(unit):  # a title bar's section: the blocks after the bar
            yield "heading", _Section(bar, stops)
        box = _title_box(parent) if line else None
        if box is not None:
            # a heading image ranks as a section title (h2): the releases' and reviews' own headings
            # inside its section do not end it, as they would a level-7 block's
            yield "heading", _Section(box, stops_at(min(level, _IMAGE_LEVEL)) if unit.tag == "img" else stops)


_IMAGE_LEVEL = 2  # the level of a section title standing as an image (h1 is the page's own title)


def _title_box(line: Any) -> Any | None:
    """The outermost box round a title's line that holds nothing else, when there is one: each
    ancestor whose only child is the box below it and that has no text of its own (a page builder's
    «<div data-framer-name="Heading Image"><div data-framer-background-image-wrapper><img
    alt="Отзывы покупателей"></div></div>» beside the section's blocks, blind
    solution_framer_site_dataname_zvezda_reviews_free). The title's section is that box and the
    blocks after it; None when the line's parent holds more (the line's own section then)."""
    box, parent = None, line.getparent()
    while (
        parent is not None
        and parent.tag not in ("body", "html", "main")
        and len(_children(parent)) == 1
        and not norm(own_text(parent))
        and not css(parent, "h1")
    ):
        box, parent = parent, parent.getparent()
    return box


_BAR_CONTROLS = "a, button, [role=button]"  # what a title bar holds besides its title


def _title_bars(unit: Any) -> list[Any]:
    """The title bars around a title, innermost first: each ancestor that shows nothing but the
    title and its controls (its text without its links and buttons is the title's; icons add none).
    A bar («<div class=module-title><span class=icon></span><div><h3>Релизы</h3><button>Скрыть
    отмеченные элементы</button></div></div>» over a checklist's items) heads the blocks after it,
    not the blocks after the heading inside it (there are none but its buttons). A box that holds
    the bar and nothing else is the bar's own closed block, and the climb stops below it: «<div
    class=block><div class=block-head><h2>История версий</h2><a>Полная история…</a></div></div>»
    heads nothing, and the next .block (another card) is not its section."""
    title = fold(inline_text(unit))
    out: list[Any] = []
    el = unit
    while (parent := el.getparent()) is not None and parent.tag not in ("body", "html", "main"):
        if len(_children(parent)) == 1:  # a box round the bar alone: its end closes the section
            break
        controls = [c for c in css(parent, _BAR_CONTROLS) if not _inside(unit, c) and not _inside(c, unit)]
        if fold(text_without(parent, controls) if controls else inline_text(parent)) != title:
            break
        out.append(parent)
        el = parent
    return out


def _release_head(el: Any) -> bool:
    """A heading whose text opens as a log row: a version and its date («2.3.0 — 21.10.2026»)."""
    if _level(el) == 7:
        return False
    return table().search(fold(inline_text(el))[:_ROW_HEAD_CHARS], "changelog", "rows") is not None


def _release_rows(unit: Any, others: set[Any]) -> list[Any] | None:
    """A log title followed by its releases as headings of the same or a higher level (a demoted
    title: «<h4>История версий</h4>» over «<h3>2.3.0 — 21.10.2026</h3><ul>…</ul>» per release,
    blind solution_opencart3_reseller_site_demo30): the title, two release headings or more of one
    level and the blocks after each, up to another title or another heading of that level or
    higher. A plain heading section would stop at the first release. When every release but the
    last is its heading and one block of one tag (h3 + ul), the last keeps its first such block
    only: what follows it (a closing «Данные получены из каталога…» note) is no release's text.
    None when the title is not followed so."""
    first = _next(unit)
    if first is None or not _release_head(first) or _level(first) > _level(unit):
        return None
    row_level = _level(first)
    rows: list[list[Any]] = []
    node = first
    while node is not None and not any(o in others for o in node.iter()):
        if _level(node) == row_level and _release_head(node):
            rows.append([node])
        elif any(_level(h) <= row_level for h in _heads_in(node)):
            break  # another section's heading
        else:
            rows[-1].append(node)
        node = _next(node)
    if len(rows) < 2:
        return None
    bodies = [row[1:] for row in rows[:-1]]
    shape = bodies[0][0].tag if bodies[0] else None
    last = rows[-1]
    if (
        len(bodies) >= 2
        and all(len(b) == 1 and b[0].tag == shape for b in bodies)
        and len(last) > 2
        and last[1].tag == shape
    ):
        rows[-1] = last[:2]
    return [unit] + [n for row in rows for n in row]


_ROW_HEAD_CHARS = 80  # the part of a heading a release row's version and date are looked for in
_DIGIT = re.compile(r"[0-9]")
_DIGITS = re.compile(r"[0-9]+")
_LETTER = re.compile(r"[^\W\d_]")
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _id_key(value: str) -> str:
    """An id without its generic words: «tab-log», «logPanel», «pane_log» → «log» (one naming scheme
    on both sides of a tab); "" when nothing specific is left."""
    tokens = _NON_ALNUM.split(_CAMEL.sub(r"\1 \2", value).lower())
    generic = table().rx("tab_checks", "id_generic")
    return "-".join(t for t in tokens if t and not any(p.match(t) for p in generic))


def _numbered(value: str) -> tuple[str, str] | None:
    """An id of generic words and one number as (its scheme, the number): «tab_title_3» →
    («tab_title_#», «3»), «content1» → («content#», «1»); None for an id naming something
    («review3», «slide_2»: a list's item, not a tab's panel) or holding two numbers."""
    runs = _DIGITS.findall(value)
    if len(runs) != 1 or _id_key(_DIGITS.sub(" ", value)):
        return None
    return _DIGITS.sub("#", value), runs[0].lstrip("0") or "0"


def _own_nodes(unit: Any) -> list[Any]:
    """A title and the links / buttons inside it (<td id="tab_title_3"><a onclick=…>)."""
    return [unit, *(d for d in unit.iter("a", "button") if d is not unit)]


def _calls_of(node: Any) -> list[tuple[str, str]]:
    """(function, literal) of a handler calling one script function with one literal:
    onclick="return ShowTab(3);", href="javascript:ShowTab(3)" → ("ShowTab", "3")."""
    rules = table()
    found = []
    for attr in ("onclick", "href"):
        m = rules.search(node.get(attr) or "", "tab_checks", "script_call")
        if m is not None and (
            attr == "onclick" or (node.get(attr) or "").strip().lower().startswith("javascript:")
        ):
            number = m.group(2)
            found.append((m.group(1), (number.lstrip("0") or "0") if number else m.group(3) or m.group(4)))
    return list(dict.fromkeys(found))


def _target_refs(node: Any, own: tuple[str, ...] = ()) -> list[str]:
    """The ids a control names as its panel: aria-controls, data-target, data-bs-target,
    data-tab-target, href="#id" (a hashbang's «#!…» tail cut; also the page's own address with
    «#id», `own`: `_local_ref`)."""
    found = []
    for attr in _TARGET_ATTRS:
        value = (node.get(attr) or "").strip()
        if attr == "href" and not value.startswith("#"):
            ref = _local_ref(value, own) if own else ""
        else:
            ref = value.lstrip("#").split("!")[0]
        if ref:
            found.append(ref)
    return found


def _leaves_page(el: Any) -> bool:
    """A bar item whose every link goes to another site (http(s):// or //): no tab of this page."""
    hrefs = [(a.get("href") or "").strip().lower() for a in el.iter("a") if a.get("href") is not None]
    return bool(hrefs) and all(h.startswith(("http://", "https://", "//")) for h in hrefs)


def _names_panel(node: Any) -> bool:
    """A link or button inside a title that may name its panel: a target or a data-* key."""
    return bool(_target_refs(node)) or any(a.startswith("data-") and a != "data-title" for a in node.attrib)


def _refs(node: Any) -> list[str]:
    """The names a control gives its panel or itself: id, label for, href fragment, aria-controls,
    and a tab button's own `value` (Vuetify 3 renders `<v-tab value="log">` as `<button role="tab"
    value="log">`, its `v-window-item` carrying no tie but the author's id="log"; blind
    solution_vuetify3_module_discount_trial21). Only a button or a role=tab control's value with a
    letter in it: a form's input / option value or an ordinal «<li value="3">» names no panel."""
    href = node.get("href") or ""
    value = node.get("value") if node.tag == "button" or node.get("role") == "tab" else None
    values = [
        node.get("id"),
        node.get("for"),
        node.get("aria-controls"),
        href[1:] if href.startswith("#") else None,
        value if value and value.lower() != value.upper() else None,
    ]
    return [v for v in values if v]


def _selects(node: Any) -> _Key | None:
    """The quoted key a control's click handler selects: «tab = 'log'» → ("tab", "log"),
    «setTab('log')» → (None, "log"); None for any other handler or none."""
    rules = table()
    handler = rules.any_search(("tab_checks", "expr_handlers"))
    keys = set()
    for attr, value in node.attrib.items():
        if not handler(attr):
            continue
        m = rules.search(value, "tab_checks", "expr_select")
        if m is not None:
            keys.add((m.group(1), m.group(2)) if m.group(2) is not None else (None, m.group(3)))
    return next(iter(keys)) if len(keys) == 1 else None


def _entry_of(path: tuple[str, ...], text: str) -> dict[str, Any] | None:
    """The first entry at `path` whose regex finds something in `text`."""
    rules = table()
    return next(
        (e for e, p in zip(rules.entries(*path), rules.rx(*path), strict=True) if p.search(text)), None
    )


def _shown_on(el: Any) -> tuple[str, str] | None:
    """(variable, key) of the one key an element's visibility expressions show it on
    («x-show="tab === 'log'"», «:hidden="tab !== 'log'"»); None when they name none or several."""
    rules = table()
    found: set[tuple[str, str]] = set()
    for attr, value in el.attrib.items():
        entry = _entry_of(("tab_checks", "expr_panels"), attr)
        if entry is None:
            continue
        if rules.search(value, "tab_checks", "expr_unsure"):
            return None
        path = ("tab_checks", "expr_compare")
        compared = [
            (m.group(e["var_group"]), m.group(e["op_group"]), m.group(e["key_group"]))
            for e, p in zip(rules.entries(*path), rules.rx(*path), strict=True)
            for m in p.finditer(value)
        ]
        equal = entry["shown_when"] == "equal"
        if any(op.startswith("=") != equal for _, op, _ in compared):
            return None  # «x-show="tab !== 'log'"» shows on every other key
        found.update((var, key) for var, _, key in compared)
    return next(iter(found)) if len(found) == 1 else None


def _related(a: Any, b: Any) -> bool:
    """One element is the other or inside it."""
    return _inside(a, b) or _inside(b, a)


def _inside(el: Any, block: Any) -> bool:
    return any(x is block for x in ancestors(el))


def _wrap(section: _Section) -> Any:
    """Wrap a title and its following siblings (up to the section's stop) into a new div."""
    nodes = section.nodes()
    parent = section.start.getparent()
    wrapper = etree.Element("div")
    wrapper.set("data-mpcheck-section", "1")
    parent.insert(parent.index(section.start), wrapper)
    for node in nodes:
        wrapper.append(node)  # append moves the node (its tail moves with it)
    if section.start.get(LINE_MARK):
        _paragraphs(wrapper)
    return wrapper


def _paragraphs(wrapper: Any) -> None:
    """A title line's section is `<br>`-separated text: a blank line (a `<br>` with nothing but white
    space before the next one) ends a paragraph, as a block's end would. Each paragraph after the
    title line is wrapped into its own div (the `<br>` before it stays outside), so the items of the
    section (a release, a review) are blocks like everywhere else."""
    paragraphs: list[list[tuple[Any, list[Any]]]] = [[]]
    for before, line in list(_line_nodes(wrapper))[1:]:  # the title line first: no paragraph
        if not line and _blank(before.tail):
            paragraphs.append([])
        else:
            paragraphs[-1].append((before, line))
    for lines in paragraphs:
        if not lines:
            continue
        first, _ = lines[0]
        div = etree.Element("div")
        div.text, first.tail = first.tail, None
        wrapper.insert(wrapper.index(first) + 1, div)
        for i, (before, line) in enumerate(lines):
            for node in ([before] if i else []) + line:
                div.append(node)  # append moves the node with its tail


def _too_big(el: Any, title: Any = None) -> bool:
    """The page itself or a block holding its h1 (the whole product) is no tab's panel; a section's
    own title may be an h1 (a document exported with its chapters as h1: «<h1>5. История
    версий</h1>» of a Word page, blind solution_word_export_free_pdfinvoice)."""
    return el.tag in ("body", "html", "main") or any(h is not title for h in css(el, "h1"))


def _first_fitting(
    resolver: _Resolver, name: str, chosen: list[Any], listed: set[Any]
) -> tuple[Any, str, list[Any]] | None:
    """The first candidate panel of a tab that is free, in place and fits the tab by content. A tie
    by a name or a key (any title's) comes before a heading's section or a guess from the markup's
    order (those in their own order): a teaser after a «Отзывы (2)» link or a «Техподдержка» line in
    the page's head is never the panel when a later tab bar's «Отзывы» names its own."""
    deferred: list[tuple[str, Any]] = []
    unreadable = False  # the tab's own tabpanel is named but holds nothing that fits (rendered lazily)
    for how, candidate in resolver.candidates(name):
        if how in _LATER_TIES:
            deferred.append((how, candidate))
            continue
        found = _fitting(name, how, candidate, chosen, listed)
        if found is not None:
            return found
        unreadable = unreadable or (
            not isinstance(candidate, _Section) and candidate.get("role") == "tabpanel"
        )
    if unreadable:
        return None  # never a head line's «Обсуждения (3)» section instead of the tab's empty panel

    # a sidebar's «Поддержка» widget comes after the page's own «Поддержка» section, and a title
    # nested under another subject's heading after one that is not (_subsection)
    def count(tie: tuple[str, Any]) -> str | None:
        unit = resolver.tie_units.get(id(tie[1]))
        m = table().search(fold(_shown_text(unit)), "tab_count") if unit is not None else None
        return m.group(1) if m else None

    # a heading titling the tab with the same count as the control a guess from the markup's order
    # came from is the tab's own section, read first: a bar of buttons over one list («Отзывы 12 |
    # Вопросы 7» above Ozon's reviews), whose next blocks by position are a sort line and that list,
    # while «Вопросы и ответы 7» heads its own section further down
    headed = {count(t) for t in deferred if t[0] == "heading"} - {None}
    counted = any(t[0] in _GUESSED_TIES and count(t) in headed for t in deferred)

    def later(tie: tuple[str, Any]) -> int:
        el = tie[1].start if isinstance(tie[1], _Section) else tie[1]
        unit = resolver.tie_units.get(id(tie[1]))
        guessed = counted and tie[0] in _GUESSED_TIES
        return 4 * (unit is not None and _subsection(unit, name)) + 2 * _in_sidebar(el) + guessed

    deferred.sort(key=later)
    for how, candidate in deferred:
        found = _fitting(name, how, candidate, chosen, listed)
        if found is not None:
            return found
    return None


def _subsection(unit: Any, name: str) -> bool:
    """A heading title under another subject's heading: a heading of a higher level before it among
    its siblings (the page's h1 aside) that titles no tab or another one. A news post's «Комментарии
    (3)» under its «Новость: вышла версия 2.1», a testimonials «Отзывы клиентов» h3 under the
    description's h2: the sub-sections of that subject, not the page's own reviews or comments."""
    level = _level(unit)
    if level >= 7:
        return False
    for before in unit.itersiblings(preceding=True):
        if not isinstance(before.tag, str) or before.tag == "h1":
            continue
        if _level(before) < level and title_of(inline_text(before)) != name:
            return True
    return False


def _in_sidebar(el: Any) -> bool:
    """Inside an <aside> or a role=complementary block (a sidebar's widget)."""
    return any(a.tag == "aside" or a.get("role") == "complementary" for a in ancestors(el))


def _fitting(
    name: str, how: str, candidate: Any, chosen: list[Any], listed: set[Any]
) -> tuple[Any, str, list[Any]] | None:
    """The candidate with its nodes when it is free, in place and fits the tab by content."""
    nodes = candidate.nodes() if isinstance(candidate, _Section) else [candidate]
    first = nodes[0]
    title = candidate.start if isinstance(candidate, _Section) else None
    if any(_too_big(n, title) for n in nodes) or any(
        first is c or any(_inside(c, n) for n in nodes) for c in chosen
    ):
        return None
    # a list of reviews/comments/releases never holds another tab's panel, and panels in the
    # same position as their tabs never sit inside another tab's body
    if any(_inside(first, b) for b in (chosen if how == "position" else listed)):
        return None
    lines = isinstance(candidate, _Section) and bool(candidate.start.get(LINE_MARK))
    return (candidate, how, nodes) if _panel_fits(name, nodes, lines) else None


def _resolve(root: Any, ids: dict[str, Any], tabs: Tabs, missing: list[str]) -> None:
    listed = {body for name, body in tabs.bodies.items() if name in _NONE_TEXT or name == "log"}
    _title_lines(root, listed, missing)
    resolver = _Resolver(root, ids, listed)
    chosen: list[Any] = list(tabs.bodies.values())
    plan: list[tuple[str, Any, str]] = []  # decided before any wrapping moves nodes
    # the first title names the tab (its count: «Обсуждения (6)»), one under another subject's
    # heading only when no other does (a news post's «Комментарии (3)» counts its own comments),
    # and so does a count-first link within the page (a head's «5 отзывов» jumping to «Отзывы (5)»)
    nested: dict[str, str] = {}
    for unit, name in resolver.units:
        deferred = unit in resolver.jumped or _subsection(unit, name)
        if name not in tabs.labels and name not in nested and deferred:
            nested[name] = _shown_text(_control_of(unit))
        elif name not in tabs.labels and not deferred:
            tabs.labels[name] = _shown_text(_control_of(unit))
    for name, label in nested.items():
        tabs.labels.setdefault(name, label)
    for name in missing:
        try:
            found = _first_fitting(resolver, name, chosen, listed)
        except Exception:  # one tab's ties failing never loses the others
            log.exception("tab %s: resolving its panel failed", name)
            continue
        if found is not None:
            candidate, how, nodes = found
            plan.append((name, candidate, how))
            chosen.extend(nodes)
    for name, candidate, how in plan:
        try:
            tabs.bodies[name] = _wrap(candidate) if isinstance(candidate, _Section) else candidate
        except Exception:  # a section that cannot be wrapped stays unfound; the others stay
            log.exception("tab %s: wrapping its section failed", name)
            continue
        tabs.how[name] = how
    _counted_titles(resolver, tabs)


def _counted_titles(resolver: _Resolver, tabs: Tabs) -> None:
    """A tab named by a title with no count («Вопросы и ответы», a hidden heading) takes the
    first later title of the same tab inside its own body that has one («Вопросы и ответы (7)»)."""
    for unit, name in resolver.units:
        body = tabs.bodies.get(name)
        if body is None or _DIGIT.search(tabs.labels.get(name, "")) or not _inside(unit, body):
            continue
        text = _shown_text(_control_of(unit))
        if _DIGIT.search(text):
            tabs.labels[name] = text


def _option_titles(root: Any, tabs: Tabs) -> None:
    """A tab whose label has no count takes it from a <select> switcher's option tied to its body
    by value = the body's id and titled as the same tab (the mobile «<option value="pane-comments">
    Обсуждения (2)</option>» beside a bar of buttons with no counts)."""
    by_id = {body.get("id"): name for name, body in tabs.bodies.items() if body.get("id")}
    for option in root.iter("option"):
        name = by_id.get((option.get("value") or "").strip().lstrip("#"))
        if name is None or _DIGIT.search(tabs.labels.get(name, "")):
            continue
        text = inline_text(option)
        if _DIGIT.search(text) and title_of(norm(text)) == name:
            tabs.labels[name] = text


def find_tabs(root: Any) -> Tabs:
    """Locate every known tab body and tab label on the page."""
    tabs = Tabs()
    ids, bar_items = _bar_items(root)
    spec_all: dict[str, Any] = table().data["tabs"]
    for name, spec in spec_all.items():
        control = _control(ids, bar_items, name, spec)
        if control is not None:
            tabs.labels[name] = inline_text(control)
        body = next((ids[i] for i in spec["ids"] if i in ids), None)
        if body is not None:
            tabs.bodies[name], tabs.how[name] = body, "id"
            continue
        target = None if control is None else control.get("aria-controls") or control.get("data-target")
        target = (target or "").lstrip("#")
        if target and target in ids and _panel_fits(name, [ids[target]]):
            tabs.bodies[name], tabs.how[name] = ids[target], "control"
    missing = [n for n in spec_all if n not in tabs.bodies]
    if missing:
        _resolve(root, ids, tabs, missing)
    if "log" not in tabs.bodies:  # no log section: a release table its own header names (log_table)
        # never a table quoted in a review or a comment (a buyer's post is not the vendor's log)
        feedback = [tabs.bodies[t] for t in ("rating", "comments") if t in tabs.bodies]
        body = next(
            (
                tb
                for tb in release_tables(root)
                if not any(a in feedback for a in ancestors(tb)) and _panel_fits("log", [tb])
            ),
            None,
        )
        if body is not None:
            tabs.bodies["log"], tabs.how["log"] = body, "columns"
    _option_titles(root, tabs)
    return tabs


def _tokens(el: Any) -> set[str]:
    """An element's class words."""
    return set((el.get("class") or "").split())


def _common_ancestor(nodes: list[Any]) -> Any:
    """The lowest element holding every node (None when they share no element)."""
    chains = [[node, *node.iterancestors()] for node in nodes]
    shared = set(chains[0]).intersection(*map(set, chains[1:]))
    return next((el for el in chains[0] if el in shared), None)


def forum_posts(tabs: Tabs) -> tuple[Any, list[Any]] | None:
    """A forum topic whose first post republishes the listing: the post holding every section found
    (the lowest element holding them, or its nearest ancestor) followed, among its siblings, by at
    least two blocks of the same markup (its tag and a class word they all share: phpBB's
    `div.post`, Discourse's `div.topic-post`). Those later posts are the topic's replies, i.e. the
    solution's comments; the first post itself is none. (first post, the replies) or None."""
    bodies = [body for name, body in tabs.bodies.items() if name != "comments"]
    if len(bodies) < 2 or "comments" in tabs.bodies:
        return None
    node = _common_ancestor(bodies)
    while node is not None and node.getparent() is not None and node.tag not in ("body", "html"):
        own = _tokens(node)
        later = [el for el in node.itersiblings() if el.tag == node.tag and own & _tokens(el)]
        if len(later) >= 2 and own.intersection(*map(_tokens, later)):
            return node, later
        node = node.getparent()
    return None
