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
