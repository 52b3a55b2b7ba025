"""`mpcheck facts` without --json: the facts in people's words, one «Label: value» line each.

Words come from cli/texts.json ("summary", "words", "plurals"); numbers, money, dates, yes/no and
counted days, hours and months («14 дней») from the rules' number style (shared_rules/scoring.json "numbers", the engine's format_value), so
a price reads «12 990 руб.» here as in every report; support channels and the specialisation use
the engine's fact words (numbers.*.words). An unknown value reads «не указано», an empty list
«нет» (channels: «не указаны»): no line is left blank.
"""

from __future__ import annotations

from typing import Any

from mpcheck.cli.i18n import entry, fill, plural, word
from mpcheck.engine.formatting import format_value


class Writer:
    """Formats values for one language with the rules' number style."""

    def __init__(self, lang: str, numbers: dict[str, dict[str, str]]) -> None:
        self.lang, self.style = lang, numbers[lang]

    def t(self, key: str, **values: Any) -> str:
        """A summary phrase, filled in."""
        return fill(entry("summary", key, self.lang), values)

    def num(self, value: Any) -> str:
        """«1 300», «4,8»."""
        return format_value(value, "plain", self.style)

    def money(self, value: Any) -> str:
        """«12 990 руб.»."""
        return format_value(value, "money", self.style)

    def date(self, value: Any) -> str:
        """«19.11.2026» (ru) / "2026-11-19" (en)."""
        return format_value(value, "date", self.style)

    def yes_no(self, value: Any) -> str:
        """да / нет, or «не указано»."""
        return self.unknown if value is None else format_value(bool(value), "plain", self.style)

    def count(self, noun: str, value: int) -> str:
        """«14 дней», «1 300 отзывов»."""
        return plural(noun, value, self.lang, self.num(value))

    def words(self, group: str, values: list[Any] | None) -> str:
        """Values of a cli/texts.json vocabulary, «нет» for [] and «не указано» for None."""
        if values is None:
            return self.unknown
        return ", ".join(word(group, str(v), self.lang) for v in values) or self.t("none")

    def fact(self, value: Any, kind: str) -> str:
        """A fact in the engine's words for its kind («тикеты, чат», «веб-студия»; [] «не указаны»),
        the same text a report's evidence shows; «не указано» for None."""
        return self.unknown if value is None else format_value(value, kind, self.style)

    @property
    def unknown(self) -> str:
        """«не указано»."""
        return self.t("unknown")


def _or_unknown(w: Writer, value: Any, shown: str | None = None) -> str:
    if value is None or value == "":
        return w.unknown
    return shown if shown is not None else str(value)


def _price(w: Writer, price: dict[str, Any]) -> str:
    if price.get("free"):
        return w.t("free")
    if price.get("rub") is None:
        return w.unknown
    text = w.money(price["rub"])
    if price.get("old_rub"):
        text = w.t("old_price", price=text, old=w.money(price["old_rub"]))
    if price.get("discount_until"):
        text = w.t("discount_until", price=text, date=w.date(price["discount_until"]))
    return text


def _demo(w: Writer, demo: dict[str, Any]) -> str:
    if demo.get("available") is None:
        return w.unknown
    if not demo["available"]:
        return w.yes_no(False)
    if demo.get("days"):
        return w.t("demo_days", days=w.fact(demo["days"], "days"))
    return w.t("demo_no_length")


def _installs(w: Writer, installs: dict[str, Any]) -> str:
    low, high = installs.get("min"), installs.get("max")
    if low is not None and high is not None:
        return w.t("installs_range", min=w.num(low), max=w.num(high))
    if low is not None:
        return w.t("installs_over", min=w.num(low))
    return _or_unknown(w, installs.get("label"))


def _feedback(w: Writer, block: dict[str, Any]) -> str:
    total, items = block.get("total"), block.get("items")
    if total is None and items is None:
        return w.unknown
    shown = w.num(total if total is not None else len(items or []))
    if not items:
        return shown
    answered = sum(1 for item in items if item.get("answered"))
    return w.t("feedback_read", total=shown, read=w.num(len(items)), answered=w.num(answered))


def _changelog(w: Writer, changelog: list[dict[str, Any]] | None) -> str:
    if changelog is None:
        return w.unknown
    if not changelog:
        return w.t("none")
    count, last = w.count("release", len(changelog)), changelog[0]
    version = last.get("version") or w.unknown
    if last.get("date"):
        return w.t("changelog_last", count=count, version=version, date=w.date(last["date"]))
    return w.t("changelog_last_undated", count=count, version=version)


def _support_lines(w: Writer, sup: dict[str, Any]) -> list[tuple[str, str]]:
    months, hours = sup.get("free_months"), sup.get("response_hours")
    schedule = " ".join(part for part in (sup.get("hours"), sup.get("timezone")) if part)
    return [
        ("channels", w.fact(sup.get("channels"), "channel")),
        ("free_support", w.fact(months, "months")),
        ("support_hours", schedule or w.unknown),
        ("response", w.fact(hours, "hours")),
    ]


def _links(w: Writer, links: dict[str, Any]) -> list[tuple[str, str]]:
    def many(values: list[str] | None) -> str:
        if values is None:
            return w.unknown
        return ", ".join(values) if values else w.t("none")

    return [
        ("documentation", _or_unknown(w, links.get("documentation"))),
        ("video", many(links.get("video"))),
        ("presentation", _or_unknown(w, links.get("presentation"))),
        ("cases", many(links.get("cases"))),
    ]


def _partner_lines(w: Writer, partner: dict[str, Any]) -> list[tuple[str, str]]:
    """The partner facts the backend adds (SPEC §3); only those present, a file has none."""
    lines: list[tuple[str, str]] = []
    if "rating_position" in partner:
        position, total = partner.get("rating_position"), partner.get("rating_total")
        shown = w.unknown if position is None else w.num(position)
        if position is not None and total is not None:
            shown = w.t("position_of", position=w.num(position), total=w.num(total))
        lines.append(("rating_position", shown))
    if "status" in partner:
        lines.append(("partner_status", _or_unknown(w, partner.get("status"))))
    if "solutions_count" in partner:
        count = partner.get("solutions_count")
        lines.append(("solutions_count", w.unknown if count is None else w.num(count)))
    if "specialization" in partner:
        spec = partner.get("specialization")
        lines.append(("specialization", w.fact(spec, "specialization")))
    return lines


def _solution(w: Writer, facts: dict[str, Any]) -> list[str]:
    partner = facts.get("partner") or {}
    name, code = facts.get("name"), facts.get("code")
    title = f"{name} ({code})" if name and code else _or_unknown(w, name or code)
    developer = w.unknown
    if partner.get("name"):
        developer = partner["name"]
        if partner.get("id") is not None:
            developer = w.t("developer_id", name=partner["name"], id=partner["id"])
    version = facts.get("version")
    rating = (facts.get("rating") or {}).get("average")
    pairs: list[tuple[str, str]] = [
        ("solution", title),
        ("kind", w.unknown if facts.get("kind") is None else word("kind", facts["kind"], w.lang)),
        ("developer", developer),
        *_partner_lines(w, partner),
        ("price", _price(w, facts.get("price") or {})),
        ("demo", _demo(w, facts.get("demo") or {})),
        ("online_demo", _or_unknown(w, (facts.get("demo") or {}).get("online_demo_url"))),
        ("installs", _installs(w, facts.get("installs") or {})),
        ("published", _or_unknown(w, facts.get("published"), w.date(facts.get("published")))),
        ("updated", _or_unknown(w, facts.get("updated"), w.date(facts.get("updated")))),
        ("version", _or_unknown(w, version)),
        ("rating", w.unknown if rating is None else w.t("rating_of_5", value=w.num(rating))),
        ("reviews", _feedback(w, facts.get("reviews") or {})),
        ("comments", _feedback(w, facts.get("comments") or {})),
        ("changelog", _changelog(w, facts.get("changelog"))),
        *_support_lines(w, facts.get("support") or {}),
        *_links(w, facts.get("links") or {}),
        (
            "editions",
            w.unknown if facts.get("editions") is None else ", ".join(facts["editions"]) or w.t("none"),
        ),
        ("adaptive", w.yes_no(facts.get("adaptive"))),
        ("composite", w.yes_no(facts.get("composite"))),
        ("withdrawn", w.yes_no(facts.get("withdrawn"))),
    ]
    lines = [f"{w.t(label)}: {value}" for label, value in pairs]
    extraction = facts.get("extraction") or {}
    if extraction.get("markup_changed"):
        missing = ", ".join(word("fields", f, w.lang) for f in extraction.get("missing_confirmed") or [])
        lines.append(w.t("markup_changed", fields=missing or w.unknown))
    return lines


def _partner_page(w: Writer, facts: dict[str, Any]) -> list[str]:
    title = facts.get("name") or w.unknown
    if facts.get("id") is not None:
        title = w.t("developer_id", name=title, id=facts["id"])
    solutions = facts.get("solutions")
    count = facts.get("solutions_count")
    pairs = [
        ("partner_page", title),
        *_partner_lines(w, {k: facts.get(k) for k in ("rating_position", "status", "specialization")}),
        ("solutions_count", w.unknown if count is None else w.num(count)),
        ("solutions", w.unknown if solutions is None else ", ".join(solutions) or w.t("none")),
        ("site", _or_unknown(w, facts.get("site"))),
        ("since", _or_unknown(w, facts.get("on_marketplace_since"))),
    ]
    return [f"{w.t(label)}: {value}" for label, value in pairs]


def _rating_page(w: Writer, facts: dict[str, Any]) -> list[str]:
    def n(value: Any) -> str:
        return w.unknown if value is None else w.num(value)

    lines = [
        w.t(
            "rating_page",
            page=n(facts.get("page")),
            last=n(facts.get("last_page")),
            total=n(facts.get("total")) if facts.get("total") is None else w.count("partner", facts["total"]),
        )
    ]
    for row in facts.get("rows") or []:
        lines.append(
            w.t(
                "rating_row",
                position=n(row.get("position")),
                name=row.get("name") or w.unknown,
                status=row.get("status") or w.unknown,
                solutions=n(row.get("solutions")),
            )
        )
    return lines


def _listing_page(w: Writer, facts: dict[str, Any]) -> list[str]:
    def n(value: Any) -> str:
        return w.unknown if value is None else w.num(value)

    cards = facts.get("cards") or []
    lines = [
        w.t(
            "listing_page",
            category=n(facts.get("category_id")),
            page=n(facts.get("page")),
            last=n(facts.get("last_page")),
            cards=w.count("card", len(cards)),
        )
    ]
    for card in cards:
        price = _price(w, card.get("price") or {})
        lines.append(
            w.t("card", code=card.get("code") or w.unknown, name=card.get("name") or w.unknown, price=price)
        )
    return lines


SCHEMA_KINDS = {
    "mpcheck.partner/1": "partner",
    "mpcheck.partners_rating/1": "partners_rating",
    "mpcheck.listing/1": "listing",
}


def page_kind(facts: dict[str, Any]) -> str:
    """solution | listing | partner | partners_rating | other, whichever object extract_page gave."""
    kind = SCHEMA_KINDS.get(str(facts.get("schema")), facts.get("page_type"))
    return kind if kind in ("solution", *SCHEMA_KINDS.values()) else "other"


def summary(facts: dict[str, Any], lang: str, numbers: dict[str, dict[str, str]]) -> str:
    """The readable summary of any page type extract_page returns."""
    w = Writer(lang, numbers)
    writers = {
        "partner": _partner_page,
        "partners_rating": _rating_page,
        "listing": _listing_page,
        "solution": _solution,
    }
    kind = page_kind(facts)
    return "\n".join(writers[kind](w, facts)) if kind in writers else w.t("other_page")
