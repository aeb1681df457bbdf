"""The IWF parser on the 2024 page built from IWF's real table rows (see the fixture's header),
and on drifted versions of it."""

import csv

import pandas as pd
import pytest

from kr_pipeline.errors import ParseError
from kr_pipeline.publishers.iwf import parser as iwf

from .conftest import FIXTURES, IWF_2024
from .fixtures.iwf import build_page_2025 as b25
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


def test_a_2024_table_without_its_aggregate_loads_with_a_note_and_a_wrong_top_ten_is_refused():
    """The 2024 prose ("we confirmed 291,273 reports") is a figure, not the table's stated total:
    without its "Top ten total" row the table states no total, so it loads with a note."""
    without = [r for r in ROWS if r[0] != "Top ten total"]
    parsed = iwf.parse(build(without).encode(), 2024, "page.html")
    assert parsed.notes == [
        "the hosting table states no total (no total row, no total in the page's text): "
        "its completeness could not be checked (24 rows adding up to 287,913)"
    ]
    # with its row, the top ten are checked, and the note says the rest could not be
    assert "top-ten total add up to it" in iwf.parse(IWF_2024.read_bytes(), 2024, IWF_2024.name).notes[0]
    # ten rows above the aggregate, and their sum, or refused
    eleven = ROWS[:3] + [["Liechtenstein", "1", "0%", "0%", "0%"]] + ROWS[3:]
    with pytest.raises(ParseError, match=r"11 rows above 'Top ten total', expected 10"):
        parse_rows(eleven)
    nine = ROWS[:3] + ROWS[4:]
    with pytest.raises(ParseError, match=r"9 rows above 'Top ten total', expected 10"):
        parse_rows(nine)


# ---- 2025: both versions of IWF's real page (tests/fixtures/iwf/build_page_2025.py) ----

REPORTS_2025 = b25.read_rows(b25.REPORTS_CSV)
URLS_2025 = b25.read_rows(b25.URLS_CSV)
# Synthetic, standing in for the rows the stored copies lack (South Africa onwards: 326 URLs in
# all, see the builder); used only where a test needs the table whole.
REST = ["South Africa", "326", "0%", "0%", "+0%", "-"]


def parse_2025(page: str):
    return iwf.parse(page.encode(), 2025, "page.html")


def test_fixture_pages_2025_match_the_recorded_rows():
    assert b25.REPORTS_PAGE.read_text("utf-8") == b25.build_reports(REPORTS_2025)
    assert b25.URLS_PAGE.read_text("utf-8") == b25.build_urls(URLS_2025)


@pytest.mark.parametrize("page, rows", [(b25.REPORTS_PAGE, REPORTS_2025), (b25.URLS_PAGE, URLS_2025)], ids=["reports", "urls"])
def test_both_2025_header_versions_load_every_row(page, rows):
    parsed = iwf.parse(page.read_bytes(), 2025, page.name)
    df = parsed.observations
    counts = df[df.indicator_id == "iwf.hosted_urls"].set_index("country_name")
    shares = df[df.indicator_id == "iwf.hosted_urls_share"].set_index("country_name")
    assert len(counts) == len(shares) == len(rows) - 1
    for label, count, share, *_ in rows[1:]:
        assert counts.loc[label, "value"] == int(count.replace(",", "")), label
        assert shares.loc[label, "value"] == int(share.rstrip("%")), label
    assert counts.loc["Netherlands", ["country_iso3", "value", "unit", "qualifier"]].tolist() == ["NLD", 33788, "URLs", "exact"]
    assert shares.loc["Netherlands", ["value", "unit"]].tolist() == [11, "percent"]
    assert counts.loc["Onion URL (Dark web)", "area_type"] == "other"
    assert counts.loc["Korea (South)", "country_iso3"] == "KOR" and counts.loc["Laos", "country_iso3"] == "LAO"
    # "% Last Year", "% Point Change" and the arrows are not loaded; Iran's "-" there is no trouble
    assert set(df.indicator_id) == {"iwf.hosted_urls", "iwf.hosted_urls_share"}
    assert shares.loc["Iran", "value"] == 2 and counts.loc["Iran", "qualifier"] == "exact"
    assert df.location.iloc[0] == "table 1 ('Host Country')"
    # neither stored copy reaches the end of the table, and the shipped pages state no total
    assert len(parsed.notes) == 1 and "completeness could not be checked" in parsed.notes[0]


def test_child_reporting_service_is_a_row_without_a_country():
    df = iwf.parse(b25.REPORTS_PAGE.read_bytes(), 2025, "page.html").observations
    crs = df[df.country_name == "Child Reporting Service"]
    assert crs.value.tolist() == [1162, 0]
    assert set(crs.area_type) == {"no_country"} and crs.country_iso3.isna().all()
    assert set(crs.footnote) == {"reports without a URL, so without a hosting country"}
    assert "Child Reporting Service" not in set(iwf.parse(b25.URLS_PAGE.read_bytes(), 2025, "p").observations.country_name)


def test_dash_cells_2025_are_no_value_wherever_they_stand():
    rows = [r[:] for r in URLS_2025]
    laos = next(r for r in rows if r[0] == "Laos")
    laos[1], laos[2] = "-", "\u2013"  # count and share not published
    df = parse_2025(b25.build_urls(rows)).observations
    got = df[df.country_name == "Laos"]
    assert got.value.isna().all() and set(got.qualifier) == {"no_value"}
    assert set(got.footnote) == {"published as '-'"}


def test_2025_page_as_stored_is_refused_as_cut_short_of_its_stated_total():
    """The real sentence states 310,437 URLs; the stored rows end at Laos (310,111)."""
    with pytest.raises(
        ParseError,
        match=r"iwf 2025 \(page.html\): the table's 39 rows add up to 310,111, 326 short of the 310,437 stated in "
        r"the page's text: 'Below is a breakdown of all criminal URLs .*\(310,437 in 2025\) broken down by continent\.': "
        r"the table is cut short",
    ):
        parse_2025(b25.build_urls(URLS_2025, state_total=True))


def test_2025_whole_table_adds_up_to_its_stated_total_and_every_share_fits():
    parsed = parse_2025(b25.build_urls(URLS_2025 + [REST], state_total=True))
    assert parsed.notes == []
    assert parsed.observations.query("country_name == 'Netherlands'").value.tolist() == [33788, 11]
    # reports without a URL (the Child Reporting Service) stand outside a stated URL total
    with_crs = URLS_2025 + [REST, ["Child Reporting Service", "1,162", "0%", "-", "0%", "-"]]
    assert parse_2025(b25.build_urls(with_crs, state_total=True)).notes == []
    # but a row of URLs more than the total is refused
    more = URLS_2025 + [REST, ["Chile", "5", "0%", "0%", "+0%", "-"]]
    with pytest.raises(ParseError, match=r"add up to 310,442, more than the 310,437 stated in the page's text"):
        parse_2025(b25.build_urls(more, state_total=True))


def test_2025_share_inconsistent_with_its_count_is_refused():
    rows = [r[:] for r in URLS_2025] + [REST]
    next(r for r in rows if r[0] == "Netherlands")[2] = "12%"
    with pytest.raises(ParseError, match="shares do not match the counts"):
        parse_2025(b25.build_urls(rows, state_total=True))
    # Iceland: 7,455 of 310,437 is 2.40%; "3%" fits some other total, never the stated one
    rows = [r[:] for r in URLS_2025] + [REST]
    next(r for r in rows if r[0] == "Iceland")[2] = "3%"
    with pytest.raises(ParseError, match=r"share|shares"):
        parse_2025(b25.build_urls(rows, state_total=True))


def test_2025_count_header_of_another_measure_or_two_counts_are_refused():
    rows = [r[:] for r in URLS_2025]
    rows[0][1] = "Number of Domains"
    with pytest.raises(ParseError, match="hosting table not found: no table with a host country column"):
        parse_2025(b25.build_urls(rows))
    rows = [r[:] for r in URLS_2025]
    rows[0][5] = "Number of Reports"  # the arrow column relabelled as a second count
    with pytest.raises(ParseError, match="more than one column of one meaning"):
        parse_2025(b25.build_urls(rows))


# ---- a third layout, ours: a page IWF might publish next (columns reordered, "Hosting
# country", counts with thin spaces, a "Total" row at the foot, the total in a caption) ----

THIN = "\u2009"


def own_page(rows, caption="Hosted URLs by country, 2025"):
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"""<html><head><title>Online hosting | Annual Data &amp; Insights Report 2025</title></head><body>
<h2>Where child sexual abuse was hosted</h2>
<table><caption>{caption}</caption>
<tr><th>Rank</th><th>Share of all URLs</th><th>Hosting country</th><th>URLs</th><th>Trend</th></tr>
{body}
</table></body></html>"""


OWN = [
    ["1", "40%", "Bulgaria", f"40{THIN}000", "up"],
    ["2", "35%", "The Netherlands", f"35{THIN}000", "down"],
    ["3", "20%", "United States of America", f"20{THIN}000", "up"],
    ["4", "5%", ".onion URL (Dark web)", f"5{THIN}000", "-"],
    ["", "100%", "Total", f"100{THIN}000", ""],
]


def test_third_layout_of_our_own_loads_checked_against_its_total_row():
    parsed = parse_2025(own_page(OWN))
    assert parsed.notes == []
    df = parsed.observations
    assert df.query("country_iso3 == 'NLD'").value.tolist() == [35000, 35]
    assert df.query("country_iso3 == 'USA'").country_name.iloc[0] == "United States of America"
    total = df[df.country_name == "Total"]
    assert set(total.area_type) == {"total"} and total.value.tolist() == [100000, 100]
    assert df.location.iloc[0] == "table 1 ('Hosted URLs by country, 2025')"


def test_third_layout_refused_for_its_stated_reasons():
    cut = OWN[:2] + OWN[3:]  # the United States row lost
    with pytest.raises(
        ParseError, match=r"add up to 80,000, 20,000 short of the 100,000 stated in the 'Total' row: the table is cut short"
    ):
        parse_2025(own_page(cut))
    # a share that fits another world total but not the stated one
    odd = [r[:] for r in OWN]
    odd[0][3], odd[4][3] = f"41{THIN}000", f"101{THIN}000"  # 41,000 of 101,000 is 40.6%: published 40%
    odd[1][1] = "35%"
    with pytest.raises(ParseError, match=r"row 'Bulgaria': share 40% does not fit 41,000 of the stated total 101,000 \(40.59%\)"):
        parse_2025(own_page(odd))
    # the caption's total counts as stated too
    with pytest.raises(ParseError, match=r"short of the 120,000 stated in the page's text: 'All 120,000 URLs"):
        parse_2025(own_page(OWN[:4], caption="All 120,000 URLs by hosting country"))


def _pdf_text(rows) -> str:
    """IWF's hosting table as its report's PDF gives it as text (the recorded 2024 rows, laid out in
    columns by padding, under a header over two lines, as pdftotext -layout writes a table page):
    built from the rows, since only the rows are known."""
    head, *body = rows
    widths = [29, 14, 20, 14, 10]
    split = [h.split(" ", 2) if i in (1, 2) else [h] for i, h in enumerate(head)]
    top = "".join((" ".join(p[:2]) if len(p) > 1 else p[0]).ljust(w) for p, w in zip(split, widths, strict=True)).rstrip()
    under = "".join(
        ((p[2] if len(p) > 2 else "") if i in (1, 2) else "").ljust(w) for i, (p, w) in enumerate(zip(split, widths, strict=True))
    ).rstrip()
    lines = [
        "IWF Annual Data & Insights Report 2024                         Data and insights",
        "",
        "Geographical hosting (URLs)",
        "",
        "Table 12: Host countries of the reports we actioned, 2024",
        "",
        top,
        under,
        "",
    ]
    lines += ["".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    lines += ["", "                                   Table continues on next page", "", "iwf.org.uk                   37"]
    return "\n".join(lines) + "\n"


def test_the_reports_pdf_text_lays_the_whole_table_out_in_columns():
    """The annual report's PDF as text: the hosting table laid out in columns under a header over
    two lines ("Number of" / "reports") is the hosting table, read whole (it was read as prose:
    nothing loaded, the Netherlands row waited or was lost)."""
    text = _pdf_text(ROWS)
    assert "Number of" in text and "\n" + " " * 29 + "reports" in text  # (the header's second line, under its column)
    df = iwf.parse(text.encode(), 2024, "report-2024.txt").observations
    counts = df[df.indicator_id == "iwf.hosted_urls"].set_index("country_name")
    shares = df[df.indicator_id == "iwf.hosted_urls_share"].set_index("country_name")
    for label, count, share, *_ in ROWS[1:]:
        assert counts.loc[label, "value"] == int(count.replace(",", "")), label
        assert shares.loc[label, "value"] == int(share.rstrip("%")), label
    assert len(counts) == len(shares) == len(ROWS) - 1
    assert counts.loc["Netherlands", "country_iso3"] == "NLD" and counts.loc["Top ten total", "area_type"] == "aggregate"
