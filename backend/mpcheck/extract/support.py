"""«Поддержка»: free-form partner HTML read with the shared regexes (DOM.md §10.4).

Only the support tab (or a block titled «Поддержка») is read: the Marketplace's own phone in the
header/footer is not the vendor's support channel.
"""

from __future__ import annotations

import re
from copy import deepcopy
from typing import Any

from lxml import etree

from mpcheck.extract.context import Page
from mpcheck.extract.dates import find_dates
from mpcheck.extract.dom import ancestors, block_text, inline_text, next_element
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold
from mpcheck.extract.values import count_of

CHANNEL_ORDER = ("ticket", "chat", "phone", "email", "telegram", "whatsapp", "skype", "site")


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 2)


def _unit(path: tuple[str, ...], key: str, unit: str) -> float | None:
    rules = table()
    for entry, pattern in zip(rules.entries(*path), rules.rx(*path), strict=True):
        if pattern.match(unit):
            return float(entry[key])
    return None


def _scaled(text: str, path: str, units: str, key: str) -> int | float | None:
    """The first pattern at support/<path> that matches: its count times its unit (in `key` units,
    support/<units>); a pattern without a number group means one unit, or its entry's `count` of them
    («полтора рабочих дня»), and the count may be a number word («в течение одного рабочего дня»,
    `values.count_of`) (TS `scaled`)."""
    rules = table()
    for entry, pattern in zip(rules.entries("support", path), rules.rx("support", path), strict=True):
        for m in pattern.finditer(text):
            if _refused_period(text, m, path):
                continue
            factor = _unit(("support", units), key, m.group(entry["unit_group"]))
            count = count_of(m.group(entry["number_group"])) if "number_group" in entry else _units_of(entry)
            if factor is None:
                return None
            if count is None:
                continue
            value = count * factor
            bound = rules.get("support", f"{path}_max")
            if isinstance(bound, int) and value > bound:
                continue
            return _number(value)
    return None


def _units_of(entry: dict[str, Any]) -> float:
    """How many units a pattern with no number group stands for: its `count` («полтора» = 1.5), else one."""
    count = entry.get("count", 1)
    return float(count) if isinstance(count, int | float) else 1.0


def _refused_period(text: str, m: re.Match[str], path: str) -> bool:
    """A period match that is no such period: a time of day (response), a negation or another
    object inside the match (support/<path>_refused), a purchase or refund term right after it
    (support/<path>_refused_after) (TS `refusedPeriod`)."""
    rules = table()
    if path == "response" and _clock(text, m):
        return True
    if rules.any_search(("support", f"{path}_refused"))(m.group(0)):
        return True
    return bool(rules.any_search(("support", f"{path}_refused_after"))(text[m.end() :]))


def _clock(text: str, m: re.Match[str]) -> bool:
    """A response-time match that reads a time of day (support/response_clock): «после 18 ч», or
    «до 18 ч» in a sentence naming a schedule or a zone (TS `clock`)."""
    rules = table()
    start = max(text.rfind(c, 0, m.start()) for c in ".!?") + 1
    ends = [i for i in (text.find(c, m.end()) for c in ".!?") if i >= 0]
    sentence = text[start : min(ends, default=len(text))]
    for entry, pattern in zip(
        rules.entries("support", "response_clock"), rules.rx("support", "response_clock"), strict=True
    ):
        if pattern.search(m.group(0)) and (
            not entry.get("in_schedule")
            or rules.search(sentence, "support", "hours")
            or rules.search(sentence, "support", "timezone")
        ):
            return True
    return False


def _free_months(text: str) -> int | float | None:
    """Months of free support: «Бесплатная поддержка: 6 месяцев», «полгода бесплатной поддержки»,
    «… в течение года» (no number: one unit)."""
    return _scaled(text, "free_period", "period_units", "months")


def _response_hours(text: str) -> int | float | None:
    """Hours to the first answer: «Время ответа: до 4 часов», «… 8 рабочих часов», «в течение часа»;
    never a paid plan's (support/response_other_plan: «по тарифу «Приоритет» (4 900 руб./мес.,
    первый ответ в течение 1 часа)» beside the support's own «не позднее 4 часов»)."""
    plan = table().any_search(("support", "response_other_plan"))
    own = "".join(s for s in _sentences(_not_sales(text), capital=True) if not plan(s))
    return _scaled(own, "response", "response_units", "hours")


def _not_sales(text: str) -> str:
    """The text without its sentences about the vendor's sales line (support/sales: «Отдел продаж:
    ежедневно с 9:00 до 21:00.»; support/channels/refused_sentence: «Отдел внедрения: +7 …, пн–пт
    9:00–20:00 — только коммерческие вопросы.») or another's support desk (support/other_desk: «в
    поддержку Маркетплейса — отвечают в течение 3 рабочих дней»): their hours and answer times are not
    the vendor's support's (TS `notSales`)."""
    other = table().any_search(
        ("support", "sales"), ("support", "channels", "refused_sentence"), ("support", "other_desk")
    )
    return "".join(s for s in _sentences(text, capital=True) if not other(s))


def _sentences(text: str, capital: bool = False) -> list[str]:
    """The text cut after each sentence end (a «.», «!» or «?» before a space or the end, or with
    `capital` before a capital letter too: two paragraphs' text joined with no space, «21:00.Техподдержка»;
    a clock's «10.00» and a date's «31.12» are no ends, nor an abbreviation's dot: «тел. 8 800 …»,
    support/abbreviation) (TS `sentences`)."""
    out, start = [], 0
    abbreviation = table().any_search(("support", "abbreviation"))
    for i, c in enumerate(text):
        if c in ".!?" and (i + 1 == len(text) or text[i + 1] == " " or (capital and text[i + 1].isupper())):
            if c == "." and abbreviation(text[max(0, i - 6) : i + 1]):
                continue
            out.append(text[start : i + 1])
            start = i + 1
    return [*out, text[start:]] if start < len(text) else out


def _span(text: str) -> re.Match[str] | None:
    """The working hours' clock span: the first of a sentence that names the days and no calendar date
    («пн–пт, с 9:00 до 18:00»), else of one naming the days, else of one with no date, else the first:
    a holiday notice («С 31 декабря по 8 января поддержка работает с 11:00 до 16:00») is an exception,
    not the schedule (TS `span`)."""
    rules = table()
    names_days = rules.any_search(("support", "days"))
    best: tuple[int, re.Match[str]] | None = None
    for sentence in _sentences(text):
        found = rules.search(sentence, "support", "hours")
        if found is None:
            continue
        rank = (0 if names_days(sentence) else 2) + (1 if find_dates(sentence) else 0)
        if best is None or rank < best[0]:
            best = (rank, found)
    return best[1] if best else None


def _hours(text: str) -> str | None:
    """«пн–пт, 9:00–18:00» from «пн–пт, с 9:00 до 18:00» / «с 10:00 до 19:00 …, кроме выходных»."""
    rules = table()
    text = _not_sales(text)
    days = None
    for entry, pattern in zip(rules.entries("support", "days"), rules.rx("support", "days"), strict=True):
        if pattern.search(text):
            days = entry["value"]
            break
    m = _span(text)
    if m:
        span = f"{int(m.group(1))}:{m.group(2) or '00'}–{int(m.group(3))}:{m.group(4) or '00'}"
        return f"{days}, {span}" if days else span
    around = rules.search(text, "support", "around_clock")
    return rules.entries("support", "around_clock")[0]["value"] if around else None


def _timezone(text: str) -> str | None:
    rules = table()
    for entry, pattern in zip(
        rules.entries("support", "timezone"), rules.rx("support", "timezone"), strict=True
    ):
        m = pattern.search(text)
        if m:
            group = entry.get("offset_group")
            offset = (m.group(group) or "").replace(" ", "").replace("−", "-") if group else ""
            return entry["value"] + offset
    return None


def _hits(text: str, name: str) -> list[tuple[int, int]]:
    """Where the text names channel `name`: (start, end) of each hit. A phone number right after a
    messenger's name («WhatsApp +7 …») is that messenger's, not a phone line (TS `hits`)."""
    rules = table()
    not_before = rules.any_search(("support", "channels", "phone_not_before"))
    path = ("support", "channels", name)
    out = []
    for entry, pattern in zip(rules.entries(*path), rules.rx(*path), strict=True):
        group = entry.get("number_group", 0)
        for m in pattern.finditer(text):
            if group and not_before(text[max(0, m.start(group) - 20) : m.start(group)]):
                continue
            out.append((m.start(group), m.end(group)))
    return out


def _asked(after: str) -> bool:
    """Does the sentence the text after a hit goes on in end with a «?» (the first sentence end of
    `_sentences` with `capital`) (TS `asked`)."""
    for i, c in enumerate(after):
        if c in ".!?" and (i + 1 == len(after) or after[i + 1] == " " or after[i + 1].isupper()):
            return c == "?"
    return False


def _clause(before: str, after: str) -> tuple[str, str]:
    """`before` from the last clause end on and `after` up to the next one (support/channels/clause_end)."""
    rules = table()
    start, end = 0, len(after)
    for pattern in rules.rx("support", "channels", "clause_end"):
        for m in pattern.finditer(before):
            start = max(start, m.end())
        if found := pattern.search(after):
            end = min(end, found.start())
    return before[start:], after[:end]


def _sentence_head(before: str, hit: str, after: str) -> str:
    """The sentence (`_sentences`) of the text `before + hit + after` that the hit starts in, up to the
    hit's end: what the sentence says before the hit and the hit itself. A sales phrase after the hit
    («… звоните +7 …, по вопросам оплаты — sales@acme.ru») opens a clause of its own and does not take
    back a support channel named before it (TS `sentenceHead`)."""
    start = 0
    for sentence in _sentences(before + hit + after):
        if start + len(sentence) > len(before):
            return sentence[: len(before) + len(hit) - start]
        start += len(sentence)
    return hit


def _refused(before: str, hit: str, after: str) -> bool:
    """A channel hit its own clause takes back: negated right after or before it, or beside the
    Marketplace's own account / helpdesk or a news channel (support/channels/refused_*), or asked in a
    question («Можно ли позвонить по телефону? Нет, …»: a FAQ's question states no channel), or in a
    sentence that keeps its line for other matters (support/channels/refused_sentence: «Отдел
    внедрения: +7 …, пн–пт 9:00–20:00 — только коммерческие вопросы»), or in a
    sentence about the sales line as a whole (support/sales: «По вопросам оплаты, получения ключа …
    пишите нам, продавцу, в чат на Ozon или звоните +7 …», a reseller's own contacts beside the
    developer's support; the hit's comma clause alone does not reach its opening). Only a sales phrase
    before the hit with no support word between them (the pattern's own look-ahead, run on the
    sentence up to the hit: `_sentence_head`) takes the hit back (TS `refused`)."""
    rules = table()
    if _asked(after) or rules.any_search(("support", "sales"))(_sentence_head(before, hit, after)):
        return True
    if rules.any_search(("support", "channels", "refused_sentence"))(_sentence_of(before, hit, after)):
        return True
    if _heading_refused(before, hit, after) or _negated(before, after):
        return True
    before, after = _clause(before, after)
    width = rules.get("support", "channels", "refused_window")
    near = before[-width:] + hit + after[:width] if isinstance(width, int) else before + hit + after
    return bool(
        rules.any_search(("support", "channels", "refused_near"))(near)
        or rules.any_search(("support", "sales"))(near)
    )


def _negated(before: str, after: str) -> bool:
    """The hit's clause negates it right after or before it (support/channels/refused_after,
    refused_before: «По телефону … не оказываем», «Не консультируем по телефону»), or the rest of its
    sentence does when the hit opens a comma list the negation closes (support/channels/
    refused_list_after: «В WhatsApp, Viber и личных сообщениях … не отвечаем»; the clause ends at the
    first comma) (TS `negated`)."""
    rules = table()
    rest = next(iter(_sentences(after)), "")
    if rules.any_search(("support", "channels", "refused_list_after"))(rest):
        return True
    before, after = _clause(before, after)
    return bool(
        rules.any_search(("support", "channels", "refused_after"))(after)
        or rules.any_search(("support", "channels", "refused_before"))(before)
    )


def _heading_refused(before: str, hit: str, after: str) -> bool:
    """The hit's sentence (`_sentence_of`) opens with a negating heading (support/channels/
    refused_heading: a `dt` «Чего у нас нет» over «онлайн-чата и поддержки по телефону.»): it lists
    what the support does not have (TS `headingRefused`)."""
    return bool(
        table().any_search(("support", "channels", "refused_heading"))(_sentence_of(before, hit, after))
    )


def _sentence_of(before: str, hit: str, after: str) -> str:
    """The whole sentence (`_sentences`) of the text `before + hit + after` that the hit starts in
    (TS `sentenceOf`)."""
    start = 0
    for sentence in _sentences(before + hit + after):
        if start + len(sentence) > len(before):
            return sentence
        start += len(sentence)
    return hit


def _support_refused(text: str, hits: list[tuple[int, int]]) -> bool:
    """The section says it gives no support by this channel: a hit negated in its clause
    (`_negated`) whose clause names support (support/channels/refused_support: «По телефону и
    электронной почте техподдержку не оказываем»). Then no other hit or link of the channel in the
    section is a support line (the sales department's phone, an office e-mail; blind
    solution_framer_site_dataname_zvezda_reviews_free). So too a hit in a sentence a negating heading
    opens (`_heading_refused`) that names support: «Чего у нас нет: онлайн-чата и поддержки по
    телефону.». A negation about something else («Если Telegram-бот не отвечает, напишите в
    Telegram») takes back its own hit only (TS `supportRefused`)."""
    rules = table()
    names_support = rules.any_search(("support", "channels", "refused_support"))
    for s, e in hits:
        before, hit, after = text[:s], text[s:e], text[e:]
        if _negated(before, after):
            head, tail = _clause(before, after)
            if names_support(head + hit + tail):
                return True
        elif _heading_refused(before, hit, after) and names_support(_sentence_of(before, hit, after)):
            return True
    return False


def _named_again_refused(text: str, hits: list[tuple[int, int]], s: int, e: int) -> bool:
    """The hit's clause names its channel again and negates it there (`_negated`): a channel table's
    row «WhatsApp | — | в WhatsApp не отвечаем» closed as «WhatsApp — в WhatsApp не отвечаем.» (blind
    solution_dokuwiki_kaos_iset_bonusclub) labels the channel only to refuse it. The clause ends at a
    comma, so «Если Telegram-бот не отвечает, напишите в Telegram» keeps its later hit (TS
    `namedAgainRefused`)."""
    _, tail = _clause(text[:s], text[e:])
    return any(s2 >= e and e2 <= e + len(tail) and _negated(text[:s2], text[e2:]) for s2, e2 in hits)


def _channels(text: str, links: list[tuple[str, str | None, str | None]]) -> list[str]:
    """The channels the text names and not takes back, then those only a link's href names (its
    anchor's clause in its block is the context; `links`: href, block text before and after the
    anchor, None when the anchor's text is not found there)."""
    found = []
    for name in CHANNEL_ORDER:
        hits = _hits(text, name)
        if _support_refused(text, hits):
            continue
        stated = any(
            not _refused(text[:s], text[s:e], text[e:]) and not _named_again_refused(text, hits, s, e)
            for s, e in hits
        )
        if not stated:
            for href, before, after in links:
                if any(not _refused(before or "", href[s:e], after or "") for s, e in _hits(href, name)):
                    stated = True
                    break
        if stated:
            found.append(name)
    return found


def read_support_text(
    text: str, links: list[tuple[str, str | None, str | None]] | None = None
) -> dict[str, Any]:
    """All support facts of one (folded) support text; `links` as `_channels` takes them."""
    return {
        "free_months": _free_months(text),
        "channels": _channels(text, links or []),
        "hours": _hours(text),
        "timezone": _timezone(text),
        "response_hours": _response_hours(text),
    }


def support(body: Any) -> dict[str, Any]:
    """Support facts of the support tab body; every field null when the page has none."""
    if body is None:
        return {
            "free_months": None,
            "channels": None,
            "hours": None,
            "timezone": None,
            "response_hours": None,
        }
    facts = read_support_text(fold(_rows_closed(body)), [_link(a, body) for a in body.iter("a")])
    if facts["free_months"] is None:
        facts["free_months"] = _free_row(body)
    return facts


def _free_row(body: Any) -> int | float | None:
    """Months of free support from a row of the section's own table labelled only «Бесплатно»
    (support/free_label: a `th` or `dt` whose value is the `td` or `dd` right after it) whose value
    opens with a period (support/free_label_value): in the support section the free thing is the
    support («Бесплатно | 3 месяца с даты покупки», an Ant Design descriptions table, blind
    solution_antd5_descriptions_zarya_pharmacy_shop). Read only when the text names no free period;
    «Бесплатные обновления | 12 месяцев» is another label (TS `freeRow`)."""
    rules = table()
    for label in body.iter("th", "dt"):
        value = next_element(label)
        if value is None or value.tag not in ("td", "dd"):
            continue
        if rules.search(fold(inline_text(label)), "support", "free_label"):
            months = _scaled(fold(inline_text(value)), "free_label_value", "period_units", "months")
            if months is not None:
                return months
    return None


_ENDS = (".", "!", "?")


def _rows_closed(body: Any) -> str:
    """The body's text with every table row and every definition list value closed as a sentence
    («Режим работы | пн–пт, 09:00–18:00» and «Время ответа | не более 1 рабочего дня» rows, then
    «Телефон … — только отдел продаж.»): rows have no sentence ends, so a sales sentence after the
    table (_not_sales) took the rows with it (blind solution_bulma_level_tiles_ozerokod_crm), and a
    paid plan's `dd` («Приоритетная поддержка | тариф «Приоритет» — 2 900 руб./мес., первый ответ в
    течение 1 часа», _response_hours) took every row of its `dl` (blind
    solution_jekyll_minima_ghpages_volga_cdek). A «.» goes at the end of each row's last cell and of
    each `dd`, in a copy; never after a header row of `th` only («Канал | Время ответа» over «Тикет |
    до 4 часов»: the header's words go on into the first row) (TS `rowsClosed`)."""
    if next(body.iter("tr", "dd"), None) is None:
        return block_text(body)
    copy = deepcopy(body)
    for row in copy.iter("tr"):
        cells = [c for c in row if isinstance(c.tag, str)]
        if any(c.tag == "td" for c in cells) and not block_text(row).endswith(_ENDS):
            etree.SubElement(cells[-1], "span").text = "."
    for value in copy.iter("dd"):
        if not block_text(value).endswith(_ENDS):
            etree.SubElement(value, "span").text = "."
    return block_text(copy)


def _card_value(text: str) -> bool:
    """A properties card's value is one short phrase (`support.card_value_max_chars`), not a
    paragraph going on to another sentence («6 месяцев. Пишите на …»: a support text, not a card line)."""
    limit = table().get("support", "card_value_max_chars")
    if not isinstance(limit, int) or len(text) > limit:
        return False
    return not any(
        text[i] in ".!?" and text[i + 1] == " " and text[i + 2].isupper() for i in range(len(text) - 2)
    )


def labelled_free_months(page: Page) -> int | float | None:
    """Months of free support from the page's own properties card, for a page with no support section
    (an SPA saved on another route): the first line labelled like support (`fields.support_free`,
    page zone only) whose label and value together name a free period («Поддержка: 12 месяцев
    бесплатно»). Only free_months: such a line says nothing of channels, hours or answer times, and a
    line with no free period («Поддержка: ежедневно», «Поддержка: 12 месяцев») gives nothing."""
    label: list[Any] = []

    def accept(el: Any) -> bool:  # called with the label element before its value is checked
        label[:] = [el]
        return True

    def valid(text: str) -> bool:
        if not label or not _card_value(text):
            return False
        return _free_months(fold(inline_text(label[0]) + " " + text)) is not None

    hit = page.index.find("support_free", accept=accept, valid=valid)
    return _free_months(fold(inline_text(hit.label) + " " + hit.text)) if hit else None


def _link(anchor: Any, body: Any) -> tuple[str, str | None, str | None]:
    """An anchor's href with the text of its block before and after the anchor (None, None when the
    anchor's text is not found in its block): the href is judged by the anchor's own clause."""
    rules = table()
    block = body
    for el in ancestors(anchor.getparent()):
        if el is body or el.tag in rules.block_tags:
            block = el
            break
    text, label = fold(block_text(block)), fold(block_text(anchor))
    at = text.find(label) if label else -1
    href = fold(anchor.get("href") or "")
    return (href, text[:at], text[at + len(label) :]) if at >= 0 else (href, None, None)
