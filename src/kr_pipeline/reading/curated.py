"""Curated figures: values that exist only in prose, infographics or answers to inquiries,
recorded by an analyst in src/kr_pipeline/publishers/<organisation>/curated/<source>.yaml with a citation.

Each file goes through the same path as a parsed publication: it is stored as a snapshot,
"parsed" here into observations, validated by the same suite and loaded with vintages.
Where the citation names a stored document (`checked_in`, or a URL of a stored snapshot),
the quote must be one whole sentence of that document (or a whole clause of one, or a chart's
run of labels), the number as published must stand in it as a whole number and mean the
recorded value; otherwise the figure is refused.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from ..catalog import disagreement, load_catalog
from ..errors import KrError, ParseError
from ..ingest.snapshots import SnapshotStore
from ..limits import check_year
from ..observations import ParsedPublication, frame, observation
from ..publishers import CURATED_FOLDER, curated_folders, folder_of
from ..reading.context import ParseContext, context_for
from ..reading.documents import label_run_problem, normalise, quote_stands_alone, stands_in, text_of, units
from ..reading.numbers import NumberFormatError, Qualified, numbers_in, parse_qualified
from ..registry import check_keys, load_yaml
from ..vocabulary import VALUED

_FILE_KEYS = {"source_id", "title", "publisher", "edition", "language", "figures"}
# A figure's keys and its citation's, in the order a curated file writes them
# (review_workbook writes files back in this order).
FIGURE_KEYS = (
    "indicator",
    "year",
    "breakdown",
    "country",
    "value",
    "qualifier",
    "upper_bound",
    "value_low",
    "value_high",
    "as_published",
    "note",
    "citation",
)
CITATION_KEYS = ("publication", "publisher", "url", "inquiry", "page", "quote", "checked_in")
_FIGURE_KEYS = set(FIGURE_KEYS)
_CITATION_KEYS = set(CITATION_KEYS)
_COUNTRY_NAMES = {"NLD": "Netherlands"}


def curated_files(folder: Path | None = None) -> list[Path]:
    """Every curated file (*.yaml and *.yml alike) in a folder of them (KR_CURATED), or (None)
    in the curated/ folder of every publisher's folder."""
    found = list(folder.glob("*")) if folder is not None else [p for f in curated_folders() for p in f.glob("*")]
    return sorted(p for p in found if p.suffix in (".yaml", ".yml") and p.is_file())


def new_curated_file(folder: Path | None, source_id: str, organisation: str) -> Path:
    """Where a source's first curated file goes: `folder` (KR_CURATED), or its organisation's
    curated/ folder."""
    if folder is not None:
        return folder / f"{source_id}.yaml"
    return folder_of(organisation) / CURATED_FOLDER / f"{source_id}.yaml"


def _document(data: bytes, file: str) -> dict:
    try:
        doc = load_yaml(data.decode("utf-8"))  # limits, no aliases, refuses duplicate keys
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ParseError("curated", 0, file, f"not readable YAML: {exc}") from None
    if not isinstance(doc, dict) or not {"source_id", "edition", "figures"} <= set(doc):
        raise ParseError("curated", 0, file, "a curated file needs source_id, edition and figures")
    return doc


def file_header(data: bytes, file: str = "?") -> dict:
    """source_id, title, publisher, edition of a curated file (to store it as a snapshot):
    typed and in range, or refused naming the field."""
    doc = _without_lines(_document(data, file))
    sid = doc["source_id"]
    if not isinstance(sid, str):
        raise ParseError("curated", 0, file, f"source_id must be text, got {sid!r}")
    for key in ("title", "publisher", "language"):
        if doc.get(key) is not None and not isinstance(doc[key], str):
            raise ParseError(sid, 0, file, f"{key} must be text, got {type(doc[key]).__name__}")
    try:
        doc["edition"] = check_year(doc["edition"], "edition")
    except KrError as exc:
        raise ParseError(sid, 0, file, str(exc)) from None
    if not isinstance(doc["figures"], list) or not all(isinstance(f, dict) for f in doc["figures"]):
        raise ParseError(sid, doc["edition"], file, "figures must be a list of figures (each a mapping)")
    return doc


def _without_lines(value):
    if isinstance(value, dict):
        return {k: _without_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_without_lines(v) for v in value]
    return value


# Words that make a printed fraction a rounded one ("ongeveer één op de drie").
_ROUNDING_WORDS = "ongeveer|circa|ruim|bijna|zo'n|about|around|nearly|roughly|almost"


def _matches_published(as_published: str, qualifier: str, value, low, high, upper, style: str) -> bool:
    """Does the number as printed ("127.081", "Drie", "meer dan 75%", "2 tot 3%",
    "één op de drie", "minder dan tien") mean the recorded value and qualifier?"""
    fraction = re.match(rf"^\s*(?:({_ROUNDING_WORDS})\s+)?(\S+) (?:op de|op|in the|in) (\S+)\s*$", as_published, re.I)
    if fraction:  # "één op de drie" = 33%; "ongeveer één op de drie" = circa 33%
        if fraction.group(1) and qualifier != "approx":
            return False
        try:
            nums = numbers_in(fraction.group(0)[fraction.end(1) if fraction.group(1) else 0 :], style)
        except NumberFormatError:  # a number that cannot be read as written ("1\u200b0"): no match
            return False
        return len(nums) == 2 and nums[1] > 0 and round(100 * nums[0] / nums[1]) == value
    try:
        published = parse_qualified(as_published, style)
    except NumberFormatError:
        return False
    if published.qualifier == "exact" and qualifier == "approx":
        published = Qualified("approx", value=published.value)  # "ongeveer" may stand outside the number
    return published == Qualified(qualifier, value=value, low=low, high=high, upper_bound=upper)


@functools.cache
def _document_units(path: str, sha256: str) -> tuple[str, ...]:
    return tuple(units(text_of(Path(path).read_bytes())))


def _checked_document(citation: dict, store: SnapshotStore | None, fail):
    """The stored document a quote must occur in, or None when the citation names none stored."""
    if store is None:
        return None
    ref = citation.get("checked_in")
    if ref:
        if ref.get("sha256"):  # one snapshot exactly (written by `kr review accept`)
            snap = next(
                (sn for sn in store.list(ref["source"]) if sn.sha256 == ref["sha256"] and sn.year == int(ref["year"])), None
            )
        else:
            snap = store.latest(ref["source"], int(ref["year"]))
        if snap is None:
            raise fail(f"cited document {ref['source']} {ref['year']} is not in the snapshot store")
        return snap
    url = citation.get("url")
    if url:
        for snap in store.list():
            if snap.url == url:
                return snap
    return None


def _traced(citation: dict, snap) -> tuple[str, str | None]:
    """How far a curated figure is traced (observations.TRACED) and the document its quote was
    checked in. 'source': that document is the cited publication's own stored copy: its URL is
    the citation's, or `checked_in` pins the very snapshot the figure was read from (`kr review
    accept` writes that), or the figure answers an inquiry (published first in the monitor's
    chapter, its own publication). 'secondary': checked only in another text quoting it (the
    monitor's chapter, `kib`). 'unchecked': the cited document is not stored."""
    if snap is None:
        return "unchecked", None
    ref = citation.get("checked_in") or {}
    own = (
        bool(citation.get("url"))
        and snap.url == citation.get("url")
        or bool(isinstance(ref, dict) and ref.get("sha256"))
        or bool(citation.get("inquiry"))
    )
    return ("source" if own else "secondary"), f"{snap.source_id} {snap.year}"


# Curated quotes are checked against other stored documents: a refused figure is worth trying
# again when the store changes (stages.build.outcome_fingerprint reads this).
READS_OTHER_DOCUMENTS = True


def parse(data: bytes, year: int, file: str = "?", context: ParseContext | None = None) -> ParsedPublication:
    doc = file_header(data, file)
    source_id = doc["source_id"]
    style = doc.get("language", "nl")
    ctx = context_for(source_id, year, file, context)
    fail = ctx.fail

    check_keys(file, doc, _FILE_KEYS, {"source_id", "edition", "figures"}, fail)
    figures = _document(data, file)["figures"]  # with their lines
    catalog = load_catalog()
    store = ctx.store
    rows = []
    for fig in figures:
        line = fig.pop("__line__", "?")
        citation = fig.get("citation") or {}
        citation.pop("__line__", None)
        if isinstance(citation.get("checked_in"), dict):
            citation["checked_in"].pop("__line__", None)
        check_keys(f"{file}:{line}", fig, _FIGURE_KEYS, set(), fail)
        check_keys(f"{file}:{line}: citation", citation, _CITATION_KEYS, set(), fail)
        ind = catalog.get(fig.get("indicator"))
        breakdown = fig.get("breakdown", "total")
        # the parsers' check (catalog.disagreement), with the line; a curated figure takes its indicator's unit
        wrong = disagreement(catalog, fig.get("indicator"), ind.unit if ind else None, breakdown, curated=True)
        if wrong is not None or ind is None:  # (an unknown indicator is always a disagreement)
            raise fail(str(wrong), line)
        period = str(fig.get("year"))
        span = re.fullmatch(r"(\d{4})(?:-(\d{4})|-H[12])?", period)
        fig_year = int(span.group(2) or span.group(1)) if span else None
        if fig_year is None:
            raise fail(f"year {period!r} is not a year, a span like 2017-2021 or a half year like 2024-H1", line)
        if span and span.group(2) and int(span.group(2)) <= int(span.group(1)):
            raise fail(f"year {period!r}: a span runs from the earlier year to the later (e.g. 2019-2023)", line)
        try:
            check_year(fig_year, "year")
            check_year(int(span.group(1)), "year")  # type: ignore[union-attr]
        except KrError as exc:
            raise fail(str(exc), line) from None
        qualifier = fig.get("qualifier", "exact")
        value, low, high, upper = (fig.get(k) for k in ("value", "value_low", "value_high", "upper_bound"))
        if qualifier in VALUED and value is None:
            raise fail(f"qualifier {qualifier} needs a value", line)
        if qualifier == "suppressed" and (value is not None or upper is None):
            raise fail("a suppressed figure has no value (null) and an upper_bound", line)
        if qualifier == "range" and (value is not None or low is None or high is None or low >= high):
            raise fail("a range has no value, and value_low < value_high", line)
        quote = citation.get("quote")
        as_published = fig.get("as_published")
        if not quote or not as_published:
            raise fail("every curated figure needs citation.quote and as_published", line)
        if len(re.findall(r"[^\W\d_]{2,}", quote)) < 3:
            raise fail(f"the quote {quote!r} is only a number: quote the sentence that states what it measures", line)
        if not stands_in(as_published, quote):
            raise fail(f"as_published {as_published!r} does not occur in the quote (as a whole number)", line)
        unpaired = label_run_problem(as_published, period, quote)  # "108 2019 52 2023": 52 is 2023's only
        if unpaired is not None:
            raise fail(unpaired, line)
        if not _matches_published(as_published, qualifier, value, low, high, upper, style):
            raise fail(
                f"as_published {as_published!r} does not mean {qualifier} {value if value is not None else (low, high, upper)}",
                line,
            )
        snap = _checked_document(citation, store, lambda r: fail(r, line))
        if snap is not None:
            document_units = _document_units(str(snap.path), snap.sha256)
            snap.read_verified()
            if not quote_stands_alone(quote, list(document_units)):
                q, cited = normalise(quote), f"the cited document {snap.source_id} {snap.year}"
                if any(q in u for u in document_units):
                    why = f"the quote is only part of a sentence of {cited}: quote the whole sentence (or clause) that states the figure"
                elif q in " ".join(document_units):
                    why = f"the quote spans several sentences of {cited}: quote the one sentence that states the figure"
                else:
                    why = f"the quote is not in {cited} ({snap.file})"
                raise fail(f"{why}: {quote[:80]!r}", line)
        country = fig.get("country", "NLD")
        where = [f"p. {citation['page']}" if citation.get("page") else None]
        where.append(f"inquiry of {citation['inquiry']}" if citation.get("inquiry") else None)
        location = "; ".join(str(x) for x in where if x) or "the quoted sentence"
        traced, checked_in = _traced(citation, snap)
        rows.append(
            observation(
                indicator_id=ind.indicator_id,
                year=fig_year,
                period=period,
                country_iso3=country,
                country_name=_COUNTRY_NAMES.get(country, country),
                label_as_published=None,
                area_type="country",
                breakdown=breakdown,
                value=value,
                value_low=low,
                value_high=high,
                upper_bound=upper,
                qualifier=qualifier,
                unit=ind.unit,
                footnote=fig.get("note"),
                location=location,
                quote=quote,
                as_published=str(as_published),
                cited_url=citation.get("url"),
                cited_publication=citation.get("publication"),
                cited_publisher=citation.get("publisher"),
                traced_to=traced,
                checked_in=checked_in,
            )
        )
    if not rows:
        raise fail("no figures")
    df = frame(rows)
    _check_forms_cover_total(df, fail)
    return ParsedPublication(source_id, year, file, df, [], curated=True)


def _check_forms_cover_total(df, fail) -> None:
    """Per form of exploitation, victims can count twice (one victim, two forms): the forms
    must add up to at least the total, never less."""
    forms = {"sexual", "labour", "criminal", "other"}
    for (indicator, period), group in df.groupby(["indicator_id", "period"]):
        by = dict(zip(group.breakdown, group.value))
        if "total" in by and forms <= set(by):
            if sum(by[f] for f in forms) < by["total"]:
                raise fail(f"{indicator} {period}: the forms add up to less than the total {by['total']:.0f}")
