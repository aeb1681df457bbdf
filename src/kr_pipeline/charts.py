"""Charts of the chapter's figures (PNG and SVG), Dutch labels, the source line under each.

matplotlib is imported here only, so analyst commands that do not draw stay fast.
"""

from __future__ import annotations

from pathlib import Path

from .figures import FIGURES, figure_points

_COLOURS = ["#1f5aa6", "#e07b00", "#2a9d8f", "#8d5fa6", "#555555"]


def dutch(value: float, unit: str | None = None) -> str:
    """127081 -> "127.081"; 41.4 -> "41,4"; percent gets "%"."""
    if value is None:
        return ""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    text = text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return text + ("%" if unit in ("percent", "percent_change") else "")


def _bars_by_year(ax, points, note=None):
    """Grouped bars: x = year, one bar per series (the monitor's column charts).
    `note(year)` adds text under a bar's value label."""
    series = sorted({(p["series_order"], p["series"]) for p in points})
    years = sorted({p["year"] for p in points})
    width = 0.8 / max(len(series), 1)
    for i, (order, name) in enumerate(series):
        xs, hs, labels = [], [], []
        for p in points:
            if p["series_order"] == order and p["value"] is not None:
                xs.append(years.index(p["year"]) + (i - (len(series) - 1) / 2) * width)
                hs.append(p["value"])
                labels.append(dutch(p["value"], p["unit"]) + (note(p["year"]) if note else ""))
        bars = ax.bar(xs, hs, width=width * 0.95, label=name, color=_COLOURS[i % len(_COLOURS)])
        for bar, h, label in zip(bars, hs, labels):
            ax.annotate(
                label,
                (bar.get_x() + bar.get_width() / 2, h),
                ha="center",
                va="bottom",
                fontsize=8,
                xytext=(0, 2),
                textcoords="offset points",
            )
    ax.set_xticks(range(len(years)), [str(y) for y in years])
    if len(series) > 1:
        ax.legend(frameon=False, fontsize=8)
    return ax.yaxis


def _split_by_year(ax, points):
    """NCMEC: one bar per year; from 2024 stacked as referrals + informational reports."""
    by_year: dict[int, dict[str, float]] = {}
    for p in points:
        by_year.setdefault(p["year"], {})[p["series_order"]] = p["value"]
    years = sorted(by_year)
    for x, year in enumerate(years):
        parts = by_year[year]
        total = parts.get(1)
        if parts.get(2) is not None and parts.get(3) is not None:
            ax.bar(
                x,
                parts[2],
                color=_COLOURS[1],
                label="Referrals" if "Referrals" not in ax.get_legend_handles_labels()[1] else None,
            )
            ax.bar(
                x,
                parts[3],
                bottom=parts[2],
                color=_COLOURS[2],
                label="Informatieve rapporten" if "Informatieve rapporten" not in ax.get_legend_handles_labels()[1] else None,
            )
        elif total is not None:
            ax.bar(
                x,
                total,
                color=_COLOURS[0],
                label="Meldingen (totaal)" if "Meldingen (totaal)" not in ax.get_legend_handles_labels()[1] else None,
            )
        if total is not None:
            ax.annotate(dutch(total), (x, total), ha="center", va="bottom", fontsize=8, xytext=(0, 2), textcoords="offset points")
    ax.set_xticks(range(len(years)), [str(y) for y in years])
    ax.legend(frameon=False, fontsize=8)
    return ax.yaxis


def _horizontal(ax, points):
    """Horizontal bars, one per series (for single-year figures such as Figuur 4)."""
    labels = [f"{p['series']} ({p['year']})" for p in points]
    values = [p["value"] or 0 for p in points]
    bars = ax.barh(range(len(points)), values, color=_COLOURS[0])
    ax.set_yticks(range(len(points)), labels, fontsize=8)
    ax.invert_yaxis()
    for bar, p in zip(bars, points):
        ax.annotate(
            dutch(p["value"], p["unit"]),
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            va="center",
            fontsize=8,
            xytext=(3, 0),
            textcoords="offset points",
        )
    return ax.xaxis


_CHARTS = {"bars_by_year": _bars_by_year, "stacked_by_year": _split_by_year, "horizontal": _horizontal}


def draw(warehouse: Path, figure: str, out: Path) -> list[Path]:
    """Write <out>/<figure>.png and .svg. Returns the files written."""
    import matplotlib.pyplot as plt

    fig = render(warehouse, figure)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for ext in ("png", "svg"):
        path = out / f"{figure}.{ext}"
        fig.savefig(path)
        written.append(path)
    plt.close(fig)
    return written


def render(warehouse: Path, figure: str):
    """The figure as a matplotlib Figure (its first Axes holds the bars)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    points = figure_points(warehouse, figure)
    layout = _CHARTS[FIGURES[figure].chart]
    if figure == "iwf":  # the chapter's IWF figure is the share; the counts go in the labels
        counts = {p["year"]: p["value"] for p in points if p["series_order"] == 2}
        points = [p for p in points if p["series_order"] == 1]
        layout = lambda ax, pts: _bars_by_year(ax, pts, note=lambda y: f" ({dutch(counts[y])} URL's)" if y in counts else "")  # noqa: E731
    title = FIGURES[figure].title
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=120)
    if points:
        value_axis = layout(ax, points)
        value_axis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: dutch(v)))
        value_axis.set_label_text(FIGURES[figure].axis_unit, fontsize=8)
        source = points[0]["source_line"]
    else:
        ax.text(0.5, 0.5, "Nog geen cijfers in het datawarehouse", ha="center", va="center", transform=ax.transAxes)
        source = ""
    missing_forms = figure == "figuur1" and not any(p["series"] != "Totaal" for p in points)
    if missing_forms:
        ax.text(
            0.99,
            0.97,
            "Cijfers per vorm nog niet beschikbaar (zie kr status)",
            transform=ax.transAxes,
            fontsize=8,
            va="top",
            ha="right",
            color="#a00",
        )
    ax.set_title(title, fontsize=10, loc="left", wrap=True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.text(0.01, 0.01, source, fontsize=7, color="#444", wrap=True)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig
