"""`mpcheck crawl [--category N] [--limit N] [--fresh-hours H] [--json]`: refresh observations politely.

Meant for cron or a systemd timer (README, "for a team"): bounded, resumable, one at a time per store,
through the same pacing and caches as the API (mpcheck.marketplace.crawl). Exit 0 when the run
finished (solutions that failed are listed), 1 when the Marketplace failed for the catalog itself or
for every solution tried, 2 on bad input; 0 also when another crawl is already running (cron must
not report an overlap as a failure).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from mpcheck.cli import i18n
from mpcheck.cli.errors import marketplace_line
from mpcheck.cli.main import UsageError
from mpcheck.config import default_config

MAX_LIMIT = 10_000


def register(subparsers: Any) -> None:
    """Add the `crawl` subcommand."""
    parser = subparsers.add_parser("crawl", help="refresh stored observations for the catalog, politely")
    parser.add_argument("--category", type=int, default=None, help="one catalog category id (default: all)")
    parser.add_argument("--limit", type=int, default=200, help="at most this many solutions (default 200)")
    parser.add_argument(
        "--fresh-hours",
        type=float,
        default=20.0,
        help="skip solutions checked less than this many hours ago (default 20: resumes a daily run)",
    )
    parser.add_argument("--json", action="store_true", help="print the run summary as JSON")
    parser.set_defaults(func=run)


def _say(key: str, lang: str, **values: Any) -> str:
    return i18n.fill(i18n.entry("crawl", key, "en" if lang == "en" else "ru"), values)


def run(args: argparse.Namespace) -> int:
    """One bounded crawl."""
    from mpcheck.marketplace import crawl as crawler
    from mpcheck.marketplace.errors import MarketplaceError
    from mpcheck.marketplace.service import MarketplaceService

    lang = getattr(args, "lang", "ru")
    if not 1 <= args.limit <= MAX_LIMIT:
        raise UsageError(f"--limit must be 1..{MAX_LIMIT}")
    if args.category is not None and args.category < 1:
        raise UsageError("--category must be a positive category id")
    if args.fresh_hours < 0:
        raise UsageError("--fresh-hours must be 0 or more")
    config = default_config()
    service = MarketplaceService.from_config(config)
    try:
        with crawler.crawl_lock(service, str(config["DB_PATH"])):
            result = crawler.crawl(
                service, category=args.category, limit=args.limit, fresh_hours=args.fresh_hours
            )
    except crawler.CrawlBusy as busy:
        print(_say("busy", lang, why=busy), file=sys.stderr)
        return 0
    except MarketplaceError as exc:  # the reason in the CLI's own words, never the exception's English
        _code, why = marketplace_line(exc, lang, str(config["MARKETPLACE_URL"]), None)
        print(_say("catalog_failed", lang, why=why), file=sys.stderr)
        return 1
    finally:
        service.close()
    report = crawler.summary(result)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        counts = {**report, "gone": len(result.gone), "failed": len(result.failed)}
        print(_say("done", lang, **counts))
        for code, reason in result.failed:
            print(f"  {code}: {reason}")
    tried = len(result.refreshed) + len(result.failed)
    return 1 if tried and not result.refreshed else 0
