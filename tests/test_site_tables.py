"""The site's figure tables and the indicator page's earlier values, cell by cell against the
warehouse's figure views (figure_data, fig_ncmec, fig_iwf) and history, for a warehouse with a
revised value (NCMEC 2023 republished), a conflicting curated figure, NCMEC's 2024 split
(three series, three columns) and IWF (two series of two units). Issue 23 part 5: which series
fills which column, the revised mark and the earlier-values column each survived a mutant."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest

from kr_pipeline import pipeline
from kr_pipeline.figures import FIGURES
from kr_pipeline.ingest.snapshots import SnapshotStore
from kr_pipeline.present.presentation import status_label
from kr_pipeline.present.website import _env, _write_pages, figure_page, indicator_page, read_site_data

from .conftest import NCMEC_2024
from .helpers import fill_store, rows
from .test_change_report_cells import _republished_2023

CURATED = """source_id: ncmec
title: "NCMEC: figures quoted in secondary texts"
edition: 2025
language: nl
figures:
  - indicator: ncmec.cybertipline_reports
    year: 2022
    value: 50000
    qualifier: approx
    as_published: "ongeveer 50.000"
    citation:
      publication: a newspaper article
      quote: "In 2022 kreeg NCMEC ongeveer 50.000 meldingen over Nederland."
"""


def _number(v: float, lang: str, unit: str) -> str:
    """Whole numbers as the site writes them (the test's own formatting, not the site's)."""
    assert float(v).is_integer()
    text = f"{v:,.0f}"
    text = text.replace(",", ".") if lang == "nl" else text
    return text + ("%" if unit == "percent" else "")


class _Tables(HTMLParser):
    """Every table of a page: rows of cells (text, whether the cell holds the revised mark)."""

    def __init__(self):
        super().__init__()
        self.tables: list[list[list[tuple[str, bool]]]] = []
        self._cell: list[str] | None = None
        self._abbr = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell, self._abbr = [], False
        elif tag == "abbr":
            self._abbr = True
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            text = "".join(self._cell).replace("\u00ad", "")  # as a reader reads it: soft hyphens are only break points
            lines = [" ".join(line.split()) for line in text.split("\n")]
            self.tables[-1][-1].append(("\n".join(line for line in lines if line), self._abbr))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _tables(path) -> list[list[list[tuple[str, bool]]]]:
    parser = _Tables()
    parser.feed(path.read_text("utf-8"))
    return parser.tables


def _no_validation(publications):
    class Passed:
        success = True

        @staticmethod
        def summary():
            return {"suite": "observations", "success": True, "evaluated": 0, "failed": 0, "failures": []}

    return [Passed() for _ in publications]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The pages of a small warehouse, both languages, written by the site's own page writer
    (website._write_pages) from read_site_data (the charts are their definitions in the page;
    their print files are not drawn here)."""
    from kr_pipeline.config import Settings

    tmp = tmp_path_factory.mktemp("site-tables")
    settings = Settings(
        warehouse=tmp / "kr.duckdb",
        snapshots=tmp / "snapshots",
        sources=None,
        allow_private_urls=False,
        curated=tmp / "curated",
        reports=tmp / "reports",
    )
    steps = pipeline.Steps(validate=_no_validation)
    fill_store(settings, ncmec_years=(2022, 2023), iwf=True)
    assert all(r.status == "loaded" for r in pipeline.build(settings, steps=steps))
    store = SnapshotStore(settings.snapshots)
    store.add("ncmec", 2023, _republished_2023(), url="https://example.invalid/2023.pdf",
              retrieved_at="2026-11-29T00:00:00+00:00")  # fmt: skip
    store.add("ncmec", 2024, NCMEC_2024.read_bytes(), url="https://example.invalid/2024.pdf",
              retrieved_at="2025-04-01T00:00:00+00:00")  # fmt: skip
    settings.curated.mkdir()
    (settings.curated / "ncmec.yaml").write_text(CURATED)
    results = pipeline.build(settings, steps=steps)
    assert len(results) == 3 and all(r.status == "loaded" for r in results), [r.message for r in results]
    data = read_site_data(settings)
    root = tmp / "site"
    _write_pages(_env(), data, "nl", root, root)
    _write_pages(_env(), data, "en", root / "en", root)
    return settings, root


def _page(root, lang: str, path: str):
    return (root if lang == "nl" else root / "en") / path


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fid", ["ncmec", "iwf"])
def test_figure_table_cell_by_cell_against_figure_data(site, fid, lang):
    settings, root = site
    fig = FIGURES[fid]
    [table] = _tables(_page(root, lang, figure_page(fid)))
    header, *body = table
    assert [text for text, _ in header] == ["Jaar" if lang == "nl" else "Year"] + [s.label_in(lang) for s in fig.series]
    data = {
        (order, year): (value, unit, revised)
        for order, year, value, unit, revised in rows(
            settings, "SELECT series_order, year, value, unit, revised FROM figure_data WHERE figure = ?", [fid]
        )
    }
    [(first, last)] = rows(settings, "SELECT min(year), max(year) FROM figure_grid WHERE figure = ?", [fid])
    status = {
        (o, y): st for o, y, st in rows(settings, "SELECT series_order, year, status FROM figure_grid WHERE figure = ?", [fid])
    }
    assert [int(r[0][0]) for r in body] == list(range(first, last + 1))
    for row in body:
        year = int(row[0][0])
        for s, (text, marked) in zip(fig.series, row[1:], strict=True):
            if (s.order, year) not in data:  # a gap says why (figure_grid.status: one definition of missing)
                assert (text, marked) == (status_label(status[s.order, year], lang), False), (fid, year, s.label)
                continue
            value, unit, revised = data[s.order, year]
            assert (text, marked) == (_number(value, lang, unit) + ("*" if revised else ""), revised), (fid, year, s.label)


def test_ncmec_columns_are_the_views_columns(site):
    """The NCMEC table's columns hold fig_ncmec's reports, referrals and informational reports,
    in the order of figures.yaml; 2023 carries the revised mark, and only 2023."""
    settings, root = site
    [table] = _tables(_page(root, "en", figure_page("ncmec")))
    header, *body = table
    assert [t for t, _ in header] == ["Year", "Reports (total)", "Referrals", "Informational reports"]
    view = rows(settings, "SELECT year, reports, referrals, informational FROM fig_ncmec ORDER BY year")
    shown = [
        (
            int(r[0][0]),
            *(None if t in ("no figure", "n/a", "none expected") else float(t.rstrip("*").replace(",", "")) for t, _ in r[1:]),
        )
        for r in body
    ]
    assert [r for r in shown if any(v is not None for v in r[1:])] == view  # the gap years aside
    assert [r[0] for r in shown if all(v is None for v in r[1:])] == [2019, 2020, 2021]
    assert view == [
        (2022, 57012.0, None, None),
        (2023, 72950.0, None, None),
        (2024, 273046.0, 245365.0, 27681.0),
    ]
    marks = {int(r[0][0]): [m for _, m in r[1:]] for r in body}
    assert {y: m for y, m in marks.items() if any(m)} == {2023: [True, False, False]}
    text = html.unescape(_page(root, "en", figure_page("ncmec")).read_text("utf-8"))
    assert "* revised: the source changed this figure" in text
    iwf = html.unescape(_page(root, "en", figure_page("iwf")).read_text("utf-8"))
    assert "revised: the source changed" not in iwf  # nothing revised there


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_earlier_values_cell_by_cell_against_history(site, lang):
    """The indicator page: one row per value shown (observations), its figure with the revised
    mark, and in the last column every other vintage of that series (history: superseded,
    conflicts, ...) with its value, role, load time and snapshot."""
    settings, root = site
    [table] = _tables(_page(root, lang, indicator_page("ncmec.cybertipline_reports")))
    header, *body = table
    assert len(header) == 7 and header[3][0] == ("Zoals gepubliceerd" if lang == "nl" else "As published")
    shown = rows(
        settings,
        """SELECT period, breakdown, value, unit, revised, as_published FROM observations
           WHERE indicator_id = 'ncmec.cybertipline_reports' AND country_iso3 = 'NLD'
           ORDER BY breakdown, year, length(period), period""",
    )
    history = rows(
        settings,
        """SELECT period, breakdown, value, role, loaded_at, snapshot FROM history
           WHERE indicator_id = 'ncmec.cybertipline_reports' AND country_iso3 = 'NLD' AND role <> 'chosen'
           ORDER BY loaded_at""",
    )
    assert len(body) == len(shown)
    for (period, breakdown, value, unit, revised, printed), cells in zip(shown, body, strict=True):
        assert cells[0] == (period, False)
        assert cells[2] == (_number(value, lang, unit) + ("*" if revised else ""), revised)
        assert cells[3] == (printed or "", False) and printed  # the words the source printed, beside our number
        earlier = [
            f"{_number(v, lang, unit)} ({role}, {loaded_at}, {snapshot})"
            for p, b, v, role, loaded_at, snapshot in history
            if (p, b) == (period, breakdown)
        ]
        assert cells[6] == ("\n".join(earlier) or "–", False), (period, breakdown, cells[1])
    # what the history holds here: the 2023 revision's old value and the curated 2022 conflict
    by_row = {(c[0][0], c[2][0]): c[6][0] for c in body}
    if lang == "en":
        assert by_row[("2023", "72,950*")].startswith("72,913 (superseded, ")
        assert by_row[("2022", "57,012")].startswith("50,000 (conflicts, ")
        assert by_row[("2024", "273,046")] == "–"
