"""Shared table helpers: find a table by its header text, split text lines into label + numbers.

Tables are always located by their header text, never by page number or position, so a
table that moved still parses and a table whose header changed is refused loudly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import Tag

from .markup import soup_of

_WS = re.compile(r"\s+")
# A numeric cell in a text line: "72,913", "8100", or a no-value dash.
_NUM_TOKEN = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+|[-\u2013\u2014])$")


def fold(text: str) -> str:
    """Whitespace folded, stripped, case-folded: for comparing header and label text."""
    return _WS.sub(" ", text).strip().casefold()


def clean_label(text: str) -> str:
    """Whitespace folded and stripped, case kept: a label as published, minus layout noise."""
    return _WS.sub(" ", text).strip()


def span_grid(table: Tag, text: Callable[[str], str] = clean_label) -> list[list[str]]:
    """The table's rows as cells' text, a cell spanning columns or rows repeated in each it covers
    ("<td rowspan=6>Offlimits</td>" stands in each of the six rows; spans capped at 50)."""
    grid: list[list[str]] = []
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still covered) of a rowspan
    for tr in table.find_all("tr"):
        cells = tr.find_all(["th", "td"])
        out: list[str] = []
        col = ci = 0
        while ci < len(cells) or col in pending:
            if col in pending:
                said, left = pending.pop(col)
                if left > 1:
                    pending[col] = (said, left - 1)
                out.append(said)
                col += 1
                continue
            cell = cells[ci]
            ci += 1
            said = text(cell.get_text(" "))
            span, down = (_span(cell.get(a)) for a in ("colspan", "rowspan"))
            for _ in range(span):
                if down > 1:
                    pending[col] = (said, down - 1)
                out.append(said)
                col += 1
        grid.append(out)
    return grid


def _span(value) -> int:
    """A colspan or rowspan attribute as a count: 1 when absent or not a number, at most 50."""
    try:
        return max(1, min(int(str(value)), 50))
    except (TypeError, ValueError):
        return 1


@dataclass
class LabelledRow:
    """One row of a text table: the label as published and its numeric cells (as text)."""

    label: str
    cells: list[str]
    page: int
    source_lines: list[str] = field(default_factory=list)


def split_label_runs(line: str, ncells: int) -> list[tuple[str, list[str]]] | None:
    """Split a text line into (label, cells) pairs, each label followed by `ncells` numbers.

    "Netherlands 57,012" -> [("Netherlands", ["57,012"])]; a two-column page gives
    "Albania 23,426 Lebanon 4,321" -> two pairs. A line whose numbers do not come in
    groups of `ncells` after a label returns None (not a table row). A leading group of
    numbers with no label (the end of a wrapped label) gets the label "".
    """
    tokens = line.split()
    if not tokens or not _NUM_TOKEN.match(tokens[-1]):
        return None
    pairs: list[tuple[str, list[str]]] = []
    label: list[str] = []
    i = 0
    while i < len(tokens):
        if _NUM_TOKEN.match(tokens[i]) and (label or not pairs):
            cells = tokens[i : i + ncells]
            if len(cells) < ncells or not all(_NUM_TOKEN.match(c) for c in cells):
                return None
            pairs.append((" ".join(label), cells))
            label = []
            i += ncells
        else:
            label.append(tokens[i])
            i += 1
    if label:  # text after the last number: not a clean row
        return None
    return pairs


def collect_text_rows(
    pages: list[str],
    is_header,
    is_boilerplate,
    ncells: int,
    max_fragment_chars: int = 45,
) -> tuple[list[LabelledRow], list[str]]:
    """Rows of a table printed as text, over pages with running headers and wrapped labels.

    On each page only lines after a header line (`is_header(line)`) are read. Lines that
    are not rows but short enough to be part of a label are kept as fragments and prefixed
    to the next row's label ("Saint Helena, Ascension" / "and Tristan da Cunha 1").
    Returns the rows and the lines that were ignored, so a caller can report them.
    """
    rows: list[LabelledRow] = []
    ignored: list[str] = []
    for page_no, text in enumerate(pages, start=1):
        in_table = False
        fragments: list[str] = []
        for raw in text.splitlines():
            line = clean_label(raw)
            if not line:
                continue
            if is_header(line):
                in_table, fragments = True, []
                continue
            if not in_table:
                continue
            runs = split_label_runs(line, ncells)
            # A bare number after a wrapped label ("Saint Vincent and the" / "Grenadines" /
            # "253") is that label's value, even where it looks like a page number.
            continues_label = bool(fragments) and runs is not None and runs[0][0] == ""
            if is_boilerplate(line) and not continues_label:
                fragments = []
                continue
            if runs is None:
                if len(line) <= max_fragment_chars and not line.endswith("."):
                    fragments.append(line)
                else:
                    ignored.extend(fragments + [line])
                    fragments = []
                continue
            for n, (label, cells) in enumerate(runs):
                if n == 0 and fragments:
                    label = clean_label(" ".join(fragments + [label]))
                    lines = fragments + [line]
                    fragments = []
                else:
                    lines = [line]
                if not label:
                    ignored.append(line)
                    continue
                rows.append(LabelledRow(label, cells, page_no, lines))
        ignored.extend(fragments)
    return rows, ignored


@dataclass
class HtmlTable:
    """A table found by its header text: rows as dicts keyed by canonical column names."""

    columns: list[str]
    rows: list[dict[str, str]]
    caption: str
    index: int  # which <table> of the page, for provenance only


def _cell_text(cell: Tag) -> str:
    return clean_label(cell.get_text(" "))


def find_html_table(html: str, wanted: dict[str, list[str]]) -> HtmlTable:
    """Find the one table whose header row holds every wanted column.

    `wanted` maps a canonical column name to the header texts accepted for it (compared
    case- and whitespace-insensitively). Columns are matched by header text, so their
    order may change. Raises LookupError if no table, or more than one, matches.
    """
    soup = soup_of(html)
    accepted = {name: {fold(t) for t in texts} for name, texts in wanted.items()}
    matches: list[HtmlTable] = []
    for index, table in enumerate(soup.find_all("table")):
        trs = table.find_all("tr")
        header_idx = None
        positions: dict[str, int] = {}
        for i, tr in enumerate(trs):
            texts = [fold(_cell_text(c)) for c in tr.find_all(["th", "td"])]
            found = {}
            for name, options in accepted.items():
                hits = [j for j, t in enumerate(texts) if t in options]
                if len(hits) == 1:
                    found[name] = hits[0]
            if len(found) == len(accepted):
                header_idx, positions = i, found
                break
        if header_idx is None:
            continue
        rows = []
        for tr in trs[header_idx + 1 :]:
            cells = [_cell_text(c) for c in tr.find_all(["th", "td"])]
            if not any(cells):
                continue
            if len(cells) <= max(positions.values()):
                raise LookupError(f"table {index}: row {cells!r} has fewer cells than the header")
            rows.append({name: cells[pos] for name, pos in positions.items()})
        caption_tag = table.find("caption")
        caption = _cell_text(caption_tag) if caption_tag else ""
        matches.append(HtmlTable(list(wanted), rows, caption, index))
    if not matches:
        raise LookupError("no table with the columns " + ", ".join(f"{k!r} ({' / '.join(v)})" for k, v in wanted.items()))
    if len(matches) > 1:
        raise LookupError(f"{len(matches)} tables have the wanted columns; expected one")
    return matches[0]
