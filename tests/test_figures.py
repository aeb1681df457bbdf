"""The chapter's figures from the warehouse built from what the repo ships."""

from click.testing import CliRunner

from kr_pipeline.catalog import load_catalog, markdown
from kr_pipeline.cli import main
from kr_pipeline.config import PROJECT_ROOT
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


# The charts of these figures: tests/test_charts.py.


def test_export_puts_the_chapters_figures_first(shipped_export):
    """The workbook opens on a read-me, then one sheet per figure with Dutch headers and every
    year of its span, the text figures, then the warehouse for analysts."""
    import openpyxl

    out, written = shipped_export
    assert {"fig_ncmec.csv", "fig_ncmec.nl.csv", "fig_ncmec.parquet", "tekstcijfers.csv", "observations.csv"} <= written
    book = openpyxl.load_workbook(out / "kinderhandel-figuren.xlsx")
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


def test_csv_files_have_no_spurious_decimals(shipped_export):
    tmp_path, _ = shipped_export
    standard = (tmp_path / "fig_ncmec.csv").read_text("utf-8").splitlines()
    assert standard[2].split(",")[2:4] == ["2020", "25704"]
    dutch_csv = (tmp_path / "tekstcijfers.nl.csv").read_text("utf-8-sig").splitlines()
    share = next(line for line in dutch_csv if line.startswith("Aandeel minderjarigen onder de slachtoffers"))
    assert share.split(";")[2:4] == ["2023", "41,4"]
    assert "25704.0" not in (tmp_path / "observations.csv").read_text("utf-8")


def test_docs_list_the_catalog():
    assert (PROJECT_ROOT / "docs" / "indicators.md").read_text("utf-8") == markdown(load_catalog()), (
        "run: kr indicators --markdown > docs/indicators.md"
    )
