"""Both engines, same input, same FULL report (SPEC §2: any disagreement fails CI).

The TypeScript engine runs through tests/js/engine/score_cli.ts, bundled here with esbuild, in one
batch per rules directory. Inputs: every shared vector, the five reference fixture pages under each
profile, the off-the-happy-path facts in tests/js/engine/edge_cases.json and one time zone per
whitespace character. Facts outside facts.schema.json (edge_cases.json "refused") must be refused by
both engines at their door, naming the same field: the rules mean what SPEC says for the facts the
schema allows, and nothing else. The last test proves "policy is data": one threshold changed in a
copy of shared_rules moves both engines, and the rules fingerprint, with no code touched.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from mpcheck.engine import build_report
from mpcheck.rules import Rules, read_rules, rules_fingerprint
from mpcheck.validation import FactsError

REPO_ROOT = Path(__file__).resolve().parents[3]
RULES_DIR = REPO_ROOT / "shared_rules"
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "marketplace" / "expected"
EDGE_CASES = REPO_ROOT / "tests" / "js" / "engine" / "edge_cases.json"
FIXTURE_TODAY = "2026-11-27"
PROFILES = (None, "module", "site", "narrow")
# Python's str `\s` set plus look-alikes it does NOT match (BOM, zero-width space, Mongolian separator).
SPACES = [chr(c) for c in range(0x3001) if re.fullmatch(r"\s", chr(c))] + ["\ufeff", "\u200b", "\u180e"]


def _job(facts: dict[str, Any], today: str, profile: str | None = None, disabled: Any = ()) -> dict[str, Any]:
    return {"facts": facts, "today": today, "profile": profile, "disabled": list(disabled)}


def _cases() -> dict[str, dict[str, Any]]:
    cases: dict[str, dict[str, Any]] = {}
    for path in sorted((RULES_DIR / "vectors").glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            job = _job(case["facts"], case["today"], case.get("profile"), case.get("disabled", []))
            cases[f"vector {path.stem}: {case['name']}"] = job
    for path in sorted(FIXTURES.glob("solution_*.json")):
        facts = json.loads(path.read_text(encoding="utf-8"))
        for profile in PROFILES:
            cases[f"fixture {path.stem} profile={profile}"] = _job(facts, FIXTURE_TODAY, profile)
        cases[f"fixture {path.stem} demo+price off"] = _job(facts, FIXTURE_TODAY, None, ["demo", "price"])
    for case in json.loads(EDGE_CASES.read_text(encoding="utf-8"))["cases"]:
        job = _job(case["facts"], case["today"], case.get("profile"), case.get("disabled", []))
        cases[f"edge: {case['name']}"] = job
    for space in SPACES:
        facts = {"schema": "mpcheck.facts/1", "support": {"timezone": f"МСК{space}+{space}4 / UTC{space}+5"}}
        cases[f"space U+{ord(space):04X} in a time zone"] = _job(facts, FIXTURE_TODAY)
    lone = {"schema": "mpcheck.facts/1", "support": {"timezone": "\ud800 мск+1"}, "name": "\udfff"}
    cases["lone surrogates pass through"] = _job(lone, FIXTURE_TODAY)
    return cases


CASES = _cases()
REFUSED = {
    f"refused: {case['name']}": case for case in json.loads(EDGE_CASES.read_text(encoding="utf-8"))["refused"]
}
VECTOR_COUNT = sum(
    len(json.loads(p.read_text(encoding="utf-8"))["cases"]) for p in (RULES_DIR / "vectors").glob("*.json")
)


def test_no_case_id_was_overwritten() -> None:
    assert sum(1 for case_id in CASES if case_id.startswith("vector ")) == VECTOR_COUNT


def python_report(rules: Rules, job: dict[str, Any]) -> Any:
    report = build_report(
        job["facts"],
        rules,
        today=date.fromisoformat(job["today"]),
        profile=job["profile"],
        disabled=job["disabled"],
    )
    return json.loads(json.dumps(report))  # the same JSON round trip the TS report goes through


def differences(py: Any, ts: Any, path: str = "$") -> Iterator[str]:
    """Strict JSON comparison: bools are not numbers, key order counts, numbers compare exactly.

    1 and 1.0 are equal on purpose: JavaScript has one number type, so JSON from node never says 1.0.
    """
    if isinstance(py, bool) or isinstance(ts, bool):
        if type(py) is not type(ts) or py != ts:
            yield f"{path}: python {py!r} != ts {ts!r}"
    elif isinstance(py, int | float) and isinstance(ts, int | float):
        if py != ts:
            yield f"{path}: python {py!r} != ts {ts!r}"
    elif isinstance(py, dict) and isinstance(ts, dict):
        if list(py) != list(ts):
            yield f"{path}: keys python {list(py)} != ts {list(ts)}"
        for key in py.keys() & ts.keys():
            yield from differences(py[key], ts[key], f"{path}.{key}")
    elif isinstance(py, list) and isinstance(ts, list):
        if len(py) != len(ts):
            yield f"{path}: python has {len(py)} items, ts {len(ts)}"
        for index, (a, b) in enumerate(zip(py, ts, strict=False)):
            yield from differences(a, b, f"{path}[{index}]")
    elif type(py) is not type(ts) or py != ts:
        yield f"{path}: python {py!r} != ts {ts!r}"


@pytest.fixture(scope="module")
def score_cli(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/js/engine/score_cli.ts bundled for node."""
    out = tmp_path_factory.mktemp("score_cli") / "score_cli.mjs"
    esbuild = REPO_ROOT / "node_modules" / ".bin" / "esbuild"
    command = [str(esbuild), "tests/js/engine/score_cli.ts", "--bundle", "--platform=node", "--format=esm"]
    subprocess.run(
        [*command, f"--outfile={out}", "--log-level=warning"], cwd=REPO_ROOT, check=True, timeout=120
    )
    return out


def node(score_cli: Path, *args: str, stdin: str | None = None) -> str:
    node_bin = shutil.which("node") or "/usr/bin/node"
    done = subprocess.run(
        [node_bin, str(score_cli), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def ts_reports(score_cli: Path, rules_dir: Path, jobs: list[dict[str, Any]]) -> list[Any]:
    """One node process scores every job (JSON lines in, JSON lines out)."""
    stdin = "".join(json.dumps(job) + "\n" for job in jobs)
    lines = node(score_cli, str(rules_dir), "--batch", stdin=stdin).splitlines()
    assert len(lines) == len(jobs)
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def ts_by_case(score_cli: Path) -> dict[str, Any]:
    return dict(zip(CASES, ts_reports(score_cli, RULES_DIR, list(CASES.values())), strict=True))


@pytest.mark.parametrize("case_id", list(CASES))
def test_full_reports_agree(case_id: str, ts_by_case: dict[str, Any]) -> None:
    py = python_report(read_rules(RULES_DIR), CASES[case_id])
    ts = ts_by_case[case_id]
    assert "error" not in ts, ts
    assert list(differences(py, ts)) == []


@pytest.fixture(scope="module")
def ts_refusals(score_cli: Path) -> dict[str, Any]:
    jobs = [_job(case["facts"], case["today"]) for case in REFUSED.values()]
    return dict(zip(REFUSED, ts_reports(score_cli, RULES_DIR, jobs), strict=True))


@pytest.mark.parametrize("case_id", list(REFUSED))
def test_off_schema_facts_are_refused_by_both(case_id: str, ts_refusals: dict[str, Any]) -> None:
    case = REFUSED[case_id]
    with pytest.raises(FactsError) as refused:
        python_report(read_rules(RULES_DIR), _job(case["facts"], case["today"]))
    assert refused.value.field == case["field"]
    assert ts_refusals[case_id]["error"] == "invalid_facts"
    assert ts_refusals[case_id]["field"] == case["field"]


def test_rules_fingerprint_agrees(score_cli: Path) -> None:
    assert node(score_cli, str(RULES_DIR), "--version").strip() == rules_fingerprint(RULES_DIR)


def test_threshold_in_data_moves_both_engines(score_cli: Path, tmp_path: Path) -> None:
    """Real demo from 14 to 21 days in a copy of the rules: a 14-day demo becomes short in both."""
    copy = tmp_path / "rules"
    shutil.copytree(RULES_DIR, copy)
    demo_rule = copy / "criteria" / "demo.json"
    rule = json.loads(demo_rule.read_text(encoding="utf-8"))
    short = [b for b in rule["signals"][0]["bands"] if b.get("when") == {"lt": 14}]
    assert len(short) == 1
    short[0]["when"] = {"lt": 21}
    demo_rule.write_text(json.dumps(rule, ensure_ascii=False, indent=2), encoding="utf-8")
    facts_path = tmp_path / "facts.json"
    facts = {"schema": "mpcheck.facts/1", "demo": {"available": True, "days": 14}}
    facts_path.write_text(json.dumps(facts), encoding="utf-8")

    versions = []
    for rules_dir, want in ((RULES_DIR, ("good", "real_demo")), (copy, ("warn", "short_demo"))):
        py = python_report(read_rules(rules_dir), _job(facts, FIXTURE_TODAY))
        ts = json.loads(node(score_cli, str(rules_dir), str(facts_path), FIXTURE_TODAY))  # single-report mode
        for report in (py, ts):
            demo = report["criteria"][0]
            assert (demo["id"], demo["status"], demo["key"]) == ("demo", *want)
        assert ts["rules_version"] == py["rules_version"] == rules_fingerprint(rules_dir)
        assert list(differences(py, ts)) == []
        versions.append(ts["rules_version"])
    assert versions[0] != versions[1]
