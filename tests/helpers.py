"""Small helpers shared by the build, CLI and update tests."""

from __future__ import annotations

from pathlib import Path

import duckdb

from kr_pipeline.ingest.snapshots import SnapshotStore

from .conftest import IWF_2024, NCMEC_PDFS


def fill_store(settings, ncmec_years=(2020, 2022, 2023), iwf=True) -> SnapshotStore:
    store = SnapshotStore(settings.snapshots)
    for year in ncmec_years:
        store.add(
            "ncmec",
            year,
            NCMEC_PDFS[year].read_bytes(),
            url=f"https://example.invalid/{year}.pdf",
            title=f"{year} CyberTipline Reports by Country",
            publisher="NCMEC",
            retrieved_at=f"{year + 1}-04-01T00:00:00+00:00",
        )
    if iwf:
        store.add(
            "iwf",
            2024,
            IWF_2024.read_bytes(),
            url="https://example.invalid/iwf2024",
            publisher="IWF",
            content_type="text/html",
            retrieved_at="2025-04-20T00:00:00+00:00",
        )
    return store


def rows(settings, sql, params=None):
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


NL_SQL = """SELECT indicator_id, year, value FROM observations
            WHERE country_iso3 = 'NLD' AND breakdown = 'total' ORDER BY 1, 2"""
NL_EXPECTED = [
    ("iwf.hosted_urls", 2024, 83037.0),
    ("iwf.hosted_urls_share", 2024, 29.0),
    ("ncmec.cybertipline_reports", 2020, 25704.0),
    ("ncmec.cybertipline_reports", 2022, 57012.0),
    ("ncmec.cybertipline_reports", 2023, 72913.0),
]
# What a publisher serving every NCMEC fixture (2019 and 2021 too) and the IWF page leads to.
NL_EXPECTED_ALL = sorted(
    NL_EXPECTED + [("ncmec.cybertipline_reports", 2019, 25753.0), ("ncmec.cybertipline_reports", 2021, 36790.0)]
)


def shipped_registry_text() -> str:
    """The shipped channels of every publisher's folder as one registry file (KR_SOURCES),
    for tests that edit addresses."""
    from kr_pipeline.registry import dump_registry, load_registry

    return dump_registry(load_registry())


def curated_file(source_id: str, organisation: str | None = None) -> Path:
    """A shipped curated file: src/kr_pipeline/publishers/<organisation>/curated/<source>.yaml."""
    from kr_pipeline.config import PUBLISHERS_DIR

    return PUBLISHERS_DIR / (organisation or source_id) / "curated" / f"{source_id}.yaml"
