"""Run every bench and print ONE table: figure, SPEC §10 budget, same-run baseline, ratio, met or not.

usage: .venv/bin/python bench/run_all.py [--quick] [--json bench/out/all.json] [--markdown]
                                         [--soak-minutes 10] [--skip extension,memory]

Full run ≈ 14 minutes on a 2-core machine (the 10-minute memory soak dominates); `--quick` ≈ 2-3
minutes (fewer rounds, a 1-minute soak with smaller cache bounds). Each section runs on its own; one
that fails prints "not measured" with the reason instead of stopping the others.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(BENCH), str(REPO), str(REPO / "backend")]

from _table import Row, not_measured, render_markdown, render_text  # noqa: E402

Section = Callable[[bool, argparse.Namespace], list[Row]]


def parse_rows(quick: bool, _args: argparse.Namespace) -> list[Row]:
    """Median parse time of the ~200 KB solution page vs the BeautifulSoup baseline."""
    import parse_bench

    r = parse_bench.measure(runs=5 if quick else 15)
    return [
        Row(
            f"parse: solution page {r['kb']:.0f} KB (median of {r['runs']})",
            "< 10 ms",
            f"{r['mpcheck_ms']:.1f} ms",
            f"bs4 {r['bs4_ms']:.1f} ms",
            f"{r['bs4_ms'] / r['mpcheck_ms']:.1f}x faster than bs4",
            r["mpcheck_ms"] < 10,
        )
    ]


def score_rows(quick: bool, _args: argparse.Namespace) -> list[Row]:
    """/score and /score/batch throughput and latency as ratios to the no-op endpoint."""
    import score_api

    r = score_api.measure(requests=300 if quick else 1500, concurrency=4)
    rows = []
    for name, budgeted in (("POST /score", True), ("POST /score/batch (10)", False)):
        row, base = r[name], r[score_api.BASELINES[name]]
        ratio = row["rps"] / base["rps"]
        rows.append(
            Row(
                f"{name} throughput (4 clients)",
                ">= 0.5x no-op" if budgeted else "— (informational)",
                f"{row['rps']:.0f} req/s",
                f"no-op {base['rps']:.0f} req/s",
                f"{ratio:.2f}x",
                ratio >= 0.5 if budgeted else None,
            )
        )
        rows.append(
            Row(
                f"{name} latency p50 / p99",
                "—",
                f"{row['p50_ms']:.1f} / {row['p99_ms']:.1f} ms",
                f"no-op {base['p50_ms']:.1f} / {base['p99_ms']:.1f} ms",
                f"{row['p50_ms'] / base['p50_ms']:.2f}x / {row['p99_ms'] / base['p99_ms']:.2f}x",
            )
        )
    return rows


def report_rows(quick: bool, _args: argparse.Namespace) -> list[Row]:
    """GET /solutions/<code>/report cold (fake Marketplace) vs warm (cached)."""
    import report_bench

    r = report_bench.measure(rounds=5 if quick else 30)
    return [
        Row(
            f"GET /solutions/<code>/report cold ({r['upstream_per_cold']} upstream reads)",
            "—",
            f"{r['cold_ms']:.1f} ms",
            f"warm {r['warm_ms']:.1f} ms",
            f"cold/warm {r['cold_ms'] / r['warm_ms']:.1f}x",
        ),
        Row(
            "GET /solutions/<code>/report warm (backend share of the badge)",
            "< 300 ms enriched badge",
            f"{r['warm_ms']:.1f} ms",
            "—",
            "—",
            r["warm_ms"] < 300,
        ),
    ]


def upstream_rows(quick: bool, _args: argparse.Namespace) -> list[Row]:
    """Upstream reads of one URL per TTL window under concurrent callers (fake Marketplace counters)."""
    import upstream_bench

    r = upstream_bench.measure(callers=20 if quick else 50, windows=2)
    return [
        Row(
            "upstream reads per (URL, TTL), concurrent callers",
            "<= 1",
            f"{r['max_per_url_per_ttl']} (of {r['urls']} URLs)",
            f"{r['callers']} callers x {r['codes']} reports x {r['windows']} TTLs",
            "—",
            r["max_per_url_per_ttl"] <= 1 and r["ok"] == r["answers"],
        )
    ]


def memory_rows(quick: bool, args: argparse.Namespace) -> list[Row]:
    """Backend RSS under load with the caches filling (bench/memory_soak.py)."""
    import memory_soak

    minutes = 1.0 if quick else args.soak_minutes
    bounds = memory_soak.QUICK_BOUNDS if quick else None
    r = memory_soak.measure(minutes, 2.0 if quick else 5.0, 4, bounds)
    memory_soak.print_result(r)
    sol = r["caches"]["solutions"]
    at_bound = sol["size"] == sol["maxsize"]
    return [
        Row(
            f"backend RSS, {minutes:g} min load, ~{r['distinct_codes']} codes",
            "bounded, flat",
            f"max {r['max_mb']:.0f} / end {r['end_mb']:.0f} MiB, "
            f"{r['last_half_slope_mb_per_min']:+.2f} MiB/min last half",
            f"idle {r['start_mb']:.0f} MiB; caches {sol['size']}/{sol['maxsize']}",
            f"end/idle {r['end_mb'] / r['start_mb']:.2f}x",
            r["flat"] and at_bound,
        )
    ]


EXTENSION_FIGURES = (
    # (target prefix, key, figure, budget, limit)
    ("solution", "main_thread_ms", "content script main thread, solution page", "<= 16 ms", 16.0),
    ("solution", "longest_task_ms", "longest task running our script, solution page", "<= 16 ms", 16.0),
    (
        "solution",
        "visible_after_dcl_ms",
        "badge visible after DOMContentLoaded, backend down",
        "< 100 ms",
        100.0,
    ),
    ("catalog", "main_thread_ms", "content script main thread, 50-card catalog", "< 50 ms", 50.0),
)


def extension_rows(quick: bool, _args: argparse.Namespace) -> list[Row]:
    """Runs bench/extension_bench.py (owned by the extension side) and reads its --json output."""
    script = BENCH / "extension_bench.py"
    budgets = [(f, b) for _, _, f, b, _ in EXTENSION_FIGURES] + [
        ("page-load overhead", "<= 1.25x"),
        ("badge enriched after DOMContentLoaded, warm backend", "< 300 ms"),
    ]
    if not script.exists():
        return [not_measured(f, b, "bench/extension_bench.py missing") for f, b in budgets]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "extension.json"
        command = [sys.executable, str(script), "--runs", "2" if quick else "7", "--json", str(out)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=REPO)
        if done.returncode != 0 or not out.exists():
            why = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
            return [not_measured(f, b, why) for f, b in budgets]
        print(done.stdout.rstrip())
        data: dict[str, dict[str, float]] = json.loads(out.read_text(encoding="utf-8"))
    rows = []
    for prefix, key, figure, budget, limit in EXTENSION_FIGURES:
        target = next((v for k, v in data.items() if k.startswith(prefix)), None)
        value = target.get(key) if target else None
        if value is None:
            rows.append(not_measured(figure, budget, f"no {key} in extension_bench output"))
            continue
        rows.append(
            Row(figure, budget, f"{value:.1f} ms", "—", f"{value / limit:.2f} of budget", value <= limit)
        )
    for label, r in data.items():
        if "load_ratio" in r:
            rows.append(
                Row(
                    f"page-load overhead, {label.split('(')[0].split(',')[0].strip()}",
                    "<= 1.25x",
                    f"{r['load_with_ms']:.0f} ms",
                    f"no extension {r['load_without_ms']:.0f} ms",
                    f"{r['load_ratio']:.2f}x",
                    r["load_ratio"] <= 1.25,
                )
            )
    enriched = next(
        (r["enriched_after_dcl_ms"] for r in data.values() if r.get("enriched_after_dcl_ms")), None
    )
    figure = "badge enriched after DOMContentLoaded, warm backend"
    if enriched is None:
        rows.append(not_measured(figure, "< 300 ms", "not in extension_bench output"))
    else:
        rows.append(
            Row(
                figure,
                "< 300 ms",
                f"{enriched:.1f} ms",
                "—",
                f"{enriched / 300:.2f} of budget",
                enriched < 300,
            )
        )
    return rows


def engine_rows(quick: bool, _args: argparse.Namespace) -> list[Row]:
    """The TypeScript engine's evaluate under node (bench/engine_bench.mjs --json): a catalog pass
    (its first 50 calls in fresh processes, code not yet optimised) and a warm full solution page."""
    figures = [
        ("engine: first 50 calls, fresh process (catalog cards)", "— (part of 50-card catalog <= 50 ms)"),
        ("engine: evaluate, full solution page, warm", "—"),
    ]
    command = ["node", str(BENCH / "engine_bench.mjs"), "--json"]
    command += ["--rounds", "5", "--calls", "200", "--cold", "3"] if quick else ["--cold", "9"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=REPO)
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        return [not_measured(f, b, why) for f, b in figures]
    r = json.loads(done.stdout)
    card, page = r["results"][0], r["results"][1]
    cold, warm = r["cold50_current_ms"], r["catalog50_current_ms"]
    return [
        Row(
            figures[0][0],
            figures[0][1],
            f"{cold:.1f} ms",
            f"warm 50 x {card['current_ms']:.3f} ms",
            f"cold/warm {cold / warm:.1f}x",
        ),
        Row(figures[1][0], figures[1][1], f"{page['current_ms']:.3f} ms", "—", "—"),
    ]


def generalization_rows(_quick: bool, _args: argparse.Namespace) -> list[Row]:
    """Both extractors on the blind corpus (issue 9): today's share of fields right and wrong values,
    next to the first-sight figure of the last 4 pages recorded (the generalisation figure)."""
    import generalization as corpus

    rows = corpus.run([])
    n = len(corpus.FIELDS)
    right = sum(r["python"].right for r in rows)
    wrong = sum(len(r["python"].wrong) + len(r["ts"].wrong) for r in rows)
    differ = sum(len(r["differ"]) for r in rows)
    last = corpus.first_sight()[-4:]
    first = ", ".join(f"{cells['right']} ({cells['wrong']} wrong)" for _, cells in last)
    return [
        Row(
            f"blind corpus, {len(rows)} pages, both extractors",
            ">= 97 %, 0 wrong, 0 differ",
            f"{right / (n * len(rows)):.1%}, {wrong} wrong, {differ} differ",
            f"last 4 at first sight: {first}",
            "—",
            right / (n * len(rows)) >= 0.97 and wrong == 0 and differ == 0,
        )
    ]


SECTIONS: dict[str, tuple[str, Section]] = {
    "parse": ("parse", parse_rows),
    "generalization": ("blind corpus", generalization_rows),
    "score": ("POST /score", score_rows),
    "report": ("report cold/warm", report_rows),
    "upstream": ("upstream requests", upstream_rows),
    "extension": ("extension", extension_rows),
    "engine": ("TypeScript engine", engine_rows),
    "memory": ("backend memory", memory_rows),
}


def run(quick: bool, args: argparse.Namespace, skip: set[str]) -> list[Row]:
    """Every section in turn; a failing one becomes a 'not measured' row."""
    rows: list[Row] = []
    for key, (title, section) in SECTIONS.items():
        if key in skip:
            rows.append(not_measured(title, "see SPEC §10", "skipped (--skip)"))
            continue
        started = time.monotonic()
        print(f"== {title} ...", flush=True)
        try:
            rows.extend(section(quick, args))
        except Exception as exc:  # one broken bench must not hide the others' figures
            traceback.print_exc()
            rows.append(not_measured(title, "see SPEC §10", f"{type(exc).__name__}: {exc}"))
        print(f"   ({time.monotonic() - started:.0f} s)", flush=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run, about 2-3 minutes")
    parser.add_argument("--soak-minutes", type=float, default=10.0)
    parser.add_argument("--skip", default="", help=f"comma list of: {', '.join(SECTIONS)}")
    parser.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is not met")
    args = parser.parse_args()
    started = time.monotonic()
    rows = run(args.quick, args, {s.strip() for s in args.skip.split(",") if s.strip()})
    stamp = f"{datetime.now():%Y-%m-%d %H:%M}, {platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}"
    print(
        f"\nmpcheck benches ({'quick' if args.quick else 'full'} run, {stamp}, {time.monotonic() - started:.0f} s)"
    )
    print(render_text(rows))
    if args.markdown:
        print("\n" + render_markdown(rows))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps([r.to_json() for r in rows], indent=2, ensure_ascii=False), "utf-8")
    # Machines are noisy: by default the table is the result; --strict turns a missed budget into exit 1.
    return 1 if args.strict and any(r.met is False for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
