"""Exports for the monitor's editors: the figure views and the observations, as CSV, Parquet
and XLSX, one file per view and format."""

from __future__ import annotations

from pathlib import Path

from .figures import FIGURES
from .warehouse_open import connect

EXPORTED = ["observations", "missing_figures", "indicators", "party_positions_current"] + [f.view for f in FIGURES.values()]


def export_views(warehouse: Path, out: Path) -> list[Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    con = connect(Path(warehouse), read_only=True, wait_seconds=10.0)
    written = []
    try:
        import openpyxl

        book = openpyxl.Workbook()
        book.remove(book.active)
        for view in EXPORTED:
            rel = con.sql(f"SELECT * FROM {view}")
            csv_path, parquet_path = out / f"{view}.csv", out / f"{view}.parquet"
            rel.write_csv(str(csv_path))
            rel.write_parquet(str(parquet_path))
            sheet = book.create_sheet(view[:31])
            sheet.append(rel.columns)
            for row in rel.fetchall():
                sheet.append([v if isinstance(v, (int, float, str, type(None))) else str(v) for v in row])
            written += [csv_path, parquet_path]
        xlsx = out / "kinderhandel-figuren.xlsx"
        book.save(xlsx)
        written.append(xlsx)
    finally:
        con.close()
    return written
