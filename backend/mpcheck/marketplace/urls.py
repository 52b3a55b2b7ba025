"""The allowlist: only URLs on the configured Marketplace origin may be fetched (SPEC §8, §9).

The check parses with `httpx.URL`, the same parser that later opens the connection, and the checked
`httpx.URL` object itself is what gets requested, so there is no parser differential to exploit.
"""

from __future__ import annotations

import re

import httpx

from mpcheck.marketplace.errors import Refused

PRODUCTION_URL = "https://marketplace.1c-bitrix.ru"
SOLUTION_CODE = re.compile(r"^[a-z0-9_]+\.[a-z0-9_]+$")
MAX_CODE_LENGTH = 100
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Whitespace, control characters and backslashes are how browser-vs-library parser tricks start.
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f\\]")
_AUTHORITY = re.compile(rb"^[a-z0-9.-]+(?::\d{1,5})?$")
_SOLUTION_PATH = re.compile(r"^/solutions/([a-z0-9_]+\.[a-z0-9_]+)/?$")


def _effective_port(url: httpx.URL) -> int | None:
    return url.port or _DEFAULT_PORTS.get(url.scheme)


class UrlPolicy:
    """Accepts exactly one origin (scheme, host, port): the configured Marketplace base URL."""

    def __init__(self, base_url: str = PRODUCTION_URL) -> None:
        base = httpx.URL(base_url)
        if base.scheme not in _DEFAULT_PORTS or not base.host or base.userinfo:
            raise ValueError(f"MARKETPLACE_URL must be a plain http(s) origin, got {base_url!r}")
        self.base = base.copy_with(path="/", query=None, fragment=None)
        self.scheme = base.scheme
        self.raw_host = base.raw_host.lower()
        self.port = _effective_port(base)

    @property
    def origin(self) -> str:
        """`scheme://host[:port]` without a trailing slash, for building public URLs."""
        return str(self.base).rstrip("/")

    def check(self, url: str | httpx.URL) -> httpx.URL:
        """Return the URL to request, or raise `Refused` for anything off the allowlist."""
        text = str(url)
        if _UNSAFE_CHARS.search(text):
            raise Refused(f"refused: unsafe characters in URL {text[:200]!r}")
        try:
            parsed = httpx.URL(text)
        except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
            raise Refused(f"refused: unparsable URL ({exc})") from None
        if parsed.scheme != self.scheme:
            raise Refused(f"refused: scheme {parsed.scheme!r} is not {self.scheme!r}")
        if parsed.userinfo or b"@" in parsed.netloc:
            raise Refused("refused: credentials in URL (userinfo trick)")
        # Non-ASCII hosts arrive IDNA-encoded here; a look-alike can never equal the allowed bytes.
        if not _AUTHORITY.match(parsed.netloc.lower()) or parsed.raw_host.lower() != self.raw_host:
            raise Refused(
                f"refused: host {parsed.raw_host.decode('ascii', 'replace')!r} is not the Marketplace"
            )
        if _effective_port(parsed) != self.port:
            raise Refused(f"refused: port {parsed.port} is not allowed")
        return parsed.copy_with(fragment=None)

    def join(self, ref: str) -> httpx.URL:
        """Resolve a path or URL against the base and check it."""
        return self.check(self.base.join(ref))

    def solution_url(self, code: str) -> httpx.URL:
        """The solution page URL for a validated code."""
        return self.join(f"/solutions/{normalize_code(code)}/")

    def code_from(self, code_or_url: str) -> str:
        """Accept `partner.module` or a solution URL on the allowed origin; return the code."""
        value = code_or_url.strip()
        if "/" not in value:
            return normalize_code(value)
        match = _SOLUTION_PATH.match(self.check(value).path)
        if not match:
            raise Refused(f"refused: not a solution page URL: {value[:200]!r}")
        return match.group(1)


def normalize_code(code: str) -> str:
    """Validate a solution code (`partner.module`, lower case); raise ValueError otherwise."""
    if len(code) > MAX_CODE_LENGTH or not SOLUTION_CODE.match(code):
        raise ValueError(f"not a solution code (partner.module): {code[:120]!r}")
    return code
