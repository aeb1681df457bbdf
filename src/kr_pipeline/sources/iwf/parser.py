"""IWF Annual (Data & Insights) Report: URLs hosted per country (HTML table).

The table is found by its header text ("Host country | Number of reports | % of total
number of reports | ..."), so it may move on the page or swap columns. "Top ten total" is an
aggregate and ".onion URL (Dark web)" a non-country row: both are kept, apart from countries.
"-" means no value.

Checks that refuse a page rather than load a shifted number: the aggregate equals the sum
of the rows above it, and every share is consistent (to rounding) with one world total
implied by the counts, which catches swapped or misread share columns.
"""

from __future__ import annotations

import re

from ...observations import ParsedPublication, frame, observation
from ...reading import countries
from ...reading.context import ParseContext, context_for
from ...reading.markup import soup_of
from ...reading.numbers import NumberFormatError, is_no_value, parse_count, parse_percent
from ...reading.tables import find_html_table, fold

SOURCE_ID = "iwf"
COUNT_INDICATOR = "iwf.hosted_urls"
SHARE_INDICATOR = "iwf.hosted_urls_share"

COLUMNS = {
    "country": ["Host country", "Hosting country", "Country"],
    "count": ["Number of reports", "Number of URLs", "Reports", "URLs"],
    "share": ["% of total number of reports", "% of total", "% of reports", "% of URLs"],
}
_AGGREGATES = {"top ten total", "top 10 total", "total"}
_TOP = 10  # rows above the aggregate
# The report year as the page's title and headings state it: "Annual Data & Insights Report
# 2024", "Annual Report 2022" (body text mentions other years: "up from ... in 2023").
_YEAR_STATED = re.compile(r"\breport\s+((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s+annual\b", re.I)


def _stated_years(html: str) -> set[int]:
    soup = soup_of(html)
    heads = " ".join(t.get_text(" ") for t in soup.find_all(["title", "h1", "h2", "caption"]))
    return {int(a or b) for a, b in _YEAR_STATED.findall(heads)}


def _implied_total_bounds(rows: list[tuple[str, int, float]]) -> tuple[float, float]:
    """The interval of world totals T for which every share equals round(100*count/T)."""
    low, high = 0.0, float("inf")
    for _, count, share in rows:
        if count == 0:
            continue
        if share > 0:
            low = max(low, 100 * count / (share + 0.5))
            high = min(high, 100 * count / (share - 0.5)) if share > 0.5 else high
        else:
            low = max(low, 100 * count / 0.5)
    return low, high


def parse(data: bytes, year: int, file: str = "?", context: ParseContext | None = None) -> ParsedPublication:
    ctx = context_for(SOURCE_ID, year, file, context)
    fail = ctx.fail
    html = ctx.text(data, ("utf-8", "cp1252"))
    if "<table" not in html.lower():
        raise fail("no HTML table on the page (layout changed, or not the hosting page)")
    stated = _stated_years(html)
    if not stated:
        raise fail("the page's title and headings do not state its report year ('Annual Data & Insights Report YYYY')")
    if stated != {year}:
        raise fail(f"the page states year(s) {sorted(stated)}, but is registered as {year}: register it under its own year")
    try:
        table = find_html_table(html, COLUMNS)
    except LookupError as exc:
        raise fail(f"hosting table not found: {exc}") from None
    location = f"table {table.index + 1} ('{table.caption or 'Host country'}')"

    observations = []
    notes: list[str] = []
    seen: set[str] = set()
    above: list[int] = []  # counts of rows above the aggregate row
    aggregate_checked = False
    share_rows: list[tuple[str, int, float]] = []
    for row in table.rows:
        label = row["country"]
        key = fold(label)
        if not label:
            raise fail(f"row without a country label: {row}")
        if key in seen:
            raise fail(f"row {label!r} appears twice")
        seen.add(key)
        try:
            count = None if is_no_value(row["count"]) else parse_count(row["count"], "en")
            share = None if is_no_value(row["share"]) else parse_percent(row["share"])
        except NumberFormatError as exc:
            raise fail(f"row {label!r}: {exc}") from None
        if share is not None and not 0 <= share <= 100:
            raise fail(f"row {label!r}: share {share}% outside 0-100")

        if key in _AGGREGATES:
            area_type, code = "aggregate", None
            if count is not None and not aggregate_checked:
                if sum(above) != count:
                    raise fail(f"'{label}' is {count:,} but the {len(above)} rows above it add up to {sum(above):,}")
                aggregate_checked = True
        else:
            if not countries.is_known(label):
                raise fail(countries.unknown_label_message(label))
            code = countries.iso3(label)
            area_type = "country" if code else "other"
            if count is not None:
                if not aggregate_checked:
                    above.append(count)
                if share is not None:
                    share_rows.append((label, count, share))
        common = dict(
            year=year,
            country_iso3=code,
            country_name=label,
            label_as_published=label,
            area_type=area_type,
            breakdown="total",
            location=location,
        )
        for indicator, value, unit in (
            (COUNT_INDICATOR, count, "URLs"),
            (SHARE_INDICATOR, share, "percent"),
        ):
            observations.append(
                observation(
                    indicator_id=indicator,
                    value=value,
                    unit=unit,
                    qualifier="exact" if value is not None else "no_value",
                    footnote=None if value is not None else "published as '-'",
                    **common,
                )
            )
    if not observations:
        raise fail("hosting table has no rows")
    low, high = _implied_total_bounds(share_rows)
    if low > high:
        raise fail("shares do not match the counts (no single world total fits every row): columns swapped or misread")
    if not aggregate_checked:
        raise fail("no 'Top ten total' row: the table is cut short or changed (its sum check cannot be made)")
    if len(above) != _TOP:
        raise fail(f"{len(above)} rows above 'Top ten total', expected {_TOP}: the table is cut short or changed")
    if not any(o["area_type"] == "country" for o in observations):
        raise fail("no country rows recognised in the hosting table")
    return ParsedPublication(SOURCE_ID, year, file, frame(observations), notes)
