"""Shared number helpers: published text -> exact numbers, or an error. Never a guess."""

from __future__ import annotations

import re

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
    "geen": 0, "nul": 0, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
    "veertien": 14, "vijftien": 15, "twintig": 20, "honderd": 100,
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
        for m in re.finditer(r"\b(" + "|".join(DUTCH_WORDS) + r")\b", text, re.I):
            found.append((m.start(), float(DUTCH_WORDS[m.group(1).lower()])))
    return [v for _, v in sorted(found)]
