"""Hostile and careless input: every `kr` command answers bad input with one line and no
traceback; limits hold (query time, memory and rows; years; YAML aliases; curated files)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kr_pipeline.cli import main
from kr_pipeline.errors import KrError
from kr_pipeline.reading.curated import curated_files, file_header
from kr_pipeline.registry import RegistryError, load_registry

from .conftest import NCMEC_PDFS
from .helpers import fill_store

KR = str(Path(sys.executable).parent / "kr")

BILLION_LAUGHS = """source_id: ncmec
edition: 2025
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
figures: [*g, *g, *g, *g, *g, *g, *g, *g, *g]
"""


@pytest.fixture
def built(settings, prebuilt):
    prebuilt(ncmec_years=(2020,), iwf=False)
    return settings


def kr(*args, env_extra: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, **(env_extra or {}))
    env.pop("KR_DEBUG", None)
    return subprocess.run([KR, *args], capture_output=True, text=True, env=env, timeout=timeout)


def one_line_error(done: subprocess.CompletedProcess) -> str:
    """The command failed with exactly one line on stderr, no traceback."""
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    assert done.returncode != 0, done.stdout
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 or (lines[0].startswith("Usage:") and lines[-1].startswith("Error:")), done.stderr
    return lines[-1]


def test_every_command_answers_bad_input_with_one_line(built, tmp_path):
    """Each command with input it cannot use: one line, no traceback."""
    truncated = tmp_path / "truncated.duckdb"
    truncated.write_bytes(Path(os.environ["KR_WAREHOUSE"]).read_bytes()[:5000])
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    cases = [
        (["build"], {"KR_LOCK_WAIT": "abc"}, "KR_LOCK_WAIT='abc'"),
        (["build"], {"KR_WAREHOUSE": str(truncated)}, "cannot open the warehouse"),
        (["build"], {"KR_WAREHOUSE": str(tmp_path)}, "is a folder"),
        (["status"], {"KR_WAREHOUSE": str(truncated)}, "cannot open the warehouse"),
        (["query", "SELECT 1"], {"KR_WAREHOUSE": str(truncated)}, "cannot open the warehouse"),
        (["query", "SELECT 1"], {"KR_QUERY_SECONDS": "soon"}, "KR_QUERY_SECONDS"),
        (["query", ""], {}, "no SQL given"),
        (["query", "SELEC 1"], {}, "SQL syntax error"),
        (["query", "SELECT * FROM nope"], {}, "unknown name"),
        (["query", "SET memory_limit = '100GB'"], {}, "refused: queries may only read"),
        (["query", "SELECT 1", "--memory", "lots"], {}, "memory limit 'lots'"),
        (["history", "ncmec.cybertipline_reports", "--year", "99999999999"], {}, "not a plausible year"),
        (["backfill", "--source", "ncmec", "--years", "2019-99999999999"], {}, "not a plausible year"),
        (["snapshot", "add", "ncmec", str(NCMEC_PDFS[2022]), "--year", "99999999999"], {}, "not a plausible year"),
        (["snapshot", "add", "ncmec", str(tmp_path / "missing.pdf"), "--year", "2022"], {}, "does not exist"),
        (["snapshot", "list"], {"KR_SNAPSHOTS": str(a_file)}, "a-file"),
        (["snapshot", "withdraw", "deadbeef", "--reason", "x"], {}, "deadbeef"),
        (["review", "accept", "999999", "--year", "2020"], {}, "999999"),
        (["review", "reject", "999999", "--reason", "x"], {}, "999999"),
        (["review", "export", "--out", str(a_file / "review.xlsx")], {}, "cannot write"),
        (["review", "export", "--out", str(a_file)], {}, "must end in .xlsx"),
        (["review", "import", str(a_file)], {}, "not a workbook that can be read"),
        (["review", "import", str(tmp_path / "missing.xlsx")], {}, "missing.xlsx"),
        (["show", "figuur1"], {"KR_WAREHOUSE": str(tmp_path / "none.duckdb")}, "no warehouse"),
        (["chart", "figuur1", "--out", str(a_file / "charts")], {}, "a-file"),
        (["export", "--out", str(a_file / "export")], {}, "a-file"),
        (["site", "--out", str(a_file / "site")], {}, "a-file"),
        (["indicators"], {"KR_SOURCES": str(a_file)}, None),
        (["check", "--source", "nope"], {}, "nope"),
    ]
    if os.environ.get("TESTS_FAST_LOOP"):
        # the inner loop (`run.py test --fast`) runs every other case, alternating halves from
        # run to run (each case is a fresh `kr` process, ~0.5 s); the whole suite runs them all
        cases = cases[int(time.time()) % 2 :: 2]
    wrong = []
    for args, env, expected in cases:
        done = kr(*args, env_extra=env)
        if args == ["indicators"]:  # does not read the registry: works
            assert done.returncode == 0 and "Traceback" not in done.stderr
            continue
        try:
            line = one_line_error(done)
            assert expected in line
        except AssertionError:
            wrong.append((args, env, done.returncode, done.stderr[-600:]))
    assert not wrong, "\n".join(map(str, wrong))


def test_query_limits(built):
    runner = CliRunner()
    slow = runner.invoke(main, ["query", "SELECT count(*) FROM range(100000000000) a, range(1000) b", "--timeout", "1"])
    assert slow.exit_code == 2 and "over the time limit of 1 s" in slow.output
    big = runner.invoke(main, ["query", "SELECT list(range) FROM range(300000000)", "--memory", "100MB"])
    assert big.exit_code == 2 and "more than the memory limit of 100MB" in big.output
    many = runner.invoke(main, ["query", "SELECT * FROM range(50)", "--max-rows", "7", "--format", "csv"])
    assert many.exit_code == 0
    assert many.stdout.splitlines() == ["range", *map(str, range(7))]
    assert "only the first 7 rows are shown" in many.stderr


def test_json_output_is_valid_json(built):
    done = CliRunner().invoke(main, ["query", "SELECT 'nan'::DOUBLE AS a, 'inf'::DOUBLE AS b, 1.5 AS c", "--format", "json"])
    assert json.loads(done.output, parse_constant=lambda c: pytest.fail(f"bare {c}")) == [{"a": None, "b": None, "c": 1.5}]


def test_a_query_holding_the_file_is_named_as_such(built):
    """A build that finds the file held by a reader does not blame a build."""
    from kr_pipeline.store import connection

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(built.warehouse)!r}, read_only=True); print('open', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(KrError, match="a build, an update or a query has it open"):
            with connection.open_for_write(built.warehouse, wait_seconds=0.3):
                pass
    finally:
        holder.kill()
        holder.wait()


def test_yaml_anchors_and_aliases_are_refused(tmp_path):
    registry = tmp_path / "sources.yaml"
    registry.write_text("base: &base\n  publisher: X\n  title: T\n  parser: ncmec\n  format: pdf\nncmec:\n  <<: *base\n", "utf-8")
    with pytest.raises(RegistryError, match="anchors and aliases .* are not allowed"):
        load_registry(registry)
    with pytest.raises(KrError, match="anchors and aliases"):
        file_header(BILLION_LAUGHS.encode(), "laughs.yaml")


def test_curated_files_typed_and_in_range(tmp_path):
    good = "source_id: ncmec\nedition: 2025\nfigures: []\n"
    assert file_header(good.encode())["edition"] == 2025
    for text, message in [
        ("source_id: ncmec\nedition: 4294967297\nfigures: []\n", "not a plausible year"),
        ("source_id: ncmec\nedition: 2025\ntitle: [a, b]\nfigures: []\n", "title must be text"),
        ("source_id: ncmec\nedition: 2025\nfigures: {a: 1}\n", "figures must be a list"),
        ("source_id: [x]\nedition: 2025\nfigures: []\n", "source_id must be text"),
    ]:
        with pytest.raises(KrError, match=message):
            file_header(text.encode(), "x.yaml")
    (tmp_path / "a.yaml").write_text(good)
    (tmp_path / "b.yml").write_text(good)
    (tmp_path / "c.txt").write_text(good)
    assert [p.name for p in curated_files(tmp_path)] == ["a.yaml", "b.yml"]


def test_a_reversed_span_is_refused(settings):
    """A curated figure for "2023-2019" is refused naming the fix."""
    from kr_pipeline import pipeline

    fill_store(settings, ncmec_years=(), iwf=False)
    settings.curated.mkdir(parents=True, exist_ok=True)
    (settings.curated / "police.yml").write_text(
        """source_id: police
edition: 2025
figures:
  - indicator: police.child_prostitution_reports
    year: "2021-2017"
    value: 11
    as_published: "11 meldingen"
    citation:
      publication: Politie (via Nationaal Rapporteur)
      quote: "Van 2017 tot 2021 registreerde de politie in totaal 11 meldingen in vijf jaar."
""",
        "utf-8",
    )
    results = pipeline.build(settings)
    nr = [r for r in results if r.source_id == "police"]
    assert nr and nr[0].status == "rejected" and "a span runs from the earlier year to the later" in nr[0].message


def test_no_traceback_from_an_unexpected_error(built, monkeypatch):
    """An error nobody planned for is one line naming its class (KR_DEBUG=1 shows the traceback)."""
    from kr_pipeline import figures

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(figures, "figure_table", broken)
    done = CliRunner().invoke(main, ["show", "figuur1"])
    assert done.exit_code == 2 and "internal error: ZeroDivisionError: division by zero" in done.output
    assert done.exception is None or isinstance(done.exception, SystemExit)
    monkeypatch.setenv("KR_DEBUG", "1")
    assert isinstance(CliRunner().invoke(main, ["show", "figuur1"]).exception, ZeroDivisionError)


def test_disk_refusing_writes_is_one_line(built, tmp_path):
    """A file-size limit stands in for a full disk: the export cannot be written."""
    import resource
    import signal

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    out = tmp_path / "export"
    done = subprocess.run([KR, "export", "--out", str(out)], capture_output=True, text=True, preexec_fn=small_files, timeout=120)
    line = one_line_error(done)
    assert "no space left to write" in line
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_full_snapshot_disk_is_one_line_and_leaves_nothing(settings, tmp_path):
    """`kr snapshot add` of a file larger than the disk lets it write (a file-size limit
    stands in for the full disk): one line, nothing half-written in the store."""
    import resource
    import signal

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))

    big = tmp_path / "big.pdf"
    big.write_bytes(NCMEC_PDFS[2022].read_bytes() + b"\n%" + b"x" * 200_000)
    done = subprocess.run(
        [KR, "snapshot", "add", "ncmec", str(big), "--year", "2022"],
        capture_output=True,
        text=True,
        preexec_fn=small_files,
        timeout=120,
    )
    assert "no space left to write" in one_line_error(done)
    assert [p for p in settings.snapshots.rglob("*") if p.is_file()] == []


def test_a_python_error_passed_on_by_duckdb_is_its_last_line():
    """DuckDB wraps an error raised in Python code it called (a file system) with its traceback."""
    import duckdb

    from kr_pipeline.errors import one_line

    wrapped = duckdb.Error(
        'Error: Traceback (most recent call last):\n  File "x.py", line 1, in f\nKrError: x is not under y\n\nLINE 1: CREATE VIEW v ...'
    )
    assert one_line(wrapped) == "the warehouse: Error: KrError: x is not under y"


def test_a_billion_laughs_curated_file_is_refused_before_anything_grows(settings):
    """The probe's 3.9 KB YAML that took 2.4 GB: refused at the door of the build, alone."""
    import resource

    from kr_pipeline import pipeline

    fill_store(settings, ncmec_years=(2020,), iwf=False)
    settings.curated.mkdir(parents=True, exist_ok=True)
    (settings.curated / "laughs.yaml").write_text(BILLION_LAUGHS, "utf-8")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    results = pipeline.build(settings)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 500_000  # KB: nothing near gigabytes
    refused = [r for r in results if r.file == "laughs.yaml"]
    assert refused and refused[0].status == "rejected" and "anchors and aliases" in refused[0].message
    assert [r.status for r in results if r.source_id == "ncmec"] == ["loaded"]
