"""The static site (`kr site`) of the warehouse built from the shipped publications, read as
files: every page, link and download there, nothing fetched from elsewhere, the chapter's
values in the figures' tables and charts (their Vega-Lite definitions in the page), the charts'
cache and the skipped rebuild. tests/test_site_browser.py opens it in Chromium."""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from kr_pipeline.catalog import load_catalog
from kr_pipeline.figures import FIGURES

from .helpers import rows


class Page(HTMLParser):
    """Links, resources, tables and text of one HTML page."""

    def __init__(self, text: str):
        super().__init__()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.tables: list[dict] = []
        self.text: list[str] = []
        self.specs: list[dict] = []  # the charts' Vega-Lite definitions
        self._in_spec = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if (tag == "script" and a.get("src")) or (tag == "link" and a.get("href")) or (tag == "img" and a.get("src")):
            self.resources.append(a.get("src") or a.get("href"))
        if tag == "table":
            self.tables.append({"caption": False, "th": [], "td": 0})
        if tag == "caption":
            self.tables[-1]["caption"] = True
        if tag == "th":
            self.tables[-1]["th"].append(a.get("scope"))
        if tag == "td":
            self.tables[-1]["td"] += 1
        if tag == "script" and a.get("type") == "application/json":
            self._in_spec = True

    def handle_endtag(self, tag):
        self._in_spec = False

    def handle_data(self, data):
        if self._in_spec:
            self.specs.append(json.loads(data))
        else:
            self.text.append(data)

    def chart_labels(self) -> list[str]:
        """Every text a chart writes (value labels, gaps) and every bar's description."""
        rows = [r for spec in self.specs for r in spec["data"]["values"]]
        return [r["label"] for r in rows] + [r["tip"] for r in rows]


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def parse(path: Path) -> Page:
    return Page(path.read_text("utf-8"))


def test_every_page_is_there_in_both_languages(built_site):
    indicators = list(load_catalog())
    expected = ["index.html", "ontbrekend.html", "partijen.html", "validatie.html", "downloads.html", "rapport.html"]
    expected += [f"figuur/{f}.html" for f in FIGURES] + [f"indicator/{i}.html" for i in indicators]
    for lang_root in (built_site, built_site / "en"):
        missing = [p for p in expected if not (lang_root / p).is_file()]
        assert not missing


def test_nothing_is_fetched_from_elsewhere(built_site):
    """Every script, style and image is a file of the site; no page names another host for
    them, and the style sheet imports no font or file from anywhere."""
    for path in pages(built_site):
        for ref in parse(path).resources:
            assert not re.match(r"^[a-z]+:|^//", ref), (path, ref)
            assert (path.parent / ref).resolve().is_file(), (path, ref)
    css = (built_site / "assets" / "style.css").read_text("utf-8")
    assert "url(" not in css and "@import" not in css


def test_every_link_and_download_resolves(built_site):
    checked = 0
    for path in pages(built_site):
        for href in parse(path).links:
            if re.match(r"^[a-z]+:", href):  # a publisher's own URL, quoted as the source
                assert href.startswith("https://") or href.startswith("http://"), href
                continue
            if href.startswith("#"):  # the skip link: to the page's own main content
                assert f'id="{href[1:]}"' in path.read_text("utf-8"), (path, href)
                continue
            target = (path.parent / href.split("#")[0]).resolve()
            assert target.is_file() and target.is_relative_to(built_site.resolve()), (path, href)
            checked += 1
    assert checked > 500


def test_tables_have_captions_and_headers_for_screen_readers(built_site):
    for path in pages(built_site):
        for table in parse(path).tables:
            assert table["caption"], path
            assert table["th"] and all(scope in ("col", "row") for scope in table["th"]), (path, table)


@pytest.mark.parametrize(
    ("page", "values", "gap"),
    [
        ("figuur/ncmec.html", ["25.704", "36.790", "57.012", "72.913", "273.046"], "geen cijfer"),
        ("en/figuur/ncmec.html", ["25,704", "36,790", "57,012", "72,913", "273,046"], "no figure"),
    ],
)
def test_ncmec_values_in_the_figures_table_and_chart(built_site, page, values, gap):
    """The Netherlands' CyberTipline reports as NCMEC published them (2020-2024), in the table
    and as the chart's labels; 2021's PDF ships since issue 24, so its row is no gap."""
    text = (built_site / page).read_text("utf-8")
    parsed = Page(text)
    table = text[text.index("<table") : text.index("</table>")]
    row_2021 = re.search(r"<th scope=\"row\">2021</th>(.*?)</tr>", table, re.S)
    assert row_2021 and values[1] in row_2021[1]
    labels = parsed.chart_labels()
    for v in values:
        assert f">{v}<" in table, v
        assert v in labels, v
    assert (
        f"{'Meldingen (totaal)' if '/en/' not in page and not page.startswith('en/') else 'Reports (total)'}, 2020: {values[0]}"
        in labels
    )


@pytest.mark.parametrize(("page", "gap"), [("figuur/figuur1.html", "geen cijfer"), ("en/figuur/figuur1.html", "no figure")])
def test_a_year_without_a_figure_is_a_marked_gap_in_table_and_chart(built_site, page, gap):
    """Figuur 1 has no figure for 2018 (the catalog expects one): a marked gap in both."""
    text = (built_site / page).read_text("utf-8")
    table = text[text.index("<table") : text.index("</table>")]
    row_2018 = re.search(r"<th scope=\"row\">2018</th>(.*?)</tr>", table, re.S)
    assert row_2018 and gap in row_2018[1]
    [spec] = Page(text).specs
    assert [r["year"] for r in spec["data"]["values"] if r["kind"] == "gap" and r["series"] is None] == [
        "2018",
        "2020",
        "2021",
        "2022",
    ]
    assert {r["label"] for r in spec["data"]["values"] if r["kind"] == "gap"} == {gap}


def test_indicator_pages_show_values_as_published_with_their_source(built_site):
    police = (built_site / "indicator" / "police.child_prostitution_reports.html").read_text("utf-8")
    table = police[police.index("<table") :]
    assert table.count(">minder dan 10<") == 5 and ">11<" in table  # 2017-2021 each, and 11 in all
    assert Page(police).chart_labels().count("minder dan 10") == 5  # the chart's labelled gaps
    assert "Van 2017 tot 2021 registreerde de politie jaarlijks minder dan tien meldingen" in html.unescape(police)
    assert "snapshot " in police and "opgehaald 20" in police
    assert ">2 tot 3%<" in (built_site / "indicator" / "nr.minor_sexual_victims_seen_share.html").read_text("utf-8")
    ncmec = (built_site / "indicator" / "ncmec.cybertipline_reports.html").read_text("utf-8")
    assert "https://www.missingkids.org/content/dam/missingkids/pdfs/2020-reports-by-country.pdf" in ncmec
    assert "Aanbeveling 42" in (built_site / "indicator" / "police.child_prostitution_reports.html").read_text("utf-8")


def test_home_shows_key_figures_text_figures_and_the_last_run(built_site):
    home = html.unescape((built_site / "index.html").read_text("utf-8"))
    assert '<span class="big">108</span>' in home and '<span class="big">52</span>' in home
    assert "-56 (-51,9%)" in home
    for published in ("minder dan 10", "2 tot 3%", "meer dan 75%", "circa 33%", ">22%<", ">13%<", "41,4%"):
        assert published in home, published
    assert "Wat veranderde bij de laatste run" in home and 'class="status-loaded"' in home


def test_missing_figures_page_names_what_is_missing_and_who_publishes_it(built_site):
    text = html.unescape((built_site / "ontbrekend.html").read_text("utf-8"))
    assert "2018, 2019, 2020, 2021, 2022, 2023" in text and "CoMensha (Coördinatiecentrum tegen Mensenhandel)" in text
    assert not re.search(r"CyberTipline.*?<td>2021</td>", text, re.S)  # 2021's PDF ships since issue 24


def test_validation_page_says_which_checks_ran_on_which_publication(built_site, shipped):
    text = (built_site / "validatie.html").read_text("utf-8")
    loads = rows(shipped, "SELECT source_id, year, file FROM loads WHERE validation_summary IS NOT NULL")
    assert loads
    for source_id, year, file in loads:
        assert re.search(
            rf"<td data-label=\"Jaar\">{year}</td><td class=\"file\" data-label=\"Bestand\">{re.escape(html.escape(file))}</td>",
            text,
        ), file
    assert "expect_table_columns_to_match_set" in text and "observations (23)" in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_party_positions_page(built_site, lang):
    """Every party with its statements; a party without any says so (never "None"); no rating
    column while no statement is rated."""
    text = ((built_site if lang == "nl" else built_site / "en") / "partijen.html").read_text("utf-8")
    assert "ChristenUnie" in text and "Seksuele uitbuiting" in text
    assert ">None<" not in text and "None" not in Page(text).text
    no_statements = "Geen standpunten over dit thema" if lang == "nl" else "No statements on this theme"
    for party in ("50PLUS", "Denk", "Forum voor Democratie"):
        assert re.search(rf'<th scope="row">{party}</th>\s*<td class="gap">{no_statements}', text), party
    assert ">Oordeel<" not in text and ">Rating<" not in text


def test_downloads_of_every_figure(built_site):
    d = built_site / "downloads"
    for f in FIGURES:
        for ext in ("csv", "nl.csv", "xlsx", "parquet", "png", "svg"):
            assert (d / f"{f}.{ext}").stat().st_size > 0, (f, ext)
            assert (d / "en" / f"{f}.{ext}").stat().st_size > 0, ("en", f, ext)
    got = duckdb.sql(f"SELECT Periode, Waarde FROM '{d / 'ncmec.parquet'}' WHERE Reeks = 'Meldingen (totaal)'").fetchall()
    assert got == [("2019", 25753), ("2020", 25704), ("2021", 36790), ("2022", 57012), ("2023", 72913), ("2024", 273046)]
    assert (d / "kinderhandel-figuren.xlsx").stat().st_size > 0


def test_site_is_replaced_whole(shipped, tmp_path):
    import dataclasses

    from kr_pipeline.present.website import build_site

    settings = dataclasses.replace(shipped, reports=tmp_path / "reports")
    out = tmp_path / "site"
    build_site(settings, out)
    (out / "stale.html").write_text("old")
    build_site(settings, out)  # its own earlier output (tests/test_outdir.py: nothing else)
    assert not (out / "stale.html").exists() and (out / "index.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_indicator_pages_define_the_indicator_in_their_language(built_site):
    """Every indicator's definition in Dutch on the Dutch page, in English on the English one
    (the publisher's indicators.yaml: definition_nl, definition)."""
    import html

    for indicator_id, ind in load_catalog().items():
        dutch = html.unescape((built_site / "indicator" / f"{indicator_id}.html").read_text("utf-8"))
        english = html.unescape((built_site / "en" / "indicator" / f"{indicator_id}.html").read_text("utf-8"))
        assert f"<dd>{ind.definition_nl}</dd>" in dutch and ind.definition not in dutch, indicator_id
        assert f"<dd>{ind.definition}</dd>" in english, indicator_id
    ncmec = (built_site / "indicator" / "ncmec.cybertipline_reports.html").read_text("utf-8")
    assert "Meldingen bij de CyberTipline van NCMEC, naar het land van de uploadlocatie" in ncmec


def test_english_pages_are_in_english_with_english_downloads(built_site):
    """No "Bron:" on an English page (the source lines say "Source:"), and every download an
    English page links is the English file (downloads/en/: English headers and source lines)."""
    for path in pages(built_site / "en"):
        page = parse(path)
        assert "Bron:" not in " ".join(page.text), path
        for href in page.links:
            if "downloads/" in href:
                assert "downloads/en/" in href, (path, href)
    got = duckdb.sql(f"SELECT * FROM '{built_site / 'downloads' / 'en' / 'ncmec.parquet'}'").fetchall()
    cols = duckdb.sql(f"SELECT * FROM '{built_site / 'downloads' / 'en' / 'ncmec.parquet'}'").columns
    assert cols[:4] == ["Series", "Indicator", "Period", "Value"] and "Source line" in cols
    assert {r[cols.index("Source line")] for r in got} == {"Source: NCMEC, CyberTipline Reports by Country"}
    assert ("Reports (total)", "ncmec.cybertipline_reports", "2020", 25704) in {r[:4] for r in got}
    english = (built_site / "en" / "downloads.html").read_text("utf-8")
    assert 'href="../downloads/en/child-trafficking-figures.xlsx"' in english
    assert (built_site / "downloads" / "en" / "child-trafficking-figures.xlsx").stat().st_size > 0
    text = duckdb.sql(f"SELECT * FROM '{built_site / 'downloads' / 'en' / 'text-figures.parquet'}'").df()
    assert set(text["Source line"].str.split(":").str[0]) == {"Source"}


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_rebuild_draws_no_unchanged_chart_and_an_unchanged_site_is_not_rebuilt(shipped, built_site, tmp_path):
    """The print files of an unchanged chart and the data files of unchanged figures come from
    the previous site (none drawn or written), and the site they make is byte for byte the one
    made from scratch; with nothing changed `kr
    site` writes nothing at all; a changed input (here a new change report) rebuilds the pages
    and still draws no chart; a changed chart definition is drawn again."""
    import dataclasses

    from kr_pipeline.present.website import MANIFEST, ChartFiles, build_site

    settings = dataclasses.replace(shipped, reports=built_site.parent / "reports")
    out = tmp_path / "site"
    shutil.copytree(built_site, out)
    before = _files(built_site)
    stats: dict = {}
    assert build_site(settings, out, force=True, stats=stats)
    data_files = 2 * (1 + 4 * (len(FIGURES) + 1))  # per language: the workbook, 4 files per sheet
    assert stats == {"skipped": False, "drawn": 0, "reused": 4 * len(FIGURES), "data_reused": data_files}
    assert _files(out) == before  # byte-identical: pages, PNGs, SVGs, CSV, XLSX, Parquet

    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    assert build_site(settings, out, stats=stats) == [] and stats["skipped"] is True
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == mtimes  # nothing written

    (out / "figuur" / "ncmec.html").unlink()  # a file the site wrote is gone: built again
    assert build_site(settings, out, stats=stats) and stats["skipped"] is False and stats["drawn"] == 0

    reports = tmp_path / "reports"
    shutil.copytree(settings.reports, reports)
    (reports / "29991231T000000-update.md").write_text("# a later run\n")
    newer = dataclasses.replace(settings, reports=reports)
    assert build_site(newer, out, stats=stats)
    assert stats == {"skipped": False, "drawn": 0, "reused": 4 * len(FIGURES), "data_reused": data_files}
    assert "a later run" in (out / "rapport.html").read_text("utf-8")

    # one chart's definition (its data) changed: only its files are drawn again
    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    prints = ChartFiles(out, tmp_path / "next")
    from kr_pipeline.figures import figure_points
    from kr_pipeline.present.charts import print_spec

    points = figure_points(shipped.warehouse, "iwf")
    prints.write("downloads/iwf.svg", print_spec(FIGURES["iwf"], points, "nl"), "svg")
    assert (prints.drawn, prints.reused) == (0, 1)
    assert prints.files["downloads/iwf.svg"]["key"] == manifest["files"]["downloads/iwf.svg"]["key"]
    changed = [dict(p, value=(p["value"] or 0) + 1) for p in points]
    prints.write("downloads/iwf.svg", print_spec(FIGURES["iwf"], changed, "nl"), "svg")
    assert (prints.drawn, prints.reused) == (1, 1)


def test_the_inputs_digest_follows_every_table_and_view(shipped, tmp_path):
    """The digest that lets `kr site` skip is the same for the same warehouse and changes with
    one value of one row, with a view's definition, and with the newest change report."""
    import dataclasses

    from kr_pipeline.present.website import input_digest

    copy = tmp_path / "kr.duckdb"
    shutil.copyfile(shipped.warehouse, copy)
    settings = dataclasses.replace(shipped, warehouse=copy, reports=tmp_path / "reports")
    first = input_digest(settings)
    assert input_digest(settings) == first
    con = duckdb.connect(str(copy))
    con.execute("UPDATE party_positions SET text = text || '.' WHERE party = 'SP' AND kind = 'note'")
    con.close()
    second = input_digest(settings)
    assert second != first
    con = duckdb.connect(str(copy))
    con.execute("CREATE VIEW an_analysts_view AS SELECT 1 AS one")
    con.close()
    third = input_digest(settings)
    assert third != second
    settings.reports.mkdir()
    (settings.reports / "20270101T000000-update.md").write_text("# run\n")
    assert input_digest(settings) != third


def test_the_data_files_are_written_again_when_a_figure_changes(shipped, built_site, tmp_path):
    """The data files of a language are taken from the previous site only while the figures'
    rows (and the code) are those they were written from."""
    import dataclasses

    from kr_pipeline.present.website import ChartFiles, _code_digest, _download_files, _downloads_key, read_site_data

    data = read_site_data(shipped)
    code = _code_digest()
    key = _downloads_key(data, "nl", code)
    iwf = [dict(p, value=(p["value"] or 0) + 1) for p in data.figure_points["iwf"]]
    changed = dataclasses.replace(data, figure_points={**data.figure_points, "iwf": iwf})
    assert _downloads_key(changed, "nl", code) != key and _downloads_key(data, "en", code) != key
    assert _downloads_key(data, "nl", code + "x") != key
    names = [f"downloads/{n}" for n in _download_files("nl")]
    same = ChartFiles(built_site, tmp_path / "same")
    assert same.reuse(names, key) and same.data_reused == len(names)
    assert (tmp_path / "same" / "downloads" / "iwf.parquet").read_bytes() == (
        built_site / "downloads" / "iwf.parquet"
    ).read_bytes()
    other = ChartFiles(built_site, tmp_path / "other")
    assert not other.reuse(names, _downloads_key(changed, "nl", code)) and other.data_reused == 0
    assert not (tmp_path / "other").exists()
