"""Both comparison engines, same input, same FULL mpcheck.comparison/1 object (SPEC §2, §4).

The TypeScript comparison runs through tests/js/compare/compare_cli.ts, bundled here with esbuild,
in one batch. Inputs: every case of shared_rules/vectors/comparison/compare.json (the same
expanded reports go to both engines), and the reference fixture pages judged by the Python engine
in a few shortlists (real reports, whatever their current shape).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from itertools import combinations
from typing import Any

import pytest
from mpcheck.compare import compare, read_comparison_rules
from mpcheck.engine import build_report
from mpcheck.rules import load_rules

from tests.python.compare.vector_reports import RULES, case_input, vectors
from tests.python.engine.test_cross_engine import differences

REPO_ROOT = RULES.parent
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "marketplace" / "expected"
TODAY = "2026-11-27"


def _fixture_jobs() -> dict[str, dict[str, Any]]:
    rules = load_rules(RULES)
    facts = {
        p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("solution_*.json"))
    }
    jobs: dict[str, dict[str, Any]] = {}
    for size in (2, 3, len(facts)):
        for names in combinations(sorted(facts), size):
            chosen = [facts[n] for n in names]
            reports = [build_report(f, rules, today=date.fromisoformat(TODAY)) for f in chosen]
            jobs[f"fixtures {' + '.join(names)}"] = {"reports": reports, "facts": chosen, "today": TODAY}
    return jobs


def _jobs() -> dict[str, dict[str, Any]]:
    jobs: dict[str, dict[str, Any]] = {}
    for case in vectors()["cases"]:
        reports, facts, today = case_input(case)
        jobs[f"vector: {case['name']}"] = {"reports": reports, "facts": facts, "today": today}
    jobs.update(_fixture_jobs())
    return json.loads(json.dumps(jobs))  # plain JSON on both sides


JOBS = _jobs()


@pytest.fixture(scope="module")
def ts_by_job(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("compare_cli") / "compare_cli.mjs"
    esbuild = REPO_ROOT / "node_modules" / ".bin" / "esbuild"
    command = [str(esbuild), "tests/js/compare/compare_cli.ts", "--bundle", "--platform=node", "--format=esm"]
    subprocess.run(
        [*command, f"--outfile={out}", "--log-level=warning"], cwd=REPO_ROOT, check=True, timeout=120
    )
    stdin = "".join(json.dumps(job) + "\n" for job in JOBS.values())
    node = shutil.which("node") or "/usr/bin/node"
    done = subprocess.run(
        [node, str(out), str(RULES)], input=stdin, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(JOBS)
    return dict(zip(JOBS, (json.loads(line) for line in lines), strict=True))


def test_every_vector_is_compared() -> None:
    assert sum(1 for name in JOBS if name.startswith("vector: ")) == len(vectors()["cases"])


@pytest.mark.parametrize("name", list(JOBS))
def test_full_comparisons_agree(name: str, ts_by_job: dict[str, Any]) -> None:
    job = JOBS[name]
    py = json.loads(
        json.dumps(compare(job["reports"], job["facts"], read_comparison_rules(RULES), job["today"]))
    )
    ts = ts_by_job[name]
    assert "error" not in ts, ts
    assert list(differences(py, ts)) == []
