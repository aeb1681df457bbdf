"""The NCMEC parser on the real PDFs (from shared/publications; shipped once, in the snapshot store),
and on the 2024 layout (referrals | informational | total) in a fixture built from an independent
public transcription (tests/fixtures/ncmec/: the rows are the transcriber's, the layout ours)."""

import csv
import itertools
import json

import pandas as pd
import pytest

from kr_pipeline.errors import ParseError
from kr_pipeline.publishers.ncmec import parser as ncmec
from kr_pipeline.reading.pdftext import pdf_pages
from kr_pipeline.reading.tables import fold

from .conftest import FIXTURES, NCMEC_2024, NCMEC_PDFS
from .fixtures.ncmec import build_2024
from .helpers import shipped_registry_text

# Published totals and no-country rows, as printed in each PDF; row counts of the table.
EXPECTED = {
    2019: dict(total=16_987_361, no_country=("No Country Listed", 1_668_157), rows=243, nl=25_753),
    2020: dict(total=21_751_085, no_country=("No Country Listed", 641_874), rows=246, nl=25_704),
    2021: dict(total=29_397_681, no_country=("No Country Listed", 1_193_266), rows=246, nl=36_790),
    2022: dict(total=32_059_029, no_country=("Null", 1_662_916), rows=248, nl=57_012),
    2023: dict(total=36_210_368, no_country=("null", 1_851_762), rows=245, nl=72_913),
}


@pytest.fixture(scope="module")
def pages():
    return {y: pdf_pages(p.read_bytes()) for y, p in NCMEC_PDFS.items()}


@pytest.fixture(scope="module")
def parsed(pages):
    return {y: ncmec.parse_pages(p, y, NCMEC_PDFS[y].name).observations for y, p in pages.items()}


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_whole_table_adds_up_to_published_total(parsed, year):
    df = parsed[year]
    exp = EXPECTED[year]
    assert len(df) == exp["rows"]
    assert (df.indicator_id == "ncmec.cybertipline_reports").all()
    assert (df.breakdown == "total").all() and (df.year == year).all()
    total = df[df.area_type == "total"]
    assert total.value.tolist() == [exp["total"]]
    assert df[df.area_type != "total"].value.sum() == exp["total"]
    no_country = df[df.area_type == "no_country"]
    assert no_country[["country_name", "value"]].values.tolist() == [list(exp["no_country"])]
    nl = df[df.country_iso3 == "NLD"]
    assert nl[["country_name", "value", "qualifier"]].values.tolist() == [["Netherlands", exp["nl"], "exact"]]
    # every row keeps its page
    assert df.location.str.match(r"^page [1-8]$").all()


def test_known_rows_of_2020(parsed):
    df = parsed[2020].set_index("country_name")
    assert df.loc["Afghanistan", "value"] == 115_259
    assert df.loc["Algeria", "value"] == 1_102_939
    assert df.loc["Bahrain/Bahrein", "country_iso3"] == "BHR"
    assert df.loc["Burma/Myanmar", "country_iso3"] == "MMR"
    assert df.loc["Antarctica", "value"] == 1
    # Published as "-": no value (not zero), and a wrapped three-line label joined.
    assert df.loc["Saint Helena, Ascension and Tristan da Cunha", "qualifier"] == "no_value"
    assert df.loc["Norfolk Island", "qualifier"] == "no_value"
    # Both spellings of French Guiana are kept as published, both coded GUF.
    assert df.loc["French Guiana", "country_iso3"] == df.loc["Guiana, French", "country_iso3"] == "GUF"
    assert df.loc["Netherlands Antilles", "area_type"] == "other"
    assert df.loc["Total", "label_as_published"] == "Total:"


def test_2019_two_columns_per_page_and_wrapped_labels(parsed):
    df = parsed[2019].set_index("country_name")
    # header "Country Total Reports", two table columns per page; labels wrapped over three
    # lines whose value stands alone on the last (and looks like a page number)
    assert df.loc["Saint Vincent and the Grenadines", "value"] == 253
    assert df.loc["Saint Helena, Ascension and Tristan da Cunha", "value"] == 2
    assert df.loc["Congo, The Democratic Republic of the", ["country_iso3", "value"]].tolist() == ["COD", 3_856]
    assert df.loc["Lao People\u2019s Democratic Republic", ["country_iso3", "value"]].tolist() == ["LAO", 23_599]
    assert df.loc["Total", "label_as_published"] == "TOTAL"


def test_unknown_label_is_refused_naming_the_file_to_extend(pages):
    altered = _edit(pages[2022], "Netherlands 57,012", "Nederland 57,012")
    with pytest.raises(
        ParseError,
        match=r"label 'Nederland' is neither a country nor a listed non-country: add it to src/kr_pipeline/data/country_aliases.yaml",
    ):
        ncmec.parse_pages(altered, 2022, "altered.pdf")


def test_other_header_wordings_are_found(pages):
    for header in (
        "Country Number of Reports",
        "Country / Territory Number of Reports",
        "Country or Region Reports",
        "Country Total Reports",
    ):
        altered = [p.replace("Country / Territory Reports", header) for p in pages[2022]]
        df = ncmec.parse_pages(altered, 2022, "altered.pdf").observations
        assert df[df.country_iso3 == "NLD"].value.tolist() == [57_012], header


def test_typos_and_non_countries_2022(parsed):
    df = parsed[2022].set_index("country_name")
    assert df.loc["Turks and Calcos Islands", "country_iso3"] == "TCA"
    assert df.loc["Sierre Leone", "country_iso3"] == "SLE"
    assert df.loc["Eretria", "country_iso3"] == "ERI"
    assert df.loc["Europe", "area_type"] == "other" and pd.isna(df.loc["Europe", "country_iso3"])
    assert df.loc["Saint Helena, Ascension and Tristan da Cunha", "value"] == 1  # wrapped over two lines


def test_every_country_row_is_coded(parsed):
    for year, df in parsed.items():
        countries = df[df.area_type == "country"]
        assert countries.country_iso3.str.match(r"^[A-Z]{3}$").all(), year
        assert len(countries) >= 240


def test_2023_footnote_mark_kept(parsed):
    row = parsed[2023].query("area_type == 'no_country'").iloc[0]
    assert row.label_as_published == "null*" and "footnote" in row.footnote


# ---- a publication this project has never seen: exactly right, or refused ----


def _edit(pages, old, new):
    assert any(old in p for p in pages), old
    return [p.replace(old, new) for p in pages]


def test_a_changed_number_is_refused_by_the_total(pages):
    altered = _edit(pages[2023], "Netherlands  72,913", "Netherlands  72,914")
    with pytest.raises(ParseError, match=r"ncmec 2023 .*add up to 36,210,369.*published total is 36,210,368"):
        ncmec.parse_pages(altered, 2023, "altered.pdf")


def test_a_lost_row_is_refused(pages):
    altered = _edit(pages[2022], "Netherlands 57,012\n", "")
    with pytest.raises(ParseError, match="add up to"):
        ncmec.parse_pages(altered, 2022, "altered.pdf")


def test_unknown_header_is_refused(pages):
    altered = [p.replace("Country / Territory Reports", "Land Meldingen") for p in pages[2022]]
    with pytest.raises(ParseError, match="layout not recognised"):
        ncmec.parse_pages(altered, 2022, "altered.pdf")


def test_wrong_year_is_refused(pages):
    with pytest.raises(ParseError, match=r"states year\(s\) \[2023\], expected 2024"):
        ncmec.parse_pages(pages[2023], 2024, "2024-reports-by-country.pdf")


def test_missing_total_is_refused(pages):
    altered = _edit(pages[2023], "Total 36,210,368", "")
    with pytest.raises(ParseError, match="no total row"):
        ncmec.parse_pages(altered, 2023, "altered.pdf")


def test_not_a_pdf_is_refused():
    with pytest.raises(ParseError, match="not a PDF"):
        ncmec.parse(b"<html>error</html>", 2024, "2024.pdf")
    with pytest.raises(ParseError, match="ncmec 2024 \\(2024.pdf\\)"):
        ncmec.parse(NCMEC_PDFS[2020].read_bytes()[:5000], 2024, "2024.pdf")


def test_two_column_layout_2019_style(pages, parsed):
    """2019 prints two table columns per page: pair up the real 2020 rows on one line each."""
    out = []
    for page in pages[2020]:
        lines = page.splitlines()
        header = next(i for i, ln in enumerate(lines) if ln.startswith("Country Number of Reports"))
        body = lines[header + 1 :]
        rows = [ln for ln in body if ln.rstrip().split()[-1][:1].isdigit() and not ln.startswith(("Copyright", "Total"))]
        rest = [ln for ln in body if ln not in rows]
        half = (len(rows) + 1) // 2
        paired = [f"{a} {b}".strip() for a, b in itertools.zip_longest(rows[:half], rows[half:], fillvalue="")]
        out.append("\n".join(lines[:header] + ["Country Number of Reports Country Number of Reports"] + paired + rest))
    df = ncmec.parse_pages(out, 2020, "two-column.pdf").observations
    key = ["country_name", "value"]
    a = df.sort_values("country_name")[key].reset_index(drop=True)
    b = parsed[2020].sort_values("country_name")[key].reset_index(drop=True)
    assert a.equals(b)


def test_split_layout_2024_style(pages):
    """From 2024: referral and informational per country; total = their sum, checked per breakdown."""

    def split(n):
        return n - n // 10, n // 10

    sums = [0, 0]
    lines = []
    for page in pages[2023]:
        new = []
        for ln in page.splitlines():
            parts = ln.split()
            if ln.startswith("Country / Territory Reports"):
                new.append("Country / Territory Referrals Informational")
            elif ln.startswith("Total"):
                new.append(f"Total {sums[0]:,} {sums[1]:,}")
            elif len(parts) >= 2 and parts[-1].replace(",", "").isdigit() and not ln.startswith("Copyright"):
                referral, informational = split(int(parts[-1].replace(",", "")))
                sums[0] += referral
                sums[1] += informational
                new.append(f"{' '.join(parts[:-1])} {referral:,} {informational:,}")
            else:
                new.append(ln)
        lines.append("\n".join(new))
    df = ncmec.parse_pages(lines, 2023, "split.pdf").observations
    nl = df[df.country_iso3 == "NLD"].set_index("breakdown").value
    assert nl.to_dict() == {"referral": 72913 - 7291, "informational": 7291, "total": 72913}
    assert set(df.breakdown) == {"referral", "informational", "total"}


# ---- 2021: the real PDF, shipped like the other years ----


def test_2021_is_shipped_with_its_provenance():
    import yaml

    path = NCMEC_PDFS[2021]
    side = json.loads(path.with_suffix(".json").read_text("utf-8"))
    template = yaml.safe_load(shipped_registry_text())["ncmec"]["url_template"]
    assert side["url"] == template.format(year=2021)
    assert side["sha256"] == path.stem and side["size"] == len(path.read_bytes())
    assert side["original_name"] == "2021-reports-by-country.pdf" and side["origin"] == "manual"
    # the Netherlands as the PDF's own text prints it
    assert any("Netherlands 36,790" in page for page in pdf_pages(path.read_bytes()))


# ---- the independent transcription (github apparebit/diaphanous) ----

TRANSCRIPTION = FIXTURES / "ncmec" / "ocse-reports-per-country.csv"


def _count(cell):
    return int(cell.replace(",", "")) if cell.strip() else None


@pytest.fixture(scope="module")
def transcription():
    with open(TRANSCRIPTION, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _rows(df):
    return df[df.area_type != "total"]


def _match(df, row, names):
    """The parsed rows a transcription row stands for: by name, else (the transcriber spells
    some labels otherwise, e.g. 'Curaçao' for 'Curacao') by its ISO code among the rows no
    other transcription row names; 'No Country Listed' is the no-country row ('Null', 'null*')."""
    if row["country"] == "No Country Listed":
        return df[df.area_type == "no_country"]
    by_name = df[df.country_name.map(fold) == fold(row["country"])]
    if len(by_name):
        return by_name
    return df[(df.country_iso3 == row["iso3"]) & ~df.country_name.map(fold).isin(names)]


# Where the transcription and the real PDFs differ: 2020 prints "-" (no value) where the
# transcription has 0. The PDFs' figures stand; the test fails if this list changes.
KNOWN_DIFFERENCES = {
    (2020, "Norfolk Island"): (0, None),
    (2020, "Saint Helena, Ascension, Tristan da Cunha"): (0, None),
    (2020, "Svalbard, Jan Mayen"): (0, None),
}


def test_transcription_agrees_with_every_real_pdf_2019_2023(parsed, transcription):
    names = {fold(r["country"]) for r in transcription}
    differences = {}
    for year in range(2019, 2024):
        df = _rows(parsed[year])
        matched = set()
        for row in transcription:
            want = _count(row[str(year)])
            got = _match(df, row, names)
            assert len(got) <= 1, (year, row["country"])
            if len(got) == 0:
                assert want is None, f"{year} {row['country']}: transcribed {want}, not in the PDF"
                continue
            matched.add(got.index[0])
            value = None if pd.isna(got.value.iloc[0]) else int(got.value.iloc[0])
            if value != want:
                differences[(year, row["country"])] = (want, value)
        assert matched == set(df.index), f"{year}: PDF rows no transcription row names: {set(df.index) - matched}"
    assert differences == KNOWN_DIFFERENCES


@pytest.mark.parametrize("iso3", ["NLD", "IND", "PHL", "PAK", "IDN", "BGD", "USA", "DEU", "GBR"])
def test_transcription_of_large_countries_and_the_netherlands(parsed, transcription, iso3):
    [row] = [r for r in transcription if r["iso3"] == iso3]
    for year in range(2019, 2024):
        df = parsed[year]
        assert df[df.country_iso3 == iso3].value.tolist() == [_count(row[str(year)])], (iso3, year)
    if iso3 == "NLD":
        assert [_count(row[str(y)]) for y in range(2019, 2024)] == [25_753, 25_704, 36_790, 57_012, 72_913]
        assert (_count(row["ref2024"]), _count(row["info2024"])) == (245_365, 27_681)


# ---- 2024: referrals | informational | total, the fixture built from the transcription ----


@pytest.fixture(scope="module")
def pages_2024():
    return pdf_pages(NCMEC_2024.read_bytes())


@pytest.fixture(scope="module")
def parsed_2024():
    return ncmec.parse(NCMEC_2024.read_bytes(), 2024, NCMEC_2024.name).observations


def test_2024_fixture_is_what_its_script_builds():
    assert NCMEC_2024.read_bytes() == build_2024.build()


def test_2024_netherlands(parsed_2024):
    nl = parsed_2024[parsed_2024.country_iso3 == "NLD"]
    assert nl[["breakdown", "value", "qualifier", "country_name"]].values.tolist() == [
        ["referral", 245_365, "exact", "Netherlands"],
        ["informational", 27_681, "exact", "Netherlands"],
        ["total", 273_046, "exact", "Netherlands"],
    ]


def test_2024_every_country_against_the_transcription(parsed_2024, transcription):
    df = _rows(parsed_2024).assign(label=lambda d: d.label_as_published)
    rows = [r for r in transcription if r["ref2024"].strip() or r["info2024"].strip()]
    assert len(df) == 3 * len(rows)
    for row in rows:
        label = build_2024.LABELS.get(row["country"], row["country"])
        got = df[df.label == label].set_index("breakdown")
        referral, informational = _count(row["ref2024"]), _count(row["info2024"])
        values = {b: (None if pd.isna(v) else int(v)) for b, v in got.value.items()}
        assert values == {
            "referral": referral,
            "informational": informational,
            "total": (referral or 0) + (informational or 0),
        }, row["country"]
        if row["iso3"]:
            assert set(got.country_iso3) == {row["iso3"]}, row["country"]
        else:
            assert set(got.area_type) == {"no_country"}


def test_2024_each_column_adds_up_to_its_published_total(parsed_2024):
    df = parsed_2024
    total = df[df.area_type == "total"].set_index("breakdown").value
    assert total.to_dict() == {"referral": 16_612_392, "informational": 4_566_847, "total": 21_179_239}
    sums = _rows(df).groupby("breakdown").value.sum()
    assert sums.to_dict() == total.to_dict()
    assert set(df.breakdown) == {"referral", "informational", "total"}
    # '-' is no value (not zero), and the row's total is the one count it states
    antarctica = df[df.country_iso3 == "ATA"].set_index("breakdown")
    assert antarctica.qualifier.to_dict() == {"referral": "exact", "informational": "no_value", "total": "exact"}
    assert antarctica.value["total"] == 1


def test_2024_a_count_moved_between_columns_is_refused_by_the_column_totals(pages_2024):
    """Each row still adds up and so does the total column: only the per-column sums see it."""
    altered = _edit(pages_2024, "Netherlands 245,365 27,681 273,046", "Netherlands 245,366 27,680 273,046")
    with pytest.raises(ParseError, match=r"add up to 16,612,393 referral reports, but the published total is 16,612,392"):
        ncmec.parse_pages(altered, 2024, "altered.pdf")
    altered = _edit(pages_2024, "Total: 16,612,392 4,566,847", "Total: 16,612,391 4,566,848")
    with pytest.raises(ParseError, match=r"add up to 16,612,392 referral reports, but the published total is 16,612,391"):
        ncmec.parse_pages(altered, 2024, "altered.pdf")


def test_2024_a_row_whose_parts_miss_its_total_is_refused(pages_2024):
    altered = _edit(pages_2024, "Netherlands 245,365 27,681 273,046", "Netherlands 245,365 27,681 273,047")
    with pytest.raises(ParseError, match=r"row 'Netherlands' page 5: referral 245,365 \+ informational 27,681 != total 273,047"):
        ncmec.parse_pages(altered, 2024, "altered.pdf")
    altered = _edit(pages_2024, "Antarctica 1 - 1", "Antarctica 1 - 2")
    with pytest.raises(ParseError, match=r"row 'Antarctica' page 1: referral 1 \+ informational - != total 2"):
        ncmec.parse_pages(altered, 2024, "altered.pdf")


def _relayout(pages, line):
    """Every table line (header, country rows, total) rewritten by `line(label, cells)`."""
    out = []
    for page in pages:
        new = []
        for ln in page.splitlines():
            parts = ln.split()
            if ln.startswith("Country / Territory"):
                new.append(line("Country / Territory", ["Referrals", "Informational", "Total"]))
            elif len(parts) >= 4 and all(p == "-" or p.replace(",", "").isdigit() for p in parts[-3:]):
                new.append(line(" ".join(parts[:-3]), parts[-3:]))
            else:
                new.append(ln)
        out.append("\n".join(new))
    return out


def test_2024_columns_are_read_in_the_header_order(pages_2024, parsed_2024):
    def key(df):
        return df.sort_values(["country_name", "breakdown"])[["country_name", "breakdown", "value"]].reset_index(drop=True)

    swapped = _relayout(pages_2024, lambda label, c: f"{label} {c[1]} {c[0]} {c[2]}")
    assert "Country / Territory Informational Referrals Total" in swapped[0]
    assert key(ncmec.parse_pages(swapped, 2024, "swapped.pdf").observations).equals(key(parsed_2024))
    # without a total column: the total is the sum of each row's counts, checked all the same
    two = _relayout(pages_2024, lambda label, c: f"{label} {c[0]} {c[1]}")
    assert key(ncmec.parse_pages(two, 2024, "two-columns.pdf").observations).equals(key(parsed_2024))
