"""The chapter's charts (kr_pipeline.present.charts): one Vega-Lite definition per figure, valid against
Vega-Lite's schema, drawn from the warehouse built from what the repo ships; the print files
(PNG at 300 dpi, SVG with text as text); every bar, gap, label and colour checked in the
definition itself. tests/test_site_browser.py draws the same definitions in Chromium."""

from __future__ import annotations

import html
import re
import struct

import pytest

from kr_pipeline.figures import FIGURES, Figure, Series, figure_points
from kr_pipeline.present import charts
from kr_pipeline.present.charts import draw, dutch, panels, print_spec, render


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer", [])


def _rows(spec: dict, kind: str | tuple[str, ...]) -> list[dict]:
    kinds = (kind,) if isinstance(kind, str) else kind
    return [r for r in spec["data"]["values"] if r["kind"] in kinds]


@pytest.fixture(scope="module")
def points(shipped):
    return {fid: figure_points(shipped.warehouse, fid) for fid in FIGURES}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_definition_is_valid_vega_lite(points, lang):
    """Every panel of the site and every print definition passes Vega-Lite's own JSON schema
    (altair's copy of it, the version the site ships and vl-convert draws)."""
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema import SCHEMA_VERSION, load_schema

    assert SCHEMA_VERSION.startswith("v" + charts.VEGA_LITE)
    schema = load_schema()
    for fid, fig in FIGURES.items():
        for spec in [*panels(fig, points[fid], lang), print_spec(fig, points[fid], lang)]:
            validate_jsonschema(spec, schema)


def _png_info(data: bytes) -> tuple[int, int, int]:
    """Width and height in pixels, and pixels per metre (pHYs)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    at = data.index(b"pHYs")
    ppm_x, ppm_y, unit = struct.unpack(">IIB", data[at + 4 : at + 13])
    assert unit == 1 and ppm_x == ppm_y
    return width, height, ppm_x


@pytest.mark.parametrize(("figure", "lang"), [(f, "nl") for f in FIGURES] + [("ncmec", "en")])
def test_chart_writes_png_and_svg(shipped, tmp_path, figure, lang):
    """PNG at print resolution (300 dpi, 8 to 10 inches wide); SVG with its text kept as text:
    the title, the source line and the value labels are <text> a reader can search and an
    editor can change."""
    png, svg = draw(shipped.warehouse, figure, tmp_path, lang)
    width, _, ppm = _png_info(png.read_bytes())
    assert ppm == round(300 / 0.0254)  # 11811 pixels per metre
    assert 8 <= width / 300 <= 10
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg.read_text("utf-8"), re.S)  # a wrapped line is a <tspan>
    words = html.unescape(" ".join(re.sub(r"<[^>]+>", " ", t) for t in texts))
    assert FIGURES[figure].title_in(lang).split()[0] in words
    assert ("Bron:" in words) == (lang == "nl") and ("Source:" in words) == (lang == "en")
    if figure == "ncmec":
        published = ["25.704", "273.046", "245.365", "27.681"] if lang == "nl" else ["25,704", "273,046", "245,365", "27,681"]
        assert all(v in words for v in published), words


@pytest.mark.parametrize("figure", list(FIGURES))
def test_every_bar_has_the_height_of_its_value(points, figure):
    """The bars are the warehouse's values (a chart of zero-height bars, or of other numbers,
    fails); NCMEC's years with the split are stacked referrals + informational reports."""
    pts = points[figure]
    if figure == "ncmec":
        by_year: dict = {}
        for p in pts:
            by_year.setdefault(p["year"], {})[p["series_order"]] = p["value"]
        expected = [
            v
            for parts in by_year.values()
            for v in ([parts[2], parts[3]] if parts.get(2) is not None else [parts[1]])
            if v is not None
        ]
    else:
        expected = [p["value"] for p in pts if p["value"] is not None]
    drawn = []
    for spec in panels(FIGURES[figure], pts, "nl"):
        if FIGURES[figure].chart == "horizontal":
            drawn += [r["x"] for r in _rows(spec, "bar")]
        else:
            drawn += [r["y1"] - r["y0"] for r in _rows(spec, ("bar", "part"))]
    assert expected and sorted(drawn) == pytest.approx(sorted(expected))


@pytest.mark.parametrize(
    ("figure", "years", "gaps"),
    [
        ("ncmec", list(range(2019, 2025)), set()),  # 2021's PDF ships since issue 24: no gap left
        ("figuur1", list(range(2018, 2024)), {2018, 2020, 2021, 2022}),
        ("figuur2", [2022, 2023], {2022}),
    ],
)
def test_every_year_of_the_span_is_on_the_axis_and_a_gap_is_marked(points, figure, years, gaps):
    """A year without a figure keeps its place on the axis and says "geen cijfer" there (a
    whole year once, a missing bar among others at its own place); a year with one does not."""
    [spec] = panels(FIGURES[figure], points[figure], "nl")
    assert spec["encoding"]["x"]["scale"]["domain"] == [str(y) for y in years]
    marked = {int(r["year"]) for r in _rows(spec, "gap") if r["label"] == "geen cijfer"}
    assert gaps <= marked
    if figure == "ncmec":
        assert marked == gaps
    if figure == "figuur2":  # sexual exploitation 2022 is missing, criminal 2022 is there
        [gap] = [r for r in _rows(spec, "gap") if r["year"] == "2022"]
        assert gap["series"] == "Seksuele uitbuiting" and gap["tip"] == "Seksuele uitbuiting, 2022: geen cijfer"


def test_one_measure_per_axis(points):
    """Offlimits: reports, URLs and images each get their own panel and axis title; B8/3:
    persons and permits apart; the IWF share and the URL count apart."""
    for figure, labels in [
        ("offlimits", ["meldingen", "URL's", "afbeeldingen"]),
        ("b8_3", ["minderjarigen", "vergunningen"]),
        ("iwf", ["% van de wereldwijd gehoste URL's", "URL's in Nederland"]),
    ]:
        specs = panels(FIGURES[figure], points[figure], "nl")
        assert [s["layer"][0]["encoding"]["y"]["axis"]["title"] for s in specs] == labels, figure
        for s in specs:  # a panel holds one unit's series only
            units = {p["unit"] for p in points[figure] if p["year"] and str(p["year"]) in s["encoding"]["x"]["scale"]["domain"]}
            assert units
        if figure == "offlimits":  # each panel names its unit; a panel of one series names it
            assert [s["description"] for s in specs][1:] == [
                "Meldpunt Kinderporno (Offlimits): meldingen, URL's en afbeeldingen: URL's",
                "Meldpunt Kinderporno (Offlimits): meldingen, URL's en afbeeldingen: afbeeldingen",
            ]
            assert specs[2]["title"]["text"] == "Afbeeldingen (deels) met AI gemaakt" and "title" not in specs[0]
        printed = print_spec(FIGURES[figure], points[figure], "nl")
        assert len(printed["vconcat"]) == len(labels) + 1  # the panels and the notes
        assert printed["resolve"]["scale"]["y"] == "independent"


def test_a_source_line_per_series_when_sources_differ(points):
    def notes(fid: str, lang: str = "nl") -> str:
        return " ".join(r["line"] for r in print_spec(FIGURES[fid], points[fid], lang)["vconcat"][-1]["data"]["values"])

    text = notes("b8_3")
    assert (
        "Minderjarige buitenlandse slachtoffers, B8-bedenktijd geaccepteerd, B8/3-aangifte gedaan: Bron: navraag CoMensha" in text
    )
    assert "B8/3-vergunningen verleend aan minderjarigen: Bron: navraag Ministerie van Justitie en Veiligheid" in text
    assert notes("ncmec").count("Bron: NCMEC") == 1
    assert notes("ncmec", "en") == "Source: NCMEC, CyberTipline Reports by Country"


def test_revised_values_and_qualifiers_are_labelled_as_published():
    """A revised value gets an asterisk and the note; a range is drawn at its middle with its
    interval and labelled "2 tot 3%"; a suppressed value is a gap labelled "minder dan 10"."""
    spec = Figure("t", "Test", "Test", "bars_by_year", {}, (Series(1, "x", "total", "Reeks", "Series", "Bron: test"),))
    base = {"series_order": 1, "unit": "percent", "value_low": None, "value_high": None, "upper_bound": None}
    pts = [
        dict(base, year=2019, value=None, value_low=2.0, value_high=3.0, qualifier="range", revised=False),
        dict(base, year=2020, value=41.4, qualifier="exact", revised=True),
        dict(base, year=2021, value=None, upper_bound=9.0, qualifier="suppressed", revised=False),
        dict(base, year=2022, value=None, qualifier=None, revised=False),
    ]
    [panel] = panels(spec, pts, "nl")
    labels = {r["label"] for r in panel["data"]["values"]}
    assert {"2 tot 3%", "41,4%*", "minder dan 10%", "geen cijfer"} <= labels
    middle, revised = _rows(panel, "bar")
    assert (middle["y1"], middle["low"], middle["high"], revised["y1"]) == (2.5, 2.0, 3.0, 41.4)
    notes = print_spec(spec, pts, "nl")["vconcat"][-1]["data"]["values"]
    assert notes[-1]["line"] == "* herzien"


def test_a_series_has_one_colour_everywhere(shipped, points):
    """Each series (indicator, breakdown) gets one colour on every chart it is on, and the
    series of one chart never share a colour (the indicator page of CoMensha's victims and
    Figuur 1 alike)."""
    from kr_pipeline.present.website import indicator_figure, read_site_data, with_order

    def colour_map(spec: Figure, pts: list[dict]) -> dict[tuple[str, str], str]:
        out = {}
        for panel in panels(spec, pts, "nl"):
            scale = panel["layer"][0]["encoding"]["color"]["scale"]
            by_label = dict(zip(scale["domain"], scale["range"]))
            assert len(set(scale["range"])) == len(scale["range"])  # distinct within a chart
            for s in spec.series:
                if s.label_in("nl") in by_label:
                    out[(s.indicator_id, s.breakdown)] = by_label[s.label_in("nl")]
        return out

    seen: dict[tuple[str, str], set[str]] = {}
    for fid, fig in FIGURES.items():
        for key, colour in colour_map(fig, points[fid]).items():
            seen.setdefault(key, set()).add(colour)
    data = read_site_data(shipped)
    for ind_id, grid in data.indicator_points.items():
        if grid:
            fig = indicator_figure(data.indicators[ind_id], grid)
            for key, colour in colour_map(fig, with_order(fig, grid)).items():
                seen.setdefault(key, set()).add(colour)
    assert seen[("comensha.minor_victims", "sexual")] and seen[("ncmec.cybertipline_reports", "referral")]
    assert {k: v for k, v in seen.items() if len(v) > 1} == {}


def test_the_site_chart_is_as_wide_as_its_screen_and_accessible(points):
    """On the site a panel fills its container's width; its description names the figure;
    bars and gaps carry their value as description and tooltip; axes and value labels are
    left out of what a screen reader reads (the table beside the chart has them)."""
    for spec in panels(FIGURES["figuur1"], points["figuur1"], "nl"):
        assert spec["width"] == "container" and spec["autosize"]["type"] == "fit-x"
        assert spec["description"].startswith("Figuur 1.")
        assert spec["config"]["axis"]["aria"] is False and spec["config"]["legend"]["aria"] is False
        for layer in _layers(spec):
            described = "description" in layer["encoding"]
            assert described or layer["mark"].get("aria") is False, layer
            if layer["mark"]["type"] == "bar":
                assert layer["encoding"]["tooltip"] == {"field": "tip"} and described


def test_figure_4_is_a_bar_not_a_block(points):
    """Figuur 4 (one series, one year): a bar of a fixed thickness on a 0-100% axis, its
    label above it, not one bar filling the chart."""
    [spec] = panels(FIGURES["figuur4"], points["figuur4"], "nl")
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == [0, 100]
    assert spec["height"] <= 80 and spec["encoding"]["y"]["scale"]["paddingInner"] >= 0.5
    [bar] = _rows(spec, "bar")
    assert bar["label"] == "66%" and bar["head"] == ["Gemeenten met beleid gericht op aanpak", "mensenhandel (2023)"]


def test_render_is_the_print_definition(shipped):
    spec = render(shipped.warehouse, "ncmec", "en")
    assert spec["title"]["text"] == ["NCMEC CyberTipline reports concerning the Netherlands"]
    assert "locale" not in spec["config"]  # English numbers: 25,704
    assert render(shipped.warehouse, "ncmec")["config"]["locale"]["number"]["thousands"] == "."


def test_dutch_number_labels():
    assert (dutch(127081), dutch(41.4, "percent"), dutch(29, "percent")) == ("127.081", "41,4%", "29%")


def _children() -> set[int]:
    """The process ids this process has started and that still run (Linux /proc)."""
    import os
    from pathlib import Path

    found: set[int] = set()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        found |= {int(pid) for pid in (task / "children").read_text().split()}
    return found


def test_drawing_starts_no_process(points):
    """vl-convert draws in this process (its JavaScript engine runs on a thread): nothing is left
    to outlive a killed parent, because no worker process exists (issue 26 part 7)."""
    import subprocess
    from unittest import mock

    before = _children()
    with (
        mock.patch.object(subprocess.Popen, "__init__", side_effect=AssertionError("a process was started")),
        mock.patch("multiprocessing.process.BaseProcess.start", side_effect=AssertionError("a process was started")),
    ):
        spec = print_spec(FIGURES["ncmec"], points["ncmec"], "nl")
        assert charts.render_file(spec, "png")[:8] == b"\x89PNG\r\n\x1a\n"
        assert b"<svg" in charts.render_file(spec, "svg")[:200]
    assert _children() == before


def _axis_labels(definition: dict) -> list[list[tuple[str, float]]]:
    """The axis labels Vega lays out (vl-convert's scenegraph): text and angle, per axis."""
    import vl_convert

    found: list[list[tuple[str, float]]] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            if node.get("role") == "axis-label":
                found.append([(i["text"], i.get("angle", 0)) for i in node["items"]])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(vl_convert.vegalite_to_scenegraph(definition, vl_version=charts.VEGA_LITE))
    return found


def test_every_year_keeps_its_label_on_a_narrow_chart():
    """Seventeen years on a phone-wide chart: every year is labelled, upright; on a wide chart
    level."""
    spec = Figure("t", "Test", "Test", "bars_by_year", {}, (Series(1, "x", "total", "Reeks", "Series", "Bron: test"),))
    pts = [
        {"series_order": 1, "unit": "persons", "year": y, "value": float(y - 2000), "qualifier": "exact", "revised": False}
        for y in range(2008, 2025)
    ]
    [panel] = panels(spec, pts, "nl")
    for width, angle in [(330, 270), (900, 0)]:
        years, _ = _axis_labels(dict({k: v for k, v in panel.items() if k != "autosize"}, width=width))
        assert years == [(str(y), angle) for y in range(2008, 2025)], width
