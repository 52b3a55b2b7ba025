"""The machine XML feed (`?update_sys_new=Y`, windows-1251; DOM.md §7) → partial facts.

The feed has no demo length, average rating, review count or changelog dates. Its `date` is an
ambiguous «added / changed» date, so it is not mapped to `published` or `updated`. XML is parsed
without entity resolution or network access (no XXE).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from lxml import etree

from mpcheck.extract import values
from mpcheck.extract.changelog import parse_row
from mpcheck.extract.dates import parse_date
from mpcheck.extract.dom import absolute_url, block_text, parse_html
from mpcheck.extract.label_table import table
from mpcheck.extract.solution import empty_facts
from mpcheck.extract.support import read_support_text
from mpcheck.extract.text import fold, norm

log = logging.getLogger(__name__)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_PARSER = etree.XMLParser(
    recover=True, resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
)


def _text(el: Any, path: str) -> str:
    found = el.find(path) if el is not None else None
    return norm(found.text) if found is not None and found.text else ""


def _html_text(fragment: str) -> str:
    return block_text(parse_html(f"<div>{fragment}</div>")) if fragment else ""


def _comments(item: Any, partner: str) -> dict[str, Any]:
    """Feed comments: flat messages; the partner's «Имя, …» messages answer, they are not items."""
    rules = table()
    msgs: list[dict[str, Any]] = []
    for c in item.findall("comments/comment"):
        msgs.append(
            {
                "author": _text(c, "author"),
                "date": parse_date(_text(c, "date")),
                "text": _html_text(_text(c, "text")),
                "answered": False,
            }
        )
    tops = []
    for msg in msgs:
        mine = bool(partner) and fold(msg["author"]).lower() == fold(partner).lower()
        m = rules.search(fold(msg["text"]), "comments", "addressed") if mine else None
        name = fold(m.group(1)).lower() if m else None
        target = next(
            (t for t in msgs if name and t is not msg and fold(t["author"]).lower().startswith(name)), None
        )
        if target is not None:
            target["answered"] = True
        else:
            tops.append(msg)
    items = sorted(
        ({"date": t["date"], "answered": t["answered"]} for t in tops if t["date"]),
        key=lambda i: i["date"],
        reverse=True,
    )
    return {"total": len(msgs), "items": items}


def _fill(facts: dict[str, Any], item: Any) -> None:
    rules = table()
    facts["code"] = (_text(item, "code") or "").lower() or None
    facts["name"] = _text(item, "name") or None
    pm = rules.search(_text(item, "partner/href"), "fields", "partner", "values")
    facts["partner"] = {"id": int(pm.group(1)) if pm else None, "name": _text(item, "partner/name") or None}
    free_flag, price_text, old = (
        _text(item, "freeModule").upper(),
        _text(item, "price"),
        _text(item, "oldPrice"),
    )
    rub = 0 if free_flag == "Y" else values.money(price_text) or values.money(f"{price_text} руб.")
    old_rub = int(old) if old.isdigit() and int(old) > 0 else None
    facts["price"] = {"rub": rub, "old_rub": old_rub, "free": free_flag == "Y" if free_flag else None}
    facts["demo"] = {
        "available": {"D": True, "N": False, "Y": False}.get(free_flag),
        "days": None,
        "online_demo_url": absolute_url(_text(item, "demoLink"), None),
    }
    facts["installs"] = values.installs(_text(item, "instCnt"))
    facts["version"] = values.version(_text(item, "version"))
    rows = [
        parse_row(norm(f"{_text(v, 'id')} {_html_text(_text(v, 'descr'))}"))
        for v in item.findall("updates/version")
    ]
    facts["changelog"] = [r for r in rows if r] or None
    support_html = _text(item, "support")
    if support_html:
        facts["support"] = read_support_text(fold(_html_text(support_html)))
    if item.find("comments") is not None:
        facts["comments"] = _comments(item, facts["partner"]["name"] or "")
    filled = {
        "code": facts["code"],
        "name": facts["name"],
        "partner": facts["partner"]["id"] or facts["partner"]["name"],
        "price": facts["price"]["rub"] is not None,
        "demo": facts["demo"]["available"] is not None,
        "installs": facts["installs"],
        "version": facts["version"],
        "changelog": facts["changelog"],
        "comments": item.find("comments") is not None,
        "support": support_html,
    }
    sources = {field: "feed" for field, value in filled.items() if value}
    facts["extraction"] = {"markup_changed": False, "missing_confirmed": [], "sources": sources}
    facts["found_by"] = dict.fromkeys(sources, "feed")


def _root(xml_bytes: bytes | str) -> Any:
    """The parsed `<modules>` document, or None for an empty body. Raises on bytes lxml cannot recover."""
    data = xml_bytes.encode("utf-8") if isinstance(xml_bytes, str) else bytes(xml_bytes)
    if isinstance(xml_bytes, str):
        data = data.replace(b'encoding="windows-1251"', b'encoding="utf-8"', 1)
    # XML 1.0 forbids C0 controls; lxml's recovery drops the text around one («0\x08&lt;0» -> «00»),
    # a value that is not in the feed. These bytes never occur inside cp1251/UTF-8 multibyte chars.
    data = _CONTROL_BYTES.sub(b"", data)
    return etree.fromstring(data, _PARSER) if data.strip() else None


def _item_facts(item: Any, *, dated: bool = False) -> dict[str, Any]:
    """Partial facts of one `<item>`; a part that fails to read leaves the rest (logged).
    `dated`: the item's `date` is taken as `updated` (see parse_feed_items for when and why)."""
    facts = empty_facts()
    facts["extraction"] = {"markup_changed": False, "missing_confirmed": [], "sources": {}}
    if item is not None:
        try:
            _fill(facts, item)
            if dated and (updated := parse_date(_text(item, "date"))):
                facts["updated"] = updated
                facts["extraction"]["sources"]["updated"] = "feed"
                facts["found_by"]["updated"] = "feed"
        except Exception:
            log.exception("feed parsing failed")
    if facts["code"]:
        facts["url"] = f"{table().data['urls']['base']}/solutions/{facts['code']}/"
    return facts


def parse_feed(xml_bytes: bytes | str) -> dict[str, Any]:
    """Partial facts from the first `<item>` of a feed; every unknown stays null. Never raises."""
    try:
        root = _root(xml_bytes)
        item = root.find(".//items/item") if root is not None else None
    except Exception:
        log.exception("feed parsing failed")
        item = None
    return _item_facts(item)


def parse_feed_items(xml_bytes: bytes | str) -> list[dict[str, Any]]:
    """Partial facts of every `<item>` of a listing's feed (a catalog, category or search page with
    `update_sys_new=Y`), in feed order; items without a code are dropped (nothing to match a card
    by). Never raises: a feed lxml cannot read is an empty list.

    Here the item's `date` is `updated`. The admin page that reads this feed labels it «Дата
    добавления / изменения» (DOM.md E2): the record's last change, its publication date until it
    first changes, so it is the newest date the record has, which the solution page shows as
    «Обновлено». A solution page has better evidence (its changelog's dated rows), which is why
    `parse_feed` leaves it out; a card has none, and a listing's feed is all the backend reads for
    it. The risk it carries: a record edited without a release looks fresher than its last release.
    """
    try:
        root = _root(xml_bytes)
        items = root.findall(".//items/item") if root is not None else []
        return [facts for facts in (_item_facts(item, dated=True) for item in items) if facts["code"]]
    except Exception:
        log.exception("feed parsing failed")
        return []
