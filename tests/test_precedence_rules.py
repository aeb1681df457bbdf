"""Each precedence rule of warehouse/views.sql (statement_ranks, statement_roles) on its own: a
small warehouse where every rank but one is equal, and the rule under test is the only thing
that decides which value `observations` shows. Where it matters, the value the rule should lose
to is the newer retrieval and has the smaller checksum, so that dropping the rule changes the
winner (issue 23 part 5: each of these survived as a mutant before)."""

from __future__ import annotations

import textwrap

import pytest

import kr_pipeline.publishers as sources
from kr_pipeline import pipeline
from kr_pipeline.ingest.snapshots import SnapshotStore

from .helpers import rows

# A parser for the tests: each line "period value qualifier text_part" is a figure of NCMEC's
# indicator for the Netherlands. Registered under several sources of organisation ncmec, so the
# own-organisation rank is equal for all of them.
PROBE_PARSER = """
from ...observations import ParsedPublication, frame, observation
from ...reading.context import context_for


def parse(data, year, file="?", context=None):
    ctx = context_for("probe", year, file, context)
    rows = []
    for line in ctx.text(data).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        period, value, qualifier, part = line.split()
        rows.append(observation(
            indicator_id="ncmec.cybertipline_reports", year=int(period), period=period, country_iso3="NLD",
            country_name="Netherlands", label_as_published="Netherlands", area_type="country", breakdown="total",
            value=float(value), qualifier=qualifier, unit="reports", location="line", text_part=part,
            quote=f"In {period}: {value}" if part != "table" else None,
        ))
    return ParsedPublication(ctx.source_id, year, file, frame(rows), [])
"""

SERIES_SQL = """SELECT value, source_id, statement_kind FROM observations
                WHERE indicator_id = 'ncmec.cybertipline_reports' AND period = '2020' AND country_iso3 = 'NLD'"""


@pytest.fixture
def probe(settings, tmp_path, monkeypatch):
    """Sources probe_a, probe_b (channels of NCMEC, parser `krprobe`) and a way to add a file."""
    folder = tmp_path / "parsers"
    (folder / "krprobe").mkdir(parents=True)
    (folder / "krprobe" / "__init__.py").write_text('"""A parser of the precedence tests."""\n')
    (folder / "krprobe" / "parser.py").write_text(PROBE_PARSER)
    monkeypatch.setattr(sources, "__path__", [*sources.__path__, str(folder)])
    entries = "".join(
        textwrap.dedent(f"""
        {name}:
          publisher: NCMEC (a test channel)
          organisation: ncmec
          title: "Probe {{year}}"
          parser: krprobe
          format: text
          urls: {{}}
        """)
        for name in ("probe_a", "probe_b")
    )
    settings.sources.write_text(settings.sources.read_text() + entries)
    store = SnapshotStore(settings.snapshots)

    def add(source_id: str, year: int, text: str, retrieved_at: str, smaller_than: str | None = None) -> str:
        """Store `text`; with smaller_than, a comment line is varied until its checksum sorts
        before that one (so the checksum, the last tie-break, favours this snapshot)."""
        for n in range(500):
            data = (f"# {n}\n" + text).encode()
            if smaller_than is None or _sha(data) < smaller_than:
                snap, _ = store.add(
                    source_id,
                    year,
                    data,
                    url=f"https://example.invalid/{source_id}/{year}",
                    content_type="text/plain",
                    retrieved_at=retrieved_at,
                )
                return snap.sha256
        raise AssertionError("no checksum sorted as wanted")

    return add


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _no_validation(publications):
    """Validation takes no part in precedence; without Great Expectations the builds are fast."""

    class Passed:
        success = True

        @staticmethod
        def summary():
            return {"success": True}

    return [Passed() for _ in publications]


def _build(settings) -> None:
    results = pipeline.build(settings, steps=pipeline.Steps(validate=_no_validation))
    assert results and all(r.status == "loaded" for r in results), [r.message for r in results]


def test_exact_over_rounded(settings, probe):
    """Same role, same part: the exact figure is shown although the rounded one is newer and
    its checksum sorts first."""
    exact = probe("probe_a", 2020, "2020 25704 exact table\n", "2021-04-01T00:00:00+00:00")
    probe("probe_b", 2020, "2020 26000 approx table\n", "2022-04-01T00:00:00+00:00", smaller_than=exact)
    _build(settings)
    assert rows(settings, SERIES_SQL) == [(25704.0, "probe_a", "publication")]
    # the rounded one agrees within its rounding: it confirms, it does not conflict
    assert rows(settings, "SELECT source_id, role FROM statement_roles ORDER BY source_id") == [
        ("probe_a", "chosen"),
        ("probe_b", "confirms"),
    ]


def test_body_over_headline(settings, probe):
    """Both exact, same role: the body's figure is shown, not the headline's (newer, smaller checksum)."""
    body = probe("probe_a", 2020, "2020 25704 exact body\n", "2021-04-01T00:00:00+00:00")
    probe("probe_b", 2020, "2020 25800 exact headline\n", "2022-04-01T00:00:00+00:00", smaller_than=body)
    _build(settings)
    assert rows(settings, SERIES_SQL) == [(25704.0, "probe_a", "publication")]
    assert rows(settings, "SELECT text_part FROM observations WHERE source_id LIKE 'probe%'") == [("body",)]


def test_the_newer_retrieval(settings, probe):
    """Everything equal but the retrieval: the newer one is shown, although the older one's
    checksum sorts first."""
    newer = probe("probe_a", 2020, "2020 25704 exact table\n", "2022-04-01T00:00:00+00:00")
    probe("probe_b", 2020, "2020 25700 exact table\n", "2021-04-01T00:00:00+00:00", smaller_than=newer)
    _build(settings)
    assert rows(settings, SERIES_SQL) == [(25704.0, "probe_a", "publication")]
    assert rows(settings, "SELECT source_id, role FROM statement_roles ORDER BY source_id") == [
        ("probe_a", "chosen"),
        ("probe_b", "conflicts"),
    ]


def test_the_periods_own_publication_over_a_later_mention(settings, probe):
    """probe_a 2020 states 2020 (its own period); probe_b 2021 mentions 2020 later, in a newer
    retrieval with a smaller checksum: the period's own publication is shown."""
    own = probe("probe_a", 2020, "2020 25704 exact table\n", "2021-04-01T00:00:00+00:00")
    probe("probe_b", 2021, "2020 25750 exact table\n2021 36790 exact table\n", "2022-04-01T00:00:00+00:00", smaller_than=own)
    _build(settings)
    assert rows(settings, SERIES_SQL) == [(25704.0, "probe_a", "publication")]
    assert rows(
        settings, "SELECT source_id, snapshot_year, role_rank, role FROM statement_roles WHERE period = '2020' ORDER BY 1"
    ) == [("probe_a", 2020, 0, "chosen"), ("probe_b", 2021, 1, "conflicts")]


CURATED = """source_id: ncmec
title: "NCMEC: figures quoted in secondary texts"
edition: 2025
language: nl
figures:
  - indicator: ncmec.cybertipline_reports
    year: 2020
    value: 25900
    as_published: "25.900"
    citation:
      publication: a newspaper article
      quote: "In 2020 kreeg NCMEC 25.900 meldingen over Nederland."
"""


@pytest.mark.parametrize("snapshot_year", [2020, 2021], ids=["own-publication", "later-mention"])
def test_a_publication_over_a_curated_figure(settings, probe, snapshot_year):
    """The curated file (exact too, same organisation, stored at build time: the newer
    retrieval) yields to the parsed publication of the period and to a later publication
    mentioning it (role_rank 2 for curated, below 0 and 1)."""
    probe("probe_a", snapshot_year, "2020 25704 exact body\n", "2021-04-01T00:00:00+00:00")
    settings.curated.mkdir(parents=True, exist_ok=True)
    (settings.curated / "ncmec.yaml").write_text(CURATED)
    _build(settings)
    assert rows(settings, SERIES_SQL) == [(25704.0, "probe_a", "publication")]
    assert rows(settings, "SELECT source_id, kind, role_rank, role FROM statement_roles WHERE period = '2020' ORDER BY 1") == [
        ("ncmec", "curated", 2, "conflicts"),
        ("probe_a", "publication", 0 if snapshot_year == 2020 else 1, "chosen"),
    ]
    # the curated figure really was the newer retrieval: only its role puts it second
    [(curated_newer,)] = rows(
        settings,
        "SELECT max(retrieved_at) FILTER (WHERE kind = 'curated') > max(retrieved_at) FILTER (WHERE kind = 'publication') "
        "FROM statement_ranks",
    )
    assert curated_newer
