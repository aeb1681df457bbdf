"""Readiness in one command (issue 24 part 6): per channel the next edition, when it is due,
where it will be looked for, from the shipped registry and snapshot store (no network)."""

import datetime as dt

from click.testing import CliRunner

from kr_pipeline.cli import main
from kr_pipeline.ingest.snapshots import SnapshotStore
from kr_pipeline.readiness import readiness
from kr_pipeline.registry import load_registry

from .conftest import NCMEC_PDFS, STORE

SOURCES = load_registry()


def test_the_next_edition_of_each_channel_from_the_shipped_registry_and_store():
    rows = {r.source_id: r for r in readiness(SOURCES, SnapshotStore(STORE), today=dt.date(2026, 12, 6))}
    assert set(rows) >= {"ncmec", "iwf", "offlimits", "offlimits_en", "comensha_web", "comensha_web_aanmelders"}
    assert "comensha" not in rows and "kib" not in rows  # curated files and reference documents are not fetched
    ncmec, iwf = rows["ncmec"], rows["iwf"]
    newest_ncmec = max(NCMEC_PDFS)  # the shipped PDFs; the curated file's edition (2025) is no publication
    assert (ncmec.newest_stored, ncmec.next_year) == (newest_ncmec, newest_ncmec + 1)
    assert ncmec.due == f"Mar-May {newest_ncmec + 2}"
    assert ncmec.state == "overdue: not found yet"  # NCMEC's 2024 report was due in spring 2025
    assert (
        ncmec.looked_for == f"https://www.missingkids.org/content/dam/missingkids/pdfs/{newest_ncmec + 1}-reports-by-country.pdf"
    )
    # IWF: the store has its 2024 page (its 2025 folder holds a curated edition, no publication);
    # the 2025 report came in April 2026, three more templates and a landing page are tried
    assert (iwf.newest_stored, iwf.next_year, iwf.due, iwf.state) == (2024, 2025, "Apr 2026", "overdue: not found yet")
    assert iwf.looked_for.endswith("(+3 more) and its landing page")
    early = {r.source_id: r for r in readiness(SOURCES, SnapshotStore(STORE), today=dt.date(2026, 3, 1))}
    assert early["iwf"].state == "not yet due"
    during = {r.source_id: r for r in readiness(SOURCES, SnapshotStore(STORE), today=dt.date(2026, 4, 15))}
    assert during["iwf"].state == "due now"


def test_kr_status_shows_the_next_editions(settings, monkeypatch):
    monkeypatch.setenv("KR_SNAPSHOTS", str(STORE))  # the shipped store, read only
    from kr_pipeline.config import Settings

    assert Settings.from_env().snapshots == STORE
    result = CliRunner().invoke(main, ["status"])
    assert "Next editions" in result.output, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("iwf "))
    assert " 2024 " in line and " 2025 " in line and "Apr 2026" in line and "2,02" not in line  # years, not amounts
