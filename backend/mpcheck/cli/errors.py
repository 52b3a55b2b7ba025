"""Every failure the CLI knows, as one natural line and an exit code (SPEC §6: 1 the Marketplace
failed, 2 bad input). No exception class name, errno text or Python repr ever reaches the line."""

from __future__ import annotations

from typing import Any

from mpcheck.cli.i18n import entry, quoted, say, texts
from mpcheck.marketplace.errors import (
    BadPage,
    MarketplaceError,
    NotFound,
    Refused,
    TooLarge,
    UpstreamError,
    UpstreamTimeout,
)
from mpcheck.validation import FactsError

BAD_INPUT = 2
MARKETPLACE_FAILED = 1
INTERNAL = 70  # sysexits EX_SOFTWARE: a bug, outside the contract of SPEC §6


class Quoted(str):
    """A value shown in the locale's quotes («…» / “…”), e.g. what the user typed."""


class UsageError(Exception):
    """Bad input from the user: one line on stderr, exit 2.

    `UsageError("file_missing", name=path)` names a line of texts.json "errors"; a plain sentence
    (`UsageError("--workers must be 1..64")`) is said in the other language when the table has it
    and printed as it is otherwise.
    """

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key, self.values = key, values

    def line(self, lang: str) -> str:
        """The reason in `lang`."""
        errors = texts()["errors"]
        if self.key in errors:
            values = {k: quoted(v, lang) if isinstance(v, Quoted) else v for k, v in self.values.items()}
            return say(self.key, lang, **values)
        for item in errors.values():
            if isinstance(item, dict) and self.key in (item.get("ru"), item.get("en")):
                return str(item[lang])
        return self.key


class FactsMismatch(UsageError):
    """Facts that do not fit mpcheck.facts/1: the field and, in words, why (the JSON Schema keyword
    that failed, never the validator's English message)."""

    def __init__(self, exc: FactsError, source: str) -> None:
        super().__init__("facts_not_object" if exc.field == "" else "facts_field", name=source)
        self.field, self.rule = exc.field, getattr(exc.__cause__, "rule", None)

    def line(self, lang: str) -> str:
        """The reason in `lang`."""
        problems = texts()["problems"]
        problem = problems.get(self.rule, problems["other"])[lang]
        return say(self.key, lang, name=self.values["name"], field=quoted(self.field, lang), problem=problem)


def marketplace_line(exc: MarketplaceError, lang: str, origin: str, code: str | None) -> tuple[int, str]:
    """Exit code and line for a Marketplace failure; a missing solution is bad input, not a failure."""
    if isinstance(exc, NotFound):
        return BAD_INPUT, say("not_found", lang, code=code or "—")
    if isinstance(exc, Refused):  # the input was checked before: a hop of the Marketplace's left the host
        return MARKETPLACE_FAILED, say("upstream_redirect", lang)
    if isinstance(exc, UpstreamTimeout):
        return MARKETPLACE_FAILED, say("upstream_timeout", lang)
    if isinstance(exc, UpstreamError):
        if exc.status is None:
            return MARKETPLACE_FAILED, say("upstream_connection", lang, origin=origin)
        return MARKETPLACE_FAILED, say("upstream_status", lang, status=exc.status)
    if isinstance(exc, TooLarge):
        return MARKETPLACE_FAILED, say("upstream_too_large", lang)
    if isinstance(exc, BadPage):
        return MARKETPLACE_FAILED, say("upstream_bad_page", lang)
    return MARKETPLACE_FAILED, say("upstream_other", lang)


class MarketplaceFailure(Exception):
    """A Marketplace read that failed, with what the line needs (the origin asked, the code)."""

    def __init__(self, error: MarketplaceError, origin: str, code: str | None) -> None:
        super().__init__(error.reason)
        self.error, self.origin, self.code = error, origin, code

    def outcome(self, lang: str) -> tuple[int, str]:
        """Exit code and line."""
        return marketplace_line(self.error, lang, self.origin, self.code)


def see_help(prog: str, lang: str) -> str:
    """«справка: mpcheck report --help»."""
    return entry("parser", "see_help", lang).replace("{prog}", prog)
