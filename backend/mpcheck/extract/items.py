"""Repeated dated blocks of a tab body: reviews, comments, changelog rows (DOM.md §10.5).

Items are the children of a list container that contain a date. The container is the tab body,
descended while exactly one child holds all dates and that child is a pure wrapper (every child of
it with text holds a date, or is chrome: a heading, a title, a pager, a summary line) or a list/table,
or holds the list beside undated notes (one dated block listing three dated blocks of one kind, or
items of one kind whose rest is folded into a closed block after them: the fold's items are the
list's, a dated note after it is none).
This keeps one review with a dated developer answer as ONE item, and a single-item list whole.
In lists and tables a row's description may be a following sibling (dt + dd): those are grouped.
Blocks of one markup (a class and a first child's) with some of them undated are items each, dated
or not: a date in one review's text or answer dates no other review. An item's date is its first
dated element, unless words precede that date («Куплено 01.02.2025», «Версия 2.0.0 от 01.09.2026»)
and a bare date stands beside it in the same line, or a label names it another date of the item
(`reviews.date_not_own`: «Дата покупки:», «Отредактирован») and a bare date follows anywhere in it, or
that date is its answer's («Ответ разработчика (21.03.2026)») and a date of its own follows (jQuery
Mobile's p.ui-li-aside closing the item).
A relative date is read in a short header, or as the last part of a longer one («…, вчера в 18:40»).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from lxml import etree

from mpcheck.extract.dates import element_date, parse_date, vague_date
from mpcheck.extract.dom import child_elements, css, hidden, inline_text, own_text, text_without
from mpcheck.extract.label_table import FLAGS, Table, table
from mpcheck.extract.tabs import MAX_TITLE_CHARS, title_of
from mpcheck.extract.text import fold

_LIST_TAGS = {"dl", "table", "tbody", "ul", "ol"}
_PAIRED_TAGS = {"tr", "dt", "dd"}  # rows that pair up by position (a head row and its text row)
_HEAD_CHARS = 120  # a dated head: author and date, or version and date, without the text
BARE_HEAD_CHARS = 40  # a dated head with no words of its own: «2.4.0 (14.10.2026)», «Иван Петров, 12.11.2026»
_RELATIVE_CHARS = 40  # «Вадим сегодня в 09:14»: the longest header a relative date is read in
_TAIL_SEPARATORS = ",·|•—–"  # what parts a header: «Имя (Компания), вчера в 18:40»
_MIN_HEADS = 3  # fewer dated heads in one block may be one review with its dated answer
_DIGIT = re.compile("[0-9]")
_GROUP_TITLE = re.compile(
    r"^(?:[^\W\d_]+\s+){0,2}(?:19|20)[0-9]{2}(?:\s+[^\W\d_]+\.?)?(?:\s*\([0-9]+\))?$"
)  # «Ноябрь 2026», «2025 год (3)»
_COUNT = re.compile(r"\(\s*[0-9]+\s*\)")  # «Отзывы о других решениях (5)»: a count, not a group label
_LETTER = re.compile(r"[^\W\d_]")
MAX_INTRO_CHARS = 600  # the short intro set right before a feedback section (a heading and a note)
MAX_INTRO_CLIMB = 3  # wrappers the section may open (a builder's module, its <section>) above the intro
_BREAK_TAG = "hr"  # a thematic break: what follows it is no longer the list above (_note_below)
_HEAD_CELLS = ("th", "columnheader")  # a column's header cell: the tag, the ARIA role
_DATA_CELLS = ("td", "gridcell", "cell")  # a data cell: the tag, the ARIA roles
_CARRIER_TAGS = {"time", "meta"}  # elements whose date may be in an attribute only
_DATE_PROPS = {"datePublished", "dateCreated", "dateModified", "uploadDate"}  # schema.org date properties
_WORD_ONLY_FORMS = {"relative"}  # the date forms that may be written without a digit («вчера»)
_HINTED_FORMS = frozenset(
    {"numeric", "numeric_short", "iso_text", "words", "words_no_year", "words_en"}
)  # see _day_hint
_NOT_FORMS = {
    "iso",
    "months",
    "relative_units",
    "relative_hint",
}  # attribute forms and lookup tables, not text forms


@dataclass
class Listing:
    """The items of one tab body, each item's date, and the body's text-bearing elements."""

    body: Any
    items: list[Any] = field(default_factory=list)
    dates: dict[Any, str | None] = field(default_factory=dict)
    owns: list[tuple[Any, str]] = field(default_factory=list)
    firsts: dict[Any, int] = field(default_factory=dict)  # item → index in `owns` of its first date
    starts: dict[Any, int] = field(default_factory=dict)  # item → index in `owns` of its first text
    # item → index in `owns` of the last text of its author slot: up to its first date, or, when the
    # item opens with its date (a forum post head), up to the author after it (see _author_end)
    author_ends: dict[Any, int] = field(default_factory=dict)
    # blocks of the body that are neither items nor the list's own words: another section's list and
    # its title, the date headings of grouped items (`_other_lists`, `_date_groups`); no stated count
    # is read in them
    aside: list[Any] = field(default_factory=list)
    # `owns`' short texts folded, made on first use (feedback.short_folds): answer titles, badges and
    # author lines are tested on the same short texts by several readers, each text is folded once
    folds: list[str | None] | None = None
    # an item is a whole list the split did not descend into (`_unsplit`): none of its items is known
    unsplit: bool = False
    # items whose own date is only a rounded relative one («месяц назад», dates.vague_date): dated, but
    # on no known day, so the list's dates cannot be told (feedback.undated) unless a later date of
    # the item's own settles it
    vague: set[Any] = field(default_factory=set)


def disclaimed(section: Listing, group: str) -> bool:
    """Whether the section's own words outside its items, or the short element right before it (its
    intro: a heading and a note), say it is not the Marketplace's feedback (`<group>.not_marketplace`:
    «Это комментарии к файлу на форуме, а не «Обсуждения» на Маркетплейсе», «Это отзывы участников
    форума, а не отзывы на Маркетплейсе»): a site's own thread or reviews under its copy of the
    listing, which it disclaims, hold no comment or review of the solution (TS `disclaimed`)."""
    texts = [text_without(section.body, section.items)]
    el, prev = section.body, None
    for _ in range(MAX_INTRO_CLIMB):  # a section opening its wrappers: the element before the outermost
        prev = el.getprevious()
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()
        if prev is not None or el.getparent() is None:
            break
        el = el.getparent()
    if prev is not None:
        intro = inline_text(prev)
        if len(intro) <= MAX_INTRO_CHARS:
            texts.append(intro)
    return any(table().search(fold(text), group, "not_marketplace") for text in texts)


def item_of(listing: Listing, el: Any) -> Any:
    """The item an element belongs to (None outside every item)."""
    members = listing.dates
    while el is not None and el is not listing.body:
        if el in members:
            return el
        el = el.getparent()
    return None


def _scan(body: Any) -> tuple[list[tuple[Any, str]], list[tuple[int, Any, str]]]:
    """(element, own text) for every element under `body` with non-blank own text, in document
    order, and (index in that list, element, text) of those holding a date or a `time[datetime]`.

    This is the one Python pass over every element of a long list (answer titles are then tested
    on these strings), so it reads each element's text and children's tails exactly once and dates
    it in the same step. Every date form of the table runs as one alternation (one C scan per
    text), and only on a text that passes the forms' hint. A long text is dated by its head
    («5.2.1 (14.11.26) Исправлена …»); a relative date sits in a short header («Ирина, 3 дня
    назад»), never in a long text, and its regexes are the slow ones: they run on short texts
    holding one of their words only. Only each item's first dated element is then parsed by the
    dates module (`element_date`).
    """
    day_hint, long, words, hint = _searchers()  # hint: a word every relative form holds
    carriers = _CARRIER_TAGS
    owns: list[tuple[Any, str]] = []
    dated: list[tuple[int, Any, str]] = []
    for el in body.iter(etree.Element):  # elements only: comments and PIs are skipped in C
        own = el.text or ""
        if len(el):
            own += "".join([c.tail or "" for c in el])
        if not own or own.isspace():
            if el.tag in carriers and _carries_date(el):  # <time datetime> / <meta itemprop> with no text
                dated.append((len(owns), el, own))
                owns.append((el, own))
            continue
        head = own[:_HEAD_CHARS] if len(own) > _HEAD_CHARS else own
        if (
            (day_hint(head) and long(head))
            or (len(head) <= _RELATIVE_CHARS and hint(head) and words(head))
            or (_RELATIVE_CHARS < len(own) <= _HEAD_CHARS and hint(own) and _relative_tail(own, words))
            or ((el.tag in carriers or el.get("itemprop")) and _carries_date(el))
        ):
            dated.append((len(owns), el, own))
        elif len(own) > _HEAD_CHARS and own.rstrip().endswith(")") and (sign := _signature_tail(own)):
            dated.append((len(owns), el, sign))  # «… — Олег Т. 14:05, 27 октября 2026 (MSK)»: dated by it
        owns.append((el, own))
    return owns, dated


def _signature_tail(own: str) -> str | None:
    """The wiki signature that closes a long message (`comments.signature_tail`), else None."""
    m = table().search(fold(own[-_HEAD_CHARS:]), "comments", "signature_tail")
    return m.group(0).strip() if m else None


def _relative_tail(own: str, words: Callable[[str], object]) -> bool:
    """A header longer than `_RELATIVE_CHARS` whose last part after a separator is a relative date
    alone («Константин Константинопольский (ООО «Ромашка»), вчера в 18:40»): a long name or company
    before it, no sentence («Купил модуль вчера, всё работает» ends with words)."""
    cut = max(own.rfind(sep) for sep in _TAIL_SEPARATORS)
    tail = own[cut + 1 :] if cut >= 0 else ""
    if not tail or len(tail) > _RELATIVE_CHARS:
        return False
    m = words(tail)
    if not isinstance(m, re.Match):
        return False
    rest = (tail[: m.start()] + " " + tail[m.end() :]).split()
    return not any(_LETTER.search(word) for word in rest if word.lower() != "в")  # «в 18:40» may follow


def _carries_date(el: Any) -> bool:
    """An element whose date is in an attribute: `time[datetime]`, schema.org `itemprop` dates."""
    if el.tag == "time":
        return bool(el.get("datetime"))
    return el.get("itemprop") in _DATE_PROPS and bool(el.get("content") or el.get("datetime"))


def _date_forms(rules: Table) -> list[tuple[str, ...]]:
    """Every date form of the table that can occur in page text (not ISO attributes, not month names)."""
    group = rules.data.get("dates", {})
    return [
        ("dates", key) for key, value in group.items() if key not in _NOT_FORMS and isinstance(value, list)
    ]


def year_grouped(listing: Listing) -> bool:
    """The list's items stand under date headings («<h3>2025</h3><ul><li>…</li></ul>», «Ноябрь 2026»:
    `_GROUP_TITLE`, split by `_date_groups`): a date in an item may lean on its group's year."""
    return any(_GROUP_TITLE.match(fold(inline_text(title))) for title in listing.aside)


def date_search(text: str) -> re.Match[str] | None:
    """The first date of any form in a folded text (the table's date regexes as alternations).

    A relative date («вчера», «3 дня назад») is looked for only in the text's first
    `_RELATIVE_CHARS` characters before its first other date: it sits in a header, and its regexes
    are the slow ones. The other forms run only on a text that passes their hint (`_day_hint`).
    """
    day_hint, long_search, words_search, hint = _searchers()
    found = long_search(text) if day_hint(text) else None
    long = found if isinstance(found, re.Match) else None
    end = min(long.start() if long else len(text), _RELATIVE_CHARS)
    head = text[:end]
    words = words_search(head) if hint(head) else None  # no relative word: the slow regexes cannot match
    return words if isinstance(words, re.Match) else long


def _day_hint(rules: Table, forms: list[tuple[str, ...]]) -> Callable[[str], object]:
    """A necessary condition of every non-relative text form, as one cheap search.

    Each of `_HINTED_FORMS` writes a day number followed by «.», a month number, «.» and at least two
    year digits (DD.MM.YYYY, DD.MM.YY; a version «3.4.1» has one) or by spaces and a month word of
    `dates.months` («5 июня 2024», «18 ноября»), or a year's four digits, «-» or «/», a month and «-»
    or «/» (an ISO date in the text, «2026-09-30», DokuWiki's «2026/09/30»), or by an ordinal suffix, «,» and a year's four digits (an English
    date, «November 12, 2026»). This regex starts with a digit class, so the engine
    scans for digits in C; the forms' alternation instead tries its four branches at every position
    of every text (most texts of a list hold no date). With any other non-relative form in the
    table the hint is the plain digit test every form passes. tests/python/extract/test_date_hint.py
    checks the hint on generated matches of every form.
    """
    if not forms or {f[-1] for f in forms} - _HINTED_FORMS:
        return _DIGIT.search
    stems = "|".join(p.pattern.removeprefix("^") for p in rules.rx("dates", "months"))
    return re.compile(
        rf"[0-9](?:\.[0-9]{{1,2}}\.[0-9]{{2}}|\s+(?:{stems})|[0-9]{{3}}[-/][0-9]{{2}}[-/]|(?:st|nd|rd|th)?,\s*[0-9]{{4}})",
        FLAGS,
    ).search


def _build_searchers(
    rules: Table,
) -> tuple[Callable[[str], object], Callable[[str], object], Callable[[str], object], Any]:
    forms = _date_forms(rules)
    long_forms = [f for f in forms if f[-1] not in _WORD_ONLY_FORMS]
    return (
        _day_hint(rules, long_forms),
        rules.any_search(*long_forms),
        rules.any_search(*[f for f in forms if f[-1] in _WORD_ONLY_FORMS]),
        rules.rx("dates", "relative_hint")[0].search,
    )


def _searchers() -> tuple[Callable[[str], object], Callable[[str], object], Callable[[str], object], Any]:
    """(the non-relative forms' hint, every non-relative form, the relative forms, the relative hint),
    built once per table."""
    return table().memo("items:date_searchers", _build_searchers)


def is_chrome(el: Any) -> bool:
    """Headings, titles, pagers, summaries, forms, empty blocks: list furniture, not content."""
    rules = table()
    if el.tag in rules.heading_tags or el.tag == "form" or "tab-title" in (el.get("class") or ""):
        return True
    text = fold(inline_text(el))
    if not text:
        return True
    if title_of(text) is not None:  # a tab's own title in a div («<div class="t-title">Отзывы</div>», Tilda)
        return True
    if _pager(el, text):
        return True
    if len(text) < 120 and _login_prompt(el):
        return True
    if len(text) < 120 and _tab_pointer(el):
        return True
    # a «Показать ещё» control is the list's, never the content after its last item
    checks = ("pager", "range"), ("pager", "more"), ("reviews", "count"), ("comments", "count")
    return len(text) < 120 and any(rules.search(text, *path) for path in checks)


def _furniture(el: Any) -> bool:
    """Chrome, or a table's column-header block: what a list's structure passes over. A block of
    column headers alone is no proof of an empty list (a grid's rows may load by script), so
    `is_chrome`, which also tells a body shown empty, leaves it out."""
    return is_chrome(el) or _column_heads(el)


def _column_heads(el: Any) -> bool:
    """A table's column-header block: two header cells or more (`th`, `role=columnheader`), no data
    cell, and no text outside them («Версия | Дата | Изменения» in a header table of its own above
    a grid's rows: Kendo UI, AG Grid; blind solution_kendo_jquery_corpsite_demo30)."""
    heads: set[Any] = set()
    for node in el.iter(etree.Element):
        role = node.get("role")
        if node.tag in _DATA_CELLS or role in _DATA_CELLS:
            return False
        if node.tag in _HEAD_CELLS or role in _HEAD_CELLS:
            heads.add(node)
        elif own_text(node).strip() and not any(a in heads for a in node.iterancestors()):
            return False  # a text outside every header cell
    return len(heads) >= 2


def _login_prompt(el: Any) -> bool:
    """A form's stand-in: a block whose every link leads to a login or registration page
    («Чтобы задать вопрос, <a href="/user/login">войдите</a>.», `listing.login_links`)."""
    hrefs = [a.get("href") or "" for a in el.iter("a")]
    return bool(hrefs) and all(table().search(fold(h), "listing", "login_links") for h in hrefs)


def _tab_pointer(el: Any) -> bool:
    """A line pointing to a tab of the listing for the rest of the list («Полная история версий — на
    <a href="…/lumera.b2bprice/#tab-log-link">вкладке «Что нового»</a>» closing a mirror's changelog,
    blind solution_discourse_lumera_b2bprice): a link to a tab's anchor (`tabs.<name>.anchor`), no
    content of the last item."""
    anchors = table().memo("items:tab-anchors", _tab_anchors)
    return any("#" in (h := a.get("href") or "") and h.rpartition("#")[2] in anchors for a in el.iter("a"))


def _tab_anchors(rules: Table) -> frozenset[str]:
    return frozenset(spec["anchor"] for spec in rules.data["tabs"].values() if spec.get("anchor"))


def page_links(el: Any, text: str) -> bool:
    """A pager without `PAGEN_` links (an ASP.NET postback or script pager): a line of page numbers,
    arrows and step words («1 2 Далее »») with a link in it, a digit and two tokens at least."""
    if el.find(".//a") is None or not _DIGIT.search(text) or len(text.split()) < 2:
        return False
    return table().search(text, "pager", "links") is not None


def _answer_head(el: Any) -> bool:
    """A dated block that opens with an answer title («Ответ разработчика (15.11.2026): …»): its
    first text in document order (read without serialising the whole block)."""
    for node in el.iter(etree.Element):
        text = node.text
        if text and not text.isspace():
            return bool(table().memo("items:answer_titles", _answer_titles)(fold(text)))
    return False


def _answer_titles(rules: Table) -> Callable[[str], object]:
    return rules.any_search(("reviews", "answer_titles"))  # every title regex as one alternation


def _summary(el: Any) -> bool:
    """A dated line about the list, not an item: «Отзывы (12) · обновлено 12.11.2026»."""
    text = fold(inline_text(el))
    checks = ("pager", "range"), ("reviews", "count"), ("comments", "count")
    return len(text) < _HEAD_CHARS and any(table().search(text, *path) for path in checks)


def _lead(heading: Any) -> bool:
    """An undated heading that opens the next item: it holds a number («2.1.0») and is no summary
    («Отзывы: 7») — a section title («История версий») opens nothing."""
    return bool(_DIGIT.search(inline_text(heading))) and not _summary(heading)


def _signature(el: Any) -> tuple[Any, str, Any, str] | None:
    """An item block's markup: its tag and class, and its first child's («div.mp-review» opening
    with «div.mp-review__head»); None for a block without a class or without a child."""
    cls = el.get("class")
    first = next(iter(child_elements(el)), None)
    if not cls or first is None:
        return None
    return el.tag, cls, first.tag, first.get("class") or ""


def _text_style(el: Any, cls: str) -> bool:
    """A class the page's headings carry too (LibreOffice's «h2.western» beside every «p.western», the
    style of the script the text is in): the document's text style, no markup of an item block — its
    paragraphs are the items' parts, grouped as any run of blocks (TS `textStyle`)."""
    headings = table().heading_tags
    return any(h.get("class") == cls for h in el.getroottree().getroot().iter(*headings))


def _repeated(children: list[Any], marked: set[Any]) -> tuple[Any, str, Any, str] | None:
    """The markup every child that is not furniture repeats, when some of them hold no date: review
    blocks of one class, only some dated (a date in a text or an answer dates no other block). Rows
    of a table or a definition list pair up by position instead (tr + tr, dt + dd)."""
    if all(c in marked for c in children):
        return None  # every block dated: each is an item already
    sigs = [_signature(c) if c.tag not in _PAIRED_TAGS else None for c in children]
    sig = next((g for c, g in zip(children, sigs, strict=True) if c in marked and g is not None), None)
    if sig is None or sum(1 for g in sigs if g == sig) < 2 or _text_style(children[0], sig[1]):
        return None
    others = [c for c, g in zip(children, sigs, strict=True) if g != sig]
    return sig if all(_furniture(c) for c in others) else None


def _grouped(
    container: Any,
    marked: set[Any],
    siblings: bool,
    repeat: Any = None,
    skip: set[Any] | None = None,
    joins: set[Any] | None = None,
) -> list[Any]:
    """The container's items: each dated child, joined by an answer row that follows it and, with
    `siblings`, by the undated content after it (dt + dd, tr + tr, h3 + p) and the undated heading
    right before it (h4 with the version, then the dated line). With `repeat` (the markup of the
    list's item blocks) every such block is an item, dated or not. A child in `skip` (another
    section's list and its title) is no item and joins none; one in `joins` (a thread of replies,
    `_reply_threads`) joins the item before it."""
    groups: list[list[Any]] = []
    children = child_elements(container)
    dated = [c for c in children if c in marked]
    # a list's summary sits at one of its ends (and a list of one has none); a block of the same
    # markup as its neighbour is an item that mentions a count («Прочитал 50 отзывов …»)
    ends: set[int] = set()
    if len(dated) > 1:
        for end, neighbour in ((dated[0], dated[1]), (dated[-1], dated[-2])):
            if not _alike(end, neighbour) and _summary(end):
                ends.add(id(end))
        note = _note_below(children, dated)
        if note is not None:
            ends.add(id(note))
    top = _top_summary(children, marked)
    if top is not None:
        ends.add(id(top))
    headings = table().heading_tags
    headers = _sub_headers(children, marked)
    lead = None  # an undated heading right before a dated child opens that child's item («<h4>2.0.0</h4>»)
    # a bare dated head just opened («<p><b>2.4.0 (14.10.2026)</b></p>», then its <ul>): in a list whose
    # other items carry their text inline («<p><b>2.3.2 (28.08.2026)</b><br>…</p>»), the one undated
    # block right after such a head is its body even without `siblings` (no `repeat` markup)
    bare_head = False
    # with `siblings`, the open item's head is a short block alone (`_HEAD_CHARS`) dating it before
    # any sentence («Ксения М., 20 октября 2026, 10:14»): a dated block after it whose date follows a
    # sentence of its own (`_quotes_date`: «Ксения, спасибо, воспроизвели. Исправление войдёт в 2.7.2
    # (планируем выпустить до 30.10.2026)») is that item's text quoting a date, no item of its own (a
    # pasted thread's flat paragraphs)
    headed = False
    for child in children:
        if id(child) in ends:
            continue
        if skip and child in skip:
            lead, bare_head, headed = None, False, False
            continue
        opens = child in marked or (repeat is not None and _signature(child) == repeat)
        opens = opens and not (groups and joins and child in joins)
        opens = opens and not (headed and child in marked and _quotes_date(child))
        body, bare_head = bare_head, False
        if opens and not (groups and _answer_head(child)):
            groups.append([lead, child] if lead is not None else [child])
            bare_head = repeat is None and child in marked and len(inline_text(child)) <= BARE_HEAD_CHARS
            headed = (
                siblings
                and child in marked
                and len(inline_text(child)) <= _HEAD_CHARS  # a head alone, its message in the blocks after
                and _quotes_date(child, quotes=False)
            )
        elif groups and (
            child in marked
            or ((siblings or body) and not _furniture(child) and child not in headers)
            or _answer_head(child)
        ):
            groups[-1].append(child)  # an undated «Ответ разработчика» block after an item is its answer
        lead = child if siblings and child not in marked and child.tag in headings and _lead(child) else None
    _end_outro(groups)
    _end_inline_outro(groups)
    items = []
    for group in groups:
        if len(group) == 1:
            items.append(group[0])
            continue
        wrapper = etree.Element("div")
        container.insert(container.index(group[0]), wrapper)
        for node in group:
            wrapper.append(node)
        items.append(wrapper)
    return items


_SHAPED_LISTS = ("ul", "ol", "dl")  # the body a row head opens, in a list of head + list items


# a sentence's end: a word (two letters at least, no initial «А.» nor «г.») ending in «.», «!» or «?»,
# then a space or the end
_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.!?](?:\s|$)")


def _quotes_date(el: Any, quotes: bool = True) -> bool:
    """The block's first date follows a sentence of its text (`_SENTENCE_END` before it): a message's
    text quoting a date; with `quotes` false, a date follows none: a head that dates an item («Артём
    Л., 25 ноября 2026», «2.7.3 (16.11.2026)»). A block with no date read in it is neither (TS
    `quotesDate`)."""
    text = fold(inline_text(el))
    m = date_search(text)
    return m is not None and (_SENTENCE_END.search(text, 0, m.start()) is not None) == quotes


def _end_outro(groups: list[list[Any]]) -> None:
    """Cut the last item back to the shape of the others when every other item (two at least) is one
    and the same run of blocks ending in a list (a dated head and its list: «<p><b>Версия 3.6.0 от
    20.01.2026</b></p><ul>…</ul>») and the last runs on past that shape: what follows its own list is
    the section's outro («<p>Полная история версий — на странице решения</p>», a closing note), not
    that item's text (blind solution_ozon_kvarcline_deliverycalc). Items of no such list shape (a
    review and its answer block) are left as they are, and so is a run past the shape that holds a
    block `_grouped` attached as the item's answer («<p>Ответ разработчика: …</p>» after the last
    review's list): that is the item's own answer, not an outro (TS `endOutro`)."""
    if len(groups) < 3:
        return
    shape = [node.tag for node in groups[0]]
    if len(shape) < 2 or shape[-1] not in _SHAPED_LISTS:
        return
    if any([node.tag for node in group] != shape for group in groups[1:-1]):
        return
    last = groups[-1]
    if len(last) > len(shape) and [node.tag for node in last[: len(shape)]] == shape:
        if any(_answer_head(node) for node in last[len(shape) :]):
            return
        del last[len(shape) :]


def _end_inline_outro(groups: list[list[Any]]) -> None:
    """Cut the last item back to its first block when the items carry their text inline («<p><b>4.1.3
    (11.07.2026)</b><br>Совместимость…</p>», two at least of one block), a block runs on past the
    last one and only bare heads (`BARE_HEAD_CHARS`, no `<br>`: «<p><b>4.2.0 (30.09.2026)</b></p>» then its
    <ul>) had blocks after them: what follows the last full item is the section's outro
    («<p>Следующая версия 4.3.0 запланирована на январь 2027</p>», blind
    solution_avito_listven_florashop), not that item's text. A block `_grouped` attached as the
    item's answer («Ответ разработчика: …») stays, and so does all after a first block ending with a
    colon («<p><b>1.0.0</b><br>Первый релиз. Возможности:</p><ul>…</ul>»): it introduces the item's
    own list (TS `endInlineOutro`)."""
    if len(groups) < 3 or len(groups[-1]) < 2:
        return
    last, others = groups[-1], groups[:-1]

    def bare(node: Any) -> bool:  # a short head with no line break: its text (if any) is in the next block
        return len(inline_text(node)) <= BARE_HEAD_CHARS and node.find("br") is None

    if bare(last[0]) or any(len(group) > 1 and not bare(group[0]) for group in others):
        return
    if inline_text(last[0]).rstrip().endswith(":"):  # «Первый релиз. Возможности:» + its own <ul>
        return
    if sum(1 for group in others if len(group) == 1) < 2 or any(_answer_head(node) for node in last[1:]):
        return
    del last[1:]


def _note_below(children: list[Any], dated: list[Any]) -> Any:
    """The last dated child when a thematic break (`<hr>`) alone sets it apart from the items above
    it and it is of another markup (tag and class) than the item before it: the note under the list
    («<hr><p><em>Карточка актуальна на 22.11.2026</em></p>» closing a forum post's quoted reviews,
    blind solution_discourse_lumera_b2bprice), not an item. Items separated from each other by
    breaks too (another `<hr>` between them) or of one markup stay items (TS `noteBelow`)."""
    last, before = dated[-1], dated[-2]
    if last.tag == before.tag and last.get("class") == before.get("class"):
        return None
    breaks = [i for i, c in enumerate(children) if c.tag == _BREAK_TAG]
    at, first = children.index(last), children.index(dated[0])
    between = [i for i in breaks if first < i < at]
    return last if len(between) == 1 and between[0] > children.index(before) else None


def _top_summary(children: list[Any], marked: set[Any]) -> Any:
    """An undated first child that only states the list's count («Сообщений: 5» above BEM comments,
    `comments.summary_line`) when two or more dated blocks follow it: list furniture, not content.
    Inside or between posts such a line is a forum author's post count, so only the top one counts."""
    if not children or children[0] in marked or sum(1 for c in children if c in marked) < 2:
        return None
    first = children[0]
    text = fold(inline_text(first))
    return first if len(text) < _HEAD_CHARS and table().search(text, "comments", "summary_line") else None


def _alike(a: Any, b: Any) -> bool:
    """Two blocks of the same class: items of one list, not a list and its summary line."""
    cls = a.get("class")
    return bool(cls) and a.tag == b.tag and cls == b.get("class")


def _sub_headers(children: list[Any], marked: set[Any]) -> set[Any]:
    """The list's sub-headers: undated short blocks (a title's length) of the markup, tag and class,
    of an undated block among them that titles a tab or is a heading. Onsen UI's «<ons-list-header
    class="list-header">Планы</ons-list-header>» repeats the «История версий» header of the same
    list: it opens the next part (the roadmap), it is no text of the release above it (blind
    solution_onsenui_tabbar_yug_furniture_site: the last release read «… звонка. Планы») (TS
    `subHeaders`)."""
    undated = [c for c in children if c not in marked and c.get("class")]
    kinds = {(c.tag, c.get("class")) for c in undated if _heading(c) or title_of(fold(inline_text(c)))}
    if not kinds:
        return set()
    return {c for c in undated if (c.tag, c.get("class")) in kinds and len(inline_text(c)) <= MAX_TITLE_CHARS}


def _thin(el: Any) -> bool:
    """A row head rather than a whole item: a short block («3.2.1 — 18 ноября», «Иван, 12.11.2026»)."""
    return len(inline_text(el)) <= _HEAD_CHARS


def _controls(el: Any) -> bool:
    """A block of buttons only under a list («Показать ещё», «Оставить отзыв»: Ant Design's
    `ant-list-load-more` beside the list's items; a link drawn as a button, `listing.button_links`:
    jQuery Mobile's «<a class="ui-btn" data-rel="popup">Написать комментарий</a>»): the list wrapper
    around it is still a pure wrapper (blind solution_antd5_descriptions_free_comments_partial,
    solution_jquery_mobile_listview_free_landing). Read for the descent only: a tab body holding
    just a «Загрузить отзывы» button is not shown empty, its list is unread."""
    selector = ", ".join(e["css"] for e in table().entries("listing", "button_links"))
    anchors = list(el.iter("a"))
    links = set(css(el, selector)) if anchors else set()
    links.update(a for a in anchors if _post_action(a))  # «Написать отзыв» drawn by utility classes only
    buttons = [
        b for b in el.iter(etree.Element) if b.tag == "button" or b.get("role") == "button" or b in links
    ]
    outer = [b for b in buttons if not any(a in buttons for a in b.iterancestors())]
    text = inline_text(el)
    if not outer or len(text) >= _HEAD_CHARS:
        return False
    pressed = "".join(inline_text(b) for b in outer)  # nothing but the buttons' words, spaces aside
    return fold(text).replace(" ", "") == fold(pressed).replace(" ", "")


def _post_action(link: Any) -> bool:
    """A link whose whole text calls to post to the list («Написать отзыв», «Задать вопрос»:
    `listing.post_actions`), whatever it is drawn with."""
    text = inline_text(link)
    return len(text) <= MAX_TITLE_CHARS and table().search(fold(text), "listing", "post_actions") is not None


MAX_COLUMN_DEPTH = 3  # how deep a column of list furniture nests its parts (column › block › line)


def _furniture_column(el: Any, name: str | None, depth: int = 0) -> bool:
    """An undated block beside the list made of list furniture only, each of its child blocks
    furniture, controls, fields, a list note or such a block itself: Tailwind UI's «Customer
    reviews» column (the heading, the average and its stars, the star distribution under its
    visually hidden title, the «Поделитесь мнением» call with its post policy and «Написать отзыв»
    link) in a grid beside the reviews (blind solution_nextjs_headlessui_tabs_kama_delivery). A
    block with text of its own, or with no child block, is none: a review's text is never
    furniture. Read for the descent only, like `_controls` (TS `furnitureColumn`)."""
    kids = child_elements(el)
    if not kids or depth >= MAX_COLUMN_DEPTH or own_text(el).strip():
        return False
    return all(
        _furniture(c)
        or _controls(c)
        or _fields(c)
        or _list_note(c, name)
        or _furniture_column(c, name, depth + 1)
        for c in kids
    )


def _list_note(el: Any, name: str | None) -> bool:
    """An undated note beside a list's items that leaves its wrapper a pure one (`_histogram`,
    `_post_policy`, `_roadmap` in a log), its text folded once for the three."""
    text = fold(inline_text(el))
    return _histogram(text) or _post_policy(text) or (name == "log" and _roadmap(text))


def _histogram(text: str) -> bool:
    """A star distribution beside the list: rows of a grade and its count only («5★ 19 4★ 2 3★ 0»,
    «5 звезд — 12», `reviews.histogram_row`), three at least, nothing else of letters or digits in
    it (Dojo's ProgressBar rows above the reviews, blind solution_dojo_dijit_iso88595_ladya_importer).
    Read for the descent only, like `_controls`: a lone «★★★★☆» after a dated head stays its stars."""
    if not text or len(text) >= _HEAD_CHARS:
        return False
    rows = table().rx("reviews", "histogram_row")[0]
    found = rows.findall(text)
    rest = rows.sub(" ", text)
    return len(found) >= _MIN_HEADS and not _LETTER.search(rest) and not _DIGIT.search(rest)


def _below_pager(kids: list[Any], marked: set[Any]) -> set[Any]:
    """The undated blocks after the list's page navigation (`PAGEN_` links or a line of page links
    after the last dated block): the pager closes the list, what follows it is the section's note
    («Оставить отзыв могут только пользователи, установившие решение.», blind
    solution_dojo_dijit_iso88595_ladya_importer), none of an item. One review with its answer holds
    no pager, so the wrapper it is stays undescended. Read for the descent only."""
    dated = [at for at, c in enumerate(kids) if c in marked]
    if not dated:
        return set()
    for at in range(dated[-1] + 1, len(kids)):
        if _pager(kids[at], fold(inline_text(kids[at]))):
            return set(kids[at + 1 :])
    return set()


def _list_intro(kids: list[Any], marked: set[Any], direct: set[Any], name: str | None) -> set[Any]:
    """The undated blocks before a wrapper's first dated child when that child opens a list: it and
    `_MIN_HEADS` - 1 more dated children or more of its markup (`_signature`), or it lists
    `_MIN_HEADS` dated blocks of one kind itself (`_sub_items`), neither it nor its first row named
    a reply (`comments.reply_hint`: a thread of replies opens with one; a list of messages opens with
    a message, whatever reply rows follow it, APEX Comments' «li.t-Comments-item.is-reply» after the
    review it answers, blind solution_apex23_universal_theme_lazurit_gardenshop). Whatever stands above a list — its title, a note on where the items
    come from («Всего сообщений: 12. Ниже — 10 последних…», «По данным вкладки «Что нового»…»), a
    star distribution drawn one grade per block — is no item's text: items follow it (a Liferay
    Web Content article re-rendering the listing's tabs, blind
    solution_liferay74_journal_portlets_cp1251_neva_edo). A block of the list's own markup is an
    undated item, never its intro; a thread of replies after a review's undated text stays one
    review; in a log, a note naming something else than the releases (`changelog.foreign_title`:
    «Совместимость модуля с версиями главного модуля:» over its checked versions) makes the list
    that thing's, as in `_noted_list`. Read for the descent only, like `_controls` (TS `listIntro`)."""
    at = next((i for i, c in enumerate(kids) if c in marked), 0)
    if at == 0:
        return set()  # no dated child, or nothing above the first one
    first = kids[at]
    sig = _signature(first)
    rows = [c for c in kids[at:] if c in marked and sig is not None and _signature(c) == sig]
    if len(rows) < _MIN_HEADS:
        rows = _sub_items(first, marked, direct) or []
        if len(rows) < _MIN_HEADS:
            return set()
    if _replies(first, rows[:1]):
        return set()
    rules = table()
    intro = [c for c in kids[:at] if sig is None or _signature(c) != sig]
    if name == "log" and any(rules.search(fold(inline_text(c)), "changelog", "foreign_title") for c in intro):
        return set()
    return set(intro)


def _pager(el: Any, text: str) -> bool:
    """A block of page navigation (`text` its folded text): `PAGEN_` links, or a short line of page
    links (`page_links`)."""
    if any("PAGEN_" in (a.get("href") or "") for a in el.iter("a")):
        return True
    return len(text) < 120 and page_links(el, text)


_FIELD_TAGS = ("input", "textarea", "select")


def _fields(el: Any) -> bool:
    """An undated field of a form beside the list (a label and its input, textarea or radio group:
    «Ваше имя:», «Ваш отзыв», «Оценка Плохо ○○○○○ Хорошо»), its words short: OpenCart's
    `form#form-review` holds the `#review` list above its fields, and the form is still a pure
    wrapper around that list (blind solution_opencart3_reseller_site_demo30). A hidden input
    alone makes no field; read for the descent only, like `_controls`."""
    fields = [f for f in el.iter(*_FIELD_TAGS) if (f.get("type") or "").lower() != "hidden"]
    return bool(fields) and len(inline_text(el)) < _HEAD_CHARS


def _post_policy(text: str) -> bool:
    """A short note on who may post to the list («Отзывы могут оставлять только покупатели
    решения.», `listing.post_policy`) beside its items: Chakra UI's `p.chakra-text` between the
    rating summary and the cards' stack leaves that stack the one dated block of a pure wrapper
    (blind solution_chakra_ui_biryuza_smsnotify). Read for the descent only, like `_controls`."""
    return len(text) < _HEAD_CHARS and table().search(text, "listing", "post_policy") is not None


def _dated_roadmaps(children: list[Any], marked: set[Any], name: str | None) -> list[Any]:
    """The dated blocks beside a log's releases that are its roadmap: a plan word before the first
    version of its head (`_roadmap`), or its heading a plan's («<h3>Планы развития</h3> … 5.3.0 …
    выпуск ориентировочно 20.01.2027» after the Disclosures of the releases, blind
    solution_nextjs_headlessui_tabs_kama_delivery: its badge «в работе» glued to «5.3.0» hides the
    version token). A planned date is no release's: the block is passed over like another section's
    list. Only beside another dated child (a log made of its roadmap alone stays as it is: its
    releases are unknown, not that block) (TS `datedRoadmaps`)."""
    if name != "log":
        return []
    holders = [c for c in children if c in marked]
    if len(holders) < 2:
        return []
    rules = table()

    def planned(at: int, block: Any) -> bool:
        title = _block_title(children, at, marked)
        if title is not None and rules.search(fold(inline_text(title)), "changelog", "planned_head"):
            return True
        return _roadmap(fold(inline_text(block)))

    plans = [c for at, c in enumerate(children) if c in marked and planned(at, c)]
    return plans if len(plans) < len(holders) else []


def _roadmap(folded: str) -> bool:
    """An undated note on a coming release above a log («В разработке: версия 3.7.0 … Ориентировочный
    выпуск — декабрь 2026»: Chakra UI's `chakra-alert` over the releases, blind
    solution_chakra_ui_biryuza_smsnotify): a plan word (`changelog.planned_head`) before the first
    version token of its head. Read for the descent of a log only, like `_controls`."""
    text = folded[:_HEAD_CHARS]
    version = table().search(text, "changelog", "version_token")
    return (
        version is not None
        and table().search(text[: version.start(1)], "changelog", "planned_head") is not None
    )


def _heads(children: list[Any], marked: set[Any]) -> bool:
    """Dated heads each followed by its content as siblings (h3 + p, a header row + a text row)."""
    # the set test first: a list whose children are all dated needs no text serialised
    return any(c not in marked for c in children) and all(_thin(c) for c in children if c in marked)


def _content_heads(children: list[Any], marked: set[Any]) -> bool:
    """Dated heads followed by their content beside dated rows that carry their own text (a log
    mixing «<p><b>3.2.1</b> (12.11.2026)</p><ul>…</ul>» with «<p><b>3.1.2</b> (09.09.2026)<br>…</p>»):
    at least _MIN_HEADS dated children, and every dated child that undated content follows is a head
    (`_thin`). A long dated block followed by undated text is a whole item beside a note: no."""
    if sum(1 for c in children if c in marked) < _MIN_HEADS:
        return False
    headers = _sub_headers(children, marked)
    followed = [
        c
        for c, nxt in pairwise(children)
        if c in marked and nxt not in marked and not _furniture(nxt) and nxt not in headers
    ]
    return bool(followed) and all(_thin(c) for c in followed)


def _kind(el: Any) -> tuple[str, str]:
    """An element's markup for telling lists apart: its tag and first class token («li.comment
    even» and «li.comment odd» are one kind). A table's rows are rows of one kind whatever their
    class: a striped table alternates it («<tr class="p-row-odd">», «<tr class="p-row-even">»:
    PrimeVue's DataTable, blind solution_primevue3_tabview_windows1251_bereg_bonus)."""
    if el.tag == "tr":
        return "tr", ""
    return el.tag, ((el.get("class") or "").split() or [""])[0]


def _sub_items(block: Any, marked: set[Any], direct: set[Any]) -> list[Any] | None:
    """The dated blocks of one kind a block is a list of: below it (through wrappers with one dated
    child), two dated children or more, all of one kind, and no date of the block's own on the way
    (a review's own dated head beside a thread of replies makes it a review, not a list)."""
    node = block
    while node not in direct:
        kids = [k for k in child_elements(node) if k in marked]
        if len(kids) >= 2:
            kind = _kind(kids[0])
            return kids if all(_kind(k) == kind for k in kids) else None
        if not kids:
            return None
        node = kids[0]
    return None


def _heading(el: Any) -> bool:
    return el.tag in table().heading_tags or el.get("role") == "heading"


def _block_title(children: list[Any], at: int, marked: set[Any]) -> Any:
    """The undated heading that titles a child block: its own first child, else the sibling right
    before it."""
    block = children[at]
    first = next(iter(child_elements(block)), None)
    if first is not None and first not in marked and _heading(first):
        return first
    before = children[at - 1] if at else None
    return before if before is not None and before not in marked and _heading(before) else None


def _other_title(text: str, name: str | None) -> bool:
    """A sub-section title that names something other than the tab being read: words that title no
    tab or another tab («Похожие обсуждения», «Последние отзывы о других решениях», «Вопросы о
    решении» inside the reviews). A title with a number besides its count groups the list's own items
    («Ноябрь 2026», «Версия 2.x»)."""
    folded = fold(text)
    if not _LETTER.search(folded) or len(folded) > _HEAD_CHARS:
        return False
    if _DIGIT.search(_COUNT.sub(" ", folded)):
        return False
    if name == "log" and table().search(folded, "changelog", "older_title"):
        return False  # «Более ранние версии»: the log's own older releases, folded under it
    return title_of(folded) != name


def _other_lists(children: list[Any], marked: set[Any], direct: set[Any], name: str | None) -> list[Any]:
    """Dated children that are another section's list beside the list's own items: a block titled by
    its own heading (`_other_title`) that lists dated blocks of one kind, its kind and its items'
    unlike every other dated child's and every dated block in them (the same reviews under a
    subheading stay the list's). The
    «Отзывы о других решениях» widget under the reviews, «Похожие обсуждения» under the comments,
    a site's «Последние комментарии» strip caught in a heading's section. Returns the blocks and
    their titles, passed over by the list (items are read only from the section's own extent)."""
    holders = [c for c in children if c in marked]
    if len(holders) < 2:
        return []
    # the titled lists first (a title is a child's tag, its sub-items a walk, the title's words
    # regexes, cheapest first): most lists have none, and then no other block's sub-items are read
    titled: dict[int, tuple[Any, list[Any]]] = {}
    for at, block in enumerate(children):
        title = _block_title(children, at, marked) if block in marked else None
        sub = _sub_items(block, marked, direct) if title is not None else None
        if sub and _other_title(inline_text(title), name):
            titled[id(block)] = (title, sub)
    if not titled:
        return []
    subs = {id(c): titled[id(c)][1] if id(c) in titled else _sub_items(c, marked, direct) for c in holders}
    kinds = {id(c): _kind(sub[0]) if (sub := subs[id(c)]) else _kind(c) for c in holders}
    found: list[Any] = []
    for block in children:
        if id(block) not in titled:
            continue
        title, sub = titled[id(block)]
        rest = [h for h in holders if h is not block]
        if any(_kind(h) == _kind(block) or kinds[id(h)] == kinds[id(block)] for h in rest):
            continue
        if any(_kind(d) == kinds[id(block)] for h in rest for d in h.iter() if d in marked):
            continue  # the list's own items are of that kind too (a «Полезные отзывы» block of reviews)
        classes = fold(" ".join([block.get("class") or ""] + [k.get("class") or "" for k in sub]))
        if table().search(classes, "comments", "reply_hint"):
            continue  # a thread of replies («<div class="replies"><h5>Ответы</h5><div class="reply">…»)
        found += [block, title]
    kept = [h for h in holders if h not in found]
    if not kept:
        return []  # nothing of the section's own would stay: no list to tell them from
    # a widget sits before or after the list, never between two of its items
    first, last = holders.index(kept[0]), holders.index(kept[-1])
    between = {id(h) for h in holders[first + 1 : last] if h in found}
    return [el for at, el in enumerate(found) if id(found[at - at % 2]) not in between]


def _containers(
    body: Any, marked: set[Any], direct: set[Any], name: str | None, aside: list[Any]
) -> list[Any]:
    """The item elements: children of the list container, grouped with their content siblings.

    The container is the body, descended while exactly one child holds every date and that child is
    a pure wrapper, a list/table, or a run of at least three dated heads (a changelog of h3 + p).
    Another section's list beside the items (`_other_lists`) leaves the dated blocks: it is passed over.
    """
    container, known, repeat = body, False, None
    skip: set[Any] = set()
    while True:
        children = child_elements(container)
        for other in _other_lists(children, marked, direct, name) + _dated_roadmaps(children, marked, name):
            skip.add(other)
            aside.append(other)
            marked.difference_update(other.iter())
        holders = [c for c in children if c in marked]
        if len(holders) != 1:
            repeat = _repeated(children, marked) if holders else None
            break
        repeat = _repeated(children, marked)
        if repeat is not None:  # blocks of one markup right here, only one of them dated: each is an item
            break
        only = holders[0]
        kids = child_elements(only)
        for plan in _dated_roadmaps(kids, marked, name):  # undated now: a note the descent passes over
            skip.add(plan)  # and no release's text if the descent stops at its list (a roadmap row)
            aside.append(plan)
            marked.difference_update(plan.iter())
        top = _top_summary(kids, marked)
        below = _below_pager(kids, marked)
        intro = _list_intro(kids, marked, direct, name)
        wrapper = not own_text(only).strip() and all(
            c in marked
            or c is top
            or c in below
            or c in intro
            or _furniture(c)
            or _controls(c)
            or _fields(c)
            or _list_note(c, name)
            or _furniture_column(c, name)
            for c in kids
        )
        repeat = None if wrapper else _repeated(kids, marked)
        if repeat is not None:  # review blocks of one markup, one of them dated: each is an item
            container = only
            break
        heads = sum(1 for c in kids if c in marked) >= _MIN_HEADS and _heads(kids, marked)
        if not (
            wrapper
            or heads
            or only.tag in _LIST_TAGS
            or _noted_list(kids, marked, direct, name)
            or _folded_rest(kids, marked, direct)[0]  # the list itself, its rest folded, beside its notes
        ):
            break
        container, known = only, heads  # a run of heads just found needs no second look
    children = child_elements(container)
    groups = _date_groups(children, marked, direct)
    if groups:  # «2026»: …, «2025»: …: each group's items are the list's items
        aside.extend(_block_title(children, children.index(group), marked) for group in groups)
        return [item for group in groups for item in _containers(group, marked, direct, name, aside)]
    parts = _list_parts(children, marked, direct)
    if parts:  # the shown items, then the rest folded into a collapsed block: one list in parts
        return [item for part in parts for item in _containers(part, marked, direct, name, aside)]
    folds, notes = _folded_rest(children, marked, direct)
    if folds:  # the first items here, the rest folded after them: one list; what follows is its note
        unfolded = [item for block in folds for item in _containers(block, marked, direct, name, aside)]
        passed = skip | set(folds) | set(notes)
        kept = [c for c in children if c not in passed]
        siblings = repeat is None and (
            container.tag in _LIST_TAGS or _heads(kept, marked) or _content_heads(kept, marked)
        )
        return _grouped(container, marked, siblings, repeat, passed) + unfolded
    joins = _reply_threads(children, marked, direct)
    years = _year_rows(children, marked)
    if years:  # «2025» between the rows: a separator, no item and no item's text
        aside.extend(years)
        skip = skip | set(years)
    if repeat is not None:
        return _grouped(container, marked, False, repeat, skip, joins)
    folded = _folded_log(children, marked, direct, name)
    if folded is not None:  # the newest releases' heading sections, then the older ones' rows
        at, rows = folded
        shown = _shown_rows(children[:at], marked, direct)
        if shown:  # the newest releases' table (or list) of rows, then the older ones' rows
            return shown + rows
        rest = skip | set(children[at:])
        heads = _heads(children[:at], marked)  # dated heads and their text, or whole release sections
        return _grouped(container, marked, heads, skip=rest, joins=joins) + rows
    siblings = (
        container.tag in _LIST_TAGS
        or known
        or _heads(children, marked)
        or _content_heads(children, marked)  # a mixed log: «3.2.1 (date)» + ul beside «3.1.2 (date)<br>…»
    )
    return _grouped(container, marked, siblings, skip=skip, joins=joins)


def _folded_log(
    children: list[Any], marked: set[Any], direct: set[Any], name: str | None
) -> tuple[int, list[Any]] | None:
    """A release log whose newest releases are dated heads each followed by its text (h3 + ul) and
    whose older ones are folded into one block after them («<details><summary>Более ранние
    версии</summary><table>…</table></details>», blind solution_github_readme_vektorsoft_pricelists):
    the folded block is the last dated child and lists two dated rows or more of one kind
    (`_sub_items`; a head holds one date, short or not). The newest releases may also be whole
    sections of one markup, head and text in each, the folded block of another («<div
    class=chakra-stack><h3>Версия 3.6.1</h3>…</div>» ×3, then a `chakra-accordion` of the older ones,
    blind solution_chakra_ui_biryuza_smsnotify). Returns its place among the children and its rows,
    each a release of the same log; what follows it undated (a roadmap) is no release's text. None
    for any other list: a review's thread of replies is no release table (the log only)."""
    if name != "log":
        return None
    dated = [c for c in children if c in marked]
    if len(dated) < 2:
        return None
    last = dated[-1]
    if last in direct:
        return None
    at = children.index(last)
    if all(_thin(c) for c in dated[:-1]):
        if not any(c not in marked for c in children[:at]):
            return None  # heads with no text of their own after them: a list of rows, not sections
    elif any(_kind(c) != _kind(dated[0]) for c in dated[:-1]) or _kind(last) == _kind(dated[0]):
        return None  # whole sections must be of one markup, the folded block of another
    rows = _sub_items(last, marked, direct)
    return (at, rows) if rows else None


def _shown_rows(before: list[Any], marked: set[Any], direct: set[Any]) -> list[Any] | None:
    """The rows of a folded log's newest releases when they are one list of rows themselves (a table
    with a row per release above the accordion of the older ones: blind
    solution_primevue3_tabview_windows1251_bereg_bonus): the one dated block before the folded one
    lists two dated rows or more of one kind (`_sub_items`), else None (heads with their text, or
    whole release sections, are grouped as such)."""
    dated = [c for c in before if c in marked]
    if len(dated) != 1 or dated[0] in direct:
        return None
    return _sub_items(dated[0], marked, direct)


def _noted_list(kids: list[Any], marked: set[Any], direct: set[Any], name: str | None) -> bool:
    """A list's wrapper whose one dated child is a list of _MIN_HEADS dated rows or more of one kind
    (`_sub_items`) beside undated notes: a roadmap line above the releases («В разработке: версия
    5.0.0 …»), a link to the full history below them (a Bootstrap 3 `panel-body` around a
    `list-group`, blind solution_bootstrap3_panel_collapse_sosna_warehouse), who may post above the
    reviews («Отзывы оставляют только покупатели лицензии», a Bitrix `ui-alert` over
    `mp-reviews__list`, blind solution_bxvue3_uikit_redesign_svir_yookassa). The notes are no item:
    the descent goes on into the list. In a log, a note naming something else than the releases
    (`changelog.foreign_title`: «Совместимость модуля с версиями главного модуля:» over its checked
    versions) makes the list that thing's, and the log stays unread. A list of replies
    (`comments.reply_hint` in its class or its rows') is a review's or a message's thread beside its
    undated text: one item, not the list (TS `notedList`)."""
    dated = [c for c in kids if c in marked]
    if len(dated) != 1:
        return False
    rules = table()
    if name == "log" and any(
        c not in marked and rules.search(fold(inline_text(c)), "changelog", "foreign_title") for c in kids
    ):
        return False
    rows = _sub_items(dated[0], marked, direct)
    if rows is None or len(rows) < _MIN_HEADS:
        return False
    return name == "log" or not _replies(dated[0], rows)


def _replies(block: Any, rows: list[Any]) -> bool:
    """Whether a block's class or its rows' names replies (`comments.reply_hint`: «div.replies», a
    flat «ul.children»): a thread under the message before it."""
    classes = fold(" ".join([block.get("class") or ""] + [k.get("class") or "" for k in rows]))
    return table().search(classes, "comments", "reply_hint") is not None


def _folded(block: Any, children: list[Any]) -> bool:
    """A block shown on demand only: hidden by its own markup (`dom.hidden`), a closed `<details>`,
    or right beside a control that unfolds it («Показать ещё 6 версий», `pager.more`)."""
    if hidden(block) or (block.tag == "details" and block.get("open") is None):
        return True
    at = children.index(block)
    near = children[max(at - 1, 0) : at] + children[at + 1 : at + 2]
    return any(
        _controls(c) and table().search(fold(inline_text(c)), "pager", "more") is not None for c in near
    )


def _folded_rest(children: list[Any], marked: set[Any], direct: set[Any]) -> tuple[list[Any], list[Any]]:
    """(folds, notes) of a list whose first items stand right here and whose rest is folded into a
    closed block after them (`_folded`): «<div class=mp-changelog__item>» ×4, then «<div
    class=mp-changelog__more style="display: none">» holding six more of them and a «Показать ещё 6
    версий» button (blind solution_bxvue3_uikit_redesign_svir_yookassa). The dated children open
    with blocks of one kind (`_kind`); the folds follow them, each listing blocks of that kind only
    (`_lists_kind`) and naming no replies (`_replies`: a thread is its message's); _MIN_HEADS
    items in all. The dated blocks of another kind after the folds are the section's notes («Более
    ранние версии (1.0.0 — 4.1.3) выпускались с 22.03.2021»), not items: what follows a list's
    folded rest is no item of it. An item of the shown kind after a fold, or none folded: ([], [])
    (TS `foldedRest`)."""
    holders = [c for c in children if c in marked]
    if len(holders) < 2:
        return [], []
    kind = _kind(holders[0])
    shown = 0
    while shown < len(holders) and _kind(holders[shown]) == kind:
        shown += 1
    folds: list[Any] = []
    for block in holders[shown:]:
        if (
            block in direct
            or not _lists_kind(block, kind, marked, direct)
            or not _folded(block, children)
            or _replies(block, [d for d in block.iter() if d in marked and _kind(d) == kind])
        ):
            break
        folds.append(block)
    notes = holders[shown + len(folds) :]
    if not folds or any(_kind(n) == kind for n in notes):
        return [], []
    rows = sum(1 for block in folds for d in block.iter() if d in marked and _kind(d) == kind)
    return (folds, notes) if shown + rows >= _MIN_HEADS else ([], [])


def _reply_threads(children: list[Any], marked: set[Any], direct: set[Any]) -> set[Any]:
    """Dated children that are the thread of replies to the item before them: a list of dated blocks
    (`_sub_items`) whose class or its rows' names a reply (`comments.reply_hint`: «<div
    class="replies"><div class="reply">…», a flat «ul.children»), of another markup than that item
    (threads of one markup are the items themselves)."""
    found: set[Any] = set()
    before = None
    for child in children:
        if child not in marked:
            continue
        # the kinds first: a child of its item's markup is no thread, whatever it lists
        if (
            before is not None
            and _kind(child) != _kind(before)
            and (sub := _sub_items(child, marked, direct))
        ):
            classes = fold(" ".join([child.get("class") or ""] + [k.get("class") or "" for k in sub]))
            if table().search(classes, "comments", "reply_hint"):
                found.add(child)
                continue
        before = child
    return found


def _list_parts(children: list[Any], marked: set[Any], direct: set[Any]) -> list[Any]:
    """Dated children that are parts of one list: the items shown, then the older ones folded into
    a closed block after a «Показать ещё (2)» control («<div class="mp-reviews">…</div><button>…
    </button><div class="bp5-collapse"><div class="bp5-collapse-body">…</div></div>», Blueprint's
    Collapse, a `<details>`; blind solution_blueprint5_withdrawn_avrora_export1c). Two or more,
    one of them a list of at least `_MIN_HEADS` dated blocks of one kind (`_sub_items`; fewer may be
    one review with its dated answer), and every dated child a list of blocks of that kind (through
    wrappers with one dated child: a folded part may hold a single item), none such a block itself.
    Blocks all of one markup that are no list elements (ul, ol, table) are the repeated items
    themselves, whatever they hold (a review with its answer and a follow-up, messages of one class)."""
    holders = [c for c in children if c in marked]
    if len(holders) < 2:
        return []
    if len({_kind(h) for h in holders}) == 1 and not all(h.tag in _LIST_TAGS for h in holders):
        return []
    subs = [sub for h in holders if (sub := _sub_items(h, marked, direct))]
    kinds = {_kind(sub[0]) for sub in subs}
    if len(kinds) != 1 or not any(len(sub) >= _MIN_HEADS for sub in subs):
        return []
    kind = kinds.pop()
    return holders if all(_lists_kind(h, kind, marked, direct) for h in holders) else []


def _lists_kind(block: Any, kind: tuple[str, str], marked: set[Any], direct: set[Any]) -> bool:
    """Whether a block lists dated blocks of `kind` only, below wrappers with one dated child, with no
    date of its own on the way and without being such a block itself."""
    node = block
    while node not in direct and _kind(node) != kind:
        kids = [k for k in child_elements(node) if k in marked]
        if kids and all(_kind(k) == kind for k in kids):
            return True
        if len(kids) != 1:
            return False
        node = kids[0]
    return False


def _date_groups(children: list[Any], marked: set[Any], direct: set[Any]) -> list[Any]:
    """Dated children that each group the list's items under a date heading («2026», «Ноябрь
    2026»: `_GROUP_TITLE`, a year and at most two more words): two or more, every dated child such
    a group, their dated blocks (one or more each) all of one kind. Not a thread or a topic of
    posts, whose heading names no year."""
    holders = [c for c in children if c in marked]
    if len(holders) < 2:
        return []
    kinds: set[tuple[str, str]] = set()
    for holder in holders:
        sub = [k for k in child_elements(holder) if k in marked] if holder not in direct else []
        title = _block_title(children, children.index(holder), marked) if sub else None
        if title is None or not _GROUP_TITLE.match(fold(inline_text(title))):
            return []
        kinds.update(_kind(k) for k in sub)
    return holders if len(kinds) == 1 else []


def _year_rows(children: list[Any], marked: set[Any]) -> list[Any]:
    """The undated children whose whole text is a year or a month and its year (`listing.year_row`:
    «2025», «Ноябрь 2026») right before a dated child: separators between the list's rows (Quasar's
    «<li class=q-timeline__heading>2025</li>» among the q-timeline's entries, blind
    solution_quasar2_qtabs_koi8_vesta_crm), not the text of the row above them (TS `yearRows`)."""
    rules = table()
    return [
        child
        for child, nxt in pairwise(children)
        if child not in marked
        and nxt in marked
        and len(text := fold(inline_text(child))) <= BARE_HEAD_CHARS
        and rules.search(text, "listing", "year_row") is not None
    ]


def _author_end(listing: Listing, item: Any, first: int, second: int | None, order: dict[Any, int]) -> int:
    """The end of the author slot of an item that opens with its date: its first leaf text with a
    letter (the author; «#2» is a permalink, a cell's tail «Сообщений: 14» is no leaf) and the
    developer badges right after it; without one, everything up to its next date or its end."""
    last = second - 1 if second is not None else max(order[el] for el in item.iter() if el in order)
    badge = table().any_search(("comments", "developer_badge"))
    for at in range(first + 1, last + 1):
        el, own = listing.owns[at]
        leaf = not any(isinstance(child.tag, str) for child in el)
        if leaf and len(own) <= _HEAD_CHARS and _LETTER.search(own):
            while at < last and badge(fold(listing.owns[at + 1][1])):
                at += 1
            return at
    return last


def _worded(own: str) -> bool:
    """Whether words precede the date in an element's own text («Куплено 01.02.2025»), unlike a
    bare date («24.11.2026», «24.11.2026 в 14:30»)."""
    text = fold(own)
    m = date_search(text)
    return m is not None and _LETTER.search(text, 0, m.start()) is not None


def _line_before(el: Any, item: Any) -> str:
    """The text before an element in its parent's line inside its item (its label: «Дата покупки:
    <span>…», «<dt>Куплено</dt><dd>…»), folded: the last `_RELATIVE_CHARS` characters, read
    backwards from the element (no sibling before them is serialised)."""
    parent = el.getparent()
    if el is item or parent is None:
        return ""
    parts: list[str] = []
    size = 0
    sib = el.getprevious()
    while sib is not None and size < _RELATIVE_CHARS:
        text = (inline_text(sib) if isinstance(sib.tag, str) else "") + (sib.tail or "")
        parts.append(text)
        size += len(text)
        sib = sib.getprevious()
    if sib is None:
        parts.append(parent.text or "")
    return fold("".join(reversed(parts)))[-_RELATIVE_CHARS:]


def _not_own(el: Any, own: str, item: Any) -> tuple[bool, str | None]:
    """(whether the element's first date is labelled some other date of the item — bought, edited:
    `reviews.date_not_own` right before it —, a later date of its own text that is not).
    «Ирина · куплено 01.02.2025 · 24.11.2026»: (True, "2026-11-24"). The label is read before the
    date in the element's own text, and — with children — before the first date of its whole line
    («<dd><strong>Зарегистрирован:</strong> Пн фев 03, 2014</dd>»: the label is a child's text).
    A head whose own text dates its edit after a child's date («<b>Ирина</b>, <time datetime=…>2
    июня 2026</time> (отредактирован 20.11.2026)», audit6 case4) is labelled so: the child's bare
    date, next in the item, is its own."""
    text = fold(own)
    m = date_search(text)
    before = text[: m.start()] if m else text
    line = _line_before(el, item) + " "
    labelled = table().search(line + before, "reviews", "date_not_own") is not None
    if not labelled and len(el):
        lead = fold(inline_text(el))
        at = date_search(lead)
        labelled = (
            at is not None
            and table().search(line + lead[: at.start()], "reviews", "date_not_own") is not None
        )
    if not labelled:
        return False, None
    rest = text[m.end() :] if m else ""
    later = date_search(rest)
    if later is None or table().search(rest[: later.start()], "reviews", "date_not_own"):
        return True, None
    return True, parse_date(rest)


def _in_answer(el: Any, item: Any) -> bool:
    """Whether a dated element sits in the item's answer («<div><b>Ответ разработчика</b> (Лендико,
    21.03.2026): …</div>» inside a review): that date is the answer's, not the item's."""
    node = el
    while node is not None and node is not item:
        if _answer_head(node):
            return True
        node = node.getparent()
    return False


def _unsplit(item: Any, first: Any, marked: set[Any]) -> bool:
    """Whether an item is a list of items itself: its first date lies in one of _MIN_HEADS dated
    sibling blocks of one markup or more (`_signature`: review blocks of one class) inside it. The
    list's container was not reached (a summary line above it that no rule knew held the descent
    back), so the item would be one «review» of all the reviews' text, with the first one's date. A
    review's or comment's own answers and replies mostly come after its own dated head (a flat thread's
    replies may repeat its first message's markup: only a list's one item is asked)."""
    node = first
    while node is not item and (parent := node.getparent()) is not None:
        sig = _signature(node)
        if sig is not None:
            alike = sum(1 for s in child_elements(parent) if s in marked and _signature(s) == sig)
            if alike >= _MIN_HEADS:
                return True
        node = parent
    return False


def split_listing(body: Any, name: str | None = None) -> Listing:
    """Items of a tab body in page order, with the date of each (its first dated element). `name`
    is the tab it is (a sub-section titled as another is not its list: `_other_lists`)."""
    owns, dated = _scan(body)
    listing = Listing(body=body, owns=owns)
    if not dated:
        return listing
    marked: set[Any] = set()
    for _, el, _own in dated:
        node = el
        while node is not None and node not in marked:
            marked.add(node)
            if node is body:
                break
            node = node.getparent()
    listing.items = _containers(body, marked, {el for _, el, _own in dated}, name, listing.aside)
    listing.dates = dict.fromkeys(listing.items)
    order = {el: i for i, (el, _) in enumerate(listing.owns)}
    for item in listing.items:
        at = next((order[el] for el in item.iter() if el in order), None)
        if at is not None:
            listing.starts[item] = at
    seconds: dict[Any, int] = {}
    heads: dict[Any, tuple[Any, str]] = {}  # item → its first dated element and text, until settled
    others: set[Any] = set()  # items whose first date is labelled another date («Куплено …»), until settled
    answer_dated: set[Any] = set()  # items whose first date is their answer's (`_in_answer`)
    for at, el, own in dated:
        item = item_of(listing, el)
        if item is not None and item not in listing.firsts:
            listing.firsts[item] = at
            listing.dates[item] = element_date(el, own)
            if listing.dates[item] is None and vague_date(own):
                listing.vague.add(item)
            heads[item] = (el, own)
            other, later = _not_own(el, own, item)
            if later:  # «куплено 01.02.2025 · 24.11.2026» in one text: the second is the item's
                listing.dates[item] = later
                del heads[item]
            elif other:
                others.add(item)
            if _in_answer(el, item):
                answer_dated.add(item)
        elif item is not None:
            if item not in seconds:
                seconds[item] = at
            # «Дата покупки: 01.02.2025», then the review's bare «24.11.2026»: that one is its own
            bare = item in others and not _worded(own) and not _not_own(el, own, item)[0]
            if bare and (date := element_date(el, own)):
                listing.dates[item] = date
                others.discard(item)
                heads.pop(item, None)
                continue
            # the answer came first in the markup (the review's own date floats after it: jQuery
            # Mobile's «<p class="ui-li-aside">17.03.2026</p>» closing the item): the item's own
            # date outside its answer dates it
            if item in answer_dated and not _in_answer(el, item) and (date := element_date(el, own)):
                listing.dates[item] = date
                answer_dated.discard(item)
                heads.pop(item, None)
                continue
            head = heads.get(item)
            # «Куплено 01.02.2025» <span>24.11.2026</span>: a bare date beside a worded one in the
            # item's head line is its own (the words are read only for a second date in that line)
            if head is not None and head[0].getparent() is el.getparent():
                if not _worded(head[1]):
                    del heads[item]  # the first date is bare itself: it stays
                elif not _worded(own) and (date := element_date(el, own)):
                    listing.dates[item] = date
                    del heads[item]
    # the one item of the list only: a thread among others may hold its replies as blocks of its own
    # markup after its first message (GitLab's «li.note» of one discussion)
    listing.unsplit = len(listing.firsts) == 1 and any(
        _unsplit(item, owns[first][0], marked) for item, first in listing.firsts.items()
    )
    for item, first in listing.firsts.items():
        # nothing before the date (a forum post head): the author follows it
        opens = listing.starts.get(item) == first
        listing.author_ends[item] = (
            _author_end(listing, item, first, seconds.get(item), order) if opens else first
        )
    return listing
