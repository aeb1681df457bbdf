"""The analyst commands: snapshot add, build, query (read-only), status."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kr_pipeline.cli import main

from .conftest import NCMEC_PDFS
from .helpers import fill_store, rows


@pytest.fixture
def built(settings):
    fill_store(settings)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    return settings


def test_snapshot_add_twice_is_a_no_op(settings):
    runner = CliRunner()
    first = runner.invoke(main, ["snapshot", "add", "ncmec", str(NCMEC_PDFS[2022]), "--year", "2022"])
    assert first.exit_code == 0 and first.output.startswith("added ncmec 2022")
    second = runner.invoke(main, ["snapshot", "add", "ncmec", str(NCMEC_PDFS[2022]), "--year", "2022"])
    assert second.exit_code == 0 and "already in the store" in second.output
    bad = runner.invoke(main, ["snapshot", "add", "ncmec", str(NCMEC_PDFS[2022].parent.parent / "iwf" / "2024-geographical-hosting-urls.html"), "--year", "2024"])
    assert bad.exit_code == 2 and "is not a PDF" in bad.output
    built = runner.invoke(main, ["build"])
    assert built.exit_code == 0 and "ncmec 2022: LOADED: 248 new" in built.output
    assert runner.invoke(main, ["build"]).output.strip() == "nothing new to load"


def test_query_formats(built):
    runner = CliRunner()
    sql = "SELECT year, value FROM observations WHERE country_iso3 = 'NLD' AND indicator_id LIKE 'ncmec%' ORDER BY year"
    assert json.loads(runner.invoke(main, ["query", sql, "--format", "json"]).output) == [
        {"year": 2020, "value": 25704}, {"year": 2022, "value": 57012}, {"year": 2023, "value": 72913},
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


def test_status(built):
    out = CliRunner().invoke(main, ["status"]).output
    assert "ncmec" in out and "2023" in out and "loaded" in out


def test_query_does_not_import_prefect_or_great_expectations(built):
    code = (
        "import sys; from kr_pipeline.cli import main\n"
        "try:\n    main(['query', 'select count(*) from observations'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('prefect', 'great_expectations', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
