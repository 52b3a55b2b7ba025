"""Terminal rendering of a report: status symbols, score, coverage, each step and its hand check."""

from __future__ import annotations

import textwrap
from typing import Any

from mpcheck.cli.i18n import entry

SYMBOLS = {"good": "✔", "warn": "!", "bad": "✘", "unknown": "?", "not_applicable": "–"}
COLOURS = {"good": "32", "warn": "33", "bad": "31", "unknown": "90", "not_applicable": "90"}
WIDTH = 100


def _paint(text: str, status: str, colour: bool) -> str:
    return f"\033[{COLOURS[status]}m{text}\033[0m" if colour else text


def _coverage(report: dict[str, Any], lang: str, texts: dict[str, Any]) -> str:
    template: str = texts["coverage"][lang]
    return template.replace("{known}", str(report["coverage_known"])).replace(
        "{total}", str(report["coverage_total"])
    )


def _message(criterion: dict[str, Any], lang: str) -> str:
    """The step's message; "backend unreachable" is said the CLI's way: the engine's text tells a
    browser user to start `mpcheck serve`, but the CLI never asks the server, it reads the
    Marketplace itself (for a code or URL; a saved page or facts file has no partner rating)."""
    if criterion["status"] == "unknown" and criterion.get("unknown_reason") == "backend_unreachable":
        return entry("report", "backend_unreachable", lang)
    return str(criterion["message"][lang])


def render_report(
    report: dict[str, Any], texts: dict[str, Any], lang: str = "ru", colour: bool = False
) -> str:
    """A readable multi-line report in `lang` (ru/en); `texts` are the rules' own words
    (scoring.json "texts": status words, coverage phrase), as the badge uses."""
    words = {key: entry("report", key, lang) for key in ("score", "no_score", "check", "profile")}
    title = report.get("name") or report.get("code") or "—"
    code = f" ({report['code']})" if report.get("code") and report.get("name") else ""
    score = report["score"]
    score_text = f"{score}/100" if score is not None else words["no_score"]
    lines = [
        f"{title}{code}",
        f"{words['score']}: {score_text} · {_coverage(report, lang, texts)} · {words['profile']}: {report['profile_label'][lang]}",
        _paint(f"▶ {report['headline']['message'][lang]}", report["headline"]["status"], colour),
        "",
    ]
    for criterion in report["criteria"]:
        status = criterion["status"]
        mark = _paint(f"{SYMBOLS[status]} {texts['status'][status][lang]:<12}", status, colour)
        points = ""
        if criterion["points"] is not None and criterion["max_points"]:
            points = f" [{criterion['points']}/{criterion['max_points']}]"
        lines.append(f"{criterion['step']}. {mark} {criterion['title'][lang]}{points}")
        indent = " " * 5
        lines += textwrap.wrap(
            _message(criterion, lang), WIDTH, initial_indent=indent, subsequent_indent=indent
        )
        check = f"{words['check']}: {criterion['check_yourself'][lang]}"
        lines += textwrap.wrap(check, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")
    return "\n".join(lines)
