"""Files for the monitor's editors and analysts.

`kr export --out DIR` writes:
- kinderhandel-figuren.xlsx: a "leesmij" sheet explaining the columns, then one sheet per figure
  of the chapter (Dutch headers, every year of the figure's span, the value as published, unit,
  qualifier and source), a sheet of the chapter's text figures, then the warehouse views for
  analysts;
- per figure and view: <name>.csv (comma, decimal point), <name>.nl.csv (semicolon, decimal
  comma, for Dutch Excel) and <name>.parquet. Whole numbers never get a decimal (25704).

Text from a publication is text in every file: a workbook cell holding text is written as text
(never a formula, whatever it starts with), and a CSV text cell that a spreadsheet would read
as a formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe,
as OWASP advises against CSV injection.

The folder is written beside its target and moved into place, so a reader never sees half; only
an empty folder or one `kr export` wrote is replaced (kr_pipeline.present.outdir).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..figures import FIGURES
from ..store.connection import connect, dict_rows
from .outdir import MARKER, output_dir
from .presentation import Lang, as_published, breakdown_label, qualifier_label, status_label, traced_label, unit_label

WORKBOOK = "kinderhandel-figuren.xlsx"
ANALYST_VIEWS = ["observations", "missing_figures", "indicators", "party_positions_current"]


@dataclass(frozen=True)
class Column:
    key: str
    nl: str
    en: str
    explains: str


# The columns of every figure sheet and of the text figures, with what each means (the
# "leesmij" sheet is made from this list).
COLUMNS = [
    Column("series", "Reeks", "Series", "De reeks van de figuur (vorm, organisatie of maat)."),
    Column("indicator", "Indicator", "Indicator", "De indicator uit de catalogus van de monitor."),
    Column("period", "Periode", "Period", "Het jaar (of de jaren) waarover het cijfer gaat."),
    Column(
        "value",
        "Waarde",
        "Value",
        "Het cijfer als getal; leeg waar geen cijfer is of het cijfer een bandbreedte of afgeschermd is.",
    ),
    Column("value_low", "Laag", "Low", "Ondergrens van een bandbreedte (bijvoorbeeld 2 bij '2 tot 3%')."),
    Column("value_high", "Hoog", "High", "Bovengrens van een bandbreedte (bijvoorbeeld 3 bij '2 tot 3%')."),
    Column("unit", "Eenheid", "Unit", "Waarin het cijfer is uitgedrukt (personen, meldingen, URL's, %)."),
    Column(
        "as_published",
        "Zoals gepubliceerd",
        "As published",
        "De woorden waarin de bron het cijfer drukte, letterlijk ('ongeveer één op de drie', 'minder dan tien', 'Drie', '72,913'); "
        "leeg waar de bron het cijfer niet zelf drukt (een totaal opgeteld uit zijn delen) of geen cijfer is.",
    ),
    Column(
        "formatted",
        "Waarde (opgemaakt)",
        "Value (formatted)",
        "Het cijfer zoals de monitor het toont, met 'circa', 'meer dan', 'minder dan' of een bandbreedte; zonder cijfer: "
        "'geen cijfer' (de catalogus verwacht er een), 'n.v.t.' (de uitsplitsing bestond nog niet) of 'geen cijfer verwacht'.",
    ),
    Column(
        "qualifier",
        "Kwalificatie",
        "Qualifier",
        "exact, bij benadering, bandbreedte, ondergrens of afgeschermd (kleiner dan tien).",
    ),
    Column(
        "revised",
        "Herzien",
        "Revised",
        "'ja' als de bron dit cijfer later heeft gewijzigd; de oude waarde staat in de geschiedenis (kr history).",
    ),
    Column("publisher", "Uitgever", "Publisher", "De organisatie die het cijfer publiceert."),
    Column("publication", "Publicatie", "Publication", "De publicatie waarin het cijfer staat."),
    Column(
        "url",
        "URL",
        "URL",
        "Het adres van de publicatie waaruit het cijfer komt (bij een handmatig cijfer: de geciteerde publicatie).",
    ),
    Column(
        "traced",
        "Gecontroleerd in",
        "Checked in",
        "Waartegen het cijfer is gecontroleerd: de eigen opgeslagen kopie van de bron, alleen een secundaire tekst "
        "(het hoofdstuk van de monitor dat de bron citeert) of niets.",
    ),
    Column("retrieved", "Opgehaald", "Retrieved", "Datum waarop de publicatie is opgehaald."),
    Column("quote", "Citaat", "Quote", "De zin uit de publicatie waarin het cijfer staat (bij tabellen: leeg)."),
    Column("source_line", "Bronregel", "Source line", "De bronvermelding zoals onder de figuur in het hoofdstuk."),
]


def _plain(v) -> object:
    """A whole float as int (25704.0 -> 25704); everything else as is."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def figure_frame(figure: str, points: list[dict], lang: Lang = "nl") -> pd.DataFrame:
    """One figure as the editors read it (its figure_grid rows): every year of its span, gaps
    included."""
    rows = []
    for p in points:
        series = next(s for s in FIGURES[figure].series if s.order == p["series_order"])
        rows.append(_row(p, series.label_in(lang), p["source_line"], lang))
    return _frame(rows, lang)


def text_figures_frame(found: list[dict], lang: Lang = "nl") -> pd.DataFrame:
    """The chapter's figures quoted in its text and not drawn in a figure (view text_figures:
    the police's "minder dan tien", the Nationaal Rapporteur's 2 tot 3%, Chat met Fier, ...)."""
    rows = []
    for p in found:
        title = p["title_nl"] if lang == "nl" else p["title_en"]
        if p["breakdown"] != "total":
            title += f" ({breakdown_label(p['breakdown'], lang)})"
        rows.append(_row(p, title, f"Bron: {p['publisher']}", lang))
    return _frame(rows, lang)


def _row(p: dict, series: str, source_line: str, lang: Lang) -> dict:
    retrieved = p.get("retrieved_at")
    return {
        "series": series,
        "indicator": p["indicator_id"],
        "period": p.get("period") or str(p["year"]),
        "value": _plain(p.get("value")),
        "value_low": _plain(p.get("value_low")),
        "value_high": _plain(p.get("value_high")),
        "unit": unit_label(p.get("unit"), lang),
        "as_published": p.get("as_published") or "",
        "formatted": as_published(p, lang) if p.get("qualifier") else status_label(p.get("status"), lang),
        "traced": traced_label(p.get("traced_to"), lang),
        "qualifier": qualifier_label(p["qualifier"], lang) if p.get("qualifier") else "",
        "revised": ("ja" if lang == "nl" else "yes") if p.get("revised") else "",
        "publisher": p.get("publisher") or "",
        "publication": p.get("publication") or "",
        "url": p.get("url") or "",
        "retrieved": retrieved.date() if retrieved is not None else None,
        "quote": p.get("quote") or "",
        "source_line": source_line,
    }


def _frame(rows: list[dict], lang: Lang) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=[c.key for c in COLUMNS], dtype=object)
    return df.rename(columns={c.key: (c.nl if lang == "nl" else c.en) for c in COLUMNS})


def readme_frame() -> pd.DataFrame:
    intro = [
        ("Over dit bestand", "Cijfers van het hoofdstuk 'Kinderhandel en seksuele uitbuiting' van Kinderrechten in Beweging."),
        (
            "Bladen",
            "Eerst één blad per figuur van het hoofdstuk, dan 'tekstcijfers' (cijfers uit de tekst), dan de tabellen van het datawarehouse voor analisten.",
        ),
        (
            "Ontbrekende jaren",
            "Elk jaar van de periode van een figuur staat erin. Zonder cijfer: 'geen cijfer' waar de catalogus van de monitor "
            "een cijfer verwacht (ontbrekend, ook in missing_figures), 'n.v.t.' waar de uitsplitsing nog niet bestond, "
            "'geen cijfer verwacht' waar geen bekende publicatie het cijfer geeft.",
        ),
    ]
    rows = intro + [(f"Kolom '{c.nl}'", c.explains) for c in COLUMNS]
    return pd.DataFrame(rows, columns=["Onderwerp", "Uitleg"])


def write_csvs(df: pd.DataFrame, out: Path, stem: str) -> list[Path]:
    """<stem>.csv (comma, decimal point) and <stem>.nl.csv (semicolon, decimal comma, with a
    byte-order mark so Excel reads UTF-8)."""
    standard, dutch = out / f"{stem}.csv", out / f"{stem}.nl.csv"
    df.map(lambda v: _text(v, ".")).to_csv(standard, index=False)
    df.map(lambda v: _text(v, ",")).to_csv(dutch, index=False, sep=";", encoding="utf-8-sig")
    return [standard, dutch]


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(v, decimal: str) -> str:
    """A cell as CSV text: empty for missing, whole numbers without a decimal, the decimal mark
    given, no thousands separator (so spreadsheets read a number); text a spreadsheet would
    take for a formula behind an apostrophe."""
    if v is None or (isinstance(v, float) and v != v) or v is pd.NA or v is pd.NaT:
        return ""
    v = _plain(v)
    if isinstance(v, float):
        return repr(v).replace(".", decimal)
    if isinstance(v, str):
        return safe_text(v)
    return str(v)


def safe_text(text: str) -> str:
    """Text for a CSV cell: a leading apostrophe when it would start a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def write_parquet(df: pd.DataFrame, path: Path) -> Path:
    import duckdb

    con = duckdb.connect()
    try:
        con.register("frame", df)
        con.execute("COPY (SELECT * FROM frame) TO ? (FORMAT parquet)", [str(path)])
    finally:
        con.close()
    return path


def write_workbook(sheets: list[tuple[str, pd.DataFrame]], path: Path) -> Path:
    """The workbook, one sheet per frame: a bold header, frozen below it, columns as wide as
    their first 50 cells, text cells written as text. In openpyxl's write-only mode (rows
    streamed to the file): its normal mode found each appended row again by scanning every
    cell so far, quadratic in a sheet's size (35 s for 2,000 rows of `observations`)."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook(write_only=True)
    bold, wrapped = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for name, df in sheets:
        sheet = book.create_sheet(name[:31])
        sheet.freeze_panes = "A2"
        whole = [_whole_number_column(str(h)) for h in df.columns]
        rows = [list(df.columns), *([_cell(v) for v in row] for row in df.itertuples(index=False))]
        for i in range(len(df.columns)):  # widths before the rows: a write-only sheet writes them first
            width = max(len(str(row[i] or "")) for row in rows[:50])
            sheet.column_dimensions[get_column_letter(i + 1)].width = min(max(width + 2, 8), 60)
        for n, row in enumerate(rows):
            cells = []
            for i, v in enumerate(row):
                cell = WriteOnlyCell(sheet, value=v)
                if isinstance(v, str):
                    cell.data_type = "s"  # openpyxl would take text starting with "=" for a formula
                if n == 0:
                    cell.font = bold
                else:
                    cell.number_format = number_format(v, whole[i])
                if name == "leesmij" and i == 1:
                    cell.alignment = wrapped
                cells.append(cell)
            sheet.append(cells)
    book.save(path)
    return path


def _append(sheet, values: list) -> None:
    """A row whose text cells are text (a sheet in openpyxl's normal mode, as the review
    workbook is): openpyxl would take text starting with "=" for a formula."""
    sheet.append(values)
    for cell, v in zip(sheet[sheet.max_row], values):
        if isinstance(v, str):
            cell.data_type = "s"


# Columns whose numbers are years, counters or codes: written without a thousands separator.
_PLAIN_NUMBER = re.compile(
    r"(^|_)(year|jaar|periode|period|vintage|month|arrival|order|position|no|rating|version|rank)s?$", re.I
)


def _whole_number_column(header: str) -> bool:
    return bool(_PLAIN_NUMBER.search(header.replace(" ", "_")))


def number_format(value, plain: bool = False) -> str:
    """The cell format a reader expects instead of `General`: a count with a thousands
    separator (273.046 in Dutch Excel), a decimal number with its own decimals (41,4), a year as
    a year (2024), a date as a date."""
    import datetime as dt

    if isinstance(value, bool) or value is None or isinstance(value, str):
        return "General"
    if isinstance(value, dt.datetime):
        return "yyyy-mm-dd hh:mm"
    if isinstance(value, dt.date):
        return "yyyy-mm-dd"
    if isinstance(value, int):
        return "0" if plain else "#,##0"
    if isinstance(value, float):
        decimals = len(repr(value).split(".")[1].rstrip("0")) if "." in repr(value) and "e" not in repr(value) else 2
        return "#,##0." + "0" * min(max(decimals, 1), 6)
    return "General"


def _cell(v) -> object:
    import datetime as dt

    if v is None or (isinstance(v, float) and v != v) or v is pd.NaT or v is pd.NA:
        return None
    v = _plain(v)
    if isinstance(v, (bool, int, float)):
        return v
    if isinstance(v, dt.datetime):  # a workbook holds no time zone: UTC, as the warehouse keeps it
        if v.tzinfo is not None:
            v = v.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return v.to_pydatetime() if isinstance(v, pd.Timestamp) else v
    if isinstance(v, dt.date):
        return v
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", str(v))  # control characters a workbook cannot hold


def read_figures(con) -> tuple[dict[str, list[dict]], list[dict]]:
    """Every figure's grid rows (view figure_grid) and the text figures, in one connection."""

    points: dict[str, list[dict]] = {fid: [] for fid in FIGURES}
    for p in dict_rows(con, "SELECT * FROM figure_grid ORDER BY figure, series_order, year"):
        if p["figure"] in points:
            points[p["figure"]].append(p)
    return points, dict_rows(con, "SELECT * FROM text_figures")


def editor_sheets(points: dict[str, list[dict]], text_figures: list[dict]) -> list[tuple[str, pd.DataFrame]]:
    """The workbook's sheets in order: leesmij, one per figure, tekstcijfers."""
    sheets = [("leesmij", readme_frame())]
    sheets += [(fid, figure_frame(fid, points[fid])) for fid in FIGURES]
    sheets.append(("tekstcijfers", text_figures_frame(text_figures)))
    return sheets


def export_views(warehouse: Path, out: Path) -> list[Path]:
    warehouse, out = Path(warehouse), Path(out)
    with output_dir(out, "export", protect=[warehouse]) as tmp:
        con = connect(warehouse, read_only=True, wait_seconds=10.0)
        try:
            sheets = editor_sheets(*read_figures(con))
            for name, df in sheets[1:]:
                stem = f"fig_{name}" if name in FIGURES else name
                write_csvs(df, tmp, stem)
                write_parquet(df, tmp / f"{stem}.parquet")
            for view in ANALYST_VIEWS:
                df = con.sql(f"SELECT * FROM {view}").df()
                write_csvs(df, tmp, view)
                con.sql(f"SELECT * FROM {view}").write_parquet(str(tmp / f"{view}.parquet"))
                sheets.append((view, df))
        finally:
            con.close()
        write_workbook(sheets, tmp / WORKBOOK)
        names = sorted(p.name for p in tmp.iterdir() if p.name != MARKER)
    return [out / n for n in names]
