"""The lock file (requirements.txt) is in sync with pyproject.toml: every dependency is
locked, at a version its specifier allows (a changed pin without a re-lock fails here)."""

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from kr_pipeline.config import PROJECT_ROOT

RELOCK = "re-lock: uv pip compile pyproject.toml --extra test --python-version 3.11 --generate-hashes -o requirements.txt"


def locked() -> dict[str, str]:
    text = (PROJECT_ROOT / "requirements.txt").read_text("utf-8")
    return {
        canonicalize_name(m.group(1)): m.group(2)
        for m in re.finditer(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s\\;]+)", text, re.M)
    }


def test_every_dependency_is_locked_at_an_allowed_version():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]
    lock = locked()
    problems = [
        f"{r.name}{r.specifier}: locked {lock.get(canonicalize_name(r.name), 'not at all')}"
        for r in wanted
        if canonicalize_name(r.name) not in lock or not r.specifier.contains(lock[canonicalize_name(r.name)], prereleases=True)
    ]
    assert not problems, f"{problems}; {RELOCK}"


def test_every_locked_package_has_hashes():
    text = (PROJECT_ROOT / "requirements.txt").read_text("utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert blocks and all("--hash=sha256:" in b for b in blocks if "==" in b), RELOCK


def test_the_clients_lock_matches_its_input():
    """requirements-clients.txt (the analysts' clients, tests/test_clients.py) locks what
    requirements-clients.in asks for."""
    wanted = [
        Requirement(line.split("#")[0].strip())
        for line in (PROJECT_ROOT / "requirements-clients.in").read_text("utf-8").splitlines()
        if line.split("#")[0].strip()
    ]
    text = (PROJECT_ROOT / "requirements-clients.txt").read_text("utf-8")
    lock = {canonicalize_name(m.group(1)): m.group(2) for m in re.finditer(r"^([A-Za-z0-9_.\-]+)==([^\s\\;]+)", text, re.M)}
    problems = [
        r.name
        for r in wanted
        if canonicalize_name(r.name) not in lock or not r.specifier.contains(lock[canonicalize_name(r.name)])
    ]
    assert not problems, (
        f"{problems}: uv pip compile requirements-clients.in --python-version 3.11 --generate-hashes -o requirements-clients.txt"
    )
    blocks = [b for b in re.split(r"\n(?=[A-Za-z0-9])", text) if "==" in b]
    assert blocks and all("--hash=sha256:" in b for b in blocks)


def test_a_new_warehouse_from_the_schema_template_equals_one_migrated_from_scratch(tmp_path, monkeypatch):
    """New warehouses start as a copy of the empty migrated schema (made once per process): the
    same tables, views, columns and comments as one migrated from nothing; and a file that
    exists by then (another writer made it first) is never written over."""
    from kr_pipeline.store import connection, warehouse

    def schema(path):
        with connection.open_for_write(path) as con:
            return (
                con.execute(
                    "SELECT table_name, column_name, data_type, comment FROM duckdb_columns() WHERE NOT internal ORDER BY ALL"
                ).fetchall()
                + con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal ORDER BY ALL").fetchall()
            )

    monkeypatch.setattr(warehouse, "CACHE_DIR", tmp_path / "cache")
    warehouse._TEMPLATES.clear()
    first = schema(tmp_path / "a.duckdb")  # makes the template
    assert warehouse._TEMPLATES
    second = schema(tmp_path / "b.duckdb")  # copies it
    assert first == second and len(first) > 500
    taken = tmp_path / "c.duckdb"
    taken.write_bytes(b"another writer's file")
    warehouse.new_from_template(taken)
    assert taken.read_bytes() == b"another writer's file"
    assert not list(tmp_path.glob(".kr-*"))  # no temporary files left


def test_the_schema_template_is_kept_in_the_cache_folder_and_checked_when_read(tmp_path, monkeypatch):
    """The next process copies the template from the cache folder instead of migrating (most
    of a cold build's own work); a damaged file there is ignored and made again; a cache folder
    that cannot be written costs time only."""
    from kr_pipeline.store import connection, warehouse

    made = []
    real = warehouse._make_template
    monkeypatch.setattr(warehouse, "_make_template", lambda near: made.append(near) or real(near))
    monkeypatch.setattr(warehouse, "CACHE_DIR", tmp_path / "cache")

    def new_warehouse(name):
        warehouse._TEMPLATES.clear()  # as in a new process
        with connection.open_for_write(tmp_path / name) as con:
            return con.execute("SELECT count(*) FROM duckdb_views() WHERE NOT internal").fetchone()[0]

    views = new_warehouse("a.duckdb")
    assert len(made) == 1 and views > 20
    (kept,) = (tmp_path / "cache").glob("schema-*.duckdb")
    assert new_warehouse("b.duckdb") == views and len(made) == 1  # from the cache folder
    data = bytearray(kept.read_bytes())
    data[len(data) // 2] ^= 0xFF  # damaged, same size
    kept.write_bytes(bytes(data))
    assert new_warehouse("c.duckdb") == views and len(made) == 2  # not trusted: made again
    assert [p.read_bytes() for p in (tmp_path / "cache").glob("schema-*.duckdb")] == [
        warehouse._TEMPLATES[warehouse.schema_digest()]
    ]
    monkeypatch.setattr(warehouse, "CACHE_DIR", tmp_path / "a-file")
    (tmp_path / "a-file").write_text("not a folder")
    assert new_warehouse("d.duckdb") == views and len(made) == 3


def test_a_warehouse_just_opened_has_no_unfinished_result(tmp_path):
    """DuckDB refuses a connection's next register() while a result is unfinished: opening
    (migrations with nothing to do, the schema copied from the template) leaves none."""
    import pandas as pd

    from kr_pipeline.store import connection

    for name in ("a.duckdb", "a.duckdb", "b.duckdb"):  # new, reopened, new from the template
        with connection.open_for_write(tmp_path / name) as con:
            con.register("probe", pd.DataFrame({"a": [1]}))
            assert con.execute("SELECT a FROM probe").fetchall() == [(1,)]
