"""`mpcheck score FACTS.json [--json] [--lang ru|en]`: score a facts file with the shared rules."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mpcheck.cli.main import UsageError
from mpcheck.cli.render import render_report
from mpcheck.config import default_config
from mpcheck.engine import build_report
from mpcheck.rules import load_rules
from mpcheck.validation import FactsError, parse_options, validate_facts


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """Flags shared by `score` and `report`."""
    parser.add_argument("--json", action="store_true", help="print the mpcheck.report/1 JSON")
    parser.add_argument("--lang", choices=("ru", "en"), default="ru")
    parser.add_argument("--profile", choices=("module", "site", "narrow"))
    parser.add_argument("--disabled", default="", help="comma-separated criteria to switch off")
    parser.add_argument("--today", help="evaluation date YYYY-MM-DD (default: today)")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `score` subcommand."""
    parser = subparsers.add_parser("score", help="score a facts JSON file")
    parser.add_argument("facts", help="path to a mpcheck.facts/1 JSON file, or - for stdin")
    add_report_options(parser)
    parser.set_defaults(func=run)


def read_facts_file(name: str) -> object:
    """Read JSON from a path or stdin, turning every failure into a one-line UsageError."""
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {name}: {exc.__class__.__name__}: {exc}") from exc
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise UsageError(f"{name} is not valid JSON: {str(exc)[:200]}") from exc


def print_report(facts: object, args: argparse.Namespace) -> int:
    """Validate, score and print (terminal text or JSON)."""
    rules = load_rules(default_config()["RULES_DIR"])
    try:
        options = parse_options(vars(args), rules)
        report = build_report(validate_facts(facts, rules), rules, **options)
    except FactsError as exc:
        raise UsageError(str(exc)) from exc
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(render_report(report, rules.scoring["texts"], args.lang, colour=sys.stdout.isatty()))
    return 0


def run(args: argparse.Namespace) -> int:
    """Entry of `mpcheck score`."""
    return print_report(read_facts_file(args.facts), args)
