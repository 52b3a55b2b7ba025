"""The UI language of the end-to-end suite: Russian first (every other e2e file runs in it), plus
one English smoke run. The texts are literal here, not read through ui_text(), so a browser that
silently falls back to English (no chromium-l10n) fails instead of passing in the wrong language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, Playwright

from tests.e2e.browser import launch
from tests.e2e.helpers import FULL_BADGE, ui_lang, wait_badge_ready
from tests.e2e.pages import solution_url
from tests.fakemarket.server import FakeMarketplace

DEMO_ROW = f'{FULL_BADGE} [data-criterion="demo"]'


def _demo_row_text(page: Page) -> str:
    page.goto(solution_url("nordlab.smartseo"))
    wait_badge_ready(page)
    return page.locator(DEMO_ROW).first.text_content() or ""


def test_the_suite_runs_in_russian(ctx: BrowserContext, page: Page) -> None:
    assert ui_lang(ctx) == "ru", "Chromium's UI is not Russian: is chromium-l10n installed?"
    text = _demo_row_text(page)
    assert "Демо-режим" in text and "Demo mode" not in text, text


@pytest.fixture
def english(pw: Playwright, market: FakeMarketplace, chrome_build: Path) -> Iterator[BrowserContext]:
    context = launch(pw, market.port, chrome_build, lang="en")
    yield context
    context.close()


def test_english_smoke(english: BrowserContext) -> None:
    assert ui_lang(english) == "en"
    page = english.new_page()
    text = _demo_row_text(page)
    assert "Demo mode" in text and "Демо-режим" not in text, text
