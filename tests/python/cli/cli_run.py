"""Run `mpcheck` in-process and collect exit code, stdout and stderr; the fixture pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from mpcheck.cli.main import main

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "marketplace"
NORDLAB_PAGE = FIXTURES / "solution_module_paid_demo14_active.html"
LEGACY_PAGE = FIXTURES / "solution_changelog_tab_legacy_cp1251.html"  # windows-1251, a discount
TODAY = ["--today", "2026-11-27"]


@dataclass(frozen=True)
class Run:
    """One finished `mpcheck` run."""

    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> Run:
    """main(argv) with the captured output."""
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)
