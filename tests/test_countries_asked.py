"""A country as analysts ask for it (issue 27): ISO alpha-2 and alpha-3 codes and common names
where a country is asked, or a message naming the code to use."""

import pytest
from click.testing import CliRunner

from kr_pipeline.cli import main
from kr_pipeline.reading.countries import query_hint, resolve


@pytest.mark.parametrize(
    "asked", ["NL", "nl", "NLD", "Netherlands", "The Netherlands", "Nederland", "netherlands (kingdom of the)"]
)
def test_every_usual_way_of_naming_the_netherlands(asked):
    assert resolve(asked) == "NLD"


def test_an_unknown_country_says_what_to_use():
    with pytest.raises(LookupError, match="use an ISO 3166 code such as NLD \\(or NL\\)"):
        resolve("Narnia")
    assert resolve("BE") == "BEL" and resolve("Korea, Republic of") == "KOR"


def test_kr_query_says_which_code_to_use():
    assert query_hint("SELECT * FROM observations WHERE country_iso3 = 'NL'") == (
        "note: country_iso3 holds ISO 3166 alpha-3 codes: 'NLD' for 'NL'"
    )
    assert "'BEL' for 'Belgium'; no country is called 'Narnia'" in query_hint(
        "SELECT 1 FROM observations WHERE country_iso3 IN ('NLD', 'Belgium', 'Narnia')"
    )
    assert query_hint("SELECT 1 FROM observations WHERE country_iso3 = 'nld'").endswith("'NLD' for 'nld'")
    assert query_hint("SELECT * FROM observations WHERE country_iso3 = 'NLD'") is None


@pytest.fixture
def built(settings, prebuilt):
    prebuilt(ncmec_years=(2023,), iwf=False)
    return settings


@pytest.mark.parametrize("asked", ["NL", "Nederland", "NLD"])
def test_history_takes_iso2_codes_and_common_names(built, asked):
    result = CliRunner().invoke(main, ["history", "ncmec.cybertipline_reports", "--country", asked, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "Netherlands" in result.output and "72913" in result.output.replace(",", "")


def test_history_of_an_unknown_country_names_the_code_to_use(built):
    result = CliRunner().invoke(main, ["history", "ncmec.cybertipline_reports", "--country", "Holland-ish"])
    assert result.exit_code == 2 and "use an ISO 3166 code such as NLD (or NL)" in result.output
    # a row's name as published that is no country still works
    result = CliRunner().invoke(main, ["history", "ncmec.cybertipline_reports", "--country", "null", "--format", "csv"])
    assert result.exit_code == 0 and "null" in result.output


def test_kr_query_prints_the_hint(built):
    result = CliRunner().invoke(main, ["query", "SELECT count(*) AS n FROM observations WHERE country_iso3 = 'NL'"])
    assert result.exit_code == 0 and "'NLD' for 'NL'" in result.stderr


def test_countries_named_in_running_text():
    """Names in English and Dutch and the press's abbreviations, with where they stand; a short
    capitalised word is no country ("Can" is not Canada's code), an adjective is not read."""
    from kr_pipeline.reading.countries import country_mentions

    text = "Can it be? Followed by the United States with 12,492, Canada, de VS en Rusland; Dutch servers"
    assert country_mentions(text) == [(27, "USA"), (54, "CAN"), (65, "USA"), (71, "RUS")]
