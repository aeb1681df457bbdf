"""Opening the DuckDB file: a second process gets a wait and then a clear message.

Kept apart from warehouse.py (which needs pandas) so `kr query` starts fast.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import duckdb

from ..errors import KrError, WarehouseBusy

_LOCKED = re.compile(r"lock|conflicting", re.I)
# The storage format the warehouse is written in. DuckDB 2.0 writes its newest format by
# default, which no client older than 2.0 opens: not the DuckDB CLI on the package index
# (duckdb-cli 1.5.x), nor the R, Java (DBeaver) and Node clients analysts have, which lag.
# v1.0.0 is read by every DuckDB since 1.0. Measured on the shipped warehouse, two fresh
# builds each (README, "Opening the warehouse"): build 9.1-9.6 s against 7.9-11.4 s, figure
# queries 0.34-0.46 s against 0.37-0.40 s (within noise), the file 6.0 MB against 5.5 MB.
# The alternative, pinning DuckDB 1.5.x, would hold the engine back and still shut out
# clients older than 1.5.
STORAGE_VERSION = "v1.0.0"
# For analysts: no reading or writing files, no ATTACH, and no way to switch that back on.
_SANDBOX = {"enable_external_access": False, "lock_configuration": True}


def connect(
    path: Path, read_only: bool, wait_seconds: float, sandboxed: bool = False, memory_limit: str | None = None
) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if read_only and not path.exists():
        raise KrError(f"no warehouse at {path} yet: run `kr build` (or `kr update`) first")
    if path.exists() and path.is_dir():
        raise KrError(f"the warehouse {path} is a folder, not a DuckDB file (KR_WAREHOUSE)")
    config: dict[str, str | bool | int | float | list[str]] = dict(_SANDBOX) if sandboxed else {}
    if memory_limit:  # and no spilling to disk: the limit is the limit
        config.update(memory_limit=memory_limit, temp_directory="")
    if not read_only:
        config["storage_compatibility_version"] = STORAGE_VERSION
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.IOException as exc:
            if not _LOCKED.search(str(exc)):
                raise KrError(f"cannot open the warehouse {path}: {_first_line(exc)}") from None
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"the warehouse {path} is in use by another process ({'a build or an update is writing to it' if read_only else 'a build, an update or a query has it open'}); "
                    f"waited {wait_seconds:.0f} s. Try again when it has finished."
                ) from None
            time.sleep(0.25)
        except duckdb.Error as exc:  # not a DuckDB file, a damaged or truncated one, a newer version
            raise KrError(
                f"cannot open the warehouse {path}: {_first_line(exc)}. If the file is damaged, move it "
                "away and run `kr build`: the warehouse is rebuilt from the snapshot store"
            ) from None


def storage_version(con: duckdb.DuckDBPyConnection) -> str:
    """The storage format of the connection's database file, e.g. "v1.0.0+"."""
    row = con.execute(
        "SELECT tags['storage_version'] FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()
    return str(row[0]) if row and row[0] else "?"


def convert_storage(path: Path) -> None:
    """Rewrite a warehouse file written in a newer storage format in STORAGE_VERSION (every
    table, view and macro copied; the views and comments are then recreated by migrate).
    The copy is made beside the file and moved over it only when complete."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.converting")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{path}' AS old (READ_ONLY)")
        con.execute(f"ATTACH '{tmp}' AS new (STORAGE_VERSION '{STORAGE_VERSION}')")
        con.execute("COPY FROM DATABASE old TO new")
        if con.execute("SELECT 1 FROM duckdb_tables() WHERE database_name = 'new' AND table_name = 'schema_views'").fetchall():
            con.execute("DELETE FROM new.schema_views")  # migrate recreates the views and their comments
        con.execute("DETACH new")
        con.execute("DETACH old")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        con.close()
    os.replace(tmp, path)


def _first_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:400]


def dict_rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    """A query's rows as dicts by column name."""
    rel = con.execute(sql, params or [])
    columns = [d[0] for d in rel.description]
    return [dict(zip(columns, r)) for r in rel.fetchall()]
