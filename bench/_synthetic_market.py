"""A bench-only fake Marketplace that also serves any number of synthetic solutions and partners.

`tests/fakemarket` serves the fixture pages only; a memory soak needs 10 000 distinct solution codes
so that the caches really fill. Codes `soak<n>.module<n>` answer with the largest fixture solution page
with its code and partner id replaced (partner `900000 + n % PARTNERS`); partner ids from 900000 answer
with the fixture partner page. Everything else (faults, counters, rating pages) is the normal fake.
Kept here rather than in tests/fakemarket because only the benches need it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from tests.fakemarket import FakeMarketplace
from tests.fakemarket.pages import Page
from tests.fakemarket.routes import DEFAULT_FIXTURES
from tests.fakemarket.server import _Handler

TEMPLATE_CODE, TEMPLATE_PARTNER = "nordlab.smartseo", "731204"
PARTNER_BASE, PARTNERS = 900_000, 2_000
_SOLUTION = re.compile(r"/solutions/soak(\d+)\.module\1/")
_PARTNER = re.compile(r"ID=(9\d{5})\b")


def synthetic_code(n: int) -> str:
    """The n-th synthetic solution code."""
    return f"soak{n}.module{n}"


@cache
def _template(name: str) -> bytes:
    return (DEFAULT_FIXTURES / name).read_bytes()


class _SyntheticHandler(_Handler):
    """Swaps the 404 of an unknown synthetic code / partner id for a generated page."""

    def _answer(self, page: Page, fault: Any) -> None:
        split = urlsplit(self.path)
        solution = _SOLUTION.fullmatch(split.path)
        partner = _PARTNER.search(split.query) if split.path == "/partners/detail.php" else None
        if page.status == 404 and solution and "update_sys_new" not in split.query:
            n = int(solution.group(1))
            body = _template("solution_module_paid_demo14_active.html")
            body = body.replace(TEMPLATE_CODE.encode(), synthetic_code(n).encode())
            body = body.replace(
                f"ID={TEMPLATE_PARTNER}".encode(), f"ID={PARTNER_BASE + n % PARTNERS}".encode()
            )
            page = Page(200, body)
        elif page.status == 404 and partner:
            body = _template("partner_detail_page.html").replace(
                TEMPLATE_PARTNER.encode(), partner.group(1).encode()
            )
            page = Page(200, body)
        super()._answer(page, fault)


class SyntheticMarketplace(FakeMarketplace):
    """The fake Marketplace plus synthetic solutions and partners (see the module docstring)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._httpd.RequestHandlerClass = _SyntheticHandler
