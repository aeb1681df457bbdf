"""`kr update` end to end: a Prefect flow fetching from a local HTTP server on 127.0.0.1 that
serves the recorded publications, then queries on the warehouse."""

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from kr_pipeline.cli import main
from kr_pipeline.config import Settings

from .conftest import IWF_2024, NCMEC_PDFS
from .helpers import NL_EXPECTED_ALL, NL_SQL, rows
from .httpserver import LocalServer, Route


@pytest.fixture
def publisher():
    with LocalServer() as server:
        for year, pdf in NCMEC_PDFS.items():
            server.routes[f"/ncmec/{year}-reports-by-country.pdf"] = Route(
                pdf.read_bytes(), content_type="application/pdf", etag=f'"n{year}"'
            )
        server.routes["/iwf/2024/geographical-hosting-urls/"] = Route(
            IWF_2024.read_bytes(), content_type="text/html; charset=utf-8"
        )
        yield server


def write_registry(settings, ncmec_base, iwf_base, ncmec_urls: dict[int, str] | None = None):
    """NCMEC by URL template from ncmec_base (or by ncmec_urls, year -> base), IWF 2024 from iwf_base."""
    if ncmec_urls:
        where = "urls:\n" + "".join(
            f'            {y}: "{base}/ncmec/{y}-reports-by-country.pdf"\n' for y, base in ncmec_urls.items()
        )
    else:
        where = f'first_year: 2019\n          url_template: "{ncmec_base}/ncmec/{{year}}-reports-by-country.pdf"\n'
    settings.sources.write_text(
        textwrap.dedent(f"""
        ncmec:
          publisher: NCMEC
          title: "{{year}} CyberTipline Reports by Country"
          parser: ncmec
          format: pdf
          {where.rstrip()}
        iwf:
          publisher: IWF
          title: "IWF {{year}}: Geographical hosting"
          parser: iwf
          format: html
          urls:
            2024: "{iwf_base}/iwf/2024/geographical-hosting-urls/"
    """)
    )


def test_update_fetches_snapshots_and_builds(prefect_harness, settings, publisher, monkeypatch):
    write_registry(settings, publisher.url(""), publisher.url(""))
    monkeypatch.setenv("KR_SITE", str(settings.warehouse.parent / "site"))
    settings = Settings.from_env()
    runner = CliRunner()
    result = runner.invoke(main, ["update"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    years_absent = [y for y in range(2019, dt.date.today().year + 1) if y not in NCMEC_PDFS]
    assert lines[0] == f"ncmec: 5 new; {len(years_absent)} not yet published; loaded 2019, 2020, 2021, 2022, 2023"
    assert lines[1] == "iwf: 1 new; loaded 2024"
    assert rows(settings, NL_SQL) == NL_EXPECTED_ALL
    assert rows(settings, "SELECT DISTINCT url LIKE 'http://127.0.0.1:%' FROM observations") == [(True,)]
    # The annual update ends with the website of what it loaded.
    assert f"site: {settings.site / 'index.html'}" in result.stdout
    # the run's row holds the report as its file ends: with the site it built
    [(report, report_file)] = rows(settings, "SELECT report, report_file FROM runs ORDER BY started_at DESC LIMIT 1")
    assert "## Site and published copy" in report and Path(report_file).read_text("utf-8") == report
    ncmec_page = (settings.site / "figuur" / "ncmec.html").read_text("utf-8")
    assert all(f">{v}<" in ncmec_page for v in ("25.704", "57.012", "72.913"))
    home = (settings.site / "index.html").read_text("utf-8")
    assert "annual-update" in home and home.count('class="status-loaded"') == 6
    # Second run: the store has every published year; only the missing years are asked for again.
    served = len(publisher.requests)
    again = runner.invoke(main, ["update"])
    assert again.exit_code == 0, again.output
    assert "nothing new to load" in again.output
    assert len(publisher.requests) - served == len(years_absent)
    assert rows(settings, "SELECT count(*) FROM loads") == [(6,)]  # ncmec 2019-2023 and iwf 2024, each once


def test_a_site_that_cannot_be_written_fails_the_run_after_loading(prefect_harness, settings, publisher, monkeypatch):
    write_registry(settings, publisher.url(""), publisher.url(""))
    blocked = settings.warehouse.parent / "not-a-folder"
    blocked.write_text("a file where the site should go")
    monkeypatch.setenv("KR_SITE", str(blocked))
    result = CliRunner().invoke(main, ["update"])
    assert result.exit_code == 1, result.output
    assert f"completed with failures: site ({blocked} exists and is not a folder)" in result.stderr
    assert rows(settings, "SELECT count(*) FROM loads WHERE status = 'loaded'") == [(6,)]
    assert "Traceback" not in result.output


def test_one_unreachable_source_fails_the_run_but_not_the_others(prefect_harness, settings, publisher):
    with LocalServer() as gone:
        dead = gone.url("")
    write_registry(settings, publisher.url(""), dead)
    result = CliRunner().invoke(main, ["update", "--source", "iwf"])
    assert result.exit_code == 1
    assert "iwf: publisher could not be reached" in result.output
    result = CliRunner().invoke(main, ["update"])
    assert result.exit_code == 1
    assert "ncmec: 5 new" in result.output and "iwf: publisher could not be reached" in result.output
    assert "completed with failures: iwf 2024 (connection refused)" in result.output
    assert rows(settings, "SELECT DISTINCT source_id FROM observations") == [("ncmec",)]


def _flow_and_task_states():
    """The newest flow run's state and message and its task runs' states, from the Prefect API."""
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.client.schemas.sorting import FlowRunSort

    with get_client(sync_client=True) as client:
        [run] = client.read_flow_runs(sort=FlowRunSort.START_TIME_DESC, limit=1)
        tasks = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run.id])))
    return run.state.type.value, run.state.message, {t.name: t.state.type.value for t in tasks}


def test_a_failed_source_makes_the_run_and_its_fetch_task_red_in_prefect(prefect_harness, settings, publisher):
    with LocalServer() as gone:
        dead = gone.url("")
    write_registry(settings, publisher.url(""), dead)
    result = CliRunner().invoke(main, ["update"])
    assert result.exit_code == 1, result.output
    flow_state, message, tasks = _flow_and_task_states()
    assert (flow_state, message) == ("FAILED", "completed with failures: iwf 2024 (connection refused)")
    assert tasks["fetch iwf 2024"] == "FAILED"
    assert tasks["fetch ncmec 2023"] == tasks["parse ncmec 2023"] == tasks["validate 5 publications"] == "COMPLETED"
    assert "Traceback" not in result.output
    # everything else was loaded
    assert rows(settings, "SELECT DISTINCT source_id FROM observations") == [("ncmec",)]
    # offline on purpose (run.py update): every publisher unreachable is not a failure of the run
    write_registry(settings, dead, dead)
    offline = CliRunner().invoke(main, ["update", "--allow-offline"])
    assert offline.exit_code == 0, offline.output
    assert _flow_and_task_states()[:2] == ("COMPLETED", "completed")


def test_every_year_is_tried_unless_its_host_just_failed(settings, publisher):
    from kr_pipeline import pipeline
    from kr_pipeline.present.report import change_report

    with LocalServer() as gone:
        dead = gone.url("")
    live = publisher.url("")
    write_registry(settings, None, live, ncmec_urls={2019: dead, 2020: dead, 2022: live, 2023: live})
    [report] = pipeline.update(settings, "ncmec")
    assert [(o.year, o.status) for o in report.fetched] == [
        (2019, "unreachable"),
        (2020, "skipped"),
        (2022, "new"),
        (2023, "new"),
    ]
    assert report.fetched[1].message == f"not tried: {dead.split('//')[1]} could not be reached for 2019"
    assert [b.year for b in report.built if b.status == "loaded"] == [2022, 2023]
    summary = change_report(settings, "annual-update", [report], dt.datetime.now(dt.timezone.utc), write=False)
    assert summary.failed_sources == ["ncmec"]
    assert f"- ncmec 2020: skipped: not tried: {dead.split('//')[1]} could not be reached for 2019" in summary.markdown


def test_credentials_in_registry_urls_are_used_but_stored_nowhere(settings, publisher, tmp_path):
    """A publisher behind basic auth: the download uses the credentials; no table, sidecar,
    report or export holds them."""
    from kr_pipeline import pipeline
    from kr_pipeline.present.report import change_report

    secret = "s3cret-pw"
    base = publisher.url("").replace("http://", f"http://analyst:{secret}@")
    write_registry(settings, base, base)
    reports = pipeline.update(settings)
    assert any(b.status == "loaded" for r in reports for b in r.built)
    assert all(h.get("Authorization") for _, h in publisher.requests)  # the credentials were sent
    report = change_report(settings, "annual-update", reports, dt.datetime.now(dt.timezone.utc))
    exported = CliRunner().invoke(main, ["export", "--out", str(tmp_path / "export")])
    assert exported.exit_code == 0, exported.output
    texts = [p.read_text("utf-8", errors="replace") for p in Path(settings.snapshots).rglob("*.json")]
    texts += [report.path.read_text("utf-8")]
    texts += [p.read_text("utf-8", errors="replace") for p in (tmp_path / "export").rglob("*.csv")]
    relations = rows(
        settings, "SELECT table_name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal"
    )
    for (name,) in relations:
        texts += [repr(rows(settings, f'SELECT * FROM "{name}"'))]
    assert all(secret not in t and "analyst:" not in t for t in texts)
    assert rows(settings, "SELECT count(*) FROM snapshots WHERE url LIKE 'http://127.0.0.1:%'") == [(6,)]


def test_an_expected_task_failure_is_logged_without_an_empty_traceback(prefect_harness, settings, capfd, caplog):
    """An unreachable publisher is a Failed fetch task; its log line has no "NoneType: None".
    (Prefect's console handler or pytest's log capture gets the line, depending on the order
    in which tests set logging up: both are read, formatted with their traceback.)"""
    import logging

    with LocalServer() as gone:
        dead = gone.url("")
    write_registry(settings, dead, dead)
    with caplog.at_level(logging.ERROR):
        result = CliRunner().invoke(main, ["update", "--source", "iwf"])
    assert result.exit_code == 1
    formatter = logging.Formatter("%(message)s")
    logged = capfd.readouterr().err + result.output + "\n".join(formatter.format(r) for r in caplog.records)
    assert "Task run failed with state" in logged and "NoneType: None" not in logged
