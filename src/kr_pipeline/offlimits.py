"""Offlimits (Meldpunt Kinderporno): annual figures from Dutch prose (news item or jaarverslag).

Each figure is found by a sentence pattern, keeps the sentence it came from, and is read as
Dutch ("127.081" is 127081). Rounding words set the qualifier ("circa", "ruim", "zo'n",
"bijna", "ongeveer" -> approx; "meer dan" -> lower_bound). Meldingen (reports) and URL's are
different measures with different patterns. A figure the text does not state is not guessed;
the same figure stated twice with different values refuses the publication.
"""

from __future__ import annotations

import re

from .documents import sentences, text_of
from .errors import ParseError
from .numbers import DUTCH_WORDS, parse_number
from .observations import ParsedPublication, frame, observation

SOURCE_ID = "offlimits"
_NUM = r"\d{1,3}(?:\.\d{3})+|\d+"
_PCT = r"\d+(?:,\d+)?"
_QUAL = r"(?P<qual>circa|ruim|zo'n|bijna|ongeveer|meer dan)\s+"
_QUALIFIERS = {"circa": "approx", "ruim": "approx", "zo'n": "approx", "bijna": "approx", "ongeveer": "approx", "meer dan": "lower_bound"}
_URLS = r"URL'?s"

# (indicator, breakdown, unit, pattern). Patterns run on one sentence, case-insensitive.
RULES: list[tuple[str, str, str, re.Pattern]] = [
    ("offlimits.reports", "total", "reports", re.compile(
        rf"^(?=.*\b(?:Meldpunt|Offlimits|EOKM|we|wij)\b).*?\b(?:verwerkte|ontving|kreeg|registreerde|telde|behandelde|verwerkten|ontvingen|kregen)\b[^.]*?(?:{_QUAL})?(?P<n>{_NUM}) meldingen\b(?! uit)", re.I)),
    ("offlimits.reports", "total", "reports", re.compile(
        rf"\(tegenover (?:{_QUAL})?(?P<n>{_NUM})(?: meldingen)? in (?P<year>\d{{4}})\)", re.I)),
    ("offlimits.reports", "from_netherlands", "reports", re.compile(
        rf"(?:{_QUAL})?(?P<n>{_NUM}) meldingen (?:kwamen )?uit Nederland", re.I)),
    ("offlimits.urls_analysed", "total", "URLs", re.compile(
        rf"analyse van (?:{_QUAL})?(?P<n>{_NUM}) {_URLS}", re.I)),
    ("offlimits.urls_analysed", "total", "URLs", re.compile(
        rf"(?:{_QUAL})?(?P<n>{_NUM}) {_URLS} (?:geanalyseerd|beoordeeld)", re.I)),
    ("offlimits.urls_analysed_change", "total", "percent_change", re.compile(
        rf"analyse van [^,]*{_URLS}, een (?P<dir>stijging|daling) van (?P<pct>{_PCT})%", re.I)),
    ("offlimits.urls_illegal", "total", "URLs", re.compile(
        rf"(?:{_QUAL})?(?P<n>{_NUM}) {_URLS} (?:bevatten|met) (?:illegaal|strafbaar) (?:materiaal|beeldmateriaal)", re.I)),
    ("offlimits.ai_images", "total", "images", re.compile(
        rf"(?:{_QUAL})?(?P<n>{_NUM}) afbeeldingen\b[^.]*\b(?:AI|kunstmatige intelligentie)\b", re.I)),
    ("offlimits.self_generated_share", "total", "percent", re.compile(
        r"(?:(?P<qual>ongeveer|circa|bijna|ruim)\s+)?(?P<a>één|een|\d+) op de (?P<b>\w+) afbeeldingen\b[^.]*self-generated", re.I)),
    ("offlimits.removal_within_24h_share", "total", "percent", re.compile(
        rf"(?:{_QUAL})?(?P<pct>{_PCT})% van de gevallen binnen 24 uur", re.I)),
]
_SENTENCE_YEAR = re.compile(r"^(?:In|Over|Sinds) (\d{4})\b")


def _count(text: str) -> float:
    return parse_number(text, "nl")


def _small_number(word: str) -> int:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word == "een":
        return 1
    if word in DUTCH_WORDS:
        return DUTCH_WORDS[word]
    raise ValueError(word)


def figures_in(text: str, year: int) -> list[dict]:
    """Every figure the rules find, with its sentence. `year` is the publication's year,
    used when a sentence does not say which year it is about."""
    found = []
    numbered = []
    for paragraph in re.split(r"\n\s*\n", text):
        # A paragraph that does not say its year is about the publication's year.
        numbered += [(s, i == 0) for i, s in enumerate(sentences(paragraph))]
    context_year = year
    for number, (sentence, starts_paragraph) in enumerate(numbered, start=1):
        if starts_paragraph:
            context_year = year
        m = _SENTENCE_YEAR.match(sentence)
        if m:
            context_year = int(m.group(1))
        for indicator, breakdown, unit, pattern in RULES:
            for match in pattern.finditer(sentence):
                groups = match.groupdict()
                qualifier = _QUALIFIERS.get((groups.get("qual") or "").lower(), "exact")
                if indicator == "offlimits.self_generated_share":
                    a, b = _small_number(groups["a"]), _small_number(groups["b"])
                    value, qualifier = round(100 * a / b), "approx"
                elif groups.get("pct") is not None:
                    value = parse_number(groups["pct"], "nl")
                    if groups.get("dir", "").lower() == "daling":
                        value = -value
                else:
                    value = _count(groups["n"])
                found.append(dict(
                    indicator_id=indicator, breakdown=breakdown, unit=unit, value=value,
                    qualifier=qualifier, year=int(groups["year"]) if groups.get("year") else context_year,
                    quote=sentence, location=f"sentence {number}",
                ))
    return found


def parse(data: bytes, year: int, file: str = "?") -> ParsedPublication:
    def fail(reason: str) -> ParseError:
        return ParseError(SOURCE_ID, year, file, reason)

    try:
        text = text_of(data)
    except ValueError as exc:
        raise fail(str(exc)) from None
    figures = figures_in(text, year)
    if not figures:
        raise fail("no Offlimits figures recognised in the text (layout or wording changed?)")
    chosen: dict[tuple, dict] = {}
    for fig in figures:
        key = (fig["indicator_id"], fig["year"], fig["breakdown"])
        if key in chosen and (chosen[key]["value"], chosen[key]["qualifier"]) != (fig["value"], fig["qualifier"]):
            raise fail(
                f"{fig['indicator_id']} {fig['year']} is stated twice with different values: "
                f"{chosen[key]['value']:g} ({chosen[key]['location']}) and {fig['value']:g} ({fig['location']})"
            )
        chosen.setdefault(key, fig)
    rows = [
        observation(
            country_iso3="NLD", country_name="Netherlands", area_type="country", label_as_published=None,
            footnote=None, **fig,
        )
        for fig in chosen.values()
    ]
    return ParsedPublication(SOURCE_ID, year, file, frame(rows), [])
