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
    label_en: str
    source_line: str

    def label_in(self, lang: str) -> str:
        return self.label if lang == "nl" else self.label_en


@dataclass(frozen=True)
class Figure:
    figure_id: str
    title: str
    title_en: str
    chart: str
    axis: dict[str, tuple[str, str]]  # unit -> (Dutch, English) axis label
    series: tuple[Series, ...]

    @property
    def view(self) -> str:
        return f"fig_{self.figure_id}"

    def title_in(self, lang: str) -> str:
        return self.title if lang == "nl" else self.title_en

    def axis_label(self, unit: str, lang: str) -> str:
        from .present.presentation import unit_label

        if unit in self.axis:
            return self.axis[unit][0 if lang == "nl" else 1]
        return unit_label(unit, "nl" if lang == "nl" else "en")


@functools.cache
def load_figures(path: Path = FIGURES_FILE) -> dict[str, Figure]:
    try:
        doc = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KrError(f"cannot read {path}: {exc}") from None
    figures = {}
    for fid, spec in (doc or {}).items():
        where = f"{path.name}: figure {fid!r}"
        if not isinstance(spec, dict) or set(spec) != {"title", "title_en", "chart", "axis", "series"}:
            raise KrError(f"{where}: needs exactly title, title_en, chart, axis and series")
        if spec["chart"] not in CHART_KINDS:
            raise KrError(f"{where}: chart {spec['chart']!r} is not one of {sorted(CHART_KINDS)}")
        axis = spec["axis"]
        if not isinstance(axis, dict) or not all(isinstance(v, list) and len(v) == 2 for v in axis.values()):
            raise KrError(f"{where}: axis maps a unit to [Dutch label, English label]")
        series = []
        for n, s in enumerate(spec["series"], start=1):
            if not isinstance(s, dict) or set(s) != {"indicator", "breakdown", "label", "label_en", "source"}:
                raise KrError(f"{where}: series {n} needs exactly indicator, breakdown, label, label_en and source")
            series.append(Series(n, s["indicator"], s["breakdown"], s["label"], s["label_en"], s["source"]))
        axes = {str(unit): (str(v[0]), str(v[1])) for unit, v in axis.items()}
        figures[fid] = Figure(fid, str(spec["title"]), str(spec["title_en"]), spec["chart"], axes, tuple(series))
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
    from .store.connection import run_query

    result = run_query(warehouse, f"SELECT * FROM {FIGURES[figure].view}")
    return result.columns, result.rows


def figure_points(warehouse: Path, figure: str) -> list[dict]:
    """The figure's data in the common tidy shape, every year of its span (figure_grid: a year
    without a value has value NULL), for charts and the site."""
    from .store.connection import run_query

    columns, rows = run_query(warehouse, "SELECT * FROM figure_grid WHERE figure = ? ORDER BY series_order, year", [figure])
    return [dict(zip(columns, r)) for r in rows]
