"""The editor's round trip without Python (issue 27): `kr review export` writes the review
queue and a source's curated figures as a workbook, the editor fills it in (here with openpyxl,
as a spreadsheet would save it), `kr review import` reads it back through the same checks as
`kr review accept` / `reject` and the build; an error names the sheet, row and column."""

import shutil

import openpyxl
import pytest
from click.testing import CliRunner

from kr_pipeline import pipeline
from kr_pipeline.cli import main
from kr_pipeline.ingest.snapshots import SnapshotStore

from .conftest import CHAPTER
from .helpers import curated_file, rows
from .test_review import NEWS


def kr(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _fill(path, sheet, edits):
    """The editor: {(row match, header): value}; row match is text in the row."""
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    header = [c.value for c in ws[1]]
    for (match, column), value in edits.items():
        [row] = [r for r in ws.iter_rows(min_row=2) if any(match in str(c.value) for c in r if c.value is not None)]
        row[header.index(column)].value = value
    book.save(path)


@pytest.fixture
def waiting(settings):
    SnapshotStore(settings.snapshots).add(
        "offlimits", 2024, NEWS.encode(), url="https://www.offlimits.nl/nieuws/jaarcijfers-2024", content_type="text/html"
    )
    [result] = pipeline.build(settings)
    assert result.status == "loaded" and rows(settings, "SELECT count(*) FROM review_queue") == [(2,)]
    return settings


def test_an_editor_accepts_one_candidate_and_rejects_one_with_export_and_import_only(waiting, tmp_path):
    book = tmp_path / "review.xlsx"
    out = kr("review", "export", "--out", book)
    assert out.exit_code == 0, out.output
    sheet = openpyxl.load_workbook(book)["kandidaten"]
    assert [c.value for c in sheet[1]][:8] == [
        "kandidaat",
        "bron",
        "jaar",
        "zin",
        "zoals gepubliceerd",
        "waarde",
        "waarom",
        "besluit",
    ]
    assert {r[4] for r in sheet.iter_rows(min_row=2, values_only=True)} == {"60.123", "5.000"}
    _fill(
        book,
        "kandidaten",
        {("60.123", "besluit"): "accepteren", ("5.000", "besluit"): "afwijzen", ("5.000", "reden"): "a police figure"},
    )

    done = kr("review", "import", book)
    assert done.exit_code == 0, done.output
    assert done.output.count("accepted ") == 1 and done.output.count("rejected ") == 1
    assert rows(waiting, "SELECT decision, reason FROM review_decisions ORDER BY 1") == [
        ("accepted", None),
        ("rejected", "a police figure"),
    ]
    assert rows(waiting, "SELECT count(*) FROM review_queue") == [(0,)]
    again = kr("review", "import", book)  # importing twice does nothing twice
    assert again.exit_code == 0 and again.output.count("decided before") == 2
    assert rows(waiting, "SELECT count(*) FROM review_decisions") == [(2,)]
    [built] = pipeline.build(waiting)  # the accepted figure, in offlimits.yaml, loads as a curated figure
    assert built.status == "loaded", built.message
    assert rows(waiting, "SELECT period, value, statement_kind FROM observations WHERE statement_kind = 'curated'") == [
        ("2025-H1", 60123.0, "curated")
    ]


def test_a_wrong_cell_names_its_sheet_row_and_column(waiting, tmp_path):
    book = tmp_path / "review.xlsx"
    assert kr("review", "export", "--out", book).exit_code == 0
    _fill(book, "kandidaten", {("5.000", "besluit"): "misschien"})
    out = kr("review", "import", book)
    assert out.exit_code == 2
    assert "sheet 'kandidaten', row " in out.output and "column 'besluit': 'misschien' is neither" in out.output
    _fill(book, "kandidaten", {("5.000", "besluit"): "afwijzen"})
    out = kr("review", "import", book)
    assert out.exit_code == 2 and "column 'reden': a rejection needs its reason" in out.output
    # accepting a share as a count: the accept's own check, in the indicator's column
    _fill(
        book,
        "kandidaten",
        {
            ("5.000", "besluit"): None,
            ("60.123", "besluit"): "accepteren",
            ("60.123", "indicator"): "offlimits.self_generated_share",
        },
    )
    out = kr("review", "import", book)
    assert out.exit_code == 2 and "column 'indicator': candidate" in out.output and "is no percentage" in out.output
    assert rows(waiting, "SELECT count(*) FROM review_decisions") == [(0,)]


@pytest.fixture
def curated(settings, tmp_path, monkeypatch):
    folder = tmp_path / "curated"
    folder.mkdir(exist_ok=True)
    shutil.copy(curated_file("gemeenten"), folder)
    SnapshotStore(settings.snapshots).add("kib", 2025, CHAPTER.read_bytes(), original_name="chapter.txt")
    assert [r.status for r in pipeline.build(settings)] == ["loaded"]
    return settings, folder / "gemeenten.yaml"


def test_an_editor_corrects_a_sources_figures_in_the_workbook(curated, tmp_path):
    settings, path = curated
    before = path.read_text("utf-8")
    book = tmp_path / "figures.xlsx"
    assert kr("review", "export", "--out", book, "--source", "gemeenten").exit_code == 0
    sheet = openpyxl.load_workbook(book)["gemeenten"]
    assert [r[9] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["66%", "70%"]  # zoals gepubliceerd
    assert kr("review", "import", book).output.strip() == "nothing to import: no decisions and no changed figures"
    assert path.read_text("utf-8") == before  # nothing edited: the file, comments and all, untouched

    # a typo: refused with sheet, row and column; nothing written
    _fill(book, "gemeenten", {("66%", "zoals gepubliceerd"): "67%"})
    out = kr("review", "import", book)
    assert out.exit_code == 2, out.output
    assert "sheet 'gemeenten', row 2, column 'zoals gepubliceerd': as_published '67%' does not occur in the quote" in out.output
    assert path.read_text("utf-8") == before

    # fixed, with a page added: the file is rewritten, and the build loads it
    _fill(book, "gemeenten", {("67%", "zoals gepubliceerd"): "66%", ("66%", "pagina"): 12})
    out = kr("review", "import", book)
    assert out.exit_code == 0 and f"wrote {path}" in out.output, out.output
    assert 'page: "12"' in path.read_text("utf-8")
    [built] = pipeline.build(settings)
    assert built.status == "loaded", built.message
    assert rows(
        settings, "SELECT location, as_published FROM observations WHERE indicator_id = 'gemeenten.trafficking_policy_share'"
    ) == [("p. 12", "66%")]
    # the workbook is now older than the file: refused, never undoing the edit
    out = kr("review", "import", book)
    assert out.exit_code == 2 and "changed since this workbook was exported: export it again" in out.output


def test_export_leaves_other_files_alone(settings, tmp_path):
    other = tmp_path / "budget.xlsx"
    other.write_bytes(b"not ours")
    out = kr("review", "export", "--out", other)
    assert out.exit_code == 2 and "is no review workbook" in out.output and other.read_bytes() == b"not ours"
