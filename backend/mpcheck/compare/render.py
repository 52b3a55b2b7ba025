"""A mpcheck.comparison/1 object as terminal text (ru/en), for `mpcheck compare`.

Every word comes from comparison.json (texts.cli and the object's own sentences); the layout is
the only thing decided here.
"""

from __future__ import annotations

import textwrap
from typing import Any

from mpcheck.compare.format import fill, full_stop, money
from mpcheck.compare.rules import ComparisonRules, text
from mpcheck.engine.formatting import format_value, round_half_up

WIDTH = 100
INDENT = " " * 5


def _wrap(line: str, indent: str = "", more: str = INDENT) -> list[str]:
    return textwrap.wrap(line, WIDTH, initial_indent=indent, subsequent_indent=more) or [indent]


def _coverage(
    entry: dict[str, Any], counts: dict[str, tuple[int, int]], rules: ComparisonRules, lang: str
) -> str:
    if entry["code"] in counts:
        known, total = counts[entry["code"]]
        return fill(text(rules, "cli", "coverage", lang), {"known": known, "total": total})
    return "—" if entry["coverage"] is None else f"{round_half_up(entry['coverage'] * 100)} %"


def _candidate(
    index: int, entry: dict[str, Any], counts: dict[str, tuple[int, int]], rules: ComparisonRules, lang: str
) -> list[str]:
    def cli(key: str) -> str:
        return text(rules, "cli", key, lang)

    score = "—" if entry["score"] is None else f"{round_half_up(entry['score'])}/100"
    price = "—" if entry["price_rub"] is None else money(rules, entry["price_rub"], lang)
    if entry["price_rub"] == 0:
        price = text(rules, "money", "free", lang)
    if entry["price_note"]:
        price += f" ({cli(entry['price_note'])})"
    head = f"{index}. {entry['name']} ({entry['code']})"
    if entry["withdrawn"]:
        head += f" — {cli('withdrawn')}"
    lines = [
        head,
        f"{INDENT}{cli('score')}: {score} · {_coverage(entry, counts, rules, lang)} · {cli('price')}: {price}",
    ]
    if not entry["checks"]:
        return [*lines, f"{INDENT}{cli('open_questions')}: {cli('no_questions')}"]
    lines.append(f"{INDENT}{cli('open_questions')}:")
    for check in entry["checks"]:
        partial = f" ({cli('partly_known')})" if check["partial"] else ""
        advice = check["check_yourself"][lang]
        if check["unknown_reason"] == "backend_unreachable":
            # A saved page or facts file: the partner facts come with a URL or code, not a server.
            advice += " " + full_stop(fill(cli("partner_offline"), {"code": entry["code"]}))
        lines += _wrap(
            f"– {check['title'][lang]}{partial}: {advice}",
            INDENT + "  ",
            INDENT + "    ",
        )
    return lines


def render_comparison(
    comparison: dict[str, Any],
    rules: ComparisonRules,
    lang: str = "ru",
    counts: dict[str, tuple[int, int]] | None = None,
    *,
    numbers: dict[str, dict[str, Any]],
) -> str:
    """`counts`: code -> (known steps, counted steps) from the reports, for «данные по 7 из 9 шагов»;
    `numbers`: the engine's locale styles (scoring.json), so the date reads «27.11.2026», not ISO."""
    counts = counts or {}
    today = format_value(comparison["today"], "date", numbers[lang])
    lines = [f"{text(rules, 'cli', 'title', lang)} · {text(rules, 'cli', 'judged_on', lang)} {today}", ""]
    lines += _wrap(
        f"▶ {text(rules, 'cli', 'recommendation', lang)}: {comparison['recommendation']['reason'][lang]}",
        "",
        "  ",
    )
    for warning in comparison["warnings"]:
        lines += _wrap(f"⚠ {warning[lang]}", "", "  ")
    lines += ["", f"{text(rules, 'cli', 'ranking', lang)}:"]
    for index, entry in enumerate(comparison["ranking"], start=1):
        lines += _candidate(index, entry, counts, rules, lang)
    # The heading on a line of its own: the sentence under it starts with a capital, as on the page.
    lines += [
        "",
        f"{text(rules, 'cli', 'partners', lang)}:",
        *_wrap(comparison["partners"][lang], "  ", "  "),
    ]
    return "\n".join(lines)
