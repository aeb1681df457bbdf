"""Country labels as publishers print them -> ISO 3166-1 alpha-3.

pycountry carries the ISO names; data/country_aliases.yaml carries the publishers' own
spellings (NCMEC's typos, old names) and marks non-countries with null. The label as
published is always kept next to the code.
"""

from __future__ import annotations

import functools
from importlib import resources

import pycountry
import yaml

from .tables import fold


@functools.cache
def _aliases() -> dict[str, str | None]:
    text = resources.files("kr_pipeline.data").joinpath("country_aliases.yaml").read_text("utf-8")
    raw = yaml.safe_load(text) or {}
    return {fold(k): v for k, v in raw.items()}


@functools.cache
def _iso_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                names[fold(value)] = c.alpha_3
    return names


def iso3(label: str) -> str | None:
    """The alpha-3 code of a published country label, or None (non-country or unknown)."""
    key = fold(label).rstrip("*").strip()
    aliases = _aliases()
    if key in aliases:
        return aliases[key]
    return _iso_names().get(key)


def is_known(label: str) -> bool:
    """True when the label is a known country or a known non-country."""
    key = fold(label).rstrip("*").strip()
    return key in _aliases() or key in _iso_names()
