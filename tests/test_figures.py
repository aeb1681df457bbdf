"""The chapter's figures from the warehouse built from what the repo ships."""

import html
import re
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
    assert [r[2] for r in rows(shipped, "SELECT * FROM fig_figuur4")] == [66.0]  # VNG's 70% is a text figure
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
    """PNG at print resolution (9 inches at 300 dpi); SVG with its text kept as text: the
    title, the source line and the value labels are <text> a reader can search and an editor
    can change."""
    png, svg = draw(shipped.warehouse, figure, tmp_path)
    assert _png_size(png)[0] == 9 * 300
    text = svg.read_text("utf-8")
    words = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", text))
    assert FIGURES[figure].title[:30] in html.unescape(words) and "Bron:" in words


def _bars(fig):
    """The drawn bars (each carries an id for the site's tooltips), per axes."""
    return [[a for a in ax.patches if (a.get_gid() or "").startswith("bar-")] for ax in fig.axes]


@pytest.mark.parametrize("figure", list(FIGURES))
def test_every_bar_has_the_height_of_its_value(shipped, figure):
    """The bars are the warehouse's values (a chart of zero-height bars, or of other numbers, fails)."""
    import matplotlib.pyplot as plt

    from kr_pipeline.figures import figure_points

    points = figure_points(shipped.warehouse, figure)
    if figure == "ncmec":  # one bar per year, from 2024 split into referrals + informational reports
        by_year: dict = {}
        for p in points:
            by_year.setdefault(p["year"], {})[p["series_order"]] = p["value"]
        expected = [
            v
            for parts in by_year.values()
            for v in ([parts[2], parts[3]] if parts.get(2) is not None else [parts[1]])
            if v is not None
        ]
    else:
        expected = [p["value"] for p in points if p["value"] is not None]
    fig = render(shipped.warehouse, figure)
    horizontal = FIGURES[figure].chart == "horizontal"
    drawn = [bar.get_width() if horizontal else bar.get_height() for bars in _bars(fig) for bar in bars]
    plt.close(fig)
    assert expected and sorted(drawn) == pytest.approx(sorted(expected))


def _axes_text(ax):
    return [t.get_text() for t in ax.texts]


@pytest.mark.parametrize(
    ("figure", "years", "gaps"),
    [
        ("ncmec", list(range(2019, 2025)), set()),  # 2021's PDF ships since issue 24: no gap left
        ("figuur1", list(range(2018, 2024)), {2018, 2020, 2021, 2022}),
        ("figuur2", [2022, 2023], {2022}),
    ],
)
def test_every_year_of_the_span_is_on_the_axis_and_a_gap_is_marked(shipped, figure, years, gaps):
    """A year without a figure keeps its tick and says "geen cijfer" there; a year with one
    does not (Figuur 1's 2018 and 2020-2022, Figuur 2's sexual-exploitation 2022; NCMEC has none)."""
    import matplotlib.pyplot as plt

    fig = render(shipped.warehouse, figure)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(y) for y in years]
    marked = {years[round(t.xy[0])] for t in ax.texts if t.get_text() == "geen cijfer"}
    plt.close(fig)
    assert gaps <= marked
    if figure == "ncmec":
        assert marked == gaps


def test_one_measure_per_axis(shipped):
    """Offlimits: reports, URLs and images each get their own panel and axis label; B8/3:
    persons and permits apart; the IWF share and the URL count apart."""
    import matplotlib.pyplot as plt

    for figure, labels in [
        ("offlimits", ["meldingen", "URL's", "afbeeldingen"]),
        ("b8_3", ["minderjarigen", "vergunningen"]),
        ("iwf", ["% van de wereldwijd gehoste URL's", "URL's in Nederland"]),
    ]:
        fig = render(shipped.warehouse, figure)
        assert [ax.get_ylabel() for ax in fig.axes if ax.get_ylabel()] == labels, figure
        plt.close(fig)


def test_a_source_line_per_series_when_sources_differ(shipped, tmp_path):
    _, svg = draw(shipped.warehouse, "b8_3", tmp_path)
    text = html.unescape(svg.read_text("utf-8"))
    assert (
        "Minderjarige buitenlandse slachtoffers, B8-bedenktijd geaccepteerd, B8/3-aangifte gedaan: Bron: navraag CoMensha" in text
    )
    assert "B8/3-vergunningen verleend aan minderjarigen: Bron: navraag Ministerie van Justitie en Veiligheid" in text
    _, svg = draw(shipped.warehouse, "ncmec", tmp_path)
    assert html.unescape(svg.read_text("utf-8")).count("Bron: NCMEC") == 1


def test_revised_values_and_qualifiers_are_labelled_as_published():
    """A revised value gets an asterisk and the note; a range is drawn at its middle with its
    interval and labelled "2 tot 3%"; a suppressed value is a gap labelled "minder dan 10"."""
    import matplotlib.pyplot as plt

    from kr_pipeline.charts import draw_figure
    from kr_pipeline.figures import Figure, Series

    spec = Figure("t", "Test", "Test", "bars_by_year", {}, (Series(1, "x", "total", "Reeks", "Series", "Bron: test"),))
    base = {"series_order": 1, "unit": "percent", "value_low": None, "value_high": None, "upper_bound": None}
    points = [
        dict(base, year=2019, value=None, value_low=2.0, value_high=3.0, qualifier="range", revised=False),
        dict(base, year=2020, value=41.4, qualifier="exact", revised=True),
        dict(base, year=2021, value=None, upper_bound=9.0, qualifier="suppressed", revised=False),
        dict(base, year=2022, value=None, qualifier=None, revised=False),
    ]
    fig = draw_figure(spec, points, "nl")
    ax = fig.axes[0]
    assert {"2 tot 3%", "41,4%*", "minder dan 10%", "geen cijfer"} <= set(_axes_text(ax))
    assert "* herzien" in fig.get_supxlabel()
    [middle, revised] = _bars(fig)[0]
    assert (middle.get_height(), revised.get_height()) == (2.5, 41.4)
    plt.close(fig)


def test_dutch_number_labels():
    assert (dutch(127081), dutch(41.4, "percent"), dutch(29, "percent")) == ("127.081", "41,4%", "29%")


def test_export_puts_the_chapters_figures_first(shipped, tmp_path):
    """The workbook opens on a read-me, then one sheet per figure with Dutch headers and every
    year of its span, the text figures, then the warehouse for analysts."""
    import openpyxl

    written = {p.name for p in export_views(shipped.warehouse, tmp_path / "out")}
    assert {"fig_ncmec.csv", "fig_ncmec.nl.csv", "fig_ncmec.parquet", "tekstcijfers.csv", "observations.csv"} <= written
    book = openpyxl.load_workbook(tmp_path / "out" / "kinderhandel-figuren.xlsx")
    assert book.sheetnames == [
        "leesmij",
        *FIGURES,
        "tekstcijfers",
        "observations",
        "missing_figures",
        "indicators",
        "party_positions_current",
    ]
    sheet = book["ncmec"]
    header = [c.value for c in sheet[1]]
    assert header[:8] == ["Reeks", "Indicator", "Periode", "Waarde", "Laag", "Hoog", "Eenheid", "Zoals gepubliceerd"]
    assert header[8] == "Waarde (opgemaakt)"
    # as published: the PDF's own cells (English separators), the chapter's words for 2024
    totals = [(r[2], r[3], r[7], r[8]) for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "Meldingen (totaal)"]
    assert totals == [
        ("2019", 25753, "25,753", "25.753"),
        ("2020", 25704, "25,704", "25.704"),
        ("2021", 36790, "36,790", "36.790"),
        ("2022", 57012, "57,012", "57.012"),
        ("2023", 72913, "72,913", "72.913"),
        ("2024", 273046, "273.046", "273.046"),
    ]
    readme = [r[0] for r in book["leesmij"].iter_rows(min_row=2, values_only=True)]
    assert {f"Kolom '{h}'" for h in header} <= set(readme)
    text = {(r[1], r[2]): r[8] for r in book["tekstcijfers"].iter_rows(min_row=2, values_only=True)}  # formatted
    assert text[("police.child_prostitution_reports", "2019")] == "minder dan 10"
    assert text[("nr.minor_sexual_victims_seen_share", "2019")] == "2 tot 3%"
    assert text[("offlimits.removal_within_24h_share", "2024")] == "meer dan 75%"
    assert text[("offlimits.self_generated_share", "2024")] == "circa 33%"
    assert (text[("comensha.minor_domestic_sexual_share", "2022")], text[("comensha.minor_domestic_sexual_share", "2023")]) == (
        "22%",
        "13%",
    )


def test_csv_files_have_no_spurious_decimals(shipped, tmp_path):
    export_views(shipped.warehouse, tmp_path)
    standard = (tmp_path / "fig_ncmec.csv").read_text("utf-8").splitlines()
    assert standard[2].split(",")[2:4] == ["2020", "25704"]
    dutch_csv = (tmp_path / "tekstcijfers.nl.csv").read_text("utf-8-sig").splitlines()
    share = next(line for line in dutch_csv if line.startswith("Aandeel minderjarigen onder de slachtoffers"))
    assert share.split(";")[2:4] == ["2023", "41,4"]
    assert "25704.0" not in (tmp_path / "observations.csv").read_text("utf-8")


def test_export_replaces_the_folder_whole(shipped, tmp_path):
    out = tmp_path / "out"
    export_views(shipped.warehouse, out)
    (out / "stale.csv").write_text("old")
    export_views(shipped.warehouse, out)  # its own earlier output (tests/test_outdir.py: nothing else)
    assert not (out / "stale.csv").exists() and (out / "kinderhandel-figuren.xlsx").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left


def test_docs_list_the_catalog():
    assert (PROJECT_ROOT / "docs" / "indicators.md").read_text("utf-8") == markdown(load_catalog()), (
        "run: kr indicators --markdown > docs/indicators.md"
    )
