"""Links the checklist asks for: documentation, video, presentation, cases (never from user-written tabs)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from mpcheck.extract.context import Page
from mpcheck.extract.dom import (
    absolute_url,
    ancestors,
    css,
    inline_text,
    label_cell,
    link_url,
    next_element,
    own_text,
    row_label,
    text_before,
    tracked,
)
from mpcheck.extract.identity import name, partner
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, norm

_VENDOR_ZONES = ("about", "install", "support")
MAX_TITLE_CHARS = 120  # a case title is a heading or a short label, not a paragraph
_TITLE_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "li", "dt", "strong", "b", "span")
STEM_CHARS = 4  # «Комоду» / «Комод», «СДЭК» / «СДЭКа»: a name's declined forms share their first letters
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _stems(text: str | None) -> set[str]:
    return {w[:STEM_CHARS].lower() for w in re.findall(r"[^\W_]{3,}", text or "")}


class _Anchors:
    """The page's link elements with their folded text and absolute URL, each computed once.

    Four link kinds are searched over the same anchors; without this, every anchor's text and
    `urljoin` ran up to four times. Both are pure functions of the element / href.
    """

    def __init__(self, anchors: list[Any], base: str | None, page: Page | None = None) -> None:
        self.anchors = anchors
        self.base = base
        self.page = page
        self._texts: dict[Any, str] = {}
        self._urls: dict[str | None, str | None] = {}
        self._name: set[str] | None = None
        self._partner: set[str] | None = None

    def name_stems(self) -> set[str]:
        """The stems of the solution's name (read once, when first asked)."""
        if self._name is None:
            self._name = _stems(name(self.page)) if self.page is not None else set()
        return self._name

    def partner_stems(self) -> set[str]:
        """The stems of the partner's name (read once, when first asked)."""
        if self._partner is None:
            self._partner = _stems(partner(self.page)["name"]) if self.page is not None else set()
        return self._partner

    def text(self, a: Any) -> str:
        if a not in self._texts:
            self._texts[a] = fold(inline_text(a))
        return self._texts[a]

    def url(self, href: str | None) -> str | None:
        if href not in self._urls:
            self._urls[href] = absolute_url(href, self.base)
        return self._urls[href]

    def link(self, a: Any) -> str | None:
        """Where a link leads (`link_url`: a click-tracking href by its URL text); a plain href is cached."""
        href = a.get("href")
        return link_url(a, self.base) if tracked(href) else self.url(href)


def _not_own(text: str, a: Any) -> bool:
    """The link is a request form (links.request: «Заказать видеодемонстрацию»), or its text or its
    sentence right before it names another owner of the material: the platform as its author, the
    Marketplace's routine of buying / installing any solution, the vendor company (links.not_own:
    «видео от 1С-Битрикс», «Видео: как купить решение», «Презентация компании») (TS `notOwn`)."""
    rules = table()
    if rules.search(text, "links", "request"):
        return True  # «Заказать видеодемонстрацию», «Презентация по запросу»: a form
    before = SENTENCE_END.split(fold(text_before(a)))[-1]
    return bool(rules.search(text, "links", "not_own") or rules.search(before, "links", "not_own"))


def _other_owner(text: str, anchors: _Anchors) -> bool:
    """A documentation / presentation word followed by a proper name that is neither this solution's
    nor its partner's («документация СДЭК», «документация PHP»), with no noun of the solution after
    it in the text («Документация API модуля» is the solution's); or a quoted name in the text whose
    words, the partner's left out, share nothing with the solution's name («документация модуля
    «ACME: Склад»» on the page of «ACME: Обмен заказами»; «документации к «Комоду»» is its own)
    (TS `otherOwner`)."""
    rules = table()
    m = rules.search(text, "links", "owner_word")
    if m is None:
        return False
    for pattern in rules.rx("withdrawn_quoted"):
        for q in pattern.finditer(text):
            words = _stems(q.group(1)) - anchors.partner_stems()
            if words and not words & anchors.name_stems():
                return True
    word = m.group(1)
    if not (word[:1].isupper() or word[:1] in "0123456789"):
        return False
    if rules.search(text[m.end() :], "links", "owner_own_noun"):
        return False
    stems = _stems(word)
    return bool(stems) and not stems & (anchors.name_stems() | anchors.partner_stems())


def _quoted_other(text: str, a: Any, anchors: _Anchors) -> bool:
    """A quoted name right after a material word or a solution's noun (links.owned_quoted: «видеообзор
    модуля «ACME: Склад»», «Кейсы внедрения модуля «ACME: Склад»: <a>читать</a>»), in the link's text
    or the sentence right before it, whose words, the partner's left out, share nothing with this
    solution's name: the material of another solution, none of this one's (TS `quotedOther`)."""
    before = SENTENCE_END.split(fold(text_before(a)))[-1] if a is not None else ""
    for t in (text, before):
        for pattern in table().rx("links", "owned_quoted"):
            for q in pattern.finditer(t):
                words = _stems(q.group(1)) - anchors.partner_stems()
                if words and not words & anchors.name_stems():
                    return True
    return False


def _video_by_other(text: str, anchors: _Anchors) -> bool:
    """«видео от СДЭК»: the proper name after «от» (links.video_owner) shares no stem with this
    solution's name or its partner's: another owner's video (TS `videoByOther`)."""
    m = table().search(text, "links", "video_owner")
    if m is None or not (m.group(1)[:1].isupper() or m.group(1)[:1] in "0123456789"):
        return False
    stems = _stems(m.group(1))
    return bool(stems) and not stems & (anchors.name_stems() | anchors.partner_stems())


def _first(anchors: _Anchors, path: tuple[str, ...]) -> str | None:
    for a in anchors.anchors:
        text = anchors.text(a)
        if (
            table().search(text, *path)
            and not _not_own(text, a)
            and not _other_owner(text, anchors)
            and not _quoted_other(text, a, anchors)
        ):
            url = anchors.link(a)
            if url and not table().search(url, "links", "video_host"):
                return url  # «Видеопрезентация модуля» on YouTube is the video, not the presentation
    return None


def _documentation(anchors: _Anchors) -> str | None:
    """The first link whose text names documentation, unless it names a paper of the sale too («Инструкция
    по оплате счёта») or leads onto the platform's own sites (a 1C-Bitrix course, the Marketplace's help):
    neither is this solution's documentation. A first link to a docs site's root (the vendor's portal for
    all its products, a forum sidebar's «Документация») yields to a later one to a page on that host
    whose path names the module part of the solution's code («…/b2bprice/» of lumera.b2bprice): that
    page is this solution's part of it (TS `documentation`)."""
    found = list(_documentations(anchors))
    first = found[0] if found else None
    if first is None or urlsplit(first).query:
        return first
    host, path = urlsplit(first).netloc.lower(), urlsplit(first).path.strip("/")
    if path:
        return _documentation_top(first, found, anchors.page.own_code if anchors.page else None)
    code = anchors.page.own_code if anchors.page else None
    module = code.split(".", 1)[-1].lower() if code else ""
    deeper = (  # a page of the portal whose path names this solution's module, not another product's
        url
        for url in found
        if module
        and urlsplit(url).netloc.lower() == host
        and module in urlsplit(url).path.lower().strip("/").split("/")
    )
    return next(deeper, first)


def _documentation_top(first: str, found: list[str], code: str | None) -> str:
    """A first link into a chapter of the solution's documentation («…/docs/tgnotify/max/», a release
    note's «подробнее — в документации») yields to a later link to the page above it on that host
    whose last segment is the module part of the solution's code («…/docs/tgnotify/»): that page is
    the documentation, the chapter a part of it (TS `documentationTop`)."""
    module = code.split(".", 1)[-1].lower() if code else ""
    head = urlsplit(first)
    path = head.path.strip("/")
    for url in found:
        parts = urlsplit(url)
        top = parts.path.strip("/")
        if (
            module
            and parts.netloc.lower() == head.netloc.lower()
            and not parts.query
            and top.lower().rsplit("/", 1)[-1] == module
            and path.startswith(top + "/")
        ):
            return url
    return first


def _documentations(anchors: _Anchors) -> Iterator[str]:
    """Every link _documentation may take, in page order (TS `documentations`)."""
    rules = table()
    for a in anchors.anchors:
        text = anchors.text(a)
        if (
            rules.search(text, "links", "documentation")
            and not rules.search(text, "links", "documentation_other")
            and not _not_own(text, a)
            and not _other_owner(text, anchors)
            and not _quoted_other(text, a, anchors)
        ):
            url = anchors.link(a)
            if (
                url
                and not rules.search(url, "links", "documentation_host")
                and not rules.search(url, "links", "video_host")  # «Инструкция (видео)» on YouTube: the video
            ):
                yield url


def _bare_presentation(text: str, a: Any) -> bool:
    """A .pdf link is the presentation when nothing names it as something else: its text names no
    documentation and no paper of the sale, nor do the words right before it or its label cell; and
    either those words say «Презентация», or its text names nothing («Скачать», «PDF, 2 МБ») and
    neither do they: «Пример печатной формы: <a>скачать</a>», «Сертификат совместимости: <a>PDF</a>»
    name the file as a sample, a certificate (audit5 pres_sample_pdf, pres_cert_pdf) (TS
    `barePresentation`)."""
    rules = table()
    around = (fold(text_before(a)), fold(label_cell(a)))
    if any(
        rules.search(t, "links", "documentation") or rules.search(t, "links", "paper_other")
        for t in (text, *around)
    ):
        return False
    if any(rules.search(t, "links", "presentation") for t in around):
        return True
    sentence = SENTENCE_END.split(around[0])[-1]  # the words naming the file, not the paragraph before
    label = around[1] if len(around[1]) <= MAX_LABEL_CHARS else ""  # a label, not the paragraph above
    return all(rules.search(t, "links", "presentation_generic") for t in (text, sentence, label))


def _names_other(text: str, a: Any) -> bool:
    """A link whose text, or the words right before it, name documentation, a presentation or a video
    («Документация по модулю: <a>docs.acme.ru</a>»): in the block after a case title, no case (TS
    `namesOther`)."""
    rules = table()
    before = fold(text_before(a))
    return bool(
        any(rules.search(text, "links", key) for key in ("documentation", "presentation", "video"))
        or any(
            rules.search(before, "links", key) for key in ("documentation", "presentation", "video_before")
        )
    )


def _on_marketplace(url: str) -> bool:
    return urlsplit(url).netloc.endswith(table().data["urls"]["host"])


_INLINE_TITLES = ("strong", "b", "span")  # a bold label inside a paragraph, not a block of its own


def _label_run(el: Any) -> list[Any] | None:
    """An inline label opening its block («<p><strong>Кейсы:</strong> <a>…</a> — …; <a>…</a></p>»)
    titles the rest of that block, not just the element after it: the elements after it there, up
    to the next label of its tag («<b>Документация:</b>» later in the line). One opening a line of
    its block, right after a `<br>` («…<br><span>Кейсы внедрения:</span> <a>…</a>, <a>…</a><br>…»),
    titles the rest of that line: up to the next `<br>` too. None when `el` is no inline label, or
    text or another element than a `<br>` comes before it in its block (TS `labelRun`)."""
    tag, parent = el.tag, el.getparent()
    first = next((c for c in parent if isinstance(c.tag, str)), None) if parent is not None else None
    if tag not in _INLINE_TITLES or norm(text_before(el)):
        return None
    line = first is not el and _previous_sibling(el).tag == "br"
    if first is not el and not line:
        return None
    run: list[Any] = []
    nxt = next_element(el)
    while nxt is not None and nxt.tag != tag and not (line and nxt.tag == "br"):
        run.append(nxt)
        nxt = next_element(nxt)
    return run


def _previous_sibling(el: Any) -> Any:
    """The previous sibling that is an element (comments passed over); the caller knows there is one."""
    prev = el.getprevious()
    while not isinstance(prev.tag, str):
        prev = prev.getprevious()
    return prev


def _names_this(title: str, anchors: _Anchors) -> bool:
    """A case title naming the solution its sites run on («Сайты клиник на Кедр.Дент»,
    links.case_titles_named): the name after «на» shares a stem, the partner's left out, with this
    solution's name, the platform's words left out (links.platform_words: a solution named «… для
    1С-Битрикс» shares «битрикс» with «Сайты на 1С-Битрикс»); «Сайты на 1С-Битрикс», «Магазины на
    другом шаблоне» name no case of it (TS `namesThis`)."""
    rules = table()
    m = rules.search(title, "links", "case_titles_named")
    if m is None:
        return False
    named = m.group(1)
    for platform in rules.rx(
        "links", "platform_words"
    ):  # «… для 1С-Битрикс» shares no case with «на 1С-Битрикс»
        named = platform.sub(" ", named)
    return bool((_stems(named) - anchors.partner_stems()) & anchors.name_stems())


_LABEL_BLOCKS = ("p", "div")  # a block an inline label can stand alone in, as a heading would
_LABEL_LISTS = ("ul", "ol", "dl", "table")  # what a label alone in its block heads: a list, not prose


def _links_only(el: Any) -> bool:
    """A block that is links and separators only («<p><a>…</a>, <a>…</a></p>»): no word outside
    its links, so no prose sentence that merely holds one (TS `linksOnly`)."""
    links = css(el, "a[href]")
    rest = inline_text(el)
    for a in links:
        rest = rest.replace(inline_text(a), " ", 1)
    return bool(links) and not any(c.isalnum() for c in rest)


def _heads_list(block: Any) -> bool:
    """A label alone in its block heads the block after it only when that is a list or table, or
    links only: «<p><b>Кейсы</b></p><p>Пока не опубликованы. О компании — на <a>сайте</a>.</p>»
    is prose after a label, not its list (TS `headsList`)."""
    nxt = next_element(block)
    return nxt is not None and (nxt.tag in _LABEL_LISTS or _links_only(nxt))


def _title_heading(el: Any) -> Any:
    """The heading whose whole text a title element is (a site builder's styled span in its heading:
    <h3><span>Кейсы</span></h3>), or the block whose whole text an inline label is (a legacy
    template's «<p><b>Кейсы внедрения:</b></p><ul>…</ul>»: the paragraph is the heading of the list
    after it, _heads_list), else the element itself (TS `titleHeading`)."""
    heading = next((a for a in ancestors(el) if a.tag in table().heading_tags), None)
    if heading is None and el.tag in _INLINE_TITLES:
        parent = el.getparent()
        heading = (
            parent if parent is not None and parent.tag in _LABEL_BLOCKS and _heads_list(parent) else None
        )
    if heading is not None and heading is not el and norm(inline_text(heading)) == norm(inline_text(el)):
        return heading
    return el


def _heading_section(el: Any) -> list[Any]:
    """The blocks under a heading: the block right after it, then the next siblings up to the next
    heading (or a block holding one) while each is a link block (_link_block), and so was the first,
    and, after an unlabelled first block, no labelled line (_labelled_line):
    the case links of a «<h3>Сайты на этом решении</h3><p><a>…</a></p><p><a>…</a></p>» list, one block
    each, up to the prose after them («Хотите в этот список? Напишите нам», a contacts line, «Ещё
    почитать: <a>статья в блоге</a>» after a <ul> of cases: a line of its own, no entry); the
    block right after any other title element (TS `headingSection`)."""
    heads = table().heading_tags
    first = next_element(_title_box(el))
    if first is None:
        return []
    if el.tag not in heads or not _link_block(first):
        return [first]
    section = [first]
    nxt = next_element(first)
    while (
        nxt is not None
        # a line labelled by words of its own after an unlabelled list is another thing's line
        and (_labelled_line(first) or not _labelled_line(nxt))
        and nxt.tag not in heads
        and next(nxt.iter(*heads), None) is None
        and _link_block(nxt)
    ):
        section.append(nxt)
        nxt = next_element(nxt)
    return section


def _labelled_line(el: Any) -> bool:
    """A block whose text before its first link ends as a label («Ещё почитать: <a>статья в блоге</a>»,
    «Магазин «Улыбка»: <a>ulybka.ru</a>») (TS `labelledLine`)."""
    links = css(el, "a[href]")
    name = norm(inline_text(links[0])) if links else ""
    if not name:  # no link, or a picture's: no words to tell its label by
        return False
    lead = norm(inline_text(el)).split(name, 1)[0]
    return lead.rstrip().endswith(":")


def _title_box(el: Any) -> Any:
    """The outermost box that holds the title alone: each ancestor whose only child is the box
    below it and that has no text of its own (a page builder wraps every text in a container:
    Framer's «<div data-framer-name="Sub Title"><h3>Кейсы</h3></div>» before the «Case List»
    block, blind solution_framer_site_dataname_zvezda_reviews_free), else the title itself: the
    blocks after that box are the title's (TS `titleBox`)."""
    box = el
    while (parent := box.getparent()) is not None and parent.tag not in ("body", "html", "main"):
        if len([c for c in parent if isinstance(c.tag, str)]) != 1 or norm(own_text(parent)):
            break
        box = parent
    return box


def _link_block(el: Any) -> bool:
    """A block that is (at least half) its links' text: an entry of a list of links («<p><a>Стоматология
    «Улыбка»</a></p>», «<li><a>shop.ru</a> — мебель</li>»), not prose holding a link («Пишите нам:
    <a>…</a>, ответим в течение дня») (TS `linkBlock`)."""
    text = len(inline_text(el))
    linked = sum(len(inline_text(a)) for a in css(el, "a[href]"))
    return text > 0 and 2 * linked >= text


def _under_case_titles(page: Page, anchors: _Anchors) -> list[Any]:
    """Links under a case title («Сайты на этом решении», «Кейсы внедрения: …», or one naming this
    solution: _names_this): in the titled element itself, else in the rest of the block an inline
    label opens (_label_run), else under it (the section of the heading it is, _heading_section);
    not a link there that names something
    else (a heading with nothing under it, then «Документация: <a>…</a>»); never under a title
    naming another solution («Кейсы внедрения модуля «ACME: Склад»», _quoted_other)."""
    rules = table()
    found: list[Any] = []
    titles = []
    for el in page.root.iter(*_TITLE_TAGS):  # one walk in C, document order (the css query's order)
        own = fold(own_text(el))
        if (
            own
            and len(own) <= MAX_TITLE_CHARS
            and (rules.search(own, "links", "case_titles") or _names_this(own, anchors))
            and not _quoted_other(own, None, anchors)
        ):
            titles.append(el)
    for el in page.outside(titles, *_VENDOR_ZONES):  # the zone walk only for the few titled ones
        inside = css(el, "a[href]")
        if not inside:
            run = _label_run(el)
            heading = _title_heading(el)
            after = run if run is not None and (run or heading is el) else _heading_section(heading)
            inside = [
                a for n in after for a in css(n, "a[href]") if not _names_other(fold(inline_text(a)), a)
            ]
        found.extend(a for a in inside if a not in found)
    return found


def _video_key(url: str) -> str:
    """The video a URL shows (watch link, short link and player embed of one video are one key; one
    group per host, so a YouTube id and a Vimeo number never meet) (TS `videoKey`)."""
    m = table().search(url, "links", "video_id")
    if m is None:
        return url
    host, vid = next((i, g) for i, g in enumerate(m.groups()) if g)
    return f"id:{host}:{vid}"


def _named_video(text: str, a: Any) -> bool:
    """A video on the vendor's own host: its text names a video and does not lead elsewhere (a blog,
    an example, a call), or «Видео:» stands right before it and its text names nothing else; a
    documentation link is never also a video (TS `namedVideo`)."""
    rules = table()
    if rules.search(text, "links", "documentation"):
        return False
    if rules.search(text, "links", "video"):
        return not rules.search(text, "links", "video_named_other")
    return bool(rules.search(fold(text_before(a)), "links", "video_before")) and not rules.search(
        text, "links", "video_other"
    )


def _watch_link(text: str, url: str) -> bool:
    """A link whose whole text is «смотреть» / «watch» (links.video_watch_text) onto a URL that
    names a video on a host of its own (links.video_watch_href: «video.acme.ru/watch/overview»),
    not the platform's sites: the line before it tells what it shows («Настройка обмена с 1С:
    <a>смотреть</a>») (TS `watchLink`)."""
    rules = table()
    return bool(
        rules.search(text, "links", "video_watch_text")
        and rules.search(url, "links", "video_watch_href")
        and not rules.search(url, "links", "documentation_host")
    )


def _card_link_name(a: Any, anchors: _Anchors) -> str:
    """What a link is named by: a link wrapping a whole card (a post card's «<a><span>Кейсы</span>
    <h2>Люмен.Вет: …</h2><div>excerpt</div></a>» in a blog's related posts) by its heading, for the
    tag label above the heading names the post's category, not what the link is; any other link by
    its text (TS `cardLinkName`)."""
    heading = next(a.iter(*table().heading_tags), None)
    return fold(inline_text(heading)) if heading is not None else anchors.text(a)


LINE_DASHES = ("—", "–")  # «label: what it is — <a>»: the dash points at the link the label names
MAX_LABEL_CHARS = 40  # a label cell names its link in a few words; a longer one is the paragraph above


def _without_asides(text: str) -> str:
    """The text without its parenthetical asides («Кейс внедрения (оптовик стройматериалов)»)."""
    out, depth = [], 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return norm("".join(out))


def _pdf_link(a: Any, anchors: _Anchors) -> bool:
    """The link leads to a .pdf (links.presentation_href): by its href, or by the target a redirector's
    wrapper stands for (VK's «away.php?to=https%3A%2F%2F…presentation.pdf&cc_key=») (TS `pdfLink`)."""
    href = a.get("href") or ""
    if table().search(href, "links", "presentation_href"):
        return True
    return "%" in href and table().search(anchors.link(a) or "", "links", "presentation_href") is not None


def _line_label(a: Any) -> str:
    """The label a link follows on its line: the words right before it, back to a sentence end, when
    they end with a colon («💼 Кейс внедрения (оптовик стройматериалов): <a>https://…</a>», a post's
    «label: link» line), their parenthetical asides left out, when that is short; or, when a dash ends them
    after a label and its colon, that label («Кейс: сеть стоматологий «Улыбка», Сыктывкар — <a>…</a>», a
    list item that describes its link before pointing at it); else "" (TS `lineLabel`)."""
    before = SENTENCE_END.split(fold(text_before(a)))[-1].strip()
    if before.endswith(LINE_DASHES) and ":" in before:
        before = before.split(":", 1)[0] + ":"
    if not before.endswith(":"):
        return ""
    label = _without_asides(before[:-1])
    return label if len(label) <= MAX_LABEL_CHARS else ""


_URL_END = ".,;:!?)»"  # a sentence's punctuation after a bare address is no part of it


def text_labelled(page: Page, path: str) -> list[tuple[str, str]]:
    """The bare addresses a label introduces as text («Документация: https://…») in the solution's own
    vendor tabs (`_VENDOR_ZONES`, their links' text left out), in page order, each with its label (the
    matched words before the address): a shop that strips the links from a retold listing (Ozon)
    leaves them so (links.text_*). The label is judged like a link's text (TS `textLabelled`)."""
    found: list[tuple[str, str]] = []
    more = table().rx("links", "text_list_more")
    for text in page.vendor_texts(_VENDOR_ZONES):
        for pattern in table().rx("links", path):
            for m in pattern.finditer(text):
                label = m.group(0)[: len(m.group(0)) - len(m.group(1))]
                urls, end = [m.group(1).rstrip(_URL_END)], m.start(1) + len(m.group(1).rstrip(_URL_END))
                # «Кейсы: https://…/a/, https://…/b/»: each address of the label's list is the label's
                # (the comma after an address is the list's, not the address's)
                while (n := next((n for p in more if (n := p.match(text, end))), None)) is not None:
                    urls.append(n.group(1).rstrip(_URL_END))
                    end = n.start(1) + len(urls[-1])
                for url in urls:
                    if url and all(url != seen for _, seen in found):
                        found.append((label, url))
    return found


def text_urls(page: Page, path: str) -> list[str]:
    """The addresses of `text_labelled`, in page order (TS `textUrls`)."""
    return [url for _, url in text_labelled(page, path)]


def _field_first(video: list[str], field: list[str]) -> list[str]:
    """The videos a row labelled «Видео» lists (`row_label`: the card's own video field, «<td>Видео:</td>
    <td><a>YouTube</a><br><a>Rutube</a></td>»; `field` their keys in the row's order) first, in the
    row's order, then the rest in page order: a description above the card that mentions one of them
    in passing does not reorder the field (TS `fieldFirst`)."""
    listed = {_video_key(url): url for url in reversed(video)}  # each key's first URL
    return [listed[key] for key in field if key in listed] + [
        url for url in video if _video_key(url) not in field
    ]


def in_page(a: Any) -> bool:
    """A bare «#fragment» href jumps within this page (a table of contents' «Кейсы внедрения», a
    «подробнее — в разделе «Поддержка»»): it names a section here, it leads to no material and to no
    demo site (TS `inPage`)."""
    return (a.get("href") or "").strip().startswith("#")


def links(page: Page) -> dict[str, Any]:
    """{documentation, video[], presentation, cases[]} from the head and the vendor's own tabs."""
    rules = table()
    outside = page.outside(css(page.root, "a[href]"), *_VENDOR_ZONES)
    anchors = _Anchors([a for a in outside if not in_page(a)], page.base, page)
    presentation = _first(anchors, ("links", "presentation"))
    if presentation is None:  # a bare .pdf that nothing names as something else
        pdf = next(
            (
                a
                for a in anchors.anchors
                if _pdf_link(a, anchors)
                and _bare_presentation(anchors.text(a), a)
                and not _quoted_other(anchors.text(a), a, anchors)
            ),
            None,
        )
        presentation = anchors.link(pdf) if pdf is not None else None
    video: list[str] = []
    shown: set[str] = set()  # the videos listed (_video_key): an embed of a linked video is not another
    field: list[str] = []  # the videos (_video_key) a row labelled «Видео» lists, in its order (_field_first)
    for a in anchors.anchors:  # page order, then the players
        url = anchors.link(a)
        key = _video_key(url) if url is not None else ""
        if (
            url is None
            or key in field  # listed, and known to be the field's
            or _not_own(anchors.text(a), a)
            or _quoted_other(anchors.text(a), a, anchors)
            or _video_by_other(anchors.text(a), anchors)  # «видео от СДЭК»
        ):
            continue  # «видео от 1С-Битрикс», «Видео: как купить решение»: the platform's, not this solution's
        if rules.search(url, "links", "video_href") or (
            # a video on the vendor's own host: named by its text or the words before it, or by its label cell,
            # or a «смотреть» link onto a URL that names a video
            # (never the Marketplace, nor a video platform's channel / playlist / profile: there video_href decides)
            (
                _named_video(anchors.text(a), a)
                or rules.search(fold(label_cell(a)), "links", "video_label")
                or _watch_link(anchors.text(a), url)
            )
            and not _on_marketplace(url)
            and not rules.search(url, "links", "video_host")
        ):
            if key not in shown:
                video.append(url)
                shown.add(key)
            if rules.search(fold(row_label(a)), "links", "video_label"):
                field.append(key)  # a video the description linked before the field is the field's
    players = [  # iframes, then Flash-era embed[src], object[data], param[name=movie][value]
        f.get(sel.get("attr", "src"))
        for sel in rules.entries("links", "video_selectors")
        for f in page.outside(css(page.root, sel["css"]), *_VENDOR_ZONES)
    ]
    for src in players:
        url = anchors.url(src)
        if url and rules.search(url, "links", "video_href") and _video_key(url) not in shown:
            video.append(url)
            shown.add(_video_key(url))
    video = _field_first(video, field)
    cases = []
    titled = set(_under_case_titles(page, anchors))
    # «Кейсы: <a>vendor.ru/cases/x/</a>», «Кейс внедрения (…): <a>…</a>»: a case label right before the
    # link, or ending the words before it on its line, titles it too (a title, not the link's own name:
    # a Marketplace or partner page after such a label is no case)
    titled.update(
        a
        for a in anchors.anchors
        if rules.search(fold(text_before(a)), "links", "cases_before")
        or rules.search(_line_label(a), "links", "cases")
        # its label cell: <td>Кейс внедрения</td><td><a>«Северная пряжа»: …</a></td> (links.case_label, as video_label)
        or rules.search(fold(label_cell(a)), "links", "case_label")
        # or its row's label cell over a value cell listing several links (<th>Кейсы</th><td><a>…</a><br/>
        # <a>…</a></td>, a wiki's links table; row_label, as the video field's)
        or rules.search(fold(row_label(a)), "links", "case_label")
    )
    for a in anchors.anchors:  # page order
        named = rules.search(_card_link_name(a, anchors), "links", "cases") is not None
        url = anchors.link(a) if named or a in titled else None
        if (
            url
            and not _not_own(anchors.text(a), a)  # «Кейсы Маркетплейса», «кейсы 1С-Битрикс»
            and not _quoted_other(anchors.text(a), a, anchors)  # «кейсы модуля «ACME: Склад»»
            # the platform's other sites (1c-bitrix.ru success stories) hold no case of this solution
            and (_on_marketplace(url) or not rules.search(url, "links", "documentation_host"))
            and url not in cases
            and (named or not _on_marketplace(url))
            and not rules.search(url, "links", "image_href")  # a screenshot, not a case
            and not rules.search(url, "links", "tag_href")  # a blog's tag listing, not a case
            # «Онлайн-демо админки» after a case list: the demo site (demo.not_trial), never a case
            and not rules.search(anchors.text(a), "demo", "not_trial")
        ):
            cases.append(url)
    # no link is one: a bare address after its label in the description's text («Видеообзор: https://…»)
    if not video:  # a label that names another owner or leads elsewhere («Видео о компании:») is none
        video = [
            url
            for label, url in text_labelled(page, "text_video")
            if rules.search(url, "links", "video_href")
            and not rules.search(label, "links", "video_named_other")
            and not rules.search(label, "links", "not_own")
        ]
    if not cases:
        cases = [
            url
            for url in text_urls(page, "text_cases")
            if not _on_marketplace(url) and not rules.search(url, "links", "image_href")
        ]
    if presentation is None:  # «Презентация (PDF): https://…» as text; a label naming another owner is none
        presentation = next(
            (
                url
                for label, url in text_labelled(page, "text_presentation")
                if not _on_marketplace(url) and not rules.search(label, "links", "not_own")
            ),
            None,
        )
    documentation = _documentation(anchors)
    if documentation is None:
        documentation = next(  # the platform's sites hold its own manuals (documentation_host)
            (
                url
                for url in text_urls(page, "text_documentation")
                if not _on_marketplace(url) and not rules.search(url, "links", "documentation_host")
            ),
            None,
        )
    return {
        "documentation": documentation,
        "video": video,
        "presentation": presentation,
        "cases": cases,
    }
