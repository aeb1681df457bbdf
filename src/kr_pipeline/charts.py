"""Charts of the chapter's figures (PNG at print resolution, SVG with its text kept as text),
Dutch or English, and the rules that keep them honest:

- the time axis covers every year of the figure's span (view figure_grid); a year or a bar
  without a figure is marked "geen cijfer", never left out;
- one panel per unit, so one axis never mixes measures; each axis says its unit;
- a value is labelled as published ("circa 33%", "2 tot 3%", "meer dan 75%"); a revised value
  gets an asterisk and a note;
- one source line, or one per series when their sources differ; titles wrap to fit.

matplotlib is imported here only (lazily), so analyst commands that do not draw stay fast.
Every bar carries an id and a tooltip text (Figure.kr_tooltips) for the site's interactive SVG.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from .figures import FIGURES, Figure, figure_points
from .presentation import NO_FIGURE, REVISED, Lang, as_published, number, plot_value

_COLOURS = ["#1f5aa6", "#e07b00", "#2a9d8f", "#8d5fa6", "#555555"]
_GAP = "#8a8a8a"
PNG_DPI = 300


def dutch(value: float | None, unit: str | None = None) -> str:
    """127081 -> "127.081"; 41.4 -> "41,4"; percent gets "%"."""
    return number(value, "nl", unit)


def _label(p: dict, lang: Lang) -> str:
    return as_published(p, lang) + ("*" if p.get("revised") else "")


class _Panel:
    """One axes: the points of the series that share a unit."""

    def __init__(self, ax, points: list[dict], lang: Lang, tips: dict[str, str]):
        self.ax, self.points, self.lang, self.tips = ax, points, lang, tips
        self.years = sorted({p["year"] for p in points})
        self.series = sorted({(p["series_order"], p["series_label"]) for p in points})

    def bar(self, artist, p: dict) -> None:
        gid = f"bar-{len(self.tips) + 1}"
        artist.set_gid(gid)
        self.tips[gid] = f"{p['series_label']}, {p['year']}: {_label(p, self.lang)}"

    def gap(self, x: float, y_text: str = "", whole_year: bool = False) -> None:
        text = y_text or NO_FIGURE[self.lang]
        if whole_year:
            self.ax.axvspan(x - 0.45, x + 0.45, color="#f1f1f1", zorder=0)
        self.ax.annotate(
            text,
            (x, 0),
            xytext=(0, 3),
            textcoords="offset points",
            rotation=90,
            ha="center",
            va="bottom",
            fontsize=7 if whole_year else 6,
            color=_GAP,
        )

    def value_label(self, x: float, h: float, p: dict) -> None:
        self.ax.annotate(
            _label(p, self.lang), (x, h), ha="center", va="bottom", fontsize=7, xytext=(0, 2), textcoords="offset points"
        )

    def grouped(self) -> None:
        """x = year, one bar per series; a missing bar is a marked gap."""
        n = len(self.series)
        width = 0.8 / max(n, 1)
        by_key = {(p["series_order"], p["year"]): p for p in self.points}
        for x, year in enumerate(self.years):
            present = [plot_value(by_key[(o, year)]) is not None for o, _ in self.series if (o, year) in by_key]
            if not any(present):
                shown = [by_key[(o, year)] for o, _ in self.series if by_key.get((o, year), {}).get("qualifier")]
                self.gap(x, as_published(shown[0], self.lang) if len(shown) == 1 else "", whole_year=True)
                continue
            for i, (order, _) in enumerate(self.series):
                p = by_key.get((order, year))
                xi = x + (i - (n - 1) / 2) * width
                h = plot_value(p) if p else None
                if p is None or h is None:
                    self.gap(xi, as_published(p, self.lang) if p and p.get("qualifier") else "")
                    continue
                (artist,) = self.ax.bar([xi], [h], width=width * 0.95, color=_COLOURS[i % len(_COLOURS)])
                self.bar(artist, p)
                if p.get("qualifier") == "range":
                    self.ax.errorbar([xi], [h], yerr=[[h - p["value_low"]], [p["value_high"] - h]], color="#222", capsize=3, lw=1)
                self.value_label(xi, p.get("value_high") or h, p)
        self._year_axis()
        if n > 1:
            handles = [
                self.ax.bar([0], [0], width=0, color=_COLOURS[i % len(_COLOURS)], label=name)
                for i, (_, name) in enumerate(self.series)
            ]
            self.ax.legend(handles=handles, frameon=False, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))

    def stacked(self) -> None:
        """NCMEC: one bar per year, the total; stacked as referrals + informational reports
        where the split is published (series 2 and 3)."""
        by_year: dict[int, dict[int, dict]] = {}
        for p in self.points:
            by_year.setdefault(p["year"], {})[p["series_order"]] = p
        names = dict(self.series)
        used: set[int] = set()
        for x, year in enumerate(self.years):
            parts = by_year.get(year, {})
            total, ref, info = (parts.get(k) for k in (1, 2, 3))
            if ref and info and ref.get("value") is not None and info.get("value") is not None:
                stack = [(2, ref, 0.0), (3, info, ref["value"])]
            elif total and total.get("value") is not None:
                stack = [(1, total, 0.0)]
            else:
                self.gap(x, whole_year=True)
                continue
            for order, p, bottom in stack:
                (artist,) = self.ax.bar(
                    [x], [p["value"]], bottom=bottom, color=_COLOURS[order - 1], label=None if order in used else names[order]
                )
                used.add(order)
                self.bar(artist, p)
            top = total if total and total.get("value") is not None else None
            height = top["value"] if top else sum(p["value"] for _, p, _ in stack)
            if top:
                self.value_label(x, height, top)
        self._year_axis()
        self.ax.legend(frameon=False, fontsize=7, loc="upper left")

    def horizontal(self) -> None:
        """One bar per series, its newest value (single-year figures such as Figuur 4)."""
        rows = []
        for order, name in self.series:
            with_value = [p for p in self.points if p["series_order"] == order and plot_value(p) is not None]
            rows.append((name, with_value[-1] if with_value else None))
        for y, (name, p) in enumerate(rows):
            if p is None:
                self.ax.annotate(
                    NO_FIGURE[self.lang], (0, y), va="center", fontsize=7, color=_GAP, xytext=(3, 0), textcoords="offset points"
                )
                continue
            (artist,) = self.ax.barh([y], [plot_value(p)], color=_COLOURS[0])
            self.bar(artist, p)
            self.ax.annotate(
                _label(p, self.lang), (plot_value(p), y), va="center", fontsize=7, xytext=(3, 0), textcoords="offset points"
            )
        labels = [textwrap.fill(f"{name} ({p['year']})" if p else name, 40) for name, p in rows]
        self.ax.set_yticks(range(len(rows)), labels, fontsize=7)
        self.ax.invert_yaxis()

    def _year_axis(self) -> None:
        self.ax.set_xticks(range(len(self.years)), [str(y) for y in self.years], fontsize=8)
        self.ax.set_xlim(-0.6, len(self.years) - 0.4)


def source_lines(spec: Figure, points: list[dict], lang: Lang) -> list[str]:
    """One line when every series has the same source, else one per series."""
    by_source: dict[str, list[str]] = {}
    for s in spec.series:
        by_source.setdefault(s.source_line, []).append(s.label_in(lang))
    if len(by_source) <= 1:
        return list(by_source)
    return [f"{', '.join(labels)}: {source}" for source, labels in by_source.items()]


def draw_figure(spec: Figure, points: list[dict], lang: Lang = "nl", standalone: bool = True):
    """The figure as a matplotlib Figure: one panel per unit (in series order). Standalone
    (a file of its own) it carries its title and source lines; on a web page these are the
    page's own text."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matplotlib.rcParams["svg.fonttype"] = "none"  # SVG text stays text (searchable, editable)
    matplotlib.rcParams["svg.hashsalt"] = "kr-pipeline"  # the same chart gives the same file

    labels = {s.order: s.label_in(lang) for s in spec.series}
    points = [dict(p, series_label=labels.get(p["series_order"], p.get("series"))) for p in points]
    units: list[str] = []
    for s in spec.series:
        unit = next((p["unit"] for p in points if p["series_order"] == s.order), None)
        if unit and unit not in units:
            units.append(unit)
    units = units or [""]
    sources = source_lines(spec, points, lang)
    revised = any(p.get("revised") for p in points)
    notes = [textwrap.fill(line, 150) for line in sources] if standalone else []
    if revised:
        notes.append(f"* {REVISED[lang]}")
    height = (
        (1.2 if standalone else 0.4)
        + (3.6 if len(units) == 1 else 2.3 * len(units))
        + 0.18 * sum(n.count("\n") + 1 for n in notes)
    )
    fig, axes = plt.subplots(len(units), 1, figsize=(9, height), layout="constrained", squeeze=False)
    tips: dict[str, str] = {}
    for ax, unit in zip(axes[:, 0], units):
        panel = _Panel(ax, [p for p in points if p["unit"] == unit], lang, tips)
        if not panel.points:
            ax.text(0.5, 0.5, NO_FIGURE[lang], ha="center", va="center", transform=ax.transAxes, color=_GAP)
            ax.set_axis_off()
            continue
        if len(units) > 1 and len(panel.series) == 1:
            ax.set_title(panel.series[0][1], fontsize=8, loc="left")
        {"bars_by_year": panel.grouped, "stacked_by_year": panel.stacked, "horizontal": panel.horizontal}[spec.chart]()
        value_axis = ax.xaxis if spec.chart == "horizontal" else ax.yaxis
        value_axis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: number(v, lang)))
        if unit not in ("percent", "percent_change"):  # counts have whole-number ticks
            value_axis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        value_axis.set_label_text(spec.axis_label(unit, lang), fontsize=8)
        ax.tick_params(labelsize=7)
        if spec.chart == "horizontal":
            ax.set_xlim(0, max([plot_value(p) or 0 for p in panel.points] + [1]) * 1.15)
        else:
            top = max([(p.get("value_high") or plot_value(p) or p.get("upper_bound") or 0) for p in panel.points] + [1])
            ax.set_ylim(0, top * 1.18)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    if standalone:
        fig.suptitle(textwrap.fill(spec.title_in(lang), 90), x=0.01, ha="left", fontsize=10)
    if notes:
        fig.supxlabel("\n".join(notes), x=0.01, ha="left", fontsize=6.5, color="#444")
    fig.kr_tooltips = tips  # type: ignore[attr-defined]
    return fig


def render(warehouse: Path, figure: str, lang: Lang = "nl") -> Any:
    """A figure of the chapter as a matplotlib Figure, from the warehouse."""
    return draw_figure(FIGURES[figure], figure_points(warehouse, figure), lang)


def save(fig, out: Path, stem: str) -> list[Path]:
    """<out>/<stem>.png (print resolution) and .svg."""
    import matplotlib.pyplot as plt

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for ext in ("png", "svg"):
        path = out / f"{stem}.{ext}"
        fig.savefig(path, dpi=PNG_DPI if ext == "png" else None, metadata={"Date": None} if ext == "svg" else None)
        written.append(path)
    plt.close(fig)
    return written


def draw(warehouse: Path, figure: str, out: Path, lang: Lang = "nl") -> list[Path]:
    """Write <out>/<figure>.png and .svg. Returns the files written."""
    return save(render(warehouse, figure, lang), out, figure)
