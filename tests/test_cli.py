"""The analyst commands: snapshot add, build, query (read-only), status."""

import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kr_pipeline.cli import main
from kr_pipeline.ingest.snapshots import publication_label

from .conftest import IWF_2024, NCMEC_PDFS
from .helpers import rows


@pytest.fixture
def built(settings, prebuilt):
    prebuilt()
    return settings


def test_snapshot_add_twice_is_a_no_op(settings):
    runner = CliRunner()
    first = runner.invoke(main, ["snapshot", "add", "ncmec", str(NCMEC_PDFS[2022]), "--year", "2022"])
    assert first.exit_code == 0 and first.output.startswith("added ncmec 2022")
    second = runner.invoke(main, ["snapshot", "add", "ncmec", str(NCMEC_PDFS[2022]), "--year", "2022"])
    assert second.exit_code == 0 and "already in the store" in second.output
    bad = runner.invoke(
        main,
        [
            "snapshot",
            "add",
            "ncmec",
            str(IWF_2024),
            "--year",
            "2024",
        ],
    )
    assert bad.exit_code == 2 and "is not a PDF" in bad.output
    built = runner.invoke(main, ["build"])
    assert built.exit_code == 0 and "ncmec 2022: LOADED: 248 new" in built.output
    assert runner.invoke(main, ["build"]).output.splitlines()[0] == "nothing new to load"


@pytest.mark.parametrize(
    "args",
    [
        ["snapshot", "add", "nosuch", str(NCMEC_PDFS[2022]), "--year", "2022"],
        ["build", "--source", "nosuch"],
        ["update", "--source", "nosuch"],
    ],
)
def test_an_unknown_source_is_one_line_naming_the_known_ones(settings, args):
    """Every command that takes a source refuses an unknown one the same way, before it does
    anything (the registry's one message: registry.known_source)."""
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 2, done.output
    assert done.output.startswith("error: unknown source 'nosuch'; the registry has [") and "'ncmec'" in done.output
    assert not list(settings.snapshots.rglob("*.json")) and not settings.warehouse.exists()


def test_kr_indicators_lists_every_indicator_of_the_catalog(settings):
    from kr_pipeline.catalog import load_catalog

    listed = CliRunner().invoke(main, ["indicators"]).output.splitlines()
    assert listed[0].split()[:3] == ["indicator_id", "unit", "breakdowns"]
    assert [line.split()[0] for line in listed[2:-1]] == list(load_catalog())
    assert listed[-1] == f"({len(load_catalog())} rows)"


def test_query_formats(built):
    runner = CliRunner()
    sql = "SELECT year, value FROM observations WHERE country_iso3 = 'NLD' AND indicator_id LIKE 'ncmec%' ORDER BY year"
    assert json.loads(runner.invoke(main, ["query", sql, "--format", "json"]).output) == [
        {"year": 2020, "value": 25704},
        {"year": 2022, "value": 57012},
        {"year": 2023, "value": 72913},
    ]
    assert runner.invoke(main, ["query", sql, "--format", "csv"]).output == "year,value\n2020,25704\n2022,57012\n2023,72913\n"
    table = runner.invoke(main, ["query", sql]).output
    assert "2023  72,913" in table and "(3 rows)" in table


@pytest.mark.parametrize(
    "sql",
    [
        "DROP TABLE statements",
        "DELETE FROM statements",
        "INSERT INTO sources VALUES ('x','x','x','x','x',NULL,NULL,now())",
        "COPY statements TO '/tmp/kr-leak.csv'",
        "ATTACH '/tmp/kr-other.duckdb' AS other",
        "SET enable_external_access = true",
    ],
)
def test_query_is_read_only(built, sql):
    before = rows(built, "SELECT count(*) FROM observation_vintages")
    result = CliRunner().invoke(main, ["query", sql])
    assert result.exit_code == 2 and result.output.startswith("error:")
    assert rows(built, "SELECT count(*) FROM observation_vintages") == before


def _table(output: str) -> dict[str, list[str]]:
    """A `kr` command's first table as {first cell: cells}, split on the column gaps (it ends
    at the first empty line: `kr status` prints more below)."""
    lines = output.split("\n\n")[0].splitlines()
    return {
        cells[0]: cells
        for cells in (re.split(r"\s{2,}", ln.strip()) for ln in lines[2:])
        if cells and cells[0] and not cells[0].startswith("(")
    }


CURATED_NCMEC = """\
source_id: ncmec
title: test
publisher: NCMEC
edition: 2025
figures:
  - indicator: ncmec.cybertipline_reports
    year: 2024
    value: 273046
    as_published: "273.046"
    citation: {publication: x, publisher: x, quote: "In 2024 steeg dit aantal tot 273.046 meldingen."}
"""


def test_status_shows_the_newest_data_year_and_each_snapshot_status(built):
    table = _table(CliRunner().invoke(main, ["status"]).output)
    assert table["ncmec"][:8] == ["ncmec", "2023", "3", "3", "0", "0", "2023", "loaded"]
    assert table["iwf"][:8] == ["iwf", "2024", "1", "1", "0", "0", "2024", "loaded"]
    assert table["kib"][6] == "reference documents only"  # kept to check quotes against, never loaded
    # a curated file's edition (2025) is not a data year: its figure's own year (2024) is
    built.curated.mkdir()
    (built.curated / "ncmec.yaml").write_text(CURATED_NCMEC)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    table = _table(CliRunner().invoke(main, ["status"]).output)
    assert table["ncmec"][:9] == ["ncmec", "2024", "4", "4", "0", "0", publication_label(2025, curated=True), "loaded", "True"]
    statuses = [
        re.split(r"\s{2,}", ln.strip())[1:6:4]
        for ln in CliRunner().invoke(main, ["snapshot", "list", "--source", "ncmec"]).output.splitlines()[2:-1]
    ]
    assert statuses == [["2020", "loaded"], ["2022", "loaded"], ["2023", "loaded"], ["curated, edition 2025", "loaded"]]


def test_build_writes_a_change_report(built):
    out = CliRunner().invoke(main, ["build"]).output
    path = out.split("change report: ")[1].strip()
    assert path.endswith("-build.md") and "**Completed**" in open(path, encoding="utf-8").read()


NLD_NCMEC = "SELECT year, value FROM observations WHERE indicator_id = 'ncmec.cybertipline_reports' AND country_iso3 = 'NLD' ORDER BY year"


def test_a_snapshot_added_by_mistake_is_withdrawn(built, tmp_path):
    from .test_runs import _republished_2023

    runner = CliRunner()
    before = rows(built, NLD_NCMEC)
    # 1. the 2022 PDF stored again as 2023: the bytes are known under another year, so say so;
    #    the parser refuses it (the PDF states 2022); withdrawn, it is no longer a refusal
    wrong = runner.invoke(main, ["snapshot", "add", "ncmec", str(NCMEC_PDFS[2022]), "--year", "2023"])
    assert wrong.exit_code == 0
    sha = wrong.output.split("sha256 ")[1][:12]
    assert (
        f"warning: the same bytes are already stored as ncmec 2022 ({sha}): is ncmec 2023 the right source and year?"
        in wrong.output
    )
    assert runner.invoke(main, ["build"]).exit_code == 1
    ambiguous = runner.invoke(main, ["snapshot", "withdraw", sha, "--reason", "x"])
    assert ambiguous.exit_code == 2 and "names 2 snapshots" in ambiguous.output
    elsewhere = runner.invoke(main, ["snapshot", "withdraw", sha, "--year", "2021", "--reason", "x"])
    assert elsewhere.exit_code == 2
    assert f"snapshot '{sha}' is not stored under 2021 but under ncmec 2022, ncmec 2023" in elsewhere.output
    done = runner.invoke(
        main, ["snapshot", "withdraw", sha, "--year", "2023", "--reason", "the 2022 PDF stored as 2023 by mistake"]
    )
    assert done.exit_code == 0, done.output
    assert done.output.startswith(f"withdrawn ncmec 2023 {sha}") and "0 values left observations" in done.output
    listing = json.loads(runner.invoke(main, ["snapshot", "list", "--source", "ncmec", "--format", "json"]).output)
    assert [(r["publication"], r["status"]) for r in listing if r["sha256"] == sha] == [("2022", "loaded"), ("2023", "withdrawn")]
    assert _table(runner.invoke(main, ["status"]).output)["ncmec"][3:6] == ["3", "0", "1"]  # loaded, refused, withdrawn
    assert runner.invoke(main, ["build"]).exit_code == 0
    # 2. an edited copy of 2023 added by mistake: it loads as a revision; withdrawn, the
    #    published value is shown again, and the mistaken one stays in the history
    copy = tmp_path / "2023-edited.pdf"
    copy.write_bytes(_republished_2023())
    added = runner.invoke(main, ["snapshot", "add", "ncmec", str(copy), "--year", "2023"])
    sha = added.output.split("sha256 ")[1][:12]
    assert runner.invoke(main, ["build"]).exit_code == 0
    assert (2023, 72950.0) in rows(built, NLD_NCMEC)
    done = runner.invoke(main, ["snapshot", "withdraw", sha, "--reason", "an edited copy, not NCMEC's file"])
    assert done.exit_code == 0, done.output
    assert "2 values left observations, 2 of those series now show another statement's value" in done.output
    assert rows(built, NLD_NCMEC) == before
    assert rows(
        built,
        "SELECT DISTINCT role, value FROM observation_vintages WHERE snapshot_sha256 LIKE ? AND country_iso3 = 'NLD'",
        [sha + "%"],
    ) == [("withdrawn", 72950.0)]
    report = open(done.output.split("change report: ")[1].strip(), encoding="utf-8").read()
    assert f"- ncmec 2023 `{sha}` (" in report and "an edited copy, not NCMEC's file; 2 values left observations" in report
    # the store is the truth: a fresh rebuild withdraws the same
    shown = rows(built, "SELECT * EXCLUDE (load_id, loaded_at) FROM observations ORDER BY ALL")
    built.warehouse.unlink()
    assert runner.invoke(main, ["build"]).exit_code == 0
    assert rows(built, "SELECT * EXCLUDE (load_id, loaded_at) FROM observations ORDER BY ALL") == shown
    again = runner.invoke(main, ["snapshot", "withdraw", sha, "--reason", "x"])
    assert again.exit_code == 2 and "was already withdrawn" in again.output


def test_query_errors_keep_duckdbs_whole_message(built):
    runner = CliRunner()
    typo = runner.invoke(main, ["query", "SELECT valeu FROM observations"])
    assert typo.exit_code == 2 and "Traceback" not in typo.output
    assert 'Referenced column "valeu" not found' in typo.output and "value" in typo.output.split("not found", 1)[1]
    assert "LINE 1:" in typo.output  # the position
    for args, message in [
        (["query", ""], "error: no SQL given"),
        (["query", "  ; "], "error: no SQL given"),
        (["query", "--file", "/nonexistent/q.sql"], "error: cannot read the SQL file /nonexistent/q.sql"),
    ]:
        result = runner.invoke(main, args)
        assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1 and result.output.startswith(message), (
            result.output
        )


def test_query_does_not_import_prefect_or_great_expectations(built):
    code = (
        "import sys; from kr_pipeline.cli import main\n"
        "try:\n    main(['query', 'select count(*) from observations'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('prefect', 'great_expectations', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
