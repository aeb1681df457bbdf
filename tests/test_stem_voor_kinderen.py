"""The election guide parser on the page built from the real page text (see the fixture header)."""

import pytest

from kr_pipeline.errors import ParseError
from kr_pipeline.publishers.stemvoorkinderen import parser as svk

from .conftest import STEM_2021
from .fixtures.stem.build_page import TEXT, build

PAGE = STEM_2021


def parse(html: str):
    return svk.parse(html.encode(), 2021, "page.html").observations


def test_fixture_is_built_from_the_text():
    assert PAGE.read_text("utf-8") == build(TEXT.read_text("utf-8"))


def test_every_party_and_statement():
    df = parse(PAGE.read_text("utf-8"))
    assert (df.theme == "Seksuele uitbuiting").all()
    assert df.groupby("party", sort=False).size().to_dict() == {
        "ChristenUnie": 17,
        "CDA": 4,
        "D66": 9,
        "GroenLinks": 6,
        "SGP": 15,
        "VVD": 5,
        "PvdA": 3,
        "PVV": 2,
        "SP": 3,
        "Partij voor de Dieren": 2,
        "50PLUS": 1,
        "Denk": 1,
        "Forum voor Democratie": 1,
    }
    assert df[df.kind == "no_statements"].party.tolist() == ["50PLUS", "Denk", "Forum voor Democratie"]
    notes = df[df.kind == "note"]
    assert notes.party.tolist() == ["PVV", "SP", "Partij voor de Dieren"]
    assert notes.text.str.startswith("Geen standpunten specifiek over mensenhandel of uitbuiting.").all()
    assert df[df.party == "SGP"].manifesto_ref.tolist()[:3] == ["51", "270", "273"]
    # A quote printed over three lines is one statement.
    gl = df[(df.party == "GroenLinks") & df.text.str.startswith("“We pakken de crisis")].text.iloc[0]
    assert gl.endswith("de leeftijdsgrens van 18 jaar. Pleegouders krijgen betere ondersteuning.”")
    assert df.rating.isna().all()  # the page text gives no per-party rating: none is inferred


def test_rating_read_where_the_page_gives_one():
    html = PAGE.read_text("utf-8").replace(
        "<li><h3>CDA</h3>",
        f'<li><h3>CDA</h3><span class="rating" title="{svk.RATING_SCALE[1]}"></span>',
    )
    df = parse(html)
    assert df[df.party == "CDA"].rating.unique().tolist() == [2]
    assert df[df.party != "CDA"].rating.isna().all()


def test_changed_scale_is_refused():
    html = PAGE.read_text("utf-8").replace("<li><h3>Geen enkel standpunt of beleidsvoorstel op dit thema.</h3>", "")
    with pytest.raises(ParseError, match="legend has 5 steps, expected 6"):
        parse(html)


def test_page_without_parties_is_refused():
    with pytest.raises(ParseError, match="no party items"):
        parse("<html><h2>Seksuele uitbuiting</h2><p>Binnenkort.</p></html>")
