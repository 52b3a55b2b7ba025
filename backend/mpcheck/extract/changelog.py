"""«Что нового»: one entry per release row, newest first, with the description length in characters.

A row is any dated block of the log section (items.py): a legacy `<tr><td><b>4.6.1</b>
(24.11.2026)</td><td>…</td>`, a column table, `dt`+`dd`, a heading and its paragraphs, a list item.
Its version is the version token that opens the row (after «Версия», «v») or stands next to its
date; a version further inside the description (a 1C-Bitrix core version, «совместимо с 23.300.100»)
is never the row's. The date is the row's date as the shared dates module reads it (DD.MM.YYYY,
DD.MM.YY, month words with or without a year, `time[datetime]`). `chars` is measured on block text
(block boundaries become spaces, runs collapse) of the description only: the row without its
version, its date and their labels (fixtures/expected/README.md).

A row that says it is not out yet («3.0.0 — планируется», «3.0.0 (15.12.2026) В разработке»,
«Планы: …») is a roadmap entry, not a release: it is dropped (`changelog.planned`) when it is undated
or dated after the reference day; dated on or before it, nothing tells a plan dated by its
announcement from a release whose description opens with a plan word, and the log is null. A block the
listing could not split (an undated roadmap row beside fewer than three dated ones glues them all
into one item) is read row by row when each of its blocks opens with a version and two or more of
them are dated. A release dated after the reference day is left to plausibility.py, which cannot
tell a planned release from a wrong date and drops the whole log.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from mpcheck.extract.context import Page
from mpcheck.extract.dates import parse_date, today
from mpcheck.extract.dom import (
    ancestors,
    block_text,
    child_elements,
    css,
    inline_text,
    own_text,
    text_without,
)
from mpcheck.extract.feedback import newest_first
from mpcheck.extract.headed_release import headed_rows
from mpcheck.extract.items import date_search, is_chrome, year_grouped
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, norm

_HEAD_CHARS = 80  # «Версия 4.6.1 от 24 ноября 2026 г.»: the part of a row its date is looked for first
_LINES = re.compile(r"\r\n|\r|\n")
_TRAIL_CHARS = 40  # «… — версия», «Дата выпуска:»: the longest label run that closes a piece
_SEPARATORS = " —–:·|,;.()[]/-"  # what stands between a row's version or date and its status word
_HEAD_OPENINGS = ("версия", "v")  # besides a digit, what a `changelog.rows` head may open with


def _date_span(folded: str) -> tuple[int, int] | None:
    """Where the first date of a row's text is (any form of the table), else None."""
    head = folded[:_HEAD_CHARS]  # a row's date is nearly always in its head: search that first
    m = date_search(head)
    if len(folded) > len(head) and (m is None or m.end() >= len(head) - 1):
        m = date_search(folded)  # none in the head, or one that its end may have cut off
    if m is None:
        return None
    start = m.start()
    while start < m.end() and not folded[start].isalnum():
        start += 1  # a form may match its left boundary character («(24.11.26»)
    return start, m.end()


def _versions(folded: str, start: int, end: int) -> list[re.Match[str]]:
    pattern = table().rx("changelog", "version_token")[0]
    return list(pattern.finditer(folded, start, end))


def _required(before: str) -> bool:
    """Whether the text before a version names a requirement (`changelog.requirement`) after the last
    word that introduces a version (`changelog.version_word`): «Требуется: главный модуль 24.0.0»,
    «Требуемая версия main: 24.0.0», not «Совместимость с PHP 8.3 Версия 2.0.0»."""
    rules = table()
    words = list(rules.rx("changelog", "version_word")[0].finditer(before))
    return (
        rules.search(before[words[-1].end() :] if words else before, "changelog", "requirement") is not None
    )


def _version(folded: str, span: tuple[int, int] | None) -> re.Match[str] | None:
    """The row's version: opening the row, or next to its date (only separators and labels between)."""
    rules = table()
    gap = rules.rx("changelog", "version_gap")[0]
    ds, de = span if span else (len(folded), len(folded))
    for m in _versions(folded, 0, ds):
        if gap.fullmatch(folded, 0, m.start(1)):
            return m
        if span and gap.fullmatch(folded, m.end(1), ds) and not _required(folded[: m.start(1)]):
            return m  # next to its date, no requirement before it («Требуется: главный модуль 24.0.0 (выпущен …)»)
    if span and not _versions(folded, 0, ds):
        # after the date only when nothing before it looks like a version: «24.0.0 — проверено
        # 20.11.2026 23.500.0 — …» is a list of other versions, not a row dated before its version
        for m in _versions(folded, de, len(folded)):
            return m if gap.fullmatch(folded, de, m.start(1)) else None
    return None


def _first(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """The first match of the first regex that matches (`Table.search` over a list already looked up)."""
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            return m
    return None


def _description(text: str, folded: str, cuts: list[tuple[int, int]]) -> int:
    """Characters of the row's text outside its version and date, trimmed of their labels: a
    piece after a cut loses its leading labels («) — »), a piece before a cut its trailing ones."""
    rules = table()
    leads, trails = rules.rx("changelog", "lead"), rules.rx("changelog", "trail")  # looked up once per row
    pieces, at = [], 0
    for start, end in sorted(cuts):
        pieces.append((at, start))
        at = max(at, end)
    pieces.append((at, len(text)))
    last = len(pieces) - 1
    kept = []
    for i, (start, end) in enumerate(pieces):
        if end <= start:
            continue  # an empty piece keeps nothing, whatever its labels' regexes say
        piece = folded[start:end]
        lead = _first(leads, piece) if i > 0 else None
        a = start + lead.end() if lead else start
        b = end
        if i < last:
            # labels before a cut are short: the end-anchored regex only looks at the piece's tail
            # (searched over the whole piece it would try every start position: quadratic)
            back = max(0, len(piece) - _TRAIL_CHARS)
            found = _first(trails, piece[back:])
            if found:
                b = start + back + found.start()
        if b > a:
            kept.append(text[a:b])
    return len(" ".join(kept))


def _planned(folded: str, cuts: list[tuple[int, int]]) -> bool:
    """A roadmap row: a status word right after its version or its date («3.0.0 — планируется»,
    «3.0.0 (15.12.2026) В разработке»), or a plan / next-update word before them when more than
    labels stand there («Планы: Планируется в 3.0 (01.12.2026)»)."""
    rules = table()
    ordered = sorted(cuts)
    first = ordered[0][0]
    labels_only = rules.rx("changelog", "version_gap")[0].fullmatch(folded, 0, first)
    if first and not labels_only and rules.search(folded[:first], "changelog", "planned_head"):
        return True
    for i, (_, end) in enumerate(ordered):
        stop = ordered[i + 1][0] if i + 1 < len(ordered) else len(folded)
        piece = folded[end:stop].lstrip(_SEPARATORS)
        if piece and rules.search(piece, "changelog", "planned"):
            return True
    return False


def _head(text: str) -> bool:
    """Whether a block's text opens as a log row: a version and its date («4.1.3 02.06.2026»), or a
    date and its version (`changelog.rows`). A date range («01.09.2026 — 01.10.2026») is no head: its
    «version» is a date too."""
    head = fold(text.strip()[:_HEAD_CHARS])
    # what every form of `changelog.rows` opens with (the regexes ignore case, so does this test:
    # «Версия 24.0.0 от 20.11.2026» is a head): its regexes are not run on the rest
    if not ("0" <= head[:1] <= "9" or head.lower().startswith(_HEAD_OPENINGS)):
        return False
    m = table().search(head, "changelog", "rows")
    return m is not None and not (parse_date(m.group(1)) and parse_date(m.group(2)))


def _stacked(item: Any) -> bool:
    """Whether an item holds two release rows side by side: an element with two children or more
    that each open as a log row (`_head`). Such an item is several releases the listing could not
    split (a grid whose rows sit under a header it did not know as furniture: blind
    solution_kendo_jquery_corpsite_demo30), not one release; a release whose description names one
    earlier fix («<li>2.0.4 (15.09.2026) — ошибка …</li>») is one."""
    for el in item.iter(etree.Element):
        kids = child_elements(el)
        if len(kids) >= 2 and sum(1 for kid in kids if _head(block_text(kid))) >= 2:
            return True
    return False


def _dated_release(text: str) -> bool:
    """Whether a block's text opens with a version, past a version word at most («Версия 5.4.1…»),
    and holds a date further on: a release of its own. A table row's cells («24.0.0 | 2.1.0 | …»:
    the core's version beside the module's) open with versions but carry no date each."""
    folded = fold(text)
    span = _date_span(folded)
    version = _version(folded, span)
    gap = table().rx("changelog", "version_gap")[0]
    return span is not None and version is not None and gap.fullmatch(folded, 0, version.start(1)) is not None


def _version_rows(item: Any) -> bool:
    """Whether an item holds a list of releases: an element with two children or more that each open
    with a version and are dated further down (`_dated_release`) (UI5's ObjectListItems «Версия 5.4.1» whose release date
    is an ObjectStatus beside the first change: blind solution_openui5_objectpage_ural_autoparts).
    The listing could not split them (a dated note beside the list stopped its descent): read as one
    row, the newest version would carry every release's text, so the log is unread instead."""
    for el in item.iter(etree.Element):
        kids = child_elements(el)
        if len(kids) >= 2 and sum(1 for kid in kids if _dated_release(block_text(kid))) >= 2:
            return True
    return False


def _bare_version(el: Any) -> bool:
    """Whether an element's whole text is one version token («4.2.1», «v2.0»), not a date («30.10.2026»
    is one to the token's regex)."""
    text = fold(block_text(el))
    m = table().rx("changelog", "version_token")[0].match(text)
    return (
        m is not None and m.end(1) == len(text) and text[: m.start(1)] in ("", "v") and not parse_date(text)
    )


def _version_column(item: Any) -> bool:
    """Whether an item holds a column of versions: an element whose children (two or more, no text
    between them) are each a bare version. A grid stored column by column (each column a block of
    its cells) read as one block runs every version, then every date, then every description
    together: «4.2.1 4.2.0 … 4.0.0 19.11.2026 …» is the whole log, never one release whose version
    stands next to its date."""
    for el in item.iter(etree.Element):
        kids = child_elements(el)
        if len(kids) >= 2 and not own_text(el).strip() and all(_bare_version(kid) for kid in kids):
            return True
    return False


def _read(text: str, date: str | None) -> tuple[dict[str, Any] | None, bool]:
    """({version, date, chars} of one row's block text, whether the row says it is planned); the
    item's date wins over its text's."""
    folded = fold(text)
    span = _date_span(folded)
    version = _version(folded, span)
    if version is None:
        return None, False
    cuts = [version.span(1)] + ([span] if span else [])
    found = date or (parse_date(text[span[0] : span[1]]) if span else None)
    entry = {"version": version.group(1), "date": found, "chars": _description(text, folded, cuts)}
    return entry, _planned(folded, cuts)


def _row(text: str, date: str | None) -> dict[str, Any] | None:
    """{version, date, chars} of one row's block text (the item's date wins over its text's)."""
    return _read(text, date)[0]


def _ligatures(rules: Any) -> list[tuple[str, re.Pattern[str]]]:
    return [(e["css"], re.compile(e["value_re"])) for e in rules.entries("changelog", "icon_ligatures")]


def _cells(row: Any) -> list[Any]:
    return [c for c in child_elements(row) if c.tag in ("td", "th")]


def _requirement_cells(row: Any) -> list[Any]:
    """The cells of a release table's row whose column header names a requirement
    (`changelog.requirement`: «Ядро», «Требуемая версия main», «PHP»): the version in them is not the
    release's. The header is the table's first row when all its cells are th; a row or header with a
    spanning cell, or of another width, is not matched up."""
    table_el = next((a for a in ancestors(row) if a.tag == "table"), None) if row.tag == "tr" else None
    first = next(table_el.iter("tr"), None) if table_el is not None else None
    if first is None or first is row:
        return []
    heads, cells = _cells(first), _cells(row)
    if (
        len(heads) != len(cells)
        or any(c.tag != "th" for c in heads)
        or any((c.get("colspan") or "1").strip() != "1" for c in heads + cells)
    ):
        return []
    rules = table()
    return [
        cell
        for head, cell in zip(heads, cells, strict=True)
        if rules.search(fold(block_text(head)), "changelog", "requirement")
    ]


_CAPTIONS = "figcaption"  # a figure's caption titles its picture or chart: no release note
_BADGE_CHARS = 30  # «(текущая версия)»: a status badge is a word or two


def _status_badges(el: Any) -> list[Any]:
    """The release's status badges in its head (`changelog.status_badge`: «<span class="label">
    текущая</span>» after «Версия 3.6.2 от 13.11.2026», a catalogue's version spoiler, blind
    solution_infostart_catalogue_angara_b2bportal): leaves whose whole text is a status word, in a
    block that holds the row's version or date and nothing else but their labels (`_head_only`). A
    badge tags the release and describes nothing; the same word in the description («<li><b>Новая</b>
    выгрузка</li>», «2.0.0 (01.01.2026) — <b>новая</b> выгрузка») stays."""
    found = []
    for node in el.iter():
        if node is el or not isinstance(node.tag, str) or child_elements(node):
            continue
        text = fold(inline_text(node))
        if not text or len(text) > _BADGE_CHARS:
            continue
        if table().search(text, "changelog", "status_badge") and _head_only(node):
            found.append(node)
    return found


def _head_only(node: Any) -> bool:
    """Whether the block around a leaf holds, besides it, a version or a date and nothing but the
    labels and separators between them (`changelog.version_gap`): a release's head line."""
    block = fold(text_without(node.getparent(), [node]))
    date = date_search(block)
    rest = block[: date.start()] + " " + block[date.end() :] if date else block
    rest, versions = table().rx("changelog", "version_token")[0].subn(" ", rest)
    return bool(date or versions) and table().rx("changelog", "version_gap")[0].fullmatch(rest) is not None


def _version_ends(el: Any) -> list[Any]:
    """The elements of a row whose whole text is a version token glued to a digit right after them
    («<button><span>3.5.0</span><span>2 июня 2026</span></button>»: Chakra UI's accordion button lays
    its spans out apart, the text runs «3.5.02 июня»: blind solution_chakra_ui_biryuza_smsnotify).
    The version ends where its element does; a version split over elements for styling
    («<b>3.5</b>.0») has no whole token of its own."""
    pattern = table().rx("changelog", "version_token")[0]
    found = []
    for node in el.iter(etree.Element):
        text = (node.text or "").strip()
        if len(node) or not "0" <= text[:1] <= "9":
            continue
        m = pattern.match(text)
        if m is None or m.start(1) != 0 or m.end(1) != len(text):
            continue
        nxt = node.getnext()  # what follows it as written: its tail, else the next element's first text
        after = node.tail or ("".join(nxt.itertext()) if nxt is not None else "")
        if "0" <= after[:1] <= "9":
            found.append(node)
    return found


def row_text(el: Any) -> str:
    """The release row's text with its versions apart from what follows them (`_version_ends`)."""
    ends = _version_ends(el)
    for node in ends:
        node.tail = " " + (node.tail or "")
    try:
        return _row_text(el)
    finally:
        for node in ends:
            node.tail = node.tail[1:] or None


def _row_text(el: Any) -> str:
    """The block text of a release row without its icon fonts' ligatures (changelog.icon_ligatures:
    `<i class="material-icons">history</i><b>2.4.1</b>` draws a glyph, its word is no text), without
    the cells of a requirement's column (`_requirement_cells`) and without figure captions: a
    screenshot or chart set after a release's notes («Время расчёта: 2,1 с в 2.3.2 и 0,3 с в 2.4.0»)
    is grouped with the row above it, but its caption describes the picture, not the release. A row
    with no text outside its captions (releases set as `<figure><figcaption>2.2.0 (12.10.2026) — …
    </figcaption><img></figure>`) is its captions: they are kept (TS `rowText`)."""
    left_out = (
        [
            icon
            for selector, glyph in table().memo("changelog:ligatures", _ligatures)
            for icon in css(el, selector)
            if len(icon) == 0 and glyph.match(icon.text or "")
        ]
        + _requirement_cells(el)
        + _status_badges(el)
    )
    captions = [cap for cap in el.iter(_CAPTIONS) if cap is not el]
    if captions and (text := text_without(el, left_out + captions)).strip():
        return text
    return text_without(el, left_out) if left_out else block_text(el)


def _glued(item: Any) -> list[str] | None:
    """The row texts of an item that holds several releases (None for an item of one): below its
    wrappers, every block opens with a version and two or more of them are dated. The listing glues
    such rows when an undated one (a roadmap «3.0.0 — планируется») stands beside fewer than three
    dated ones; a release's own blocks («<b>2.1.0</b> <span>19.11.2026</span> <div>…</div>») never
    all open with a version."""
    node, kids = item, []
    while True:
        kids = [(kid, text) for kid in child_elements(node) if (text := row_text(kid))]
        if len(kids) != 1 or own_text(node).strip():
            break
        node = kids[0][0]
    if len(kids) < 2:
        return None
    gap = table().rx("changelog", "version_gap")[0]
    texts, dated = [], 0
    for kid, text in kids:
        folded = fold(text)
        span = _date_span(folded)
        version = _version(folded, span)
        if version is None and is_chrome(kid):
            continue  # a heading («История версий») among the rows
        if version is None or not gap.fullmatch(folded, 0, version.start(1)):
            return None  # a block that does not open with a version: one release's description
        texts.append(text)
        dated += span is not None
    return texts if dated >= 2 else None


_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")  # a date's own four-digit year
_GROUP_TITLES = ("caption", "summary")  # besides headings, what titles a group of rows


def _titles_in(el: Any) -> list[Any]:
    """The titles in a block, in document order: headings, captions, summaries."""
    rules = table()
    return [
        d
        for d in el.iter(etree.Element)
        if d.tag in rules.heading_tags or d.tag in _GROUP_TITLES or d.get("role") == "heading"
    ]


def _group_title(item: Any, body: Any, held: set[Any], seen: dict[Any, Any], near: dict[Any, Any]) -> Any:
    """The nearest title before an item inside the log body that opens with no version or date (a
    release row's own head is no group title), else None. Blocks holding rows (`held`) are passed
    over: an earlier row stands under the same title, and the titles inside another group's block are
    that group's. `seen` keeps what a block was found to hold; `near` what the walk from a node found
    (the walk from a node goes on as the walk from its previous sibling, or from its parent: rows that
    are siblings share the walk instead of each going back over all the rows before it)."""
    rules, node, path, found = table(), item, [], None
    while node is not None and node is not body:
        if node in near:
            found = near[node]
            break
        path.append(node)
        prev = node.getprevious()
        if prev is None:
            node = node.getparent()
            continue
        node = prev
        if not isinstance(prev.tag, str) or prev in held:
            continue
        if prev not in seen:
            seen[prev] = None
            for el in reversed(_titles_in(prev)):
                text = fold(block_text(el))
                if text and not ("0" <= text[:1] <= "9" or rules.search(text, "changelog", "version_only")):
                    seen[prev] = el
                    break
        if seen[prev] is not None:
            found = seen[prev]
            break
    for step in path:
        near[step] = found
    return found


def _foreign(listing: Any) -> set[Any]:
    """The items of the log that stand under a title naming something else than this solution's
    releases (`changelog.foreign_title`: a compatibility list, a bundled library's log, a roadmap),
    when that title stands over two items or more, or over one item of several rows: a title over one
    release is that release's own («<h3>Новая библиотека SDK</h3><p>Версия 2.1.0 от …</p>»)."""
    held = {a for item in listing.items for a in ancestors(item)}
    seen: dict[Any, Any] = {}
    near: dict[Any, Any] = {}
    under: dict[Any, list[Any]] = {}
    for item in listing.items:
        title = _group_title(item, listing.body, held, seen, near)
        if title is not None:
            under.setdefault(title, []).append(item)
    rules = table()
    out: set[Any] = set()
    for title, items in under.items():
        if not rules.search(fold(block_text(title)), "changelog", "foreign_title"):
            continue
        if len(items) >= 2 or _text_rows(items[0]) or _glued(items[0]) or _stacked(items[0]):
            out.update(items)
    return out


def parse_row(text: str) -> dict[str, Any] | None:
    """{version, date, chars} of one row's block text, or None when it has no version."""
    return _row(text, None)


def _code_block(item: Any) -> Any:
    """The one plain-text block of an item: the item itself when it is a `<pre>` or `<code>` (a
    forum's BBCode box `<dl class="codebox"><dd><code>…</code></dd>`: blind
    solution_phpbb_prosilver_topic_site), else its one `<pre>`, else its one `<code>` (None when it
    has none or several)."""
    if item.tag in ("pre", "code"):
        return item
    # a walk of the tree in C (`iter`), not a compiled selector per row: the item is neither tag here
    blocks = list(item.iter("pre")) or list(item.iter("code"))
    return blocks[0] if len(blocks) == 1 else None


def _raw_lines(block: Any) -> list[str]:
    """The lines of a plain-text block: its text split at its newlines and at its `<br>`s (a code box
    that breaks its lines with `<br>`); comments are no text."""
    parts = [block.text or ""]
    for el in block.iterdescendants():
        if el.tag == "br":
            parts.append("\n")
        elif isinstance(el.tag, str):
            parts.append(el.text or "")
        parts.append(el.tail or "")
    return _LINES.split("".join(parts))


def _text_rows(item: Any) -> list[str] | None:
    """A plain-text log (one `<pre>` or `<code>` block, `_code_block`): each line that opens with a
    version and its date starts a row, the lines after it are its description (None unless the text
    holds two rows or more)."""
    block = _code_block(item)
    if block is None:
        return None
    rows: list[list[str]] = []
    for line in _raw_lines(block):
        if table().search(fold(norm(line)), "changelog", "rows"):
            rows.append([line])
        elif rows:
            rows[-1].append(line)
    return [norm(" ".join(lines)) for lines in rows] if len(rows) >= 2 else None


def changelog(page: Page) -> list[dict[str, Any]] | None:
    """Entries of the log section and of the releases headed by their own title outside it
    (headed_release.py: one the log lists too is the log's; `_kin`). None when the page has neither, or when
    the log cannot be read (`_listed`)."""
    listing = page.listings.get("log")
    entries = _listed(listing) if listing is not None else []
    if entries is None:
        return None
    listed = {e["version"] for e in entries}
    headed = [e for e in _headed(page) if e["version"] not in listed and _kin(e, entries, listing)]
    if listing is None and not headed:
        return None
    page.found_by["changelog"] = "tab-body" if listing is not None else "heading"
    return newest_first(_distinct(entries + headed))


def _kin(entry: dict[str, Any], entries: list[dict[str, Any]], listing: Any) -> bool:
    """Whether a headed release may join the log: always when the page has no log, else only when it
    shares the major version of the log's newest release (a vendor's post on 5.2.0 over its log of
    5.1.x); «Что нового в 24.0.0» beside a log of 2.x is the platform's or another product's news."""
    if listing is None:
        return True
    newest = newest_first(list(entries))  # a copy: the log keeps its page order for `_distinct`
    head = _major(entry["version"])
    return head is not None and head == _major(newest[0]["version"] if newest else None)


def _major(version: str | None) -> str | None:
    """The major number of an entry's version (read as dotted digits: `versions.values` group 1)."""
    return version.split(".")[0] if version else None


def _headed(page: Page) -> list[dict[str, Any]]:
    """The dated releases of headed_rows; a heading that says its release is planned is none."""
    out = []
    for text in headed_rows(page):
        entry, planned = _read(text, None)
        if entry is not None and entry["date"] and not planned:
            out.append(entry)
    return out


_FIELD_LABELS = ("column_version", "column_date", "column_changes")  # a release's fields, by their label


def _field_label(el: Any) -> str | None:
    """Which release field a leaf names when its whole text is that field's label (a release
    table's column headers, `changelog.column_*`: «Версия», «Дата выпуска:», «Что изменилось»),
    else None."""
    if child_elements(el):
        return None
    text = fold(inline_text(el)).rstrip(" :")
    if not text or len(text) > _TRAIL_CHARS:
        return None
    return next((key for key in _FIELD_LABELS if table().search(text, "changelog", key)), None)


def _field_value(label: Any, labels: set[Any]) -> str:
    """What a label stands over: its tail and the siblings after it, up to one that is or holds
    another label (`<dt>` + `<dd>`, `<th>` + `<td>`, a field group's label + value, «<b>Дата:</b>
    18.11.2026<br>»)."""
    parts = [label.tail or ""]
    for sib in label.itersiblings():
        if isinstance(sib.tag, str):
            if any(d in labels for d in sib.iter()):
                break
            parts.append(etree.tostring(sib, method="text", encoding="unicode", with_tail=False))
        parts.append(sib.tail or "")
    return norm("".join(parts))  # raw texts joined, then normalised once: the block text of the value


def _only_child(el: Any) -> bool:
    """Whether a block holds one child element and no text of its own: a wrapper of that child."""
    return len(child_elements(el)) == 1 and not own_text(el).strip()


def _labelled_notes(item: Any, entry: dict[str, Any]) -> str | None:
    """The description of a release set out as labelled fields (a Liferay Web Content article's
    repeatable «Версия» / «Дата выпуска» / «Что изменилось» field groups, blind
    solution_liferay74_journal_portlets_cp1251_neva_edo; a `dl` or a two-column table per release):
    the value under its description label only, when the item has one label of each field and the
    version's and the date's values are the entry's own. The labels are no description, nor is the
    version or the date under them; any other item is measured as a row (None)."""
    found: dict[str, list[Any]] = {}
    for el in item.iter(etree.Element):
        key = _field_label(el) if el is not item else None
        if key is not None:
            node = el  # the label is the outermost block holding only its text («<div><span>Версия</span></div>»)
            while (parent := node.getparent()) is not None and parent is not item and _only_child(parent):
                node = parent
            found.setdefault(key, []).append(node)
    if any(len(found.get(key, [])) != 1 for key in _FIELD_LABELS):
        return None
    labels = {found[key][0] for key in _FIELD_LABELS}
    version, date, notes = (_field_value(found[key][0], labels) for key in _FIELD_LABELS)
    token = table().search(fold(version), "changelog", "version_token")
    if token is None or token.group(1) != entry["version"] or parse_date(date) != entry["date"]:
        return None
    return notes or None


def _listed(listing: Any) -> list[dict[str, Any]] | None:
    """Entries of the log section (None when an item holds two release rows side by side
    (`_stacked`) or a column of versions (`_version_column`), or when a row that says it is planned carries a date on or before the reference
    day: a plan dated by its announcement, or a release whose description opens with a plan word, and
    nothing tells which). An undated or future-dated planned row is no entry. A log whose dated blocks
    hold no release row at all is unread (None), not shown empty."""
    rows: list[tuple[str, str | None, Any]] = []  # (row text, item date, the item when it is one release)
    foreign = _foreign(listing)
    if foreign and len(foreign) == len(listing.items):
        return None  # only rows of something else (a compatibility list, a library's log): unread
    if year_grouped(listing) and not all(_YEAR.search(row_text(item)) for item in listing.items):
        return None  # releases under year headings, some dated only by day and month: whose year?
    for item in listing.items:
        if item in foreign:
            continue
        texts = _text_rows(item) or _glued(item)
        if texts is not None:
            rows += [(text, None, None) for text in texts]
        elif _stacked(item) or _version_column(item) or _version_rows(item):
            return None  # several releases read as one: no entry of it can be trusted
        elif table().search(fold(text := row_text(item)), "changelog", "year_group"):
            return None  # a year's group of releases («2025 2.0.0 — 1 сентября: …»): not one release
        else:
            rows.append((text, listing.dates.get(item), item))
    entries, day, unread = [], today().isoformat(), False
    for text, date, item in rows:
        entry, planned = _read(text, date)
        if entry is not None and item is not None and (notes := _labelled_notes(item, entry)) is not None:
            entry["chars"] = len(notes)
        if entry is not None and not planned:
            entries.append(entry)
        elif entry is not None and entry["date"] and entry["date"] <= day:
            return None
        unread = unread or entry is None
    if unread and not entries:
        return None  # dated blocks, none a release («Совместимость: 23.0.0 … проверено 01.11.2026»): unread, not empty
    return entries


def _distinct(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per release: a release listed twice with its version and date (a «Текущая версия:
    2.1.0 от 19.11.2026» line above its own row) keeps the row with the longer description."""
    best: dict[tuple[Any, Any], dict[str, Any]] = {}
    for entry in entries:
        key = (entry["version"], entry["date"])
        if entry["version"] is None or entry["date"] is None:
            continue
        if key not in best or entry["chars"] > best[key]["chars"]:
            best[key] = entry
    return [
        e
        for e in entries
        if e["version"] is None or e["date"] is None or best[(e["version"], e["date"])] is e
    ]
