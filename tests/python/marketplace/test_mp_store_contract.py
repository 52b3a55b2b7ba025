"""One contract for both observation stores (SPEC §12): every test runs on SQLite and on a real
PostgreSQL, through the public interface only."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from mpcheck.marketplace.pgstore import PostgresObservationStore
from mpcheck.marketplace.store import MIGRATIONS, ObservationStore, StoreBase

Opener = Callable[[], StoreBase]


def facts(price: int = 12990, version: str = "3.4.2", average: float = 4.8) -> dict[str, Any]:
    return {
        "price": {"rub": price},
        "installs": {"label": "500 - 999"},
        "rating": {"average": average},
        "reviews": {"total": 37},
        "comments": {"total": 5},
        "version": version,
        "updated": "2026-11-19",
    }


@pytest.fixture(params=["sqlite", "postgresql"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Opener]:
    """A function opening a store on the same database each time it is called."""
    opened: list[StoreBase] = []
    if request.param == "sqlite":
        path = tmp_path / "contract.sqlite3"

        def opener() -> StoreBase:
            opened.append(ObservationStore(path))
            return opened[-1]
    else:
        url = request.getfixturevalue("postgres_url")

        def opener() -> StoreBase:
            opened.append(PostgresObservationStore(url, pool_size=4))
            return opened[-1]

    yield opener
    for store in opened:
        store.close()


def test_migrations_apply_once_and_reopen_cleanly(open_store: Opener) -> None:
    first = open_store()
    assert first.schema_version() == MIGRATIONS[-1][0] == 2
    first.record("a.b", facts())
    again = open_store()  # a second worker opening the same database applies nothing twice
    assert again.schema_version() == 2 and len(again.history("a.b")) == 1


def test_only_changes_insert_rows_and_are_diffed(open_store: Opener) -> None:
    db = open_store()
    assert db.record("nordlab.smartseo", facts(), now="2026-11-01T00:00:00Z")
    assert not db.record("nordlab.smartseo", facts(), now="2026-11-02T00:00:00Z")
    assert db.record("nordlab.smartseo", facts(price=9900, version="3.5.0"), now="2026-11-03T00:00:00Z")
    history = db.history("nordlab.smartseo")
    assert [(h["observed_at"], h["checked_at"], h["price_rub"]) for h in history] == [
        ("2026-11-03T00:00:00Z", "2026-11-03T00:00:00Z", 9900),
        ("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z", 12990),
    ]
    assert db.changes("nordlab.smartseo") == {
        "price_rub": {"from": 12990, "to": 9900},
        "version": {"from": "3.4.2", "to": "3.5.0"},
    }
    assert set(history[0]) == {"code", "observed_at", "checked_at", "price_rub", "installs_label",
                               "rating_average", "reviews_total", "comments_total", "version", "updated"}  # fmt: skip


def test_a_float_reads_back_equal_so_an_unchanged_rating_is_no_change(open_store: Opener) -> None:
    # PostgreSQL's REAL would read 4.8 back as 4.800000190734863 and log a change on every read.
    db = open_store()
    db.record("a.b", facts(average=4.8))
    assert not db.record("a.b", facts(average=4.8))
    assert db.history("a.b")[0]["rating_average"] == 4.8


def test_history_is_newest_first_and_limited(open_store: Opener) -> None:
    db = open_store()
    for price in (100, 200, 300):
        db.record("a.b", facts(price=price))
    assert [h["price_rub"] for h in db.history("a.b", limit=2)] == [300, 200]
    assert db.history("no.such") == [] and db.changes("no.such") == {}


def test_concurrent_writers_on_two_stores_insert_one_row_per_change(open_store: Opener) -> None:
    stores = [open_store(), open_store()]  # two workers
    barrier = threading.Barrier(8)

    def write(i: int) -> None:
        barrier.wait()
        for _ in range(5):
            stores[i % 2].record("x.y", facts(price=500))

    threads = [threading.Thread(target=write, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(stores[0].history("x.y")) == 1  # 40 identical reads, one row


def test_stats_count_rows_and_solutions(open_store: Opener) -> None:
    db = open_store()
    db.record("a.b", facts())
    db.record("a.b", facts(price=1))
    db.record("c.d", facts())
    stats = db.stats()
    assert (stats["observations"], stats["solutions"], stats["schema_version"]) == (3, 2, 2)
    assert stats["backend"] in ("sqlite", "postgresql")
