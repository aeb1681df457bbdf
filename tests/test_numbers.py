import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kr_pipeline.reading.numbers import (
    NumberFormatError,
    Qualified,
    find_numbers,
    find_shares,
    is_no_value,
    numbers_in,
    parse_count,
    parse_number,
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
    from kr_pipeline.store import connection

    with connection.open_for_write(tmp_path_factory.mktemp("wh") / "kr.duckdb", 5) as con:
        yield con


# ---- numbers as written in prose (find_numbers) ----

_GROUPING_SPACES = [" ", "\u00a0", "\u202f", "\u2009"]
_FORMAT_CHARACTERS = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"]


def _read(text, lang):
    return [(f.text, f.value) for f in find_numbers(text, lang)]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Offlimits ontving 127.081 meldingen", "nl", [("127.081", 127081)]),
        ("IWF confirmed 144,058 reports", "en", [("144,058", 144058)]),
        ("Offlimits ontving 127 081 meldingen", "nl", [("127 081", 127081)]),
        ("Offlimits ontving 127\u00a0081 meldingen", "nl", [("127\u00a0081", 127081)]),
        ("Offlimits ontving 127\u202f081 meldingen", "nl", [("127\u202f081", 127081)]),
        ("IWF confirmed 144\u2009058 reports", "en", [("144\u2009058", 144058)]),
        ("21 751 085 reports", "en", [("21 751 085", 21751085)]),
        ("een stijging van 12,5%", "nl", [("12,5", 12.5)]),  # the % stays outside the span
        ("a rise of 12.5%", "en", [("12.5", 12.5)]),
        ("1.234,5 en 1,234.5", "nl", [("1.234,5", 1234.5), ("1,234.5", None)]),
        ("1,234.5 and 1.234,5", "en", [("1,234.5", 1234.5), ("1.234,5", None)]),
        ("1 234 567,5 uur", "nl", [("1 234 567,5", 1234567.5)]),
        ("in 2023 127 meldingen", "nl", [("2023", 2023), ("127", 127)]),  # a year is no leading group
        ("12 13", "nl", [("12", 12), ("13", 13)]),  # a group is three digits
        ("Eind 2023.", "nl", [("2023", 2023)]),
        ("0,6", "nl", [("0,6", 0.6)]),
    ],
)
def test_digits_as_each_language_writes_them(text, lang, expected):
    assert _read(text, lang) == expected


@pytest.mark.parametrize("text, lang", [("1.5 miljoen", "nl"), ("72,91", "en"), ("12.30 uur", "nl")])
def test_digits_the_language_does_not_write_are_not_read(text, lang):
    [f] = find_numbers(text, lang)
    assert f.value is None and "not a number as" in f.problem


@pytest.mark.parametrize("cf", _FORMAT_CHARACTERS)
@pytest.mark.parametrize("digits, lang", [("127{}081", "nl"), ("127.{}081", "nl"), ("144,05{}8", "en"), ("127 {}081", "nl")])
def test_a_format_character_inside_the_digits_is_one_unreadable_number(cf, digits, lang):
    text = "ontving " + digits.format(cf) + " meldingen"
    [f] = find_numbers(text, lang)
    assert f.value is None and f.text == digits.format(cf)
    assert f"U+{ord(cf):04X}" in f.problem and "inside the number" in f.problem


def test_a_leading_zero_group_is_never_a_number():
    [f] = find_numbers("code 081 hier", "nl")
    assert (f.text, f.value) == ("081", None) and "leading zero" in f.problem
    with pytest.raises(NumberFormatError):
        parse_number("081")


def test_a_format_character_next_to_a_number_is_not_inside_it():
    assert _read("\u200b127.081\u200b meldingen", "nl") == [("127.081", 127081)]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("driehonderdduizend meldingen", "nl", [("driehonderdduizend", 300000)]),
        (
            "tweeduizend, vijftienhonderd, twintig en honderdvijftig",
            "nl",
            [("tweeduizend", 2000), ("vijftienhonderd", 1500), ("twintig", 20), ("honderdvijftig", 150)],
        ),
        ("0,6 miljoen afbeeldingen", "nl", [("0,6 miljoen", 600000)]),
        ("1,2 miljoen en 3 miljard", "nl", [("1,2 miljoen", 1200000), ("3 miljard", 3_000_000_000)]),
        ("1.2 million images", "en", [("1.2 million", 1200000)]),
        ("een half miljoen", "nl", [("een half miljoen", 500000)]),
        ("anderhalf miljoen", "nl", [("anderhalf miljoen", 1500000)]),
        ("tweeënhalf miljoen", "nl", [("tweeënhalf miljoen", 2500000)]),
        ("half a million", "en", [("half a million", 500000)]),
        ("one and a half million", "en", [("one and a half million", 1500000)]),
        ("three hundred thousand reports", "en", [("three hundred thousand", 300000)]),
        ("one hundred and fifty", "en", [("one hundred and fifty", 150)]),
        ("ten cases", "en", [("ten", 10)]),
        ("Drie van hen", "nl", [("Drie", 3)]),
        ("een miljoen en a thousand", "nl", [("een miljoen", 1000000)]),
        ("a thousand reports", "en", [("a thousand", 1000)]),
    ],
)
def test_numbers_written_in_words(text, lang, expected):
    assert _read(text, lang) == expected
    assert all(f.words == (not f.text[0].isdigit()) for f in find_numbers(text, lang))


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Er kwam een melding binnen", "nl", []),
        ("Er kwam één melding binnen", "nl", [("één", 1)]),
        ("twee meldingen", "nl", [("twee", 2)]),
        ("one of the reports, a report and an image", "en", []),
        ("two reports", "en", [("two", 2)]),
        ("geen meldingen", "nl", []),
        ("no reports", "en", []),
        ("thousands of images and hundreds of reports", "en", []),
        ("honderden meldingen", "nl", []),
        ("per miljoen inwoners", "nl", []),
        ("per million people", "en", []),
        ("de tweede keer", "nl", []),
        ("the second time", "en", []),
    ],
)
def test_articles_and_small_words_are_not_figures(text, lang, expected):
    assert _read(text, lang) == expected


@pytest.mark.parametrize(
    "text, lang, span, qualifier, value, upper",
    [
        ("Het waren ruim 0,6 miljoen afbeeldingen", "nl", "ruim 0,6 miljoen", "approx", 600000, None),
        ("circa 8100 meldingen", "nl", "circa 8100", "approx", 8100, None),
        ("ca. 8100 meldingen", "nl", "ca. 8100", "approx", 8100, None),
        ("zo'n 300 kinderen", "nl", "zo'n 300", "approx", 300, None),
        ("zo\u2019n 300 kinderen", "nl", "zo\u2019n 300", "approx", 300, None),
        ("bijna 40%", "nl", "bijna 40", "approx", 40, None),
        ("ongeveer 12", "nl", "ongeveer 12", "approx", 12, None),
        ("Rond de 500 zaken", "nl", "Rond de 500", "approx", 500, None),
        ("rond 500 zaken", "nl", "rond 500", "approx", 500, None),
        ("naar schatting 7.000", "nl", "naar schatting 7.000", "approx", 7000, None),
        ("meer dan 75%", "nl", "meer dan 75", "lower_bound", 75, None),
        ("ruim meer dan 75", "nl", "ruim meer dan 75", "lower_bound", 75, None),
        ("minimaal 3", "nl", "minimaal 3", "lower_bound", 3, None),
        ("ten minste 3", "nl", "ten minste 3", "lower_bound", 3, None),
        ("minstens drie", "nl", "minstens drie", "lower_bound", 3, None),
        ("minder dan tien", "nl", "minder dan tien", "suppressed", 10, 9),
        ("nog geen 5 procent", "nl", "nog geen 5", "suppressed", 5, 4),
        ("minder dan 2,5%", "nl", "minder dan 2,5", "suppressed", 2.5, 2.5),
        ("about 144,058 reports", "en", "about 144,058", "approx", 144058, None),
        ("around 10", "en", "around 10", "approx", 10, None),
        ("approximately 10", "en", "approximately 10", "approx", 10, None),
        ("roughly 10", "en", "roughly 10", "approx", 10, None),
        ("some 300 children", "en", "some 300", "approx", 300, None),
        ("nearly 10", "en", "nearly 10", "approx", 10, None),
        ("almost 10", "en", "almost 10", "approx", 10, None),
        ("over 10", "en", "over 10", "approx", 10, None),
        ("just over 10", "en", "just over 10", "approx", 10, None),
        ("just under 10", "en", "just under 10", "approx", 10, None),
        ("an estimated 3 billion", "en", "an estimated 3 billion", "approx", 3e9, None),
        ("more than 75%", "en", "more than 75", "lower_bound", 75, None),
        ("at least 3", "en", "at least 3", "lower_bound", 3, None),
        ("upwards of 1,000", "en", "upwards of 1,000", "lower_bound", 1000, None),
        ("fewer than ten", "en", "fewer than ten", "suppressed", 10, 9),
        ("less than 1,000", "en", "less than 1,000", "suppressed", 1000, 999),
        ("under 50", "en", "under 50", "suppressed", 50, 49),
    ],
)
def test_rounding_words_set_the_qualifier_and_belong_to_the_span(text, lang, span, qualifier, value, upper):
    [f] = find_numbers(text, lang)
    assert (f.text, f.qualifier, f.value, f.upper_bound) == (span, qualifier, value, upper)
    assert text[f.start : f.end] == f.text and f.number_start == f.start + len(span) - len(text[f.number_start : f.end])
    assert f.number_start > f.start


@pytest.mark.parametrize(
    "text, lang, qualifier",
    [
        ("0,6 miljoen", "nl", "approx"),  # a decimal before the scale word: rounded as published
        ("3 miljoen", "nl", "approx"),  # to the nearest million
        ("drie miljoen", "nl", "approx"),
        ("een half miljoen", "nl", "approx"),
        ("anderhalf miljoen", "nl", "approx"),
        ("half a million", "en", "approx"),
        ("1.2 million", "en", "approx"),
        ("2,5 duizend", "nl", "approx"),
        ("3 duizend", "nl", "exact"),
        ("driehonderdduizend", "nl", "exact"),  # written out in full
        ("three hundred thousand", "en", "exact"),
        ("3.000.000", "nl", "exact"),
        ("127.081", "nl", "exact"),
    ],
)
def test_the_form_of_the_number_says_whether_it_is_rounded(text, lang, qualifier):
    [f] = find_numbers(text, lang)
    assert f.qualifier == qualifier and f.text == text


@pytest.mark.parametrize(
    "text, is_year",
    [
        ("2023", True),
        ("In 2023 meldingen", True),
        ("1900", True),
        ("2099", True),
        ("2.023", False),
        ("2 023", False),
        ("2023%", False),
        ("2023 %", False),
        ("1899", False),
        ("2100", False),
        ("20230", False),
        ("2023,5", False),
    ],
)
def test_a_year_is_flagged_not_dropped(text, is_year):
    [f] = find_numbers(text, "nl")
    assert f.is_year is is_year and f.value is not None


def test_found_as_a_qualified_figure():
    [a, b, c] = find_numbers("ruim 400.000, minder dan 10 en 127\u200b081", "nl")
    assert a.qualified() == Qualified("approx", value=400000)
    assert b.qualified() == Qualified("suppressed", upper_bound=9)
    with pytest.raises(NumberFormatError, match="U\\+200B"):
        c.qualified()


_STYLES = {
    "nl": lambda n: f"{n:,}".replace(",", "."),
    "en": lambda n: f"{n:,}",
    **{f"nl{sp!r}": (lambda sp: lambda n: f"{n:,}".replace(",", sp))(sp) for sp in _GROUPING_SPACES},
    **{f"en{sp!r}": (lambda sp: lambda n: f"{n:,}".replace(",", sp))(sp) for sp in _GROUPING_SPACES},
}


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(sorted(_STYLES)), st.integers(0, 99))
def test_any_grouped_number_round_trips(n, style, cents):
    lang = style[:2]
    written = _STYLES[style](n)
    sentence = {"nl": "In totaal {} meldingen.", "en": "In total {} reports."}[lang]
    assert _read(sentence.format(written), lang) == [(written, n)]
    decimal = "," if lang == "nl" else "."
    with_decimals = f"{written}{decimal}{cents:02d}"
    assert _read(sentence.format(with_decimals), lang) == [(with_decimals, pytest.approx(n + cents / 100))]


@given(
    st.integers(min_value=10, max_value=10**12),
    st.sampled_from(sorted(_STYLES)),
    st.sampled_from(_FORMAT_CHARACTERS),
    st.data(),
)
def test_a_format_character_anywhere_inside_the_digits_never_yields_a_value(n, style, cf, data):
    lang = style[:2]
    written = _STYLES[style](n)
    at = data.draw(st.integers(min_value=1, max_value=len(written) - 1))
    text = f"ontving {written[:at]}{cf}{written[at:]} meldingen"
    found = find_numbers(text, lang)
    assert [f.value for f in found] == [None]
    assert found[0].text == written[:at] + cf + written[at:]


def test_the_old_readers_read_through_find_numbers():
    assert parse_number("127 081") == 127081  # grouping by a space, as find_numbers reads it
    with pytest.raises(NumberFormatError, match="U\\+200B"):
        parse_number("127\u200b081")
    with pytest.raises(NumberFormatError):
        parse_number("3 miljoen")  # parse_number reads digits only
    with pytest.raises(NumberFormatError, match="inside the number"):
        numbers_in("ruim 127\u200b081 meldingen")  # never [127, 81]
    with pytest.raises(NumberFormatError):
        parse_qualified("minder dan 1\u200b0")
    assert numbers_in("driehonderdduizend en honderdvijftig") == [300000, 150]
    assert numbers_in("one hundred and fifty", "en") == [150]  # not [1, 100]
    assert numbers_in("één op de drie") == [1, 3] and numbers_in("one in three", "en") == [1, 3]
    assert numbers_in("geen B8/3-vergunning") == [0, 8, 3]
    assert numbers_in("drie en 4,5", words=False) == [4.5]
    assert parse_qualified("603 062") == Qualified("exact", value=603062)
    assert parse_qualified("ruim 0,6 miljoen") == Qualified("approx", value=600000)


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("In bijna zes op de tien gevallen", "nl", [(60, "approx", "bijna zes op de tien")]),
        ("meer dan driekwart van de verzoeken", "nl", [(75, "lower_bound", "meer dan driekwart")]),
        ("ongeveer één op de drie beelden", "nl", [(33, "approx", "ongeveer één op de drie")]),
        ("1 op de 4 meldingen", "nl", [(25, "approx", "1 op de 4")]),
        ("Eén op de drie.", "nl", [(33, "approx", "Eén op de drie")]),  # "één" capitalised at a sentence's start
        ("1 op 3 gemelde afbeeldingen", "nl", [(33, "approx", "1 op 3")]),  # a tile's digits without the article
        ("Bijna helft kinderporno op Nederlandse servers", "nl", [(50, "approx", "Bijna helft")]),  # a headline's
        ("helft minder meldingen", "nl", []),  # "helft" without its article: only after a rounding word
        ("tweederde van de URL's", "nl", [(67, "approx", "tweederde")]),
        ("two thirds of the reports", "en", [(67, "approx", "two thirds")]),
        ("half of the URLs", "en", [(50, "approx", "half")]),
        ("seven in 10 reports", "en", [(70, "approx", "seven in 10")]),
        # not shares: a number and a year, half a million, a plain article
        ("up from 151,337 in 2022", "en", []),
        ("10 in 2023", "en", []),
        ("half a million reports", "en", []),
        ("een op de website geplaatste melding", "nl", []),
        # a part of the year, not a share
        ("in the first half of 2022 compared to 2021", "en", []),
        ("in de eerste helft van 2022", "nl", []),
        ("in the second half of the year", "en", []),
        ("de helft van 2022", "nl", []),
        ("half of 2023's reports came from hosts", "en", [(50, "approx", "half")]),
    ],
)
def test_shares_written_as_fractions(text, lang, expected):
    assert [(f.value, f.qualifier, f.text) for f in find_shares(text, lang)] == expected


def test_abbreviated_scales_are_rounded_numbers_and_units_stay_apart():
    from kr_pipeline.reading.numbers import find_numbers

    got = {
        t: [(f.value, f.qualifier) for f in find_numbers(t, lang)]
        for t, lang in [
            ("117k reports", "en"),
            ("4.6k images", "en"),
            ("1.2m URLs", "en"),
            ("2,9 mln meldingen", "nl"),
            ("5 km", "en"),
            ("10 m", "en"),
            ("12 kg", "nl"),
        ]
    }
    assert got == {
        "117k reports": [(117000, "approx")],
        "4.6k images": [(4600, "approx")],
        "1.2m URLs": [(1200000, "approx")],
        "2,9 mln meldingen": [(2900000, "approx")],
        "5 km": [(5, "exact")],
        "10 m": [(10, "exact")],
        "12 kg": [(12, "exact")],
    }


def test_a_plus_after_the_digits_is_a_lower_bound():
    """ "220.000+", "10,000+ reports": at least that many; "+" before digits ("12+3") or after a
    year is no bound."""
    [dutch] = find_numbers("220.000+ URL's bekeken", "nl")
    assert (dutch.value, dutch.qualifier, dutch.text) == (220000, "lower_bound", "220.000+")
    [english] = find_numbers("10,000+ reports", "en")
    assert (english.value, english.qualifier) == (10000, "lower_bound")
    assert [f.qualifier for f in find_numbers("12+3 en 2040+", "nl")] == ["exact", "exact", "exact"]


def test_english_half_with_a_rounding_word_and_a_verb_is_a_share():
    """ "Roughly half involved photographs", "almost half are 26 or younger": shares of 50, approx
    (they were no numbers); "almost half a million" and "the other half" stay none."""
    got = [(f.text, f.value, f.qualifier) for t in ("Roughly half involved photographs.", "Almost half are 26 or younger.")
           for f in find_shares(t, "en")]  # fmt: skip
    assert got == [("Roughly half", 50, "approx"), ("Almost half", 50, "approx")]
    assert find_shares("almost half a million reports, the other half videos", "en") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("19.872", ("19.872", 19872.0)),
        ("over 307.000", ("307.000", 307000.0)),
        ("1.239.806", ("1.239.806", 1239806.0)),
        ("12.5", None),  # a decimal, not groups of three
        ("1.2 million", None),
        ("3.500,5", None),  # a Dutch decimal comma: the point is the group's, the number not whole
    ],
)
def test_point_grouped_reads_dutch_digit_groups_as_a_whole_number(text, expected):
    from kr_pipeline.reading.numbers import point_grouped

    assert point_grouped(text) == expected


def test_a_sign_of_approximation_before_a_number_makes_it_approximate():
    """A key-figure table's "± 163,000" (it was read as an exact 163,000 and loaded so), "~300.000",
    "≈ 8100"."""
    from kr_pipeline.reading.numbers import find_numbers

    assert [(f.value, f.qualifier) for f in find_numbers("URLs with illegal material ± 163,000", "en")] == [(163000, "approx")]
    assert [(f.value, f.qualifier) for f in find_numbers("~300.000 meldingen", "nl")] == [(300000, "approx")]
    assert [(f.value, f.qualifier) for f in find_numbers("≈ 8100 meldingen", "nl")] == [(8100, "approx")]
    assert [(f.value, f.qualifier) for f in find_numbers("163,000 URLs", "en")] == [(163000, "exact")]
