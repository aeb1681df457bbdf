"""The editors' workbook: the words as published beside the formatted value, why a year has
no figure, and real number formats instead of `General` (issue 27)."""

import datetime as dt

import openpyxl
import pytest

from kr_pipeline.present.export import WORKBOOK, number_format


@pytest.fixture(scope="module")
def book(shipped_export):
    out, _ = shipped_export
    return openpyxl.load_workbook(out / WORKBOOK)


def _records(sheet):
    rows = list(sheet.iter_rows())
    header = [c.value for c in rows[0]]
    return [dict(zip(header, r)) for r in rows[1:]]


def test_zoals_gepubliceerd_holds_the_chapters_words_and_the_formatted_value_its_own_column(book):
    text = {(r["Indicator"].value, r["Periode"].value): r for r in _records(book["tekstcijfers"])}
    for key, words, formatted in [
        (("offlimits.self_generated_share", "2024"), "ongeveer één op de drie", "circa 33%"),
        (("police.child_prostitution_reports", "2019"), "minder dan tien", "minder dan 10"),
        (("nr.minor_sexual_victims_seen_share", "2019"), "2 tot 3%", "2 tot 3%"),
    ]:
        assert (text[key]["Zoals gepubliceerd"].value, text[key]["Waarde (opgemaakt)"].value) == (words, formatted)
    b8 = {(r["Indicator"].value, r["Periode"].value): r["Zoals gepubliceerd"].value for r in _records(book["b8_3"])}
    assert b8[("comensha.minor_foreign_b8_reflection_accepted", "2023")] == "vijf"
    assert b8[("comensha.minor_foreign_b8_3_reports", "2023")] == "Drie"
    assert b8[("ind.b8_3_permits_minor_victims", "2024")] == "geen"


def test_a_year_without_a_figure_says_why(book):
    ncmec = _records(book["ncmec"])
    split = [
        (r["Periode"].value, r["Waarde (opgemaakt)"].value)
        for r in ncmec
        if r["Indicator"].value and r["Reeks"].value.startswith("Referrals")
    ]
    assert split[:5] == [(str(y), "n.v.t.") for y in range(2019, 2024)]  # not applicable, not missing
    figuur1 = _records(book["figuur1"])
    assert {r["Waarde (opgemaakt)"].value for r in figuur1 if r["Waarde"].value is None} == {"geen cijfer"}  # missing


def test_numbers_have_real_formats(book):
    """No number in General format: counts with a thousands separator, decimals as published,
    years as years, dates as dates."""
    general = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            general += [
                (sheet.title, c.coordinate)
                for c in row
                if isinstance(c.value, (int, float, dt.date)) and not isinstance(c.value, bool) and c.number_format == "General"
            ]
    assert general == []
    ncmec = _records(book["ncmec"])
    total = next(r for r in ncmec if r["Periode"].value == "2024" and r["Waarde"].value == 273046)
    assert total["Waarde"].number_format == "#,##0"
    assert isinstance(total["Opgehaald"].value, dt.datetime) and total["Opgehaald"].number_format == "yyyy-mm-dd"
    share = next(r for r in _records(book["tekstcijfers"]) if r["Waarde"].value == 41.4)
    assert share["Waarde"].number_format == "#,##0.0"
    obs = _records(book["observations"])
    assert {r["year"].number_format for r in obs} == {"0"}  # 2024, not 2.024


def test_number_format_rules():
    assert (number_format(273046), number_format(2024, plain=True), number_format(41.4), number_format(12.25)) == (
        "#,##0",
        "0",
        "#,##0.0",
        "#,##0.00",
    )
    assert number_format("25,704") == "General" and number_format(True) == "General"
