"""`kr export`, `kr publish` and `kr site` replace their --out folder whole: only a folder the
same command wrote (its .kr-output marker) or an empty one, never the warehouse's, the snapshot
store's, the curated folder's or a home folder (kr_pipeline.present.outdir, the one guard of all three)."""

import fcntl
import re

import pytest
from click.testing import CliRunner

from kr_pipeline.cli import main
from kr_pipeline.errors import KrError
from kr_pipeline.present.outdir import MARKER, output_dir, written_by

COMMANDS = ["export", "publish", "site"]


@pytest.fixture
def places(tmp_path, monkeypatch):
    """A warehouse folder, a snapshot store, a curated folder and a home folder, each holding a
    file, named by the environment."""
    folders = {name: tmp_path / name for name in ("warehouse", "snapshots", "curated", "home")}
    for folder in folders.values():
        folder.mkdir()
    (folders["warehouse"] / "kr.duckdb").write_bytes(b"not really a warehouse")
    (folders["snapshots"] / "ncmec").mkdir()
    (folders["snapshots"] / "ncmec" / "keep.pdf").write_bytes(b"%PDF")
    (folders["curated"] / "ncmec.yaml").write_text("source_id: ncmec\n")
    (folders["home"] / "thesis.docx").write_text("years of work")
    monkeypatch.setenv("KR_WAREHOUSE", str(folders["warehouse"] / "kr.duckdb"))
    monkeypatch.setenv("KR_SNAPSHOTS", str(folders["snapshots"]))
    monkeypatch.setenv("KR_CURATED", str(folders["curated"]))
    monkeypatch.setenv("KR_SITE", "off")
    monkeypatch.setenv("HOME", str(folders["home"]))
    return folders


def everything(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def run(*args):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    "target, why",
    [
        ("warehouse", "it holds .*kr.duckdb"),
        ("snapshots", "it is .*snapshots"),
        ("snapshots/ncmec", "it lies inside .*snapshots"),
        ("curated", "it is .*curated"),
        ("home", "it is or holds the home folder"),
        (".", "it holds .*kr.duckdb"),  # an ancestor of all of them
    ],
)
def test_the_pipelines_own_folders_are_never_replaced(places, tmp_path, command, target, why):
    before = everything(tmp_path)
    done = run(command, "--out", str(tmp_path / target))
    assert done.exit_code == 2, done.output
    assert re.search(f"refusing to replace {re.escape(str(tmp_path / target))}: {why}", done.output), done.output
    assert len(done.output.strip().splitlines()) == 1
    assert everything(tmp_path) == before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_symbolic_link_to_the_store_is_the_store(places, tmp_path, command):
    (tmp_path / "link").symlink_to(places["snapshots"])
    done = run(command, "--out", str(tmp_path / "link"))
    assert done.exit_code == 2 and "refusing to replace" in done.output and "snapshots" in done.output
    assert (places["snapshots"] / "ncmec" / "keep.pdf").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_the_command_did_not_write_is_refused(places, tmp_path, command):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notes.txt").write_text("mine")
    done = run(command, "--out", str(docs))
    assert done.exit_code == 2, done.output
    assert (
        f"refusing to replace {docs}: it is not empty and kr {command} did not write it (it has no {MARKER} file)" in done.output
    )
    assert (docs / "notes.txt").read_text() == "mine" and everything(tmp_path).count("docs/notes.txt") == 1


def test_another_commands_folder_is_refused(places, tmp_path):
    site = tmp_path / "out"
    with output_dir(site, "site") as tmp:
        (tmp / "index.html").write_text("site")
    assert written_by(site) == "kr site"
    done = run("export", "--out", str(site))
    assert done.exit_code == 2 and f"refusing to replace {site}: kr site wrote it, not kr export" in done.output
    assert (site / "index.html").read_text() == "site"


def test_its_own_earlier_output_and_an_empty_folder_are_replaced(tmp_path):
    out = tmp_path / "out"
    out.mkdir()  # empty: may be written
    with output_dir(out, "export") as tmp:
        (tmp / "first.csv").write_text("1")
    (out / "stale.csv").write_text("old")
    with output_dir(out, "export") as tmp:
        (tmp / "second.csv").write_text("2")
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "second.csv"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left


def test_a_failed_run_leaves_the_earlier_output(tmp_path):
    out = tmp_path / "out"
    with output_dir(out, "export") as tmp:
        (tmp / "first.csv").write_text("1")
    with pytest.raises(RuntimeError), output_dir(out, "export") as tmp:
        raise RuntimeError("killed half way")
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "first.csv"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_killed_runs_leftovers_are_swept(tmp_path):
    out = tmp_path / "out"
    for left in (".tmp-out-killed", ".old-out-4242"):  # what a kill -9 leaves beside the target
        (tmp_path / left).mkdir()
        (tmp_path / left / MARKER).write_text('{"written_by": "kr export"}')
        (tmp_path / left / "half.csv").write_text("half")
    (tmp_path / ".tmp-out-notours").mkdir()  # no marker: not ours to remove
    (tmp_path / ".tmp-out-notours" / "x").write_text("x")
    busy = tmp_path / ".tmp-out-busy"  # another run writing right now: its marker is locked
    busy.mkdir()
    (busy / MARKER).write_text('{"written_by": "kr export"}')
    with open(busy / MARKER, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        with output_dir(out, "export") as tmp:
            (tmp / "new.csv").write_text("new")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == [".tmp-out-busy", ".tmp-out-notours", "out"]


def test_export_into_its_own_earlier_output(shipped, tmp_path, monkeypatch):
    monkeypatch.setenv("KR_WAREHOUSE", str(shipped.warehouse))
    out = tmp_path / "out"
    assert run("export", "--out", str(out)).exit_code == 0
    assert written_by(out) == "kr export"
    (out / "stale.csv").write_text("old")
    done = run("export", "--out", str(out))
    assert done.exit_code == 0, done.output
    assert not (out / "stale.csv").exists() and (out / "kinderhandel-figuren.xlsx").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_the_guard_is_checked_before_anything_is_read(tmp_path, monkeypatch):
    monkeypatch.setenv("KR_WAREHOUSE", str(tmp_path / "missing" / "kr.duckdb"))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a").write_text("a")
    with pytest.raises(KrError, match="refusing to replace"):
        with output_dir(tmp_path / "docs", "publish"):
            pass


def test_a_file_where_the_folder_should_go_is_refused(tmp_path):
    (tmp_path / "out").write_text("a file")
    with pytest.raises(KrError, match="exists and is not a folder"):
        with output_dir(tmp_path / "out", "site"):
            pass
    assert (tmp_path / "out").read_text() == "a file"
