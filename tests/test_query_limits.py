"""Limits that hold whatever the input (issue 25 part 8) and messages that say what happened
(part 10).

`kr query` runs the query, the fetch and the formatting in a child process with an address-space
limit, killed at the time limit: one huge value or very many rows are stopped with one line,
within the time and memory given. The Stem voor kinderen parser is linear in nested list items;
a curated file nested thousands deep is refused alone; a full disk, a negative parse time and
a PDF over pypdf's limits are named as what they are.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from kr_pipeline.cli import main
from kr_pipeline.store.connection import QueryLimits, address_space, memory_bytes

from .helpers import fill_store, rows

KR = str(Path(sys.executable).with_name("kr"))

# Runs `kr query` and reports how long it took and the largest resident size of it and its
# child (RUSAGE_CHILDREN of a process of its own: nothing else of the test run counts).
MEASURE = textwrap.dedent(
    """
    import json, resource, subprocess, sys, time
    t0 = time.monotonic()
    done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
    print(json.dumps({"rc": done.returncode, "stdout": done.stdout[-2000:], "stderr": done.stderr,
                      "seconds": time.monotonic() - t0,
                      "peak_bytes": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024}))
    """
)


@pytest.fixture
def empty_warehouse(tmp_path, monkeypatch) -> Path:
    """Any DuckDB file will do: these queries read no table."""
    path = tmp_path / "kr.duckdb"
    duckdb.connect(str(path)).close()
    monkeypatch.setenv("KR_WAREHOUSE", str(path))
    return path


def measured(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", MEASURE, KR, "query", *args], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def one_line(result: dict) -> str:
    lines = result["stderr"].strip().splitlines()
    assert result["rc"] == 2 and len(lines) == 1 and lines[0].startswith("error: "), result
    return lines[0]


def test_one_huge_value_stays_within_the_memory_limit(empty_warehouse):
    """Was: 7.9 GB under --memory 4GB (the value is built outside DuckDB's buffer manager, then
    copied into Python); here 20 s and 3.9 GB under --memory 500MB."""
    done = measured("SELECT repeat('x', 2000000000) AS x", "--memory", "500MB", "--timeout", "20")
    assert "memory limit of 500MB" in one_line(done)
    assert done["peak_bytes"] < address_space(QueryLimits(memory="500MB")), done["peak_bytes"]
    assert done["seconds"] < 20, done["seconds"]


@pytest.mark.parametrize("fmt", ["table", "json"])
@pytest.mark.parametrize("n", [5_000_000, 100_000_000])
def test_many_rows_stay_within_the_time_and_memory_limit(empty_warehouse, fmt, n):
    """Was: 145 s and 10.6 GB under --timeout 60: the rows were formatted outside the timer and
    outside any memory bound (here, 5 million rows: 23 s and 1.9 GB under --timeout 4 --memory
    500MB, all printed)."""
    done = measured(
        f"SELECT * FROM range({n})", "--max-rows", "100000000", "--memory", "500MB", "--timeout", "4", "--format", fmt
    )
    line = one_line(done)
    assert "time limit of 4 s" in line or "memory limit of 500MB" in line, line
    assert done["peak_bytes"] < address_space(QueryLimits(memory="500MB")), done["peak_bytes"]
    assert done["seconds"] < 4 + 10, done["seconds"]  # the child's start (Python, DuckDB) is not counted


def test_formatting_is_within_the_limits_too(empty_warehouse):
    """One wide value in a table of many rows: the table pads every row to its width."""
    done = measured(
        "SELECT CASE WHEN range = 0 THEN repeat('x', 20000000) ELSE '' END AS wide FROM range(10000)",
        "--memory",
        "500MB",
        "--timeout",
        "4",
    )
    line = one_line(done)
    assert "time limit of 4 s" in line or "memory limit of 500MB" in line, line
    assert done["peak_bytes"] < address_space(QueryLimits(memory="500MB"))
    assert done["seconds"] < 4 + 10


def test_queries_within_the_limits_print_as_before(empty_warehouse):
    runner = CliRunner()
    table = runner.invoke(main, ["query", "SELECT 25704 AS reports, 2020 AS year, 'Nederland' AS country"])
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[-1] == "(1 row)" and "25,704" in table.output and "Nederland" in table.output
    csv_out = runner.invoke(main, ["query", "SELECT range AS n FROM range(5)", "--format", "csv", "--max-rows", "3"])
    assert csv_out.exit_code == 0 and csv_out.stdout == "n\n0\n1\n2\n"
    assert "only the first 3 rows are shown" in csv_out.stderr
    refused = runner.invoke(main, ["query", "COPY (SELECT 1) TO 'x.csv'"])
    assert refused.exit_code == 2 and "refused: queries may only read" in refused.output
    bad = runner.invoke(main, ["query", "SELECT 1", "--memory", "lots"])
    assert bad.exit_code == 2 and "give an amount such as 500MB" in bad.output


def test_memory_amounts_as_duckdb_reads_them():
    assert memory_bytes("500MB") == 500 * 1000**2 and memory_bytes("1.5GiB") == int(1.5 * 1024**3)
    assert address_space(QueryLimits(memory="4GB")) > 4 * 1000**3


# --- parsers and input files ---------------------------------------------------------------


def test_stem_voor_kinderen_is_linear_in_nested_list_items():
    """Items never closed nest each inside the one before (BeautifulSoup's html.parser): each
    item used to search all the items inside it (20,000 items: hours, cut at 120 s), and took
    their statements for its own."""
    from kr_pipeline.publishers.stemvoorkinderen import parser

    n = 20_000
    page = (
        "<html><body><h1>Jeugdzorg</h1><ul>"
        + "".join(f"<li><h3>Partij {i}</h3><p>\u201cWij willen {i}.\u201d</p>" for i in range(n))
        + "</ul></body></html>"
    )
    t0 = time.perf_counter()
    parsed = parser.parse(page.encode(), 2021, "nested.html")
    assert time.perf_counter() - t0 < 30
    df = parsed.observations
    assert len(df) == n  # one statement per party: its own, not those nested inside it
    assert df.iloc[-1]["party"] == f"Partij {n - 1}" and df.iloc[-1]["text"] == f"\u201cWij willen {n - 1}.\u201d"
    assert df.iloc[0]["text"] == "\u201cWij willen 0.\u201d"


def test_a_deeply_nested_yaml_is_refused_at_load():
    import yaml

    from kr_pipeline.registry import MAX_YAML_DEPTH, load_yaml

    with pytest.raises(yaml.YAMLError, match="nested over"):
        load_yaml("figures: " + "[" * 5000)
    deep_enough = "a: " + "[" * (MAX_YAML_DEPTH - 1) + "1" + "]" * (MAX_YAML_DEPTH - 1)  # in the top mapping
    assert load_yaml(deep_enough)["a"]


def test_a_deeply_nested_curated_file_is_refused_alone(settings):
    """Was: RecursionError stopped every build of every source."""
    fill_store(settings, ncmec_years=(2022,), iwf=False)
    settings.curated.mkdir(parents=True)
    (settings.curated / "comensha.yaml").write_text("source_id: comensha\nedition: 2024\nfigures: " + "[" * 5000, "utf-8")
    done = CliRunner().invoke(main, ["build"])
    assert "ncmec 2022: LOADED" in done.output, done.output
    [refusal] = [line for line in done.output.splitlines() if "comensha.yaml" in line]
    assert "REJECTED" in refusal and "nested over" in refusal
    assert rows(settings, "SELECT count(*) FROM observations WHERE source_id = 'ncmec'")[0][0] > 0


# --- messages ------------------------------------------------------------------------------


@pytest.mark.parametrize("template", ["made", "cached"])
def test_a_full_disk_during_a_load_says_so(settings, tmp_path, monkeypatch, template):
    """A file-size limit stands in for the full disk. Without the schema template in the cache
    folder, DuckDB's writes of the new warehouse fail, and DuckDB's ROLLBACK after them says "no
    transaction is active"; with it, the copy of the template fails: either way one line says
    that there was no space to write the warehouse."""
    from kr_pipeline.store import connection, warehouse

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))  # the user's cache folder may hold the template
    if template == "cached":
        monkeypatch.setattr(warehouse, "CACHE_DIR", tmp_path / "cache" / "kr-pipeline")
        monkeypatch.setattr(warehouse, "_TEMPLATES", {})
        with connection.open_for_write(tmp_path / "other.duckdb"):
            pass
        assert list((tmp_path / "cache" / "kr-pipeline").glob("schema-*.duckdb"))
    fill_store(settings, ncmec_years=(2022,), iwf=False)
    done = subprocess.run([KR, "build"], capture_output=True, text=True, preexec_fn=small_files, timeout=300, env=env)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and len(lines) == 1, done.stderr
    assert "no transaction is active" not in lines[0], lines[0]
    if template == "made":
        assert "no space left to write the warehouse" in lines[0], lines[0]
    else:
        assert f"no space left to write ({settings.warehouse})" in lines[0], lines[0]
    assert not list(settings.warehouse.parent.glob(".kr-new-*")), "a half-written copy was left"


def test_a_disk_error_behind_another_error_is_named():
    from kr_pipeline.errors import one_line as explain

    try:
        try:
            raise duckdb.TransactionException('Failed to commit: Could not write file "kr.duckdb.wal": No space left on device')
        except duckdb.Error:
            raise duckdb.TransactionException("cannot rollback - no transaction is active") from None
    except duckdb.Error as exc:
        assert "cannot rollback" in explain(exc)  # `from None`: the cause was dropped on purpose
    try:
        try:
            raise duckdb.TransactionException('Failed to commit: Could not write file "kr.duckdb.wal": No space left on device')
        except duckdb.Error:
            raise duckdb.TransactionException("cannot rollback - no transaction is active")  # noqa: B904
    except duckdb.Error as exc:
        assert explain(exc).startswith("no space left to write the warehouse")


@pytest.mark.parametrize("value", ["-1", "0", "nan", "soon"])
def test_a_bad_parse_time_is_refused_at_the_door(settings, monkeypatch, value):
    fill_store(settings, ncmec_years=(2022,), iwf=False)
    monkeypatch.setenv("KR_PARSE_SECONDS", value)
    done = CliRunner().invoke(main, ["build"])
    assert done.exit_code == 2 and f"KR_PARSE_SECONDS={value!r}" in done.output, done.output
    assert "ncmec 2022" not in done.output  # nothing was parsed
    assert not settings.warehouse.exists() or rows(settings, "SELECT count(*) FROM loads")[0][0] == 0


def test_pypdfs_limits_are_blamed_on_the_file(settings):
    """An xref table declaring 99,999,999 entries in a file of a few hundred bytes."""
    from kr_pipeline.ingest.snapshots import SnapshotStore
    from kr_pipeline.limits import InputLimit
    from kr_pipeline.reading.pdftext import pdf_pages

    body = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    pdf = body + b"xref\n0 99999999\n0000000000 65535 f \ntrailer << /Size 3 /Root 1 0 R >>\nstartxref\n"
    pdf += str(len(body)).encode() + b"\n%%EOF\n"
    with pytest.raises(InputLimit, match="pypdf"):
        pdf_pages(pdf)
    SnapshotStore(settings.snapshots).add("ncmec", 2022, pdf, url="https://example.invalid/2022.pdf", publisher="NCMEC")
    done = CliRunner().invoke(main, ["build"])
    [line] = [line for line in done.output.splitlines() if line.startswith("ncmec 2022")]
    assert "REJECTED" in line and "pypdf" in line and "fix the parser" not in line, line


def test_yaml_read_again_is_a_copy_and_refused_again():
    """The same text is parsed once per process (a build reads each publisher's YAML many
    times): every caller gets its own copy, and a refused text is refused every time."""
    import yaml

    from kr_pipeline.registry import load_yaml

    text = "a:\n  figures: [1, 2]\n"
    first = load_yaml(text)
    first["a"]["figures"].append(3)
    assert load_yaml(text)["a"]["figures"] == [1, 2]
    for _ in range(2):
        with pytest.raises(yaml.YAMLError, match="anchors"):
            load_yaml("a: &x 1\nb: *x\n")
