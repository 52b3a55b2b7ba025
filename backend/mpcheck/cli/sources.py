"""Reading what `facts` and `report` are given: a saved page, or a solution through the Marketplace
service (the API's allowlisted fetcher, caches and observation store), failures as CLI errors."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

from mpcheck.cli.errors import MarketplaceFailure, UsageError
from mpcheck.cli.targets import classify
from mpcheck.config import default_config
from mpcheck.marketplace.errors import MarketplaceError

MAX_FILE_BYTES = 10 * 1024 * 1024  # real pages are 20-200 KB; the fetcher caps a download at 5 MB
_OS_ERRORS = {errno.ENOENT: "file_missing", errno.EACCES: "file_denied", errno.EISDIR: "file_is_dir"}


def read_file(name: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes; a missing, unreadable or oversized file is a UsageError."""
    path = Path(name)
    try:
        if path.is_dir():
            raise UsageError("file_is_dir", name=name)
        if path.stat().st_size > limit:
            raise UsageError("file_too_large", name=name, limit=limit // (1024 * 1024))
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(_OS_ERRORS.get(exc.errno or 0, "file_unreadable"), name=name) from exc


def page_facts(name: str) -> dict[str, Any]:
    """Facts of a saved page, decoded like a fetched one (meta charset, UTF-8, cp1251)."""
    from mpcheck.extract import extract_page

    return dict(extract_page(read_file(name), url=None, content_type=None))


class Marketplace:
    """Solutions read from the configured Marketplace origin through one MarketplaceService, opened
    on the first read and shared by the next ones (`mpcheck compare` of several URLs keeps one set
    of caches and one politeness interval); close() when done."""

    def __init__(self) -> None:
        self.config = default_config()
        self.origin = str(self.config["MARKETPLACE_URL"])
        self._service: Any = None

    def _opened(self) -> Any:
        if self._service is None:
            from mpcheck.marketplace.service import MarketplaceService

            try:
                self._service = MarketplaceService.from_config(self.config)
            except ValueError as exc:
                key = "bad_origin" if "MARKETPLACE_URL" in str(exc) else "bad_setting"
                raise UsageError(key, value=self.origin) from exc
        return self._service

    def facts(self, code: str, *, enrich: bool) -> dict[str, Any]:
        """One solution's facts; `enrich` adds the partner facts the page lacks (rating position,
        status, specialisation), as GET /solutions/<code>/report does."""
        service = self._opened()
        try:
            read = service.enriched_facts if enrich else service.fetch_solution_facts
            facts, _meta = read(code)
            return dict(facts)
        except MarketplaceError as exc:
            raise MarketplaceFailure(exc, self.origin, code) from exc

    def close(self) -> None:
        if self._service is not None:
            self._service.close()
            self._service = None


def solution_facts(code: str, *, enrich: bool) -> dict[str, Any]:
    """A solution read from the configured Marketplace origin (one read, its own service)."""
    market = Marketplace()
    try:
        return market.facts(code, enrich=enrich)
    finally:
        market.close()


def facts_for(raw: str, *, enrich: bool) -> tuple[dict[str, Any], str]:
    """Facts for one argument and the name errors should use for it (the file, or the code)."""
    target = classify(raw, str(default_config()["MARKETPLACE_URL"]))
    if target.code is not None:
        return solution_facts(target.code, enrich=enrich), target.code
    assert target.file is not None
    return page_facts(target.file), target.file
