"""Scope: the part of a solution page that is about THIS solution (SPEC §3, issue 9).

The marketplace's chrome (header, footer, navigation and their role / class equivalents) and every
block about another solution (carousels, «Другие решения разработчика», «Похожие», «С этим
покупают», sidebar cards) are taken out of the prepared tree before tabs, items or labels are
looked for, so no field extractor can read a fact there, whatever its wording. The rules
(`scope` in shared_rules/labels.json) are structural:

- the page's own code comes from the URL, else the canonical / og:url link, else «Код решения»,
  else the code selectors (hidden input, buy link);
- a block holding the solution's title (h1), its tab machinery or a link to its own code is its
  own content and is never chrome or foreign;
- chrome = header/footer landmarks outside article/aside/main/nav/section, nav and the navigation
  roles, and blocks whose class token or id names a header/footer/menu/banner (those only when they
  hold no date, as a review's «header» does, or sit above the title). A tab bar is kept; breadcrumbs
  inside chrome are kept in the chrome's place (they say what the solution is);
- a foreign block grows from a link to another solution's code: first its card (the largest
  ancestor naming only that code, up to `card_max_chars`), then the group of cards (an ancestor
  whose children are cards or furniture: headings, short digit-free captions). It is foreign when
  it names two or more other codes, or carries a foreign title («Похожие решения»), or sits in a
  sidebar or a promo/banner, or is a card (the link is not a mention inside prose) outside the tab
  panels. A heading about other solutions takes its block even when the cards carry no link.
The removed blocks stay available on `Scope.removed` (detached) for diagnostics.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from mpcheck.extract.dom import (
    css,
    hidden,
    inline_text,
    matches,
    original_url,
    own_text,
    select_all,
    text_without,
)
from mpcheck.extract.items import page_links
from mpcheck.extract.label_table import Table, table
from mpcheck.extract.text import fold, norm

# a solution is named by a link or by a card's data-href / data-url (each extra attribute is one
# more scan of the page: forms and other data-* keys are left out)
# a custom element with an href (Carbon's <cds-button href>, Shoelace's <sl-button href>: web components
# whose shadow root renders the <a>, saved without it) is a link too: a buy block's «Купить» names its code
_LINKS = etree.XPath(
    "//a[@href] | //@data-href/.. | //@data-url/.. | //@href/parent::*[contains(local-name(), '-')]"
)
_LINK_ATTRS = ("href", "data-href", "data-url")
_LINK_CSS = "a[href], [data-href], [data-url]"  # the same links inside one block
_PROSE_CHARS = 3  # a link whose parent has more own text than this is a mention inside prose
_DIGIT = re.compile(r"[0-9]")
MAX_PAGER_CHARS = 200  # a pager's text is short
MAX_HEADING_CHARS = 80  # a block title is short
MIN_LAYER_NAME_CHARS = 3  # a dialog named «X» by one letter or two names no document


@dataclass
class Scope:
    """The page's own code (and where it came from) and the blocks taken out of the tree."""

    code: str | None = None
    code_from: str | None = None
    removed: list[tuple[Any, str]] = field(default_factory=list)

    def count(self, reason: str) -> int:
        """How many blocks were removed as `chrome` or `foreign`."""
        return sum(1 for _, why in self.removed if why == reason)


def _code(text: str | None, rules: Table, *path: str) -> str | None:
    m = rules.search(text or "", *path)
    return m.group(1).lower() if m else None


def link_code(el: Any, rules: Table | None = None) -> str | None:
    """The solution code an element links to (`/solutions/<code>/`, `tobasket.php?ID=<code>`)."""
    rules = rules or table()
    href = next((v for v in map(el.get, _LINK_ATTRS) if v), "")
    if "%" in href:  # a redirector's wrapper (VK's away.php?to=…) names the solution it leads to
        href = original_url(href)
    return _code(href, rules, "scope", "solution_links") if "solutions/" in href or "ID=" in href else None


def own_code(root: Any, url: str | None) -> tuple[str | None, str | None]:
    """The page's own code and its source: the URL wins (a «Код решения» row never overrides it)."""
    rules = table()
    found = _code(url, rules, "urls", "solution_path")
    if found:
        return found, "url"
    for sel, attr in (("link[rel=canonical]", "href"), ("meta[property='og:url']", "content")):
        for el in css(root, sel)[:1]:
            found = _code(el.get(attr), rules, "urls", "solution_path")
            if found:
                return found, "canonical"
    found = _code(fold(inline_text(root)), rules, "scope", "code_text")
    if found:
        return found, "label"
    for _, found in _stated_codes(root, rules):
        return found, "selector"
    return None, None


def _stated_codes(root: Any, rules: Table) -> Iterator[tuple[Any, str]]:
    """(element, code) of each element that states a solution code through `fields.code.selectors`
    (the buy block's hidden «<input id=module value=…>», data-module-code, a tobasket.php?ID= link),
    in selector order."""
    for entry in rules.entries("fields", "code", "selectors"):
        for el in css(root, entry["css"]):
            raw = el.get(entry["attr"]) or ""
            m = re.search(entry["value_re"], raw, re.IGNORECASE) if entry.get("value_re") else None
            found = m.group(1).lower() if m else _code(raw, rules, "fields", "code", "values")
            if found:
                yield el, found


def _mark_up(elements: list[Any], into: set[Any]) -> None:
    """Add every element and its ancestors to `into` (stops at an ancestor already there)."""
    for el in elements:
        while el is not None and el not in into:
            into.add(el)
            el = el.getparent()


def _selector(rules: Table, key: str) -> str:
    return rules.memo(
        f"scope-selector:{key}", lambda t: ", ".join(sel["css"] for sel in t.entries("scope", key))
    )


_QUERIED = ("content", "landmarks", "chrome")  # the scope lists read from the whole page up front
_ROLE_HEADING = "[role=heading]"


def _query(root: Any, rules: Table) -> dict[str, list[Any]]:
    """The whole document's elements of each `_QUERIED` list, and the ARIA headings, from ONE query:
    the lists share attribute scans (`role` is in three of them), and each scan of a long page's
    attribute nodes costs about as much as the split of the lists by `matches` afterwards. Each list
    is in document order, as `_select` gives it."""
    selectors = {key: _selector(rules, key) for key in _QUERIED}
    selectors["headings"] = _ROLE_HEADING
    found = select_all(root, ", ".join(selectors.values()))
    return {key: [el for el in found if matches(el, sel)] for key, sel in selectors.items()}


def _under(el: Any, rules: Table, key: str) -> bool:
    """Whether the element or one of its ancestors matches the `scope.<key>` selectors."""
    selector = _selector(rules, key)
    return any(matches(a, selector) for a in _ancestors(el))


def in_block(el: Any, rules: Table, key: str) -> bool:
    """Whether the element or one of its ancestors below <body> matches the `scope.<key>` selectors:
    a page-level class (Discourse's «<body class="… has-sidebar-page …">», blind
    solution_discourse_lumera_b2bprice) says the page has a sidebar or a promo, not that all of it is one."""
    selector = _selector(rules, key)
    return any(matches(a, selector) for a in _ancestors(el) if a.tag not in ("body", "html"))


def _title_rx(rules: Table) -> Any:
    return rules.any_search(*[("tabs", name, "titles") for name in rules.data["tabs"]])


def _in_page(el: Any) -> bool:
    href = el.get("href")
    return href is None or href.startswith("#") or href.lower().startswith("javascript")


def is_tab_bar(el: Any, rules: Table | None = None, code: str | None = None) -> bool:
    """A bar of in-page tab controls: a `#tab-…` link, or two in-page items titled like tabs. An
    SPA's route tabs count as in-page: links to the page's own solution (`code`) by another path
    («<a href="/solutions/<code>/questions/">Вопросы (6)</a>», only the current route rendered)."""
    rules = rules or table()
    titled = _title_rx(rules)
    hits = 0
    for item in el.iter("a", "button", "label", "li", "summary"):
        if (item.get("href") or "").startswith("#tab-"):
            return True
        route = code is not None and link_code(item, rules) == code
        if (_in_page(item) or route) and titled(fold(inline_text(item))):
            hits += 1
            if hits >= 2:
                return True
    return False


def is_crumbs(el: Any, rules: Table | None = None) -> bool:
    """A breadcrumb trail without a breadcrumb class: two or more links, all into the catalog tree,
    one of them a category, with separators between them. It says what the solution is: kept. An
    archived link is its original (a saved snapshot's trail links the Marketplace through the archive)."""
    rules = rules or table()
    links = list(el.iter("a"))
    hrefs = [original_url((a.get("href") or "").strip()) for a in links]  # a snapshot's trail is the site's
    if len(links) < 2 or not all(rules.search(h, "scope", "crumb_links") for h in hrefs):
        return False
    if not any(rules.search(h, "scope", "crumb_category") for h in hrefs):
        return False
    # the text before the first link and between links is separators only («Каталог: <a>…</a> |
    # …», «подходит для <a>…</a> и <a>…</a>» are no trail); what follows the last link (the
    # current page's name) is free
    full, pieces, pos = inline_text(el), [], 0
    for a in links:
        t = inline_text(a)
        i = full.find(t, pos) if t else -1
        if i >= 0:
            pieces.append(full[pos:i])
            pos = i + len(t)
    seps = rules.rx("scope", "crumb_separators")
    for piece in pieces:
        for p in seps:
            piece = p.sub("", piece)
        if piece.strip():
            return False
    return any(rules.search(piece, "scope", "crumb_separators") for piece in pieces[1:])


# what makes a nav navigate: links, buttons, and a script menu's data-href / onclick spans and roles
_NAV_CONTROLS = (
    "a, button, [role=link], [role=menuitem], [role=tab], [data-href], [data-url], [onclick],"
    " [role=menu], [role=menubar], [role=button]"
)
MAX_TILE_CHARS = 30  # a tile's caption and its value are each a few words


def _tile(el: Any) -> bool:
    """A label/value tile: exactly two text-bearing children (a digit-free caption, a value), each
    short, and no text of its own beside them («<p>Установок</p><p>500 - 999</p>»)."""
    if el.tag == "li" or norm(own_text(el)):
        return False
    parts = [inline_text(c) for c in el if isinstance(c.tag, str)]
    parts = [t for t in parts if t]
    return len(parts) == 2 and all(len(t) <= MAX_TILE_CHARS for t in parts) and not _DIGIT.search(parts[0])


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _linkless_nav(el: Any) -> bool:
    """A `nav` (or navigation role) holding no link or control navigates nowhere: a layout's row of
    stat tiles (Bulma's `nav.level` of «Версия / Установок / Обновлено» tiles, blind
    solution_bulma_level_tiles_ozerokod_crm), the solution's facts, not chrome (TS `linklessNav`).
    Only after the title (a promo bar or a script menu above the h1 is the site's) and only when
    two or more tiles hold all its text (running text and menu items are no tiles)."""
    if not (el.tag == "nav" or el.get("role") == "navigation") or css(el, _NAV_CONTROLS):
        return False
    if css(el, "li") or not el.xpath("preceding::h1"):
        return False
    tiles = [t for t in el.iter(etree.Element) if t is not el and _tile(t)]
    return len(tiles) >= 2 and sum(len(_bare(inline_text(t))) for t in tiles) == len(_bare(inline_text(el)))


def _is_pager(el: Any, rules: Table) -> bool:
    """A list's pager («Отзывы 1–6 из 58», PAGEN_ links, a `<nav>` line of page numbers «1 2
    Следующая» with `?p=2` links: items.page_links) is list furniture, not site navigation."""
    if any("PAGEN_" in (a.get("href") or "") for a in el.iter("a")):
        return True
    text = fold(inline_text(el))
    return len(text) < MAX_PAGER_CHARS and (
        rules.search(text, "pager", "range") is not None or page_links(el, text)
    )


def _has_date(el: Any, rules: Table) -> bool:
    return bool(rules.any_search(("dates", "numeric"), ("dates", "words"))(inline_text(el)))


def _before_title(el: Any) -> bool:
    """An h1 comes after the element in document order, not inside it: a block named like a header
    above the solution's title is the site's, dates and all (a promo line «… с 24.11.2026 по
    01.12.2026 … Демо-режим 30 дней» in it); the dates exception is for a review's «header», which
    sits under the title (TS `beforeTitle`)."""
    return bool(el.xpath("following::h1"))


def _shallow(root: Any, rules: Table, panels: set[Any]) -> Iterator[Any]:
    """Elements within `chrome_class_depth` levels of <body>, in document order, not entering the
    solution's tab panels: site chrome sits at the page's top levels, reviews sit deep."""
    limit = int(rules.data["scope"]["chrome_class_depth"])
    body = next(root.iter("body"), root)
    stack = [(c, 1) for c in reversed(body) if isinstance(c.tag, str)]
    while stack:
        el, depth = stack.pop()
        yield el
        if depth < limit and el not in panels:
            stack.extend((c, depth + 1) for c in reversed(el) if isinstance(c.tag, str))


def _class_hits(root: Any, rules: Table, panels: set[Any]) -> list[Any]:
    """Top-level elements whose class token or id names site chrome (one regex test per value)."""
    patterns = rules.rx("scope", "chrome_class")
    seen: dict[str, bool] = {}
    out: list[Any] = []
    for el in _shallow(root, rules, panels):
        for value in (el.get("class"), el.get("id")):
            if value is None:
                continue
            hit = seen.get(value)
            if hit is None:
                hit = seen[value] = any(p.match(token) for token in value.split() for p in patterns)
            if hit:
                out.append(el)
                break
    return out


def _chrome(
    root: Any,
    rules: Table,
    own: set[Any],
    panels: set[Any],
    queried: dict[str, list[Any]],
    code: str | None = None,
) -> list[tuple[Any, list[Any]]]:
    """Chrome blocks (outermost only, selector order) with the breadcrumbs each one holds."""
    marked: dict[Any, bool] = {}  # candidate → whether it needs the no-date test (class/id hits)
    for el in queried["landmarks"]:
        if not _under(el.getparent(), rules, "sectioning"):
            marked[el] = False
    for el in queried["chrome"]:
        marked.setdefault(el, False)
    for el in _class_hits(root, rules, panels):
        if el.tag not in ("html", "body") and not _under(el.getparent(), rules, "sectioning"):
            marked.setdefault(el, True)
    valid = [
        el
        for el, dated in marked.items()
        if el not in own
        and not _under(el, rules, "keep")
        and not is_tab_bar(el, rules, code)
        and not _is_pager(el, rules)
        and not _linkless_nav(el)
        and not is_crumbs(el, rules)
        and not (dated and _has_date(el, rules) and not _before_title(el))
    ]
    inner = set(valid)
    chosen: list[tuple[Any, list[Any]]] = []
    keep = _selector(rules, "keep")
    for el in valid:
        if any(a in inner for a in _ancestors(el.getparent())):
            continue  # an enclosing chrome block goes, and this one with it
        chosen.append((el, _outermost(el, keep)))
    return chosen


def _outermost(block: Any, keep: str) -> list[Any]:
    """The elements inside a block matching `keep` that are not inside another one, in document order."""
    out: list[Any] = []
    for el in block.iter(etree.Element):
        if el is not block and matches(el, keep) and not any(_inside(el, k) for k in out):
            out.append(el)
    return out


def _ancestors(el: Any) -> list[Any]:
    out = []
    while el is not None:
        out.append(el)
        el = el.getparent()
    return out


def _inside(el: Any, block: Any) -> bool:
    return any(a is block for a in _ancestors(el))


def _text_len(el: Any, cache: dict[Any, int]) -> int:
    if el not in cache:
        cache[el] = len(inline_text(el))
    return cache[el]


def _own_text_len(el: Any) -> int:
    return len(norm(own_text(el)))


def _furniture(el: Any, rules: Table, limit: int) -> bool:
    """Headings and short digit-free captions («Смотреть все») between cards; empty blocks."""
    if not isinstance(el.tag, str):
        return True
    text = inline_text(el)
    if not text:
        return True
    if el.tag in rules.heading_tags or el.get("role") == "heading":
        return len(text) <= 2 * limit
    return len(text) <= limit and not _DIGIT.search(text)


def _titled(block: Any, rules: Table) -> bool:
    """The block or the heading right before it carries a foreign title («Похожие решения»)."""
    heads = [el for el in block.iter() if el.tag in rules.heading_tags][:1]
    prev = block.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    texts = [inline_text(h) for h in heads] + [block.get("aria-label") or "", block.get("title") or ""]
    if prev is not None and len(inline_text(prev)) <= 120:
        texts.append(inline_text(prev))
    return any(rules.search(fold(t), "scope", "foreign_titles") for t in texts if t)


def _declares(a: Any, card: Any, code: str, rules: Table) -> bool:
    """The card states that it is about that other solution: a structured-data item of a solution
    type whose identity is that code (RDFa resource, itemid, its url property), between the link and
    the card, or the card's own «Код решения: <code>». Then it is foreign even when it carries dates
    (the exception kept for reviews) or sits inside the page's own item."""
    el = a
    while el is not None:
        kind = el.get("typeof") or el.get("itemtype")
        if kind and rules.search(kind, "scope", "item_types"):
            for entry in rules.entries("scope", "item_ids"):
                for x in css(el, entry["css"]):
                    if (
                        _code(x.get(entry["attr"]) or x.get("content"), rules, "scope", "solution_links")
                        == code
                    ):
                        return True
        if el is card:
            break
        el = el.getparent()
    if _ours(card, rules):
        return False  # our buy block's dependency note «Требует модуль X (Код решения: X)»
    text = fold(inline_text(card))
    return any(m.group(1).lower() == code for p in rules.rx("scope", "code_text") for m in p.finditer(text))


def _ours(card: Any, rules: Table) -> bool:
    """The card holds the page's h1 or a buy button: it is the solution's own block."""
    if next(card.iter("h1"), None) is not None:
        return True
    for control in css(card, "a, button, input[type=submit], [role=button]"):
        label = control.get("value") if control.tag == "input" else inline_text(control)
        if rules.search(fold(label or ""), "fields", "price", "buy_buttons"):
            return True
    return False


def _note(a: Any, rules: Table) -> Any | None:
    """The footnote or endnote a link sits in (`scope.footnotes`, the innermost: a Word export's
    «<div style='mso-element:footnote'>», not its footnote list), else None."""
    selector = _selector(rules, "footnotes")
    return next(
        (el for el in _ancestors(a) if el.tag not in ("body", "html") and matches(el, selector)), None
    )


def _foreign(links: list[tuple[Any, str]], content: list[Any], own: set[Any], rules: Table) -> list[Any]:
    """Blocks about other solutions (outermost only), grown from their links; a footnote linking one
    is about it as a whole (`_note`)."""
    if not links:
        return []
    codes: dict[Any, set[str]] = {}
    for a, c in links:
        el = a
        while el is not None:
            codes.setdefault(el, set()).add(c)
            el = el.getparent()
    card_max = int(rules.data["scope"]["card_max_chars"])
    limit = int(rules.data["scope"]["furniture_max_chars"])
    panels = {el for el in content if el.tag != "h1"}
    lengths: dict[Any, int] = {}
    blocks: list[Any] = []
    for a, c in links:
        note = _note(a, rules)
        if note is not None and note not in own:
            blocks.append(note)  # «¹ Расширенная версия — <a>…pdfpro</a>: …, демо-режим 30 дней»
            continue
        card = a
        while (parent := card.getparent()) is not None and parent.tag not in ("body", "html"):
            if parent in own or codes[parent] != {c} or _text_len(parent, lengths) > card_max:
                break
            card = parent
        block = card
        while (parent := block.getparent()) is not None and parent.tag not in ("body", "html"):
            if parent in own or parent in panels or _own_text_len(parent) > _PROSE_CHARS:
                break
            if not all(
                ch in codes or _furniture(ch, rules, limit) for ch in parent if isinstance(ch.tag, str)
            ):
                break
            block = parent
        around = _ancestors(block)
        # a lone card: the link is not a mention in prose, and the block is no dated item of ours
        # (a review whose developer answer links another solution stays a review)
        card_like = (
            _own_text_len(a.getparent()) <= _PROSE_CHARS
            and not any(p in panels for p in around)
            and not _has_date(block, rules)
        )
        if (
            len(codes[block]) >= 2
            or _titled(block, rules)
            or in_block(block, rules, "sidebar")
            or in_block(a, rules, "promo")
            or (card_like and block is not a)
            or _declares(a, card, c, rules)
        ):
            blocks.append(block)
    out: list[Any] = []
    chosen = set(blocks)
    for block in blocks:
        if block not in out and not any(a in chosen for a in _ancestors(block.getparent())):
            out.append(block)
    return out


def _feed_foreign(root: Any, rules: Table, own: set[Any], others: list[tuple[Any, str]]) -> list[Any]:
    """Messages of a channel's feed (`scope.feed_messages`) about something else: each message is
    one post on one subject, so one that links another solution's page, or is forwarded from another
    channel (`scope.forwarded`), is foreign as a whole unless it links this solution's page (`own`);
    its dates do not make it one of ours, as they do a review (`_foreign`)."""
    messages = [m for m in css(root, _selector(rules, "feed_messages")) if m not in own]
    if not messages:
        return []
    forwarded = _selector(rules, "forwarded")
    linking = {m for a, _ in others for m in _ancestors(a)}
    return [m for m in messages if m in linking or css(m, forwarded)]


def _sells_here(dialog: Any, rules: Table) -> bool:
    """The dialog holds a buy control that links no solution (a «Купить» button; one linking this
    page's basket makes the dialog `own` already): it is this solution's order dialog, whatever
    module its text links."""
    for control in css(dialog, "a, button, input[type=submit], [role=button]"):
        label = control.get("value") if control.tag == "input" else inline_text(control)
        if (
            rules.search(fold(label or ""), "fields", "price", "buy_buttons")
            and link_code(control, rules) is None
        ):
            return True
    return False


def _dialog_foreign(root: Any, rules: Table, own: set[Any], others: list[tuple[Any, str]]) -> list[Any]:
    """Dialogs (`scope.dialogs`: an upsell «Перейти на новый модуль» a saved page has open over
    itself, a modal hidden until a button opens it) that link another solution's page and not this
    one (`own`), outermost only: a dialog is about ONE subject, so it is that solution's as a whole;
    its dates do not make it one of ours, as they do a review (`_foreign`), and its «Цена» row,
    «Демо-режим 30 дней» and «Версия 1.6.0 от …» are the other solution's (blind
    solution_blueprint5_withdrawn_avrora_export1c). A dialog selling this solution stays (`_sells_here`)."""
    dialogs = [d for d in css(root, _selector(rules, "dialogs")) if d not in own]
    if not dialogs:
        return []
    linking = {m for a, _ in others for m in _ancestors(a)}
    found = [d for d in dialogs if d in linking and not _sells_here(d, rules)]
    chosen = set(found)
    return [d for d in found if not any(a in chosen for a in _ancestors(d.getparent()))]


def _headings(root: Any, rules: Table, aria: list[Any]) -> list[Any]:
    """h1–h6 and [role=heading] in document order (lxml's tag iteration runs in C; ARIA headings
    are rare, so the merge by position is only paid when there are some). `aria` are the page's
    ARIA headings as first queried: those still in the tree are the ones a query would find now."""
    heads = list(root.iter(*rules.heading_tags))
    roles = [el for el in aria if el.tag not in rules.heading_tags and _inside(el, root)]
    if not roles:
        return heads
    order = {el: i for i, el in enumerate(root.iter())}
    return sorted(heads + roles, key=order.__getitem__)


def _heading_text(head: Any, rules: Table) -> str:
    """A heading's text without its chrome (`tab_checks.assistive_text`: MediaWiki's edit link
    «[править]» after «См. также»)."""
    selector = ", ".join(e["css"] for e in rules.entries("tab_checks", "assistive_text"))
    hidden = [h for h in css(head, selector) if h is not head] if len(head) else []
    return (text_without(head, hidden) if hidden else "") or inline_text(head)


def _headed(root: Any, rules: Table, own: set[Any], content: list[Any], aria: list[Any]) -> list[Any]:
    """Blocks under a heading about other solutions («Похожие решения») that hold no link to them
    (cards with onclick, names only): the heading's own block, or its section up to the next heading
    of the same or a higher level. Never the solution's own block, never inside its tab panels."""
    panels = {el for el in content if el.tag != "h1"}
    out: list[Any] = []
    for head in _headings(root, rules, aria):
        if head in own or any(a in panels for a in _ancestors(head)):
            continue  # the cheap tests first: most headings are the solution's own
        text = fold(_heading_text(head, rules))
        if len(text) > MAX_HEADING_CHARS or not rules.search(text, "scope", "foreign_headings"):
            continue
        level = int(head.tag[1]) if head.tag in rules.heading_tags else 2
        parent = head.getparent()
        first = next((c for c in parent if isinstance(c.tag, str)), None) if parent is not None else None
        alone = parent is not None and not any(
            h is not head and int(h.tag[1]) <= level for h in parent.iter(*rules.heading_tags)
        )
        if first is head and alone and parent not in own and parent.tag not in ("body", "html", "main"):
            out.append(parent)  # the heading opens a block of its own: the whole block goes
            continue
        node = head
        while node is not None and node not in own:
            out.append(node)
            node = node.getnext()
            while node is not None and not isinstance(node.tag, str):
                node = node.getnext()
            if node is not None and any(
                h.tag in rules.heading_tags and int(h.tag[1]) <= level for h in node.iter(*rules.heading_tags)
            ):
                break
    return out


def _detach(el: Any, keepers: list[Any]) -> None:
    """Take a block out of the tree, leaving `keepers` (moved out of it) in its place; the text
    right after the block stays where it was."""
    parent = el.getparent()
    if parent is None:
        return
    for keeper in keepers:
        keeper.tail = None  # the chrome's text around a keeper goes with the chrome
        el.addprevious(keeper)
    tail, el.tail = el.tail, None
    prev = el.getprevious()
    if tail and prev is not None:
        prev.tail = (prev.tail or "") + tail
    elif tail:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def _layer_name(layer: Any) -> str:
    """A dialog's accessible name: the text of its own element `aria-labelledby` names (its title
    inside it), else its `aria-label`; folded and lower-cased."""
    ids = (layer.get("aria-labelledby") or "").split()
    for el in layer.iterdescendants(etree.Element) if ids else ():
        if el.get("id") in ids:
            return fold(inline_text(el)).lower()
    return fold(layer.get("aria-label") or "").lower()


def _names_document(root: Any, layer: Any) -> bool:
    """The layer's name is the document's title, or its title's lead before a site suffix
    («<title>X | Trello</title>» over a dialog labelled «X»): the address the page was saved from
    is the item the dialog shows, not the page behind it (a cart drawer «Ваша корзина», a
    «Responses» sidebar, a «Быстрый просмотр» popup name no document)."""
    name = _layer_name(layer)
    title = next(iter(css(root, "title")), None)
    text = fold(inline_text(title)).lower() if title is not None else ""
    if len(name) < MIN_LAYER_NAME_CHARS or not text.startswith(name):
        return False
    rest = text[len(name) :]
    return not rest or not rest[0].isalnum()


def _open_layer(root: Any, rules: Table, code: str | None) -> Any | None:
    """The viewer layer a saved page has open over itself (`scope.layers`: VK's «#wk_layer_wrap»
    showing one wall post, a modal dialog named like the document), when it is shown (no `hidden`,
    no «display: none») and links the page's own solution; else None."""
    if code is None:
        return None
    for entry in rules.entries("scope", "layers"):
        for layer in css(root, entry["css"]):
            if hidden(layer):
                continue
            if entry.get("named") and not _names_document(root, layer):
                continue
            if any(link_code(a, rules) == code for a in css(layer, _LINK_CSS)):
                return layer
    return None


def _behind(layer: Any) -> list[Any]:
    """Take out everything of <body> outside the open layer (the page behind it: a community's wall,
    its sidebar, other posts, the truncated copy of the post the layer shows); the blocks removed."""
    out: list[Any] = []
    el = layer
    while (parent := el.getparent()) is not None and el.tag != "body":
        parent.text = None
        for child in list(parent):
            child.tail = None
            if child is not el:
                parent.remove(child)
                if isinstance(child.tag, str):
                    out.append(child)
        el = parent
    return out


def apply_scope(root: Any, url: str | None) -> Scope:
    """Find the page's own code and take chrome and foreign blocks out of the prepared tree."""
    rules = table()
    code, code_from = own_code(root, url)
    scope = Scope(code=code, code_from=code_from)
    layer = _open_layer(root, rules, code)
    if layer is not None:  # what the reader sees is the layer; the page behind it is background
        scope.removed.extend((el, "background") for el in _behind(layer))
    queried = _query(root, rules)
    content = queried["content"]
    # a site logo set as an h1 inside the site header is not the solution's title when another h1 is
    titles = [el for el in content if el.tag == "h1"]
    outside = [h for h in titles if not _under(h, rules, "landmarks") and not _under(h, rules, "chrome")]
    if outside and len(outside) < len(titles):
        content = [el for el in content if el.tag != "h1" or el in outside]
    linked = [(a, c) for a in _LINKS(root) if (c := link_code(a, rules))]
    own: set[Any] = set()
    # a link to the page itself marks its block as the solution's own, unless it is navigation
    # (breadcrumbs or a menu naming the current page)
    # and so does an element stating the page's own code (the buy block's hidden «<input id=module>»
    # of a withdrawn solution whose sidebar links no page of its own, only a card of another one)
    stated = [el for el, c in _stated_codes(root, rules) if c == code] if code else []
    mine = [
        a
        for a in [a for a, c in linked if c == code] + stated
        if not _under(a, rules, "keep") and not _under(a, rules, "chrome")
    ]
    _mark_up(content + mine, own)
    panels = {el for el in content if el.tag != "h1"}
    for el, keepers in _chrome(root, rules, own, panels, queried, code):
        _detach(el, keepers)
        scope.removed.append((el, "chrome"))
    gone = {el for el, _ in scope.removed}
    others = [(a, c) for a, c in linked if c != code and not any(x in gone for x in _ancestors(a))]
    for el in _feed_foreign(root, rules, own, others):
        _detach(el, [])
        scope.removed.append((el, "foreign"))
    for el in _dialog_foreign(root, rules, own, others):
        _detach(el, [])
        scope.removed.append((el, "foreign"))
    others = [(a, c) for a, c in others if any(x is root for x in _ancestors(a))]  # still in the tree
    for el in _foreign(others, content, own, rules):
        _detach(el, [])
        scope.removed.append((el, "foreign"))
    for el in _headed(root, rules, own, content, queried["headings"]):
        if any(a is root for a in _ancestors(el)):  # not inside a block already taken out
            _detach(el, [])
            scope.removed.append((el, "foreign"))
    return scope
