"""The chapter's figures: which view holds each, and reading them (read-only).
Imported by the CLI at start-up for the figure names, so it imports nothing heavy itself."""

from __future__ import annotations

from pathlib import Path

# Figure name -> (view, Dutch title as in the chapter).
FIGURES: dict[str, tuple[str, str]] = {
    "kengetallen": ("fig_kengetallen", "Aantal bij CoMensha gemelde minderjarige slachtoffers van uitbuiting"),
    "figuur1": (
        "fig_figuur1",
        "Figuur 1. Bij CoMensha gemelde minderjarige slachtoffers van uitbuiting per vorm van mensenhandel, 2018-2023",
    ),
    "figuur2": ("fig_figuur2", "Figuur 2. Aantal (mogelijke) minderjarige slachtoffers van uitbuiting op Chat met Fier"),
    "figuur4": ("fig_figuur4", "Figuur 4. Gemeenten dat beschikt over beleid gericht op aanpak mensenhandel"),
    "ncmec": ("fig_ncmec", "CyberTipline-meldingen van NCMEC over Nederland"),
    "iwf": ("fig_iwf", "Aandeel van wereldwijd gehost kindermisbruikmateriaal in Nederland (IWF)"),
    "offlimits": ("fig_offlimits", "Meldpunt Kinderporno (Offlimits): meldingen en URL's"),
    "b8_3": ("fig_b8_3", "Minderjarige buitenlandse slachtoffers en B8/3"),
}


def expand(figure: str) -> list[str]:
    return list(FIGURES) if figure == "all" else [figure]


def figure_table(warehouse: Path, figure: str) -> tuple[list[str], list[tuple]]:
    """The figure's own view, as `kr show` prints it."""
    from .readonly import run_query

    return run_query(warehouse, f"SELECT * FROM {FIGURES[figure][0]}")


def figure_points(warehouse: Path, figure: str) -> list[dict]:
    """The figure's data in the common tidy shape (figure_data), for charts."""
    from .readonly import run_query

    columns, rows = run_query(
        warehouse,
        "SELECT series_order, series, year, value, qualifier, unit, source_line "
        f"FROM figure_data WHERE figure = '{figure}' ORDER BY series_order, year",
    )
    return [dict(zip(columns, r)) for r in rows]
