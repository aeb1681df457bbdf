"""The DuckDB warehouse: opening (with a clear message when another process holds it),
migrations, and the atomic, idempotent load of one publication."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from contextlib import contextmanager
from pathlib import Path

import duckdb

from .config import WAREHOUSE_DIR
from .observations import COLUMNS
from .snapshots import Snapshot
from .warehouse_open import connect

MIGRATIONS_DIR = WAREHOUSE_DIR / "migrations"
VIEWS_SQL = [WAREHOUSE_DIR / "views.sql", WAREHOUSE_DIR / "figures.sql"]
KEY = ["indicator_id", "year", "period", "country_name", "breakdown"]
# The newest vintage of every value (the `observations` view adds provenance and hides retractions).
CURRENT_VINTAGES = f"""SELECT * FROM observation_vintages
    QUALIFY row_number() OVER (PARTITION BY {', '.join(KEY)} ORDER BY vintage DESC) = 1"""
VINTAGE_COLUMNS = ", ".join([*COLUMNS, "source_id", "snapshot_sha256", "load_id", "vintage", "loaded_at"])


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@contextmanager
def open_for_write(path: Path, wait_seconds: float = 60.0):
    """The one writer: migrated, views fresh. A second writer waits, then stops clearly."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = connect(path, read_only=False, wait_seconds=wait_seconds)
    try:
        migrate(con)
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con):
    """BEGIN ... COMMIT, or ROLLBACK and re-raise: all of it or nothing."""
    con.execute("BEGIN")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply migrations not yet applied (each in its own transaction), then recreate views."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
    )
    done = {v for (v,) in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for sql_file in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        version = int(sql_file.name[:3])
        if version in done:
            continue
        with transaction(con):
            con.execute(sql_file.read_text("utf-8"))
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, sql_file.stem, now()])
        applied.append(sql_file.stem)
    for views in VIEWS_SQL:
        con.execute(views.read_text("utf-8"))
    return applied


def sync_sources(con, sources) -> None:
    rows = [
        (s.source_id, s.publisher, s.title, s.parser, s.format, s.licence, s.url_template, now())
        for s in sources.values()
    ]
    with transaction(con):
        con.executemany("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def register_snapshot(con, snap: Snapshot) -> None:
    con.execute(
        """INSERT INTO snapshots VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT DO NOTHING""",
        [
            snap.source_id, snap.year, snap.sha256, snap.file, snap.size, snap.url, snap.title,
            snap.publisher, snap.retrieved_at, snap.content_type, snap.origin, snap.licence,
            snap.etag, snap.last_modified, snap.note, now(),
        ],
    )


def snapshot_outcomes(con) -> dict[tuple[str, int, str], tuple[str, str | None]]:
    """(source, year, sha256) -> (status, fingerprint) of the newest load attempt."""
    rows = con.execute(
        """SELECT source_id, year, snapshot_sha256, status, fingerprint FROM loads
           QUALIFY row_number() OVER (PARTITION BY source_id, year, snapshot_sha256
                                      ORDER BY started_at DESC) = 1"""
    ).fetchall()
    return {(s, y, h): (st, fp) for s, y, h, st, fp in rows}


def abandon_interrupted(con) -> int:
    """Loads left 'started' by a killed process: their data was rolled back; say so."""
    n = con.execute("SELECT count(*) FROM loads WHERE status = 'started'").fetchone()[0]
    if n:
        con.execute(
            "UPDATE loads SET status = 'abandoned', finished_at = ?, "
            "error = 'interrupted before commit; nothing of it was applied' WHERE status = 'started'",
            [now()],
        )
    return n


def start_load(con, snap: Snapshot, fingerprint: str) -> str:
    load_id = uuid.uuid4().hex
    con.execute(
        "INSERT INTO loads (load_id, source_id, year, snapshot_sha256, file, status, started_at, fingerprint) "
        "VALUES (?, ?, ?, ?, ?, 'started', ?, ?)",
        [load_id, snap.source_id, snap.year, snap.sha256, snap.file, now(), fingerprint],
    )
    return load_id


def finish_load(con, load_id: str, status: str, **fields) -> None:
    fields = {k: (json.dumps(v) if k in ("validation_summary", "notes") and v is not None else v) for k, v in fields.items()}
    sets = ", ".join(f"{k} = ?" for k in fields)
    con.execute(
        f"UPDATE loads SET status = ?, finished_at = ?{', ' + sets if sets else ''} WHERE load_id = ?",
        [status, now(), *fields.values(), load_id],
    )


def load_observations(con, load_id: str, snap: Snapshot, df, retract_curated: bool = False, **load_fields) -> dict:
    """Insert new and changed values as vintages and mark the load 'loaded', in one transaction.

    Identical re-published values add nothing; a changed value becomes vintage n+1 and the
    old one stays. Bulk insert through a registered DataFrame, never row by row.
    retract_curated: values of this source that came from an earlier curated file and are
    not in this one get a 'retracted' vintage (value NULL).
    """
    incoming = df[COLUMNS].copy()
    with transaction(con):
        con.register("incoming", incoming)
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE staged AS
            WITH cur AS ({CURRENT_VINTAGES})
            SELECT i.*, c.vintage AS previous_vintage,
                   c.vintage IS NOT NULL AND (
                       i.value IS DISTINCT FROM c.value OR i.qualifier IS DISTINCT FROM c.qualifier
                       OR i.value_low IS DISTINCT FROM c.value_low OR i.value_high IS DISTINCT FROM c.value_high
                       OR i.upper_bound IS DISTINCT FROM c.upper_bound OR i.unit IS DISTINCT FROM c.unit
                   ) AS changed
            FROM incoming i
            LEFT JOIN cur c USING ({', '.join(KEY)})"""
        )
        con.unregister("incoming")
        counts = con.execute(
            "SELECT count(*) FILTER (previous_vintage IS NULL), count(*) FILTER (changed), "
            "count(*) FILTER (previous_vintage IS NOT NULL AND NOT changed) FROM staged"
        ).fetchone()
        con.execute(
            f"""INSERT INTO observation_vintages ({VINTAGE_COLUMNS})
            SELECT {', '.join(COLUMNS)}, ?, ?, ?, coalesce(previous_vintage, 0) + 1, ?
            FROM staged WHERE previous_vintage IS NULL OR changed""",
            [snap.source_id, snap.sha256, load_id, now()],
        )
        retracted = _retract_curated(con, load_id, snap) if retract_curated else 0
        con.execute("DROP TABLE staged")
        result = {"rows_new": counts[0], "rows_revised": counts[1], "rows_unchanged": counts[2]}
        finish_load(con, load_id, "loaded", rows_retracted=retracted, **result, **load_fields)
    return {**result, "rows_retracted": retracted}


def _retract_curated(con, load_id: str, snap: Snapshot) -> int:
    """New 'retracted' vintages for current curated values of snap's source missing from `staged`."""
    retracted = {"value": "NULL", "value_low": "NULL", "value_high": "NULL", "upper_bound": "NULL",
                 "qualifier": "'retracted'", "footnote": "'removed from the curated file ' || ?::VARCHAR"}
    [(n,)] = con.execute(
        f"""INSERT INTO observation_vintages ({VINTAGE_COLUMNS})
        SELECT {', '.join(retracted.get(c, f'c.{c}') for c in COLUMNS)}, c.source_id, ?, ?, c.vintage + 1, ?
        FROM ({CURRENT_VINTAGES}) c
        JOIN loads l ON l.load_id = c.load_id
        JOIN snapshots s ON s.source_id = l.source_id AND s.year = l.year AND s.sha256 = l.snapshot_sha256
        WHERE c.source_id = ? AND s.origin = 'curated' AND c.qualifier <> 'retracted'
          AND NOT EXISTS (SELECT 1 FROM staged st WHERE {' AND '.join(f'st.{k} = c.{k}' for k in KEY)})""",
        [snap.original_name or snap.file, snap.sha256, load_id, now(), snap.source_id],
    ).fetchall()
    return n


def load_rows(con, load_id: str, snap: Snapshot, df, *, table: str, **load_fields) -> dict:
    """Load a non-observation table (party positions): the snapshot's rows, in one transaction."""
    if table not in ("party_positions",):
        raise ValueError(f"unknown table {table!r}")
    with transaction(con):
        con.register("incoming", df)
        columns = ", ".join(df.columns)
        con.execute(
            f"INSERT INTO {table} ({columns}, source_id, snapshot_sha256, load_id, loaded_at) "
            f"SELECT {columns}, ?, ?, ?, ? FROM incoming",
            [snap.source_id, snap.sha256, load_id, now()],
        )
        con.unregister("incoming")
        result = {"rows_new": len(df), "rows_revised": 0, "rows_unchanged": 0}
        finish_load(con, load_id, "loaded", **result, **load_fields)
    return result
