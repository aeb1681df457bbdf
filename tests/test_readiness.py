"""Readiness in one command (issue 24 part 6): per channel the next edition, when it is due,
where it will be looked for, from the shipped registry and snapshot store (no network)."""

import datetime as dt

from click.testing import CliRunner

from kr_pipeline.cli import main
from kr_pipeline.config import WAREHOUSE_DIR
from kr_pipeline.readiness import readiness
from kr_pipeline.registry import load_registry
from kr_pipeline.snapshots import SnapshotStore

from .conftest import STORE

SOURCES = load_registry(WAREHOUSE_DIR / "sources.yaml")


def test_the_next_edition_of_each_channel_from_the_shipped_registry_and_store():
    rows = {r.source_id: r for r in readiness(SOURCES, SnapshotStore(STORE), today=dt.date(2026, 12, 6))}
    assert set(rows) >= {"ncmec", "iwf", "offlimits", "offlimits_en", "comensha_web", "comensha_web_aanmelders"}
    assert "comensha" not in rows and "kib" not in rows  # curated files and reference documents are not fetched
    ncmec, iwf = rows["ncmec"], rows["iwf"]
    newest_ncmec = max(int(p.name) for p in (STORE / "ncmec").iterdir())
    assert (ncmec.newest_stored, ncmec.next_year) == (newest_ncmec, newest_ncmec + 1)
    assert ncmec.due == f"Mar-May {newest_ncmec + 2}"
    assert (
        ncmec.looked_for == f"https://www.missingkids.org/content/dam/missingkids/pdfs/{newest_ncmec + 1}-reports-by-country.pdf"
    )
    # IWF 2026 is published in April 2027: not yet due; three more templates and a landing page
    assert (iwf.next_year, iwf.due, iwf.state) == (2026, "Apr 2027", "not yet due")
    assert iwf.looked_for.endswith("(+3 more) and its landing page")
    # a season that has passed without the edition is said so
    late = {r.source_id: r for r in readiness(SOURCES, SnapshotStore(STORE), today=dt.date(2027, 6, 1))}
    assert late["iwf"].state == "overdue: not found yet"
    during = {r.source_id: r for r in readiness(SOURCES, SnapshotStore(STORE), today=dt.date(2027, 4, 15))}
    assert during["iwf"].state == "due now"


def test_kr_status_shows_the_next_editions(settings, monkeypatch):
    monkeypatch.setenv("KR_SNAPSHOTS", str(STORE))  # the shipped store, read only
    from kr_pipeline.config import Settings

    assert Settings.from_env().snapshots == STORE
    result = CliRunner().invoke(main, ["status"])
    assert "Next editions" in result.output, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("iwf "))
    assert "2026" in line and "Apr 2027" in line
