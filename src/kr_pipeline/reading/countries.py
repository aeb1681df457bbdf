"""Country labels as publishers print them -> ISO 3166-1 alpha-3.

pycountry carries the ISO names; from each we derive the usual ISO, UN and short spellings
("Korea, Republic of" -> "Republic of Korea", "Korea (Republic of)"; "Netherlands (the)",
"The Netherlands"; names without accents). data/country_aliases.yaml carries the
publishers' own spellings (NCMEC's typos, old names, "Korea (South)") and marks listed
non-countries with null. A label that is none of these is unknown: parsers refuse the
publication and name the label and the file to extend, never load it as a non-country.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

import pycountry
import yaml

from .tables import fold

ALIASES_FILE = "src/kr_pipeline/data/country_aliases.yaml"
_UNKNOWN = object()


def _key(label: str) -> str:
    """Case, whitespace, accents, footnote marks, a leading "the" and punctuation variants folded."""
    text = unicodedata.normalize("NFKD", label.replace("\u2019", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = fold(text).rstrip("*").strip()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"\s*\(the\)$", "", text)
    text = re.sub(r"\bst\.?\s", "saint ", text.replace("&", "and"))
    return re.sub(r"\s+", " ", text).strip()


@functools.cache
def _aliases() -> dict[str, str | None]:
    text = resources.files("kr_pipeline.data").joinpath("country_aliases.yaml").read_text("utf-8")
    raw = yaml.safe_load(text) or {}
    return {_key(k): v for k, v in raw.items()}


def _spellings(name: str) -> set[str]:
    """An ISO name and its usual rewordings: "Korea, Republic of" -> "Republic of Korea",
    "Korea (Republic of)"; "Virgin Islands, British" -> "British Virgin Islands"."""
    out = {name}
    m = re.match(r"^(.+?), (.+)$", name)
    if m:
        head, tail = m.groups()
        out |= {f"{tail} {head}", f"{head} ({tail})"}
    m = re.match(r"^(.+?) \((.+)\)$", name)
    if m:
        head, tail = m.groups()
        out |= {head, f"{head}, {tail}"}
    return out


@functools.cache
def _iso_names() -> dict[str, str]:
    names: dict[str, str] = {}
    ambiguous: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if not value:
                continue
            for spelling in _spellings(value):
                key = _key(spelling)
                if names.get(key, c.alpha_3) != c.alpha_3:
                    ambiguous.add(key)
                names[key] = c.alpha_3
        names[_key(c.alpha_3)] = c.alpha_3  # "NLD" itself
    for key in ambiguous:
        names.pop(key, None)
    return names


def _lookup(label: str):
    key = _key(label)
    aliases = _aliases()
    if key in aliases:
        return aliases[key]
    return _iso_names().get(key, _UNKNOWN)


def iso3(label: str) -> str | None:
    """The alpha-3 code of a published country label, or None (non-country or unknown)."""
    code = _lookup(label)
    return None if code is _UNKNOWN else code


def is_known(label: str) -> bool:
    """True when the label is a known country or a listed non-country."""
    return _lookup(label) is not _UNKNOWN


def unknown_label_message(label: str) -> str:
    return (
        f"label {label!r} is neither a country nor a listed non-country: add it to {ALIASES_FILE} "
        f"(an ISO alpha-3 code, or null for a non-country) and build again"
    )


# A country as an analyst asks for it (kr history --country, a hint for kr query): ISO alpha-3
# or alpha-2 codes, ISO and common names, their usual rewordings and the aliases' spellings.
_USE = "use an ISO 3166 code such as NLD (or NL) or a name such as Netherlands"
# Dutch names analysts type (the monitor is Dutch); not publishers' labels: a publication's
# label must be an ISO name or an alias in data/country_aliases.yaml, or it is refused.
_ASKED_IN_DUTCH = {
    "nederland": "NLD",
    "belgie": "BEL",
    "duitsland": "DEU",
    "frankrijk": "FRA",
    "verenigde staten": "USA",
    "verenigd koninkrijk": "GBR",
    "rusland": "RUS",
    "slowakije": "SVK",
    "roemenie": "ROU",
    "letland": "LVA",
    "litouwen": "LTU",
    "hongarije": "HUN",
    "polen": "POL",
    "oekraine": "UKR",
    "spanje": "ESP",
    "italie": "ITA",
    "zweden": "SWE",
    "noorwegen": "NOR",
    "denemarken": "DNK",
    "tsjechie": "CZE",
    "bulgarije": "BGR",
    "turkije": "TUR",
    "zwitserland": "CHE",
    "oostenrijk": "AUT",
    "luxemburg": "LUX",
    "ierland": "IRL",
    "engeland": "GBR",
    "japan": "JPN",
    "china": "CHN",
    "hongkong": "HKG",
}
# abbreviations the press writes for countries in running text (a two- or three-letter word is
# otherwise never taken for a country there: "Can", "Man", "IWF")
_ABBREVIATIONS = {"VS": "USA", "VK": "GBR", "US": "USA", "USA": "USA", "UK": "GBR"}
_NAME_RUN = re.compile(r"\b[A-Z][\w'\u2019.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'\u2019.-]*){0,3}")


def resolve(text: str) -> str:
    """The alpha-3 code of a country as an analyst names it ("NL", "nld", "Netherlands", "The
    Netherlands", "Nederland"); LookupError naming what to use otherwise."""
    t = text.strip()
    if re.fullmatch(r"[A-Za-z]{2}", t):
        found = pycountry.countries.get(alpha_2=t.upper())
        if found is not None:
            return found.alpha_3
    code = iso3(t) if t else None
    if code:
        return code
    if _key(t) in _ASKED_IN_DUTCH:
        return _ASKED_IN_DUTCH[_key(t)]
    raise LookupError(f"unknown country {text!r}: {_USE}")


_ISO3_LITERALS = re.compile(r"country_iso3\s*(?:=|<>|!=|(?:NOT\s+)?IN\s*\()\s*((?:'[^']*'\s*,?\s*)+)", re.I)


def query_hint(sql: str) -> str | None:
    """A note for a query comparing country_iso3 with something that is no alpha-3 code
    ('NL', 'Netherlands'): which code to use instead."""
    wrong = []
    for group in _ISO3_LITERALS.finditer(sql):
        for literal in re.findall(r"'([^']*)'", group.group(1)):
            if literal.isupper() and pycountry.countries.get(alpha_3=literal) is not None:
                continue
            try:
                wrong.append(f"'{resolve(literal)}' for '{literal}'")
            except LookupError:
                wrong.append(f"no country is called '{literal}'")
    if not wrong:
        return None
    return "note: country_iso3 holds ISO 3166 alpha-3 codes: " + "; ".join(wrong)


def country_mentions(text: str) -> list[tuple[int, str]]:
    """Where a running text names a country, and which (alpha-3): capitalised names in English
    (ISO names and the aliases) and Dutch, and the press's abbreviations ("followed by the United
    States with 12,492, Canada with 8,803"; "gevolgd door de VS"). Adjectives ("Dutch",
    "Nederlandse") are the caller's to read."""
    found: list[tuple[int, str]] = []
    for run in _NAME_RUN.finditer(text):
        words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", run.group(0))]
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                label = " ".join(w for _, w in words[i:j]).rstrip(".").strip("'\u2019")
                code = _ABBREVIATIONS.get(label) if len(label) <= 3 else (_ASKED_IN_DUTCH.get(_key(label)) or iso3(label))
                if code:
                    found.append((run.start() + words[i][0], code))
                    i = j - 1
                    break
            i += 1
    return found
