"""IWF hosting tables in layouts the parser had not met: texts of ours in IWF's style (all
numbers invented). Each class, not one file: a count header with a verb ("URLs actioned"), a
second share column ("Share a year earlier") whose Netherlands value waits in review under the
year before, a non-country "Unknown" row, a remainder row ("All other countries and services
(12)") after a top-ten total, and column groups headed by years ("2031 | 2030")."""

import pytest

from kr_pipeline.errors import ParseError
from kr_pipeline.publishers.iwf import parser as iwf
from kr_pipeline.reading.context import ParseContext


def page(head: str, rows: list[list[str]], prose: str = "", year: int = 2031, above: str = "") -> bytes:
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"""<html><head><title>Hosting | Annual Data &amp; Insights Report {year} | IWF</title></head><body><main>
<h1>Where the webpages were hosted</h1><p>{prose}</p>
<table><thead>{above}<tr>{head}</tr></thead><tbody>{body}</tbody></table></main></body></html>""".encode()


def th(*cells: str) -> str:
    return "".join(f"<th>{c}</th>" for c in cells)


def nl(df):
    return sorted((r.indicator_id, r.period, r.value) for r in df.itertuples() if r.country_iso3 == "NLD")


ROWS = [
    ["Latvia", "5,000", "50%", "40%", "+10 pp", "▲"],
    ["Netherlands", "3,000", "30%", "35%", "-5 pp", "▼"],
    ["Unknown", "1,000", "10%", "-", "-", "-"],
    ["Child Reporting Service", "1,000", "10%", "25%", "-15 pp", "▼"],
]


def test_verb_in_the_count_header_a_year_earlier_column_and_unknown():
    head = th("Hosting country", "URLs actioned", "Share of all URLs", "Share a year earlier", "Change (pp)", "Trend")
    parsed = iwf.parse(page(head, ROWS, "We traced all 10,000 URLs in total."), 2031, "p.html")
    assert nl(parsed.observations) == [("iwf.hosted_urls", "2031", 3000), ("iwf.hosted_urls_share", "2031", 30)]
    unknown = parsed.observations.query("country_name == 'Unknown'")
    assert set(unknown.area_type) == {"other"} and unknown.country_iso3.isna().all()
    # the year-earlier share is the Netherlands' only, proposed for the year before, never loaded
    assert [(c["indicator_id"], c["period"], c["value"]) for c in parsed.candidates] == [("iwf.hosted_urls_share", "2030", 35)]
    assert 35 not in set(parsed.observations.value)
    assert parsed.notes == []  # all 10,000 URLs: the rows add up to the stated total


def test_remainder_row_after_a_top_ten_total_counts_towards_the_stated_total():
    rows = [[str(i + 1), f"C{i}", f"{n:,}", f"{n // 2000}%"] for i, n in enumerate([20000] * 9 + [10000])]
    names = [
        "Bulgaria",
        "United States",
        "Romania",
        "Germany",
        "France",
        "Malaysia",
        "Latvia",
        "Moldova",
        "Iceland",
        "Netherlands",
    ]
    for r, name in zip(rows, names):
        r[1] = name
    rows += [["", "Top ten total", "190,000", "95%"], ["", "All other countries and services (12)", "10,000", "5%"]]
    head = th("Rank", "Country", "Number of URLs", "% of all URLs")
    parsed = iwf.parse(page(head, rows, "Below is a breakdown of all 200,000 URLs."), 2031, "p.html")
    assert nl(parsed.observations) == [("iwf.hosted_urls", "2031", 10000), ("iwf.hosted_urls_share", "2031", 5)]
    rest = parsed.observations.query("country_name.str.startswith('All other')")
    assert set(rest.area_type) == {"aggregate"}
    # without the remainder the rows fall short of the stated total: cut, refused
    with pytest.raises(ParseError, match="short of the 200,000 stated"):
        iwf.parse(page(head, rows[:-1], "Below is a breakdown of all 200,000 URLs."), 2031, "p.html")


YEARS = '<tr><th rowspan="2">Hosting location</th><th colspan="2">2031</th><th colspan="2">2030</th></tr>'


def test_column_groups_headed_by_years_load_each_under_its_year():
    rows = [
        ["Latvia", "6,000", "60%", "5,000", "50%"],
        ["Netherlands", "3,000", "30%", "4,000", "40%"],
        ["Sweden", "1,000", "10%", "1,000", "10%"],
    ]
    parsed = iwf.parse(page(th("URLs", "Share", "URLs", "Share"), rows, above=YEARS), 2031, "p.html")
    assert nl(parsed.observations) == [
        ("iwf.hosted_urls", "2030", 4000),
        ("iwf.hosted_urls", "2031", 3000),
        ("iwf.hosted_urls_share", "2030", 40),
        ("iwf.hosted_urls_share", "2031", 30),
    ]
    assert parsed.candidates == []
    # a group headed by a later year than the edition is refused
    later = YEARS.replace("2030", "2032")
    with pytest.raises(ParseError, match=r"columns are headed \[2031, 2032\], but the page is the 2031 edition"):
        iwf.parse(page(th("URLs", "Share", "URLs", "Share"), rows, above=later), 2031, "p.html")


def test_a_table_shown_in_parts_is_read_as_one_and_checked_whole():
    """'Table 1 (part 1 of 2)' ... '(part 2 of 2, continued)': the parts' rows together make the
    table, checked against the stated total; the same header without a caption saying so is
    two tables (refused: which one is meant?)."""
    head = "<tr>" + th("Host country", "Number of URLs", "% of total number of URLs") + "</tr>"

    def part(caption: str, rows: list[list[str]]) -> str:
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
        return f"<table><caption>{caption}</caption><thead>{head}</thead><tbody>{body}</tbody></table>"

    first = [["Latvia", "5,000", "50%"], ["Bulgaria", "2,000", "20%"]]
    second = [["Netherlands", "3,000", "30%"]]

    def doc(a: str, b: str) -> bytes:
        return f"""<html><head><title>Hosting | Annual Data &amp; Insights Report 2031 | IWF</title></head><body><main>
<h1>Where the webpages were hosted</h1><p>We traced all 10,000 URLs in total.</p>{part(a, first)}
<h2>UK insights</h2><p>Nothing here.</p>{part(b, second)}</main></body></html>""".encode()

    parsed = iwf.parse(doc("Table 1 (part 1 of 2). Hosting, 2031", "Table 1 (part 2 of 2, continued)"), 2031, "p.html")
    assert nl(parsed.observations) == [("iwf.hosted_urls", "2031", 3000), ("iwf.hosted_urls_share", "2031", 30)]
    with pytest.raises(ParseError, match="expected one"):
        iwf.parse(doc("Hosting, 2031", "Hosting, 2030"), 2031, "p.html")


OWN = ParseContext(url="https://www.iwf.org.uk/news-media/news/x/", own_hosts=("iwf.org.uk",))
PRESS = ParseContext(url="https://www.example-news.nl/x", own_hosts=("iwf.org.uk",))


def _news(caption: str, prose: str, rows: str, title: str = "EU hosts record share | IWF") -> bytes:
    return (
        f"<html lang='en'><head><title>{title}</title></head><body><main><h1>{title}</h1>"
        "<p>Published:  Wed 22 Apr 2037</p>"
        f"<p>{prose}</p><table><caption>{caption}</caption><tr><th>Country</th><th>URLs</th><th>% of all URLs</th></tr>"
        f"{rows}</table></main></body></html>"
    ).encode()


TOP = "<tr><td>Netherlands</td><td>61,204</td><td>24%</td></tr><tr><td>Bulgaria</td><td>40,001</td><td>16%</td></tr>"


def test_a_news_releases_table_takes_its_captions_year_and_its_prose_adds_what_the_table_does_not_say():
    """A news release without a report year in its title: the caption's one year ("... in 2036")
    is the table's; the prose beside it restates the table's rows (a restatement that agrees is no
    second figure), the bases of its comparison ("down from 33% in 2035 and 41% in 2034") wait
    with their years (issue 22: comparisons wait), and a prose number that contradicts a row
    refuses the page."""
    prose = "In 2036, 61,204 webpages – 24% – were traced to the Netherlands, down from 33% in 2035 and 41% in 2034."
    parsed = iwf.parse(_news("Top host countries for child sexual abuse URLs in 2036", prose, TOP), 2036, "n.html", OWN)
    assert nl(parsed.observations) == [("iwf.hosted_urls", "2036", 61204), ("iwf.hosted_urls_share", "2036", 24)]
    waiting = {(c["indicator_id"], c["period"], c["value"]) for c in parsed.candidates}
    assert {("iwf.hosted_urls_share", "2035", 33), ("iwf.hosted_urls_share", "2034", 41)} <= waiting
    wrong = prose.replace("24%", "26%")
    with pytest.raises(ParseError, match="stated twice"):
        iwf.parse(_news("Top host countries for child sexual abuse URLs in 2036", wrong, TOP), 2036, "n.html", OWN)


def test_a_table_the_parser_cannot_read_leaves_the_prose_to_load_with_a_note():
    """A report page whose table gives shares only is not the hosting table; its prose states
    the Netherlands' count by itself ("20,972 in 2016", the base "up from 12,703 in 2015" waits) and loads it,
    with a note that the table was not read as the hosting table; its cells are read as text (the
    Netherlands' share, its year in the caption "Top hosting countries, 2036", loads with them);
    with nothing to load (no year in the caption, not the report's own page) it is refused for its
    table, the prose's numbers waiting."""
    html = (
        "<html lang='en'><head><title>Global hosting | Annual Report 2036 | IWF</title></head><body><main>"
        "<p>The Netherlands hosted more of these URLs than any other country: 40,972 in 2036, up from 32,703 in 2035.</p>"
        "<table><caption>Top hosting countries, 2036</caption><tr><th>Country</th><th>% of all URLs</th></tr>"
        "<tr><td>Netherlands</td><td>37%</td></tr></table></main></body></html>"
    )
    parsed = iwf.parse(html.encode(), 2036, "r.html", OWN)
    assert nl(parsed.observations) == [("iwf.hosted_urls", "2036", 40972), ("iwf.hosted_urls_share", "2036", 37)]
    # ("up from 32,703 in 2035": a comparison's base waits with its year)
    assert ("iwf.hosted_urls", "2035", 32703) in {(c["indicator_id"], c["period"], c["value"]) for c in parsed.candidates}
    assert any("table was not read as the hosting table" in n for n in parsed.notes)
    # (a caption without its year on a page that is not the annual report's: the share has no period
    # and waits; on the report's own page the report's year is its key figures', as a list item's)
    nothing = (
        html.replace("40,972 in 2036, up from 32,703 in 2035", "many")
        .replace(", 2036</caption>", "</caption>")
        .replace("Annual Report 2036 | IWF", "IWF")
    )
    with pytest.raises(ParseError, match="do not state its report year") as refused:
        iwf.parse(nothing.encode(), 2036, "r.html", OWN)
    assert [(c["indicator_id"], c["value"]) for c in refused.value.candidates] == [("iwf.hosted_urls_share", 37)]


OVER_TIME = (
    "<html lang='en'><head><title>Ten years at the top | IWF</title></head><body><main>"
    "<p>Published:  Thu 11 Jun 2037</p><h2>The Netherlands over time</h2>"
    "<table><tr><th>Year</th><th>URLs hosted in the Netherlands</th><th>Share of all URLs</th></tr>"
    "<tr><td>2035</td><td>52,010</td><td>33%</td></tr><tr><td>2036</td><td>61,204</td><td>24%</td></tr></table>"
    "</main></body></html>"
)


def test_a_table_of_the_netherlands_over_the_years_loads_each_row_under_its_year():
    parsed = iwf.parse(OVER_TIME.encode(), 2036, "b.html", OWN)
    assert nl(parsed.observations) == [
        ("iwf.hosted_urls", "2035", 52010),
        ("iwf.hosted_urls", "2036", 61204),
        ("iwf.hosted_urls_share", "2035", 33),
        ("iwf.hosted_urls_share", "2036", 24),
    ]
    with pytest.raises(ParseError) as refused:  # the press reprinting it: proposals, each with its year
        iwf.parse(OVER_TIME.encode(), 2036, "b.html", PRESS)
    assert ("iwf.hosted_urls", "2035", 52010) in {(c["indicator_id"], c["period"], c["value"]) for c in refused.value.candidates}


def test_years_across_the_header_a_header_naming_its_year_and_a_share_of_another_year():
    """A blog's table with the years across its header and a row per measure (the world's row not
    read); a hosting table whose columns name their year ("Number of URLs (2036)", "% of all
    URLs (2035)"): the edition's columns load, the earlier year's share waits under its year; in
    the prose, "nearly half" for a year the page does not report waits, and "32% of the 255,571
    webpages" names a whole, never a count of the Netherlands."""
    blog = (
        "<html lang='en'><head><title>What changed | IWF</title></head><body><main><p>Published:  Wed 14 Jun 2037</p>"
        "<p>Back in 2031, nearly half of the webpages we found were on Dutch servers.</p>"
        "<table><caption>Child sexual abuse URLs hosted in the Netherlands, 2035-2036</caption>"
        "<tr><th></th><th>2035</th><th>2036</th></tr>"
        "<tr><td>URLs hosted in the Netherlands</td><td>52,010</td><td>61,204</td></tr>"
        "<tr><td>Share of all URLs we confirmed</td><td>33%</td><td>24%</td></tr>"
        "<tr><td>All URLs we confirmed</td><td>157,606</td><td>255,016</td></tr></table></main></body></html>"
    )
    parsed = iwf.parse(blog.encode(), 2036, "b.html", OWN)
    assert nl(parsed.observations) == [
        ("iwf.hosted_urls", "2035", 52010),
        ("iwf.hosted_urls", "2036", 61204),
        ("iwf.hosted_urls_share", "2035", 33),
        ("iwf.hosted_urls_share", "2036", 24),
    ]
    assert ("iwf.hosted_urls_share", "2031", 50) in {(c["indicator_id"], c["period"], c["value"]) for c in parsed.candidates}
    report = (
        "<html lang='en'><head><title>Where the content is hosted | Annual Data &amp; Insights Report 2036 | IWF</title></head>"
        "<body><main><p>In 2036, the Netherlands hosted 61,204 URLs, 24% of the 255,016 webpages our analysts confirmed.</p>"
        "<table><tr><th>Host country</th><th>Number of URLs (2036)</th><th>% of all URLs (2036)</th><th>% of all URLs (2035)</th></tr>"
        "<tr><td>Netherlands</td><td>61,204</td><td>24%</td><td>33%</td></tr>"
        "<tr><td>Bulgaria</td><td>40,001</td><td>16%</td><td>9%</td></tr></table></main></body></html>"
    )
    parsed = iwf.parse(report.encode(), 2036, "r.html", OWN)
    assert nl(parsed.observations) == [("iwf.hosted_urls", "2036", 61204), ("iwf.hosted_urls_share", "2036", 24)]
    assert ("iwf.hosted_urls_share", "2035", 33) in {(c["indicator_id"], c["period"], c["value"]) for c in parsed.candidates}


def test_a_table_the_page_says_is_partial_loads_with_its_shares_checked_against_the_stated_total():
    """ "62% of all the reports we actioned (6,000 of 10,000) were hosted in the EU": 6,000 is a
    part of the whole named after it, not a total of the table; the table's rows (8,800) fall
    short of the 10,000 stated, which refuses the page unless the page says the table lists part
    of the world ("Countries hosting fewer than 400 reports are listed in the appendix"): then
    it loads, each share checked against the stated total."""
    head = th("Host country", "Number of reports", "% of total number of reports")
    rows = [["Netherlands", "5,000", "50%"], ["Latvia", "3,800", "38%"]]
    prose = "In 2031, 62% of all the reports we actioned (6,000 of 10,000) were hosted in the EU."
    with pytest.raises(ParseError, match="short of the 10,000"):
        iwf.parse(page(head, rows, prose), 2031, "p.html")
    partial = prose + " Countries hosting fewer than 400 reports are listed in the appendix."
    parsed = iwf.parse(page(head, rows, partial), 2031, "p.html")
    assert nl(parsed.observations) == [("iwf.hosted_urls", "2031", 5000), ("iwf.hosted_urls_share", "2031", 50)]
    assert any("lists part of the countries" in n for n in parsed.notes)
    wrong_share = [["Netherlands", "5,000", "40%"], ["Latvia", "3,800", "38%"]]
    with pytest.raises(ParseError, match="do not match the counts|does not fit"):
        iwf.parse(page(head, wrong_share, partial), 2031, "p.html")


def test_a_years_table_is_the_netherlands_only_by_its_own_caption_or_the_heading_right_above_it():
    """A heading on the Netherlands further up the page, with prose between, does not make a
    later table of years the Netherlands' (it is the world's here): nothing of it loads."""
    html = OVER_TIME.replace(
        "<h2>The Netherlands over time</h2>",
        "<h2>The Netherlands</h2><p>Our work with Dutch partners continued.</p><p>All the URLs we confirmed, by year:</p>",
    )
    with pytest.raises(ParseError):
        iwf.parse(html.encode(), 2036, "b.html", OWN)


def test_a_remainder_of_locations_a_regions_part_of_the_total_and_a_share_fallen_from_last_year():
    """The ordinary hosting page of a later edition (iwf-10/01's class): an "All other countries
    and locations" row is the rest of the world (no country, counted towards the total); "Reports
    hosted in EU member states numbered 6,000, or 60% of the total" names a part with its share,
    never the table's total; "Its share ... fell to 30%, from 35% last year" after the sentence on
    the Netherlands: 35% is the year before the one it fell to, whatever the page's date."""
    rows = [["Latvia", "5,000", "50%"], ["Netherlands", "3,000", "30%"], ["All other countries and locations", "2,000", "20%"]]
    prose = (
        "Published: Wed 21 Apr 2032</p><p>Reports hosted in EU member states numbered 6,000, or 60% of the total. "
        "The Netherlands hosted 3,000 reports in 2031. Its share of all the reports we actioned fell to 30%, from 35% last year."
    )
    parsed = iwf.parse(page(th("Country", "Reports", "%"), rows, prose), 2031, "p.html", OWN)
    assert nl(parsed.observations) == [("iwf.hosted_urls", "2031", 3000), ("iwf.hosted_urls_share", "2031", 30)]
    assert set(parsed.observations.query("country_name.str.startswith('All other')").area_type) == {"aggregate"}
    assert ("iwf.hosted_urls_share", "2030", 35) in {(c["indicator_id"], c["period"], c["value"]) for c in parsed.candidates}


def test_a_table_in_another_voice_waits_cell_by_cell_never_loads_as_iwfs():
    """A newspaper reprinting IWF's top hosting countries, and an encyclopedia's table of the
    Netherlands over the years ("Jaar | Aantal in Nederland | Aandeel | Totaal IWF"): tables in
    another voice than IWF's; their cells wait in review with their years (the first loaded as
    IWF's hosting table, the second was refused for the report year its references name)."""
    press = ParseContext(url="https://www.theregister.example/2037/04/23/iwf/", own_hosts=("iwf.org.uk",))
    with pytest.raises(ParseError, match="its tables are not IWF's own") as info:
        iwf.parse(
            _news("Top host countries for child sexual abuse URLs in 2036", "The IWF published its figures.", TOP),
            2036,
            "n.html",
            press,
        )
    waiting = {(c["indicator_id"], c["period"], c["value"]) for c in info.value.candidates}
    assert {("iwf.hosted_urls", "2036", 61204), ("iwf.hosted_urls_share", "2036", 24)} <= waiting
    wiki = (
        "<html lang='nl'><head><title>Internet Watch Foundation - Wikipedia</title></head><body><main>"
        "<h1>Internet Watch Foundation</h1><table><caption>Door de IWF bevestigde url's, gehost in Nederland</caption>"
        "<tr><th>Jaar</th><th>Aantal in Nederland</th><th>Aandeel</th><th>Totaal IWF</th></tr>"
        "<tr><td>2035</td><td>52.010</td><td>33%</td><td>157.600</td></tr><tr><td>2036</td><td>61.204</td><td>24%</td>"
        "<td>255.016</td></tr></table><ol><li>Internet Watch Foundation, <i>Annual Report 2030</i>.</li></ol></main></body></html>"
    )
    encyclopedia = ParseContext(url="https://nl.wikipedia.example/wiki/Internet_Watch_Foundation", own_hosts=("iwf.org.uk",))
    with pytest.raises(ParseError) as info:
        iwf.parse(wiki.encode(), 2036, "w.html", encyclopedia)
    waiting = {(c["indicator_id"], c["period"], c["value"]) for c in info.value.candidates}
    assert {
        ("iwf.hosted_urls", "2035", 52010),
        ("iwf.hosted_urls", "2036", 61204),
        ("iwf.hosted_urls_share", "2035", 33),
    } <= waiting
    assert not [c for c in info.value.candidates if c["value"] in (157600, 255016) and c["indicator_id"]]


def test_a_table_with_each_years_number_and_share_in_columns_of_their_own():
    """A chart's text alternative as a table: "2044: number | 2044: % of total | 2045: number |
    2045: % of total" (a bare "number", the year before it: the counts were not read)."""
    from kr_pipeline.publishers.iwf import parser as iwf_parser
    from kr_pipeline.reading.context import ParseContext

    page = (
        "<html><head><title>Annual Data &amp; Insights Report 2045 | IWF</title></head><body><main><table><caption>URLs we "
        "actioned, by host country, 2044 and 2045</caption><tr><th>Host country</th><th>2044: number</th><th>2044: % of "
        "total</th><th>2045: number</th><th>2045: % of total</th></tr><tr><th>Bulgaria</th><td>25,000</td><td>10%</td>"
        "<td>90,000</td><td>30%</td></tr><tr><th>Netherlands</th><td>75,000</td><td>30%</td><td>30,000</td><td>10%</td>"
        "</tr><tr><th>All other countries</th><td>150,000</td><td>60%</td><td>180,000</td><td>60%</td></tr><tr><th>All countries</th><td>250,000</td><td>100%</td><td>300,000</td><td>100%</td></tr></table></main></body></html>"
    )
    parsed = iwf_parser.parse(
        page.encode(), 2045, "adir.html", ParseContext(url="https://www.iwf.org.uk/adir-2045/", own_hosts=("iwf.org.uk",))
    )
    got = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD"}
    assert {("iwf.hosted_urls", "2044", 75000), ("iwf.hosted_urls", "2045", 30000)} <= got, got
