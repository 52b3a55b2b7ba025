"""The number rules (docs/ENGINE-NUMBERS.md) on their shared vectors; the TS engine runs the same file.

Also a meta-test (issue 10 point 10): every message and evidence text of every report the vectors and
fixtures produce writes its numbers in the locale's style (no «0.5» next to «3,4»).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from mpcheck.engine.formatting import fill, format_value

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
