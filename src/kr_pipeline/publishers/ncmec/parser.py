"""NCMEC "CyberTipline Reports by Country" (annual PDF).

Layouts seen (spec/sources.md): header "Country Total Reports" (2019), "Country Number of
Reports" (2020), "Country / Territory Number of Reports" (2021), "Country / Territory Reports"
(2022-2023); 2019 prints two table columns per page; from 2024 each country has referral and
informational counts. The table is found by what it is, not by one header string: a line
that names the country column first and a count of reports after it, followed by rows of a
label and numbers, closed by a total row that must equal their sum. The no-country row is "No Country Listed*", "Null" or "null*",
the total row "TOTAL", "Total:" or "Total". Running headers and page numbers are mixed
into the extracted text.

The strong check: country rows + no-country row add up to the published total (per
breakdown: from 2024 the referral, the informational and the total column each add up to
the "Total" row's figure in that column), and from 2024 each row's referral + informational
equals its total ("-" counts nothing, in a row as in a column). If they don't, or the layout
is not recognised, the publication is refused.
"""

from __future__ import annotations

import re

from ...observations import ParsedPublication, frame, observation
from ...reading import countries
from ...reading.context import ParseContext, context_for
from ...reading.numbers import is_no_value, parse_count
from ...reading.pdftext import pdf_pages
from ...reading.tables import clean_label, collect_text_rows, fold

SOURCE_ID = "ncmec"
INDICATOR = "ncmec.cybertipline_reports"

# A header: the country column, then words naming a count of reports (no figures in it);
# repeated when two table columns stand side by side.
_HEADER_ONE = re.compile(r"^(?:country(?:\s*(?:/|or)\s*(?:territory|region))?(?:\s+[a-z]+){0,3}?\s+reports\s*)+$", re.I)
# 2024 layout: the header names referral and informational counts (and maybe a total), in
# any order: the columns are read in the order the header prints them.
_HEADER_SPLIT = re.compile(r"^country(?:\s*/\s*territory)?\b(?=.*\breferral)(?=.*\binformational)", re.I)
_SPLIT_COLUMN_WORDS = [("referral", "referral"), ("informational", "informational"), ("total", "total")]

_BOILERPLATE = [
    re.compile(r"^copyright\b", re.I),
    re.compile(r"^\d{1,3}$"),  # page numbers
    re.compile(r"^(?:\d{4}\s+)?(?:cybertipline\s+)?reports\s+by\s+country$", re.I),
    re.compile(r"^by\s+country$", re.I),
    re.compile(r"(?:missingkids|ncmec)\.org/", re.I),
]
_NO_COUNTRY = {"no country listed", "null", "unknown", "no country"}
_TOTAL = {"total", "total:", "grand total"}
_YEAR_STATED = re.compile(r"\b((?:19|20)\d\d)\s+(?:CyberTipline\s+)?Reports\b", re.I)


def _breakdown_columns(header: str) -> list[str]:
    """Breakdown names in the order the 2024+ header prints them."""
    folded = fold(header)
    found = [(folded.find(word), name) for word, name in _SPLIT_COLUMN_WORDS if word in folded]
    return [name for _, name in sorted(found)]


def _shown(value: int | None) -> str:
    return "-" if value is None else f"{value:,}"


def _area(label: str) -> tuple[str, str, str | None, str | None]:
    """(area_type, country_name, iso3, footnote) of a published row label."""
    footnote = "footnote mark '*' in the publication" if label.endswith("*") else None
    name = clean_label(label.rstrip("*"))
    key = fold(name)
    if key in _TOTAL or key.rstrip(":") in _TOTAL:
        return "total", "Total", None, footnote
    if key in _NO_COUNTRY:
        return "no_country", name, None, footnote
    if not countries.is_known(name):
        raise LookupError(countries.unknown_label_message(name))
    code = countries.iso3(name)
    if code:
        return "country", name, code, footnote
    return "other", name, None, footnote


def parse(data: bytes, year: int, file: str = "?", context: ParseContext | None = None) -> ParsedPublication:
    """Parse one NCMEC PDF into observations. Raises ParseError when anything is off."""
    try:
        pages = pdf_pages(data)
    except ValueError as exc:
        raise context_for(SOURCE_ID, year, file, context).fail(str(exc)) from None
    return parse_pages(pages, year, file)


def parse_pages(pages: list[str], year: int, file: str = "?") -> ParsedPublication:
    """Parse the extracted text of the PDF's pages (split out so tests can alter real text)."""
    fail = context_for(SOURCE_ID, year, file, None).fail

    text = "\n".join(pages)

    stated = {int(y) for y in _YEAR_STATED.findall(text)}
    if stated and stated != {year}:
        raise fail(f"the document states year(s) {sorted(stated)}, expected {year}")
    if not stated:
        raise fail("the document does not state its year ('YYYY CyberTipline Reports')")

    lines = [clean_label(ln) for ln in text.splitlines()]
    split_headers = [ln for ln in lines if _HEADER_SPLIT.match(ln)]
    if split_headers:
        breakdowns = _breakdown_columns(split_headers[0])
        if set(breakdowns) - {"total"} != {"referral", "informational"}:
            raise fail(f"unrecognised split header {split_headers[0]!r}")
        is_header = _HEADER_SPLIT.match
    elif any(_HEADER_ONE.match(ln) for ln in lines):
        breakdowns = ["total"]
        is_header = _HEADER_ONE.match
    else:
        raise fail(
            "layout not recognised: no table header naming the country column and a count of reports "
            "(such as 'Country Total Reports', 'Country / Territory Reports'), nor a referral/informational header"
        )

    def is_boilerplate(line: str) -> bool:
        return any(p.search(line) for p in _BOILERPLATE)

    rows, ignored = collect_text_rows(pages, is_header, is_boilerplate, ncells=len(breakdowns))
    if not rows:
        raise fail("table header found but no rows")

    observations = []
    seen: set[str] = set()
    totals: dict[str, int | None] = {}
    sums = {b: 0 for b in breakdowns}
    notes = []
    for row in rows:
        try:
            area_type, name, code, footnote = _area(row.label)
        except LookupError as exc:
            raise fail(f"page {row.page}: {exc}") from None
        if fold(name) in seen:
            raise fail(f"row {name!r} appears twice (page {row.page})")
        seen.add(fold(name))
        values: dict[str, int | None] = {}
        printed = dict(zip(breakdowns, row.cells))  # the cells as printed ("72,913", "-")
        for breakdown, cell in zip(breakdowns, row.cells):
            if is_no_value(cell):
                values[breakdown] = None
            else:
                try:
                    values[breakdown] = parse_count(cell, "en")
                except ValueError as exc:
                    raise fail(f"row {name!r} page {row.page}: {exc}") from None
        if len(breakdowns) > 1:
            # referral + informational = total per row; '-' counts nothing (as in the column
            # sums below), so a row with one count has that count as its total.
            parts = [values.get(b) for b in ("referral", "informational")]
            row_sum = None if all(v is None for v in parts) else sum(v or 0 for v in parts)
            if "total" not in values:
                values["total"] = row_sum
            elif row_sum != values["total"]:
                raise fail(
                    f"row {name!r} page {row.page}: referral {_shown(parts[0])} + "
                    f"informational {_shown(parts[1])} != total {_shown(values['total'])}"
                )
        if area_type == "total":
            if totals:
                raise fail(f"more than one total row (page {row.page})")
            totals = {b: v for b, v in values.items()}
        else:
            for b, v in values.items():
                if v is not None:
                    sums[b] = sums.get(b, 0) + v
        if area_type == "other":
            notes.append(f"label {name!r} is a listed non-country (kept, iso3 NULL)")
        for breakdown, value in values.items():
            observations.append(
                observation(
                    indicator_id=INDICATOR,
                    year=year,
                    country_iso3=code,
                    country_name=name,
                    label_as_published=row.label,
                    area_type=area_type,
                    breakdown=breakdown,
                    value=value,
                    qualifier="exact" if value is not None else "no_value",
                    unit="reports",
                    footnote=footnote if value is not None else "published as '-'",
                    location=f"page {row.page}",
                    as_published=printed.get(breakdown),  # None: a total summed from its parts
                )
            )

    if not totals:
        raise fail("no total row ('Total', 'Total:' or 'TOTAL') found")
    if not any(o["area_type"] == "no_country" for o in observations):
        raise fail("no row for reports without a country ('No Country Listed*', 'Null', 'null*')")
    for breakdown, total in totals.items():
        if total is None or sums.get(breakdown) != total:
            raise fail(
                f"rows add up to {sums.get(breakdown):,} {breakdown} reports, "
                f"but the published total is {total if total is None else format(total, ',')}; "
                f"ignored lines: {ignored[:5]}"
            )
    if ignored:
        notes.append(f"{len(ignored)} non-table lines ignored, e.g. {ignored[:3]!r}")
    return ParsedPublication(SOURCE_ID, year, file, frame(observations), notes)
