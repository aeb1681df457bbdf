"""`kr site --out DIR`: the monitor's figures as a static website, in Dutch (the root) and
English (en/). No server needed and no request leaves a page: styles, the one script and the
Vega JavaScript (assets/vega/, with its licences) ship in assets/. A chart is its Vega-Lite
definition (charts.panels) in the page, drawn by the browser as wide as the screen: each bar
and gap takes keyboard focus, its value on hover and in a live region; every chart has a
table beside it.

Pages: home (key figures, text figures, what the last run changed), one per figure of the
chapter, one per indicator (definition, CRC recommendation, publisher, chart, every value as
published with its source and earlier values), missing figures, party positions, validation
report; downloads (CSV, Dutch-Excel CSV, XLSX, Parquet, PNG, SVG) of every figure, in Dutch
(downloads/) and English (downloads/en/).

The folder is written beside its target and moved into place when complete. Nothing is
rebuilt when the inputs are unchanged (input_digest, recorded in .kr-site.json), and a chart's
print files are drawn only when its definition changed (ChartFiles).
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ...config import EXPECTATIONS_DIR, Settings
from ...figures import FIGURES, Figure, Series
from ...store.connection import connect, dict_rows
from ..charts import source_in
from ..presentation import (
    LANGS,
    Lang,
    as_published,
    breakdown_label,
    number,
    qualifier_label,
    soft_hyphens,
    status_label,
    status_note,
    unit_label,
)

HERE = Path(__file__).parent
WORKBOOK_EN = "child-trafficking-figures.xlsx"  # the Dutch one is export.WORKBOOK
# Every downloadable file of a figure or table, by its ending, with its link's label (Dutch,
# English): the pages' links and the files written are named from this one list.
DATA_FILES: tuple[tuple[str, str, str], ...] = (
    (".csv", "CSV", "CSV"),
    (".nl.csv", "CSV (Nederlandse Excel)", "CSV (Dutch Excel)"),
    (".xlsx", "XLSX", "XLSX"),
    (".parquet", "Parquet", "Parquet"),
)
IMAGE_FILES: tuple[tuple[str, str, str], ...] = ((".png", "PNG", "PNG"), (".svg", "SVG", "SVG"))
TEXT_FIGURES: dict[Lang, str] = {"nl": "tekstcijfers", "en": "text-figures"}

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
    key_figures: list[dict]  # the home page's cards: fig_kengetallen's years with its change since 2019
    missing: list[dict]
    parties: list[dict]
    loads: list[dict]
    last_run: dict | None
    built_at: str


def read_site_data(settings: Settings) -> SiteData:
    from ..export import read_figures

    con = connect(settings.warehouse, read_only=True, wait_seconds=settings.lock_wait)
    try:
        indicators = {r["indicator_id"]: r for r in dict_rows(con, "SELECT * FROM indicators ORDER BY indicator_id")}
        for r in indicators.values():
            r["crc"] = json.loads(r["crc"]) if isinstance(r["crc"], str) else r["crc"]
        figure_points, text_figures = read_figures(con)
        # "change since 2019" is defined once, in the view fig_kengetallen (warehouse/figures.sql)
        changes = {r["year"]: r for r in dict_rows(con, "SELECT * FROM fig_kengetallen")}
        key_figures = [
            dict(
                p,
                change_since_2019=changes[p["year"]]["change_since_2019"],
                change_pct_since_2019=changes[p["year"]]["change_pct_since_2019"],
            )
            for p in figure_points["kengetallen"]
            if p["year"] in changes
        ]
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
        key_figures,
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
        soft_hyphens=soft_hyphens,
        DATA_FILES=DATA_FILES,
        IMAGE_FILES=IMAGE_FILES,
        breakdown_label=breakdown_label,
        qualifier_label=qualifier_label,
        status_label=status_label,
        status_note=status_note,
        figure_page=figure_page,
        indicator_page=indicator_page,
        link_target=link_target,
        source_in=source_in,
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


MANIFEST = ".kr-site.json"  # the inputs' digest, every file's size and each print file's key (the chart cache's index)


def _code_files() -> list[Path]:
    """The site's own inputs besides the warehouse: templates, assets, the code that draws and
    words it, the figure definitions and the validation suites it lists (read as files: no
    import, so checking them stays cheap)."""
    from ...figures import FIGURES_FILE

    here = sorted(p for p in HERE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    present, package = HERE.parent, HERE.parents[1]  # kr_pipeline/present, kr_pipeline
    code = [present / f"{name}.py" for name in ("charts", "export", "presentation")] + [package / "figures.py"]
    return here + code + [FIGURES_FILE, *sorted(EXPECTATIONS_DIR.glob("*.json"))]


def _code_digest() -> str:
    """One digest of the site's own files (_code_files)."""
    import hashlib

    h = hashlib.sha256()
    for path in _code_files():
        h.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def input_digest(settings: Settings) -> str:
    """One digest of everything the site is made from: every row of every table of the
    warehouse and the definition of every view (the published relations the pages read are
    views of those tables: hashing the tables costs a twentieth of reading the views), the
    newest change report, and the templates, assets and code. No pandas and no chart: a run
    that changed nothing compares it and stops."""
    import hashlib

    h = hashlib.sha256()
    con = connect(settings.warehouse, read_only=True, wait_seconds=settings.lock_wait)
    try:
        tables = con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE NOT internal AND NOT temporary ORDER BY ALL"
        ).fetchall()
        for schema, table in tables:
            [(n, digest)] = con.execute(
                f"""SELECT count(*), md5(coalesce(string_agg(md5(t::VARCHAR), '' ORDER BY md5(t::VARCHAR)), ''))
                    FROM "{schema}"."{table}" AS t"""
            ).fetchall()
            h.update(f"{schema}.{table}\t{n}\t{digest}\n".encode())
        for name, sql in con.execute(
            "SELECT schema_name || '.' || view_name, sql FROM duckdb_views() WHERE NOT internal ORDER BY ALL"
        ).fetchall():
            h.update(f"{name}\t{sql}\n".encode())
    finally:
        con.close()
    reports = sorted(settings.reports.glob("*.md")) if settings.reports.is_dir() else []
    if reports:
        h.update(reports[-1].name.encode() + b"\0" + reports[-1].read_bytes())
    h.update(_code_digest().encode())
    return h.hexdigest()


def _manifest(out: Path) -> dict:
    try:
        found = json.loads((Path(out) / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _is_current(out: Path, digest: str) -> bool:
    """Did `kr site` write `out` from these very inputs, is every file it wrote still there
    (same size), and nothing else?"""
    from ..outdir import MARKER, written_by

    made = _manifest(out)
    if made.get("inputs") != digest or written_by(out) != "kr site":
        return False
    files = made.get("files")
    if not isinstance(files, dict):
        return False
    found = {p.relative_to(out).as_posix() for p in Path(out).rglob("*") if not p.is_dir()}
    if found != set(files) | {MANIFEST, MARKER}:
        return False
    for rel, entry in files.items():
        path = Path(out) / rel
        if not isinstance(entry, dict) or not path.is_file() or path.stat().st_size != entry.get("size"):
            return False
    return True


class ChartFiles:
    """The print files of the charts (PNG 300 dpi, SVG), each taken from the previous site when
    its definition (data included) is the same, drawn otherwise: a run that changed nothing
    draws no chart. `drawn` and `reused` count them. The data files of a language (CSV, XLSX,
    Parquet) are taken as a set the same way (`reuse`, keyed by the figures' rows and the code;
    `data_reused`)."""

    def __init__(self, previous: Path, root: Path):
        self.previous, self.root = Path(previous), root
        self.before = {k: v for k, v in (_manifest(previous).get("files") or {}).items() if isinstance(v, dict)}
        self.files: dict[str, dict] = {}
        self.drawn = self.reused = self.data_reused = 0

    def reuse(self, rels: list[str], key: str) -> bool:
        """Copy these files from the previous site when each was made with this key (same
        data, same code) and is there unchanged; True when all were."""
        for rel in rels:
            old, source = self.before.get(rel, {}), self.previous / rel
            if old.get("key") != key or not source.is_file() or source.stat().st_size != old.get("size"):
                return False
        for rel in rels:
            (self.root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.previous / rel, self.root / rel)
            self.files[rel] = {"key": key}
        self.data_reused += len(rels)
        return True

    def write(self, rel: str, definition: dict, fmt: str) -> None:
        from .. import charts

        key = charts.chart_key(definition, fmt)
        target = self.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        old = self.before.get(rel, {})
        source = self.previous / rel
        if old.get("key") == key and source.is_file() and source.stat().st_size == old.get("size"):
            shutil.copyfile(source, target)
            self.reused += 1
        else:
            target.write_bytes(charts.render_file(definition, fmt))
            self.drawn += 1
        self.files[rel] = {"key": key}


def _download_files(lang: Lang) -> list[str]:
    """The names of the data files _downloads writes in one language."""
    names = [*FIGURES, TEXT_FIGURES[lang]]
    return [workbook_name(lang)] + [f"{n}{ext}" for n in names for ext, _, _ in DATA_FILES]


def _downloads_key(data: SiteData, lang: Lang, code: str) -> str:
    """What the data files of one language are made from: the figures' rows, the text figures
    and the code (input_digest's code part)."""
    import hashlib

    payload = json.dumps([lang, data.figure_points, data.text_figures, code], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def workbook_name(lang: Lang) -> str:
    from ..export import WORKBOOK

    return WORKBOOK if lang == "nl" else WORKBOOK_EN


def _downloads(data: SiteData, lang: Lang, folder: Path) -> None:
    """The figures' data files in one language: the whole workbook, and per figure and for the
    text figures CSV, Dutch-Excel CSV, XLSX and Parquet."""
    from .. import charts
    from ..export import figure_frame, readme_frame, text_figures_frame, write_csvs, write_parquet, write_workbook

    folder.mkdir(parents=True, exist_ok=True)
    sheets = [(fid, figure_frame(fid, _in_lang(data.figure_points[fid], lang), lang)) for fid in FIGURES]
    sheets.append((TEXT_FIGURES[lang], text_figures_frame(data.text_figures, lang)))
    if lang != "nl":  # the text figures' source lines are made in export ("Bron: ...")
        for _, df in sheets:
            df["Source line"] = [charts.source_in(v, lang) if isinstance(v, str) else v for v in df["Source line"]]
    first = [("leesmij", readme_frame())] if lang == "nl" else []
    write_workbook(first + sheets, folder / workbook_name(lang))
    for name, df in sheets:
        write_csvs(df, folder, name)
        write_parquet(df, folder / f"{name}.parquet")
        write_workbook(first + [(name, df)], folder / f"{name}.xlsx")


def _in_lang(points: list[dict], lang: Lang) -> list[dict]:
    from .. import charts

    return [dict(p, source_line=charts.source_in(p["source_line"], lang)) if p.get("source_line") else p for p in points]


def build_site(settings: Settings, out: Path, force: bool = False, stats: dict | None = None) -> list[Path]:
    """Write the site to `out` (replacing it whole, when it is empty or `kr site` wrote it:
    kr_pipeline.present.outdir). Returns the pages written, none when `out` already holds the site of
    these very inputs (input_digest; `force` builds anyway). The charts' print files come from
    the previous site when their definitions are unchanged (ChartFiles); `stats` (if given)
    gets how many were drawn and reused, and whether the build was skipped."""
    from .. import charts
    from ..outdir import check_replaceable, output_dir, protected_paths

    out = Path(out)
    protect = [p for p in (settings.warehouse, settings.snapshots, settings.curated, settings.sources) if p is not None]
    check_replaceable(out, "site", protected_paths(*protect))  # refused before anything is read
    digest = input_digest(settings)
    if not force and _is_current(out, digest):
        if stats is not None:
            stats.update(skipped=True, drawn=0, reused=0, data_reused=0)
        return []
    with output_dir(out, "site", protect=protect) as tmp:
        data = read_site_data(settings)
        env = _env()
        shutil.copytree(HERE / "assets", tmp / "assets")
        prints = ChartFiles(out, tmp)
        code = _code_digest()
        for lang in LANGS:
            folder = "downloads" if lang == "nl" else f"downloads/{lang}"
            names = [f"{folder}/{name}" for name in _download_files(lang)]
            key = _downloads_key(data, lang, code)
            if not prints.reuse(names, key):  # the figures' data changed: written anew
                _downloads(data, lang, tmp / folder)
                prints.files.update({rel: {"key": key} for rel in names})
            for fid, fig in FIGURES.items():
                definition = charts.print_spec(fig, data.figure_points[fid], lang)
                for fmt in (ext.lstrip(".") for ext, _, _ in IMAGE_FILES):
                    prints.write(f"{folder}/{fid}.{fmt}", definition, fmt)
        pages: list[Path] = []
        for lang in LANGS:
            root = tmp if lang == "nl" else tmp / "en"
            pages += _write_pages(env, data, lang, root, tmp)
        files = {}
        for path in sorted(p for p in tmp.rglob("*") if p.is_file() and p.name not in (MANIFEST, ".kr-output")):
            rel = path.relative_to(tmp).as_posix()
            files[rel] = {"size": path.stat().st_size, **prints.files.get(rel, {})}
        manifest = {"inputs": digest, "files": files}
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", "utf-8")
        written = sorted(p.relative_to(tmp) for p in pages)
    if stats is not None:
        stats.update(skipped=False, drawn=prints.drawn, reused=prints.reused, data_reused=prints.data_reused)
    return [out / p for p in written]


def _write_pages(env, data: SiteData, lang: Lang, root: Path, top: Path) -> list[Path]:
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

    page(HOME, "home.html", text_figures=data.text_figures, key=data.key_figures)
    for fid, fig in FIGURES.items():
        points = data.figure_points[fid]
        page(
            figure_page(fid),
            "figure.html",
            fig=fig,
            points=points,
            specs=charts.panels(fig, points, lang),
            sources=charts.source_lines(fig, points, lang),
            downloads_dir="downloads/" if lang == "nl" else f"downloads/{lang}/",
        )
    for ind_id, ind in data.indicators.items():
        title = ind["title_nl"] if lang == "nl" else ind["title_en"]
        grid = data.indicator_points.get(ind_id, [])
        chart_def = indicator_figure(ind, grid) if grid else None
        page(
            indicator_page(ind_id),
            "indicator.html",
            ind=ind,
            title=title,
            specs=charts.panels(chart_def, with_order(chart_def, grid), lang, title) if chart_def else [],
            values=data.values.get(ind_id, []),
            in_figures=[f for f in FIGURES.values() if any(s.indicator_id == ind_id for s in f.series)],
        )
    page(MISSING, "missing.html")
    page(PARTIES, "parties.html")
    page(VALIDATION, "validation.html", suites=_suites())
    page(
        DOWNLOADS,
        "downloads.html",
        workbook=workbook_name(lang),
        downloads_dir="downloads/" if lang == "nl" else f"downloads/{lang}/",
    )
    report = ""
    if data.last_run:
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark", {"html": False}).enable("table")
        report = md.render(data.last_run["report"].read_text("utf-8"))
    page(REPORT, "report.html", report=report)
    return written
