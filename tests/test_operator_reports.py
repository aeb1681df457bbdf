"""What an operator reads after a run (no Prefect here: the plain functions the flows wrap):
one readable failure message, a headline that says "offline" only when nobody answered, a 404
for a stored year named as a moved page, archived years, the years a run did not ask (with the
command that asks them), and a backfill that fetches a withdrawn year."""

import datetime as dt
import textwrap

from click.testing import CliRunner

from kr_pipeline import pipeline
from kr_pipeline.cli import main
from kr_pipeline.ingest.download import Fetcher
from kr_pipeline.present.report import change_report

from .conftest import IWF_2024, NCMEC_PDFS
from .helpers import rows
from .httpserver import LocalServer, Route
from .test_cli import _table

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)


def registry(settings, ncmec: dict[int, str], iwf: dict[int, str], archived: dict[str, list[int]] | None = None):
    archived = archived or {}

    def block(sid, parser, fmt, urls):
        listed = "".join(f'    {y}: "{u}"\n' for y, u in urls.items())
        extra = f"  archived: {archived[sid]}\n" if sid in archived else ""
        return f'{sid}:\n  publisher: {sid.upper()}\n  title: "{sid} {{year}}"\n  parser: {parser}\n  format: {fmt}\n{extra}  urls:\n{listed}'

    settings.sources.write_text(block("ncmec", "ncmec", "pdf", ncmec) + block("iwf", "iwf", "html", iwf))


def serve(server: LocalServer) -> str:
    for year, pdf in NCMEC_PDFS.items():
        server.routes[f"/ncmec/{year}.pdf"] = Route(pdf.read_bytes(), content_type="application/pdf")
    server.routes["/iwf/2024/"] = Route(IWF_2024.read_bytes(), content_type="text/html; charset=utf-8")
    return server.url("")


def fetcher() -> Fetcher:
    return Fetcher(allow_private=True, backoff=0.01)


def test_a_partly_reachable_update_names_what_failed_and_is_not_offline(settings):
    with LocalServer() as server:
        base = serve(server)
        server.routes["/iwf/2025/"] = Route(b"", status=500)
        registry(
            settings,
            ncmec={2021: "http://archive.invalid/ncmec/2021.pdf", 2022: f"{base}/ncmec/2022.pdf"},
            iwf={2023: "http://annualreport2023.invalid/iwf/", 2024: f"{base}/iwf/2024/", 2025: f"{base}/iwf/2025/"},
        )
        reports = pipeline.update(settings, fetcher=fetcher())
    summary = change_report(settings, "annual-update", reports, NOW, write=False)
    # every source has a dead archive host, but its publisher answered otherwise: not offline
    failures = "ncmec 2021 (host not found), iwf 2023 (host not found), iwf 2025 (HTTP 500)"
    assert summary.state_message == f"completed with failures: {failures}"
    assert not summary.offline and "offline" not in summary.markdown
    assert f"**Completed with failures: {failures}**" in summary.markdown
    assert "- ncmec: answered for 2022 (new); failed: 2021 (host not found)" in summary.markdown
    assert "- iwf: answered for 2024 (new); failed: 2023 (host not found), 2025 (HTTP 500)" in summary.markdown
    # nobody answered at all: offline (and with --allow-offline not a failure)
    registry(settings, ncmec={2021: "http://archive.invalid/ncmec/2021.pdf"}, iwf={2025: "http://gone.invalid/iwf/"})
    reports = pipeline.update(settings, fetcher=fetcher())
    offline = change_report(settings, "annual-update", reports, NOW, allow_offline=True, write=False)
    assert offline.offline and "No publisher could be reached (offline?)" in offline.markdown and not offline.failed


def test_a_404_for_a_stored_year_says_the_page_moved_and_archived_years_are_not_asked(settings):
    with LocalServer() as server:
        base = serve(server)
        registry(
            settings, ncmec={2022: f"{base}/ncmec/2022.pdf", 2023: f"{base}/ncmec/2023.pdf"}, iwf={2024: f"{base}/iwf/2024/"}
        )
        pipeline.update(settings, fetcher=fetcher())
        del server.routes["/ncmec/2022.pdf"]  # the publisher moved its old PDF
        [report] = pipeline.update(settings, "ncmec", recheck=True, fetcher=fetcher())
        [moved] = [o for o in report.fetched if o.year == 2022]
        assert moved.status == "removed" and not moved.failed
        assert moved.message.startswith(
            f"the page moved or was removed: tried 1 address ({base}/ncmec/2022.pdf) answered not found;"
        )
        assert "stays loaded: put its new address in the registry, or mark 2022 archived there" in moved.message
        summary = change_report(settings, "check-ncmec", [report], NOW, write=False)
        assert not summary.failed and "ncmec 2022: not yet published" not in summary.markdown
        assert "- ncmec 2022: moved or removed: the page moved or was removed" in summary.markdown
        # archived: kept, never asked again, and the report says so with the command that asks
        registry(
            settings,
            ncmec={2022: f"{base}/ncmec/2022.pdf", 2023: f"{base}/ncmec/2023.pdf"},
            iwf={2024: f"{base}/iwf/2024/"},
            archived={"ncmec": [2022]},
        )
        asked = len(server.requests)
        [report] = pipeline.update(settings, "ncmec", recheck=True, fetcher=fetcher())
        assert [o.year for o in report.fetched] == [2023] and len(server.requests) == asked + 1
    summary = change_report(settings, "check-ncmec", [report], NOW, write=False)
    assert summary.lines == ["ncmec: 1 unchanged; not asked: 2022 (archived in the registry); nothing new to load"]
    assert (
        "- ncmec 2022: archived in the registry (kept, not asked again); to ask: `kr backfill --source ncmec --years 2022`"
        in summary.markdown
    )
    assert rows(settings, "SELECT DISTINCT year FROM observations WHERE source_id = 'ncmec' ORDER BY 1")[-2:] == [
        (2022,),
        (2023,),
    ]


def test_a_backfill_after_a_withdrawal_fetches_the_withdrawn_year(settings):
    from kr_pipeline.ingest.inventory import withdraw

    with LocalServer() as server:
        base = serve(server)
        # the publisher's 2023 address served the 2022 PDF by mistake: stored, refused
        server.routes["/ncmec/2023.pdf"] = Route(NCMEC_PDFS[2022].read_bytes(), content_type="application/pdf")
        registry(settings, ncmec={2022: f"{base}/ncmec/2022.pdf", 2023: f"{base}/ncmec/2023.pdf"}, iwf={})
        [report] = pipeline.update(settings, "ncmec", fetcher=fetcher())
        assert [(b.year, b.status) for b in report.built] == [(2022, "loaded"), (2023, "rejected")]
        [wrong] = [o.snapshot for o in report.fetched if o.year == 2023]
        assert _table(CliRunner().invoke(main, ["status"]).output)["ncmec"][7] == "rejected"
        withdraw(settings, wrong.sha256, "the 2022 PDF served as 2023", "ncmec", 2023)
        # kr status: the withdrawn snapshot's refusal is no longer the source's last load
        table = _table(CliRunner().invoke(main, ["status"]).output)
        assert table["ncmec"][3:8] == ["1", "0", "1", "2022", "loaded"]
        # the publisher fixed its file: a backfill asks for 2023 (the withdrawn one is no "have it")
        server.routes["/ncmec/2023.pdf"] = Route(NCMEC_PDFS[2023].read_bytes(), content_type="application/pdf")
        [report] = pipeline.update(settings, "ncmec", years=[2022, 2023], fetcher=fetcher())
    assert [(o.year, o.status) for o in report.fetched] == [(2023, "new")]
    assert [(b.year, b.status) for b in report.built] == [(2023, "loaded")]
    assert report.not_asked == [(2022, "stored (a backfill asks again with --recheck)")]
    summary = change_report(settings, "backfill-ncmec", [report], NOW, write=False)
    assert "to ask: `kr backfill --source ncmec --years 2022 --recheck`" in summary.markdown
    assert _table(CliRunner().invoke(main, ["status"]).output)["ncmec"][6:8] == ["2023", "loaded"]


def test_the_registry_refuses_archived_years_that_are_not_years(settings):
    settings.sources.write_text(
        textwrap.dedent("""
        ncmec:
          publisher: N
          title: "t {year}"
          parser: ncmec
          format: pdf
          archived: [20x1]
        """)
    )
    result = CliRunner().invoke(main, ["update"])
    assert result.exit_code == 2 and "archived" in result.output and "Traceback" not in result.output


def test_each_alert_covers_its_own_failures_only():
    """flows/automations.yaml read by Prefect's server-side trigger matching: a run that reported
    failures is alerted by its own event, never also as a crash; a crash or an unexpected failure
    is alerted by Prefect's state event; runs of other projects by neither."""
    import datetime as dt
    import uuid

    import yaml
    from prefect.server.events.schemas.automations import EventTrigger
    from prefect.server.events.schemas.events import ReceivedEvent

    from kr_pipeline.config import PROJECT_ROOT

    specs = yaml.safe_load((PROJECT_ROOT / "flows" / "automations.yaml").read_text())["automations"]
    triggers = {s["name"]: EventTrigger.model_validate(s["trigger"]) for s in specs}
    reported, crashed = triggers["kr-pipeline: a run ended with failures"], triggers["kr-pipeline: a run crashed"]

    def event(name, message="", tag="kr-pipeline"):
        run = f"prefect.flow-run.{uuid.uuid4()}"
        return ReceivedEvent(
            occurred=dt.datetime.now(dt.timezone.utc),
            event=name,
            resource={"prefect.resource.id": run, "prefect.state-message": message},
            related=[{"prefect.resource.id": f"prefect.tag.{tag}", "prefect.resource.role": "tag"}],
            id=uuid.uuid4(),
        )

    ours = "completed with failures: iwf 2024 (HTTP 500)"
    assert reported.covers(event("kr-pipeline.run.failed"))
    assert not crashed.covers(event("prefect.flow-run.Failed", ours))  # alerted once, by its own event
    assert crashed.covers(event("prefect.flow-run.Crashed", "Flow run infrastructure exited with non-zero status code 137."))
    assert crashed.covers(event("prefect.flow-run.Failed", "Flow run encountered an exception: KrError: ..."))
    assert not reported.covers(event("kr-pipeline.run.failed", tag="another-project"))
    assert not crashed.covers(event("prefect.flow-run.Crashed", "x", tag="another-project"))
