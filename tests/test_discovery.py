"""Next year's editions found by themselves (issue 24 part 5): the registry's address history
(several URL templates) and landing pages, tried against a local imitation of the publishers'
sites on 127.0.0.1: a moved address, a landing page whose link leads to the edition, a 404
before publication, and a page that appears later. Never the internet."""

from __future__ import annotations

import textwrap

import pytest

from kr_pipeline.ingest.download import Fetcher
from kr_pipeline.ingest.snapshots import SnapshotStore
from kr_pipeline.registry import load_registry
from kr_pipeline.stages.fetch import discover_link, fetch_year

from .conftest import IWF_2024, NCMEC_PDFS
from .httpserver import LocalServer, Route


@pytest.fixture
def server():
    with LocalServer() as s:
        yield s


def fast() -> Fetcher:
    return Fetcher(allow_private=True, backoff=0.01, connect_timeout=2, read_timeout=2)


def registry(tmp_path, server, body: str):
    path = tmp_path / "sources.yaml"
    path.write_text(textwrap.dedent(body).replace("BASE", server.url("").rstrip("/")))
    return load_registry(path)


def test_a_moved_address_is_found_in_the_address_history(tmp_path, server):
    """IWF moves its pages nearly every year: the older template answers 404, the newer one has it."""
    sources = registry(
        tmp_path,
        server,
        """
        iwf:
          publisher: IWF
          title: "IWF {year}"
          parser: iwf
          format: html
          first_year: 2024
          url_template: "BASE/annual-data-insights-report-{year}/hosting-insights/geographic-insights"
          url_templates:
            - "BASE/annual-data-insights-report-{year}/online-hosting/geographic-insights"
        """,
    )
    server.routes["/annual-data-insights-report-2024/online-hosting/geographic-insights"] = Route(
        IWF_2024.read_bytes(), content_type="text/html"
    )
    outcome = fetch_year(SnapshotStore(tmp_path / "store"), sources["iwf"], 2024, fast())
    assert outcome.status == "new", outcome.message
    assert "online-hosting/geographic-insights after 1 address answered 404" in outcome.message
    assert outcome.snapshot is not None and outcome.snapshot.url.endswith("/online-hosting/geographic-insights")


def test_a_landing_page_leads_to_the_edition(tmp_path, server):
    """No template fits: the landing page's link naming the year and the words is followed."""
    sources = registry(
        tmp_path,
        server,
        """
        ncmec:
          publisher: NCMEC
          title: "NCMEC {year}"
          parser: ncmec
          format: pdf
          first_year: 2024
          url_template: "BASE/pdfs/{year}-reports-by-country.pdf"
          landing: {url: "BASE/cybertiplinedata", words: [country]}
        """,
    )
    server.routes["/cybertiplinedata"] = Route(
        b"""<html><body><a href="javascript:alert(2024)">2024 by country</a>
        <a href="/files/2024-annual-report.pdf">2024 annual report</a>
        <a href="/files/ncmec-2024-data-by-country-v2.pdf">CyberTipline data 2024 by country</a></body></html>""",
        content_type="text/html",
    )
    server.routes["/files/ncmec-2024-data-by-country-v2.pdf"] = Route(
        NCMEC_PDFS[2023].read_bytes(), content_type="application/pdf"
    )
    outcome = fetch_year(SnapshotStore(tmp_path / "store"), sources["ncmec"], 2024, fast())
    assert outcome.status == "new", outcome.message
    assert outcome.snapshot is not None and outcome.snapshot.url.endswith("/files/ncmec-2024-data-by-country-v2.pdf")
    assert "found on" in outcome.message and "cybertiplinedata" in outcome.message


def test_before_publication_every_address_is_tried_and_named_then_the_page_appears(tmp_path, server):
    sources = registry(
        tmp_path,
        server,
        """
        offlimits:
          publisher: Offlimits
          title: "Offlimits jaarverslag {year}"
          parser: offlimits
          format: html
          first_year: 2025
          url_template: "BASE/jaarverslag{year}/index.html"
          url_templates: ["BASE/jaarverslag{year}/"]
          landing: {url: "BASE/nieuws", words: [jaarverslag]}
        """,
    )
    store = SnapshotStore(tmp_path / "store")
    outcome = fetch_year(store, sources["offlimits"], 2025, fast())
    assert outcome.status == "not_yet_published"
    assert "tried 3 addresses" in outcome.message and "/jaarverslag2025/index.html" in outcome.message
    server.routes["/jaarverslag2025/index.html"] = Route(
        b"<html><body><p>In 2025 ...</p></body></html>", content_type="text/html"
    )
    later = fetch_year(store, sources["offlimits"], 2025, fast())
    assert later.status == "new" and later.snapshot is not None


def test_a_link_must_name_the_year_and_every_word_and_be_http():
    page = b"""<a href="/2023/geographic">2023 geographic</a><a href="mailto:x@2024geographic">2024 geographic</a>
               <a href="https://other.example/x">geographic hosting 2024</a>"""
    assert discover_link(page, "https://www.iwf.org.uk/", 2024, ("geographic",)) == "https://other.example/x"
    assert discover_link(page, "https://www.iwf.org.uk/", 2024, ("geographic", "insights")) is None
    assert discover_link(page, "https://www.iwf.org.uk/", 2023, ("geographic",)) == "https://www.iwf.org.uk/2023/geographic"


def test_the_registry_refuses_templates_that_are_not_http(tmp_path, server):
    from kr_pipeline.registry import RegistryError

    with pytest.raises(RegistryError, match="only http"):
        registry(
            tmp_path,
            server,
            """
            x:
              publisher: X
              title: "X"
              parser: iwf
              format: html
              url_templates: ["file:///etc/{year}"]
            """,
        )
