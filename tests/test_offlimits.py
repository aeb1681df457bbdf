"""The Offlimits prose parser, on the real Dutch text of the monitor chapter's Offlimits
paragraphs (the chapter ships as reference document kib 2025 in the snapshot store; the
Offlimits news item itself is not available offline)."""

import pytest

from kr_pipeline.errors import ParseError
from kr_pipeline.sources.offlimits import parser as offlimits

from .conftest import CHAPTER as CHAPTER_FILE

CHAPTER = CHAPTER_FILE.read_text("utf-8")
OFFLIMITS_PARAGRAPHS = "\n\n".join(p for p in CHAPTER.split("\n\n") if "Offlimits" in p or "Meldpunt Kinderporno" in p)


def values(text, year=2024):
    df = offlimits.parse(text.encode(), year, "news.html").observations
    return {(r.indicator_id, r.year, r.breakdown): (r.value, r.qualifier) for r in df.itertuples()}


def test_figures_from_the_real_text():
    assert values(OFFLIMITS_PARAGRAPHS) == {
        ("offlimits.reports", 2024, "total"): (127081, "exact"),  # "127.081" is 127081, not 127.081
        ("offlimits.reports", 2023, "total"): (255563, "exact"),
        ("offlimits.reports", 2024, "from_netherlands"): (72691, "exact"),
        ("offlimits.urls_analysed", 2024, "total"): (603062, "exact"),
        ("offlimits.urls_analysed_change", 2024, "total"): (12.5, "exact"),
        ("offlimits.urls_illegal", 2024, "total"): (230759, "exact"),
        ("offlimits.ai_images", 2024, "total"): (1344, "exact"),
        ("offlimits.self_generated_share", 2024, "total"): (33, "approx"),
        ("offlimits.removal_within_24h_share", 2024, "total"): (75, "lower_bound"),
    }


def test_each_figure_keeps_its_sentence():
    df = offlimits.parse(OFFLIMITS_PARAGRAPHS.encode(), 2024, "news.html").observations
    row = df[df.indicator_id == "offlimits.urls_illegal"].iloc[0]
    assert row.quote == "230.759 URL's bevatten illegaal materiaal."
    assert row.location.startswith("sentence ")
    assert (df.country_iso3 == "NLD").all()


def test_the_whole_chapter_yields_only_offlimits_figures():
    # The police sentence ("registreerde de politie ... 11 meldingen") is not an Offlimits figure.
    assert set(values(CHAPTER)) == set(values(OFFLIMITS_PARAGRAPHS))


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
        ("tegenover 255.563 vorig jaar", 2023),
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
    df = offlimits.parse(page.encode(), 2021, "news.html").observations
    assert df[["indicator_id", "period", "value", "qualifier", "text_part"]].values.tolist() == [
        ["offlimits.reports", "2021", 413262, "exact", "body"]
    ]


def test_a_half_year_figure_is_never_the_annual_one():
    text = "In 2024 verwerkte het Meldpunt 127.081 meldingen. In de eerste helft van 2025 ontving het Meldpunt 60.123 meldingen."
    parsed = offlimits.parse(text.encode(), 2024, "news.html")
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
    parsed = offlimits.parse(text.encode(), 2024, "news.html")
    assert parsed.observations.value.tolist() == [127081]
    assert [c["why"] for c in parsed.candidates] == ["a figure of another organisation, not of Offlimits"]


def test_a_decline_is_a_negative_change_and_passes_validation():
    from kr_pipeline.validate import validate

    text = "Dit leidde tot de analyse van 530.000 URL's, een daling van 12% ten opzichte van 2023."
    df = offlimits.parse(text.encode(), 2024, "news.html").observations
    assert df[["indicator_id", "period", "value"]].values.tolist() == [
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
    # alone, and "illegaal" in one bullet does not make another bullet's URL's illegal ones
    text = (
        "Offlimits: jaarcijfers 2022\n\nKerncijfers\n- 144.000 meldingen (2021: 413.262)\n"
        "- 600.000 URL's geanalyseerd\n- 40% van de URL's bevatte illegaal materiaal\n"
    )
    parsed = offlimits.parse(text.encode(), 2022, "jaarcijfers.txt")
    assert {(r.indicator_id, r.year, r.breakdown): (r.value, r.qualifier) for r in parsed.observations.itertuples()} == {
        ("offlimits.reports", 2022, "total"): (144000, "exact"),
        ("offlimits.urls_analysed", 2022, "total"): (600000, "exact"),
    }
    assert {c["value"] for c in parsed.candidates} == {413262, 40}


def test_vorig_jaar_without_a_stated_year_is_not_guessed():
    # press coverage in div/span markup: "vorig jaar" counts from the day of writing, which the
    # text does not give; the registered year is not a substitute for it
    page = (
        '<html><head><title>Nieuws</title></head><body><div class="article"><h2>Minder meldingen bij Offlimits</h2>'
        '<div class="text"><span>Het aantal meldingen van beelden van seksueel kindermisbruik is vorig jaar gedaald naar '
        "127.081 meldingen, </span><span>meldt Offlimits.</span></div></div></body></html>"
    )
    with pytest.raises(ParseError, match="no Offlimits figures recognised.*1 candidates for review"):
        offlimits.parse(page.encode(), 2024, "nos.html")
    _, [candidate], _ = offlimits.read(page.encode(), 2024)
    assert candidate.value == 127081 and "states no year to count from" in candidate.why
    # with a year stated in the heading, "vorig jaar" counts back from it
    dated = page.replace("Minder meldingen bij Offlimits", "Jaarcijfers 2024: minder meldingen bij Offlimits").replace(
        "is vorig jaar gedaald naar 127.081 meldingen", "is gedaald naar 127.081 meldingen, tegenover 255.563 vorig jaar"
    )
    assert values(dated, 2024) == {
        ("offlimits.reports", 2024, "total"): (127081, "exact"),
        ("offlimits.reports", 2023, "total"): (255563, "exact"),
    }
