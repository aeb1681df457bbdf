"""Next year's editions load by themselves (issue 24, "done when"): the weekly check of each
of the four publishers this pipeline is named for, pointed at an imitation of their sites on
127.0.0.1, finds the next edition through the registry's own address history (the shipped
the publishers' channels (publisher.yaml), their hand-typed `urls:` removed, https rewritten to the local server
under the publishers' own host names) and loads it. No URL is typed in by hand.

The publishers' host names resolve to 127.0.0.1 for this test only (socket.getaddrinfo), so
whose voice a page speaks in is still decided by its real host (jaarverslag2025.offlimits.nl).
The pages served: NCMEC's 2024 by-country PDF (rows real, layout ours: tests/fixtures/ncmec),
IWF's 2025 page (rows real, markup ours: tests/fixtures/iwf), CoMensha's "Het beeld van 2025"
(ours: tests/fixtures/comensha) and an Offlimits report site for 2025 in Dutch and English
(ours, below: no 2025 report exists yet; figures invented, in the style of the 2022 site)."""

from __future__ import annotations

import re
import socket

import pytest
import yaml

from kr_pipeline.config import Settings
from kr_pipeline.stages.update import update

from .conftest import FIXTURES, NCMEC_2024
from .helpers import rows
from .httpserver import LocalServer, Route

PUBLISHERS = ("missingkids.org", "iwf.org.uk", "offlimits.nl", "eokm.nl", "comensha.nl")

OFFLIMITS_NL = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Jaarverslag 2025 | Offlimits</title></head>
<body><main><h1>Jaarverslag 2025</h1>
<section><h2>Meldpunt Kinderporno</h2>
<div class="tile"><strong>141.414</strong><span>meldingen verwerkt</span></div>
<div class="tile"><strong>612.612</strong><span>URL's geanalyseerd</span></div>
<p>In 2025 verwerkte ons Meldpunt Kinderporno 141.414 meldingen. Daarin vonden onze analisten 612.612 URL's,
waarvan 250.250 URL's met illegaal materiaal.</p></section>
<section><h2>Helpwanted</h2><p>Helpwanted voerde in 2025 7.007 adviesgesprekken.</p></section>
</main></body></html>"""

OFFLIMITS_EN = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Annual report 2025 | Offlimits</title></head>
<body><main><h1>Annual report 2025</h1>
<section><h2>CSAM Hotline</h2>
<div class="tile"><strong>141,414</strong><span>reports processed</span></div>
<div class="tile"><strong>612,612</strong><span>URLs analysed</span></div>
<p>In 2025 our CSAM Hotline processed 141,414 reports. In them our analysts found 612,612 URLs,
of which 250,250 URLs contained illegal material.</p></section>
<section><h2>Helpwanted</h2><p>In 2025 Helpwanted held 7,007 advice conversations.</p></section>
</main></body></html>"""


@pytest.fixture
def imitation(monkeypatch):
    """The four publishers' sites on one local server, reached under their own host names."""
    with LocalServer() as server:
        html = "text/html; charset=utf-8"
        server.routes["/content/dam/missingkids/pdfs/2024-reports-by-country.pdf"] = Route(
            NCMEC_2024.read_bytes(), content_type="application/pdf"
        )
        # IWF moved its pages again: the registry's first address answers 404, a later one has it
        server.routes["/annual-data-insights-report-2025/hosting-insights/geographic-insights/"] = Route(
            (FIXTURES / "iwf" / "2025-online-hosting.html").read_bytes(), content_type=html
        )
        server.routes["//jaarverslag2025.offlimits.nl/index.html"] = Route(OFFLIMITS_NL.encode(), content_type=html)
        server.routes["//jaarverslag2025.offlimits.nl/indexEN.html"] = Route(OFFLIMITS_EN.encode(), content_type=html)
        server.routes["/het_beeld_van_2025/aard_en_omvang"] = Route(
            (FIXTURES / "comensha" / "ours-het_beeld_van_2025-aard_en_omvang.html").read_bytes(), content_type=html
        )
        guarded = socket.getaddrinfo  # the suite's own guard (tests never reach the internet)

        def local(host, port, *args, **kwargs):
            if isinstance(host, str) and any(host == p or host.endswith("." + p) for p in PUBLISHERS):
                return guarded("127.0.0.1", port, *args, **kwargs)
            return guarded(host, port, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", local)
        yield server


def imitate(settings: Settings, port: int) -> None:
    """The shipped registry with its hand-typed addresses removed, https to the local server."""
    registry = yaml.safe_load(settings.sources.read_text("utf-8"))
    for spec in registry.values():
        spec.pop("urls", None)
    text = yaml.safe_dump(registry, allow_unicode=True, sort_keys=False)
    settings.sources.write_text(re.sub(r"https://([a-z0-9.{}-]+)/", rf"http://\1:{port}/", text), "utf-8")


def test_the_weekly_checks_find_and_load_each_publishers_next_edition(settings, imitation):
    imitate(settings, imitation.port)
    reports = {}
    for source in ("ncmec", "iwf", "offlimits", "offlimits_en", "comensha_web"):
        [report] = [r for r in update(settings, source, recheck=True, only_if_new=True) if r.source_id == source]
        reports[source] = report
        assert not report.failed, (source, report.error, [r.message for r in report.built])
    loaded = {s: sorted(r.publication for r in rep.built if r.status == "loaded") for s, rep in reports.items()}
    assert loaded == {
        "ncmec": ["2024"],
        "iwf": ["2025"],
        "offlimits": ["2025"],
        "offlimits_en": ["2025"],
        "comensha_web": ["2025"],
    }
    # found by the address history, after the older address answered 404
    [iwf_new] = [o for o in reports["iwf"].fetched if o.status == "new"]
    assert "hosting-insights/geographic-insights" in iwf_new.snapshot.url and "404" in iwf_new.message
    # each publication's own figures, with its own address as provenance
    values = dict(
        rows(
            settings,
            "SELECT indicator_id || ' ' || period || ' ' || breakdown, value FROM observations "
            "WHERE country_iso3 = 'NLD' AND period IN ('2024', '2025') AND indicator_id IN "
            "('ncmec.cybertipline_reports', 'iwf.hosted_urls', 'offlimits.reports', 'offlimits.urls_analysed', "
            "'offlimits.urls_illegal', 'comensha.victims_registered')",
        )
    )
    assert values["offlimits.reports 2025 total"] == 141414
    assert values["offlimits.urls_analysed 2025 total"] == 612612
    assert values["offlimits.urls_illegal 2025 total"] == 250250
    assert values["comensha.victims_registered 2025 total"] == 1105
    assert values["iwf.hosted_urls 2025 total"] == 33788
    assert "ncmec.cybertipline_reports 2024 total" in values
    hosts = {
        h
        for (h,) in rows(settings, "SELECT DISTINCT regexp_extract(url, '//([^:/]+)', 1) FROM observations WHERE url IS NOT NULL")
    }
    assert hosts == {"www.missingkids.org", "www.iwf.org.uk", "jaarverslag2025.offlimits.nl", "publicaties.comensha.nl"}
    # Helpwanted's conversations are not the hotline's figures
    assert (
        rows(
            settings, "SELECT indicator_id, period, url FROM observations WHERE value = 7007 AND indicator_id LIKE 'offlimits.%'"
        )
        == []
    )
