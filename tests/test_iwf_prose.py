"""IWF's Netherlands figures in prose (pages without a table): texts of ours in IWF's and the
press's styles (numbers invented). In IWF's own voice a figure loads when its clause names the
year; a year by reference, a part of a year, a broken digit group and anything the press says
wait in review with the proposed period; other countries are not read."""

import pytest

from kr_pipeline.errors import ParseError
from kr_pipeline.publishers.iwf import parser as iwf
from kr_pipeline.reading.context import ParseContext

OWN = ParseContext(url="https://www.iwf.org.uk/news-media/news/hosting-2032/", own_hosts=("iwf.org.uk",))
PRESS = ParseContext(url="https://www.example-news.nl/tech/123/iwf.html", own_hosts=("iwf.org.uk",))

NEWS = """<html lang="en"><head><title>Hosting in 2032 | IWF</title></head><body><main>
<h1>Fewer webpages hosted in the Netherlands</h1><p>Published: Wed 20 Apr 2033</p>
<p>In 2032, 5% of the URLs we confirmed were hosted in the Netherlands (12,345 URLs), down from 6% in 2031.</p>
<p>Back in 2019, the Netherlands hosted 70% of all URLs we found. That year our analysts traced 90, 123 URLs to Dutch servers.</p>
<p>Latvia hosted 30% of URLs (60,000 URLs) in 2032.</p>
<p>In the first two months of 2033 we traced 1,500 URLs to Dutch servers.</p>
</main></body></html>"""


def _cands(exc_or_parsed):
    return sorted(((c["indicator_id"], c["period"], c["value"]) for c in exc_or_parsed.candidates), key=str)


def _waiting(html: str, year: int, context=OWN):
    """The candidates of a page, whether it loads something or is refused."""
    try:
        return _cands(iwf.parse(html.encode(), year, "page.html", context))
    except ParseError as exc:
        return _cands(exc)


def test_own_news_loads_explicit_clauses_and_proposes_the_rest():
    parsed = iwf.parse(NEWS.encode(), 2032, "news.html", OWN)
    got = sorted((r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples())
    assert got == [
        ("iwf.hosted_urls", "2032", 12345),
        ("iwf.hosted_urls_share", "2019", 70),
        ("iwf.hosted_urls_share", "2032", 5),
    ]
    assert set(parsed.observations.country_iso3) == {"NLD"}  # Latvia's 30% and 60,000 are not read
    # ("down from 6% in 2031": a comparison's base waits with its year, issue 22 part 2)
    assert _cands(parsed) == [
        ("iwf.hosted_urls", "2019", 90123),
        ("iwf.hosted_urls", None, 1500),
        ("iwf.hosted_urls_share", "2031", 6),
    ]


PRESS_NL = """<html lang="nl"><head><title>Minder misbruikbeelden op Nederlandse servers</title>
<meta property="article:published_time" content="2033-04-21T09:00:00+02:00"></head><body><main>
<h1>Minder misbruikbeelden op Nederlandse servers</h1>
<p>Nederlandse servers hostten vorig jaar 5 procent van alle url's met misbruikbeelden die de Britse IWF vond.</p>
<p>Het ging om ruim 12.000 url's op servers in Nederland. In 2019 was het Nederlandse aandeel nog 70 procent.</p>
</main></body></html>"""


def test_press_only_proposes_with_years_from_its_own_date():
    with pytest.raises(ParseError, match="voice: reported") as info:
        iwf.parse(PRESS_NL.encode(), 2033, "nu.html", PRESS)
    assert _cands(info.value) == [
        ("iwf.hosted_urls", "2032", 12000),
        ("iwf.hosted_urls_share", "2019", 70),
        ("iwf.hosted_urls_share", "2032", 5),
    ]


def test_a_share_in_words_is_a_share_never_a_count():
    """'Nearly one in ten of the webpages' is about 10%, never 10 URLs; in IWF's own voice it waits
    as the rounded statement of a share IWF publishes in digits (the corpora's writers, nearly all,
    and issue 22's "rounded headline numbers" agree); shares coordinated in one clause are each their
    own year's ('down from 12% in 2031 and from 30% in 2021'), and wait as the bases of the
    comparison they are."""
    text = """<html lang="en"><head><title>Hosting 2032 | IWF</title></head><body><main>
<h1>Hosting in 2032</h1><p>Published: Wed 20 Apr 2033</p>
<p>Nearly one in ten of the webpages we actioned in 2032 were hosted in the Netherlands &ndash; 21,004 URLs in all &ndash;
down from 12% in 2031 and from 30% in 2021.</p></main></body></html>"""
    parsed = iwf.parse(text.encode(), 2032, "news.html", OWN)
    got = sorted((r.indicator_id, r.period, r.value, r.qualifier) for r in parsed.observations.itertuples())
    assert got == [("iwf.hosted_urls", "2032", 21004, "exact")]
    assert {
        ("iwf.hosted_urls_share", "2032", 10),
        ("iwf.hosted_urls_share", "2031", 12),
        ("iwf.hosted_urls_share", "2021", 30),
    } <= set(_cands(parsed))
    assert not any(c[2] == 10 and c[0] == "iwf.hosted_urls" for c in _cands(parsed))


def test_press_shares_respectively_pair_with_their_years_and_undated_ones_are_proposed_for_the_year_before():
    text = """<html lang="nl"><head><title>Nederland blijft koploper</title></head><body><main>
<h1>Nederland blijft koploper</h1>
<p>Volgens de IWF wordt 44 procent van de webpagina's met misbruikbeelden in Nederland gehost.</p>
<p>In 2024 en 2023 was dat in Nederland respectievelijk 38 en 41 procent van de webpagina's.</p></main></body></html>"""
    with pytest.raises(ParseError) as refused:
        iwf.parse(text.encode(), 2026, "nieuws.html", PRESS)
    assert _cands(refused.value) == [
        ("iwf.hosted_urls_share", "2023", 41),
        ("iwf.hosted_urls_share", "2024", 38),
        ("iwf.hosted_urls_share", "2025", 44),
    ]


def test_a_count_of_a_whole_is_the_netherlands_count_and_the_whole_is_not():
    text = """<html lang="en"><head><title>Hosting 2032 | IWF</title></head><body><main>
<h1>Hosting in 2032</h1><p>Published: Wed 20 Apr 2033</p>
<p>In 2032 our analysts traced 21,004 of the 240,118 webpages we actioned to servers in the Netherlands.</p>
</main></body></html>"""
    parsed = iwf.parse(text.encode(), 2032, "news.html", OWN)
    assert sorted((r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples()) == [
        ("iwf.hosted_urls", "2032", 21004)
    ]
    assert 240118 not in {c["value"] for c in parsed.candidates}


def test_each_share_keeps_the_year_said_after_it_and_a_count_in_brackets_is_the_shares():
    """'..., tegen 28 procent in 2031 en 12 procent in 2030': each share is of its own year (both
    were proposed for the sentence's first year), and '(81.904 van de 264.310)' after the share
    is its count of URLs (it was not read at all)."""
    page = (
        '<html lang="nl"><head><title>Kamerbrief</title></head><body><main><h1>Kamerbrief over online misbruik</h1>'
        "<p>Uit het jaarrapport van de Internet Watch Foundation blijkt dat in 2032 30 procent van de door de IWF "
        "aangetroffen webpagina's met misbruikmateriaal in Nederland werd gehost (81.904 van de 264.310), tegen 28 "
        "procent in 2031 en 12 procent in 2030.</p></main></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        iwf.parse(page.encode(), 2032, "kamerbrief.html", PRESS)
    assert {
        ("iwf.hosted_urls_share", "2032", 30),
        ("iwf.hosted_urls", "2032", 81904),
        ("iwf.hosted_urls_share", "2031", 28),
        ("iwf.hosted_urls_share", "2030", 12),
    } <= set(_cands(refused.value))
    assert 264310.0 not in {c["value"] for c in refused.value.candidates}


def test_the_press_counts_pages_as_well_as_webpages():
    """'80,922 of the 270,101 pages it found, or 30%', 'Het gaat om 80.922 pagina's': pages are
    IWF's webpages (both counts went unread)."""
    page = (
        '<html lang="en"><head><title>Netherlands hosts most abuse pages</title></head><body><main><h1>Dutch servers</h1>'
        "<p>Three in 10 of the webpages showing child sexual abuse that the IWF acted on in 2032 were hosted in the "
        "Netherlands – 80,922 of the 270,101 pages it found, or 30%.</p></main></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        iwf.parse(page.encode(), 2032, "news.html", PRESS)
    assert ("iwf.hosted_urls", "2032", 80922) in set(_cands(refused.value))
    assert 270101.0 not in {c["value"] for c in refused.value.candidates}
    dutch = (
        '<html lang="nl"><head><title>IWF</title></head><body><main><h1>Nederland host opnieuw het meeste misbruik</h1>'
        "<p>In 2032 stond 30 procent van het misbruikmateriaal dat de IWF vond op Nederlandse servers. Het gaat om "
        "80.922 pagina's in 2032.</p></main></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        iwf.parse(dutch.encode(), 2032, "nieuws.html", PRESS)
    assert ("iwf.hosted_urls", "2032", 80922) in set(_cands(refused.value))


def test_a_share_beside_a_reduction_from_another_years_and_a_year_a_word_after_the_share():
    """'Most of the reports (34%) were traced to servers in the Netherlands, a reduction from
    39% in 2031': 34 is not 2031's (it was proposed so, then with no year); it is proposed for
    the year before the date of writing. '... the 31% recorded in 2030 in the Netherlands': the
    year a word after the share is its own."""
    page = (
        '<html lang="en"><head><title>IWF figures</title><meta property="article:published_time" '
        'content="2033-04-24T09:00:00Z"></head><body><main><h1>Hosting report</h1>'
        "<p>Most of the reports (34%) were traced to servers in the Netherlands, a reduction from 39% in 2031.</p>"
        "<p>That is down from the 41% recorded in 2030 and 44% in 2029 in the Netherlands.</p></main></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        iwf.parse(page.encode(), 2032, "news.html", PRESS)
    got = {(c["value"], c["period"]) for c in refused.value.candidates}
    assert {(34.0, "2032"), (39.0, "2031"), (41.0, "2030"), (44.0, "2029")} <= got


def test_addresses_are_urls_and_another_year_of_the_same_subject_waits_with_its_year():
    """'bijna 14.000 adressen' counts URLs (it was not read); 'In 2030 was dat 8 procent, in
    2021 zelfs 71 procent' speaks of the Netherlands of the sentence before: each share waits
    with its year (neither was read)."""
    page = (
        '<html lang="nl"><head><title>IWF</title><meta property="article:published_time" '
        'content="2033-04-24T09:00:00Z"></head><body><main><h1>Minder misbruik op Nederlandse servers</h1>'
        "<p>Vorig jaar stond nog 5 procent van de webpagina's die de IWF liet verwijderen op een Nederlandse "
        "server: bijna 14.000 adressen. In 2030 was dat 8 procent, in 2021 zelfs 71 procent.</p></main></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        iwf.parse(page.encode(), 2032, "nieuws.html", PRESS)
    got = set(_cands(refused.value))
    assert {
        ("iwf.hosted_urls", "2032", 14000),
        ("iwf.hosted_urls_share", "2030", 8),
        ("iwf.hosted_urls_share", "2021", 71),
    } <= got


def test_a_count_of_a_rounded_whole_is_read_and_the_whole_is_not():
    """'Het ging toen om bijna 26.000 van de ruim 80.000 gesignaleerde webadressen': 26.000 is
    the Netherlands' count (it was not read: 'ruim' before the whole hid it), 80.000 the whole."""
    page = (
        '<html lang="nl"><head><title>IWF</title></head><body><main><h1>Servers in Nederland</h1>'
        "<p>In 2031 werd 32 procent van de beelden gehost in Nederland. Het ging toen om bijna 26.000 van de ruim "
        "80.000 gesignaleerde webadressen.</p></main></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        iwf.parse(page.encode(), 2031, "nieuws.html", PRESS)
    values = {c["value"] for c in refused.value.candidates}
    assert 26000.0 in values and 80000.0 not in values


def test_a_count_that_went_from_one_number_to_another():
    """'... the Netherlands, which went from hosting 13,911 abuse URLs to 22,480': the second
    is the year's count, the first the year before's (neither was read)."""
    page = (
        '<html lang="en"><head><title>IWF</title></head><body><main><h1>Europe hosts most abuse</h1>'
        "<p>The majority of abuse URLs identified in 2031 were hosted in five countries: the Netherlands (38 per "
        "cent), the United States (21 per cent).</p><p>The biggest increase was in the Netherlands, which went from "
        "hosting 13,911 abuse URLs to 22,480.</p></main></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        iwf.parse(page.encode(), 2031, "news.html", PRESS)
    assert {("iwf.hosted_urls", "2031", 22480), ("iwf.hosted_urls", "2030", 13911)} <= set(_cands(refused.value))


LEAGUE = """<html lang="en"><head><title>Dutch servers top the league again</title>
<meta property="article:published_time" content="2041-04-14T08:00:00+01:00"></head><body><main>
<h1>Dutch servers top the league again</h1>
<p>Asia hosted 21 per cent of the abuse webpages the watchdog found, down from 33 per cent in 2039.</p>
<p>The largest number by far, 31,406, or 44 per cent of the total, were traced to the Netherlands, ahead of
Slovakia with 9,877 (14 per cent), the United States with 7,015 (10 per cent) and Latvia with 3,220 (5 per cent).</p>
<p>Of nearly 72,000 web addresses the watchdog acted on, 31,500 – or some 44 per cent – were on Dutch servers,
while this share represents a rise from the 41% recorded in 2039.</p>
</main></body></html>"""


def test_a_count_named_by_its_share_and_other_countries_after_the_netherlands():
    """A count said with its share beside it ("31,406, or 44 per cent of the total", "31,500 –
    or some 44 per cent –") is the Netherlands' count, proposed; the countries said after it
    ("ahead of Slovakia with 9,877 (14 per cent)") are theirs and are not read; a year only
    compared with ("down from 33 per cent in 2039") is not the year a figure without one takes:
    that is the year before the item's date (IWF reports a year the next spring)."""
    with pytest.raises(ParseError, match="voice: reported") as info:
        iwf.parse(LEAGUE.encode(), 2040, "league.html", PRESS)
    got = _cands(info.value)
    assert ("iwf.hosted_urls", "2040", 31406) in got and ("iwf.hosted_urls", "2040", 31500) in got
    assert ("iwf.hosted_urls_share", "2040", 44) in got and ("iwf.hosted_urls_share", "2039", 41) in got
    assert not {v for _, _, v in got} & {9877, 14, 7015, 10, 3220, 5, 21, 33, 72000}, got


def test_each_year_of_a_coordinated_pair_is_its_own_clause():
    """ "In 2038 waren dat 14.210 url's en in 2039 waren dat er 19.884": each count takes the year
    of its own clause, the second its noun from the first."""
    html = (
        '<html lang="nl"><head><title>IWF: meer url\'s op Nederlandse servers</title>'
        '<meta property="article:published_time" content="2040-04-20"></head><body><main>'
        "<p>Het IWF ziet een groei van het aantal url's op Nederlandse servers. "
        "In 2038 waren dat 14.210 url's en in 2039 waren dat er 19.884.</p></main></body></html>"
    )
    with pytest.raises(ParseError) as info:
        iwf.parse(html.encode(), 2039, "t.html", PRESS)
    assert _cands(info.value) == [("iwf.hosted_urls", "2038", 14210), ("iwf.hosted_urls", "2039", 19884)]


def test_an_abbreviated_dateline_dates_the_page_and_a_dates_year_is_no_period():
    """IWF's pages write "Published:  Wed 12 Aug 2043" (weekday and month abbreviated): "last year"
    counts from it. A date in the sentence ("in a statement on 11 August 2043") is a date, not the
    year the share is of."""
    share = "The Netherlands hosted 6% of the webpages we took action on last year."
    abbreviated = (
        f"<html lang='en'><body><main><h1>Hosting</h1><p>Published:  Wed 12 Aug 2043</p><p>{share}</p></main></body></html>"
    )
    assert ("iwf.hosted_urls_share", "2042", 6) in _waiting(abbreviated, 2042)
    lead = (
        '<html lang="en"><head><meta property="article:published_time" content="2043-08-12"></head><body><main>'
        "<h1>Hosting</h1><p>In a statement on 11 August 2043 the IWF said the Netherlands hosted 6% of the webpages"
        " it took action on last year.</p></main></body></html>"
    )
    assert ("iwf.hosted_urls_share", "2042", 6) in _waiting(lead, 2042)  # never loaded as 2043's
    # a byline with a time and its zone ("Wed 12 Aug 2043 00.01 BST"), after the standfirst
    byline = (
        "<html lang='en'><body><main><h1>Hosting</h1><p>The share fell again.</p>"
        f"<p>Technology desk · Wed 12 Aug 2043 00.01 BST</p><p>{share}</p></main></body></html>"
    )
    assert ("iwf.hosted_urls_share", "2042", 6) in _waiting(byline, 2042, PRESS)


def test_a_correction_never_loads_the_corrected_figure_loads_where_it_is_stated():
    html = (
        '<html lang="en"><body><main><h1>Hosting update</h1>'
        "<p>Correction: an earlier version of this article said that in 2042 the Netherlands hosted 14,902 URLs.</p>"
        "<p>In 2042 we traced 13,902 URLs to servers in the Netherlands.</p></main></body></html>"
    )
    parsed = iwf.parse(html.encode(), 2042, "c.html", OWN)
    assert sorted((r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples()) == [
        ("iwf.hosted_urls", "2042", 13902)
    ]
    assert ("iwf.hosted_urls", "2042", 14902) in _cands(parsed)


def test_holland_in_the_english_press_and_an_increase_with_an_adjective():
    """The English press's "Holland" is the Netherlands (never "Noord-Holland"); "a huge increase
    from 2038 when ..." opens a clause of its own, so the count before it does not take 2038."""
    html = (
        "<html lang='en'><head><title>Two thirds of abuse pages hosted in Holland</title>"
        "<meta property='article:published_time' content='2040-04-22'></head><body><main>"
        "<p>Two thirds of the abuse webpages found by the IWF last year were hosted in Holland.</p>"
        "<p>That equates to 61,220 URLs in Holland, and is a huge increase from 2038 when the share was 41 per cent.</p>"
        "<p>In Noord-Holland 12 per cent of hosting firms were visited.</p></main></body></html>"
    )
    got = _waiting(html, 2039, PRESS)
    assert ("iwf.hosted_urls_share", "2039", 67) in got and ("iwf.hosted_urls", "2039", 61220) in got, got
    assert not any(v == 12 for _, _, v in got)


def test_the_country_by_reference_across_paragraphs_and_a_count_with_its_whole_and_share():
    """A press item's next paragraph continues the one before ("In 2040 was dat 41 procent ..."),
    "to servers in the country" after a headline on Dutch servers is the Netherlands, "71,304 of
    190,115, or 37 per cent" is a count with its whole, and "Daarvan stonden er 9.410 op servers
    in Nederland" counts URLs: all proposed with their years, the wholes never."""
    html = (
        "<html lang='en'><head><title>Dutch servers host most abuse pages, watchdog says</title>"
        "<meta property='article:published_time' content='2042-04-20'></head><body><main>"
        "<h1>Dutch servers host most abuse pages, watchdog says</h1>"
        "<p>The IWF traced 61,003 of the 180,412 webpages it confirmed in 2041 to servers in the country - 34%.</p>"
        "<p>In 2040 the figure was 41%. In 2039 the Netherlands hosted 71,304 of 190,115, or 37 per cent.</p>"
        "</main></body></html>"
    )
    got = _waiting(html, 2041, PRESS)
    assert {
        ("iwf.hosted_urls", "2041", 61003),
        ("iwf.hosted_urls_share", "2041", 34),
        ("iwf.hosted_urls_share", "2040", 41),
    } <= set(got), got
    assert ("iwf.hosted_urls", "2039", 71304) in got
    assert not {v for _, _, v in got} & {180412, 190115}, got
    dutch = (
        "<html lang='nl'><head><title>IWF: Nederland host minder</title>"
        "<meta property='article:published_time' content='2042-04-21'></head><body><main>"
        "<p>De IWF vond in 2041 in totaal 31.022 url's met misbruikmateriaal in Europa, vooral in Nederland. "
        "Daarvan stonden er 9.410 op servers in Nederland.</p></main></body></html>"
    )
    assert ("iwf.hosted_urls", "2041", 9410) in _waiting(dutch, 2041, PRESS)


def test_counts_said_where_they_are_hosted_pc_this_share_and_since_a_year():
    """The press's ways of saying the Netherlands' count and share: "Some 61,204 of them were on
    servers in the Netherlands, or 24pc" (the British and Irish "pc"), "werden er 52.010 gehost in
    Nederland", "Over 2035 bedroeg dit aandeel 33 procent" (the share by reference), "61,204 – 24
    per cent –" (a count is never a coordinated share), and "top of the table every year since
    2030" (a year after "since" is no period)."""
    english = (
        "<html lang='en'><head><meta property='article:published_time' content='2037-04-25'></head><body><main>"
        "<p>The IWF said it confirmed 255,016 webpages showing the sexual abuse of children last year.</p>"
        "<p>Some 61,204 of them were on servers in the Netherlands, or 24pc.</p>"
        "<p>The Netherlands, top of the table every year since 2030, hosted 61,204 – 24 per cent – of them.</p>"
        "</main></body></html>"
    )
    got = _waiting(english, 2036, PRESS)
    assert {("iwf.hosted_urls", "2036", 61204), ("iwf.hosted_urls_share", "2036", 24)} <= set(got), got
    assert not [g for g in got if g[1] == "2030" or (g[0] == "iwf.hosted_urls_share" and g[2] == 61204)], got
    dutch = (
        "<html lang='nl'><head><meta property='article:published_time' content='2037-04-25'></head><body><main>"
        "<p>Volgens het jaarverslag over 2036 werden er 61.204 gehost in Nederland, oftewel 24 procent.</p>"
        "<p>Over 2035 bedroeg dit aandeel 33 procent (52.010 url's).</p></main></body></html>"
    )
    got = _waiting(dutch, 2036, PRESS)
    assert {("iwf.hosted_urls", "2036", 61204), ("iwf.hosted_urls_share", "2035", 33), ("iwf.hosted_urls", "2035", 52010)} <= set(
        got
    ), got


def test_a_year_earlier_in_its_own_clause_the_ends_of_a_change_over_two_years_and_a_reporters_aside():
    """ "In 2040 was dat 41 procent en een jaar eerder nog 77 procent": the second share's clause
    counts back from the first's year; "tussen 2041 en 2042 daalde het aandeel van 29 naar 11
    procent": each end its year; a transcript's "VERSLAGGEVER: Ja." between two sentences on the
    Netherlands does not end the subject."""
    html = (
        "<html lang='nl'><head><meta property='article:published_time' content='2043-04-24'></head><body><main>"
        "<p>Vorig jaar stond 32 procent van de pagina's die de IWF vond op Nederlandse servers.</p>"
        "<p>In 2040 was dat 41 procent en een jaar eerder nog 77 procent.</p>"
        "<p>VERSLAGGEVER: Ja.</p><p>Een jaar eerder was het nog 35 procent.</p>"
        "<p>Volgens de IWF daalde het Nederlandse aandeel tussen 2041 en 2042 van 29 naar 11 procent.</p>"
        "</main></body></html>"
    )
    got = _waiting(html, 2042, PRESS)
    assert {
        ("iwf.hosted_urls_share", "2040", 41),
        ("iwf.hosted_urls_share", "2039", 77),
        ("iwf.hosted_urls_share", "2041", 29),
        ("iwf.hosted_urls_share", "2042", 11),
    } <= set(got), got
    assert any(v == 35 for _, _, v in got), got


def test_a_year_list_under_a_dutch_heading_a_count_with_its_whole_and_a_count_after_its_share():
    """IWF's own blog: items led by their year ("2035: 52,010 URLs (33%)") under a heading naming
    the Netherlands load for their years (an item not led by a year, "In 2036 we took action on
    255,016 URLs", is the world's and is not read); "24% of all the URLs we confirmed – 61,204 of
    the 255,016" loads the count, never the whole; "the Dutch share was 33% (52,010 URLs)" gives
    the count the share's year."""
    html = (
        "<html lang='en'><head><title>Blog | IWF</title></head><body><main><p>Published:  Thu 11 Jun 2037</p>"
        "<p>In 2036, the Netherlands hosted 24% of all the child sexual abuse URLs we confirmed – 61,204 of the 255,016. "
        "The year before, the Dutch share was 33% (52,010 URLs).</p>"
        "<h2>URLs hosted in the Netherlands</h2><ul><li>2034: 41,777 URLs (29%)</li><li>In 2036 we took action on 255,016 URLs.</li></ul>"
        "</main></body></html>"
    )
    parsed = iwf.parse(html.encode(), 2036, "b.html", OWN)
    assert sorted((r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples()) == [
        ("iwf.hosted_urls", "2034", 41777),
        ("iwf.hosted_urls", "2036", 61204),
        ("iwf.hosted_urls_share", "2034", 29),
        ("iwf.hosted_urls_share", "2036", 24),
    ]
    assert ("iwf.hosted_urls", "2035", 52010) in _cands(parsed)
    assert not [c for c in parsed.candidates if c["value"] == 255016]


def test_a_carried_count_takes_the_period_of_the_share_before_not_of_its_base():
    """ "Of those, 51% were on Dutch servers - up from 40% in 2035. That amounts to 61,200 web
    pages." (a BBC-style item): the count is of the share's year, not of the base's 2035; an item
    whose byline carries a time zone ("Wed 22 Apr 2037 00.01 BST") is dated; "Precies ging het om
    N url's" (a Dutch item, the Netherlands said two sentences before) carries the subject."""
    bbc = (
        '<html lang="en"><head><title>Netherlands hosts half of abuse pages | News</title></head><body><main>'
        "<h1>Netherlands hosts half of abuse pages</h1><p>Science desk · Wed 22 Apr 2037 00.01 BST</p>"
        "<p>The IWF confirmed 120,000 web addresses as showing abuse last year. Of those, 51% were on Dutch servers - "
        "up from 40% in 2035. That amounts to 61,200 web pages.</p></main></body></html>"
    )
    got = _waiting(bbc, 2037, PRESS)
    assert ("iwf.hosted_urls", "2036", 61200) in got and ("iwf.hosted_urls_share", "2036", 51) in got
    assert ("iwf.hosted_urls_share", "2035", 40) in got
    nu = (
        '<html lang="nl"><head><title>Nederland grootste host | Nieuws</title></head><body><main>'
        "<p>22 april 2037 10:41</p><p>Op Nederlandse servers stonden vorig jaar ruim 61.000 webadressen met "
        "misbruikbeelden. Dat meldt de Internet Watch Foundation in haar jaarrapport.</p>"
        "<p>Precies ging het om 61.234 url's. Dat is 51 procent van de 120.000 adressen die de IWF in 2036 vond.</p>"
        "</main></body></html>"
    )
    got = _waiting(nu, 2037, PRESS)
    assert ("iwf.hosted_urls", "2036", 61234) in got and ("iwf.hosted_urls_share", "2036", 51) in got


def test_a_dutch_table_of_the_netherlands_over_the_years_in_another_voice_waits_cell_by_cell():
    """A ministry's letter reprints IWF's figures as a table with Dutch headers ("Jaar", "Aantal
    url's", "Aandeel van het wereldwijde totaal") and Dutch digit groups ("117.544"): each cell
    waits with its year (another voice), none is lost."""
    html = (
        '<html lang="nl"><head><title>Kamerbrief over online kindermisbruik</title></head><body><main>'
        "<h1>Kamerbrief over online kindermisbruik</h1><p>Hierbij de cijfers van de Internet Watch Foundation.</p>"
        "<table><caption>Door de IWF vastgestelde url's met kindermisbruik, gehost in Nederland</caption>"
        "<tr><th>Jaar</th><th>Aantal url's</th><th>Aandeel van het wereldwijde totaal</th></tr>"
        "<tr><td>2036</td><td>117.544</td><td>61%</td></tr><tr><td>2037</td><td>102.676</td><td>41%</td></tr>"
        "</table></main></body></html>"
    )
    letter = ParseContext(url="https://www.rijksoverheid.example/kamerbrief", own_hosts=("iwf.org.uk",))
    # (also when the page does not declare its language: the document's language is read from its words)
    for page in (html, html.replace(' lang="nl"', "")):
        got = _waiting(page, 2037, letter)
        assert {
            ("iwf.hosted_urls", "2036", 117544),
            ("iwf.hosted_urls_share", "2036", 61),
            ("iwf.hosted_urls", "2037", 102676),
            ("iwf.hosted_urls_share", "2037", 41),
        } <= set(got)


def test_a_publication_month_a_participle_clause_and_in_year_ging_het_om():
    """ "According to the annual report published by the IWF in April 2038, 41 % of the URLs it
    identified in 2037 were hosted in the Netherlands (102 676 URLs)": April is when the report
    came out, not a part of the year; "fell sharply in 2037, having peaked at 77% the year
    before": 77% is 2036's; "In 2036 ging het nog om 117.544 url's" carries the Netherlands."""
    parl = (
        '<html lang="en"><head><title>Question for written answer | Parliament</title></head><body><main>'
        "<p>According to the annual report published by the Internet Watch Foundation (IWF) in April 2038, 41 % of the "
        "child sexual abuse URLs it identified in 2037 were hosted in the Netherlands (102 676 URLs).</p></main></body></html>"
    )
    got = _waiting(parl, 2037, PRESS)
    assert ("iwf.hosted_urls_share", "2037", 41) in got and ("iwf.hosted_urls", "2037", 102676) in got
    faq = (
        '<html lang="en"><head><title>FAQ | IWF</title></head><body><main><h1>Questions</h1>'
        "<p>In 2037, 102,676 of the URLs we actioned were hosted in the Netherlands: 41% of the total.</p>"
        "<p>The Dutch share fell sharply in 2037, having peaked at 77% the year before.</p></main></body></html>"
    )
    assert ("iwf.hosted_urls_share", "2036", 77) in _waiting(faq, 2037, OWN)
    nl = (
        '<html lang="nl"><head><title>Aandeel Nederland gedaald | Nieuws</title></head><body><main><p>22 april 2038</p>'
        "<p>102.676 daarvan stonden op servers in Nederland, ofwel 41 procent. In 2036 ging het nog om 117.544 url's en 77 "
        "procent van het totaal.</p></main></body></html>"
    )
    got = _waiting(nl, 2037, PRESS)
    assert ("iwf.hosted_urls", "2036", 117544) in got and ("iwf.hosted_urls_share", "2036", 77) in got


def test_a_stat_panel_of_a_figure_line_over_its_label_is_one_statement():
    """IWF's stat panels: "<aside><p>More than 90,000</p><p>child sexual abuse reports we
    actioned in 2037 were traced to servers in the Netherlands</p></aside>" and "<div><p>Nearly 3
    in 10</p><p>reports we actioned were hosted in the Netherlands</p></div>": one statement each
    (the aside was dropped, the div's lines ran together as "10reports")."""
    html = (
        '<html lang="en"><head><title>Hosting | IWF</title></head><body><main><h1>Where abuse is hosted</h1>'
        '<aside class="stat-panel"><p class="big-number">More than 90,000</p><p>child sexual abuse reports we actioned '
        "in 2037 were traced to servers in the Netherlands</p></aside>"
        '<div class="stat-box"><p class="stat">Nearly 3 in 10</p><p>reports we actioned in 2037 were hosted in the '
        "Netherlands</p></div><p>In 2037 we actioned 300,100 reports.</p></main></body></html>"
    )
    got = _waiting(html, 2037)
    # (read as written: "More than 90,000" a lower bound, "Nearly 3 in 10" a share in words; both
    # rounded statements of figures IWF publishes exactly, so proposed)
    assert ("iwf.hosted_urls", "2037", 90000) in got and ("iwf.hosted_urls_share", "2037", 30) in got


def test_a_byline_with_the_papers_name_and_the_year_before_as_a_base():
    """ "Tuesday April 27 2038, 12.01am, The Times" dates the item; "Met 41 procent ... lager dan het
    jaar ervoor, toen het op 77 procent lag": 41 is the text's year, 77 the year before."""
    times = (
        '<html lang="en"><head><title>Webpages traced to the Netherlands | The Times</title></head><body><main>'
        "<p>Tuesday April 27 2038, 12.01am, The Times</p><p>Of the 153,383 webpages confirmed by the IWF last year, "
        "117,544 were hosted in the Netherlands.</p></main></body></html>"
    )
    assert ("iwf.hosted_urls", "2037", 117544) in _waiting(times, 2037, PRESS)
    parool = (
        '<html lang="nl"><head><title>Nederland | Het Parool</title></head><body><main><p>25 april 2038</p>'
        "<p>In 2037 stond ruim vier op de tien url's met kindermisbruik op een Nederlandse server. Met 41 procent van het "
        "totaal is het Nederlandse aandeel flink lager dan het jaar ervoor, toen het op 77 procent lag.</p></main></body></html>"
    )
    got = _waiting(parool, 2037, PRESS)
    assert ("iwf.hosted_urls_share", "2037", 41) in got and ("iwf.hosted_urls_share", "2036", 77) in got


def test_counts_traced_to_servers_and_in_year_lag_het_op():
    """ "Daarvan werden er 93.962 naar servers in Nederland herleid", "48,900 were traced to Dutch
    servers", "Er stonden er 91.572 op een Nederlandse server", "In 2036 lag het op 32 procent"."""
    nl = (
        '<html lang="nl"><head><title>Nederland | FD</title></head><body><main><p>22 april 2038</p>'
        "<p>De IWF trof vorig jaar 132.676 webpagina's met zulk materiaal aan. Daarvan werden er 93.962 naar servers in "
        "Nederland herleid, 71 procent van het totaal.</p><p>Er stonden er 91.000 op een Nederlandse server. Daarmee komt "
        "het Nederlandse aandeel uit op 33 procent. In 2036 lag het op 32 procent.</p></main></body></html>"
    )
    got = _waiting(nl, 2037, PRESS)
    assert ("iwf.hosted_urls", "2037", 93962) in got and ("iwf.hosted_urls_share", "2036", 32) in got
    en = (
        '<html lang="en"><head><title>Dutch servers | The Guardian</title></head><body><main><p>24 April 2038</p>'
        "<p>Of the 105,047 URLs the organisation acted on in 2037, 48,900 were traced to Dutch servers.</p></main></body></html>"
    )
    assert ("iwf.hosted_urls", "2037", 48900) in _waiting(en, 2037, PRESS)


def test_the_year_before_said_of_two_figures_counts_back_once():
    """ "That was 47% of the total, compared with 36% the year before, when 27,970 Dutch-hosted URLs
    were found": 36% and 27,970 are both the year before the 47%'s (not 27,970 a year before that)."""
    html = (
        '<html lang="en"><head><title>Dutch servers | The Guardian</title></head><body><main><p>24 April 2038</p>'
        "<p>Of the 105,047 URLs the organisation acted on in 2037, 48,900 were traced to Dutch servers. That was 47% of "
        "the total, compared with 36% the year before, when 27,970 Dutch-hosted URLs were found.</p></main></body></html>"
    )
    got = _waiting(html, 2037, PRESS)
    assert ("iwf.hosted_urls_share", "2036", 36) in got and ("iwf.hosted_urls", "2036", 27970) in got


def test_counts_by_daarvan_of_them_accounted_for_and_beside_their_share():
    """Counts the press names without a URL noun after them: "Bij 64.210 daarvan stond het
    materiaal op een server in Nederland", "64.210 daarvan, ofwel 28 procent", "The Netherlands
    alone accounted for 64,210 of them", "werden er 64.210 herleid naar een server", "In 2040 31%
    (70,100) of the URLs ...", "– 64,210 in total", and "tegen 70.100 een jaar eerder"."""
    nl = (
        '<html lang="nl"><head><title>Nederland | de Volkskrant</title></head><body><main><p>22 april 2042</p>'
        "<p>De IWF nam vorig jaar 229.300 webpagina's onder handen. Bij 64.210 daarvan stond het materiaal op een "
        "server in Nederland: 28 procent.</p><p>Van alle url's die de stichting in 2040 vond, werden er 70.100 herleid "
        "naar een server in Nederland.</p><p>De IWF zag in 2041 ruim 64.000 url's op servers in Nederland, tegen 70.100 "
        "een jaar eerder.</p></main></body></html>"
    )
    got = _waiting(nl, 2041, PRESS)
    for want in [("iwf.hosted_urls", "2041", 64210), ("iwf.hosted_urls", "2040", 70100), ("iwf.hosted_urls", "2041", 64000)]:
        assert want in got, want
    assert got.count(("iwf.hosted_urls", "2040", 70100)) == 2  # (said twice: by "herleid" and after "tegen")
    en = (
        '<html lang="en"><head><title>Dutch servers | Sky News</title></head><body><main><p>23 April 2042</p>'
        "<p>The IWF actioned 229,300 webpages in 2041. The Netherlands alone accounted for 64,210 of them, or 28%.</p>"
        "<p>In 2040 31% (70,100) of the URLs the IWF confirmed were traced to the Netherlands.</p></main></body></html>"
    )
    got = _waiting(en, 2041, PRESS)
    assert ("iwf.hosted_urls", "2041", 64210) in got and ("iwf.hosted_urls", "2040", 70100) in got
    own = (
        '<html lang="en"><head><title>Hosting | IWF</title></head><body><main><p>Published: 21 April 2042</p>'
        "<p>Last year, 28% of the child sexual abuse URLs we found were hosted in the Netherlands – 64,210 in total.</p>"
        "</main></body></html>"
    )
    assert ("iwf.hosted_urls", "2041", 64210) in _waiting(own, 2041, OWN)


def test_the_country_there_and_years_earlier_carry_the_netherlands():
    """A sentence that speaks of the Netherlands by reference: "In 2039 the country accounted for
    33% of the total, or 60,500 URLs", "In 2039 we had traced 60,500 URLs there", "Over 2039 was dat
    nog 33 procent", "Drie jaar eerder was dat nog ruim driekwart" (three years before the figure
    before), and a byline's time between two paragraphs ("Anne de Wit · 23 april 2042, 14:12")."""
    en = (
        '<html lang="en"><head><title>Hosting | IWF Annual Report</title></head><body><main>'
        "<p>Our analysts traced 64,210 URLs to Dutch servers in 2041. In 2039 the country accounted for 33% of the "
        "total, or 60,500 URLs.</p><p>The Netherlands remained the largest host in 2040. In 2040 we had traced 70,100 "
        "URLs there.</p></main></body></html>"
    )
    got = _waiting(en, 2041, OWN)
    assert ("iwf.hosted_urls_share", "2039", 33) in got and ("iwf.hosted_urls", "2039", 60500) in got
    assert ("iwf.hosted_urls", "2040", 70100) in got
    nl = (
        '<html lang="nl"><head><title>Nederland | Trouw</title></head><body><main>'
        "<p>Ruim een kwart van de webpagina's die de IWF in 2041 vond, stond op Nederlandse servers.</p>"
        "<p>Anne de Wit · 23 april 2042, 14:12</p><p>In totaal ging het om 64.210 webpagina's. Over 2040 was dat nog "
        "31 procent. Drie jaar eerder was dat nog ruim driekwart.</p></main></body></html>"
    )
    got = _waiting(nl, 2041, PRESS)
    for want in [
        ("iwf.hosted_urls", "2041", 64210),
        ("iwf.hosted_urls_share", "2040", 31),
        ("iwf.hosted_urls_share", "2037", 75),
    ]:
        assert want in got, want


def test_a_figure_list_with_the_figure_as_term_and_a_share_before_and_in_year():
    """ "<dt>Almost 60,000</dt><dd>URLs hosted in the Netherlands</dd>" is one key figure (the
    qualifier stays before the figure); "In 2041 was dit 28 procent en in 2040 31 procent": 28 is
    2041's, not the year after "en in"."""
    html = (
        '<html lang="en"><head><title>Hosting | IWF Annual Report 2041</title></head><body><main><h1>Hosting</h1>'
        "<dl><dt>229,300</dt><dd>URLs confirmed</dd><dt>Almost 65,000</dt><dd>URLs hosted in the Netherlands</dd></dl>"
        "<p>Our analysts traced 64,210 URLs to Dutch servers in 2041.</p></main></body></html>"
    )
    parsed = iwf.parse(html.encode(), 2041, "page.html", OWN)
    assert [(r.period, r.value) for r in parsed.observations.itertuples()] == [("2041", 64210)]
    assert ("iwf.hosted_urls", "2041", 65000) in _cands(parsed)
    nl = (
        '<html lang="nl"><head><title>Antwoorden | Rijksoverheid</title></head><body><main><p>12 mei 2042</p>'
        "<p>Het aandeel van Nederland in de door de IWF gevonden url's daalt. In 2041 was dit 28 procent en in 2040 31 "
        "procent.</p></main></body></html>"
    )
    got = _waiting(nl, 2041, PRESS)
    assert ("iwf.hosted_urls_share", "2041", 28) in got and ("iwf.hosted_urls_share", "2040", 31) in got


def test_a_difference_is_no_count_and_an_elliptical_clause_waits():
    """ "Compared with 2040, that is 11,200 more URLs in the Netherlands" is a difference (it was
    loaded as 2040's count); "In 2040 the Netherlands hosted 31% of the URLs we confirmed; in 2039,
    33%." gives the second clause only a year and a number: it waits (it was loaded)."""
    html = (
        '<html lang="en"><head><title>Hosting | IWF Annual Report 2041</title></head><body><main>'
        "<p>Our analysts traced 64,210 URLs to Dutch servers in 2041. Compared with 2040, that is 11,200 more URLs in "
        "the Netherlands.</p><p>In 2040 the Netherlands hosted 31% of the URLs we confirmed; in 2039, 33%.</p>"
        "</main></body></html>"
    )
    parsed = iwf.parse(html.encode(), 2041, "page.html", OWN)
    got = sorted((r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples())
    assert got == [("iwf.hosted_urls", "2041", 64210), ("iwf.hosted_urls_share", "2040", 31)]
    assert ("iwf.hosted_urls_share", "2039", 33) in _cands(parsed)
    assert 11200 not in [c[2] for c in _cands(parsed) if c[0] == "iwf.hosted_urls"]


def test_chart_tables_with_years_in_headers_or_caption_and_a_ranked_list():
    """IWF's chart data as a table: columns "2041: URLs | 2041: % | 2040: URLs | 2040: %" with a
    Netherlands row beside "Rest of the world" and "Total" rows (the Netherlands' cells load with
    their years; a difference was loaded as a count before); a shares-only top five captioned
    "Top five hosting countries, 2041 (% of all reports actioned)" (its Netherlands share loads
    for 2041; it had no year); a ranked list "Netherlands: 64,210 reports (28%)" (proposed; it was
    not read)."""
    chart = (
        '<html lang="en"><head><title>The Netherlands and the rest of the world | IWF Annual Report 2041</title></head>'
        "<body><main><h1>The Netherlands and the rest of the world</h1><table><caption>URLs actioned by IWF, by hosting "
        "location</caption><tr><th>Hosting location</th><th>2041: URLs</th><th>2041: %</th><th>2040: URLs</th><th>2040: %</th>"
        "</tr><tr><th>Netherlands</th><td>64,210</td><td>28%</td><td>70,100</td><td>31%</td></tr><tr><th>Rest of the world"
        "</th><td>165,090</td><td>72%</td><td>156,000</td><td>69%</td></tr><tr><th>Total</th><td>229,300</td><td>100%</td>"
        "<td>226,100</td><td>100%</td></tr></table></main></body></html>"
    )
    # (read as IWF's hosting table since a header's year may stand before its words: its "Rest of the world"
    # and "Total" rows load too, as the table reader loads them, without a country)
    got = {
        (r.indicator_id, r.period): r.value
        for r in iwf.parse(chart.encode(), 2041, "page.html", OWN).observations.itertuples()
        if r.country_iso3 == "NLD"
    }
    assert got == {
        ("iwf.hosted_urls", "2041"): 64210,
        ("iwf.hosted_urls_share", "2041"): 28,
        ("iwf.hosted_urls", "2040"): 70100,
        ("iwf.hosted_urls_share", "2040"): 31,
    }
    top_five = (
        '<html lang="en"><head><title>Top hosting countries | IWF Annual Data &amp; Insights Report 2041</title></head>'
        "<body><main><h1>Top hosting countries</h1><table><caption>Top five hosting countries, 2041 (% of all reports "
        "actioned)</caption><tr><th>Rank</th><th>Host country</th><th>% of reports</th></tr><tr><td>1</td><td>Netherlands"
        "</td><td>28%</td></tr><tr><td>2</td><td>Latvia</td><td>15%</td></tr></table></main></body></html>"
    )
    got = [
        (r.indicator_id, r.period, r.value)
        for r in iwf.parse(top_five.encode(), 2041, "page.html", OWN).observations.itertuples()
    ]
    assert got == [("iwf.hosted_urls_share", "2041", 28)]
    ranked = (
        '<html lang="en"><head><title>Top ten | IWF Annual Data &amp; Insights Report 2041</title></head><body><main>'
        "<p>These are the countries where the most reports we actioned in 2041 were hosted.</p><ol>"
        "<li><strong>Netherlands</strong>: 64,210 reports (28%)</li><li><strong>Latvia</strong>: 34,000 reports (15%)</li>"
        "</ol></main></body></html>"
    )
    assert ("iwf.hosted_urls", "2041", 64210) in _waiting(ranked, 2041, OWN)


def test_another_organisations_share_in_a_press_item_on_iwf_and_counts_herleidbaar():
    """The press: "Daarvan waren er 64.210 herleidbaar naar Nederlandse servers, tegen 70.100 een jaar
    eerder" (proposed as counts; they were not read), and "Het Nederlandse Meldpunt Kinderporno kwam
    ... tot de conclusie dat ... op Nederlandse servers stond: 79 procent" (the Dutch hotline's, never
    proposed as IWF's share)."""
    html = (
        '<html lang="nl"><head><title>Nederlandse servers | lc.nl</title></head><body><main><p>ANP · 3 april 2042, 13:47</p>'
        "<p>De IWF spoorde in 2041 in totaal 229.300 url's op. Daarvan waren er 64.210 herleidbaar naar Nederlandse "
        "servers, tegen 70.100 een jaar eerder. Het Nederlandse Meldpunt Kinderporno kwam vorige maand al tot de conclusie "
        "dat het meeste strafbare materiaal op Nederlandse servers stond: 79 procent.</p></main></body></html>"
    )
    got = _waiting(html, 2041, PRESS)
    assert ("iwf.hosted_urls", "2041", 64210) in got and ("iwf.hosted_urls", "2040", 70100) in got
    assert not [c for c in got if c[2] == 79 and c[0] is not None]


def test_the_press_het_jaar_daarvoor_bedroeg_dat_and_iwfs_meldingen():
    """Dutch press: "Het jaar daarvoor ging het nog om 70.100 url's", "In 2040 bedroeg dat nog 31
    procent" (the Netherlands carried from the sentence before; both were not read) and "Het ging
    om 64.210 van de 229.300 meldingen die de organisatie in behandeling nam" (IWF's 'meldingen')."""
    html = (
        '<html lang="nl"><head><title>Nederlandse servers | Security.NL</title></head><body><main>'
        "<p>woensdag 23 april 2042, 12:14 door Redactie</p>"
        "<p>Van alle url's die de IWF vorig jaar bevestigde, werd 28 procent in Nederland gehost. Het ging om 64.210 van "
        "de 229.300 meldingen die de organisatie in behandeling nam. Het jaar daarvoor ging het nog om 70.100 url's. "
        "In 2040 bedroeg dat nog 31 procent.</p></main></body></html>"
    )
    got = _waiting(html, 2041, PRESS)
    for want in [("iwf.hosted_urls", "2041", 64210), ("iwf.hosted_urls", "2040", 70100), ("iwf.hosted_urls_share", "2040", 31)]:
        assert want in got, (want, got)


def test_a_ministers_letter_counts_iwfs_meldingen_and_a_comparison_clause():
    """A minister's letter: "het aandeel van Nederland in de door de IWF gevonden meldingen ... Het
    ging in 2041 om 64.210 meldingen, tegen 70.100 een jaar eerder." (IWF's 'meldingen' counted;
    they were not read), and the BBC's "That compares with 31% the previous year, and a peak of 77%
    in 2030" (31% is the year before the figure before it, not 2030's)."""
    letter = (
        '<html lang="nl"><head><title>Kamerbrief | Rijksoverheid</title></head><body><main><p>Datum 29 juni 2042</p>'
        "<p>Daaruit blijkt dat het aandeel van Nederland in de door de IWF gevonden meldingen opnieuw is gedaald: van 31 "
        "procent in 2040 naar 28 procent in 2041. Het ging in 2041 om 64.210 meldingen, tegen 70.100 een jaar eerder.</p>"
        "</main></body></html>"
    )
    got = _waiting(letter, 2041, PRESS)
    assert ("iwf.hosted_urls", "2041", 64210) in got and ("iwf.hosted_urls", "2040", 70100) in got
    bbc = (
        '<html lang="en"><head><title>Dutch servers | BBC News</title></head><body><main><p>23 April 2042</p>'
        "<p>The Netherlands hosted 28% of the webpages the IWF found in 2041. That compares with 31% the previous year, "
        "and a peak of 77% in 2030, when the country hosted most of the material the charity found.</p></main></body></html>"
    )
    got = _waiting(bbc, 2041, PRESS)
    assert ("iwf.hosted_urls_share", "2040", 31) in got and ("iwf.hosted_urls_share", "2030", 77) in got


def test_fell_to_a_share_in_a_year_from_one_the_year_before():
    """ "fell to 28% in 2041, from 31% the year before": 31 is 2040's (it was given 2041)."""
    html = (
        '<html lang="en"><head><title>Dutch share falls | ComputerWeekly</title></head><body><main><p>22 April 2042</p>'
        "<p>The Netherlands' share of the URLs confirmed by the IWF fell to 28% in 2041, from 31% the year before.</p>"
        "</main></body></html>"
    )
    got = _waiting(html, 2041, PRESS)
    assert ("iwf.hosted_urls_share", "2040", 31) in got and ("iwf.hosted_urls_share", "2041", 28) in got


def test_dutch_press_byline_leidden_naar_waren_dat_er_and_a_count_in_brackets():
    """A Dutch paper: the byline "Marleen Dijkstra 23 april 2042, 15:40" dates the item ('vorig
    jaar' was proposed without a year); "64.210 daarvan leidden naar Nederland. In 2040 waren dat er
    nog 70.100" (counts; neither was read); "Het aantal url's op Nederlandse servers is daarmee
    gedaald ten opzichte van een jaar eerder (70.100)" (the bracket is a count, of the year before)."""
    html = (
        '<html lang="nl"><head><title>Nederlandse servers | de Volkskrant</title></head><body><main>'
        "<p>Marleen Dijkstra 23 april 2042, 15:40</p><p>Van de webpagina's die de IWF vorig jaar opspoorde, stond 28 procent "
        "op een Nederlandse server. In totaal telde de organisatie vorig jaar 229.300 url's. 64.210 daarvan leidden naar "
        "Nederland. In 2040 waren dat er nog 70.100.</p></main></body></html>"
    )
    got = _waiting(html, 2041, PRESS)
    for want in [("iwf.hosted_urls_share", "2041", 28), ("iwf.hosted_urls", "2041", 64210), ("iwf.hosted_urls", "2040", 70100)]:
        assert want in got, (want, got)
    bracket = (
        '<html lang="nl"><head><title>Nederlandse servers | Emerce</title></head><body><main><p>23 april 2042</p>'
        "<p>Van de 229.300 url's die de IWF in 2041 bevestigde, werden er 64.210 in Nederland gehost. Het aantal url's op "
        "Nederlandse servers is daarmee gedaald ten opzichte van een jaar eerder (70.100).</p></main></body></html>"
    )
    assert ("iwf.hosted_urls", "2040", 70100) in _waiting(bracket, 2041, PRESS)


def test_a_note_mark_opening_a_sentence_keeps_its_carry():
    """A letter whose note mark stands after the sentence ("... van 31 procent in 2040 naar 28 procent
    in 2041.<sup>2</sup> In absolute aantallen ging het om 64.210 webpagina's"): the next sentence
    still speaks of the Netherlands (the mark at its start hid that: its counts were not read)."""
    html = (
        '<html lang="nl"><head><title>Kamerbrief | Rijksoverheid</title></head><body><main><p>Datum 29 juni 2042</p>'
        "<p>Uit het jaarrapport van de IWF blijkt dat het aandeel van Nederland in het door de IWF gevonden materiaal is "
        "gedaald, van 31 procent in 2040 naar 28 procent in 2041.<sup>2</sup> In absolute aantallen ging het om 64.210 "
        "webpagina's, tegen 70.100 een jaar eerder.</p></main></body></html>"
    )
    got = _waiting(html, 2041, PRESS)
    assert ("iwf.hosted_urls", "2041", 64210) in got and ("iwf.hosted_urls", "2040", 70100) in got


def test_a_transcripts_speakers_and_a_fragment_that_is_its_figure_carry_the_netherlands():
    """A radio transcript: a sentence after a speaker's label ("REPORTER:") continues the one before
    as any sentence may, and a fragment that is only its figure ("Achtenzestig procent, om precies
    te zijn.") restates the share the sentence before spoke of."""
    text = (
        "Radio West - Nieuws\nmaandag 22 april 2047, 08.00 uur\n\n"
        "NIEUWSLEZER: Bijna zeven op de tien webadressen met misbruikbeelden die de Britse IWF vorig jaar vond, "
        "stond op een server in Nederland. Dat blijkt uit het jaarrapport.\n\n"
        "VERSLAGGEVER: Achtenzestig procent, om precies te zijn. Het gaat om ruim vierenveertigduizend webadressen. "
        "Het jaar daarvoor was dat nog eenenvijftig procent.\n"
    )
    ctx = ParseContext(url="https://www.radiowest.example/nieuws/iwf-2047.txt", own_hosts=("iwf.org.uk",))
    got = _waiting(text, 2047, ctx)
    assert ("iwf.hosted_urls_share", "2046", 68) in got
    assert ("iwf.hosted_urls", "2046", 44000) in got
    assert ("iwf.hosted_urls_share", "2045", 51) in got


def test_a_count_in_brackets_closing_a_share_and_a_share_beside_its_year():
    """A council letter: "(61.004 meldingen)" at the end of a clause with the share counts what
    the share measures; "sinds 2041 (64 procent)" and "the 2041 peak of 64 per cent" give the share
    the year it is said beside, not the year of the letter."""
    html = """<html lang="nl"><head><title>Raadsinformatiebrief datacenters</title></head><body><main>
<p>Datum 14 mei 2046</p>
<p>Volgens de IWF stond vorig jaar 23 procent van alle door haar gevonden misbruikmateriaal op Nederlandse servers (61.004 meldingen).
Nederland staat daarmee bovenaan, al is het aandeel sinds 2041 (64 procent) sterk gedaald.</p>
</main></body></html>"""
    ctx = ParseContext(url="https://www.gemeente.example/raad/brief-2046", own_hosts=("iwf.org.uk",))
    got = _waiting(html, 2046, ctx)
    assert ("iwf.hosted_urls", "2045", 61004) in got
    assert ("iwf.hosted_urls_share", "2041", 64) in got
    assert ("iwf.hosted_urls_share", "2045", 64) not in got


def test_own_counts_traced_as_reports_to_servers_hosted_after_a_place_and_numbered():
    """IWF's own news: "our analysts traced 61,004 reports to servers in the Netherlands" counts
    reports (IWF's word since 2023) by where they were traced; a blog's table whose column is
    "Webpages hosted in the Netherlands" is the count column of the years table."""
    html = """<html lang="en"><head><title>Our data on the Netherlands | IWF</title></head><body><main>
<h1>The Netherlands in our data</h1><p>Published: Thu 9 Oct 2046</p>
<p>In 2045, our analysts traced 61,004 reports to servers in the Netherlands.</p>
<table><caption>Webpages hosted in the Netherlands, 2043-2045</caption>
<tr><th>Year</th><th>Webpages hosted in the Netherlands</th><th>Share of all webpages we confirmed</th><th>All webpages we confirmed</th></tr>
<tr><th>2043</th><td>70,100</td><td>31%</td><td>226,129</td></tr>
<tr><th>2044</th><td>66,250</td><td>27%</td><td>245,370</td></tr>
</table></main></body></html>"""
    parsed = iwf.parse(html.encode(), 2046, "page.html", OWN)
    got = sorted((r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples())
    assert ("iwf.hosted_urls", "2045", 61004) in got
    assert ("iwf.hosted_urls", "2043", 70100) in got and ("iwf.hosted_urls", "2044", 66250) in got
    assert all(v not in (226129, 245370) for _, _, v in got)  # the world's column


def test_press_counts_gehost_after_the_country_and_a_count_that_numbered():
    html = """<html lang="en"><head><title>Dutch hosting falls</title>
<meta property="article:published_time" content="2046-04-25T09:00:00+00:00"></head><body><main>
<p>In all, 61,004 of the 265,000 URLs the IWF confirmed last year were traced to servers in the Netherlands.
In 2044, Dutch-hosted URLs had numbered 66,250.</p>
</main></body></html>"""
    nl = """<html lang="nl"><head><title>Antwoorden Kamervragen</title></head><body><main><p>Datum 2 juni 2046</p>
<p>Het jaarrapport van de IWF over 2045 vermeldt dat van de 265.000 url's die de IWF in dat jaar bevestigde, er 61.004 in Nederland werden gehost.</p>
</main></body></html>"""
    assert ("iwf.hosted_urls", "2044", 66250) in _waiting(html, 2046, PRESS)
    assert ("iwf.hosted_urls", "2045", 61004) in _waiting(nl, 2046, PRESS)


def test_a_years_table_whose_count_column_names_both_words_for_what_is_counted():
    """A blog's selection table: "Url's/meldingen in Nederland" is the count column (IWF counted
    URLs, then reports); in another voice its rows wait with their years."""
    html = """<html lang="nl"><head><title>IWF-cijfers</title></head><body><main><p>14 mei 2046</p>
<table><caption>Nederland in de cijfers van de IWF</caption>
<tr><th>Jaar</th><th>Aandeel Nederland</th><th>Url's/meldingen in Nederland</th></tr>
<tr><td>2041</td><td>64%</td><td>90.210</td></tr><tr><td>2045</td><td>23%</td><td>61.004</td></tr>
</table></main></body></html>"""
    ctx = ParseContext(url="https://www.blog.example/iwf-cijfers", own_hosts=("iwf.org.uk",))
    got = _waiting(html, 2046, ctx)
    assert ("iwf.hosted_urls", "2041", 90210) in got and ("iwf.hosted_urls", "2045", 61004) in got


def test_key_figure_tiles_of_iwfs_own_annual_report_take_the_reports_year():
    """A page of IWF's annual report ("Our year at a glance | IWF Annual Report 2046") whose tiles
    give the Netherlands' figures without a year: the report's year (issue 22, part 2), loaded;
    the same tiles on a page that is no annual report's wait."""
    html = """<html lang="en"><head><title>Our year at a glance | IWF Annual Report 2046</title></head><body><main>
<h1>Our year at a glance</h1>
<ul><li>61,004 URLs we actioned were hosted in the Netherlands</li>
<li>23% of all the URLs we actioned were hosted in the Netherlands, down from 27% in 2045</li></ul>
</main></body></html>"""
    ctx = ParseContext(url="https://annualreport2046.iwf.org.uk/intro/glance", own_hosts=("iwf.org.uk",))
    parsed = iwf.parse(html.encode(), 2046, "page.html", ctx)
    got = sorted((r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples())
    assert got == [("iwf.hosted_urls", "2046", 61004), ("iwf.hosted_urls_share", "2046", 23)]
    assert ("iwf.hosted_urls_share", "2045", 27) in _cands(parsed)  # a comparison's base waits
    other = html.replace("IWF Annual Report 2046", "IWF")
    with pytest.raises(ParseError):  # nothing of the tiles loads: they wait
        iwf.parse(other.encode(), 2046, "page.html", ctx)
    # (proposed for the year before the one it is registered under: IWF publishes in spring)
    assert ("iwf.hosted_urls", "2045", 61004) in _waiting(other, 2046, ctx)


@pytest.mark.parametrize(
    "byline, date",
    [
        ("Redactie Tech · 24-04-47, 11:02", "2047-04-24"),  # a Dutch paper's short form, always with its time
        ("Tue 23 Apr 2047 // 10:32 UTC", "2047-04-23"),  # The Register's
        ("Published: 00:01 BST, 24 April 2047 | Updated: 09:14 BST, 24 April 2047", "2047-04-24"),  # the hour first
        ("Issued on: 24/04/2047 - 14:27 AFP", "2047-04-24"),  # a French wire's, its agency after the hour
    ],
)
def test_the_press_bylines_short_forms_date_the_page(byline, date):
    """ "vorig jaar" / "last year" count from the byline's date: the short forms of real papers'
    bylines were not read as dates, and the year waited without a period."""
    from kr_pipeline.reading.prose import read_document

    html = f"""<html lang="nl"><head><title>Minder misbruikbeelden</title></head><body><main><h1>Minder misbruikbeelden</h1>
<p class="byline">{byline}</p>
<p>Nederlandse servers hostten vorig jaar 23 procent van alle url's met misbruikbeelden die de Britse IWF vond.</p>
</main></body></html>"""
    assert str(read_document(html.encode()).date) == date
    assert ("iwf.hosted_urls_share", "2046", 23) in _waiting(html, 2047, PRESS)


def test_the_uk_charity_a_change_in_percent_and_counts_traced_to_the_netherlands():
    """ "The UK charity said 23% ..." is IWF's share of the Netherlands (the UK is the charity's
    adjective, not the country the figure is of); "Of these, 61,004 were traced to the Netherlands"
    counts its URLs; "a record and 41% more than the year before" is a change, no share."""
    html = """<html lang="en"><head><title>Dutch share falls</title>
<meta property="article:published_time" content="2046-04-25T09:00:00+00:00"></head><body><main>
<p>The UK charity said 23% of the abuse URLs it found last year were on Dutch servers, down from 27% in 2044.</p>
<p>In total it confirmed 265,000 URLs in 2045, a record and 41% more than the year before. Of these, 61,004 were traced to the Netherlands.</p>
</main></body></html>"""
    got = _waiting(html, 2046, PRESS)
    assert ("iwf.hosted_urls_share", "2045", 23) in got
    assert ("iwf.hosted_urls", "2045", 61004) in got
    assert all(v != 41 for _, _, v in got)


def test_a_share_that_fell_from_a_year_to_a_figure_and_the_count_after_it():
    """IWF's own report: "The Netherlands' share fell from 27% in 2044 to 23%: we traced 61,004 URLs
    to Dutch servers, 8% fewer than the year before." 23 is the report's year's (not 2044's, the
    base's), the count after it is not 2044's either, and "8% fewer" is a change, no share (it was
    read as the share of 2044 and the page refused as stating it twice)."""
    html = """<html lang="en"><head><title>Hosting | IWF Annual Data &amp; Insights Report 2045</title></head><body><main>
<p>The Netherlands' share fell from 27% in 2044 to 23%: we traced 61,004 reports of child sexual abuse imagery to Dutch servers, 8% fewer than the year before.</p>
</main></body></html>"""
    ctx = ParseContext(url="https://www.iwf.org.uk/annual-data-insights-report-2045/hosting/", own_hosts=("iwf.org.uk",))
    parsed = iwf.parse(html.encode(), 2045, "page.html", ctx)
    got = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples()}
    assert ("iwf.hosted_urls_share", "2045", 23) in got
    assert ("iwf.hosted_urls_share", "2044", 27) in _cands(parsed)  # the base it fell from waits
    assert not any(p == "2044" and i == "iwf.hosted_urls" for i, p, _ in got)
    assert 8 not in {v for _, _, v in got} | {c["value"] for c in parsed.candidates}
    assert 61004 in {v for _, _, v in got} | {c["value"] for c in parsed.candidates}


def test_the_whole_out_of_which_a_count_is_and_counts_by_reference_in_the_dutch_press():
    """ "we traced 61,004 reports to servers in the Netherlands, out of the 265,000 reports we
    actioned": 265,000 is the whole (it was read as a second count and the page refused); "In
    aantallen ging het om 61.004 meldingen" after the Netherlands' share, and "In 2044 waren dat er
    nog 66.250" after a sentence without a number, count the Netherlands' URLs; "Bijna helft" in a
    headline is a share in words."""
    own = """<html lang="en"><head><title>Netherlands focus | IWF Annual Data &amp; Insights Report 2045</title></head><body><main>
<p>In 2045, we traced 61,004 reports to servers in the Netherlands, out of the 265,000 reports we actioned.</p>
</main></body></html>"""
    ctx = ParseContext(url="https://www.iwf.org.uk/annual-data-insights-report-2045/netherlands/", own_hosts=("iwf.org.uk",))
    got = {(r.indicator_id, r.period, r.value) for r in iwf.parse(own.encode(), 2045, "page.html", ctx).observations.itertuples()}
    assert got == {("iwf.hosted_urls", "2045", 61004)}
    press = """<html lang="nl"><head><title>Bijna helft misbruikbeelden op Nederlandse servers</title>
<meta property="article:published_time" content="2046-04-25T06:00:00+02:00"></head><body><main>
<h1>Bijna helft misbruikbeelden op Nederlandse servers</h1>
<p>Vorig jaar stond 23 procent van de webpagina's waartegen de IWF optrad op een Nederlandse server.</p>
<p>In aantallen ging het om 61.004 meldingen, ruim 5.000 minder dan een jaar eerder.</p>
<p>De Britse IWF heeft vorig jaar 61.004 meldingen herleid naar servers in Nederland. Dat blijkt uit het jaarrapport.
In 2044 waren dat er nog 66.250.</p>
</main></body></html>"""
    got = _waiting(press, 2046, PRESS)
    assert ("iwf.hosted_urls", "2045", 61004) in got
    assert ("iwf.hosted_urls", "2044", 66250) in got
    assert ("iwf.hosted_urls_share", "2045", 50) in got


def test_the_belgian_presss_noorderburen_a_digression_a_year_earlier_and_the_figure_was():
    """ "bij onze noorderburen" (the Belgian press's northern neighbours) is the Netherlands; after
    "Een jaar eerder was dat nog 64 procent" (a digression into the year before), "Het gaat om ruim
    61.000 webpagina's" is of the year the text is about; "In 2044 the figure was 52,010" after a
    count of the Netherlands' URLs is that year's count."""
    be = """<html lang="nl"><head><title>Online kindermisbruik</title>
<meta property="article:published_time" content="2046-04-23T13:20:00+02:00"></head><body><main>
<p>Van alle meldingen die de Britse IWF vorig jaar behandelde, werd 23 procent herleid tot servers bij onze noorderburen.
Een jaar eerder was dat nog 27 procent.</p>
<p>Het gaat om ruim 61.000 webpagina's.</p>
</main></body></html>"""
    got = _waiting(be, 2046, PRESS)
    assert ("iwf.hosted_urls_share", "2045", 23) in got and ("iwf.hosted_urls_share", "2044", 27) in got
    assert ("iwf.hosted_urls", "2045", 61000) in got
    own = """<html lang="en"><head><title>Hosting | IWF Annual Report 2045</title></head><body><main>
<p>We traced 61,004 webpages to servers in the Netherlands in 2045, more than to any other country. In 2044 the figure was 52,010.</p>
</main></body></html>"""
    ctx = ParseContext(url="https://www.iwf.org.uk/annual-report-2045/hosting/", own_hosts=("iwf.org.uk",))
    assert ("iwf.hosted_urls", "2044", 52010) in _waiting(own, 2045, ctx)


def test_dutch_press_an_agency_byline_traced_to_the_netherlands_and_over_year_clauses():
    """AD's agency byline "ANP 23-04-47, 11:08 Laatste update: 13:40" dates the page; "herleidde in
    2046 61.004 meldingen naar Nederland" and "kwamen er 61.004 uit bij een Nederlandse server" count
    the Netherlands' URLs; "Over 2044 kwam de IWF uit op 27 procent (52.010 url's), over 2045 op 23
    procent" gives each share its own year."""
    html = """<html lang="nl"><head><title>Aandeel Nederland gedaald</title></head><body><main>
<h1>Aandeel Nederland gedaald</h1><p>ANP 23-04-47, 11:08 Laatste update: 13:40</p>
<p>Vorig jaar stond 23 procent van de webpagina's met misbruikbeelden die de IWF vond op Nederlandse servers.</p>
<p>De Internet Watch Foundation herleidde in 2046 61.004 meldingen naar Nederland.</p>
<p>Van de 265.000 meldingen die de IWF in 2046 behandelde, kwamen er 61.004 uit bij een Nederlandse server.</p>
<p>Na 2041 is het Nederlandse aandeel sterk gedaald. Over 2044 kwam de IWF uit op 27 procent (52.010 url's), over 2045 op 25 procent.</p>
</main></body></html>"""
    got = _waiting(html, 2047, PRESS)
    assert ("iwf.hosted_urls_share", "2046", 23) in got  # "vorig jaar" from the byline's date
    assert ("iwf.hosted_urls", "2046", 61004) in got
    assert ("iwf.hosted_urls_share", "2044", 27) in got and ("iwf.hosted_urls", "2044", 52010) in got
    assert ("iwf.hosted_urls_share", "2045", 25) in got


def test_an_english_count_with_dutch_digit_groups_is_never_a_fraction():
    html = """<html lang="en"><head><title>Hosting | IWF</title></head><body><main>
<p>In 2045, we traced 61.004 URLs to servers in the Netherlands.</p></main></body></html>"""
    got = _waiting(html, 2045, OWN)
    assert ("iwf.hosted_urls", "2045", 61004) in got
    assert all(v != 61.004 for _, _, v in got)


def test_a_count_a_comparison_starts_from_waits_with_its_year():
    """ "... were traced to servers in the Netherlands, up from 40,210 in 2044": the base of the
    comparison is a count of the Netherlands' URLs of 2044, waiting as comparisons do (in the press
    it was not read at all)."""
    html = """<html lang="en"><head><title>Dutch hosting</title>
<meta property="article:published_time" content="2046-04-25T09:00:00+00:00"></head><body><main>
<p>Of these, 61,004 – 23 per cent – were traced to servers in the Netherlands, up from 40,210 in 2044.</p>
</main></body></html>"""
    assert ("iwf.hosted_urls", "2044", 40210) in _waiting(html, 2046, PRESS)
    own = html.replace("Dutch hosting", "Hosting | IWF Annual Report 2045").replace(
        "Of these, 61,004", "In 2045, 61,004 URLs we actioned"
    )
    ctx = ParseContext(url="https://www.iwf.org.uk/annual-report-2045/hosting/", own_hosts=("iwf.org.uk",))
    parsed = iwf.parse(own.encode(), 2045, "page.html", ctx)
    assert 40210 not in set(parsed.observations.value)
    assert ("iwf.hosted_urls", "2044", 40210) in _cands(parsed)


@pytest.mark.parametrize(
    "meta, date",
    [
        ("Binnenland · Tech · 27 april 2047, 10:14 · Aangepast 27 april 2047, 13:02", "2047-04-27"),  # NOS
        ("Binnenland · vandaag, 12:48 · 23 april 2047", "2047-04-23"),  # RTL Nieuws
    ],
)
def test_a_date_line_after_the_pages_sections_dates_it(meta, date):
    from kr_pipeline.reading.prose import read_document

    html = f"""<html lang="nl"><head><title>Minder misbruikbeelden</title></head><body><main><h1>Minder misbruikbeelden</h1>
<p class="meta">{meta}</p><p>Vorig jaar stond 23 procent van de webpagina's met misbruikbeelden die de IWF vond op een server in Nederland.</p>
</main></body></html>"""
    assert str(read_document(html.encode()).date) == date
    assert ("iwf.hosted_urls_share", "2046", 23) in _waiting(html, 2047, PRESS)


def test_dutch_letters_counts_of_a_whole_in_totaal_vorig_jaar_ging_het_om_and_a_bare_change():
    """A Kamerbrief's "Het ging om 61.004 van de in totaal 265.000 webpagina's" (the whole, not a
    second count); a blog's "Vorig jaar ging het om 61.004 url's, tegen 66.250 een jaar eerder"
    after a sentence on the Netherlands; an association's "... een jaar eerder 27 procent. In
    absolute aantallen steeg het aantal meldingen dat naar Nederlandse servers werd herleid van
    52.010 naar 61.004" (both ends counts; the digression "een jaar eerder" sets no year)."""
    letter = """<html lang="nl"><head><title>Kamerbrief</title></head><body><main><p>Datum 20 juni 2046</p>
<p>In 2045 werd 23 procent van de door de IWF bevestigde webpagina's in Nederland gehost. Het ging om 61.004 van de in totaal 265.000 webpagina's.</p>
</main></body></html>"""
    got = _waiting(letter, 2046, PRESS)
    assert ("iwf.hosted_urls", "2045", 61004) in got and all(v != 265000 for _, _, v in got)
    blog = """<html lang="nl"><head><title>Blog</title><meta property="article:published_time" content="2046-05-10T09:00:00+02:00"></head><body><main>
<p>Het Nederlandse aandeel in de cijfers van de IWF daalde verder.</p>
<p>Vorig jaar ging het om 61.004 url's, tegen 66.250 een jaar eerder.</p></main></body></html>"""
    got = _waiting(blog, 2046, PRESS)
    assert ("iwf.hosted_urls", "2045", 61004) in got and ("iwf.hosted_urls", "2044", 66250) in got
    assoc = """<html lang="nl"><head><title>Nieuws</title><meta property="article:published_time" content="2046-04-24T09:00:00+02:00"></head><body><main>
<p>Het aandeel van Nederland in de meldingen van de IWF was vorig jaar 23 procent, een jaar eerder 27 procent.
In absolute aantallen steeg het aantal meldingen dat naar Nederlandse servers werd herleid van 52.010 naar 61.004.</p></main></body></html>"""
    got = _waiting(assoc, 2046, PRESS)
    assert ("iwf.hosted_urls", "2044", 52010) in got and ("iwf.hosted_urls", "2045", 61004) in got


def test_iwfs_own_prose_loads_when_it_names_iwf_or_says_we():
    """Issue 22 part 2: in IWF's own text a figure loads when its sentence names the organisation or
    says "we"; "In 2044, 66,250 reports (27%) were traced to Dutch servers" on the 2045 report's page
    names neither and is another year than the report's: it waits (it loaded). The report's own
    year's figures are the report's."""
    html = """<html lang="en"><head><title>Europe and the Netherlands | IWF Annual Data &amp; Insights Report 2045</title></head><body><main>
<p>In 2045, 61,004 reports (23%) were traced to servers in the Netherlands.</p>
<p>In 2044, 66,250 reports (27%) were traced to Dutch servers.</p>
</main></body></html>"""
    ctx = ParseContext(url="https://www.iwf.org.uk/annual-data-insights-report-2045/europe/", own_hosts=("iwf.org.uk",))
    parsed = iwf.parse(html.encode(), 2045, "page.html", ctx)
    got = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples()}
    assert got == {("iwf.hosted_urls", "2045", 61004), ("iwf.hosted_urls_share", "2045", 23)}
    assert {("iwf.hosted_urls", "2044", 66250), ("iwf.hosted_urls_share", "2044", 27)} <= set(_cands(parsed))
    said = html.replace("In 2044, 66,250 reports (27%) were traced", "In 2044, we traced 66,250 reports (27%)")
    got = {
        (r.indicator_id, r.period, r.value) for r in iwf.parse(said.encode(), 2045, "page.html", ctx).observations.itertuples()
    }
    assert ("iwf.hosted_urls", "2044", 66250) in got


def test_english_press_against_a_base_the_irish_pc_and_a_number_that_had_stood_at():
    """ "the IWF traced 61,004 webpages to the Netherlands, against 66,250 in 2044" (the count is not
    of the base's year); "Of those, 61,004 – 23pc – were on servers in the Netherlands" (the Irish
    press's "pc"); "The number hosted in the Netherlands had stood at 66,250 the year before"."""

    def page(body: str) -> str:
        return f"""<html lang="en"><head><title>Dutch hosting</title>
<meta property="article:published_time" content="2046-04-25T09:00:00+00:00"></head><body><main>{body}</main></body></html>"""

    got = _waiting(
        page("<p>In 2045, the IWF traced 61,004 webpages to the Netherlands, against 66,250 in 2044.</p>"), 2046, PRESS
    )
    assert ("iwf.hosted_urls", "2045", 61004) in got and ("iwf.hosted_urls", "2044", 61004) not in got
    got = _waiting(
        page("<p>In 2045 the IWF confirmed 265,000 URLs. Of those, 61,004 – 23pc – were on servers in the Netherlands.</p>"),
        2046,
        PRESS,
    )
    assert ("iwf.hosted_urls_share", "2045", 23) in got and ("iwf.hosted_urls", "2045", 61004) in got
    got = _waiting(
        page(
            "<p>In 2045 the IWF traced 61,004 URLs to Dutch servers. The number hosted in the Netherlands had stood at 66,250 the year before.</p>"
        ),
        2046,
        PRESS,
    )
    assert ("iwf.hosted_urls", "2044", 66250) in got


def test_the_desks_byline_and_counts_that_stood_in_or_led_to_the_netherlands():
    """AD's "Redactie 24-04-47, 13:05" dates the page; "Daarvan stonden er 61.004 in Nederland",
    "Daarvan leidden er 61.004 naar Nederland" and "That amounts to 61,004 addresses" count the
    Netherlands' URLs (none was read)."""

    def page(body: str, lang: str = "nl") -> str:
        return f"""<html lang="{lang}"><head><title>Misbruikbeelden</title></head><body><main><h1>Misbruikbeelden</h1>
<p>Redactie 24-04-46, 13:05</p>{body}</main></body></html>"""

    stood = page(
        "<p>De IWF vond vorig jaar 265.000 webadressen met misbruikmateriaal. Daarvan stonden er 61.004 in Nederland, 23 procent van het totaal.</p>"
    )
    assert ("iwf.hosted_urls", "2045", 61004) in _waiting(stood, 2046, PRESS)
    led = page(
        "<p>In 2045 spoorde de IWF 265.000 webadressen op. Daarvan leidden er 61.004 naar Nederland, oftewel 23 procent.</p>"
    )
    assert ("iwf.hosted_urls", "2045", 61004) in _waiting(led, 2046, PRESS)
    amounts = page(
        "<p>The IWF found 265,000 webpages in 2045, and 23% of them were hosted in the Netherlands. That amounts to 61,004 addresses.</p>",
        "en",
    )
    assert ("iwf.hosted_urls", "2045", 61004) in _waiting(amounts, 2046, PRESS)


def test_a_count_out_of_its_whole_after_a_dash_a_share_then_its_count_and_according_to():
    """ "71 per cent of the webpages it confirmed in 2045 were on Dutch servers – 61,004 out of 265,000"
    (the count, not the whole); "the Netherlands still accounted for 23% of the reports, or 61,004";
    "Volgens het rapport ging het om 23 procent: 61.004 van de 265.000 url's" after a sentence on the
    Netherlands; "the U.K.-based Internet Watch Foundation" is no country of the figure after it."""

    def page(body: str, lang: str = "en") -> str:
        return f"""<html lang="{lang}"><head><title>Hosting</title>
<meta property="article:published_time" content="2046-04-25T09:00:00+00:00"></head><body><main>{body}</main></body></html>"""

    got = _waiting(
        page(
            "<p>The IWF said 23 per cent of the webpages it confirmed in 2045 were on Dutch servers – 61,004 out of 265,000.</p>"
        ),
        2046,
        PRESS,
    )
    assert ("iwf.hosted_urls", "2045", 61004) in got and all(v != 265000 for _, _, v in got)
    got = _waiting(page("<p>In 2045 the Netherlands still accounted for 23% of the reports, or 61,004.</p>"), 2046, PRESS)
    assert ("iwf.hosted_urls", "2045", 61004) in got
    nl = page(
        "<p>Nederland blijft koploper in de cijfers van de IWF. Volgens het rapport ging het om 23 procent: 61.004 van de 265.000 "
        "url's die de IWF in 2045 bevestigde.</p>",
        "nl",
    )
    assert ("iwf.hosted_urls_share", "2045", 23) in _waiting(nl, 2046, PRESS)
    uk = page(
        "<p>The Netherlands' share of the material found by the U.K.-based Internet Watch Foundation fell to 23 percent last year.</p>"
    )
    assert ("iwf.hosted_urls_share", "2045", 23) in _waiting(uk, 2046, PRESS)


def test_a_stat_panel_whose_figure_is_a_share_in_words():
    """A report's stat panel "Almost half" over "of the child sexual abuse URLs we confirmed in 2045
    were hosted in the Netherlands": one statement, the share in words of that year (the two lines
    were read apart and nothing was proposed)."""
    html = """<html lang="en"><head><title>Where it is hosted | IWF Annual Report 2045</title></head><body><main>
<p>Of the 130,000 URLs we confirmed in 2045, 61,004 (47%) were hosted in the Netherlands.</p>
<div class="stats"><div class="stat"><p class="stat-figure">Almost half</p><p class="stat-label">of the child sexual abuse URLs we confirmed in 2045 were hosted in the Netherlands</p></div>
<div class="stat"><p class="stat-figure">82%</p><p class="stat-label">of the content was found on image hosting services</p></div></div>
</main></body></html>"""
    ctx = ParseContext(url="https://www.iwf.org.uk/annual-report-2045/where/", own_hosts=("iwf.org.uk",))
    assert ("iwf.hosted_urls_share", "2045", 50) in _waiting(html, 2045, ctx)


def test_dutch_press_daarvan_gehost_meldingen_die_ze_behandelde_and_meldingen_van_misbruikmateriaal():
    """ "; 61.004 daarvan werden in Nederland gehost" (four words before "gehost"); "33 procent van alle
    meldingen die ze behandelde ... Het gaat om 61.004 van de 265.000 meldingen" (IWF's "meldingen",
    the whole after "van de"); "herleidde de IWF 61.004 meldingen van misbruikmateriaal naar servers
    in Nederland"."""

    def page(body: str) -> str:
        return f"""<html lang="nl"><head><title>IWF</title>
<meta property="article:published_time" content="2046-04-24T09:00:00+02:00"></head><body><main><p>{body}</p></main></body></html>"""

    got = _waiting(
        page(
            "In totaal spoorde de Britse organisatie vorig jaar 265.000 adressen op; 61.004 daarvan werden in Nederland gehost."
        ),
        2046,
        PRESS,
    )
    assert ("iwf.hosted_urls", "2045", 61004) in got
    got = _waiting(
        page(
            "In 2045 herleidde de IWF 23 procent van alle meldingen die ze behandelde naar een server in Nederland. "
            "Het gaat om 61.004 van de 265.000 meldingen."
        ),
        2046,
        PRESS,
    )
    assert ("iwf.hosted_urls", "2045", 61004) in got and all(v != 265000 for _, _, v in got)
    got = _waiting(
        page("In 2045 herleidde de IWF 61.004 meldingen van misbruikmateriaal naar servers in Nederland."), 2046, PRESS
    )
    assert ("iwf.hosted_urls", "2045", 61004) in got


def test_an_english_rounded_count_with_dutch_digit_groups_is_never_its_first_group():
    """ "more than 307.000 URLs" on IWF's English page: 307,000, waiting, never 307 URLs (only a count
    read as a fraction was held back; one whose groups looked like a whole decimal could load)."""
    html = """<html lang="en"><head><title>Hosting | IWF</title></head><body><main>
<p>In 2045, we traced more than 307.000 URLs to servers in the Netherlands.</p></main></body></html>"""
    got = _waiting(html, 2045, OWN)
    assert ("iwf.hosted_urls", "2045", 307000) in got and all(v != 307 for _, _, v in got)


def test_english_press_down_on_a_base_counts_in_all_or_of_them_and_reports_as_iwfs_word():
    """The British press's ways to give the Netherlands' count: "Of those, 27,970 were traced to
    servers in the Netherlands - 36 per cent of the total, slightly down on 37 per cent in 2046"
    (the year of the sentence before; "down on" a base is a comparison, its year the base's);
    "..., 82,605 in all", "..., almost 118,000 of them" after the share; "33,788 reports" once the
    text has said IWF traced reports to servers; a headline's "drop to just under 34,000"."""
    html = """<html lang="en"><head><title>Dutch-hosted reports drop to just under 34,000</title></head><body><main>
<h1>Dutch-hosted reports drop to just under 34,000</h1>
<p>Published: 00:01 BST, 18 April 2048 | Updated: 09:14 BST, 18 April 2048</p>
<p>The charity's analysts confirmed 78,589 webpages of child sexual abuse in 2047. Of those, 27,970 were traced to servers in the Netherlands - 36 per cent of the total, slightly down on 37 per cent in 2046.</p>
<p>According to the IWF, 32% of the abuse webpages it identified last year were hosted in the Netherlands, 82,605 in all.</p>
<p>In 2044, more than three-quarters (77%) of the pages the IWF found were on Dutch servers, almost 118,000 of them.</p>
<p>The charity said it traced 87,959 reports to servers in Bulgaria in 2047. The Netherlands accounted for 11 percent, or 33,788 reports, down from 29 percent a year earlier.</p>
</main></body></html>"""
    got = _waiting(html, 2048, PRESS)
    for expected in [
        ("iwf.hosted_urls", "2047", 27970),
        ("iwf.hosted_urls_share", "2047", 36),
        ("iwf.hosted_urls_share", "2046", 37),
        ("iwf.hosted_urls", "2047", 82605),
        ("iwf.hosted_urls", "2044", 118000),
        ("iwf.hosted_urls", "2047", 33788),
        ("iwf.hosted_urls", "2047", 34000),
    ]:
        assert expected in got, expected
    assert ("iwf.hosted_urls_share", "2047", 37) not in got


def test_a_region_as_the_subject_keeps_its_figures():
    """ "Europe accounted for 62% of the URLs we found in 2047, with the Netherlands at the top of
    the list" on IWF's own page loaded 62 as the Netherlands' share: a region that is the subject
    of its clause (not "hosted in Europe") owns the numbers after it until the Netherlands is named."""
    html = """<html lang="en"><head><title>Europe's hosting problem | IWF</title></head><body><main>
<p>Published: Tue 23 Apr 2048</p>
<p>EU member states hosted more than half of the child sexual abuse webpages the IWF acted on in 2047, and the Netherlands was again the largest single host.</p>
<p>Europe accounted for 62% of the URLs we found in 2047, with the Netherlands at the top of the list.</p>
<p>Of the URLs we found hosted in Europe in 2047, 45% were in the Netherlands.</p>
</main></body></html>"""
    parsed = iwf.parse(html.encode(), 2047, "page.html", OWN)
    got = sorted((r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD")
    assert got == [("iwf.hosted_urls_share", "2047", 45)]
    assert all(c["value"] not in (50, 62) for c in parsed.candidates)


def test_own_list_items_load_for_the_documents_year_or_as_a_list_of_years_under_the_netherlands():
    """A key-facts list in IWF's own briefing: the item of the year it reports loads ("In 2047,
    91,572 of those reports (33%) were hosted in the Netherlands"); an earlier year's item that
    names neither IWF nor "we" ("In 2046 the Netherlands hosted 47% (48,900 URLs)") waits; a list of
    years under a heading on the Netherlands ("2045: 20,972 URLs (37%)") is a table written as a list."""
    html = """<html lang="en"><head><title>Briefing: hosting in the Netherlands | IWF</title></head><body><main>
<p>Published: Tue 23 Apr 2048</p>
<h2>Key facts</h2>
<ul><li>The IWF actioned 275,652 reports in 2047.</li>
<li>In 2047, 91,572 of those reports (33%) were hosted in the Netherlands.</li>
<li>In 2046 the Netherlands hosted 47% (48,900 URLs).</li></ul>
<h2>URLs hosted in the Netherlands</h2>
<ul><li>2044: 20,972 URLs (37% of all URLs we confirmed)</li><li>2045: 27,970 URLs (36%)</li></ul>
</main></body></html>"""
    parsed = iwf.parse(html.encode(), 2047, "page.html", OWN)
    got = sorted((r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD")
    assert got == [
        ("iwf.hosted_urls", "2044", 20972),
        ("iwf.hosted_urls", "2045", 27970),
        ("iwf.hosted_urls", "2047", 91572),
        ("iwf.hosted_urls_share", "2044", 37),
        ("iwf.hosted_urls_share", "2045", 36),
        ("iwf.hosted_urls_share", "2047", 33),
    ]
    assert ("iwf.hosted_urls_share", "2046", 47) in _cands(parsed)


THESIS = """Universiteit Utrecht - Faculteit Recht
Masterscriptie

Schone servers?
Toezicht op hostingbedrijven en online beelden van seksueel kindermisbruik

M. (Mark) de Wit
Begeleider: prof. dr. A. Jansen
Utrecht, 30 juni 2048

4.1 Nederland in de cijfers van de IWF

De Britse IWF rapporteert jaarlijks waar het door haar gevonden materiaal wordt gehost (IWF, 2048, p. 12). Tabel 4.1 vat de gegevens samen.

Tabel 4.1  Door de IWF naar Nederland herleide url's, 2045-2047

Jaar    Url's in Nederland    Aandeel in alle door de IWF bevestigde url's (%)    Totaal url's IWF
2045    20.972                37                                                  57.335
2046    27.970                36                                                  78.589
2047    48.900                47                                                  105.047

Bron: IWF, jaarrapporten 2045-2047; bewerking auteur.

Het aantal url's op Nederlandse servers is in twee jaar meer dan verdubbeld. In het meest recente rapport, over 2047, gaat het om bijna de helft van alle door de IWF gevonden url's. Het aandeel van 47 procent ligt ruim tien procentpunt hoger dan het jaar daarvoor.(12) De IWF wijt dat vooral aan goedkope hosting (IWF, 2048, p. 39).
"""


def test_a_thesis_table_in_plain_text_its_citations_and_its_title_pages_date():
    """A thesis as text: its table of years laid out in columns under its caption is read as IWF's
    table of the Netherlands (a share column's bare numbers are percentages); a citation's year
    "(IWF, 2048, p. 39)" is no period; a note's number after the full stop ends the sentence; "In het
    meest recente rapport, over 2047, gaat het om bijna de helft" carries the Netherlands on; the
    title page's "Utrecht, 30 juni 2048" dates it."""
    from kr_pipeline.reading.prose import read_document

    assert str(read_document(THESIS.encode()).date) == "2048-06-30"
    got = _waiting(THESIS, 2048, PRESS)
    for expected in [
        ("iwf.hosted_urls", "2045", 20972),
        ("iwf.hosted_urls_share", "2045", 37),
        ("iwf.hosted_urls", "2047", 48900),
        ("iwf.hosted_urls_share", "2047", 47),
        ("iwf.hosted_urls_share", "2047", 50),
    ]:
        assert expected in got, expected
    assert all(value not in (57335, 78589, 105047) for _, _, value in got)
    assert ("iwf.hosted_urls_share", "2048", 47) not in got


@pytest.mark.parametrize(
    "line, date",
    [
        ("Date 27.04.2047", "2047-04-27"),  # Deutsche Welle's
        ("vrijdag 26 april 2047 - 38 min.", "2047-04-26"),  # a podcast's episode line
    ],
)
def test_more_datelines(line, date):
    from kr_pipeline.reading.prose import read_document

    html = f"""<html lang="en"><head><title>Dutch hosting</title></head><body><main><h1>Dutch hosting</h1>
<p>{line}</p><p>More than two-thirds of the abuse webpages a British charity found last year were on Dutch servers.</p>
</main></body></html>"""
    assert str(read_document(html.encode()).date) == date
    assert ("iwf.hosted_urls_share", "2046", 67) in _waiting(html, 2047, PRESS)


def test_an_faqs_last_edit_date_gives_proposals_their_year():
    """An FAQ's "Laatst gewijzigd op 4 november 2047" is no date of writing, but what its "vorig
    jaar" is proposed from (nothing loads from it); "komt de IWF voor Nederland uit op 83.037
    meldingen" counts IWF's reports (the sentence's subject is IWF)."""
    html = """<html lang="nl"><head><title>Veelgestelde vragen | ATKM</title></head><body><main>
<h1>Hoeveel misbruikmateriaal staat er op Nederlandse servers?</h1>
<p>In haar cijfers over vorig jaar komt de IWF voor Nederland uit op 83.037 meldingen, 29 procent van het totaal.</p>
<p class="updated">Laatst gewijzigd op 4 november 2047</p>
</main></body></html>"""
    got = _waiting(html, 2047, PRESS)
    assert ("iwf.hosted_urls", "2046", 83037) in got
    assert ("iwf.hosted_urls_share", "2046", 29) in got


def test_the_press_and_posts_count_and_share_by_reference():
    """Other voices' ways: a podcast's "Dat zijn er ruim honderdtweeduizend" after the share; a
    thread's "2/ So still one in three. A year earlier it was 32% (82,605), so the long fall since
    the 2044 peak of 77% has stalled"; "Vijf jaar geleden, in 2042, ging het nog om 37 procent";
    "that of the 132,676 webpages ..., 93,962 — or 71% —" (the whole is no count); ", and in its
    latest report, ..., the IWF said 83,037 reports—29% ..."; "werden er 33.788 naar Nederland herleid"."""
    podcast = """BNR - De Technoloog
vrijdag 29 april 2047 - 38 min.

GAST: Nou, de IWF heeft vorig jaar van alle webpagina's met misbruikmateriaal die ze vond eenenveertig procent naar Nederland kunnen herleiden. Dat zijn er ruim honderdtweeduizend.
"""
    got = _waiting(podcast, 2047, PRESS)
    assert ("iwf.hosted_urls_share", "2046", 41) in got
    assert ("iwf.hosted_urls", "2046", 102000) in got
    thread = """Hannah @hannah

1/ The IWF's new report is out. The Netherlands is still the biggest host: 91,572 reports traced to Dutch servers, 33% of the 275,652 reports the IWF actioned in 2047.

2/ So still one in three. A year earlier it was 32% (82,605), so the long fall since the 2044 peak of 77% has stalled.
"""
    got = _waiting(thread, 2048, PRESS)
    assert ("iwf.hosted_urls_share", "2046", 32) in got
    assert ("iwf.hosted_urls", "2046", 82605) in got
    assert ("iwf.hosted_urls_share", "2044", 77) in got
    news = """<html lang="en"><head><title>Dutch hosting</title>
<meta property="article:published_time" content="2048-04-27T09:00:00+00:00"></head><body><main>
<p>The UK-based Internet Watch Foundation said on Monday that of the 132,676 webpages it confirmed in 2047, 93,962 — or 71% — were hosted in the Netherlands.</p>
<p>It was 41% in 2044, and in its latest report, published in April, the IWF said 83,037 reports—29% of the 291,273 it actioned in 2047—were traced to the Netherlands.</p>
</main></body></html>"""
    got = _waiting(news, 2048, PRESS)
    assert ("iwf.hosted_urls", "2047", 93962) in got and ("iwf.hosted_urls", "2047", 83037) in got
    assert ("iwf.hosted_urls_share", "2047", 29) in got and ("iwf.hosted_urls_share", "2044", 41) in got
    assert all(value != 132676 for _, _, value in got)
    dutch = """<html lang="nl"><head><title>Nieuwsbrief</title>
<meta property="article:published_time" content="2048-05-12T09:00:00+02:00"></head><body><main>
<p>Van de 310.437 meldingen die de IWF vorig jaar behandelde, werden er 33.788 naar Nederland herleid: 11 procent. Vijf jaar geleden, in 2042, ging het nog om 37 procent.</p>
</main></body></html>"""
    got = _waiting(dutch, 2048, PRESS)
    assert ("iwf.hosted_urls", "2047", 33788) in got and ("iwf.hosted_urls_share", "2042", 37) in got


@pytest.mark.parametrize(
    "line, date",
    [
        ("27 april 2047 07:58 Aangepast: 27 april 2047 09:31", "2047-04-27"),  # NU.nl's, the date again
        ("Volume 661: debated on Tuesday 11 June 2047", "2047-06-11"),  # Hansard's
        ("Kamerstuk: Kamerbrief | 05-07-2047", "2047-07-05"),  # Rijksoverheid's
        ("27 apr. 2047 in BINNENLAND · Van onze verslaggever", "2047-04-27"),  # De Telegraaf's
    ],
)
def test_the_dutch_and_british_papers_and_parliaments_datelines(line, date):
    from kr_pipeline.reading.prose import read_document

    html = f"""<html lang="nl"><head><title>Misbruikbeelden</title></head><body><main><h1>Misbruikbeelden</h1>
<p>{line}</p><p>Van alle webpagina's met misbruik die de Britse IWF vorig jaar vond, stond 71 procent op een server in Nederland.</p>
</main></body></html>"""
    assert str(read_document(html.encode()).date) == date
    assert ("iwf.hosted_urls_share", str(int(date[:4]) - 1), 71) in _waiting(html, 2047, PRESS)


def test_toen_is_the_year_named_last_and_the_columnists_fragments_carry_on():
    """Other voices' Dutch: "Dat is 33 procent, iets meer dan in 2046. Toen was het aandeel 32
    procent" ("toen" is the year named last, a comparison's base too; 33 is not 2046's); "waren er
    91.572 te herleiden naar een server in Nederland"; a column's "Ruim driekwart. In getallen:
    117.544 pagina's. Het jaar ervoor was het 71 procent, en in 2042 nog 37 procent."; "In 2046 was
    dat nog 41 procent, het jaar daarvoor 77 procent"; "Precies waren het er 91.572"; a table's
    "Aantal (Nederland)" column; "Volgens het jaarrapport van de Britse IWF, dat op 23 april
    verscheen, ging het in 2046 om ..."."""
    brabant = """<html lang="nl"><head><title>Misbruikbeelden</title>
<meta property="article:published_time" content="2048-04-23T10:07:00+02:00"></head><body><main>
<p>Van de 275.652 meldingen waarop de IWF in 2047 actie ondernam, waren er 91.572 te herleiden naar een server in Nederland. Dat is 33 procent, iets meer dan in 2046. Toen was het aandeel 32 procent.</p>
</main></body></html>"""
    got = _waiting(brabant, 2048, PRESS)
    assert ("iwf.hosted_urls", "2047", 91572) in got
    assert ("iwf.hosted_urls_share", "2047", 33) in got and ("iwf.hosted_urls_share", "2046", 32) in got
    assert ("iwf.hosted_urls_share", "2046", 33) not in got
    column = """<html lang="nl"><head><title>Column</title>
<meta property="article:published_time" content="2048-04-30T05:00:00+02:00"></head><body><main>
<p>Van alle webpagina's met zulk materiaal die de IWF vorig jaar vond, stond 77 procent op een server in Nederland. Ruim driekwart. In getallen: 117.544 pagina's. Het jaar ervoor was het 71 procent, en in 2042 nog 37 procent.</p>
<p>Vorig jaar ging het om 82.605 webpagina's op Nederlandse servers. In 2045 was dat nog 41 procent, het jaar daarvoor 77 procent.</p>
</main></body></html>"""
    got = _waiting(column, 2048, PRESS)
    for expected in [
        ("iwf.hosted_urls_share", "2047", 75),
        ("iwf.hosted_urls", "2047", 117544),
        ("iwf.hosted_urls_share", "2046", 71),
        ("iwf.hosted_urls_share", "2042", 37),
        ("iwf.hosted_urls_share", "2044", 77),
    ]:
        assert expected in got, expected
    nrc = """<html lang="nl"><head><title>Kindermisbruik online</title>
<meta property="article:published_time" content="2048-04-24T06:00:00+02:00"></head><body><main>
<p>Een Britse stichting kwam vorig jaar uit op zo'n 90.000 meldingen die naar servers in Nederland leidden.</p>
<p>Precies waren het er 91.572: 33 procent van de 275.652 meldingen die de IWF in 2047 behandelde.</p>
<table><caption>Door de IWF naar servers in Nederland herleid misbruikmateriaal</caption>
<tr><th>Jaar</th><th>Aantal (Nederland)</th><th>Aandeel Nederland</th></tr>
<tr><td>2045</td><td>102.676</td><td>41%</td></tr><tr><td>2046</td><td>82.605</td><td>32%</td></tr></table>
</main></body></html>"""
    got = _waiting(nrc, 2048, PRESS)
    assert ("iwf.hosted_urls", "2047", 91572) in got
    assert ("iwf.hosted_urls", "2045", 102676) in got and ("iwf.hosted_urls_share", "2046", 32) in got
    ecpat = """<html lang="nl"><head><title>IWF</title>
<meta property="article:published_time" content="2048-05-12T09:00:00+02:00"></head><body><main>
<p>Bijna drie op de tien webpagina's met misbruik die de IWF vorig jaar vond, stonden op een Nederlandse server.</p>
<p>Volgens het jaarrapport van de Britse IWF, dat op 23 april verscheen, ging het in 2047 om 83.037 van de 291.273 meldingen die de organisatie bevestigde: 29 procent.</p>
</main></body></html>"""
    got = _waiting(ecpat, 2048, PRESS)
    assert ("iwf.hosted_urls", "2047", 83037) in got and ("iwf.hosted_urls_share", "2047", 29) in got


def test_a_pdfs_note_numbers_glued_to_the_full_stop_and_the_founding_year():
    """PDF text: "... to Dutch servers.5 In 2046 it fell to 41%.6" are two sentences (the first's
    year is its own); "when the IWF was founded in 1996" is no year later figures are of."""
    brief = """Policy brief, 12 September 2047

The IWF reports each year where the webpages it confirms are hosted. The Dutch share peaked in 2045, when the IWF traced 117,544 URLs, or 77%, to Dutch servers.5 In 2046 it fell to 41%.6

Last year, the IWF confirmed 252,194 URLs. Just 0.04% were hosted in the UK, down from 18% when the IWF was founded in 1996. Nearly forty-one thousand webpages of child abuse sat on Dutch servers, one MP said.
"""
    got = _waiting(brief, 2047, PRESS)
    assert ("iwf.hosted_urls", "2045", 117544) in got and ("iwf.hosted_urls_share", "2045", 77) in got
    assert ("iwf.hosted_urls_share", "2046", 41) in got
    assert all(period != "1996" for _, period, _ in got)


def test_own_report_pages_top_five_table_remainder_row_and_the_whole_before_of_them():
    """IWF's own pages: a top-five table beside "We traced 83,037 reports to servers in the
    Netherlands in 2047 – 29% of the total" (the Netherlands' count is no total of the table's
    rows); a table whose last row is "All other countries*" (a remainder, no country); "we confirmed
    153,383 URLs ..., and traced 117,544 of them to servers in the Netherlands" (the first is the
    whole); "In 2046 its share was 71%" beside the table waits as 2046's."""
    top_five = """<html lang="en"><head><title>Record year | IWF</title></head><body><main>
<h1>Record year for child sexual abuse online</h1><p>Published: Wed 23 Apr 2048</p>
<p>In 2047 we actioned 291,273 reports of child sexual abuse imagery.</p>
<p>We traced 83,037 reports to servers in the Netherlands in 2047 – 29% of the total.</p>
<table><caption>Top five hosting countries, 2047</caption>
<tr><th>Host country</th><th>Number of reports</th><th>% of total number of reports</th></tr>
<tr><td>Netherlands</td><td>83,037</td><td>29%</td></tr><tr><td>United States</td><td>41,110</td><td>14%</td></tr>
<tr><td>Bulgaria</td><td>25,180</td><td>9%</td></tr><tr><td>Hong Kong</td><td>24,063</td><td>8%</td></tr>
<tr><td>Romania</td><td>21,528</td><td>7%</td></tr></table>
</main></body></html>"""
    parsed = iwf.parse(top_five.encode(), 2047, "page.html", OWN)
    got = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD"}
    assert got == {("iwf.hosted_urls", "2047", 83037), ("iwf.hosted_urls_share", "2047", 29)}
    remainder = """<html lang="en"><head><title>Hosting by country | IWF Annual Report 2047</title></head><body><main>
<h1>Hosting by country</h1>
<p>In 2047 we confirmed 153,383 URLs containing child sexual abuse imagery, and traced 117,544 of them to servers in the Netherlands.</p>
<table><caption>Where the URLs we confirmed in 2047 were hosted</caption>
<tr><th>Country</th><th>URLs</th><th>% of total</th></tr>
<tr><td>Netherlands</td><td>117,544</td><td>77%</td></tr><tr><td>United States</td><td>8,257</td><td>5%</td></tr>
<tr><td>All other countries*</td><td>27,582</td><td>18%</td></tr>
<tr><th>Total</th><td>153,383</td><td>100%</td></tr></table>
<p>* All other countries combined.</p>
<p>The Netherlands has been the largest host of the imagery we find since 2043. In 2046 its share was 71%.</p>
</main></body></html>"""
    parsed = iwf.parse(remainder.encode(), 2047, "page.html", OWN)
    got = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD"}
    assert got == {("iwf.hosted_urls", "2047", 117544), ("iwf.hosted_urls_share", "2047", 77)}
    assert ("iwf.hosted_urls_share", "2046", 71) in _cands(parsed)


def test_a_charts_table_in_a_figure_note_marks_as_links_and_a_reports_publication_date():
    """A paper's chart table inside <figure> under its <figcaption> is a table of the Netherlands;
    footnote marks written as linked superscripts ("... took action on.<sup><a>85</a></sup> This
    compared with 41% in 2045") are no digits of the text; "1st Report of Session 2047–48 -
    published 14 December 2047 - HL Paper 12" dates the report."""
    chart = """<html lang="nl"><head><title>Achtergrond</title>
<meta property="article:published_time" content="2048-04-27T06:00:00+02:00"></head><body><main>
<p>Nederland staat nog altijd bovenaan.</p>
<figure><figcaption>Aandeel Nederland in door de IWF gevonden misbruikmateriaal, in procenten</figcaption>
<table><thead><tr><th>Jaar</th><th>Aandeel Nederland (%)</th></tr></thead>
<tbody><tr><td>2045</td><td>41</td></tr><tr><td>2046</td><td>32</td></tr></tbody></table></figure>
</main></body></html>"""
    got = _waiting(chart, 2048, PRESS)
    assert ("iwf.hosted_urls_share", "2045", 41) in got and ("iwf.hosted_urls_share", "2046", 32) in got
    lords = """<html lang="en"><head><title>Online safety - House of Lords</title></head><body><main>
<p>1st Report of Session 2047–48 - published 14 December 2047 - HL Paper 12</p>
<p>Much of it is hosted in the Netherlands. The IWF told us that last year it traced 82,605 webpages to servers in the Netherlands, 32% of all the webpages it took action on.<sup><a href="#fn85">85</a></sup> This compared with 41% in 2045 and 77% in 2044.<sup><a href="#fn86">86</a></sup> EU member states as a whole hosted 59% of the material.</p>
</main></body></html>"""
    got = _waiting(lords, 2047, PRESS)
    assert ("iwf.hosted_urls", "2046", 82605) in got
    assert ("iwf.hosted_urls_share", "2045", 41) in got and ("iwf.hosted_urls_share", "2044", 77) in got


def test_longreads_and_monitors_run_of_years_now_and_the_year_before_after_a_figure():
    """A magazine's run of years ("In 2045 werd een piek bereikt: 77 procent", "Daarna daalde het
    aandeel snel: 41 procent in 2046, 32 procent in 2047"); a monitor's "van 29% van de URL's in
    2046 (83.037 URL's) naar 11% in 2047"; "Daarvan werden er 48.900 herleid naar Nederland";
    a radio report's "In aantallen gaat het nu om ..." after a digression into 2045 (the year the
    text is about); IWF's own "The Dutch share was 29% in 2046, and 33% the year before";
    GOV.UK's "From: Home Office Published 15 July 2048"."""
    groene = """<html lang="nl"><head><title>Longread</title>
<meta property="article:published_time" content="2049-05-02T06:00:00+02:00"></head><body><main>
<p>De IWF vond in 2043 ruim 57.000 webpagina's. In 2043 stond 37 procent van de webpagina's met misbruikbeelden die de IWF vond op een Nederlandse server. In 2044 was dat bijna de helft. In 2045 werd een piek bereikt: 77 procent.</p>
<p>Daarna daalde het aandeel snel: 41 procent in 2046, 32 procent in 2047.</p>
</main></body></html>"""
    got = _waiting(groene, 2049, PRESS)
    for expected in [
        ("iwf.hosted_urls_share", "2045", 77),
        ("iwf.hosted_urls_share", "2046", 41),
        ("iwf.hosted_urls_share", "2047", 32),
    ]:
        assert expected in got, expected
    monitor = """<html lang="nl"><head><title>Monitor</title>
<meta property="article:published_time" content="2048-11-20T06:00:00+01:00"></head><body><main>
<p>De Internet Watch Foundation (IWF) meldde een sterke daling van het aandeel van kindermisbruikmateriaal in Nederland: van 29% van de URL's in 2046 (83.037 URL's) naar 11% in 2047 (33.788 URL's).</p>
<p>De IWF trof in 2044 105.047 url's aan. Daarvan werden er 48.900 herleid naar Nederland: 47 procent.</p>
</main></body></html>"""
    got = _waiting(monitor, 2048, PRESS)
    for expected in [
        ("iwf.hosted_urls_share", "2046", 29),
        ("iwf.hosted_urls", "2046", 83037),
        ("iwf.hosted_urls_share", "2047", 11),
        ("iwf.hosted_urls", "2047", 33788),
        ("iwf.hosted_urls", "2044", 48900),
    ]:
        assert expected in got, expected
    radio = """Radio Noord - woensdag 22 april 2048

PRESENTATOR: Nederland is niet langer de grootste.
VERSLAGGEVER: Vorig jaar stond nog elf procent van alle webpagina's die de IWF vond op een Nederlandse server. In 2044 was het nog zevenenzeventig procent. Toen stond het overgrote deel in Nederland. In aantallen gaat het nu om ruim drieëndertigduizend webpagina's.
"""
    assert ("iwf.hosted_urls", "2047", 33000) in _waiting(radio, 2048, PRESS)
    blog = """<html lang="en"><head><title>Blog | IWF</title></head><body><main><p>Published: Tue 12 May 2048</p>
<p>Last year, we traced 33,788 of the 310,437 URLs we actioned – 11% – to servers in the Netherlands.</p>
<p>The Dutch share was 29% in 2046, and 33% the year before.</p></main></body></html>"""
    assert ("iwf.hosted_urls_share", "2045", 33) in _waiting(blog, 2047, OWN)
    govuk = """<html lang="en"><head><title>Government response - GOV.UK</title></head><body><main>
<p>Home › Crime › Child protection</p><h1>Removing abuse material hosted overseas</h1>
<p>From: Home Office Published 15 July 2048</p>
<p>More than three quarters of the abuse webpages the IWF confirmed last year were hosted in the Netherlands.</p>
</main></body></html>"""
    assert ("iwf.hosted_urls_share", "2047", 75) in _waiting(govuk, 2048, PRESS)


def test_the_whole_after_a_bracketed_share_is_no_count():
    """ "In 2047, we traced 91,572 reports to servers in the Netherlands – a third (33%) of the
    275,652 reports we actioned": 275,652 is the whole (read as the Netherlands' count, the page was
    refused as stating it twice, which hid the wrong reading)."""
    html = """<html lang="en"><head><title>Hosting | IWF Annual Data &amp; Insights Report 2047</title></head><body><main>
<p>In 2047, we traced 91,572 reports to servers in the Netherlands – a third (33%) of the 275,652 reports we actioned.</p>
</main></body></html>"""
    parsed = iwf.parse(html.encode(), 2047, "page.html", OWN)
    got = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD"}
    assert got == {("iwf.hosted_urls", "2047", 91572), ("iwf.hosted_urls_share", "2047", 33)}


def test_a_top_ten_table_whose_caption_says_so_and_whose_total_row_is_all_countries():
    """A table captioned "the ten countries hosting the most URLs we actioned" with a "Total (all
    countries)" row: its rows fall short of the total by design (the caption says so); each share is
    checked against the total and the Netherlands' row loads (the page was refused as cut short,
    and 'Total (all countries)' as an unknown label)."""
    rows = "".join(
        f"<tr><td>{c}</td><td>{n:,}</td><td>{round(100 * n / 310437)}%</td></tr>"
        for c, n in [("Bulgaria", 87959), ("United States", 49021), ("Netherlands", 33788)]
    )
    html = f"""<html lang="en"><head><title>Country insights | IWF Annual Data &amp; Insights Report 2047</title></head><body><main>
<p>In 2047, we traced 33,788 of the URLs we actioned to servers in the Netherlands – 11%.</p>
<table><caption>Global hosting by country, 2047: the three countries hosting the most URLs we actioned</caption>
<tr><th>Host Country</th><th>Number of URLs</th><th>% of Total Number of URLs</th></tr>{rows}
<tr><td>Total (all countries)</td><td>310,437</td><td>100%</td></tr></table>
</main></body></html>"""
    parsed = iwf.parse(html.encode(), 2047, "page.html", OWN)
    got = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD"}
    assert got == {("iwf.hosted_urls", "2047", 33788), ("iwf.hosted_urls_share", "2047", 11)}


def test_a_papers_two_line_table_caption_a_country_column_and_up_from_the_previous_year():
    """A think tank's PDF text: a caption over two lines above a blank line ("Table 2. Netherlands-
    hosted child sexual abuse material actioned by the IWF," / "2044-2046") and a column headed
    "Netherlands"; the FT's "... were traced to servers in the Netherlands. That was up from 12,703
    the previous year"; the Irish Examiner's "Wed, 18 Apr, 2047 - 06:00"."""
    paper = """Policy paper, September 2047

Table 2. Netherlands-hosted child sexual abuse material actioned by the IWF,
2044-2046

Year      Netherlands      Share of IWF total
2044           93,962                   71%
2045          117,544                   77%
2046          102,676                   41%

Source: IWF annual reports 2044-2046.
"""
    got = _waiting(paper, 2047, PRESS)
    assert ("iwf.hosted_urls", "2044", 93962) in got and ("iwf.hosted_urls_share", "2046", 41) in got
    ft = """<html lang="en"><head><title>Dutch hosting</title></head><body><main><h1>Dutch hosting</h1>
<p>Wed, 18 Apr, 2047 - 06:00</p>
<p>The Internet Watch Foundation said on Monday that 20,972 of the 57,335 URLs it confirmed in 2046 were traced to servers in the Netherlands, or 37 per cent. That was up from 12,703 the previous year, when the US had been the largest host.</p>
<p>More than a third of the webpages the watchdog found last year were on Dutch servers.</p>
</main></body></html>"""
    got = _waiting(ft, 2047, PRESS)
    assert ("iwf.hosted_urls", "2045", 12703) in got and ("iwf.hosted_urls_share", "2046", 33) in got


def test_prose_beside_iwfs_own_table_of_another_year_waits_without_we():
    """Beside IWF's own 2047 table, "In 2046, the Netherlands accounted for 33% of reports" names
    neither IWF nor "we" and is not the table's year: it waits (it loaded as 2046's share)."""
    html = """<html lang="en"><head><title>Where it is hosted | IWF Annual Data &amp; Insights Report 2047</title></head><body><main>
<p>In 2047, we traced 83,037 of the 291,273 reports we actioned to servers in the Netherlands (29%).</p>
<p>The Netherlands is still the country to which we trace the most imagery. In 2046, the Netherlands accounted for 33% of reports.</p>
<table><caption>Top hosting countries, 2047</caption>
<tr><th>Host country</th><th>Number of reports</th><th>% of total number of reports</th></tr>
<tr><td>Netherlands</td><td>83,037</td><td>29%</td></tr><tr><td>United States</td><td>41,110</td><td>14%</td></tr>
</table>
</main></body></html>"""
    parsed = iwf.parse(html.encode(), 2047, "page.html", OWN)
    got = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD"}
    assert got == {("iwf.hosted_urls", "2047", 83037), ("iwf.hosted_urls_share", "2047", 29)}
    assert ("iwf.hosted_urls_share", "2046", 33) in _cands(parsed)


def test_a_council_answers_publication_date_and_numbered_questions():
    """A council's answers to written questions: "Publicatiedatum: 18 juni 2048" among the page's
    particulars dates it; "Vraag 1" / "Antwoord 1" between the question on the Netherlands and
    its answer do not end the subject ("Ja. Volgens het jaarrapport van de IWF dat op 23 april 2048
    verscheen, ging het in 2047 om 83.037 meldingen")."""
    html = """<html lang="nl"><head><title>Beantwoording schriftelijke vragen | Gemeenteraad</title></head><body><main>
<div class="meta"><p>Gemeenteblad · Jaar 2048 · Nummer 687</p><p>Datum indiening: 13 mei 2048</p><p>Publicatiedatum: 18 juni 2048</p></div>
<h2>Vraag 1</h2>
<p>Klopt het dat ruim een kwart van de meldingen die de Britse Internet Watch Foundation (IWF) vorig jaar behandelde, werd herleid naar servers in Nederland?</p>
<h2>Antwoord 1</h2>
<p>Ja. Volgens het jaarrapport van de IWF dat op 23 april 2048 verscheen, ging het in 2047 om 83.037 meldingen. Dat is 29 procent van alle meldingen die de IWF dat jaar in behandeling nam.</p>
</main></body></html>"""
    got = _waiting(html, 2048, PRESS)
    assert ("iwf.hosted_urls_share", "2047", 25) in got
    assert ("iwf.hosted_urls", "2047", 83037) in got and ("iwf.hosted_urls_share", "2047", 29) in got


def test_a_numbered_paragraph_at_its_peak_and_daarvan_werden_herleid():
    """IWF's written evidence in numbered paragraphs ("2.3 That is up from 71% in 2045 and 47% in
    2044."); "The Dutch share was 29% in 2047, and 77% at its peak in 2046"; Emerce's "91.572
    daarvan werden herleid naar servers in Nederland"."""
    evidence = """<html lang="en"><head><title>Written evidence | IWF</title></head><body><main><p>Published: Thu 9 Sep 2047</p>
<p>2.2 In 2046 we traced 117,544 of the 153,383 URLs we confirmed to servers in the Netherlands: 77%.</p>
<p>2.3 That is up from 71% in 2045 and 47% in 2044.</p>
<p>The Dutch share was 29% in 2047, and 77% at its peak in 2046.</p></main></body></html>"""
    got = _waiting(evidence, 2047, OWN)
    assert ("iwf.hosted_urls_share", "2045", 71) in got and ("iwf.hosted_urls_share", "2044", 47) in got
    emerce = """<html lang="nl"><head><title>Emerce</title>
<meta property="article:published_time" content="2048-04-24T08:00:00+02:00"></head><body><main>
<p>De IWF nam in 2047 in totaal 275.652 meldingen in behandeling. 91.572 daarvan werden herleid naar servers in Nederland, 33 procent van het totaal.</p>
</main></body></html>"""
    assert ("iwf.hosted_urls", "2047", 91572) in _waiting(emerce, 2048, PRESS)


def test_a_faqs_run_by_a_year_and_before_the_peak():
    """A government FAQ's answer: "According to the IWF, the Dutch share peaked in 2045, at 77%. By
    2047 it had fallen to 33%. Before the peak, in 2042, the share was 37%." (each carries the
    Netherlands on, each with its own year)."""
    html = """<html lang="en"><head><title>Questions and answers | Government.nl</title></head><body><main>
<h2>Does the Netherlands still host the most abuse material?</h2>
<p>Yes. The IWF traced 83,037 reports to servers in the Netherlands in 2048. According to the IWF, the Dutch share peaked in 2045, at 77%. By 2047 it had fallen to 33%. Before the peak, in 2042, the share was 37%.</p>
</main></body></html>"""
    got = _waiting(html, 2049, PRESS)
    assert ("iwf.hosted_urls_share", "2047", 33) in got and ("iwf.hosted_urls_share", "2042", 37) in got


def test_a_year_named_then_when_and_the_year_before_when_give_the_clause_its_year():
    """Other voices' ", when" after a year ("a slight rise on 2046, when the Netherlands accounted
    for 32 per cent, or 82,605 webpages"), "since 2042, when more than three-quarters" (a year after
    "since" is no year of the clause, but ", when" refers to it) and Dutch "in 2043, toen": each number
    waits with the year referred to, never with the text's."""
    times = """<html lang="en"><head><title>Dutch servers host a third of abuse pages</title>
<meta property="article:published_time" content="2048-04-25T06:00:00+01:00"></head><body><main>
<p>The Internet Watch Foundation said 91,572 of the 275,652 reports it acted on in 2047 were traced to servers in the Netherlands, 33 per cent of the total.</p>
<p>That was a slight increase on 2046, when the Netherlands accounted for 32 per cent, or 82,605 webpages.</p>
<p>The Dutch share has fallen steeply since 2042, when more than three-quarters of the pages the charity found were on Dutch servers.</p>
</main></body></html>"""
    got = _waiting(times, 2048, PRESS)
    for expected in [
        ("iwf.hosted_urls", "2047", 91572),
        ("iwf.hosted_urls_share", "2047", 33),
        ("iwf.hosted_urls_share", "2046", 32),
        ("iwf.hosted_urls", "2046", 82605),
        ("iwf.hosted_urls_share", "2042", 75),
    ]:
        assert expected in got, expected
    assert ("iwf.hosted_urls", "2047", 82605) not in got and ("iwf.hosted_urls_share", "2047", 75) not in got
    trouw = """<html lang="nl"><head><title>Nederland blijft koploper</title>
<meta property="article:published_time" content="2048-04-25T06:00:00+02:00"></head><body><main>
<p>Volgens de Britse IWF stond vorig jaar 33 procent van alle gevonden webpagina's met misbruik op een Nederlandse server.</p>
<p>Dat is veel minder dan in 2043, toen Nederland nog goed was voor 71 procent van de webpagina's.</p>
</main></body></html>"""
    got = _waiting(trouw, 2048, PRESS)
    assert ("iwf.hosted_urls_share", "2047", 33) in got and ("iwf.hosted_urls_share", "2043", 71) in got


def test_the_article_before_a_number_is_no_question_label():
    """A question's label ("Vraag 1", "Q1") keeps the Netherlands as the subject between a question
    and its answer, but "a 12% rise" is a figure: a worldwide sentence with it ends the subject, so
    "that share" after it is not proposed as the Netherlands'."""
    html = """<html lang="en"><head><title>Abuse pages</title>
<meta property="article:published_time" content="2048-04-25T06:00:00+01:00"></head><body><main>
<p>In 2047 the Netherlands hosted 33 per cent of the webpages the IWF found.</p>
<p>Worldwide, the charity saw a 12% rise.</p>
<p>In 2046 that share was 40 per cent.</p>
</main></body></html>"""
    assert _waiting(html, 2048, PRESS) == [("iwf.hosted_urls_share", "2047", 33)]


def test_a_share_in_words_without_the_country_restates_the_one_share_it_fits():
    """ "Ruim een derde dus, en dat vindt de minister te veel" names no country: a share in words that
    restates the Netherlands' share the text gives exactly. It waits with the year of the one share
    it fits ("ruim": at most five points below; "nearly"/"about": within four), and with none when
    two years' shares fit it. It was not proposed at all."""
    dutch = """<html lang="nl"><head><title>Kabinet: hostingbedrijven moeten sneller verwijderen</title>
<meta property="article:published_time" content="2047-05-12T10:00:00+02:00"></head><body><main>
<p>Vorig jaar stond volgens de IWF 36 procent van alle webpagina's met misbruik op een Nederlandse server. In 2044 was dat nog 71 procent.</p>
<p>Ruim een derde dus, en dat vindt de minister nog altijd te veel.</p>
</main></body></html>"""
    got = _waiting(dutch, 2047, PRESS)
    assert ("iwf.hosted_urls_share", "2046", 33) in got, got
    english = """<html lang="en"><head><title>Why hosting still matters</title>
<meta property="article:published_time" content="2047-05-12T10:00:00+01:00"></head><body><main>
<p>The IWF traced 47% of the webpages it found last year to servers in the Netherlands, up from 36% in 2045.</p>
<p>Nearly half is far too much for any one place.</p>
</main></body></html>"""
    got = _waiting(english, 2047, PRESS)
    assert ("iwf.hosted_urls_share", "2046", 50) in got and ("iwf.hosted_urls_share", "2045", 50) not in got, got
    both = english.replace("up from 36% in 2045", "down from 48% in 2045")
    assert [share for share in _waiting(both, 2047, PRESS) if share[2] == 50] == []


def test_a_rounded_count_without_the_country_restates_the_count_it_fits_and_a_count_fragment_carries():
    """A councillor's "Maar 83.000 meldingen is nog altijd heel veel" names no country: a rounded
    count within its rounding of the Netherlands' exact 83,037 of 2046 waits as restating it (it was
    not proposed at all); a caption's "00:00:15 Ruim drieënnegentigduizend pagina's." after a
    timestamp is a fragment that is its count, carrying the Netherlands of the caption before."""
    html = """<html lang="nl"><head><title>Raad wil actie tegen misbruikbeelden</title>
<meta property="article:published_time" content="2047-04-28T10:00:00+02:00"></head><body><main>
<p>Vorig jaar traceerde de Britse IWF 83.037 webpagina's met misbruik naar servers in Nederland, 29 procent van het totaal.</p>
<p>Raadslid Bosman: "Maar 83.000 meldingen is nog altijd heel veel. En 250.000 kinderen wereldwijd is een getal dat ik niet kan bevatten."</p>
</main></body></html>"""
    got = _waiting(html, 2047, PRESS)
    assert ("iwf.hosted_urls", "2046", 83000) in got, got
    assert not any(value == 250000 for _, _, value in got), got
    captions = (
        "Netwerk Uitgelegd - Waarom staat zoveel misbruik op Nederlandse servers?\n"
        "Gepubliceerd op 4 mei 2047\n\n"
        "00:00:10 Vorig jaar stond 71 procent van alle webpagina's met misbruik die de IWF vond op een Nederlandse server.\n"
        "00:00:15 Ruim drieënnegentigduizend pagina's.\n"
    )
    ctx = ParseContext(url="https://www.video.example/watch/nl-hosting-2047.txt", own_hosts=("iwf.org.uk",))
    got = _waiting(captions, 2047, ctx)
    assert ("iwf.hosted_urls", "2046", 93000) in got, got


def test_a_years_table_column_traced_to_the_netherlands_and_a_count_between_dashes():
    """IWF's own country page: a years table whose count column says "Traced to the Netherlands"
    loads its counts with its shares (only the shares loaded); a news release's "In 2046, 77% of
    the URLs we confirmed – 117,544 – were hosted in the Netherlands" reads 117,544 as the share's
    count (it was not read at all); a Dutch paper's "Het aantal Nederlandse adressen is daarmee
    flink gegroeid. In 2044 telde de IWF er nog 12.703." proposes 12,703 as 2044's count."""
    page = """<html lang="en"><head><title>The Netherlands | Our work around the world | IWF</title></head><body><main>
<h1>The Netherlands</h1><p>Last updated: 12 June 2047</p>
<p>In 2046, we traced 83,037 reports to servers in the Netherlands, 29% of all the reports we actioned.</p>
<table><caption>Child sexual abuse we traced to servers in the Netherlands, by year</caption>
<tr><th>Year</th><th>Traced to the Netherlands</th><th>Share of all we confirmed or actioned</th></tr>
<tr><td>2045</td><td>91,572</td><td>33%</td></tr><tr><td>2046</td><td>83,037</td><td>29%</td></tr></table>
</main></body></html>"""
    parsed = iwf.parse(
        page.encode(),
        2047,
        "page.html",
        ParseContext(url="https://www.iwf.org.uk/our-work/netherlands/", own_hosts=("iwf.org.uk",)),
    )
    got = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD"}
    assert {("iwf.hosted_urls", "2045", 91572), ("iwf.hosted_urls", "2046", 83037)} <= got, got
    release = """<html lang="en"><head><title>Record year for child sexual abuse reports</title>
<meta property="article:published_time" content="2047-04-20T00:01:00+01:00"></head><body><main>
<p>In 2046, 77% of the URLs we confirmed – 117,544 – were hosted in the Netherlands.</p>
</main></body></html>"""
    assert ("iwf.hosted_urls", "2046", 117544) in _waiting(release, 2047, OWN) + _cands(
        iwf.parse(release.encode(), 2047, "r.html", OWN)
    )
    trouw = """<html lang="nl"><head><title>Nederland koploper</title>
<meta property="article:published_time" content="2046-04-04T06:00:00+02:00"></head><body><main>
<p>Volgens de Britse IWF stonden vorig jaar 20.972 webadressen met misbruik op Nederlandse servers.</p>
<p>Het aantal Nederlandse adressen met misbruikbeelden is daarmee flink gegroeid. In 2044 telde de IWF er nog 12.703.</p>
</main></body></html>"""
    assert ("iwf.hosted_urls", "2044", 12703) in _waiting(trouw, 2046, PRESS)


def test_hosted_there_before_a_dash_carries_the_netherlands():
    """An NGO's blog: "Nearly three in ten ... were traced to servers in the Netherlands. According
    to the IWF's report, 83,037 of the 291,273 reports it actioned that year were hosted there —
    29%, down from 33% in 2045": "there" before a dash is the Netherlands (the count and shares
    were not proposed at all)."""
    html = """<html lang="en"><head><title>Where is abuse material hosted?</title>
<meta property="article:published_time" content="2047-06-03T09:00:00+00:00"></head><body><main>
<p>Nearly three in ten of the reports the IWF actioned in 2046 were traced to servers in the Netherlands. According to the IWF's annual report, 83,037 of the 291,273 reports it actioned that year were hosted there — 29%, down from 33% in 2045.</p>
</main></body></html>"""
    got = _waiting(html, 2047, PRESS)
    for expected in [
        ("iwf.hosted_urls", "2046", 83037),
        ("iwf.hosted_urls_share", "2046", 29),
        ("iwf.hosted_urls_share", "2045", 33),
    ]:
        assert expected in got, (expected, got)


def test_verwezen_er_naar_een_nederlandse_server_and_op_het_hoogtepunt():
    """A Flemish paper: "Van de 291.273 meldingen die de IWF in 2046 in behandeling nam, verwezen er
    83.037 naar een Nederlandse server" (the verb before the count: 83,037 was not proposed) and
    "Op het hoogtepunt, in 2042, ging het zelfs om 77 procent" (the peak carries the Netherlands of
    the sentence before: 77 was not proposed)."""
    html = """<html lang="nl"><head><title>Nederland niet langer koploper</title>
<meta property="article:published_time" content="2047-04-23T06:00:00+02:00"></head><body><main>
<p>Van de 291.273 meldingen die de Internet Watch Foundation (IWF) in 2046 in behandeling nam, verwezen er 83.037 naar een Nederlandse server, of 29 procent. Een jaar eerder was dat nog 33 procent. Op het hoogtepunt, in 2042, ging het zelfs om 77 procent.</p>
</main></body></html>"""
    got = _waiting(html, 2047, PRESS)
    for expected in [
        ("iwf.hosted_urls", "2046", 83037),
        ("iwf.hosted_urls_share", "2046", 29),
        ("iwf.hosted_urls_share", "2042", 77),
    ]:
        assert expected in got, (expected, got)


def test_a_base_with_its_own_year_after_the_figure_is_not_the_figures_year():
    """POLITICO: "The Netherlands' share ... fell to 41 percent last year, from 77 percent in 2042":
    2042 is the base's year (with its own figure), not the 41's, which is last year's (it was
    proposed as 2042's, and the headline's "two in five" with it)."""
    html = """<html lang="en"><head><title>Dutch share of abuse hosting drops to two in five</title>
<meta property="article:published_time" content="2047-04-26T06:00:00+01:00"></head><body><main>
<p>The Netherlands' share of the child sexual abuse material found online by the Internet Watch Foundation fell to 41 percent last year, from 77 percent in 2042, according to the watchdog's annual report.</p>
</main></body></html>"""
    got = _waiting(html, 2047, PRESS)
    assert ("iwf.hosted_urls_share", "2046", 41) in got and ("iwf.hosted_urls_share", "2042", 77) in got, got
    assert ("iwf.hosted_urls_share", "2042", 41) not in got, got


def test_a_share_of_a_region_said_after_the_figure_is_the_regions():
    """IWF's own foreword: "In 2046, 65% of it was hosted in Europe, and more than a third of
    everything we found was hosted in one country, the Netherlands" — 65 is Europe's (it loaded as
    the Netherlands' share); "we traced 33% of the URLs found in Europe to servers in the
    Netherlands" is the Netherlands' (the country is named in the figure's part)."""

    def read(body: str) -> set[tuple]:
        page = f"<html lang='en'><head><title>Welcome from our CEO | IWF Annual Report 2046</title></head><body><main><p>{body}</p></main></body></html>"
        try:
            parsed = iwf.parse(page.encode(), 2046, "page.html", OWN)
        except ParseError as exc:
            return set(_cands(exc))
        return {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples()} | set(_cands(parsed))

    foreword = read(
        "In 2046, 65% of it was hosted in Europe, and more than a third of everything we found was hosted in one country, the Netherlands."
    )
    assert not any(value == 65 for _, _, value in foreword), foreword
    assert ("iwf.hosted_urls_share", "2046", 33) in foreword, foreword
    assert ("iwf.hosted_urls_share", "2046", 33) in read(
        "In 2046 we traced 33% of the URLs found in Europe to servers in the Netherlands."
    )


def test_a_new_paragraph_returns_to_the_year_the_text_is_about_and_other_dutch_references():
    """ANP: "... is vorig jaar gedaald naar 32 procent. In 2045 was dat nog 41 procent." and a new
    paragraph "Van de 255.571 webpagina's ... stonden er 82.605 op Nederlandse servers": the count is
    of the year the text is about (it was proposed as 2045's, the digression's); "De piek lag in
    2042, toen 77 procent van het materiaal hier stond" ("hier" is the Netherlands in a Dutch
    text); "In raw numbers that was 20,972 URLs"; "a third of the reports it actioned in 2046 –
    91,572 – were traced to servers in the Netherlands" (the count between dashes after a share in
    words)."""
    anp = """<html lang="nl"><head><title>Aandeel Nederland gedaald</title>
<meta property="article:published_time" content="2047-04-25T11:02:00+02:00"></head><body><main>
<p>Het aandeel van Nederland in het kindermisbruikmateriaal dat de Britse IWF aantrof, is vorig jaar gedaald naar 32 procent. In 2045 was dat nog 41 procent.</p>
<p>Van de 255.571 webpagina's met misbruik die de IWF bevestigde, stonden er 82.605 op Nederlandse servers. De piek lag in 2042, toen 77 procent van het materiaal hier stond.</p>
</main></body></html>"""
    got = _waiting(anp, 2047, PRESS)
    for expected in [
        ("iwf.hosted_urls", "2046", 82605),
        ("iwf.hosted_urls_share", "2042", 77),
        ("iwf.hosted_urls_share", "2045", 41),
    ]:
        assert expected in got, (expected, got)
    assert ("iwf.hosted_urls", "2045", 82605) not in got
    english = """<html lang="en"><head><title>Dutch share</title>
<meta property="article:published_time" content="2047-04-25T11:02:00+01:00"></head><body><main>
<p>The charity's figures show that a third of the reports it actioned in 2046 – 91,572 – were traced to servers in the Netherlands.</p>
<p>Last year, we traced 37% of the URLs we confirmed to servers in Germany. In raw numbers that was 20,972 URLs.</p>
</main></body></html>"""
    got = _waiting(english, 2047, PRESS)
    assert ("iwf.hosted_urls", "2046", 91572) in got, got
    assert not any(value == 20972 for _, _, value in got), got  # (Germany's: "raw numbers" carries the country before)


def test_iwfs_own_rounded_words_and_a_look_back_wait():
    """IWF's own voice: a rounded count ("almost 28,000 URLs", "some 117,544") and a share in words
    ("more than a third") are rounded statements of figures IWF publishes exactly: they wait (they
    loaded as approx and lower_bound); a sentence opening with a look back ("Three years earlier
    the picture was very different: in 2042, 77% of what we found was on Dutch servers") waits
    although it names its year (it loaded as 2042's). The plain statement beside them loads."""
    page = """<html lang="en"><head><title>Looking back | IWF</title>
<meta property="article:published_time" content="2045-09-12T09:00:00+01:00"></head><body><main>
<p>In 2044, 32% of the child sexual abuse URLs we confirmed were hosted in the Netherlands.</p>
<p>In 2043, more than a third of everything we found was hosted in one country, the Netherlands: almost 28,000 URLs.</p>
<p>Three years earlier the picture was very different: in 2042, 77% of what we found was on Dutch servers, some 117,544 URLs.</p>
</main></body></html>"""
    parsed = iwf.parse(page.encode(), 2045, "page.html", OWN)
    loaded = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples()}
    assert loaded == {("iwf.hosted_urls_share", "2044", 32)}, loaded
    waiting = set(_cands(parsed))
    for expected in [
        ("iwf.hosted_urls", "2043", 28000),
        ("iwf.hosted_urls_share", "2043", 33),
        ("iwf.hosted_urls_share", "2042", 77),
        ("iwf.hosted_urls", "2042", 117544),
    ]:
        assert expected in waiting, (expected, waiting)


def test_counts_herleid_tot_a_server_in_the_netherlands():
    """Dutch says "herleid tot" as well as "herleid naar": "Daarvan werden er 61.204 herleid tot een
    server in Nederland", "waren er 58.100 te herleiden tot een Nederlandse server" count the
    Netherlands' URLs (proposed, in another voice) as "naar" does."""
    for said in (
        "De IWF bevestigde vorig jaar 190.311 webpagina's met zulk materiaal. Daarvan werden er 61.204 herleid tot een "
        "server in Nederland.",
        "Van de 190.311 webadressen die de IWF vorig jaar bevestigde, waren er 61.204 te herleiden tot een Nederlandse "
        "server: 32 procent.",
        # (the whole a sentence starts from is no count of the Netherlands in IWF's "meldingen" either)
        "Van de 190.311 meldingen van beeldmateriaal die de IWF vorig jaar bevestigde, werden er 61.204 herleid tot "
        "servers in Nederland: 32 procent.",
    ):
        html = (
            '<html lang="nl"><head><title>Nederland | FD</title></head><body><main><p>22 april 2038</p>'
            f"<p>{said}</p></main></body></html>"
        )
        got = _waiting(html, 2037, PRESS)
        assert ("iwf.hosted_urls", "2037", 61204) in got, (said, got)
        assert not any(v == 190311 for _, _, v in got), got  # the world's count is no proposal of the Netherlands'


def test_a_footnote_mark_in_brackets_after_the_full_stop_ends_the_sentence():
    """Written evidence as PDF text: "In 2040, we traced 61,200 URLs – 45% of all the URLs we
    confirmed – to servers in the Netherlands.[4] In 2039 the Dutch share was 52%, and in 2036,
    the first year ..., 30%.": "[4]" ends the first sentence, whose own clause loads; the look
    back (no "we", years of their own) waits. Read as one sentence, the 30% of 2036 loaded."""
    text = (
        "Written evidence submitted by the Internet Watch Foundation\n\n3.1 In 2040, we traced 61,200 URLs – 45% of all the "
        "child sexual abuse URLs we confirmed – to servers in the Netherlands.[4] In 2039 the Dutch share was 52%, and in "
        "2036, the first year in which the Netherlands hosted more of this material than any other country, 30%.\n"
    )
    parsed = iwf.parse(text.encode(), 2040, "evidence.txt", OWN)
    loaded = sorted((r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD")
    assert loaded == [("iwf.hosted_urls", "2040", 61200), ("iwf.hosted_urls_share", "2040", 45)]
    assert {("iwf.hosted_urls_share", "2039", 52), ("iwf.hosted_urls_share", "2036", 30)} <= set(_cands(parsed))


def test_a_count_by_reference_that_names_the_country_itself():
    """ "Van alle webpagina's ... stond 37 procent op een server in Nederland. Een jaar eerder telde
    de organisatie er in Nederland nog 12.703.": "er" counts the webpages of the sentence before,
    and the sentence names the Netherlands itself (it was read only when carried over)."""
    html = (
        '<html lang="nl"><head><title>Nederland | Trouw</title></head><body><main><p>3 april 2037</p>'
        "<p>Van alle webpagina's met zulke beelden die de IWF vorig jaar vond, stond 37 procent op een server in "
        "Nederland. Een jaar eerder telde de organisatie er in Nederland nog 12.703.</p></main></body></html>"
    )
    got = _waiting(html, 2036, PRESS)
    assert ("iwf.hosted_urls_share", "2036", 37) in got and ("iwf.hosted_urls", "2035", 12703) in got, got


def test_a_notes_number_of_three_digits_glued_to_the_full_stop_ends_the_sentence():
    """A long report's PDF text: "... werd 71 procent in Nederland gehost: 93.962 webpagina's.212 In
    2036 was dat nog 37 procent.213 Ook het ...": each note's number closes its sentence, so the
    37% keeps its own year (2036) and is proposed as such (read as one sentence with the next, it
    was not proposed at all)."""
    text = (
        "Kinderrechtenmonitor 2040\n\nVan alle webpagina's met dergelijk materiaal die de Britse Internet Watch Foundation "
        "(IWF) in 2039 bevestigde, werd 71 procent in Nederland gehost: 93.962 webpagina's.212 In 2036 was dat nog 37 "
        "procent.213 Ook het meldpunt ontving in 2039 meer meldingen.214\n"
    )
    context = ParseContext(url="https://www.kinderombudsman.nl/monitor-2040.pdf", own_hosts=("iwf.org.uk",))
    got = _waiting(text, 2039, context)
    assert ("iwf.hosted_urls_share", "2039", 71) in got and ("iwf.hosted_urls_share", "2036", 37) in got, got


def test_a_split_table_on_iwfs_own_report_page_read_as_cells():
    """IWF's report page whose top ten is split over two tables (places 1-5, 6-10), so the table
    reader leaves it to the cells read as text: "84,512 Netherlands (URLs)" is a key figure of the
    report's own year and loads (as a list item's does); "29% Netherlands (% last year)" is the
    column of the year before the report's, proposed so (it was counted from the page's date,
    which gave the report's own year), and the world's other rows are no figure of the Netherlands."""
    rows = "".join(
        f"<tr><td>{rank}</td><td>{country}</td><td>{urls}</td><td>{share}%</td><td>{last}%</td></tr>"
        for rank, country, urls, share, last in (
            (1, "Netherlands", "61,204", 30, 27),
            (2, "United States", "31,904", 16, 15),
            (3, "Bulgaria", "21,781", 11, 12),
        )
    )
    head = "<thead><tr><th>Rank</th><th>Host country</th><th>URLs</th><th>% of total</th><th>% last year</th></tr></thead>"
    html = (
        "<html lang='en'><head><title>Top ten hosting countries - IWF Annual Data &amp; Insights Report 2040</title>"
        "</head><body><main><h1>Top ten hosting countries</h1><p class='meta'>Published: Tue 24 Apr 2041</p>"
        "<p>We trace every confirmed webpage to the country of the server it sits on. In 2040 we took action on 204,011 "
        "URLs.</p><h2>Places 1-3</h2>"
        f"<table>{head}<tbody>{rows}</tbody></table><h2>Places 4-5</h2><table>{head}<tbody>"
        "<tr><td>4</td><td>Romania</td><td>12,460</td><td>6%</td><td>9%</td></tr>"
        "<tr><td>5</td><td>Hong Kong</td><td>10,118</td><td>5%</td><td>6%</td></tr></tbody></table></main></body></html>"
    )
    context = ParseContext(
        url="https://www.iwf.org.uk/annual-data-insights-report-2040/top-ten-hosting-countries/", own_hosts=("iwf.org.uk",)
    )
    try:
        parsed = iwf.parse(html.encode(), 2040, "page.html", context)
        loaded = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD"}
        candidates = _cands(parsed)
    except ParseError as exc:
        loaded, candidates = set(), _cands(exc)
    assert ("iwf.hosted_urls", "2040", 61204) in loaded, (loaded, candidates)
    assert ("iwf.hosted_urls_share", "2039", 27) in candidates and ("iwf.hosted_urls_share", "2040", 27) not in candidates


def test_rounded_counts_between_dashes_a_year_set_off_after_a_count_and_almost_at_or_under():
    """ "41% of the webpages it found in 2040 — some 61,200 — were traced to servers in the
    Netherlands" (a rounded count between dashes is the share's), "That compares with 52%, or
    around 70,100 webpages, in 2039, according to ..." (the year set off after the count is its),
    "... waarvan er 58.100 naar Nederland werden herleid" and a loose "Bijna 3 op de 10" that
    restates 29% of 2040 (at or under thirty), not 33% of 2039."""
    en = (
        '<html lang="en"><head><title>Dutch servers | DW</title></head><body><main><p>26 April 2041</p>'
        "<p>A British charity said on Tuesday that 41% of the webpages it found in 2040 — some 61,200 — were traced to "
        "servers in the Netherlands. That compares with 52%, or around 70,100 webpages, in 2039, according to the "
        "annual report of the Internet Watch Foundation (IWF).</p></main></body></html>"
    )
    got = _waiting(en, 2040, PRESS)
    assert ("iwf.hosted_urls", "2040", 61200) in got and ("iwf.hosted_urls", "2039", 70100) in got, got
    nl = (
        '<html lang="nl"><head><title>IWF | LinkedIn</title></head><body><main><p>24 april 2041</p>'
        "<p>De IWF bevestigde in 2040 201.000 url's met misbruikmateriaal, waarvan er 58.100 naar Nederland werden "
        "herleid. Dat is 29%. In 2039 was het nog 33%. Bijna 3 op de 10 is nog steeds veel te veel.</p></main></body></html>"
    )
    got = _waiting(nl, 2040, PRESS)
    assert ("iwf.hosted_urls", "2040", 58100) in got and ("iwf.hosted_urls_share", "2040", 30) in got, got
    assert ("iwf.hosted_urls_share", "2039", 30) not in got


def test_an_organisation_said_to_be_dutch_does_not_name_the_netherlands_as_a_host():
    """IWF's own bullet "91% of URLs hosted in Europe had been removed (86% in 2039) – Europe is
    where our partner hotlines, among them the Dutch hotline Meldpunt Kinderporno, send notices":
    "the Dutch hotline" is an organisation, not the country hosting; 86% is Europe's (it loaded
    as the Netherlands' share of 2039)."""
    html = (
        "<html lang='en'><head><title>Annual report 2040 launched | IWF</title></head><body><main><p>Published: 14 April 2041</p>"
        "<ul><li>91% of URLs hosted in Europe had been removed (86% in 2039) – Europe is where our partner hotlines, among "
        "them the Dutch hotline Meldpunt Kinderporno, send notices to hosting companies within their own countries;</li>"
        "</ul></main></body></html>"
    )
    got = _waiting(html, 2040, OWN)
    assert not any(v in (86, 91) for _, _, v in got), got
    try:
        loaded = list(iwf.parse(html.encode(), 2040, "page.html", OWN).observations.itertuples())
    except ParseError:
        loaded = []
    assert loaded == []


def test_counts_whose_trail_led_to_the_netherlands_or_whose_material_stood_there():
    """ "Van 93.962 daarvan leidde het spoor naar een server in Nederland", "Bij 33.788 daarvan
    stond het materiaal in Nederland": the Netherlands' counts (proposed, in the press)."""
    for said in (
        "De IWF vond vorig jaar in totaal 132.676 webpagina's met zulk materiaal. Van 93.962 daarvan leidde het spoor naar "
        "een server in Nederland.",
        "De IWF ondernam vorig jaar actie tegen 310.437 meldingen van webpagina's. Bij 93.962 daarvan stond het materiaal "
        "in Nederland, 30 procent.",
    ):
        html = (
            '<html lang="nl"><head><title>Nederland | de Volkskrant</title></head><body><main><p>27 april 2038</p>'
            f"<p>{said}</p></main></body></html>"
        )
        assert ("iwf.hosted_urls", "2037", 93962) in _waiting(html, 2037, PRESS), said


def test_a_last_clause_without_a_figure_closes_the_one_before_it():
    """ "... had traced 61,204 of the 204,011 URLs it found in 2040 to Dutch servers – 30 per cent –
    down from 70,100, or 34 per cent, a year earlier.": "a year earlier" at the end has no figure
    of its own; it says the year of the base before it (2039; the base took the sentence's 2040)."""
    html = (
        '<html lang="en"><head><title>Dutch servers | Euronews</title></head><body><main><p>23/04/2041</p>'
        "<p>The Internet Watch Foundation (IWF) said on Thursday it had traced 61,204 of the 204,011 URLs it found in "
        "2040 to Dutch servers – 30 per cent – down from 70,100, or 34 per cent, a year earlier.</p></main></body></html>"
    )
    got = _waiting(html, 2040, PRESS)
    assert ("iwf.hosted_urls", "2039", 70100) in got and ("iwf.hosted_urls_share", "2039", 34) in got, got
    assert ("iwf.hosted_urls", "2040", 61204) in got


def test_a_count_whose_own_part_names_another_country_and_a_base_with_its_share_in_brackets():
    """ "in 2040 we traced 24,881 URLs to servers in the United States and 12,703 URLs to servers in
    the Netherlands" (each count is the country its own part names: the US's loaded as the
    Netherlands'), and "41% of the total, down from 117,544 (77%) in 2039" (the base's share in
    brackets is a base too, and waits: it loaded)."""
    html = (
        "<html lang='en'><head><title>Annual report 2040 | IWF</title></head><body><main><p>Published: 21 April 2041</p>"
        "<ul><li>Hosting by country: in 2040 we traced 24,881 URLs to servers in the United States and 12,703 URLs to "
        "servers in the Netherlands.</li><li>We traced 12,703 URLs to servers in the Netherlands in 2040 – 41% of the "
        "total, down from 117,544 (77%) in 2039.</li></ul></main></body></html>"
    )
    parsed = iwf.parse(html.encode(), 2040, "page.html", OWN)
    loaded = sorted((r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD")
    assert loaded == [("iwf.hosted_urls", "2040", 12703), ("iwf.hosted_urls_share", "2040", 41)]
    assert ("iwf.hosted_urls_share", "2039", 77) in _cands(parsed)


def test_research_texts_a_count_of_a_total_the_month_a_report_came_out_and_a_year_its_own_words_end_on():
    """Another voice's research prose: "27,970 of a total of 78,589 URLs" (the first counts; the
    second is the whole, it was proposed as the count), "In May, the IWF reported that of the
    104,321 URLs it confirmed in 2038, 47,123 – 45% – were traced ..." (the month the report came
    out, not a part of a year: the figures had no period) and "traced 12,345 URLs to servers in
    the Netherlands in 2035 (IWF, 2036) and 21,234 in 2036" (the year its own words end on, before
    the next figure: it took the registered year's)."""
    page = (
        "<html lang='en'><head><title>Hosting and harm</title></head><body><main>"
        "<p>The Netherlands alone accounted for 34% of all URLs confirmed by the IWF in 2037, 26,543 of a total of 78,066 URLs.</p>"
        "<p>In May, the IWF reported that of the 104,321 URLs it confirmed in 2038, 47,123 – 45% – were traced to servers in "
        "the Netherlands, up from 34% in 2037.</p>"
        "<p>The Internet Watch Foundation traced 12,345 URLs to servers in the Netherlands in 2035 (IWF, 2036) and 21,234 in "
        "2036, 35% of the 60,012 it confirmed.</p></main></body></html>"
    )
    got = _waiting(page, 2039, PRESS)
    assert ("iwf.hosted_urls", "2037", 26543) in got and not any(v == 78066 for _, _, v in got), got
    assert {("iwf.hosted_urls", "2038", 47123), ("iwf.hosted_urls_share", "2038", 45)} <= set(got), got
    assert {("iwf.hosted_urls", "2035", 12345), ("iwf.hosted_urls", "2036", 21234)} <= set(got), got


def test_a_chart_alternative_with_all_other_countries_had_been_and_a_base_after_rose_again():
    """IWF's own report page: a chart's text alternative "the Netherlands 71%, the United States 6%,
    all other countries 23%" (the other countries' 23% was the Netherlands' too: the page was
    refused as stating two shares), "rose again, from 64% in 2041" (a comparison's base: it
    loaded) and "The year before it had been 52%." (the share of the sentence before, another
    year: it was not read)."""
    page = (
        "<html lang='en'><head><title>Global hosting | IWF Annual Report 2042</title></head><body><main>"
        "<h1>Global hosting</h1><figure><img src='x.svg' alt='Bar chart showing the share of the child sexual abuse URLs "
        "we confirmed in 2042 by hosting country: the Netherlands 71%, the United States 6%, all other countries 23%.'>"
        "</figure><p>The Dutch share of the URLs we confirm rose again, from 64% in 2041.</p>"
        "<p>In 2042 we traced 90,001 URLs to servers in the Netherlands – 71% of all the URLs we confirmed. "
        "The year before it had been 64%.</p></main></body></html>"
    )
    parsed = iwf.parse(page.encode(), 2042, "page.html", OWN)
    got = sorted((r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD")
    assert got == [("iwf.hosted_urls", "2042", 90001), ("iwf.hosted_urls_share", "2042", 71)], got
    assert ("iwf.hosted_urls_share", "2041", 64) in _cands(parsed)
    blog = (
        "<html lang='en'><head><title>Blog | IWF</title></head><body><main><p>Published 15 July 2043</p>"
        "<p>In 2042 we traced 90,001 URLs to servers in the Netherlands – 71% of all the URLs we confirmed. "
        "The year before it had been 52%.</p></main></body></html>"
    )
    assert ("iwf.hosted_urls_share", "2041", 52) in _waiting(blog, 2042)


def test_dutch_press_an_elliptic_year_a_part_of_last_years_whole_and_precies_with_a_colon():
    """Dutch press on IWF's report: "En in 2036 nog 37 procent." (an elliptic sentence: it was not
    read), "De organisatie bevestigde vorig jaar in totaal 252.222 url's. Daarvan werden er 102.222
    herleid tot Nederlandse servers." (a part of last year's whole: it took the year of a sentence
    further back), "Precies: 32 procent, ruim 82.000 pagina's." (it was not read)."""
    page = (
        "<html lang='nl'><head><title>IWF-rapport</title><meta property='article:published_time' content='2042-04-26'>"
        "</head><body><main><p>In 2040 stond nog 77 procent van het materiaal in Nederland. Het jaar ervoor was dat 71 "
        "procent. En in 2036 nog 37 procent.</p><p>De organisatie bevestigde vorig jaar in totaal 252.222 url's. Daarvan "
        "werden er 102.222 herleid tot Nederlandse servers.</p><p>Bijna een derde van alle webpagina's die de IWF vorig "
        "jaar vond, stond op een Nederlandse server. Precies: 32 procent, ruim 82.000 pagina's.</p></main></body></html>"
    )
    got = set(_waiting(page, 2042, PRESS))
    assert ("iwf.hosted_urls_share", "2036", 37) in got, got
    assert ("iwf.hosted_urls", "2041", 102222) in got, got
    assert {("iwf.hosted_urls_share", "2041", 32), ("iwf.hosted_urls", "2041", 82000)} <= got, got


def test_iwfs_own_tiles_label_first_and_the_year_before_we_traced():
    """IWF's own key-statistics page: a tile whose label comes first ("Netherlands" over "33,333
    URLs", "11% of the total", "29% last year"; it was read as loose lines, the count under no
    year) and "The year before, we traced 82,222." (a count traced, without noun or country: it
    was not read)."""
    page = (
        "<html lang='en'><head><title>Key statistics - IWF Annual Data &amp; Insights Report 2045</title></head><body><main>"
        "<h2>Where the URLs we actioned in 2045 were hosted</h2><section>"
        "<div class='tile'><p>Bulgaria</p><p>87,777 URLs</p><p>28% of the total</p><p>9% last year</p></div>"
        "<div class='tile'><p>Netherlands</p><p>33,333 URLs</p><p>11% of the total</p><p>29% last year</p></div>"
        "</section><h2>The Netherlands</h2><p>In 2045 we traced 33,333 URLs to servers in the Netherlands.</p>"
        "<p>The year before, we traced 82,222.</p></main></body></html>"
    )
    parsed = iwf.parse(page.encode(), 2045, "page.html", OWN)
    loaded = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD"}
    assert ("iwf.hosted_urls", "2045", 33333) in loaded and not any(v in (87777, 28, 9) for _, _, v in loaded), loaded
    got = set(_cands(parsed)) | loaded
    assert {("iwf.hosted_urls_share", "2044", 29), ("iwf.hosted_urls", "2044", 82222)} <= got, got


def test_institutional_texts_counts_traced_of_them_a_share_of_a_year_and_a_questions_date():
    """Institutional other voices: "confirmed 78,111 URLs ... and traced 27,111 of them to servers
    in the Netherlands" and "117,111 of them, more than three quarters, were traced to servers in
    the Netherlands" (neither count was read), "slightly more than the 32% of 2042" (it took the
    year before's), and written questions whose "vorig jaar" counts from the date they were
    submitted, "(ingezonden 4 april 2044)" (no date was found: no period)."""
    report = (
        "<html lang='en'><head><title>Annual report</title></head><body><main>"
        "<p>The IWF confirmed 78,111 URLs as containing child sexual abuse imagery in 2041, and traced 27,111 of them to "
        "servers in the Netherlands.</p><p>The IWF confirmed 153,111 webpages in 2040; 117,111 of them, more than three "
        "quarters, were traced to servers in the Netherlands.</p><p>In its report the IWF said that a third of the reports "
        "it actioned in 2043 (91,111 of 275,111, or 33%) concerned material hosted in the Netherlands, slightly more than "
        "the 32% of 2042.</p></main></body></html>"
    )
    got = set(_waiting(report, 2044, PRESS))
    assert {("iwf.hosted_urls", "2041", 27111), ("iwf.hosted_urls", "2040", 117111)} <= got, got
    assert ("iwf.hosted_urls_share", "2042", 32) in got, got
    questions = (
        "Tweede Kamer der Staten-Generaal\n\nVragen van het lid Jansen aan de Minister van Justitie en Veiligheid "
        "(ingezonden 4 april 2044).\n\nVraag 1\nKlopt het dat vorig jaar 37 procent van alle door de Britse Internet Watch "
        "Foundation (IWF) gevonden webpagina's op Nederlandse servers stond?\n"
    )
    context = ParseContext(url="https://zoek.officielebekendmakingen.nl/ah-tk-20432044-1745.pdf", own_hosts=("iwf.org.uk",))
    with pytest.raises(ParseError) as exc:
        iwf.parse(questions.encode(), 2044, "questions.txt", context)
    assert ("iwf.hosted_urls_share", "2043", 37) in _cands(exc.value)


def test_subtitles_with_cue_markup_a_video_pages_views_line_and_an_undated_post():
    """Short formats: a WebVTT file whose cues carry markup ("<c.yellow>37 procent daarvan</c>":
    the whole broadcast was one sentence) and whose NOTE gives the broadcast's date; a video page's
    "14,208 views  23 Apr 2045" (no date was found); an undated post's "Last year" (no period: it is
    counted from the year another voice is registered under, its publication's)."""
    vtt = (
        "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\n\nNOTE NOS Journaal 20.00 uur, maandag 3 april 2045 "
        "(POW_0341). Ondertiteling via teletekst pagina 888.\n\n121\n00:09:41.360 --> 00:09:44.200\n<c.yellow>Ruim een "
        "derde van alle webpagina's met zulke beelden\n\n122\n00:09:44.320 --> 00:09:47.680\ndie de organisatie vorig jaar "
        "vond,\nstond op een Nederlandse server.</c>\n\n123\n00:09:47.800 --> 00:09:51.040\n<c.yellow>37 procent daarvan\n"
        "stond in Nederland: 20.972 pagina's.</c>\n"
    )
    context = ParseContext(url="https://nos.nl/ondertiteling/2045-04-03.vtt", own_hosts=("iwf.org.uk",))
    with pytest.raises(ParseError) as exc:
        iwf.parse(vtt.encode(), 2045, "journaal.txt", context)
    assert {("iwf.hosted_urls_share", "2044", 37), ("iwf.hosted_urls", "2044", 20972)} <= set(_cands(exc.value))
    video = (
        "Dutch share falls | DW News\n\nDW News\nSubscribe\n\n14,208 views  23 Apr 2045\nThe Netherlands is still the "
        "biggest host.\n\nTranscript\n\n0:12 It traced 83,037 reports to servers in the Netherlands last year.\n"
    )
    context = ParseContext(url="https://www.youtube.com/watch?v=x", own_hosts=("iwf.org.uk",))
    with pytest.raises(ParseError) as exc:
        iwf.parse(video.encode(), 2046, "video.txt", context)  # (registered otherwise: the page's own date counts)
    assert ("iwf.hosted_urls", "2044", 83037) in _cands(exc.value)
    post = (
        "<html><body><main><p class='tweet-text'>Last year the Internet Watch Foundation traced 12,703 webpages showing "
        "child sexual abuse to servers in the Netherlands. 2/5</p></main></body></html>"
    )
    assert ("iwf.hosted_urls", "2044", 12703) in _waiting(post, 2045, PRESS)


def test_own_key_figures_a_base_after_down_to_a_bracketed_year_and_just_a_year_earlier():
    """IWF's own pages: "down to 32% from 41% in 2041" (the base loaded as 2041's share: a wrong
    load at first reading), "Netherlands: 93,962 URLs – 71% of all the URLs we confirmed (47% in
    2041)" (the bracket's year was read as every figure's: the page was refused as stating two
    shares of 2041) and another voice's "Just a year earlier, it accounted for nearly three in ten
    reports (29%)" (not read)."""
    page = (
        "<html lang='en'><head><title>Where is it hosted? | IWF Annual Report 2042</title></head><body><main>"
        "<p>In 2042 we continued to see a decrease in the proportion of URLs being hosted in the Netherlands, down to 32% "
        "from 41% in 2041. We traced 82,605 reports to servers in the Netherlands in 2042.</p></main></body></html>"
    )
    parsed = iwf.parse(page.encode(), 2042, "page.html", OWN)
    loaded = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD"}
    assert ("iwf.hosted_urls_share", "2041", 41) not in loaded and ("iwf.hosted_urls_share", "2041", 41) in _cands(parsed)
    tile = (
        "<html lang='en'><head><title>Key statistics | IWF Annual Report 2042</title></head><body><main>"
        "<ul><li>Netherlands: 93,962 URLs – 71% of all the URLs we confirmed (47% in 2041)</li></ul></main></body></html>"
    )
    got = set(_waiting(tile, 2042))
    assert ("iwf.hosted_urls_share", "2041", 47) in got and ("iwf.hosted_urls_share", "2041", 71) not in got, got
    press = (
        "<html lang='en'><head><title>NSPCC</title><meta property='article:published_time' content='2043-04-23'></head>"
        "<body><main><p>The Netherlands hosted 33,788 reports in 2042 – 11%. Just a year earlier, it accounted for nearly "
        "three in ten reports (29%).</p></main></body></html>"
    )
    assert ("iwf.hosted_urls_share", "2041", 29) in set(_waiting(press, 2043, PRESS))


def test_a_charts_data_as_text_under_its_caption_and_a_total_that_rose_by_a_percentage():
    """A chart's data as text ("Chart 9: The Netherlands' share ...", "Chart 9 as text", then
    "2036: 37%" items; or "2036: 37 procent." sentences after one naming the Netherlands' share):
    each year's share, proposed (the items were not read; "Chart 9 as text" ended the
    Netherlands' subject); "The total number of URLs we confirmed rose by 64% in 2041, ... on Dutch
    servers" is a change, no share (it was read as the Netherlands' share: the page was refused)."""
    page = (
        "<html lang='en'><head><title>The Netherlands since 2036 | IWF Annual Report 2041</title></head><body><main>"
        "<p>In 2041 we traced 102,676 URLs to servers in the Netherlands: 41% of the 252,194 URLs we confirmed.</p>"
        "<figure><figcaption>Chart 9: The Netherlands' share of the URLs we confirmed each year, 2036-2041</figcaption>"
        "</figure><p><strong>Chart 9 as text</strong></p><ul><li>2036: 37%</li><li>2037: 36%</li></ul>"
        "<p>The total number of URLs we confirmed rose by 64% in 2041, so a smaller share still means a great deal of "
        "material on Dutch servers.</p></main></body></html>"
    )
    parsed = iwf.parse(page.encode(), 2041, "page.html", OWN)
    loaded = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples() if r.country_iso3 == "NLD"}
    assert loaded == {("iwf.hosted_urls", "2041", 102676), ("iwf.hosted_urls_share", "2041", 41)}, loaded
    assert {("iwf.hosted_urls_share", "2036", 37), ("iwf.hosted_urls_share", "2037", 36)} <= set(_cands(parsed)) | loaded
    press = (
        "<html lang='nl'><head><title>NU.nl</title></head><body><main><p>Staafdiagram met per jaar het aandeel van Nederland "
        "in alle webpagina's die de Internet Watch Foundation vond. 2036: 37 procent. 2037: 36 procent.</p></main></body></html>"
    )
    assert {("iwf.hosted_urls_share", "2036", 37), ("iwf.hosted_urls_share", "2037", 36)} <= set(_waiting(press, 2041, PRESS))


def test_dutch_others_herleidbaar_wezen_naar_a_share_van_a_year_and_an_answers_yes():
    """Dutch other voices: "117.111 daarvan waren herleidbaar tot Nederland", "91.111 daarvan
    wezen naar servers in Nederland" (neither was read), "ver onder de 77 procent van 2040" (no
    year); and an answer on IWF's own Q&A page: "Yes, and a steep one: down from 83,111 reports
    (29%) in 2044." (not read)."""
    page = (
        "<html lang='nl'><head><title>Nieuws</title><meta property='article:published_time' content='2046-05-14'></head>"
        "<body><main><p>In 2040 bevestigde de IWF 153.111 van zulke webpagina's. 117.111 daarvan waren herleidbaar tot "
        "Nederland.</p><p>In 2045 handelde de IWF 275.111 meldingen af; 91.111 daarvan wezen naar servers in Nederland, "
        "33 procent. Dat is iets meer dan in 2044, maar ver onder de 77 procent van 2040.</p></main></body></html>"
    )
    got = set(_waiting(page, 2046, PRESS))
    assert {("iwf.hosted_urls", "2040", 117111), ("iwf.hosted_urls", "2045", 91111)} <= got, got
    assert ("iwf.hosted_urls_share", "2040", 77) in got, got
    qa = (
        "<html lang='en'><head><title>Questions and answers | IWF</title><meta property='article:published_time' "
        "content='2046-04-23'></head><body><main><h2>Has the Netherlands' share fallen?</h2><p>In 2045 we traced 33,111 "
        "reports to servers in the Netherlands.</p><p>Yes, and a steep one: down from 83,111 reports (29%) in 2044.</p>"
        "</main></body></html>"
    )
    got = set(_waiting(qa, 2045))
    assert {("iwf.hosted_urls", "2044", 83111), ("iwf.hosted_urls_share", "2044", 29)} <= got, got


def test_traced_n_to_servers_followed_by_the_netherlands_with_and_last_years_webpages():
    """Counts without their noun right after them: IWF's own "we traced 91,111 to servers in the
    Netherlands" and the press's "followed by the Netherlands with 12,111" (neither was read), and
    "more than 12,000 of last year's child abuse webpages" (not read)."""
    own = (
        "<html lang='en'><head><title>Hosting | IWF Annual Report 2043</title></head><body><main><p>Of the 275,111 "
        "reports we actioned in 2043, we traced 91,111 to servers in the Netherlands, up from 82,111 in 2042.</p>"
        "</main></body></html>"
    )
    assert ("iwf.hosted_urls", "2043", 91111) in set(_waiting(own, 2043))
    press = (
        "<html lang='en'><head><title>Metro</title><meta property='article:published_time' content='2044-04-19'></head>"
        "<body><main><p>A watchdog traced more than 12,000 of last year's child abuse webpages to servers in the "
        "Netherlands.</p><p>The United States hosted the most webpages last year, 24,111, followed by the Netherlands "
        "with 12,111.</p></main></body></html>"
    )
    got = set(_waiting(press, 2044, PRESS))
    assert {("iwf.hosted_urls", "2043", 12000), ("iwf.hosted_urls", "2043", 12111)} <= got, got
    assert not any(v == 24111 for _, _, v in got), got


def test_a_threads_post_counters_and_short_dated_times_keep_its_subject():
    """A thread of posts: "... 11 procent van het totaal van 310.437. 2/6" and "23 apr. 2046 om
    10:15" between posts ended the Netherlands' subject (the counter's digits; "apr." split the
    date from its year), so "Een jaar eerder was het nog 29 procent: 83.037 meldingen." was not
    read."""
    page = (
        "<html lang='nl'><head><title>Draadje</title><meta property='article:published_time' content='2046-04-23'></head>"
        "<body><main><div><p>Over 2045 herleidde de IWF 33.788 meldingen naar Nederlandse servers. Dat is 11 procent van "
        "het totaal van 310.437. 2/6</p><p>23 apr. 2046 om 10:14</p></div><div><p>Een jaar eerder was het nog 29 procent: "
        "83.037 meldingen. 3/6</p><p>23 apr. 2046 om 10:15</p></div></main></body></html>"
    )
    got = set(_waiting(page, 2046, PRESS))
    assert {("iwf.hosted_urls_share", "2044", 29), ("iwf.hosted_urls", "2044", 83037)} <= got, got


def test_two_years_before_that_in_a_year_it_was():
    """IWF's analyst blog: "Last year we traced 82,111 URLs to servers in the Netherlands – 32%.
    Two years before that, in 2040, it was 77%." (the look back was not read)."""
    page = (
        "<html lang='en'><head><title>Blog | IWF</title><meta property='article:published_time' content='2043-09-20'>"
        "</head><body><main><p>Last year we traced 82,111 URLs to servers in the Netherlands – 32% of all the URLs we "
        "confirmed. Two years before that, in 2040, it was 77%.</p></main></body></html>"
    )
    assert ("iwf.hosted_urls_share", "2040", 77) in set(_waiting(page, 2042))


def test_a_year_earlier_it_had_hosted_after_a_span_of_years():
    """ "The Netherlands, which had hosted the largest share every year from 2036 to 2044, fell to
    third place with 33,111 reports, or 11%. A year earlier it had hosted 83,111 (29%)." (the span's
    end was taken as the sentence's year, and "had hosted" was not read as taking up the count)."""
    page = (
        "<html lang='en'><head><title>SPICe</title><meta property='article:published_time' content='2046-05-12'></head>"
        "<body><main><p>The Netherlands, which had hosted the largest share every year from 2036 to 2044, fell to third "
        "place with 33,111 reports, or 11%. A year earlier it had hosted 83,111 (29%).</p></main></body></html>"
    )
    got = set(_waiting(page, 2046, PRESS))
    assert {("iwf.hosted_urls", "2044", 83111), ("iwf.hosted_urls_share", "2044", 29)} <= got, got


def test_a_percentage_named_before_its_number():
    """ "In 2039 lag dat percentage op 71." after the Netherlands' share of 2040 (a number without
    "procent" after it: not read)."""
    page = (
        "<html lang='nl'><head><title>Omroep</title><meta property='article:published_time' content='2041-04-27'></head>"
        "<body><main><p>117.544 daarvan werden gehost in Nederland, 77 procent van het totaal van 2040. In 2039 lag dat "
        "percentage op 71. In de Verenigde Staten ging het om 8.257 pagina's.</p></main></body></html>"
    )
    got = set(_waiting(page, 2041, PRESS))
    assert ("iwf.hosted_urls_share", "2039", 71) in got and not any(v == 8257 for _, _, v in got), got
