"""The DuckDB warehouse: its schema (migrations, views, the schema template a new file is
copied from) and the atomic, idempotent load of publications. Opening the file, for writing
or not, is connection.py's."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import uuid
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ..config import WAREHOUSE_DIR
from ..figures import FIGURES_FILE
from ..ingest.snapshots import Snapshot
from ..ingest.urls import public_url
from ..observations import COLUMNS
from .comments import COMMENTS_FILE, write_comments
from .connection import STORAGE_VERSION, connect, insert_columns, transaction, unnested

MIGRATIONS_DIR = WAREHOUSE_DIR / "migrations"
VIEWS_SQL = [WAREHOUSE_DIR / "views.sql", WAREHOUSE_DIR / "figures.sql"]
STATEMENT_COLUMNS = ", ".join([*COLUMNS, "source_id", "snapshot_year", "snapshot_sha256", "origin", "load_id", "loaded_at"])
_SAME_VALUE = ("value", "value_low", "value_high", "upper_bound", "qualifier", "unit")


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


# An empty warehouse, migrated with views and comments: made once and copied for every new
# warehouse (~0.9 s of views and comments each time otherwise; most of a cold build's own work).
# Kept in this process's memory and in the user's cache folder (CACHE_DIR), named by what it is
# made from (schema_digest, DuckDB's version) and by the checksum of its bytes, which is checked
# when it is read: a damaged or foreign file there is ignored and made again. Only bytes this
# process made or checked are copied, never bytes read from a warehouse that is open (closing
# any descriptor of a file drops this process's locks on it: a second writer would get in).
# Its schema_migrations.applied_at say when the template was made.
_TEMPLATES: dict[str, bytes] = {}
CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kr-pipeline"


def _migrations() -> list[Path]:
    return sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9]_*.sql"))


def _views_and_descriptions() -> tuple[list[str], list[str]]:
    """The views' SQL, and what describes the schema (comments, the figures' titles)."""
    return [v.read_text("utf-8") for v in VIEWS_SQL], [COMMENTS_FILE.read_text("utf-8"), FIGURES_FILE.read_text("utf-8")]


def schema_digest() -> str:
    """Everything an empty migrated warehouse is made from (DuckDB's version included)."""
    views, described = _views_and_descriptions()
    parts = [f.read_text("utf-8") for f in _migrations()] + views + described + [duckdb.__version__, STORAGE_VERSION]
    return hashlib.sha256("\n\0".join(parts).encode()).hexdigest()


def _cached_template(digest: str) -> bytes | None:
    """The template from the cache folder, if one there has the bytes its name promises."""
    try:
        for path in CACHE_DIR.glob(f"schema-{digest[:32]}-*.duckdb"):
            data = path.read_bytes()
            if path.stem.rsplit("-", 1)[1] == hashlib.sha256(data).hexdigest()[:32]:
                return data
            path.unlink(missing_ok=True)  # damaged: made again
    except OSError:
        return None
    return None


def _keep_template(digest: str, data: bytes) -> None:
    """Into the cache folder, whole or not at all (a temporary file renamed); a folder that
    cannot be written only costs the next process the 0.9 s."""
    target = CACHE_DIR / f"schema-{digest[:32]}-{hashlib.sha256(data).hexdigest()[:32]}.duckdb"
    temporary = CACHE_DIR / f".{target.name}.{uuid.uuid4().hex}"
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except OSError:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)


def _make_template(near: Path) -> bytes:
    made = near / f".kr-schema-{uuid.uuid4().hex}.duckdb"
    try:
        con = connect(made, read_only=False, wait_seconds=0)
        try:
            migrate(con)
            con.execute("CHECKPOINT")  # everything in the file, nothing in the write-ahead log
        finally:
            con.close()
        return made.read_bytes()
    finally:
        for leftover in (made, Path(str(made) + ".wal")):
            leftover.unlink(missing_ok=True)


def new_from_template(path: Path) -> None:
    """Start a new warehouse file as a copy of the empty migrated one."""
    digest = schema_digest()
    if digest not in _TEMPLATES:
        cached = _cached_template(digest)
        if cached is None:
            cached = _make_template(path.parent)
            _keep_template(digest, cached)
        _TEMPLATES[digest] = cached
    copy = path.parent / f".kr-new-{uuid.uuid4().hex}.duckdb"
    try:
        copy.write_bytes(_TEMPLATES[digest])
        os.link(copy, path)  # only if still absent: never over a file another writer just made
    except FileExistsError:
        pass  # another process made it first: it is opened (and waited for) like any warehouse
    except OSError as exc:  # a full disk: said of the warehouse being made (the copy is removed)
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    finally:
        copy.unlink(missing_ok=True)


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply migrations not yet applied (each in its own transaction), then recreate views."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)"
    )
    done = {v for (v,) in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for sql_file in _migrations():
        version = int(sql_file.name[:3])
        if version in done:
            continue
        with transaction(con):
            con.execute(sql_file.read_text("utf-8"))
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, sql_file.stem, now()])
        applied.append(sql_file.stem)
    # The views are recreated, and every table, view and column commented, when their SQL,
    # the comments or the figures' titles (or the schema under them) changed: recreating every
    # view takes most of a no-change build, so it is skipped when nothing did.
    texts, described = _views_and_descriptions()
    digest = hashlib.sha256("\n".join(texts + described).encode()).hexdigest()
    con.execute("CREATE TABLE IF NOT EXISTS schema_views (digest VARCHAR NOT NULL, created_at TIMESTAMPTZ NOT NULL)")
    con.execute("CREATE TABLE IF NOT EXISTS sync_digests (name VARCHAR PRIMARY KEY, digest VARCHAR NOT NULL)")
    # fetchall, not fetchone: a result left unfinished blocks the connection's next register()
    current = con.execute("SELECT digest FROM schema_views").fetchall()
    if applied or not current or current[0][0] != digest:
        with transaction(con):
            for text in texts:
                con.execute(text)
            write_comments(con)
            con.execute("DELETE FROM schema_views")
            con.execute("INSERT INTO schema_views VALUES (?, ?)", [digest, now()])
    return applied


def sync_if_changed(con, name: str, payload: object, write) -> bool:
    """Run `write()` (which replaces a table from a file: the registry, the catalog) only when
    `payload`, what it is made from, changed since it last ran; a no-change build then writes
    nothing. The digest is recorded after the write, so an interrupted write is redone."""
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()
    rows = con.execute("SELECT digest FROM sync_digests WHERE name = ?", [name]).fetchall()
    if rows and rows[0][0] == digest:
        return False
    write()
    con.execute("INSERT OR REPLACE INTO sync_digests VALUES (?, ?)", [name, digest])
    return True


def sync_sources(con, sources) -> None:
    at = now()
    listed = list(sources.values())
    with transaction(con):
        insert_columns(
            con,
            "sources",
            {
                "source_id": [s.source_id for s in listed],
                "publisher": [s.publisher for s in listed],
                "title": [s.title for s in listed],
                "parser": [s.parser for s in listed],
                "format": [s.format for s in listed],
                "licence": [s.licence for s in listed],
                "url_template": [public_url(s.url_template) if s.url_template else None for s in listed],
                "updated_at": [at] * len(listed),
                "organisation": [s.organisation for s in listed],
            },
            replace=True,
        )


_SNAPSHOT_FIELDS = (
    "source_id",
    "year",
    "sha256",
    "file",
    "size",
    "url",
    "title",
    "publisher",
    "retrieved_at",
    "content_type",
    "origin",
    "licence",
    "etag",
    "last_modified",
    "note",
    "arrival",
)


def register_snapshots(con, snaps: list[Snapshot]) -> int:
    """The store's snapshots the warehouse does not know yet, in one transaction (only the
    missing rows are written, so a no-change build writes nothing), and the arrival number of
    those registered before their sidecars had one read (the store is the truth). One INSERT
    of all new rows and one UPDATE of all renumbered ones, each from columns in one statement.
    Returns how many rows were written."""
    known = {(s, y, h): a for s, y, h, a in con.execute("SELECT source_id, year, sha256, arrival FROM snapshots").fetchall()}
    new = [snap for snap in snaps if (snap.source_id, snap.year, snap.sha256) not in known]
    renumbered = [
        snap for snap in snaps if (key := (snap.source_id, snap.year, snap.sha256)) in known and known[key] != snap.arrival
    ]
    if new or renumbered:
        with transaction(con):
            if new:
                columns = {f: [getattr(snap, f) for snap in new] for f in _SNAPSHOT_FIELDS}
                insert_columns(con, "snapshots", {**columns, "registered_at": [now()] * len(new)})
            if renumbered:
                select, columns = unnested(
                    {f: [getattr(snap, f) for snap in renumbered] for f in ("source_id", "year", "sha256", "arrival")}
                )
                con.execute(
                    f"UPDATE snapshots SET arrival = r.arrival FROM (SELECT {select}) r "
                    "WHERE snapshots.source_id = r.source_id AND snapshots.year = r.year AND snapshots.sha256 = r.sha256",
                    columns,
                )
    return len(new) + len(renumbered)


def sync_withdrawals(con, snapshots: list[Snapshot]) -> None:
    """The store's withdrawals, copied (the store is the truth: a rebuild withdraws the same)."""
    rows = [(s.source_id, s.year, s.sha256, s.withdrawn_at, s.withdrawn_reason) for s in snapshots if s.withdrawn]
    with transaction(con):
        con.execute("DELETE FROM withdrawals")
        if rows:
            con.executemany("INSERT INTO withdrawals VALUES (?, ?, ?, ?, ?)", rows)


def sync_curated_files(con, current: dict[tuple[str, int], tuple[str, str]]) -> None:
    """The curated files as they are now (source, edition -> sha256, file): table curated_files."""
    with transaction(con):
        con.execute("DELETE FROM curated_files")
        if current:
            con.executemany(
                "INSERT INTO curated_files VALUES (?, ?, ?, ?)", [(s, y, sha, f) for (s, y), (sha, f) in sorted(current.items())]
            )


def snapshot_outcomes(con) -> dict[tuple[str, int, str], tuple[str, str | None]]:
    """(source, year, sha256) -> (status, fingerprint) of the newest load attempt (the view
    snapshot_loads says which that is)."""
    rows = con.execute("SELECT source_id, year, snapshot_sha256, status, fingerprint FROM snapshot_loads").fetchall()
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
    """One publication's loads row, 'started' (committed on its own); see start_loads."""
    return start_loads(con, [(snap, fingerprint)])[0]


def start_loads(con, publications: list[tuple[Snapshot, str]]) -> list[str]:
    """A 'started' loads row for each (snapshot, fingerprint) a build takes on, all in one
    statement (one commit) before the first parse; their load ids, in order. A row still
    'started' when the next build opens the warehouse was interrupted before its commit:
    nothing of it was applied (abandon_interrupted). The rows are started in this order: each
    is stamped a microsecond after the one before, so "the newest load" stays the last taken on."""
    if not publications:
        return []
    at = now()
    load_ids = [uuid.uuid4().hex for _ in publications]
    insert_columns(
        con,
        "loads",
        {
            "load_id": load_ids,
            "source_id": [snap.source_id for snap, _ in publications],
            "year": [snap.year for snap, _ in publications],
            "snapshot_sha256": [snap.sha256 for snap, _ in publications],
            "file": [snap.file for snap, _ in publications],
            "status": ["started"] * len(publications),
            "started_at": [at + dt.timedelta(microseconds=i) for i in range(len(publications))],
            "fingerprint": [fingerprint for _, fingerprint in publications],
        },
    )
    return load_ids


def finish_load(con, load_id: str, status: str, **fields) -> None:
    fields = {k: (json.dumps(v) if k in ("validation_summary", "notes") and v is not None else v) for k, v in fields.items()}
    sets = ", ".join(f"{k} = ?" for k in fields)
    con.execute(
        f"UPDATE loads SET status = ?, finished_at = ?{', ' + sets if sets else ''} WHERE load_id = ?",
        [status, now(), *fields.values(), load_id],
    )


def statement_origin(snap: Snapshot) -> str:
    """A curated file is one kind of publication, everything else (fetched, added by hand,
    reconstructed) the other: versions are compared within a kind only."""
    return "curated" if snap.curated else "publication"


def _store_candidates(con, load_id: str, snap: Snapshot, candidates: list[dict]) -> None:
    """A publication's review candidates, with the load that found them (loaded or rejected:
    a refused publication's candidates wait in `kr review` too). The id is stable (snapshot,
    sentence, number), so finding them again changes nothing and keeps their decisions."""
    rows = []
    for c in candidates:
        cid = hashlib.sha256(
            f"{snap.source_id}|{snap.year}|{snap.sha256}|{c['sentence']}|{c['as_published']}".encode()
        ).hexdigest()[:10]
        rows.append(
            (
                cid,
                snap.source_id,
                snap.year,
                snap.sha256,
                load_id,
                c["sentence"],
                c["as_published"],
                c.get("value"),
                c["why"],
                c.get("indicator_id"),
                c.get("breakdown"),
                c.get("period"),
                c.get("qualifier"),
                c.get("location"),
                now(),
            )
        )
    if rows:
        con.executemany(
            "INSERT INTO review_candidates VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows
        )


def waiting_for_review(con, snap: Snapshot) -> int:
    """How many of the snapshot's review candidates wait in `review_queue` (undecided, and of
    the newest version of its publication)."""
    return con.execute(
        "SELECT count(*) FROM review_queue WHERE source_id = ? AND year = ? AND snapshot = left(?, 12)",
        [snap.source_id, snap.year, snap.sha256],
    ).fetchone()[0]


@dataclass
class Incoming:
    """One validated publication to load: its loads row, snapshot, rows and load fields."""

    load_id: str
    snap: Snapshot
    df: Any  # a pandas DataFrame of COLUMNS (pandas is imported lazily)
    candidates: list[dict]
    fields: dict


_LOAD_FIELDS = ("rows_parsed", "validation_success", "validation_summary", "notes", "parse_seconds", "validate_seconds", "voice")


def _first_versions(con, items: list[Incoming]) -> bool:
    """Whether every incoming publication is the first version of its publication: no two of
    them of the same source and year, and nothing of those sources and years loaded before
    (any status 'loaded', withdrawn or not: a careful no, which only costs the comparison)."""
    if len({(it.snap.source_id, it.snap.year) for it in items}) < len(items):
        return False
    (earlier,) = con.execute(
        """SELECT count(*) FROM loads l JOIN incoming_loads i ON l.source_id = i.source_id AND l.year = i.year
           WHERE l.status = 'loaded' AND l.load_id NOT IN (SELECT load_id FROM incoming_loads)"""
    ).fetchall()[0]
    return earlier == 0


def load_observations_many(con, items: list[Incoming]) -> dict[str, dict]:
    """Publications in one transaction (every one of a build, or one alone), set-based. Nothing
    already stored is changed: which value `observations` shows is decided by the views
    (views.sql), so the order in which snapshots are loaded never matters. Set-based: one INSERT of all their
    rows, one UPDATE of their loads rows, one query for their counts (each compared with its
    previous version, looking only at those publications' keys). All of them or none: when
    it fails, the caller loads them one by one, so that a bad one fails alone.
    Returns load_id -> counts."""
    import pandas as pd

    if not items:
        return {}
    import numpy as np

    started = now()
    lengths = [len(it.df) for it in items]
    # One frame of all their rows (observations.frame keeps each frame's text in one object
    # block, which is what makes this concatenation cheap).
    rows = pd.concat([it.df if list(it.df.columns) == COLUMNS else it.df[COLUMNS] for it in items], ignore_index=True)
    for column, per_item in {
        "source_id": [it.snap.source_id for it in items],
        "snapshot_year": [it.snap.year for it in items],
        "snapshot_sha256": [it.snap.sha256 for it in items],
        "origin": [statement_origin(it.snap) for it in items],
        "load_id": [it.load_id for it in items],
    }.items():
        rows[column] = np.repeat(np.array(per_item, dtype=object), lengths)
    rows["loaded_at"] = started
    loads = pd.DataFrame(
        [
            {
                "load_id": it.load_id,
                "source_id": it.snap.source_id,
                "year": it.snap.year,
                "sha256": it.snap.sha256,
                "origin": statement_origin(it.snap),
                "rows_written": n,
                **{
                    k: (json.dumps(it.fields.get(k)) if k in ("validation_summary", "notes") else it.fields.get(k))
                    for k in _LOAD_FIELDS
                },
            }
            for it, n in zip(items, lengths)
        ]
    )
    with transaction(con):
        con.register("incoming_rows", rows)
        con.register("incoming_loads", loads)
        try:
            con.execute(f"INSERT INTO statements ({STATEMENT_COLUMNS}) SELECT {STATEMENT_COLUMNS} FROM incoming_rows")
            first = _first_versions(con, items)
            # Loaded first, inside the transaction, so that the views see these versions. When every
            # one is its publication's first version, all its rows are new: its counts are set in
            # the same statement, with no comparison to make.
            con.execute(
                f"""UPDATE loads SET status = 'loaded', finished_at = $now,
                       {", ".join(f"{k} = i.{k}" for k in _LOAD_FIELDS)}
                       {", rows_new = i.rows_written, rows_revised = 0, rows_unchanged = 0, rows_retracted = 0" if first else ""}
                    FROM incoming_loads i WHERE loads.load_id = i.load_id""",
                {"now": now()},
            )
            if first:
                counts = [(it.load_id, n, 0, 0, 0) for it, n in zip(items, lengths)]
            else:
                counts = list(_compare_versions(con).itertuples(index=False, name=None))
            for it in items:
                _store_candidates(con, it.load_id, it.snap, it.candidates)
        finally:
            for name in ("incoming_rows", "incoming_loads", "incoming_counts"):
                try:
                    con.unregister(name)
                except Exception:  # noqa: S110 (not registered when an earlier step failed)
                    pass
    result = {it.load_id: dict.fromkeys(_COUNTS, 0) for it in items}
    for load_id, *n in counts:
        result[load_id] = dict(zip(_COUNTS, (int(x) for x in n)))
    return result


_COUNTS = ("rows_new", "rows_revised", "rows_unchanged", "rows_retracted")


def _compare_versions(con):
    """The counts of the incoming publications (registered as incoming_loads and incoming_rows,
    marked loaded), each compared with its version before, written to their loads rows."""
    counts = con.execute(
        f"""WITH these AS (SELECT load_id, source_id, year, sha256, origin FROM incoming_loads),
        versions AS (
            SELECT v.source_id, v.year, v.kind, v.sha256, v.version_rank FROM publication_versions v
            WHERE NOT v.withdrawn AND (v.source_id, v.year) IN (SELECT source_id, year FROM these)
        ),
        previous_of AS (
            SELECT t.load_id, p.sha256 AS previous_sha
            FROM these t
            JOIN versions cur ON cur.source_id = t.source_id AND cur.year = t.year AND cur.kind = t.origin AND cur.sha256 = t.sha256
            JOIN versions p ON p.source_id = t.source_id AND p.year = t.year AND p.kind = t.origin
                           AND p.version_rank = cur.version_rank + 1
        ),
        -- Compared row by row only where there is a version before; a publication's
        -- first version is all new: its count is its rows' (incoming_rows, below).
        this AS (SELECT st.* FROM statement_series st WHERE st.load_id IN (SELECT load_id FROM previous_of)),
        previous AS (
            SELECT po.load_id AS for_load, st.* EXCLUDE (load_id)
            FROM previous_of po
            JOIN these t USING (load_id)
            JOIN statement_series st
              ON st.source_id = t.source_id AND st.snapshot_year = t.year AND st.origin = t.origin
             AND st.snapshot_sha256 = po.previous_sha
        ),
        pairs AS (
            SELECT coalesce(t.load_id, p.for_load) AS load_id,
                   t.load_id IS NOT NULL AS in_this, p.for_load IS NOT NULL AS in_previous,
                   ({", ".join(f"t.{c}" for c in _SAME_VALUE)}) IS NOT DISTINCT FROM
                   ({", ".join(f"p.{c}" for c in _SAME_VALUE)}) AS same
            FROM this t FULL JOIN previous p ON p.for_load = t.load_id AND p.series = t.series
        )
        SELECT load_id,
               count(*) FILTER (WHERE in_this AND NOT in_previous) AS rows_new,
               count(*) FILTER (WHERE in_this AND in_previous AND NOT same) AS rows_revised,
               count(*) FILTER (WHERE in_this AND in_previous AND same) AS rows_unchanged,
               count(*) FILTER (WHERE in_previous AND NOT in_this) AS rows_retracted
        FROM pairs GROUP BY load_id
        UNION ALL
        SELECT load_id, count(*), 0, 0, 0 FROM incoming_rows
        WHERE load_id NOT IN (SELECT load_id FROM previous_of) GROUP BY load_id"""
    ).df()
    con.register("incoming_counts", counts)
    con.execute(
        """UPDATE loads SET rows_new = c.rows_new, rows_revised = c.rows_revised,
               rows_unchanged = c.rows_unchanged, rows_retracted = c.rows_retracted
           FROM incoming_counts c WHERE loads.load_id = c.load_id"""
    )
    return counts


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
