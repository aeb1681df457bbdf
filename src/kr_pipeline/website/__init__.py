"""`kr site --out DIR`: the monitor's figures as a static website, in Dutch (the root) and
English (en/). No server needed and no request leaves a page: styles and the one script ship
in assets/, charts are inline SVG (text kept as text; each bar focusable, its value on hover
and in a live region), every chart has a table beside it.

Pages: home (key figures, text figures, what the last run changed), one per figure of the
chapter, one per indicator (definition, CRC recommendation, publisher, chart, every value as
published with its source and earlier values), missing figures, party positions, validation
report; downloads (CSV, Dutch-Excel CSV, XLSX, Parquet, PNG, SVG) of every figure.

The folder is written beside its target and moved into place when complete.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..config import EXPECTATIONS_DIR, Settings
from ..export import read_figures
from ..figures import FIGURES, Figure, Series
from ..presentation import (
    LANGS,
    Lang,
    as_published,
    breakdown_label,
    number,
    qualifier_label,
    status_label,
    status_note,
    unit_label,
)
from ..warehouse_open import connect, dict_rows

HERE = Path(__file__).parent
WORKBOOK_NAME = "kinderhandel-figuren.xlsx"

# Page paths, the same in both languages (the English site is the same tree under en/).
HOME, MISSING, PARTIES, VALIDATION, REPORT, DOWNLOADS = (
    "index.html",
    "ontbrekend.html",
    "partijen.html",
    "validatie.html",
    "rapport.html",
    "downloads.html",
)


def figure_page(fid: str) -> str:
    return f"figuur/{fid}.html"


def indicator_page(indicator_id: str) -> str:
    return f"indicator/{indicator_id}.html"


@dataclass
class SiteData:
    """Everything the pages show, read once from the warehouse."""

    indicators: dict[str, dict]
    figure_points: dict[str, list[dict]]
    indicator_points: dict[str, list[dict]]
    values: dict[str, list[dict]]  # indicator -> every NLD value (all periods) with provenance
    earlier: dict[tuple, list[dict]]  # (indicator, period, breakdown) -> other vintages
    text_figures: list[dict]
    missing: list[dict]
    parties: list[dict]
    loads: list[dict]
    last_run: dict | None
    built_at: str


def read_site_data(settings: Settings) -> SiteData:
    con = connect(settings.warehouse, read_only=True, wait_seconds=settings.lock_wait)
    try:
        indicators = {r["indicator_id"]: r for r in dict_rows(con, "SELECT * FROM indicators ORDER BY indicator_id")}
        for r in indicators.values():
            r["crc"] = json.loads(r["crc"]) if isinstance(r["crc"], str) else r["crc"]
        figure_points, text_figures = read_figures(con)
        indicator_points: dict[str, list[dict]] = {i: [] for i in indicators}
        for p in dict_rows(con, "SELECT * FROM indicator_grid ORDER BY indicator_id, breakdown, year"):
            indicator_points.setdefault(p["indicator_id"], []).append(p)
        values: dict[str, list[dict]] = {i: [] for i in indicators}
        for v in dict_rows(
            con,
            "SELECT * FROM observations WHERE country_iso3 = 'NLD' ORDER BY indicator_id, breakdown, year, length(period), period",
        ):
            values.setdefault(v["indicator_id"], []).append(v)
        earlier: dict[tuple, list[dict]] = {}
        for h in dict_rows(
            con,
            """SELECT indicator_id, period, breakdown, value, qualifier, role, loaded_at, snapshot, retrieved, url
               FROM history WHERE country_iso3 = 'NLD' AND role <> 'chosen' ORDER BY loaded_at""",
        ):
            earlier.setdefault((h["indicator_id"], h["period"], h["breakdown"]), []).append(h)
        missing = dict_rows(
            con,
            """SELECT indicator_id, breakdown, publisher, string_agg(period, ', ' ORDER BY year, period) AS periods
               FROM missing_figures GROUP BY ALL ORDER BY indicator_id, breakdown""",
        )
        parties = dict_rows(con, "SELECT * FROM party_positions_current ORDER BY theme, position, party, statement_no")
        loads = dict_rows(
            con,
            """SELECT load_id, source_id, year, file, status, started_at, rows_new, rows_revised, rows_unchanged,
                      validation_success, validation_summary, error
               FROM loads ORDER BY started_at DESC, source_id, year LIMIT 500""",
        )
        built = con.execute("SELECT strftime(max(finished_at), '%Y-%m-%d %H:%M') FROM loads").fetchone()
    finally:
        con.close()
    for load in loads:
        load["summary"] = json.loads(load["validation_summary"]) if load["validation_summary"] else None
    return SiteData(
        indicators,
        figure_points,
        indicator_points,
        values,
        earlier,
        text_figures,
        missing,
        parties,
        loads,
        _last_run(settings, loads),
        (built[0] if built and built[0] else ""),
    )


def _last_run(settings: Settings, loads: list[dict]) -> dict | None:
    """The newest change report (its name holds the run's start) and the loads of that run."""
    reports = sorted(settings.reports.glob("*.md")) if settings.reports.is_dir() else []
    if not reports:
        return None
    newest = reports[-1]
    m = re.match(r"(\d{8}T\d{6})-(.+)\.md$", newest.name)
    if not m:
        return None
    import datetime as dt

    started = dt.datetime.strptime(m[1], "%Y%m%dT%H%M%S").replace(tzinfo=dt.timezone.utc)
    ran = [ld for ld in loads if ld["started_at"] is not None and ld["started_at"] >= started]
    return {"started": started.strftime("%Y-%m-%d %H:%M"), "flow": m[2], "report": newest, "loads": ran}


def indicator_figure(ind: dict, points: list[dict]) -> Figure:
    """An indicator's chart as a figure: one series per breakdown that has a year."""
    breakdowns = list(dict.fromkeys(p["breakdown"] for p in points))
    series = tuple(
        Series(n, ind["indicator_id"], b, breakdown_label(b, "nl"), breakdown_label(b, "en"), f"Bron: {ind['publisher']}")
        for n, b in enumerate(breakdowns, start=1)
    )
    return Figure(ind["indicator_id"], ind["title_nl"], ind["title_en"], "bars_by_year", {}, series)


def with_order(fig: Figure, points: list[dict]) -> list[dict]:
    order = {s.breakdown: s.order for s in fig.series}
    return [dict(p, series_order=order[p["breakdown"]]) for p in points]


def inline_svg(fig, prefix: str, title: str) -> str:
    """A matplotlib figure as inline SVG: text as text, no fixed size (it scales with the page),
    each bar focusable with its value as tooltip and accessible name."""
    import io

    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", svg, count=1)
    svg = svg.replace("<svg", f'<svg class="chart" role="group" aria-label="{html.escape(title)}"', 1)
    tips = getattr(fig, "kr_tooltips", {})

    def bar(m: re.Match) -> str:
        tip = html.escape(tips.get(m[1], ""))
        return f'<g id="{prefix}-{m[1]}" class="bar" tabindex="0" role="img" aria-label="{tip}"><title>{tip}</title>'

    svg = re.sub(r'<g id="(bar-\d+)">', bar, svg)
    # ids of one chart must not collide with another's on the same page
    return re.sub(r'(id="|url\(#|xlink:href="#)(?!' + re.escape(prefix) + ")", rf"\g<1>{prefix}-", svg)


@dataclass(frozen=True)
class ChartJob:
    """One chart to draw: inline SVG for a page (out None) or PNG + SVG files into `out`."""

    key: str
    fig: Figure
    points: list[dict]
    lang: Lang
    title: str = ""
    out: Path | None = None


def _draw(job: ChartJob) -> tuple[str, str]:
    from .. import charts

    if job.out is not None:
        charts.save(charts.draw_figure(job.fig, job.points, job.lang), job.out, job.key)
        return job.key, ""
    return job.key, inline_svg(charts.draw_figure(job.fig, job.points, job.lang, standalone=False), "chart", job.title)


def draw_all(jobs: list[ChartJob]) -> dict[str, str]:
    """Draw the charts, on every core (matplotlib is single-threaded; a chart takes ~0.2 s)."""
    import concurrent.futures
    import multiprocessing
    import os

    workers = min(len(jobs), os.cpu_count() or 1, 4)
    if workers <= 1:
        return dict(map(_draw, jobs))
    ctx = multiprocessing.get_context("spawn")  # no fork of a threaded process (Prefect's)
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=ctx) as pool:
        return dict(pool.map(_draw, jobs, chunksize=4))


def link_target(url) -> str | None:
    """A URL a page may link to: http(s) with a host, nothing a browser would strip or
    reinterpret (whitespace, control characters, backslashes). Anything else (javascript:,
    data:, a relative path) is shown as text only, never as a link."""
    from urllib.parse import urlsplit

    if not isinstance(url, str) or re.search(r"[\x00-\x20\x7f\\]", url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    web = parts.scheme.lower() in ("http", "https") and url.lower().startswith(parts.scheme.lower() + "://")
    return url if web and parts.hostname else None


def _env():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(
        number=number,
        as_published=as_published,
        unit_label=unit_label,
        breakdown_label=breakdown_label,
        qualifier_label=qualifier_label,
        status_label=status_label,
        status_note=status_note,
        figure_page=figure_page,
        indicator_page=indicator_page,
        link_target=link_target,
        FIGURES=FIGURES,
    )
    return env


def _suites() -> dict[str, list[str]]:
    """The checks of each Great Expectations suite, as one line each."""
    suites = {}
    for path in sorted(EXPECTATIONS_DIR.glob("*.json")):
        spec = json.loads(path.read_text("utf-8"))
        lines = []
        for e in spec["expectations"]:
            kwargs = ", ".join(f"{k}={v}" for k, v in e.get("kwargs", {}).items() if k not in ("column_set",))
            lines.append(f"{e['type']}({kwargs})" if kwargs else e["type"])
        suites[spec["name"]] = lines
    return suites


def build_site(settings: Settings, out: Path) -> list[Path]:
    """Write the site to `out` (replacing it whole, when it is empty or `kr site` wrote it:
    kr_pipeline.outdir). Returns the pages written."""
    from ..export import editor_sheets, write_csvs, write_parquet, write_workbook
    from ..outdir import output_dir

    with output_dir(Path(out), "site", protect=[settings.warehouse, settings.snapshots, settings.curated]) as tmp:
        data = read_site_data(settings)
        env = _env()
        shutil.copytree(HERE / "assets", tmp / "assets")
        downloads = tmp / "downloads"
        downloads.mkdir()
        sheets = editor_sheets(data.figure_points, data.text_figures)
        write_workbook(sheets, downloads / WORKBOOK_NAME)
        for name, df in sheets[1:]:
            write_csvs(df, downloads, name)
            write_parquet(df, downloads / f"{name}.parquet")
            write_workbook([sheets[0], (name, df)], downloads / f"{name}.xlsx")
        jobs = [ChartJob(fid, FIGURES[fid], data.figure_points[fid], "nl", out=downloads) for fid in FIGURES]
        for lang in LANGS:
            jobs += [ChartJob(f"{lang}:{fid}", f, data.figure_points[fid], lang, f.title_in(lang)) for fid, f in FIGURES.items()]
            for ind_id, ind in data.indicators.items():
                grid = data.indicator_points.get(ind_id, [])
                if grid:
                    fig = indicator_figure(ind, grid)
                    title = ind["title_nl"] if lang == "nl" else ind["title_en"]
                    jobs.append(ChartJob(f"{lang}:indicator/{ind_id}", fig, with_order(fig, grid), lang, title))
        svgs = draw_all(jobs)
        pages: list[Path] = []
        for lang in LANGS:
            root = tmp if lang == "nl" else tmp / "en"
            pages += _write_pages(env, data, lang, root, tmp, svgs)
        written = sorted(p.relative_to(tmp) for p in pages)
    return [Path(out) / p for p in written]


def _write_pages(env, data: SiteData, lang: Lang, root: Path, top: Path, svgs: dict[str, str]) -> list[Path]:
    from .. import charts

    written = []

    def page(path: str, template: str, **ctx) -> None:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        depth = len(target.relative_to(top).parts) - 1
        base = "../" * depth
        here = str(target.relative_to(root))
        other = ("en/" + here) if lang == "nl" else here
        html_text = env.get_template(template).render(
            lang=lang,
            base=base,  # to the site's top folder (assets, downloads)
            home=base + ("" if lang == "nl" else "en/"),  # to this language's home
            other_lang=base + other,
            data=data,
            **ctx,
        )
        target.write_text(html_text, "utf-8")
        written.append(target)

    page(HOME, "home.html", text_figures=data.text_figures, key=data.figure_points["kengetallen"])
    for fid, fig in FIGURES.items():
        points = data.figure_points[fid]
        page(
            figure_page(fid),
            "figure.html",
            fig=fig,
            points=points,
            svg=svgs[f"{lang}:{fid}"],
            sources=charts.source_lines(fig, points, lang),
        )
    for ind_id, ind in data.indicators.items():
        title = ind["title_nl"] if lang == "nl" else ind["title_en"]
        page(
            indicator_page(ind_id),
            "indicator.html",
            ind=ind,
            title=title,
            svg=svgs.get(f"{lang}:indicator/{ind_id}", ""),
            values=data.values.get(ind_id, []),
            in_figures=[f for f in FIGURES.values() if any(s.indicator_id == ind_id for s in f.series)],
        )
    page(MISSING, "missing.html")
    page(PARTIES, "parties.html")
    page(VALIDATION, "validation.html", suites=_suites())
    page(DOWNLOADS, "downloads.html", workbook=WORKBOOK_NAME)
    report = ""
    if data.last_run:
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark", {"html": False}).enable("table")
        report = md.render(data.last_run["report"].read_text("utf-8"))
    page(REPORT, "report.html", report=report)
    return written
