"""Changing a threshold in shared_rules changes the result with no code change (Python side; the
cross-engine test shows the same for TypeScript)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from mpcheck.engine import build_report
from mpcheck.rules import read_rules

RULES_DIR = Path(__file__).resolve().parents[3] / "shared_rules"
FACTS = {"schema": "mpcheck.facts/1", "demo": {"available": True, "days": 14}}


def demo_status(rules_dir: Path) -> tuple[str, str]:
    report = build_report(FACTS, read_rules(rules_dir), today=date(2026, 11, 27))
    demo = report["criteria"][0]
    return demo["status"], demo["key"]


def test_raising_the_demo_threshold_in_data_changes_the_verdict(tmp_path: Path) -> None:
    copy = tmp_path / "rules"
    shutil.copytree(RULES_DIR, copy)
    path = copy / "criteria" / "demo.json"
    rule = json.loads(path.read_text(encoding="utf-8"))
    short = next(b for b in rule["signals"][0]["bands"] if b["key"] == "short_demo")
    short["when"] = {"lt": 21}
    path.write_text(json.dumps(rule, ensure_ascii=False), encoding="utf-8")

    assert demo_status(RULES_DIR) == ("good", "real_demo")
    assert demo_status(copy) == ("warn", "short_demo")
    assert read_rules(copy).version != read_rules(RULES_DIR).version
