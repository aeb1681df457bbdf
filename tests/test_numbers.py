import pytest
from hypothesis import given
from hypothesis import strategies as st

from kr_pipeline.numbers import (
    NumberFormatError,
    is_no_value,
    parse_count,
    parse_percent,
)


@pytest.mark.parametrize(
    "text, style, expected",
    [
        ("72,913", "en", 72913),
        ("21,751,085", "en", 21751085),
        ("1", "en", 1),
        (" 1,087 ", "en", 1087),
        ("117, 544", "en", 117544),  # IWF prose with a stray space
        ("127.081", "nl", 127081),  # Dutch thousands separator: not 127.081
        ("8100", "nl", 8100),
        ("255.563", "nl", 255563),
        ("603 062", "nl", 603062),
    ],
)
def test_parse_count(text, style, expected):
    assert parse_count(text, style) == expected


@pytest.mark.parametrize(
    "text, style",
    [("72.913", "en"), ("72,913", "nl"), ("1,5", "en"), ("12,34", "en"), ("-5", "en"), ("abc", "en"), ("", "en"), ("1.5", "nl")],
)
def test_parse_count_refuses_ambiguous(text, style):
    with pytest.raises(NumberFormatError):
        parse_count(text, style)


@pytest.mark.parametrize(
    "text, expected",
    [("29%", 29), ("+3%", 3), ("-4%", -4), ("0%", 0), ("+0%", 0), ("-0%", 0), ("41.4%", 41.4), ("41,4%", 41.4), ("\u22123%", -3)],
)
def test_parse_percent(text, expected):
    assert parse_percent(text) == expected


def test_no_value_marks():
    assert is_no_value("-") and is_no_value(" \u2013 ") and is_no_value("")
    assert not is_no_value("0")


@given(st.integers(min_value=0, max_value=10**12))
def test_count_round_trips_in_both_styles(n):
    assert parse_count(f"{n:,}", "en") == n
    assert parse_count(f"{n:,}".replace(",", "."), "nl") == n
    assert parse_count(str(n), "nl") == n


@given(st.integers(min_value=1000, max_value=10**9))
def test_english_count_is_never_read_as_dutch(n):
    with pytest.raises(NumberFormatError):
        parse_count(f"{n:,}", "nl")


@given(st.integers(min_value=-100, max_value=100))
def test_percent_sign_round_trips(n):
    assert parse_percent(f"{n:+d}%") == n
