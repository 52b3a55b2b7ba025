"""Extra pages for the browser tests and the bench, served by the fake Marketplace.

`fake_routes()` starts from the fake Marketplace's own route table (every fixture page at its real
path) and adds: the solution pages in the fixture dir's `extra/` and `hostile/` folders, the XSS
probe solution page, and category 950 = the listing fixture grown to 50 cards.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from tests.fakemarket.routes import RouteTable, decode, load_routes, scan

HERE = Path(__file__).resolve().parent
XSS_CODE = "xssprobe.module"
HOSTILE_CODE = "evil.module"  # tests/fixtures/marketplace/hostile/solution_hostile_strings.html
BIG_CATEGORY = "950"
BIG_CARDS = 50
HOST = "marketplace.1c-bitrix.ru"

_CARD = re.compile(r'<span class="item-wrap".*?\n  </span>\n', re.S)


def grow_listing(html: str, cards: int = BIG_CARDS) -> str:
    """Repeat the listing's cards with distinct solution codes until there are `cards` of them."""
    found = _CARD.findall(html)
    if not found:
        raise ValueError("no span.item-wrap cards in the listing fixture")
    out = []
    for i in range(cards):
        card = found[i % len(found)]
        code = re.search(r'data-code="([a-z0-9_]+\.[a-z0-9_]+)"', card)
        if code and i >= len(found):
            card = card.replace(code.group(1), f"{code.group(1)}{i}")
        out.append(card)
    start = html.index(found[0])
    end = html.index(found[-1]) + len(found[-1])
    return html[:start] + "".join(out) + html[end:]


def fake_routes() -> tuple[RouteTable, Path]:
    """The route table plus a temp dir holding the generated page (caller removes it)."""
    routes = load_routes()
    tmp = Path(tempfile.mkdtemp(prefix="mpcheck-e2e-pages-"))
    listing = routes.categories.get("14") or routes.catalog
    if listing is None:
        raise RuntimeError("the fake Marketplace has no listing page")
    big = tmp / "catalog_50_cards.html"
    big.write_text(grow_listing(decode(listing.read_bytes())), encoding="utf-8")
    routes.categories[BIG_CATEGORY] = big
    for sub in ("extra", "hostile"):
        if (routes.fixture_dir / sub).is_dir():
            for code, path in scan(routes.fixture_dir / sub)[0].items():
                routes.solutions.setdefault(code, path)
    routes.solutions[XSS_CODE] = HERE / "fixtures" / "solution_xss_probe.html"
    return routes, tmp


def solution_url(code: str) -> str:
    return f"https://{HOST}/solutions/{code}/"


def category_url(category: str) -> str:
    return f"https://{HOST}/solutions/category/{category}/"
