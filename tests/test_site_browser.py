"""The site in a real browser: Debian's headless Chromium driven by Playwright (its
executable_path; no browser download). Opened from the file system and from a local HTTP
server on 127.0.0.1: no console error, no failed request, no request to another host; the
NCMEC values in the figure's table and chart; values on hover and keyboard focus; screenshots (`KR_SCREENSHOTS=docs` writes the README's).

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
    """A page opened with everything that went wrong on the way recorded."""

    def __init__(self, browser, url: str, allowed_prefix: str):
        self.problems: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
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
    chart = page.locator("svg.chart").text_content()
    for value in ("25.704", "36.790", "57.012", "72.913", "273.046"):
        assert value in table and value in chart, value
    assert "36.790" in page.locator("tr", has_text="2021").inner_text()
    page.locator("svg.chart .bar").nth(1).hover()
    assert page.locator(".readout").inner_text() == "Meldingen (totaal), 2020: 25.704"
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


def test_screenshots(browser, built_site, tmp_path):
    """The home page and Figuur 1 as the editors see them. KR_SCREENSHOTS=docs writes the
    README's copies."""
    out = Path(os.environ.get("KR_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    for page, name in [("index.html", "site-home.png"), ("figuur/figuur1.html", "site-figuur1.png")]:
        visit = Visit(browser, (built_site / page).as_uri(), built_site.as_uri())
        visit.page.screenshot(path=str(out / name), full_page=True)
        assert (out / name).stat().st_size > 20_000
        visit.close()
