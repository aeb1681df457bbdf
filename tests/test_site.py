"""The static site (`kr site`) of the warehouse built from the shipped publications, read as
files: every page, link and download there, nothing fetched from elsewhere, the chapter's
values in the figures' tables and charts. tests/test_site_browser.py opens it in Chromium."""

from __future__ import annotations

import html
import re
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
        self.svg_text: list[str] = []
        self._in_svg_text = False
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
        if tag == "text":
            self._in_svg_text = True

    def handle_endtag(self, tag):
        if tag == "text":
            self._in_svg_text = False

    def handle_data(self, data):
        (self.svg_text if self._in_svg_text else self.text).append(data)


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
    for v in values:
        assert f">{v}<" in table, v
        assert v in parsed.svg_text, v
    assert re.search(rf'aria-label="[^"]*2020: {re.escape(values[0])}"', text)


@pytest.mark.parametrize(("page", "gap"), [("figuur/figuur1.html", "geen cijfer"), ("en/figuur/figuur1.html", "no figure")])
def test_a_year_without_a_figure_is_a_marked_gap_in_table_and_chart(built_site, page, gap):
    """Figuur 1 has no figure for 2018 (the catalog expects one): a marked gap in both."""
    text = (built_site / page).read_text("utf-8")
    table = text[text.index("<table") : text.index("</table>")]
    row_2018 = re.search(r"<th scope=\"row\">2018</th>(.*?)</tr>", table, re.S)
    assert row_2018 and gap in row_2018[1]
    assert gap in Page(text).svg_text


def test_indicator_pages_show_values_as_published_with_their_source(built_site):
    police = (built_site / "indicator" / "police.child_prostitution_reports.html").read_text("utf-8")
    table = police[police.index("<table") :]
    assert table.count(">minder dan 10<") == 5 and ">11<" in table  # 2017-2021 each, and 11 in all
    assert police[: police.index("<table")].count(">minder dan 10<") == 5  # the chart's labelled gaps
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
    assert "2018, 2019, 2020, 2021, 2022, 2023" in text and "CoMensha / Nationaal Rapporteur" in text
    assert not re.search(r"CyberTipline.*?<td>2021</td>", text, re.S)  # 2021's PDF ships since issue 24


def test_validation_page_says_which_checks_ran_on_which_publication(built_site, shipped):
    text = (built_site / "validatie.html").read_text("utf-8")
    loads = rows(shipped, "SELECT source_id, year, file FROM loads WHERE validation_summary IS NOT NULL")
    assert loads
    for source_id, year, file in loads:
        assert f"<td>{year}</td><td>{html.escape(file)}</td>" in text, file
    assert "expect_table_columns_to_match_set" in text and "observations (23)" in text


def test_party_positions_page(built_site):
    text = (built_site / "partijen.html").read_text("utf-8")
    assert "ChristenUnie" in text and "Seksuele uitbuiting" in text


def test_downloads_of_every_figure(built_site):
    d = built_site / "downloads"
    for f in FIGURES:
        for ext in ("csv", "nl.csv", "xlsx", "parquet", "png", "svg"):
            assert (d / f"{f}.{ext}").stat().st_size > 0, (f, ext)
    got = duckdb.sql(f"SELECT Periode, Waarde FROM '{d / 'ncmec.parquet'}' WHERE Reeks = 'Meldingen (totaal)'").fetchall()
    assert got == [("2019", 25753), ("2020", 25704), ("2021", 36790), ("2022", 57012), ("2023", 72913), ("2024", 273046)]
    assert (d / "kinderhandel-figuren.xlsx").stat().st_size > 0


def test_site_is_replaced_whole(shipped, tmp_path):
    import dataclasses

    from kr_pipeline.website import build_site

    settings = dataclasses.replace(shipped, reports=tmp_path / "reports")
    out = tmp_path / "site"
    build_site(settings, out)
    (out / "stale.html").write_text("old")
    build_site(settings, out)  # its own earlier output (tests/test_outdir.py: nothing else)
    assert not (out / "stale.html").exists() and (out / "index.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_indicator_pages_define_the_indicator_in_their_language(built_site):
    """Every indicator's definition in Dutch on the Dutch page, in English on the English one
    (warehouse/indicators.yaml: definition_nl, definition)."""
    import html

    for indicator_id, ind in load_catalog().items():
        dutch = html.unescape((built_site / "indicator" / f"{indicator_id}.html").read_text("utf-8"))
        english = html.unescape((built_site / "en" / "indicator" / f"{indicator_id}.html").read_text("utf-8"))
        assert f"<dd>{ind.definition_nl}</dd>" in dutch and ind.definition not in dutch, indicator_id
        assert f"<dd>{ind.definition}</dd>" in english, indicator_id
    ncmec = (built_site / "indicator" / "ncmec.cybertipline_reports.html").read_text("utf-8")
    assert "Meldingen bij de CyberTipline van NCMEC, naar het land van de uploadlocatie" in ncmec
