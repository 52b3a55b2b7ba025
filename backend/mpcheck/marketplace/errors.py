"""Typed failures of the Marketplace reader; the API maps each to one HTTP status."""

from __future__ import annotations


class MarketplaceError(Exception):
    """Base class: something about talking to the Marketplace went wrong."""

    #: short machine-readable reason, used in JSON error bodies
    reason = "marketplace_error"


class Refused(MarketplaceError):
    """The URL is not on the allowlist; nothing was sent (no socket opened)."""

    reason = "refused"


class UpstreamTimeout(MarketplaceError):
    """The Marketplace did not answer in time (after retries where they apply)."""

    reason = "upstream_timeout"


class UpstreamError(MarketplaceError):
    """The Marketplace answered with an error status, or the connection failed (`status` None)."""

    reason = "upstream_error"

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class NotFound(UpstreamError):
    """The Marketplace answered 404: the solution or partner does not exist (or was removed)."""

    reason = "not_found"

    def __init__(self, message: str) -> None:
        super().__init__(message, 404)


class TooLarge(MarketplaceError):
    """The response body went over the size cap; the download was aborted."""

    reason = "too_large"


class BadPage(MarketplaceError):
    """The page arrived but cannot be read (an undecodable charset, markup the extractor chokes on).
    A MarketplaceError, so the cache remembers it like an outage instead of re-reading per request."""

    reason = "bad_page"
