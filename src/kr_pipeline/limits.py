"""Every limit in one place: which years are plausible, how long and how large a parse or a
query may get. Each has an embedded default and an environment override; a bad override is
one clear line naming the setting (never a traceback).

Kept free of pandas, Prefect and Great Expectations: `kr query` imports it.
"""

from __future__ import annotations

import datetime as dt
import math

from .errors import KrError

FIRST_YEAR = 1950  # the suite's lower bound for a data year (expectations/observations.json)


def last_year() -> int:
    """A publication can announce the coming year; nothing later is plausible."""
    return dt.date.today().year + 1


def check_year(value, what: str) -> int:
    """A year (data year, snapshot year, curated edition) within FIRST_YEAR..last_year()."""
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except ValueError:
            raise KrError(f"{what}: {value!r} is not a year") from None
    if not FIRST_YEAR <= value <= last_year():
        raise KrError(f"{what}: {value} is not a plausible year ({FIRST_YEAR}-{last_year()})")
    return value


def setting(name: str, default: float, *, minimum: float = 0, integer: bool = False) -> float:
    """A numeric environment setting: finite, at least `minimum`; else a KrError naming it."""
    from .config import env

    raw = env(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < minimum or (integer and not value.is_integer()):
        kind = "a whole number" if integer else "a number"
        raise KrError(f"{name}={raw!r}: must be {kind} of at least {minimum:g} (default {default:g})")
    return int(value) if integer else value


# Parsing runs in a child process with these limits (kr_pipeline.ingest.isolation); the readers
# refuse what is larger than these before they start.
def parse_seconds() -> float:
    return setting("KR_PARSE_SECONDS", 120, minimum=1)


def parse_memory_mb() -> int:
    return int(setting("KR_PARSE_MEMORY_MB", 3072, minimum=256, integer=True))


class InputLimit(Exception):
    """A document is larger or deeper than a reader accepts: refused as read, the limit named."""


MAX_PDF_PAGES = 2_000  # NCMEC's tables are 5-20 pages
MAX_TEXT_CHARS = 10_000_000  # an HTML page or a text file: characters before parsing
MAX_HTML_DEPTH = 200  # nesting of elements (a page's real depth is 20-40)
MAX_YAML_BYTES = 2_000_000  # a curated file or the registry


# `kr query`: its own flags override these.
def query_seconds() -> float:
    return setting("KR_QUERY_SECONDS", 60, minimum=0.1)


def query_memory() -> str:
    from .config import env

    raw = (env("KR_QUERY_MEMORY") or "4GB").strip()
    if not is_memory_amount(raw):
        raise KrError(f"KR_QUERY_MEMORY={raw!r}: must be an amount such as 500MB or 4GB")
    return raw


def query_rows() -> int:
    return int(setting("KR_QUERY_ROWS", 10_000, minimum=1, integer=True))


def is_memory_amount(text: str) -> bool:
    """An amount DuckDB's memory_limit takes: 500MB, 4GB, 1.5GiB."""
    import re

    return re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", text.strip(), re.I) is not None
