"""Subcommands. Each module defines `register(subparsers)` that adds a parser with `func` set."""
