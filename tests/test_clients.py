"""The warehouse in the analysts' own clients: the DuckDB CLI from the package index (1.5.x)
opens it read-only; `kr publish`'s copy, served over HTTP from 127.0.0.1, reads back the same
rows in DuckDB 1.5 with httpfs and in pandas with pyarrow.

The clients live in their own venv (.venv-clients, from requirements-clients.txt), which
`python3.11 run.py test` sets up. Under CI=true a missing client fails; elsewhere it skips."""

from __future__ import annotations

import csv
import functools
import json
import os
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from kr_pipeline.cli import main
from kr_pipeline.present.publish import published_relations

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = Path(os.environ.get("KR_CLIENTS_VENV", ROOT / ".venv-clients"))
CLI, PYTHON = CLIENTS / "bin" / "duckdb", CLIENTS / "bin" / "python"


@pytest.fixture(scope="module")
def clients():
    if not (CLI.exists() and PYTHON.exists()):
        why = f"the analysts' clients are not installed in {CLIENTS} (python3.11 run.py test installs them)"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)


def cli(path: Path, sql: str) -> list[list[str]]:
    done = subprocess.run([str(CLI), "-readonly", "-csv", "-noheader", str(path), "-c", sql], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return list(csv.reader(done.stdout.splitlines()))


def test_the_duckdb_cli_from_the_package_index_opens_the_warehouse(clients, shipped):
    assert cli(shipped.warehouse, "SELECT version()")[0][0].startswith("v1.5")
    con = duckdb.connect(str(shipped.warehouse), read_only=True)
    try:
        count = con.execute("SELECT count(*) FROM observations").fetchone()[0]
    finally:
        con.close()
    assert cli(shipped.warehouse, "SELECT count(*) FROM observations") == [[str(count)]]
    nl = "SELECT year, value FROM observations WHERE indicator_id = 'ncmec.cybertipline_reports' AND country_iso3 = 'NLD' AND breakdown = 'total' ORDER BY year"
    assert ["2020", "25704.0"] in cli(shipped.warehouse, nl)
    comment = cli(
        shipped.warehouse, "SELECT comment FROM duckdb_columns() WHERE table_name = 'observations' AND column_name = 'unit'"
    )
    assert comment[0][0].startswith("What the value counts or measures")


def test_a_warehouse_in_the_newest_storage_format_is_converted(clients, shipped, settings):
    """DuckDB 2.0's default format, which the 1.5 CLI refuses, is rewritten in v1.0.0 by the next build."""
    newest = settings.warehouse
    con = duckdb.connect()
    con.execute(f"ATTACH '{shipped.warehouse}' AS old (READ_ONLY)")
    con.execute(f"ATTACH '{newest}' AS new (STORAGE_VERSION 'latest')")
    con.execute("COPY FROM DATABASE old TO new")
    con.close()
    refused = subprocess.run([str(CLI), "-readonly", str(newest), "-c", "SELECT 1"], capture_output=True, text=True)
    assert refused.returncode != 0  # what analysts met
    built = CliRunner().invoke(main, ["build"])
    assert built.exit_code == 0, built.output
    assert cli(newest, "SELECT count(*) > 1000 FROM observations") == [["true"]]
    assert cli(newest, "SELECT count(*) FROM duckdb_views() WHERE comment IS NULL AND NOT internal") == [["0"]]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def served(tmp_path):
    """A static web server on 127.0.0.1 serving tmp_path/www."""
    root = tmp_path / "www"
    root.mkdir()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield root, f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


READER = r"""
import json, os, sys
import duckdb, duckdb_extension_httpfs, pandas as pd

base = sys.argv[1]
manifest = json.load(__import__("urllib.request").request.urlopen(base + "/manifest.json"))
con = duckdb.connect()
ext = os.path.join(os.path.dirname(duckdb_extension_httpfs.__file__), "extensions", "v" + duckdb.__version__, "httpfs.duckdb_extension")
con.execute(f"LOAD '{ext}'")
con.execute(f"ATTACH '{base}/kr.duckdb' AS pub (READ_ONLY)")
out = {}
for t in manifest["tables"]:
    rows = con.execute(f'SELECT * FROM pub."{t["name"]}" ORDER BY ALL').fetchall()
    types = [r[1] for r in con.execute(f'DESCRIBE pub."{t["name"]}"').fetchall()]
    frame = pd.read_parquet(base + "/" + t["file"])
    out[t["name"]] = {"rows": json.dumps(rows, default=str), "types": types, "pandas_rows": len(frame), "pandas_columns": list(frame.columns)}
print(json.dumps(out))
"""


def test_the_published_copy_reads_the_same_over_http(clients, shipped, served):
    www, url = served
    out = www / "kr"
    done = CliRunner(env={"KR_WAREHOUSE": str(shipped.warehouse)}).invoke(
        main, ["publish", "--out", str(out), "--base-url", f"{url}/kr/"]
    )
    assert done.exit_code == 0, done.output
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    con = duckdb.connect(str(shipped.warehouse), read_only=True)
    try:
        relations = [name for name, _ in published_relations(con)]
        expected = {
            name: (
                json.dumps(con.execute(f'SELECT * FROM "{name}" ORDER BY ALL').fetchall(), default=str),
                [d[0] for d in con.execute(f'SELECT * FROM "{name}" LIMIT 0').description],
                [r[1] for r in con.execute(f'DESCRIBE "{name}"').fetchall()],
            )
            for name in relations
        }
    finally:
        con.close()
    assert [t["name"] for t in manifest["tables"]] == relations and "observations" in relations
    assert "statement_ranks" not in relations and "loads_v1" not in relations  # machinery stays out
    assert all(c["comment"] for t in manifest["tables"] for c in t["columns"])
    assert {s["source_id"] for s in manifest["snapshots"]} >= {"ncmec", "iwf"}
    reader = subprocess.run([str(PYTHON), "-c", READER, f"{url}/kr"], capture_output=True, text=True, timeout=300)
    assert reader.returncode == 0, reader.stderr[-3000:]
    read = json.loads(reader.stdout)
    for name, (rows, columns, types) in expected.items():
        got, want = json.loads(read[name]["rows"]), json.loads(rows)
        assert got == want, (name, len(got), len(want), [(g, w) for g, w in zip(got, want) if g != w][:2])  # DuckDB 1.5 over HTTP
        assert read[name]["types"] == types, (name, [(c, g, w) for c, g, w in zip(columns, read[name]["types"], types) if g != w])
        assert read[name]["pandas_columns"] == columns, name  # pandas with pyarrow
        assert read[name]["pandas_rows"] == next(t["rows"] for t in manifest["tables"] if t["name"] == name)


def _readme_block(marker: str) -> str:
    """The fenced block right after `<!-- marker ... -->` in the README, as written."""
    text = (ROOT / "README.md").read_text("utf-8")
    after = text.split(f"<!-- {marker}", 1)[1].split("-->", 1)[1]
    return after.split("```", 2)[1].split("\n", 1)[1]


def test_the_readmes_httpfs_instructions_work_as_written(clients, shipped, served):
    """The README's DuckDB CLI and Python blocks, run as written against a published copy on
    127.0.0.1 (only the copy's address and the extension's folder put in): `LOAD httpfs;` alone
    fails for the extension from the package index; loaded by its path it reads the copy."""
    www, url = served
    done = CliRunner(env={"KR_WAREHOUSE": str(shipped.warehouse)}).invoke(
        main, ["publish", "--out", str(www / "kr"), "--base-url", f"{url}/kr/"]
    )
    assert done.exit_code == 0, done.output
    con = duckdb.connect(str(shipped.warehouse), read_only=True)
    try:
        want = con.execute(
            "SELECT year, value FROM observations WHERE country_iso3 = 'NLD' AND indicator_id = 'ncmec.cybertipline_reports' "
            "AND breakdown = 'total' ORDER BY year"
        ).fetchall()
    finally:
        con.close()
    folder = subprocess.run(
        [str(PYTHON), "-c", "import duckdb_extension_httpfs as e; print(e.__path__[0])"], capture_output=True, text=True
    ).stdout.strip()
    sql = _readme_block("httpfs-sql").replace("https://data.example.org/kr/", f"{url}/kr/")
    sql = sql.replace("/path/to/duckdb_extension_httpfs", folder)
    ran = subprocess.run([str(CLI), "-csv", "-noheader"], input=sql, capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr
    lines = ran.stdout.replace("\x1b[00m", "").splitlines()  # (the CLI prints a colour reset before its output)
    got = [r for r in csv.reader(lines) if len(r) == 3]
    assert [(int(y), float(v)) for y, v, _ in got] == want and ["2023", "72913.0", "72,913"] in got
    # what the README warns of: LOAD httpfs; alone does not find the extension from the package index
    plain = subprocess.run(
        [str(CLI)], input=sql.replace(sql.splitlines()[0], "LOAD httpfs;"), capture_output=True, text=True, timeout=300
    )
    assert plain.returncode != 0 or "Error" in plain.stderr
    code = _readme_block("httpfs-python").replace("https://data.example.org/kr/", f"{url}/kr/")
    ran = subprocess.run([str(PYTHON), "-c", code], capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr[-2000:]
    assert ran.stdout.strip() == str([(y, v) for y, v in want])
