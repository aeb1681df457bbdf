"""The tidy long shape every parser produces: one row per published value.

Columns (open-sdg style): the value plus everything that travels with it: the year, the
area (country or a non-country row such as "null*" or "Top ten total"), the breakdown,
the qualifier (exact / approx / lower_bound / suppressed / range / no_value), the unit,
a footnote and where in the publication the value stands (page or table).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .vocabulary import TextPart

if TYPE_CHECKING:  # pandas is imported when a publication is parsed, not at start-up
    import pandas as pd

COLUMNS = [
    "indicator_id",
    "year",
    "period",  # the year as text, or a span such as "2017-2021" (year = its last year)
    "country_iso3",  # ISO 3166-1 alpha-3, NULL for non-countries
    "country_name",  # the label as published, whitespace folded, footnote marks removed
    "label_as_published",
    "area_type",  # country | no_country | aggregate | total | other
    "breakdown",
    "value",
    "value_low",
    "value_high",
    "upper_bound",
    "qualifier",
    "unit",
    "footnote",
    "location",  # page or table in the publication, or the cited publication
    "quote",  # the sentence a figure was taken from (prose sources, curated figures)
    "text_part",  # table | body | headline: a headline's rounded figure yields to the body's
    "as_published",  # the words the publication printed for the value ("minder dan tien", "72,913")
    "cited_url",  # a curated figure: the URL of the publication it cites
    "cited_publication",  # a curated figure: that publication's title
    "cited_publisher",  # a curated figure: its publisher
    "traced_to",  # source | secondary | unchecked: see TRACED
    "checked_in",  # the stored document a curated quote was checked in ("kib 2025")
]
# How far a value is traced: read from (or its quote checked in) the cited publication's own
# stored copy; its quote checked only in a secondary text (the monitor's chapter); not checked.
TRACED = ("source", "secondary", "unchecked")
TEXT_PARTS = tuple(TextPart)


@dataclass
class ParsedPublication:
    """What a parser returns: the observations of one publication and what it noticed."""

    source_id: str
    year: int
    file: str
    observations: "pd.DataFrame"
    notes: list[str] = field(default_factory=list)
    table: str = "observations"  # which expectation suite applies
    # numbers a careful reader would not load without asking (sentence, number, why): `kr review`
    candidates: list[dict] = field(default_factory=list)
    curated: bool = False  # an analysts' curated file: its year is an edition, not a data year
    # whose voice a prose publication speaks in (reading.prose.Voice): own | reported; None for
    # tables and curated files
    voice: str | None = None


def observation(**kw) -> dict:
    """One observation row with every column present (missing ones NULL)."""
    unknown = set(kw) - set(COLUMNS)
    if unknown:
        raise KeyError(f"unknown observation columns: {sorted(unknown)}")
    row = {c: None for c in COLUMNS}
    row.update(kw)
    return row


def frame(rows: list[dict]) -> "pd.DataFrame":
    import pandas as pd

    # Text as Python objects in one block (dtype object, missing = None), numbers typed: a
    # build concatenates the frames of all its publications, and one object block per frame
    # concatenates ~3x faster than a string array per column (bench: loading).
    columns = {c: [row.get(c) for row in rows] for c in COLUMNS}
    columns["period"] = [p if p else str(y) for p, y in zip(columns["period"], columns["year"])]
    columns["text_part"] = [t if t else ("body" if q else "table") for t, q in zip(columns["text_part"], columns["quote"])]
    # a parsed value is read from the publication's own stored copy; a curated file says its own
    columns["traced_to"] = [t if t else "source" for t in columns["traced_to"]]
    df = pd.DataFrame(columns, dtype=object)
    df = df.astype({"year": "int64", **dict.fromkeys(("value", "value_low", "value_high", "upper_bound"), "float64")})
    df = df.copy()  # one block per type (astype leaves a block per converted column)
    return df
