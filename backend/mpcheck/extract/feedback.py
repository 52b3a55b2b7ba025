"""What reviews (reviews.py) and comments (comments.py) share: stated totals, answers, the list rule.

Conventions (fixtures/expected/README.md, SPEC §3): `total` is the number the page states (tab
label, header, summary, pager «из N»); items are newest first; `items` is `null` when the block
could not be read and `[]` only when the page shows it empty. Every selector runs once per list
body, not once per item.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from mpcheck.extract import values
from mpcheck.extract.context import Page
from mpcheck.extract.dates import today
from mpcheck.extract.dom import inline_text, own_text, text_without
from mpcheck.extract.items import Listing, is_chrome, item_of, page_links
from mpcheck.extract.label_table import FLAGS, Table, table
from mpcheck.extract.props import summary_leaf
from mpcheck.extract.text import fold

_SPAN = re.compile(r"\s*([0-9]+)")  # a colspan's leading ASCII digits (never «²», which int() refuses)
_NAME_LINE_CHARS = 60  # an author line: a name and its badges («Алексей Петров Разработчик»)
_PAGER_CHARS = 120  # a pager line is short (items.is_chrome reads it with the same bound)
MAX_TITLE_CHARS = 120  # answer titles, badges and author lines are short; review texts are not scanned
MAX_BADGE_CHARS = 24  # a staff badge («Официальный») is a word or two
T = TypeVar("T", bound=dict[str, Any])
_QUOTES = re.compile(r"[«»\"'“”„]")
_WORD_END = re.compile(r"[^\W\d_]\s*$")  # a letter ends the text before the element


def _count(texts: list[str], kind: str) -> int | None:
    """The first stated count in the given texts (summary/pager, then the head)."""
    rules = table()
    for text in texts:
        if rules.search(text, kind, "none"):
            return 0
        for other in rules.rx(kind, "count_not"):  # «5 ★ — 1 отзыв», «240 отзывов о компании»
            text = other.sub(" ", text)
        m = rules.search(text, kind, "count")
        if m:
            return int(m.group(1))
    return None


def labelled_total(page: Page, kind: str) -> int | None:
    """A count stated in the labelled rating's own value («Рейтинг: 4,7 из 5 (26 отзывов)», a
    post's property line where there is no reviews section to state it) (TS `labelledTotal`)."""
    hit = page.index.find("rating", valid=lambda text: values.rating(text) is not None)
    if hit is None:
        return None
    if kind == "comments":  # only a clause naming the discussion tab: «25 комментариев под статьёй» is not
        return _discussion_clause(fold(hit.text))
    return _count([fold(hit.text), _rating_sentence(hit.label, fold(hit.text))], kind)


_CLAUSE_SPLIT = re.compile(
    r"[,;()]"
)  # the clauses of the rating value's sentence (never «—»: «Обсуждения» — 14)


def _discussion_clause(value: str) -> int | None:
    """The discussion count in the rating value's first sentence: a clause of it that names the
    Marketplace's discussion tab and its count and nothing else (`fields.rating.comments_clause`:
    «…, отзывов — 27; на вкладке «Обсуждения» — 14 сообщений»); a count of comments somewhere else
    («40 комментариев в нашем Telegram-чате») is not the solution's discussion (TS `discussionClause`)."""
    sentence = _SENTENCE_END.split(value, maxsplit=1)[0]
    for clause in _CLAUSE_SPLIT.split(sentence):
        m = table().search(clause.strip(" .:—–-"), "fields", "rating", "comments_clause")
        if m:
            return int(m.group(1))
    return None


def summary_total(page: Page) -> int | None:
    """The count stated right after the summary's bare average in its block's sentence («Оценка на
    Маркетплейсе сейчас <b>4,7</b> из 5, отзывов — <b>38</b>», a post quoting its card with no reviews
    section and no rating label): only the words right after the leaf (`fields.rating.count_after`,
    anchored there), so a count further on in the sentence is never read (TS `summaryTotal`)."""
    found = summary_leaf(page)
    if found is None or found[1].getparent() is None:
        return None
    leaf = found[1]
    line, value = fold(inline_text(leaf.getparent())), fold(inline_text(leaf))
    at = line.find(value) if value else -1
    if at < 0:
        return None
    rest = _SENTENCE_END.split(line[at + len(value) :], maxsplit=1)[0].strip()
    m = table().search(rest, "fields", "rating", "count_after")
    return int(m.group(1)) if m else None


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_CLAUSE_BREAK = re.compile(r"[,;—–()]")  # a clause of the rating's sentence ends at these


def _rating_sentence(label: Any, value: str) -> str:
    """The count right after the rating's value on its line («Средняя оценка — <b>4,7 из 5</b>, всего
    19 отзывов. Несколько из них…»: the value is its own element, the count the words after it): the
    first clause after the value, within its sentence, when that clause is only a count
    (`fields.rating.count_clause`); «4,7 из 5 — по данным площадки, где у конкурентов 240 отзывов»
    states none. "" when there is none or the label's text is not in its parent's (TS `ratingSentence`)."""
    parent = label.getparent()
    if parent is None:
        return ""
    line, start = fold(inline_text(parent)), fold(inline_text(label))
    at = line.find(start) if start else -1
    if at < 0:
        return ""
    sentence = _SENTENCE_END.split(line[at:], maxsplit=1)[0]
    after = sentence.find(value) if value else -1
    if after < 0:
        return ""
    clause = _CLAUSE_BREAK.split(sentence[after + len(value) :].lstrip(" ,;:—–-("), maxsplit=1)[0]
    return clause if table().search(clause, "fields", "rating", "count_clause") else ""


def _tab_count(page: Page, tab: str) -> int | None:
    label = fold(page.tabs.labels.get(tab, ""))
    if table().search(label, "tab_count_not"):  # «(4 из 5)»: a score out of 5, no total
        return None
    m = table().search(label, "tab_count")
    return int(m.group(1)) if m else None


def anchored(path: tuple[str, ...]) -> Callable[[str], object]:
    """A yes/no test of a list of start-anchored regexes (answer titles, badges) as one alternation
    tried at position 0 only: a text that does not start like one fails at once."""

    def build(rules: Table) -> Callable[[str], object]:
        patterns = rules.rx(*path)
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns) or "(?!)", FLAGS).match

    return table().memo("anchored:" + "/".join(path), build)


def has_pager(body: Any) -> bool:
    """Whether a list body links to further pages of its list (Bitrix `PAGEN_n`)."""
    return any("PAGEN_" in (a.get("href") or "") for a in body.iter("a"))


def shows_more(listing: Listing) -> bool:
    """Whether a list offers more items than it shows: a «Показать ещё 5» / «Показать ещё» / «Все
    отзывы» link or button outside its items (`pager.more`), or a link in a line of page numbers
    («1 2 3 Далее →» with `?page=2` links, no `PAGEN_`: items.page_links). How many is unknown:
    «5» may be the page size."""
    more = table().any_search(("pager", "more"))
    for el in listing.body.iter("a", "button"):
        if item_of(listing, el) is not None:
            continue
        if more(fold(inline_text(el))) or (el.tag == "a" and _in_pager(el, listing.body)):
            return True
    return False


def _in_pager(link: Any, body: Any) -> bool:
    """A link whose line (its parent, or that parent's parent below the body) is a pager line."""
    node = link.getparent()
    for _ in range(2):
        if node is None or node is body:
            return False
        text = fold(inline_text(node))
        if len(text) < _PAGER_CHARS and page_links(node, text):
            return True
        node = node.getparent()
    return False


def undated(listing: Listing) -> bool:
    """Whether the list holds an item with no date of its own (a repeated review block without one,
    see items._repeated), or one dated only roughly («месяц назад» with no exact date beside it:
    `Listing.vague`): its dates cannot be told, only how many items there are."""
    return any(
        item not in listing.firsts or (item in listing.vague and listing.dates.get(item) is None)
        for item in listing.items
    )


def short_folds(listing: Listing) -> list[str | None]:
    """`fold` of each own text of the list (`owns`, same order) of at most MAX_TITLE_CHARS, None for a
    longer one: made once per list, for every reader of its short texts."""
    if listing.folds is None:
        listing.folds = [fold(own) if len(own) <= MAX_TITLE_CHARS else None for _, own in listing.owns]
    return listing.folds


def marks(listing: Listing, path: tuple[str, ...]) -> dict[Any, list[Any]]:
    """Item → elements whose own text matches a regex list (answer titles, developer badges)."""
    found: dict[Any, list[Any]] = {}
    matches = table().any_search(path)  # every regex of the list in one scan
    for (el, _own), text in zip(listing.owns, short_folds(listing), strict=True):
        if text is not None and matches(text):
            item = item_of(listing, el)
            if item is not None:
                found.setdefault(item, []).append(el)
    return found


def stated(page: Page, tab: str, kind: str, listing: Listing | None, head: bool) -> int | None:
    """The stated total: tab label, else the body outside the items (and, if `head`, the page head)."""
    total = _tab_count(page, tab)
    if total is None and listing is not None:
        outside = listing.items + listing.aside  # another section's list says nothing of this one
        texts = [fold(text_without(listing.body, outside))] + ([page.head_text()] if head else [])
        total = _count(texts, kind)
    return total


def name_key(name: str | None) -> str:
    """A name as compared with authors: folded, lower case, no quotes, no legal form («ООО»)."""
    text = _QUOTES.sub("", fold(name or "")).lower().strip()
    m = table().search(text, "comments", "legal_form")
    return text[m.end() :].strip() if m else text


def _lead(text: str) -> re.Match[str] | None:
    """The answer prefix of a name-keyed text («ответ », «поддержка »), None when there is none."""
    m = table().search(text, "comments", "answer_prefix")
    return m if m and m.end() else None


def is_partner(own: str, partner_key: str) -> bool:
    """Whether a short text names the partner as its author: «NordLab», «NordLab, 13.11.2026»,
    «Ответ NordLab:», «NordLab (разработчик)», «Иван (NordLab)» — not «NordLab молодцы» (a sentence
    about it), not «NordLab: спасибо за помощь» (words to it; only after «Ответ» may a colon open
    the text) and not a quote caption «Цитата (NordLab):»."""
    if len(partner_key) < 2:
        return False
    rules = table()
    text = name_key(own)
    m = _lead(text)
    lead = bool(m and m.group(1))
    if m:
        text = text[m.end() :]
    if text.startswith(partner_key):
        rest = text[len(partner_key) :]
    else:  # «Иван (NordLab)»: an employee of the partner
        m = rules.search(text, "comments", "employee")
        if not m or rules.search(text, "comments", "quoted"):
            return False
        inner = text[m.end() :]
        form = rules.search(inner, "comments", "legal_form")
        inner = inner[form.end() :] if form else inner
        if not inner.startswith(partner_key + ")"):
            return False
        rest = inner[len(partner_key) + 1 :]
    return bool(rules.search(rest, "comments", "author_tail")) or (
        lead and bool(rules.search(rest, "comments", "lead_tail"))
    )


def _signed(listing: Listing, at: int, item: Any, me: str) -> bool:
    """Whether the author line right before a staff badge (`comments.staff_badge`, at `at` in
    `listing.owns`) signs the partner `me`: «Lumenix», «Ирина (Lumenix)» (is_partner) or a person's
    name and the partner's after a comma, «Ирина Соколова, Lumenix» (`comments.staff_signature`), or
    the partner's name and a tagline after a dash, a channel's or a blog's name «Lumenix — модули для
    1С-Битрикс» (`comments.staff_tagline`: only next to the badge, where the line is no sentence).
    The line must be the same item's (a badge is never signed by the message above)."""
    if at == 0:
        return False
    el, own = listing.owns[at - 1]
    if len(own) > MAX_TITLE_CHARS or item_of(listing, el) is not item:
        return False
    if is_partner(own, me):
        return True
    rules = table()
    text = name_key(own)
    if text.startswith(me) and rules.search(text[len(me) :], "comments", "staff_tagline"):
        return True  # «Lumenix — модули для 1С-Битрикс»: the vendor's channel signs its reply
    m = rules.search(text, "comments", "staff_signature")
    rest = text[m.end() :] if m else ""
    return rest.startswith(me) and bool(rules.search(rest[len(me) :], "comments", "author_tail"))


def _name_before(el: Any, prev: str) -> bool:
    """Whether the words before a badge are its author's name in a short author line («Алексей
    <span>Разработчик</span>», «Алексей П. · <span>Разработчик</span>»): at most three words, no
    sentence end (an initial «П.» is no end), a line of at most `_NAME_LINE_CHARS` characters."""
    words = prev.split()
    if (
        len(words) > 3
        or any(ch in prev for ch in "!?;")
        or any(w.endswith(".") and len(w) > 2 for w in words)
    ):
        return False
    parent = el.getparent()
    return parent is not None and len(fold(inline_text(parent))) <= _NAME_LINE_CHARS


def _in_sentence(el: Any, lead: bool, badge: bool = False) -> bool:
    """Whether an element sits inside running text («<b>NordLab</b> молодцы», «Спасибо <b>NordLab</b>»):
    a word right before it that is not an answer prefix («Ответ») nor, before a developer `badge`,
    its author's name (_name_before), or words right after it that an author line does not have
    («пишет» may, «: спасибо» only after an answer lead, `lead`)."""
    rules = table()
    before = el.getprevious()
    prev = fold((before.tail if before is not None else el.getparent().text) or "").lower()
    if _WORD_END.search(prev) and not (badge and _name_before(el, prev)):
        words = prev.strip() + " "
        m = _lead(words)
        if not (m and m.end() == len(words)):
            return True
    after = fold(el.tail or "").lower()
    if not after or rules.search(" " + after, "comments", "author_tail"):
        return False
    return not (lead and rules.search(" " + after, "comments", "lead_tail"))


def _quoted(el: Any, item: Any) -> bool:
    """Whether an element sits in a quote inside its item (blockquote, q, cite, a «quote» class)."""
    test = table().any_search(("comments", "quote_markup"))
    while el is not None and el is not item:
        if test(f"{el.tag} {el.get('class') or ''}"):
            return True
        el = el.getparent()
    return False


def opens_line(el: Any) -> bool:
    """Whether an element opens a line of its parent after a `<br>` (nothing but blanks between):
    «<p>02.09.2026, ★★★☆☆, Иван: «…».<br><em>Ответ разработчика:</em> «…»</p>», a review and its
    answer as two lines of one paragraph."""
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()  # a comment between: the element before it, as on the TypeScript side
    return prev is not None and prev.tag == "br" and not (prev.tail or "").strip()


def _block_of(el: Any, item: Any) -> Any:
    """The block an answer signal heads: its parent, unless that is the item itself or the signal
    opens a line of it (opens_line: the parent's lines before it are the review's own, and its
    reader (reviews._Stars.chars) reads them)."""
    parent = el.getparent()
    return el if parent is None or parent is item or opens_line(el) else parent


def _grid(row: Any) -> list[Any]:
    """A table row's cells, each as many times as the columns it spans (`colspan`)."""
    cells = []
    for cell in row:
        if cell.tag in ("td", "th"):
            m = _SPAN.match(cell.get("colspan") or "")  # as a browser reads it: « 2», «2.0» are 2
            span = int(m.group(1)) if m else 1
            cells.extend([cell] * (span if 0 < span <= 20 else 1))
    return cells


def _header_row(row: Any, items: set[Any]) -> Any:
    """The header row of the table a row sits in: its `thead` row, else a first row of th only, else
    a first row of td that is none of the list's `items` (a published Google Doc or a word processor's
    table heads its columns with a plain row, bold only by a class: «Дата | Оценка | Отзыв | Ответ
    разработчика»)."""
    section = row.getparent()
    grid = (
        section.getparent() if section is not None and section.tag in ("tbody", "thead", "tfoot") else section
    )
    if grid is None or grid.tag != "table":
        return None
    for part in (grid, *(c for c in grid if c.tag in ("thead", "tbody"))):
        for tr in part:
            if tr.tag == "tr":
                cells = [c for c in tr if c.tag in ("td", "th")]
                if cells and (part.tag == "thead" or all(c.tag == "th" for c in cells) or tr not in items):
                    return tr
                return None  # the first row of that part holds data: no header row
    return None


def answer_cells(listing: Listing) -> dict[Any, bool]:
    """Items that are rows of a table whose header names an answer column («Ответ»): item → whether
    its cell in that column is filled (the partner's answer) rather than empty or a placeholder «—».
    Items outside such a table are absent (their answer is read from the other signals)."""
    rules = table()
    found: dict[Any, bool] = {}
    columns: dict[Any, int | None] = {}  # header row → the answer column's index
    items = set(listing.items)
    for item in listing.items:
        if item.tag != "tr":
            continue
        head = _header_row(item, items)
        if head is None or head is item:
            continue
        if head not in columns:
            heads = [fold(inline_text(c)) for c in _grid(head)]
            at = [i for i, text in enumerate(heads) if rules.search(text, "comments", "answer_column")]
            columns[head] = at[0] if len(at) == 1 else None  # two answer columns: which one answers?
        column, cells = columns[head], _grid(item)
        if column is None or len(cells) != len(_grid(head)):
            continue  # a row of another shape (an answer row spanning the table) is no column row
        found[item] = not rules.search(fold(inline_text(cells[column])), "comments", "answer_empty")
    return found


def _partner_title(text: str, me: str) -> bool:
    """Whether a text that opens with an answer title is the partner's answer title: not a sentence
    about an answer («Ответ разработчика пришёл через два дня»: a lower-case word after the title
    that `reviews.answer_title_tail` does not allow), and not a title the Marketplace signs («Ответ
    службы поддержки 1С-Битрикс: Маркетплейс», «Официальный ответ Маркетплейса»:
    `reviews.answer_not_partner` right after it) unless the partner's own name `me` follows
    (1С-Битрикс's own solutions)."""
    m = anchored(("reviews", "answer_titles"))(text)
    rest = text[m.end() :] if isinstance(m, re.Match) else ""
    rules = table()
    word = rest.lstrip()[:1]
    if word.isalpha() and word.islower() and not rules.search(rest, "reviews", "answer_title_tail"):
        return False  # a sentence that opens with the title's words
    if not rules.search(rest, "reviews", "answer_not_partner"):
        return True
    return bool(me) and name_key(rest.lstrip(' :«"(')).startswith(me)


def _last_line(el: Any) -> str:
    """The element's own text after its last <br> (all of it when it has none): its direct text only,
    not its children's («…<br>Ответ …: «…». <em>(перенесён)</em>» is «Ответ …: «…».»)."""
    at = max((i for i, c in enumerate(el) if c.tag == "br"), default=-1)
    parts = [el.text or ""] if at < 0 else []
    return fold(" ".join([*parts, *(c.tail or "" for c in el[max(at, 0) :])]))


def _pasted(el: Any, me: str) -> bool:
    """A developer's answer pasted into a review's own text as its last line (a reseller copying it in):
    an answer title, a colon and the reply in quotes that ends the line (reviews.answer_pasted):
    «… написали в тикет.<br>Ответ разработчика: «Спасибо! Исправим в релизе».» A title opening the
    buyer's sentence (_partner_title: «Ответ разработчика пришёл через два дня»), a quote the buyer's
    words go on after («Ответ разработчика: «ждите». Прошло полгода») or a line before another is no
    answer."""
    line = _last_line(el)
    m = anchored(("reviews", "answer_titles"))(line)
    if not isinstance(m, re.Match) or not _partner_title(line, me):
        return False
    return bool(table().search(line[m.end() :], "reviews", "answer_pasted"))


def _opens_answer(own: str, me: str) -> bool:
    """Whether a long own text opens with the partner's answer title and its colon or dash
    (`comments.lead_tail`): «Ответ разработчика: Марина, спасибо! Транслит появился в 3.2.1 — …», a
    reply written on in its own element, too long for the short texts every title test reads (a
    review's own text is never scanned whole: only its opening is). Not a sentence about an answer
    («Ответ разработчика пришёл через два дня», _partner_title)."""
    head = fold(own[:MAX_TITLE_CHARS])
    m = anchored(("reviews", "answer_titles"))(head)
    if not isinstance(m, re.Match) or not table().search(head[m.end() :], "comments", "lead_tail"):
        return False
    return _partner_title(head, me)


def _past_body(start: int, at: int) -> bool:
    """Whether a long text of an item (its own text number `at`) comes after the item's opening line
    AND a text after that, its body: «★★★★☆ · Марина Л. · 05.11.2026» + «В целом отлично…» + «Ответ
    разработчика: Марина, спасибо! …» is answered; «Марина, 12.11.2026» + «Ответ разработчика: так и не
    получен …» is the buyer's complaint as the body, no answer (TS `pastBody`)."""
    return at > start + 1


def answers(
    listing: Listing, partner: str | None, by_author: bool, vendor: str = ""
) -> tuple[set[Any], dict[Any, list[Any]]]:
    """(answered items, item → its answer blocks) of one list.

    An item is answered by a nested block or reply of the partner: a filled cell of a table's answer
    column (answer_cells), a title such as «Ответ
    разработчика» / «Официальный ответ» anywhere in it, or — past the item's own header — the
    partner's name as an author (is_partner; not inside a quote unless «Ответ NordLab»; or the vendor
    part of its code, `vendor`, the user name it signs with on a community site: «severcode_dev») or a developer
    badge (a bare «Партнер» only while the name is unknown), or — reviews only — the reply pasted as the
    last line of the review's own text (_pasted). A reply by anyone else is no answer. With
    `by_author` (comments) the header is the item's author slot (up to its first date, or after a
    date that opens the item), since there the author may be the partner's own message; for reviews
    it is the first text only.
    """
    title, badge = anchored(("reviews", "answer_titles")), anchored(("comments", "developer_badge"))
    shared, staff = anchored(("comments", "shared_badge")), anchored(("comments", "staff_badge"))
    me = name_key(partner)
    answered: set[Any] = set()
    blocks: dict[Any, list[Any]] = {}
    folds = short_folds(listing)
    for at, (el, own) in enumerate(listing.owns):
        is_title = named = False
        text = ""
        short = (folded := folds[at]) is not None
        if folded is not None:
            text = folded
            # the title's own line: the text before the element's first child («Ответ разработчика<br>спасибо …»)
            line = fold(el.text or "") if len(el) else text
            is_title = title(text) is not None and _partner_title(line if title(line) else text, me)
            # the cheap tests first: a title needs no author test, a name needs its substring
            named = not is_title and any(
                key and key in text.lower() and is_partner(own, key) for key in (me, vendor)
            )
        # a long reply opening with its title («Ответ разработчика: …»): past the item's first text only
        opened = not short and _opens_answer(own, me)
        official = False  # a staff badge answers after the partner's signature only
        if short and me and not (is_title or named) and len(own) <= MAX_BADGE_CHARS and staff(text):
            official = (holder := item_of(listing, el)) is not None and _signed(listing, at, holder, me)
        # a badge any agency carries («Партнер») answers only when the name is unknown
        if not (
            is_title or opened or named or official or (short and badge(text) and not (me and shared(text)))
        ):
            if not by_author and _pasted(el, me) and (item := item_of(listing, el)) is not None:
                answered.add(item)  # the reply pasted into the review's own text: no block of its own
            continue
        item = item_of(listing, el)
        if item is None or (opened and not _past_body(listing.starts.get(item, at), at)):
            continue  # (the item's first long text is its own message, no answer inside it)
        if not (is_title or opened):
            lead = named and bool((m := _lead(name_key(own))) and m.group(1))
            if _in_sentence(el, lead, badge=not named):
                continue  # «<b>NordLab</b> молодцы»: a name in running text signs nothing
            if not lead and _quoted(el, item):
                continue  # «<blockquote><b>NordLab</b>: …</blockquote>»: whom a message quotes
            start = listing.starts.get(item, at)
            header = max(start, listing.author_ends.get(item, at)) if by_author else start
            if at <= header:
                continue  # the item's own author line: not an answer to it
        answered.add(item)
        blocks.setdefault(item, []).append(_block_of(el, item))
    for item, filled in answer_cells(listing).items():  # a table's «Ответ» column: a filled cell answers
        if filled:
            answered.add(item)
    return answered, blocks


def _shown_empty(listing: Listing, kind: str) -> bool:
    """The block is there and says it is empty: «Отзывов пока нет», or no content at all."""
    text = fold(inline_text(listing.body))
    if table().search(text, kind, "none"):
        return True
    if fold(own_text(listing.body)):
        return False
    more = table().any_search(("pager", "more"))
    if any(more(fold(inline_text(el))) for el in listing.body.iter("a", "button")):
        return False  # an empty list with «Показать ещё» loads its items by script: not shown empty
    return all(is_chrome(child) for child in listing.body if isinstance(child.tag, str))


def read_items(
    listing: Listing | None, total: int | None, parsed: list[T] | None, kind: str, shown: int | None = None
) -> tuple[int | None, list[T] | None]:
    """(total, items) by the list rule: items `null` when unknown, `[]` only for a shown-empty block
    or a stated total of zero.

    `shown` is how many messages the page shows (comments: replies too), checked against the stated
    total: more items than the page says it has means the items were misread, so they are unknown.
    So does an item dated after the reference day: its date is one its text quotes («обещали к
    01.12.2026»), the text split off its own review, and a list the split did not descend into
    (`Listing.unsplit`).
    """
    if total == 0 and not parsed:
        return 0, []  # a stated zero («Обсуждения (0)»): nothing to read, whether or not the list was found
    if listing is None or parsed is None or undated(listing) or listing.unsplit:
        return total, None  # an unsplit list (items._unsplit): one «item» of them all is no item
    day = today().isoformat()
    if any((item["date"] or "") > day for item in parsed):
        return total, None
    if parsed:
        count = len(parsed) if shown is None else shown
        return (total, None) if total is not None and count > total else (total, parsed)
    if total == 0 or (total is None and _shown_empty(listing, kind)):
        return 0, []
    return total, None


def newest_first(items: list[T]) -> list[T]:
    """Sorted by date, newest first; equal dates keep page order (a stable sort)."""
    items.sort(key=lambda r: r["date"] or "", reverse=True)
    return items
