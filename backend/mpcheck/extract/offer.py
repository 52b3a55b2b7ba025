"""Price and trial: the solution's own price (not bundles or upsells), the end of its discount, and the
demo mode (not the demo site; a negated mention — «без демо», «не предусмотрен» — is no trial)."""

from __future__ import annotations

from itertools import islice
from typing import Any
from urllib.parse import urlsplit

from mpcheck.extract import values
from mpcheck.extract.context import Page
from mpcheck.extract.dates import parse_end_date
from mpcheck.extract.dom import (
    STRUCK_ATTR,
    STRUCK_TEXT,
    absolute_url,
    ancestors,
    css,
    inline_text,
    label_cell,
    label_cell_before,
    link_url,
    matches,
    next_element,
    text_before,
    text_without,
)
from mpcheck.extract.label_table import table
from mpcheck.extract.labelled import label_box
from mpcheck.extract.links import in_page, text_urls
from mpcheck.extract.text import fold, norm, without_icons

MAX_CLIMB = 4  # how far up from «Купить» the buy block may be
MAX_FREE_CHARS = 40  # an element of the buy block whose whole text is «Бесплатно»
_VALUE_CELLS = ("td", "dd")  # a table row's or a definition list's value cell
_ROW_LABEL_CHARS = 40  # a row's label is short («Онлайн-демо», «Демо-сайт магазина»)
MARK = 0xE000  # private-use characters standing for the struck prices in a text (the page's own cut first)


def _struck(el: Any) -> list[Any]:
    return [s for sel in table().entries("fields", "price", "struck") for s in css(el, sel["css"])]


def _spoken(el: Any) -> list[Any]:
    """Words for screen readers only inside a price (tab_checks.assistive_text: WooCommerce's
    «<span class="screen-reader-text">Первоначальная цена составляла 19 900 ₽.</span>» after its
    struck <del>): they restate the prices shown, an old one among them, in words."""
    return css(el, ", ".join(e["css"] for e in table().entries("tab_checks", "assistive_text")))


def _unspoken(el: Any, text: str, marked: str) -> tuple[str, str]:
    """The text and the marked text without the screen-reader words (_spoken) when a price is still
    shown without them; as they are otherwise (a price said only to screen readers stays read)."""
    cut, cut_marked = text, marked
    for s in _spoken(el):
        said = without_icons(inline_text(s))
        if said:
            cut = cut.replace(said, " ", 1)
            cut_marked = cut_marked.replace(said, " ", 1)
    return (cut, cut_marked) if cut != text and _is_price(norm(cut)) else (text, marked)


def price_in(el: Any, text: str) -> dict[str, Any] | None:
    """Price of a value element: struck text is the old price, the rest is the current one. A struck
    price is the old one only next to the current price (fields.price.old_gap): «продление <s>12 000</s>»,
    «вместо заказной разработки за <s>60 000</s>» strike another thing's price. A free wording bound to
    a condition («Бесплатно для клиентов ACME.CRM, для остальных — 4 900 руб.») is a price nobody can
    tell: all nulls, and the search stops at it (fields.price.free_conditional). Words for screen
    readers only are left out while a price is shown without them (_unspoken). Icon-font glyphs
    (private-use characters, «&#xE8C8;» of a Fluent UI tag icon before the price) are no part of a
    price and are cut first: the marks standing for the struck prices are private-use characters too,
    and a page's own glyph must never be taken for one (TS `priceIn`)."""
    olds: list[tuple[str, int | None]] = []
    text = without_icons(text)
    marked = text
    for i, s in enumerate(_struck(el) if el is not None else []):
        struck = without_icons(inline_text(s))
        mark = chr(MARK + i)
        if s.get(STRUCK_ATTR) != STRUCK_TEXT:  # struck text that is more than a price: no old price
            olds.append((mark, values.money(struck)))
        text = text.replace(struck, " ", 1)
        marked = marked.replace(struck, f" {mark} ", 1)
    if el is not None:
        text, marked = _unspoken(el, text, marked)
    text = norm(text)
    if values.is_free(text):
        if table().search(fold(text), "fields", "price", "free_conditional"):
            return {"rub": None, "old_rub": None, "free": None}  # «Бесплатно для клиентов …»: unknown
        return {"rub": 0, "old_rub": None, "free": True}
    rub = values.money(text)
    if rub is None:
        return None
    if not olds and _two_bare(text, rub):
        return {"rub": None, "old_rub": None, "free": None}  # «12 900 ₽ 9 900 ₽», nothing struck: unknown
    old = _next_to(norm(marked), olds, rub) if olds else _worded_old(text, rub)
    return {"rub": rub, "old_rub": old if old != rub else None, "free": rub == 0}


def _worded_old(text: str, rub: int) -> int | None:
    """A higher second price right after the current one with only an old-price wording between them
    (fields.price.old_words: «14 900 руб. (без скидки — 17 900 руб.)», «7 490 руб. вместо 9 990 руб.»)
    is the old price, struck or not; «9 900 руб. вместо заказной разработки за 60 000 руб.» is none (TS
    `wordedOld`)."""
    at = values.money_at(text)
    if at is None or at[0] != rub:
        return None
    folded = fold(text)
    second = values.money_at(folded[at[2] :])
    if second is None or second[0] <= rub:
        return None
    gap = folded[at[2] : at[2] + second[1]]
    return second[0] if table().search(gap, "fields", "price", "old_words") else None


def _two_bare(text: str, rub: int) -> bool:
    """Two different prices side by side with nothing but spaces or punctuation between them and
    nothing struck («<span class="price__old">12 900 ₽</span> <span class="price__new">9 900 ₽</span>»,
    the stylesheet that strikes one not saved): which is the current price the page does not say
    in its text (audit5 r3_bem_old_double_underscore, r3_sale_badge_then_prices)."""
    at = values.money_at(text)
    if at is None or at[0] != rub:
        return False
    folded = fold(text)
    second = values.money_at(folded[at[2] :])
    if second is None or second[0] == rub:
        return False
    return table().search(folded[at[2] : at[2] + second[1]], "fields", "price", "bare_gap") is not None


def _next_to(marked: str, olds: list[tuple[str, int | None]], rub: int) -> int | None:
    """The first struck price (its mark in `marked`) with nothing but old-price words between it and
    the current price `rub`."""
    at = values.money_at(marked)
    if at is None or at[0] != rub:
        return None
    _, start, end = at
    folded = fold(marked)
    for mark, old in olds:
        pos = folded.find(mark)
        if old is None or pos < 0:
            continue
        gap = folded[end:pos] if pos >= end else folded[pos + 1 : start] if pos < start else None
        if gap is not None and table().search(gap, "fields", "price", "old_gap"):
            return old
    return None


def _is_price(text: str) -> bool:
    return values.money(text) is not None or values.is_free(text)


def _buy_block(page: Page) -> tuple[dict[str, Any], Any] | None:
    """DOM.md §10.3: the price in the control itself («Купить за 9 900 руб.»), else in the nearest
    ancestor of «Купить» that holds one: its chosen option, else its first price that is no other
    thing's (_block_price)."""
    rules = table()
    for control in page.outside(css(page.root, "a, button, input[type=submit], [role=button]")):
        label = control.get("value") if control.tag == "input" else inline_text(control)
        if not rules.search(fold(label), "fields", "price", "buy_buttons"):
            continue
        own = price_in(control, label or "")
        if own is not None and not own["free"]:
            return own, control
        for anc in list(ancestors(control))[1 : MAX_CLIMB + 1]:
            price = _with_shown_old(_chosen(anc), anc) or _block_price(anc) or _free_in(anc)
            if price is not None:
                return price, anc
    return None


def _chosen(block: Any) -> dict[str, Any] | None:
    """The price of the option the block shows as chosen: a selected <option>, a checked radio's label
    («Модуль + настройка — 24 900 руб.» before the checked «Только модуль — 9 900 руб.»), unless its
    label names another thing (row_not_own: «Продление на год — 4 950 руб.»). A select with no selected
    option shows its first one."""
    rules = table()
    shown = css(block, "option[selected], input[type=radio][checked]")
    for select in css(block, "select:not([multiple])"):
        options = css(select, "option")
        if options and not css(select, "option[selected]"):
            shown.append(options[0])  # a select with no selected option shows its first
    for el in shown:
        holder = el if el.tag == "option" else _label_of(el, block)
        lead = _lead(inline_text(holder)) if holder is not None else ""
        if holder is None or any(
            rules.search(lead, "fields", "price", k) for k in ("row_not_own", "row_bundle")
        ):
            continue
        found = price_in(holder, inline_text(holder))
        if found is not None:
            return found
    return None


def _with_shown_old(chosen: dict[str, Any] | None, block: Any) -> dict[str, Any] | None:
    """A chosen option's price with the old price the block shows for that same price: an option
    states only its current price («Лицензия на 1 сайт — 7 920 ₽»), the block's price line above it
    strikes the old one beside it («7 920 ₽ <s>9 900 ₽</s> −20%», a Bitrix UI-kit buy block; blind
    solution_bxvue3_uikit_redesign_svir_yookassa). Taken only when the block's own first price is
    the chosen one and its old price is higher (TS `withShownOld`)."""
    if chosen is None or chosen["old_rub"] is not None or not chosen["rub"]:
        return chosen
    shown = _block_price(block)
    if shown is None or shown["rub"] != chosen["rub"] or not (shown["old_rub"] or 0) > chosen["rub"]:
        return chosen
    return {**chosen, "old_rub": shown["old_rub"]}


def _lead(text: str) -> str:
    """The folded text before the first money of a text (all of it when it has none)."""
    folded = fold(text)
    m = table().rx("fields", "price", "values")[0].search(folded)
    return (folded[: m.start()] if m else folded).strip()


def _label_of(el: Any, block: Any) -> Any:
    """The <label> around a radio inside the block, else the radio's parent."""
    for anc in ancestors(el):
        if anc is block:
            break
        if anc.tag == "label":
            return anc
    return el.getparent()


def _block_price(block: Any) -> dict[str, Any] | None:
    """The block's first price, leaving out the rows that are another thing's (_other_rows): all the
    labelled rows while the block holds a price besides them, else those that name another thing, and
    a bundle's («Модуль + настройка —») while a labelled row of its own stays («Только модуль —»).
    Two own rows of different prices and none chosen («Старт — 4 900 руб.», «Бизнес — 9 900 руб.»)
    leave the price unsaid: None."""
    text = inline_text(block)
    rows = _other_rows(block)
    if rows:
        rest = text
        for row, _, _ in rows:
            rest = rest.replace(row, " ", 1)
        found = price_in(block, rest)
        if found is not None:
            return found
        own = {values.money(row) for row, other, bundle in rows if not other and not bundle}
        if len(own) > 1:
            return None  # «Старт — 4 900 руб.», «Бизнес — 9 900 руб.», none chosen: which one is not said
        own_kept = bool(own)
        for row, other, bundle in rows:
            text = text.replace(row, " ", 1) if other or (bundle and own_kept) else text
    return price_in(block, text)


def _other_rows(block: Any) -> list[tuple[str, bool, bool]]:
    """The rows of a buy block that hold one price behind a label of their own (fields.price.row_label:
    «Установка и настройка специалистом: 3 000 руб.»), a price label aside; with whether that label
    names another thing (row_not_own) and whether it names a bundle (row_bundle). A row is the largest element around its price holding no other;
    a struck one («Старая цена: <s>12 000 руб.</s>») is an old price, which price_in judges."""
    rules = table()
    money_rx = rules.rx("fields", "price", "values")[0]
    texts: dict[Any, str] = {}
    counts: dict[Any, int] = {}

    def text_of(el: Any) -> str:
        if el not in texts:
            texts[el] = inline_text(el)
        return texts[el]

    def count(el: Any) -> int:
        if el not in counts:
            counts[el] = len(money_rx.findall(fold(text_of(el))))
        return counts[el]

    rows: list[tuple[str, bool, bool]] = []
    if not count(block):
        return rows  # no money in the block: no row holds a price (a long buy block of words, #8)
    for el in block.iter():
        if el is block or not isinstance(el.tag, str) or count(el) != 1:
            continue
        parent = el.getparent()
        if (parent is not block and count(parent) < 2) or _struck(el):
            continue
        lead = _lead(text_of(el))
        labelled = rules.search(lead, "fields", "price", "row_label")
        if labelled and not rules.search(lead, "fields", "price", "free_lead"):
            other = bool(rules.search(lead, "fields", "price", "row_not_own"))
            rows.append((text_of(el), other, bool(rules.search(lead, "fields", "price", "row_bundle"))))
    return rows


def _free_in(block: Any) -> dict[str, Any] | None:
    """A buy block with no money whose price is an element of its own saying «Бесплатно» (the
    block's whole text runs on into the next line: «Бесплатно Версия 3.0.4 …» is no free wording)."""
    rules = table()
    if rules.search(fold(inline_text(block)), "fields", "price", "free_refuse"):
        return None  # «Цена по запросу»
    for el in block.iter():
        if el is not block and isinstance(el.tag, str):
            text = inline_text(el)
            if (
                len(text) <= MAX_FREE_CHARS
                and values.is_free(text)
                and not rules.search(fold(text), "fields", "price", "free_conditional")
                and _free_alone(el, rules)
            ):
                return {"rub": 0, "old_rub": None, "free": True}
    return None


def _free_alone(el: Any, rules: Any) -> bool:
    """The «Бесплатно» element is the price: no words follow it, and the text before it is nothing
    or a price label («Цена: <span>Бесплатно</span>»), never another label («Установка — …»)."""
    if rules.search(fold(el.tail or ""), "fields", "price", "free_tail"):
        return False
    prev = el.getprevious()
    parent = el.getparent()
    lead = (prev.tail if prev is not None else parent.text if parent is not None else "") or ""
    if lead.strip():
        return rules.search(fold(lead).strip(), "fields", "price", "free_lead") is not None
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    before = fold(inline_text(prev)).strip() if prev is not None else ""
    return not rules.search(before, "fields", "price", "free_label_end") or bool(
        rules.search(before, "fields", "price", "free_lead")
    )


MAX_AFTER_CHARS = 40  # how far past a discount wording its sentence is read (discount_not_own_after)
SENTENCE_ENDS = (". ", "! ", "? ")  # a date's own dots («15.12.2026») are followed by digits


def _sentence(text: str) -> str:
    """The text up to its first sentence end («… до 30.11.2026. Установка …» stops at the date)."""
    ends = [i for i in (text.find(end) for end in SENTENCE_ENDS) if i >= 0]
    return text[: min(ends)] if ends else text


def discount_until(text: str) -> str | None:
    """The end date of a discount («Акция до 30.11.2026», «Скидка действует до 30 ноября»)."""
    rules = table()
    folded = fold(text)
    for pattern in rules.rx("fields", "price", "discount_until"):
        for m in pattern.finditer(folded):
            before = folded[m.start(0) : m.start(1)]  # the wording up to its date
            if rules.search(before, "fields", "price", "discount_not_own"):
                continue  # «Скидка 50% на продление … до», «при покупке от 3 лицензий»: not this price
            after = _sentence(folded[m.start(1) : m.end(0) + MAX_AFTER_CHARS])
            if rules.search(before + after, "fields", "price", "discount_not_own_after"):
                continue  # «… до 31.12.2026 от 3 лицензий», «… на сотни решений», «… — настройка в подарок»
            date = parse_end_date(m.group(1))
            if date:
                return date
    return None


def _dialog_title(dialog: Any, page: Page) -> str:
    """A dialog's title: the element its aria-labelledby names, else its first heading, else its
    aria-label."""
    ids = set((dialog.get("aria-labelledby") or "").split())
    titled = [el for el in css(page.root, "[id]") if el.get("id") in ids][:1] if ids else []
    if not titled:
        titled = css(dialog, ", ".join([*sorted(table().heading_tags), "[role='heading']", ".modal-title"]))[
            :1
        ]
    return " ".join(inline_text(el) for el in titled) or dialog.get("aria-label") or ""


def _other_offers(page: Page) -> list[Any]:
    """The dialogs about another offer (fields.price.dialogs titled as fields.price.discount_not_own:
    «Продление лицензии»): their struck price and «Акция до …» are that offer's, not this price's."""
    rules = table()
    found = []
    for sel in rules.entries("fields", "price", "dialogs"):
        for dialog in css(page.root, sel["css"]):
            title = fold(_dialog_title(dialog, page))
            if dialog not in found and rules.search(title, "fields", "price", "discount_not_own"):
                found.append(dialog)
    return found


MAX_UNTIL_CHARS = 300  # a price with no old price: its own small block («Цена: 7 900 руб. Акция до 31.12»)


def _until(page: Page, near: Any, discounted: bool = True) -> str | None:
    """The discount end stated next to this solution's price (its block), else in the page head
    while the price shows a discount (`discounted`: an old price beside it; without one only its
    small block of at most MAX_UNTIL_CHARS is read); never in a dialog about
    another offer (renewal). A price with no old price is no discount's: an «Акция до …» elsewhere
    in the head is a newsletter's promo code, a store-wide sale, a recommended card's («Подпишитесь
    на рассылку — скидка 10% до 31.12.2026», «скидки на все наши решения до 30.11»: audit5
    pr_newsletter_head, pr_blackfriday_allsolutions, pr_related_card_promo)."""
    others = _other_offers(page)
    for anc in list(ancestors(near))[:MAX_CLIMB] if near is not None else []:
        if not discounted and len(inline_text(anc)) > MAX_UNTIL_CHARS:
            return None  # past the price's small block: the whole head (its <main>) is no nearer
        found = discount_until(text_without(anc, [d for d in others if d is not anc and _inside(d, anc)]))
        if found:
            return found
    return discount_until(page.head_without(others)) if discounted else None


def _inside(el: Any, block: Any) -> bool:
    return any(a is block for a in ancestors(el.getparent()))


MAX_BLOCK_CHARS = 160  # the price's own small block: a struck price there is its old price
MAX_OLD_CLIMB = 3  # how many levels up from the price its small block may be (PrestaShop: 3)


def _old_beside(el: Any, rub: int) -> int | None:
    """A struck price next to the labelled one in its small block (<p>Цена: 15 900</p><s>19 900</s>),
    higher than it (an old price is never the lower one); next to it as price_in reads one, so
    «Цена: 9 900 руб. <span>продление <s>12 000 руб.</s> 4 950 руб.</span>» has none. The block is the
    nearest of the price's first MAX_OLD_CLIMB ancestors, each of at most MAX_BLOCK_CHARS, that reads
    this price with an old one (PrestaShop 1.7: «div.product-prices > div.product-discount >
    span.regular-price» beside «div.product-price > div.current-price > span[itemprop=price]»); the
    climb stops at a block that reads another price first. The value element itself comes first: a
    label's value read only up to its struck part («<li><b>Цена:</b> 14 900 руб. <s>18 600 руб.</s> —
    …</li>», the label's own text node) leaves the old price inside that element, not beside it."""
    parent = el
    for _ in range(MAX_OLD_CLIMB + 1):
        if parent is None or len(inline_text(parent)) > MAX_BLOCK_CHARS:
            return None
        found = price_in(parent, inline_text(parent))
        if found is not None and found["rub"] != rub:
            return None
        old = found["old_rub"] if found is not None else None
        if old is not None:
            return old if old > rub else None
        parent = parent.getparent()
    return None


_TAG_CHARS = set("0123456789 %-−–")  # a discount tag «−24%» beside the struck price, nothing else


def _old_after(el: Any, rub: int) -> int | None:
    """The element right after the labelled price's value element, when it is one struck price and at
    most a discount tag: Bulma's buy box «<p class=heading>Цена</p><p class=title>18 900 руб.</p><p>
    <span class=mp-price-old>24 900 руб.</span> <span class=tag>−24%</span></p>», whose small block is
    the whole box (blind solution_bulma_level_tiles_ozerokod_crm). Higher than the price only; a line
    with words or another price («Продление <s>12 000</s> 9 450 руб.») is another thing's (TS `oldAfter`)."""
    nxt = next_element(el) if el is not None else None
    if nxt is None or len(inline_text(nxt)) > MAX_BLOCK_CHARS:
        return None
    struck = [s for s in _struck(nxt) if s.get(STRUCK_ATTR) != STRUCK_TEXT]
    if len(struck) != 1 or not set(norm(text_without(nxt, struck))) <= _TAG_CHARS:
        return None
    old = values.money(inline_text(struck[0]))
    return old if old is not None and old > rub else None


def _old_in_box(el: Any, sel: dict[str, Any], rub: int) -> int | None:
    """The old price a selector's `old` element states in the price's own box (the nearest ancestor
    matching its `box`), read like the price (its `attr`), higher than it: Magento's price-box
    «<span data-price-type="oldPrice" data-price-amount="74900">» beside the finalPrice one. Only that
    box: the related products' and the mini-cart's boxes are other things' prices."""
    if not sel.get("box") or not sel.get("old"):
        return None
    box = next((a for a in ancestors(el.getparent()) if matches(a, sel["box"])), None)
    for found in css(box, sel["old"]) if box is not None else []:
        raw = found.get(sel["attr"]) if sel.get("attr") and found.get(sel["attr"]) else inline_text(found)
        old = values.money(raw) or values.money(f"{raw} руб.")
        return old if old is not None and old > rub else None
    return None


def _past_struck(label: Any, value_el: Any) -> tuple[dict[str, Any], Any] | None:
    """A label whose value element is only a struck price («<b>Цена:</b> <s>54 900 руб.</s> 39 900
    руб.»): that is the old price of a value running on after it, so the price is read from the
    label's own small block (the parent of both, at most MAX_BLOCK_CHARS), the label left out, its
    struck part the old price. The label is taken with the wrappers that hold only it (`label_box`), and
    the value may wrap its struck price (a word processor's «<font><font><b>Цена:</b></font></font><font><font><strike>54 900
    руб.</strike></font></font> 39 900 руб.»), so a struck price in font runs is one too (TS `pastStruck`)."""
    parent = value_el.getparent() if value_el is not None else None
    if (
        parent is None
        or label_box(label).getparent() is not parent
        or not any(inline_text(s) == inline_text(value_el) for s in _struck(value_el))
        or len(inline_text(parent)) > MAX_BLOCK_CHARS
    ):
        return None
    found = price_in(parent, text_without(parent, [label]))
    return (found, parent) if found else None


def _own_price(page: Page) -> tuple[dict[str, Any], Any] | None:
    hit = page.index.find("price", valid=_is_price)
    if hit:
        found, near = price_in(hit.value_el, hit.text), hit.value_el
        if found is None:
            found, near = _past_struck(hit.label, hit.value_el) or (None, near)
        if found:
            page.found_by["price"] = "label"
            if found["old_rub"] is None and not found["free"] and found["rub"] is not None:
                found["old_rub"] = _old_beside(near, found["rub"]) or _old_after(near, found["rub"])
            return found, near
    block = _buy_block(page)
    if block:
        page.found_by["price"] = "buy-block"
        return block
    for sel in table().entries("fields", "price", "selectors"):
        for el in page.outside(css(page.root, sel["css"])):
            raw = el.get(sel["attr"]) if sel.get("attr") and el.get(sel["attr"]) else inline_text(el)
            rub = values.money(raw) or values.money(f"{raw} руб.")
            if rub is not None:
                page.found_by["price"] = "selector"
                # the box's old price (Magento), else Shopify's <s> compare-at price beside it
                old = (_old_in_box(el, sel, rub) or _old_beside(el, rub)) if rub else None
                return {"rub": rub, "old_rub": old, "free": rub == 0}, el
    return None


def price(page: Page) -> dict[str, Any]:
    """{rub, old_rub, free, discount_until}: label «Цена», then the buy block, then selectors; nulls
    when absent. `discount_until` is reported as stated, even when already past (the engine judges)."""
    found = _own_price(page)
    if found is None:
        return {"rub": None, "old_rub": None, "free": None, "discount_until": None}
    result, near = found
    unknown = result["free"] or result["rub"] is None
    discounted = result["old_rub"] is not None
    return {**result, "discount_until": None if unknown else _until(page, near, discounted)}


def _row_label(a: Any) -> str:
    """The label cell of the table row (or `dt`) whose value cell (`td` / `dd`, up to MAX_CLIMB levels
    up) opens with the link: «<td>Онлайн-демо</td><td><a>b2b-demo.…</a> (логин demo)</td>»; "" when
    the link is in no value cell, does not open it, or the cell before holds a link itself (TS
    `rowLabel`)."""
    cell = next((c for c in islice(ancestors(a), MAX_CLIMB) if c.tag in _VALUE_CELLS), None)
    if cell is None or css(cell, "a[href]")[0] is not a or not inline_text(cell).startswith(inline_text(a)):
        return ""  # no value cell, or the link does not open it (a link inside a sentence of the cell)
    return label_cell_before(cell)


def _online_demo(page: Page) -> str | None:
    """The demo SITE: a link named «Онлайн-демо» / «Демо-сайт», or a link right after such words:
    in the text before it, or, with nothing but spaces between, in the label element right before it
    («<b>Онлайн-демо:</b> <a>demo.acme.ru</a>», «<th>Демо-сайт</th><td><a>…</a></td>»: label_cell);
    or the first link of a table row labelled so, with more in its cell (`_row_label`). A bare
    «#fragment» link is passed over (`in_page`): a table of contents' «Демо-режим и онлайн-демо» jumps to
    a section of this page, which is no demo site."""
    rules = table()
    for a in page.outside(css(page.root, "a[href]"), "about"):
        if in_page(a):
            continue
        named = rules.search(fold(inline_text(a)), "demo", "not_trial")
        before = text_before(a) if norm(text_before(a)) else label_cell(a)
        label = fold(_row_label(a))
        if (
            named
            or rules.search(fold(before), "demo", "not_trial_before")
            or (len(label) <= _ROW_LABEL_CHARS and rules.search(label, "demo", "not_trial"))
        ):
            url = link_url(a, page.base)  # a click-tracking href: the URL its text shows
            if url:
                return url
    return None


def _text_online_demo(page: Page) -> str | None:
    """«Онлайн-демо: https://…» as text (links.text_online_demo): the first such address off the
    platform's own sites (links.documentation_host: the Marketplace, 1c-bitrix.ru), where an address
    is another solution's card or the platform's page, never this solution's demo site (TS
    `textOnlineDemo`)."""
    rules = table()
    return next(
        (
            u
            for u in text_urls(page, "text_online_demo")
            if not rules.search(u, "links", "documentation_host")
        ),
        None,
    )


def _unlimited(text: str) -> bool:
    """A demo label's value that says the trial has no end («без ограничения срока», «бессрочно»)."""
    return table().search(fold(text), "demo", "unlimited") is not None


def _refused(text: str) -> bool:
    """A demo label's value that says there is no trial («нет», «не предусмотрен», «без демо», or that
    none is needed, `demo.refusals`: «не требуется, решение бесплатное»), not the «без ограничения
    срока» of an unlimited one. A value that says the trial is given no more refuses too («на 30 дней
    больше не предоставляется», «(30 дней) отключён»: `values.given_no_more`, read on the value)."""
    if table().search(fold(text), "demo", "refusals") or values.given_no_more(fold(text)):
        return True
    return values.yes_no(text) is False and not _unlimited(text)


def _granted(text: str) -> bool:
    """A demo label's value that says there is a trial without its length («Есть», «Да», «бессрочно»)."""
    return values.yes_no(text) is True or _unlimited(text)


def _leaves_site(page: Page, control: Any) -> bool:
    """A trial button that links off the 1C-Bitrix sites (and off the page's own host) opens the
    vendor's demo site («Попробовать» → https://demo.vendor.ru/admin/), not this solution's demo mode."""
    url = absolute_url(control.get("href"), page.base)
    if url is None:
        return False
    host = urlsplit(url).netloc.lower()
    own = urlsplit(page.base or "").netloc.lower()
    return host != own and table().search(host, "demo", "trial_hosts") is None


def _help_page(page: Page, control: Any) -> bool:
    """A link to a help / FAQ / documentation page (demo.help_links on its host and path:
    marketplace.1c-bitrix.ru/help/trial/): it tells how trials work in general, not this solution's."""
    url = absolute_url(control.get("href"), page.base)
    if url is None:
        return False
    parts = urlsplit(url)
    return table().search(parts.netloc.lower() + parts.path.lower(), "demo", "help_links") is not None


def _trial_links(page: Page) -> list[Any]:
    """Links whose text names a trial but that lead to a help page or off the site (a sticky bar's
    «Пробный период» → /help/trial/): navigation, left out of the text a trial is read from."""
    rules = table()
    return [
        a
        for a in page.outside(css(page.root, "a[href]"))
        if (_help_page(page, a) or _leaves_site(page, a))
        and (
            rules.any_search(("demo", "trial_words"))(fold(inline_text(a)))
            or values.demo_days(fold(inline_text(a)))
        )
    ]


def _trial_mentioned(text: str) -> bool | None:
    """True when the text names a trial, False when every mention is negated, None when none."""
    mentions = [
        m
        for p in table().rx("demo", "trial_words")
        for m in p.finditer(text)
        if not values.other_trial(text, m.start(), m.end())  # «тестовый период внедрения»
    ]
    if not mentions:
        return None
    return any(not values.negated(text, m.start(), m.end()) for m in mentions)


MAX_QUESTION_CHARS = 200  # a FAQ question is one short sentence


def _questions(page: Page) -> list[Any]:
    """The head's questions about a trial (demo.questions: «<summary>Есть ли пробный период?</summary>»):
    an element whose whole text is one short yes / no question (demo.question_yes_no) naming a trial
    word, the innermost of nested ones. It asks; it states nothing."""
    rules = table()
    names = rules.any_search(("demo", "trial_words"))
    found: list[Any] = []
    for sel in rules.entries("demo", "questions"):
        for el in page.outside(css(page.root, sel["css"])):
            text = norm(inline_text(el))
            if (
                el not in found
                and text.endswith("?")
                and len(text) <= MAX_QUESTION_CHARS
                and names(fold(text))
                and rules.search(fold(text), "demo", "question_yes_no")
            ):
                found.append(el)
    return [q for q in found if not any(o is not q and _inside(o, q) for o in found)]


def _answered(question: Any) -> bool | None:
    """The yes / no the answer right after a question opens with (the text after it, else the next
    element, else its parent's next): «Нет, но мы вернём деньги …» → False, «Да, 14 дней» → True;
    None when its first clause says neither («Пока нет, планируем»)."""
    parent = question.getparent()
    after = next_element(question) if question.getparent() is not None else None
    if after is None and parent is not None:
        after = next_element(parent)
    text = norm(question.tail or "") or (inline_text(after) if after is not None else "")
    ends = [i for i in (text.find(c) for c in ",.!?;—–") if i >= 0]
    return values.yes_no(text[: min(ends)] if ends else text)


def demo(page: Page, withdrawn: bool | None = False) -> dict[str, Any]:
    """{available, days, online_demo_url}: «Демо-режим: 14 дней» / trial buttons; «Онлайн-демо» is a site;
    «Демо-режим: не предусмотрен», «без демо» mean no trial; a FAQ's question about a trial says what its
    answer opens with (_questions, _answered). On a withdrawn solution's page a buy control left over does
    not make the page's silence "no trial": the solution is offered no more."""
    rules = table()
    days = None
    online = _online_demo(page) or _text_online_demo(page)
    questions = _questions(page)
    hit = page.index.find(
        "demo_days",
        valid=lambda t: _refused(t) or (values.demo_value(t) or values.demo_days(t)) is not None,
    )
    if hit and _refused(hit.text):  # «Демо-режим: не предусмотрен» / «нет»
        page.found_by["demo"] = "label"
        return {"available": False, "days": None, "online_demo_url": online}
    if hit:
        days = values.demo_value(hit.text) or values.demo_days(fold(inline_text(hit.label) + " " + hit.text))
    if days is not None:
        page.found_by["demo"] = "label"
    elif hit is None and (grant := page.index.find("demo_days", valid=_granted)) is not None:
        # «Демо-версия: доступна 7 дней» / «Демо-режим: Есть» / «без ограничения срока»: a trial, its
        # length only where the label's own row gives it; the head text is not searched, where the
        # next row's «Бесплатная поддержка: 6 месяцев» would pass for it
        page.found_by["demo"] = "label"
        days = values.demo_days(fold(inline_text(grant.label) + " " + grant.text))
        return {"available": True, "days": days, "online_demo_url": online}
    else:
        days = values.demo_days(page.head_without(_trial_links(page) + questions))
        if days is not None:
            page.found_by["demo"] = "text"
    controls = page.outside(css(page.root, "a, button, [role=button]"))
    if days is None and (days := _control_days(page, controls)) is not None:
        page.found_by["demo"] = "button"
    if days is not None:
        return {"available": True, "days": days, "online_demo_url": online}
    available: bool | None = any(
        rules.search(fold(inline_text(c)), "demo", "trial_buttons")
        and not _leaves_site(page, c)
        and not _help_page(page, c)
        for c in controls
    )
    if available:
        page.found_by["demo"] = "button"
    else:
        said = _trial_mentioned(page.head_without(_trial_links(page) + questions))
        answers = [a for a in map(_answered, questions) if a is not None]  # «Есть ли пробный период?» «Нет»
        said = (bool(said) or any(answers)) if answers else said
        # Silence is "no trial" only where the page sells the solution (a buy control: a trial would
        # sit next to it); a page with no offer at all (withdrawn) does not say: unknown.
        offered = not withdrawn and _sells(page, controls)
        available = bool(said) if said is not None or offered else None
        if said is not None:
            page.found_by["demo"] = "text"
    return {"available": available, "days": None, "online_demo_url": online}


_CONTROL_NAMES = ("aria-label", "title")  # a control's accessible name, when its text is shorter


def _control_days(page: Page, controls: list[Any]) -> int | None:
    """A trial's length said only in a control's accessible name: «<ion-button aria-label="Установить
    пробную версию на 21 день">Тест-драйв</ion-button>» (blind solution_ionic7_segment_kometa_pos); a
    control that leads off the site or to a help page is left out (TS `controlDays`)."""
    for control in controls:
        if _leaves_site(page, control) or _help_page(page, control):
            continue
        for name in _CONTROL_NAMES:
            days = values.demo_days(fold(control.get(name) or ""))
            if days is not None:
                return days
    return None


def _sells(page: Page, controls: list[Any]) -> bool:
    """Whether the page has a buy / install control (the offer a trial would belong to)."""
    rules = table()
    inputs = page.outside(css(page.root, "input[type=submit]"))
    labels = [inline_text(c) for c in controls] + [c.get("value") or "" for c in inputs]
    return any(rules.search(fold(label), "fields", "price", "buy_buttons") for label in labels)


def settle_demo(
    demo_facts: dict[str, Any] | None, price: dict[str, Any] | None, withdrawn: bool | None = False
) -> dict[str, Any] | None:
    """A page that states this solution's price (by any route, JSON-LD included) offers it, so its
    silence about a trial is "no trial"; without an offer the trial stays unknown. A withdrawn
    solution is offered no more, whatever price its page still shows (the last one, a reseller's
    copy): its silence stays unknown (a trial the page states or refuses stands)."""
    if not demo_facts or demo_facts.get("available") is not None or not price or withdrawn:
        return demo_facts
    if price.get("rub") is None and not price.get("free"):
        return demo_facts
    return {**demo_facts, "available": False}
