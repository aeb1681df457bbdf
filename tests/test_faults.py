"""Fault injection: a killed build, concurrent writers and readers, failed downloads that must
leave nothing behind, hostile input. Real DuckDB files, real processes, 127.0.0.1 only."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from click.testing import CliRunner

from kr_pipeline import pipeline
from kr_pipeline.cli import main
from kr_pipeline.errors import ParseError
from kr_pipeline.ingest.download import Fetcher
from kr_pipeline.ingest.snapshots import SnapshotStore
from kr_pipeline.registry import RegistryError, load_registry

from .conftest import IWF_2024, NCMEC_PDFS
from .helpers import fill_store, rows
from .httpserver import LocalServer, Route

# A build in a child process that pauses inside the load transaction (after the rows are
# inserted, before COMMIT) and says so through a marker file.
PAUSING_BUILD = textwrap.dedent("""
    import pathlib, sys, time
    from kr_pipeline import pipeline
    from kr_pipeline.store import warehouse
    from kr_pipeline.config import Settings
    marker = pathlib.Path(sys.argv[1])
    real = warehouse._store_candidates
    def pausing(con, load_id, snap, candidates):  # the last step inside a load's transaction
        marker.write_text(load_id)
        time.sleep(float(sys.argv[2]))
        return real(con, load_id, snap, candidates)
    warehouse._store_candidates = pausing
    results = pipeline.build(Settings.from_env())
    print("done", [r.status for r in results])
""")


def start_pausing_build(tmp_path, pause):
    marker = tmp_path / "in-transaction"
    proc = subprocess.Popen(
        [sys.executable, "-c", PAUSING_BUILD, str(marker), str(pause)],
        env=dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert proc.poll() is None, proc.stderr.read()
        assert time.monotonic() < deadline, "the child build never reached its load"
        time.sleep(0.05)
    return proc


def test_sigkill_during_a_load_leaves_the_warehouse_as_before(settings, tmp_path):
    store = fill_store(settings, ncmec_years=(2020,), iwf=False)
    pipeline.build(settings)
    before = rows(settings, "SELECT count(*), sum(value) FROM observation_vintages")
    store.add("ncmec", 2022, NCMEC_PDFS[2022].read_bytes())
    proc = start_pausing_build(tmp_path, pause=60)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert rows(settings, "SELECT count(*), sum(value) FROM observation_vintages") == before
    assert rows(settings, "SELECT year, status FROM loads ORDER BY started_at") == [(2020, "loaded"), (2022, "started")]
    [result] = pipeline.build(settings)  # the next run completes the work
    assert (result.year, result.status, result.rows_new) == (2022, "loaded", 248)
    assert rows(settings, "SELECT year, status FROM loads ORDER BY started_at") == [
        (2020, "loaded"),
        (2022, "abandoned"),
        (2022, "loaded"),
    ]


def test_two_builds_at_once_and_a_query_during_a_build(settings, tmp_path, monkeypatch):
    fill_store(settings, ncmec_years=(2020,), iwf=False)
    monkeypatch.setenv("KR_LOCK_WAIT", "120")
    first = start_pausing_build(tmp_path, pause=3)
    # A second build waits for the file, then finds nothing left to do.
    second = subprocess.run(
        [sys.executable, "-m", "kr_pipeline.cli", "build"], env=dict(os.environ), capture_output=True, text=True, timeout=300
    )
    assert first.wait(120) == 0
    assert second.returncode == 0 and "nothing new to load" in second.stdout, second.stderr
    # A query while a writer is inside its load transaction: it waits or answers from the
    # last committed state (never half a load), and changes nothing.
    fill_store(settings, ncmec_years=(2022,), iwf=False)
    third = start_pausing_build(tmp_path, pause=5)
    try:
        query = subprocess.run(
            [sys.executable, "-m", "kr_pipeline.cli", "query", "SELECT count(*) AS n FROM observations", "--format", "csv"],
            env=dict(os.environ),
            capture_output=True,
            text=True,
            timeout=60,
        )
        # a committed state: before the load (246) or, when the query's own child process started
        # after the writer's pause on a busy machine, after it (246 + 248); never half a load
        assert (query.returncode, query.stdout) in ((0, "n\n246\n"), (0, "n\n494\n")) or (
            query.returncode == 2 and "in use by another process" in query.stderr
        )
    finally:
        assert third.wait(120) == 0
    assert rows(settings, "SELECT year, count(*) FROM observation_vintages GROUP BY 1 ORDER BY 1") == [(2020, 246), (2022, 248)]
    assert rows(settings, "SELECT DISTINCT status FROM loads") == [("loaded",)]


@pytest.mark.parametrize(
    "route, expect",
    [
        (Route(status=500), "HTTP 500"),
        (Route(NCMEC_PDFS[2020].read_bytes(), content_type="application/pdf", cut_after=5000), "cut off"),
        (Route(b"<html>maintenance</html>", content_type="text/html"), "expected a PDF"),
        (Route(endless=True, content_type="application/pdf"), "byte limit"),
        (Route(NCMEC_PDFS[2020].read_bytes(), delay=2.0), "timed out"),
    ],
    ids=["500", "cut-off", "html-instead-of-pdf", "endless", "timeout"],
)
def test_failed_download_stores_and_loads_nothing(settings, route, expect):
    sources = load_registry(settings.sources)
    store = SnapshotStore(settings.snapshots)
    with LocalServer() as server:
        server.routes["/2020.pdf"] = route
        sources["ncmec"].urls = {2020: server.url("/2020.pdf")}
        fetcher = Fetcher(allow_private=True, backoff=0.01, retries=2, read_timeout=0.5, max_bytes=2_000_000)
        [outcome] = pipeline.fetch_source(store, sources["ncmec"], fetcher, years=[2020])
    assert outcome.status in ("error", "unreachable")
    assert expect in outcome.message and "ncmec 2020" in outcome.message
    assert store.list() == [] and not any(settings.snapshots.rglob("*.tmp*"))
    assert pipeline.build(settings) == []


def test_registry_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "sources.yaml"
    bad.write_text(
        "ncmec:\n  publisher: x\n  title: x\n  parser: ncmec\n  format: pdf\n\niwf:\n  publisher: x\n  title: x\n  parser: iwf\n  format: html\n  colour: red\n"
    )
    with pytest.raises(RegistryError, match=r"sources.yaml:8: source 'iwf': unknown key\(s\) \['colour'\]"):
        load_registry(bad)
    bad.write_text("ncmec:\n  publisher: x\n  title: x\n  parser: ncmec\n  format: pdf\n  urls:\n    2024: file:///etc/passwd\n")
    with pytest.raises(RegistryError, match="only http"):
        load_registry(bad)


def test_html_entity_bomb_is_not_expanded():
    """DOCTYPE entities are never expanded (html.parser); the cell is just not a number."""
    bomb = '<!DOCTYPE t [<!ENTITY a "1234567890"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    page = bomb + IWF_2024.read_text("utf-8").replace("<td>83,037</td>", "<td>&b;</td>")
    from kr_pipeline.publishers.iwf import parser as iwf

    with pytest.raises(ParseError, match="not a whole count"):  # the entity left as written, never expanded
        iwf.parse(page.encode(), 2024, "bomb.html")


def test_query_refusal_leaves_table_intact(settings):
    fill_store(settings, ncmec_years=(2020,), iwf=False)
    pipeline.build(settings)
    result = CliRunner().invoke(main, ["query", "DROP TABLE observations"])
    assert result.exit_code == 2 and "read-only" in result.output
    assert rows(settings, "SELECT count(*) FROM observations") == [(246,)]
