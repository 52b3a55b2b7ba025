"""The labelled properties: published, updated, version, installs, editions, adaptive, composite, rating."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from mpcheck.extract import values
from mpcheck.extract.context import Page
from mpcheck.extract.dates import find_dates, parse_date
from mpcheck.extract.dom import ancestors, css, inline_text, matches, next_element, own_text, text_without
from mpcheck.extract.items import disclaimed
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, norm

_QUOTES = "«»\"“”„'’"


def _labelled(page: Page, field: str, parse: Callable[[str], Any]) -> Any:
    """Label first, then the field's selector fallbacks (attribute or text); None if nothing parses."""
    hit = page.index.find(field, valid=lambda text: parse(text) is not None)
    if hit:
        value = parse(hit.text)
        if value is not None:
            page.found_by[field] = "label"
            return value
    return _selected(page, field, parse)


def _selected(page: Page, field: str, parse: Callable[[str], Any]) -> Any:
    """The field's selector fallbacks (attribute or text); None if nothing parses."""
    for sel in table().entries("fields", field, "selectors"):
        for el in page.outside(css(page.root, sel["css"])):
            raw = el.get(sel["attr"]) if sel.get("attr") and el.get(sel["attr"]) else inline_text(el)
            value = parse(raw)
            if value is not None:
                page.found_by[field] = "selector"
                return value
    return None


def _label_date(text: str) -> str | None:
    """A labelled date: the value opens with the date («19.11.2026», «с 12.03.2024», «(вчера)»);
    a rest that opens with words («на сайте вендора: 01.03.2021», «документация — 05.05.2025»)
    dates another thing (`date_labels.lead`)."""
    value = parse_date(text)
    if value is None:
        return None
    found = find_dates(text)  # none: the ISO prefix parse_date reads at the very start
    lead = fold(text)[: found[0][0]] if found else ""
    return value if table().search(lead, "date_labels", "lead") else None


def _container(page: Page) -> Any:
    """The main landmark holding the solution's h1 (`date_labels.container`), None when there is none."""
    title = page.first("h1")
    selector = ", ".join(e["css"] for e in table().entries("date_labels", "container"))
    if title is None or not selector:
        return None
    return next((a for a in ancestors(title) if matches(a, selector)), None)


def _partner_since(el: Any, field: str) -> bool:
    """«На Маркетплейсе с 15.03.2015» in the element holding the partner's link or beside it (a
    sibling): the partner's since-date (`fields.<field>.not_own`), not the solution's."""
    sels = [s["css"] for s in table().entries("fields", "partner", "selectors")]
    if not any(css(block, sel) for block in (el, el.getparent()) if block is not None for sel in sels):
        return False
    return table().search(fold(inline_text(el)), "fields", field, "not_own") is not None


def _release_headed(el: Any, field: str) -> bool:
    """Whether a date label sits in the section of one release: the nearest heading before it (a
    preceding sibling of the label or of one of its ancestors) names a version
    (`fields.<field>.release_heading`: «Изменения в версии 3.2.0» over «Выпущено 24 ноября», the
    latest release's box on a file page): that label dates the release, not the solution (TS
    `releaseHeaded`)."""
    rules = table()
    if not rules.entries("fields", field, "release_heading"):
        return False
    for node in ancestors(el):
        prev = node.getprevious()
        while prev is not None:
            if isinstance(prev.tag, str) and prev.tag in rules.heading_tags:
                return rules.search(fold(inline_text(prev)), "fields", field, "release_heading") is not None
            prev = prev.getprevious()
    return False


def _find_own(
    page: Page,
    field: str,
    accept: Callable[[Any], bool],
    valid: Callable[[str], bool],
    foreign: Callable[[Any], bool],
) -> Any:
    """The first label hit whose value is not `foreign`: a label whose value is foreign is skipped
    and the search goes on (a «Опубликовано» caption whose value is a blog post's date block: the
    facts table's row further down is the solution's). Ends: each round skips one more label."""
    skipped: list[Any] = []

    def fresh(el: Any) -> bool:
        return all(el is not s for s in skipped) and accept(el)

    while True:
        hit = page.index.find(field, accept=fresh, valid=valid)
        if hit is None or not foreign(hit):
            return hit
        skipped.append(hit.label)


def _labelled_date(page: Page, field: str) -> str | None:
    """A labelled date; a `time[datetime]` inside the value wins over its text («18 ноября»).
    Inside the solution's main landmark when the page has one (or a sidebar, `date_labels.beside`):
    a label outside counts only when the value it points at is inside (a tooltip after the footer
    describing a props row). A label in the byline of the article the page is (`date_labels.byline`:
    «Обновлено 3 дня назад» under a help-center article's title), or whose value is a post's date
    element there (WordPress `wp-block-post-date`), dates the text, never the solution."""
    block = _container(page)
    beside = ", ".join(e["css"] for e in table().entries("date_labels", "beside"))
    byline = ", ".join(e["css"] for e in table().entries("date_labels", "byline"))

    def inside(el: Any) -> bool:
        return block is None or any(a is block or (beside and matches(a, beside)) for a in ancestors(el))

    def valid(text: str) -> bool:
        return _label_date(text) is not None

    def own(el: Any) -> bool:
        in_byline = bool(byline) and any(matches(a, byline) for a in ancestors(el))
        return not in_byline and not _partner_since(el, field) and not _release_headed(el, field)

    def dated_byline(hit: Any) -> bool:
        return (
            bool(byline)
            and hit.value_el is not None
            and any(matches(a, byline) for a in ancestors(hit.value_el))
        )

    hit = _find_own(page, field, lambda el: inside(el) and own(el), valid, dated_byline)
    if hit is None and block is not None:
        hit = _find_own(page, field, own, valid, dated_byline)
        hit = hit if hit is not None and hit.value_el is not None and inside(hit.value_el) else None
    if hit is None:
        return _selected(page, field, parse_date)
    if hit.value_el is not None:
        for el in css(hit.value_el, "time[datetime]"):
            if inline_text(el) in hit.text:
                exact = parse_date(el.get("datetime"))
                if exact:
                    page.found_by[field] = "label"
                    return exact
    page.found_by[field] = "label"
    return _label_date(hit.text)


MIN_NOUN_BUCKET = 10  # the least bucket a bare noun may follow («10 - 49 сайтов»); below: a licence limit


def _bucket(text: str | None) -> dict[str, Any] | None:
    """An install bucket that is the whole value, its caption («установок», «раз») aside: «100 - 499»,
    «Более 1000 установок»; a bucket inside a longer text is a licence term, a duration or a claim
    («до 3 копий на лицензию», «и настройка — от 1 до 3 дней», «более 1000 (по данным вендора)»)."""
    found = values.installs(text)
    value = norm(text)
    if found is None or not value.startswith(found["label"]):
        return None
    rest = value[len(found["label"]) :]
    if table().search(rest, "fields", "installs", "tail"):
        return found
    noun = (found["min"] or 0) >= MIN_NOUN_BUCKET and table().search(rest, "fields", "installs", "tail_noun")
    return found if noun else None  # «Более 1000 сайтов»; never «до 3 копий» (a licence limit)


def _marketplace_label(el: Any) -> bool:
    """Does the label element start with the Marketplace's own installs label («Количество установок»)?"""
    text = fold(inline_text(el))
    return any(
        pattern.match(text)
        for entry, pattern in zip(
            table().entries("fields", "installs", "labels"), table().label_rx("installs"), strict=True
        )
        if entry.get("marketplace")
    )


def _installs(page: Page) -> dict[str, Any] | None:
    """A whole bucket; the Marketplace's «Количество установок» beats the short labels («Установок:»
    in a head note or the buy block), whatever the document order."""
    hit = page.index.find("installs", accept=_marketplace_label, valid=lambda text: _bucket(text) is not None)
    if hit:
        page.found_by["installs"] = "label"
        return _bucket(hit.text)
    return _labelled(page, "installs", _bucket)


def _edition_name(item: str) -> bool:
    """An edition's name: a 1C-Bitrix edition (`fields.editions.known_names`, any case: «старт») or a
    bundle's name written as a name, its first letter a capital or a digit («Лайт», «PRO», «1С-…»);
    a lower-case word is prose after a label-like wording («Редакция каталога»: the editorial office)."""
    if fold(item).lower() in (table().get("fields", "editions", "known_names") or []):
        return True
    first = next((c for c in item if c.lower() != c.upper() or "0" <= c <= "9"), "")
    return first != first.lower() or "0" <= first <= "9"


def editions(text: str) -> list[str] | None:
    """«"Старт", "Стандарт"» → ["Старт", "Стандарт"]; «—» → None; a range or an exception
    («начиная с «Малый бизнес»», «Старт и выше», «все, кроме Старт») → None: no list of names; an
    item that is no edition's name («Редакция каталога») → None: no list of editions."""
    sep = table().rx("fields", "editions", "values")[0]
    items = [norm(part).strip(_QUOTES + " .") for part in sep.split(norm(text))]
    items = [i for i in items if i and re.search(r"[^\W\d_]", i)]
    if any(table().search(fold(i), "fields", "editions", "not_items") for i in items):
        return None
    if not all(_edition_name(i) for i in items):
        return None
    return items or None


def _chip_row(el: Any) -> Any:
    """The element that holds a value's chips: down through wrappers with one child and no text of
    their own (MUI's ListItemText secondary > Stack > Chip…, blind
    solution_mui5_react_granitlab_loyalty); a wrapper with a word of its own is no mere wrapper."""
    while el is not None:
        kids = [c for c in el if isinstance(c.tag, str)]
        if len(kids) != 1 or norm(el.text) or norm(kids[0].tail):
            return el
        el = kids[0]
    return el


def _chips(el: Any) -> list[str] | None:
    """A value made of chips (<span>Старт</span><span>Стандарт</span>): one name per child."""
    el = _chip_row(el)
    kids = [c for c in el if isinstance(c.tag, str)] if el is not None else []
    names = [inline_text(c) for c in kids]
    if (
        len(kids) < 2
        or not all(names)
        or norm(el.text)
        or any(norm(c.tail) not in ("", ",", ";", "·") for c in kids)
    ):
        return None
    return editions(", ".join(names))


def _dd_run(el: Any) -> list[str] | None:
    """<dt>Редакции</dt><dd>Старт</dd><dd>Бизнес</dd>: one name per dd of the run."""
    names = []
    while el is not None and el.tag == "dd":
        names.append(inline_text(el))
        el = next_element(el)
    return editions(", ".join(names)) if len(names) > 1 else None


def _editions(page: Page) -> list[str] | None:
    """Editions as listed; a value of separate chips is split by element, not by commas."""
    hit = page.index.find("editions", valid=lambda text: editions(text) is not None)
    if hit is not None and hit.value_el is not None and hit.value_el is not hit.label:
        chips = _chips(hit.value_el) or _dd_run(hit.value_el)
        if chips:
            page.found_by["editions"] = "label"
            return chips
    return _labelled(page, "editions", editions)


def _feature(text: str) -> bool | None:
    """A yes / no property (adaptive, composite); a yes bound to a condition in its own clause
    («есть в редакции «Премиум»», «доступна с версии 3.0 (в разработке)») is null
    (`booleans.restricted`), the next sentence is not its clause («да. Нужен модуль … версии 22.0»)."""
    value = values.yes_no(text)
    if value is True and table().search(fold(text), "booleans", "restricted"):
        return None
    return value


READERS: dict[str, Callable[[Page], Any]] = {
    "installs": lambda page: _installs(page),
    "published": lambda page: _labelled_date(page, "published"),
    "updated": lambda page: _labelled_date(page, "updated"),
    "version": lambda page: _labelled(page, "version", values.version),
    "editions": _editions,
    "adaptive": lambda page: _labelled(page, "adaptive", _feature),
    "composite": lambda page: _labelled(page, "composite", _feature),
}


def read_props(page: Page) -> dict[str, Any]:
    """All labelled property fields at once."""
    return {name: read(page) for name, read in READERS.items()}


def _not_in(items: list[Any]) -> Callable[[Any], bool]:
    inside = set(items)
    return lambda el: not any(a in inside for a in ancestors(el))


_BARE_RATING = re.compile(r"^[0-5][.,][0-9]{1,2}$")
MAX_SUMMARY_CHARS = 60  # «4,1 из 5 (12 оценок)»: a summary leaf is short
# leaf elements whose whole text is 3–60 characters: a bare «4,4» (3–4) or a summary «4,1 из 5 (12 оценок)»
_SHORT_LEAVES = etree.XPath(
    "descendant-or-self::*[not(*)][string-length(normalize-space(.)) >= 3]"
    f"[string-length(normalize-space(.)) <= {MAX_SUMMARY_CHARS}]"
)


def _summary_roots(page: Page) -> list[Any]:
    """Where a bare average sits: the reviews tab, and the title's block (h1, its parent, grandparent)."""
    roots = [page.tabs.bodies["rating"]] if "rating" in page.tabs.bodies else []
    title = page.first("h1")
    block = title.getparent() if title is not None else None
    block = block.getparent() if block is not None and block.getparent() is not None else block
    if block is not None and block.tag not in ("body", "html"):
        roots.append(block)
    return roots


def _partner_link(block: Any) -> bool:
    """Does a block hold a link to a partner's page?"""
    return any(css(block, sel["css"]) for sel in table().entries("fields", "partner", "selectors"))


def _partner_block(el: Any) -> bool:
    """The average's block (its parent) names the developer or holds a partner link: the partner's score."""
    block = el.getparent()
    if block is None:
        return False
    names = table().search(fold(inline_text(block)), "fields", "rating", "not_own")
    return names is not None or _partner_link(block)


MAX_PARTNER_CHARS = 200  # a partner's line or card is short; a tab or a props list is longer


def _holds_facts(block: Any) -> bool:
    """Does a block hold a label of another fact of the solution (`rating.facts`: «Версия», «Код решения»)?"""
    fields = table().get("fields", "rating", "facts") or []
    patterns = [p for name in fields for p in table().label_rx(name)]
    return any(any(p.match(fold(own_text(el))) for p in patterns) for el in css(block, "*"))


def _partner_owned(page: Page, el: Any) -> bool:
    """A rating label or widget whose short block holds a partner link (parent or grandparent) or names
    the developer (parent), and neither the title nor another fact's label, is the partner's rating
    («Разработчик: <a>ACME Soft</a> Рейтинг: 4,9», a stars widget next to the partner link). A tab's
    body is no such block: it is short only once its items left the tree (a reviews table's «Ответ
    разработчика» column head is all that stays of it, blind solution_word_export_free_pdfinvoice)."""
    title = page.first("h1")
    block = el.getparent()
    for level in range(2):
        if block is None or block.tag in ("body", "html") or block in page.zones:
            return False
        if len(inline_text(block)) > MAX_PARTNER_CHARS:
            return False
        if title is not None and block in ancestors(title):
            return False
        if (level == 0 and _partner_block(el)) or _partner_link(block):
            return not _holds_facts(block)
        block = block.getparent()
    return False


def _summary(page: Page, not_item: Callable[[Any], bool]) -> float | None:
    """A bare «4,4» in the reviews summary or the head, with reviews wording in its block."""
    found = _summary_leaf(page, not_item)
    return found[0] if found else None


def summary_leaf(page: Page) -> tuple[float | None, Any] | None:
    """The summary's average and its leaf (reviews.py reads the count stated right after it)."""
    return _summary_leaf(page, _not_in(page.review_items))


def _summary_leaf(page: Page, not_item: Callable[[Any], bool]) -> tuple[float | None, Any] | None:
    context = table().any_search(("fields", "rating", "context"))
    leaves = [el for root in _summary_roots(page) for el in _SHORT_LEAVES(root)]
    for el in page.outside(leaves, "rating"):
        if len(el) or not el.text or not not_item(el) or _partner_block(el):
            continue
        whole = table().search(fold(norm(el.text)), "fields", "rating", "summary")
        if whole:  # «4,1 из 5 (12 оценок)»: the average with its count of ratings
            return values.rating(whole.group(1)), el
        # «4,4», or «4,7 из 5» alone in its leaf with the count beside it (`out_of`)
        out_of = table().search(fold(norm(el.text)), "fields", "rating", "out_of")
        if not _BARE_RATING.match(el.text.strip()) and out_of is None:
            continue
        bare = out_of.group(1) if out_of is not None else el.text.strip()
        block = el.getparent()
        for _ in range(2):
            if block is None:
                break
            # an «из 5» of its own is no reviews wording: the words around the leaf must say so
            around = text_without(block, [el]) if out_of is not None else inline_text(block)
            if context(fold(around)):
                return values.rating(bare), el
            block = block.getparent()
    return None


def _no_reviews(page: Page) -> bool:
    """The page says there are no ratings: in its head, or in a reviews tab that holds no review."""
    if table().search(page.head_text(), "fields", "rating", "none"):
        return True
    tab = page.tabs.bodies.get("rating")
    return (
        tab is not None
        and not page.review_items
        and table().search(fold(inline_text(tab)), "fields", "rating", "none") is not None
    )


def _prose_average(page: Page) -> float | None:
    """The average written into a sentence of the reviews section's own text (`rating.prose`: «у
    модуля 23 отзыва и средняя оценка 4,7 из 5», a vendor's article quoting its listing's reviews):
    the section's text outside its items only (they left the tree: a review's «5 из 5» says nothing of
    the average), and never a sentence naming the developer (`rating.not_own`) or another product
    (`rating.prose_other`: a competitor, a comparison, a quoted name). None without one."""
    tab = page.tabs.bodies.get("rating")
    if tab is None:
        return None
    text = fold(text_without(tab, page.review_items))
    m = table().search(text, "fields", "rating", "prose")
    if m is None:
        return None
    start = max(text.rfind(".", 0, m.start()), text.rfind("!", 0, m.start()), text.rfind("?", 0, m.start()))
    sentence = text[start + 1 : m.end()]
    if table().search(sentence, "fields", "rating", "not_own"):
        return None  # «средняя оценка решений партнёра 4,8 из 5»: the developer's score
    if table().search(sentence, "fields", "rating", "prose_other"):
        return None  # «у конкурента «Быстрый поиск» средняя оценка 4,2 из 5»: another product's
    return values.rating(m.group(1))


def rating(page: Page) -> float | None:
    """Average rating: label (head, then the reviews summary), the «no ratings» text, then selectors;
    never the partner's rating next to the partner link (`_partner_owned`), and none at all when the
    page's reviews section disclaims being the Marketplace's (`reviews.not_marketplace`): the stars
    and averages around it are the host's own ratings, not the solution's."""
    section = page.listings.get("rating")
    if section is not None and disclaimed(section, "reviews"):
        page.found_by["rating"] = "text"
        return None
    not_item = _not_in(page.review_items)

    def parses(text: str) -> bool:
        return values.rating(text) is not None

    def own(el: Any) -> bool:
        return not _partner_owned(page, el)

    hit = page.index.find("rating", accept=own, valid=parses) or page.index.find(
        "rating", zones=("rating",), accept=lambda el: not_item(el) and own(el), valid=parses
    )
    if hit:
        page.found_by["rating"] = "label"
        return values.rating(hit.text)
    if _no_reviews(page):
        page.found_by["rating"] = "text"
        return None
    summary = _summary(page, not_item)
    if summary is not None:
        page.found_by["rating"] = "summary"
        return summary
    for sel in table().entries("fields", "rating", "selectors"):
        found = [el for el in page.outside(css(page.root, sel["css"]), "rating") if not_item(el) and own(el)]
        if sel.get("count"):
            value = float(len(found)) if found else None
        else:
            raw = [
                el.get(sel["attr"]) if sel.get("attr") and el.get(sel["attr"]) else inline_text(el)
                for el in found
            ]
            value = next((v for v in map(values.rating, raw) if v is not None), None)
        if value is not None:
            page.found_by["rating"] = "selector"
            return value
    prose = _prose_average(page)  # last: a sentence of the reviews section, where nothing else says
    if prose is not None:
        page.found_by["rating"] = "text"
    return prose
