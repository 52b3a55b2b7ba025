"""Reviews (Отзывы): the stated total and the items shown on the page.

Stars come from any encoding the item uses, the explicit number first: a value attribute
(`data-rating`, `<meta itemprop="ratingValue" content="4">`), a label «4 из 5» in `aria-label` /
`title` / `alt` or in the text, the width of a stars overlay (`style="width:80%"` → 4) or of each
star's front layer, filled vs empty star icons (img src, svg `use` href, classes; a row of svg icons
told apart by a colour utility class alone), ★/☆ characters (a row of one glyph told apart by its
text colour alone read by that colour). Answers: feedback.answers.
Items: `null` when the block could not be read, `[]` only when it is shown empty (SPEC §3).
"""

from __future__ import annotations

import re
from typing import Any

from mpcheck.extract.context import Page
from mpcheck.extract.dom import css, inline_text, matches, text_without
from mpcheck.extract.feedback import (
    MAX_TITLE_CHARS,
    anchored,
    answers,
    has_pager,
    is_partner,
    labelled_total,
    name_key,
    newest_first,
    opens_line,
    read_items,
    short_folds,
    shows_more,
    stated,
    summary_total,
    undated,
)
from mpcheck.extract.items import Listing, disclaimed, item_of
from mpcheck.extract.label_table import table
from mpcheck.extract.text import fold

_NUMBER = re.compile(r"\s*([0-5])(?:[.,]([0-9]))?\s*$")
_AFTER_STAR = re.compile(r"\s*([1-5](?:[.,][0-9])?)(?![0-9.,])")  # «★ 4,0»
_BEFORE_STAR = re.compile(r"(?<![0-9.,])([1-5](?:[.,][0-9])?)\s*$")  # «4 ★»
_NUMBER_CHARS = 12  # «4,0», «4 / 5»: a bare rating number is short
_EMOJI_STYLE = "\ufe0f"  # VS16 after ⭐ («⭐️⭐️⭐️⭐️»)
_MAX_ICONS = 10  # five stars, maybe drawn as halves: more star icons than that are not one rating


def _star_value(text: str | None) -> int | None:
    """1–5 from a number such as «4», «4.0», «4,5»; None outside 1–5."""
    m = _NUMBER.match(text or "")
    if not m:
        return None
    value = round(float(f"{m.group(1)}.{m.group(2) or 0}"))
    return value if 1 <= value <= 5 else None


def _text_grade(text: str) -> tuple[int, bool] | None:
    """(grade, partial) of «4 из 5», «Оценка: 4», «4 звезды» in a text (the shared regexes, group 1):
    partial when a label that names a criterion precedes it («Поддержка: 1 из 5», `reviews.stars_label`
    not `reviews.stars_overall_label`): a criterion's grade, not the review's."""
    folded = fold(text)
    m = table().search(folded, "reviews", "stars_text")
    return None if m is None else (int(m.group(1)), _criterion(folded[: m.start(1)]))


def _text_stars(text: str) -> int | None:
    """The review's grade in a text (`_text_grade`), a criterion's none."""
    grade = _text_grade(text)
    return grade[0] if grade is not None and not grade[1] else None


def _criterion(before: str) -> bool:
    """Whether the text before a grade ends with a label («Функциональность:») that is no overall
    grade's («Оценка:», «Общая оценка:», «Рейтинг:»)."""
    label = table().search(before, "reviews", "stars_label")
    return (
        label is not None and table().search(label.group(1).strip(), "reviews", "stars_overall_label") is None
    )


def _line_stars(own: str, limit: int) -> tuple[int, bool] | None:
    """The grade of an element's own line (`_text_grade`): the whole line of at most `limit`
    characters, else one part of a short meta line cut by its separators («Ирина, 20.11.2026 ·
    Оценка: 5 из 5 · версия 3.1.0»: `stars_meta_separators`, at most `stars_meta_chars`). Parts
    that grade differently (a criterion's too: «Оценка: 4 из 5 · поддержка: 2 из 5»), or a long text
    (a review's sentence), grade nothing; parts that agree are partial when every one is."""
    text = own.strip()
    if len(text) <= limit:
        return _text_grade(text)
    data = table().data["reviews"]
    seps = data.get("stars_meta_separators", "")
    if not seps or len(text) > data.get("stars_meta_chars", 0):
        return None
    parts = re.split("[" + re.escape(seps) + "]", text)
    grades = [g for part in parts if len(part.strip()) <= limit and (g := _text_grade(part)) is not None]
    if len(parts) < 2 or len({value for value, _ in grades}) != 1:
        return None
    return grades[0][0], all(partial for _, partial in grades)


def _labelled_stars(el: Any, own: str, limit: int) -> tuple[int, bool] | None:
    """The grade after a label element on its line (`_text_grade`): «<b>Оценка:</b> 5 из 5<br>» (an
    old page's `<b>label:</b> value<br>` lines in one cell). The label's text ends with a colon and
    its tail, up to a <br> (or a block, or the end of its parent), is read with it as one short line."""
    label = own.strip()
    if not label.endswith(":") or not el.tail or not el.tail.strip():
        return None
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()  # a comment between: the next element, as on the TypeScript side
    if nxt is not None and nxt.tag not in table().block_tags:
        return None
    line = label + " " + el.tail.strip()
    return _text_grade(line) if len(line) <= limit else None


def _descriptor(el: Any) -> str:
    """What an icon says about itself: its class, src, href / xlink:href and alt, lower case (a
    data: URI's payload says nothing: its base64 would match state words by chance). A `<use>`
    speaks for its `<svg>` too: the state may be the svg's class («icon is-active» around
    `<use href="#star">`). A state attribute of its own (`reviews.star_state`: «<svg
    data-filled="half">») says it alone, «data-filled=half»: a CSS-in-JS class hash beside it
    («css-o1x2») would match the state words by chance; so does a layer name naming a star
    (`_star_layer`)."""
    for entry in table().entries("reviews", "star_state"):
        state = el.get(entry["attr"])
        if state is not None:
            return f"{entry['attr']}={state}".lower()
    layer = _star_layer(el)
    if layer is not None:
        return layer
    values = [el.get(a) or "" for a in ("class", "src", "href", "xlink:href", "alt")]
    parent = el.getparent() if el.tag == "use" else None
    if parent is not None and parent.tag == "svg":
        values.append(parent.get("class") or "")
    return " ".join("" if v.lstrip().lower().startswith("data:") else v for v in values).lower()


def _star_layer(el: Any) -> str | None:
    """The element's layer name (`layer_name_attributes`: «Star/Filled», «Star/Empty» of a Framer
    site) when it names a star, lower case, else None: the hand-given name says the icon and its
    state alone, as a `star_state` attribute does; the generated class hash beside it
    («framer-o62a3e») would match the state words by chance (TS `starLayer`)."""
    rules = table()
    for attr in rules.data.get("layer_name_attributes", []):
        name = el.get(attr)
        if name and rules.search(name, "reviews", "star_icon"):
            return name.lower()
    return None


def _is_star(d: str) -> bool:
    """Whether an icon's descriptor is a star: a star icon, or a slot of a rating widget
    (`reviews.star_slot`: PrimeVue's `p-rating-item`, whatever it draws)."""
    rules = table()
    return bool(rules.search(d, "reviews", "star_icon") or rules.search(d, "reviews", "star_slot"))


def _icons_stars(icons: list[Any]) -> int | None:
    """Filled star icons among an item's star icons.

    A state word decides (empty / half / filled); with none, two runs of different icons are
    filled-then-empty (ratings are drawn left to right), and one run of alike icons is all filled.
    A rating widget's slot (`reviews.star_slot`) says its state by its class alone: an unmarked
    slot is empty (PrimeVue's `p-rating-item` beside `p-rating-item-active`; none active is no
    grade: blind solution_primevue3_tabview_windows1251_bereg_bonus).
    """
    rules = table()
    kinds = []
    for el in icons:
        d = _descriptor(el)
        if rules.search(d, "reviews", "star_icon_empty"):
            kinds.append("empty")
        elif rules.search(d, "reviews", "star_icon_half"):
            kinds.append("half")
        elif rules.search(d, "reviews", "star_icon_filled"):
            kinds.append("filled")
        else:
            kinds.append("empty" if rules.search(d, "reviews", "star_slot") else d)
    marked = {"empty", "half", "filled"}
    if len(kinds) == 1 and kinds[0] != "half" and kinds[0] != "empty":
        return None  # one star icon decorates a number («★ 4,8»), it is no rating of its own
    if any(k in marked for k in kinds):
        if "empty" in kinds:  # unmarked icons beside empty ones are the filled ones
            full = sum(1 for k in kinds if k not in ("empty", "half"))
        elif "filled" in kinds:  # beside marked filled icons, unmarked ones are the empty ones
            full = kinds.count("filled")
        else:  # only a half is marked («fas fa-star» ×3, «fa-star-half-alt», «far fa-star»): left of it filled
            full = kinds.index("half")
        value = full + 0.5 * kinds.count("half")
    else:
        runs = [k for i, k in enumerate(kinds) if i == 0 or k != kinds[i - 1]]
        if len(runs) > 2 or len(set(runs)) != len(runs):
            return None  # interleaved icons: no left-to-right reading
        value = kinds.count(runs[0])
    stars = round(value)
    return stars if 1 <= stars <= 5 else None


def _state(el: Any) -> bool:
    """Whether an icon's descriptor names its state: empty, half or filled."""
    d = _descriptor(el)
    return any(
        table().search(d, "reviews", key) for key in ("star_icon_empty", "star_icon_half", "star_icon_filled")
    )


def _drawn_star(el: Any, parts: list[Any]) -> bool:
    """A star drawn in parts: an element that names its state («ant-rate-star ant-rate-star-full»,
    «-zero», «-half») around star glyphs (`parts`: its star descendants) that name none, at most
    two (Ant Design's Rate draws each star as a first and a second half). It is one icon, its
    glyphs are not (blind solution_antd5_descriptions_free_comments_partial). A container of more
    glyphs is a stars row («stars stars--gold» around five icons), whose glyphs stay the icons."""
    if not _state(el) or any(_state(c) for c in parts):
        return False
    inner = set(parts)
    glyphs = [c for c in parts if not any(d in inner for d in c.iterdescendants())]
    return len(glyphs) <= 2


def _char_stars(text: str) -> int | None:
    """★★★★☆: the first run of star characters; filled ones count. A lone ★ decorates a number
    («★ 4,0», «4 ★»): that number, else unknown (five slots show their empty stars too). One
    rating draws its filled stars with one glyph: a lone other glyph before the run is an icon
    (a callout's «⭐» before «★★★★★»), passed over; a run changing glyph after two ends there."""
    data = table().data["reviews"]
    filled, empty = data.get("star_char", "★"), data.get("star_char_empty", "☆")
    run, start, end = "", -1, -1
    for i, ch in enumerate(text):
        if ch in filled and any(c in filled and c != ch for c in run):
            if len(run) > 1:
                break
            run, start = "", -1  # a lone icon of another glyph before the rating
        if ch in filled or ch in empty:
            run += ch
            start = i if start < 0 else start
            end = i + 1
        elif run and ch == _EMOJI_STYLE:
            end = i + 1  # «⭐️»: the emoji presentation selector after a star belongs to it
        elif run and not ch.isspace():
            break
    full = sum(1 for ch in run if ch in filled)
    if len(run) == 1 and full == 1:
        m = _AFTER_STAR.match(text, end) or _BEFORE_STAR.search(text, 0, start)
        return _star_value(m.group(1)) if m else None
    return full if 1 <= full <= 5 and len(run) <= 5 else None


class _Stars:
    """The stars of every item of one review list: each encoding queried once on the list body."""

    def __init__(self, listing: Listing, skip: set[Any]) -> None:
        self.listing, self.skip = listing, skip
        self.found: dict[Any, int] = {}
        self.votes: dict[Any, list[Any]] | None = None  # item → its «helpful» counters, see _counters
        self.unread: set[Any] = set()  # items whose alike star glyphs only colours tell apart, unreadably

    def _counters(self) -> dict[Any, list[Any]]:
        """Item → its «helpful» counters «★ 4» (`vote_css`; a short line, not a review classed
        «review--liked»): they count votes, not stars, and are skipped from here on. Found on the
        first encoding that reads texts (the explicit values before it need none)."""
        if self.votes is None:
            data = table().data["reviews"]
            limit = data.get("stars_line_chars", 40)
            self.votes = {}
            for vote in css(self.listing.body, data["vote_css"]):
                if len(inline_text(vote)) <= limit:
                    self.votes.setdefault(item_of(self.listing, vote), []).append(vote)
                    self.skip.update(vote.iter())
        return self.votes

    def done(self) -> bool:
        """Every item has its stars: later encodings could only hit decided items (one body scan each)."""
        return len(self.found) >= len(self.listing.items)

    def _each(self, selector: str) -> list[tuple[Any, Any]]:
        if self.done():
            return []
        out = []
        for el in css(self.listing.body, selector):
            item = item_of(self.listing, el)
            if item is not None and item not in self.found and el not in self.skip:
                out.append((item, el))
        return out

    def _settle(self, seen: dict[Any, set[int]]) -> None:
        """Each item's value of one selector, when its elements agree: per-star values or labels
        («1 из 5» … «5 из 5» on each star of a widget, a rating input's `data-value` per star)
        say nothing of the grade, so an item whose elements differ is left to later encodings."""
        for item, found in seen.items():
            if len(found) == 1 and item not in self.found:
                self.found[item] = next(iter(found))

    def values(self) -> None:
        for sel in table().entries("reviews", "stars_selectors"):
            seen: dict[Any, set[int]] = {}
            for item, el in self._each(sel["css"]):
                raw = el.get(sel["attr"]) if sel.get("attr") else None
                value = _star_value(raw if raw is not None else inline_text(el))
                if value is not None:
                    seen.setdefault(item, set()).add(value)
            self._settle(seen)

    def labels(self) -> None:
        for sel in table().entries("reviews", "stars_labels"):
            seen: dict[Any, set[int]] = {}
            for item, el in self._each(sel["css"]):
                value = _text_stars(el.get(sel["attr"]) or "")
                if value is not None:
                    seen.setdefault(item, set()).add(value)
            self._settle(seen)

    def texts(self) -> None:
        """«Оценка: 4», «4 из 5» as a line of its own (`stars_line_chars`) or a part of a short meta
        line («20.11.2026 · Оценка: 5 из 5 · версия 3.1.0»): a review's sentence that quotes a grade
        («оценка 2 из 5 у конкурента», «Ставлю 5 звёзд — шучу») rates nothing, nor does a criterion's
        line, nor do lines of one item that grade differently, a criterion's among them (criteria
        «5 из 5» and «1 из 5» below an icon row: the icons decide; blind audit6 review__criteria)."""
        limit = table().data["reviews"].get("stars_line_chars", 40)
        if not self.done():
            self._counters()
        seen: dict[Any, set[int]] = {}  # every grade line of an item, a criterion's too
        overall: set[Any] = set()  # items with a grade line that is no criterion's
        for el, own in [] if self.done() else self.listing.owns:
            grade = None if el in self.skip else _line_stars(own, limit) or _labelled_stars(el, own, limit)
            item = item_of(self.listing, el) if grade is not None else None
            if grade is not None and item is not None and item not in self.found:
                seen.setdefault(item, set()).add(grade[0])
                if not grade[1]:
                    overall.add(item)
        self._settle({item: found for item, found in seen.items() if item in overall})

    def numbers(self) -> None:
        """A bare number «4» / «4,0» in an element named like stars, or next to a star icon / ★."""
        rules = table()
        for el, own in [] if self.done() else self.listing.owns:
            m = rules.search(own, "reviews", "stars_number") if len(own) <= _NUMBER_CHARS else None
            item = item_of(self.listing, el) if m else None
            if m is None or item is None or item in self.found or el in self.skip:
                continue
            if self._near_star(el, item):
                value = _star_value(m.group(1) + ("." + m.group(2) if m.group(2) else ""))
                if value is not None:
                    self.found[item] = value

    def _near_star(self, el: Any, item: Any) -> bool:
        """The element or its parent (below the item) is named like stars, or a star sits beside it."""
        rules = table()
        parent = el.getparent()
        for node in (el, parent if parent is not item else None):
            if node is not None:
                words = " ".join(node.get(a) or "" for a in ("class", "id", "aria-label", "title"))
                if rules.search(fold(words), "reviews", "star_hint"):
                    return True
        filled = rules.data["reviews"].get("star_char", "★")
        near = (parent.text or "") + (el.tail or "") if parent is not None else ""
        for sib in (el.getprevious(), el.getnext()):
            if sib is not None:
                if rules.search(_descriptor(sib), "reviews", "star_icon"):
                    return True
                near += inline_text(sib)
        return any(ch in near for ch in filled)

    def styles(self) -> None:
        """A CSS custom property on a stars element: «--rating: 4», «--rating: 80%»."""
        rules = table()
        for item, el in self._each("[style*='--']"):
            m = rules.search(el.get("style") or "", "reviews", "stars_style")
            if not m or item in self.found or not self._hinted(el, item):
                continue
            number = float(m.group(1))
            value = round(number / 20) if m.group(2) or number > 5 else round(number)
            if 1 <= value <= 5 and number <= 100:
                self.found[item] = value

    def widths(self) -> None:
        """The width of a stars overlay («style="width:80%"» → 4), or of each star's front layer
        (`_layers_stars`)."""
        rules = table()
        layers: dict[Any, list[tuple[Any, float]]] = {}
        for item, el in self._each("[style*=width]"):
            m = rules.search(el.get("style") or "", "reviews", "stars_width")
            if m and self._hinted(el, item):
                layers.setdefault(item, []).append((el, float(m.group(1))))
        for item, found in layers.items():
            per_star = _layers_stars(found)
            if per_star is not False:
                if per_star is not None and 1 <= (value := round(per_star)) <= _SCALE:
                    self.found[item] = value
                continue
            for _, width in found:  # one overlay of the whole row: the first that grades
                value = round(width / 20)
                if 1 <= value <= 5:
                    self.found[item] = value
                    break

    def sprites(self) -> None:
        """A star sprite no class names (`reviews.stars_sprite`): an empty layer drawing a picture at
        `width:N%` alone inside an empty track of a fixed width («<span style="width:75px;…url(…)">
        <span style="width:40%;…url(…)"></span></span>», an archive.today snapshot's inline styles) is
        N % of five stars. Read only on a list no other encoding grades, and only where an item holds
        one such layer and it grades whole stars (20 % each): a bar of a rating distribution («83%»)
        or a progress bar is no grade (TS `sprites`)."""
        if self.found:
            return
        layers: dict[Any, list[int | None]] = {}
        for item, el in self._each("[style*=width]"):
            value = _sprite_stars(el)
            if value is not False:
                layers.setdefault(item, []).append(value)
        for item, found in layers.items():
            if len(found) == 1 and found[0] is not None:
                self.found[item] = found[0]

    def _hinted(self, el: Any, item: Any) -> bool:
        """The width element or an ancestor up to the item is named like stars (class, aria)."""
        rules = table()
        node = el
        while node is not None:
            words = " ".join(node.get(a) or "" for a in ("class", "id", "aria-label", "title"))
            if rules.search(fold(words), "reviews", "star_hint"):
                return True
            if node is item:
                return False
            node = node.getparent()
        return False

    def icons(self) -> None:
        rules = table()
        found: list[tuple[Any, Any]] = []
        drawn: set[Any] = set()
        states = [e["css"] for e in rules.entries("reviews", "star_state")]
        for item, el in self._each(", ".join([rules.data["reviews"]["star_icon_css"], *states])):
            if el.tag != "use" and len(el) and any(c.tag == "use" for c in el):
                continue  # an svg holding a <use>: the use element says which icon it is
            if not _is_star(_descriptor(el)):
                continue
            if inline_text(el).strip(table().data["reviews"].get("star_char", "★") + "☆ "):
                continue  # an element with words is not an icon
            parts = [c for c in el.iterdescendants() if _is_star(_descriptor(c))]
            if parts and not _drawn_star(el, parts):
                continue  # a stars container: its star children are the icons
            if parts:
                drawn.add(el)
            found.append((item, el))
        per_item: dict[Any, list[Any]] = {}
        for item, el in found:
            if drawn and any(a in drawn for a in el.iterancestors()):
                continue  # a part of a star drawn in parts: that star is the icon
            per_item.setdefault(item, []).append(el)
        for item, icons in per_item.items():
            if len(icons) <= _MAX_ICONS:
                value = _icons_stars(icons)
                if value is not None:
                    self.found[item] = value

    def colours(self) -> None:
        """A row of alike svg icons told filled or empty by a colour utility class only (`_colour_stars`)."""
        for item in [] if self.done() else self.listing.items:
            if item in self.found:
                continue
            rows = {id(p): p for svg in item.iter("svg") if (p := svg.getparent()) is not None}
            values = {
                value
                for row in rows.values()
                if not any(el in self.skip for el in row.iter()) and (value := _colour_stars(row))
            }
            if len(values) == 1:  # two rows grading differently (a criterion's beside the review's): none
                self.found[item] = values.pop()

    def tints(self, answer_blocks: dict[Any, list[Any]]) -> None:
        """A row of one star glyph told filled or empty by its colour alone: LibreOffice Writer's
        export draws «★★★★★» five times the same character, `<font color="#ffbf00">★★★</font><font
        color="#c0c0c0">★★</font>` (blind solution_libreoffice76_writer_kp_pechora_booking), which the
        glyphs alone would read 5. Where the list's rows of one glyph (`_star_runs`) are drawn in two
        colours or more, the colours decide: a row split in two colours is drawn left to right, its
        first colour the filled one, its second the empty one, and every split row of the list must
        agree on that pair; a row then counts its stars of the filled colour, all before those of the
        empty colour. A row in any other colour, or a list whose split rows disagree (or with no split
        row at all to tell which colour fills), reads nothing: its stars are not counted as filled by
        `chars` (`unread`)."""
        if self.done():
            return
        runs: dict[Any, list[tuple[str, list[str]]]] = {}
        for item in self.listing.items:
            if item not in self.found:
                blocks = [_answer_scope(b) for b in answer_blocks.get(item, [])]
                runs[item] = _star_runs(item, blocks + self._counters().get(item, []))
        rows = {item: row for item, found in runs.items() if (row := _first_row(found)) is not None}
        alike = [tints for glyphs, tints in rows.values() if len(set(glyphs)) == 1]
        if len({tint for tints in alike for tint in tints}) < 2:
            return  # one colour throughout: the glyphs alone say which stars are filled
        pairs = {_split_tints(tints) for tints in alike if len(set(tints)) > 1}
        pair = next(iter(pairs)) if len(pairs) == 1 else None
        for item, (glyphs, tints) in rows.items():
            if len(set(glyphs)) != 1:
                continue  # ★★★☆☆: the glyphs tell the filled stars (chars)
            value = _tint_stars(tints, pair)
            if value is None:
                self.unread.add(item)
            else:
                self.found[item] = value

    def chars(self, answer_blocks: dict[Any, list[Any]]) -> None:
        """★★★★☆ in the item's text without its answers and «helpful» counters. An answer that opens
        a line of a paragraph (feedback.opens_line) leaves out that whole paragraph but its lines
        before the answer, the review's own («…, ★★★☆☆ (3 из 5), Иван: «…».<br><em>Ответ
        разработчика:</em> «…»»: blind solution_habr_company_blog_shop)."""
        for item in [] if self.done() else self.listing.items:
            if item not in self.found and item not in self.unread:
                blocks = answer_blocks.get(item, [])
                skipped = [_answer_scope(b) for b in blocks] + self._counters().get(item, [])
                text = text_without(item, skipped)
                before = [_lines_before(b) for b in blocks if opens_line(b)]
                value = _char_stars(" ".join([text, *before]) if before else text)
                if value is not None:
                    self.found[item] = value


_SCALE = 5  # a row of colour-classed icons is a rating row of five stars
_STAR_PERCENT = 20  # one star of five in a sprite's width


def _sprite_stars(el: Any) -> int | bool | None:
    """The stars of a sprite's filled layer (`_Stars.sprites`): False when the element is no such
    layer, None when it is one but grades no whole star (a part of a star, «83%»)."""
    rules = table()
    parent = el.getparent()
    style = (el.get("style") or "").lower()
    m = rules.search(style, "reviews", "stars_sprite", "fill")
    if (
        m is None
        or parent is None
        or any(isinstance(c.tag, str) for c in el)
        or inline_text(el)
        or inline_text(parent)
        or [c for c in parent if isinstance(c.tag, str)] != [el]
        or not rules.search(style, "reviews", "stars_sprite", "image")
        or not rules.search((parent.get("style") or "").lower(), "reviews", "stars_sprite", "track")
    ):
        return False
    value = float(m.group(1)) / _STAR_PERCENT
    return int(value) if value.is_integer() and 1 <= value <= _SCALE else None


def _layers_stars(layers: list[tuple[Any, float]]) -> float | bool | None:
    """The stars of a row of per-star front layers, each a `width:N%` of one star (Fluent UI's
    `ms-RatingStar-front` over its `-back` in each of five `ms-Rating-button`s, 100 % ×4 then 70 %:
    4.7; blind solution_sharepoint_modern_canvas_enisey_pricelist), the classic «star-ratings-top»
    pattern drawn per star: `_SCALE` layers alike (tag and class) whose row, their nearest common
    ancestor, holds no words (icon glyphs, stars at most). They fill left to right: full layers, at
    most one partial, then empty ones; the stars are their sum, in whole stars. False when the
    layers are no such row (one overlay of the whole row: `widths` reads its width); None when they
    are one but fill no left-to-right way."""
    if len(layers) != _SCALE or len({(el.tag, el.get("class")) for el, _ in layers}) != 1:
        return False
    row = layers[0][0]
    while row is not None and not all(row in el.iterancestors() for el, _ in layers):
        row = row.getparent()
    if row is None or any(ch.isalnum() for ch in inline_text(row)):
        return False
    widths = [width for _, width in layers]
    partial = [w for w in widths if 0 < w < 100]
    if any(w > 100 for w in widths) or len(partial) > 1 or widths != sorted(widths, reverse=True):
        return None
    return sum(widths) / 100


def _tint(el: Any, item: Any) -> str:
    """The colour an element's text is drawn in: the nearest one given from the element up to the item
    (`reviews.star_tint`: a `<font color>`, a style's `color:`), lower case without spaces; "" when
    none is (TS `tint`)."""
    rules = table()
    attrs = rules.entries("reviews", "star_tint", "attributes")
    node = el
    while node is not None:
        for entry in attrs:
            if matches(node, entry["css"]) and node.get(entry["attr"]):
                return "".join(node.get(entry["attr"]).split()).lower()
        m = rules.search((node.get("style") or "").lower(), "reviews", "star_tint", "style")
        if m:
            return "".join(m.group(1).split())
        if node is item:
            break
        node = node.getparent()
    return ""


def _star_runs(item: Any, skipped: list[Any]) -> list[tuple[str, list[str]]]:
    """The runs of star characters in the item's text outside the `skipped` subtrees, as `_char_stars`
    reads them (star characters with spaces at most between them; another filled glyph starts
    another run), each as (its characters, the colour of each: `_tint`) (TS `starRuns`)."""
    data = table().data["reviews"]
    filled, empty = data.get("star_char", "★"), data.get("star_char_empty", "☆")
    out: list[tuple[str, list[str]]] = []
    chars: list[str] = []
    tints: list[str] = []
    out_set = set(skipped)

    def close() -> None:
        if chars:
            out.append(("".join(chars), list(tints)))
        chars.clear()
        tints.clear()

    def read(text: str | None, el: Any) -> None:
        tint = None
        for ch in text or "":
            if ch in filled or ch in empty:
                if ch in filled and any(c in filled and c != ch for c in chars):
                    close()
                tint = _tint(el, item) if tint is None else tint
                chars.append(ch)
                tints.append(tint)
            elif not ch.isspace() and ch != _EMOJI_STYLE:
                close()

    def walk(el: Any) -> None:
        read(el.text, el)
        for child in el:
            if isinstance(child.tag, str) and child not in out_set:
                walk(child)
            read(child.tail, el)

    walk(item)
    close()
    return out


def _first_row(runs: list[tuple[str, list[str]]]) -> tuple[str, list[str]] | None:
    """The run `_char_stars` reads as the item's stars, when it is a row of two stars or more: the first
    one, a lone star of another glyph before the next run passed over (a callout's «⭐» before
    «★★★★★»). A lone star decorates a number: None."""
    for i, (glyphs, tints) in enumerate(runs):
        if len(glyphs) == 1 and i + 1 < len(runs) and runs[i + 1][0][0] != glyphs:
            continue
        return (glyphs, tints) if len(glyphs) > 1 else None
    return None


def _split_tints(tints: list[str]) -> tuple[str, str] | None:
    """(filled, empty) colours of a row drawn in two colours, one run each, left to right; else None."""
    first = tints[0]
    cut = next(i for i, tint in enumerate(tints) if tint != first)
    rest = set(tints[cut:])
    return (first, tints[cut]) if len(rest) == 1 else None


def _tint_stars(tints: list[str], pair: tuple[str, str] | None) -> int | None:
    """The filled stars of a row by its colours (`_Stars.tints`): the stars of the filled colour, all
    before those of the empty colour; None without a pair, or for a row in another colour."""
    if pair is None or len(tints) > _SCALE:
        return None
    filled, empty = pair
    full = next((i for i, tint in enumerate(tints) if tint != filled), len(tints))
    if full < 1 or any(tint != empty for tint in tints[full:]):
        return None
    return full


def _colour_stars(row: Any) -> int | None:
    """The filled stars of a row of `_SCALE` svg icons (nothing else in it, no text) that differ by
    one colour utility class only: Tailwind UI's heroicons stars «<svg class="text-yellow-400 h-5
    w-5">» ×N then «text-gray-200» (blind solution_nextjs_headlessui_tabs_kama_delivery), whose
    markup names no star. Each icon holds the same shape (`_shape`) and the same other classes (a
    variant «dark:…» aside), and exactly one colour class (`_colour_kind`), of one shade per kind;
    the filled ones come first (drawn left to right), one at least. Any other row is no grade: None
    (TS `colourStars`)."""
    icons = [c for c in row if isinstance(c.tag, str)]
    if len(icons) != _SCALE or any(c.tag != "svg" for c in icons) or inline_text(row):
        return None
    kinds: list[str] = []
    shades: dict[str, set[str]] = {}
    looks: set[tuple[Any, ...]] = set()  # (the icon's shape, its other classes): one for the whole row
    for icon in icons:
        words = [w for w in (icon.get("class") or "").split() if ":" not in w]
        coloured = [(w, kind) for w in words if (kind := _colour_kind(w)) is not None]
        if len(coloured) != 1:
            return None
        colour, kind = coloured[0]
        kinds.append(kind)
        shades.setdefault(kind, set()).add(colour)
        looks.add((_shape(icon), *sorted(w for w in words if w != colour)))
    if len(looks) != 1 or any(len(found) > 1 for found in shades.values()):
        return None
    full = kinds.count("filled")
    return full if full >= 1 and kinds[:full] == ["filled"] * full else None


def _colour_kind(word: str) -> str | None:
    """«filled» or «empty» for a star's colour utility class (`reviews.star_colour_filled` /
    `star_colour_empty`), else None."""
    rules = table()
    if rules.search(word, "reviews", "star_colour_filled"):
        return "filled"
    return "empty" if rules.search(word, "reviews", "star_colour_empty") else None


def _shape(icon: Any) -> tuple[tuple[str, str], ...]:
    """What an svg icon draws: each descendant's tag and geometry (a path's `d`, `points`, a `use`
    href), so a filled and an empty star of one icon set are the same shape."""
    return tuple(
        (d.tag, d.get("d") or d.get("points") or d.get("href") or d.get("xlink:href") or "")
        for d in icon.iterdescendants()
        if isinstance(d.tag, str)
    )


def _answer_scope(block: Any) -> Any:
    """What an answer block takes out of its review's stars: the paragraph of an answer that opens a
    line of it (feedback.opens_line), else the block itself."""
    parent = block.getparent()
    return parent if parent is not None and opens_line(block) else block


def _lines_before(block: Any) -> str:
    """The text of a block's paragraph before it: the review's own lines above its answer's."""
    parent = block.getparent()
    parts = [parent.text or ""]
    for child in parent:
        if child is block:
            break
        if isinstance(child.tag, str):
            parts.append(inline_text(child))
        parts.append(child.tail or "")
    return " ".join(parts)


def _stars(listing: Listing, answer_blocks: dict[Any, list[Any]]) -> dict[Any, int]:
    """Item → 1–5 stars: explicit numbers, labels, text, a width overlay or per-star layers, icons,
    coloured rows of one glyph, characters; last, on a list none of those grades, an unnamed star
    sprite's width."""
    skip = {d for blocks in answer_blocks.values() for b in blocks for d in _answer_scope(b).iter()}
    stars = _Stars(listing, skip)
    stars.values()
    stars.labels()
    stars.texts()
    stars.numbers()
    stars.styles()
    stars.widths()
    stars.icons()
    stars.colours()
    stars.tints(answer_blocks)
    stars.chars(answer_blocks)
    stars.sprites()
    return stars.found


def admin_answered(page: Page, listing: Listing) -> set[Any]:
    """Items answered under a site admin's title («Ответ администратора:», `reviews.admin_answer_titles`)
    when the page says its admin is the developer (`reviews.admin_is_developer`: a vendor's own
    mirror of its listing, «Администратор этого сайта и разработчик решения — одно лицо»). Without
    that statement an admin's reply is nobody's answer for the solution: none is counted."""
    title = anchored(("reviews", "admin_answer_titles"))
    hits = [
        el
        for (el, _own), text in zip(listing.owns, short_folds(listing), strict=True)
        if text is not None and title(text)
    ]
    items = {item for el in hits if (item := item_of(listing, el)) is not None}
    if not items or not table().search(fold(inline_text(page.root)), "reviews", "admin_is_developer"):
        return set()
    return items


def _first_shown(listing: Listing, item: Any, start: int) -> str:
    """The item's first own text from `start` that is not inside an aria-hidden element of it."""
    for el, own in listing.owns[start:]:
        chain = [el, *el.iterancestors()]
        if not any(node is item for node in chain):
            break
        inside = chain[: next(i for i, node in enumerate(chain) if node is item) + 1]
        if not any(node.get("aria-hidden") == "true" for node in inside):
            return own
    return ""


def partner_replies(listing: Listing, partner: str | None) -> dict[Any, Any]:
    """Item → the review it answers, for a block that is the partner's reply to the review above it
    rather than a review: a block of another markup than the one before it (tag and class) whose
    first text names the partner as its author («<div class="answer"><b>ACME Soft</b> 25.11.2026
    …</div>» after «<div class="review">»). A block of the list's own markup stays a review,
    whoever wrote it. Decoration marked aria-hidden is no text of it: the author's initials drawn as
    an avatar («<div class="t-Comments-userIcon" aria-hidden="true">ЛД</div>» before the name in
    APEX's Comments rows, blind solution_apex23_universal_theme_lazurit_gardenshop)."""
    me = name_key(partner)
    found: dict[Any, Any] = {}
    if not me:
        return found
    for before, item in zip(listing.items, listing.items[1:], strict=False):
        start = listing.starts.get(item)
        if start is None or (before.tag == item.tag and before.get("class") == item.get("class")):
            continue
        own = _first_shown(listing, item, start)
        if len(own) <= MAX_TITLE_CHARS and is_partner(own, me):
            found[item] = found.get(before, before)  # a second reply answers the same review
    return found


def reviews(page: Page, partner: str | None = None) -> dict[str, Any]:
    """{total, items[{date, stars, answered}]} from the «Отзывы» section."""
    listing = page.listings.get("rating")
    if listing is not None and disclaimed(listing, "reviews"):
        page.found_by["reviews"] = "text"
        return {"total": None, "items": None}  # the host's own reviews, disclaimed: no review of ours
    parsed: list[dict[str, Any]] | None = None
    replies: dict[Any, Any] = {}
    if listing is not None:
        answered, blocks = answers(listing, partner, by_author=False)
        replies = partner_replies(listing, partner)
        answered.update(replies.values())
        answered.update(admin_answered(page, listing))
        stars = _stars(listing, blocks)
        parsed = [
            {"date": date, "stars": stars.get(item), "answered": item in answered}
            for item in listing.items
            if item not in replies and (date := listing.dates.get(item))
        ]
        page.found_by["reviews"] = "tab-body"
    total = stated(page, "rating", "reviews", listing, head=True)
    if total is None:
        meta = css(page.root, "[itemprop=reviewCount]")
        content = (meta[0].get("content") or inline_text(meta[0])) if meta else ""
        total = int(content) if content.strip().isdigit() else None
    if total is None and listing is None:  # no reviews section: the rating line may state the count
        total = labelled_total(page, "reviews")
    if total is None and listing is None:  # nor a label: the summary's bare average may be followed by it
        total = summary_total(page)
    total, items = read_items(listing, total, parsed, "reviews")
    if total is None and listing is not None and not has_pager(listing.body) and not shows_more(listing):
        # every item is shown: as many as were read, or, with an undated one, as many as there are
        total = (
            len(items)
            if items is not None
            else len(listing.items) - len(replies)
            if undated(listing)
            else None
        )
    return {"total": total, "items": None if items is None else newest_first(items)}
