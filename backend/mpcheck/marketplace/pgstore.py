"""The observation store on PostgreSQL (`MPCHECK_DATABASE_URL`, SPEC §12): psycopg 3 with a pool.

Same table, same migrations (store.MIGRATIONS with the PostgreSQL id column), same contract as the
SQLite store - the store tests run against both. Concurrency across workers and machines:
* migrations run under a transaction-level advisory lock, so workers starting together apply each
  one once;
* `record` takes an advisory lock on the code for its read-compare-write, so two workers reading the
  same solution cannot both insert "a change"; the row is committed before `record` returns, so an
  answer sent after it survives a `kill -9` of the worker.
"""

from __future__ import annotations

from typing import Any

from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from mpcheck.marketplace.store import (
    MAX_STORED_CODES,
    MIGRATIONS,
    TRACKED,
    StoreBase,
    facts_json,
    migration_statements,
    observation_from_facts,
    stored_rows,
    utc_now,
)

MIGRATION_LOCK = 0x6D70636B  # "mpck": one advisory lock id for schema changes


class PostgresObservationStore(StoreBase):
    """Connect a pool to `url` (a libpq URL or DSN) and migrate."""

    def __init__(self, url: str, *, pool_size: int = 4, timeout: float = 10.0) -> None:
        self.url = url
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=max(1, pool_size),
            timeout=timeout,  # waiting for a free connection is bounded too
            kwargs={"autocommit": False, "connect_timeout": int(timeout)},
            open=True,
            name="mpcheck-store",
        )
        self.migrate()

    def close(self) -> None:
        """Close every pooled connection."""
        self._pool.close()

    def _select(self, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
        """Rows as dicts, in a read-only transaction that is ended before the connection goes back."""
        with self._pool.connection() as conn, conn.transaction(), conn.cursor(row_factory=dict_row) as cur:
            return cur.execute(sql.encode(), params).fetchall()

    def migrate(self) -> int:
        """Apply pending migrations in order, each in its own transaction; return the schema version."""
        with self._pool.connection() as conn:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)"
                )
            for version, sql in MIGRATIONS:
                with conn.transaction():
                    conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
                    done = conn.execute("SELECT 1 FROM schema_version WHERE version = %s", (version,))
                    if done.fetchone() is None:
                        for statement in migration_statements(sql, "postgresql"):
                            conn.execute(
                                statement.encode()
                            )  # our own constant SQL, not a query built from input
                        conn.execute("INSERT INTO schema_version VALUES (%s, %s)", (version, utc_now()))
        return self.schema_version()

    def schema_version(self) -> int:
        """The highest applied migration."""
        rows = self._select("SELECT MAX(version) AS v FROM schema_version", ())
        return int(rows[0]["v"] or 0)

    def record(self, code: str, facts: dict[str, Any], *, now: str | None = None) -> bool:
        """Store the facts' tracked values; True when a new row was inserted (something changed)."""
        values = observation_from_facts(facts)
        stamp = now or utc_now()
        cols = ", ".join(TRACKED)
        insert = (
            f"INSERT INTO observations (code, observed_at, checked_at, {cols}) "
            f"VALUES (%s, %s, %s, {', '.join(['%s'] * len(TRACKED))})"
        ).encode()
        with self._pool.connection() as conn, conn.transaction(), conn.cursor(row_factory=dict_row) as cur:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (code,))
            last = cur.execute(
                "SELECT * FROM observations WHERE code = %s ORDER BY id DESC LIMIT 1", (code,)
            ).fetchone()
            changed = last is None or any(last[k] != values[k] for k in TRACKED)
            if changed:
                cur.execute(insert, (code, stamp, stamp, *(values[k] for k in TRACKED)))
            else:
                assert last is not None
                cur.execute("UPDATE observations SET checked_at = %s WHERE id = %s", (stamp, last["id"]))
            cur.execute(
                "INSERT INTO solution_facts (code, read_at, facts) VALUES (%s, %s, %s) "
                "ON CONFLICT (code) DO UPDATE SET read_at = excluded.read_at, facts = excluded.facts",
                (code, stamp, facts_json(facts)),
            )
        return changed

    def history(self, code: str, limit: int = 200) -> list[dict[str, Any]]:
        """Observations of `code`, newest first."""
        rows = self._select(
            "SELECT * FROM observations WHERE code = %s ORDER BY id DESC LIMIT %s", (code, limit)
        )
        return [{k: v for k, v in row.items() if k != "id"} for row in rows]

    def stored_facts(self, codes: list[str]) -> dict[str, dict[str, Any]]:
        """The latest full read of each of `codes` (one query; at most MAX_STORED_CODES codes)."""
        wanted = sorted(set(codes))[:MAX_STORED_CODES]
        if not wanted:
            return {}
        rows = self._select("SELECT code, read_at, facts FROM solution_facts WHERE code = ANY(%s)", (wanted,))
        return stored_rows(rows)

    def stats(self) -> dict[str, Any]:
        """Numbers for /health."""
        row = self._select("SELECT COUNT(*) AS n, COUNT(DISTINCT code) AS codes FROM observations", ())[0]
        pool = self._pool.get_stats()
        return {
            "backend": "postgresql",
            "observations": int(row["n"]),
            "solutions": int(row["codes"]),
            "schema_version": self.schema_version(),
            "pool_size": pool.get("pool_size", 0),
        }
