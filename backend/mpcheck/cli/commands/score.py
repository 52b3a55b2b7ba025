"""`mpcheck score FACTS.json [--json] [--lang ru|en]`: score a facts file with the shared rules."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from mpcheck.cli.errors import FactsMismatch, Quoted, UsageError
from mpcheck.cli.i18n import entry
from mpcheck.cli.render import render_report
from mpcheck.cli.sources import read_file
from mpcheck.config import default_config
from mpcheck.engine import build_report
from mpcheck.rules import Rules, load_rules
from mpcheck.validation import FactsError, parse_options, validate_facts

MAX_FACTS_BYTES = 10 * 1024 * 1024


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """Flags shared by `score` and `report` (--lang is added to every subcommand by the parser)."""
    parser.add_argument("--json", action="store_true", help="print the mpcheck.report/1 JSON")
    parser.add_argument(
        "--profile",
        choices=("module", "site", "narrow"),
        help="checklist profile (default: from the solution's kind)",
    )
    parser.add_argument("--disabled", default="", help="comma-separated criteria to switch off")
    parser.add_argument("--today", help="evaluation date YYYY-MM-DD (default: today)")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `score` subcommand."""
    parser = subparsers.add_parser("score", help="score a facts JSON file")
    parser.add_argument("facts", help="path to a mpcheck.facts/1 JSON file, or - for stdin")
    add_report_options(parser)
    parser.set_defaults(func=run)


def read_facts_file(name: str, shown: str) -> object:
    """JSON from a path or stdin (`-`); every failure is a one-line UsageError naming `shown`."""
    body = sys.stdin.buffer.read() if name == "-" else read_file(name, MAX_FACTS_BYTES)
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError("not_utf8", name=shown) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError("not_json", name=shown, line=exc.lineno, column=exc.colno) from exc
    except RecursionError as exc:
        raise UsageError("json_too_deep", name=shown) from exc


def _options(args: argparse.Namespace, rules: Rules) -> dict[str, Any]:
    try:
        return parse_options(vars(args), rules)
    except FactsError as exc:
        if exc.field == "today":
            raise UsageError("bad_today", value=Quoted(str(args.today))) from exc
        if exc.field == "disabled":
            unknown = next(d for d in str(args.disabled).split(",") if d and d not in rules.criteria)
            steps = ", ".join(rules.scoring["criteria_order"])
            raise UsageError("bad_disabled", value=Quoted(unknown), steps=steps) from exc
        raise UsageError("bad_option", field=exc.field) from exc


def print_report(facts: object, args: argparse.Namespace, name: str) -> int:
    """Validate, score and print (terminal text or JSON); `name` is what errors call the input."""
    rules = load_rules(default_config()["RULES_DIR"])
    options = _options(args, rules)
    try:
        checked = validate_facts(facts, rules)
    except FactsError as exc:
        raise FactsMismatch(exc, name) from exc
    report = build_report(checked, rules, **options)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(render_report(report, rules.scoring["texts"], args.lang, colour=sys.stdout.isatty()))
    return 0


def run(args: argparse.Namespace) -> int:
    """Entry of `mpcheck score`."""
    shown = entry("errors", "stdin", args.lang) if args.facts == "-" else args.facts
    return print_report(read_facts_file(args.facts, shown), args, shown)
