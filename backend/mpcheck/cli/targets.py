"""What a `facts` / `report` argument names: a saved page file or a Marketplace solution.

A solution can be given as its URL with `https://`, `http://` or no scheme at all (as copied from
the address bar: «marketplace.1c-bitrix.ru/solutions/a.b/»), or as its bare code («a.b»). Like the
API, the CLI never requests what was typed: it takes the solution code from it and reads
`/solutions/<code>/` on the configured origin (MPCHECK_MARKETPLACE_URL), so `http://` is in effect
upgraded to the origin's https and a test's fake Marketplace serves the production URL forms.

A bare code and a file name can look alike («page.html» fits partner.module), so: an existing
path is always the file; a missing name is a code only when it does not end like a file
(.html, .json, …); anything else is a missing file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mpcheck.cli.errors import UsageError
from mpcheck.marketplace.urls import MAX_CODE_LENGTH, PRODUCTION_URL, SOLUTION_CODE

PRODUCTION_HOST = urlsplit(PRODUCTION_URL).hostname or ""
FILE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml", ".json", ".txt", ".xml")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*)://", re.IGNORECASE)
_UNSAFE = re.compile(r"[\x00-\x20\x7f\\]")
_SOLUTION_PATH = re.compile(r"/solutions/([A-Za-z0-9_]+\.[A-Za-z0-9_]+)/?(?:index\.php)?")
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class Target:
    """A file to read, or a solution code to read from the Marketplace."""

    file: str | None = None
    code: str | None = None


def _origin_authority(origin: str) -> tuple[str, int | None]:
    parts = urlsplit(origin)
    try:
        port = parts.port
    except ValueError:  # a broken MPCHECK_MARKETPLACE_URL: the service refuses it with its own line
        return "", None
    return (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(parts.scheme)


def _is_marketplace(host: str, port: int | None, scheme: str, origin: str) -> bool:
    """The production host on its standard ports, or the configured origin's host and port."""
    if host == PRODUCTION_HOST and port in (None, 80, 443):
        return True
    origin_host, origin_port = _origin_authority(origin)
    return host == origin_host and (port or _DEFAULT_PORTS.get(scheme)) == origin_port


def code_from_url(url: str, origin: str, typed: str | None = None) -> str:
    """The solution code a Marketplace URL names; a UsageError (quoting `typed`, what the user
    wrote, if the scheme was added here) for anything else."""
    shown = (typed or url).strip()[:200]
    if _UNSAFE.search(url):
        raise UsageError("url_unsafe", url=shown)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise UsageError("url_scheme", scheme=scheme)
    try:
        port = parts.port
    except ValueError:
        port = -1  # a port that is not a number: not the Marketplace
    host = (parts.hostname or "").lower()
    if "@" in parts.netloc:  # «https://marketplace.1c-bitrix.ru@evil.example/» is evil.example
        raise UsageError("url_credentials", url=shown)
    if not _is_marketplace(host, port, scheme, origin):
        raise UsageError("url_off_host", host=parts.netloc or shown)
    match = _SOLUTION_PATH.fullmatch(parts.path)
    if not match or len(match.group(1)) > MAX_CODE_LENGTH:
        raise UsageError("url_not_solution", url=shown)
    return match.group(1).lower()


def classify(raw: str, origin: str) -> Target:
    """File or solution (see the module docstring for the order of the checks)."""
    text = raw.strip()
    if _SCHEME.match(text):
        return Target(code=code_from_url(text, origin))
    if Path(raw).exists():
        return Target(file=raw)
    head = text.split("/", 1)[0]
    if "/" in text and _looks_like_marketplace(head, origin):
        return Target(code=code_from_url(f"https://{text}", origin, typed=text))
    lowered = text.lower()
    if (
        SOLUTION_CODE.match(lowered)
        and len(lowered) <= MAX_CODE_LENGTH
        and not lowered.endswith(FILE_SUFFIXES)
    ):
        return Target(code=lowered)
    return Target(file=raw)


def _looks_like_marketplace(authority: str, origin: str) -> bool:
    host, _, port = authority.lower().partition(":")
    origin_host, origin_port = _origin_authority(origin)
    return host == PRODUCTION_HOST or (host == origin_host and (not port or port == str(origin_port)))
