import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kr_pipeline.reading.numbers import (
    NumberFormatError,
    Qualified,
    is_no_value,
    numbers_in,
    parse_count,
    parse_percent,
    parse_qualified,
)
from kr_pipeline.reading.tables import split_label_runs


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


# ---- qualified figures and the text-table helper ----


@pytest.mark.parametrize(
    "text, style, expected",
    [
        ("<10", "nl", Qualified("suppressed", upper_bound=9)),
        ("minder dan tien", "nl", Qualified("suppressed", upper_bound=9)),
        ("fewer than ten", "en", Qualified("suppressed", upper_bound=9)),
        (">75%", "nl", Qualified("lower_bound", value=75)),
        ("meer dan 75%", "nl", Qualified("lower_bound", value=75)),
        ("2 tot 3%", "nl", Qualified("range", low=2, high=3)),
        ("2 to 3%", "en", Qualified("range", low=2, high=3)),
        ("circa 8100", "nl", Qualified("approx", value=8100)),
        ("ruim 129.000", "nl", Qualified("approx", value=129000)),
        ("127.081", "nl", Qualified("exact", value=127081)),
        ("72,913", "en", Qualified("exact", value=72913)),
        ("41,4%", "nl", Qualified("exact", value=41.4)),
        ("geen", "nl", Qualified("exact", value=0)),
    ],
)
def test_parse_qualified(text, style, expected):
    assert parse_qualified(text, style) == expected


@pytest.mark.parametrize("text", ["", "veel", "3 tot 2%", "<", "12 en 13"])
def test_parse_qualified_refuses(text):
    with pytest.raises(NumberFormatError):
        parse_qualified(text)


@given(st.integers(min_value=1, max_value=10**9))
def test_suppressed_upper_bound_is_one_below(n):
    assert parse_qualified(f"<{n:,}".replace(",", ".")) == Qualified("suppressed", upper_bound=n - 1)


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["circa", "ruim", "bijna", "ongeveer", "zo'n"]))
def test_rounding_words_are_approx(n, word):
    assert parse_qualified(f"{word} {n:,}".replace(",", ".")) == Qualified("approx", value=n)


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=9))
def test_dutch_decimal_and_thousands_are_not_confused(whole, tenth):
    text = f"{whole:,}".replace(",", ".") + f",{tenth}"
    assert numbers_in(text, "nl") == [whole + tenth / 10]


_LABEL = (
    st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ,'/()éô"), min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda s: s and not any(tok.isdigit() or tok in "-\u2013\u2014" for tok in s.split()))
)


@given(st.lists(st.tuples(_LABEL, st.integers(min_value=0, max_value=10**8)), min_size=1, max_size=3))
def test_text_rows_round_trip(pairs):
    """One or more 'label count' groups on a line (the two-column layout) read back exactly."""
    line = " ".join(f"{label} {count:,}" for label, count in pairs)
    runs = split_label_runs(line, ncells=1)
    assert [(" ".join(label.split()), int(cells[0].replace(",", ""))) for label, cells in runs] == [
        (" ".join(label.split()), count) for label, count in pairs
    ]


@given(_LABEL, st.integers(min_value=0, max_value=10**8), st.integers(min_value=0, max_value=10**8))
def test_split_rows_need_every_cell(label, a, b):
    assert split_label_runs(f"{label} {a:,} {b:,}", ncells=2) == [(" ".join(label.split()), [f"{a:,}", f"{b:,}"])]
    assert split_label_runs(f"{label} {a:,}", ncells=2) is None


@given(
    qualifier=st.sampled_from(["exact", "approx", "lower_bound", "suppressed", "range"]),
    value=st.one_of(
        st.integers(0, 10**9).map(float),
        st.integers(1, 99).map(lambda n: n * 10**5 / 1.0),
        st.decimals("0.1", "999.9", places=1).map(float),
    ),
)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_rounding_rule_is_the_same_in_python_and_in_the_warehouse(warehouse_con, qualifier, value):
    from kr_pipeline.reading.numbers import consistent_interval

    low, high, upper = (value, value + 1, 9.0) if qualifier in ("range", "suppressed") else (None, None, None)
    in_sql = warehouse_con.execute(
        "SELECT consistent_lo(?, ?, ?, ?), consistent_hi(?, ?, ?, ?)",
        [qualifier, value, low, upper, qualifier, value, high, upper],
    ).fetchone()
    assert consistent_interval(qualifier, value, low, high, upper) == pytest.approx(tuple(in_sql))


@pytest.fixture(scope="module")
def warehouse_con(tmp_path_factory):
    from kr_pipeline import warehouse

    with warehouse.open_for_write(tmp_path_factory.mktemp("wh") / "kr.duckdb", 5) as con:
        yield con
