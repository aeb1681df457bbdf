"""Charts of the chapter's figures: one declarative Vega-Lite definition per figure (and per
indicator), drawn by the browser on the site (interactive, as wide as the screen) and by
vl-convert as print files (PNG at 300 dpi, SVG with its text kept as text). The rules that keep
them honest, the same on the site and on paper:

- the time axis covers every year of the figure's span (view figure_grid); a year or a bar
  without a figure is marked "geen cijfer", never left out;
- one panel per unit, so one axis never mixes measures; each axis says its unit;
- a value is labelled as published ("circa 33%", "2 tot 3%", "meer dan 75%"); a revised value
  gets an asterisk and a note; the parts of a stacked bar carry their own values;
- a series has one colour everywhere (series_colours: the figure page, the indicator page and
  the print files);
- one source line, or one per series when their sources differ ("Source:" in English).

The definition (`panels`, `print_spec`) is plain Vega-Lite JSON made here; its data are the
figure's points, so a chart's cache key is the hash of its definition (chart_key). Nothing
heavy is imported at module level: vl-convert (a Rust library running Vega in-process, no
browser and no worker process) only when a print file is drawn.
"""

from __future__ import annotations

import functools
import hashlib
import json
import textwrap
from pathlib import Path
from typing import Any

from ..catalog import PERCENT_UNITS
from ..figures import FIGURES, Figure, figure_points
from .presentation import NO_FIGURE, REVISED, Lang, as_published, number, plot_value

VEGA_LITE = "6.4"  # the Vega-Lite version of the print files; the site ships the same (assets/vega/)
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
PNG_DPI = 300
PRINT_WIDTH = 9 * 72  # points: 9 inches, 2,700 px at 300 dpi
PANEL_HEIGHT = 240

# Colour-blind-safe, each at least 3:1 against white (WCAG's contrast for graphics).
PALETTE = ["#1f5aa6", "#b35900", "#17776c", "#7b4f9d", "#5a5a5a", "#a3286b", "#4d6b00"]
INK, MUTED, GAP_INK = "#1b1b1b", "#444444", "#595959"  # GAP_INK: 7:1 on white
FONT = {"web": 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif', "print": "DejaVu Sans, sans-serif"}
NL_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€\u00a0", ""]}
SOURCE_WORD = {"nl": "Bron:", "en": "Source:"}


def dutch(value: float | None, unit: str | None = None) -> str:
    """127081 -> "127.081"; 41.4 -> "41,4"; percent gets "%"."""
    return number(value, "nl", unit)


def source_in(line: str, lang: Lang) -> str:
    """A source line of figures.yaml ("Bron: NCMEC, ...") in the page's language: the word
    before the colon is translated, the publication's own title is not."""
    if lang != "nl" and line.startswith(SOURCE_WORD["nl"]):
        return SOURCE_WORD[lang] + line[len(SOURCE_WORD["nl"]) :]
    return line


def source_lines(spec: Figure, points: list[dict], lang: Lang) -> list[str]:
    """One line when every series has the same source, else one per series."""
    by_source: dict[str, list[str]] = {}
    for s in spec.series:
        by_source.setdefault(source_in(s.source_line, lang), []).append(s.label_in(lang))
    if len(by_source) <= 1:
        return list(by_source)
    return [f"{', '.join(labels)}: {source}" for source, labels in by_source.items()]


@functools.cache
def series_colours() -> dict[tuple[str, str], str]:
    """One colour per series (indicator, breakdown), the same on every chart it is on: in the
    order of figures.yaml, a series keeps the colour it first got and a new one takes the first
    colour its figure does not use yet."""
    colours: dict[tuple[str, str], str] = {}
    for fig in FIGURES.values():
        used = {colours[(s.indicator_id, s.breakdown)] for s in fig.series if (s.indicator_id, s.breakdown) in colours}
        for s in fig.series:
            key = (s.indicator_id, s.breakdown)
            if key not in colours:
                colours[key] = next((c for c in PALETTE if c not in used), PALETTE[len(used) % len(PALETTE)])
                used.add(colours[key])
    return colours


def colours_of(spec: Figure) -> dict[int, str]:
    """series order -> colour for one chart: each series its own colour (series_colours), a
    series no figure has the first colour the chart does not use yet."""
    known = series_colours()
    out: dict[int, str] = {}
    for s in spec.series:
        c = known.get((s.indicator_id, s.breakdown))
        if c is not None and c not in out.values():
            out[s.order] = c
    for s in spec.series:
        if s.order not in out:
            out[s.order] = next((c for c in PALETTE if c not in out.values()), PALETTE[0])
    return out


def _label(p: dict, lang: Lang) -> str:
    return as_published(p, lang) + ("*" if p.get("revised") else "")


def gap_text(p: dict | None, lang: Lang) -> str:
    """What a chart writes where a bar is missing: the value as published when it has one
    that cannot be drawn ("minder dan 10"), else "geen cijfer"."""
    if p is not None and p.get("qualifier") and p.get("qualifier") != "no_value":
        return as_published(p, lang)
    return NO_FIGURE[lang]


def _units(spec: Figure, points: list[dict]) -> list[str]:
    units: list[str] = []
    for s in spec.series:
        unit = next((p["unit"] for p in points if p["series_order"] == s.order and p.get("unit")), None)
        if unit and unit not in units:
            units.append(unit)
    return units


def _rows(spec: Figure, points: list[dict], lang: Lang, labels: dict[int, str]) -> list[dict]:
    """The marks of one panel as data rows: kind 'bar' (y0..y1, its label above), 'part' (a
    stacked part, labelled inside), 'gap' (a missing bar, or a whole year: series None)."""
    years = sorted({p["year"] for p in points})
    by_key = {(p["series_order"], p["year"]): p for p in points}
    orders = sorted({p["series_order"] for p in points})
    rows: list[dict] = []

    def tip(order: int | None, year: int, text: str) -> str:
        return f"{labels[order]}, {year}: {text}" if order is not None else f"{year}: {text}"

    def bar(p: dict, y0: float, y1: float, kind: str = "bar") -> dict:
        text = _label(p, lang)
        row = {"kind": kind, "year": str(p["year"]), "series": labels[p["series_order"]], "y0": y0, "y1": y1}
        row |= {"label": text, "tip": tip(p["series_order"], p["year"], text), "top": p.get("value_high") or y1}
        if p.get("qualifier") == "range":
            row |= {"low": p["value_low"], "high": p["value_high"]}
        return row

    def gap(year: int, order: int | None, p: dict | None) -> dict:
        text = gap_text(p, lang)
        return {"kind": "gap", "year": str(year), "series": labels[order] if order is not None else None, "label": text,
                "tip": tip(order, year, text)}  # fmt: skip

    for year in years:
        present = {o: by_key.get((o, year)) for o in orders}
        drawn: dict[int, float] = {o: v for o, p in present.items() if p is not None and (v := plot_value(p)) is not None}
        if spec.chart == "stacked_by_year":  # NCMEC: the total, or referrals + informational reports
            total, ref, info = (present.get(k) for k in (1, 2, 3))
            if ref and info and ref.get("value") is not None and info.get("value") is not None:
                rows.append(bar(ref, 0.0, ref["value"], "part"))
                rows.append(bar(info, ref["value"], ref["value"] + info["value"], "part"))
                if total and total.get("value") is not None:
                    rows.append(dict(bar(total, 0.0, total["value"]), kind="total"))
            elif total and total.get("value") is not None:
                rows.append(bar(total, 0.0, total["value"]))
            else:
                rows.append(gap(year, None, None))
            continue
        if not drawn:
            shown = [p for p in present.values() if p is not None and p.get("qualifier") not in (None, "no_value")]
            rows.append(gap(year, None, shown[0] if len(shown) == 1 else None))
            continue
        for o in orders:
            p = present[o]
            if o in drawn and p is not None:
                rows.append(bar(p, 0.0, drawn[o]))
            else:
                rows.append(gap(year, o, p))
    return rows


def _year_labels(n: int) -> dict:
    """Every year keeps its label: level while a year has 36 px, upright when the chart is
    narrower than that (a long span on a phone)."""
    narrow = f"width / {n} < 36"
    return {
        "labelAngle": {"expr": f"{narrow} ? 270 : 0"},
        "labelAlign": {"expr": f"{narrow} ? 'right' : 'center'"},
        "labelBaseline": {"expr": f"{narrow} ? 'middle' : 'top'"},
        "labelOverlap": False,
    }


def _axis_format(unit: str) -> dict:
    whole = unit not in PERCENT_UNITS
    return {"format": ",.2~f", **({"tickMinStep": 1} if whole else {})}


def _panel(spec: Figure, points: list[dict], unit: str, lang: Lang, title: str, medium: str, panels: int = 1) -> dict:
    """One panel (one unit; `panels` of the figure) as a Vega-Lite layer spec."""
    labels = {s.order: s.label_in(lang) for s in spec.series}
    colours = colours_of(spec)
    orders = sorted({p["series_order"] for p in points})
    domain = [labels[o] for o in orders]
    colour = {
        "field": "series",
        "type": "nominal",
        "scale": {"domain": domain, "range": [colours[o] for o in orders]},
        "legend": {"orient": "top", "direction": "vertical", "title": None, "labelLimit": 0, "symbolType": "square"}
        if len(orders) > 1
        else None,
    }
    rows = _rows(spec, points, lang, labels)
    axis_title = spec.axis_label(unit, lang)
    whole = unit not in PERCENT_UNITS
    top = max([r.get("top") or 0 for r in rows] + [4 if whole else 1])
    described = f"{title}: {axis_title}" if panels > 1 else title
    width: Any = "container" if medium == "web" else PRINT_WIDTH - 70
    base: dict[str, Any] = {"description": described, "data": {"values": rows}, "width": width}
    if panels > 1 and len(orders) == 1:  # one series in this panel: no legend, so its name on top
        base["title"] = {"text": labels[orders[0]], "anchor": "start", "fontSize": 12, "fontWeight": "normal"}
    hide = {"aria": False}

    if spec.chart == "horizontal":  # one bar per series: its newest value
        newest: dict[int, dict] = {}
        for q in points:
            if plot_value(q) is not None:
                newest[q["series_order"]] = q
        hrows: list[dict[str, Any]] = []
        for o in orders:
            p = newest.get(o)
            head = textwrap.wrap(f"{labels[o]} ({p['year']})" if p else labels[o], 44)
            if p is None:
                hrows.append({"kind": "gap", "series": labels[o], "head": head, "label": NO_FIGURE[lang], "x": 0,
                              "tip": f"{labels[o]}: {NO_FIGURE[lang]}"})  # fmt: skip
            else:
                text = _label(p, lang)
                hrows.append({"kind": "bar", "series": labels[o], "head": head, "label": text, "x": plot_value(p),
                              "tip": f"{labels[o]}, {p['year']}: {text}"})  # fmt: skip
        xmax = 100 if unit == "percent" else max([r["x"] for r in hrows] + [1]) * 1.2
        y = {
            "field": "series",
            "type": "nominal",
            "axis": None,
            "scale": {"domain": domain, "paddingInner": 0.55, "paddingOuter": 0.6},
        }
        x = {"field": "x", "type": "quantitative", "scale": {"domain": [0, xmax], "nice": False},
             "axis": {"title": axis_title, "titleFontWeight": "normal", "tickCount": 5, **_axis_format(unit)}}  # fmt: skip
        lines = max(len(r["head"]) for r in hrows)  # a multi-line label's first line sits at its y
        return base | {
            "data": {"values": hrows},
            "height": len(hrows) * (34 + 16 * lines),
            "encoding": {"y": y},
            "layer": [
                {"transform": [{"filter": "datum.kind === 'bar'"}], "mark": {"type": "bar"},
                 "encoding": {"x": x, "color": colour | {"legend": None}, "tooltip": {"field": "tip"}, "description": {"field": "tip"}}},
                {"transform": [{"filter": "datum.kind === 'bar'"}], "mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12, "fill": INK, **hide},
                 "encoding": {"x": x, "text": {"field": "label"}}},
                {"mark": {"type": "text", "align": "left", "baseline": "bottom", "dy": -4 - 15 * (lines - 1), "fontSize": 12, "fill": INK, "lineHeight": 15, **hide},
                 "encoding": {"y": dict(y, bandPosition=0), "x": {"value": 0}, "text": {"field": "head"}}},
                {"transform": [{"filter": "datum.kind === 'gap'"}], "mark": {"type": "text", "align": "left", "fontSize": 12, "fill": GAP_INK, "fontStyle": "italic"},
                 "encoding": {"x": {"value": 2}, "text": {"field": "label"}, "description": {"field": "tip"}}},
            ],
        }  # fmt: skip

    years = sorted({str(p["year"]) for p in points})
    stacked = spec.chart == "stacked_by_year"
    grouped = not stacked and len(orders) > 1
    rotate = grouped  # many thin bars: their labels stand upright
    yscale = {"domain": [0, top * (1.35 if rotate else 1.15)], "nice": False, "zero": True}
    y = {
        "field": "y1",
        "type": "quantitative",
        "scale": yscale,
        "axis": {"title": axis_title, **_axis_format(unit), "titleFontWeight": "normal"},
    }
    offset = {"xOffset": {"field": "series", "type": "nominal", "scale": {"domain": domain}}} if grouped else {}
    layers: list[dict] = [
        {"transform": [{"filter": "datum.kind === 'bar' || datum.kind === 'part'"}], "mark": {"type": "bar"},
         "encoding": {"y": y, "y2": {"field": "y0"}, "color": colour, "tooltip": {"field": "tip"}, "description": {"field": "tip"}, **offset}},
        {"transform": [{"filter": "datum.low != null"}], "mark": {"type": "rule", "color": INK, **hide},
         "encoding": {"y": {"field": "low", "type": "quantitative", "scale": yscale}, "y2": {"field": "high"}, **offset}},
    ]  # fmt: skip
    label_mark: dict[str, Any] = {"type": "text", "fontSize": 11, "fill": INK, **hide}
    if rotate:
        label_mark |= {"angle": 270, "align": "left", "baseline": "middle", "dx": 3}
    else:
        label_mark |= {"baseline": "bottom", "dy": -3}
    layers.append(
        {"transform": [{"filter": "datum.kind === 'bar' || datum.kind === 'total'"}], "mark": label_mark,
         "encoding": {"y": {"field": "top", "type": "quantitative", "scale": yscale}, "text": {"field": "label"}, **offset}}
    )  # fmt: skip
    if stacked:  # each part's own value, inside it
        layers.append(
            {"transform": [{"filter": "datum.kind === 'part'"}, {"calculate": "(datum.y0 + datum.y1) / 2", "as": "mid"}],
             "mark": {"type": "text", "fontSize": {"expr": "width < 560 ? 10 : 11"} if medium == "web" else 11, "fill": "#ffffff", "baseline": "middle", **hide},
             "encoding": {"y": {"field": "mid", "type": "quantitative", "scale": yscale}, "text": {"field": "label"}}}
        )  # fmt: skip
    # a missing bar among others is as narrow as a bar: its mark is smaller on a narrow chart
    small: Any = {"expr": "width < 560 ? 8 : 11"} if grouped and medium == "web" else 9 if grouped else 11
    gap_mark = {"type": "text", "angle": 270, "align": "left", "baseline": "middle", "dx": 4, "fontSize": small, "fill": GAP_INK}
    gap_enc = {
        "y": {"datum": 0, "type": "quantitative", "scale": yscale},
        "text": {"field": "label"},
        "description": {"field": "tip"},
    }
    layers.append(
        {
            "transform": [{"filter": "datum.kind === 'gap' && datum.series != null"}],
            "mark": gap_mark,
            "encoding": gap_enc | offset,
        }
    )
    layers.append(
        {
            "transform": [{"filter": "datum.kind === 'gap' && datum.series == null"}],
            "mark": gap_mark | {"fontSize": 12},
            "encoding": gap_enc,
        }
    )
    return base | {
        "height": PANEL_HEIGHT,
        "encoding": {
            "x": {
                "field": "year",
                "type": "ordinal",
                "scale": {"domain": years, "paddingInner": 0.12 if stacked else 0.2},
                "axis": {"title": None, "labelFontSize": 12, **_year_labels(len(years))},
            }
        },  # fmt: skip
        "layer": layers,
    }


def _config(lang: Lang, medium: str) -> dict:
    axis = {"labelFontSize": 12, "titleFontSize": 12, "labelColor": INK, "titleColor": INK, "domainColor": "#767676",
            "tickColor": "#767676", "gridColor": "#e3e3e3", "aria": False}  # fmt: skip
    config: dict[str, Any] = {
        "font": FONT[medium],
        "axis": axis,
        "legend": {"labelFontSize": 12, "labelColor": INK, "aria": False},
        "view": {"stroke": None},
        "title": {"color": INK},
    }
    if lang == "nl":
        config["locale"] = {"number": NL_LOCALE}
    return config


def panels(spec: Figure, points: list[dict], lang: Lang = "nl", title: str = "") -> list[dict]:
    """The figure on a web page: one Vega-Lite spec per unit, each as wide as its container;
    title and source lines are the page's own text."""
    title = title or spec.title_in(lang)
    units = _units(spec, points)
    out = []
    for unit in units:
        p = _panel(spec, [q for q in points if q.get("unit") == unit], unit, lang, title, "web", len(units))
        out.append({"$schema": SCHEMA, "autosize": {"type": "fit-x", "contains": "padding"}, "config": _config(lang, "web")} | p)
    return out


def print_spec(spec: Figure, points: list[dict], lang: Lang = "nl") -> dict:
    """The figure as one print file: title, one panel per unit, source lines and notes."""
    title = spec.title_in(lang)
    units = _units(spec, points)
    charts = [_panel(spec, [q for q in points if q.get("unit") == u], u, lang, title, "print", len(units)) for u in units]
    notes = [line for s in source_lines(spec, points, lang) for line in textwrap.wrap(s, 105)]
    if any(p.get("revised") for p in points):
        notes.append(f"* {REVISED[lang]}")
    if not charts:
        notes.insert(0, NO_FIGURE[lang])
    charts.append(
        {
            "data": {"values": [{"i": i, "line": line} for i, line in enumerate(notes)]},
            "width": PRINT_WIDTH - 70,
            "height": 15 * len(notes),
            "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": 10, "fill": MUTED},
            "encoding": {
                "y": {"field": "i", "type": "ordinal", "axis": None, "scale": {"paddingOuter": 0}},
                "x": {"value": 0},
                "text": {"field": "line"},
            },
        }
    )
    return {
        "$schema": SCHEMA,
        "description": title,
        "title": {"text": textwrap.wrap(title, 72), "anchor": "start", "fontSize": 14, "offset": 12},
        "vconcat": charts,
        "spacing": 18,
        "resolve": {"scale": {"color": "independent", "xOffset": "independent", "x": "independent", "y": "independent"}},
        "background": "#ffffff",
        "padding": 12,
        "config": _config(lang, "print"),
    }


def chart_key(definition: dict, fmt: str) -> str:
    """The cache key of a drawn file: its definition (data included), the format and what draws it."""
    from importlib.metadata import version

    payload = json.dumps([definition, fmt, PNG_DPI, VEGA_LITE, version("vl-convert-python")], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def render_file(definition: dict, fmt: str) -> bytes:
    """A print file: "png" (300 dpi) or "svg" (text as <text>)."""
    import vl_convert

    if fmt == "png":
        return vl_convert.vegalite_to_png(definition, vl_version=VEGA_LITE, ppi=PNG_DPI)
    return vl_convert.vegalite_to_svg(definition, vl_version=VEGA_LITE).encode("utf-8")


def save(definition: dict, out: Path, stem: str) -> list[Path]:
    """<out>/<stem>.png (print resolution) and .svg."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for ext in ("png", "svg"):
        path = out / f"{stem}.{ext}"
        path.write_bytes(render_file(definition, ext))
        written.append(path)
    return written


def render(warehouse: Path, figure: str, lang: Lang = "nl") -> dict:
    """A figure of the chapter as its print definition, from the warehouse."""
    return print_spec(FIGURES[figure], figure_points(warehouse, figure), lang)


def draw(warehouse: Path, figure: str, out: Path, lang: Lang = "nl") -> list[Path]:
    """Write <out>/<figure>.png and .svg. Returns the files written."""
    return save(render(warehouse, figure, lang), out, figure)
