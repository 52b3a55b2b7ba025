"""Entry point of the `mpcheck` console script.

Russian by default, `--lang en` for English (help, messages and errors alike). Exit codes (SPEC §6):
0 success, 1 the Marketplace failed (network, 5xx, timeout), 2 bad input; each failure is one
natural line on stderr. A bug exits 70 with a line asking to report it (MPCHECK_DEBUG=1 shows the
traceback) instead of printing Python internals to a buyer.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from mpcheck.cli.errors import BAD_INPUT, INTERNAL, MarketplaceFailure, UsageError
from mpcheck.cli.i18n import DEFAULT_LANG, detect_lang, entry, say
from mpcheck.cli.parser import MpcheckParser, add_lang_option, ensure_lang_option

__all__ = ["UsageError", "build_parser", "main"]  # command modules import UsageError from here


def build_parser(lang: str = DEFAULT_LANG) -> argparse.ArgumentParser:
    """Build the argparse tree from the subcommand modules, in `lang`."""
    parser = MpcheckParser(
        prog="mpcheck",
        lang=lang,
        description=entry("parser", "description", lang),
        epilog=entry("parser", "epilog", lang),
    )
    add_lang_option(parser)
    # Imported here: the command modules import UsageError from this module.
    from mpcheck.cli.commands import compare, crawl, facts, report, score, serve

    subparsers = parser.add_subparsers(dest="command", required=True)
    for module in (serve, score, facts, report, compare, crawl):
        module.register(subparsers)
    for subparser in subparsers.choices.values():
        ensure_lang_option(subparser)
    return parser


def _fail(code: int, line: str) -> int:
    print(f"mpcheck: {line}", file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand and map errors to exit codes and one-line reasons."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang = detect_lang(arguments)
    try:
        args = build_parser(lang).parse_args(arguments)
    except SystemExit as done:  # --help (0) or a usage error already printed (2)
        return done.code if isinstance(done.code, int) else BAD_INPUT
    args.lang = lang
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        return _fail(BAD_INPUT, exc.line(lang))
    except MarketplaceFailure as exc:
        return _fail(*exc.outcome(lang))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped early (`mpcheck facts … | head`): what it took was printed. stdout goes
        # to /dev/null so the interpreter's final flush does not fail a second time.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception:
        if os.environ.get("MPCHECK_DEBUG"):
            raise
        return _fail(INTERNAL, say("internal", lang))


if __name__ == "__main__":
    sys.exit(main())
