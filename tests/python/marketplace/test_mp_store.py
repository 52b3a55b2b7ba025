"""The SQLite observation store: migrations, WAL, change-only inserts, concurrent writers."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

from mpcheck.marketplace import store as store_mod
from mpcheck.marketplace.store import MIGRATIONS, ObservationStore


def facts(price: int = 12990, version: str = "3.4.2", reviews: int = 37) -> dict[str, Any]:
    return {
        "price": {"rub": price},
        "installs": {"label": "500 - 999"},
        "rating": {"average": 4.8},
        "reviews": {"total": reviews},
        "comments": {"total": 5},
        "version": version,
        "updated": "2026-11-19",
    }


def test_migrations_are_versioned_and_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    first = ObservationStore(path)
    assert first.schema_version() == MIGRATIONS[-1][0]
    first.close()
    again = ObservationStore(path)  # re-opening applies nothing twice
    rows = again._db.execute("SELECT version FROM schema_version").fetchall()
    assert [r[0] for r in rows] == [v for v, _ in MIGRATIONS]
    again.close()


def test_a_new_migration_is_applied_on_open(tmp_path: Path, monkeypatch: Any) -> None:
    path = tmp_path / "db.sqlite3"
    ObservationStore(path).close()
    monkeypatch.setattr(store_mod, "MIGRATIONS", [*MIGRATIONS, (99, "CREATE TABLE extra (x INTEGER)")])
    upgraded = store_mod.ObservationStore(path)
    assert upgraded.schema_version() == 99
    upgraded._db.execute("SELECT x FROM extra").fetchall()
    upgraded.close()


def test_wal_mode_on_files_and_memory_works(tmp_path: Path) -> None:
    on_disk = ObservationStore(tmp_path / "db.sqlite3")
    assert on_disk.journal_mode == "wal"
    on_disk.close()
    memory = ObservationStore(":memory:")
    assert memory.record("a.b", facts()) and memory.history("a.b")
    memory.close()


def test_only_changes_are_inserted_and_diffed(tmp_path: Path) -> None:
    db = ObservationStore(tmp_path / "db.sqlite3")
    assert db.record("nordlab.smartseo", facts(), now="2026-11-01T00:00:00Z")
    assert not db.record("nordlab.smartseo", facts(), now="2026-11-02T00:00:00Z")
    assert db.record("nordlab.smartseo", facts(price=9900, version="3.5.0"), now="2026-11-03T00:00:00Z")
    history = db.history("nordlab.smartseo")
    assert [h["observed_at"] for h in history] == ["2026-11-03T00:00:00Z", "2026-11-01T00:00:00Z"]
    assert history[1]["checked_at"] == "2026-11-02T00:00:00Z"
    assert db.changes("nordlab.smartseo") == {
        "price_rub": {"from": 12990, "to": 9900},
        "version": {"from": "3.4.2", "to": "3.5.0"},
    }
    assert db.changes("other.code") == {} and db.stats()["observations"] == 2
    db.close()


def test_concurrent_writers_threads_and_connections(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    stores = [ObservationStore(path) for _ in range(3)]  # three connections, like three processes
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        db = stores[n % 3]
        try:
            for i in range(30):
                db.record(f"p.m{n}", facts(price=i))
                db.record("shared.code", facts(price=i % 2))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    per_code = check.execute("SELECT COUNT(*) FROM observations WHERE code = 'p.m0'").fetchone()[0]
    assert per_code == 30
    check.close()
    for db in stores:
        db.close()
