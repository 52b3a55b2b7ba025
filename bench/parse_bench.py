"""Parse time per solution page: mpcheck's parsel extractor vs a BeautifulSoup(html.parser) baseline.

Run: `.venv/bin/python bench/parse_bench.py [--runs N]`. For every solution fixture and a ~200 KB
synthetic page (the largest fixture padded with reviews and changelog rows) it prints the median parse
time of N runs for both, measured in the same run, and the ratio (baseline / mpcheck; > 1 means mpcheck
is faster). The baseline reads the same label fields the same way (smallest element whose own text
starts with the label, value from the rest / next cell / next sibling) plus changelog and review rows,
so it does comparable work. SPEC §10 budget: < 10 ms median for a 200 KB page.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))

from mpcheck.extract import extract_solution  # noqa: E402
from mpcheck.extract.decode import decode_body  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "marketplace"
LABELS = {
    "code": r"код\s+решения",
    "partner": r"разработчик",
    "price": r"цена",
    "version": r"версия",
    "published": r"опубликовано",
    "updated": r"обновлено",
    "installs": r"(?:количество\s+)?установок",
    "editions": r"(?:совместимые\s+)?редакции",
    "adaptive": r"адаптивн\w*",
    "composite": r"(?:поддержка\s+)?композит\w*",
}
DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")
SKIP = {"script", "style", "option", "button"}


def _own(tag: Tag) -> str:
    return " ".join(s.strip() for s in tag.children if isinstance(s, NavigableString) and s.strip())


def bs4_baseline(html: str) -> dict[str, Any]:
    """The comparable field reads with bs4: labels, then changelog and review rows with dates."""
    soup = BeautifulSoup(html, "html.parser")
    out: dict[str, Any] = {"h1": soup.h1.get_text(" ", strip=True) if soup.h1 else None}
    tags = [t for t in soup.find_all(True) if t.name not in SKIP]
    for field, label in LABELS.items():
        rx = re.compile(rf"^(?:{label})(?:\s*:\s*|\s+|$)(.*)$", re.I)
        for tag in tags:
            if rx.match(_own(tag)):
                text = tag.get_text(" ", strip=True)
                m = rx.match(text)
                rest = m.group(1) if m else ""
                sib = tag.find_next_sibling()
                out[field] = rest or (sib.get_text(" ", strip=True) if sib else None)
                break
    for tab in ("log", "rating", "comments", "support"):
        body = soup.find(id=f"tab-{tab}-body")
        if body is None:
            continue
        rows = [t for t in body.find_all(True) if DATE.search(_own(t))]
        out[tab] = [(r.get_text(" ", strip=True)[:40]) for r in rows]
    return out


def synthetic_page(target_bytes: int = 200_000) -> str:
    """The largest fixture padded with more reviews and changelog rows to ~200 KB."""
    html = decode_body((FIXTURES / "solution_module_paid_demo14_active.html").read_bytes())
    review = re.search(r'<article class="mp-review" data-id="r-8977">.*?</article>', html, re.S)
    row = re.search(r'<div class="mp-log__item">.*?</div></div>', html, re.S)
    assert review and row
    reviews: list[str] = []
    rows: list[str] = []
    i = 0
    while len(html.encode()) + sum(len(x.encode()) for x in reviews + rows) < target_bytes:
        day, month = 1 + i % 28, 1 + (i // 28) % 12
        reviews.append(review.group(0).replace("09.11.2026", f"{day:02d}.{month:02d}.2019"))
        rows.append(
            row.group(0)
            .replace("3.4.2", f"1.{i // 50}.{i % 50}")
            .replace("19.11.2026", f"{day:02d}.{month:02d}.2018")
        )
        i += 1
    html = html.replace('<div class="mp-pager">', "".join(reviews) + '<div class="mp-pager">', 1)
    return html.replace(
        '</div>\n    </section>\n\n    <section class="mp-tab-body" id="tab-support-body"',
        "".join(rows) + '</div>\n    </section>\n\n    <section class="mp-tab-body" id="tab-support-body"',
        1,
    )


def median_ms(fn: Callable[[str], Any], html: str, runs: int) -> float:
    fn(html)  # warm-up: label table load, regex compilation
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(html)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    pages = {p.name: decode_body(p.read_bytes()) for p in sorted(FIXTURES.glob("solution_*.html"))}
    big = synthetic_page()
    pages[f"synthetic_{len(big.encode()) // 1024}KB.html"] = big
    facts = extract_solution(big)
    print(
        f"synthetic page: {len(facts['reviews']['items'])} reviews, {len(facts['changelog'])} changelog rows"
    )
    print(f"{'page':48} {'KB':>5} {'mpcheck ms':>11} {'bs4 ms':>9} {'bs4/mpcheck':>12}")
    for name, html in pages.items():
        ours = median_ms(extract_solution, html, args.runs)
        base = median_ms(bs4_baseline, html, args.runs)
        print(f"{name:48} {len(html.encode()) / 1024:5.0f} {ours:11.2f} {base:9.2f} {base / ours:11.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
