"""The editor's round trip without Python: `kr review export` writes the review queue and the
curated figures of sources as one workbook an editor fills in (accept or reject a candidate;
a figure's words, value and citation), and `kr review import` reads it back through the same
checks as `kr review accept` / `reject` and the build. An error names the sheet, the row and
the column to fix, in one line.

- Sheet `kandidaten`: one row per number waiting for review (review_queue). The editor writes
  `accepteren` or `afwijzen` under `besluit`; for an accept, where the parser could not tell,
  the indicator, period, breakdown or qualifier; for a reject, the reason. Import runs
  review.accept / review.reject for each row (idempotent: importing twice writes nothing twice).
- One sheet per source asked for (`--source comensha`): the figures of its curated file, one
  row per figure, every field a column. Import rebuilds the file from the rows, reads it with
  the curated parser against the snapshot store (as the build will), and only then replaces
  the file, whole. A file that changed since the export is refused (export again), so a
  workbook never undoes another edit.
- Sheet `meta` (hidden) records which files were exported and their SHA-256.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..errors import KrError, ParseError
from ..reading.curated import CITATION_KEYS, FIGURE_KEYS

KIND = "kr-review-workbook"
QUEUE_SHEET, README_SHEET, META_SHEET = "kandidaten", "leesmij", "meta"
ACCEPT, REJECT = ("accepteren", "accept"), ("afwijzen", "reject")


@dataclass(frozen=True)
class Col:
    key: str
    header: str
    explains: str
    editable: bool = False


QUEUE_COLUMNS = [
    Col("candidate_id", "kandidaat", "Het nummer van de kandidaat (niet wijzigen)."),
    Col("source_id", "bron", "De bron waarin het getal staat."),
    Col("year", "jaar", "Het jaar van de publicatie."),
    Col("sentence", "zin", "De zin waarin het getal staat."),
    Col("as_published", "zoals gepubliceerd", "Het getal zoals het er staat."),
    Col("value", "waarde", "Het getal als getal."),
    Col("why", "waarom", "Waarom het niet vanzelf is geladen."),
    Col("decision", "besluit", "Vul in: 'accepteren' (wordt een cijfer in het curated bestand) of 'afwijzen'.", True),
    Col(
        "indicator_id", "indicator", "Bij accepteren: de indicator (uit de catalogus), waar de parser die niet kon bepalen.", True
    ),
    Col(
        "period", "periode", "Bij accepteren: het jaar of de periode (2024, 2024-H1), waar de parser die niet kon bepalen.", True
    ),
    Col("breakdown", "uitsplitsing", "Bij accepteren: de uitsplitsing (total, tenzij anders).", True),
    Col("qualifier", "kwalificatie", "Bij accepteren: exact, approx, lower_bound, suppressed of range.", True),
    Col("reason", "reden", "Bij afwijzen: waarom het geen cijfer is om te laden (verplicht).", True),
]

FIGURE_COLUMNS = [
    Col("indicator", "indicator", "De indicator uit de catalogus (het indicators.yaml van de uitgever).", True),
    Col("year", "periode", "Het jaar (2023), een reeks jaren (2017-2021) of een halfjaar (2024-H1).", True),
    Col("breakdown", "uitsplitsing", "De uitsplitsing; leeg is total.", True),
    Col("country", "land", "ISO-code van het land; leeg is NLD.", True),
    Col("value", "waarde", "Het cijfer als getal (leeg bij afgeschermd of bandbreedte).", True),
    Col(
        "qualifier",
        "kwalificatie",
        "exact (leeg), approx, lower_bound, suppressed (met bovengrens) of range (met laag en hoog).",
        True,
    ),
    Col("upper_bound", "bovengrens", "Bij suppressed: het getal waaronder het ligt (9 bij 'minder dan tien').", True),
    Col("value_low", "laag", "Bij range: de ondergrens.", True),
    Col("value_high", "hoog", "Bij range: de bovengrens.", True),
    Col(
        "as_published",
        "zoals gepubliceerd",
        "Het cijfer in de woorden van de bron, letterlijk uit het citaat ('Drie', 'minder dan tien').",
        True,
    ),
    Col("note", "noot", "Een toelichting (optioneel).", True),
    Col("citation.publication", "publicatie", "De titel van de geciteerde publicatie.", True),
    Col("citation.publisher", "uitgever", "De uitgever van die publicatie.", True),
    Col("citation.url", "url", "Het adres van die publicatie.", True),
    Col("citation.inquiry", "navraag", "Bij een antwoord op navraag: de datum (2025-05-01).", True),
    Col("citation.page", "pagina", "De pagina in de publicatie (optioneel).", True),
    Col("citation.quote", "citaat", "De hele zin uit de publicatie waarin het cijfer staat.", True),
    Col(
        "citation.checked_in",
        "gecontroleerd in",
        "Het opgeslagen document waarin het citaat moet staan: bron en jaar ('kib 2025'), eventueel met sha256; leeg als het niet is opgeslagen.",
        True,
    ),
]

_NUMBERS = {"value", "upper_bound", "value_low", "value_high"}
_ORDER = [k for k in FIGURE_KEYS if k != "citation"]  # the citation is written after them, nested

# Which column a refusal is about: the first of these words in its message names it.
_MESSAGE_COLUMNS = [
    ("as_published", "as_published"),
    ("the quote", "citation.quote"),
    ("quote", "citation.quote"),
    ("cited document", "citation.checked_in"),
    ("breakdown", "breakdown"),
    ("qualifier", "qualifier"),
    ("suppressed", "qualifier"),
    ("range", "qualifier"),
    ("percentage", "indicator"),
    ("--indicator", "indicator"),
    ("indicator", "indicator"),
    ("catalog", "indicator"),
    ("unit", "indicator"),
    ("span", "year"),
    ("year", "year"),
    ("period", "year"),
]


def _column_for(message: str, columns: list[Col], default: str) -> Col:
    low = message.lower()
    keys = {c.key for c in columns}
    for word, key in _MESSAGE_COLUMNS:
        queue_key = {"year": "period", "indicator": "indicator_id"}.get(key, key)
        if word in low and (key in keys or queue_key in keys):
            return next(c for c in columns if c.key in (key, queue_key))
    return next(c for c in columns if c.key == default)


class WorkbookError(KrError):
    """A cell the import cannot use: names the sheet, the row and the column."""

    def __init__(self, sheet: str, row: int | None, column: str | None, reason: str):
        where = f"sheet '{sheet}'" + (f", row {row}" if row else "") + (f", column '{column}'" if column else "")
        super().__init__(f"{where}: {reason}")


@dataclass
class Imported:
    accepted: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # decided before: nothing done twice
    files: list[Path] = field(default_factory=list)  # curated files replaced

    def lines(self) -> list[str]:
        out = [f"accepted {c}" for c in self.accepted] + [f"rejected {c}" for c in self.rejected]
        out += [f"{c}: decided before (nothing changed)" for c in self.unchanged]
        out += [f"wrote {p}" for p in self.files]
        if self.accepted or self.files:
            out.append("run `kr build` to load them")
        return out or ["nothing to import: no decisions and no changed figures"]


# ------------------------------------------------------------------------------------ export


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _checked_in_text(ref) -> str:
    if not isinstance(ref, dict):
        return "" if ref is None else str(ref)
    return " ".join(str(ref[k]) for k in ("source", "year", "sha256") if ref.get(k) is not None)


def figure_rows(figures: list[dict]) -> list[list]:
    """A curated file's figures as rows of FIGURE_COLUMNS."""
    rows = []
    for fig in figures:
        citation = fig.get("citation") or {}
        row: list = []
        for col in FIGURE_COLUMNS:
            if col.key == "citation.checked_in":
                row.append(_checked_in_text(citation.get("checked_in")))
            elif col.key.startswith("citation."):
                row.append(citation.get(col.key.split(".", 1)[1]))
            else:
                row.append(fig.get(col.key))
        rows.append([str(v) if isinstance(v, (dt.date, dt.datetime)) else v for v in row])
    return rows


def export_workbook(settings: Settings, out: Path, sources: tuple[str, ...] = ()) -> Path:
    """The review queue and the curated figures of `sources` as a workbook at `out` (replaced
    whole when it is a review workbook written before; any other file is left alone)."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from ..reading.curated import file_header
    from ..store.review import curated_file_of, queue
    from .export import _append

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise KrError(f"{out}: the workbook's name must end in .xlsx")
    if out.exists() and not _is_review_workbook(out):
        raise KrError(f"{out} exists and is no review workbook written by `kr review export`: choose another name")
    columns, rows = queue(settings)
    book = openpyxl.Workbook()
    book.remove(book.active)
    editable = PatternFill("solid", fgColor="FFF2CC")
    readme = book.create_sheet(README_SHEET)
    _append(readme, ["Onderwerp", "Uitleg"])
    intro = [
        (
            "Wat dit is",
            "De getallen die op een besluit wachten (blad 'kandidaten') en de handmatige cijfers van bronnen (een blad per bron).",
        ),
        ("Invullen", "Alleen de gele kolommen. Sla op als .xlsx en lees terug met: kr review import <bestand>."),
        (
            "Accepteren",
            "Zet 'accepteren' onder besluit; het getal wordt een cijfer in het curated-bestand van de bron (publishers/<organisatie>/curated/<bron>.yaml), gecontroleerd zoals de build het controleert.",
        ),
        ("Afwijzen", "Zet 'afwijzen' onder besluit en schrijf de reden."),
        (
            "Cijfers van een bron",
            "Pas woorden, waarde of bron van een cijfer aan, of voeg een rij toe; een lege rij telt niet. Het hele bestand wordt pas vervangen als alles klopt.",
        ),
        (
            "Fouten",
            "Een fout noemt blad, rij en kolom. Herstel die cel en lees opnieuw in: wat al is gedaan, gebeurt niet twee keer.",
        ),
    ]
    for topic, text in intro:
        _append(readme, [topic, text])
    for col in QUEUE_COLUMNS:
        _append(readme, [f"kandidaten: '{col.header}'", col.explains])
    for col in FIGURE_COLUMNS:
        _append(readme, [f"cijfers: '{col.header}'", col.explains])
    readme.column_dimensions["A"].width, readme.column_dimensions["B"].width = 32, 110
    for cell in readme["B"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")

    sheet = book.create_sheet(QUEUE_SHEET)
    _append(sheet, [c.header for c in QUEUE_COLUMNS])
    by_key = {name: i for i, name in enumerate(columns)}
    for r in rows:
        _append(sheet, [r[by_key[c.key]] if c.key in by_key else None for c in QUEUE_COLUMNS])
    choice = DataValidation(type="list", formula1='"accepteren,afwijzen"', allow_blank=True)
    sheet.add_data_validation(choice)
    decision_letter = openpyxl.utils.get_column_letter(next(i for i, c in enumerate(QUEUE_COLUMNS, 1) if c.key == "decision"))
    choice.add(f"{decision_letter}2:{decision_letter}{max(len(rows) + 1, 2) + 200}")
    _style(sheet, QUEUE_COLUMNS, editable, Font)

    meta = [("kind", KIND), ("exported_at", dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))]
    for source_id in sources:
        path = curated_file_of(settings, source_id)
        if not path.exists():
            raise KrError(f"source {source_id!r} has no curated file ({path}): nothing to export for it")
        try:
            figures = file_header(path.read_bytes(), path.name)["figures"]
        except ParseError as exc:
            raise KrError(f"{path}: {exc.reason}; fix the file first (the build refuses it as it is)") from None
        fsheet = book.create_sheet(source_id[:31])
        _append(fsheet, [c.header for c in FIGURE_COLUMNS])
        for row in figure_rows(figures):
            _append(fsheet, row)
        _style(fsheet, FIGURE_COLUMNS, editable, Font)
        meta.append((f"curated:{source_id}", json.dumps({"file": str(path), "sha256": _sha256(path)})))
    msheet = book.create_sheet(META_SHEET)
    for k, v in meta:
        _append(msheet, [k, v])
    msheet.sheet_state = "hidden"
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        book.save(tmp)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True) if tmp.parent.is_dir() else None
        raise KrError(f"cannot write {out}: {exc.strerror or exc}") from None
    return out


def _style(sheet, columns: list[Col], editable, Font) -> None:
    for cell, col in zip(sheet[1], columns):
        cell.font = Font(bold=True)
        width = 60 if col.key in ("sentence", "citation.quote") else 22
        sheet.column_dimensions[cell.column_letter].width = width
        if col.editable:
            for c in sheet[cell.column_letter][1:]:
                c.fill = editable
            cell.fill = editable
    sheet.freeze_panes = "B2"


def _is_review_workbook(path: Path) -> bool:
    try:
        return _meta(_load(path)).get("kind") == KIND
    except KrError:
        return False


# ------------------------------------------------------------------------------------ import


def _load(path: Path):
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return openpyxl.load_workbook(path, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, InvalidFileException) as exc:
        raise KrError(f"{path}: not a workbook that can be read ({exc.__class__.__name__}); save it as .xlsx") from None


def _meta(book) -> dict[str, str]:
    if META_SHEET not in book.sheetnames:
        raise KrError("the workbook has no 'meta' sheet: it was not written by `kr review export`; export a new one")
    return {str(r[0]): str(r[1]) for r in book[META_SHEET].iter_rows(values_only=True) if r and r[0] is not None}


def _records(book, name: str, columns: list[Col]) -> list[tuple[int, dict]]:
    """(row number, {key: value}) of every non-empty row; the header must be the export's."""
    if name not in book.sheetnames:
        raise WorkbookError(name, None, None, "the sheet is missing: export the workbook again")
    sheet = book[name]
    header = [str(c.value).strip() if c.value is not None else "" for c in sheet[1]]
    for i, col in enumerate(columns):
        if i >= len(header) or header[i] != col.header:
            raise WorkbookError(name, 1, col.header, f"the header should be '{col.header}' here (columns moved or renamed?)")
    out = []
    for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        values = {col.key: _clean(row[i] if i < len(row) else None) for i, col in enumerate(columns)}
        if any(v is not None for v in values.values()):
            out.append((number, values))
    return out


def _clean(v):
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return v


def import_workbook(settings: Settings, path: Path) -> Imported:
    """Read an editor's workbook back: first every source's figures (each file replaced whole,
    only when all of it passes the build's check), then every decision on a candidate, through
    review.accept / review.reject. The first problem stops the import with one line naming the
    sheet, row and column; what was done before it stays done (importing again does it once)."""
    book = _load(Path(path))
    meta = _meta(book)
    if meta.get("kind") != KIND:
        raise KrError(f"{path}: not a review workbook written by `kr review export`")
    done = Imported()
    for key, value in meta.items():
        if key.startswith("curated:"):
            source_id = key.split(":", 1)[1]
            written = _import_figures(settings, book, source_id, json.loads(value))
            if written is not None:
                done.files.append(written)
    _import_decisions(settings, book, done)
    return done


def _import_decisions(settings: Settings, book, done: Imported) -> None:
    from ..store.review import accept, reject

    for number, rec in _records(book, QUEUE_SHEET, QUEUE_COLUMNS):
        decision = (rec["decision"] or "").lower() if isinstance(rec["decision"], str) else rec["decision"]
        if decision is None:
            continue
        cid = rec["candidate_id"]
        if not cid:
            raise WorkbookError(QUEUE_SHEET, number, "kandidaat", "no candidate number in this row")
        cid = str(cid)
        if decision in ACCEPT:
            try:
                result = accept(
                    settings,
                    cid,
                    _text(rec["indicator_id"]),
                    _text(rec["period"]),
                    _text(rec["breakdown"]),
                    _text(rec["qualifier"]),
                )
            except KrError as exc:
                col = _column_for(str(exc), QUEUE_COLUMNS, "decision")
                raise WorkbookError(QUEUE_SHEET, number, col.header, str(exc)) from None
            (done.accepted if result.written else done.unchanged).append(cid)
        elif decision in REJECT:
            if not rec["reason"]:
                raise WorkbookError(QUEUE_SHEET, number, "reden", "a rejection needs its reason")
            try:
                new = reject(settings, cid, str(rec["reason"]))
            except KrError as exc:
                raise WorkbookError(QUEUE_SHEET, number, "besluit", str(exc)) from None
            (done.rejected if new else done.unchanged).append(cid)
        else:
            raise WorkbookError(QUEUE_SHEET, number, "besluit", f"{rec['decision']!r} is neither 'accepteren' nor 'afwijzen'")


def _text(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def _import_figures(settings: Settings, book, source_id: str, exported: dict) -> Path | None:
    """Rebuild the source's curated file from its sheet; check it as the build will; replace
    it whole. None when the sheet says what the file says already."""
    from ..ingest.snapshots import SnapshotStore
    from ..reading import curated
    from ..reading.context import ParseContext
    from ..store.review import write_atomically

    sheet_name = source_id[:31]
    path = Path(exported["file"])
    if not path.exists() or _sha256(path) != exported["sha256"]:
        raise WorkbookError(
            sheet_name, None, None, f"{path} changed since this workbook was exported: export it again (nothing was written)"
        )
    old_text = path.read_text("utf-8")
    head = curated.file_header(old_text.encode("utf-8"), path.name)
    records = _records(book, sheet_name, FIGURE_COLUMNS)
    figures: list[tuple[int, dict]] = []
    for number, rec in records:
        figures.append((number, _figure(sheet_name, number, rec)))
    if [f for _, f in figures] == _comparable(head["figures"]):
        return None  # nothing edited: the file (with its comments) stays as it is
    text, starts = _yaml(head, [f for _, f in figures])
    try:
        curated.parse(text.encode("utf-8"), int(head["edition"]), path.name, ParseContext(SnapshotStore(settings.snapshots)))
    except ParseError as exc:
        line = re.search(rf"{re.escape(path.name)}:(\d+): ", exc.reason)
        reason = re.sub(r"^[^:]*:\d+: ", "", exc.reason)
        row = None
        if line:
            at = int(line.group(1))
            before = [i for i, start in enumerate(starts) if start <= at]
            row = figures[before[-1]][0] if before else None
        col = _column_for(reason, FIGURE_COLUMNS, "indicator")
        raise WorkbookError(sheet_name, row, col.header if row else None, f"{reason} (nothing was written)") from None
    write_atomically(path, text)
    return path


def _figure(sheet: str, number: int, rec: dict) -> dict:
    """One row as a curated figure (the keys the curated parser reads), cells checked for type."""
    fig: dict = {}
    citation: dict = {}
    for col in FIGURE_COLUMNS:
        v = rec[col.key]
        if v is None:
            continue
        if col.key in _NUMBERS:
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                try:
                    v = float(str(v).replace(",", "."))
                except ValueError:
                    raise WorkbookError(sheet, number, col.header, f"{v!r} is no number") from None
            v = int(v) if float(v).is_integer() else float(v)
        elif col.key == "citation.checked_in":
            parts = str(v).split()
            if len(parts) not in (2, 3) or not parts[1].isdigit():
                raise WorkbookError(
                    sheet, number, col.header, f"{v!r}: write the source and year of the stored document, e.g. 'kib 2025'"
                )
            v = {"source": parts[0], "year": int(parts[1]), **({"sha256": parts[2]} if len(parts) == 3 else {})}
        elif col.key == "year":
            v = _text(v)
        elif not isinstance(v, str):
            v = _text(v)
        if col.key.startswith("citation."):
            citation[col.key.split(".", 1)[1]] = v
        else:
            fig[col.key] = v
    if citation:
        fig["citation"] = citation
    return fig


def _comparable(figures: list[dict]) -> list[dict]:
    """A file's figures as _figure would read them back from their own exported row."""
    return [_figure("-", 0, dict(zip([c.key for c in FIGURE_COLUMNS], [_clean(v) for v in row]))) for row in figure_rows(figures)]


def _scalar(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    return json.dumps(str(v), ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _yaml(head: dict, figures: list[dict]) -> tuple[str, list[int]]:
    """The curated file's text and the line each figure starts on."""
    lines = [f"source_id: {head['source_id']}"]
    for key in ("title", "publisher"):
        if head.get(key) is not None:
            lines.append(f"{key}: {_scalar(head[key])}")
    lines.append(f"edition: {int(head['edition'])}")
    if head.get("language"):
        lines.append(f"language: {head['language']}")
    lines.append("figures:")
    starts: list[int] = []
    for fig in figures:
        starts.append(len(lines) + 1)
        first = True
        for key in _ORDER:
            if key in fig:
                value = fig[key]
                text = _scalar(value) if key not in ("year",) or not str(value).isdigit() else str(value)
                lines.append(f"  {'- ' if first else '  '}{key}: {text}")
                first = False
        if first:
            lines.append("  - {}")
            first = False
        citation = fig.get("citation")
        if citation:
            lines.append("    citation:")
            for key in CITATION_KEYS:
                if key in citation:
                    value = citation[key]
                    if key == "checked_in":
                        inner = ", ".join(f"{k}: {value[k]}" for k in ("source", "year", "sha256") if k in value)
                        lines.append(f"      checked_in: {{{inner}}}")
                    else:
                        lines.append(f"      {key}: {_scalar(value)}")
    return "\n".join(lines) + "\n", starts
