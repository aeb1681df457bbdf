"""IWF Annual (Data & Insights) Report: URLs hosted per country (HTML table).

The table is found by what its columns mean, not by one year's wording: a host country, a
count of reports or URLs ("Number of reports", "Number of URLs") and a share of the total
("% of total number of reports", "% of Total Number of URLs"). Other columns (last year's
share, the point change, an unlabeled trend-arrow column) are optional and not loaded: the
catalog has no indicator for them. Rows are countries or listed non-countries
(src/kr_pipeline/data/country_aliases.yaml): ".onion URL (Dark web)" (area_type `other`),
"Child Reporting Service" (reports without a hosting location: `no_country`), "Top ten total"
(`aggregate`) and "Total" (`total`). "-" means no value.

Completeness is checked by what the page itself states, and a page is refused rather than
loaded short:
- a "Top ten total" row equals the sum of the ten rows above it;
- a "Total" row, or a total stated in the page's prose ("a breakdown of all criminal URLs ...
  (310,437 in 2025)"), equals the sum of all rows (rows of reports without a URL, such as the
  Child Reporting Service, may stand outside a stated URL total); rows that fall short of it
  are a cut table and refused;
- every share fits its count to rounding: against the stated total, and in any case one world
  total must fit every row (which catches swapped or misread share columns).
A table with no stated total loads with a note that its completeness could not be checked.
A number in the prose counts as the stated total only where its sentence names the table's
measure (URLs, reports, webpages) as a whole ("all", "total", "breakdown"): "we confirmed
291,273 reports" is a figure, not the total of the table below it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from html import escape

from bs4 import Tag

from ...errors import ParseError
from ...observations import ParsedPublication, frame, observation
from ...reading import countries
from ...reading.context import ParseContext, context_for
from ...reading.markup import soup_of
from ...reading.numbers import NumberFormatError, is_no_value, parse_count, parse_percent
from ...reading.prose import (
    NOTE_MARK,
    YEAR,
    Candidate,
    Document,
    StatedTwice,
    agrees,
    national_frame,
    national_rows,
    one_per_series,
    read_document,
    rounded_take_their_figures_period,
    text_tables,
    voice_of,
)
from ...reading.prose import waiting as waiting_of
from ...reading.tables import clean_label, fold, span_grid
from ...vocabulary import Voice
from . import prose

SOURCE_ID = "iwf"
COUNT_INDICATOR = "iwf.hosted_urls"
SHARE_INDICATOR = "iwf.hosted_urls_share"

# The count column: a count of reports or URLs, nothing else ("Number of webpages", "Domains"
# are other measures and do not make a hosting table).
# A column may name both of IWF's words for what it counts: "URLs/reports", "Url's of meldingen".
_EN_COUNTED = r"(?:reports|urls?)"
_NL_COUNTED = r"(?:url['’]?s|webpagina['’]?s|webadressen|meldingen)"
_COUNT_HEADER = re.compile(
    rf"^(?:(?:total )?number of |no\.? of |total )?(?:criminal )?{_EN_COUNTED}(?:\s*(?:/|or|and)\s*{_EN_COUNTED})?"
    r"(?: \(urls\))?(?: (?:hosted|actioned|confirmed|found|traced|assessed))?$"
    # (in Dutch: "Aantal url's", "Aantal webpagina's", "Url's")
    rf"|^(?:(?:totaal )?aantal )?{_NL_COUNTED}(?:\s*(?:/|of|en)\s*{_NL_COUNTED})?(?: \w+)?$"
    # (a bare "number" beside its "% of total" in a table of host countries: "2024: number")
    r"|^(?:number|count|aantal)$"
)
# The country column: "Host country", "Hosting country", "Country", "Hosting location" (not
# "EU Member State": a table of a part of the world is not the hosting table).
_COUNTRY_HEADER = re.compile(r"\bcountry\b|^host(?:ing)? location$")
_PERCENT_WORDS = re.compile(r"%|\b(?:share|percent|percentage|proportion|aandeel|procent)\b")
_LAST_YEAR = re.compile(
    r"\b(?:last|previous|prior|preceding) year\b|\ba year (?:earlier|before|ago)\b|\byear before\b|\bin (?:19|20)\d\d\b"
)
_CHANGE = re.compile(r"\b(?:change|trend|difference)\b")
_TOP_N = re.compile(r"^top (\d+|ten|twenty|five|fifteen) total$")
_TOP_WORDS = {"five": 5, "ten": 10, "fifteen": 15, "twenty": 20}
_WHOLE_TOTALS = {
    "total",
    "grand total",
    "world total",
    "global total",
    "overall total",
    "all countries",
    "total (all countries)",
    "all countries (total)",
}
# Rows of reports that carry no URL and so no hosting location (not a place).
_NO_LOCATION = {"child reporting service", "child reporting services", "report remove"}
# The report year as the page's title and headings state it: "Annual Data & Insights Report
# 2024", "Annual Report 2022" (body text mentions other years: "up from ... in 2023").
_YEAR_STATED = re.compile(r"\breport\s+((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s+annual\b", re.I)
# how many a caption says a table lists ("the ten countries ...", "Top 20 ...")
_HOW_MANY = r"(?:three|four|five|six|seven|eight|nine|ten|fifteen|twenty|\d{1,2})"
# A page that says its table lists part of the world (the rest elsewhere, below a threshold).
_PARTIAL_NOTE = re.compile(
    r"\b(?:listed|shown|given|included) (?:in|on) (?:the|an|our) (?:appendix|annex|full data|data explorer)\b"
    r"|\b(?:fewer than|less than|under) [\d,.]+ (?:reports|urls|webpages)\b[^.]{0,60}\b(?:appendix|annex|not (?:shown|listed)|elsewhere)\b"
    r"|\bnot (?:all|every) (?:countries|hosting countries) (?:are|is) (?:shown|listed)\b"
    # (a caption that says it lists the largest hosts only: "the ten countries hosting the most URLs
    # we actioned", "Top ten hosting countries")
    rf"|\btop {_HOW_MANY} (?:hosting )?(?:countries|hosts)\b"
    rf"|\b{_HOW_MANY} (?:countries|hosts) (?:hosting|with) the most\b",
    re.I,
)
# A stated total in prose: a whole count (not a year, not a percentage) in a sentence naming
# the measure as a whole.
_PROSE_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+|\d+)(?![\d%]|[.,]\d)")
_MEASURE = re.compile(r"\b(?:urls?|webpages?|reports?)\b", re.I)
_WHOLE = re.compile(r"\b(?:all|total|in total|altogether|breakdown)\b", re.I)
_PROSE_TAGS = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote", "dd"]


def _stated_years(soup) -> set[int]:
    """The report year the title and headings state; else the one year a table's caption names
    ("Top five host countries for child sexual abuse URLs in 2024")."""
    heads = " ".join(t.get_text(" ") for t in soup.find_all(["title", "h1", "h2", "caption"]))
    stated = {int(a or b) for a, b in _YEAR_STATED.findall(heads)}
    if not stated:
        for caption in soup.find_all("caption"):
            years = {int(y) for y in re.findall(r"(?<![\d.,])((?:19|20)\d\d)(?![\d])", caption.get_text(" "))}
            if len(years) == 1:
                stated |= years
    return stated


def _column_kind(header: str) -> str:
    """What a header cell means: country, count, share, or an optional column (ignored)."""
    text = fold(header)
    if not text:
        return "blank"  # e.g. the trend-arrow column
    if _COUNTRY_HEADER.search(text):
        return "country"
    if _PERCENT_WORDS.search(text):
        if _LAST_YEAR.search(text):
            return "share_last_year"
        if _CHANGE.search(text):
            return "change"
        return "share"
    if _CHANGE.search(text):
        return "change"
    if _COUNT_HEADER.match(text):
        return "count"
    return "other"


@dataclass
class _Group:
    """One count and share column pair; `year` when a header row above names the year they are
    of ("2030 | 2029" over "URLs | Share | URLs | Share"), else None (the edition's year)."""

    year: int | None
    count: int
    share: int


@dataclass
class _Table:
    index: int
    caption: str
    country_header: str
    headers: list[str]
    rows: list[list[str]]
    tag: Tag
    country: int = 0
    groups: list[_Group] = field(default_factory=list)
    last_year: int | None = None  # the column of last year's share ("% Last Year", "Share a year earlier")
    earlier_shares: list[tuple[int, int]] = field(default_factory=list)  # (column, year) of a share headed by an earlier year


_YEAR_CELL = re.compile(r"((?:19|20)\d\d)")
# (after the words, "Number of URLs (2024)"; or before them, "2024: number", "2025 – % of total")
_HEADER_YEAR = re.compile(r"\s*\(?\b((?:19|20)\d\d)\)?\s*$|^\s*\(?((?:19|20)\d\d)\)?\s*[:\-\u2013]\s*")


def _find_hosting_table(soup) -> _Table:
    matches: list[_Table] = []
    problems: list[str] = []
    for index, table in enumerate(soup.find_all("table")):
        grid = span_grid(table)
        for i, headers in enumerate(grid):
            # a header may carry its year itself: "Number of URLs (2024)", "% of all URLs (2023)"
            own_years = [_HEADER_YEAR.search(h) for h in headers]
            kinds = [_column_kind(_HEADER_YEAR.sub("", h) if y else h) for h, y in zip(headers, own_years, strict=True)]
            if "country" not in kinds:
                continue
            above = grid[i - 1] if i > 0 else []
            years = [
                int(m.group(1))
                if j < len(above) and (m := _YEAR_CELL.fullmatch(above[j]))
                else (int(own_years[j].group(1) or own_years[j].group(2)) if own_years[j] else None)  # type: ignore[union-attr]
                for j in range(len(headers))
            ]
            by_year: dict[int | None, dict[str, list[int]]] = {}
            for j, kind in enumerate(kinds):
                if kind in ("count", "share"):
                    by_year.setdefault(years[j], {"count": [], "share": []})[kind].append(j)
            # a share of another year beside the table's count and share ("% of all URLs (2023)"):
            # no column group of its own; its Netherlands value waits in review under its year
            earlier = [
                (j, y)
                for y, g in by_year.items()
                if y is not None and not g["count"] and len(g["share"]) == 1
                for j in g["share"]
            ]
            if earlier and len(by_year) - len(earlier) >= 1:
                for _, y in earlier:
                    del by_year[y]
            else:
                earlier = []
            if not any(g["count"] for g in by_year.values()) or not any(g["share"] for g in by_year.values()):
                continue  # a table about something else (domains, continents, years)
            ambiguous = [
                f"{k}{f' ({y})' if y else ''}: {[headers[j] for j in js]}"
                for y, g in by_year.items()
                for k, js in g.items()
                if len(js) > 1
            ]
            countries = [j for j, kind in enumerate(kinds) if kind == "country"]
            if len(countries) > 1:
                ambiguous.insert(0, f"country: {[headers[j] for j in countries]}")
            if ambiguous:
                problems.append(f"table {index + 1} has more than one column of one meaning ({'; '.join(ambiguous)})")
                break
            lacking = [y for y, g in by_year.items() if not (g["count"] and g["share"])]
            if lacking or (None in by_year and len(by_year) > 1):
                problems.append(
                    f"table {index + 1}: its count and share columns do not pair up by year "
                    f"({', '.join(str(y or 'no year') for y in by_year)})"
                )
                break
            groups = [_Group(y, g["count"][0], g["share"][0]) for y, g in by_year.items()]
            last = [j for j, kind in enumerate(kinds) if kind == "share_last_year"]
            needed = max([countries[0]] + [j for g in groups for j in (g.count, g.share)])
            rows = []
            for cells in grid[i + 1 :]:
                if not any(cells):
                    continue
                if len(cells) <= needed:
                    raise LookupError(f"table {index + 1}: row {cells!r} has fewer cells than the header")
                rows.append(cells)
            caption_tag = table.find("caption")
            caption = clean_label(caption_tag.get_text(" ")) if caption_tag else ""
            matches.append(
                _Table(
                    index,
                    caption,
                    headers[countries[0]],
                    headers,
                    rows,
                    table,
                    countries[0],
                    groups,
                    last[0] if len(last) == 1 else None,
                    earlier,
                )
            )
            break
    if problems:
        raise LookupError("; ".join(problems))
    if not matches:
        raise LookupError(
            "no table with a host country column, a count of reports or URLs ('Number of reports', "
            "'Number of URLs') and a share of the total ('% of total number of reports')"
        )
    if (
        len(matches) > 1
        and all(m.headers == matches[0].headers for m in matches)
        and all(_CONTINUED.search(m.caption) for m in matches)
    ):
        # one table shown in parts ("Table 1 (part 1 of 2)", "... (part 2 of 2, continued)"): its rows together
        return dataclasses.replace(matches[0], rows=[row for m in matches for row in m.rows])
    if len(matches) > 1:
        raise LookupError(f"{len(matches)} tables have a host country, a count and a share column; expected one")
    return matches[0]


# A caption that says its table is one part of a table shown in parts.
_CONTINUED = re.compile(r"\bpart \d+ of \d+\b|\bcontinued\b|\(cont\.?\)|\bvervolg\b|\bdeel \d+ van \d+\b", re.I)


def _stated_totals(soup, table: _Table, largest: int) -> list[tuple[int, str]]:
    """(total, sentence) for each whole count the page's prose states for the table's measure."""
    texts = [table.caption] if table.caption else []
    for tag in soup.find_all(_PROSE_TAGS):
        if tag.find_parent("table") is None and not tag.find(_PROSE_TAGS):
            texts.append(clean_label(tag.get_text(" ")))
    found: list[tuple[int, str]] = []
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if not (_MEASURE.search(sentence) and _WHOLE.search(sentence)):
                continue
            for m in _PROSE_NUMBER.finditer(sentence):
                digits = re.sub(r"\D", "", m.group(1))
                if len(digits) == 4 and 1900 <= int(digits) <= 2100 and not re.search(r"\D", m.group(1)):
                    continue  # a year
                if re.match(r"\s*(?:of|van)\s+(?:the\s+|de\s+|all\s+|alle\s+)?\d", sentence[m.end() :], re.I):
                    continue  # a part of the whole named after it ("(181,112 of 291,273)"), not the whole
                if re.match(
                    r"\s*[,(]?\s*(?:or|ofwel|oftewel|dat is|some|about)?\s*\d[\d.,]*\s*(?:%|per ?cent|procent)",
                    sentence[m.end() :],
                    re.I,
                ):
                    continue  # a part with its share of the whole ("numbered 181,112, or 62% of the total")
                if re.match(
                    r"[^.;:()]{0,80}?\b(?:traced to|hosted (?:in|on)|(?:to|on) servers in|naar servers in|herleid (?:naar|tot))\b",
                    sentence[m.end() :],
                    re.I,
                ) and not re.search(r"\b(?:of|van)\s+(?:the\s+|de\s+|all\s+|alle\s+)?$", sentence[: m.start()], re.I):
                    continue  # a part hosted somewhere ("We traced 83,037 reports to servers in the Netherlands ... – 29% of the total")
                value = int(digits)
                if value >= largest and value not in {v for v, _ in found}:
                    found.append((value, sentence))
    return found


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


def _top_n(key: str) -> int | None:
    m = _TOP_N.match(key)
    if not m:
        return None
    word = m.group(1)
    return int(word) if word.isdigit() else _TOP_WORDS[word]


_REMAINDER = re.compile(
    r"^(?:all )?(?:other|remaining) (?:countries|locations|hosts|hosting locations)(?: and (?:other )?(?:services|territories|locations|countries))?"
    r"(?: \(\d+\))?$|^rest of the world$"
)


def _hosting_table_of_text(text: str, title: str) -> str | None:
    """A plain text's table laid out in columns with a host-country column (the annual report's PDF:
    "Table 12: Host countries of the reports we actioned, 2024" over "Host country   Number of
    reports   % of total number of reports ..."), as markup the hosting-table reader reads (every
    word escaped: a publication's text is never markup), or None."""
    for caption, rows in text_tables(text):
        if rows and "country" in [_column_kind(fold(h)) for h in rows[0]]:
            cells = "".join(
                "<tr>" + "".join(f"<{tag}>{escape(c)}</{tag}>" for c in row) + "</tr>"
                for tag, row in (("th" if n == 0 else "td", row) for n, row in enumerate(rows))
            )
            return (
                f"<html><head><title>{escape(title)}</title></head><body><h1>{escape(title)}</h1>"
                f"<table><caption>{escape(caption)}</caption>{cells}</table></body></html>"
            )
    return None


def parse(data: bytes, year: int, file: str = "?", context: ParseContext | None = None) -> ParsedPublication:
    ctx = context_for(SOURCE_ID, year, file, context)
    fail = ctx.fail
    html = ctx.text(data, ("utf-8", "cp1252"))
    document = read_document(data)  # (once: the prose readers below take it)
    if "<table" not in html.lower():
        # a plain text (a PDF's) may lay the hosting table out in columns: read as the table it is
        markup = _hosting_table_of_text(html, document.title)
        if markup is None:
            return _prose(ctx, year, html, document)
        html = markup
    if (
        ctx.url
        and ctx.own_hosts
        and not _IWF_REPORT_TITLE.search(document.title)
        and voice_of(document, ctx.url, ctx.own_hosts, prose.OWN_NAMES, ctx.voice) != Voice.OWN
    ):
        # a table in another voice (a newspaper's reprint of IWF's top five, an encyclopedia's table
        # of the Netherlands over the years) is no hosting table of IWF's: read as prose and cells,
        # its figures wait in review with their readings (a page known only by its file, from a source
        # whose own hosts are not configured, or whose title names IWF's annual report, "Geographical
        # hosting | IWF Annual Data & Insights Report 2024", is read as the hosting page it is
        # registered as: the report presenting itself, wherever its copy was kept)
        return _prose(ctx, year, html, document)
    soup = soup_of(html)
    stated = _stated_years(soup)
    if not stated:
        return _prose_beside(
            ctx,
            year,
            html,
            document,
            "the page's title and headings do not state its report year ('Annual Data & Insights Report YYYY')",
        )
    if stated != {year}:
        raise fail(f"the page states year(s) {sorted(stated)}, but is registered as {year}: register it under its own year")
    try:
        table = _find_hosting_table(soup)
    except LookupError as exc:
        return _prose_beside(ctx, year, html, document, f"hosting table not found: {exc}")
    location = f"table {table.index + 1} ('{table.caption or table.country_header}')"
    years = [g.year for g in table.groups if g.year is not None]
    if years and (year not in years or max(years) > year):
        raise fail(f"the hosting table's columns are headed {sorted(years)}, but the page is the {year} edition")

    observations: list[dict] = []
    notes: list[str] = []
    candidates: list[dict] = []
    for group in sorted(table.groups, key=lambda g: -(g.year or year)):
        period = group.year or year
        where = location if group.year is None else f"{location}, columns '{group.year}'"
        rows = _read_group(ctx, soup, table, group, period, year, where, notes)
        observations += rows
    if table.last_year is not None:
        candidates += _last_year_shares(table, year, location)
    candidates += _earlier_shares(table, year, location)
    voice = _prose_around(ctx, year, document, observations, candidates)
    return ParsedPublication(SOURCE_ID, year, file, frame(observations), notes, candidates=candidates, voice=voice)


def _prose_around(ctx: ParseContext, year: int, document: Document, observations: list[dict], candidates: list[dict]) -> str:
    """The prose around the hosting table: what it states of the Netherlands by itself and the
    table does not ("The Dutch share has fallen from 33% in 2023 and from a peak of 77% in 2020")
    is added, in IWF's own voice; what restates a table row must agree with it (a rounded
    restatement is dropped, a different number refuses the page); the rest waits in review."""
    voice = voice_of(document, ctx.url, ctx.own_hosts, prose.OWN_NAMES, ctx.voice)
    reader = prose.Reader(document, voice, _report_year(document))
    reader.needs_organisation = False  # (the prose beside IWF's own table: checked against its rows)
    reader.read(year, cells=False)
    rounded_take_their_figures_period(reader.candidates, reader.figures)
    try:
        chosen = one_per_series(reader.figures, reader.candidates)
    except StatedTwice as exc:
        raise ctx.fail(str(exc), candidates=candidates + reader.candidates, voice=str(voice)) from None
    in_table = {(o["indicator_id"], str(o["period"] or o["year"])): o for o in observations if o.get("country_iso3") == "NLD"}
    added = []
    for fig in chosen:
        row = in_table.get((fig["indicator_id"], fig["period"]))
        if row is None:
            added.append(fig)
        elif float(row["value"]) != fig["value"] and not agrees(
            fig, {"value": float(row["value"]), "qualifier": "exact", "text_part": "table", "as_published": ""}
        ):
            raise ctx.fail(
                f"{fig['indicator_id']} {fig['period']} is stated twice with different values: {float(row['value']):g} "
                f"(the hosting table) and {fig['value']:g} ({fig['location']}: {fig['as_published']!r})",
                candidates=candidates + reader.candidates,
                voice=str(voice),
            )
    observations += national_rows(added)
    candidates += reader.candidates
    return str(voice)


_YEAR_HEADER = re.compile(r"^(?:year|jaar)$")
# A title naming IWF's annual report: "... | IWF Annual Data & Insights Report 2024", "Annual Report 2017 | Internet Watch Foundation"
_IWF_REPORT_TITLE = re.compile(
    r"\b(?:IWF|Internet Watch Foundation)\b.*\bAnnual (?:Data (?:&|and) Insights )?Report\b"
    r"|\bAnnual (?:Data (?:&|and) Insights )?Report\b.*\b(?:IWF|Internet Watch Foundation)\b",
    re.I,
)


def _report_year(document: Document) -> int | None:
    """The year of the IWF annual report whose page this is, when its title says so ("Our year at a
    glance | IWF Annual Report 2021"): one year in a title naming IWF's annual report."""
    if not _IWF_REPORT_TITLE.search(document.title):
        return None
    years = set(YEAR.findall(document.title))
    return int(years.pop()) if len(years) == 1 else None


# what a count column of a table of the Netherlands says once the country is taken off ("Aantal
# (Nederland)", "Netherlands", "Traced to the Netherlands", "Gehost in Nederland")
_COUNT_OF_THE_NETHERLANDS = {
    "aantal",
    "number",
    "count",
    "netherlands",
    "the netherlands",
    "nederland",
    "traced",
    "hosted",
    "found",
    "herleid",
    "getraceerd",
    "gehost",
}


def _measure_of(header: str) -> str:
    """count, share or other, for a header of a table of the Netherlands ("URLs hosted in the
    Netherlands": the caption's country said again)."""
    # (or in brackets: "Aantal (Nederland)")
    # (or traced to it: "Traced to the Netherlands", "Herleid naar Nederland")
    said = re.sub(
        r"\s+(?:in|to|naar) (?:the )?netherlands$|\s+(?:in|naar|tot) nederland$|\s*\((?:the )?(?:netherlands|nederland|nl)\)$",
        "",
        fold(header),
    )
    if said in _COUNT_OF_THE_NETHERLANDS:
        # ("Year | Netherlands | Share of IWF total" under a caption of what the Netherlands hosted)
        return "count"  # ("Aantal in Nederland" under a caption of URLs hosted in the Netherlands)
    if re.fullmatch(r"(?:number of )?(?:web ?pages|pages)(?: (?:hosted|confirmed|found|traced))?", said):
        return "count"  # ("Webpages hosted in the Netherlands": IWF's word for URLs until 2020)
    return _column_kind(said)


def _year_cells(grid: list[list[str]]) -> list[tuple[int, str, str, str]]:
    """(year, count|share, printed, where) for each cell of a table of the Netherlands over the
    years: years down a "Year" column with a count and a share column, or years across the
    header row with a count row and a share row (other rows, "All URLs we confirmed", are the
    world's and not read). Nothing when the table is neither, or names a measure twice."""
    headers = grid[0]
    out: list[tuple[int, str, str, str]] = []
    kinds = ["year" if _YEAR_HEADER.match(fold(h)) else _measure_of(h) for h in headers]
    if kinds.count("year") == 1:
        if kinds.count("count") > 1 or kinds.count("share") > 1:
            return []
        at = kinds.index("year")
        for cells in grid[1:]:
            m = _YEAR_CELL.fullmatch(cells[at]) if at < len(cells) else None
            for j, kind in enumerate(kinds):
                if m and kind in ("count", "share") and j < len(cells):
                    out.append((int(m.group(1)), kind, cells[j], f"row '{m.group(1)}', column '{headers[j]}'"))
        return out
    years = [_YEAR_CELL.fullmatch(h) for h in headers[1:]]
    if not years or not all(years):
        return []
    labels = [_measure_of(row[0]) for row in grid[1:]]
    if labels.count("count") > 1 or labels.count("share") > 1:
        return []
    for row, kind in zip(grid[1:], labels, strict=True):
        if kind not in ("count", "share"):
            continue
        for j, m in enumerate(years, start=1):
            if m and j < len(row):
                out.append((int(m.group(1)), kind, row[j], f"row '{row[0]}', column '{m.group(1)}'"))
    return out


def _captioned_tables(html: str) -> list[tuple[str, list[list[str]]]]:
    """The page's tables with their captions: an HTML table's caption, or the heading right above
    it (nothing between: a heading further up may be about something else than the table's rows);
    a plain text's tables laid out in columns, under the line that captions them."""
    tables = []
    for table in soup_of(html).find_all("table"):
        before = table.find_previous_sibling()
        figure = table.find_parent("figure")
        caption_tag = (
            table.find("caption")
            or (before if before is not None and before.name in ("h2", "h3", "h4", "h5") else None)
            # (a chart's table in a figure: "<figure><figcaption>Aandeel Nederland ...</figcaption><table>")
            or (figure.find("figcaption") if figure is not None else None)
        )
        caption = clean_label(caption_tag.get_text(" ")) if caption_tag else ""
        tables.append((caption, [row for row in span_grid(table) if any(row)]))
    return tables + [(caption, [[clean_label(c) for c in row] for row in rows]) for caption, rows in text_tables(html)]


def _years_table(html: str, voice: str, year: int, lang: str) -> tuple[list[dict], list[dict]]:
    """A table of the Netherlands over the years ("The Netherlands over time"; _year_cells): each
    cell's figure for its year, as figures (in IWF's own voice) or candidates. Only a table
    whose caption (or heading) names the Netherlands. lang: the document's language, whose digit
    groups its cells are written in ("117.544" in Dutch)."""
    figures: list[dict] = []
    waiting: list[dict] = []
    style = "nl" if lang == "nl" else "en"
    for index, (caption, grid) in enumerate(_captioned_tables(html)):
        if not prose.names_the_netherlands(caption):
            continue
        for period, kind, printed, where_in in _year_cells(grid) if grid else []:
            if is_no_value(printed):
                continue
            try:
                # (a share column's bare numbers are percentages: "Aandeel ... (%)" over "37")
                share = printed if "%" in printed else f"{printed}%"
                value = float(parse_count(printed, style) if kind == "count" else parse_percent(share))
            except NumberFormatError:
                continue
            indicator = COUNT_INDICATOR if kind == "count" else SHARE_INDICATOR
            where = f"table {index + 1} ('{caption}'), {where_in}"
            if voice == "own" and period <= year:
                figures.append(prose.figure(indicator, value, printed, str(period), year, where, quote=None, text_part="table"))
            else:
                why = "IWF's figure as someone else reports it" if voice != "own" else "its year is after the edition's"
                waiting.append(Candidate(where, printed, value, why, indicator, "total", str(period), "exact", where).as_dict())
    return figures, waiting


def _prose(ctx: ParseContext, year: int, html: str, document: Document) -> ParsedPublication:
    """A page without a table: the Netherlands' figures in its prose (publishers/iwf/prose.py).
    Figures load only in IWF's own voice and by the clause's own words; the rest wait in review,
    and a page with nothing to load is refused with them (the review queue keeps them)."""
    voice = voice_of(document, ctx.url, ctx.own_hosts, prose.OWN_NAMES, ctx.voice)
    reader = prose.Reader(document, voice, _report_year(document))
    over_time, over_time_waiting = _years_table(html, str(voice), year, document.language)
    reader.read(year, cells=not over_time and not over_time_waiting)
    reader.figures += over_time
    reader.candidates += over_time_waiting
    rounded_take_their_figures_period(reader.candidates, reader.figures)
    try:
        chosen = one_per_series(reader.figures, reader.candidates)
    except StatedTwice as exc:
        refused = reader.candidates + waiting_of(reader.figures, f"the page is refused: {exc}")
        raise ctx.fail(str(exc), candidates=refused, voice=str(voice)) from None
    if not chosen:
        waiting = f": {len(reader.candidates)} candidate(s) wait in review" if reader.candidates else ""
        tables = "<table" in html.lower()
        raise ctx.fail(
            (
                f"its tables are not IWF's own (voice: {voice}): read as text, no figure of the Netherlands loads by itself"
                if tables and voice != Voice.OWN
                else f"no HTML table on the page, and its text states no figure of the Netherlands that loads by itself "
                f"(voice: {voice})"
            )
            + waiting,
            candidates=reader.candidates,
            voice=str(voice),
        )
    return ParsedPublication(
        SOURCE_ID, year, ctx.file, national_frame(chosen), [], candidates=reader.candidates, voice=str(voice)
    )


def _prose_beside(ctx: ParseContext, year: int, html: str, document: Document, why_not_the_table: str) -> ParsedPublication:
    """A page whose table is not the hosting table as this parser knows it (a news release's top
    five without a report year, a table of shares only): its table is not read, and its prose is
    read as a page without a table would be. What the prose states by itself loads (in IWF's own
    voice), with a note that the table was not read; a page whose prose loads nothing is refused
    for its table, its prose's numbers waiting in review."""
    try:
        parsed = _prose(ctx, year, html, document)
    except ParseError as exc:
        waiting = f"; {len(exc.candidates)} candidate(s) from its text wait in review" if exc.candidates else ""
        raise ctx.fail(why_not_the_table + waiting, candidates=exc.candidates, voice=exc.voice) from None
    parsed.notes.append(
        f"the page's table was not read as the hosting table ({why_not_the_table}); figures from its text and its cells read as text"
    )
    return parsed


def _netherlands_share(table: _Table, column: int, period: int, why: str, location: str) -> list[dict]:
    """The Netherlands' share in one column of the hosting table as a review candidate under the
    given period (the catalog holds no other place's share outside the table's own columns)."""
    header = table.headers[column]
    out = []
    for cells in table.rows:
        if not (countries.is_known(cells[table.country]) and countries.iso3(cells[table.country]) == "NLD"):
            continue
        printed = cells[column] if column < len(cells) else ""
        if not printed or is_no_value(printed):
            continue
        try:
            value = parse_percent(printed)
        except NumberFormatError:
            continue
        out.append(
            Candidate(
                " ".join(c for c in cells if c),
                printed,
                value,
                why,
                SHARE_INDICATOR,
                "total",
                str(period),
                "exact",
                f"{location}, column '{header}'",
            ).as_dict()
        )
    return out


def _earlier_shares(table: _Table, year: int, location: str) -> list[dict]:
    """The Netherlands' share in a column headed by another year than the table's ("% of all URLs
    (2023)"): proposed under that year, never loaded (the table's completeness checks are of its
    own year's counts)."""
    return [
        candidate
        for column, period in table.earlier_shares
        for candidate in _netherlands_share(
            table,
            column,
            period,
            f"a share of {period} beside the {year} table (column '{table.headers[column]}'): proposed under its year",
            location,
        )
    ]


def _last_year_shares(table: _Table, year: int, location: str) -> list[dict]:
    """The Netherlands' share in the "% Last Year" column: its period is only relative (counted
    from the page's date it would even name the edition's year), so it waits in review, proposed
    for the year before the edition. Other places are outside the catalog."""
    assert table.last_year is not None
    header = table.headers[table.last_year]
    why = f"the column '{header}' gives the year only relatively: proposed as the year before the {year} edition"
    return _netherlands_share(table, table.last_year, year - 1, why, location)


def _read_group(
    ctx: ParseContext, soup, table: _Table, group: _Group, period: int, year: int, location: str, notes: list[str]
) -> list[dict]:
    """The rows of one count and share column pair, checked for completeness against what the
    page states (a stated total in the prose is the edition year's: checked only for its columns)."""
    fail = ctx.fail
    observations = []
    seen: set[str] = set()
    counted: list[tuple[str, int, str]] = []  # (label, count, area_type) of every place row
    above: list[int] = []  # counts of rows above a "Top N total" row
    top_checked = False
    whole_total: tuple[str, int] | None = None  # a "Total" row
    share_rows: list[tuple[str, int, float]] = []
    shares_of_totals: list[tuple[str, int, float]] = []
    for cells in table.rows:
        label, count_text, share_text = cells[table.country], cells[group.count], cells[group.share]
        # (a note's mark after the label is no part of it: "All other countries*", "Total¹")
        key = re.sub(r"\s*" + NOTE_MARK + r"+$", "", fold(label))
        if not label:
            raise fail(f"row without a country label: {cells}")
        if key in seen:
            raise fail(f"row {label!r} appears twice")
        seen.add(key)
        try:
            count = None if is_no_value(count_text) else parse_count(count_text, "en")
            share = None if is_no_value(share_text) else parse_percent(share_text)
        except NumberFormatError as exc:
            raise fail(f"row {label!r}: {exc}") from None
        if share is not None and not 0 <= share <= 100:
            raise fail(f"row {label!r}: share {share}% outside 0-100")

        top = _top_n(key)
        footnote = None
        if top is not None:
            area_type, code = "aggregate", None
            if count is not None and not top_checked:
                if len(above) != top:
                    raise fail(f"{len(above)} rows above '{label}', expected {top}: the table is cut short or changed")
                if sum(above) != count:
                    raise fail(f"'{label}' is {count:,} but the {len(above)} rows above it add up to {sum(above):,}")
                top_checked = True
            if count is not None and share is not None:
                shares_of_totals.append((label, count, share))
        elif key in _WHOLE_TOTALS:
            area_type, code = "total", None
            if count is not None:
                whole_total = (label, count)
        elif _REMAINDER.match(key):
            # "All other countries and services (38)": the rest of the world in one row, part of the
            # whole (counted towards a stated total) but no place of its own
            area_type, code = "aggregate", None
            footnote = "the remaining countries and services together"
            if count is not None:
                counted.append((label, count, area_type))
                if share is not None:
                    share_rows.append((label, count, share))
        else:
            if not countries.is_known(label):
                raise fail(countries.unknown_label_message(label))
            code = countries.iso3(label)
            if code:
                area_type = "country"
            elif key in _NO_LOCATION:
                area_type = "no_country"
                footnote = "reports without a URL, so without a hosting country"
            else:
                area_type = "other"
            if count is not None:
                counted.append((label, count, area_type))
                if not top_checked:
                    above.append(count)
                if share is not None:
                    share_rows.append((label, count, share))
        common = dict(
            year=year,
            period=str(period),
            country_iso3=code,
            country_name=label,
            label_as_published=label,
            area_type=area_type,
            breakdown="total",
            location=location,
        )
        for indicator, value, unit, printed in (
            (COUNT_INDICATOR, count, "URLs", count_text),
            (SHARE_INDICATOR, share, "percent", share_text),
        ):
            observations.append(
                observation(
                    indicator_id=indicator,
                    value=value,
                    unit=unit,
                    qualifier="exact" if value is not None else "no_value",
                    footnote=footnote if value is not None else "published as '-'",
                    as_published=printed,
                    **common,
                )
            )
    if not observations:
        raise fail("hosting table has no rows")
    if not any(o["area_type"] == "country" for o in observations):
        raise fail("no country rows recognised in the hosting table")
    low, high = _implied_total_bounds(share_rows)
    if low > high:
        raise fail("shares do not match the counts (no single world total fits every row): columns swapped or misread")

    # Completeness: the rows against every total the page states.
    rows_sum = sum(c for _, c, _ in counted)
    without_url = sum(c for _, c, a in counted if a == "no_country")
    largest = max((c for _, c, _ in counted), default=0)
    stated_totals: list[tuple[int, str]] = []
    if whole_total is not None:
        stated_totals.append((whole_total[1], f"the '{whole_total[0]}' row"))
    if period == year:
        stated_totals += [(v, f"the page's text: '{s}'") for v, s in _stated_totals(soup, table, largest)]
    checked_total = None
    for total, where in stated_totals:
        if total in (rows_sum, rows_sum - without_url):
            checked_total = total
            continue
        partial = _PARTIAL_NOTE.search(soup.get_text(" ")) if total > rows_sum else None
        if partial is not None:
            # "Countries hosting fewer than 496 reports are listed in the appendix": the page says its
            # table lists part of the world; the stated total still checks every share
            checked_total = total
            notes.append(
                f"the page says its table lists part of the countries ({partial.group(0)!r}): its {len(counted)} rows "
                f"add up to {rows_sum:,} of the {total:,} stated in {where}; every share is checked against that total"
            )
            continue
        if total > rows_sum:
            raise fail(
                f"the table's {len(counted)} rows add up to {rows_sum:,}, {total - rows_sum:,} short of the "
                f"{total:,} stated in {where}: the table is cut short"
            )
        raise fail(f"the table's {len(counted)} rows add up to {rows_sum:,}, more than the {total:,} stated in {where}")
    if checked_total is not None:
        for label, count, share in share_rows + shares_of_totals:
            exact = 100 * count / checked_total
            if abs(exact - share) > 0.5 + 1e-9:
                raise fail(
                    f"row {label!r}: share {share:g}% does not fit {count:,} of the stated total {checked_total:,} "
                    f"({exact:.2f}%): counts or shares misread"
                )
    else:
        counted_part = f"{len(counted)} rows adding up to {rows_sum:,}"
        of = "" if period == year else f" ({period} columns)"
        if top_checked:
            notes.append(
                f"the rows above the top-ten total add up to it, but the page states no total of the whole table{of}: "
                f"its completeness could not be checked ({counted_part})"
            )
        else:
            notes.append(
                f"the hosting table states no total{of} (no total row, no total in the page's text): "
                f"its completeness could not be checked ({counted_part})"
            )
    return observations
