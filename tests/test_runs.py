"""Scheduled runs, backfill, revisions, change reports and notifications (Prefect local mode,
publications served from 127.0.0.1)."""

import json

import pytest
from click.testing import CliRunner

from kr_pipeline.cli import main
from kr_pipeline.reading.pdftext import pdf_pages
from kr_pipeline.stages.build import PublicationResult
from kr_pipeline.stages.update import SourceReport, summarise

from .conftest import NCMEC_PDFS
from .helpers import rows
from .httpserver import LocalServer, Route
from .pdfwriter import text_pdf
from .test_update_e2e import write_registry

TABLES = ["observation_vintages", "snapshots", "loads", "sources", "indicators"]


@pytest.fixture
def publisher():
    with LocalServer() as server:
        for year, pdf in NCMEC_PDFS.items():
            server.routes[f"/ncmec/{year}-reports-by-country.pdf"] = Route(
                pdf.read_bytes(), content_type="application/pdf", etag=f'"n{year}-1"'
            )
        yield server


def dump(settings):
    """Every table's content, without the columns that record when a row was written."""
    out = {}
    for table in TABLES:
        cols = [
            c
            for (c,) in rows(
                settings,
                f"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position",
            )
        ]
        keep = [c for c in cols if not c.endswith("_at") and not c.endswith("_seconds")]
        out[table] = rows(settings, f"SELECT {', '.join(keep)} FROM {table} ORDER BY ALL")
    return out


def test_backfill_twice_leaves_identical_tables(prefect_harness, settings, publisher):
    write_registry(settings, publisher.url(""), publisher.url(""))
    runner = CliRunner()
    first = runner.invoke(main, ["backfill", "--source", "ncmec", "--years", "2019-2024"])
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[0] == "ncmec: 5 new; 1 not yet published; loaded 2019, 2020, 2021, 2022, 2023"
    before = dump(settings)
    second = runner.invoke(main, ["backfill", "--source", "ncmec", "--years", "2019-2024"])
    assert second.exit_code == 0, second.output
    assert dump(settings) == before
    assert "nothing new to load" in second.stdout


def _republished_2023() -> bytes:
    """The real 2023 text with the Netherlands and the total changed by 37, as a new PDF."""
    pages = pdf_pages(NCMEC_PDFS[2023].read_bytes())
    pages = [
        p.replace("Netherlands  72,913", "Netherlands  72,950").replace("Total 36,210,368", "Total 36,210,405") for p in pages
    ]
    return text_pdf(pages)


def test_republication_becomes_a_second_vintage(prefect_harness, settings, publisher):
    write_registry(settings, publisher.url(""), publisher.url(""))
    runner = CliRunner()
    assert runner.invoke(main, ["update", "--source", "ncmec"]).exit_code == 0
    # Nothing changed: the check asks again (conditional GET) and builds nothing.
    quiet = runner.invoke(main, ["check", "--source", "ncmec"])
    assert quiet.exit_code == 0 and quiet.stdout.startswith("ncmec: 5 unchanged;") and "loaded" not in quiet.stdout
    assert any(h.get("If-None-Match") == '"n2023-1"' for p, h in publisher.requests if p.endswith("2023-reports-by-country.pdf"))
    # NCMEC regenerates its 2023 PDF with one figure changed.
    publisher.routes["/ncmec/2023-reports-by-country.pdf"] = Route(
        _republished_2023(), content_type="application/pdf", etag='"n2023-2"'
    )
    result = runner.invoke(main, ["check", "--source", "ncmec"])
    assert result.exit_code == 0, result.output
    assert "ncmec: 1 new" in result.stdout and "loaded 2023" in result.stdout
    history = runner.invoke(
        main, ["history", "ncmec.cybertipline_reports", "--country", "NLD", "--year", "2023", "--format", "json"]
    )
    vintages = json.loads(history.stdout)
    assert [(v["vintage"], v["value"]) for v in vintages] == [(1, 72913), (2, 72950)]
    assert vintages[0]["snapshot"] != vintages[1]["snapshot"]
    assert rows(
        settings,
        "SELECT value, revised FROM observations WHERE indicator_id = 'ncmec.cybertipline_reports' AND country_iso3 = 'NLD' AND year = 2023",
    ) == [(72950.0, True)]
    report_path = result.stdout.split("change report: ")[1].strip()
    report = open(report_path, encoding="utf-8").read()
    assert "| ncmec.cybertipline_reports | 2023 | Netherlands | total | 72,913 (exact) | 72,950 (exact) |" in report
    assert "| ncmec.cybertipline_reports | 2023 | Total | total | 36,210,368 (exact) | 36,210,405 (exact) |" in report


def test_failed_source_is_reported_and_notified(prefect_harness, settings, publisher, monkeypatch):
    with LocalServer() as gone:
        dead = gone.url("")
    write_registry(settings, publisher.url(""), dead)
    monkeypatch.setenv("KR_NOTIFY_WEBHOOK", publisher.url("/hook"))
    result = CliRunner().invoke(main, ["update"])
    assert result.exit_code == 1
    assert "completed with failures: iwf 2024 (connection refused)" in result.output
    [(path, body)] = publisher.posts
    payload = json.loads(body)
    assert path == "/hook" and payload["message"] == "completed with failures: iwf 2024 (connection refused)"
    assert any(line.startswith("iwf: publisher could not be reached") for line in payload["sources"])
    report = open(payload["report"], encoding="utf-8").read()
    assert "**Completed with failures: iwf 2024 (connection refused)**" in report and "iwf 2024: unreachable" in report


def test_the_summary_calls_a_curated_file_by_its_edition_whatever_its_suffix():
    """A curated file's year is its edition, not a data year; `.yml` is as curated as `.yaml`."""
    built = [
        PublicationResult("ncmec", 2023, "2023.pdf", "loaded", ""),
        PublicationResult("ncmec", 2025, "ncmec.yml", "loaded", "", curated=True),
    ]
    assert summarise(SourceReport("ncmec", built=built)) == "ncmec: loaded 2023; loaded curated, edition 2025"
    assert summarise(SourceReport("ncmec", built=built[1:])) == "ncmec: loaded curated, edition 2025"
    # a fresh build loads every stored version of a curated file: one line says so
    assert summarise(SourceReport("ncmec", built=built[1:] * 2)) == "ncmec: loaded curated, edition 2025 (2 versions)"
