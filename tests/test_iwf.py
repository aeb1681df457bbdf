"""The IWF parser on the 2024 page built from IWF's real table rows (see the fixture's header),
and on drifted versions of it."""

import csv

import pandas as pd
import pytest

from kr_pipeline.errors import ParseError
from kr_pipeline.sources.iwf import parser as iwf

from .conftest import FIXTURES, IWF_2024
from .fixtures.iwf.build_page import build

ROWS = list(csv.reader(open(FIXTURES / "iwf" / "2024-geographical-hosting-urls.csv", encoding="utf-8")))


def parse_rows(rows, year=2024):
    return iwf.parse(build(rows).encode(), year, "page.html").observations


def test_fixture_page_matches_the_recorded_rows():
    assert IWF_2024.read_text("utf-8") == build(ROWS), (
        "the shipped IWF 2024 snapshot is no longer what tests/fixtures/iwf/build_page.py builds from the rows"
    )


def test_whole_table_2024():
    df = iwf.parse(IWF_2024.read_bytes(), 2024, IWF_2024.name).observations
    counts = df[df.indicator_id == "iwf.hosted_urls"].set_index("country_name")
    shares = df[df.indicator_id == "iwf.hosted_urls_share"].set_index("country_name")
    # every row of the recorded table, in both indicators, with the published values
    for label, count, share, *_ in ROWS[1:]:
        assert counts.loc[label, "value"] == int(count.replace(",", "")), label
        assert shares.loc[label, "value"] == int(share.rstrip("%")), label
    assert len(counts) == len(shares) == len(ROWS) - 1
    assert counts.loc["Netherlands", ["country_iso3", "value", "unit", "qualifier"]].tolist() == ["NLD", 83037, "URLs", "exact"]
    assert shares.loc["Netherlands", ["value", "unit"]].tolist() == [29, "percent"]
    assert counts.loc["Top ten total", "area_type"] == "aggregate"
    assert pd.isna(counts.loc["Top ten total", "country_iso3"])
    assert counts.loc[".onion URL (Dark web)", "area_type"] == "other"
    assert (counts[counts.area_type == "country"].country_iso3.str.len() == 3).all()
    assert counts.loc["Russian Federation", "country_iso3"] == "RUS"
    assert counts.loc["Slovak Republic", "country_iso3"] == "SVK"


def test_header_capitalisation_and_column_order_may_change():
    head, *body = ROWS
    order = [0, 2, 4, 1, 3]  # shuffled columns
    rows = [[c.upper() if i == 0 else c for i, c in enumerate([head[j] for j in order])]] + [[r[j] for j in order] for r in body]
    df = parse_rows(rows)
    assert df.query("country_name == 'Netherlands'").value.tolist() == [83037, 29]


def test_dash_means_no_value():
    rows = [r[:] for r in ROWS]
    rows[-1][2] = "-"  # Azerbaijan's share
    df = parse_rows(rows)
    row = df.query("country_name == 'Azerbaijan' and indicator_id == 'iwf.hosted_urls_share'").iloc[0]
    assert pd.isna(row.value) and row.qualifier == "no_value"


def test_share_columns_swapped_is_refused():
    """'% last year' presented under the '% of total' header: shares no longer fit the counts."""
    head, *body = ROWS
    rows = [head] + [[r[0], r[1], r[3], r[2], r[4]] for r in body]
    with pytest.raises(ParseError, match="shares do not match the counts"):
        parse_rows(rows)


def test_aggregate_that_does_not_add_up_is_refused():
    rows = [r[:] for r in ROWS]
    rows[1][1] = "83,038"
    with pytest.raises(
        ParseError, match=r"iwf 2024 \(page.html\): 'Top ten total' is 242,780 but the 10 rows above it add up to 242,781"
    ):
        parse_rows(rows)


def test_changed_header_is_refused():
    rows = [r[:] for r in ROWS]
    rows[0][1] = "Number of webpages"
    with pytest.raises(ParseError, match="hosting table not found"):
        parse_rows(rows)


def test_table_found_by_header_among_others():
    page = build(ROWS).replace(
        "<main>",
        "<main><table><tr><th>Year</th><th>Reports</th></tr><tr><td>2024</td><td>291,273</td></tr></table>",
    )
    df = iwf.parse(page.encode(), 2024, "page.html").observations
    assert df.query("country_name == 'Netherlands'").value.tolist() == [83037, 29]
    assert df.location.iloc[0].startswith("table 2")


def test_garbage_is_refused():
    with pytest.raises(ParseError, match="no HTML table"):
        iwf.parse(b"<html><body>Service unavailable</body></html>", 2024, "x.html")
    with pytest.raises(ParseError, match="not a whole count"):
        rows = [r[:] for r in ROWS]
        rows[2][1] = "41.110"
        parse_rows(rows)


# ---- labels, years and cut tables: loaded exactly or refused, never loaded wrong ----


def test_usual_spellings_are_countries_and_an_unknown_label_is_refused():
    rows = [r[:] for r in ROWS]
    korea = next(r for r in rows[1:] if r[0] == "Netherlands")
    korea[0] = "Korea (South)"
    df = parse_rows(rows)
    assert df[df.country_name == "Korea (South)"].country_iso3.unique().tolist() == ["KOR"]
    korea[0] = "Narnia"
    with pytest.raises(
        ParseError,
        match=r"label 'Narnia' is neither a country nor a listed non-country: add it to src/kr_pipeline/data/country_aliases.yaml",
    ):
        parse_rows(rows)


def test_a_page_stating_another_year_is_refused():
    with pytest.raises(ParseError, match=r"states year\(s\) \[2024\], but is registered as 2023"):
        iwf.parse(IWF_2024.read_bytes(), 2023, IWF_2024.name)
    no_year = IWF_2024.read_text("utf-8").replace("Insights Report 2024", "Insights Report")
    with pytest.raises(ParseError, match="do not state its report year"):
        iwf.parse(no_year.encode(), 2024, "page.html")


def test_a_table_without_its_aggregate_or_cut_short_is_refused():
    without = [r for r in ROWS if r[0] != "Top ten total"]
    with pytest.raises(ParseError, match="no 'Top ten total' row"):
        parse_rows(without)
    cut = ROWS[:6]  # header and five countries
    with pytest.raises(ParseError, match="no 'Top ten total' row"):
        parse_rows(cut)
    # ten rows above the aggregate, and their sum, or refused
    eleven = ROWS[:3] + [["Liechtenstein", "1", "0%", "0%", "0%"]] + ROWS[3:]
    with pytest.raises(ParseError, match="add up to|rows above"):
        parse_rows(eleven)
