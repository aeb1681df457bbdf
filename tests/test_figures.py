"""The chapter's figures from the warehouse built from what the repo ships."""

import struct

import pytest
from click.testing import CliRunner

from kr_pipeline.catalog import load_catalog, markdown
from kr_pipeline.charts import draw, dutch, render
from kr_pipeline.cli import main
from kr_pipeline.config import PROJECT_ROOT
from kr_pipeline.export import export_views
from kr_pipeline.figures import FIGURES

from .helpers import rows


def test_kengetallen(shipped):
    assert rows(shipped, "SELECT year, value, change_since_2019, change_pct_since_2019 FROM fig_kengetallen") == [
        (2019, 108.0, 0.0, 0.0),
        (2023, 52.0, -56.0, -51.9),
    ]


def test_ncmec_table(shipped):
    assert rows(
        shipped, "SELECT year, reports, referrals, informational, prev_year, change FROM fig_ncmec WHERE year >= 2023"
    ) == [
        (2023, 72913.0, None, None, 2022, 15901.0),
        (2024, 273046.0, 245365.0, 27681.0, 2023, 200133.0),
    ]


def test_iwf_table(shipped):
    assert rows(shipped, "SELECT year, share_percent, urls, share_change_points FROM fig_iwf") == [
        (2022, 32.0, 82605.0, None),
        (2023, 33.0, 91572.0, 1.0),
        (2024, 29.0, 83037.0, -4.0),
    ]


def test_offlimits_table(shipped):
    assert rows(shipped, "SELECT * EXCLUDE (reports_change_pct) FROM fig_offlimits") == [
        (2023, 255563.0, None, None, None, None, None),
        (2024, 127081.0, 72691.0, 603062.0, 12.5, 230759.0, 1344.0),
    ]


def test_figuur2_and_4_and_b8(shipped):
    assert rows(shipped, "SELECT vorm, year, value, change FROM fig_figuur2") == [
        ("Seksuele uitbuiting", 2023, 55.0, None),
        ("Criminele uitbuiting", 2022, 10.0, None),
        ("Criminele uitbuiting", 2023, 35.0, 25.0),
    ]
    assert [r[2] for r in rows(shipped, "SELECT * FROM fig_figuur4")] == [66.0, 70.0]
    assert [(r[1], r[2]) for r in rows(shipped, "SELECT * FROM fig_b8_3")] == [
        (2023, 22.0),
        (2023, 5.0),
        (2023, 3.0),
        (2024, 0.0),
    ]


def test_suppressed_values_never_sum_as_zero(shipped):
    [(n, total, nulls)] = rows(
        shipped,
        """SELECT count(*), sum(value), count(*) FILTER (value IS NULL)
        FROM observations WHERE indicator_id = 'police.child_prostitution_reports' AND period <> '2017-2021'""",
    )
    assert (n, total, nulls) == (5, None, 5)


def test_show_prints_a_figure(shipped, monkeypatch):
    monkeypatch.setenv("KR_WAREHOUSE", str(shipped.warehouse))
    out = CliRunner().invoke(main, ["show", "iwf", "--format", "csv"]).output
    assert out.splitlines()[:2] == ["year,share_percent,urls,share_change_points,urls_change_pct", "2022,32,82605,,"]


def _png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("figure", list(FIGURES))
def test_chart_writes_png_and_svg(shipped, tmp_path, figure):
    png, svg = draw(shipped.warehouse, figure, tmp_path)
    assert _png_size(png) == (960, 540)
    text = svg.read_text("utf-8")
    assert text.lstrip().startswith("<?xml") and "Bron:" in text


@pytest.mark.parametrize("figure", list(FIGURES))
def test_every_bar_has_the_height_of_its_value(shipped, figure):
    """The bars are the warehouse's values (a chart of zero-height bars, or of other numbers, fails)."""
    import matplotlib.pyplot as plt

    from kr_pipeline.figures import figure_points

    points = figure_points(shipped.warehouse, figure)
    if figure == "iwf":  # the share; the counts are labels
        points = [p for p in points if p["series_order"] == 1]
    if figure == "ncmec":  # one bar per year, from 2024 split into referrals + informational reports
        by_year: dict = {}
        for p in points:
            by_year.setdefault(p["year"], {})[p["series_order"]] = p["value"]
        expected = [v for parts in by_year.values() for v in ([parts[2], parts[3]] if parts.get(2) is not None else [parts[1]])]
    else:
        expected = [p["value"] or 0 for p in points if p["value"] is not None or FIGURES[figure].chart == "horizontal"]
    fig = render(shipped.warehouse, figure)
    horizontal = FIGURES[figure].chart == "horizontal"
    drawn = [bar.get_width() if horizontal else bar.get_height() for bar in fig.axes[0].patches]
    plt.close(fig)
    assert expected and sorted(drawn) == pytest.approx(sorted(expected))


def test_dutch_number_labels():
    assert (dutch(127081), dutch(41.4, "percent"), dutch(29, "percent")) == ("127.081", "41,4%", "29%")


def test_export(shipped, tmp_path):
    written = {p.name for p in export_views(shipped.warehouse, tmp_path)}
    assert {"observations.csv", "observations.parquet", "fig_ncmec.csv", "kinderhandel-figuren.xlsx"} <= written
    import openpyxl

    sheet = openpyxl.load_workbook(tmp_path / "kinderhandel-figuren.xlsx")["fig_iwf"]
    assert [c.value for c in sheet[1]][:3] == ["year", "share_percent", "urls"]
    assert [c.value for c in sheet[4]][:3] == [2024, 29, 83037]


def test_docs_list_the_catalog():
    assert (PROJECT_ROOT / "docs" / "indicators.md").read_text("utf-8") == markdown(load_catalog()), (
        "run: kr indicators --markdown > docs/indicators.md"
    )
