"""Price and trial: the solution's own price (not bundles or upsells), the end of its discount, and the
demo mode (not the demo site; a negated mention — «без демо», «не предусмотрен» — is no trial)."""

from __future__ import annotations

from typing import Any

from mpcheck.extract import values
from mpcheck.extract.context import Page
from mpcheck.extract.dates import parse_end_date
from mpcheck.extract.dom import STRUCK_ATTR, STRUCK_TEXT, absolute_url, ancestors, css, inline_text
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, norm

MAX_CLIMB = 4  # how far up from «Купить» the buy block may be
MAX_FREE_CHARS = 40  # an element of the buy block whose whole text is «Бесплатно»


def _struck(el: Any) -> list[Any]:
    return [s for sel in table().entries("fields", "price", "struck") for s in css(el, sel["css"])]


def price_in(el: Any, text: str) -> dict[str, Any] | None:
    """Price of a value element: struck text is the old price, the rest is the current one."""
    old = None
    for s in _struck(el) if el is not None else []:
        struck = inline_text(s)
        if s.get(STRUCK_ATTR) != STRUCK_TEXT:  # struck text that is more than a price: no old price
            old = old if old is not None else values.money(struck)
        text = text.replace(struck, " ", 1)
    text = norm(text)
    if values.is_free(text):
        return {"rub": 0, "old_rub": None, "free": True}
    rub = values.money(text)
    if rub is None:
        return None
    return {"rub": rub, "old_rub": old if old != rub else None, "free": rub == 0}


def _is_price(text: str) -> bool:
    return values.money(text) is not None or values.is_free(text)


def _buy_block(page: Page) -> tuple[dict[str, Any], Any] | None:
    """DOM.md §10.3: the first price inside the nearest ancestor of «Купить» that holds one."""
    rules = table()
    for control in page.outside(css(page.root, "a, button, input[type=submit], [role=button]")):
        label = control.get("value") if control.tag == "input" else inline_text(control)
        if not rules.search(fold(label), "fields", "price", "buy_buttons"):
            continue
        for anc in list(ancestors(control))[1 : MAX_CLIMB + 1]:
            price = price_in(anc, inline_text(anc)) or _free_in(anc)
            if price is not None:
                return price, anc
    return None


def _free_in(block: Any) -> dict[str, Any] | None:
    """A buy block with no money whose price is an element of its own saying «Бесплатно» (the
    block's whole text runs on into the next line: «Бесплатно Версия 3.0.4 …» is no free wording)."""
    rules = table()
    if rules.search(fold(inline_text(block)), "fields", "price", "free_refuse"):
        return None  # «Цена по запросу»
    for el in block.iter():
        if el is not block and isinstance(el.tag, str):
            text = inline_text(el)
            if len(text) <= MAX_FREE_CHARS and values.is_free(text) and _free_alone(el, rules):
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


def discount_until(text: str) -> str | None:
    """The end date of a discount («Акция до 30.11.2026», «Скидка действует до 30 ноября»)."""
    for pattern in table().rx("fields", "price", "discount_until"):
        for m in pattern.finditer(fold(text)):
            date = parse_end_date(m.group(1))
            if date:
                return date
    return None


def _until(page: Page, near: Any) -> str | None:
    """The discount end stated next to this solution's price (its block), else in the page head."""
    for anc in list(ancestors(near))[:MAX_CLIMB] if near is not None else []:
        found = discount_until(inline_text(anc))
        if found:
            return found
    return discount_until(page.head_text())


MAX_BLOCK_CHARS = 160  # the price's own small block: a struck price there is its old price


def _old_beside(el: Any, rub: int) -> int | None:
    """A struck price next to the labelled one in its small block (<p>Цена: 15 900</p><s>19 900</s>),
    higher than it (an old price is never the lower one)."""
    parent = el.getparent() if el is not None else None
    if parent is None or len(inline_text(parent)) > MAX_BLOCK_CHARS:
        return None
    for s in _struck(parent):
        old = values.money(inline_text(s)) if s.get(STRUCK_ATTR) != STRUCK_TEXT else None
        if old is not None and old > rub:
            return old
    return None


def _own_price(page: Page) -> tuple[dict[str, Any], Any] | None:
    hit = page.index.find("price", valid=_is_price)
    if hit:
        found = price_in(hit.value_el, hit.text)
        if found:
            page.found_by["price"] = "label"
            if found["old_rub"] is None and not found["free"]:
                found["old_rub"] = _old_beside(hit.value_el, found["rub"])
            return found, hit.value_el
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
                return {"rub": rub, "old_rub": None, "free": rub == 0}, el
    return None


def price(page: Page) -> dict[str, Any]:
    """{rub, old_rub, free, discount_until}: label «Цена», then the buy block, then selectors; nulls
    when absent. `discount_until` is reported as stated, even when already past (the engine judges)."""
    found = _own_price(page)
    if found is None:
        return {"rub": None, "old_rub": None, "free": None, "discount_until": None}
    result, near = found
    return {**result, "discount_until": None if result["free"] else _until(page, near)}


def _text_before(a: Any) -> str:
    """The text right before a link inside its parent (the previous sibling's tail, or the parent's text)."""
    prev = a.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    parent = a.getparent()
    return (prev.tail if prev is not None else parent.text if parent is not None else "") or ""


def _online_demo(page: Page) -> str | None:
    """The demo SITE: a link named «Онлайн-демо» / «Демо-сайт», or a link right after such words."""
    rules = table()
    for a in page.outside(css(page.root, "a[href]"), "about"):
        named = rules.search(fold(inline_text(a)), "demo", "not_trial")
        if named or rules.search(fold(_text_before(a)), "demo", "not_trial_before"):
            url = absolute_url(a.get("href"), page.base)
            if url:
                return url
    return None


def _trial_mentioned(text: str) -> bool | None:
    """True when the text names a trial, False when every mention is negated, None when none."""
    mentions = [m for p in table().rx("demo", "trial_words") for m in p.finditer(text)]
    if not mentions:
        return None
    return any(not values.negated(text, m.start(), m.end()) for m in mentions)


def demo(page: Page) -> dict[str, Any]:
    """{available, days, online_demo_url}: «Демо-режим: 14 дней» / trial buttons; «Онлайн-демо» is a site;
    «Демо-режим: не предусмотрен», «без демо» mean no trial."""
    rules = table()
    days = None
    online = _online_demo(page)
    hit = page.index.find(
        "demo_days",
        valid=lambda t: (
            values.yes_no(t) is False or (values.demo_value(t) or values.demo_days(t)) is not None
        ),
    )
    if hit and values.yes_no(hit.text) is False:  # «Демо-режим: не предусмотрен» / «нет»
        page.found_by["demo"] = "label"
        return {"available": False, "days": None, "online_demo_url": online}
    if hit:
        days = values.demo_value(hit.text) or values.demo_days(fold(inline_text(hit.label) + " " + hit.text))
    if days is not None:
        page.found_by["demo"] = "label"
    else:
        days = values.demo_days(page.head_text())
        if days is not None:
            page.found_by["demo"] = "text"
    if days is not None:
        return {"available": True, "days": days, "online_demo_url": online}
    controls = page.outside(css(page.root, "a, button, [role=button]"))
    available: bool | None = any(
        rules.search(fold(inline_text(c)), "demo", "trial_buttons") for c in controls
    )
    if available:
        page.found_by["demo"] = "button"
    else:
        said = _trial_mentioned(page.head_text())
        # Silence is "no trial" only where the page sells the solution (a buy control: a trial would
        # sit next to it); a page with no offer at all (withdrawn) does not say: unknown.
        available = bool(said) if said is not None or _sells(page, controls) else None
        if said is not None:
            page.found_by["demo"] = "text"
    return {"available": available, "days": None, "online_demo_url": online}


def _sells(page: Page, controls: list[Any]) -> bool:
    """Whether the page has a buy / install control (the offer a trial would belong to)."""
    rules = table()
    inputs = page.outside(css(page.root, "input[type=submit]"))
    labels = [inline_text(c) for c in controls] + [c.get("value") or "" for c in inputs]
    return any(rules.search(fold(label), "fields", "price", "buy_buttons") for label in labels)


def settle_demo(demo_facts: dict[str, Any] | None, price: dict[str, Any] | None) -> dict[str, Any] | None:
    """A page that states this solution's price (by any route, JSON-LD included) offers it, so its
    silence about a trial is "no trial"; without an offer the trial stays unknown."""
    if not demo_facts or demo_facts.get("available") is not None or not price:
        return demo_facts
    if price.get("rub") is None and not price.get("free"):
        return demo_facts
    return {**demo_facts, "available": False}
