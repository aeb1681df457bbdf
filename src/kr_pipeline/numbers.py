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
