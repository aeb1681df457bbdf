"""Opening the DuckDB file: a second process gets a wait and then a clear message.

Kept apart from warehouse.py (which needs pandas) so `kr query` starts fast.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import duckdb

from .errors import KrError, WarehouseBusy

_LOCKED = re.compile(r"lock|conflicting", re.I)
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


def _first_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:400]


def dict_rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    """A query's rows as dicts by column name."""
    rel = con.execute(sql, params or [])
    columns = [d[0] for d in rel.description]
    return [dict(zip(columns, r)) for r in rel.fetchall()]
