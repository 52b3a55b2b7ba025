"""`mpcheck report URL|CODE|FILE.html [--json] [--lang ru|en]`: the checklist report for one solution.

A FILE is extracted locally (no network). A URL or a bare code is read through the Marketplace
service from the configured origin, with the partner facts the page lacks, as the API's
GET /solutions/<code>/report. Exit codes: 0 ok, 2 bad input, 1 the Marketplace failed.
"""

from __future__ import annotations

import argparse

from mpcheck.cli.commands.score import add_report_options, print_report
from mpcheck.cli.errors import UsageError
from mpcheck.cli.i18n import entry
from mpcheck.cli.sources import facts_for
from mpcheck.cli.summary import page_kind


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `report` subcommand."""
    parser = subparsers.add_parser("report", help="report for a Marketplace solution URL or saved page")
    parser.add_argument("target", help="a saved page (FILE.html), a Marketplace URL or a solution code")
    add_report_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Entry of `mpcheck report`."""
    facts, name = facts_for(args.target, enrich=True)
    kind = page_kind(facts)
    if kind != "solution":
        raise UsageError("not_solution_page", name=name, page=entry("page_types", kind, args.lang))
    return print_report(facts, args, name)
