"""The README's "Adding a publisher" holds: a new publisher is one folder (its parser package),
its registry entry, its measures in the catalog, and nothing else in the code: the registry
accepts the parser by name, the build finds it, loads its figures and fingerprints its code."""

import dataclasses
import textwrap

from click.testing import CliRunner

import kr_pipeline.sources as sources
from kr_pipeline.catalog import load_catalog
from kr_pipeline.cli import main
from kr_pipeline.stages import build

from .helpers import rows

PARSER = """
from ...observations import ParsedPublication, frame, observation
from ...reading.context import context_for
from ...reading.numbers import parse_count

SOURCE_ID = "newpub"


def parse(data, year, file="?", context=None):
    ctx = context_for(SOURCE_ID, year, file, context)
    text = ctx.text(data)
    if "Netherlands:" not in text:
        raise ctx.fail("no Netherlands line")
    value = parse_count(text.split("Netherlands:")[1].split()[0], "en")
    row = observation(
        indicator_id="newpub.hosted_urls", year=year, period=str(year), country_iso3="NLD", country_name="Netherlands",
        label_as_published="Netherlands", area_type="country", breakdown="total", value=value, value_low=None,
        value_high=None, upper_bound=None, qualifier="exact", unit="URLs", footnote=None, location="line 1", quote=None,
    )
    return ParsedPublication(SOURCE_ID, year, file, frame([row]), [])
"""


def test_a_new_publisher_is_one_folder_and_a_registry_entry(settings, tmp_path, monkeypatch):
    folder = tmp_path / "parsers"
    (folder / "newpub").mkdir(parents=True)
    (folder / "newpub" / "__init__.py").write_text('"""A publisher added by a test."""\n')
    (folder / "newpub" / "parser.py").write_text(PARSER)
    monkeypatch.setattr(sources, "__path__", [*sources.__path__, str(folder)])
    assert "newpub" in sources.parser_names() and sources.package_dir("newpub") == folder / "newpub"
    # its measure in the catalog (warehouse/indicators.yaml): here, IWF's measure as its own
    catalog = load_catalog()
    catalog["newpub.hosted_urls"] = dataclasses.replace(
        catalog["iwf.hosted_urls"], indicator_id="newpub.hosted_urls", source_id="newpub", publisher="A new publisher"
    )
    monkeypatch.setattr(build, "load_catalog", lambda: catalog)
    settings.sources.write_text(
        settings.sources.read_text()
        + textwrap.dedent("""
        newpub:
          publisher: A new publisher
          title: "New publisher {year}"
          parser: newpub
          format: text
          urls: {}
    """)
    )
    (tmp_path / "newpub-2021.txt").write_text("Netherlands: 12,345\n")
    runner = CliRunner()
    added = runner.invoke(main, ["snapshot", "add", "newpub", str(tmp_path / "newpub-2021.txt"), "--year", "2021"])
    assert added.exit_code == 0, added.output
    built = runner.invoke(main, ["build"])
    assert built.exit_code == 0 and "newpub 2021: LOADED: 1 new" in built.output, built.output
    assert rows(settings, "SELECT source_id, year, value FROM observations WHERE source_id = 'newpub'") == [
        ("newpub", 2021, 12345.0)
    ]
    # a refusal names the publication, through the shared parse context
    (tmp_path / "newpub-2022.txt").write_text("nothing here\n")
    runner.invoke(main, ["snapshot", "add", "newpub", str(tmp_path / "newpub-2022.txt"), "--year", "2022"])
    refused = runner.invoke(main, ["build"])
    assert (
        refused.exit_code == 1
        and "newpub 2022: REJECTED: newpub 2022 (" in refused.output
        and "no Netherlands line" in refused.output
    )


COMENSHA_TRIAL = """
import re

from ...observations import ParsedPublication, frame, observation
from ...reading.context import context_for

SOURCE_ID = "comensha_trial"


def parse(data, year, file="?", context=None):
    ctx = context_for(SOURCE_ID, year, file, context)
    m = re.search(r"In (\\d{4}) zijn (\\d+) minderjarige slachtoffers bij CoMensha aangemeld", ctx.text(data))
    if not m:
        raise ctx.fail("no sentence with the minors registered")
    row = observation(
        indicator_id="comensha.minor_victims", year=int(m.group(1)), period=m.group(1), country_iso3="NLD",
        country_name="Netherlands", area_type="country", breakdown="total", value=int(m.group(2)),
        qualifier="exact", unit="persons", location="aard en omvang", quote=m.group(0),
    )
    return ParsedPublication(SOURCE_ID, year, file, frame([row]), [])
"""

CURATED = """source_id: comensha
title: "CoMensha (curated)"
publisher: CoMensha
edition: 2025
language: nl
figures:
  - indicator: comensha.minor_victims
    year: 2023
    value: 52
    as_published: "52"
    citation:
      publication: Monitor Mensenhandel 2019-2023
      quote: "Aantal bij CoMensha gemelde minderjarige slachtoffers van uitbuiting in 2023: 52"
"""


def test_an_organisation_with_a_parsed_and_a_curated_channel(settings, tmp_path, monkeypatch):
    """An organisation is not a channel: CoMensha's web publication (its own registry source,
    `organisation: comensha`) and CoMensha's curated file are two channels of one
    organisation; the parsed publication of the period outranks the curated figure by the
    documented rule (role: publication over curated), the hand-typed figure stays as a vintage."""
    folder = tmp_path / "parsers"
    (folder / "comensha_trial").mkdir(parents=True)
    (folder / "comensha_trial" / "__init__.py").write_text('"""CoMensha\'s Het beeld van pages (a test\'s)."""\n')
    (folder / "comensha_trial" / "parser.py").write_text(COMENSHA_TRIAL)
    monkeypatch.setattr(sources, "__path__", [*sources.__path__, str(folder)])
    settings.curated.mkdir(parents=True, exist_ok=True)
    (settings.curated / "comensha.yaml").write_text(CURATED)
    settings.sources.write_text(
        settings.sources.read_text()
        + textwrap.dedent("""
        comensha_trial:
          publisher: CoMensha
          organisation: comensha
          title: "Het beeld van {year}"
          parser: comensha_trial
          format: html
          urls: {}
    """)
    )
    page = tmp_path / "aard_en_omvang.html"
    page.write_text("<html><body><p>In 2023 zijn 53 minderjarige slachtoffers bij CoMensha aangemeld.</p></body></html>")
    runner = CliRunner()
    assert runner.invoke(main, ["snapshot", "add", "comensha_trial", str(page), "--year", "2023"]).exit_code == 0
    built = runner.invoke(main, ["build"])
    assert built.exit_code == 0, built.output
    assert rows(
        settings, "SELECT value, source_id FROM observations WHERE indicator_id = 'comensha.minor_victims' AND period = '2023'"
    ) == [(53.0, "comensha_trial")]
    assert rows(
        settings,
        "SELECT source_id, value, role FROM observation_vintages WHERE indicator_id = 'comensha.minor_victims' ORDER BY source_id",
    ) == [("comensha", 52.0, "conflicts"), ("comensha_trial", 53.0, "chosen")]
    assert rows(
        settings, "SELECT organisation FROM sources WHERE source_id IN ('comensha', 'comensha_trial') ORDER BY source_id"
    ) == [
        ("comensha",),
        ("comensha",),
    ]
