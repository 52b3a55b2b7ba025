"""The number rules (docs/ENGINE-NUMBERS.md) on their shared vectors; the TS engine runs the same file.

Also a meta-test (issue 10 point 10): every message and evidence text of every report the vectors and
fixtures produce writes its numbers in the locale's style (no «0.5» next to «3,4»).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from mpcheck.engine.formatting import fill, format_value, plural_index

from .all_reports import REPORTS, RULES, RULES_DIR

NUMBERS = RULES.scoring["numbers"]
CASES = json.loads((RULES_DIR / "vectors" / "numbers" / "format.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['value']!r} {c['format']}" for c in CASES])
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_format_vector(case: dict[str, Any], lang: str) -> None:
    assert format_value(case["value"], case["format"], NUMBERS[lang]) == case["text"][lang]


def test_fill_substitutes_each_placeholder_once() -> None:
    assert fill("a {value} b {old} {x}", {"value": "{old}", "old": "9"}) == "a {old} b 9 {x}"
    assert fill("{{value}}", {"value": "1"}) == "{1}"


# A number written with the other locale's decimal mark: «0.5» in Russian, «3,4» in English. A date
# (31.12.2026) or a version (3.4.2) has two marks and is not a decimal.
FOREIGN = {"ru": re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])"), "en": re.compile(r"(?<![\d,])\d+,\d+(?![\d,])")}


def _texts(report: dict[str, Any], lang: str) -> list[str]:
    texts = [report["headline"]["message"][lang]]
    for criterion in report["criteria"]:
        texts.append(criterion["message"][lang])
        texts += [e["text"][lang] for e in criterion["evidence"]]
    return texts


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_number_in_a_message_uses_the_locale_style(lang: str) -> None:
    bad = {t for report in REPORTS for t in _texts(report, lang) if FOREIGN[lang].search(t)}
    assert bad == set()


def test_the_meta_test_sees_a_foreign_decimal() -> None:
    assert FOREIGN["ru"].search("ответ шёл в 0.5 раза") and not FOREIGN["ru"].search("в 3,4 раза")
    assert not FOREIGN["ru"].search("акция до 31.12.2026, версия 3.4.2")
    assert FOREIGN["en"].search("3,4 times") and not FOREIGN["en"].search("3.4 times, 12 990 RUB")


NUMBER_STYLES = {"plain", "percent", "decimal1", "money", "date"}


def _formats() -> set[str]:
    used: set[str] = set()
    for rule in RULES.criteria.values():
        for signal in rule["signals"]:
            used.add(signal.get("format", "plain"))
            used.update(entry["format"] for entry in signal.get("evidence", []))
    return used


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_format_a_rule_names_is_written_in_each_locale(lang: str) -> None:
    style = NUMBERS[lang]
    assert _formats() - NUMBER_STYLES - set(style["units"]) - set(style["words"]) == set()
    assert set(style["units"]) == set(NUMBERS["en" if lang == "ru" else "ru"]["units"])
    assert {k: set(v) for k, v in style["words"].items()} == {
        k: set(v) for k, v in NUMBERS["en" if lang == "ru" else "ru"]["words"].items()
    }


def test_no_evidence_text_is_blank_or_a_raw_word() -> None:
    """«Каналы поддержки:» with nothing, «ticket», «software», «not_offered» never reach a buyer."""
    words = NUMBERS["ru"]["words"]
    raw = (
        set(words["channel"]) - {"telegram", "whatsapp", "skype"}
        | set(words["specialization"])
        | set(words["answer"])
    )
    texts = [
        e["text"][lang]
        for r in REPORTS
        for c in r["criteria"]
        for e in c["evidence"]
        for lang in ("ru", "en")
    ]
    assert [t for t in texts if not t.strip()] == []
    russian = {e["text"]["ru"] for r in REPORTS for c in r["criteria"] for e in c["evidence"]}
    assert {t for t in russian if raw & set(t.replace(",", " ").split())} == set()
    assert "Снято с публикации: нет" in {
        f"{e['label']['ru']}: {e['text']['ru']}"
        for r in REPORTS
        for c in r["criteria"]
        for e in c["evidence"]
    }


@pytest.mark.parametrize(
    ("count", "ru", "en"), [(0, 2, 1), (1, 0, 0), (2, 1, 1), (4, 1, 1), (5, 2, 1), (11, 2, 1), (12, 2, 1),
                            (14, 2, 1), (21, 0, 1), (22, 1, 1), (111, 2, 1), (101, 0, 1), (1.5, 1, 1)],
)  # fmt: skip
def test_one_plural_rule_per_language(count: float, ru: int, en: int) -> None:
    assert (plural_index(count, "ru"), plural_index(count, "en")) == (ru, en)
