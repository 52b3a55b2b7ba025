"""`mpcheck score`: readable report in Russian by default, English on request, exit 2 on bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mpcheck.cli.main import main

RULES = Path(__file__).resolve().parents[3] / "shared_rules"


def vector_case(file: str, name: str) -> dict:
    cases = json.loads((RULES / "vectors" / file).read_text(encoding="utf-8"))["cases"]
    return next(c for c in cases if c["name"] == name)


@pytest.fixture
def pseudo_demo_facts(tmp_path: Path) -> Path:
    case = vector_case("support.json", "email-only vetoes a fast declared time")
    facts = dict(
        case["facts"],
        demo={"available": True, "days": 1},
        code="quickdev.callbackpro",
        name="Обратный звонок",
    )
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    return path


def test_terminal_report_in_russian_by_default(
    pseudo_demo_facts: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["score", str(pseudo_demo_facts), "--today", "2026-11-27"]) == 0
    out = capsys.readouterr().out
    assert "Обратный звонок (quickdev.callbackpro)" in out
    assert "1. ✘ плохо" in out and "псевдо-демо" in out
    assert "2. ✘ плохо" in out and "только по e-mail" in out
    assert "5. ? нет данных" in out
    assert "данные по 2 из 9 шагов" in out
    assert "Проверьте сами:" in out


def test_terminal_report_in_english(pseudo_demo_facts: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["score", str(pseudo_demo_facts), "--today", "2026-11-27", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "1. ✘ bad" in out and "pseudo-demo" in out
    assert "data on 2 of 9 steps" in out and "Check it yourself:" in out


def test_json_output_is_the_report_schema(pseudo_demo_facts: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["score", str(pseudo_demo_facts), "--json", "--today", "2026-11-27"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["schema"] == "mpcheck.report/1"
    statuses = {c["id"]: c["status"] for c in report["criteria"]}
    assert statuses["demo"] == "bad" and statuses["support"] == "bad" and statuses["reviews"] == "unknown"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "файл не найден: {path}"),
        ("{oops", "{path}: это не JSON (ошибка в строке 1, позиция 2)"),
        (
            '{"schema": "mpcheck.facts/1", "demo": {"days": -1}}',
            "{path}: поле «demo.days» не по схеме mpcheck.facts/1 — значение меньше допустимого",
        ),
        ("[1, 2]", "{path}: факты должны быть объектом JSON {…}"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, capsys, content: str | None, reason: str) -> None:
    path = tmp_path / "facts.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["score", str(path)]) == 2
    assert capsys.readouterr().err == "mpcheck: " + reason.replace("{path}", str(path)) + "\n"


def test_installed_console_script_runs(pseudo_demo_facts: Path) -> None:
    script = shutil.which("mpcheck", path=str(Path(sys.executable).parent))
    assert script, "the package must install the mpcheck console script"
    done = subprocess.run(
        [script, "score", str(pseudo_demo_facts), "--lang", "en", "--today", "2026-11-27"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "pseudo-demo" in done.stdout
