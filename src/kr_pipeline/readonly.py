"""Analysts' read-only access: no writes, no files, no attaching other databases."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from .errors import KrError
from .warehouse_open import connect


def run_query(path: Path, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
    """Run one SQL text on the warehouse opened read-only, without access to files."""
    con = connect(Path(path), read_only=True, wait_seconds=10.0, sandboxed=True)
    try:
        try:
            cur = con.execute(sql, params) if params else con.execute(sql)
        except duckdb.PermissionException as exc:
            raise KrError(f"refused: queries may only read the warehouse ({exc})") from None
        except duckdb.InvalidInputException as exc:
            if re.search(r"read-only|read only|external access|lock_configuration|disabled by configuration", str(exc), re.I):
                raise KrError(f"refused: queries may only read the warehouse ({exc})") from None
            raise
        if cur.description is None:
            return [], []
        return [d[0] for d in cur.description], cur.fetchall()
    finally:
        con.close()
