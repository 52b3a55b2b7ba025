"""Map Marketplace URLs onto fixture files.

Solution pages are found by scanning the fixture dir for «Код решения» (then the canonical link),
partner pages by `data-partner-id`, so a new fixture file is served without editing anything.
Pages with no such marker (rating list, listings, XML feeds) are named in `routes.json`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
DEFAULT_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "marketplace"
# Until tests/fixtures/marketplace is populated the shared originals are used.
SHARED_FIXTURES = Path("/work/shared/marketplace/fixtures")

CODE = r"[a-z0-9_]+\.[a-z0-9_]+"
_TAG = re.compile(r"<[^>]+>")
_CODE_LABEL = re.compile(r"Код решения\s*:?\s*(" + CODE + r")\b")
_CANONICAL = re.compile(r'rel="canonical"\s+href="[^"]*/solutions/(' + CODE + r")/")
_PARTNER_ID = re.compile(r'data-partner-id="(\d+)"')


def default_fixture_dir() -> Path:
    """The repo fixture dir when it holds pages, else the shared originals."""
    if any(DEFAULT_FIXTURES.glob("*.html")):
        return DEFAULT_FIXTURES
    return SHARED_FIXTURES if SHARED_FIXTURES.is_dir() else DEFAULT_FIXTURES


def decode(raw: bytes) -> str:
    """Fixtures are UTF-8 except the legacy windows-1251 one."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


@dataclass
class RouteTable:
    """Where each kind of page comes from; files are read on every request (fixtures are small)."""

    fixture_dir: Path
    solutions: dict[str, Path] = field(default_factory=dict)
    partners: dict[str, Path] = field(default_factory=dict)
    categories: dict[str, Path] = field(default_factory=dict)
    feeds: dict[str, Path] = field(default_factory=dict)
    rating_list: Path | None = None
    rating_total: int = 0
    catalog: Path | None = None
    search: Path | None = None
    listing_feed: Path | None = None


def _resolve(fixture_dir: Path, name: str) -> Path:
    if name.startswith("fakemarket:"):
        return HERE / name.removeprefix("fakemarket:")
    return fixture_dir / name


def scan(fixture_dir: Path) -> tuple[dict[str, Path], dict[str, Path]]:
    """Find solution codes and partner ids in the fixture pages."""
    solutions: dict[str, Path] = {}
    partners: dict[str, Path] = {}
    for path in sorted(fixture_dir.glob("*.html")):
        html = decode(path.read_bytes())
        text = _TAG.sub(" ", html)
        match = _CODE_LABEL.search(text) or _CANONICAL.search(html)
        if match:
            solutions.setdefault(match.group(1), path)
            continue
        partner = _PARTNER_ID.search(html)
        if partner:
            partners.setdefault(partner.group(1), path)
    return solutions, partners


def load_routes(fixture_dir: Path | None = None, routes_file: Path | None = None) -> RouteTable:
    """Build the route table from a scan of `fixture_dir` plus `routes.json`."""
    fdir = Path(fixture_dir) if fixture_dir else default_fixture_dir()
    spec = json.loads((routes_file or HERE / "routes.json").read_text(encoding="utf-8"))
    solutions, partners = scan(fdir)
    solutions.update({k: _resolve(fdir, v) for k, v in spec.get("solutions", {}).items()})
    partners.update({k: _resolve(fdir, v) for k, v in spec.get("partners", {}).items()})

    def opt(key: str) -> Path | None:
        return _resolve(fdir, spec[key]) if spec.get(key) else None

    return RouteTable(
        fixture_dir=fdir,
        solutions=solutions,
        partners=partners,
        categories={k: _resolve(fdir, v) for k, v in spec.get("categories", {}).items()},
        feeds={k: _resolve(fdir, v) for k, v in spec.get("feeds", {}).items()},
        rating_list=opt("rating_list"),
        rating_total=int(spec.get("rating_total", 0)),
        catalog=opt("catalog"),
        search=opt("search"),
        listing_feed=opt("listing_feed"),
    )
