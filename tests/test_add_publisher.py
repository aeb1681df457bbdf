"""The README's "Adding a publisher", followed literally: a new organisation is one folder
(publisher.yaml with its channels, indicators.yaml, its parser module, its curated file) and a
`kr snapshot add` of its file; nothing else in the code or the tests changes. The registry,
the catalog, the curated files and the parser's fingerprint come from the folder, and its
parsed channel outranks its curated one by the documented rule (precedence compares
organisations; a publication of the period over a hand-typed figure)."""

import pytest
from click.testing import CliRunner

import kr_pipeline.publishers as publishers
from kr_pipeline.catalog import load_catalog
from kr_pipeline.cli import main
from kr_pipeline.ingest.snapshots import SnapshotStore
from kr_pipeline.registry import load_registry
from kr_pipeline.stages.build import fingerprint

from .conftest import CHAPTER
from .helpers import rows

PUBLISHER = """\
name: De Kinderlijn (a test's publisher)
licence: "© De Kinderlijn; figures quoted with attribution"
own_hosts: [kinderlijn.example]
channels:
  kinderlijn_web:
    title: "Jaarbeeld {year}"
    parser: web
    format: html
    first_year: 2024
    url_template: "https://kinderlijn.example/jaarbeeld-{year}"
    publication_months: [5]
  kinderlijn:
    title: "De Kinderlijn (curated, edition {year})"
    parser: curated
    format: yaml
"""

INDICATORS = """\
kinderlijn.conversations_abuse:
  title_nl: Gesprekken over seksueel misbruik met De Kinderlijn
  title_en: Conversations about sexual abuse with De Kinderlijn
  unit: reports
  definition: Conversations with children about sexual abuse, per year.
  definition_nl: Gesprekken met kinderen over seksueel misbruik, per jaar.
  crc: [34]
  breakdowns: [total]
  expected:
    - {years: "2024", breakdowns: [total]}
"""

WEB = '''\
"""De Kinderlijn's yearly page: "In <year> voerden wij <n> gesprekken over seksueel misbruik"."""

import re

from ...observations import ParsedPublication, frame, observation
from ...reading.context import context_for
from ...reading.numbers import parse_count


def parse(data, year, file="?", context=None):
    ctx = context_for(None, year, file, context)
    m = re.search(r"In (\\d{4}) voerden wij ([\\d.]+) gesprekken over seksueel misbruik", ctx.text(data))
    if not m:
        raise ctx.fail("no sentence with the conversations about sexual abuse")
    if int(m.group(1)) != year:
        raise ctx.fail(f"the page speaks of {m.group(1)}, registered as {year}")
    row = observation(
        indicator_id="kinderlijn.conversations_abuse", year=year, period=str(year), country_iso3="NLD",
        country_name="Netherlands", area_type="country", breakdown="total", value=parse_count(m.group(2), "nl"),
        qualifier="exact", unit="reports", location="jaarbeeld", quote=m.group(0),
    )
    return ParsedPublication(ctx.source_id, year, file, frame([row]), [])
'''

CURATED = """\
source_id: kinderlijn
title: "De Kinderlijn (curated)"
publisher: De Kinderlijn
edition: 2025
language: nl
figures:
  - indicator: kinderlijn.conversations_abuse
    year: 2024
    value: 4100
    as_published: "4.100"
    citation:
      publication: Nieuwsbericht De Kinderlijn
      quote: "In 2024 spraken we 4.100 kinderen over seksueel misbruik."
"""


@pytest.fixture
def publisher_folder(settings, tmp_path, monkeypatch):
    """Steps 1-4 of the README, in a publishers' folder of the test's own (on the package's
    search path, as the shipped folder is), with the registry and curated files the folders'."""
    root = tmp_path / "publishers"
    folder = root / "kinderlijn"
    (folder / "curated").mkdir(parents=True)
    (folder / "__init__.py").write_text('"""De Kinderlijn (a test\'s publisher)."""\n')
    (folder / "publisher.yaml").write_text(PUBLISHER)
    (folder / "indicators.yaml").write_text(INDICATORS)
    (folder / "web.py").write_text(WEB)
    (folder / "curated" / "kinderlijn.yaml").write_text(CURATED)
    monkeypatch.setattr(publishers, "__path__", [*publishers.__path__, str(root)])
    monkeypatch.delenv("KR_SOURCES")  # the registry of the folders, not the test's copy
    monkeypatch.delenv("KR_CURATED")
    # the shipped store's reference document, which the other publishers' curated quotes cite
    SnapshotStore(settings.snapshots).add("kib", 2025, CHAPTER.read_bytes(), original_name=CHAPTER.name)
    return folder


def test_a_new_publisher_is_one_folder_and_its_parsed_channel_wins(settings, publisher_folder, tmp_path):
    registry = load_registry()
    assert {
        s: (registry[s].parser, registry[s].organisation, registry[s].publisher) for s in registry if s.startswith("kinderlijn")
    } == {
        "kinderlijn_web": ("kinderlijn.web", "kinderlijn", "De Kinderlijn (a test's publisher)"),
        "kinderlijn": ("curated", "kinderlijn", "De Kinderlijn (a test's publisher)"),
    }
    assert registry["kinderlijn_web"].own_hosts == ("kinderlijn.example",)
    indicator = load_catalog()["kinderlijn.conversations_abuse"]
    assert (indicator.source_id, indicator.publisher) == ("kinderlijn", "De Kinderlijn (a test's publisher)")
    # step 5: `kr snapshot add` of its real file
    page = tmp_path / "jaarbeeld-2024.html"
    page.write_text("<html><body><p>In 2024 voerden wij 4.123 gesprekken over seksueel misbruik.</p></body></html>")
    runner = CliRunner()
    added = runner.invoke(main, ["snapshot", "add", "kinderlijn_web", str(page), "--year", "2024"])
    assert added.exit_code == 0, added.output
    built = runner.invoke(main, ["build"])
    assert built.exit_code == 0, built.output
    assert "kinderlijn_web 2024: LOADED: 1 new" in built.output, built.output
    # the parsed publication of the period is shown; the hand-typed figure stays as a vintage
    assert rows(settings, "SELECT value, source_id FROM observations WHERE indicator_id = 'kinderlijn.conversations_abuse'") == [
        (4123.0, "kinderlijn_web")
    ]
    assert rows(
        settings,
        "SELECT source_id, value, role FROM observation_vintages WHERE indicator_id = 'kinderlijn.conversations_abuse' "
        "ORDER BY source_id",
    ) == [("kinderlijn", 4100.0, "conflicts"), ("kinderlijn_web", 4123.0, "chosen")]
    assert rows(settings, "SELECT publisher FROM indicators WHERE source_id = 'kinderlijn'") == [
        ("De Kinderlijn (a test's publisher)",)
    ]


def test_the_folder_fingerprints_its_parser_and_refuses_through_the_context(publisher_folder, tmp_path):
    before = fingerprint("kinderlijn.web")
    fingerprint.cache_clear()
    (publisher_folder / "web.py").write_text(WEB + "\n# a change\n")
    assert fingerprint("kinderlijn.web") != before
    fingerprint.cache_clear()
    page = tmp_path / "jaarbeeld-2025.html"
    page.write_text("<p>In 2024 voerden wij 4.123 gesprekken over seksueel misbruik.</p>")
    runner = CliRunner()
    runner.invoke(main, ["snapshot", "add", "kinderlijn_web", str(page), "--year", "2025"])
    refused = runner.invoke(main, ["build"])
    assert refused.exit_code == 1 and "kinderlijn_web 2025: REJECTED: kinderlijn_web 2025 (" in refused.output, refused.output
    assert "the page speaks of 2024, registered as 2025" in refused.output


def test_a_channel_does_not_restate_its_organisation(publisher_folder):
    from kr_pipeline.registry import RegistryError

    (publisher_folder / "publisher.yaml").write_text(
        PUBLISHER.replace("    parser: web\n", "    parser: web\n    licence: CC-BY\n")
    )
    with pytest.raises(RegistryError, match=r"channel 'kinderlijn_web': \['licence'\] are said once for the organisation"):
        load_registry()
    (publisher_folder / "publisher.yaml").write_text(PUBLISHER)
    (publisher_folder / "indicators.yaml").write_text(
        INDICATORS.replace("  unit: reports\n", "  unit: reports\n  source_id: x\n")
    )
    from kr_pipeline.catalog import CatalogError

    with pytest.raises(CatalogError, match=r"\['source_id'\] come from the organisation's folder"):
        load_catalog()


def test_a_breakdown_or_unit_without_its_labels_is_refused(publisher_folder):
    """Units and breakdowns are written once, with their Dutch and English labels
    (publishers/measures.yaml): an indicator using another is refused, so the site never shows
    a raw id."""
    from kr_pipeline.catalog import CatalogError
    from kr_pipeline.present.presentation import breakdown_label, unit_label

    (publisher_folder / "indicators.yaml").write_text(INDICATORS.replace("breakdowns: [total]", "breakdowns: [total, girls]"))
    with pytest.raises(CatalogError, match=r"breakdown\(s\) \['girls'\] are not in measures.yaml"):
        load_catalog()
    (publisher_folder / "indicators.yaml").write_text(INDICATORS.replace("unit: reports", "unit: calls"))
    with pytest.raises(CatalogError, match=r"unit 'calls' is not one of .* \(a new one goes in measures.yaml"):
        load_catalog()
    (publisher_folder / "indicators.yaml").write_text(INDICATORS)
    # the site's labels come from there: CoMensha's reporters were shown as raw ids before
    assert breakdown_label("kmar", "nl") == "Koninklijke Marechaussee" and unit_label("URLs", "nl") == "URL's"
