"""`mpcheck report URL|FILE.html [--json] [--lang ru|en]`: the checklist report for one solution.

A FILE is extracted locally (no network). A URL is read through the Marketplace service: the same
allowlisted fetcher, caches and observation store as the API, plus the partner facts the page lacks.
Exit codes: 0 ok, 2 bad input, 1 the Marketplace failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from mpcheck.cli.commands.score import add_report_options, print_report
from mpcheck.cli.main import UsageError
from mpcheck.config import default_config
from mpcheck.marketplace.errors import MarketplaceError, Refused

MAX_FILE_BYTES = 10 * 1024 * 1024


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `report` subcommand."""
    parser = subparsers.add_parser("report", help="report for a Marketplace solution URL or saved page")
    parser.add_argument(
        "target", help="https://marketplace.1c-bitrix.ru/solutions/<code>/ or a saved .html file"
    )
    add_report_options(parser)
    parser.set_defaults(func=run)


def facts_from_file(name: str) -> dict[str, Any]:
    """Extract facts from a saved page in any encoding the Marketplace uses."""
    from mpcheck.extract import extract_page

    path = Path(name)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UsageError(f"{name} is larger than {MAX_FILE_BYTES} bytes")
        body = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.__class__.__name__}: {exc}") from exc
    facts = dict(extract_page(body, url=None, content_type=None))
    if facts.get("page_type") != "solution":
        raise UsageError(f"{name} is not a solution page (page type {facts.get('page_type')!r})")
    return facts


def facts_from_url(url: str) -> dict[str, Any]:
    """Read the solution and its partner through the service (allowlist, caches, store)."""
    from mpcheck.marketplace.service import MarketplaceService

    service = MarketplaceService.from_config(default_config())
    try:
        facts, _meta = service.enriched_facts(url)
        return facts
    except (ValueError, Refused) as exc:
        raise UsageError(str(exc)) from exc
    finally:
        service.close()


def run(args: argparse.Namespace) -> int:
    """Entry of `mpcheck report`."""
    target: str = args.target
    if target.startswith(("http://", "https://")):
        try:
            facts = facts_from_url(target)
        except MarketplaceError as exc:
            print(f"mpcheck: the Marketplace failed: {exc}", file=sys.stderr)
            return 1
    else:
        facts = facts_from_file(target)
    return print_report(facts, args)
