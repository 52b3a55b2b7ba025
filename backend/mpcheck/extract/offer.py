"""Price and trial: the solution's own price (not bundles or upsells) and the demo mode (not the demo site)."""

from __future__ import annotations

from typing import Any

from mpcheck.extract import values
from mpcheck.extract.context import Page
from mpcheck.extract.dom import absolute_url, ancestors, css
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, inline_text, norm

MAX_CLIMB = 4  # how far up from «Купить» the buy block may be


def _struck(el: Any) -> list[Any]:
    return [s for sel in table().entries("fields", "price", "struck") for s in css(el, sel["css"])]


def _price_in(el: Any, text: str) -> dict[str, Any] | None:
    """Price of a value element: struck text is the old price, the rest is the current one."""
    old = None
    for s in _struck(el) if el is not None else []:
        struck = inline_text(s)
        old = old if old is not None else values.money(struck)
        text = text.replace(struck, " ", 1)
    text = norm(text)
    if values.is_free(text):
        return {"rub": 0, "old_rub": None, "free": True}
    rub = values.money(text)
    if rub is None:
        return None
    return {"rub": rub, "old_rub": old if old != rub else None, "free": rub == 0}


def _buy_block(page: Page) -> dict[str, Any] | None:
    """DOM.md §10.3: the first price inside the nearest ancestor of «Купить» that holds one."""
    rules = table()
    for control in page.outside(css(page.root, "a, button, input[type=submit], [role=button]")):
        label = control.get("value") if control.tag == "input" else inline_text(control)
        if not rules.search(fold(label), "fields", "price", "buy_buttons"):
            continue
        for anc in list(ancestors(control))[1 : MAX_CLIMB + 1]:
            price = _price_in(anc, inline_text(anc))
            if price is not None:
                return price
    return None


def price(page: Page) -> dict[str, Any]:
    """{rub, old_rub, free}: label «Цена», then the buy block, then selectors; nulls when absent."""
    hit = page.index.find("price")
    if hit:
        found = _price_in(hit.value_el, hit.text)
        if found:
            page.found_by["price"] = "label"
            return found
    found = _buy_block(page)
    if found:
        page.found_by["price"] = "buy-block"
        return found
    for sel in table().entries("fields", "price", "selectors"):
        for el in page.outside(css(page.root, sel["css"])):
            raw = el.get(sel["attr"]) if sel.get("attr") and el.get(sel["attr"]) else inline_text(el)
            rub = values.money(raw) or values.money(f"{raw} руб.")
            if rub is not None:
                page.found_by["price"] = "selector"
                return {"rub": rub, "old_rub": None, "free": rub == 0}
    return {"rub": None, "old_rub": None, "free": None}


def _online_demo(page: Page) -> str | None:
    rules = table()
    for a in page.outside(css(page.root, "a[href]"), "about"):
        if rules.search(fold(inline_text(a)), "demo", "not_trial"):
            url = absolute_url(a.get("href"), page.url)
            if url:
                return url
    return None


def demo(page: Page) -> dict[str, Any]:
    """{available, days, online_demo_url}: «Демо-режим: 14 дней» / trial buttons; «Онлайн-демо» is a site."""
    rules = table()
    days = None
    hit = page.index.find("demo_days")
    if hit and values.yes_no(hit.text) is False:  # «Демо-режим: не предусмотрен» / «нет»
        page.found_by["demo"] = "label"
        return {"available": False, "days": None, "online_demo_url": _online_demo(page)}
    if hit:
        days = values.demo_days(fold(inline_text(hit.label) + " " + hit.text))
    if days is not None:
        page.found_by["demo"] = "label"
    else:
        days = values.demo_days(page.head_text())
        if days is not None:
            page.found_by["demo"] = "text"
    available = days is not None
    if not available:
        controls = page.outside(css(page.root, "a, button, [role=button]"))
        available = any(rules.search(fold(inline_text(c)), "demo", "trial_buttons") for c in controls)
        available = available or rules.search(page.head_text(), "demo", "trial_words") is not None
        if available:
            page.found_by["demo"] = "button"
    return {"available": available, "days": days, "online_demo_url": _online_demo(page)}
