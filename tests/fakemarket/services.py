"""Real Redis and PostgreSQL servers for the tests (SPEC §12), each in a temporary directory on a free
loopback port, started once per session and stopped at its end.

Debian's packages (`make services` installs them): `redis-server`, and PostgreSQL's `initdb` /
`postgres` from PATH or /usr/lib/postgresql/<version>/bin. PostgreSQL refuses to run as root, so as
root the cluster belongs to the `postgres` user and runs through `runuser`. When a server is missing
the tests that need it skip on a developer machine and FAIL under CI=true, so CI cannot go green
without having exercised them.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

START_TIMEOUT = 30.0


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def missing(what: str) -> None:
    """Skip locally, fail in CI: the suite must not pass there without the real servers."""
    message = (
        f"{what} not installed (run `make services` as root, or apt-get install redis-server postgresql)"
    )
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def _wait_for_port(port: int, proc: subprocess.Popen[bytes], name: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            raise RuntimeError(f"{name} exited with {proc.returncode}: {err[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{name} did not listen on {port} within {START_TIMEOUT:g} s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc.stderr:
        proc.stderr.close()


@contextmanager
def redis_server() -> Iterator[str]:
    """`redis://127.0.0.1:<port>/0` of a fresh redis-server with no persistence."""
    binary = shutil.which("redis-server")
    if binary is None:
        missing("redis-server")
        raise AssertionError("unreachable")
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="mpcheck-redis-")
    proc = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--dir",
            workdir,
            "--save",
            "",
            "--appendonly",
            "no",
            "--protected-mode",
            "yes",
            "--loglevel",
            "warning",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for_port(port, proc, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(proc)
        shutil.rmtree(workdir, ignore_errors=True)


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(Path(p).parts[4]))
    return candidates[-1] if candidates else None


@contextmanager
def postgres_server() -> Iterator[str]:
    """`postgresql://mpcheck@127.0.0.1:<port>/postgres` of a fresh cluster (trust auth, loopback)."""
    initdb, postgres = _pg_bin("initdb"), _pg_bin("postgres")
    if initdb is None or postgres is None:
        missing("PostgreSQL (initdb, postgres)")
        raise AssertionError("unreachable")
    as_root = os.geteuid() == 0
    run_as: list[str] = ["runuser", "-u", "postgres", "--"] if as_root else []
    workdir = Path(tempfile.mkdtemp(prefix="mpcheck-pg-"))
    data = workdir / "data"
    if as_root:
        shutil.chown(workdir, "postgres", "postgres")
    port = free_port()
    subprocess.run(
        [
            *run_as,
            initdb,
            "-D",
            str(data),
            "-U",
            "mpcheck",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-instructions",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    # fsync off: the tests kill gunicorn workers, never the database, and it saves seconds on CI.
    proc = subprocess.Popen(
        [
            *run_as,
            postgres,
            "-D",
            str(data),
            "-p",
            str(port),
            "-k",
            str(workdir),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "fsync=off",
            "-c",
            "synchronous_commit=on",
            "-c",
            "max_connections=100",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_for_port(port, proc, "postgres")
        url = f"postgresql://mpcheck@127.0.0.1:{port}/postgres"
        _wait_for_sql(url)
        yield url
    finally:
        _stop(proc)
        shutil.rmtree(workdir, ignore_errors=True)


def _wait_for_sql(url: str) -> None:
    import psycopg

    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with psycopg.connect(url, connect_timeout=2) as conn:
                conn.execute("SELECT 1")
                return
        except psycopg.OperationalError:  # "the database system is starting up"
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def reset_postgres(url: str) -> None:
    """An empty `public` schema: every test starts from migration 0."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def reset_redis(url: str) -> None:
    """An empty Redis database."""
    import redis

    client = redis.Redis.from_url(url)
    client.flushdb()
    client.close()
