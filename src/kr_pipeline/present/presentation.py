"""How a value reads for the monitor's readers, in Dutch (first) and English: numbers, units,
breakdowns and a value with its qualifier as published ("minder dan 10", "2 tot 3%",
"meer dan 75%", "circa 33%"). Written once; charts, exports and the site all use it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from ..catalog import BREAKDOWNS, PERCENT_UNITS, UNITS
from ..vocabulary import Qualifier

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")

# The catalog's units and breakdowns with their (Dutch, English) labels: written once, in
# src/kr_pipeline/publishers/measures.yaml.
QUALIFIERS: dict[str, tuple[str, str]] = {  # every vocabulary.Qualifier (a test holds them equal)
    Qualifier.EXACT: ("exact", "exact"),
    Qualifier.APPROX: ("bij benadering", "approximate"),
    Qualifier.RANGE: ("bandbreedte", "range"),
    Qualifier.LOWER_BOUND: ("ondergrens", "lower bound"),
    Qualifier.SUPPRESSED: ("afgeschermd (kleiner dan tien)", "suppressed (below ten)"),
    Qualifier.NO_VALUE: ("geen cijfer", "no figure"),
}

NO_FIGURE: dict[Lang, str] = {"nl": "geen cijfer", "en": "no figure"}

# A year without a figure, by its status (figure_grid.status: the one definition of missing).
STATUSES: dict[str, tuple[str, str]] = {
    "missing": ("geen cijfer", "no figure"),
    "not_applicable": ("n.v.t.", "n/a"),
    "not_expected": ("geen cijfer verwacht", "none expected"),
}
# What the status means, for a tooltip or a note.
STATUS_NOTES: dict[str, tuple[str, str]] = {
    "missing": ("De catalogus verwacht een cijfer; het ontbreekt.", "The catalog expects a figure; it is missing."),
    "not_applicable": ("De uitsplitsing bestond dit jaar nog niet.", "The breakdown did not exist yet that year."),
    "not_expected": ("Geen bekende publicatie geeft dit cijfer.", "No known publication gives this figure."),
}
# How far a value is traced to its source (observations.traced_to).
TRACED: dict[str, tuple[str, str]] = {
    "source": ("eigen kopie van de bron", "the source's own stored copy"),
    "secondary": ("alleen secundaire tekst (hoofdstuk monitor)", "a secondary text only (the monitor's chapter)"),
    "unchecked": ("niet gecontroleerd", "not checked"),
}
REVISED: dict[Lang, str] = {"nl": "herzien", "en": "revised"}


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "nl" else pair[1]


def status_label(status: str | None, lang: Lang = "nl") -> str:
    """A year without a figure: "geen cijfer" (missing), "n.v.t." or "geen cijfer verwacht"."""
    return _pick(STATUSES.get(status or "missing", STATUSES["missing"]), lang)


def status_note(status: str | None, lang: Lang = "nl") -> str:
    return _pick(STATUS_NOTES[status], lang) if status in STATUS_NOTES else ""


def traced_label(traced: str | None, lang: Lang = "nl") -> str:
    return _pick(TRACED[traced], lang) if traced in TRACED else ""


def unit_label(unit: str | None, lang: Lang = "nl") -> str:
    return _pick(UNITS[unit], lang) if unit in UNITS else (unit or "")


def breakdown_label(breakdown: str, lang: Lang = "nl") -> str:
    return _pick(BREAKDOWNS[breakdown], lang) if breakdown in BREAKDOWNS else breakdown


def qualifier_label(qualifier: str, lang: Lang = "nl") -> str:
    return _pick(QUALIFIERS[qualifier], lang) if qualifier in QUALIFIERS else qualifier


def number(value: float | None, lang: Lang = "nl", unit: str | None = None) -> str:
    """25704 -> "25.704" (nl) / "25,704" (en); 41.4 -> "41,4" / "41.4"; a percentage gets "%".
    Whole numbers never show a decimal; others at most two, trailing zeros dropped."""
    if value is None:
        return ""
    v = float(value)
    text = f"{v:,.0f}" if v.is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")
    if lang == "nl":
        text = text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return text + ("%" if unit in PERCENT_UNITS else "")


def as_published(row: Mapping, lang: Lang = "nl") -> str:
    """A value with its qualifier, as the publication says it: exact, "circa 33%",
    "2 tot 3%", "meer dan 75%", "minder dan 10", or "geen cijfer"."""
    unit, q = row.get("unit"), row.get("qualifier")
    n = lambda v: number(v, lang, unit)  # noqa: E731
    if q == "range":
        low, high = number(row.get("value_low"), lang), n(row.get("value_high"))
        return f"{low} tot {high}" if lang == "nl" else f"{low} to {high}"
    if q == "suppressed":
        below = (row.get("upper_bound") or 0) + 1
        return f"minder dan {n(below)}" if lang == "nl" else f"fewer than {n(below)}"
    if q == "lower_bound":
        return f"meer dan {n(row.get('value'))}" if lang == "nl" else f"more than {n(row.get('value'))}"
    if q == "approx":
        return f"circa {n(row.get('value'))}" if lang == "nl" else f"about {n(row.get('value'))}"
    if row.get("value") is None:
        return NO_FIGURE[lang]
    return n(row.get("value"))


def plot_value(row: Mapping) -> float | None:
    """The height a chart may draw for a value: the value itself (exact, circa, lower bound),
    the middle of a range; nothing for a suppressed value (it is drawn as a labelled gap)."""
    if row.get("qualifier") == "range" and row.get("value_low") is not None and row.get("value_high") is not None:
        return (row["value_low"] + row["value_high"]) / 2
    if row.get("qualifier") in ("suppressed", "no_value"):
        return None
    return row.get("value")


_HYPHENATORS: dict[str, object] = {}


def soft_hyphens(text: str, lang: Lang = "nl") -> str:
    """Soft hyphens (U+00AD) where the language hyphenates each word of six letters or more
    ("Ar­beids­uit­bui­ting", "Re­fer­rals"),
    for narrow table headers: a browser breaks there, and only there, when a column is narrow;
    the text reads and copies as written. (pyphen: Hunspell's patterns, bundled.)"""
    import re

    import pyphen

    hyphenator = _HYPHENATORS.setdefault(lang, pyphen.Pyphen(lang="nl_NL" if lang == "nl" else "en_GB"))
    return re.sub(r"[^\W\d_]{6,}", lambda m: hyphenator.inserted(m.group(0), hyphen="\u00ad"), text)  # type: ignore[attr-defined]
