"""Shared number helpers: published text -> exact numbers, or an error. Never a guess."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A count as publishers print it. English uses "," for thousands, Dutch uses ".";
# both sometimes print none ("8100") or a (narrow) space. A stray space after the
# separator ("117, 544") happens in IWF prose.
_EN_COUNT = re.compile(r"^\d{1,3}(?:,\s?\d{3})+$|^\d+$")
_NL_COUNT = re.compile(r"^\d{1,3}(?:\.\s?\d{3})+$|^\d+$")
_SPACE_COUNT = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$")
_DASHES = {"-", "\u2013", "\u2014", "n/a", ""}


class NumberFormatError(ValueError):
    pass


def is_no_value(text: str) -> bool:
    """True for the publishers' "no value" marks ("-", en/em dash, empty)."""
    return text.strip().lower() in _DASHES


def parse_count(text: str, style: str = "en") -> int:
    """Parse a non-negative whole count, e.g. "72,913" (en) or "127.081" (nl).

    Raises NumberFormatError for anything that is not unambiguously a whole count,
    including decimals such as "1.5" in English style and "72,913" in Dutch style.
    """
    s = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if style not in ("en", "nl"):
        raise ValueError(f"unknown number style {style!r}")
    pattern = _EN_COUNT if style == "en" else _NL_COUNT
    if pattern.match(s) or _SPACE_COUNT.match(s):
        return int(re.sub(r"[^\d]", "", s))
    raise NumberFormatError(f"not a whole count in {style} style: {text!r}")


_PERCENT = re.compile(r"^(?P<sign>[+\-\u2212]?)\s*(?P<num>\d+(?:[.,]\d+)?)\s*%$")


def parse_percent(text: str) -> float:
    """Parse "29%", "+3%", "-4%", "0%", "41.4%" (or Dutch "41,4%") into a number of percent."""
    s = text.strip()
    m = _PERCENT.match(s)
    if not m:
        raise NumberFormatError(f"not a percentage: {text!r}")
    value = float(m.group("num").replace(",", "."))
    if m.group("sign") in ("-", "\u2212"):
        value = -value
    return value + 0.0  # normalise -0.0 to 0.0


# Dutch number words as they appear in prose ("Drie van hen", "geen B8/3-vergunning").
DUTCH_WORDS = {
    "geen": 0,
    "nul": 0,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "twintig": 20,
    "honderd": 100,
}
# English number words, for English prose ("fewer than ten").
ENGLISH_WORDS = {
    "no": 0,
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "hundred": 100,
}
# A number in Dutch prose: "127.081", "8100", "12,5", "41,4"; in English prose: "72,913", "41.4".
_NUMBER_TOKEN = {
    "nl": re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.,]?\d)|(?<![\d.,])\d+(?:,\d+)?(?![\d]|[.,]\d)"),
    "en": re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d.,]?\d)|(?<![\d.,])\d+(?:\.\d+)?(?![\d]|[.,]\d)"),
}


def parse_number(text: str, style: str = "nl") -> float:
    """A whole or decimal number as printed in Dutch ("127.081", "12,5") or English ("72,913", "41.4")."""
    s = text.strip()
    m = _NUMBER_TOKEN[style].fullmatch(s)
    if not m:
        raise NumberFormatError(f"not a number in {style} style: {text!r}")
    thousands, decimal = (".", ",") if style == "nl" else (",", ".")
    return float(s.replace(thousands, "").replace(decimal, "."))


def numbers_in(text: str, style: str = "nl", words: bool = True) -> list[float]:
    """Every number in a piece of prose, in order: digits, and Dutch number words if asked."""
    found: list[tuple[int, float]] = []
    for m in _NUMBER_TOKEN[style].finditer(text):
        found.append((m.start(), parse_number(m.group(), style)))
    if words:
        table = DUTCH_WORDS if style == "nl" else ENGLISH_WORDS
        for m in re.finditer(r"\b(" + "|".join(table) + r")\b", text, re.I):
            found.append((m.start(), float(table[m.group(1).lower()])))
    return [v for _, v in sorted(found)]


@dataclass(frozen=True)
class Qualified:
    """A published figure with how exact it is (the qualifiers of the indicator contract)."""

    qualifier: str  # exact | approx | lower_bound | suppressed | range
    value: float | None = None
    low: float | None = None
    high: float | None = None
    upper_bound: float | None = None


_APPROX_WORDS = r"circa|ca\.|ruim|zo'n|bijna|ongeveer|about|around|approximately|nearly|almost|over"
_LESS = r"<|minder dan|fewer than|less than"
_MORE = r">|meer dan|more than"


def parse_qualified(text: str, style: str = "nl") -> Qualified:
    """ "<10" / "minder dan tien" -> suppressed, at most 9; ">75%" / "meer dan 75%" -> lower
    bound 75; "2 tot 3%" / "2-3%" -> range; "circa 8100" -> approx; else exact. Refuses text
    with no number or with numbers it cannot place."""
    s = text.strip().lower()
    if re.match(rf"^(?:{_LESS})\s*", s):
        nums = numbers_in(re.sub(rf"^(?:{_LESS})\s*", "", s), style)
        if len(nums) == 1 and float(nums[0]).is_integer():
            return Qualified("suppressed", upper_bound=nums[0] - 1)
    elif re.match(rf"^(?:{_MORE})\s*", s):
        nums = numbers_in(re.sub(rf"^(?:{_MORE})\s*", "", s), style)
        if len(nums) == 1:
            return Qualified("lower_bound", value=nums[0])
    elif re.search(r"\d\s*(?:tot|to|-|\u2013)\s*\d", s):
        nums = numbers_in(s.replace("\u2013", " tot ").replace("-", " tot "), style)
        if len(nums) == 2 and nums[0] < nums[1]:
            return Qualified("range", low=nums[0], high=nums[1])
    else:
        approx = re.match(rf"^(?:{_APPROX_WORDS})\s+", s)
        nums = numbers_in(s[approx.end() :] if approx else s, style)
        if len(nums) == 1:
            return Qualified("approx" if approx else "exact", value=nums[0])
    raise NumberFormatError(f"cannot read a qualified figure from {text!r}")


def half_unit(value: float | None) -> float:
    """Half the rounding unit of a published number: 400000 -> 50000 ("ruim 400.000"), 127 -> 0.5,
    12.5 -> 0.05. The same rule as the half_unit macro in warehouse/views.sql (a test holds them equal)."""
    if value is None or value == 0:
        return 0.5
    if value != int(value):
        return 0.05
    digits = str(int(abs(value)))
    return 0.5 * 10 ** (len(digits) - len(digits.rstrip("0")))


def consistent_interval(
    qualifier: str,
    value: float | None,
    value_low: float | None = None,
    value_high: float | None = None,
    upper_bound: float | None = None,
) -> tuple[float | None, float | None]:
    """The values a statement is consistent with (warehouse/views.sql: consistent_lo, consistent_hi)."""
    if qualifier == "exact":
        return value, value
    if qualifier == "approx":
        assert value is not None
        return value - half_unit(value), value + half_unit(value)
    if qualifier == "lower_bound":
        return value, float("inf")
    if qualifier == "suppressed":
        return 0, upper_bound
    if qualifier == "range":
        return value_low, value_high
    return None, None
