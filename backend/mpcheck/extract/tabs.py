"""Tab bodies and tab-bar labels of a solution page (DOM.md §4).

Hidden bodies are in the HTML: they are read regardless of which tab is visible. A body is found by
its confirmed id (`#tab-<name>-body`), else through the tab control's `aria-controls` / `data-target`,
else by a heading / `.tab-title` whose text is the tab's title (its parent is the body; when several
titles share one parent, the title and the siblings up to the next title are wrapped in a new div).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from mpcheck.extract.dom import ancestors, css, iter_elements
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold, inline_text

_BAR_TAGS = {"a", "button", "li", "label"}
# The same node set as //*[@id or @role or self::nav] (document order, no duplicates), but libxml2
# walks attribute nodes instead of testing a predicate on every element: ~3x faster on a long page.
_ID_OR_BAR = etree.XPath("//@id/.. | //@role/.. | //nav")


@dataclass
class Tabs:
    """Tab name → body element, tab-bar text, and how the body was found."""

    bodies: dict[str, Any] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    how: dict[str, str] = field(default_factory=dict)


def _title_match(name: str, text: str) -> bool:
    return any(p.match(fold(text)) for p in table().rx("tabs", name, "titles"))


def _in_tab_bar(el: Any) -> bool:
    for anc in ancestors(el):
        if anc.tag in _BAR_TAGS or anc.tag == "nav" or anc.get("role") in ("tablist", "tab"):
            return True
        if (anc.get("id") or "").startswith("tab-list"):
            return True
    return False


def _title_candidates(root: Any) -> list[Any]:
    rules = table()
    found = [el for el in iter_elements(root) if el.tag in rules.heading_tags or el.get("role") == "heading"]
    for sel in rules.entries("tab_title_selectors"):
        found.extend(css(root, sel["css"]))
    return [el for el in found if not _in_tab_bar(el)]


def _wrap_section(title: Any, stop: set[Any]) -> Any:
    """Wrap a title and its following siblings (up to the next tab title) into a new div."""
    parent = title.getparent()
    wrapper = etree.Element("div")
    wrapper.set("data-mpcheck-section", "1")
    parent.insert(parent.index(title), wrapper)
    node = title
    while node is not None and (node is title or node not in stop):
        nxt = node.getnext()
        wrapper.append(node)  # append moves the node (its tail moves with it)
        node = nxt
    return wrapper


def _by_title(root: Any, missing: list[str]) -> dict[str, Any]:
    titles: dict[Any, str] = {}
    for el in _title_candidates(root):
        text = inline_text(el)
        for name in table().data["tabs"]:
            if _title_match(name, text) and el not in titles:
                titles[el] = name
    plan: list[tuple[str, Any, set[Any] | None]] = []  # decided before any wrapping moves nodes
    for el, name in titles.items():
        parent = el.getparent()
        if name not in missing or any(p[0] == name for p in plan) or parent is None:
            continue
        siblings = {t for t in titles if t is not el and t.getparent() is parent}
        if siblings or parent.tag in ("body", "html", "main") or css(parent, "h1"):
            # the parent is more than this tab: cut the section at the next title / same-level heading
            siblings |= {s for s in parent if s is not el and s.tag == el.tag}
            plan.append((name, el, siblings))
        else:
            plan.append((name, parent, None))
    return {name: _wrap_section(el, stop) if stop is not None else el for name, el, stop in plan}


def _bar_items(root: Any) -> tuple[dict[str, Any], list[Any]]:
    """One pass over the page: the id map and the clickable items of tab bars (role=tab, nav, #tab-list…)."""
    ids: dict[str, Any] = {}
    bars: list[Any] = []
    for el in _ID_OR_BAR(root):  # one XPath (C) instead of a Python loop over every element
        el_id = el.get("id")
        if el_id:
            ids.setdefault(el_id, el)
        if el.get("role") in ("tablist", "tab") or el.tag == "nav" or (el_id or "").startswith("tab-list"):
            bars.append(el)
    items = [i for bar in bars for i in bar.iter("a", "button", "li")] + [
        b for b in bars if b.get("role") == "tab"
    ]
    return ids, items


def _control(ids: dict[str, Any], items: list[Any], name: str, spec: dict[str, Any]) -> Any:
    """The tab-bar element of a tab whose text is the tab title."""
    anchor = "#" + spec["anchor"]
    options = [ids.get(spec["anchor"]), ids.get(f"tab-{name}")]
    options += [el for el in items if (el.get("href") or "").endswith(anchor)] + items
    for el in options:
        if el is not None and _title_match(name, inline_text(el)):
            return el
    return None


def find_tabs(root: Any) -> Tabs:
    """Locate every known tab body and tab label on the page."""
    tabs = Tabs()
    ids, bar_items = _bar_items(root)
    spec_all: dict[str, Any] = table().data["tabs"]
    for name, spec in spec_all.items():
        control = _control(ids, bar_items, name, spec)
        if control is not None:
            tabs.labels[name] = inline_text(control)
        body = next((ids[i] for i in spec["ids"] if i in ids), None)
        if body is not None:
            tabs.bodies[name], tabs.how[name] = body, "id"
            continue
        target = None if control is None else control.get("aria-controls") or control.get("data-target")
        target = (target or "").lstrip("#")
        if target and target in ids:
            tabs.bodies[name], tabs.how[name] = ids[target], "control"
    missing = [n for n in spec_all if n not in tabs.bodies]
    if missing:
        for name, body in _by_title(root, missing).items():
            tabs.bodies[name], tabs.how[name] = body, "title"
    return tabs
