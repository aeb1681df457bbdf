"""Runs as a table (issue 27): every run's change report is a row of `runs`, every load carries
its run id, and "what changed in the last update" is one query (run_changes)."""

from click.testing import CliRunner

from kr_pipeline.cli import main
from kr_pipeline.ingest.snapshots import SnapshotStore

from .helpers import fill_store, rows
from .test_precedence import _republished_2023

LAST_UPDATE = "SELECT * FROM run_changes WHERE run_id = (SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)"


def test_what_changed_in_the_last_run_is_one_query(settings):
    fill_store(settings, ncmec_years=(2022, 2023), iwf=False)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    [(first, flow, status, report)] = rows(settings, "SELECT run_id, flow, status, report FROM runs")
    assert (flow, status) == ("build", "completed") and report.startswith("# kr-pipeline build:")
    assert (settings.reports / f"{first.rsplit('-', 2)[0]}-build.md").read_text("utf-8") == report  # the file, as a row
    assert rows(settings, "SELECT DISTINCT run_id FROM loads") == [(first,)]  # every load carries its run
    new = rows(settings, "SELECT change, count(*) FROM (" + LAST_UPDATE + ") GROUP BY ALL")
    assert new == [("new", rows(settings, "SELECT count(*) FROM observations")[0][0])]

    SnapshotStore(settings.snapshots).add(
        "ncmec", 2023, _republished_2023(), url="https://example.invalid/2023b.pdf", retrieved_at="2026-11-29T00:00:00+00:00"
    )
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    changed = rows(
        settings,
        f"SELECT change, indicator_id, period, country_name, old_value, new_value, role FROM ({LAST_UPDATE}) "
        "WHERE country_name = 'Netherlands' OR change = 'new'",
    )
    assert changed == [("revised", "ncmec.cybertipline_reports", "2023", "Netherlands", 72913.0, 72950.0, "chosen")]
    [(second, _)] = rows(settings, "SELECT run_id, flow FROM runs WHERE run_id <> ?", [first])
    assert rows(settings, "SELECT count(*) FROM loads WHERE run_id = ?", [second]) == [(1,)]
    # a run that loaded nothing is a row too; it changed nothing
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    assert rows(settings, "SELECT count(*) FROM runs") == [(3,)] and rows(settings, LAST_UPDATE) == []
