"""The Offlimits prose parser, on the real Dutch text of the monitor chapter's Offlimits
paragraphs (the chapter ships as reference document kib 2025 in the snapshot store; the
Offlimits news item itself is not available offline)."""

import pytest

from kr_pipeline.errors import ParseError
from kr_pipeline.publishers.offlimits import parser as offlimits
from kr_pipeline.reading.context import ParseContext
from kr_pipeline.registry import load_registry

from .conftest import CHAPTER as CHAPTER_FILE

CHAPTER = CHAPTER_FILE.read_text("utf-8")
OFFLIMITS_PARAGRAPHS = "\n\n".join(p for p in CHAPTER.split("\n\n") if "Offlimits" in p or "Meldpunt Kinderporno" in p)


# The texts below are Offlimits' own news items (or stand for them): published on its own host,
# as the registry names it. Press coverage is read with another address (see test_voice_*).
OWN_HOSTS = load_registry()["offlimits"].own_hosts
OWN = ParseContext(url="https://www.offlimits.nl/nieuws/jaarcijfers", own_hosts=OWN_HOSTS)
PRESS = ParseContext(url="https://nos.nl/artikel/123-minder-meldingen", own_hosts=OWN_HOSTS)


def parse(text, year=2024, file="news.html", context=OWN):
    return offlimits.parse(text.encode(), year, file, context)


def refused_candidates(text, year=2024, context=PRESS, file="news.html") -> list[dict]:
    """A text that loads nothing by itself (press, another voice, a refused page): its candidates for review."""
    with pytest.raises(ParseError) as exc:
        parse(text, year, file, context)
    return exc.value.candidates or []


def values(text, year=2024):
    df = parse(text, year).observations
    return {(r.indicator_id, r.year, r.breakdown): (r.value, r.qualifier) for r in df.itertuples()}


def test_figures_from_the_real_text():
    assert values(OFFLIMITS_PARAGRAPHS) == {
        ("offlimits.reports", 2024, "total"): (127081, "exact"),  # "127.081" is 127081, not 127.081
        ("offlimits.reports", 2023, "total"): (255563, "exact"),
        ("offlimits.reports", 2024, "from_netherlands"): (72691, "exact"),
        ("offlimits.urls_analysed", 2024, "total"): (603062, "exact"),
        ("offlimits.urls_analysed_change", 2024, "total"): (12.5, "exact"),
        ("offlimits.urls_illegal", 2024, "total"): (230759, "exact"),
        ("offlimits.self_generated_share", 2024, "total"): (33, "approx"),
    }
    # Two paragraphs state no year of their own ("Van 1.344 afbeeldingen ...", "in meer dan 75%
    # van de gevallen ..."): the only year the text states (2024) is proposed, not loaded
    # (a reader of an unseen text, offlimits-6/15, would not take a paragraph's period from elsewhere).
    waiting = {c["indicator_id"]: (c["value"], c["qualifier"], c["period"]) for c in parse(OFFLIMITS_PARAGRAPHS).candidates}
    assert waiting["offlimits.ai_images"] == (1344, "exact", "2024")
    assert waiting["offlimits.removal_within_24h_share"] == (75, "lower_bound", "2024")


def test_each_figure_keeps_its_sentence():
    df = parse(OFFLIMITS_PARAGRAPHS).observations
    row = df[df.indicator_id == "offlimits.urls_illegal"].iloc[0]
    assert row.quote == "230.759 URL's bevatten illegaal materiaal."
    assert row.location.startswith("sentence ")
    assert (df.country_iso3 == "NLD").all()


def test_the_whole_chapter_yields_only_offlimits_figures():
    # The police sentence ("registreerde de politie ... 11 meldingen") is not an Offlimits figure.
    # Read whole, the chapter is about many years: the two sentences that state no year of their
    # own ("Van 1.344 afbeeldingen ...", "in meer dan 75% van de gevallen ...") no longer take
    # one from the document; they wait in review with the measure proposed.
    whole = parse(CHAPTER)
    loaded = {(r.indicator_id, r.year, r.breakdown): (r.value, r.qualifier) for r in whole.observations.itertuples()}
    assert loaded == values(OFFLIMITS_PARAGRAPHS)
    waiting = {c["indicator_id"]: (c["value"], c["period"]) for c in whole.candidates if c["indicator_id"]}
    # proposed with the year the text was last about (a proposal: nothing loads from it)
    assert waiting["offlimits.ai_images"] == (1344, "2024")
    assert waiting["offlimits.removal_within_24h_share"][0] == 75


@pytest.mark.parametrize(
    "word, qualifier",
    [("ruim", "approx"), ("circa", "approx"), ("bijna", "approx"), ("zo'n", "approx"), ("meer dan", "lower_bound")],
)
def test_rounding_words_set_the_qualifier(word, qualifier):
    text = OFFLIMITS_PARAGRAPHS.replace("Offlimits 127.081 meldingen", f"Offlimits {word} 127.081 meldingen")
    assert values(text)[("offlimits.reports", 2024, "total")] == (127081, qualifier)


def test_reports_and_urls_never_mix():
    text = OFFLIMITS_PARAGRAPHS.replace("230.759 URL’s bevatten", "230.759 meldingen bevatten")
    assert ("offlimits.urls_illegal", 2024, "total") not in values(text)


def test_contradiction_is_refused():
    text = OFFLIMITS_PARAGRAPHS + "\n\nIn 2024 verwerkte het Meldpunt Kinderporno 128.000 meldingen."
    with pytest.raises(ParseError, match="stated twice with different values: 127081"):
        values(text)


def test_text_without_figures_is_refused():
    with pytest.raises(ParseError, match="no Offlimits figures recognised"):
        values("<html><body><p>Pagina niet gevonden.</p></body></html>")


# ---- texts this project had not seen: each figure with its own period, or not loaded ----


def test_figures_of_the_year_and_the_comparison_year_are_told_apart():
    text = (
        "Het Meldpunt Kinderporno van Offlimits heeft in 2021 in totaal 413.262 meldingen ontvangen. "
        "Van die meldingen kwamen er 236.743 uit Nederland. "
        "Ter vergelijking: in 2020 ontving het meldpunt 307.021 meldingen."
    )
    assert values(text, 2021) == {
        ("offlimits.reports", 2021, "total"): (413262, "exact"),
        ("offlimits.reports", 2021, "from_netherlands"): (236743, "exact"),
        ("offlimits.reports", 2020, "total"): (307021, "exact"),
    }


@pytest.mark.parametrize(
    "comparison, earlier",
    [
        ("tegenover 255.563 een jaar eerder", 2023),
        ("tegenover 255.563 het jaar daarvoor", 2023),
        ("tegenover 255.563 in 2023", 2023),
    ],
)
def test_comparisons_name_the_earlier_year(comparison, earlier):
    got = values(f"In 2024 ontving het Meldpunt 127.081 meldingen, {comparison}.", 2024)
    assert got == {
        ("offlimits.reports", 2024, "total"): (127081, "exact"),
        ("offlimits.reports", earlier, "total"): (255563, "exact"),
    }


def test_from_one_year_to_the_next():
    got = values("Het aantal meldingen bij het Meldpunt daalde van 255.563 in 2023 naar 127.081 in 2024.", 2024)
    assert got == {
        ("offlimits.reports", 2023, "total"): (255563, "exact"),
        ("offlimits.reports", 2024, "total"): (127081, "exact"),
    }


def test_number_before_the_verb_and_rounding_words():
    got = values("127.081 meldingen verwerkte het Meldpunt in 2024. Ruim 230.000 URL's bevatten illegaal materiaal.", 2024)
    assert got == {
        ("offlimits.reports", 2024, "total"): (127081, "exact"),
        ("offlimits.urls_illegal", 2024, "total"): (230000, "approx"),
    }


def test_the_body_exact_figure_wins_over_the_rounded_title():
    page = (
        "<html><head><title>Meldpunt Kinderporno kreeg ruim 400.000 meldingen in 2021</title></head><body><article>"
        "<h1>Jaarcijfers 2021</h1><p>Het Meldpunt heeft in 2021 in totaal 413.262 meldingen ontvangen.</p>"
        "</article></body></html>"
    )
    df = parse(page, 2021).observations
    assert df[["indicator_id", "period", "value", "qualifier", "text_part"]].values.tolist() == [
        ["offlimits.reports", "2021", 413262, "exact", "body"]
    ]


def test_a_half_year_figure_is_never_the_annual_one():
    text = "In 2024 verwerkte het Meldpunt 127.081 meldingen. In de eerste helft van 2025 ontving het Meldpunt 60.123 meldingen."
    parsed = parse(text)
    assert {(r.indicator_id, r.period) for r in parsed.observations.itertuples()} == {("offlimits.reports", "2024")}
    [candidate] = parsed.candidates
    assert candidate["period"] == "2025-H1" and candidate["value"] == 60123 and "half-year" in candidate["why"]


def test_key_figure_list_under_a_heading_year():
    page = (
        "<html><body><main><h2>Kerncijfers 2023</h2><ul><li>255.563 meldingen</li>"
        "<li>72.691 meldingen uit Nederland</li></ul></main></body></html>"
    )
    assert values(page, 2023) == {
        ("offlimits.reports", 2023, "total"): (255563, "exact"),
        ("offlimits.reports", 2023, "from_netherlands"): (72691, "exact"),
    }


def test_a_year_named_only_in_the_heading():
    page = "<html><body><h2>Jaarcijfers 2023</h2><p>Het Meldpunt ontving 255.563 meldingen.</p></body></html>"
    assert values(page, 2023) == {("offlimits.reports", 2023, "total"): (255563, "exact")}


def test_figures_of_other_organisations_are_never_offlimits_figures():
    text = "In 2024 verwerkte het Meldpunt 127.081 meldingen. De politie registreerde in 2024 5.000 meldingen."
    parsed = parse(text)
    assert parsed.observations.value.tolist() == [127081]
    assert [c["why"] for c in parsed.candidates] == [
        "a figure of another organisation or service (politie), not of the Offlimits hotline"
    ]


def test_a_decline_is_a_negative_change_and_passes_validation():
    from kr_pipeline.store.validate import validate

    text = "In 2024 verwerkte het Meldpunt 127.081 meldingen. Dit leidde tot de analyse van 530.000 URL's, een daling van 12% ten opzichte van 2023."
    df = parse(text).observations
    assert df[["indicator_id", "period", "value"]].values.tolist() == [
        ["offlimits.reports", "2024", 127081],
        ["offlimits.urls_analysed", "2024", 530000],
        ["offlimits.urls_analysed_change", "2024", -12],
    ]
    assert validate(df).success


def test_a_text_whose_title_states_another_year_is_refused():
    page = "<html><head><title>Jaarcijfers 2023</title></head><body><p>Het Meldpunt ontving 255.563 meldingen.</p></body></html>"
    with pytest.raises(ParseError, match=r"title states year\(s\) \[2023\], but it is registered as 2024"):
        values(page, 2024)


def test_plain_text_key_figures_each_with_its_own_measure_and_year():
    # a heading line above a bullet list; the previous year's figure in brackets is that year's
    # alone (of the same measure: it loads, as a tile's does), and "illegaal" in one bullet does not
    # make another bullet's URL's illegal ones
    text = (
        "Offlimits: jaarcijfers 2022\n\nKerncijfers\n- 144.000 meldingen (2021: 413.262)\n"
        "- 600.000 URL's geanalyseerd\n- 40% van de URL's bevatte illegaal materiaal\n"
    )
    parsed = parse(text, 2022, "jaarcijfers.txt")
    assert {(r.indicator_id, r.year, r.breakdown): (r.value, r.qualifier) for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", 2022, "total"): (144000, "exact"),
        ("offlimits.reports", 2021, "total"): (413262, "exact"),
        ("offlimits.urls_analysed", 2022, "total"): (600000, "exact"),
    }
    assert {c["value"] for c in parsed.candidates} == {40}


def test_vorig_jaar_counts_from_the_date_of_writing_only():
    # Offlimits' own page in div/span markup: "vorig jaar" counts from the day of writing, which
    # the text does not give; the registered year is not a substitute for it, nor is a year
    # that happens to stand in a heading
    page = (
        '<html><head><title>Nieuws</title></head><body><div class="article"><h2>Jaarcijfers: minder meldingen bij Offlimits</h2>'
        '<div class="text"><span>Het aantal meldingen van beelden van seksueel kindermisbruik is vorig jaar gedaald naar '
        "127.081 meldingen, </span><span>meldt Offlimits.</span></div></div></body></html>"
    )
    with pytest.raises(ParseError, match="no Offlimits figures recognised.*1 candidates wait in `kr review`") as refused:
        parse(page, 2024)
    [candidate] = refused.value.candidates
    assert candidate["value"] == 127081 and "states no date" in candidate["why"]
    assert candidate["period"] == "2023" and "proposed from the year it is registered under (2024)" in candidate["why"]
    in_heading = page.replace("Jaarcijfers:", "Jaarcijfers 2025:")
    with pytest.raises(ParseError):
        parse(in_heading, 2024)
    # dated (its metadata, or a dateline), "vorig jaar" is the year before the date
    dated = page.replace("<title>", '<meta property="article:published_time" content="2025-03-12T09:00:00+01:00"><title>')
    assert values(dated, 2024) == {("offlimits.reports", 2024, "total"): (127081, "exact")}
    dateline = page.replace('<div class="text">', '<p class="date">12 maart 2025</p><div class="text">')
    assert values(dateline, 2024) == {("offlimits.reports", 2024, "total"): (127081, "exact")}
    compared = dated.replace(
        "is vorig jaar gedaald naar 127.081 meldingen", "is gedaald naar 127.081 meldingen, tegenover 255.563 vorig jaar"
    )
    # written in March 2025, "tegenover 255.563 vorig jaar" makes 255.563 the figure of 2024;
    # 127.081 is then of no stated period: it waits
    parsed = parse(compared, 2024)
    assert {(r.indicator_id, r.period): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2024"): 255563
    }
    assert [c["value"] for c in parsed.candidates] == [127081]


def test_press_coverage_only_proposes():
    text = "In 2024 verwerkte het Meldpunt Kinderporno van Offlimits 127.081 meldingen."
    with pytest.raises(ParseError, match="not in Offlimits' own voice.*1 candidates wait") as refused:
        parse(text, context=PRESS)
    [candidate] = refused.value.candidates
    assert (candidate["indicator_id"], candidate["period"], candidate["value"]) == ("offlimits.reports", "2024", 127081)
    assert "reported by another voice" in candidate["why"]


def test_press_proposals_take_the_period_and_origin_of_their_own_words():
    # A news item without a dateline: "vorig jaar" can only be proposed from the registered
    # year (saying so), and the sentences after it that give no period of their own are
    # proposed with that same year, not left without one. Where the reports came from is said
    # right after each number: the second is from abroad, which the catalog does not hold.
    text = (
        "Het meldpunt van Offlimits handelde vorig jaar 98.765 meldingen af.\n\n"
        "Daarvan waren er 55.555 afkomstig uit Nederland en 43.210 uit het buitenland. "
        "Bij ruim 60 procent ging het om beeldmateriaal in de cloud."
    )
    with pytest.raises(ParseError, match="not in Offlimits' own voice") as refused:
        parse(text, year=2019, context=PRESS)
    proposed = {c["value"]: (c["indicator_id"], c["breakdown"], c["period"]) for c in refused.value.candidates}
    assert proposed[98765] == ("offlimits.reports", "total", "2018")
    assert proposed[55555] == ("offlimits.reports", "from_netherlands", "2018")
    assert proposed[43210] == (None, None, "2018")
    assert proposed[60][2] == "2018"
    assert all("registered under (2019)" in c["why"] for c in refused.value.candidates)


# ---- issue 22: the reading policy, class by class (texts of ours; more in tests/fixtures/unseen/) ----

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_NO_YEAR = [
    "Het Meldpunt Kinderporno verwerkte {n} meldingen.",
    "Onze analisten beoordeelden {n} URL's.",
    "Op {n} URL's stond illegaal materiaal.",
    "Vorig jaar kwamen er {n} meldingen binnen bij Offlimits.",
    "Toen ging het om {n} meldingen.",
    "Daarvan kwamen {n} meldingen uit Nederland.",
    "Last year our analysts processed {n} reports.",
    "In dezelfde periode ontving het meldpunt {n} meldingen.",
]


@settings(max_examples=60, deadline=None)
@given(
    registered=st.integers(2000, 2030),
    parts=st.lists(st.tuples(st.sampled_from(_NO_YEAR), st.integers(1000, 999_999)), min_size=1, max_size=4),
)
def test_a_period_never_comes_from_the_registered_year_alone(registered, parts):
    # Offlimits' own page with no year and no date anywhere: whatever the file is registered
    # under, no number may load under that year; each waits in review without a period.
    text = " ".join(t.format(n=f"{n:,}".replace(",", ".")) for t, n in parts)
    candidates = refused_candidates(text, registered, OWN)
    # a proposal for review may take it, saying so; nothing loads from it
    assert all(c["period"] is None or "registered under" in c["why"] for c in candidates)
    # with one year stated, only that year (or one counted back from it) can load
    dated = f"In {registered - 3} verwerkte het Meldpunt 1.234 meldingen. " + text
    try:
        periods = set(parse(dated, registered).observations.period)
    except ParseError:
        periods = set()
    assert str(registered) not in periods


def test_relative_year_counts_from_the_dateline_not_from_a_year_in_the_title():
    page = (
        "<html><head><title>Jaarcijfers 2022 | Offlimits</title></head><body><main>"
        "<p>Amsterdam, 4 juli 2023 - Vorig jaar ontving het Meldpunt Kinderporno 98.765 meldingen.</p>"
        "<p>In 2021 waren dat er nog 412.000.</p></main></body></html>"
    )
    parsed = parse(page, 2022)
    assert {(r.indicator_id, r.period): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2022"): 98765
    }
    [waits] = parsed.candidates  # "waren dat er": the measure by reference
    assert (waits["value"], waits["period"], waits["indicator_id"]) == (412000, "2021", "offlimits.reports")


def test_a_period_by_reference_waits_with_its_referent():
    text = (
        "In 2022 verwerkte het Meldpunt 144.058 meldingen, een daling ten opzichte van 2021. Toen ging het om 397.770 meldingen. "
        "In het eerste halfjaar van 2023 ontving het meldpunt 70.001 meldingen. In dezelfde periode in 2022 waren dat er 71.500."
    )
    parsed = parse(text, 2022)
    assert {(r.indicator_id, r.period): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2022"): 144058
    }
    waiting = {c["value"]: c["period"] for c in parsed.candidates}
    assert waiting == {397770: "2021", 70001: "2023-H1", 71500: "2022-H1"}


def test_another_hotline_says_het_meldpunt_too():
    page = (
        "<html><head><title>Jaarcijfers Meldpunt Internet Discriminatie</title></head><body>"
        "<p>In 2023 ontving het meldpunt 2.104 meldingen van online discriminatie.</p></body></html>"
    )
    with pytest.raises(ParseError):
        parse(page, 2023, context=ParseContext(url="https://www.meldpunt.nl/nieuws", own_hosts=OWN_HOSTS))
    # even on a page Offlimits hosts, "het meldpunt" in a text naming another meldpunt is not the hotline
    candidates = refused_candidates(page.replace("<title>", "<title>Partnernieuws: "), 2023, OWN)
    assert candidates and all(
        c["indicator_id"] is None or "discriminatie" in c["why"].lower() or "meldpunt" in c["why"] for c in candidates
    )


def test_helpwanted_and_stop_it_now_are_not_the_hotline():
    page = (
        "<html><head><title>Jaarverslag 2023 | Offlimits</title></head><body><main>"
        "<h2>Meldpunt Kinderporno</h2><p>In 2023 verwerkte ons meldpunt 238.614 meldingen.</p>"
        "<h2>Helpwanted</h2><p>In 2023 kreeg Helpwanted 4.120 meldingen van jongeren.</p>"
        "<h2>Stop it Now</h2><p>Wij voerden in 2023 1.530 gesprekken.</p></main></body></html>"
    )
    parsed = parse(page, 2023, context=ParseContext(url="https://jaarverslag2023.offlimits.nl/", own_hosts=OWN_HOSTS))
    assert {(r.indicator_id, r.period): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2023"): 238614
    }
    assert {c["value"] for c in parsed.candidates} >= {4120, 1530}


def test_the_base_of_a_share_is_not_the_count_it_qualifies():
    text = "In 2023 beoordeelde het Meldpunt 100.478 URL's. Van de 100.478 URL's bevatte 69% strafbaar beeldmateriaal."
    parsed = parse(text, 2023)
    assert {(r.indicator_id, r.value) for r in parsed.observations.itertuples()} == {("offlimits.urls_analysed", 100478)}
    base = [c for c in parsed.candidates if c["value"] == 100478]
    assert base and base[0]["indicator_id"] == "offlimits.urls_analysed" and "base of a share" in base[0]["why"]


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f", "\u2009"])
def test_digit_groups_with_spaces(space):
    assert values(f"In 2024 verwerkte het Meldpunt 127{space}081 meldingen.") == {
        ("offlimits.reports", 2024, "total"): (127081, "exact")
    }


@pytest.mark.parametrize("invisible", ["\u200b", "\u2060", "\u00ad", "\ufeff"])
def test_an_invisible_character_inside_a_number_is_never_read_around(invisible):
    with pytest.raises(ParseError) as refused:
        parse(f"In 2024 verwerkte het Meldpunt 127{invisible}081 meldingen.")
    [waits] = refused.value.candidates
    assert waits["value"] is None and "cannot be read" in waits["why"]


def test_figures_in_words():
    got = values(
        "In 2024 ontving het Meldpunt ruim driehonderdduizend meldingen. In 2024 analyseerden wij bijna 0,6 miljoen URL's."
    )
    assert got == {
        ("offlimits.reports", 2024, "total"): (300000, "approx"),
        ("offlimits.urls_analysed", 2024, "total"): (600000, "approx"),
    }


def test_the_english_annual_report():
    page = (
        '<html lang="en"><head><title>Annual report 2022 | Offlimits</title></head><body><main>'
        "<p>Last year, our analysts reviewed and analysed 144,058 reports. In total they processed 397,770 URLs in 2022, "
        "of which 253,712 contained illegal material.</p></main></body></html>"
    )
    parsed = parse(page, 2022, context=ParseContext(url="https://jaarverslag2022.offlimits.nl/indexEN.html", own_hosts=OWN_HOSTS))
    assert {(r.indicator_id, r.period): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2022"): 144058,
        ("offlimits.urls_analysed", "2022"): 397770,
        ("offlimits.urls_illegal", "2022"): 253712,
    }


def test_an_english_twin_that_kept_the_dutch_lang_attribute_is_read_in_english():
    # The English twin of a Dutch annual-report site often keeps lang="nl"; its key-figure
    # fragments are too short to tell their language, so the page's own text decides: most of
    # its paragraphs are English, so "211,904 URLs" is a count, not 211.904 (a Dutch decimal).
    page = (
        '<html lang="nl"><head><title>Hotline annual report 2023 | Offlimits</title></head><body><main>'
        "<h1>Annual report 2023</h1><div class='tile'>reports and 211,904 URLs processed</div>"
        "<p>In 2023 our analysts assessed 88,412 reports from members of the public and from hosting companies.</p>"
        "<p>Most of the material that our hotline found was stored on servers of image hosting services and cloud storage.</p>"
        "</main></body></html>"
    )
    parsed = parse(page, 2023, context=ParseContext(url="https://jaarverslag2023.offlimits.nl/indexEN.html", own_hosts=OWN_HOSTS))
    assert {(r.indicator_id, r.period): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2023"): 88412,
        ("offlimits.urls_analysed", "2023"): 211904,
    }


def test_a_chart_data_table_with_gaps_and_a_provisional_column():
    # The data table under a chart on the hotline's own report site: years across, measures
    # down, "n.b." where a year has no figure, and the newest year marked provisional.
    page = (
        '<html lang="nl"><head><title>Cijfers Meldpunt Kinderporno | Offlimits</title></head><body><main>'
        "<figure><figcaption>Figuur 2. Meldingen bij het Meldpunt Kinderporno</figcaption><table>"
        "<tr><th>Jaar</th><th>2022</th><th>2023</th><th>2024*</th></tr>"
        "<tr><th>Ontvangen meldingen</th><td>150.101</td><td>250.202</td><td>120.303</td></tr>"
        "<tr><th>waarvan uit Nederland</th><td>n.b.</td><td>80.404</td><td>70.505</td></tr>"
        "<tr><th>Beoordeelde URL's</th><td>–</td><td>500.606</td><td>600.707</td></tr>"
        "</table><p>* voorlopige cijfers</p></figure></main></body></html>"
    )
    context = ParseContext(url="https://www.offlimits.nl/cijfers", own_hosts=OWN_HOSTS)
    parsed = parse(page, 2023, context=context)
    assert {(r.indicator_id, r.period, r.breakdown): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2022", "total"): 150101,
        ("offlimits.reports", "2023", "total"): 250202,
        ("offlimits.reports", "2023", "from_netherlands"): 80404,
        ("offlimits.urls_analysed", "2023", "total"): 500606,
    }
    waiting = {c["value"]: (c["indicator_id"], c["period"], c["why"]) for c in parsed.candidates}
    for value in (120303, 70505, 600707):  # provisional: they wait, with their reading proposed
        assert waiting[value][1] == "2024" and "provisional" in waiting[value][2]


@pytest.mark.parametrize("markup", ["dl", "ul"])
def test_a_faq_answer_is_read_sentence_by_sentence(markup):
    # An undated FAQ on the hotline's own site: each answer (a <dd> or a list item) holds
    # several sentences; each number takes the period and measure of its own sentence.
    answer = (
        "In 2022 kregen we ongeveer 150.000 meldingen binnen. Ruim 60.000 van onze meldingen kwamen uit Nederland. "
        "Dat zijn er zo'n 400 per dag."
    )
    question = "Hoeveel meldingen ontvangt het Meldpunt Kinderporno?"
    body = f"<dl><dt>{question}</dt><dd>{answer}</dd></dl>" if markup == "dl" else f"<ul><li><b>{question}</b> {answer}</li></ul>"
    page = f'<html lang="nl"><head><title>Veelgestelde vragen | Offlimits</title></head><body><main>{body}</main></body></html>'
    parsed = parse(page, 2023, context=ParseContext(url="https://www.offlimits.nl/faq", own_hosts=OWN_HOSTS))
    assert {(r.indicator_id, r.period, r.breakdown): (r.value, r.qualifier) for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2022", "total"): (150000, "approx"),
        ("offlimits.reports", "2022", "from_netherlands"): (60000, "approx"),
    }
    assert [c["value"] for c in parsed.candidates] == [400]  # a day's figure waits


POST = """Offlimits
5.120 volgers
1 week

✨ Ons jaaroverzicht 2023 staat online!

In 2023 verwerkte ons Meldpunt Kinderporno 210.987 meldingen. 📈 In 2023 beoordeelden onze analisten 450.321 URL's – 6% meer dan in 2022. 🤝 Via Stop it Now kregen we in 2023 2.100 telefoontjes.

#Offlimits #Jaaroverzicht2023
"""


@pytest.mark.parametrize(
    "url, own",
    [
        ("https://www.linkedin.com/posts/offlimits_jaaroverzicht-2023-activity-7100000000000000000-AbCd", True),
        ("https://www.linkedin.com/company/offlimits/posts/", True),
        # an employee's own post, or an account whose name merely starts alike, is not the hotline's voice
        ("https://www.linkedin.com/posts/marieke-jansen-4b1_jaaroverzicht-activity-7100000000000000001-XyZw", False),
        ("https://www.linkedin.com/company/offlimits-fanclub/posts/", False),
    ],
)
def test_a_post_on_the_publishers_own_account_is_its_own_voice(url, own):
    # The registry names the hotline's own account (host and path); its post is read like its
    # own page: sentence by sentence although emoji stand where a reader sees a new line, and
    # "– 6% meer" after a count of URLs is that count's change.
    context = ParseContext(url=url, own_hosts=OWN_HOSTS)
    if not own:
        with pytest.raises(ParseError, match="not in Offlimits' own voice"):
            parse(POST, 2023, context=context)
        return
    parsed = parse(POST, 2023, context=context)
    assert {(r.indicator_id, r.period): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2023"): 210987,
        ("offlimits.urls_analysed", "2023"): 450321,
        ("offlimits.urls_analysed_change", "2023"): 6,
    }
    assert {c["value"] for c in parsed.candidates} >= {2100}  # Stop it Now's calls wait


def _own_page(body: str, title: str = "Het meldpunt | Offlimits") -> str:
    return f'<html lang="nl"><head><title>{title}</title></head><body><main>{body}</main></body></html>'


OWN_PAGE = ParseContext(url="https://www.offlimits.nl/over-ons", own_hosts=OWN_HOSTS)


def test_a_total_since_a_year_is_no_years_figure():
    page = _own_page(
        "<p>In 2022 verwerkten wij 150.505 meldingen. Sinds de start van het meldpunt in 1996 hebben we bijna 4 miljoen "
        "meldingen behandeld. Het waren er meer dan in enig jaar sinds 2019.</p>"
    )
    parsed = parse(page, 2022, context=OWN_PAGE)
    assert {(r.indicator_id, r.period): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2022"): 150505
    }
    [since] = [c for c in parsed.candidates if c["value"] == 4_000_000]
    assert "a total since" in since["why"] and since["period"] != "1996"


def test_a_figure_with_a_footnote_waits_with_the_note():
    page = _own_page(
        "<h1>Jaarverslag 2022</h1><div class='tile'><strong>150.505</strong><span>meldingen verwerkt</span></div>"
        "<div class='tile'><strong>875</strong><span>AI-afbeeldingen beoordeeld¹</span></div>"
        "<p class='note'>¹ Pas vanaf oktober apart geteld.</p>",
        title="Jaarverslag 2022 | Offlimits",
    )
    parsed = parse(page, 2022, context=OWN_PAGE)
    assert {(r.indicator_id, r.period): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2022"): 150505
    }
    [ai] = [c for c in parsed.candidates if c["value"] == 875]
    assert ai["indicator_id"] == "offlimits.ai_images" and "Pas vanaf oktober apart geteld." in ai["why"]


def test_a_part_of_the_sentence_before_waits_but_a_part_in_its_own_sentence_loads():
    page = _own_page(
        "<p>In 2021 ontving het meldpunt 400.404 meldingen. 220.202 daarvan kwamen uit Nederland.</p>"
        "<p>In 2022 ontving het meldpunt 150.505 meldingen, waarvan 90.909 uit Nederland.</p>"
    )
    parsed = parse(page, 2022, context=OWN_PAGE)
    assert {(r.period, r.breakdown): r.value for r in parsed.observations.itertuples()} == {
        ("2021", "total"): 400404,
        ("2022", "total"): 150505,
        ("2022", "from_netherlands"): 90909,
    }
    [part] = [c for c in parsed.candidates if c["value"] == 220202]
    assert (part["indicator_id"], part["breakdown"], part["period"]) == ("offlimits.reports", "from_netherlands", "2021")


def test_a_table_with_years_down_its_first_column():
    page = _own_page(
        "<table><tr><th>Jaar</th><th>Meldingen totaal</th><th>Meldingen uit Nederland</th><th>Geanalyseerde URL's</th></tr>"
        "<tr><td>2021</td><td>400.404</td><td>220.202</td><td>n.v.t.</td></tr>"
        "<tr><td>2022</td><td>150.505</td><td>–</td><td>402.020</td></tr></table>"
    )
    parsed = parse(page, 2022, context=OWN_PAGE)
    assert {(r.indicator_id, r.period, r.breakdown): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2021", "total"): 400404,
        ("offlimits.reports", "2021", "from_netherlands"): 220202,
        ("offlimits.reports", "2022", "total"): 150505,
        ("offlimits.urls_analysed", "2022", "total"): 402020,
    }


def test_respectively_pairs_years_and_figures_in_order():
    page = _own_page(
        "<p>In 2021 en 2022 verwerkte ons meldpunt respectievelijk 400.404 en 150.505 meldingen.</p>"
        "<p>Het aantal AI-afbeeldingen bedroeg in 2022 en 2023 respectievelijk 210 en 905.</p>"
        "<p>Hoeveel meldingen er uit Nederland kwamen, verschilt per telling: in 2022 kwamen er tussen de 60.000 en 70.000 binnen.</p>"
    )
    parsed = parse(page, 2023, context=OWN_PAGE)
    assert {(r.indicator_id, r.period): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2021"): 400404,
        ("offlimits.reports", "2022"): 150505,
        ("offlimits.ai_images", "2022"): 210,
        ("offlimits.ai_images", "2023"): 905,
    }
    ranged = {c["value"]: (c["indicator_id"], c["breakdown"]) for c in parsed.candidates}
    assert ranged[60000] == ranged[70000] == ("offlimits.reports", "from_netherlands")  # the sentence's own topic


def test_a_share_takes_the_year_of_its_base_and_a_share_by_reference_waits():
    page = _own_page(
        "<p>Van de 8.700 verwijderverzoeken die wij in 2022 verstuurden, werd meer dan 80 procent binnen 24 uur opgevolgd. "
        "In 2021 lag dat aandeel nog op 70 procent.</p>"
        "<p>Van de 210.000 URL's met illegaal materiaal die wij in 2022 vonden, was 30 procent door kinderen zelf gemaakt.</p>"
    )
    parsed = parse(page, 2023, context=OWN_PAGE)
    assert {(r.indicator_id, r.period): (r.value, r.qualifier) for r in parsed.observations.itertuples()} == {
        ("offlimits.removal_within_24h_share", "2022"): (80, "lower_bound"),
        ("offlimits.self_generated_share", "2022"): (30, "exact"),
    }
    waiting = {c["value"]: (c["indicator_id"], c["period"]) for c in parsed.candidates}
    assert waiting[70] == ("offlimits.removal_within_24h_share", "2021")
    assert waiting[210000] == ("offlimits.urls_illegal", "2022")  # the base says what it counts itself


def test_press_proposals_follow_the_year_the_text_is_about():
    # An undated press item: "vorig jaar" in a sentence without a figure sets the year the
    # next sentences are proposed with (from the date in the article's address); "een jaar
    # eerder" is a digression from it, not the new topic.
    text = (
        "<html><head><title>Meer meldingen bij meldpunt</title></head><body><main>"
        "<p>Het aantal meldingen bij het Meldpunt Kinderporno is vorig jaar opnieuw gestegen. "
        "Het meldpunt behandelde in totaal 31.313 meldingen. Een jaar eerder waren dat er 27.272.</p>"
        "<p>In bijna zes op de tien gevallen ging het om strafbaar materiaal. Ruim 52.525 URL's werden bekeken.</p>"
        "</main></body></html>"
    )
    context = ParseContext(url="https://www.krant.nl/nieuws/2015/04/02/meer-meldingen-a123", own_hosts=OWN_HOSTS)
    with pytest.raises(ParseError, match="not in Offlimits' own voice") as refused:
        parse(text, 2016, context=context)
    proposed = {c["value"]: (c["indicator_id"], c["period"], c["qualifier"]) for c in refused.value.candidates}
    assert proposed[31313] == ("offlimits.reports", "2014", "exact")
    assert proposed[27272][1] == "2013"
    assert proposed[60] == (None, "2014", "approx")  # "bijna zes op de tien": a share, not the number ten
    assert proposed[52525] == ("offlimits.urls_analysed", "2014", "approx")
    assert 10 not in proposed
    assert all("2015-04-02" in c["why"] for c in refused.value.candidates if c["period"] == "2014")


def test_a_share_in_words_loads_with_its_qualifier():
    page = _own_page("<p>In 2022 werd meer dan driekwart van onze verwijderverzoeken binnen 24 uur opgevolgd.</p>")
    parsed = parse(page, 2022, context=OWN_PAGE)
    assert {(r.indicator_id, r.period): (r.value, r.qualifier) for r in parsed.observations.itertuples()} == {
        ("offlimits.removal_within_24h_share", "2022"): (75, "lower_bound")
    }


def test_all_services_together_are_not_the_hotline_and_references_are_proposed():
    page = _own_page(
        "<h1>Jaarcijfers 2022</h1>"
        "<p>In 2022 ontving het Meldpunt Kinderporno 150.505 meldingen; op drukke dagen komen er meer dan 900 binnen.</p>"
        "<p>In 2022 beoordeelden onze analisten 402.020 URL's. Dit is een stijging van ruim 20% ten opzichte van 2021.</p>"
        "<p>Het aantal AI-afbeeldingen bedroeg in 2022 ruim 1.100. In 2021 waren het er nog geen driehonderd.</p>"
        "<h2>Alle diensten samen</h2><p>Alle diensten van Offlimits samen kregen in 2022 ruim 160.000 meldingen en hulpvragen.</p>",
        title="Jaarcijfers 2022 | Offlimits",
    )
    parsed = parse(page, 2022, context=OWN_PAGE)
    assert {(r.indicator_id, r.period): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2022"): 150505,  # not refused for the 160.000 of all services together
        ("offlimits.urls_analysed", "2022"): 402020,
        # "Dit is een stijging van ruim 20% ten opzichte van 2021": the change of the one count
        # the sentence before loaded, on the year before (test_the_change_of_the_one_count_before_...)
        ("offlimits.urls_analysed_change", "2022"): 20,
        ("offlimits.ai_images", "2022"): 1100,
    }
    waiting = {c["value"]: (c["indicator_id"], c["period"]) for c in parsed.candidates}
    assert waiting[900][0] == "offlimits.reports"  # "komen er ... binnen": the reports of the clause before
    assert waiting[300] == ("offlimits.ai_images", "2021")  # "nog geen driehonderd": an upper bound, proposed
    assert waiting[160000][0] is None


def test_shares_in_words_each_with_its_own_year_and_base():
    page = _own_page(
        "<p>Drie op de tien beoordeelde beelden waren in 2023 door kinderen zelf gemaakt; in 2022 was dat nog een op de vier.</p>"
        "<p>Van de 2.929 afbeeldingen die wij in 2023 als met AI gemaakt beoordeelden, toonde bijna de helft meisjes.</p>"
    )
    parsed = parse(page, 2023, context=OWN_PAGE)
    assert {(r.indicator_id, r.period): (r.value, r.qualifier) for r in parsed.observations.itertuples()} == {
        ("offlimits.self_generated_share", "2023"): (30, "approx"),
    }
    waiting = {c["value"]: (c["indicator_id"], c["period"]) for c in parsed.candidates}
    assert waiting[25] == ("offlimits.self_generated_share", "2022")
    assert waiting[2929] == ("offlimits.ai_images", "2023")  # the base of "bijna de helft"


def test_a_dated_news_item_with_a_fraction_in_its_headline():
    # The date line carries more than the date; "vorig jaar" counts from it. The headline's
    # "bijna een kwart meer" is the body's 21,7% said coarsely (no conflict), "a quarter" is a
    # share, not a period shorter than a year, and each number's origin is its own.
    page = _own_page(
        "<h1>Onze analisten zagen vorig jaar bijna een kwart meer URL's</h1>"
        "<p>Gepubliceerd: 14 mei 2024 · Leestijd 2 minuten</p>"
        "<p>Vorig jaar ontving ons meldpunt 133.331 meldingen, 44.444 daarvan uit Nederland. "
        "Onze analisten beoordeelden vorig jaar 555.555 URL's, 21,7 procent meer dan in 2022. "
        "Daarvan bevatten er 222.222 illegaal materiaal.</p>",
        title="Bijna een kwart meer URL's | Offlimits",
    )
    parsed = parse(page, 2024, context=OWN_PAGE)
    assert {(r.indicator_id, r.period, r.breakdown): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2023", "total"): 133331,
        ("offlimits.reports", "2023", "from_netherlands"): 44444,
        ("offlimits.urls_analysed", "2023", "total"): 555555,
        ("offlimits.urls_analysed_change", "2023", "total"): 21.7,
    }
    waiting = {c["value"]: (c["indicator_id"], c["period"]) for c in parsed.candidates}
    assert waiting[222222] == ("offlimits.urls_illegal", "2023")  # "Daarvan bevatten er": of the URLs before
    assert waiting[25][0] == "offlimits.urls_analysed_change"  # the headline's coarse statement of the same figure


def test_a_table_with_half_year_rows():
    page = _own_page(
        "<table><tr><th></th><th>Meldingen</th><th>URL's geanalyseerd</th></tr>"
        "<tr><th>2023 – eerste halfjaar</th><td>70.001</td><td>–</td></tr>"
        "<tr><th>2023 – tweede halfjaar</th><td>60.002</td><td>–</td></tr>"
        "<tr><th>2023 – heel jaar</th><td>130.003</td><td>505.050</td></tr></table>"
    )
    parsed = parse(page, 2023, context=OWN_PAGE)
    assert {(r.indicator_id, r.period): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2023"): 130003,
        ("offlimits.urls_analysed", "2023"): 505050,
    }
    assert {(c["value"], c["period"]) for c in parsed.candidates} == {(70001, "2023-H1"), (60002, "2023-H2")}


def test_a_year_later_is_the_year_after_the_one_referred_to():
    page = _own_page(
        "<p>In 2020 kreeg het meldpunt een recordaantal van 390.390 meldingen. Het jaar erop daalde het aantal tot 280.280. "
        "Dat jaar verwerkten onze analisten ook 707.707 URL's.</p>"
        "<p>In 2022 we counted 150,150 reports. More than three quarters of our removal requests were handled within 24 hours in 2022. "
        "The year before, it was about two thirds.</p>"
    )
    parsed = parse(page, 2022, context=OWN_PAGE)
    assert {(r.indicator_id, r.period): r.value for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2020"): 390390,
        ("offlimits.reports", "2022"): 150150,
        ("offlimits.removal_within_24h_share", "2022"): 75,
    }
    waiting = {c["value"]: (c["indicator_id"], c["period"]) for c in parsed.candidates}
    assert waiting[280280] == ("offlimits.reports", "2021")  # "het jaar erop": 2020 + 1, the number of reports
    assert waiting[707707] == ("offlimits.urls_analysed", "2021")  # "dat jaar": the year the sentence before referred to
    assert waiting[67] == ("offlimits.removal_within_24h_share", "2021")  # "it was": the share named before


def test_the_same_period_a_year_earlier_and_a_whole_year_referred_to():
    text = (
        "<html><head><title>Minder meldingen in eerste halfjaar</title></head><body><main>"
        "<p>Het Meldpunt Kinderporno kreeg in het eerste halfjaar van 2023 61.616 meldingen, laat Offlimits weten. "
        "In dezelfde periode een jaar eerder ging het om 72.727 meldingen. "
        "Het aantal AI-beelden ligt in het eerste halfjaar al hoger dan in heel 2022, toen er 909 van zulke afbeeldingen werden gevonden.</p>"
        "</main></body></html>"
    )
    with pytest.raises(ParseError, match="not in Offlimits' own voice") as refused:
        parse(text, 2023, context=PRESS)
    proposed = {c["value"]: (c["indicator_id"], c["period"]) for c in refused.value.candidates}
    assert proposed[61616] == ("offlimits.reports", "2023-H1")
    assert proposed[72727] == ("offlimits.reports", "2022-H1")  # the same half of the year before
    assert proposed[909] == ("offlimits.ai_images", "2022")  # "toen": the whole of 2022, not a half-year


# ---- offlimits-7's wrong loads, as classes (texts of our own; the corpus stays unseen)


def test_a_corrected_figure_never_loads_and_the_correction_is_no_ones_figure():
    text = (
        "<h1>Cijfers 2024 aangepast</h1><p>Rectificatie: in ons bericht van 3 maart stond per abuis dat ons Meldpunt "
        "Kinderporno in 2024 141.220 meldingen ontving.</p><p>Ons Meldpunt Kinderporno ontving in 2024 140.122 meldingen.</p>"
        "<p>Ook het aantal URL's klopte niet: niet 610.000 maar 601.318.</p>"
    )
    parsed = parse(text, 2024)
    got = {(r.indicator_id, r.value) for r in parsed.observations.itertuples()}
    assert got == {("offlimits.reports", 140122)}
    withdrawn = {c["value"]: c["indicator_id"] for c in parsed.candidates}
    assert withdrawn[141220] is None and withdrawn[610000] is None


def test_a_multiplier_is_no_count():
    text = "<p>In 2024 beoordeelden onze analisten 599.881 URL's, drie keer zoveel URL's als in 2020.</p>"
    got = values(text, 2024)
    assert got == {("offlimits.urls_analysed", 2024, "total"): (599881, "exact")}


def test_a_year_after_as_in_is_a_comparison_not_the_next_sentences_year():
    text = (
        "<ul><li>Ons Meldpunt Kinderporno ontving in 2024 130.004 meldingen.</li></ul>"
        "<p>Onze analisten zagen evenveel URL's als in 2021. Ruim de helft bleek illegaal.</p>"
    )
    parsed = parse(text, 2024)
    assert {(r.indicator_id, r.year) for r in parsed.observations.itertuples()} == {("offlimits.reports", 2024)}
    assert all(c["period"] != "2021" for c in parsed.candidates if c["value"] == 50)


def test_the_year_so_far_is_not_the_year():
    text = "<p>12 mei 2025</p><p>Tot nu toe zagen onze analisten dit jaar 2.340 afbeeldingen die met AI waren gemaakt.</p>"
    candidates = refused_candidates(text, 2025, OWN)
    assert any(c["value"] == 2340 and "so far" in c["why"] and c["period"] is None for c in candidates)


def test_a_service_named_by_its_address_is_not_the_hotline():
    text = (
        "<p>Ons Meldpunt Kinderporno ontving in 2024 130.004 meldingen. Ook Meldkinderhandel.nl, dat sinds 2019 "
        "bij ons hoort, groeide: in 2024 kwamen daar 341 meldingen binnen.</p>"
    )
    parsed = parse(text, 2024)
    assert {(r.indicator_id, r.value) for r in parsed.observations.itertuples()} == {("offlimits.reports", 130004)}
    assert any(c["value"] == 341 and c["indicator_id"] is None for c in parsed.candidates)


def test_a_post_s_emoji_bullets_are_items_and_an_introducing_sentence_is_no_heading():
    text = (
        "Offlimits\n\nOnze cijfers over 2025 zijn er. Drie dingen vielen op:\n\n"
        "🔸 Ons Meldpunt Kinderporno ontving in 2025 118.000 meldingen.\n"
        "🔸 Nog steeds een op de drie gemelde afbeeldingen is door kinderen zelf gemaakt.\n"
    )
    parsed = parse(text, 2025, "post.txt", ParseContext(url="https://www.linkedin.com/posts/offlimits_x", own_hosts=OWN_HOSTS))
    assert {(r.indicator_id, r.year) for r in parsed.observations.itertuples()} == {("offlimits.reports", 2025)}
    assert any(c["indicator_id"] == "offlimits.self_generated_share" for c in parsed.candidates)


def test_a_footnote_is_read_a_definition_loads_a_narrower_period_waits():
    text = (
        "<p>In 2024 ontving ons Meldpunt Kinderporno 127.220 meldingen¹. In 2024 zagen onze analisten 1.344 "
        "afbeeldingen² die met AI waren gemaakt.</p>"
        "<p>¹ Zonder de 812 dubbele meldingen die via twee kanalen binnenkwamen.</p><p>² Telling vanaf 1 juli 2024.</p>"
    )
    parsed = parse(text, 2024)
    assert {(r.indicator_id, r.value) for r in parsed.observations.itertuples()} == {("offlimits.reports", 127220)}
    assert any(c["value"] == 1344 and c["indicator_id"] == "offlimits.ai_images" for c in parsed.candidates)


def test_an_english_report_s_abbreviated_tiles_wait_beside_its_exact_text():
    text = (
        "<h1>Offlimits Annual Report 2026</h1><ul><li>121k reports received</li><li>0.7m URLs assessed</li></ul>"
        "<p>In 2026 our hotline received 121,406 reports. Our analysts assessed 702,118 URLs, 4.5% more than in 2025, "
        "and found illegal material on 265,002 of them.</p>"
    )
    parsed = parse(
        text, 2026, "indexEN.html", ParseContext(url="https://jaarverslag2026.offlimits.nl/indexEN.html", own_hosts=OWN_HOSTS)
    )
    got = {r.indicator_id: r.value for r in parsed.observations.itertuples()}
    assert got == {
        "offlimits.reports": 121406,
        "offlimits.urls_analysed": 702118,
        "offlimits.urls_analysed_change": 4.5,
        "offlimits.urls_illegal": 265002,  # "of them": the URLs, not the 4.5% between
    }
    assert {c["value"] for c in parsed.candidates} >= {121000, 700000}  # the tiles' rounded statements


def test_er_counts_the_noun_its_own_sentence_named():
    text = (
        "<h1>Meer meldingen</h1><p>Amsterdam, 20 januari 2027</p><p>Het aantal meldingen steeg: ons Meldpunt Kinderporno ontving er vorig jaar "
        "124.310, tegen 121.406 in 2025.</p><p>Ons Meldpunt telde er in december 9.114.</p>"
    )
    got = values(text, 2026)
    assert got == {
        ("offlimits.reports", 2026, "total"): (124310, "exact"),
        ("offlimits.reports", 2025, "total"): (121406, "exact"),
    }


def test_a_post_pointing_to_the_annual_report_is_not_the_report():
    """A company post that links to the annual report ("Lees het hele jaarverslag 👉
    jaarverslag2026.offlimits.nl") is not that report: registered under the year it was posted,
    its own sentences' years decide, and it is not refused as a report of the wrong year."""
    text = (
        "Offlimits\n\n📣 Onze jaarcijfers over 2026 zijn er!\n\n"
        "Ons Meldpunt Kinderporno ontving in 2026 124.310 meldingen.\n\n"
        "Lees het hele jaarverslag 👉 jaarverslag2026.offlimits.nl\n"
    )
    context = ParseContext(url="https://www.linkedin.com/posts/offlimits_jaarcijfers-2026", own_hosts=OWN_HOSTS)
    parsed = parse(text, 2027, "post.txt", context)
    assert {(r.indicator_id, r.year, r.value) for r in parsed.observations.itertuples()} == {("offlimits.reports", 2026, 124310)}


def test_a_tile_line_under_a_figure_is_that_years_figure_of_the_same_label():
    """Key-figure tiles of three lines (figure, label under it, a small line "2025: 61.004"):
    the small line is last year's figure of that label, and its year is never the next tile's."""
    text = (
        "<title>Jaarverslag 2026</title><main>"
        '<div class="kpi"><span>70.118</span><span>meldingen verwerkt</span><span>2025: 61.004</span></div>'
        '<div class="kpi"><span>22.410</span><span>meldingen uit Nederland</span><span>2025: 19.877</span></div>'
        '<div class="kpi"><span>+4,1%</span><span>URL\'s beoordeeld</span><span>t.o.v. 2025</span></div>'
        "</main>"
    )
    got = values(text, 2026)
    assert got == {
        ("offlimits.reports", 2026, "total"): (70118, "exact"),
        ("offlimits.reports", 2025, "total"): (61004, "exact"),
        ("offlimits.reports", 2026, "from_netherlands"): (22410, "exact"),
        ("offlimits.reports", 2025, "from_netherlands"): (19877, "exact"),
        ("offlimits.urls_analysed_change", 2026, "total"): (4.1, "exact"),
    }


def test_a_tile_whose_figure_is_a_lower_bound_with_a_plus_keeps_its_previous_years_line_apart():
    """ "220.000+" over "URL's beoordeeld door onze analisten" over "2047: 154.897": the figure with
    a plus after it is the tile's figure (a lower bound of this year), the small line the year
    before's; read as one item, 220.000 loaded as 2047's (the small line's year)."""
    text = (
        "<title>Jaarverslag 2048</title><main><h2>Kerncijfers 2048</h2>"
        '<div class="tile"><p>220.000+</p><p>URL\'s beoordeeld door onze analisten</p><p>2047: 154.897</p></div>'
        '<div class="tile"><p>+45%</p><p>meer URL\'s dan in 2047</p></div>'
        "</main>"
    )
    got = values(text, 2048)
    assert got[("offlimits.urls_analysed", 2048, "total")] == (220000, "lower_bound")
    assert got[("offlimits.urls_analysed", 2047, "total")] == (154897, "exact")


def test_a_figure_the_next_sentence_calls_wrong_never_loads():
    text = (
        "<h1>Correctie jaarcijfers</h1><p>Amsterdam, 2 juni 2026</p>"
        "<p>In ons bericht van 28 mei schreven we dat ons Meldpunt Kinderporno in 2025 83.410 meldingen verwerkte. "
        "Dit cijfer is niet juist. Het juiste aantal meldingen dat ons Meldpunt in 2025 verwerkte is 80.410.</p>"
        "<p>The total number of reports our hotline processed in 2025, 80,410, was also stated in English.</p>"
    )
    parsed = parse(text, 2026)
    assert {(r.indicator_id, r.year, r.value) for r in parsed.observations.itertuples()} == {("offlimits.reports", 2025, 80410)}
    assert {c["value"]: c["indicator_id"] for c in parsed.candidates}[83410] is None


@pytest.mark.parametrize(
    ("date", "loads"),
    [("3 februari 2026", True), ("12 mei 2026", True), ("15 september 2026", False), ("2 december 2026", False)],
)
def test_het_afgelopen_jaar_after_mid_year_may_be_the_last_twelve_months(date, loads):
    """'Het afgelopen jaar' in spring is the calendar year before; in autumn it may be the twelve
    months before the date: proposed with that year, never loaded. 'Vorig jaar' is always the
    calendar year before."""
    text = f"<h1>Nieuws</h1><p>Amsterdam, {date}</p><p>Het afgelopen jaar ontving ons Meldpunt 81.200 meldingen.</p>"
    if loads:
        assert [(r.year, r.value) for r in parse(text, 2026).observations.itertuples()] == [(2025, 81200)]
    else:
        candidates = refused_candidates(text, 2026, OWN)
        assert [(c["value"], c["indicator_id"], c["period"]) for c in candidates] == [(81200, "offlimits.reports", "2025")]
    last = parse(f"<h1>Nieuws</h1><p>Amsterdam, {date}</p><p>Vorig jaar ontving ons Meldpunt 81.200 meldingen.</p>", 2026)
    assert [(r.year, r.value) for r in last.observations.itertuples()] == [(2025, 81200)]


def test_het_meldpunt_is_the_one_named_last():
    """'Het meldpunt' after the Meldpunt Kinderporno is named is the hotline, also when another
    meldpunt is named later on the page; after another meldpunt is named, it is not certain."""
    text = (
        "<h1>Meldpunt Kinderporno: jaarcijfers 2025</h1>"
        "<p>In 2025 verwerkte het meldpunt 80.410 meldingen.</p>"
        "<h2>Meldpunt Discriminatie Internet</h2><p>In 2025 verwerkte het meldpunt 2.980 meldingen.</p>"
    )
    candidates = refused_candidates(text, 2025, PRESS, "x.html")  # press: nothing loads, both wait in review
    proposed = {c["value"]: c["indicator_id"] for c in candidates}
    assert proposed == {80410: "offlimits.reports", 2980: None}


def test_a_byline_dates_the_text_and_a_change_after_a_count_takes_its_period():
    text = (
        "<h1>Our hotline in numbers</h1><p>Last year our hotline processed 80,410 reports.</p><p>Our analysts assessed "
        "512,200 URLs last year, 3.4% more than in 2024.</p><p>By the Offlimits press office · 21 May 2026</p>"
    )
    got = values(text, 2025)
    assert got == {
        ("offlimits.reports", 2025, "total"): (80410, "exact"),
        ("offlimits.urls_analysed", 2025, "total"): (512200, "exact"),
        ("offlimits.urls_analysed_change", 2025, "total"): (3.4, "exact"),
    }


def test_subtitles_are_read_as_the_speech_they_carry():
    """A video's subtitle file: cue numbers and times are no figures; a sentence split over two
    cues is one sentence."""
    text = (
        "1\n00:00:01,000 --> 00:00:03,500\nIn 2025 verwerkte ons Meldpunt\n\n"
        "2\n00:00:03,600 --> 00:00:06,000\nruim tachtigduizend meldingen.\n\n"
        "3\n00:00:06,100 --> 00:00:08,000\nDank voor het kijken.\n"
    )
    parsed = offlimits.parse(text.encode(), 2025, "video.srt.txt", OWN)
    assert [(r.indicator_id, r.year, r.value, r.qualifier) for r in parsed.observations.itertuples()] == [
        ("offlimits.reports", 2025, 80000, "approx")
    ]
    assert parsed.candidates == []


def test_a_table_with_a_label_column_of_what_each_row_counts():
    """'Dienst | Wat we tellen | 2024 | 2025': the hotline's row counts reports; the other
    services' rows are no hotline figures."""
    text = (
        "<h1>Onze jaarcijfers</h1><table><tr><th>Dienst</th><th>Wat we tellen</th><th>2024</th><th>2025</th></tr>"
        "<tr><td>Meldpunt Kinderporno</td><td>meldingen</td><td>74.120</td><td>80.410</td></tr>"
        "<tr><td>Helpwanted</td><td>adviesvragen</td><td>7.310</td><td>8.002</td></tr></table>"
        "<p>Het aantal door onze analisten in 2025 beoordeelde URL's steeg naar 512.200.</p>"
    )
    assert values(text, 2025) == {
        ("offlimits.reports", 2024, "total"): (74120, "exact"),
        ("offlimits.reports", 2025, "total"): (80410, "exact"),
        ("offlimits.urls_analysed", 2025, "total"): (512200, "exact"),
    }


def test_a_card_with_its_label_as_a_small_heading_above_its_figure():
    text = (
        "<title>Kerncijfers 2026</title><main><h1>Kerncijfers 2026</h1>"
        '<div class="card"><h3>Meldingen verwerkt</h3><p>80.410</p><p>6,2% minder dan in 2025</p></div>'
        '<div class="card"><h3>URL\'s beoordeeld</h3><p>512.200</p><p>−1,8% t.o.v. 2025</p></div>'
        '<div class="card"><h3>Door kinderen zelf gemaakt</h3><p>48%</p><p>van de beoordeelde afbeeldingen</p></div>'
        "</main>"
    )
    assert values(text, 2026) == {
        ("offlimits.reports", 2026, "total"): (80410, "exact"),
        ("offlimits.urls_analysed", 2026, "total"): (512200, "exact"),
        ("offlimits.urls_analysed_change", 2026, "total"): (-1.8, "exact"),
        ("offlimits.self_generated_share", 2026, "total"): (48, "exact"),
    }


def test_a_year_named_right_after_a_number_is_that_numbers_and_a_part_after_a_semicolon_waits():
    text = (
        "<h1>Jaarcijfers</h1><p>Amsterdam, 20 mei 2026</p>"
        "<p>Het aantal AI-afbeeldingen steeg vorig jaar naar 14.275, ruim de helft meer dan de 9.106 van 2024.</p>"
        "<p>Vorig jaar beoordeelden onze analisten 512.200 URL's; op 201.764 daarvan stond illegaal materiaal.</p>"
    )
    parsed = parse(text, 2026)
    got = {(r.indicator_id, r.year, r.value) for r in parsed.observations.itertuples()}
    assert got == {
        ("offlimits.ai_images", 2025, 14275),
        ("offlimits.ai_images", 2024, 9106),
        ("offlimits.urls_analysed", 2025, 512200),
    }
    assert ("offlimits.urls_illegal", "2025") in {
        (c["indicator_id"], c["period"]) for c in parsed.candidates if c["value"] == 201764
    }


def test_a_news_paragraph_without_a_year_takes_none_from_its_title():
    """In a dated news item a paragraph without a year of its own is not given the title's:
    its figure is proposed with it. Key figures under a heading, and the annual report's
    paragraphs, keep their heading's year."""
    news = (
        "<h1>Jaarcijfers 2025: minder meldingen</h1><p>Amsterdam, 20 mei 2026</p>"
        "<p>In 2025 verwerkte ons Meldpunt 80.410 meldingen.</p>"
        "<p>Hostingpartijen volgden meer dan 90 procent van onze verwijderverzoeken binnen 24 uur op.</p>"
    )
    parsed = parse(news, 2026)
    assert {(r.indicator_id, r.year) for r in parsed.observations.itertuples()} == {("offlimits.reports", 2025)}
    assert [(c["indicator_id"], c["period"]) for c in parsed.candidates if c["value"] == 90] == [
        ("offlimits.removal_within_24h_share", "2025")
    ]


def test_a_share_or_change_the_sentence_before_names_is_proposed_with_it():
    text = (
        "<h1>Minder url's beoordeeld</h1><p>Amsterdam, 21 mei 2026</p>"
        "<p>Het Meldpunt Kinderporno van Offlimits heeft vorig jaar 512.200 url's beoordeeld. Dat zijn er 2,1 procent "
        "minder dan in 2024.</p><p>Volgens de afspraken moet het materiaal binnen 24 uur offline zijn. Dat lukte vorig "
        "jaar bij meer dan 90 procent van de verzoeken.</p>"
    )
    candidates = refused_candidates(text, 2026, PRESS, "x.html")  # press: nothing loads
    proposed = {c["value"]: (c["indicator_id"], c["period"]) for c in candidates}
    assert proposed[-2.1] == ("offlimits.urls_analysed_change", "2025")
    assert proposed[90] == ("offlimits.removal_within_24h_share", "2025")


def test_a_change_from_one_number_to_another_proposes_the_first_for_the_year_before():
    """'Het aantal AI-beelden nam toe: van 9.106 naar 14.275' in the publisher's own news: the
    second is the year's figure only by the sentence before; the first is the year before's, by
    reference: neither loads by itself, both wait with those years."""
    text = (
        "<h1>Jaarcijfers</h1><p>Amsterdam, 20 mei 2026</p>"
        "<p>Ons Meldpunt verwerkte vorig jaar 80.410 meldingen. Het aantal beelden dat met AI is gemaakt, "
        "nam fors toe: van 9.106 naar 14.275.</p>"
    )
    parsed = parse(text, 2026)
    assert {(r.indicator_id, r.year, r.value) for r in parsed.observations.itertuples()} == {("offlimits.reports", 2025, 80410)}
    proposed = {c["value"]: (c["indicator_id"], c["period"]) for c in parsed.candidates}
    assert proposed[9106] == ("offlimits.ai_images", "2024")


def test_an_agency_byline_dates_the_text_and_toen_refers_to_the_year_just_named():
    text = (
        "<h1>Meldpunt verwerkte minder meldingen</h1><p>ANP · 21 mei 2026, 13:47</p>"
        "<p>Het Meldpunt Kinderporno heeft vorig jaar 80.410 meldingen verwerkt. Dat is minder dan in 2024, toen het "
        "meldpunt een record van 92.118 meldingen noteerde, meldt Offlimits.</p>"
    )
    candidates = refused_candidates(text, 2025, PRESS, "x.html")  # press: nothing loads (registered under the data year)
    proposed = {c["value"]: (c["indicator_id"], c["period"]) for c in candidates}
    assert proposed[80410] == ("offlimits.reports", "2025")  # counted from the byline's date, not the registered year
    assert proposed[92118] == ("offlimits.reports", "2024")


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2025 was bijna de helft (46 procent) van de beoordeelde afbeeldingen door kinderen zelf gemaakt.",
        "Nearly half of the images we assessed in 2025 (46%) were self-generated.",
    ],
)
def test_a_percentage_in_brackets_restating_a_share_in_words_loads_and_the_words_wait(sentence):
    parsed = parse(f"<h1>Jaarcijfers</h1><p>Amsterdam, 20 mei 2026</p><p>{sentence}</p>", 2026)
    assert [(r.indicator_id, r.year, r.value, r.qualifier) for r in parsed.observations.itertuples()] == [
        ("offlimits.self_generated_share", 2025, 46, "exact")
    ]
    assert [(c["value"], c["indicator_id"]) for c in parsed.candidates] == [(50, "offlimits.self_generated_share")]


def test_a_number_with_its_own_year_keeps_it_beside_a_period_by_reference():
    """'verwerkte het Meldpunt in dat jaar 80.410 meldingen, tegen 92.118 in 2024': the first is
    the referred year's (proposed), the second is 2024's; 'steeg van 9.106 naar 14.275' without
    a colon proposes the first for the year before as well."""
    text = (
        "<h1>Antwoorden</h1><p>Den Haag, 3 juni 2026</p>"
        "<p>Volgens het jaarverslag van Offlimits over 2025 verwerkte het Meldpunt in dat jaar 80.410 meldingen, tegen "
        "92.118 in 2024. Het aantal afbeeldingen dat met AI was gemaakt, steeg van 9.106 naar 14.275.</p>"
    )
    candidates = refused_candidates(text, 2026, PRESS, "x.html")  # another organisation's letter: nothing loads
    proposed = {c["value"]: (c["indicator_id"], c["period"]) for c in candidates}
    assert proposed[92118] == ("offlimits.reports", "2024")
    assert proposed[9106] == ("offlimits.ai_images", "2024")


def test_of_these_a_duration_and_a_change_from_a_dated_number():
    """'Of these, 41,907 came from the Netherlands' is a part of the count before (waits with its
    reading); 'in vijf jaar tijd' is no figure; 'het aantal meldingen ... vertienvoudigd: van
    28.960 in 2014 naar 308.430 in 2019' counts reports in each year; a change right after a
    count dated in its clause takes that date."""
    own = (
        "<h1>Annual figures</h1><p>Amsterdam, 20 May 2026</p>"
        "<p>Last year our hotline processed 80,410 reports. Of these, 21,907 came from the Netherlands.</p>"
        "<p>Our analysts assessed 512,200 URLs in 2025, 1.8% fewer than the year before.</p>"
    )
    parsed = parse(own, 2026)
    assert {(r.indicator_id, r.year, r.value) for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", 2025, 80410),
        ("offlimits.urls_analysed", 2025, 512200),
        ("offlimits.urls_analysed_change", 2025, -1.8),
    }
    assert [(c["indicator_id"], c["breakdown"]) for c in parsed.candidates if c["value"] == 21907] == [
        ("offlimits.reports", "from_netherlands")
    ]
    press = (
        "<h1>Grapperhaus over hosting</h1><p>Het EOKM meldde eerder dat het aantal meldingen over kinderporno in vijf "
        "jaar tijd meer dan vertienvoudigd is: van 28.960 in 2014 naar 308.430 in 2019.</p>"
    )
    candidates = refused_candidates(press, 2021, PRESS, "x.html")
    proposed = {c["value"]: (c["indicator_id"], c["period"]) for c in candidates}
    assert proposed == {28960: ("offlimits.reports", "2014"), 308430: ("offlimits.reports", "2019")}


def test_complaints_are_proposed_as_reports_never_loaded_as_them():
    """Early years called reports 'klachten': proposed as reports, never loaded (a reader checks)."""
    candidates = refused_candidates(
        "<h1>Jaarverslag 2004</h1><p>In 2004 kreeg ons Meldpunt Kinderporno 5.723 klachten binnen.</p>", 2004, OWN
    )
    assert [(c["value"], c["indicator_id"], c["period"]) for c in candidates] == [(5723, "offlimits.reports", "2004")]


def test_a_dates_year_is_not_the_sentences_period():
    """A dateline opening the lead, also when the page's metadata dates it, and a date inside a
    sentence ('op 22 mei 2026') give no period: 'vorig jaar' counts from the date."""
    text = (
        '<html><head><meta property="article:published_time" content="2026-05-22T09:00:00+02:00"></head><body>'
        "<h1>Jaarcijfers 2025</h1><p><strong>Amsterdam, 22 mei 2026</strong> – Ons Meldpunt heeft vorig jaar "
        "512.200 URL's beoordeeld.</p><p>In het jaarverslag, verschenen op 22 mei 2026, staat dat we vorig jaar "
        "80.410 meldingen verwerkten.</p></body></html>"
    )
    assert values(text, 2026) == {
        ("offlimits.urls_analysed", 2025, "total"): (512200, "exact"),
        ("offlimits.reports", 2025, "total"): (80410, "exact"),
    }
    quotes = {r.value: r.quote for r in parse(text, 2026).observations.itertuples()}
    assert quotes[512200].startswith("Ons Meldpunt")  # the dateline is no part of the sentence


@pytest.mark.parametrize(
    "text",
    [
        "Na jaren van groei daalde het aantal meldingen bij ons Meldpunt Kinderporno in 2046 met 3.100, tot 171.204.",
        "Ons Meldpunt Kinderporno verwerkte in 2046 171.204 meldingen. Het aantal meldingen steeg in 2046 met ruim 12.000.",
        "Ons Meldpunt Kinderporno verwerkte in 2046 171.204 meldingen, 12.000 meldingen meer dan in 2045.",
        "In 2046 the number of reports to our hotline rose by 12,000 to 171,204.",
        "Ons Meldpunt Kinderporno verwerkte in 2046 171.204 meldingen: een stijging van 12.000.",
    ],
)
def test_the_amount_of_a_change_is_not_the_count(text):
    """'steeg met 12.000', '12.000 meer', 'rose by 12,000', 'een stijging van 12.000': the amount
    a count changed by waits in review with no indicator proposed; only the count loads (the
    amount was loaded as the year's reports, or refused the publication as a second value)."""
    parsed = parse(text, 2046)
    assert values(text, 2046) == {("offlimits.reports", 2046, "total"): (171204, "exact")}
    amounts = [c for c in parsed.candidates if c["value"] in (3100, 12000)]
    assert amounts and all(c["indicator_id"] is None for c in amounts)


def test_a_word_broken_over_two_lines_of_a_pdf_text_is_one_word():
    """A PDF's text breaks words at the line end ("5,1 pro-" / "cent"): read as one word, the
    percentage is a change in URLs, never a count of reports (it was read as reports 3.1, and
    the publication refused as stating two report counts)."""
    text = (
        "Offlimits Jaarverslag 2046\n\nOns Meldpunt Kinderporno verwerkte in 2046 165.930 meldingen.\n\n"
        "Na jaren van groei daalde het aantal meldingen in 2046 met 3,1 pro-\ncent. Het aantal beoordeelde "
        "URL's steeg in 2046 juist met 5,1 pro-\ncent.\n"
    )
    got = offlimits.parse(text.encode(), 2046, "jaarverslag.txt", OWN).observations
    assert sorted(zip(got.indicator_id, got.value)) == [("offlimits.reports", 165930.0), ("offlimits.urls_analysed_change", 5.1)]


@pytest.mark.parametrize(
    "sentence, decoy",
    [
        ("Ons doel voor 2050: 98% van de verwijderverzoeken binnen 24 uur opgevolgd.", 98),
        ("Ons doel is 99% binnen 24 uur.", 99),
        ("We verwachten in 2050 ruim 260.000 AI-beelden.", 260000),
        ("Het meldpunt verwacht in 2050 1.300.000 URL's te beoordelen.", 1300000),
        ("In 2049 kwamen er tussen de 40.000 en 50.000 meldingen uit Nederland.", 40000),
        ("In 2049 kwamen er tussen de 40.000 en 50.000 meldingen uit Nederland.", 50000),
    ],
)
def test_a_target_a_forecast_or_a_range_is_not_a_figure(sentence, decoy):
    """Aimed at, expected, or one end of a range: never loaded beside the year's real figures
    (each was loaded: 98% as 2050's removal share, 270.000 as 2050's AI images)."""
    text = f"<h1>Jaarcijfers 2049</h1><p>Ons Meldpunt Kinderporno verwerkte in 2049 188.719 meldingen. {sentence}</p>"
    parsed = parse(text, 2049)
    assert decoy not in set(parsed.observations.value)
    assert (188719.0, "offlimits.reports") in set(zip(parsed.observations.value, parsed.observations.indicator_id))


def test_key_figures_in_columns_of_a_pdf_text_are_read_as_their_table():
    """A PDF's key figures in columns under "2049   Verschil": each count its year's, each signed
    difference a change (never the count: '−7.316' was loaded as 2049's reports), a 'waarvan'
    row that is none of the catalog's breakdowns a part (never the total)."""
    text = (
        "Offlimits Jaarverslag 2049\n\n1 Kerncijfers 2049\n\n"
        "                                         2049      Verschil\n"
        "Meldpunt Kinderporno\n"
        "Meldingen verwerkt                    188.719       −7.316\n"
        "  waarvan via partners                 23.518       +1.204\n"
        "Beoordeelde URL's                   1.239.806        −3,3%\n"
        "Afbeeldingen (deels) met AI gemaakt   238.904      +37.527\n"
    )
    got = offlimits.parse(text.encode(), 2049, "jaarverslag.txt", OWN)
    assert sorted(zip(got.observations.indicator_id, got.observations.year, got.observations.value)) == [
        ("offlimits.ai_images", 2049, 238904.0),
        ("offlimits.reports", 2049, 188719.0),
        ("offlimits.urls_analysed", 2049, 1239806.0),
        ("offlimits.urls_analysed_change", 2049, -3.3),
    ]
    waiting = {c["value"] for c in got.candidates}
    assert {-7316.0, 23518.0, 1204.0, 37527.0} <= waiting  # as printed: "−7.316"


@pytest.mark.parametrize(
    "text",
    [
        "Last year 60% of the images we assessed were self-generated, against 61% in 2048.",
        "Vorig jaar was 60% van de beoordeelde beelden zelfgemaakt, tegen 61% in 2048.",
    ],
)
def test_a_percentage_with_its_own_year_leaves_last_year_to_the_other(text):
    """'61% in 2048' is that year's share (the % between them no longer hides the year): the
    sentence's 'last year' gives 60% the year before the date of writing, 2049 (both were
    loaded as 2048's)."""
    page = (
        '<html><head><meta property="article:published_time" content="2050-05-19T09:00:00+02:00"></head>'
        f"<body><main><h1>Jaarcijfers</h1><p>{text}</p></main></body></html>"
    )
    got = offlimits.parse(page.encode(), 2049, "news.html", OWN).observations
    assert sorted(zip(got.indicator_id, got.year, got.value)) == [
        ("offlimits.self_generated_share", 2048, 61.0),
        ("offlimits.self_generated_share", 2049, 60.0),
    ]


def test_the_year_before_when_is_the_year_before_the_one_referred_to():
    """'That is 3.7% fewer than the year before, when we received 172,093 reports': a period by
    reference (it was loaded as the year of the sentence before, 2040, and only the stated-twice
    refusal kept it out); it waits, proposed for 2039."""
    text = (
        "<h1>Our CSAM hotline in 2040</h1><p>In 2040, our hotline processed 165,718 reports.</p>"
        "<p>That is 3.7% fewer than the year before, when we received 172,093 reports.</p>"
    )
    parsed = offlimits.parse(text.encode(), 2040, "report.html", OWN)
    assert sorted(zip(parsed.observations.year, parsed.observations.value)) == [(2040, 165718.0)]
    assert {(c["value"], c["period"]) for c in parsed.candidates} >= {(172093.0, "2039")}


def test_a_number_that_counts_its_own_noun_is_not_what_a_noun_before_it_counts():
    """'12 procent van alle meldingen kwam binnen via de 31 partners': 31 counts partners, not
    reports (it was read as the year's report count beside the real one)."""
    text = (
        "<h1>Kerncijfers 2051</h1><p>Ons Meldpunt Kinderporno verwerkte in 2051 211.258 meldingen.</p>"
        "<p>12 procent van alle meldingen kwam in 2051 binnen via de 31 partners van de HashCheckService.</p>"
    )
    got = parse(text, 2051).observations
    assert sorted(zip(got.indicator_id, got.value)) == [("offlimits.reports", 211258.0)]


def test_a_tables_change_row_compared_with_the_year_before_keeps_its_columns_years():
    """A multi-year table's row "Verandering URL's t.o.v. vorig jaar": each cell is its column's
    year's change ('t.o.v. vorig jaar' is the base; every cell was read as the page's year and
    the table refused as stating that year's change twice)."""
    text = (
        "<h1>Vijf jaar in cijfers</h1><table><tr><th></th><th>2048</th><th>2049</th></tr>"
        "<tr><td>Beoordeelde URL's</td><td>1.282.118</td><td>1.239.806</td></tr>"
        "<tr><td>Verandering URL's t.o.v. vorig jaar</td><td>+6,4%</td><td>−3,3%</td></tr></table>"
    )
    got = parse(text, 2049).observations
    assert sorted(zip(got.indicator_id, got.year, got.value)) == [
        ("offlimits.urls_analysed", 2048, 1282118.0),
        ("offlimits.urls_analysed", 2049, 1239806.0),
        ("offlimits.urls_analysed_change", 2048, 6.4),
        ("offlimits.urls_analysed_change", 2049, -3.3),
    ]


def test_the_hotline_described_by_its_subject_is_no_measure():
    """'the Dutch hotline for child sexual abuse material assessed 741,200 URLs': the words that
    say what the hotline is for do not make its URLs ones with abuse material (proposed as URLs
    with illegal material before); what it found illegal stays that."""
    page = (
        '<html><head><meta property="article:published_time" content="2057-05-22T08:00:00+02:00"></head><body><main>'
        "<h1>Hotline saw fewer reports</h1><p>The Dutch hotline for child sexual abuse material assessed 741,200 "
        "URLs last year, and found illegal material on 301,455 of them.</p>"
        "</main></body></html>"
    )
    candidates = refused_candidates(page, 2056, ParseContext(url="https://www.dutchdaily.example/hotline"), "news.html")
    proposed = {(c["value"], c["indicator_id"], c["period"]) for c in candidates}
    assert (741200.0, "offlimits.urls_analysed", "2056") in proposed
    assert (301455.0, "offlimits.urls_illegal", "2056") in proposed


@pytest.mark.parametrize(
    "counted, forecast",
    [
        (
            "Last year the hotline found 291,877 images that were (partly) made with AI.",
            '"We expect somewhere between 310,000 and 330,000 this year," the head of the hotline said.',
        ),
        (
            "Het meldpunt trof vorig jaar 291.877 afbeeldingen aan die (deels) met AI waren gemaakt.",
            "Voor dit jaar rekent Offlimits op tussen de 310.000 en 330.000 van dergelijke afbeeldingen, zo verwacht het meldpunt.",
        ),
    ],
)
def test_a_forecast_without_its_noun_is_proposed_as_what_was_counted_just_before(counted, forecast):
    """A forecast range without a unit noun, or with 'such images', after a sentence on AI
    images: both ends wait as AI images of the year it is written (they waited with no
    indicator, the first end under the year before)."""
    page = (
        '<html><head><meta property="article:published_time" content="2057-05-22T08:00:00+02:00"></head><body><main>'
        f"<h1>Offlimits</h1><p>{counted} {forecast}</p></main></body></html>"
    )
    candidates = refused_candidates(page, 2056, ParseContext(url="https://nieuws.example/ai"), "news.html")
    proposed = {(c["value"], c["indicator_id"], c["period"]) for c in candidates}
    assert {(310000.0, "offlimits.ai_images", "2057"), (330000.0, "offlimits.ai_images", "2057")} <= proposed
    assert (291877.0, "offlimits.ai_images", "2056") in proposed


def test_a_key_figure_list_with_a_change_in_brackets_and_footnote_marks_on_its_labels():
    """<dd>1.402.377 (+3,1%)</dd> is the count and its change (the pair was dropped whole), and
    'Meldingen uit Nederland²' is still from the Netherlands (the mark glued to the word hid it:
    proposed as all reports)."""
    text = (
        "<h1>Kerncijfers 2055</h1><dl>"
        "<dt>Verwerkte meldingen</dt><dd>214.902</dd>"
        "<dt>Meldingen uit Nederland²</dt><dd>69.118</dd>"
        "<dt>Geanalyseerde URL's</dt><dd>1.402.377 (+3,1%)</dd></dl>"
        "<ol><li>² Naar het land van de melder.</li></ol>"
    )
    got = parse(text, 2055).observations
    assert sorted(zip(got.indicator_id, got.breakdown, got.value)) == [
        ("offlimits.reports", "from_netherlands", 69118.0),
        ("offlimits.reports", "total", 214902.0),
        ("offlimits.urls_analysed", "total", 1402377.0),
        ("offlimits.urls_analysed_change", "total", 3.1),
    ]


def test_a_change_on_the_year_before_and_a_year_after_was_in_are_this_years():
    """British English's base ('an increase of 3.9% on the year before') is no period: the change
    is the year's (loaded as the year before); 'was in 2058' is that year, not a base ('as in'
    inside 'was in' made it one, and the share took the sentence before's 2057); 'such images'
    after the sentence's own AI images counts AI images."""
    english = (
        "<h1>Our hotline in 2058</h1><p>In 2058 our analysts assessed 1,511,904 URLs, an increase of 3.9% on the "
        "year before.</p><p>The number of images made partly or wholly with AI rose again: we counted 402,118 such "
        "images in 2058, against 377,006 in 2057.</p>"
    )
    got = offlimits.parse(english.encode(), 2058, "report.html", OWN).observations
    assert sorted(zip(got.indicator_id, got.year, got.value)) == [
        ("offlimits.ai_images", 2057, 377006.0),
        ("offlimits.ai_images", 2058, 402118.0),
        ("offlimits.urls_analysed", 2058, 1511904.0),
        ("offlimits.urls_analysed_change", 2058, 3.9),
    ]
    dutch = (
        "<h1>Terugblik</h1><p>In 2057 verwerkte ons meldpunt 199.310 meldingen. Ruim de helft van de beoordeelde "
        "afbeeldingen (58 procent) was in 2058 door kinderen zelf gemaakt.</p>"
    )
    got = parse(dutch, 2058).observations
    assert sorted(zip(got.indicator_id, got.year, got.value)) == [
        ("offlimits.reports", 2057, 199310.0),
        ("offlimits.self_generated_share", 2058, 58.0),
    ]


@pytest.mark.parametrize(
    "sentence, value, proposed",
    [
        (
            "In 2058 the hotline processed 210,540 reports, 4.1% more than in 2057, when it handled 202,250.",
            202250.0,
            ("offlimits.reports", "total", "2057"),
        ),
        (
            "In 2058 the hotline processed 210,540 reports. Roughly a third of these reports (70,113) came from the Netherlands.",
            70113.0,
            ("offlimits.reports", "from_netherlands", "2058"),
        ),
        (
            "Na 198.004 meldingen in 2057 kwam het meldpunt in 2058 uit op 210.540.",
            210540.0,
            ("offlimits.reports", "total", "2058"),
        ),
        (
            "In 2058 the analysts found 1,402,377 URLs. Of those, 480,951 held illegal material, the hotline said.",
            480951.0,
            ("offlimits.urls_illegal", "total", "2058"),
        ),
    ],
)
def test_a_number_without_its_noun_is_proposed_as_what_is_counted_around_it(sentence, value, proposed):
    """In another voice a number without its noun waits with the count its sentence (or the
    one before) names as the proposal: it waited with no indicator, and 'in 2057, when it
    handled 202,250' is 2057's."""
    page = f"<html><body><main><h1>Hotline figures</h1><p>{sentence}</p></main></body></html>"
    candidates = refused_candidates(page, 2058, ParseContext(url="https://www.dutchdaily.example/hotline"), "news.html")
    got = {(c["indicator_id"], c["breakdown"], c["period"]) for c in candidates if c["value"] == value}
    assert proposed in got


def test_a_number_without_its_noun_beside_another_organisation_or_a_change_proposes_nothing():
    """Not an amount of change, a rate per day or another organisation's number: those wait
    with no indicator proposed."""
    page = (
        "<html><body><main><h1>Hotline figures</h1><p>In 2058 the hotline processed 210,540 reports, 8,290 more "
        "than the year before. Police received 61,500 from NCMEC. That is about 577 a day.</p></main></body></html>"
    )
    candidates = refused_candidates(page, 2058, ParseContext(url="https://www.dutchdaily.example/hotline"), "news.html")
    proposals = {c["value"]: c["indicator_id"] for c in candidates}
    assert proposals[210540.0] == "offlimits.reports"
    assert (proposals[8290.0], proposals[61500.0], proposals[577.0]) == (None, None, None)


def test_a_printed_minus_stays_on_the_proposal_and_the_nearest_noun_counts_a_headline_figure():
    """A difference column's '−8.204' waits as −8204 (as printed: it waited unsigned), and a
    headline's 'AI-beelden boven de 320.000' after 'minder meldingen' is proposed as AI images
    (the nearest count noun), not as reports."""
    text = (
        "Offlimits Jaarverslag 2058\n\n2 Kerncijfers 2058\n\n"
        "                                    2058      Verschil\n"
        "Meldpunt Kinderporno\n"
        "Meldingen verwerkt               202.336       −8.204\n"
        "Beoordeelde URL's              1.402.377      +61.020\n"
    )
    got = offlimits.parse(text.encode(), 2058, "jaarverslag.txt", OWN)
    assert ("offlimits.reports", 2058, 202336.0) in set(
        zip(got.observations.indicator_id, got.observations.year, got.observations.value)
    )
    assert -8204.0 in {c["value"] for c in got.candidates} and 8204.0 not in {c["value"] for c in got.candidates}
    page = "<html><body><main><h1>Jaarcijfers 2058: minder meldingen, AI-beelden boven de 320.000</h1></main></body></html>"
    candidates = refused_candidates(page, 2058, ParseContext(url="https://nieuws.example/ai"), "news.html")
    assert {(c["value"], c["indicator_id"]) for c in candidates} >= {(320000.0, "offlimits.ai_images")}


def test_a_change_on_a_year_in_british_english_is_of_the_year_before_it_is_compared_with():
    """'down by 8,204 on 2057, or 3.9% fewer': 2057 is the base, the change is the year's the
    text is about (it was proposed for 2057); the report on 2058 stays 2058's."""
    page = (
        '<html><head><meta property="article:published_time" content="2059-05-21T08:00:00+02:00"></head><body><main>'
        "<h1>Hotline figures</h1><p>The hotline processed 202,336 reports last year, down by 8,204 on 2057, or 3.9% "
        "fewer.</p></main></body></html>"
    )
    candidates = refused_candidates(page, 2058, ParseContext(url="https://www.dutchdaily.example/hotline"), "news.html")
    periods = {c["value"]: c["period"] for c in candidates}
    assert (periods[202336.0], periods[3.9]) == ("2058", "2058")


def test_within_a_day_is_the_removal_share_and_images_after_a_sentence_on_ai_are_proposed_as_ai_images():
    """'binnen een dag' is the removal share's 'binnen 24 uur' (it waited with no measure), and
    a count of images after a sentence about AI images, with no number of its own, is proposed
    as AI images."""
    page = (
        '<html><head><meta property="article:published_time" content="2059-05-20T08:00:00+02:00"></head><body><main>'
        "<h1>Meldpunt: meer AI-beelden</h1><p>Opvallend is de groei van beelden die met kunstmatige intelligentie "
        "zijn gemaakt. Vorig jaar ging het om 402.118 afbeeldingen, 6 procent meer dan in 2057.</p>"
        "<p>Volgens Offlimits volgden hostingbedrijven vorig jaar meer dan 97 procent van de verwijderverzoeken "
        "binnen een dag op.</p></main></body></html>"
    )
    candidates = refused_candidates(page, 2058, ParseContext(url="https://nieuws.example/ai-2059"), "news.html")
    proposed = {(c["value"], c["indicator_id"], c["period"]) for c in candidates}
    assert {(402118.0, "offlimits.ai_images", "2058"), (97.0, "offlimits.removal_within_24h_share", "2058")} <= proposed


def test_a_pdf_tables_label_that_goes_on_with_a_number_on_its_second_line():
    """'Verwijderverzoeken binnen' / '24 uur opgevolgd   >97%   >96%': one label over two lines
    (the second starts with a number, so the rows' shares waited with no measure)."""
    text = (
        "Offlimits Jaarverslag 2058\n\nKerncijfers Meldpunt Kinderporno\n\n"
        "                                      2058          2057\n"
        "Meldingen verwerkt                 202.336       210.540\n"
        "Verwijderverzoeken binnen\n"
        "24 uur opgevolgd                      >97%          >96%\n"
    )
    got = offlimits.parse(text.encode(), 2058, "jaarverslag.txt", OWN).observations
    assert sorted(zip(got.indicator_id, got.year, got.value, got.qualifier)) == [
        ("offlimits.removal_within_24h_share", 2057, 96.0, "lower_bound"),
        ("offlimits.removal_within_24h_share", 2058, 97.0, "lower_bound"),
        ("offlimits.reports", 2057, 210540.0, "exact"),
        ("offlimits.reports", 2058, 202336.0, "exact"),
    ]


def test_a_difference_in_percentage_points_waits_as_printed_and_never_loads():
    """'−2 pp' in a key-figure table's difference column: a difference of two shares, waiting
    signed with no measure (the cell was not read at all), never the year's share."""
    text = (
        "<h1>Kerncijfers 2058</h1><table><tr><th></th><th>2058</th><th>2057</th><th>verschil</th></tr>"
        "<tr><td>Zelfgemaakt materiaal</td><td>59%</td><td>61%</td><td>−2 pp</td></tr>"
        "<tr><td>Meldingen verwerkt</td><td>202.336</td><td>210.540</td><td>−3,9%</td></tr></table>"
    )
    parsed = parse(text, 2058)
    got = sorted(zip(parsed.observations.indicator_id, parsed.observations.year, parsed.observations.value))
    assert ("offlimits.self_generated_share", 2058, 59.0) in got and 2.0 not in {v for _, _, v in got}
    assert (-2.0, None) in {(c["value"], c["indicator_id"]) for c in parsed.candidates}


def test_a_list_answering_a_question_with_its_year_and_a_footnote_that_counts():
    """A post's 'Wat zag ons meldpunt in 2061?' gives its year to the figure-led items below it
    (they waited: no period); '(+2,9% t.o.v. 2060)' after 'URL's beoordeeld' is their change;
    'ruim 1.800 per dag' after the colon is the day's, not the year's count before it; and a
    footnote's own number ('¹ Inclusief 3 407 meldingen via de chat') never loads."""
    post = (
        "Ons jaarverslag 2061 is uit! Wat zag ons Meldpunt Kinderporno in 2061?\n\n"
        "▪️ 219.774 meldingen verwerkt\n"
        "▪️ 1.565.201 URL's beoordeeld (+2,9% t.o.v. 2060)\n"
        "▪️ 661.212 afbeeldingen (deels) gemaakt met AI: ruim 1.800 per dag\n"
    )
    got = offlimits.parse(post.encode(), 2061, "post.txt", OWN).observations
    assert sorted(zip(got.indicator_id, got.year, got.value)) == [
        ("offlimits.ai_images", 2061, 661212.0),
        ("offlimits.reports", 2061, 219774.0),
        ("offlimits.urls_analysed", 2061, 1565201.0),
        ("offlimits.urls_analysed_change", 2061, 2.9),
    ]
    report = (
        "Offlimits – Jaarverslag 2061\n\nMeldingen In 2061 ontving het Meldpunt 219 774 meldingen.\n\n"
        "¹ Inclusief 3 407 meldingen die via onze chatfunctie binnenkwamen. ² Geteld vanaf 1 maart 2061; in "
        "januari en februari ging het om 410 meldingen.\n"
    )
    parsed = offlimits.parse(report.encode(), 2061, "jaarverslag.txt", OWN)
    assert 3407.0 not in set(parsed.observations.value) and 3407.0 in {c["value"] for c in parsed.candidates}


def test_press_counts_by_reference_and_a_comparisons_year_is_not_the_texts():
    """'Het meldpunt trof er vorig jaar ruim 590.000 aan, tegen bijna 510.000 in 2060': both
    are AI images (the sentence before names them; neither was proposed with a measure); the
    next sentence's share without a year is proposed for the year the text is about (2061),
    not the comparison's 2060; 'Het aantal beoordeelde url's steeg tot 1.566.004; op 551.221
    daarvan ... illegaal' proposes the first as URLs analysed (it was proposed as illegal)."""
    page = (
        '<html><head><meta property="article:published_time" content="2062-05-19T08:00:00+02:00"></head><body><main>'
        "<h1>Meer AI-beelden bij meldpunt</h1><p>Vooral het aantal beelden dat met kunstmatige intelligentie is "
        "gemaakt, blijft groeien. Het meldpunt trof er vorig jaar ruim 590.000 aan, tegen bijna 510.000 in 2060. "
        "Zes op de tien beoordeelde afbeeldingen waren door kinderen zelf gemaakt.</p>"
        "<p>Het aantal beoordeelde url's steeg met 2,9 procent tot 1.566.004; op 551.221 daarvan stond illegaal "
        "materiaal.</p></main></body></html>"
    )
    candidates = refused_candidates(page, 2061, ParseContext(url="https://nieuws.example/meldpunt-2062"), "news.html")
    proposed = {(c["value"], c["indicator_id"], c["period"]) for c in candidates}
    assert {
        (590000.0, "offlimits.ai_images", "2061"),
        (510000.0, "offlimits.ai_images", "2060"),
        (60.0, "offlimits.self_generated_share", "2061"),
        (1566004.0, "offlimits.urls_analysed", "2061"),
    } <= proposed


def test_an_arrow_is_a_sign_and_a_bracketed_count_after_than_in_a_year_is_that_years():
    """'URL's beoordeeld: ↑ 4,9% ten opzichte van 2060' is a rise of 4.9 (it waited with no
    measure); '7.1% more than in 2060 (203,338)' is 2060's count of the reports the sentence
    counts (it waited, compared with the percentage between)."""
    text = (
        "<h1>Our hotline in 2061</h1><p>In 2061 the Hotline processed 217,775 reports, 7.1% more than in 2060 "
        "(203,338).</p><ul><li>URLs assessed: ↑ 4.9% compared with 2060</li></ul>"
    )
    got = offlimits.parse(text.encode(), 2061, "report.html", OWN).observations
    assert sorted(zip(got.indicator_id, got.year, got.value)) == [
        ("offlimits.reports", 2060, 203338.0),
        ("offlimits.reports", 2061, 217775.0),
        ("offlimits.urls_analysed_change", 2061, 4.9),
    ]


def test_an_etmaal_and_what_children_made_of_themselves_and_the_lead_year_of_a_dated_item():
    """'binnen een etmaal' is within 24 hours; 'materiaal dat kinderen van zichzelf maakten' is
    self-generated (both waited with no measure); a sentence without a period in a dated item
    is proposed for the year of the item's lead (2061), not the last comparison's (2060)."""
    page = (
        '<html><head><meta property="article:published_time" content="2062-05-18T08:00:00+02:00"></head><body><main>'
        "<h1>Meldpunt: groei AI vlakt af</h1><p>Het Meldpunt Kinderporno verwerkte vorig jaar 219.774 meldingen, "
        "2,5 procent meer dan in 2060.</p><p>In 2060 steeg het aantal AI-beelden nog met een derde.</p>"
        "<p>Het aandeel materiaal dat kinderen van zichzelf maakten, steeg naar 64 procent. Meer dan 98 procent "
        "van de verwijderverzoeken werd binnen een etmaal opgevolgd.</p></main></body></html>"
    )
    candidates = refused_candidates(page, 2061, ParseContext(url="https://nieuws.example/meldpunt-2062b"), "news.html")
    proposed = {(c["value"], c["indicator_id"], c["period"]) for c in candidates}
    assert {
        (64.0, "offlimits.self_generated_share", "2061"),
        (98.0, "offlimits.removal_within_24h_share", "2061"),
    } <= proposed


def test_a_half_year_items_numbers_without_a_period_are_proposed_for_that_half():
    """In an item about the first half of the year, 'Dat is een stijging van 4,1 procent' and
    'zo'n 590 meldingen per dag' are the half-year's (they were proposed for the whole year);
    what the item says of the whole year keeps the year."""
    page = (
        "<html><head><title>Halfjaarcijfers 2062: meer meldingen</title>"
        '<meta property="article:published_time" content="2062-08-20T08:00:00+02:00"></head><body><main>'
        "<h1>Halfjaarcijfers 2062: meer meldingen</h1><p>In de eerste zes maanden van 2062 verwerkte ons meldpunt "
        "107.811 meldingen. Dat is een stijging van 4,1 procent. Gemiddeld kwamen er zo'n 590 meldingen per dag "
        "binnen.</p><p>Voor heel dit jaar verwachten we ruim 215.000 meldingen.</p></main></body></html>"
    )
    candidates = refused_candidates(page, 2062, OWN, "news.html")  # a half-year item loads no annual figure
    proposed = {(c["value"], c["period"]) for c in candidates}
    assert {(107811.0, "2062-H1"), (4.1, "2062-H1"), (590.0, "2062-H1"), (215000.0, "2062")} <= proposed


@pytest.mark.parametrize("said, change", [("up 2.9%", 2.9), ("down by 1.2%", -1.2)])
def test_up_or_down_before_a_percentage_is_the_change_of_the_count_before_it(said, change):
    """'assessed 1,566,004 URLs, up 2.9%, and hosts removed ... within 24 hours in over 99% of
    cases': the change of the URLs (it was proposed as the removal share, read from the whole
    sentence); 'down by' is a fall."""
    text = (
        f"<h1>Our hotline in 2061</h1><p>In 2061 our analysts assessed 1,566,004 URLs, {said}, and hosting "
        "firms took material down within 24 hours in over 99% of cases.</p>"
    )
    got = offlimits.parse(text.encode(), 2061, "report.html", OWN).observations
    assert ("offlimits.urls_analysed_change", 2061, change) in set(zip(got.indicator_id, got.year, got.value))


def test_years_ago_count_back_from_the_date_and_each_part_takes_its_own_relative_year():
    """ "Twaalf jaar geleden ... 1.874 meldingen, vorig jaar waren dat er 31.407": each number
    takes the relative year said in its own part of the sentence, counted from the item's date."""
    text = (
        '<html><head><meta property="article:published_time" content="2046-03-02"></head><body>'
        "<p>Twaalf jaar geleden kreeg het Meldpunt Kinderporno 1.874 meldingen binnen, vorig jaar waren dat er 31.407.</p>"
        "<p>Twee jaar geleden ontving het meldpunt 29.113 meldingen.</p></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        parse(text, 2045, context=PRESS)
    got = {(c["indicator_id"], c["period"], c["value"]) for c in refused.value.candidates}
    assert {("offlimits.reports", "2034", 1874), ("offlimits.reports", "2044", 29113)} <= got, got
    assert not any(c["value"] == 1874 and c["period"] != "2034" for c in refused.value.candidates)
    assert not any(c["value"] == 31407 and c["period"] not in (None, "2045") for c in refused.value.candidates)


def test_the_change_of_the_one_count_before_loads_in_the_own_voice():
    """ "In 2047 the hotline assessed 1,204,377 URLs. That is an increase of almost 12% compared to
    2046, when it assessed 1,075,338." The change is the count's on the year before (the
    catalog's change) and loads in the publisher's voice; the ', when' refers to 2046, the base,
    not to the change; the count after it is proposed as what the change was of. Compared with
    another year, or in the press, the change waits."""
    ctx = ParseContext(url="https://www.offlimits.nl/en/news/figures-2047", own_hosts=OWN_HOSTS)
    text = (
        "<p>In 2047 the hotline assessed 1,204,377 URLs. That is an increase of almost 12% compared to 2046,"
        " when it assessed 1,075,338.</p>"
    )
    parsed = parse(text, 2047, context=ctx)
    got = sorted((r.indicator_id, r.period, r.value, r.qualifier) for r in parsed.observations.itertuples())
    assert got == [
        ("offlimits.urls_analysed", "2047", 1204377, "exact"),
        ("offlimits.urls_analysed_change", "2047", 12, "approx"),
    ]
    assert [(c["indicator_id"], c["period"], c["value"]) for c in parsed.candidates] == [
        ("offlimits.urls_analysed", "2046", 1075338)
    ]
    fell = "<p>In 2047 beoordeelde het meldpunt 1.204.377 URL's. Dat is een daling van 3 procent.</p>"
    assert ("offlimits.urls_analysed_change", "2047", -3) in {
        (r.indicator_id, r.period, r.value) for r in parse(fell, 2047, context=ctx).observations.itertuples()
    }
    other_base = "<p>In 2047 the hotline assessed 1,204,377 URLs. That is an increase of 40% compared to 2043.</p>"
    assert set(parse(other_base, 2047, context=ctx).observations.indicator_id) == {"offlimits.urls_analysed"}
    with pytest.raises(ParseError) as refused:
        parse(text, 2047, context=PRESS)
    assert any(c["indicator_id"] == "offlimits.urls_analysed_change" and c["value"] == 12 for c in refused.value.candidates)


def test_suspected_abuse_is_what_was_assessed_and_as_many_as_is_a_base():
    """URLs "met vermoedelijk seksueel kindermisbruik" that the hotline processed are URLs
    analysed, not URLs found illegal; "anderhalf keer zoveel als het jaar daarvoor" compares with
    the year before, it is not the number's year."""
    text = (
        '<html><head><meta property="article:published_time" content="2049-03-01"></head><body>'
        "<p>Het Meldpunt Kinderporno moest vorig jaar 212.447 URL's met vermoedelijk seksueel kindermisbruik verwerken.</p>"
        "<p>Bij Helpwanted kwamen vorig jaar meer meldingen binnen: 914, anderhalf keer zoveel als het jaar daarvoor.</p>"
        "</body></html>"
    )
    with pytest.raises(ParseError) as refused:
        parse(text, 2048, context=PRESS)
    got = {c["value"]: (c["indicator_id"], c["period"]) for c in refused.value.candidates}
    assert got[212447] == ("offlimits.urls_analysed", "2048")
    assert got[914][1] == "2048"


def test_a_rounded_headline_never_loads_in_place_of_an_exact_figure_that_waits():
    """Title "Meldpunt bekeek in 2050 bijna 160.000 URL's" above a body whose exact 159.870 waits
    (its period by reference): the rounded figure waits beside it, never loads in its place. The
    item's date line names its writer ("Geplaatst op 21 maart 2051 door EOKM"); URLs "met
    mogelijk beeldmateriaal van seksueel kindermisbruik" are URLs analysed."""
    page = _own_page(
        "<h1>Meldpunt bekeek in 2050 bijna 160.000 URL's</h1><p>Geplaatst op 21 maart 2051 door EOKM</p>"
        "<p>Het meldpunt had het in 2050 drukker dan ooit. In dat jaar beoordeelden onze analisten 159.870 URL's.</p>"
        "<p>In 2049 analyseerde het meldpunt 148.211 URL's met mogelijk beeldmateriaal van seksueel kindermisbruik.</p>",
        title="Meldpunt bekeek in 2050 bijna 160.000 URL's - EOKM",
    )
    try:
        parsed = parse(page, 2050, context=OWN_PAGE)
        loaded, waiting = list(parsed.observations.itertuples()), parsed.candidates
    except ParseError as refused:
        loaded, waiting = [], refused.candidates
    assert not [r for r in loaded if r.value == 160000], loaded
    got = {(c["value"], c["indicator_id"], c["period"]) for c in waiting}
    assert (159870, "offlimits.urls_analysed", "2050") in got and (160000, "offlimits.urls_analysed", "2050") in got
    assert not [r for r in loaded if r.indicator_id == "offlimits.urls_illegal"]
    assert (148211, "offlimits.urls_analysed", "2049") in {(r.value, r.indicator_id, r.period) for r in loaded} | got


def test_a_lead_about_two_years_gives_neither_to_the_next_sentence_and_a_dated_half_year():
    """ "received 127,081 reports last year, half the 255,563 of 2023" speaks of two years: the next
    sentence's "Some 72,700 of the reports" is proposed for the item's lead year (last year), not
    2023; "checked 603,062 urls" are URLs analysed; "in het eerste halfjaar zo'n 8100 meldingen"
    in an item dated August 2049 is proposed for 2049-H1."""
    english = (
        '<html lang="en"><head><meta property="article:published_time" content="2050-04-10"></head><body>'
        "<p>The Dutch hotline received 127,081 reports last year, half the 255,563 of 2048, according to Offlimits. "
        "Some 72,700 of the reports came from the Netherlands.</p>"
        "<p>The hotline's analysts checked 603,062 urls, 12.5% more than in 2048, and found illegal material on 230,759 of them.</p>"
        "</body></html>"
    )
    with pytest.raises(ParseError) as refused:
        parse(english, 2049, context=PRESS)
    got = {c["value"]: (c["indicator_id"], c["period"]) for c in refused.value.candidates}
    assert got[72700] == ("offlimits.reports", "2049") and got[127081] == ("offlimits.reports", "2049")
    assert got[603062] == ("offlimits.urls_analysed", "2049") and got[230759] == ("offlimits.urls_illegal", "2049")
    half = (
        '<html><head><meta property="article:published_time" content="2049-08-04"></head><body>'
        "<p>Het Meldpunt Kinderporno heeft in het eerste halfjaar zo'n 8100 meldingen gekregen.</p></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        parse(half, 2049, context=PRESS)
    assert [(c["value"], c["period"]) for c in refused.value.candidates] == [(8100, "2049-H1")]


def test_the_relative_year_of_a_numbers_own_part_beats_the_year_of_the_other_part():
    """ "In 2046 telde het Meldpunt nog 413.262 meldingen; vorig jaar waren het er 144.058": the
    second number's part says "vorig jaar" (from the item's date), the sentence's 2046 is the
    first part's."""
    text = (
        '<html><head><meta property="article:published_time" content="2048-05-02"></head><body>'
        "<p>In 2046 telde het Meldpunt Kinderporno nog 413.262 meldingen; vorig jaar waren het er 144.058.</p></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        parse(text, 2047, context=PRESS)
    got = {c["value"]: c["period"] for c in refused.value.candidates}
    assert got == {413262: "2046", 144058: "2047"}, got


@pytest.mark.parametrize("registered", [2042, 2043])
def test_an_undated_item_that_compares_with_one_year_reports_the_year_after_it(registered):
    """An undated press item ("vorig jaar ... tegenover circa 414.000 in 2041"): 'vorig jaar' is
    proposed as the year after the one it compares with, whichever year the operator registered
    it under (the year of its figures or of its writing)."""
    text = (
        "<html><body><p>Het Meldpunt Kinderporno ontving vorig jaar circa 145.000 meldingen, "
        "tegenover circa 414.000 in 2041.</p></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        parse(text, registered, context=PRESS)
    got = {c["value"]: c["period"] for c in refused.value.candidates}
    assert got[145000] == "2042" and got[414000] == "2041", got


def test_a_change_said_with_nam_toe_or_nam_af():
    """ "Het aantal door het meldpunt geanalyseerde URL's nam in 2061 toe met 28 procent" is the
    catalog's change in URLs analysed (a fall, "nam ... af", signed)."""
    rose = _own_page("<p>Het aantal door het meldpunt geanalyseerde URL's nam in 2061 toe met 28 procent.</p>")
    fell = _own_page("<p>Het aantal door ons meldpunt geanalyseerde URL's nam in 2061 af met 3 procent.</p>")
    assert [(r.indicator_id, r.period, r.value) for r in parse(rose, 2061, context=OWN_PAGE).observations.itertuples()] == [
        ("offlimits.urls_analysed_change", "2061", 28)
    ]
    assert [(r.indicator_id, r.period, r.value) for r in parse(fell, 2061, context=OWN_PAGE).observations.itertuples()] == [
        ("offlimits.urls_analysed_change", "2061", -3)
    ]


def test_a_dated_items_headline_is_proposed_for_the_year_of_its_lead():
    """ "Meldpunt Kinderporno beoordeelt voor het eerst meer dan 900.000 url's" above a lead on
    'vorig jaar' in an item dated May 2041: the headline's rounded number waits for 2040, with
    its measure (the title's twin takes the heading's)."""
    text = (
        "<html><head><title>Meldpunt Kinderporno beoordeelt voor het eerst meer dan 900.000 url's | NU - Het laatste nieuws</title>"
        '<meta property="article:published_time" content="2041-05-22"></head><body>'
        "<h1>Meldpunt Kinderporno beoordeelt voor het eerst meer dan 900.000 url's</h1>"
        "<p>Het Meldpunt Kinderporno heeft vorig jaar 903.265 url's beoordeeld, meldt Offlimits.</p></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        parse(text, 2040, context=PRESS)
    headlines = {(c["indicator_id"], c["period"]) for c in refused.value.candidates if c["value"] == 900000}
    assert headlines == {("offlimits.urls_analysed", "2040")}, headlines


def test_a_base_with_its_own_when_the_year_before_in_flemish_and_artificiele_intelligentie():
    """ "Dat zijn er 54 procent meer dan een jaar eerder, toen het om 100.478 url's ging": the
    'toen' is the base's, the change is the text's year's; the Belgian press's "het jaar
    voordien" is the year before; "beelden met artificiële intelligentie ...: 1.344" are AI images."""
    text = (
        '<html><head><meta property="article:published_time" content="2051-04-03"></head><body>'
        "<p>Het Meldpunt Kinderporno beoordeelde vorig jaar 154.897 url's. Dat zijn er 54 procent meer dan een jaar eerder, "
        "toen het om 100.478 url's ging.</p>"
        "<p>Het meldpunt kreeg in 2050 127.081 meldingen binnen, tegenover 255.563 het jaar voordien.</p>"
        "<p>Nieuw is dat het meldpunt bijhoudt hoeveel beelden met artificiële intelligentie zijn gemaakt: 1.344.</p></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        parse(text, 2050, context=PRESS)
    got = {c["value"]: (c["indicator_id"], c["period"]) for c in refused.value.candidates}
    assert got[54] == ("offlimits.urls_analysed_change", "2050") and got[100478] == ("offlimits.urls_analysed", "2049")
    assert got[255563] == ("offlimits.reports", "2049")
    assert got[1344] == ("offlimits.ai_images", "2050"), got


def test_the_first_two_quarters_are_a_half_year_carried_to_the_next_sentence_and_a_compact_address_date():
    """ "In de eerste twee kwartalen daalde het aantal anonieme meldingen met 93 procent" is the
    first half-year; the next sentence's "namen met 77 procent af" speaks of the same half; an
    undated item's half-year is proposed in its registered year; an address's "/20480803/"
    dates the item (its "vorig jaar" is 2047)."""
    text = (
        "<html><body><p>In de eerste twee kwartalen daalde het aantal anonieme meldingen bij het Meldpunt Kinderporno "
        "met 93 procent. Meldingen die via internationale meldpunten binnenkomen, namen met 77 procent af.</p></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        parse(text, 2048, context=PRESS)
    assert {(c["value"], c["period"]) for c in refused.value.candidates} == {(93, "2048-H1"), (77, "2048-H1")}
    dated = ParseContext(url="https://nieuws.example.nl/algemeen/20480803/meldpunt/", own_hosts=OWN_HOSTS)
    lead = "<html><body><p>Het Meldpunt Kinderporno kreeg vorig jaar 144.058 meldingen.</p></body></html>"
    with pytest.raises(ParseError) as refused:
        parse(lead, 2048, context=dated)
    assert [(c["value"], c["period"]) for c in refused.value.candidates] == [(144058, "2047")]


def test_a_refused_publications_figures_wait_with_their_reading():
    """A page refused as a whole (registered under another year than its title's; a figure stated
    twice) loads nothing, and what it would have loaded waits in review with its reading and
    the refusal as its reason: nothing read is lost (issue 22, part 3)."""
    page = _own_page(
        "<h1>Jaarcijfers 2049</h1><p>In 2049 beoordeelde het meldpunt 154.897 URL's.</p>", title="Jaarcijfers 2049 | Offlimits"
    )
    with pytest.raises(ParseError, match="register it under its own year") as refused:
        parse(page, 2050, context=OWN_PAGE)
    [waiting] = [c for c in refused.value.candidates if c["value"] == 154897]
    assert (waiting["indicator_id"], waiting["period"]) == ("offlimits.urls_analysed", "2049")
    assert waiting["why"].startswith("the publication is refused: the title states")
    twice = _own_page(
        "<p>In 2049 beoordeelde het meldpunt 154.897 URL's.</p><p>In 2049 beoordeelde het meldpunt 160.002 URL's.</p>"
    )
    with pytest.raises(ParseError, match="stated twice") as refused:
        parse(twice, 2049, context=OWN_PAGE)
    assert {c["value"] for c in refused.value.candidates} >= {154897, 160002}


def test_another_organisation_named_after_the_next_number_is_that_numbers():
    """ "Of last year's reports, 236,743 came from the Netherlands and 176,519 from abroad, mostly
    from partner hotlines": the first is proposed as the hotline's reports from the Netherlands;
    the partner hotlines are named for the second, which proposes no Offlimits figure."""
    text = (
        '<html lang="en"><head><meta property="article:published_time" content="2052-05-03"></head><body>'
        "<p>The Dutch hotline received a record 413,262 reports last year. Of last year's reports, 236,743 came from the "
        "Netherlands and 176,519 from abroad, mostly from partner hotlines that found material on Dutch servers.</p></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        parse(text, 2051, context=PRESS)
    got = {c["value"]: (c["indicator_id"], c["breakdown"], c["period"]) for c in refused.value.candidates}
    assert got[236743] == ("offlimits.reports", "from_netherlands", "2051"), got
    assert got[176519][0] is None


def test_a_numeric_date_line_is_no_year_the_item_speaks_of():
    """A press item's line "Binnenland · 15-04-2054, 11:42" is its date, not a year its figures are
    of: a sentence without a year is proposed for the lead's year ('vorig jaar', 2053)."""
    text = (
        '<html><head><meta property="article:published_time" content="2054-04-15T11:42:00+02:00"></head><body>'
        "<p>Binnenland · 15-04-2054, 11:42</p>"
        "<p>Het Meldpunt Kinderporno kreeg vorig jaar ruim 23.000 meldingen.</p>"
        "<p>Bijna zes op de tien meldingen gingen volgens het meldpunt over beelden die strafbaar zijn.</p></body></html>"
    )
    with pytest.raises(ParseError) as refused:
        parse(text, 2053, context=PRESS)
    got = {c["value"]: c["period"] for c in refused.value.candidates}
    assert got[60] == "2053" and got[23000] == "2053", got


def test_an_umbrella_bodys_item_on_the_hotlines_annual_report_is_not_the_report():
    """An umbrella body's member news ("Dutch hotline publishes Annual Report 2026", "Our Dutch
    member ... has published its annual report") speaks of the report in the third person, in
    its own first person: another voice; its figures wait, none loads (offlimits-22/17 loaded
    "around 300,000 reports" from such an item)."""
    page = (
        '<html lang="en"><head><title>Dutch hotline publishes Annual Report 2026 | Network of hotlines</title></head>'
        "<body><main><h1>Dutch hotline publishes Annual Report 2026</h1>"
        "<p>Our Dutch member, the Meldpunt Kinderporno of Offlimits, has published its annual report for 2026. The hotline "
        "received around 310,000 reports in 2026, 12% more than the year before.</p></main></body></html>"
    )
    context = ParseContext(url="https://www.hotlines.example/articles/dutch-hotline-annual-report-2026", own_hosts=OWN_HOSTS)
    with pytest.raises(ParseError) as exc:
        parse(page, 2026, context=context)
    waiting = {c["value"]: (c["indicator_id"], c["period"]) for c in exc.value.candidates}
    assert waiting[310000] == ("offlimits.reports", "2026")


def test_a_respectively_list_of_the_hotline_and_another_service_pairs_each_number_with_its_name():
    """ "De hotline en Stop it Now respectievelijk N en M": the first is the hotline's, proposed
    as its reports; the second is the other service's, proposed without a measure. Also when the
    names stand in the sentence before ("Vorig jaar kregen ze respectievelijk ...")."""
    text = (
        "<p>Het meldpunt en Stop it Now kregen vorig jaar respectievelijk 24.311 en ruim 900 meldingen.</p>"
        "<p>Het Meldpunt Kinderporno en de jongerenlijn Helpwanted.nl zijn drukker dan ooit. In 2036 kregen ze "
        "respectievelijk 31.402 en 812 meldingen.</p>"
    )
    waiting = {c["value"]: (c["indicator_id"], c["period"]) for c in refused_candidates(text, 2036)}
    assert waiting[24311][0] == "offlimits.reports" and waiting[900][0] is None
    assert waiting[31402] == ("offlimits.reports", "2036") and waiting[812] == (None, "2036")


def test_a_year_opening_the_next_clause_is_that_clauses_and_an_undated_items_last_year_follows_the_past_it_names():
    """ "In 2012 waren het er nog 19.872 en in 2011 12.542": each number its own year (the year
    after 19.872 opens the next number's clause). An undated item's "vorig jaar" beside such
    past years ("nog") is proposed as the year after the newest of them."""
    text = (
        "<p>Het aantal meldingen bij het Meldpunt Kinderporno groeit al jaren. Vorig jaar ontving het meldpunt 41.260 "
        "meldingen. In 2031 waren het er nog 36.118 en in 2030 30.904.</p>"
    )
    waiting = {c["value"]: (c["indicator_id"], c["period"]) for c in refused_candidates(text, 2032)}
    assert waiting[36118] == ("offlimits.reports", "2031") and waiting[30904][1] == "2030"
    assert waiting[41260] == ("offlimits.reports", "2032")  # no date: the year after the newest past year it names


def test_that_hotline_is_the_one_just_named_and_a_change_beside_an_earlier_period_is_the_later_ones():
    """Under a headline about Helpwanted, "... waar ook het Meldpunt Kinderporno onder valt. Dat
    meldpunt verwerkte in 2035 31.204 meldingen" is the hotline's; "In dezelfde periode een jaar
    eerder waren dat er nog ruim 90.000, een daling van 71 procent" after a first half-year: the
    change is the later half-year's, the 90.000 the one a year before."""
    text = (
        "<h1>Helpwanted kreeg meer meldingen van sextortion</h1><p>12 januari 2037</p>"
        "<p>Helpwanted valt onder Offlimits, waar ook het Meldpunt Kinderporno onder valt. Dat meldpunt verwerkte in 2035 "
        "31.204 meldingen.</p>"
        "<p>Bij het Meldpunt Kinderporno kwamen in de eerste helft van 2036 circa 26.000 meldingen binnen. In dezelfde "
        "periode een jaar eerder waren dat er nog ruim 90.000, een daling van 71 procent.</p>"
    )
    got = {(c["value"], c["indicator_id"], c["period"]) for c in refused_candidates(text, 2036)}
    assert (31204, "offlimits.reports", "2035") in got
    assert (90000, "offlimits.reports", "2035-H1") in got and (71, None, "2036-H1") in got


def test_a_change_after_a_comparison_is_the_later_years_and_a_coordinated_clause_keeps_its_own_year():
    """A change said after figures of two years is the later year's ("In 2031 telde het meldpunt
    nog 98.410 meldingen; vorig jaar waren het er 61.220, een daling van ruim een derde"; "In 2030
    waren dat er 71.300. Dat is een stijging van 38 procent." after 2031's count); "een jaar eerder
    lag de stijging nog op 45 procent, en in 2029 op 54 procent": 54 is 2029's, 45 the year
    before the sentence before's. All proposals (press), none loads."""
    text = (
        "<p>3 maart 2033</p>"
        "<p>In 2031 telde het Meldpunt Kinderporno nog 98.410 meldingen; vorig jaar waren het er 61.220, een daling van ruim "
        "een derde.</p>"
        "<p>Het Meldpunt Kinderporno heeft in 2031 98.410 meldingen ontvangen. In 2030 waren dat er 71.300. Dat is een "
        "stijging van 38 procent. Een jaar eerder lag de stijging nog op 45 procent, en in 2029 op 54 procent.</p>"
    )
    got = {(c["value"], c["period"]) for c in refused_candidates(text, 2032)}
    assert (33, "2032") in got  # "een daling van ruim een derde": into vorig jaar (2032), not 2031
    assert (38, "2031") in got  # "Dat is een stijging": the later of 2031 and 2030
    assert (54, "2029") in got and (45, "2030") in got


def test_a_year_set_off_before_its_part_is_that_parts():
    """ "In 2035, 89% of the illegal images were on Dutch servers; in 2036 that share fell to
    63%." (an English report page): 89% is 2035's, not one of several years."""
    text = (
        '<html lang="en"><head><title>Hotline 2036 | Offlimits</title></head><body><main><p>7 May 2037</p>'
        "<p>In 2035, 89% of the illegal images our hotline found were on Dutch servers; in 2036 that share fell to 63%.</p>"
        "</main></body></html>"
    )
    got = {(c["value"], c["period"]) for c in refused_candidates(text, 2036)}
    assert (89, "2035") in got and (63, "2036") in got


def test_a_month_range_is_a_half_year_and_a_pronoun_for_the_police_is_the_polices():
    """The hotline's own half-year news in English: "Between January and June 2036 our hotline
    received approximately 9,300 reports" is the first half-year's, never 2036's (offlimits-24/04
    loaded it as the year's once a clash that hid it was gone); "And the police ... are seeing an
    increase: they counted 41,000 reports in 2035" is the police's, never the hotline's."""
    text = (
        '<html lang="en"><head><title>Hotline news | Offlimits</title></head><body><main><p>3 August 2036</p>'
        "<p>Between January and June 2036 our hotline received approximately 9,300 reports.</p>"
        "<p>The police, who receive their reports from NCMEC, are seeing an increase: they counted 41,000 reports in 2035.</p>"
        "<p>Over the whole of 2035 our hotline received 398,112 reports.</p></main></body></html>"
    )
    parsed = parse(text, 2035, context=OWN)
    got = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples()}
    assert got == {("offlimits.reports", "2035", 398112)}
    waiting = {(c["value"], c["indicator_id"], c["period"]) for c in parsed.candidates}
    assert (9300, "offlimits.reports", "2036-H1") in waiting and (41000, None, "2035") in waiting


def test_urls_checked_for_abuse_are_assessed_and_an_undated_pages_last_year_is_its_tables_newest():
    """ "EOKM controleerde vorig jaar meer dan 220.000 url's op kindermisbruik": checked for abuse,
    so assessed, not found illegal; an undated page with a table of its years ("2030 ...
    2034") says "Vorig jaar" of the table's newest year (proposed)."""
    press = "<p>12 april 2035</p><p>Het EOKM controleerde vorig jaar meer dan 240.000 url's op kindermisbruik.</p>"
    got = {(c["value"], c["indicator_id"]) for c in refused_candidates(press, 2034)}
    assert (240000, "offlimits.urls_analysed") in got
    page = (
        "<h1>Het meldpunt in cijfers</h1><table><tr><th>Jaar</th><th>Meldingen</th></tr>"
        "<tr><td>2030</td><td>150.101</td></tr><tr><td>2034</td><td>127.081</td></tr></table>"
        "<p>Vorig jaar beoordeelden onze analisten 603.062 URL's.</p>"
    )
    parsed = parse(page, 2034, context=OWN)
    assert {(c["value"], c["period"]) for c in parsed.candidates if c["value"] == 603062} == {(603062, "2034")}


def test_one_report_is_an_article_never_a_count():
    """ "omdat collega-meldpunten soms duizenden webadressen in één melding bundelen" (offlimits-25/01:
    its 'one report' clashed with the year's 127.081 and refused the hotline's own page)."""
    text = (
        "<p>Het Meldpunt Kinderporno verwerkte in 2034 131.204 meldingen, tegen 250.101 in 2033. Het aantal meldingen "
        "schommelt van jaar tot jaar sterk, omdat collega-meldpunten in het buitenland soms duizenden webadressen in één "
        "melding bundelen en soms juist niet.</p>"
    )
    assert values(text, 2034) == {
        ("offlimits.reports", 2034, "total"): (131204, "exact"),
        ("offlimits.reports", 2033, "total"): (250101, "exact"),
    }


def test_a_base_counted_back_from_last_year_and_a_count_compared_with_one_year():
    """ "heeft vorig jaar 151.002 meldingen ontvangen, tegenover 420.118 een jaar eerder": the base is
    the year before last year; "Het meldpunt verwerkte er 420.118, bijna 35 procent meer dan in
    2034" (no year of its own, in a dated item whose lead names none): the year after 2034."""
    text = (
        "<p>3 maart 2037</p><p>Het Meldpunt Kinderporno heeft vorig jaar 151.002 meldingen ontvangen, tegenover 420.118 "
        "een jaar eerder.</p><p>Een record. Het meldpunt verwerkte er 398.207, bijna 35 procent meer dan in 2034.</p>"
    )
    got = {(c["value"], c["period"]) for c in refused_candidates(text, 2036)}
    assert (151002, "2036") in got and (420118, "2035") in got
    assert (398207, "2035") in got


def test_a_footnote_mark_opens_a_new_sentence():
    """ "... 255.563 meldingen verwerkt (2022: 144.058). ¹ Naar aanleiding van die meldingen zijn ruim
    500.000 URL's beoordeeld." (a Kamerbrief with footnote marks): the mark does not join the
    sentences, so the bracketed 2022 figure keeps its count's measure."""
    text = (
        "<p>3 mei 2024</p><p>Offlimits heeft in 2023 via het Meldpunt Kinderporno 255.563 meldingen verwerkt (2022: "
        "144.058).<sup>1</sup> Naar aanleiding van die meldingen zijn ruim 500.000 URL's beoordeeld, waarvan er 268.912 "
        "strafbaar materiaal bevatten. De stijging ten opzichte van 2022 laat zien dat het materiaal niet is verdwenen.</p>"
    )
    got = {(c["value"], c["indicator_id"], c["period"]) for c in refused_candidates(text, 2023)}
    assert (144058, "offlimits.reports", "2022") in got


def test_a_broadcast_transcripts_head_line_dates_it():
    """A transcript in plain text whose date is on a line under its title, in the same paragraph
    ("Radio 1 Journaal · dinsdag 14 mei 2047 · 12 min.", "RTL Nieuws 18.00 uur — woensdag 15 mei
    2047"): "vorig jaar" in it counts from that date (it was proposed without a year)."""
    for head in (
        "Het Journaal van twaalf uur\nRadio 1 Journaal · dinsdag 14 mei 2047 · 12 min.",
        "RTL Nieuws 18.00 uur — woensdag 15 mei 2047\nUitgeschreven tekst bij de video",
        "NOS Radio 1 Journaal - dinsdag 14 mei 2047, 08.00 uur\nFragment: minder meldingen",
    ):
        text = (
            f"{head}\n\n[00:00:10] PRESENTATOR: Het Meldpunt Kinderporno van Offlimits heeft vorig jaar "
            "honderdtwaalfduizend meldingen verwerkt.\n"
        )
        got = [(c["indicator_id"], c["period"], c["value"]) for c in refused_candidates(text, 2046, PRESS, "radio.txt")]
        assert ("offlimits.reports", "2046", 112000) in got, got


def test_a_count_by_reference_never_takes_a_shares_measure():
    """ "Dat waren er 61.230" after a sentence about a share: the count refers to no share (it
    was proposed as offlimits.self_generated_share with the value 61,230)."""
    text = "In 2047 was 58 procent van de beelden die het meldpunt beoordeelde zelfgemaakt. Dat waren er 61.230."
    got = {c["value"]: c["indicator_id"] for c in parse(text, 2047).candidates}
    assert got[61230] is None


def test_a_rounded_headline_takes_the_period_of_the_figure_it_rounds():
    """Press: "Meldpunt Kinderporno: ruim 180.000 meldingen" over a body that gives "Vorig jaar ... 183.412
    meldingen" (dated 2047): the headline's number waits with 2046 proposed (it had none, or the year
    of the item's date); a rounded number with "dit jaar" keeps its own period."""
    page = (
        "<html><head><title>Meldpunt Kinderporno: ruim 180.000 meldingen | Binnenland</title>"
        '<meta property="article:published_time" content="2047-05-02T10:00:00+02:00"></head><body><main>'
        "<h1>Meldpunt Kinderporno: ruim 180.000 meldingen</h1>"
        "<p>Het Meldpunt Kinderporno van Offlimits bestaat vijftig jaar. In 2030 kwamen er 256 meldingen binnen.</p>"
        "<p>Vorig jaar verwerkte het meldpunt 183.412 meldingen. Offlimits verwacht dit jaar meer dan 190.000 "
        "meldingen.</p></main></body></html>"
    )
    got = {(c["value"], c["period"]) for c in refused_candidates(page, 2046)}
    assert (180000, "2046") in got and (183412, "2046") in got
    assert (190000, "2046") not in got


def test_a_paragraph_turned_to_helpwanted_and_the_first_months_of_a_year_never_load():
    """Own voice: "In 2048 kreeg Helpwanted ruim 1500 meldingen. Ook heel jonge kinderen meldden
    zich vaker: in 2048 kwamen er 29 meldingen over kinderen tussen 8 en 12 jaar binnen." (the 29
    were loaded as the hotline's reports of 2048), and "In de eerste vier maanden van dit jaar
    kwamen er al 13 meldingen binnen" (loaded as this year's reports)."""
    page = (
        "<html><head><title>Helpwanted | EOKM</title><meta property='article:published_time' content='2049-05-01'>"
        "</head><body><main><p>Het Meldpunt Kinderporno verwerkte in 2048 40.123 meldingen.</p><p>Steeds meer "
        "jongeren kloppen aan bij Helpwanted.nl. In 2048 kreeg Helpwanted ruim 1500 meldingen. Ook heel jonge kinderen "
        "meldden zich vaker: in 2048 kwamen er 29 meldingen over kinderen tussen 8 en 12 jaar binnen.</p></main></body></html>"
    )
    parsed = parse(page, 2048)
    assert [(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples()] == [
        ("offlimits.reports", "2048", 40123)
    ]
    assert {c["value"]: c["indicator_id"] for c in parsed.candidates}[29] is None
    months = (
        "<html><head><title>Nieuws | Offlimits</title><meta property='article:published_time' content='2049-05-01'>"
        "</head><body><main><p>In de eerste vier maanden van dit jaar kwamen er bij ons meldpunt al 13.012 meldingen "
        "binnen.</p></main></body></html>"
    )
    [waits] = refused_candidates(months, 2049, OWN)  # (nothing loads: it waits, saying why)
    assert waits["value"] == 13012 and "shorter than a year" in waits["why"]


def test_a_two_year_table_with_rounded_cells_is_read_as_a_table():
    """An own table whose cells are partly words ("meer dan 400.000", "ongeveer 1 op de 3", "ruim
    80%"): each cell with its row and year (the table was refused as text for not being numeric
    enough, every figure proposed under the page's year)."""
    page = (
        "<html><head><title>Cijfers | Offlimits</title></head><body><main><h1>Ons meldpunt in 2050 en 2049</h1>"
        "<table><tr><th></th><th>2050</th><th>2049</th></tr>"
        "<tr><th>Meldingen verwerkt</th><td>150.321</td><td>160.004</td></tr>"
        "<tr><th>Beoordeelde URL's</th><td>612.440</td><td>meer dan 400.000</td></tr>"
        "<tr><th>Zelfgemaakt materiaal</th><td>ongeveer 1 op de 3</td><td>&ndash;</td></tr>"
        "<tr><th>Verwijderverzoeken binnen 24 uur opgevolgd</th><td>ruim 80%</td><td>&ndash;</td></tr>"
        "</table></main></body></html>"
    )
    got = {(r.indicator_id, r.period): (r.value, r.qualifier) for r in parse(page, 2050).observations.itertuples()}
    assert got[("offlimits.urls_analysed", "2049")] == (400000, "lower_bound")
    assert got[("offlimits.reports", "2049")] == (160004, "exact")
    assert got[("offlimits.self_generated_share", "2050")][1] == "approx"
    assert got[("offlimits.removal_within_24h_share", "2050")] == (80, "approx")  # ("ruim": approx, as written)


def test_a_table_of_years_down_with_what_each_row_counts():
    """ "Jaar | Aantal | Wat is geteld" with "2046 | 171.204 | meldingen": each figure with its
    row's words and year (the year cells were read as numbers, every figure proposed without a
    period)."""
    page = (
        "<html><head><title>Het Meldpunt in cijfers | Offlimits</title></head><body><main><h1>Het Meldpunt in cijfers</h1>"
        "<table><tr><th>Jaar</th><th>Aantal</th><th>Wat is geteld</th></tr>"
        "<tr><td>2045</td><td>158.316</td><td>meldingen</td></tr><tr><td>2046</td><td>171.204</td><td>meldingen</td></tr>"
        "<tr><td>2047</td><td>meer dan 600.000</td><td>beoordeelde URL's</td></tr></table></main></body></html>"
    )
    got = {(r.indicator_id, r.period): (r.value, r.qualifier) for r in parse(page, 2047).observations.itertuples()}
    assert got == {
        ("offlimits.reports", "2045"): (158316, "exact"),
        ("offlimits.reports", "2046"): (171204, "exact"),
        ("offlimits.urls_analysed", "2047"): (600000, "lower_bound"),
    }


def test_key_figure_tiles_with_a_capital_label_and_a_plus():
    """Tiles "<p>ruim 163.000</p><p>URL's met strafbaar materiaal</p>" (a label that starts with a
    capital) and "<p>220.000+</p><p>URL's bekeken door het Meldpunt</p>": each one key figure of the
    report's year (the first was read as two bare lines, the second's "+" hid its unit)."""
    page = (
        "<html><head><title>Kerncijfers 2050 - Jaarverslag 2050 - Offlimits</title></head><body><main>"
        "<h1>Kerncijfers 2050</h1><section>"
        '<div class="tegel"><p>240.000+</p><p>URL\'s bekeken door het Meldpunt</p></div>'
        '<div class="tegel"><p>ruim 170.000</p><p>URL\'s met strafbaar materiaal</p></div>'
        "</section></main></body></html>"
    )
    got = {(r.indicator_id, r.period): (r.value, r.qualifier) for r in parse(page, 2050).observations.itertuples()}
    assert got == {
        ("offlimits.urls_analysed", "2050"): (240000, "lower_bound"),
        ("offlimits.urls_illegal", "2050"): (170000, "approx"),
    }


def test_the_month_a_report_came_out_in_is_no_shorter_period():
    """ "In the annual report we published in April, our hotline processed 171,204 reports in 2047":
    April is when the report came out (said before the month: the IWF reader's rule, now
    reading.prose.SHORTER_PERIOD for every reader), not the period of the figure."""
    text = "In the annual report we published in April, our hotline processed 171,204 reports in 2047."
    got = [(r.indicator_id, r.period, r.value) for r in parse(text, 2047, "news.txt").observations.itertuples()]
    assert got == [("offlimits.reports", "2047", 171204)]


def test_a_half_year_carries_through_its_comparison_to_what_changed_from_what():
    """A half-year item: "In de eerste helft van 2047 kreeg ons meldpunt circa 9200 meldingen. In
    dezelfde periode vorig jaar waren dat er ruim 98.000. Ook bij buitenlandse meldpunten daalde
    het aantal, van ruim 91.000 naar 21.000." and the press's "21.000, tegen ruim 91.000 een jaar
    eerder": the half-year carries on (91,000 and 21,000 were proposed as whole years): 21,000 is
    2047-H1, 91,000 the same half of 2046."""
    own = (
        "<html><head><title>Halfjaarcijfers | Offlimits</title><meta property='article:published_time' "
        "content='2047-08-03'></head><body><main><p>In de eerste helft van 2047 kreeg ons meldpunt circa 9200 meldingen. "
        "In dezelfde periode vorig jaar waren dat er ruim 98.000. Ook bij buitenlandse meldpunten daalde het aantal "
        "meldingen over materiaal op Nederlandse servers, van ruim 91.000 naar 21.000.</p></main></body></html>"
    )
    press = own.replace("van ruim 91.000 naar 21.000", "en wel tot 21.000, tegen ruim 91.000 een jaar eerder").replace(
        "Halfjaarcijfers | Offlimits", "Minder meldingen | NU.nl"
    )
    for text, context in ((own, OWN), (press, PRESS)):
        got = {c["value"]: c["period"] for c in refused_candidates(text, 2047, context)}
        assert (got[21000], got[91000]) == ("2047-H1", "2046-H1"), got


def test_a_half_year_item_back_at_this_year_after_last_years_half_carries_this_year_on():
    """The press's order: "In het eerste halfjaar van vorig jaar kreeg het meldpunt ruim 98.000
    meldingen. Dit jaar waren dat er in dezelfde periode nog zo'n 9200. Ook bij buitenlandse
    meldpunten ... van ruim 91.000 naar 21.000": the text is back at this year's half (its 9200
    waits, by reference), so the change after it is this half-year's (21,000) from the same half a
    year before (91,000), not last year's from the year before that."""
    page = (
        "<html><head><title>Flink minder meldingen | Omroep West</title><meta property='article:published_time' "
        "content='2047-08-05'></head><body><main><p>In het eerste halfjaar van vorig jaar kreeg het meldpunt ruim "
        "98.000 meldingen. Dit jaar waren dat er in dezelfde periode nog zo'n 9200. Ook bij buitenlandse meldpunten "
        "daalde het aantal meldingen over Nederlandse servers: van ruim 91.000 naar 21.000, bijna 77 procent minder."
        "</p></main></body></html>"
    )
    got = {c["value"]: c["period"] for c in refused_candidates(page, 2047)}
    assert (got[98000], got[9200], got[91000], got[21000], got[77]) == ("2046-H1", "2047-H1", "2046-H1", "2047-H1", "2047-H1"), (
        got
    )


def test_a_part_by_daarvan_counts_what_the_sentence_before_was_read_to_count():
    """ "De analisten bekeken vorig jaar meer webadressen dan het jaar ervoor: 512.114, een groei
    van 8 procent. In 190.226 daarvan zat strafbaar materiaal.": 512,114 has no noun of its own
    (the sentence's noun stands before the colon), yet it was read as URLs; "daarvan" takes up
    those URLs, so 190,226 is proposed as URLs with illegal material of the same year."""
    page = (
        "<html><head><title>Minder meldingen bij meldpunt | BN DeStem</title><meta property='article:published_time' "
        "content='2047-04-09'></head><body><main><p>Het meldpunt kreeg vorig jaar 98.310 meldingen. De analisten van het "
        "meldpunt bekeken vorig jaar juist meer webadressen dan het jaar ervoor: 512.114, een groei van 8 procent. "
        "In 190.226 daarvan zat strafbaar materiaal.</p></main></body></html>"
    )
    got = {c["value"]: (c["indicator_id"], c["period"]) for c in refused_candidates(page, 2046)}
    assert got[512114] == ("offlimits.urls_analysed", "2046"), got
    assert got[190226] == ("offlimits.urls_illegal", "2046"), got


def test_a_change_right_after_a_count_of_urls_in_other_words():
    """ "Het meldpunt heeft vorig jaar 131.400 webadressen beoordeeld, bijna 30 procent meer dan in
    2046" and "controleerde het voorbije jaar meer dan 140.000 links, 45 procent meer dan in 2046":
    the change is of the URLs just counted (proposed as the catalog's change in URLs analysed; it
    had no measure)."""
    for sentence in (
        "Het Meldpunt Kinderporno heeft vorig jaar 131.400 webadressen beoordeeld, bijna 30 procent meer dan in 2046.",
        "Het Meldpunt Kinderporno controleerde het voorbije jaar meer dan 140.000 links, 45 procent meer dan in 2046.",
    ):
        page = (
            "<html><head><title>Meldpunt | NU.nl</title><meta property='article:published_time' content='2048-04-02'>"
            f"</head><body><main><p>{sentence}</p></main></body></html>"
        )
        got = [(c["indicator_id"], c["period"]) for c in refused_candidates(page, 2047) if c["value"] in (30, 45)]
        assert got == [("offlimits.urls_analysed_change", "2047")], (sentence, got)


def test_respectievelijk_pairs_years_with_other_services_numbers_and_a_parallel_clause():
    """ "Helpwanted voerde in 2046 en 2047 respectievelijk 12.100 en 13.900 gesprekken; Stop it Now
    had 4.300 en 4.750 contacten": each number with its year in order, the parallel clause too
    (all four were proposed under 2047)."""
    text = (
        "<html><head><title>Terugblik | Offlimits</title></head><body><main><p>Helpwanted voerde in 2046 en 2047 "
        "respectievelijk 12.100 en 13.900 gesprekken; Stop it Now had 4.300 en 4.750 contacten.</p></main></body></html>"
    )
    got = {c["value"]: (c["indicator_id"], c["period"]) for c in refused_candidates(text, 2047, OWN)}
    assert got == {12100: (None, "2046"), 13900: (None, "2047"), 4300: (None, "2046"), 4750: (None, "2047")}


def test_english_press_shapes_of_counts_periods_and_changes():
    """English texts: a dateline with an ordinal day ("July 14th, 2048" was read as a sentence about
    2048); "examined 154,000 web addresses last year, a rise of 20 percent" (web addresses are URLs,
    the change theirs); "almost twice as many as in 2046 (130,000)" (the bracket is 2046's); "over
    half a million URLs, 268,000 of which contained illegal material" (the whole is URLs assessed,
    not illegal); "twice as many as a year earlier, and Stop it Now had 1,700 contacts" (a
    comparison's base counts back for nobody after it); "63% were hosted in the Netherlands; a
    year earlier that was still 89%" (the year before is the second clause's only)."""
    page = (
        "<html><head><title>Dutch hotline | The Record</title></head><body><main><p>July 14th, 2048</p>"
        "<p>The Dutch hotline said it had examined 154,000 web addresses last year, a rise of 20 percent on 2046.</p>"
        "<p>In 2047 the hotline processed 240,000 reports – almost twice as many as in 2046 (130,000).</p>"
        "<p>Its analysts assessed over half a million URLs, 268,000 of which contained illegal material.</p>"
        "<p>Helpwanted received 5,100 requests for help in 2047, twice as many as a year earlier, and Stop it Now had "
        "1,700 contacts.</p><p>Of the illegal images, 63% were hosted in the Netherlands; a year earlier that was still "
        "89%.</p></main></body></html>"
    )
    got = {c["value"]: (c["indicator_id"], c["period"]) for c in refused_candidates(page, 2047)}
    assert got[154000] == ("offlimits.urls_analysed", "2047")
    assert got[20] == ("offlimits.urls_analysed_change", "2047")
    assert got[130000] == ("offlimits.reports", "2046")
    assert got[500000] == ("offlimits.urls_analysed", "2047") and got[268000] == ("offlimits.urls_illegal", "2047")
    assert got[1700][1] == "2047"
    assert got[63][1] == "2047" and got[89][1] == "2046"


def test_self_made_urls_are_no_illegal_urls_and_a_rounding_to_five_agrees():
    """Own annual report: "Van de URL's met illegaal materiaal toonden er ruim 81.000 materiaal dat
    kinderen van zichzelf hadden gemaakt" is a count of self-made URLs (it was read as the illegal
    URLs and refused the page as stated twice beside 240.115); "Het totaal aantal meldingen bedroeg
    in 2050 circa 165.000" beside the exact 163.412 is the same figure rounded to a five (it refused the page)."""
    page = (
        "<html><head><title>Jaarverslag 2050 | Offlimits</title></head><body><main><h1>Het Meldpunt in 2050</h1>"
        "<p>In 2050 verwerkte ons meldpunt 163.412 meldingen. Op 240.115 URL's stond in 2050 illegaal materiaal. "
        "Van de URL's met illegaal materiaal toonden er ruim 81.000 materiaal dat kinderen van zichzelf hadden gemaakt.</p>"
        "<p>Het totaal aantal meldingen bedroeg in 2050 circa 165.000.</p></main></body></html>"
    )
    parsed = parse(page, 2050)
    got = {(r.indicator_id, r.period): r.value for r in parsed.observations.itertuples()}
    assert got == {("offlimits.reports", "2050"): 163412, ("offlimits.urls_illegal", "2050"): 240115}
    waiting = {c["value"]: c["indicator_id"] for c in parsed.candidates}
    assert waiting[81000] is None and waiting[165000] == "offlimits.reports"


def test_a_semicolons_second_clause_keeps_its_year_and_half():
    """ "Van het illegale materiaal stond 61 procent in Nederland; in 2048 was dat nog 85 procent":
    2048 is the second clause's (61 was given 2048); "In de eerste zes maanden van dit jaar ontvingen
    we circa 9200 meldingen; in dezelfde periode van 2048 waren dat er ruim 98.000": the same half of
    2048 (it was proposed as the whole year)."""
    page = (
        "<html><head><title>Cijfers | Emerce</title><meta property='article:published_time' content='2049-08-03'>"
        "</head><body><main><p>Het Meldpunt Kinderporno verwerkte in 2048 140.000 meldingen. Van het illegale materiaal "
        "stond 61 procent in Nederland; in 2047 was dat nog 85 procent.</p></main></body></html>"
    )
    got = {c["value"]: c["period"] for c in refused_candidates(page, 2048)}
    assert got[61] == "2048" and got[85] == "2047"
    half = (
        "<html><head><title>Halfjaarcijfers | Offlimits</title><meta property='article:published_time' "
        "content='2049-08-03'></head><body><main><p>In de eerste zes maanden van dit jaar ontvingen we circa 9200 "
        "meldingen; in dezelfde periode van 2048 waren dat er ruim 98.000.</p></main></body></html>"
    )
    got = {c["value"]: c["period"] for c in refused_candidates(half, 2049, OWN)}
    assert got[98000] == "2048-H1"


def test_a_change_said_with_daarmee_after_two_years_is_the_later_ones():
    """ "Het Meldpunt behandelde in 2047 15.400 meldingen. In 2046 waren dat er nog 12.100. Het aantal
    meldingen steeg daarmee met 27 procent.": the change is 2047's (it was proposed as 2046's)."""
    text = (
        "Het Meldpunt Kinderporno behandelde in 2047 15.400 meldingen. In 2046 waren dat er nog 12.100. "
        "Het aantal meldingen steeg daarmee met 27 procent."
    )
    got = {c["value"]: c["period"] for c in parse(text, 2047).candidates}
    assert got[27] == "2047"


def test_a_ratio_to_the_year_before_and_a_threads_timestamps_give_no_year():
    """Own voice: "In 2047 verwerkten we 127.081 meldingen. Dat is ongeveer de helft van het jaar
    ervoor. Ongeveer één op de drie afbeeldingen was door een kind zelf gemaakt." (the ratio's "het
    jaar ervoor" became the paragraph's year: the share was loaded as 2046's); a date as a heading
    ("10 april 2048", a thread's timestamps between its posts) names no year the text below speaks
    of (the share under it was loaded as 2048's)."""
    text = (
        "In 2047 verwerkten we 127.081 meldingen. Dat is ongeveer de helft van het jaar ervoor. Ongeveer één op de drie "
        "afbeeldingen was door een kind zelf gemaakt."
    )
    got = {(r.indicator_id, r.period) for r in parse(text, 2047).observations.itertuples()}
    assert ("offlimits.self_generated_share", "2047") in got and ("offlimits.self_generated_share", "2046") not in got
    page = (
        "<html><head><title>Jaarverslag 2047 | Offlimits</title></head><body><main><h1>Jaarverslag 2047</h1>"
        "<p>Gepubliceerd op 2 april 2048</p><p>Ons meldpunt verwerkte in 2047 127.081 meldingen.</p><h3>10 april 2048</h3>"
        "<p>Ongeveer één op de drie afbeeldingen was door een kind zelf gemaakt.</p></main></body></html>"
    )
    got = {(r.indicator_id, r.period) for r in parse(page, 2047).observations.itertuples()}
    assert ("offlimits.self_generated_share", "2048") not in got


def test_a_part_with_material_of_sexual_abuse_of_children_is_illegal():
    """ "Onze analisten beoordeelden in 2047 meer dan een half miljoen URL's. Op 268.000 daarvan stond
    beeldmateriaal van seksueel misbruik van kinderen.": URLs with illegal material (the part was read
    as URLs assessed, the measure of the sentence before)."""
    text = (
        "Onze analisten beoordeelden in 2047 meer dan een half miljoen URL's. Op 268.000 daarvan stond beeldmateriaal "
        "van seksueel misbruik van kinderen."
    )
    parsed = parse(text, 2047)
    got = {(r.indicator_id, r.value) for r in parsed.observations.itertuples()} | {
        (c["indicator_id"], c["value"]) for c in parsed.candidates
    }
    assert ("offlimits.urls_illegal", 268000) in got and ("offlimits.urls_analysed", 268000) not in got


def test_a_table_whose_organisation_cell_spans_its_rows():
    """A factsheet table "Organisatie | Wat wordt geteld | 2047 | 2048" whose first cell spans the
    hotline's rows (<td rowspan="3">): each row keeps its organisation and its cells their years (the
    rows below the first shifted one column: 2048's figures were proposed under 2047)."""
    page = (
        "<html><head><title>Factsheet | Nationaal Rapporteur</title></head><body><main><table>"
        "<tr><th>Organisatie</th><th>Wat wordt geteld</th><th>2047</th><th>2048</th></tr>"
        '<tr><td rowspan="3">Offlimits (Meldpunt Kinderporno)</td><td>verwerkte meldingen</td><td>140.100</td><td>150.200</td></tr>'
        "<tr><td>geanalyseerde URL's</td><td>600.300</td><td>610.400</td></tr>"
        "<tr><td>URL's met illegaal materiaal</td><td>230.500</td><td>240.600</td></tr>"
        "</table></main></body></html>"
    )
    context = ParseContext(url="https://www.nationaalrapporteur.example/factsheet", own_hosts=OWN_HOSTS)
    got = {c["value"]: (c["indicator_id"], c["period"]) for c in refused_candidates(page, 2048, context)}
    assert got[150200] == ("offlimits.reports", "2048") and got[610400] == ("offlimits.urls_analysed", "2048")
    assert got[600300] == ("offlimits.urls_analysed", "2047") and got[240600] == ("offlimits.urls_illegal", "2048")


def test_an_undated_post_announcing_its_annual_report_says_vorig_jaar_of_that_year():
    """An undated LinkedIn post: "Ons jaarverslag over 2047 staat online! ... Onze analisten
    beoordeelden vorig jaar meer dan een half miljoen URL's.": 'vorig jaar' is proposed as 2047, the
    report's year (it was proposed from the year the file is registered under, 2049, minus one)."""
    text = (
        "Offlimits\n5.062 volgers\n1 jr\n\nOns jaarverslag over 2047 staat online!\n\nOnze analisten beoordeelden vorig "
        "jaar meer dan een half miljoen URL's.\n"
    )
    context = ParseContext(url="https://www.linkedin.com/posts/offlimits_x", own_hosts=OWN_HOSTS)
    got = {c["value"]: c["period"] for c in refused_candidates(text, 2049, context, "post.txt")}
    assert got[500000] == "2047"


def test_a_pdf_text_in_two_columns_is_read_column_by_column():
    """A PDF's text laid out in two columns (pdftotext -layout): each line holds half a sentence of
    each column. Read column by column, the left column's sentence loads and the right column's
    Helpwanted figures stay Helpwanted's; read line by line, "Meldpunt Kinder- ... Helpwanted
    ontving in 2047 4210 hulp-" mixed the two and nothing of the hotline loaded."""
    text = (
        "Offlimits  ·  Jaarverslag 2047\n\n"
        "2  Meldpunt Kinderporno                         3  Helpwanted\n\n"
        "In 2047 verwerkte ons Meldpunt Kinder-          Helpwanted ontving in 2047 4210 hulp-\n"
        "porno 201.377 meldingen. Die leidden            vragen over sextortion, bijna twee keer\n"
        "tot 611.052 URL's die onze analisten            zoveel als een jaar eerder. In 98\n"
        "hebben beoordeeld.                              gevallen verwezen we een jongere door.\n\n"
        "Verwijderen gaat meestal snel. Toch hadden partijen in 2047 vaker dan ons lief was langer dan 24 uur nodig.\n"
    )
    got = offlimits.parse(text.encode(), 2047, "jaarverslag.txt", OWN)
    assert sorted(zip(got.observations.indicator_id, got.observations.value)) == [
        ("offlimits.reports", 201377.0),
        ("offlimits.urls_analysed", 611052.0),
    ]
    helpwanted = [c for c in got.candidates if c["value"] == 4210.0]
    assert helpwanted and all(c["indicator_id"] is None for c in helpwanted)


def test_a_grid_of_figures_is_no_two_columns_of_text():
    """Key figures with their values in a column ("Meldingen verwerkt      201.377") keep their lines:
    a right column of figures only is no column of text."""
    from kr_pipeline.reading.prose import read_document

    text = (
        "Kerncijfers 2047\n\n"
        "Meldingen verwerkt             201.377\n"
        "Beoordeelde URL's              611.052\n"
        "Afbeeldingen met AI gemaakt     98.120\n"
    )
    blocks = [(b.kind, b.text) for b in read_document(text.encode()).blocks]
    assert blocks[1:] == [
        ("cell", "201.377 Meldingen verwerkt"),
        ("cell", "611.052 Beoordeelde URL's"),
        ("cell", "98.120 Afbeeldingen met AI gemaakt"),
    ]


def test_the_month_figures_were_published_in_and_an_issues_month_are_no_periods():
    """A municipality's newsletter: "de jaarcijfers die Offlimits in mei publiceerde" names when the
    figures came out, not a month they count (was proposed as 2046-05); "Nieuwsbrief oktober 2047"
    dates the issue, so "Het jaar daarvoor" counts back from the "vorig jaar" just before (2045),
    not from the heading's 2047."""
    html = """<html lang="nl"><head><title>Nieuwsbrief Veiligheid oktober 2047 - Gemeente Voorbeeld</title></head><body><main>
<h1>Nieuwsbrief Veiligheid · oktober 2047</h1><p>12 oktober 2047</p>
<p>Uit de jaarcijfers die Offlimits in mei publiceerde, blijkt dat het Meldpunt Kinderporno vorig jaar circa 180.000 meldingen kreeg.
Het jaar daarvoor waren dat er nog circa 120.000.</p>
</main></body></html>"""
    context = ParseContext(url="https://www.gemeente-voorbeeld.example/nieuwsbrief-oktober-2047", own_hosts=OWN_HOSTS)
    with pytest.raises(ParseError) as refused:
        parse(html, 2047, context=context)
    proposed = {c["value"]: (c["indicator_id"], c["period"]) for c in refused.value.candidates}
    assert proposed[180000] == ("offlimits.reports", "2046")
    assert proposed[120000] == ("offlimits.reports", "2045")


def test_a_year_earlier_in_a_sentence_of_its_own_waits_after_last_year_and_after_a_stated_year():
    """ "A year earlier" counts back from the sentence before's year: from "Last year" (itself
    counted from the date) it is a relative year of a relative year and waits with its reading
    (it loaded as 2045's); from a year the sentence before states it waits too, its period given
    by reference (issue 22, part 2; the held-out writers want it in review, e.g. offlimits-86/10,
    offlimits-70/08), proposed as that year's year before. In its own sentence ("127.081
    meldingen, tegenover 255.563 een jaar eerder") it loads (test_comparisons_name_the_earlier_year)."""
    relative = (
        "<h1>Annual figures 2046</h1><p>10 April 2047</p>"
        "<p>Last year our hotline processed 131,808 reports. A year earlier, we processed 240,112 reports.</p>"
    )
    parsed = parse(relative, 2046, context=ParseContext(url="https://www.offlimits.nl/en/news/2046", own_hosts=OWN_HOSTS))
    assert set(zip(parsed.observations.period, parsed.observations.value)) == {("2046", 131808.0)}
    assert any(c["value"] == 240112 and c["period"] == "2045" for c in parsed.candidates)
    stated = relative.replace("Last year", "In 2046")
    parsed = parse(stated, 2046, context=ParseContext(url="https://www.offlimits.nl/en/news/2046", own_hosts=OWN_HOSTS))
    assert set(zip(parsed.observations.period, parsed.observations.value)) == {("2046", 131808.0)}
    assert any(c["value"] == 240112 and c["period"] == "2045" for c in parsed.candidates)


def test_english_press_parts_of_a_count_and_the_month_something_was_said_in():
    """English press: "received 131,808 reports last year, a record, of which 70,412 came from
    within the country, the hotline said in April": the part takes the count's year and is the
    Netherlands' (not April's, not "which year is meant?"); "analysts looked at 611,052 URLs, up 4%
    on the year before, and 240,100 of them contained illegal material" and "more than half a
    million URLs, of which 240,100 were found to contain illegal material" are URLs analysed (the
    part's words are the part's)."""
    html = """<html lang="en"><head><title>Dutch hotline's record</title>
<meta property="article:published_time" content="2047-05-11T09:00:00+00:00"></head><body><main>
<p>The Dutch hotline received 131,808 reports last year, a record, of which 70,412 came from within the country, the hotline said in April.</p>
<p>Its analysts looked at 611,052 URLs, up 4% on the year before, and 240,100 of them contained illegal material.</p>
<p>The reports pointed to more than half a million URLs, of which 240,100 were found to contain illegal material.</p>
</main></body></html>"""
    context = ParseContext(url="https://www.euro-news.example/tech/dutch-hotline-record", own_hosts=OWN_HOSTS)
    with pytest.raises(ParseError) as refused:
        parse(html, 2047, context=context)
    proposed = {(c["value"], c["indicator_id"], c["breakdown"], c["period"]) for c in refused.value.candidates}
    assert (131808, "offlimits.reports", "total", "2046") in proposed
    assert (70412, "offlimits.reports", "from_netherlands", "2046") in proposed
    assert (611052, "offlimits.urls_analysed", "total", "2046") in proposed
    assert (500000, "offlimits.urls_analysed", "total", "2046") in proposed


def test_a_pdf_key_figure_list_with_rounded_values_and_notes_is_no_two_columns():
    """A PDF's key figures with values in words and a note ("URL's beoordeeld      meer dan
    240.000      (2046: 171.204)"): label and value stay one line (read as two columns of text, the
    labels ran into each other, "Groei ten opzichte van 2046 / URL's met strafbaar materiaal" gave
    2046 URLs and the report was refused); "De groei ten opzichte van 2046 bedroeg 40 procent" after
    the year's count of URLs is that count's change."""
    text = (
        "Jaarverslag 2047                                                   Offlimits\n\n"
        "2. Kerncijfers 2047\n\n"
        "Meldpunt Kinderporno\n"
        "URL's beoordeeld                                     meer dan 240.000      (2046: 171.204)\n"
        "Groei ten opzichte van 2046                          40%\n"
        "URL's met strafbaar materiaal                        ruim 180.000          (75%)\n\n"
        "3. Meldpunt Kinderporno\n\n"
        "In 2047 beoordeelden onze analisten meer dan 240.000 URL's. De groei ten opzichte van 2046 bedroeg\n"
        "40 procent.\n"
    )
    got = offlimits.parse(text.encode(), 2047, "jaarverslag.txt", OWN)
    assert sorted(zip(got.observations.indicator_id, got.observations.value)) == [
        ("offlimits.urls_analysed", 171204.0),  # the note "(2046: 171.204)": 2046's figure of the label
        ("offlimits.urls_analysed", 240000.0),
        ("offlimits.urls_analysed_change", 40.0),
        ("offlimits.urls_illegal", 180000.0),
    ]


def test_a_key_figure_tables_cells_with_a_sign_of_approximation_and_a_notes_mark():
    """A key-figure table's "± 1 op de 3" (the self-generated share) and "> 75%¹" (with its note's
    mark) are figures of their rows; they were not read as figures at all. So is a share in words,
    "ongeveer één op de drie"."""
    page = """<html lang="nl"><head><title>Kerncijfers 2047 - Offlimits</title></head><body><main><h1>Kerncijfers 2047</h1>
<table><tr><th></th><th>2047</th></tr>
<tr><td>Verwerkte meldingen</td><td>131.808</td></tr>
<tr><td>Aandeel self-generated beeldmateriaal</td><td>± 1 op de 3</td></tr>
<tr><td>Verwijderverzoeken binnen 24 uur opgevolgd</td><td>&gt; 80%<sup>1</sup></td></tr>
</table><p><sup>1</sup> Exclusief hostingpartijen die niet meewerken.</p></main></body></html>"""
    got = parse(
        page, 2047, context=ParseContext(url="https://www.offlimits.nl/kerncijfers-2047", own_hosts=OWN_HOSTS)
    ).observations
    assert sorted(zip(got.indicator_id, got.value, got.qualifier)) == [
        ("offlimits.removal_within_24h_share", 80.0, "lower_bound"),
        ("offlimits.reports", 131808.0, "exact"),
        ("offlimits.self_generated_share", 33.0, "approx"),
    ]
    in_words = page.replace("± 1 op de 3", "ongeveer één op de drie")
    got = parse(in_words, 2047, context=ParseContext(url="https://www.offlimits.nl/kerncijfers-2047", own_hosts=OWN_HOSTS))
    assert ("offlimits.self_generated_share", 33.0) in set(zip(got.observations.indicator_id, got.observations.value))


def test_a_same_period_comparison_is_a_digression_and_the_change_after_it_is_this_years():
    """A police page on the half-year: "In dezelfde periode in 2046 kreeg het meldpunt ruim 98.000
    meldingen" compares on the way; the next sentence's "(van ruim 91.000 naar 22.000)" is this
    half-year's change: 22.000 of 2047's first half, 91.000 of 2046's (they were proposed a year
    too early, counted from the comparison's year)."""
    html = """<html lang="nl"><head><title>Minder meldingen kinderporno</title>
<meta property="article:published_time" content="2047-08-30T10:00:00+02:00"></head><body><main>
<p>Het Meldpunt Kinderporno kreeg in het eerste halfjaar van 2047 circa 6200 meldingen.
In dezelfde periode in 2046 kreeg het meldpunt ruim 98.000 meldingen.
Buitenlandse meldpunten zagen ook een stevige daling bij meldingen over materiaal op Nederlandse servers (van ruim 91.000 naar 22.000).</p>
</main></body></html>"""
    context = ParseContext(url="https://www.politie.example/nieuws/2047/augustus/minder-meldingen", own_hosts=OWN_HOSTS)
    with pytest.raises(ParseError) as refused:
        parse(html, 2047, context=context)
    proposed = {c["value"]: c["period"] for c in refused.value.candidates}
    assert proposed[22000] == "2047-H1" and proposed[91000] == "2046-H1"


def test_a_tiles_previous_year_line_in_brackets_is_that_years_figure_of_the_label():
    """An annual report's tiles with the year before in brackets under the label ("(2046:
    171.204)", "(2046: zo'n 500.000)"): that year's figure of the same label (it was read as
    "meldingen verwerkt: (2046: 171.204)", a number without its noun)."""
    page = """<html lang="nl"><head><title>Jaarverslag 2047 - In cijfers</title></head><body><main><h1>Het jaar 2047 in cijfers</h1>
<div class="tegel"><span class="getal">131.808</span><span class="label">meldingen verwerkt</span><span class="sub">(2046: 171.204)</span></div>
<div class="tegel"><span class="getal">611.052</span><span class="label">URL's geanalyseerd</span><span class="sub">(2046: zo'n 500.000)</span></div>
</main></body></html>"""
    got = parse(page, 2047, context=ParseContext(url="https://jaarverslag2047.offlimits.nl/in-cijfers", own_hosts=OWN_HOSTS))
    assert (131808.0, "2047") in set(zip(got.observations.value, got.observations.period))
    assert (171204.0, "2046") in set(zip(got.observations.value, got.observations.period))
    assert ("offlimits.urls_analysed", 500000.0, "2046", "approx") in set(
        zip(got.observations.indicator_id, got.observations.value, got.observations.period, got.observations.qualifier)
    )


def test_a_year_shift_after_daarvan_parts_refers_to_the_whole():
    """ "In 2046 verwerkte het Meldpunt 171.204 meldingen. Daarvan kwamen er 96.210 uit Nederland en
    74.994 uit het buitenland. In 2045 waren het er 240.112." The year before's number refers to the
    whole the parts were of (it was proposed as reports from the Netherlands)."""
    page = _own_page(
        "<p>In 2046 verwerkte het Meldpunt 171.204 meldingen. Daarvan kwamen er 96.210 uit Nederland en 74.994 uit het "
        "buitenland. In 2045 waren het er 240.112.</p>"
    )
    parsed = parse(page, 2046, context=OWN_PAGE)
    proposed = {(c["value"], c["indicator_id"], c["breakdown"], c["period"]) for c in parsed.candidates}
    assert (240112, "offlimits.reports", "total", "2045") in proposed


def test_a_count_in_an_english_text_with_dutch_digit_groups_waits_as_its_whole_number():
    """An English page of the hotline with the Dutch site's separators ("In 2046 we received
    171.204 reports"): a count is a whole number, so this is 171,204, proposed, never loaded as
    171.204 (it loaded as 171.204 reports)."""
    page = """<html lang="en"><head><title>About the hotline | Offlimits</title></head><body><main>
<p>In 2046 we received 171.204 reports of online child sexual abuse material.</p></main></body></html>"""
    context = ParseContext(url="https://www.offlimits.nl/en/about-the-hotline", own_hosts=OWN_HOSTS)
    try:
        parsed = parse(page, 2046, context=context)
        loaded, waiting = list(parsed.observations.value), parsed.candidates
    except ParseError as refused:
        loaded, waiting = [], refused.candidates
    assert 171.204 not in loaded and 171204 not in loaded
    assert any(c["value"] == 171204 and c["period"] == "2046" and "English" in c["why"] for c in waiting)
    # ("over 171.000 reports": 171,000, never 171)
    rounded = page.replace("171.204 reports", "over 171.000 reports")
    try:
        waiting = parse(rounded, 2046, context=context).candidates
    except ParseError as refused:
        waiting = refused.candidates
    assert any(c["value"] == 171000 for c in waiting) and not any(c["value"] == 171 for c in waiting)


def test_images_of_the_sexual_abuse_of_children_on_urls_are_illegal_urls():
    """English press: "Those reports led the hotline's analysts to check over 500,000 URLs. On 240,100
    of them, they found images of the sexual abuse of children." The part is URLs with illegal
    material (it was proposed as URLs analysed)."""
    html = """<html lang="en"><head><title>Dutch hotline</title>
<meta property="article:published_time" content="2047-05-16T09:00:00+00:00"></head><body><main>
<p>The Dutch hotline received 131,808 reports last year. Those reports led the hotline's analysts to check over 500,000 URLs.
On 240,100 of them, they found images of the sexual abuse of children.</p>
</main></body></html>"""
    context = ParseContext(url="https://www.nl-news.example/dutch-hotline-2046", own_hosts=OWN_HOSTS)
    with pytest.raises(ParseError) as refused:
        parse(html, 2047, context=context)
    assert (240100, "offlimits.urls_illegal") in {(c["value"], c["indicator_id"]) for c in refused.value.candidates}


def test_another_organisations_annual_report_on_the_hotline_is_not_its_own_voice():
    """INHOPE's annual report page on its Dutch member ("Member in focus: Offlimits | INHOPE Annual
    Report 2047", "our annual report", "our network") names Offlimits and speaks in the first
    person, but the report is INHOPE's: the hotline's figures in it wait (they loaded as its own)."""
    page = """<html lang="en"><head><title>Member in focus: Offlimits, the Netherlands | INHOPE Annual Report 2047</title></head><body><main>
<p>INHOPE · Annual Report 2047</p><h1>Member in focus: Offlimits, the Netherlands</h1>
<p>Each year our annual report puts one member hotline in the spotlight.</p>
<p>In 2047 the Dutch hotline processed 131,808 reports. Across our network, hotlines processed more than 1 million reports.</p>
</main></body></html>"""
    context = ParseContext(url="https://www.inhope.example/annual-report-2047/member-in-focus", own_hosts=OWN_HOSTS)
    with pytest.raises(ParseError, match="not in Offlimits' own voice") as refused:
        parse(page, 2047, context=context)
    assert (131808, "offlimits.reports", "2047") in {
        (c["value"], c["indicator_id"], c["period"]) for c in refused.value.candidates
    }
    own = page.replace("INHOPE Annual Report 2047", "Offlimits Annual Report 2047").replace("INHOPE · ", "Offlimits · ")
    own = own.replace(" Across our network, hotlines processed more than 1 million reports.", "")
    own = own.replace("Member in focus: Offlimits, the Netherlands", "Our hotline").replace(
        "Each year our annual report puts one member hotline in the spotlight.", "In this annual report we look back on 2047."
    )
    loaded = parse(own, 2047, context=context).observations
    assert 131808 in set(loaded.value)


def test_a_tables_column_of_sources_is_no_column_of_text():
    """An encyclopedia's table "Jaar | Meldingen | Bron" with "[1]" references in its last column:
    the table is still a table of figures (it was read as text, its rows' figures never proposed
    with their years)."""
    html = """<html lang="nl"><head><title>Offlimits - Wikipedia</title></head><body><main>
<table class="wikitable"><caption>Meldingen per jaar</caption>
<tr><th>Jaar</th><th>Meldingen</th><th>Bron</th></tr>
<tr><td>2045</td><td>240.112</td><td>[1]</td></tr><tr><td>2046</td><td>171.204</td><td>[2][3]</td></tr>
</table></main></body></html>"""
    context = ParseContext(url="https://nl.wikipedia.example/wiki/Offlimits", own_hosts=OWN_HOSTS)
    with pytest.raises(ParseError) as refused:
        parse(html, 2046, context=context)
    proposed = {(c["value"], c["indicator_id"], c["period"]) for c in refused.value.candidates}
    assert {(240112, "offlimits.reports", "2045"), (171204, "offlimits.reports", "2046")} <= proposed


def test_a_broadcasts_uitzending_line_dates_its_transcript():
    """ "Uitzending: vrijdag 11 april 2047" under a radio transcript's title dates it: "vorig jaar"
    is 2046 (it was proposed from the year the file is registered under)."""
    text = (
        "BNR Nieuwsradio\nUitzending: vrijdag 11 april 2047\nOnderwerp: Meldpunt krijgt minder meldingen\n\n"
        "[00:00] PRESENTATOR: Het Meldpunt Kinderporno kreeg vorig jaar 131.808 meldingen, zegt Offlimits.\n"
    )
    context = ParseContext(url="https://www.bnr.example/podcast/meldpunt-minder-meldingen", own_hosts=OWN_HOSTS)
    with pytest.raises(ParseError) as refused:
        offlimits.parse(text.encode(), 2046, "bnr.txt", context)  # (registered under its figures' year)
    assert (131808, "2046") in {(c["value"], c["period"]) for c in refused.value.candidates}


def test_the_month_a_report_came_out_in_is_no_period_of_its_figures():
    """ "Het Nederlandse Meldpunt Kinderporno bekeek vorig jaar meer dan 220.000 links, 45 procent meer
    dan in 2047, zo bleek in april uit het jaarverslag": "in april" is when it came out, not a
    month the figures are of; they are proposed as last year's."""
    text = (
        "<html lang='nl'><head><title>Kinderporno</title>"
        "<meta property='article:published_time' content='2049-05-20T08:00:00+02:00'></head><body><main>"
        "<p>Het Nederlandse Meldpunt Kinderporno bekeek vorig jaar meer dan 220.000 links, 45 procent meer dan in 2047, "
        "zo bleek in april uit het jaarverslag van het Expertisebureau Online Kindermisbruik.</p></main></body></html>"
    )
    got = {(c["indicator_id"], c["period"], c["value"]) for c in refused_candidates(text, 2049)}
    assert ("offlimits.urls_analysed", "2048", 220000) in got
    assert ("offlimits.urls_analysed_change", "2048", 45) in got


def test_a_previous_years_figure_in_brackets_beside_a_count_in_prose():
    """ "In 2048 our CSAM Hotline processed 127,081 reports (2047: 255,563)": the bracketed figure is
    that year's of the same measure, as a tile's "(2047: 255.563)" is; it waited as a number
    without a unit."""
    text = (
        "<html lang='en'><head><title>Annual report 2048 | Offlimits</title></head><body><main>"
        "<p>In 2048 our CSAM Hotline processed 127,081 reports (2047: 255,563).</p></main></body></html>"
    )
    assert values(text, 2048) == {
        ("offlimits.reports", 2048, "total"): (127081, "exact"),
        ("offlimits.reports", 2047, "total"): (255563, "exact"),
    }


def test_an_faqs_last_edit_date_gives_vorig_jaar_its_proposal():
    """An FAQ with only "Laatst bijgewerkt: 3 juni 2049": its "Vorig jaar" waits, proposed from the
    edit date (not "the year after 1996" because the page says the hotline exists since 1996)."""
    text = (
        "<html lang='nl'><head><title>Veelgestelde vragen | Meldpunt Kinderporno</title></head><body><main>"
        "<p>Vorig jaar kreeg Helpwanted.nl 640 meldingen.</p><p>Het Meldpunt bestaat sinds 1996.</p>"
        "<p>Laatst bijgewerkt: 3 juni 2049</p></main></body></html>"
    )
    try:
        got = {(c["value"], c["period"]) for c in parse(text, 2049).candidates}
    except ParseError as exc:
        got = {(c["value"], c["period"]) for c in exc.candidates}
    assert (640, "2048") in got


def test_a_pdfs_section_numbers_are_no_figures_and_a_one_row_table_under_two_years_is_read():
    """A report's PDF text: "2  Meldingen" and "2.1  Aantal meldingen in 2048" are numbered headings
    (2 was read as 2048's reports, and the report refused as stating the count twice); "Tabel 2.1"
    is a caption's number; a table of one row under "2047  2048  verschil" is a table."""
    text = (
        "Meldpunt Kinderporno op Internet | Jaarverslag 2048                        8\n\n"
        "2  Meldingen\n\n"
        "2.1  Aantal meldingen in 2048\n\n"
        "In 2048 ontving het Meldpunt 19.872 meldingen. Dat zijn er bijna 60 procent meer dan in 2047.\n\n"
        "Tabel 2.1  Meldingen ontvangen, 2047-2048\n\n"
        "                                   2047          2048      verschil\n"
        "Meldingen ontvangen              12.542        19.872          +58%\n"
    )
    got = offlimits.parse(text.encode(), 2048, "jaarverslag.txt", OWN)
    assert sorted(zip(got.observations.indicator_id, got.observations.period, got.observations.value)) == [
        ("offlimits.reports", "2047", 12542.0),
        ("offlimits.reports", "2048", 19872.0),
    ]
    assert all(c["value"] not in (2, 2.1) for c in got.candidates)


def test_an_english_title_without_marker_words_is_read_in_the_pages_language_and_31_is_a_section():
    """An English page's title "Annual report 2048: more than 220,000 URLs assessed, 73 percent
    illegal" has no Dutch or English marker word: it is read in the page's English (as Dutch,
    "220,000" was 220); a PDF's heading "3.1 URLs processed" is a section's number, not 3.1 URLs."""
    page = (
        "<html lang='en'><head><title>Annual report 2048: more than 220,000 URLs assessed, 73 percent illegal - EOKM</title>"
        "</head><body><main><p>Our annual report for 2048 is out. In 2048 the analysts of our hotline assessed more than "
        "220,000 URLs.</p></main></body></html>"
    )
    parsed = parse(page, 2048, context=ParseContext(url="https://www.eokm.nl/en/annual-report-2048", own_hosts=OWN_HOSTS))
    assert {(r.indicator_id, r.value) for r in parsed.observations.itertuples()} == {("offlimits.urls_analysed", 220000)}
    assert all(c["value"] != 220 for c in parsed.candidates)
    text = "EOKM Annual Report 2048\n\n3.1 URLs processed\n\nIn 2048 our analysts processed more than 220,000 URLs.\n"
    parsed = parse(text, 2048, "report.txt", ParseContext(url="https://www.eokm.nl/en/report.txt", own_hosts=OWN_HOSTS))
    assert {(r.indicator_id, r.value) for r in parsed.observations.itertuples()} == {("offlimits.urls_analysed", 220000)}


def test_reports_from_the_netherlands_and_abroad_are_all_and_the_website_of_the_sentence_before_is_another_service():
    """ "our hotline received 25,347 reports from the Netherlands and abroad" is the total (it loaded
    as reports from the Netherlands); "the hotline also runs Meldkindersekstoerisme.nl, where ... In
    2047 the website received 43 reports" is the other service's (it loaded as the hotline's)."""
    page = (
        "<html lang='en'><head><title>Annual report 2047 | EOKM</title></head><body><main>"
        "<p>In 2047 our hotline received 25,347 reports from the Netherlands and abroad.</p>"
        "<p>The hotline also runs Meldkindersekstoerisme.nl, where travellers can report suspected child sex tourism. "
        "In 2047 the website received 43 reports.</p></main></body></html>"
    )
    parsed = parse(page, 2047, context=ParseContext(url="https://www.eokm.nl/en/annual-report-2047", own_hosts=OWN_HOSTS))
    assert {(r.indicator_id, r.breakdown, r.value) for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "total", 25347)
    }
    assert {c["value"]: c["indicator_id"] for c in parsed.candidates}.get(43, "absent") is None


def test_an_increase_from_a_year_earlier_and_an_improvement_on_a_year_are_bases():
    """Reuters: "The reports led to the analysis of 603,062 URLs, an increase of 12.5% from a year
    earlier" (12.5 is 2047's change, "a year earlier" what it rose from: it was proposed as 2046's);
    "more than 75% of Offlimits' removal requests were dealt with within 24 hours, an improvement
    on 2046" (2047's share: it was proposed as 2046's)."""
    text = (
        "<html lang='en'><head><title>Dutch hotline</title>"
        "<meta property='article:published_time' content='2048-04-10T09:00:00+00:00'></head><body><main>"
        "<p>The hotline, run by Offlimits, processed 127,081 reports in 2047. The reports led to the analysis of 603,062 URLs, "
        "an increase of 12.5% from a year earlier.</p>"
        "<p>Leaving aside a few firms, more than 75% of Offlimits' removal requests were dealt with within 24 hours, "
        "an improvement on 2046.</p></main></body></html>"
    )
    got = {(c["indicator_id"], c["period"], c["value"]) for c in refused_candidates(text, 2048)}
    assert ("offlimits.urls_analysed_change", "2047", 12.5) in got
    assert ("offlimits.removal_within_24h_share", "2047", 75) in got


def test_a_small_change_said_after_a_count_waits_as_the_change_it_is():
    """ "kwamen 61 meldingen binnen, 18 meer dan het jaar ervoor": 18 is how much the count before it
    changed. A small number without a unit of its own was dropped as no figure (so the text's
    figure was neither loaded nor proposed); it takes the count's unit, waits with that year and
    no indicator, and is never a count of the year before. The English page's "The reporting site
    for child sex tourism received 61 reports" is a service described, not the hotline named (it
    loaded as the hotline's 61 reports): it waits without an indicator."""
    dutch = (
        "<html lang='nl'><head><title>Drukker bij alle programma's</title>"
        "<meta property='article:published_time' content='2048-04-14T09:00:00+02:00'></head><body><main>"
        "<p>Ook bij onze andere programma's was het in 2047 drukker. Via Meldkindersekstoerisme.nl kwamen "
        "61 meldingen binnen, 18 meer dan het jaar ervoor.</p></main></body></html>"
    )
    english = (
        "<html lang='en'><head><title>Busier across our programmes</title>"
        "<meta property='article:published_time' content='2048-04-14T09:00:00+02:00'></head><body><main>"
        "<p>Our other programmes were busier in 2047 as well. The reporting site for child sex tourism received "
        "61 reports, 18 more than a year earlier.</p></main></body></html>"
    )
    for text in (dutch, english):
        got = {(c["indicator_id"], c["period"], c["value"]) for c in refused_candidates(text, 2048, OWN)}
        assert (None, "2047", 18) in got, got
        assert not any(value == 18 and (period == "2046" or indicator) for indicator, period, value in got), got
        assert (None, "2047", 61) in got, got


def test_the_level_a_named_count_rose_to_after_its_change_counts_what_was_named():
    """ "Het aantal webadressen dat de analisten bekeken, steeg in 2047: met 8 procent tot 541.870":
    541.870 counts the web addresses named at the sentence's start (the change between made it a
    number without a unit, proposed as nothing); the part after it ("Op 204.118 daarvan stond
    strafbaar materiaal") is then a part of URLs, proposed as URLs with illegal material."""
    text = (
        "<html lang='nl'><head><title>Meldpunt: minder meldingen, meer webadressen</title>"
        "<meta property='article:published_time' content='2048-04-10T09:00:00+02:00'></head><body><main>"
        "<p>Het aantal webadressen dat de analisten van het meldpunt in 2047 moesten bekijken, steeg juist: "
        "met 8 procent tot 541.870. Op 204.118 daarvan stond strafbaar materiaal.</p></main></body></html>"
    )
    got = {(c["indicator_id"], c["period"], c["value"]) for c in refused_candidates(text, 2048)}
    assert ("offlimits.urls_analysed", "2047", 541870) in got, got
    assert ("offlimits.urls_illegal", "2047", 204118) in got, got


def test_a_tiles_line_of_another_year_under_a_label_with_its_own_year():
    """A tile "255.563 / meldingen verwerkt in 2047 / (2046: 144.058)": the small line is 2046's
    figure of the same label, so the label's year gives way to the line's (it was read as "144.058
    meldingen verwerkt in 2047 in 2046", 2047's, and the page refused as stating 2047 twice)."""
    page = (
        "<html lang='nl'><head><title>Kerncijfers 2047 | Offlimits</title></head><body><main><h1>Kerncijfers 2047</h1>"
        "<section><h2>Meldpunt Kinderporno</h2><div class='tegel'><p class='getal'>255.563</p>"
        "<p class='label'>meldingen verwerkt in 2047</p><p class='sublabel'>(2046: 144.058)</p></div></section>"
        "</main></body></html>"
    )
    parsed = parse(page, 2047, context=ParseContext(url="https://www.offlimits.nl/kerncijfers-2047", own_hosts=OWN_HOSTS))
    assert {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2047", 255563),
        ("offlimits.reports", "2046", 144058),
    }


@pytest.mark.parametrize(
    "meta",
    [
        '<meta name="publicationdate" content="2048-04-04">',  # De Telegraaf's
        '<meta name="pubdate" content="2048-04-04T11:37:00+02:00">',
        '<meta name="citation_publication_date" content="2048/04/04">',  # a journal's
    ],
)
def test_publishers_other_names_for_the_date_of_writing(meta):
    """ "vorig jaar" counts from the page's date whatever its metadata calls it (a Telegraaf page
    with only <meta name="publicationdate"> had "no date", and 19,872 was proposed under the
    registered year's year before)."""
    text = (
        f"<html lang='nl'><head><title>Bijna 20.000 meldingen kinderporno</title>{meta}</head><body><main>"
        "<p>AMSTERDAM - Het Meldpunt Kinderporno op Internet heeft vorig jaar 19.872 meldingen binnengekregen.</p>"
        "</main></body></html>"
    )
    got = {(c["indicator_id"], c["period"], c["value"]) for c in refused_candidates(text, 2046)}
    assert ("offlimits.reports", "2047", 19872) in got, got


def test_a_letters_reference_number_is_no_lead_its_figures_propose_the_year_read():
    """A council letter dated 4 July 2048 with "Kenmerk RIB 2048-0611" and a breadcrumb "›
    2048" before its text: a year standing alone (or in a reference number) is not the year its
    first figure names, so "Van die url's bevatte 69 procent ..." after "Het meldpunt verwerkte
    vorig jaar meer dan 100.000 url's" is proposed as 2047's (it was 2048's)."""
    text = (
        "<html lang='nl'><head><title>Raadsinformatiebrief online misbruik</title></head><body><main>"
        "<p>Home › Gemeenteraad › Raadsinformatiebrieven › 2048</p><p>4 juli 2048</p><p>Kenmerk RIB 2048-0611</p>"
        "<h2>Landelijke cijfers</h2><p>Het meldpunt verwerkte vorig jaar meer dan 100.000 url's met vermoedelijk "
        "seksueel kindermisbruik. Dat is bijna 60 procent meer dan in 2046.</p>"
        "<p>Van die url's bevatte 69 procent daadwerkelijk strafbaar materiaal.</p></main></body></html>"
    )
    got = {(c["indicator_id"], c["period"], c["value"]) for c in refused_candidates(text, 2048)}
    assert (None, "2047", 69) in got, got


def test_a_small_number_per_day_waits_as_a_rate():
    """ "De zelfhulpwebsite werd in 2047 9.310 keer bezocht, gemiddeld 26 bezoeken per dag": a small
    number of something a day was dropped as no figure (a number under 100 without a unit); it
    waits with its year and no indicator, and never loads."""
    for text in (
        "<p>De zelfhulpwebsite Stoppen is mogelijk werd in 2047 9.310 keer bezocht, gemiddeld 26 bezoeken per dag.</p>",
        "<p>Our self-help website was visited 9,310 times in 2047: on average 26 visits a day.</p>",
    ):
        page = f"<html><head><title>Jaarverslag 2047</title></head><body><main>{text}</main></body></html>"
        got = {(c["indicator_id"], c["period"], c["value"]) for c in refused_candidates(page, 2047, OWN)}
        assert (None, "2047", 26) in got, got


def test_a_count_by_reference_after_a_part_is_proposed_as_the_whole():
    """An FAQ: "In 2047 verwerkte ons Meldpunt 127.081 meldingen, waarvan 72.691 uit Nederland. Het
    aantal schommelt sterk: in 2044 waren het er 413.262, in 2045 144.058 en in 2046 255.563." The
    counts by reference are the whole's (they were proposed as reports from the Netherlands, the
    part named last); a part is proposed only where its sentence says it."""
    text = (
        "<html lang='nl'><head><title>Veelgestelde vragen | Offlimits</title></head><body><main>"
        "<h2>Hoeveel meldingen krijgt het Meldpunt?</h2>"
        "<p>In 2047 verwerkte ons Meldpunt 127.081 meldingen, waarvan 72.691 uit Nederland. Het aantal schommelt sterk "
        "van jaar tot jaar: in 2044 waren het er 413.262, in 2045 144.058 en in 2046 255.563.</p></main></body></html>"
    )
    parsed = parse(text, 2047, context=ParseContext(url="https://www.offlimits.nl/veelgestelde-vragen", own_hosts=OWN_HOSTS))
    proposed = {(c["indicator_id"], c["breakdown"], c["period"], c["value"]) for c in parsed.candidates}
    for period, value in (("2044", 413262), ("2045", 144058), ("2046", 255563)):
        assert ("offlimits.reports", "total", period, value) in proposed, proposed


def test_a_later_parts_year_a_bracket_after_the_year_before_thus_and_a_year_earlier_after_a_base():
    """Four readings of the press and the hotline's own news:
    - "Het aantal meldingen steeg met 38 procent, terwijl de stijging in 2045 nog 45 procent was":
      2045 is the 45's (the later part set against the first), not the 38's (it was proposed as 2045's);
    - "de helft van het jaar ervoor (255.563)": the bracket is that year's figure (proposed as the text's);
    - "The number of reports thus grew by 37 percent": the change of the comparison just made;
    - own voice: "That is 38 percent more than in 2045. A year earlier, the number of URLs assessed
      had grown by 45 percent": a year before the text's 2046 or before the 2045 it names? It waits
      (recognised as the change in URLs, it would have loaded as 2045's)."""
    bnr = (
        "<html lang='nl'><head><title>Meldpunt: groei vlakt af</title>"
        "<meta property='article:published_time' content='2047-03-31T09:00:00+02:00'></head><body><main>"
        "<p>Het meldpunt kreeg vorig jaar zo'n 300.000 meldingen. Het aantal meldingen steeg met 38 procent, "
        "terwijl de stijging in 2045 nog 45 procent was.</p>"
        "<p>Het meldpunt ontving vorig jaar 127.081 meldingen, de helft van het jaar ervoor (255.563).</p></main></body></html>"
    )
    got = {(c["indicator_id"], c["period"], c["value"]) for c in refused_candidates(bnr, 2047)}
    assert (None, "2046", 38) in got and (None, "2045", 45) in got, got
    assert ("offlimits.reports", "2045", 255563) in got, got
    own = (
        "<html lang='en'><head><title>Growth in reports slows</title>"
        "<meta property='article:published_time' content='2047-03-31T09:00:00+02:00'></head><body><main>"
        "<p>In 2044 our Hotline received 12,542 reports; in 2043 there were 9,164. The number of reports thus grew by 37 percent.</p>"
        "<p>Last year our Hotline received 300,000 reports. That is 38 percent more than in 2045. A year earlier, "
        "the number of URLs assessed by our analysts had grown by 45 percent.</p></main></body></html>"
    )
    parsed = parse(own, 2047, context=ParseContext(url="https://www.eokm.nl/en/news/growth", own_hosts=OWN_HOSTS))
    loaded = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples()}
    assert ("offlimits.urls_analysed_change", "2045", 45) not in loaded, loaded
    proposed = {(c["indicator_id"], c["period"], c["value"]) for c in parsed.candidates}
    assert ("offlimits.urls_analysed_change", "2045", 45) in proposed, proposed
    assert (None, "2044", 37) in proposed, proposed


def test_a_year_earlier_counted_from_a_year_further_back_than_the_sentence_before_waits():
    """The hotline's own annual-report page: "In 2046 our Hotline received some 300,000 reports, 38
    percent more than in 2045. It is a sad record, but growth is slowing. A year earlier the number
    of URLs had still grown by 45 percent." The year the 45 is counted back from stands two
    sentences back, beside another year: it waits (it loaded as the change in URLs of 2045)."""
    page = (
        "<html lang='en'><head><title>Annual report 2046 › Hotline</title></head><body><main><h1>The Hotline</h1>"
        "<p>In 2046 our Hotline received some 300,000 reports, 38 percent more than in 2045. It is a sad record, but there "
        "is also good news: for the third year in a row, growth is slowing. A year earlier the number of URLs had still "
        "grown by 45 percent.</p></main></body></html>"
    )
    parsed = parse(page, 2046, context=ParseContext(url="https://www.eokm.nl/en/annual-report-2046/hotline", own_hosts=OWN_HOSTS))
    loaded = {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples()}
    assert not any(value == 45 for _, _, value in loaded), loaded
    assert ("offlimits.urls_analysed_change", "2045", 45) in {
        (c["indicator_id"], c["period"], c["value"]) for c in parsed.candidates
    }


def test_the_year_befores_figure_in_brackets_is_proposed_never_loaded():
    """The hotline's own annual report: "In 2047 verwerkte ons Meldpunt 144.058 meldingen. Ten opzichte
    van het jaar daarvoor (413.262 meldingen) is dat een daling van 65 procent." The bracket is the
    comparison's base, its year by reference: it waits as 2046's (it loaded)."""
    page = (
        "<html lang='nl'><head><title>Jaarverslag 2047 | Offlimits</title></head><body><main><h1>Meldpunt Kinderporno</h1>"
        "<p>In 2047 verwerkte ons Meldpunt Kinderporno 144.058 meldingen. Ten opzichte van het jaar daarvoor (413.262 "
        "meldingen) is dat een daling van 65 procent.</p></main></body></html>"
    )
    parsed = parse(
        page, 2047, context=ParseContext(url="https://www.offlimits.nl/jaarverslag-2047/meldpunt", own_hosts=OWN_HOSTS)
    )
    assert {(r.indicator_id, r.period, r.value) for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", "2047", 144058)
    }
    assert ("offlimits.reports", "2046", 413262) in {(c["indicator_id"], c["period"], c["value"]) for c in parsed.candidates}


def test_foreign_hotlines_named_as_a_source_of_all_the_reports():
    """Trouw: "Het Meldpunt Kinderporno heeft vorig jaar 25.347 meldingen gekregen, van burgers en van
    buitenlandse meldpunten": the whole, from two sources; not the reports from abroad (it was
    proposed without an indicator, as "whose figure is this?")."""
    text = (
        "<html lang='nl'><head><title>Meldpunt kinderporno krijgt meer meldingen</title>"
        "<meta property='article:published_time' content='2048-04-13T06:00:00+02:00'></head><body><main>"
        "<p>Het Meldpunt Kinderporno heeft vorig jaar 25.347 meldingen gekregen, van burgers en van buitenlandse meldpunten.</p>"
        "</main></body></html>"
    )
    got = {(c["indicator_id"], c["breakdown"], c["period"], c["value"]) for c in refused_candidates(text, 2048)}
    assert ("offlimits.reports", "total", "2047", 25347) in got, got


def test_a_row_of_tiles_whose_figure_and_last_years_line_are_boxes_of_their_own():
    """A key-figure tile built of boxes ("<div class=tegel><div>88.412</div><div>meldingen
    verwerkt</div><div>2046: 79.305</div></div>"): the figure box and the line under the label
    hold no words, so they are no tiles of their own and the tile is one item; read as a row of
    tiles, the figure stood alone and did not load."""
    text = (
        "<title>Jaarverslag 2047 | Offlimits</title><main><h2>Meldpunt Kinderporno - kerncijfers 2047</h2><div class='tegels'>"
        "<div class='tegel'><div class='getal'>88.412</div><div class='label'>meldingen verwerkt</div>"
        "<div class='sub'>2046: 79.305</div></div>"
        "<div class='tegel'><div class='getal'>51.090</div><div class='label'>meldingen uit Nederland</div></div>"
        "</div></main>"
    )
    assert values(text, 2047) == {
        ("offlimits.reports", 2047, "total"): (88412, "exact"),
        ("offlimits.reports", 2046, "total"): (79305, "exact"),
        ("offlimits.reports", 2047, "from_netherlands"): (51090, "exact"),
    }


def test_a_count_before_and_n_of_the_urls_is_read_in_its_own_clause():
    """ "In 2047 our Hotline processed 98,310 reports, and 190,226 of the URLs analysed contained
    illegal material": the part's clause after ", and N of the" is not the reports' (read with it,
    "illegal" made the reports no catalog measure and they waited)."""
    text = (
        "<title>Annual figures 2047 | Offlimits</title><main><p>In 2047 our Hotline processed 98,310 reports, and 190,226 "
        "of the URLs analysed contained illegal material.</p></main>"
    )
    got = values(text, 2047)
    assert got[("offlimits.reports", 2047, "total")] == (98310, "exact")
    assert got[("offlimits.urls_illegal", 2047, "total")] == (190226, "exact")


def test_a_titles_comparison_base_is_not_the_year_the_text_is_about():
    """ "Meldpunt kreeg vorig jaar 98.310 meldingen, iets meer dan in 2045" over "Een jaar eerder
    waren het er zo'n 97.000" in an item of April 2047: the title is about last year (2046), its
    2045 is what it compares with; the year before is counted from 2046 (it was counted from 2045,
    as if the title were about that year)."""
    page = (
        "<html><head><title>Meldpunt kreeg vorig jaar 98.310 meldingen, iets meer dan in 2045 | NU.nl</title>"
        "<meta property='article:published_time' content='2047-04-27'></head><body><main>"
        "<h1>Meldpunt kreeg vorig jaar 98.310 meldingen, iets meer dan in 2045</h1>"
        "<p>Het meldpunt heeft vorig jaar 98.310 meldingen verwerkt. Dat maakt de organisatie dinsdag bekend in haar "
        "jaarverslag. Een jaar eerder waren het er zo'n 97.000.</p></main></body></html>"
    )
    got = {c["value"]: c["period"] for c in refused_candidates(page, 2046)}
    assert got[98310] == "2046" and got[97000] == "2045", got


def test_a_count_that_the_next_sentence_says_changed_is_of_the_period_before():
    """ "Bij internationale meldpunten kwamen ruim 91.000 meldingen binnen over materiaal op
    Nederlandse servers. Dat aantal is gedaald naar 21.000.": the foreign hotlines' count (no
    Offlimits indicator: "bij" names who received them, not a channel) is the same half a year
    before the one the text is at, and "Dat aantal" is theirs too."""
    page = (
        "<html><head><title>Minder meldingen | NH Nieuws</title><meta property='article:published_time' "
        "content='2047-08-05'></head><body><main><p>In de eerste helft van dit jaar kwamen bij het Meldpunt Kinderporno "
        "90 procent minder meldingen binnen. Dit jaar zijn dat er in dezelfde periode nog zo'n 9200. Bij internationale "
        "meldpunten kwamen ruim 91.000 meldingen binnen over materiaal op Nederlandse servers. Dat aantal is gedaald "
        "naar 21.000.</p></main></body></html>"
    )
    got = {c["value"]: (c["indicator_id"], c["period"]) for c in refused_candidates(page, 2047)}
    assert got[91000] == (None, "2046-H1") and got[21000] == (None, "2047-H1"), got


def test_a_year_after_and_opens_the_next_clause_not_the_number_before():
    """ "In 2046 it received 12,542 reports and in 2045 there were 9,164.": the year after "and"
    opens the next clause; 12,542 is 2046's (it loaded as 2045's, taking the next clause's year)."""
    text = "<title>FAQ | Meldpunt Kinderporno</title><main><p>In 2046 our hotline received 12,542 reports and in 2045 there were 9,164.</p></main>"
    got = values(text, 2046)
    assert got.get(("offlimits.reports", 2046, "total")) == (12542, "exact"), got
    assert ("offlimits.reports", 2045, "total") not in got or got[("offlimits.reports", 2045, "total")] == (9164, "exact")


def test_a_look_back_by_reference_does_not_move_the_year_the_text_is_at():
    """ "In 2047 verwerkte het Meldpunt 98.310 meldingen. In 2046 waren dat er 90.005. De stijging
    komt vooral door meer meldingen van eigen bodem: 51.090 meldingen kwamen uit Nederland.": the
    look back ("waren dat er", a count by reference of an earlier year) is a comparison on the way;
    the part from the Netherlands is 2047's (it loaded as 2046's)."""
    text = (
        "<title>Jaarverslag 2047 | Offlimits</title><main><p>In 2047 verwerkte het Meldpunt Kinderporno 98.310 meldingen, "
        "meer dan ooit. In 2046 waren dat er 90.005. De stijging komt vooral door meer meldingen van eigen bodem: 51.090 "
        "meldingen kwamen uit Nederland.</p></main>"
    )
    got = values(text, 2047)
    assert got.get(("offlimits.reports", 2047, "from_netherlands")) == (51090, "exact"), got
    assert ("offlimits.reports", 2046, "from_netherlands") not in got


def test_a_pdf_texts_table_with_its_years_down_the_first_column():
    """A table in a PDF's text laid out in columns with a year per line ("Jaar  Meldingen  waarvan
    uit Nederland  Geanalyseerde url's" over "2046  413.262  236.743  n.b."): each figure with its
    row's year and its column's measure, as an HTML table with years down its first column is read
    ("ca. 300.000" approximate; "n.b." and "–" no figure). Read line by line, every number was
    proposed as URLs of whatever year stood before it."""
    text = (
        "Jaarverslag 2047 Offlimits\n\nTabel 3.1  Meldingen en url's, 2044-2047\n\n"
        "Jaar     Meldingen      waarvan uit Nederland     Geanalyseerde url's\n"
        "2044     –              –                         > 220.000\n"
        "2045     ca. 300.000    n.b.                      n.b.\n"
        "2046     413.262        236.743                   n.b.\n"
        "2047     144.058        n.b.                      397.770\n\n"
        "Bron: Offlimits.\n"
    )
    got = {
        (r.indicator_id, r.year, r.breakdown): (r.value, r.qualifier)
        for r in parse(text, 2047, "jaarverslag.txt").observations.itertuples()
    }
    assert got == {
        ("offlimits.urls_analysed", 2044, "total"): (220000, "lower_bound"),
        ("offlimits.reports", 2045, "total"): (300000, "approx"),
        ("offlimits.reports", 2046, "total"): (413262, "exact"),
        ("offlimits.reports", 2046, "from_netherlands"): (236743, "exact"),
        ("offlimits.reports", 2047, "total"): (144058, "exact"),
        ("offlimits.urls_analysed", 2047, "total"): (397770, "exact"),
    }


def test_a_posts_bullets_in_one_line_are_items_of_their_own():
    """A post's key figures as bullets on one line ("🔹 About 1 in 3 of the images we assessed last
    year was self-generated 🔹 1,344 reported images were made partly or wholly with AI 🔹 More
    than 75% of our removal requests ..."): each bullet is its own item, so "1 in 3" is the
    self-generated share of last year (read as one sentence, it waited as the removal share)."""
    page = (
        "<html><head><title>Offlimits on LinkedIn</title><meta property='article:published_time' content='2047-04-10'>"
        "</head><body><main><p>Our annual figures for 2046 are out. 🔹 About 1 in 3 of the images we assessed last year "
        "was self-generated 🔹 1,408 reported images were made partly or wholly with AI 🔹 More than 75% of our removal "
        "requests were dealt with within 24 hours</p></main></body></html>"
    )
    got = values(page, 2046)
    assert got.get(("offlimits.self_generated_share", 2046, "total")) == (33, "approx"), got
    assert got.get(("offlimits.ai_images", 2046, "total")) == (1408, "exact"), got


def test_the_report_year_is_the_one_its_name_gives_where_the_title_names_others_too():
    """ "2046 and 2045 side by side - EOKM Annual Report 2046": the report is of 2046 (the title's
    other year made it unknown), so a paragraph without a year under a new heading ("Our SCART
    tool traced a further 253,712 URLs") is proposed for 2046, not for the table's last column."""
    page = (
        "<html><head><title>Hotline: 2046 and 2045 side by side - EOKM Annual Report 2046</title></head><body><main>"
        "<h1>2046 and 2045 side by side</h1><table><caption>Our hotline in figures, 2046 and 2045</caption>"
        "<tr><th></th><th>2046</th><th>2045</th></tr><tr><th>Reports processed</th><td>144,058</td><td>413,262</td></tr>"
        "</table><h2>More URLs than reports</h2><p>One report can lead to many URLs. Our SCART workflow tool traced a "
        "further 253,712 URLs, which our analysts then processed as well.</p></main></body></html>"
    )
    context = ParseContext(url="https://jaarverslag2046.offlimits.nl/en/hotline", own_hosts=OWN_HOSTS)
    parsed = parse(page, 2046, context=context)
    got = {c["value"]: c["period"] for c in parsed.candidates}
    assert got[253712] == "2046", got


def test_a_tile_whose_figure_is_a_number_in_words_with_a_sign():
    """A key-figure tile "&gt; half a million" over "URLs analysed by our analysts": one item, a
    lower bound of the report's year (the tile's figure in words was no figure, and it stood alone)."""
    text = (
        "<title>Annual Report 2046 | Offlimits</title><main><h2>Key figures</h2><section class='tiles'>"
        "<div class='tile'><p class='number'>255,563</p><p class='caption'>reports processed by our hotline</p></div>"
        "<div class='tile'><p class='number'>&gt; half a million</p><p class='caption'>URLs analysed by our analysts</p></div>"
        "</section></main>"
    )
    got = values(text, 2046)
    assert got.get(("offlimits.urls_analysed", 2046, "total")) == (500000, "lower_bound"), got


def test_an_abbreviation_before_a_number_does_not_end_the_sentence():
    """A tile "ca. 300.000" over "meldingen verwerkt door het Meldpunt Kinderporno": "ca." is an
    abbreviation, not the end of a sentence; the figure is approximate (split there, 300.000 loaded
    as an exact count)."""
    text = (
        "<title>Jaarverslag 2046 | EOKM</title><main><h2>Kerncijfers 2046</h2>"
        "<div class='tegel'><span class='getal'>ca. 300.000</span><span class='label'>meldingen verwerkt door het "
        "Meldpunt Kinderporno</span></div></main>"
    )
    assert values(text, 2046) == {("offlimits.reports", 2046, "total"): (300000, "approx")}


def test_a_few_hundred_is_no_figure_and_what_the_hotline_began_is_no_other_meldpunt():
    """ "In het eerste jaar kwamen er een paar honderd meldingen binnen." is no count (it loaded as
    100); "In 2037 begon het Meldpunt Helpwanted.nl" names the hotline and what it began, not a
    "Meldpunt Helpwanted", so "het Meldpunt" later on is still the hotline."""
    text = (
        "<title>Geschiedenis van het Meldpunt</title><main><h1>Geschiedenis van het Meldpunt</h1>"
        "<p>Het Meldpunt Kinderporno op Internet is in 2026 opgericht. In het eerste jaar kwamen er een paar honderd "
        "meldingen binnen.</p><h2>Helpwanted.nl</h2><p>In 2037 begon het Meldpunt Helpwanted.nl, een website voor "
        "jongeren.</p><h2>Steeds meer meldingen</h2><p>In 2041 ontving het Meldpunt 12.542 meldingen.</p></main>"
    )
    got = values(text, 2041)
    assert got == {("offlimits.reports", 2041, "total"): (12542, "exact")}, got


def test_a_fact_sheets_leader_lines_with_a_bullet_before_the_label():
    """A press kit's PDF text: "•  Meldingen in 2042     19.872": the bullet is no word of the label
    (read with it, the label was no measure and the figure waited)."""
    text = (
        "Meldpunt Kinderporno op Internet - Feiten en cijfers\n\nJaarverslag 2042\n\n"
        "  •  Meldingen in 2042                          19.872\n"
        "  •  Meldingen in 2041                          12.542\n"
    )
    got = {
        (r.indicator_id, r.year, r.breakdown): (r.value, r.qualifier)
        for r in parse(text, 2042, "factsheet.txt").observations.itertuples()
    }
    assert got == {("offlimits.reports", 2042, "total"): (19872, "exact"), ("offlimits.reports", 2041, "total"): (12542, "exact")}


def test_the_year_before_in_the_own_voice_waits_even_after_a_year_in_the_sentence_before():
    """ "In 2043 the Hotline processed 23,278 reports ... The year before, the Hotline received
    19,872 reports.": a period by reference (issue 22 part 2) waits with its reading proposed, also
    when the sentence before names its year (it loaded as 2042's)."""
    text = (
        "<title>Annual report 2043 | Meldpunt Kinderporno</title><main><p>In 2043 the Hotline processed 23,278 reports "
        "of possible child sexual abuse material. The year before, the Hotline received 19,872 reports.</p></main>"
    )
    parsed = parse(text, 2043)
    assert {(r.indicator_id, r.year) for r in parsed.observations.itertuples()} == {("offlimits.reports", 2043)}
    assert {(c["value"], c["period"]) for c in parsed.candidates} >= {(19872, "2042")}


def test_english_press_partners_who_pass_reports_on_and_a_clause_of_its_own_without_a_comma():
    """ "The Dutch hotline ... processed 255,563 reports in 2043, ... as international partners
    passed on more links" ("international partners" pass reports on; they are no other hotline),
    "processed 127,081 reports and found illegal material on 230,759 URLs" (the illegal material
    is the URLs', not the reports') and "went through 603,062 URLs, ..., and found illegal
    material on 230,759 of them" (what went through is analysed): proposed as the catalog's."""
    page = (
        "<html><head><title>Dutch hotline | POLITICO</title><meta property='article:published_time' content='2044-05-16'>"
        "</head><body><main><p>THE HAGUE — The Dutch hotline for child sexual abuse material processed 255,563 reports in "
        "2043, up from 144,058 the year before, as international partners passed on more links.</p><p>In 2043 the hotline "
        "of Offlimits processed 127,081 reports and found illegal material on 230,759 URLs. Its analysts went "
        "through 603,062 URLs, 12.5% more than in 2042, and found illegal material on 230,759 of them.</p></main></body></html>"
    )
    got = {(c["value"], c["indicator_id"]) for c in refused_candidates(page, 2043)}
    assert {(255563, "offlimits.reports"), (127081, "offlimits.reports"), (603062, "offlimits.urls_analysed")} <= got, got


def test_a_change_in_web_addresses_and_a_years_note_mark_glued_to_its_full_stop():
    """ "the number of web addresses the hotline checked had grown by 41%" is the change in URLs
    analysed (only "URL" was read as the noun), and "... and 9,876 in 2040.2 Nearly half ..." (a
    PDF's note mark glued to a year's full stop) ends the sentence at 2040, the year of 9,876 (it
    was read as a number 2040.2 and the year of the sentence before)."""
    page = (
        "<html><head><title>Online safety in the Low Countries</title><meta property='article:published_time' "
        "content='2045-02-03'></head><body><main><p>The Dutch hotline received 31,415 reports in 2043 (Meldpunt "
        "Kinderporno, 2044, p. 9), against 27,182 in 2042 and 9,876 in 2040.2 Nearly half of the reports of 2043 concerned "
        "material that was illegal.</p><p>In 2043 the number of web addresses the hotline checked had grown by 41%.</p>"
        "</main></body></html>"
    )
    got = {(c["value"], c["indicator_id"], c["period"]) for c in refused_candidates(page, 2044)}
    assert {(31415, "offlimits.reports", "2043"), (27182, "offlimits.reports", "2042")} <= got, got
    assert (9876, "offlimits.reports", "2040") in got, got
    assert (41, "offlimits.urls_analysed_change", "2043") in got, got
    assert not any(v == 2040.2 for v, _, _ in got)


def test_it_refers_to_the_organisation_the_sentence_opened_with():
    """The hotline's own English summary: "The Dutch police also saw a sharp rise in 2043: it
    received almost 18,000 reports ..., against some 12,000 the year before." ("it" is the
    police: both loaded as the hotline's reports); "Our Hotline, which works closely with the
    police, ...: it received ..." is the hotline's."""
    page = (
        "<html lang='en'><head><title>Annual report 2043 | EOKM</title></head><body><main><p>In 2043 our Hotline assessed "
        "154,321 URLs.</p><p>The Dutch police also saw a sharp rise in 2043: it received almost 18,000 reports of child "
        "sexual abuse material, against some 12,000 the year before.</p></main></body></html>"
    )
    parsed = parse(page, 2043, context=ParseContext(url="https://www.eokm.nl/en/annual-report-2043", own_hosts=OWN_HOSTS))
    assert {(r.indicator_id, r.value) for r in parsed.observations.itertuples()} == {("offlimits.urls_analysed", 154321)}
    assert {(c["value"], c["indicator_id"]) for c in parsed.candidates} >= {(18000, None), (12000, None)}
    own = page.replace("The Dutch police also saw", "Our Hotline, which works closely with the police, saw").replace(
        " of child sexual abuse material, against some 12,000 the year before", ""
    )
    parsed = parse(own, 2043, context=ParseContext(url="https://www.eokm.nl/en/annual-report-2043", own_hosts=OWN_HOSTS))
    assert ("offlimits.reports", 18000) in {(r.indicator_id, r.value) for r in parsed.observations.itertuples()}


def test_key_figures_in_a_carousels_alt_texts_a_table_notes_period_and_coordinated_participles():
    """The hotline's own pages: a post's carousel whose slides carry their figures in the images'
    text alternatives, one of them in words only ("Ongeveer een op de drie afbeeldingen was
    zelfgemaakt": an alt text without digits was not read), with slide counters ("3 / 6" was read
    as a figure of the slide before it); "* Inclusief 253.712 URL's ..." under a table whose
    "397.770*" is 2042's (the note's number was proposed under no year, or the page's); and
    "308.430 gemelde en beoordeelde URL's" (two words coordinated before the unit: no unit)."""
    post = (
        "<html><head><title>Jaarcijfers 2043 | Offlimits</title></head><body><main><p>In 2043 verwerkte ons Meldpunt "
        "Kinderporno 121.212 meldingen.</p><ul class='carousel'>"
        "<li><img src='a.png' alt=\"Op 212.121 van die URL's stond illegaal materiaal\"><span>3 / 6</span></li>"
        "<li><img src='b.png' alt='Ongeveer een op de drie afbeeldingen was zelfgemaakt (self-generated)'><span>4 / 6</span></li>"
        "</ul></main></body></html>"
    )
    parsed = parse(post, 2043)
    loaded = {(r.indicator_id, r.value) for r in parsed.observations.itertuples()}
    waiting = {(c["indicator_id"], c["value"]) for c in parsed.candidates}
    assert ("offlimits.self_generated_share", 33) in loaded | waiting
    assert ("offlimits.urls_illegal", 212121) in loaded | waiting and not any(v in (3, 4, 6) for _, v in loaded | waiting)
    table = (
        "<html><head><title>Kerncijfers 2043 | Offlimits</title></head><body><main><table><tr><th></th><th>2043</th>"
        "<th>2042</th></tr><tr><th>Meldingen verwerkt</th><td>255.555</td><td>144.444</td></tr><tr><th>URL's beoordeeld</th>"
        "<td>meer dan 500.000</td><td>397.777*</td></tr></table><p>* Inclusief 253.333 URL's die ons werkproces SCART "
        "heeft gevonden.</p></main></body></html>"
    )
    parsed = parse(table, 2043)
    assert ("253333.0", "2042") in {(str(c["value"]), c["period"]) for c in parsed.candidates}
    tile = "<html><body><main><p>308.430 Gemelde en beoordeelde URL's in 2043</p></main></body></html>"
    assert ("offlimits.urls_analysed", 2043, 308430) in {
        (r.indicator_id, r.year, r.value) for r in parse(tile, 2043).observations.itertuples()
    }


def test_a_letters_postbus_is_no_year_and_a_figures_rows_take_their_unit_from_its_caption():
    """A ministry's letter as PDF text: "Postbus 20301" in its first line was read as the year 2030
    (a year's digits followed by another digit), so the letter was refused as registered under
    another year than its title's; and a figure's rows of a year and a value under its caption
    ("Figuur 4.1   Meldingen bij het Meldpunt Kinderporno, 2039-2041" over "2040   307.021") were
    proposed without a measure."""
    letter = (
        "> Retouradres Postbus 20301 2500 EH Den Haag\n\nDatum       20 juni 2042\n\n"
        "Figuur 4.1   Meldingen bij het Meldpunt Kinderporno, 2039-2041\n\n"
        "2039   ca. 300.000\n2040   307.021\n2041   144.444\n\n"
        "Het Meldpunt analyseerde in 2041 ruim 400.000 url's. Van de geanalyseerde url's bevatte 69 procent strafbaar materiaal.\n"
    )
    context = ParseContext(url="https://www.tweedekamer.nl/kamerbrief-2042.pdf", own_hosts=OWN_HOSTS)
    with pytest.raises(ParseError) as exc:
        parse(letter, 2041, "letter.txt", context)
    assert "title states" not in exc.value.reason
    got = {(c["value"], c["indicator_id"], c["period"]) for c in exc.value.candidates}
    assert {(300000, "offlimits.reports", "2039"), (307021, "offlimits.reports", "2040")} <= got, got
    assert (144444, "offlimits.reports", "2041") in got and (69, None, "2041") in got, got


def test_a_year_before_in_a_later_part_a_fractions_other_year_and_dat_jaar_after_a_comparison():
    """Press: "de stijging was 38 procent, een jaar eerder was de groei nog 45 procent" ("een
    jaar eerder" is the 45's: the 38 was proposed a year back too); "kreeg vorig jaar 127.081
    meldingen, ongeveer de helft van de 255.563 in 2043. Van die meldingen kwamen er 72.691 uit
    Nederland." (the half's other year is no year the text goes on with: 72.691 was 2043's);
    "kreeg in 2044 127.081 meldingen, tegen 255.563 in 2043. De analisten bekeken dat jaar
    603.062 url's" ("dat jaar" is the year the sentence is about, not the one compared with)."""
    head = "<html><head><meta property='article:published_time' content='2045-04-10'></head><body>"
    growth = head + (
        "<p>Het meldpunt kreeg vorig jaar zo'n 300.000 meldingen. Wel groeit het aantal minder hard: de stijging was "
        "38 procent, een jaar eerder was de groei nog 45 procent.</p></body></html>"
    )
    got = {(c["value"], c["period"]) for c in refused_candidates(growth, 2044)}
    assert {(38, "2044"), (45, "2043")} <= got, got
    half = head + (
        "<p>Het meldpunt kreeg vorig jaar 127.081 meldingen, ongeveer de helft van de 255.563 in 2043. Van die meldingen "
        "kwamen er 72.691 uit Nederland.</p></body></html>"
    )
    assert (72691, "2044") in {(c["value"], c["period"]) for c in refused_candidates(half, 2044)}
    that_year = head + (
        "<p>Het meldpunt kreeg in 2044 127.081 meldingen, tegen 255.563 in 2043. De analisten bekeken dat jaar 603.062 "
        "url's.</p></body></html>"
    )
    assert (603062, "2044") in {(c["value"], c["period"]) for c in refused_candidates(that_year, 2044)}


def test_a_tables_growth_row_under_its_url_count_and_such_material_of_the_sentence_before():
    """The hotline's own report: a table whose row "Groei ten opzichte van het jaar ervoor" stands
    under "Gemelde en beoordeelde URL's" in each year's column (the change of that count; "ca.
    +60%" approximate), a footnoted cell's growth waits (its note says reports), and "In 2044 was
    ongeveer een op de drie gemelde afbeeldingen zulk materiaal." after a sentence naming the
    material children made of themselves (the self-made share)."""
    page = (
        "<html><head><title>Jaarverslag 2044 | EOKM</title></head><body><main><table><tr><th></th><th>2043</th><th>2044"
        "</th></tr><tr><th>Gemelde en beoordeelde URL's</th><td>100.478</td><td>154.897</td></tr><tr><th>Groei ten opzichte "
        "van het jaar ervoor</th><td>ca. +60%</td><td>+54%<sup>1</sup></td></tr></table><p><sup>1</sup> Groei van het "
        "totale aantal meldingen.</p><h2>Door kinderen zelf gemaakt</h2><p>Sinds 2044 houden we bij welk materiaal kinderen "
        "van zichzelf hebben gemaakt. In 2044 was ongeveer een op de drie gemelde afbeeldingen zulk materiaal.</p></main></body></html>"
    )
    got = {(r.indicator_id, r.year, r.value, r.qualifier) for r in parse(page, 2044).observations.itertuples()}
    assert ("offlimits.urls_analysed_change", 2043, 60, "approx") in got, got
    assert ("offlimits.self_generated_share", 2044, 33, "approx") in got, got
    assert not any(v == 54 for _, _, v, _ in got), got


def test_a_notes_mark_glued_to_a_count_that_ends_its_sentence():
    """A PDF's text: "... fewer than in 2041, when it received 413,262.41 In the first half of 2042
    ..." (the note's mark 41 glued to the count's full stop: it was read as 413,262.41, and the
    next sentence ran on)."""
    text = (
        "<html><body><main><p>The Dutch hotline processed 144,058 reports in 2042, fewer than in 2041, when it received "
        "413,262.41 In the first half of 2042 it received about 8,100.</p></main></body></html>"
    )
    got = {(c["value"], c["period"]) for c in refused_candidates(text, 2043)}
    assert (413262, "2041") in got and not any(v == 413262.41 for v, _ in got), got


def test_reports_from_the_netherlands_and_from_abroad_are_all_of_them():
    """ "In 2043 ontving ons Meldpunt 25.347 meldingen, uit Nederland en uit het buitenland." (all of
    them: it loaded as the reports from the Netherlands, a wrong load at first reading)."""
    text = "<main><p>In 2043 ontving ons Meldpunt 25.347 meldingen, uit Nederland en uit het buitenland.</p></main>"
    assert values(text, 2043) == {("offlimits.reports", 2043, "total"): (25347, "exact")}


def test_the_season_an_event_took_place_in_is_no_figures_year():
    """ "The Dutch hotline - run by the EOKM, which changed its name to Offlimits in the autumn of
    2043 - received 144,058 reports in 2042. The year before, it had received 413,262." (the
    season's year was taken for the sentence's: the year before was proposed as 2042)."""
    text = (
        "<main><p>The Dutch hotline - run by the EOKM, which changed its name to Offlimits in the autumn of 2043 - "
        "received 144,058 reports in 2042. The year before, it had received 413,262.</p></main>"
    )
    context = ParseContext(url="https://www.europarl.europa.eu/briefing-2043.pdf", own_hosts=OWN_HOSTS)
    got = {(c["value"], c["period"]) for c in refused_candidates(text, 2043, context)}
    assert (413262, "2041") in got, got


def test_a_look_back_with_nog_met_does_not_move_the_year_the_text_is_about():
    """ "ontving in 2043 zo'n 300.000 meldingen. ... ; in 2042 was het aantal bekeken url's nog met 45
    procent gestegen. Twee derde van de meldingen betrof strafbaar materiaal." (the look back's year
    carried on: "Twee derde" was proposed as 2042's)."""
    page = (
        "<html><head><meta property='article:published_time' content='2044-05-20'></head><body><p>Het Meldpunt "
        "Kinderporno ontving in 2043 zo'n 300.000 meldingen. Dat is 38 procent meer dan in 2042. De groei vlakt daarmee af; "
        "in 2042 was het aantal bekeken url's nog met 45 procent gestegen. Twee derde van de meldingen betrof strafbaar "
        "materiaal.</p></body></html>"
    )
    context = ParseContext(url="https://www.rijksfinancien.nl/jaarverslag/2043", own_hosts=OWN_HOSTS)
    got = {(c["value"], c["period"]) for c in refused_candidates(page, 2043, context)}
    assert (67, "2043") in got and (45, "2042") in got, got
