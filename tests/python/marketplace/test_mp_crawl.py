"""`mpcheck crawl` (issue 12 point 4) against the fake Marketplace: bounded, resumable, one at a time."""

from __future__ import annotations

import fcntl
import json
from pathlib import Path

import pytest
from mpcheck.cli.main import main
from mpcheck.marketplace.store import ObservationStore

from tests.fakemarket import FakeMarketplace

LISTING = "/solutions/category/14/"
# catalog_category_listing.html in card order; only atelier.fashionshop has a page in the fake
FIRST_CARDS = ["atelier.fashionshop", "nordlab.smartshop", "alfasoft.megastore"]


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["crawl", *args, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else {}


def test_crawl_refreshes_up_to_the_limit_in_catalog_order(
    cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, report = run_json(capsys, "--category", "14", "--limit", "3")
    assert code == 0
    assert report == {"listed": 3, "refreshed": 1, "changed": 1, "skipped_fresh": 0,
                      "gone": FIRST_CARDS[1:], "failed": []}  # fmt: skip
    assert cli_env.count(LISTING) == 1  # the limit was reached on the first catalog page
    assert [cli_env.count(f"/solutions/{c}/") > 0 for c in FIRST_CARDS] == [True, True, True]
    assert cli_env.count("/solutions/pixel.flowers/") == 0  # the 4th card is past the limit
    store = ObservationStore(tmp_path / "cli.sqlite3")
    assert len(store.history("atelier.fashionshop")) == 1
    store.close()


def test_a_second_run_resumes_instead_of_rereading(
    cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_json(capsys, "--category", "14", "--limit", "3")[0] == 0
    cli_env.reset()
    code, report = run_json(capsys, "--category", "14", "--limit", "3")
    assert code == 0 and report["skipped_fresh"] == 1 and report["refreshed"] == 0
    assert cli_env.count("/solutions/atelier.fashionshop/") == 0  # checked minutes ago: skipped
    code, report = run_json(capsys, "--category", "14", "--limit", "3", "--fresh-hours", "0")
    assert report["refreshed"] == 1 and report["changed"] == 0  # re-read, nothing changed


def test_only_one_crawl_at_a_time(
    cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with open(tmp_path / "cli.crawl.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a crawl started by cron a minute ago
        assert main(["crawl", "--limit", "5"]) == 0
    assert "обход уже идёт" in capsys.readouterr().err
    assert cli_env.count() == 0


def test_a_catalog_outage_exits_1(
    cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MPCHECK_MARKETPLACE_RETRIES", "0")
    cli_env.set_fault(LISTING, "5xx")
    assert main(["crawl", "--category", "14"]) == 1
    assert "каталог Маркетплейса не прочитан" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--limit", "0"], ["--category", "0"], ["--fresh-hours", "-1"]])
def test_bad_arguments_exit_2(cli_env: FakeMarketplace, args: list[str]) -> None:
    assert main(["crawl", *args]) == 2
    assert cli_env.count() == 0
