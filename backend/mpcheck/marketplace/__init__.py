"""Reads what a page lacks from the Marketplace: allowlisted fetcher, caches, observation store, service."""

from mpcheck.marketplace.errors import (
    MarketplaceError,
    NotFound,
    Refused,
    TooLarge,
    UpstreamError,
    UpstreamTimeout,
)

__all__ = ["MarketplaceError", "NotFound", "Refused", "TooLarge", "UpstreamError", "UpstreamTimeout"]
