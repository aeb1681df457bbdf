"""The Offlimits prose parser, on the real Dutch text of the monitor chapter's Offlimits
paragraphs (tests/fixtures/monitor; the Offlimits news item itself is not available offline)."""

import pytest

from kr_pipeline import offlimits
from kr_pipeline.errors import ParseError

from .conftest import FIXTURES

CHAPTER = (FIXTURES / "monitor" / "kinderhandel-en-seksuele-uitbuiting.txt").read_text("utf-8")
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


@pytest.mark.parametrize("word, qualifier", [("ruim", "approx"), ("circa", "approx"), ("bijna", "approx"), ("zo'n", "approx"), ("meer dan", "lower_bound")])
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
