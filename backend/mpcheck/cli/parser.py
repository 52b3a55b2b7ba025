"""argparse in the CLI's language: usage prefix, section titles, -h, metavars, help strings and
argparse's own error messages come from cli/texts.json, through subclasses only (argparse's module
globals are left alone, so nothing else in the process changes language).

The language is fixed when the parser is built (`main` reads `--lang` from argv first), because
`--help` is answered in the middle of parsing, before `--lang` would otherwise be known.
"""

from __future__ import annotations

import argparse
import functools
import textwrap
from typing import Any, NoReturn

from mpcheck.cli.errors import BAD_INPUT, see_help
from mpcheck.cli.i18n import DEFAULT_LANG, LANGS, argparse_message, entry, help_text, metavar


class Formatter(argparse.HelpFormatter):
    """argparse's formatter with the usage prefix in `lang` (set on the two subclasses below)."""

    lang = DEFAULT_LANG

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        """«использование: » unless argparse passes its own prefix (it passes '' for a subcommand's prog)."""
        super().add_usage(
            usage, actions, groups, entry("parser", "usage", self.lang) if prefix is None else prefix
        )

    # argparse wraps with textwrap's defaults, which break «тайм-аут» and «e-mail» at the hyphen.
    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return textwrap.fill(
            " ".join(text.split()),
            width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )


FORMATTERS: dict[str, type[Formatter]] = {
    lang: type(f"Formatter_{lang}", (Formatter,), {"lang": lang}) for lang in LANGS
}


class Subcommands(argparse._SubParsersAction):
    """Subcommand registration that says each subcommand's help in the parser's language and gives
    its own help page the same description and the exit-code epilog."""

    def __init__(self, *args: Any, lang: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        """argparse's add_parser with translated help, description and epilog."""
        if isinstance(kwargs.get("help"), str):
            kwargs["help"] = help_text(kwargs["help"], self.lang)
        kwargs.setdefault("description", kwargs.get("help"))
        kwargs.setdefault("epilog", entry("parser", "epilog", self.lang))
        return super().add_parser(name, **kwargs)


class MpcheckParser(argparse.ArgumentParser):
    """An ArgumentParser speaking `lang`; a usage error is one line on stderr and exit 2 (SPEC §6)."""

    def __init__(self, *args: Any, lang: str = DEFAULT_LANG, **kwargs: Any) -> None:
        self.lang = lang
        kwargs.setdefault("formatter_class", FORMATTERS[lang])
        # Abbreviated options («--la en») would hide --lang from the argv scan that picks the language.
        kwargs.setdefault("allow_abbrev", False)
        kwargs["add_help"] = False
        for key in ("description", "epilog"):
            if isinstance(kwargs.get(key), str):
                kwargs[key] = help_text(kwargs[key], lang)
        super().__init__(*args, **kwargs)
        self._positionals.title = entry("parser", "positionals", lang)
        self._optionals.title = entry("parser", "options", lang)
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help=entry("parser", "help", lang)
        )

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """argparse's add_argument; help said in the parser's language, metavar from the table."""
        if isinstance(kwargs.get("help"), str) and kwargs["help"] != argparse.SUPPRESS:
            kwargs["help"] = help_text(kwargs["help"], self.lang)
        action = super().add_argument(*args, **kwargs)
        if action.metavar is None and action.nargs != 0 and action.choices is None:
            shown = metavar(action.dest.upper() if action.option_strings else action.dest, self.lang)
            if shown is not None:
                action.metavar = shown
        return action

    def add_subparsers(self, **kwargs: Any) -> Any:
        """Subcommands built as MpcheckParser in the same language, under a translated title."""
        kwargs.setdefault("title", entry("parser", "commands", self.lang))
        kwargs.setdefault("metavar", metavar(kwargs.get("dest") or "command", self.lang))
        kwargs.setdefault("parser_class", functools.partial(MpcheckParser, lang=self.lang))
        kwargs.setdefault("action", functools.partial(Subcommands, lang=self.lang))
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        """argparse's message said in the parser's language, on one line, exit 2."""
        line = argparse_message(message, self.lang)
        self.exit(BAD_INPUT, f"mpcheck: {line} ({see_help(self.prog, self.lang)})\n")


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    """`--lang ru|en`. SUPPRESS as default: a subcommand's default would otherwise overwrite a
    top-level `mpcheck --lang en report …`; `main` sets args.lang from what it read."""
    lang = getattr(parser, "lang", DEFAULT_LANG)
    parser.add_argument(
        "--lang", choices=LANGS, default=argparse.SUPPRESS, help=entry("parser", "lang", lang)
    )


def ensure_lang_option(parser: argparse.ArgumentParser) -> None:
    """Every subcommand takes --lang (SPEC §6); one that declared its own keeps it, with our help."""
    action = parser._option_string_actions.get("--lang")
    if action is None:
        add_lang_option(parser)
    elif action.help is None:
        action.help = entry("parser", "lang", getattr(parser, "lang", DEFAULT_LANG))
