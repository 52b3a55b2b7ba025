"""Who and what the solution is: code, canonical url, name, kind, withdrawn, partner {id, name}."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from mpcheck.extract.context import Page
from mpcheck.extract.dom import (
    absolute_url,
    ancestors,
    css,
    inline_text,
    jsonld_texts,
    matches,
    original_url,
    own_text,
    text_before,
    text_without,
)
from mpcheck.extract.label_table import table
from mpcheck.extract.labelled import Hit, key_field
from mpcheck.extract.scope import is_crumbs, link_code
from mpcheck.extract.tabs import permalinks
from mpcheck.extract.text import fold, norm

MAX_NOTICE_CHARS = 200  # a withdrawal notice is a banner or a title line, not a paragraph of prose


def _code_from(text: str | None, *path: str) -> str | None:
    m = table().search(text or "", *path)
    return m.group(1).lower() if m else None


def canonical(page: Page) -> str | None:
    """The canonical / og:url link of the page."""
    for sel, attr in (("link[rel=canonical]", "href"), ("meta[property='og:url']", "content")):
        found = css(page.root, sel)
        if found and found[0].get(attr):
            return absolute_url(found[0].get(attr), page.base)
    return None


def code(page: Page) -> str | None:
    """The URL's code when the page was read from one (a «Код решения» row never overrides it: the
    stored snapshots and history are keyed by it); else the label, the canonical path, selectors."""
    if page.scope.code_from == "url" and page.scope.code:
        page.found_by["code"] = "url"
        return page.scope.code
    hit = page.index.find(
        "code", valid=lambda t: _code_from(fold(t).split(" ")[0], "fields", "code", "values") is not None
    )
    if hit:
        value = _code_from(fold(hit.text).split(" ")[0], "fields", "code", "values")
        if value:
            page.found_by["code"] = "label"
            return value
    for candidate in (page.url, canonical(page)):
        value = _code_from(candidate, "urls", "solution_path")
        if value:
            page.found_by["code"] = "url"
            return value
    for sel in table().entries("fields", "code", "selectors"):
        for el in page.outside(css(page.root, sel["css"])):
            raw = el.get(sel["attr"]) if sel.get("attr") else inline_text(el)
            value = _code_from(raw, "fields", "code", "values") if not sel.get("value_re") else None
            if sel.get("value_re"):
                m = re.search(sel["value_re"], raw or "", re.IGNORECASE)
                value = m.group(1).lower() if m else None
            if value:
                page.found_by["code"] = "selector"
                return value
    return None


def page_url(page: Page, solution_code: str | None) -> str | None:
    """Canonical link, else built from the code (no #tab fragment), else the given URL."""
    link = canonical(page)
    linked = _code_from(link, "urls", "solution_path")
    if page.scope.code_from == "url" and linked and linked != solution_code:
        link = None  # a canonical onto another solution («…lite/» → «…pro/»): the code read is the URL's
    if link and _code_from(link, "urls", "solution_path"):
        # the solution's address is its path: a canonical written with a list's state («?PAGEN_2=2»,
        # «?sphrase_id=…») or a tab fragment («#tab-rating-link») names the same page
        return link.split("#")[0].split("?")[0]
    if solution_code:
        return f"{table().data['urls']['base']}/solutions/{solution_code}/"
    return page.url.split("#")[0] if page.url else None


def _at_edge(el: Any, whole: str) -> str | None:
    """The folded text of an element at the start or the end of the text `whole` (a badge sits at an
    edge: «ACME: <span>Новинка</span> сезона» is a name), else None."""
    text = fold(inline_text(el))
    return text if text and (whole.startswith(text) or whole.endswith(text)) else None


def _class_badge(el: Any, whole: str, *path: str) -> bool:
    """An element at an edge of `whole` marked as a badge by a class token (`badge_classes`)."""
    rules = table()
    if _at_edge(el, whole) is None:
        return False
    return any(rules.search(token, *path, "badge_classes") for token in (el.get("class") or "").split())


def _text_badge(el: Any, whole: str, *path: str) -> bool:
    """An element at an edge of `whole` whose text is a badge (`badge_text`) standing apart as a word
    of its own («<b>Хит</b>-парад» is a name)."""
    text = _at_edge(el, whole)
    if text is None or table().search(text, *path, "badge_text") is None:
        return False
    before, after = text_before(el), el.tail or ""
    return (not before or before.rstrip() != before) and (not after or after.lstrip() != after)


def _without_badges(el: Any, *path: str) -> str:
    """The text of an element leaving out the badges inside it (`path`: the table section with the
    badge_classes / badge_text lists): «ACME Soft <span class=badge>Золотой партнёр</span>» → «ACME
    Soft». The badges their text names go first; those only a class marks go too while a name is left
    (BEM marks the name's own span as well: <span class=partner-link__title>ACME Soft</span>). The
    whole text when nothing but badges is there (the badge may be the name's own wrapper). A heading's
    permalink anchors (`tabs.permalinks`) go first of all."""
    by_text: list[Any] = permalinks(el)
    full = text_without(el, by_text) if by_text else inline_text(el)
    whole = fold(full)
    children = [c for c in el.iter(etree.Element) if c is not el]
    for child in children:
        if not any(b in by_text for b in ancestors(child)) and _text_badge(child, whole, *path):
            by_text.append(child)
    by_class: list[Any] = []
    for child in children:
        if any(b in by_text or b in by_class for b in ancestors(child)):
            continue
        if any(_inside(b, child) for b in by_text):
            continue  # holds a badge its text names: that one goes alone
        if _class_badge(child, whole, *path):
            by_class.append(child)
    if by_class and text_without(el, by_text + by_class):
        return text_without(el, by_text + by_class)
    if not by_text:
        return full
    return text_without(el, by_text) or full


def _inside(el: Any, block: Any) -> bool:
    return any(a is block for a in ancestors(el))


def _in_crumbs(el: Any) -> bool:
    """The element sits in a breadcrumb trail (`name.crumbs`: a container below <body> whose text is
    short, `name.crumbs_max_chars`): its text is a crumb («Главная», a category, a cut current page)."""
    rules = table()
    limit = rules.get("name", "crumbs_max_chars")
    selector = ", ".join(sel["css"] for sel in rules.entries("name", "crumbs"))
    for a in ancestors(el):
        if a.tag in ("body", "html"):
            return False
        if matches(a, selector) and isinstance(limit, int) and len(fold(inline_text(a))) <= limit:
            return True
    return False


def _wiki_title(page: Page, el: Any) -> str | None:
    """The page's og:title when `el` is a wiki's own page title (`name.wiki_titles`: MediaWiki's
    h1#firstHeading «Калькулятор доставки в корзине (Marketplace)», the wiki's name of the page) and
    the page declares one that is no site name; else None (the h1 stays)."""
    rules = table()
    selector = ", ".join(sel["css"] for sel in rules.entries("name", "wiki_titles"))
    if not matches(el, selector):
        return None
    for og in css(page.root, "meta[property='og:title']"):
        text = (og.get("content") or "").strip()
        if text and not rules.search(fold(text), "name", "site_names"):
            return text
    return None


_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text).lower())


NAME_WORD_MIN = 3  # shorter words («с», «для», «1С») are no evidence that two titles name one thing
ECHO_TITLE_WORDS = 2  # words a title needs to judge an h1 by


def _name_words(text: str) -> set[str]:
    return {w for w in _words(text) if len(w) >= NAME_WORD_MIN}


STEM_CHARS = 5  # «брошенных корзин» / «Брошенные корзины»: a word's declined forms share their first letters
ENDING_CHARS = 3  # and differ in their endings only («-ами», «-ого», «-ыми»), never in a longer suffix


def _one_word(a: str, b: str) -> bool:
    """Two forms of one word: the same first STEM_CHARS letters at least, and no more than
    ENDING_CHARS letters of either after their common beginning («брошенных» / «брошенные», «модуль» /
    «модулями»; «старт» / «стартовали» are two words)."""
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    return common >= STEM_CHARS and len(a) - common <= ENDING_CHARS and len(b) - common <= ENDING_CHARS


def _share_stem(mine: set[str], text: str) -> bool:
    """Some name word of `text` is one of `mine` or another form of one (`_one_word`): a headline
    declines the name's words («Полтора года пилили модуль брошенных корзин» about «Брошенные корзины
    и напоминания»)."""
    return any(w in mine or any(_one_word(w, m) for m in mine) for w in _name_words(text))


def _echoed(page: Page, text: str) -> bool:
    """The page's own titles (<title>, og:title, each part between separators apart from the
    site's name) echo an h1's name: one shares a word with it, or there is no such part of two words
    or more (or no word in the h1) to judge by. An h1 no title of its page echoes is
    some other heading (a Joomla page's «Главная», a document's «1. Общие сведения»): a null that
    says «check it yourself» is honest, the title's own text may be the site's, not the solution's."""
    rules = table()
    mine = _name_words(text)
    titles = [inline_text(el) for el in css(page.root, "title")]
    titles += [el.get("content") or "" for el in css(page.root, "meta[property='og:title']")]
    for sep in rules.rx("name", "title_separators"):  # «Name — Site»: each part judges alone
        titles = [part for title in titles for part in sep.split(title)]
    site = _site_name(page)
    judges = []
    for part in titles:
        if rules.search(fold(part), "name", "site_names") or _is_site(part, site):
            continue  # the Marketplace's or the site's own name says nothing about the h1
        words = _name_words(part)
        if len(words) >= ECHO_TITLE_WORDS:  # a one-word part («Тест», «Главная») is a placeholder
            judges.append(words)
    return not mine or not judges or any(not mine.isdisjoint(words) for words in judges)


def _shown_title(page: Page, whole: str, cut: str) -> str | None:
    """The name as the page's body shows it, when only the <title> names the solution: a bold or
    large text (`name.shown_title`; an old page's «<font size=4><b>…</b></font>» heading) whose words
    open the <title>'s and go on past its cut at the separator («Ветров Студио: Автосервис — готовый
    сайт для СТО» in a title «Ветров Студио :: Автосервис — готовый сайт для СТО (копия страницы
    Маркетплейса)», cut to «Ветров Студио :: Автосервис»). Words of the title must be left after it
    (the title's own addition, the site's name); the longest such text wins, else None."""
    rules = table()
    title, short = _words(whole), len(_words(cut))
    best: tuple[int, str] | None = None
    selector = ", ".join(sel["css"] for sel in rules.entries("name", "shown_title"))
    for el in page.outside(css(page.root, selector)):
        text = inline_text(el)
        if len(text) > len(whole):
            continue
        words = _words(text)
        opens = short < len(words) < len(title) and title[: len(words)] == words
        if (
            opens
            and (best is None or len(words) > best[0])
            and not rules.search(fold(text), "name", "site_names")
        ):
            best = (len(words), text)
    return best[1] if best else None


STYLED_TITLE_PX = 24.0  # a title's type: body text and an e-mail's section titles are smaller (22px)


def _styled_title(page: Page, title: str) -> str | None:
    """The title an inline-styled document with no heading tag shows by type (an e-mail's «view in
    browser» web copy: MJML's hero «<div style="font-size:32px;font-weight:700">DealerHub: кабинет
    дилера…</div>», its section titles 22px, no h1): the one text set in the page's largest inline font
    size (`name.styled_size`, at least STYLED_TITLE_PX), bold (`name.styled_bold`), short, no site's
    name, and sharing a name word with the <title>. Such a page's <title> is its subject line, a
    headline («DealerHub 3.2.0: рекламации … и скидка 25%»), not the name; else None."""
    rules = table()
    sized: list[tuple[float, Any]] = []
    for el in page.outside(css(page.root, "[style*=font-size]")):
        m = rules.search(el.get("style") or "", "name", "styled_size")
        if m is not None and own_text(el).strip():
            sized.append((float(m.group(1)), el))
    if not sized:
        return None
    top = max(size for size, _ in sized)
    texts = {inline_text(el) for size, el in sized if size == top}
    if top < STYLED_TITLE_PX or len(texts) != 1:
        return None  # no title's type, or two texts in it: which is the name?
    el = next(el for size, el in sized if size == top)
    text = inline_text(el)
    bold = rules.search(el.get("style") or "", "name", "styled_bold") is not None
    if not bold or len(text) > MAX_NAME_CHARS or rules.search(fold(text), "name", "site_names"):
        return None
    return text if not _name_words(text).isdisjoint(_name_words(title)) else None


def _no_title(el: Any) -> bool:
    """The element sits in a dialog or is visually hidden (`name.not_titles`: a cookie consent's
    «<h1>Мы используем cookie</h1>», a screen reader's «<h1 class=visually-hidden>Каталог решений</h1>»):
    no name a reader sees for the page's solution."""
    selector = ", ".join(sel["css"] for sel in table().entries("name", "not_titles"))
    return any(matches(a, selector) for a in ancestors(el) if a.tag not in ("body", "html"))


HOME_PATH = re.compile(r"/?(?:index\.(?:php|html?))?")


def _home_logo(el: Any, page: Page, site: str) -> bool:
    """The element's whole text is one link to the site's home: marked so (rel=home), or onto the root
    path «/» with the text the site's own name (og:site_name, the <title>'s last part after a
    separator): a site's logo in an h1 (a WordPress theme's «<h1 class=site-title><a href=/
    rel=home>ACME Soft</a>» on a vendor's copy of the page), not the solution; a one-product landing's
    «<h1><a href=/>ACME: Обмен</a></h1>» stays (TS `homeLogo`)."""
    links = css(el, "a[href]")
    text = fold(inline_text(el)).lower()
    if len(links) != 1 or fold(inline_text(links[0])).lower() != text:
        return False
    if "home" in (links[0].get("rel") or "").lower().split():
        return True
    titles = [inline_text(t) for t in css(page.root, "title")[:1]]
    tails = [
        part
        for t in titles
        for sep in table().rx("name", "title_separators")
        for part in sep.split(t)[1:][-1:]
    ]
    if text != site and text not in (fold(t).lower() for t in tails):
        return False
    href = (links[0].get("href") or "").strip()
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    if not href or href.startswith(("#", "?")) or parts.query or parts.fragment:
        return False
    return HOME_PATH.fullmatch(parts.path) is not None


BANNER_MARKS = ("header", "banner", "masthead")
_SEPARATOR_CHARS = " :—–-|·"


def _in_banner(el: Any) -> bool:
    """The element sits in the page's header (a <header>, role=banner, an id / class with «header»,
    «banner», «masthead»: Blogger's div.header-outer, phpBB's #page-header)."""
    for a in ancestors(el):
        if a.tag in ("body", "html"):
            return False
        marks = f"{a.get('id') or ''} {a.get('class') or ''} {a.get('role') or ''}".lower()
        if a.tag == "header" or any(m in marks for m in BANNER_MARKS):
            return True
    return False


def _site_heading(el: Any, page: Page) -> Any | None:
    """An h1 of the page's header that names the site, not the page's item: its text is one end of the
    <title>, and the title's other end (past a separator or a colon) is the text of an h2 / h3 of the
    page outside the header (Blogger's «Блог Ветров Софт: <post title>» over h3.post-title, phpBB's
    «<topic> - Форум поддержки …» over h2.topic-title). A one-product landing's h1 that the <title>
    opens («ACME: Обмен — ACME Soft») stays: no heading says «ACME Soft»; nor does a section's one
    word («ACME: Обмен — Описание» over h2 «Описание»). That heading, else None (TS `siteHeading`)."""
    if not _in_banner(el):
        return None
    text = fold(inline_text(el)).lower()
    titles = [fold(inline_text(t)).lower() for t in css(page.root, "title")[:1]]
    if not text or not titles or titles[0] == text:
        return None
    title = titles[0]
    if title.startswith(text) and title[len(text)] in _SEPARATOR_CHARS:
        rest = title[len(text) :].lstrip(_SEPARATOR_CHARS)
    elif title.endswith(text) and title[-len(text) - 1] in _SEPARATOR_CHARS:
        rest = title[: -len(text)].strip(_SEPARATOR_CHARS)
    else:
        return None
    if len(_words(rest)) < 2:
        return None
    for h in page.outside(css(page.root, "h2, h3")):
        if fold(inline_text(h)).lower() == rest and not _in_banner(h):
            return h
    return None


def _without_bracket_kind(text: str) -> str:
    """A title leaving out a forum topic's bracketed kind prefix («[Готовый сайт] Северный ветер: …»,
    the bracket's text a `name.kind_words` entry); the text itself otherwise."""
    end = text.find("]")
    if not text.startswith("[") or end < 0 or not text[end + 1 :].strip():
        return text
    if table().search(fold(text[1:end]).strip(), "name", "kind_words") is None:
        return text
    return text[end + 1 :].lstrip()


MAIN_ITEM_PROPS = ("mainentity", "mainentityofpage")


def _nested_item(el: Any) -> bool:
    """An itemprop=name of an item nested as another item's property (author, brand, publisher,
    offers, review: «<div itemprop=author itemscope><span itemprop=name>ACME Soft</span></div>»): that
    item's name, not the solution's. The page's own item is a top-level itemscope (or a WebPage's
    mainEntity) (TS `nestedItem`)."""
    parent = el.getparent()
    for a in ancestors(parent) if parent is not None else ():
        if a.get("itemscope") is not None:
            props = (a.get("itemprop") or "").lower().split()
            return bool(props) and not any(p in MAIN_ITEM_PROPS for p in props)
    return False


def _site_name(page: Page) -> str:
    """The folded, lower-cased og:site_name of the page («ACME Soft» on a vendor's site), else ""."""
    for meta in css(page.root, "meta[property='og:site_name']"):
        return fold(meta.get("content") or "").lower()
    return ""


def _is_site(text: str, site: str) -> bool:
    folded = fold(text)
    return bool(table().search(folded, "name", "site_names")) or (bool(site) and folded.lower() == site)


def _without_site_tail(text: str, site: str) -> str:
    """An og:title leaving out the site's name after its last separators («ACME: Обмен — 1С-Битрикс
    Маркетплейс», «… | ACME Soft» with og:site_name «ACME Soft»); the text itself otherwise."""
    while True:
        cuts = [m for sep in table().rx("name", "title_separators") for m in sep.finditer(text)]
        last = max(cuts, key=lambda m: m.start(), default=None)
        if last is None or not text[: last.start()].strip() or not _is_site(text[last.end() :], site):
            return text
        text = text[: last.start()].rstrip()


# where a space goes between two glued children: after a clause's punctuation («ACME:» + «Обмен»), before a
# dash or a bracket; never inside a word split for colour («1С-» + «Битрикс», «Bitrix» + «24», «Лид» +
# «Мастер»)
SPACE_BETWEEN = re.compile(r"^(?:[:;,.!?»”)—–][^\s0-9:;,.!?)»”\]]|[^\s(«„“\[][—–(«„“])$")


def _spaced(el: Any, text: str) -> str:
    """The text of an element made only of element children with no space between them, read with a
    space between the children («<h1><span>ACME:</span><span>Обмен заказами</span></h1>», a flex row
    whose gap the styles draw: «ACME: Обмен заказами», not «ACME:Обмен»); `text` itself when the
    element has text of its own between them or badges were left out of it (TS `spaced`)."""
    children = [c for c in el if isinstance(c.tag, str)]
    if len(children) < 2 or (el.text or "").strip() or any((c.tail or "").strip() for c in el):
        return text
    pieces = [inline_text(c) for c in children]
    if norm("".join(pieces)) != text:
        return text
    joined = ""
    for piece in (p for p in pieces if p):
        spaced = joined and SPACE_BETWEEN.search(joined[-1] + piece[0])
        joined += " " + piece if spaced else piece
    return norm(joined)


MAX_NAME_CHARS = 120  # a labelled name is a title, not a sentence
NAME_PAIRS = ("rest", "pair", "tail", "next", "attr-value", "text")  # the label's own slot or its pair
_LEAD_SEPARATORS = " ·:—–-|"


def _kind_word(el: Any) -> Any | None:
    """The title's leading kind word as an element of its own (`name.kind_words`): «<h1><span>Модуль
    </span> <span>Lumenix: Защита форм от спама</span></h1>», the record type before the name. Only
    the first child with text (nothing but icons before it, no bare text), with a name left after it
    that does not open in lower case («<b>Модуль</b> обмена с 1С» is a name written out)."""
    if (el.text or "").strip():
        return None
    for child in el:
        text = fold(inline_text(child)) if isinstance(child.tag, str) else ""
        if not text:
            if (child.tail or "").strip():
                return None  # bare text before any word element
            continue  # an icon (or a comment) before the word
        if table().search(text, "name", "kind_words") is None:
            return None
        rest = text_without(el, [child]).lstrip(_LEAD_SEPARATORS)
        return child if rest and not rest[0].islower() else None
    return None


def _without_kind_word(el: Any, text: str) -> str:
    """`text` (the element's text, badges left out) without the title's leading kind word."""
    word = _kind_word(el)
    lead = inline_text(word) if word is not None else ""
    if lead and text.startswith(lead):
        return text[len(lead) :].lstrip(_LEAD_SEPARATORS) or text
    return text


def _in_own_link(el: Any, page: Page) -> bool:
    """The element sits in a link to the page's own solution (its code is the page's)."""
    while el is not None:
        if el.tag == "a":
            return page.own_code is not None and link_code(el) == page.own_code
        el = el.getparent()
    return False


def _selector_name(page: Page) -> tuple[str | None, bool]:
    """The h1 (outside tabs), else microdata / og:title, else <title> cut at the site separator; an
    entry with a `page` selector only on a document that matches it (a Word export's MsoTitle). A
    document's section heading («1. Общие сведения», `name.section_headings`) is passed over.
    With it: whether the page's titles echo it (`_echoed`; always for a name that is no h1's)."""
    rules = table()
    site = _site_name(page)
    for sel in rules.entries("name", "selectors"):
        if sel.get("page") and not css(page.root, sel["page"]):
            continue  # not that kind of document (a Word export's Title paragraph on a Word page only)
        for el in page.outside(css(page.root, sel["css"])):
            if not sel.get("attr") and (_in_crumbs(el) or _no_title(el) or _home_logo(el, page, site)):
                continue  # a crumb, a dialog's or a hidden heading, the site's logo: not the solution
            if sel.get("own_link") and not _in_own_link(el, page):
                continue  # a link preview of another page names that page
            own = _site_heading(el, page) if sel["css"] == "h1" else None
            if own is not None:  # the header's h1 names the site, the page's own title is below it
                return _without_bracket_kind(_without_badges(own, "name")), True
            if sel["css"] == "[itemprop=name]" and _nested_item(el):
                continue  # the author's, the brand's, an offer's name
            if sel.get("attr"):
                text = _without_site_tail((el.get(sel["attr"]) or "").strip(), site)
                if text and _is_site(text, site):
                    continue  # og:title names only the site («ACME Soft», og:site_name)
            else:
                text = _spaced(el, _without_kind_word(el, _without_badges(el, "name")))
            if sel["css"] == "title" and (styled := _styled_title(page, text)):
                return styled, True  # no heading tag: the page's title by its type, not its subject line
            if sel["css"] == "title":
                whole = text
                for sep in rules.rx("name", "title_separators"):
                    text = sep.split(text)[0]
                text = _shown_title(page, whole, text) or _without_bracket_kind(text)
            if not text:
                break  # an empty element: the next selector, as before
            if rules.search(fold(text), "name", "site_names"):
                continue  # the site's logo, not the solution
            if rules.search(fold(text), "name", "section_headings"):
                continue  # a document's section heading («1. Общие сведения»), not the solution
            if sel["css"] != "h1":
                return text, True
            wiki = _wiki_title(page, el)
            return (wiki, True) if wiki else (text, _echoed(page, text))
    return None, True


def _labelled_name(page: Page, shown: str | None) -> str | None:
    """The value of a name label of the solution's own facts (`name.labels`: «Название на
    Маркетплейсе | Восток Софт: Автозапчасти PRO»), page-level, read from the label's own slot or its
    pair (never a header row over a column), one pair of quotes around it left out (`name.value_quotes`).
    It must be a short name (no sentence, no lower-case opening as advice has, «Решение: обновите …», no
    column heading `label_not_values`, no site name) and share a word or a word's stem (`_share_stem`)
    with the name the h1 / title gives (`shown`): an edition card's «Название: Старт» is no name of the
    solution."""
    rules = table()
    mine = _name_words(shown or "")

    def short(text: str) -> bool:
        folded = fold(text)
        return (
            len(text) <= MAX_NAME_CHARS
            and not text[:1].islower()  # «Решение: обновите модуль до 3.2»: advice, no name
            and not any(ch in text for ch in "!?;")
            and rules.search(folded, "name", "label_not_values") is None
            and rules.search(folded, "name", "site_names") is None
        )

    hit = page.index.find("name/labels", valid=short)
    if hit is None or hit.source not in NAME_PAIRS:
        return None
    text = hit.text[1:-1].strip() if rules.search(hit.text, "name", "value_quotes") else hit.text
    if (not mine or not _share_stem(mine, text)) and not _card_of_own_code(page, hit.label):
        return None
    return text


CARD_BLOCKS = ("table", "dl", "ul", "ol")  # the facts block a name label and its fellow labels share


def _card_of_own_code(page: Page, label: Any) -> bool:
    """The name label sits in one facts block (its nearest table / dl / list) with a code label whose
    value is the page's own code («Название | Ладога: …» beside «Код решения | ladogasoft.b2bprice» in a
    card quoted on a GitLab issue whose h1 is the issue's title): the block is the solution's own card,
    so its name needs no word shared with the h1. An edition's or another solution's card states no
    code or another one (TS `cardOfOwnCode`)."""
    own = page.scope.code
    block = next((a for a in ancestors(label) if a.tag in CARD_BLOCKS), None)
    if not own or block is None:
        return False

    def is_own(text: str) -> bool:
        return _code_from(fold(text).split(" ")[0], "fields", "code", "values") == own

    return page.index.find("code", accept=lambda el: _inside(el, block), valid=is_own) is not None


def _card_title(page: Page, headline: str) -> str | None:
    """The title of this solution's own card on an article about it: the one heading of the largest
    block around a link to the solution's own page (`_own_card_heads`), sharing a word with the
    article's headline (`headline`, its review word left out). A blog's product card «<h4>Люмен.Клиника
    — сайт медицинского центра</h4> … <a href=/solutions/lumenweb.clinic/>» names the solution; a call
    to action around the same link («Попробуйте 30 дней бесплатно») shares no word with the headline
    (TS `cardTitle`)."""
    mine = _name_words(headline)
    if not mine:
        return None
    for heads in _own_card_heads(page):
        if len(heads) == 1 and not mine.isdisjoint(_name_words(heads[0])):
            return heads[0]
    return None


def _own_card_heads(page: Page) -> list[list[str]]:
    """The headings of each card around a link to the solution's own page (`link_code` is the page's
    code; the card is the largest block around the link whose text stays within a card,
    `scope.card_max_chars`), in page order (TS `ownCardHeads`)."""
    own = page.scope.code
    if not own:
        return []
    card_max = int(table().data["scope"]["card_max_chars"])
    cards = []
    for a in css(page.root, "a[href]"):
        if link_code(a) != own:
            continue
        card = a
        while (parent := card.getparent()) is not None and parent.tag not in ("body", "html"):
            if len(fold(inline_text(parent))) > card_max:
                break
            card = parent
        cards.append([norm(inline_text(head)) for head in card.iter(*table().heading_tags)])
    return cards


def _bare_quotes(text: str) -> str:
    """The folded text without the quotes around it («Планировщик» → планировщик)."""
    text = fold(text).strip()
    for quotes in table().rx("name", "bold_quotes"):
        text = quotes.sub("", text)
    return text


def _offsite_card_title(page: Page, headline: str) -> str | None:
    """On a page that is another site's (its canonical / og:url is no Marketplace solution address: a
    story on a publishing platform, a blog post), the h1 is the article's headline («Три года продаю
    модуль …: цифры, отзывы и ошибки»). When it shares no word with the title of the solution's own
    link card and the body names the solution just so in bold (`name.shown_title`: «Модуль называется
    <strong>«X»</strong>» besides a link card «<h2>X</h2> … <a href=/solutions/<code>/>»), the card
    names the solution: two places of the author's own agree. A call to action around the link
    («Попробуйте 30 дней бесплатно») is never also the body's bold name (TS `offsiteCardTitle`)."""
    link = canonical(page)
    if not link or _code_from(link, "urls", "solution_path"):
        return None  # the solution's own listing (or no address to tell by): its h1 is the name
    mine = _name_words(headline)
    selector = ", ".join(sel["css"] for sel in table().entries("name", "shown_title"))
    bold = {_bare_quotes(inline_text(el)) for el in page.outside(css(page.root, selector))}
    for heads in _own_card_heads(page):
        for title in heads:  # a link card's title, its subtitle (a mixtape's h2 + h3)
            words = _name_words(title)
            if words and mine.isdisjoint(words) and _bare_quotes(title) in bold:
                return title
    return None


def name(page: Page) -> str | None:
    """A name label of the solution's own facts («Название на Маркетплейсе: …», `_labelled_name`),
    else the h1 (outside tabs), else microdata / og:title, else <title> cut at the site separator.

    A wiki's own page title in the h1 (`_wiki_title`) gives way to the page's og:title; an h1 that
    no title of the page echoes (`_echoed`) gives no name, and a review's headline («Обзор: X — …»,
    `name.article_headlines`) gives way to the title of the solution's own card (`_card_title`), else none.

    Badges inside the element are left out («Хит продаж», «−30%»), and so is a leading kind word of
    its own (`_kind_word`: «<span>Модуль</span> <span>Lumenix: …</span>»); an element that says only
    the site's name (a header logo in an h1: «1С-Битрикс: Маркетплейс») is passed over for the next,
    and so is a crumb of a breadcrumb trail (a BreadcrumbList's «<span itemprop=name>Главная</span>»)."""
    shown, echoed = _selector_name(page)
    labelled = _labelled_name(page, shown)
    if labelled:
        page.found_by["name"] = "label"
        return labelled
    if not echoed:
        return None  # an h1 the page's own titles do not echo: some other heading, not the name
    headline = table().search(fold(shown or ""), "name", "article_headlines")
    if headline:  # «Обзор: X — что нового в 3.2» is the article's title: its card names X, else no name
        shown = _card_title(page, fold(shown or "")[headline.end() :])
    elif shown and (story := _offsite_card_title(page, shown)):
        shown = story  # another site's article: its headline is its own, the solution's card names it
    if shown:
        page.found_by["name"] = "selector"
    return shown


def _kind_of_text(text: str) -> str | None:
    """«Готовый интернет-магазин» → site, «Модули» → module, else None; the earlier wording wins
    («Модуль для готового интернет-магазина» is a module); site wording after «для / под / на базе»
    or a tool noun is what an add-on works on («Быстрый поиск для готовых магазинов»), no site."""
    rules, folded = table(), fold(text)
    site = rules.search(folded, "kind", "site_text")
    if site and rules.search(folded[: site.start()], "kind", "site_text_not_after"):
        site = None  # «Поиск для готовых магазинов», «Конструктор шаблонов сайта»: an add-on, a tool
    module = rules.search(folded, "kind", "module_text")
    if site and (module is None or site.start() <= module.start()):
        return "site"
    return "module" if module else None


def _kind_of_crumbs(page: Page) -> tuple[str | None, bool]:
    """Breadcrumbs (links, then a JSON-LD BreadcrumbList): a site category id or wording wins.

    Also whether a crumb's own wording names a module («Модули», «Интеграция»): a category id alone
    is weak (ready-made sites sit in industry categories too), the wording is the catalogue's word.
    """
    rules = table()
    site_ids = set(rules.data["kind"]["site_category_ids"])
    said: str | None = None
    worded = False
    groups = [
        [
            (a.get("href") or "", inline_text(a))
            for sel in rules.entries("kind", "breadcrumbs")
            for a in css(page.root, sel["css"])
        ]
    ]
    # a trail with no breadcrumb class (nav / ol / ul of catalog links with separators, or an
    # element holding a category link outside the header / footer: <div>Маркетплейс / <a>Модули</a>
    # / …</div>; scope.is_crumbs)
    trails = css(page.root, "nav, ol, ul")
    for a in page.root.iter("a"):
        parent = a.getparent()
        if (
            parent is not None
            and parent not in trails
            and rules.search(a.get("href") or "", "scope", "crumb_category")
            and not any(el.tag in ("header", "footer") for el in ancestors(parent))
        ):
            trails.append(parent)
    groups += [
        [(a.get("href") or "", inline_text(a)) for a in trail.iter("a")]
        for trail in trails
        if is_crumbs(trail, rules)
    ]
    jsonld = "\x1e".join(jsonld_texts(page.root))
    if "BreadcrumbList" in jsonld:
        groups.append([(m.group(0), "") for m in re.finditer(r"[^\"\s]*category[/=][0-9]+[^\"\s]*", jsonld)])
    for group in groups:
        if {"site", "module"} <= {_kind_of_text(text) for _, text in group if text}:
            continue  # «Готовые сайты › Модули › Сервисы»: a menu of categories, not a trail
        for href, text in group:
            m = rules.search(href, "urls", "category")
            if m and int(m.group(1)) in site_ids:
                return "site", False
            by_text = _kind_of_text(text) if text else None
            if by_text == "site":
                return "site", False
            worded = worded or by_text == "module"
            said = said or by_text or ("module" if m else None)
    return said, worded


MAX_BUNDLE_LEAD = 40  # how far before «+ лицензия «Старт»» the thing sold with the licence is named
CLAUSE_END = re.compile(r"[.!?;:]")


def _site_bundle(text: str) -> bool:
    """The head offers the solution in a bundle with a 1C-Bitrix licence (kind.bundle_text), and
    the words right before it in its clause do not name a module («Комплект: модуль + лицензия
    «Старт»» is a module's offer; a ready-made shop is what is sold that way) (TS `siteBundle`)."""
    rules = table()
    for pattern in rules.rx("kind", "bundle_text"):
        for m in pattern.finditer(text):
            lead = CLAUSE_END.split(text[max(0, m.start() - MAX_BUNDLE_LEAD) : m.start()])[-1]
            if not rules.search(lead, "kind", "module_text"):
                return True
    return False


def kind(page: Page) -> str | None:
    """`site` for ready-made sites/shops, `module` for modules, None when nothing on the page says.

    Site evidence: a category-14 or ready-made-site breadcrumb, a kind label («Тип решения: Готовый
    сайт»), then, unless a breadcrumb's own wording names a module («Модули», «Интеграция»: the
    catalogue's word beats the vendor's title and a licence offer), ready-made wording in the h1 /
    title, edition bundles with a 1C-Bitrix licence, the bundle chooser. Module evidence: another
    category in the breadcrumbs, module wording there or in the h1 / title / kind label. With
    neither, the table's `default`.
    """
    rules = table()
    crumbs, crumbs_worded = _kind_of_crumbs(page)
    hit = page.index.find("kind", valid=lambda t: _kind_of_text(t) is not None)
    labelled = _kind_of_text(hit.text) if hit else None
    titles = []
    for sel in ("h1", "title"):
        el = page.first(sel)
        if el is not None:
            titles.append(inline_text(el))
    og = css(page.root, "meta[property='og:title']")
    titles += [og[0].get("content") or ""] if og else []
    by_title = [k for k in map(_kind_of_text, titles) if k]
    bundles = _site_bundle(page.head_text()) or any(
        page.first(sel["css"]) is not None for sel in rules.entries("kind", "site_markers")
    )
    for source, said in (("breadcrumbs", crumbs), ("label", labelled)):
        if said == "site":
            page.found_by["kind"] = source
            return "site"
    if crumbs_worded:
        page.found_by["kind"] = "breadcrumbs"
        return "module"
    if labelled == "module":  # «Тип решения: Модуль» beats ready-made wording in a module's title
        page.found_by["kind"] = "label"  # («Перенос готового сайта с Tilda») and a licence offer
        return "module"
    if "site" in by_title:
        page.found_by["kind"] = "title"
        return "site"
    if bundles:
        page.found_by["kind"] = "bundles"
        return "site"
    for source, said in (
        ("breadcrumbs", crumbs),
        ("label", labelled),
        ("title", by_title[0] if by_title else None),
    ):
        if said == "module":
            page.found_by["kind"] = source
            return "module"
    for tab in ("about", "install"):  # the vendor's own text, when nothing above says
        body = page.tabs.bodies.get(tab)
        if body is not None and rules.search(fold(inline_text(body)), "kind", "site_description"):
            page.found_by["kind"] = "description"
            return "site"
    default = rules.data["kind"].get("default")
    return str(default) if default else None


def _names_other(sentence: str, own_name: str | None) -> bool:
    """The sentence names another solution in quotes («Модуль «ACME: Обмен 1.x» снят с публикации»):
    a quoted name that is neither part of this page's name nor holds it, or that opens this page's name
    before a version or an edition (`withdrawn_successor_suffix`: «Импорт прайсов» on «Импорт прайсов
    2.0», the predecessor). Unknown own name: False."""
    rules = table()
    mine = fold(own_name).lower() if own_name else ""
    if not mine:
        return False
    for pattern in rules.rx("withdrawn_quoted"):
        for m in pattern.finditer(sentence):
            quoted = m.group(1).strip().lower()
            if quoted and quoted not in mine and mine not in quoted:
                return True
            successor = quoted and quoted != mine and mine.startswith(quoted)
            if successor and rules.search(mine[len(quoted) :], "withdrawn_successor_suffix"):
                return True
    return False


def _links_other_before(page: Page, el: Any, own_name: str | None) -> bool:
    """The notice's sentence before «снят с публикации», read with its children's text, names
    another solution: by a quoted name, or by the text of a link to another solution's page."""
    full = fold(inline_text(el))
    m = table().search(full, "withdrawn")
    if m is None:
        return False
    sentence = re.split(r"[.!?](?:\s|$)", full[: m.start()])[-1]
    if _names_other(sentence, own_name):
        return True
    for a in css(el, "a[href]"):
        code, text = link_code(a), fold(inline_text(a))
        if code and code != page.own_code and text and text in sentence:
            return True
    return False


def withdrawn(page: Page) -> bool:
    """«снят с публикации» as a notice about this solution, outside the user-written tabs: in a short
    element (a banner, the title) or opening its text, never in a sentence about something else
    («заменяет модуль X, который снят с публикации», «Модуль «X» снят с публикации» on the page of
    Y), nor narrowed to a part of the offer («больше не продается для редакции «Старт»»)."""
    rules = table()
    if rules.search(page.head_text(), "withdrawn") is None:
        return False  # the cheap test first: the element scan below runs only on such a page
    own_name = name(page)
    for el in page.root.iter(etree.Element):
        own = fold(own_text(el))
        m = rules.search(own, "withdrawn") if own else None
        if m is None or page.zone_of(el) is not None:
            continue
        if rules.search(own[m.end() :], "withdrawn_count"):
            continue  # «Снято с публикации — 12»: a count of the catalogue's solutions
        if rules.search(own[m.end() :], "withdrawn_partial"):
            continue  # «… больше не продается для редакции «Старт»»: one edition, not the solution
        sentence = re.split(r"[.!?](?:\s|$)", own[: m.start()])[-1]  # «Версия 1.x …» stays one sentence
        if rules.search(sentence, "withdrawn_other"):
            continue
        if _names_other(re.split(r"[.!?](?:\s|$)", own[: m.start()])[-1], own_name):
            continue  # a quoted name holds dots of its own («ACME: Обмен 1.x»)
        if len(el) and _links_other_before(page, el, own_name):
            continue  # «Решение <a href=/solutions/other/>„X“</a> снято с публикации»: that one is
        if len(fold(inline_text(el))) <= MAX_NOTICE_CHARS or not sentence.strip(' «»"—–-:'):
            return True
    return False


def _partner_anchors(root: Any, path: str) -> list[Any]:
    """The links under `root` whose URL names a partner page (`path` in it), read through an archive's
    or a redirector's wrapper (`original_url`: a published Google Doc's «google.com/url?q=…ID%3D604417»)."""
    return [a for a in css(root, "a[href]") if path in original_url((a.get("href") or "").strip())]


def _bare(url: str) -> str:
    """A URL as a link's text shows it: no scheme, no «www.», no trailing slash, lower-cased."""
    rest = url.split("://", 1)[-1].lower()
    return (rest[4:] if rest.startswith("www.") else rest).rstrip("/")


def _shows_address(a: Any, text: str) -> bool:
    """The link's text is its own address («<a href=…/partners/detail.php?ID=1648203>marketplace.1c-
    bitrix.ru/partners/detail.php?ID=1648203</a>», through a redirector's wrapper too): it names the
    page, not the partner (TS `showsAddress`)."""
    href = original_url((a.get("href") or "").strip())
    return bool(text) and " " not in text and _bare(text) == _bare(href)


def _partner_link(el: Any) -> tuple[int | None, str | None]:
    for a in _partner_anchors(el, "detail.php?ID="):
        m = table().search(original_url((a.get("href") or "").strip()), "fields", "partner", "values")
        if m:
            text = _without_badges(a, "fields", "partner")
            return int(m.group(1)), None if _shows_address(a, text) else _link_name(text)
    return None, None


def _without_addresses(text: str) -> str:
    """The text without its web addresses (a word with a dot and a slash: «marketplace.1c-bitrix.ru/
    partners/detail.php?ID=1648203»), whose «?» is a query's, not a question's (TS `withoutAddresses`)."""
    return " ".join(word for word in norm(text).split() if not ("." in word and "/" in word))


def _beside_address(el: Any, text: str) -> str:
    """A partner label's value that names the partner, then links its page by the page's address
    («Разработчик: ВестаЛаб — <a>marketplace.1c-bitrix.ru/partners/detail.php?ID=1648203</a>»,
    a post's «label: value» line): the value without that address and the separators around it;
    the value itself otherwise (TS `besideAddress`)."""
    for a in _partner_anchors(el, "detail.php?ID="):
        shown = inline_text(a)
        if shown and shown in text and _shows_address(a, shown):
            return norm(text.replace(shown, " ", 1)).strip(_SEPARATOR_CHARS)
    return text


def _link_name(text: str | None) -> str | None:
    """The partner's name a link's (or a label's) text gives: none when it names the partner's page
    («Все решения разработчика», «Страница партнёра»: `fields.partner.link_not_name`) (TS `linkName`)."""
    if not text or table().search(fold(text), "fields", "partner", "link_not_name"):
        return None
    return text


def _keyed(el: Any) -> bool:
    """The label element carries an English key of the partner field (data-field="developer")."""
    keys = {k: "partner" for k in table().data["fields"]["partner"].get("keys", [])}
    return any(key_field(keys, el.get(attr)) == "partner" for attr in table().data.get("key_attributes", []))


def _named_link(page: Page, partner_name: str) -> int | None:
    """The id of a partner link outside the tabs whose text is the given name (badges left out)."""
    wanted = fold(partner_name).lower()
    for a in page.outside(_partner_anchors(page.root, "partners/detail.php?ID=")):
        pid, pname = _partner_link(a)
        if pid is not None and pname and fold(pname).lower() == wanted:
            return pid
    return None


def _without_id_note(text: str) -> tuple[str, int | None]:
    """A partner label's value without the bracket that states the partner's id after its name
    («LisDev (ID партнёра 1947382)», `fields.partner.id_note`), and that id (None without one): a page
    retelling the listing names the partner so when it does not link its page; or the partner's
    Marketplace page written as a bare address after the name («Кварцлайн — страница партнёра
    https://marketplace.1c-bitrix.ru/partners/detail.php?ID=2411703», a shop stripping links) (TS `withoutIdNote`)."""
    m = table().search(fold(text), "fields", "partner", "id_note")
    if m is None or m.start() == 0:
        return text, None
    return norm(text)[: m.start()].strip(), int(m.group(1))


def partner(page: Page) -> dict[str, Any]:
    """{id, name}: the link next to «Разработчик» (`name_labels`; without a link its text is the name,
    and the id that of a partner link with the same text), else the link next to another partner
    label (`labels`: «Автор», «Партнёр», … name no partner without one), else the first partner link
    outside the tabs. Badges inside the link are left out of the name."""

    def short(text: str) -> bool:
        rules = table()
        digits = "".join(text.split())
        if digits and all("0" <= ch <= "9" for ch in digits):
            return False  # only digits («4172093», the partner's id as a form item's key): no name
        return (
            rules.search(_without_addresses(text), "fields", "partner", "not_own") is None
            and rules.search(fold(text), "fields", "partner", "date_not_name") is None
        )

    hit: Hit | None = page.index.find("fields/partner/name_labels", valid=short)
    if hit:
        pid, pname = _partner_link(hit.value_el) if hit.value_el is not None else (None, None)
        page.found_by["partner"] = "label"
        if pid is not None:
            beside = _beside_address(hit.value_el, hit.text) if hit.value_el is not None else hit.text
            return {"id": pid, "name": pname or _link_name(beside)}
        named, stated = _without_id_note(hit.text)
        return {"id": stated if stated is not None else _named_link(page, named), "name": named}
    passed: set[Any] = set()
    while True:
        hit = page.index.find("partner", valid=short, accept=lambda el: el not in passed)
        if hit is None:
            break
        pid, pname = _partner_link(hit.value_el) if hit.value_el is not None else (None, None)
        if pid is not None or _keyed(hit.label):
            page.found_by["partner"] = "label"
            return {"id": pid, "name": pname or _link_name(hit.text)}
        passed.add(hit.label)  # «Партнёр 1С-Битрикс: Золотой», «Автор: Иван Петров»: no partner named
    for a in page.outside(_partner_anchors(page.root, "partners/detail.php?ID=")):
        pid, pname = _partner_link(a)
        if pid is not None:
            page.found_by["partner"] = "selector"
            return {"id": pid, "name": pname}
    return {"id": None, "name": None}
