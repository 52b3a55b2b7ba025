"""`mpcheck facts URL|CODE|FILE.html [--json] [--lang ru|en]`: the facts of one Marketplace page.

A file is read as bytes and decoded like a fetched page (meta charset, UTF-8, cp1251); a URL or a
bare code is read from the configured Marketplace origin (mpcheck.cli.targets). Without --json the
facts are written for people (mpcheck.cli.summary).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from mpcheck.cli.sources import facts_for
from mpcheck.cli.summary import summary
from mpcheck.config import default_config
from mpcheck.rules import load_rules


def register(subparsers: Any) -> None:
    """Add the `facts` subcommand."""
    parser = subparsers.add_parser("facts", help="extract the facts of a saved Marketplace page or a URL")
    parser.add_argument("source", help="a saved page (FILE.html), a Marketplace URL or a solution code")
    parser.add_argument("--json", action="store_true", help="print the facts as JSON (mpcheck.facts/1)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the facts (JSON or summary)."""
    facts, _name = facts_for(args.source, enrich=False)
    if args.json:
        print(json.dumps(facts, ensure_ascii=False, indent=2))
    else:
        numbers = load_rules(default_config()["RULES_DIR"]).scoring["numbers"]
        print(summary(facts, args.lang, numbers))
    return 0
