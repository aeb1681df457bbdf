"""Analysts' read-only access: no writes, no files, no attaching other databases, and limits:
a query stops after a time limit, may use a bounded amount of memory (never spilling to disk),
and only so many rows are fetched for printing."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .errors import KrError
from .warehouse_open import connect


@dataclass(frozen=True)
class QueryLimits:
    seconds: float = 60.0
    memory: str = "4GB"  # DuckDB's memory_limit
    rows: int | None = None  # rows fetched; None: all

    @classmethod
    def from_env(cls, seconds: float | None = None, memory: str | None = None, rows: int | None = None) -> QueryLimits:
        from . import limits

        return cls(
            seconds=seconds if seconds is not None else limits.query_seconds(),
            memory=memory if memory is not None else limits.query_memory(),
            rows=rows if rows is not None else limits.query_rows(),
        )


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple]
    cut: bool = False  # more rows than the row limit: only the first are here

    def __iter__(self):
        """`columns, rows = run_query(...)`."""
        return iter((self.columns, self.rows))


_READ_ONLY = re.compile(
    r"read-only|read only|external access|lock_configuration|disabled by configuration|configuration has been locked", re.I
)


def run_query(path: Path, sql: str, params: list | None = None, limits: QueryLimits | None = None) -> QueryResult:
    """Run one SQL text on the warehouse opened read-only, without access to files, under limits."""
    limits = limits or QueryLimits()
    from .limits import is_memory_amount

    if not is_memory_amount(limits.memory):
        raise KrError(f"memory limit {limits.memory!r}: give an amount such as 500MB or 4GB")
    con = connect(Path(path), read_only=True, wait_seconds=10.0, sandboxed=True, memory_limit=limits.memory)
    timer = threading.Timer(limits.seconds, con.interrupt)
    timer.daemon = True
    timer.start()
    try:
        try:
            cur = con.execute(sql, params) if params else con.execute(sql)
            if cur.description is None:
                return QueryResult([], [])
            columns = [d[0] for d in cur.description]
            if limits.rows is None:
                return QueryResult(columns, cur.fetchall())
            rows = cur.fetchmany(limits.rows + 1)
        except duckdb.Error as exc:
            raise KrError(_explained(exc, limits)) from None
        cut = len(rows) > limits.rows
        return QueryResult(columns, rows[: limits.rows], cut)
    finally:
        timer.cancel()
        con.close()


def _explained(exc: duckdb.Error, limits: QueryLimits) -> str:
    """A DuckDB error as what it is for the analyst (DuckDB's whole message kept: hints,
    candidates, the position in the SQL)."""
    # One line: DuckDB's lines joined, without the caret line under the SQL.
    text = " ".join(line.strip() for line in str(exc).splitlines() if line.strip().strip("^")) or exc.__class__.__name__
    if isinstance(exc, duckdb.InterruptException):
        return f"the query ran over the time limit of {limits.seconds:g} s and was stopped (--timeout to change it)"
    if isinstance(exc, duckdb.OutOfMemoryException):
        return f"the query needed more than the memory limit of {limits.memory} and was stopped (--memory to change it)"
    if isinstance(exc, duckdb.PermissionException) or (isinstance(exc, duckdb.InvalidInputException) and _READ_ONLY.search(text)):
        return f"refused: queries may only read the warehouse ({text})"
    if isinstance(exc, duckdb.ParserException):
        return f"SQL syntax error: {text}"
    if isinstance(exc, duckdb.CatalogException):
        return f'unknown name: {text} (kr query "SHOW TABLES" lists tables and views)'
    return text
