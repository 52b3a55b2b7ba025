"""A solution named by its Marketplace URL (https, http or no scheme) or its bare code is read from
the configured origin (MPCHECK_MARKETPLACE_URL), as the API does: here the fake Marketplace serves
the production URL forms. Anything else is refused before a request is sent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mpcheck.cli.errors import UsageError
from mpcheck.cli.targets import Target, classify

from tests.fakemarket import FakeMarketplace

from .cli_run import TODAY, run

PROD = "https://marketplace.1c-bitrix.ru"


@pytest.mark.parametrize(
    "given",
    [
        "marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/",
        "https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/",
        "http://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/",
        "HTTPS://Marketplace.1C-Bitrix.ru/solutions/NordLab.SmartSEO",
        "https://marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/?sphrase_id=42#tab-comments-link",
        "https://marketplace.1c-bitrix.ru:443/solutions/nordlab.smartseo/index.php",
        "nordlab.smartseo",
        "  nordlab.smartseo ",
    ],
)
def test_each_form_reads_the_configured_origin(
    cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str], given: str
) -> None:
    done = run(capsys, "facts", given, "--json")
    assert (done.code, done.err) == (0, "")
    facts = json.loads(done.out)
    assert facts["code"] == "nordlab.smartseo" and facts["price"]["rub"] == 12990
    assert (
        facts["url"] == f"{cli_env.base_url}/solutions/nordlab.smartseo/"
    )  # fetched there, not at the typed host
    assert cli_env.count("/solutions/nordlab.smartseo/") >= 1


def test_the_configured_origin_itself(cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "report", f"{cli_env.base_url}/solutions/nordlab.smartseo/", "--json", *TODAY)
    assert (done.code, json.loads(done.out)["code"]) == (0, "nordlab.smartseo")


def test_report_text_for_a_schemeless_url(
    cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]
) -> None:
    done = run(capsys, "report", "marketplace.1c-bitrix.ru/solutions/nordlab.smartseo/", *TODAY)
    assert done.code == 0
    assert done.out.splitlines()[0] == "NordLab: Умное SEO для каталога (nordlab.smartseo)"
    assert cli_env.count("/partners/detail.php?ID=731204") == 1  # the partner facts the page lacks


@pytest.mark.parametrize(
    ("given", "line"),
    [
        (
            "https://evil.example/solutions/a.b/",
            "evil.example — не Маркетплейс: mpcheck читает только marketplace.1c-bitrix.ru",
        ),
        (
            "https://marketplace.1c-bitrix.ru:8443/solutions/a.b/",
            "marketplace.1c-bitrix.ru:8443 — не Маркетплейс: mpcheck читает только marketplace.1c-bitrix.ru",
        ),
        (
            "https://marketplace.1c-bitrix.ru.evil.example/solutions/a.b/",
            "marketplace.1c-bitrix.ru.evil.example — не Маркетплейс: mpcheck читает только marketplace.1c-bitrix.ru",
        ),
        (
            "https://marketplace.1c-bitrix.ru@evil.example/solutions/a.b/",
            "адрес с логином или паролем не принимается: https://marketplace.1c-bitrix.ru@evil.example/solutions/a.b/",
        ),
        (
            "ftp://marketplace.1c-bitrix.ru/solutions/a.b/",
            "адрес должен начинаться с https:// или http://, а не ftp://",
        ),
        (
            "https://marketplace.1c-bitrix.ru/partners/detail.php?ID=731204",
            "это не адрес страницы решения: https://marketplace.1c-bitrix.ru/partners/detail.php?ID=731204 (нужен вида marketplace.1c-bitrix.ru/solutions/partner.module/)",
        ),
        (
            "marketplace.1c-bitrix.ru/solutions/",
            "это не адрес страницы решения: marketplace.1c-bitrix.ru/solutions/ (нужен вида marketplace.1c-bitrix.ru/solutions/partner.module/)",
        ),
        (
            "https://marketplace.1c-bitrix.ru/solutions/a b/",
            "в адресе пробелы или служебные символы: https://marketplace.1c-bitrix.ru/solutions/a b/",
        ),
    ],
)
def test_refused_before_any_request(
    cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str], given: str, line: str
) -> None:
    done = run(capsys, "facts", given)
    assert (done.code, done.out, done.err) == (2, "", f"mpcheck: {line}\n")
    assert cli_env.count() == 0


def test_refusal_in_english(cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "report", "https://evil.example/solutions/a.b/", "--lang", "en")
    assert (
        done.err
        == "mpcheck: evil.example is not the Marketplace: mpcheck reads marketplace.1c-bitrix.ru only\n"
    )


def test_file_or_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An existing path is the file; a missing name is a code only when it does not end like a file."""
    monkeypatch.chdir(tmp_path)
    assert classify("nordlab.smartseo", PROD) == Target(code="nordlab.smartseo")
    assert classify("page.html", PROD) == Target(file="page.html")  # fits partner.module, but a file name
    assert classify("facts.json", PROD) == Target(file="facts.json")
    assert classify("saved/page.html", PROD) == Target(file="saved/page.html")
    (tmp_path / "nordlab.smartseo").write_text("<html></html>", encoding="utf-8")
    assert classify("nordlab.smartseo", PROD) == Target(file="nordlab.smartseo")  # it exists: the file wins
    assert classify("marketplace.1c-bitrix.ru/solutions/a.b/", PROD) == Target(code="a.b")
    assert classify("http://127.0.0.1:8080/solutions/a.b/", "http://127.0.0.1:8080") == Target(code="a.b")
    with pytest.raises(UsageError):
        classify("http://127.0.0.1:8081/solutions/a.b/", "http://127.0.0.1:8080")
