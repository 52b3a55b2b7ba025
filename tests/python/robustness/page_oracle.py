"""The "never a value that is not in the page" oracle for extractor output.

The page text is computed from the same prepared tree the extractors read (`dom.parse_html`: script and
style gone, block boundaries are spaces) and normalised the same way (`text.fold`), so a value that
is in the page can always be found, and a value taken from a script, a guess or a default cannot.
Fields that are *computed* by design (ISO dates, channel vocabulary, durations converted to days or
hours, characters counted) are checked by what they are derived from instead of verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from mpcheck.extract.dom import absolute_url, parse_html
from mpcheck.extract.text import fold

# Paths (dots, list indices as "*") whose string values are vocabulary or built by the extractor; the
# top-level `url` is the page's own address (given, or built from the code it read), not page content.
COMPUTED_STRINGS = re.compile(
    r"^(?:url|schema|page_type|kind|specialization|found_by\..*|extraction\..*|support\.(?:channels\.\*|hours|timezone))$"
)
URL_FIELDS = re.compile(
    r"(?:^|\.)(?:url|site|documentation|presentation|online_demo_url|video\.\*|cases\.\*)$"
)
DATE_FIELDS = re.compile(r"(?:^|\.)(?:date|published|updated)$")
CODE_FIELDS = re.compile(r"^(?:code|solutions\.\*|bitrix24_apps_excluded\.\*|cards\.\*\.code)$")
# Numbers derived from page numbers by a unit or a count, or constants of the list format.
COMPUTED_NUMBERS = re.compile(
    r"(?:^|\.)(?:chars|days|demo_days|max|free_months|response_hours|page|per_page|last_page|position"
    r"|solutions_count|rating_position|answered|stars|available|free|withdrawn|adaptive|composite|"
    r"markup_changed)$"
)
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class PageText:
    """What a page offers to extract from: its text, its attribute values, its digits."""

    text: str  # folded block text of the prepared tree
    attributes: tuple[str, ...]
    digits: str  # text and attributes with every whitespace removed (for «12 990» -> 12990)

    def has_string(self, value: str) -> bool:
        """The normalised value occurs in the text or in one attribute value."""
        needle = fold(value)
        return needle in self.text or any(needle in fold(a) for a in self.attributes)

    def has_number(self, value: float) -> bool:
        """The number's digits occur in the page (a decimal point may be a comma there)."""
        if isinstance(value, bool):
            return True
        if float(value).is_integer():
            return str(int(value)) in self.digits
        whole, frac = f"{value}".split(".")
        return re.search(rf"{whole}[.,]{frac}", self.digits) is not None


def page_text(html: str, url: str | None = None) -> PageText:
    """Build the haystacks from the same parse the extractors use; the page's URL counts as an attribute."""
    root = parse_html(html)
    attrs = tuple(str(v) for el in root.iter() if isinstance(el.tag, str) for v in el.attrib.values())
    attrs += (url,) if url else ()
    text = fold("".join(root.itertext()))
    blob = text + " " + " ".join(attrs)
    return PageText(text, attrs, re.sub(r"\s", "", blob))


def leaves(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted path with `*` for list positions, value) for every scalar in a JSON-like object."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for value in node:
            yield from leaves(value, f"{path}.*")
    else:
        yield path, node


def foreign_values(facts: dict[str, Any], html: str, url: str | None = None) -> list[tuple[str, Any]]:
    """Every extracted value that the page does not contain; [] is the expected answer."""
    page = page_text(html, url)
    bad: list[tuple[str, Any]] = []
    for path, value in leaves(facts):
        if value is None or value == "":
            continue
        if isinstance(value, str):
            if COMPUTED_STRINGS.match(path):
                continue
            if URL_FIELDS.search(path):
                ok = _url_from_page(value, page, url)
            elif DATE_FIELDS.search(path):
                ok = _date_from_page(value, page)
            elif CODE_FIELDS.match(path):
                ok = value.lower() in page.text.lower() or any(value in a.lower() for a in page.attributes)
            else:
                ok = page.has_string(value)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            ok = bool(COMPUTED_NUMBERS.search(path)) or value == 0 or page.has_number(value)
        else:
            ok = True
        if not ok:
            bad.append((path, value))
    return bad


def _url_from_page(value: str, page: PageText, url: str | None) -> bool:
    """A URL comes from an attribute (href, content, JSON-LD) made absolute, or from a code on the page."""
    if any(absolute_url(a, url) == value for a in page.attributes):
        return True
    # solution / partner URLs the extractor builds from the code or id it read from the page
    tail = re.search(r"/solutions/([a-z0-9_.]+)/$|ID=(\d+)$", value)
    if tail is None:
        return False
    return any(g and (g in page.text.lower() or g in page.digits) for g in tail.groups())


# Dates the page gives relative to today («вчера», «3 дня назад») or without a year («18 ноября»):
# the extractor resolves them against today, so the page holds the words, not the ISO digits.
_RELATIVE = re.compile(r"сегодня|вчера|позавчера|назад", re.IGNORECASE)
_MONTH_WORD = re.compile(
    r"январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр", re.IGNORECASE
)
_RELATIVE_SPAN = timedelta(days=5 * 366)


def _date_from_page(value: str, page: PageText) -> bool:
    """An ISO date was read from a date on the page: its year is there and its day number, or the
    page says it relative to today and the date is not after today, or it names the day and month."""
    m = _DATE_ISO.match(value)
    if not m:
        return False
    year, _month, day = m.groups()
    day_there = day in page.digits or day.lstrip("0") in page.digits
    if year in page.digits and day_there:
        return True
    try:
        when = date.fromisoformat(value)
    except ValueError:
        return False
    today = date.today()
    recent = today - _RELATIVE_SPAN <= when <= today + timedelta(days=1)
    if _RELATIVE.search(page.text) and recent:
        return True
    return bool(day_there and _MONTH_WORD.search(page.text) and recent)
