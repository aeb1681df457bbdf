"""Every parse runs under limits (kr_pipeline.ingest.isolation, kr_pipeline.limits): a publication
that hangs its parser, eats memory, nests too deep or is too large is `rejected` with the
limit named, once, and the build goes on. A parser that breaks on a file is `rejected` too
(the same file and code would break it again), not `failed` on every build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from kr_pipeline import limits, pipeline
from kr_pipeline import publishers as sources
from kr_pipeline.cli import main
from kr_pipeline.ingest import isolation
from kr_pipeline.ingest.snapshots import SnapshotStore
from kr_pipeline.limits import InputLimit
from kr_pipeline.reading.markup import check_html

from .helpers import fill_store, rows


def shared_stream_pdf(pages: int = 200, ops: int = 150_000) -> bytes:
    """A small PDF whose pages all draw one large compressed content stream: each page's text
    extraction reads the whole stream again (the probe's 52 KB, 200-page file)."""
    content = b"BT /F1 9 Tf 36 806 Td\n" + b"(kinderen 12.345) Tj 0 -1 Td\n" * ops + b"ET"
    packed = zlib.compress(content, 9)
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ] + [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents 3 0 R >>"
        % (4 + pages)
        for _ in range(pages)
    ]
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture
def own_parser(settings, tmp_path, monkeypatch):
    """A publisher `odd` whose parser the test writes (as a new publisher is added: a package
    beside the others), registered with format text."""

    def make(body: str) -> None:
        folder = tmp_path / "parsers" / "odd"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "__init__.py").write_text('"""A parser written by a test."""\n')
        (folder / "parser.py").write_text(textwrap.dedent(body))
        monkeypatch.setattr(sources, "__path__", [*sources.__path__, str(folder.parent)])
        settings.sources.write_text(
            settings.sources.read_text()
            + "\nodd:\n  publisher: Odd\n  title: 'Odd {year}'\n  parser: odd\n  format: text\n  urls: {}\n"
        )

    return make


def test_a_pdf_that_hangs_its_parser_is_stopped_and_rejected_once(settings, monkeypatch):
    monkeypatch.setenv("KR_PARSE_SECONDS", "3")
    fill_store(settings, ncmec_years=(2020,), iwf=False)
    SnapshotStore(settings.snapshots).add("ncmec", 2021, shared_stream_pdf(), original_name="2021.pdf")
    results = {r.year: r for r in pipeline.build(settings)}
    assert results[2020].status == "loaded"  # the build went on
    assert results[2021].status == "rejected"
    assert "parsing took over 3 s (the time limit, KR_PARSE_SECONDS)" in results[2021].message
    assert pipeline.build(settings) == []  # not tried again: same file, same code
    assert rows(settings, "SELECT status FROM loads WHERE year = 2021") == [("rejected",)]


def test_a_parser_over_the_memory_limit_is_rejected(settings, own_parser, monkeypatch, tmp_path):
    monkeypatch.setenv("KR_PARSE_MEMORY_MB", "1024")
    own_parser("""
        def parse(data, year, file="?", context=None):
            hog = bytearray(4 * 1024**3)  # 4 GB
            return hog
    """)
    (tmp_path / "odd.txt").write_text("anything\n")
    SnapshotStore(settings.snapshots).add("odd", 2024, b"anything\n", original_name="odd.txt")
    [result] = pipeline.build(settings)
    assert result.status == "rejected" and "more than the memory limit of 1024 MB (KR_PARSE_MEMORY_MB)" in result.message


def test_an_unexpected_parser_error_is_rejected_not_failed(settings, own_parser):
    own_parser("""
        def parse(data, year, file="?", context=None):
            return {}["no such key"]
    """)
    SnapshotStore(settings.snapshots).add("odd", 2024, b"anything\n", original_name="odd.txt")
    [result] = pipeline.build(settings)
    assert result.status == "rejected"
    assert "the parser failed unexpectedly (KeyError: 'no such key')" in result.message
    assert pipeline.build(settings) == []  # not retried on every build
    built = CliRunner().invoke(main, ["build"])
    assert built.exit_code == 0 and built.output.startswith("nothing new to load")


def test_a_page_nested_too_deep_is_refused_quickly(settings):
    """The probe's Stem voor kinderen page of 70 KB nested <li> (101 s in BeautifulSoup)."""
    deep = "<html><body><ul>" + "<li><ul>" * 9000 + "x" + "</ul></li>" * 9000 + "</ul></body></html>"
    SnapshotStore(settings.snapshots).add("stemvoorkinderen", 2021, deep.encode(), original_name="page.html")
    [result] = pipeline.build(settings)
    assert result.status == "rejected" and "nests elements over 200 deep" in result.message  # a depth check, no timeout


def test_the_depth_check_knows_optional_end_tags():
    siblings = "<ul>" + "<li>item" * 5000 + "</ul><p>one<p>two<table>" + "<tr><td>a<td>b" * 500 + "</table>"
    check_html(siblings)  # side by side, not nested: accepted
    with pytest.raises(InputLimit, match="over 200 deep"):
        check_html("<div>" * 201)


def test_an_oversized_page_is_refused_before_parsing(settings):
    page = "<html><body>" + "<p>kinderen</p>" * 700_000 + "</body></html>"  # 11 M characters
    SnapshotStore(settings.snapshots).add("stemvoorkinderen", 2021, page.encode(), original_name="page.html")
    [result] = pipeline.build(settings)
    assert result.status == "rejected" and "over the limit of 10,000,000" in result.message


def test_a_killed_snapshot_add_leaves_nothing_behind(settings, tmp_path):
    """`kill -9` while a large file is being written: the next command removes the leftover."""
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(64 * 1024 * 1024))
    store_dir = settings.snapshots
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from kr_pipeline.ingest.snapshots import SnapshotStore as S; import kr_pipeline.ingest.snapshots as m\n"
            "real = m.os.fsync\n"
            "def slow(fd): print('writing', flush=True); time.sleep(60)\n"
            "m.os.fsync = slow\n"
            f"S({str(store_dir)!r}).add('ncmec', 2024, open({str(big)!r}, 'rb').read())",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout.readline().strip() == "writing"
    [leftover] = list(Path(store_dir).glob("ncmec/2024/.tmp-*"))
    assert SnapshotStore(store_dir).remove_leftovers() == []  # being written: left alone
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert leftover.exists()
    done = CliRunner().invoke(main, ["build"])
    assert done.exit_code == 0, done.output
    assert not leftover.exists() and list(Path(store_dir).glob("ncmec/2024/*")) == []


@pytest.fixture
def slow_imports(tmp_path, monkeypatch):
    """Modules whose import takes `seconds` (a parse child started ahead imports them)."""

    def make(name: str, seconds: float) -> str:
        (tmp_path / f"{name}.py").write_text(f"import time\ntime.sleep({seconds})\n")
        return name

    monkeypatch.syspath_prepend(str(tmp_path))  # a spawned child gets this process's sys.path
    isolation._stop()  # a child left by an earlier test would serve instead
    yield make
    isolation._stop()  # the next test starts a child of its own


def test_a_parse_time_limit_counts_from_the_child_being_ready(slow_imports):
    """A child started ahead (isolation.prestart) imports what the parses will need; the first
    parse's time limit counts from when it is ready, not from its start: here the warm-up
    takes 3 s and the parse's limit is 2 s."""
    isolation.prestart([slow_imports("kr_test_slow_import", 3)], memory_mb=limits.parse_memory_mb())
    reply = isolation.run(os.getpid, seconds=2, memory_mb=limits.parse_memory_mb())
    assert reply[0] == "ok" and reply[1] != os.getpid()
    assert isolation._child is not None and "kr_test_slow_import" in isolation._child.warm


def test_a_child_whose_warm_up_hangs_is_replaced(slow_imports, monkeypatch):
    """A warm-up that does not finish in time (an import that hangs) is no fault of the
    publication: a child that imports nothing ahead does the parse."""
    monkeypatch.setattr(isolation, "WARM_UP_SECONDS", 5)
    isolation.prestart([slow_imports("kr_test_hanging_import", 60)], memory_mb=limits.parse_memory_mb())
    reply = isolation.run(os.getpid, seconds=2, memory_mb=limits.parse_memory_mb())
    assert reply[0] == "ok"
    assert isolation._child is not None and isolation._child.warm == ()  # replaced by a child that imports nothing ahead
