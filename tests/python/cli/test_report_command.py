"""`mpcheck report URL|CODE|FILE.html`: a saved page offline, a solution through the service (fake
Marketplace) with the partner facts the page lacks; bad input exits 2, a failed Marketplace 1."""

from __future__ import annotations

import json

import pytest

from tests.fakemarket import FakeMarketplace

from .cli_run import FIXTURES, LEGACY_PAGE, TODAY, run


def test_report_from_a_saved_cp1251_file(capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "report", LEGACY_PAGE, "--json", *TODAY)
    report = json.loads(done.out)
    assert report["code"] == "tehnostar.importer" and len(report["criteria"]) == 9


def test_report_text_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "report", FIXTURES / "solution_module_pseudo_demo_1day.html", *TODAY)
    lines = done.out.splitlines()
    assert (done.code, lines[0]) == (0, "Обратный звонок PRO (quickdev.callbackpro)")
    assert lines[1].startswith("Оценка: ") and " · профиль: " in lines[1]
    assert lines[4].startswith("1. ✘ плохо ")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_saved_page_says_how_the_cli_reads_the_partner_rating(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """The engine's "start `mpcheck serve`" is a browser user's fix; the CLI never asks the server."""
    done = run(capsys, "report", FIXTURES / "solution_module_paid_demo14_active.html", "--lang", lang, *TODAY)
    step5 = done.out.split("\n5. ", 1)[1].split("\n6. ", 1)[0]
    assert "mpcheck serve" not in done.out
    words = {"ru": "`mpcheck report <код или адрес", "en": "`mpcheck report <solution code or URL>`"}
    assert words[lang] in " ".join(step5.split())
    # --json keeps the engine's report as it is (SPEC §4): only the terminal text is the CLI's
    data = json.loads(
        run(capsys, "report", FIXTURES / "solution_module_paid_demo14_active.html", "--json", *TODAY).out
    )
    developer = next(c for c in data["criteria"] if c["id"] == "developer")
    assert developer["unknown_reason"] == "backend_unreachable"


def test_report_from_a_url_merges_partner_facts(
    cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]
) -> None:
    done = run(capsys, "report", f"{cli_env.base_url}/solutions/nordlab.smartseo/", "--json", *TODAY)
    report = json.loads(done.out)
    assert report["code"] == "nordlab.smartseo"
    assert cli_env.count("/partners/detail.php?ID=731204") == 1


def test_a_page_that_is_not_a_solution(capsys: pytest.CaptureFixture[str]) -> None:
    page = FIXTURES / "partner_detail_page.html"
    done = run(capsys, "report", page)
    assert (done.code, done.out) == (2, "")
    assert done.err == f"mpcheck: {page}: это не страница решения, а страница партнёра\n"
    listing = FIXTURES / "catalog_category_listing.html"
    done = run(capsys, "report", listing, "--lang", "en")
    assert done.err == f"mpcheck: {listing}: not a solution page but a catalog page\n"
