"""Dates: DD.MM.YYYY[ HH:MM[:SS]], Russian genitive words, time[datetime] → ISO."""

from __future__ import annotations

import pytest
from mpcheck.extract.dates import find_dates, month_number, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("24.11.2026", "2026-11-24"),
        ("20.11.2026 14:05", "2026-11-20"),
        ("20.11.2026 14:05:33", "2026-11-20"),
        ("5 июня 2024", "2024-06-05"),
        ("12 сентября 2025 г.", "2025-09-12"),
        ("1 мая 2023", "2023-05-01"),
        ("3 Марта 2022г.", "2022-03-03"),
        ("2025-09-12", "2025-09-12"),
        ("2025-09-12T10:00:00+03:00", "2025-09-12"),
        ("опубликовано (02.09.2026)", "2026-09-02"),
    ],
)
def test_parse_date(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["31.02.2026", "99.99.9999", "", None, "сентября 2025", "12 сентябряx"])
def test_not_a_date(text: str | None) -> None:
    assert parse_date(text) is None


def test_find_dates_in_order_and_months() -> None:
    assert [iso for _, iso in find_dates("с 5 июня 2024 до 01.07.2024")] == ["2024-06-05", "2024-07-01"]
    assert month_number("декабря") == 12 and month_number("май") == 5 and month_number("xyz") is None
