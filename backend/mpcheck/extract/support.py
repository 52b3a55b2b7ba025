"""«Поддержка»: free-form partner HTML read with the shared regexes (DOM.md §10.4).

Only the support tab (or a block titled «Поддержка») is read: the Marketplace's own phone in the
header/footer is not the vendor's support channel.
"""

from __future__ import annotations

import re
from typing import Any

from mpcheck.extract.dom import block_text
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold

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
    support/<units>); a pattern without a number group means one unit (TS `scaled`)."""
    rules = table()
    for entry, pattern in zip(rules.entries("support", path), rules.rx("support", path), strict=True):
        m = next((m for m in pattern.finditer(text) if not (path == "response" and _clock(text, m))), None)
        if not m:
            continue
        factor = _unit(("support", units), key, m.group(entry["unit_group"]))
        count = int(m.group(entry["number_group"])) if "number_group" in entry else 1
        return _number(count * factor) if factor is not None else None
    return None


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
    """Hours to the first answer: «Время ответа: до 4 часов», «… 8 рабочих часов», «в течение часа»."""
    return _scaled(text, "response", "response_units", "hours")


def _hours(text: str) -> str | None:
    """«пн–пт, 9:00–18:00» from «пн–пт, с 9:00 до 18:00» / «с 10:00 до 19:00 …, кроме выходных»."""
    rules = table()
    days = None
    for entry, pattern in zip(rules.entries("support", "days"), rules.rx("support", "days"), strict=True):
        if pattern.search(text):
            days = entry["value"]
            break
    m = rules.search(text, "support", "hours")
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


def _phone(text: str) -> bool:
    """A phone line: «по телефону» or a number that is not a messenger's («WhatsApp +7 …»)."""
    rules = table()
    not_before = rules.any_search(("support", "channels", "phone_not_before"))
    for pattern in rules.rx("support", "channels", "phone"):
        for m in pattern.finditer(text):
            if not m.group(0)[:1].isdigit() and m.group(0)[:1] != "+":
                return True  # the words «по телефону», «телефон:»
            if not not_before(text[max(0, m.start() - 20) : m.start()]):
                return True
    return False


def _channels(text: str) -> list[str]:
    rules = table()
    found = []
    for name in CHANNEL_ORDER:
        if name == "phone":
            if _phone(text):
                found.append(name)
        elif rules.search(text, "support", "channels", name):
            found.append(name)
    return found


def read_support_text(text: str) -> dict[str, Any]:
    """All support facts of one (folded) support text."""
    return {
        "free_months": _free_months(text),
        "channels": _channels(text),
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
    hrefs = " ".join(a.get("href") or "" for a in body.iter("a"))
    return read_support_text(fold(block_text(body) + " " + hrefs))
