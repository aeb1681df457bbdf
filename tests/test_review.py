"""`kr review`: numbers a parser would not load on its own wait, with their sentence, until a
person accepts one (it becomes a curated figure checked against its snapshot) or rejects it."""

from __future__ import annotations

import textwrap

from click.testing import CliRunner

from kr_pipeline import pipeline, sources
from kr_pipeline.cli import main
from kr_pipeline.snapshots import SnapshotStore

from .helpers import rows

NEWS = (
    "<html><head><title>Jaarcijfers Meldpunt Kinderporno 2024</title></head><body><article>"
    "<p>In 2024 verwerkte het Meldpunt Kinderporno 127.081 meldingen.</p>"
    "<p>In de eerste helft van 2025 ontving het Meldpunt 60.123 meldingen.</p>"
    "<p>De politie registreerde in 2024 5.000 meldingen.</p></article></body></html>"
)


def test_review_lists_accepts_and_rejects_end_to_end(settings):
    SnapshotStore(settings.snapshots).add(
        "offlimits",
        2024,
        NEWS.encode(),
        url="https://example.invalid/nieuws/jaarcijfers-2024",
        content_type="text/html",
        origin="manual",
    )
    [result] = pipeline.build(settings)
    assert result.status == "loaded"
    runner = CliRunner()
    listed = runner.invoke(main, ["review"])
    assert listed.exit_code == 0, listed.output
    assert "60.123" in listed.output and "half-year" in listed.output and "another organisation" in listed.output
    queue = rows(settings, "SELECT candidate_id, as_published FROM review_queue ORDER BY as_published")
    (police_id, _), (half_id, _) = queue

    accepted = runner.invoke(main, ["review", "accept", half_id])
    assert accepted.exit_code == 0, accepted.output
    rejected = runner.invoke(main, ["review", "reject", police_id, "--reason", "a police figure"])
    assert rejected.exit_code == 0, rejected.output
    assert runner.invoke(main, ["review"]).output.strip() == "nothing waits for review"

    built = pipeline.build(settings)
    assert [r.status for r in built] == ["loaded"], [r.message for r in built]
    assert rows(
        settings,
        """SELECT period, value, statement_kind, quote FROM observations
                             WHERE indicator_id = 'offlimits.reports' ORDER BY period""",
    ) == [
        ("2024", 127081.0, "publication", "In 2024 verwerkte het Meldpunt Kinderporno 127.081 meldingen."),
        ("2025-H1", 60123.0, "curated", "In de eerste helft van 2025 ontving het Meldpunt 60.123 meldingen."),
    ]
    assert rows(settings, "SELECT decision, reason FROM review_decisions ORDER BY 1") == [
        ("accepted", None),
        ("rejected", "a police figure"),
    ]


def test_accepting_an_unclear_candidate_needs_the_figure_named(settings):
    text = "<html><body><p>Het Meldpunt ontving in 2023 en 2024 samen 380.000 meldingen.</p><p>In 2024 verwerkte het Meldpunt 127.081 meldingen.</p></body></html>"
    SnapshotStore(settings.snapshots).add("offlimits", 2024, text.encode(), content_type="text/html", origin="manual")
    pipeline.build(settings)
    [(cid,)] = rows(settings, "SELECT candidate_id FROM review_queue")
    out = CliRunner().invoke(main, ["review", "accept", cid])
    assert out.exit_code == 2 and "say which figure it is" in out.output


# A publication the parser refuses (no Offlimits figure it can load on its own) whose numbers
# are candidates for review: a half year and another organisation's figure.
ONLY_CANDIDATES = (
    "<html><head><title>Jaarcijfers Meldpunt Kinderporno 2024</title></head><body><article>"
    "<p>In de eerste helft van 2025 ontving het Meldpunt 60.123 meldingen.</p>"
    "<p>De politie registreerde in 2024 5.000 meldingen.</p></article></body></html>"
)


def _add(settings, html: str, retrieved_at: str | None = None, year: int = 2024):
    return SnapshotStore(settings.snapshots).add(
        "offlimits",
        year,
        html.encode(),
        url="https://www.offlimits.nl/nieuws/jaarcijfers-2024",  # the publisher's own site: its own voice
        content_type="text/html",
        origin="manual",
        retrieved_at=retrieved_at,
    )


def test_a_parse_error_keeps_its_candidates_when_pickled():
    """The parse runs in a spawned child: what it raises travels pickled (isolation.Failure)."""
    import pickle

    from kr_pipeline.errors import ParseError
    from kr_pipeline.reading.context import ParseContext

    exc = ParseContext(source_id="offlimits", year=2024, file="x.html").fail("no figures", candidates=[{"sentence": "s"}])
    again = pickle.loads(pickle.dumps(exc))
    assert isinstance(again, ParseError) and again.candidates == [{"sentence": "s"}] and str(again) == str(exc)


def test_a_refused_publications_candidates_wait_for_review(settings):
    """Issue 22: a refused publication printed "2 candidates for review" and `kr review` said
    nothing waits: the candidates travelled only on a successful parse."""
    _add(settings, ONLY_CANDIDATES)
    [result] = pipeline.build(settings)
    assert result.status == "rejected"
    assert result.message.endswith("; 2 candidates wait in `kr review`") and result.candidates == 2
    assert rows(settings, "SELECT as_published, load_status FROM review_queue ORDER BY 1") == [
        ("5.000", "rejected"),
        ("60.123", "rejected"),
    ]
    assert rows(settings, "SELECT count(*) FROM review_candidates") == [(2,)]
    listed = CliRunner().invoke(main, ["review"])
    assert listed.exit_code == 0 and "60.123" in listed.output and "5.000" in listed.output, listed.output
    assert pipeline.build(settings) == []  # refused again only when the code changes: nothing doubles
    assert rows(settings, "SELECT count(*) FROM review_queue") == [(2,)]


def test_the_queue_shows_the_newest_version_even_when_it_was_refused(settings):
    """v1 loaded with a candidate; v2 (newer) refused with its own candidates: the queue holds
    v2's, the newest text; a later refusal without candidates (a damaged download) leaves it."""
    _add(settings, NEWS, "2025-01-01T00:00:00+00:00")
    pipeline.build(settings)
    assert {a for (a,) in rows(settings, "SELECT as_published FROM review_queue")} == {"60.123", "5.000"}
    newer = ONLY_CANDIDATES.replace("60.123", "60.124")
    _add(settings, newer, "2025-02-01T00:00:00+00:00")
    [refused] = pipeline.build(settings)
    assert refused.status == "rejected"
    assert rows(settings, "SELECT as_published, load_status FROM review_queue ORDER BY 1") == [
        ("5.000", "rejected"),
        ("60.124", "rejected"),
    ]
    _add(settings, "<html><body><p>Niets.</p></body></html>", "2025-03-01T00:00:00+00:00")
    [damaged] = pipeline.build(settings)
    assert damaged.status == "rejected" and damaged.candidates == 0
    assert [a for (a,) in rows(settings, "SELECT as_published FROM review_queue ORDER BY 1")] == ["5.000", "60.124"]


def test_candidates_survive_a_refusal_by_the_catalog(settings):
    """A parse that succeeded but whose rows the catalog refuses keeps its candidates too."""
    from kr_pipeline.observations import ParsedPublication, frame, observation

    _add(settings, NEWS)

    def parse(snap, parser, context=None):
        row = observation(indicator_id="offlimits.nonexistent", year=2024, country_name="Netherlands", value=1, unit="reports")
        candidate = {"sentence": "Een zin met 7 meldingen.", "as_published": "7", "value": 7.0, "why": "unclear"}
        return ParsedPublication(snap.source_id, snap.year, snap.file, frame([row]), candidates=[candidate])

    [result] = pipeline.build(settings, steps=pipeline.Steps(parse=parse))
    assert result.status == "rejected" and "not in the catalog" in result.message
    assert result.message.endswith("; 1 candidate waits in `kr review`")
    assert rows(settings, "SELECT as_published FROM review_queue") == [("7",)]


def test_the_parser_contract_candidates_on_a_refusal(settings, tmp_path, monkeypatch):
    """What a parser does to keep its candidates when it refuses: `raise ctx.fail(reason,
    candidates=[...])` (the dicts ParsedPublication.candidates holds). Parsed in the spawned
    child like every publication; the refusal's candidates wait in the queue."""
    folder = tmp_path / "parsers" / "odd"
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text('"""A parser written by a test."""\n')
    (folder / "parser.py").write_text(
        textwrap.dedent("""
            from kr_pipeline.reading.context import context_for

            def parse(data, year, file="?", context=None):
                ctx = context_for("odd", year, file, context)
                candidate = {"sentence": "Er waren 12 meldingen.", "as_published": "12", "value": 12.0,
                             "why": "no known measure", "period": str(year)}
                raise ctx.fail("nothing loads by itself; 1 candidates for review", candidates=[candidate])
        """)
    )
    monkeypatch.setattr(sources, "__path__", [*sources.__path__, str(folder.parent)])
    settings.sources.write_text(
        settings.sources.read_text()
        + "\nodd:\n  publisher: Odd\n  title: 'Odd {year}'\n  parser: odd\n  format: text\n  urls: {}\n"
    )
    SnapshotStore(settings.snapshots).add("odd", 2024, b"Er waren 12 meldingen.\n", original_name="odd.txt")
    [result] = pipeline.build(settings)
    assert result.status == "rejected"
    assert result.message.endswith("): nothing loads by itself; 1 candidate waits in `kr review`"), result.message
    assert rows(settings, "SELECT as_published, why, period, load_status FROM review_queue") == [
        ("12", "no known measure", "2024", "rejected")
    ]


def test_status_and_the_change_report_count_a_refused_publications_candidates(settings):
    import datetime as dt

    from kr_pipeline.report import change_report

    _add(settings, ONLY_CANDIDATES)
    results = pipeline.build(settings)
    status = CliRunner().invoke(main, ["status"])
    assert "2 numbers wait for review: run `kr review`" in status.output, status.output
    assert "  offlimits 2024: 2 (from a refused publication: they wait all the same)" in status.output
    report = change_report(settings, "build", pipeline.reports_by_source(results), dt.datetime.now(dt.timezone.utc))
    assert "2 candidates wait in `kr review`" in report.markdown  # the publication's line
    assert "- 2 numbers wait for review (`kr review`)\n  - offlimits 2024: 2 (from a refused" in report.markdown
