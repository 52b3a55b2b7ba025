"""How well both extractors read pages they were never tuned for: the blind corpus, field by field.

usage: .venv/bin/python bench/generalization.py [--json] [--check] [--record BATCH] [PAGE ...]

For every page of tests/fixtures/marketplace/blind/ (written by a helper that never saw the
extractors; see that folder's README) it runs the Python extractor and the TypeScript one (under
Node, bench/ts_extract.mjs) and compares each field with the page's truth by the conventions of
tests/fixtures/marketplace/expected/README.md. It prints, per page: the first-sight score recorded
in docs/GENERALIZATION.md, today's score of each extractor, the wrong non-null values (a value
where the truth differs: worse than a null, it flips a verdict) and the fields where the two
extractors differ.

--record BATCH  appends the current scores of every page not yet in docs/GENERALIZATION.md as its
                first-sight row (do this right after committing a page, BEFORE tuning the code).
--check         exit 1 unless every page has 0 wrong values, both extractors agree on every field
                and the corpus scores at least --min (default 0.97).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "backend")]

from tests.python.extract.helpers import hours_key  # noqa: E402  (the one README comparison)

CORPUS = REPO / "tests" / "fixtures" / "marketplace" / "blind"
LEDGER = REPO / "docs" / "GENERALIZATION.md"
TODAY = "2026-11-27"  # the corpus' reference day (its README)

FIELDS = [
    "url",
    "code",
    "name",
    "kind",
    "withdrawn",
    "partner.id",
    "partner.name",
    "price.rub",
    "price.old_rub",
    "price.free",
    "price.discount_until",
    "demo.available",
    "demo.days",
    "demo.online_demo_url",
    "installs",
    "published",
    "updated",
    "version",
    "rating.average",
    "reviews.total",
    "reviews.items",
    "comments.total",
    "comments.items",
    "changelog",
    "support.free_months",
    "support.channels",
    "support.hours",
    "support.timezone",
    "support.response_hours",
    "links.documentation",
    "links.video",
    "links.presentation",
    "links.cases",
    "editions",
    "adaptive",
    "composite",
]


def _get(facts: dict[str, Any] | None, path: str) -> Any:
    value: Any = facts
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _same(path: str, got: Any, want: Any) -> bool:
    """The README's comparison: changelog chars ±2, channels as a set, hours by days + range."""
    if got is None or want is None:
        return got is None and want is None
    if path == "changelog":
        pairs = [(e.get("version"), e.get("date")) for e in got]
        if pairs != [(e["version"], e["date"]) for e in want]:
            return False
        return all(abs((g.get("chars") or 0) - w["chars"]) <= 2 for g, w in zip(got, want, strict=True))
    if path == "support.channels":
        return set(got) == set(want)
    if path == "support.hours":
        return hours_key(got) == hours_key(want)
    return bool(got == want)


@dataclass
class Score:
    right: int = 0
    wrong: list[str] = field(default_factory=list)  # non-null values that differ from the truth
    missing: list[str] = field(default_factory=list)  # null where the truth has a value

    @property
    def share(self) -> float:
        return self.right / len(FIELDS)


def score(facts: dict[str, Any], truth: dict[str, Any]) -> Score:
    s = Score()
    for path in FIELDS:
        got, want = _get(facts, path), _get(truth, path)
        if _same(path, got, want):
            s.right += 1
        elif got is None:
            s.missing.append(path)
        else:
            s.wrong.append(path)
    return s


def pages(names: list[str]) -> list[Path]:
    found = sorted(CORPUS.glob("solution_*.html"))
    return [p for p in found if not names or p.stem in names]


def truth_of(page: Path) -> dict[str, Any]:
    return dict(json.loads((CORPUS / "expected" / f"{page.stem}.json").read_text(encoding="utf-8")))


def python_facts(page: Path, url: str) -> dict[str, Any]:
    from mpcheck.extract import extract_page

    try:
        return extract_page(page.read_bytes(), url=url, today=date.fromisoformat(TODAY))  # type: ignore[call-arg]
    except TypeError:  # an extractor without the `today` parameter (relative dates unread)
        return extract_page(page.read_bytes(), url=url)


def ts_facts(items: list[tuple[Path, str]]) -> dict[str, dict[str, Any]]:
    args = [f"{url}={page}" for page, url in items]
    out = subprocess.run(
        ["node", str(REPO / "bench" / "ts_extract.mjs"), TODAY, *args],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {Path(k).stem: v for k, v in json.loads(out).items()}


def ledger() -> dict[str, str]:
    """page → its first-sight cell ("31/36 (86%), 2 wrong") from the append-only ledger."""
    rows: dict[str, str] = {}
    if not LEDGER.exists():
        return rows
    for line in LEDGER.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 6 and cells[1].startswith("solution_"):
            rows.setdefault(cells[1], f"{cells[3]}, {cells[4]} wrong")
    return rows


def first_sight() -> list[tuple[str, dict[str, str]]]:
    """The ledger's rows in the order they were recorded: (page, {right, wrong})."""
    rows: list[tuple[str, dict[str, str]]] = []
    if not LEDGER.exists():
        return rows
    for line in LEDGER.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 6 and cells[1].startswith("solution_"):
            rows.append((cells[1], {"right": cells[3], "wrong": cells[4]}))
    return rows


def git_head() -> str:
    out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    return out.stdout.strip() or "?"


def run(names: list[str]) -> list[dict[str, Any]]:
    items = [(p, truth_of(p)["url"]) for p in pages(names)]
    ts = ts_facts(items) if items else {}
    rows = []
    for page, url in items:
        truth = truth_of(page)
        py = python_facts(page, url)
        tsf = ts.get(page.stem, {})
        diff = [f for f in FIELDS if not _same(f, _get(py, f), _get(tsf, f))]
        rows.append(
            {
                "page": page.stem,
                "python": score(py, truth),
                "ts": score(tsf, truth),
                "differ": diff,
            }
        )
    return rows


def record(rows: list[dict[str, Any]], batch: str) -> int:
    seen = ledger()
    new = [r for r in rows if r["page"] not in seen]
    if not LEDGER.exists():
        LEDGER.write_text(HEADER, encoding="utf-8")
    head, today = git_head(), date.today().isoformat()
    with LEDGER.open("a", encoding="utf-8") as out:
        for r in new:
            s: Score = r["python"]
            t: Score = r["ts"]
            out.write(
                f"| {batch} | {r['page']} | {today} | {s.right}/{len(FIELDS)} ({s.share:.0%}) | "
                f"{len(s.wrong)} | {t.right}/{len(FIELDS)}, {len(t.wrong)} wrong | {head} | "
                f"{', '.join(s.wrong) or '—'} |\n"
            )
    return len(new)


HEADER = """# Generalisation: the blind corpus at first sight

Append only. One row per page of `tests/fixtures/marketplace/blind/`, written when the page was
committed and BEFORE any extractor change made for it: the score of the extractors as they were
(Python first, TypeScript next), the commit they were at, and the fields they got wrong (a wrong
non-null value flips a verdict; a null only asks the buyer to check). Fields: the 36 of
`bench/generalization.py`. Today's figures: `make generalization`.

| batch | page | recorded | python right | python wrong | ts right, wrong | extractor at | wrong fields (python) |
|---|---|---|---|---|---|---|---|
"""


def main() -> int:
    global CORPUS, LEDGER
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", nargs="*")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--min", type=float, default=0.97)
    ap.add_argument("--record", metavar="BATCH")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="another folder of pages + expected/")
    ap.add_argument("--ledger", type=Path, default=LEDGER, help="where first-sight rows are appended")
    args = ap.parse_args()
    CORPUS, LEDGER = args.corpus, args.ledger
    rows = run(args.pages)
    if args.record:
        print(f"recorded {record(rows, args.record)} first-sight rows in {LEDGER}")
    first = ledger()
    n = len(FIELDS)
    total_py = sum(r["python"].right for r in rows)
    total_ts = sum(r["ts"].right for r in rows)
    wrong = sum(len(r["python"].wrong) + len(r["ts"].wrong) for r in rows)
    differ = sum(len(r["differ"]) for r in rows)
    if args.json:
        print(json.dumps([{**r, "python": vars(r["python"]), "ts": vars(r["ts"])} for r in rows], indent=1))
    else:
        print(f"{'page':58} {'first sight':>20} {'python':>14} {'ts':>14}  wrong / missing / differ")
        for r in rows:
            py, ts = r["python"], r["ts"]
            print(
                f"{r['page'][:58]:58} {first.get(r['page'], '—'):>20} {py.right:>3}/{n} {py.share:>6.0%}"
                f" {ts.right:>3}/{n} {ts.share:>6.0%}  {','.join(py.wrong) or '-'} / "
                f"{','.join(py.missing) or '-'} / {','.join(r['differ']) or '-'}"
            )
        if rows:
            share = total_py / (n * len(rows))
            print(
                f"\n{len(rows)} pages: python {share:.1%}, ts {total_ts / (n * len(rows)):.1%} of fields right; "
                f"{wrong} wrong non-null values; {differ} fields where the extractors differ"
            )
    if args.check:
        share = total_py / (n * len(rows)) if rows else 0.0
        return 0 if rows and wrong == 0 and differ == 0 and share >= args.min else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
