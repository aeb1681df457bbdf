"""The one place the DuckDB warehouse file is opened, and the analysts' read-only access.

- connect: the file opened read-only or for writing, in STORAGE_VERSION; a second process
  gets a wait and then a clear message, a file that is no warehouse one clear line.
- open_for_write: the one writer, migrated, views fresh (a new file starts as a copy of the
  schema template; one in a newer storage format is converted first); transaction: all or
  nothing.
- run_query, print_query: analysts' read-only access: no writes, no files, no attaching other
  databases, and limits: a query stops after a time limit, may use a bounded amount of memory
  (never spilling to disk), and only so many rows are fetched for printing.

`kr query` (print_query) runs the query, the fetch of its rows and their formatting in a child
process: its address space is limited (RLIMIT_AS: the memory limit plus what the engine's own
code and threads need, HEADROOM), and it is killed when the time limit is over, whatever it is
doing (DuckDB's interrupt reaches neither a value being built nor rows being converted and
formatted). Its output is passed on as it comes; the parent holds none of it. The pipeline's
own queries (run_query) run in this process: their SQL is ours.

Imports DuckDB and the standard library only (the schema's code, store/warehouse.py, which
needs more, is imported when a writer opens): `kr query` starts fast.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

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
    """The warehouse file, read-only or for writing (in STORAGE_VERSION); sandboxed and with a
    memory limit for analysts' queries. A lock another process holds is waited for up to
    `wait_seconds`, then WarehouseBusy; a file that is no warehouse (a folder, damaged, too
    new) is one KrError line."""
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


@contextmanager
def open_for_write(path: Path, wait_seconds: float = 60.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """The one writer: migrated, views fresh. A second writer waits, then stops clearly."""
    from .warehouse import migrate, new_from_template

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        new_from_template(path)
    con = connect(path, read_only=False, wait_seconds=wait_seconds)
    if not storage_version(con).startswith(STORAGE_VERSION):  # written by DuckDB 2.0's default
        con.close()
        convert_storage(path)
        con = connect(path, read_only=False, wait_seconds=wait_seconds)
    try:
        migrate(con)
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT, or ROLLBACK and re-raise: all of it or nothing."""
    con.execute("BEGIN")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def unnested(columns: dict[str, list]) -> tuple[str, dict[str, list]]:
    """`unnest($a) AS a, unnest($b) AS b, ...` and its parameters: rows handed to DuckDB
    column by column, as lists, in one statement (no row-by-row executemany, which costs a
    statement per row)."""
    return ", ".join(f"unnest(${name}) AS {name}" for name in columns), columns


def insert_columns(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, list], replace: bool = False) -> int:
    """Rows given column by column (lists of equal length, named as the table's columns)
    written by one INSERT (INSERT OR REPLACE with replace=True); returns how many."""
    n = len(next(iter(columns.values()), []))
    if n:
        select, params = unnested(columns)
        names = ", ".join(columns)
        con.execute(
            f"INSERT {'OR REPLACE ' if replace else ''}INTO {table} ({names}) SELECT {names} FROM (SELECT {select})", params
        )
    return n


# --- Analysts' read-only access ------------------------------------------------------------


@dataclass(frozen=True)
class QueryLimits:
    seconds: float = 60.0
    memory: str = "4GB"  # DuckDB's memory_limit
    rows: int | None = None  # rows fetched; None: all

    @classmethod
    def from_env(cls, seconds: float | None = None, memory: str | None = None, rows: int | None = None) -> QueryLimits:
        from .. import limits

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
    from ..limits import is_memory_amount

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


# --- kr query: in a child process under the limits ------------------------------------------

# Address space the child needs besides the query's memory: Python, DuckDB's code, its
# threads' stacks and malloc arenas (MALLOC_ARENA_MAX=2 in the child; measured: 0.4 GB with
# 16 threads), and the fetched rows while they are formatted.
HEADROOM = 1 << 30
_PER_THREAD = 32 << 20
# Starting the child (Python, DuckDB's import) is not counted in the query's time, within this.
_STARTUP_SECONDS = 30.0
_UNITS = {"": 1, "K": 1000, "M": 1000**2, "G": 1000**3, "T": 1000**4}


def memory_bytes(amount: str) -> int:
    """DuckDB's reading of a memory amount: KB, MB, GB, TB in powers of 1000, KiB.. of 1024."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMGT])(i?)B", amount.strip(), re.I)
    if not m:
        raise KrError(f"memory limit {amount!r}: give an amount such as 500MB or 4GB")
    unit = 1024 ** ("KMGT".index(m[2].upper()) + 1) if m[3] else _UNITS[m[2].upper()]
    return int(float(m[1]) * unit)


def address_space(limits: QueryLimits) -> int:
    """The child's RLIMIT_AS for a memory limit."""
    return memory_bytes(limits.memory) + HEADROOM + _PER_THREAD * (os.cpu_count() or 1)


@dataclass
class Printed:
    rows: int  # rows printed
    cut: bool  # the query has more rows than the row limit


def print_query(path: Path, sql: str, limits: QueryLimits, fmt: str, write: Callable[[bytes], None]) -> Printed:
    """Run `sql` read-only, fetch at most limits.rows rows and format them as `fmt` (the CLI's
    table, csv or json), all in a child process under the time and memory limits; the output
    is passed to `write` as it comes. Over a limit: a KrError naming it (the child killed)."""
    import selectors

    memory_bytes(limits.memory)  # a bad amount is refused before anything starts
    job = {"path": str(path), "sql": sql, "limits": [limits.seconds, limits.memory, limits.rows], "fmt": fmt}
    package = str(Path(__file__).resolve().parents[2])  # src/, holding kr_pipeline
    environ = dict(os.environ, MALLOC_ARENA_MAX="2")
    environ["PYTHONPATH"] = os.pathsep.join(p for p in (package, environ.get("PYTHONPATH", "")) if p)
    child = subprocess.Popen(
        [sys.executable, "-c", "from kr_pipeline.store.connection import _child; _child()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environ,
    )
    status: dict = {}
    try:
        assert child.stdin is not None and child.stdout is not None and child.stderr is not None
        child.stdin.write(json.dumps(job).encode("utf-8"))
        child.stdin.close()
        deadline = time.monotonic() + _STARTUP_SECONDS + limits.seconds
        with selectors.DefaultSelector() as sel:
            sel.register(child.stdout, selectors.EVENT_READ)
            sel.register(child.stderr, selectors.EVENT_READ)
            pending = b""
            while sel.get_map():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise KrError(_over_time(limits))
                for key, _ in sel.select(left):
                    chunk = os.read(key.fd, 1 << 16)
                    if not chunk:
                        sel.unregister(key.fileobj)
                    elif key.fileobj is child.stdout:
                        write(chunk)
                    else:
                        pending += chunk
                        *lines, pending = pending.split(b"\n")
                        for line in lines:
                            message = _message(line)
                            if message.get("ready"):  # the query's time starts now
                                deadline = time.monotonic() + limits.seconds
                            status.update(message)
            status.update(_message(pending))
        try:
            child.wait(max(0.0, deadline - time.monotonic()) + 5)
        except subprocess.TimeoutExpired:
            raise KrError(_over_time(limits)) from None
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    if "error" in status:
        raise KrError(status["error"])
    if "rows" not in status:  # killed by the kernel or crashed: out of address space
        said = f": {status['said']}" if status.get("said") else ""
        raise KrError(
            f"the query needed more than the memory limit of {limits.memory} and was stopped "
            f"(its process ended with code {child.returncode}{said}; --memory to change it)"
        )
    return Printed(status["rows"], status["cut"])


def _over_time(limits: QueryLimits) -> str:
    return f"the query ran over the time limit of {limits.seconds:g} s and was stopped (--timeout to change it)"


def _message(line: bytes) -> dict:
    """A status line of the child (JSON); anything else it printed (DuckDB's progress bar, a
    crash's last words) is kept as `said`, for the message if it dies."""
    text = line.decode("utf-8", "replace").split("\r")[-1].strip()
    if not text:
        return {}
    try:
        message = json.loads(text)
        if isinstance(message, dict) and message.get("kr_query"):
            return message
    except ValueError:
        pass
    return {"said": text[:300]}


def _child() -> None:
    """The child of print_query: the job on stdin, the output on stdout, status lines on stderr."""
    import resource

    job = json.loads(sys.stdin.buffer.read())
    seconds, memory, rows = job["limits"]
    limits = QueryLimits(seconds, memory, rows)
    space = address_space(limits)
    resource.setrlimit(resource.RLIMIT_AS, (space, space))

    def say(**message) -> None:
        sys.stderr.write(json.dumps({"kr_query": True, **message}) + "\n")
        sys.stderr.flush()

    from ..cli import _print_rows
    from ..errors import one_line

    say(ready=True)
    try:
        result = run_query(Path(job["path"]), job["sql"], limits=limits)
        _print_rows(result.columns, result.rows, job["fmt"])
        sys.stdout.flush()
    except KrError as exc:
        say(error=str(exc))
    except MemoryError:
        say(error=f"the query needed more than the memory limit of {limits.memory} and was stopped (--memory to change it)")
    except Exception as exc:  # one line, as every kr error
        say(error=one_line(exc))
    else:
        say(rows=len(result.rows), cut=result.cut)
