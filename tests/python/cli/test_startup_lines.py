"""`mpcheck serve`'s start-up line and `mpcheck crawl`'s catalog failure speak the CLI's language
(Russian by default, English with --lang en), with the CLI's own Marketplace lines, never an
exception's English reason."""

from __future__ import annotations

import socket
from types import SimpleNamespace

import pytest
from mpcheck.cli.commands.serve import options

from tests.fakemarket import FakeMarketplace
from tests.python.cli.cli_run import run


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("ru", "mpcheck API работает: http://127.0.0.1:{port}/api/v1/health\n"),
        ("en", "mpcheck API on http://127.0.0.1:{port}/api/v1/health\n"),
    ],
)
def test_serve_says_where_it_listens(lang: str, line: str, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        port = listener.getsockname()[1]
        options("127.0.0.1", port, 1, lang)["when_ready"](SimpleNamespace(LISTENERS=[listener]))
    assert capsys.readouterr().out == line.format(port=port)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("ru", "mpcheck: каталог Маркетплейса не прочитан: Маркетплейс ответил ошибкой 503 — попробуйте позже\n"),
        ("en", "mpcheck: could not read the Marketplace catalog: the Marketplace answered with error 503; try again later\n"),
    ],
)  # fmt: skip
def test_crawl_catalog_failure_in_the_cli_words(
    lang: str, line: str, cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str]
) -> None:
    cli_env.set_fault("*", "5xx")
    done = run(capsys, "crawl", "--limit", "1", "--lang", lang)
    assert (done.code, done.err) == (1, line)
