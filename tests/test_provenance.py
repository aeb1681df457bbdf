"""The words as published, provenance to the source and one definition of missing (issue 27),
on the warehouse built from the shipped store and curated files."""

import shutil

import duckdb
import pytest
from click.testing import CliRunner

from kr_pipeline import publishers
from kr_pipeline.cli import main

from .conftest import CHAPTER


def _rows(settings, sql):
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_every_text_figure_keeps_the_chapters_own_words(shipped):
    chapter = CHAPTER.read_text("utf-8")
    words = dict(
        ((ind, period), published)
        for ind, period, published in _rows(
            shipped, "SELECT indicator_id, period, as_published FROM observations WHERE statement_kind = 'curated'"
        )
    )
    text_figures = _rows(shipped, "SELECT indicator_id, period, as_published FROM text_figures")
    assert text_figures and all(words[(i, p)] == w for i, p, w in text_figures)
    assert words[("offlimits.self_generated_share", "2024")] == "ongeveer één op de drie"
    assert words[("police.child_prostitution_reports", "2019")] == "minder dan tien"
    assert words[("comensha.minor_foreign_b8_reflection_accepted", "2023")] == "vijf"
    assert words[("comensha.minor_foreign_b8_3_reports", "2023")] == "Drie"
    assert words[("ind.b8_3_permits_minor_victims", "2024")] == "geen"
    assert words[("nr.minor_sexual_victims_seen_share", "2019")] == "2 tot 3%"
    # every curated figure (the text figures among them): words of the chapter itself, never a number we formatted
    assert all(w and w in chapter for w in words.values()), {k: w for k, w in words.items() if not w or w not in chapter}


def test_parsed_values_keep_the_text_they_were_read_from(shipped):
    got = _rows(
        shipped,
        "SELECT year, as_published FROM observations WHERE indicator_id = 'ncmec.cybertipline_reports' "
        "AND country_iso3 = 'NLD' AND breakdown = 'total' AND year IN (2020, 2023) ORDER BY year",
    )
    assert got == [(2020, "25,704"), (2023, "72,913")]  # the PDF's cells, English separators


def test_no_curated_figure_lacks_the_url_and_title_of_its_publication(shipped):
    rows = _rows(
        shipped,
        "SELECT indicator_id, period, url, publication, location, traced_to FROM observations WHERE statement_kind = 'curated'",
    )
    assert len(rows) >= 41
    assert [r for r in rows if r[2] is None or not r[2].startswith("https://")] == []
    assert [r for r in rows if not r[3] or r[3].startswith("CoMensha / Nationaal Rapporteur: minderjarige")] == []
    assert [r for r in rows if "http" in r[4] or "quote checked" in r[4]] == []  # the citation is not in location
    kinds = {r[5] for r in rows}
    assert kinds <= {"source", "secondary", "unchecked"} and {"source", "secondary"} <= kinds
    # the inquiries' answers are published first in the chapter: traced to their own publication
    assert {r[5] for r in rows if r[0].startswith("ind.") or r[0] == "comensha.minor_foreign_b8_3_reports"} == {"source"}


def test_kr_status_counts_how_far_curated_figures_are_traced(shipped, monkeypatch):
    monkeypatch.setenv("KR_WAREHOUSE", str(shipped.warehouse))
    out = CliRunner().invoke(main, ["status"]).output
    counts = dict(_rows(shipped, "SELECT traced_to, figures FROM provenance_status WHERE statement_kind = 'curated'"))
    assert f"Curated figures shown: {sum(counts.values())}" in out
    assert f"  {counts['source']} traced to the publication's own stored copy" in out
    assert f"  {counts['secondary']} checked only in a secondary text" in out
    assert "no URL of their publication" not in out
    assert "ncmec.cybertipline_reports [referral] 2019-2023" in out.split("Not applicable")[1]


def test_one_definition_of_missing(shipped):
    status = dict(
        ((ind, brk, y), st) for ind, brk, y, st in _rows(shipped, "SELECT indicator_id, breakdown, year, status FROM figure_grid")
    )
    # the split into referrals and informational reports began in 2024: not applicable before
    assert {status[("ncmec.cybertipline_reports", b, y)] for b in ("referral", "informational") for y in range(2019, 2024)} == {
        "not_applicable"
    }
    assert status[("ncmec.cybertipline_reports", "referral", 2024)] == "value"
    # a year the catalog expects no figure for is not "missing" (Figuur 2, Chat met Fier 2022)
    assert status[("ckm.fier_minor_victims_sexual", "total", 2022)] == "not_expected"
    # the grids' missing cells are exactly the catalog's missing figures, and the other way round
    grid_missing = set(
        _rows(shipped, "SELECT DISTINCT indicator_id, breakdown, CAST(year AS VARCHAR) FROM figure_grid WHERE status = 'missing'")
    )
    catalog_missing = set(
        _rows(
            shipped,
            "SELECT indicator_id, breakdown, period FROM missing_figures m "
            "WHERE EXISTS (SELECT 1 FROM figure_series f WHERE f.indicator_id = m.indicator_id AND f.breakdown = m.breakdown)",
        )
    )
    assert grid_missing == catalog_missing and grid_missing
    assert all(
        (st == "value") == (v is not None or q is not None)
        for v, q, st in _rows(shipped, "SELECT value, qualifier, status FROM figure_grid")
    )


@pytest.mark.parametrize(
    "since, message",
    [("{referral: 2025}", "expects referral in 2024, before breakdowns_since"), ("{boys: 2024}", "breakdowns_since maps")],
)
def test_the_catalog_refuses_an_expectation_before_its_breakdown_began(tmp_path, monkeypatch, since, message):
    from kr_pipeline.catalog import CatalogError, load_catalog
    from kr_pipeline.config import PUBLISHERS_DIR

    text = (
        (PUBLISHERS_DIR / "ncmec" / "indicators.yaml")
        .read_text("utf-8")
        .replace("breakdowns_since: {referral: 2024, informational: 2024}", f"breakdowns_since: {since}")
    )
    assert "breakdowns_since: {%s}" % since.strip("{}") in text
    folder = tmp_path / "ncmec"
    folder.mkdir()
    shutil.copy(PUBLISHERS_DIR / "ncmec" / "publisher.yaml", folder)
    (folder / "indicators.yaml").write_text(text, "utf-8")
    monkeypatch.setattr(publishers, "__path__", [str(tmp_path)])
    with pytest.raises(CatalogError, match=message):
        load_catalog()
