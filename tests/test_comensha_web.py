"""CoMensha's "Het beeld van <jaar>" pages (parser comensha_web): the real pages load exactly,
a page of ours in the same style with other wording loads what it states, press about the
figures only proposes, an edition under another year and shares that do not fit are refused,
and the parsed series and the curated comensha.yaml live side by side (tests/fixtures/comensha/
README.md says what is real)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kr_pipeline.cli import main
from kr_pipeline.errors import ParseError
from kr_pipeline.publishers.comensha import web as parser
from kr_pipeline.reading.context import ParseContext

from .fixtures.comensha import OURS_2025, OWN_HOSTS, PRESS_2021, REAL_2020, REAL_2024, URLS
from .helpers import rows


def parse(path, year, url=None, data=None, voice=None):
    ctx = ParseContext(url=URLS[path] if url is None else url, own_hosts=OWN_HOSTS, voice=voice)
    return parser.parse(data if data is not None else path.read_bytes(), year, path.name if path else "page.html", ctx)


def loaded(parsed):
    return sorted((r.indicator_id, r.period, r.breakdown, r.value, r.qualifier, r.unit) for r in parsed.observations.itertuples())


def refused(path, year, **kw) -> ParseError:
    with pytest.raises(ParseError) as exc:
        parse(path, year, **kw)
    return exc.value


V, VS, M = "comensha.victims_registered", "comensha.victims_registered_share", "comensha.minor_victims"
R, RS = "comensha.registrations_by_reporter", "comensha.registrations_by_reporter_share"


def test_the_real_2020_page_loads_its_total_forms_and_2019_as_compared():
    parsed = parse(REAL_2020, 2020)
    assert parsed.voice == "own"
    assert loaded(parsed) == [
        (V, "2019", "total", 1372.0, "exact", "persons"),  # "tegenover 1372 in 2019": 2019's figure
        (V, "2020", "total", 1013.0, "exact", "persons"),  # stated twice, the same
        (VS, "2020", "labour", 41.0, "exact", "percent"),  # "gereguleerde arbeid en dienstverlening ... eveneens 41%"
        (VS, "2020", "sexual", 41.0, "exact", "percent"),
    ]
    quotes = set(parsed.observations.quote)
    assert "In 2020 zijn 1013 nieuwe slachtoffers bij CoMensha aangemeld." in quotes
    # the nationalities are no catalog measure: they wait, proposing nothing
    waiting = {(c["as_published"], c["indicator_id"]) for c in parsed.candidates}
    assert waiting == {("190", None), ("185", None), ("155", None)}


def test_the_real_2024_reporters_page_loads_every_pair_of_both_years():
    parsed = parse(REAL_2024, 2024)
    got = {(r.indicator_id, r.period, r.breakdown): r.value for r in parsed.observations.itertuples()}
    expected = {
        "2024": {
            "fairwork": (257, 24.2),
            "labour_inspectorate": (71, 6.7),
            "kmar": (67, 6.3),
            "police": (329, 31.0),
            "care_coordination": (301, 28.3),
        },
        "2023": {
            "fairwork": (233, 22.3),
            "labour_inspectorate": (33, 3.2),
            "kmar": (50, 4.8),
            "police": (360, 34.5),
            "care_coordination": (312, 29.9),
        },
    }
    want = {}
    for period, pairs in expected.items():
        for slug, (count, share) in pairs.items():
            want[(R, period, slug)] = count
            want[(RS, period, slug)] = share
    assert got == want
    assert parsed.candidates == []  # "Figuur 9", "Figuren 11 t/m 16", "de 10 regionale politie-eenheden": no figures
    assert set(parsed.observations.unit) == {"reports", "percent"}


def test_a_page_of_ours_in_the_same_style_with_other_wording():
    parsed = parse(OURS_2025, 2025)
    got = {(r.indicator_id, r.period, r.breakdown): (r.value, r.text_part) for r in parsed.observations.itertuples()}
    assert got[(V, "2025", "total")] == (1105.0, "body")  # "registreerde in 2025 in totaal 1.105"
    assert got[(V, "2024", "total")] == (955.0, "body")  # "tegenover 955 in 2024"
    assert got[(M, "2025", "total")] == (61.0, "body")  # minors stated explicitly: "61 minderjarigen"
    assert {b: got[(V, "2025", b)][0] for b in ("sexual", "labour", "criminal", "other")} == {
        "sexual": 402.0,
        "labour": 511.0,
        "criminal": 148.0,
        "other": 44.0,
    }
    assert got[(VS, "2025", "labour")] == (46.2, "body")
    assert got[(R, "2025", "police")] == (352.0, "table") and got[(RS, "2025", "police")] == (33.1, "table")
    assert got[(R, "2025", "total")] == (1063.0, "table")  # the table's total row (its 100% is no figure)
    assert got[(R, "2025", "other_agencies")] == (79.0, "table")
    waiting = {c["as_published"]: c for c in parsed.candidates}
    assert set(waiting) == {"540", "naar schatting 5.000"}
    assert "eerste helft" in waiting["540"]["why"] and waiting["540"]["period"] == "2025-H1"  # a half-year, proposed
    assert waiting["naar schatting 5.000"]["indicator_id"] is None  # the Rapporteur's estimate proposes nothing


def test_minors_load_only_where_the_text_says_minors():
    page = OURS_2025.read_text("utf-8").replace("Onder de aangemelde slachtoffers waren 61 minderjarigen.", "")
    parsed = parse(OURS_2025, 2025, data=page.encode())
    assert M not in set(parsed.observations.indicator_id)
    adults = OURS_2025.read_text("utf-8").replace("61 minderjarigen", "1044 meerderjarigen")
    parsed = parse(OURS_2025, 2025, data=adults.encode())
    assert M not in set(parsed.observations.indicator_id)
    assert [c["indicator_id"] for c in parsed.candidates if c["as_published"] == "1044"] == [None]


def test_press_about_comensha_figures_only_proposes():
    error = refused(PRESS_2021, 2021)
    assert "not in CoMensha's own voice" in str(error)
    proposals = {c["as_published"]: (c["indicator_id"], c["breakdown"], c["period"]) for c in error.candidates}
    assert proposals["791"] == (V, "total", "2021")
    assert proposals["1013"] == (V, "total", "2020")  # "dan in 2020 (1013)": measure by reference, proposed
    assert proposals["1372"] == (V, "total", "2019")
    assert proposals["ongeveer vijfduizend"][0] is None  # an estimate


def test_a_real_page_without_its_address_is_not_own_voice_by_itself():
    error = refused(REAL_2024, 2024, url="")
    assert "not in CoMensha's own voice" in str(error) and len(error.candidates) == 20
    assert parse(REAL_2024, 2024, url="", voice="own").voice == "own"  # `kr snapshot add --voice own`


def test_an_edition_registered_under_another_year_is_refused():
    error = refused(REAL_2024, 2023)
    assert "Het beeld van 2024" in str(error) and "registered as 2023" in str(error)
    # nothing is lost: its figures wait in review, each with the reading it would have loaded with
    # (its own period, never the registered year) and the refusal as the reason
    waiting = {(c["indicator_id"], c["breakdown"], c["period"]): c["value"] for c in error.candidates}
    assert waiting[(R, "fairwork", "2024")] == 257 and waiting[(RS, "police", "2023")] == 34.5
    assert all("registered as 2023" in c["why"] for c in error.candidates) and len(error.candidates) == 20
    # the edition from the title when the address does not say it
    assert "registered as 2024" in str(refused(OURS_2025, 2024, url="https://publicaties.comensha.nl/aard_en_omvang"))


@pytest.mark.parametrize(
    "old,new",
    [
        ("257 aanmeldingen (24,2%)", "257 aanmeldingen (26,2%)"),  # a share off by two points
        ("NP: 329 aanmeldingen (31,0%)", "NP: 359 aanmeldingen (31,0%)"),  # a count off by thirty
    ],
)
def test_shares_that_do_not_fit_their_counts_are_refused(old, new):
    page = REAL_2024.read_text("utf-8")
    assert old in page
    error = refused(REAL_2024, 2024, data=page.replace(old, new).encode())
    assert "do not fit their counts" in str(error) and "2024" in str(error)


def test_a_table_whose_total_does_not_fit_its_shares_is_refused():
    page = OURS_2025.read_text("utf-8").replace("<td>1.063</td>", "<td>1.163</td>")
    error = refused(OURS_2025, 2025, data=page.encode())
    assert "stated total 1163" in str(error)
    forms = OURS_2025.read_text("utf-8").replace("402 slachtoffers (36,4%)", "402 slachtoffers (38,4%)")
    assert "comensha.victims_registered 2025 do not fit" in str(refused(OURS_2025, 2025, data=forms.encode()))


def test_the_same_figure_stated_twice_differently_is_refused():
    page = REAL_2020.read_text("utf-8").replace(
        "zijn 1013 slachtoffers van mensenhandel", "zijn 1031 slachtoffers van mensenhandel"
    )
    assert "stated twice with different values" in str(refused(REAL_2020, 2020, data=page.encode()))


CURATED = """source_id: comensha
title: "CoMensha (curated)"
publisher: CoMensha
edition: 2026
language: nl
figures:
  - indicator: comensha.minor_victims
    year: 2025
    value: 60
    as_published: "60"
    citation:
      publication: Navraag CoMensha
      quote: "In 2025 zijn 60 minderjarige slachtoffers bij CoMensha gemeld."
"""


def test_the_parsed_channels_and_the_curated_file_are_one_organisation(settings, tmp_path):
    """CoMensha's pages (sources comensha_web and comensha_web_aanmelders, organisation
    comensha) and its curated file: the new series have indicators of their own, so nothing
    collides with the curated minors; where a page states the same measure (minors, explicitly)
    the publication of the period outranks the hand-typed figure, which stays as a vintage."""
    settings.curated.mkdir(parents=True, exist_ok=True)
    (settings.curated / "comensha.yaml").write_text(CURATED)
    runner = CliRunner()
    for source, path, year in (
        ("comensha_web", REAL_2020, 2020),
        ("comensha_web", OURS_2025, 2025),
        ("comensha_web_aanmelders", REAL_2024, 2024),
    ):
        added = runner.invoke(main, ["snapshot", "add", source, str(path), "--year", str(year), "--url", URLS[path]])
        assert added.exit_code == 0, added.output
    built = runner.invoke(main, ["build"])
    assert built.exit_code == 0, built.output
    assert rows(
        settings,
        "SELECT source_id, value FROM observations WHERE indicator_id = 'comensha.victims_registered' AND breakdown = 'total' ORDER BY period",
    ) == [("comensha_web", 1372.0), ("comensha_web", 1013.0), ("comensha_web", 955.0), ("comensha_web", 1105.0)]
    assert rows(
        settings,
        "SELECT value FROM observations WHERE indicator_id = 'comensha.registrations_by_reporter' AND period = '2024' AND breakdown = 'fairwork'",
    ) == [(257.0,)]
    assert rows(
        settings,
        "SELECT source_id, value, role FROM observation_vintages WHERE indicator_id = 'comensha.minor_victims' ORDER BY source_id",
    ) == [("comensha", 60.0, "conflicts"), ("comensha_web", 61.0, "chosen")]
    assert rows(settings, "SELECT DISTINCT organisation FROM sources WHERE source_id LIKE 'comensha%'") == [("comensha",)]

    # the curated figures' indicators and the parsed ones meet only where the measure is the same
    def indicators(where):
        return {i for (i,) in rows(settings, f"SELECT DISTINCT indicator_id FROM observation_vintages WHERE {where}")}

    assert indicators("source_id LIKE 'comensha_web%'") == {V, VS, M, R, RS}
    assert indicators("source_id = 'comensha'") & indicators("source_id LIKE 'comensha_web%'") == {M}


REPORTER_TABLE = """<html lang="nl"><head><title>Verdieping III: Aanmelders - Het beeld van 2026 - CoMensha</title></head>
<body><main><h1>Aanmelders</h1><table><caption>Tabel 3: Aanmeldingen per type aanmelder, 2026</caption>
<tr><th>Type aanmelder</th><th>Aantal</th><th>%</th></tr>
<tr><td>Nationale Politie (NP)</td><td>{police}</td><td>{share}%</td></tr>
<tr><td>{second}</td><td>300</td><td>30,0%</td></tr>
<tr><td>FairWork</td><td>300</td><td>30,0%</td></tr>
<tr><td>Totaal</td><td>1.000</td><td>100%</td></tr></table></main></body></html>"""
REPORTER_URL = "https://publicaties.comensha.nl/het_beeld_van_2026/verdieping_3"


def test_a_table_of_reporters_must_add_up_to_its_total_and_know_every_row():
    good = parse(
        None,
        2026,
        url=REPORTER_URL,
        data=REPORTER_TABLE.format(police=400, share="40,0", second="Koninklijke Marechaussee (KMar)").encode(),
    )
    assert {
        (r.breakdown, r.value) for r in good.observations.itertuples() if r.indicator_id == "comensha.registrations_by_reporter"
    } == {("police", 400), ("kmar", 300), ("fairwork", 300), ("total", 1000)}
    with pytest.raises(ParseError, match="add up to 974, but the table states a total of 1000"):
        parse(
            None,
            2026,
            url=REPORTER_URL,
            data=REPORTER_TABLE.format(police=374, share="37,4", second="Koninklijke Marechaussee (KMar)").encode(),
        )
    # a row of an unknown type that the stated total proves part of the table: the known rows load,
    # the unknown row waits (proposed without a breakdown, never folded into another)
    unknown = parse(None, 2026, url=REPORTER_URL, data=REPORTER_TABLE.format(police=400, share="40,0", second="Douane").encode())
    assert {
        (r.breakdown, r.value)
        for r in unknown.observations.itertuples()
        if r.indicator_id == "comensha.registrations_by_reporter"
    } == {("police", 400), ("fairwork", 300), ("total", 1000)}
    waiting = {c["as_published"]: c for c in unknown.candidates}
    assert (waiting["300"]["indicator_id"], waiting["300"]["breakdown"]) == ("comensha.registrations_by_reporter", None)
    assert "Douane" in waiting["300"]["why"] and "--breakdown" in waiting["300"]["why"]
    # ... but when the rows, the unknown one included, miss the total, or no total row is stated, no
    # reader can tell what the unknown row is part of: refused
    short = REPORTER_TABLE.format(police=374, share="37,4", second="Douane")
    with pytest.raises(ParseError, match=r"unknown type of reporter included\) add up to 974"):
        parse(None, 2026, url=REPORTER_URL, data=short.encode())
    no_total = REPORTER_TABLE.format(police=400, share="40,0", second="Douane").replace(
        "<tr><td>Totaal</td><td>1.000</td><td>100%</td></tr>", ""
    )
    with pytest.raises(ParseError, match="unknown type of reporter 'Douane'.*add it to REPORTERS"):
        parse(None, 2026, url=REPORTER_URL, data=no_total.encode())


def test_a_column_names_its_own_year_and_a_share_in_words_is_no_count():
    """A table whose columns carry their years after a word ("Aandeel 2026 | Aanmeldingen 2026 |
    Aanmeldingen 2025") gives each column its year (the 2025 column was read as 2026's); "een op
    de vijf aanmeldingen (19,5%)" is a share, never five registrations (both only ever kept out
    by the stated-twice refusal)."""
    page = """<html lang="nl"><head><title>Het beeld van 2026 - Aanmelders</title></head><body><main>
<h1>Aanmelders in 2026</h1>
<table><caption>Aanmeldingen naar aanmelder, 2026 en 2025</caption>
<tr><th>Aanmelder</th><th>Aandeel 2026</th><th>Aanmeldingen 2026</th><th>Aanmeldingen 2025</th></tr>
<tr><td>Nationale Politie</td><td>60,0%</td><td>300</td><td>280</td></tr>
<tr><td>FairWork</td><td>40,0%</td><td>200</td><td>190</td></tr>
<tr><td>Totaal</td><td>100%</td><td>500</td><td>470</td></tr>
</table>
<p>Bijna een op de twee aanmeldingen (40,0%) was afkomstig van FairWork.</p>
</main></body></html>"""
    parsed = parse(None, 2026, url="https://publicaties.comensha.nl/het_beeld_van_2026/aanmelders", data=page.encode())
    got = {(i, p, b): v for i, p, b, v, _, _ in loaded(parsed)}
    assert got[(R, "2025", "police")] == 280 and got[(R, "2026", "police")] == 300
    assert got[(R, "2025", "fairwork")] == 190 and got[(R, "2026", "fairwork")] == 200
    assert got[(RS, "2026", "fairwork")] == 40.0
    assert 2.0 not in {v for (i, _, _), v in got.items() if i == R}


@pytest.mark.parametrize(
    "sentence, decoy",
    [
        ("CoMensha ontving 1.489 aanmeldingen; één slachtoffer kan door meer dan één instantie worden aangemeld.", 1.0),
        ("Sinds 2031 zijn bij CoMensha ruim 4.000 slachtoffers aangemeld.", 4000.0),
    ],
)
def test_an_article_or_a_total_since_a_year_is_no_years_figure(sentence, decoy):
    """'één slachtoffer' is an article, 'Sinds 2031 ... 4.000 slachtoffers' a total over years:
    neither is the year's count of victims (each was read as it; only the stated-twice refusal
    kept them out)."""
    page = (
        '<html lang="nl"><head><title>Het beeld van 2033</title></head><body><main><h1>Aard en omvang</h1>'
        f"<p>In 2033 zijn 1.356 nieuwe (mogelijke) slachtoffers van mensenhandel bij CoMensha aangemeld. {sentence}</p>"
        "</main></body></html>"
    )
    parsed = parse(None, 2033, url="https://publicaties.comensha.nl/het_beeld_van_2033/aard_en_omvang", data=page.encode())
    assert [(p, v) for i, p, b, v, _, _ in loaded(parsed) if (i, b) == (V, "total")] == [("2033", 1356.0)]
    assert decoy not in {v for _, _, _, v, _, _ in loaded(parsed)}


def test_an_opening_phrase_that_refers_back_gives_the_sentence_no_year():
    """'In the same year, CoMensha received 1,489 registrations': the year by reference waits."""
    page = (
        '<html lang="en"><head><title>Summary - Het beeld van 2031</title></head><body><main><h1>Summary</h1>'
        "<p>In 2031, 1,318 new (possible) victims of human trafficking were registered with CoMensha.</p>"
        "<p>In the same year, CoMensha received 1,489 registrations from 287 reporting organisations.</p>"
        "</main></body></html>"
    )
    parsed = parse(None, 2031, url="https://publicaties.comensha.nl/het_beeld_van_2031/summary", data=page.encode())
    assert [(i, p, v) for i, p, _, v, _, _ in loaded(parsed)] == [(V, "2031", 1318.0)]
    assert 1489.0 in {c["value"] for c in parsed.candidates}
