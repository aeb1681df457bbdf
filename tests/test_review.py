"""`kr review`: numbers a parser would not load on its own wait, with their sentence, until a
person accepts one (it becomes a curated figure checked against its snapshot) or rejects it."""

from __future__ import annotations

from click.testing import CliRunner

from kr_pipeline import pipeline
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
