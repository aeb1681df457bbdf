"""The chapter's figures, named once in warehouse/figures.yaml: title, chart kind, axis unit and
series. Read by the warehouse (table figure_series, views fig_<id>), `kr show`, `kr chart`, the
exports and the catalog. Imported by the CLI at start-up for the figure names, so it imports
nothing heavy itself (PyYAML only)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from .config import WAREHOUSE_DIR
from .errors import KrError

FIGURES_FILE = WAREHOUSE_DIR / "figures.yaml"
CHART_KINDS = {"bars_by_year", "stacked_by_year", "horizontal"}


@dataclass(frozen=True)
class Series:
    order: int
    indicator_id: str
    breakdown: str
    label: str
    source_line: str


@dataclass(frozen=True)
class Figure:
    figure_id: str
    title: str
    chart: str
    axis_unit: str
    series: tuple[Series, ...]

    @property
    def view(self) -> str:
        return f"fig_{self.figure_id}"


@functools.cache
def load_figures(path: Path = FIGURES_FILE) -> dict[str, Figure]:
    try:
        doc = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KrError(f"cannot read {path}: {exc}") from None
    figures = {}
    for fid, spec in (doc or {}).items():
        where = f"{path.name}: figure {fid!r}"
        if not isinstance(spec, dict) or set(spec) != {"title", "chart", "axis_unit", "series"}:
            raise KrError(f"{where}: needs exactly title, chart, axis_unit and series")
        if spec["chart"] not in CHART_KINDS:
            raise KrError(f"{where}: chart {spec['chart']!r} is not one of {sorted(CHART_KINDS)}")
        series = []
        for n, s in enumerate(spec["series"], start=1):
            if not isinstance(s, dict) or set(s) != {"indicator", "breakdown", "label", "source"}:
                raise KrError(f"{where}: series {n} needs exactly indicator, breakdown, label and source")
            series.append(Series(n, s["indicator"], s["breakdown"], s["label"], s["source"]))
        figures[fid] = Figure(fid, spec["title"], spec["chart"], spec["axis_unit"], tuple(series))
    return figures


FIGURES = load_figures()


def expand(figure: str) -> list[str]:
    return list(FIGURES) if figure == "all" else [figure]


def figures_of(indicator_id: str) -> list[str]:
    """The figures an indicator appears in."""
    return [f.figure_id for f in FIGURES.values() if any(s.indicator_id == indicator_id for s in f.series)]


def sync_figures(con, catalog: dict) -> None:
    """figure_series: the series of every figure, for the views; every series must name an
    indicator of the catalog and one of its breakdowns."""
    rows = []
    for f in FIGURES.values():
        for s in f.series:
            ind = catalog.get(s.indicator_id)
            if ind is None or s.breakdown not in ind.breakdowns:
                raise KrError(
                    f"{FIGURES_FILE.name}: figure {f.figure_id!r}: {s.indicator_id} [{s.breakdown}] is not in the catalog"
                )
            rows.append((f.figure_id, s.order, s.indicator_id, s.breakdown, s.label, s.source_line))
    con.execute("BEGIN")
    try:
        con.execute("DELETE FROM figure_series")
        con.executemany("INSERT INTO figure_series VALUES (?, ?, ?, ?, ?, ?)", rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def figure_table(warehouse: Path, figure: str) -> tuple[list[str], list[tuple]]:
    """The figure's own view, as `kr show` prints it."""
    from .readonly import run_query

    return run_query(warehouse, f"SELECT * FROM {FIGURES[figure].view}")


def figure_points(warehouse: Path, figure: str) -> list[dict]:
    """The figure's data in the common tidy shape (figure_data), for charts."""
    from .readonly import run_query

    columns, rows = run_query(
        warehouse,
        "SELECT series_order, series, year, value, qualifier, unit, source_line FROM figure_data WHERE figure = ? ORDER BY series_order, year",
        [figure],
    )
    return [dict(zip(columns, r)) for r in rows]
