"""Observation store: what a solution looked like over time, in embedded SQLite (stdlib sqlite3).

A row is inserted only when a tracked field differs from the code's latest row; an unchanged read just
moves that row's `checked_at`. So the table is a compact change log ("price went 9 900 -> 7 900 on …")
and still says when the values were last confirmed.

Concurrency: one connection per store guarded by a lock (Flask threads share it); separate processes
or stores on the same file are serialised by SQLite itself (WAL, busy_timeout, BEGIN IMMEDIATE).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

TRACKED = (
    "price_rub",
    "installs_label",
    "rating_average",
    "reviews_total",
    "comments_total",
    "version",
    "updated",
)

# Append-only: a released migration is never edited, a change is a new entry. Shared by SQLite and
# PostgreSQL (pgstore.py); `{id}` and `{real}` are the spellings they differ in (an auto-numbered key;
# an 8-byte float, which PostgreSQL's REAL is not: 4.8 would read back as 4.800000190734863).
DIALECT = {
    "sqlite": {"{id}": "INTEGER PRIMARY KEY", "{real}": "REAL"},
    "postgresql": {"{id}": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "{real}": "DOUBLE PRECISION"},
}
MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
        CREATE TABLE observations (
            id {id},
            code TEXT NOT NULL,
            observed_at TEXT NOT NULL,
            checked_at TEXT NOT NULL,
            price_rub INTEGER, installs_label TEXT, rating_average {real},
            reviews_total INTEGER, comments_total INTEGER, version TEXT, updated TEXT
        );
        CREATE INDEX ix_observations_code ON observations (code, id);
        """,
    ),
    (
        2,
        # The latest full read of each solution (the observations keep only the tracked fields): the
        # memory a catalog card is merged with (POST /score/batch), so a card a buyer, a visit or
        # `mpcheck crawl` has read before gets a real report without another page fetch.
        """
        CREATE TABLE solution_facts (
            code TEXT PRIMARY KEY,
            read_at TEXT NOT NULL,
            facts TEXT NOT NULL
        );
        """,
    ),
]

# Rows fetched per query by `stored_facts`: a listing page asks for its cards in one round trip.
MAX_STORED_CODES = 500


def migration_statements(sql: str, dialect: str) -> list[str]:
    """The statements of one migration for `dialect` ("sqlite" or "postgresql")."""
    for placeholder, spelling in DIALECT[dialect].items():
        sql = sql.replace(placeholder, spelling)
    return [part for part in sql.split(";") if part.strip()]


def utc_now() -> str:
    """UTC timestamp in ISO form with a Z."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def observation_from_facts(facts: dict[str, Any]) -> dict[str, Any]:
    """The tracked values of an `mpcheck.facts/1` object (missing parts are None)."""

    def part(name: str) -> dict[str, Any]:
        value = facts.get(name)
        return value if isinstance(value, dict) else {}

    return {
        "price_rub": part("price").get("rub"),
        "installs_label": part("installs").get("label"),
        "rating_average": part("rating").get("average"),
        "reviews_total": part("reviews").get("total"),
        "comments_total": part("comments").get("total"),
        "version": facts.get("version"),
        "updated": facts.get("updated"),
    }


def facts_json(facts: dict[str, Any]) -> str:
    """The facts as stored in `solution_facts` (compact; key order kept as read)."""
    return json.dumps(facts, ensure_ascii=False, separators=(",", ":"))


def stored_rows(rows: list[Any]) -> dict[str, dict[str, Any]]:
    """`{code: {"facts": ..., "read_at": ...}}` from rows with code, read_at, facts (a row that is
    not a JSON object - an older writer's or a damaged one - is left out, not guessed at)."""
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        try:
            facts = json.loads(row["facts"])
        except ValueError:
            continue
        if isinstance(facts, dict):
            out[str(row["code"])] = {"facts": facts, "read_at": str(row["read_at"])}
    return out


class StoreBase:
    """The store contract (SQLite here, PostgreSQL in pgstore.py); `changes` is shared."""

    def record(self, code: str, facts: dict[str, Any], *, now: str | None = None) -> bool:
        raise NotImplementedError

    def history(self, code: str, limit: int = 200) -> list[dict[str, Any]]:
        raise NotImplementedError

    def stored_facts(self, codes: list[str]) -> dict[str, dict[str, Any]]:
        """The latest full read of each of `codes` that was ever read: `{code: {facts, read_at}}`."""
        raise NotImplementedError

    def stats(self) -> dict[str, Any]:
        raise NotImplementedError

    def schema_version(self) -> int:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def changes(self, code: str) -> dict[str, dict[str, Any]]:
        """Fields that differ between the last two observations: `{field: {"from": a, "to": b}}`."""
        last_two = self.history(code, limit=2)
        if len(last_two) < 2:
            return {}
        new, old = last_two
        return {k: {"from": old[k], "to": new[k]} for k in TRACKED if old[k] != new[k]}


class ObservationStore(StoreBase):
    """Open (and migrate) the database at `path`; `:memory:` for tests."""

    def __init__(self, path: str | Path, *, busy_timeout_ms: int = 5000) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE) so they are never upgraded.
        self._db = sqlite3.connect(
            self.path, check_same_thread=False, isolation_level=None, timeout=busy_timeout_ms / 1000
        )
        self._db.row_factory = sqlite3.Row
        self._db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        self.journal_mode = str(self._db.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        self._db.execute("PRAGMA synchronous = NORMAL")
        self.migrate()

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()

    def migrate(self) -> int:
        """Apply pending migrations in order, each in its own transaction; return the schema version."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)"
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            for version, sql in MIGRATIONS:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    done = self._db.execute("SELECT 1 FROM schema_version WHERE version = ?", (version,))
                    if done.fetchone() is None:
                        for statement in migration_statements(sql, "sqlite"):
                            self._db.execute(statement)
                        self._db.execute("INSERT INTO schema_version VALUES (?, ?)", (version, utc_now()))
                    self._db.execute("COMMIT")
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
            return self.schema_version()

    def schema_version(self) -> int:
        """The highest applied migration."""
        with self._lock:
            row = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()
            return int(row[0] or 0)

    def record(self, code: str, facts: dict[str, Any], *, now: str | None = None) -> bool:
        """Store the facts' tracked values; True when a new row was inserted (something changed)."""
        values = observation_from_facts(facts)
        stamp = now or utc_now()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")  # read-compare-write is atomic across connections
            try:
                last = self._db.execute(
                    "SELECT * FROM observations WHERE code = ? ORDER BY id DESC LIMIT 1", (code,)
                ).fetchone()
                changed = last is None or any(last[k] != values[k] for k in TRACKED)
                if changed:
                    cols = ", ".join(TRACKED)
                    self._db.execute(
                        f"INSERT INTO observations (code, observed_at, checked_at, {cols}) "
                        f"VALUES (?, ?, ?, {', '.join('?' * len(TRACKED))})",
                        (code, stamp, stamp, *(values[k] for k in TRACKED)),
                    )
                else:
                    self._db.execute(
                        "UPDATE observations SET checked_at = ? WHERE id = ?", (stamp, last["id"])
                    )
                self._db.execute(
                    "INSERT INTO solution_facts (code, read_at, facts) VALUES (?, ?, ?) "
                    "ON CONFLICT (code) DO UPDATE SET read_at = excluded.read_at, facts = excluded.facts",
                    (code, stamp, facts_json(facts)),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return changed

    def history(self, code: str, limit: int = 200) -> list[dict[str, Any]]:
        """Observations of `code`, newest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM observations WHERE code = ? ORDER BY id DESC LIMIT ?", (code, limit)
            ).fetchall()
        return [{k: row[k] for k in row.keys() if k != "id"} for row in rows]  # noqa: SIM118 - Row iterates values

    def stored_facts(self, codes: list[str]) -> dict[str, dict[str, Any]]:
        """The latest full read of each of `codes` (one query; at most MAX_STORED_CODES codes)."""
        wanted = sorted(set(codes))[:MAX_STORED_CODES]
        if not wanted:
            return {}
        marks = ", ".join("?" * len(wanted))
        with self._lock:
            rows = self._db.execute(
                f"SELECT code, read_at, facts FROM solution_facts WHERE code IN ({marks})", wanted
            ).fetchall()
        return stored_rows(rows)

    def stats(self) -> dict[str, Any]:
        """Numbers for /health (no codes: the store holds no client data, but keep /health small)."""
        with self._lock:
            rows, codes = self._db.execute(
                "SELECT COUNT(*), COUNT(DISTINCT code) FROM observations"
            ).fetchone()
        return {
            "backend": "sqlite",
            "observations": rows,
            "solutions": codes,
            "schema_version": self.schema_version(),
            "journal_mode": self.journal_mode,
        }


def open_store(db_path: str, database_url: str = "", pool_size: int = 4) -> StoreBase:
    """PostgreSQL when `database_url` is set (SPEC §12), else SQLite at `db_path`."""
    if database_url:
        from mpcheck.marketplace.pgstore import PostgresObservationStore

        return PostgresObservationStore(database_url, pool_size=pool_size)
    return ObservationStore(db_path)
