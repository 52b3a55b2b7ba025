"""Each failure of the CLI as one natural line on stderr, in Russian by default, and its exit code
(SPEC §6): 2 bad input, 1 the Marketplace failed; no class name, errno text or Python repr."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

import pytest

from tests.fakemarket import FakeMarketplace

from .cli_run import LEGACY_PAGE, NORDLAB_PAGE, run

PYTHON_LEAKS = ("Error", "Errno", "Exception", "Traceback", "None", "'")


@pytest.fixture
def fast_market(cli_env: FakeMarketplace, monkeypatch: pytest.MonkeyPatch) -> FakeMarketplace:
    """The fake Marketplace with retries and back-off that keep failure tests short."""
    monkeypatch.setenv("MPCHECK_MARKETPLACE_BACKOFF", "0.01")
    monkeypatch.setenv("MPCHECK_MARKETPLACE_RETRIES", "0")
    return cli_env


def _one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert not any(leak in err for leak in PYTHON_LEAKS), err
    return err


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        ([], "mpcheck: не указано: КОМАНДА (справка: mpcheck --help)"),
        (
            ["check"],
            "mpcheck: КОМАНДА: недопустимое значение «check»; можно: serve, score, facts, report, compare",
        ),
        (["facts"], "mpcheck: не указано: АДРЕС|ФАЙЛ.html (справка: mpcheck facts --help)"),
        (
            ["report", "x.html", "--lang", "de"],
            "mpcheck: --lang: недопустимое значение «de»; можно: ru, en (справка: mpcheck report --help)",
        ),
        (
            ["report", "x.html", "--profile", "shop"],
            "mpcheck: --profile: недопустимое значение «shop»; можно: module, site, narrow",
        ),
        (
            ["serve", "--port", "http"],
            "mpcheck: --port: нужно целое число, а не «http» (справка: mpcheck serve --help)",
        ),
        (["facts", "a.html", "b.html"], "mpcheck: непонятные аргументы: b.html (справка: mpcheck --help)"),
        (
            ["facts", "a.html", "--json=yes"],
            "mpcheck: --json: значение «yes» здесь лишнее: это флаг (справка: mpcheck facts --help)",
        ),
        (["score", "f.json", "--today"], "mpcheck: --today: нужно значение (справка: mpcheck score --help)"),
        (
            ["facts", "a.html", "--la", "en"],
            "mpcheck: непонятные аргументы: --la en (справка: mpcheck --help)",
        ),
    ],
)
def test_argparse_errors_in_russian(capsys: pytest.CaptureFixture[str], argv: list[str], line: str) -> None:
    done = run(capsys, *argv)
    assert (done.code, done.out) == (2, "")
    assert _one_line(done.err).startswith(line)


def test_argparse_errors_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "report", "x.html", "--lang", "en", "--profile", "shop")
    assert (
        done.err
        == "mpcheck: --profile: “shop” is not one of: module, site, narrow (see mpcheck report --help)\n"
    )
    done = run(capsys, "--lang", "en")
    assert done.err == "mpcheck: missing: COMMAND (see mpcheck --help)\n"


def test_file_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    assert run(capsys, "facts", missing).err == f"mpcheck: файл не найден: {missing}\n"
    assert run(capsys, "report", tmp_path).err == f"mpcheck: это папка, а не файл: {tmp_path}\n"
    big = tmp_path / "big.html"
    with big.open("wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)
    done = run(capsys, "facts", big)
    assert (done.code, _one_line(done.err)) == (2, f"mpcheck: файл больше 10 МБ: {big}\n")
    done = run(capsys, "facts", missing, "--lang", "en")
    assert (done.code, done.err) == (2, f"mpcheck: no such file: {missing}\n")


@pytest.mark.parametrize(
    ("code", "line"), [(errno.EACCES, "нет доступа к файлу"), (errno.EIO, "не удалось прочитать файл")]
)
def test_unreadable_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, code: int, line: str
) -> None:
    def refuse(_self: Path) -> bytes:
        raise OSError(code, "raw strerror text")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    done = run(capsys, "facts", LEGACY_PAGE)
    assert (done.code, _one_line(done.err)) == (2, f"mpcheck: {line}: {LEGACY_PAGE}\n")


def test_facts_file_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    latin = tmp_path / "latin1.json"
    latin.write_bytes('{"name": "café"}'.encode("latin-1"))
    assert run(capsys, "score", latin).err == f"mpcheck: {latin}: файл не в кодировке UTF-8\n"
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert run(capsys, "score", deep).err == f"mpcheck: {deep}: в JSON слишком глубокая вложенность\n"
    wrong_type = tmp_path / "type.json"
    wrong_type.write_text('{"schema": "mpcheck.facts/1", "price": {"rub": "дорого"}}', encoding="utf-8")
    done = run(capsys, "score", wrong_type)
    assert (done.code, done.err) == (
        2,
        f"mpcheck: {wrong_type}: поле «price.rub» не по схеме mpcheck.facts/1 — неверный тип значения\n",
    )
    done = run(capsys, "score", wrong_type, "--lang", "en")
    assert (
        done.err
        == f"mpcheck: {wrong_type}: field “price.rub” does not fit mpcheck.facts/1: wrong type of value\n"
    )


def test_option_errors(capsys: pytest.CaptureFixture[str]) -> None:
    done = run(capsys, "report", LEGACY_PAGE, "--today", "27.11.2026")
    assert (done.code, done.err) == (
        2,
        "mpcheck: --today: нужна дата ГГГГ-ММ-ДД, например 2026-11-27, а не «27.11.2026»\n",
    )
    done = run(capsys, "report", LEGACY_PAGE, "--disabled", "demo,docs")
    assert done.err == (
        "mpcheck: --disabled: нет шага «docs»; шаги: demo, support, reviews, updates, developer, packaging, "
        "cases, price, account_manager\n"
    )


def test_marketplace_5xx_exits_1(fast_market: FakeMarketplace, capsys: pytest.CaptureFixture[str]) -> None:
    fast_market.set_fault("*", "5xx", status=502)
    done = run(capsys, "facts", "nordlab.smartseo")
    assert (done.code, done.out, _one_line(done.err)) == (
        1,
        "",
        "mpcheck: Маркетплейс ответил ошибкой 502 — попробуйте позже\n",
    )
    done = run(capsys, "report", "nordlab.smartseo", "--lang", "en")
    assert (done.code, done.err) == (1, "mpcheck: the Marketplace answered with error 502; try again later\n")


def test_marketplace_timeout_exits_1(
    fast_market: FakeMarketplace, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MPCHECK_MARKETPLACE_READ_TIMEOUT", "0.2")
    fast_market.set_fault("*", "slow", delay=1.0)
    done = run(capsys, "facts", "nordlab.smartseo")
    assert (done.code, done.err) == (1, "mpcheck: Маркетплейс не ответил вовремя — попробуйте позже\n")


def test_marketplace_unreachable_exits_1(
    cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    monkeypatch.setenv("MPCHECK_MARKETPLACE_URL", closed)
    monkeypatch.setenv("MPCHECK_MARKETPLACE_RETRIES", "0")
    done = run(capsys, "report", "nordlab.smartseo")
    assert (done.code, done.err) == (1, f"mpcheck: не удалось связаться с Маркетплейсом ({closed})\n")


def test_marketplace_hangs_up_exits_1(
    fast_market: FakeMarketplace, capsys: pytest.CaptureFixture[str]
) -> None:
    fast_market.set_fault("*", "down")
    done = run(capsys, "facts", "nordlab.smartseo")
    assert (done.code, done.err) == (
        1,
        f"mpcheck: не удалось связаться с Маркетплейсом ({fast_market.base_url})\n",
    )


def test_marketplace_page_too_large_exits_1(
    fast_market: FakeMarketplace, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MPCHECK_MARKETPLACE_MAX_BYTES", "65536")
    fast_market.set_fault("*", "huge", size=200_000, declare_length=True)
    done = run(capsys, "facts", "nordlab.smartseo")
    # The fake server's own thread may print a "connection reset" traceback to the same stderr when
    # the reader hangs up mid-body; the CLI's part is its one line.
    ours = [line for line in done.err.splitlines() if line.startswith("mpcheck: ")]
    assert done.code == 1
    assert ours == ["mpcheck: Маркетплейс прислал слишком большую страницу — чтение прервано"]


def test_marketplace_redirect_off_host_exits_1(
    fast_market: FakeMarketplace, capsys: pytest.CaptureFixture[str]
) -> None:
    fast_market.set_fault("*", "redirect_offhost")
    done = run(capsys, "facts", "nordlab.smartseo")
    assert (done.code, done.err) == (
        1,
        "mpcheck: Маркетплейс перенаправил запрос на другой сайт — чтение прервано\n",
    )


def test_unknown_solution_is_bad_input(
    fast_market: FakeMarketplace, capsys: pytest.CaptureFixture[str]
) -> None:
    done = run(capsys, "report", "nobody.nothing")
    assert (done.code, done.err) == (2, "mpcheck: на Маркетплейсе нет решения nobody.nothing\n")


def test_bad_marketplace_origin_is_bad_input(
    cli_env: FakeMarketplace, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MPCHECK_MARKETPLACE_URL", "ftp://mirror.example")
    done = run(capsys, "facts", "nordlab.smartseo")
    assert (done.code, done.err) == (
        2,
        "mpcheck: MPCHECK_MARKETPLACE_URL должен быть адресом вида https://хост[:порт], а не ftp://mirror.example\n",
    )
    assert cli_env.count() == 0


def test_a_bug_is_one_line_and_exit_70(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from mpcheck.cli.commands import facts

    def broken(*_args: object) -> str:
        raise KeyError("price")

    monkeypatch.delenv("MPCHECK_DEBUG", raising=False)
    monkeypatch.setattr(facts, "summary", broken)
    done = run(capsys, "facts", NORDLAB_PAGE)
    assert (done.code, done.err) == (
        70,
        "mpcheck: внутренняя ошибка mpcheck — сообщите о ней; подробности покажет запуск с MPCHECK_DEBUG=1\n",
    )
    monkeypatch.setenv("MPCHECK_DEBUG", "1")
    with pytest.raises(KeyError):
        run(capsys, "facts", NORDLAB_PAGE)


def test_a_plain_sentence_of_another_module_is_translated(capsys: pytest.CaptureFixture[str]) -> None:
    """serve raises UsageError("--workers must be 1..64"): the table says it in Russian."""
    done = run(capsys, "serve", "--workers", "0")
    assert (done.code, done.out, done.err) == (2, "", "mpcheck: --workers: можно от 1 до 64\n")
    done = run(capsys, "serve", "--workers", "0", "--lang", "en")
    assert done.err == "mpcheck: --workers must be 1..64\n"
