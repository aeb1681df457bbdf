"""The site in a real browser: Debian's headless Chromium driven by Playwright (its
executable_path; no browser download). Opened from the file system and from a local HTTP
server on 127.0.0.1: no console error, no failed request, no request to another host; the
charts drawn by the shipped Vega files; the NCMEC values in the figure's table and chart;
values on hover and keyboard focus; at 1280 and 390 px: no horizontal overflow, readable axis
labels, contrast, the skip link, the chart's accessible name, one colour per series, Figuur 4
and the labelled NCMEC 2024 parts; screenshots of the home page and every figure page at both
widths (`KR_SCREENSHOTS=docs` writes the README's). One browser and one built site for all.

Chromium comes from `apt-get install chromium` (.ci/run installs it). Without it these tests
fail under CI=true and are skipped, with the reason shown, elsewhere."""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
import urllib.parse
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

PAGES = [
    "index.html",
    "figuur/ncmec.html",
    "figuur/figuur1.html",
    "figuur/offlimits.html",
    "indicator/police.child_prostitution_reports.html",
    "ontbrekend.html",
    "partijen.html",
    "validatie.html",
    "downloads.html",
    "rapport.html",
    "en/index.html",
    "en/figuur/ncmec.html",
]


def chromium_path() -> str | None:
    return os.environ.get("KR_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        reason = "no Chromium: apt-get install chromium (or set KR_CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def served(built_site):
    """The site on a local HTTP server (as on any static host)."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class Visit:
    """A page opened with everything that went wrong on the way recorded (a warning from Vega
    too), its charts drawn."""

    def __init__(self, browser, url: str, allowed_prefix: str, width: int = 1280):
        self.problems: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.page.on(
            "console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None
        )
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))

        def route(r):
            if r.request.url.startswith(allowed_prefix):
                r.continue_()
            else:
                self.problems.append(f"request to elsewhere: {r.request.url}")
                r.abort()

        self.page.route("**/*", route)
        response = self.page.goto(url)
        if response is not None and not response.ok:
            self.problems.append(f"{url}: HTTP {response.status}")
        self.page.wait_for_function(
            "[...document.querySelectorAll('.vega-chart')].every(e => e.classList.contains('drawn'))", timeout=30_000
        )

    def close(self):
        self.page.close()


@pytest.fixture(params=["file", "http"])
def base(request, built_site, served):
    return (built_site.as_uri() + "/") if request.param == "file" else served


def test_every_page_renders_without_errors_or_outside_requests(browser, base):
    for path in PAGES:
        visit = Visit(browser, base + path, base)
        assert visit.page.locator("h1").count() == 1, path
        assert not visit.problems, (path, visit.problems)
        visit.close()


def test_ncmec_figure_in_the_browser(browser, base):
    """Table and chart show 25.704 / 36.790 / 57.012 / 72.913 / 273.046; the chart's bars give
    their value on hover and on keyboard focus."""
    visit = Visit(browser, base + "figuur/ncmec.html", base)
    page = visit.page
    table = page.locator("table").inner_text()
    chart = page.locator(".vega-chart svg").text_content()
    for value in ("25.704", "36.790", "57.012", "72.913", "273.046"):
        assert value in table and value in chart, value
    assert "36.790" in page.locator("tr", has_text="2021").inner_text()
    page.locator(".vega-chart .bar").nth(1).hover()
    assert page.locator(".readout").inner_text() == "Meldingen (totaal), 2020: 25.704"
    assert page.locator("#vg-tooltip-element").inner_text().strip() == "Meldingen (totaal), 2020: 25.704"
    for _ in range(40):  # Tab through the navigation to the first bar
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('bar')"):
            break
    assert page.locator(".readout").inner_text() == "Meldingen (totaal), 2019: 25.753"
    assert not visit.problems
    visit.close()


def test_english_version(browser, base):
    visit = Visit(browser, base + "en/figuur/ncmec.html", base)
    assert "25,704" in visit.page.locator("table").inner_text()
    assert "36,790" in visit.page.locator("tr", has_text="2021").inner_text()
    visit.page.get_by_role("link", name="Nederlands").click()
    assert visit.page.url.endswith("/figuur/ncmec.html") and "/en/" not in visit.page.url
    visit.close()


def test_every_link_and_download_answers_over_http(served, built_site):
    """Every link of every page (downloads included), asked of the HTTP server."""
    from .test_site import parse

    urls = set()
    for page_file in sorted(built_site.rglob("*.html")):
        page_url = served + page_file.relative_to(built_site).as_posix()
        for href in parse(page_file).links:
            if not re.match(r"^[a-z]+:", href):
                urls.add(urllib.parse.urljoin(page_url, href).split("#")[0])
    assert len(urls) > 100
    for url in sorted(urls):
        with urllib.request.urlopen(url) as r:  # noqa: S310 (127.0.0.1)
            assert r.status == 200, url


def test_tables_are_read_with_their_headers(browser, base):
    """Every data cell has a column header (th scope=col), and every table a caption."""
    visit = Visit(browser, base + "indicator/police.child_prostitution_reports.html", base)
    ok = visit.page.evaluate(
        """() => [...document.querySelectorAll('table')].every(t =>
              t.caption && t.tHead && [...t.tHead.querySelectorAll('th')].every(th => th.scope === 'col'))"""
    )
    assert ok
    visit.close()


WIDTHS = (1280, 390)


def _site_pages(built_site: Path) -> list[str]:
    """Every page but the indicator pages (three of those: one per kind of chart and table)."""
    from kr_pipeline.figures import FIGURES

    top = ["index.html", "ontbrekend.html", "partijen.html", "validatie.html", "downloads.html", "rapport.html"]
    figures = [f"figuur/{f}.html" for f in FIGURES]
    indicators = [
        "indicator/police.child_prostitution_reports.html",
        "indicator/comensha.minor_victims.html",
        "indicator/ncmec.cybertipline_reports.html",
    ]
    return top + figures + indicators + ["en/" + p for p in top + figures] + ["en/" + indicators[0]]


@pytest.fixture(scope="module")
def at_width(browser, built_site):
    """One page per width, reused for every visit (opening pages is what costs)."""
    opened: dict[int, Visit] = {}

    def visit(width: int, path: str) -> Visit:
        if width not in opened:
            opened[width] = Visit(browser, (built_site / "index.html").as_uri(), built_site.as_uri(), width)
        v = opened[width]
        v.page.goto((built_site / path).as_uri())
        v.page.wait_for_function(
            "[...document.querySelectorAll('.vega-chart')].every(e => e.classList.contains('drawn'))", timeout=30_000
        )
        return v

    yield visit
    for v in opened.values():
        v.close()


LAYOUT = """() => {
  const W = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect(); return r.width && r.right > W + 1 && !e.closest('.table-scroll');
  }).map(e => e.tagName + '.' + e.className.baseVal ?? e.className);
  const clipped = [...document.querySelectorAll('.table-scroll')].filter(d => d.scrollWidth > d.clientWidth + 1)
    .map(d => d.querySelector('caption') ? d.querySelector('caption').textContent.slice(0, 40) : '?');
  const labels = [...document.querySelectorAll('.vega-chart .role-axis-label text')].map(t => {
    const r = t.getBoundingClientRect();
    return {size: parseFloat(getComputedStyle(t).fontSize), h: r.height, left: r.left, right: r.right, text: t.textContent};
  });
  return {scroll: document.documentElement.scrollWidth, W, wide: wide.slice(0, 5), clipped, labels};
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_no_horizontal_overflow_and_readable_axis_labels(at_width, built_site, width):
    """At 1280 and 390 px no page is wider than the screen and no table needs scrolling
    sideways (the home page's text figures, the validation table's last columns); every chart
    axis label is at least 11 px high and on the screen."""
    for path in _site_pages(built_site):
        visit = at_width(width, path)
        got = visit.page.evaluate(LAYOUT)
        assert got["scroll"] <= width and not got["wide"], (path, got["wide"])
        assert not got["clipped"], (path, got["clipped"])
        for label in got["labels"]:
            assert label["size"] >= 11 and label["h"] >= 10, (path, label)
            assert 0 <= label["left"] and label["right"] <= width, (path, label)
        if path.startswith("figuur/"):
            assert got["labels"], path  # the chart was drawn, with its axes
        assert not visit.problems, (path, visit.problems)


CONTRAST = """() => {
  function rgb(c) { const m = c.match(/[\\d.]+/g).map(Number); return m.length === 4 && m[3] === 0 ? null : m.slice(0, 3); }
  function lum(c) { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                    return 0.2126 * r + 0.7152 * g + 0.0722 * b; }
  function ratio(a, b) { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); }
  function background(e) { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c) return c; } return [255, 255, 255]; }
  const worst = [];
  for (const e of document.querySelectorAll('body *')) {
    if (e.closest('svg') || e.closest('.skip')) continue;
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !e.getClientRects().length) continue;
    const r = ratio(rgb(getComputedStyle(e).color), background(e));
    if (r < 4.5) worst.push([e.tagName + '.' + e.className, e.textContent.trim().slice(0, 30), r.toFixed(2)]);
  }
  for (const t of document.querySelectorAll('.vega-chart svg text')) {
    const fill = getComputedStyle(t).fill;
    if (!t.textContent.trim() || t.closest('[aria-hidden="true"]') === null && !t.getAttribute('aria-label') && fill === 'rgb(255, 255, 255)') continue;
    if (fill === 'rgb(255, 255, 255)') continue;  // a stacked part's label, on its bar (test_charts: palette contrast)
    const r = ratio(rgb(fill), [255, 255, 255]);
    if (r < 4.5) worst.push(['svg text', t.textContent.slice(0, 30), r.toFixed(2)]);
  }
  return worst;
}"""


def test_contrast_is_at_least_4_5_to_1(at_width, built_site):
    """Every text on its background, "geen cijfer" included (it was 3.4:1), and every text of
    the charts, at least 4.5:1 (WCAG AA)."""
    for path in ["index.html", "figuur/figuur1.html", "figuur/ncmec.html", "validatie.html", "partijen.html",
                 "indicator/police.child_prostitution_reports.html", "en/figuur/offlimits.html"]:  # fmt: skip
        assert at_width(1280, path).page.evaluate(CONTRAST) == [], path


def test_skip_link_goes_to_the_content(at_width):
    page = at_width(1280, "figuur/figuur1.html").page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    box = page.locator("a.skip").bounding_box()
    assert box is not None and box["y"] >= 0  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.evaluate("location.hash") == "#main"


def _accessible_subtree(page, role: str, name: str) -> list[tuple[str, str]]:
    """(role, name) of every node Chromium's accessibility tree has under the node with this
    role and name (what a screen reader can reach there)."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = {n["nodeId"]: n for n in cdp.send("Accessibility.getFullAXTree")["nodes"]}
    finally:
        cdp.detach()

    def named(n: dict) -> tuple[str, str]:
        return (n.get("role", {}).get("value", ""), n.get("name", {}).get("value", ""))

    [root] = [n for n in nodes.values() if named(n) == (role, name)]
    found, stack = [], [root]
    while stack:
        n = stack.pop()
        if not n.get("ignored"):
            found.append(named(n))
        stack += [nodes[c] for c in n.get("childIds", []) if c in nodes]
    return found


def test_the_chart_has_a_real_accessible_name_and_its_axes_are_not_read(at_width):
    """The chart is a figure named after the figure (not the tooltip instruction), the drawing
    in it a graphics document described by the figure's title; a screen reader finds every bar
    by its series, year and value, and not the axes' ticks and titles nor the value labels (the
    table beside the chart has every figure)."""
    page = at_width(1280, "figuur/ncmec.html").page
    name = "Grafiek: CyberTipline-meldingen van NCMEC over Nederland"
    assert page.get_by_role("figure", name=name, exact=True).count() == 1
    reachable = _accessible_subtree(page, "figure", name)
    assert ("graphics-document", "CyberTipline-meldingen van NCMEC over Nederland") in reachable
    bars = [n for r, n in reachable if r == "graphics-symbol"]
    assert "Meldingen (totaal), 2019: 25.753" in bars and "Referrals, 2024: 245.365" in bars and len(bars) == 7
    texts = {n.strip() for r, n in reachable if r == "StaticText"}
    assert not texts & {"2019", "2024", "0", "300.000", "meldingen", "25.753", "Referrals"}, texts
    hidden = page.evaluate(
        """() => [...document.querySelectorAll('.vega-chart .role-axis text, .vega-chart .role-legend text')]
                 .map(t => t.closest('[aria-hidden="true"]') !== null)"""
    )
    assert hidden and all(hidden)


def test_a_series_has_the_same_colour_on_the_figure_and_the_indicator_page(at_width):
    def fill(path: str, label: str) -> str:
        page = at_width(1280, path).page
        return page.locator(f'.vega-chart [aria-label="{label}"]').first.evaluate("e => getComputedStyle(e).fill")

    referrals = "Referrals, 2024: 245.365"
    assert fill("figuur/ncmec.html", referrals) == fill("indicator/ncmec.cybertipline_reports.html", referrals)
    total = fill("figuur/figuur1.html", "Totaal, 2019: 108")
    assert total == fill("indicator/comensha.minor_victims.html", "Totaal, 2019: 108")
    assert total == fill("figuur/kengetallen.html", "Gemelde minderjarige slachtoffers, 2019: 108")
    assert fill("figuur/ncmec.html", "Meldingen (totaal), 2019: 25.753") != fill("figuur/ncmec.html", referrals)


@pytest.mark.parametrize("width", WIDTHS)
def test_figure_4_is_a_bar_and_the_2024_ncmec_parts_are_labelled(at_width, width):
    page = at_width(width, "figuur/figuur4.html").page
    bar = page.locator('.vega-chart [aria-label^="Gemeenten met beleid"]')
    box = bar.bounding_box()
    assert box is not None and box["height"] <= 40 and box["width"] > 0.5 * box["height"]
    assert "66%" in page.locator(".vega-chart svg").text_content()
    page = at_width(width, "figuur/ncmec.html").page
    svg = page.locator(".vega-chart svg").text_content()
    assert "245.365" in svg and "27.681" in svg and "Referrals" in svg and "Informatieve rapporten" in svg
    for label in ("Referrals, 2024: 245.365", "Informatieve rapporten, 2024: 27.681"):
        part = page.locator(f'.vega-chart [aria-label="{label}"]').bounding_box()
        value = page.locator(".vega-chart text", has_text=label.split(": ")[1]).bounding_box()
        assert part and value and part["y"] <= value["y"] and value["y"] + value["height"] <= part["y"] + part["height"] + 1


def test_english_pages_speak_english(at_width):
    page = at_width(1280, "en/figuur/ncmec.html").page
    assert "Source: NCMEC" in page.locator("main").inner_text() and "Bron" not in page.locator("main").inner_text()
    assert page.get_by_role("figure", name="Chart: NCMEC CyberTipline reports concerning the Netherlands").count() == 1
    assert "25,704" in page.locator(".vega-chart svg").text_content()
    hrefs = page.locator("p.downloads a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all("downloads/en/" in h for h in hrefs)


def test_screenshots(at_width, built_site, tmp_path):
    """The home page and every figure page at 1280 and 390 px, as the editors and readers see
    them. KR_SCREENSHOTS=docs writes the README's copies (the home page and Figuur 1 at 1280 px,
    NCMEC at 390 px)."""
    from kr_pipeline.figures import FIGURES

    docs = os.environ.get("KR_SCREENSHOTS")
    out = Path(docs or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    readme = {("index.html", 1280): "site-home.png", ("figuur/figuur1.html", 1280): "site-figuur1.png",
              ("figuur/ncmec.html", 390): "site-ncmec-phone.png"}  # fmt: skip
    for width in WIDTHS:
        for page in ["index.html", *(f"figuur/{f}.html" for f in FIGURES)]:
            name = readme.get((page, width)) if docs else f"{page.replace('/', '-')[:-5]}-{width}.png"
            if name is None:
                continue
            at_width(width, page).page.screenshot(path=str(out / name), full_page=True)
            assert (out / name).stat().st_size > 20_000
