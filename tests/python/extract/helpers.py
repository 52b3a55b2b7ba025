"""Shared helpers: fixture paths and the comparison rules of fixtures/expected/README.md."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "marketplace"
EXPECTED = FIXTURES / "expected"
EXTRA = FIXTURES / "extra"
REFERENCE_SOLUTIONS = sorted(p.stem for p in FIXTURES.glob("solution_*.html"))
EXTRA_SOLUTIONS = sorted(p.stem for p in EXTRA.glob("solution_*.html"))

_DAYS = {"кроме выходных": "пн–пт", "ежедневно": "пн–вс"}


def expected(name: str, folder: Path = EXPECTED) -> dict[str, Any]:
    return dict(json.loads((folder / f"{name}.json").read_text(encoding="utf-8")))


def hours_key(value: str | None) -> tuple[str, str] | None:
    """(days, time range) of a support hours text: the README compares these, not the string."""
    if value is None:
        return None
    text = value.replace("-", "–").replace("—", "–")
    for word, days in _DAYS.items():
        text = text.replace(word, days)
    m = re.search(r"(\d{1,2})[:.](\d{2})\s*–\s*(\d{1,2})[:.](\d{2})", text)
    span = f"{int(m.group(1))}:{m.group(2)}–{int(m.group(3))}:{m.group(4)}" if m else ""
    d = re.search(r"(пн|вт|ср|чт|пт|сб|вс)\s*–\s*(пн|вт|ср|чт|пт|сб|вс)", text)
    return (f"{d.group(1)}–{d.group(2)}" if d else "", span)


def assert_facts_match(got: dict[str, Any], want: dict[str, Any]) -> None:
    """Every expected key matches; changelog chars ±2, channels as a set, hours by days + range."""
    for key, value in want.items():
        if key == "changelog" and value is not None:
            assert got[key] is not None, key
            assert [(e["version"], e["date"]) for e in got[key]] == [(e["version"], e["date"]) for e in value]
            for g, w in zip(got[key], value, strict=True):
                assert abs(g["chars"] - w["chars"]) <= 2, (g, w)
        elif key == "support":
            g, w = dict(got[key]), dict(value)
            assert (None if g.pop("channels") is None else set(got[key]["channels"])) == (
                None if w.pop("channels") is None else set(value["channels"])
            )
            assert hours_key(g.pop("hours")) == hours_key(w.pop("hours"))
            assert g == w
        else:
            assert got.get(key) == value, f"{key}: got {got.get(key)!r}, want {value!r}"
