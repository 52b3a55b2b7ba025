"""Entry point of the `mpcheck` console script.

Exit codes: 0 success, 2 bad input (one-line reason on stderr), 1 upstream failure.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


class OneLineParser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line (the contract for bad input), exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"mpcheck: {message} (see mpcheck --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """Build the argparse tree from the subcommand modules."""
    parser = OneLineParser(prog="mpcheck", description="1C-Bitrix Marketplace vendor checklist")
    # Imported here: the command modules import UsageError from this module.
    from mpcheck.cli.commands import compare, facts, report, score, serve

    subparsers = parser.add_subparsers(dest="command", required=True)
    for module in (serve, score, facts, report, compare):
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand and map errors to exit codes."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"mpcheck: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
