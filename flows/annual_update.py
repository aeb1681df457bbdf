"""Prefect flows: thin wrappers that run kr_pipeline's plain functions as named tasks.

Task names say what they do in the Prefect UI: "fetch ncmec 2024", "parse iwf 2024",
"validate 5 publications" (one Great Expectations batch per build). The logic lives in kr_pipeline.pipeline and is tested without Prefect.
Every flow writes a change report (warehouse/reports/ and a markdown artifact) and loads
everything it can. States tell the truth, so that the UI, `prefect flow-run ls` and Automations
see failures: a fetch that could not get its publication is a Failed task (no traceback: an
expected failure), and a run in which a source failed ends Failed with one message such as
"completed with failures: iwf 2025 (HTTP 500)" (after loading everything else): the state's data
is a RunFailed exception carrying the run's summary (Prefect turns a failed state's data into
an exception; one never raised has no traceback, and the engine's re-raise of it after the run
is kept out of the log), and the event kr-pipeline.run.failed for the Automations. A run that
changed the warehouse rebuilds the site and publishes it (KR_PUBLISH); every run holds the one
slot of the concurrency limit kr-warehouse on a server that has it.
"""

from __future__ import annotations

import datetime as dt
import logging
from contextlib import contextmanager

from kr_pipeline.config import quiet_frameworks

quiet_frameworks()

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NONE  # noqa: E402
from prefect.states import Completed, Failed  # noqa: E402

from kr_pipeline import pipeline  # noqa: E402
from kr_pipeline.config import Settings  # noqa: E402
from kr_pipeline.notify import notify_failure  # noqa: E402
from kr_pipeline.present.report import RunFailed, add_outputs, change_report  # noqa: E402
from kr_pipeline.stages.fetch import FetchFailed  # noqa: E402


class _NoEmptyTraceback(logging.Filter):
    """Prefect logs a task that returned a Failed state with exc_info=True although nothing
    was raised, which prints a bare "NoneType: None" under the line (an expected failure, such
    as an unreachable publisher, has no traceback): drop the empty exception info."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[0] is None:
            record.exc_info, record.exc_text = None, None
        return True


logging.getLogger("prefect.task_runs").addFilter(_NoEmptyTraceback())


class _ReportedFailure(logging.Filter):
    """A run with failures ends Failed with its message (and a RunFailed, never raised, as its
    state's data). Prefect's engine (3.8), run by a worker, then re-raises that state's exception
    when it asks for the run's result, after the run has ended, and logs "Engine execution exited
    with unexpected exception" with a traceback: a crash to anyone reading the log, for a failure
    the state already reports in one line. Exactly those records are dropped (any other exception
    is logged as Prefect logs it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], RunFailed))


for _name in ("prefect.flow_runs", "prefect.engine"):
    logging.getLogger(_name).addFilter(_ReportedFailure())

# The fetcher retries connection errors, timeouts and 5xx itself (with backoff); validation
# and parse failures are never retried. Every task has a time limit.
FETCH_TIMEOUT, PARSE_TIMEOUT, VALIDATE_TIMEOUT, SITE_TIMEOUT, PUBLISH_TIMEOUT = 900, 300, 300, 600, 1800


@task(task_run_name="fetch {source.source_id} {year}", cache_policy=NONE, timeout_seconds=FETCH_TIMEOUT)
def fetch_year_task(store, source, year, fetcher):
    outcome = pipeline.fetch_year(store, source, year, fetcher)
    (get_run_logger().warning if outcome.failed else get_run_logger().info)(outcome.sentence)
    if outcome.failed:  # Failed with a sentence; its data an exception Prefect can name (never raised)
        return Failed(message=outcome.sentence, data=FetchFailed(outcome))
    return outcome


def fetch_year(store, source, year, fetcher) -> pipeline.FetchOutcome:
    """One year's fetch as a task; the outcome whatever the task's state (a crash or a time
    limit becomes an error outcome), so that the other years and sources go on."""
    state = fetch_year_task(store, source, year, fetcher, return_state=True)
    result = state.result(raise_on_failure=False)
    if isinstance(result, FetchFailed):
        return result.outcome
    if isinstance(result, pipeline.FetchOutcome):
        return result
    return pipeline.FetchOutcome(source.source_id, year, "error", f"the fetch task ended {state.name}: {result}")


@task(task_run_name="parse {snap.label}", cache_policy=NONE, timeout_seconds=PARSE_TIMEOUT)
def parse_snapshot(snap, parser, context=None):
    return pipeline.parse_snapshot(snap, parser, context)


@task(cache_policy=NONE, timeout_seconds=VALIDATE_TIMEOUT)
def validate_task(parsed):
    return pipeline.validate_publications(parsed)


def validate_publications(parsed):
    """Every parsed publication of the build in one Great Expectations batch: one task,
    "validate 5 publications"."""
    return validate_task.with_options(task_run_name=f"validate {len(parsed)} publications")(parsed)


TASK_STEPS = pipeline.Steps(parse=parse_snapshot, validate=validate_publications)


@task(task_run_name="build site", cache_policy=NONE, timeout_seconds=SITE_TIMEOUT)
def build_site(settings: Settings):
    from kr_pipeline.present.website import build_site

    assert settings.site is not None
    return build_site(settings, settings.site)


@task(task_run_name="publish site and read-only copy", cache_policy=NONE, timeout_seconds=PUBLISH_TIMEOUT)
def publish_task(settings: Settings):
    from kr_pipeline.present.publish import publish_to

    assert settings.publish is not None
    try:
        done, where = publish_to(settings.publish, settings.warehouse, base_url=settings.publish_base_url, site=settings.site)
    except pipeline.KrError as exc:  # an expected failure (a target not ours to replace, an upload refused): no traceback
        return Failed(message=f"Nothing was published: {exc}", data=exc)
    get_run_logger().info(
        f"Published {done.relations} tables and views ({done.rows:,} rows){' and the site' if done.site else ''} to {settings.publish}."
    )
    return where


# One writer at a time, whichever deployment, worker or machine: a run holds the one slot of
# Prefect's global concurrency limit kr-warehouse while it runs (flows/operations.py creates the
# limit when deploying). Without it (the temporary server of `kr update`) there is nothing to hold:
# the DuckDB file lock (KR_LOCK_WAIT) still keeps a second writer out.
WRITER_LIMIT = "kr-warehouse"


@contextmanager
def one_writer():
    from prefect.client.orchestration import get_client
    from prefect.concurrency.sync import concurrency
    from prefect.exceptions import ObjectNotFound

    logger = get_run_logger()
    with get_client(sync_client=True) as client:
        try:
            client.read_global_concurrency_limit_by_name(WRITER_LIMIT)
        except ObjectNotFound:
            limit = False
        else:
            limit = True
    if not limit:
        yield
        return
    with concurrency(WRITER_LIMIT, occupy=1):
        logger.info(f"Holding the warehouse (concurrency limit {WRITER_LIMIT}).")
        try:
            yield
        finally:
            logger.info(f"Releasing the warehouse (concurrency limit {WRITER_LIMIT}).")


def _finish(flow_name: str, settings: Settings, reports, started: dt.datetime, allow_offline: bool = False, site: bool = False):
    """Change report; the website, rebuilt when the run changed the warehouse (and by every annual
    update); publishing (KR_PUBLISH) when it changed; the report links both; artifact,
    notification, log lines. The final state says whether a source (the site, the publishing)
    failed, in one message."""
    logger = get_run_logger()
    summary = change_report(settings, flow_name, reports, started, allow_offline=allow_offline)
    changed = any(b.status == "loaded" for r in reports for b in r.built) or any(r.withdrawn for r in reports)
    if settings.site is not None and (site or changed):  # KR_SITE=off: no site
        site_state = build_site(settings, return_state=True)
        if site_state.is_completed():
            summary.site = settings.site
        else:
            result = site_state.result(raise_on_failure=False)
            summary.site_error = str(result) if isinstance(result, BaseException) else (site_state.message or site_state.name)
    if changed and settings.publish and summary.site_error is None:
        published = publish_task(settings, return_state=True)
        result = published.result(raise_on_failure=False)
        if published.is_completed():
            summary.published = str(result)
        else:
            summary.publish_error = str(result) if isinstance(result, BaseException) else (published.message or published.name)
    elif settings.publish and not changed:
        logger.info("Nothing changed in the warehouse: nothing published.")
    add_outputs(summary, settings)
    create_markdown_artifact(summary.markdown, key=f"kr-{flow_name}", description=summary.state_message)
    for report, line in zip(reports, summary.lines):
        (logger.warning if report.source_id in summary.failed_sources else logger.info)(line)
    if summary.site_error:
        logger.warning(f"The site was not built: {summary.site_error}")
    if summary.publish_error:
        logger.warning(f"Nothing was published: {summary.publish_error}")
    if summary.failed:
        notify_failure(settings.notify_webhook, flow_name, summary.state_message, summary.lines, summary.path)
    if summary.failed:  # red in the UI with one readable message; no traceback (nothing was raised)
        _emit_failure_event(summary.state_message)
        return Failed(message=summary.state_message, data=RunFailed(summary))
    return Completed(message=summary.state_message, data=summary)  # the CLI reads this RunSummary


FAILURE_EVENT = "kr-pipeline.run.failed"


def _emit_failure_event(message: str) -> None:
    """The event the Automation "a run ended with failures" (flows/automations.yaml) reacts to.
    Prefect's own prefect.flow-run.Failed event of a run its scheduler created waits up to 15
    minutes in the server's event ordering (it follows a Scheduled event the scheduler never
    emits), so an alert on it would come that late; this one has no predecessor and comes now."""
    from prefect.context import get_run_context
    from prefect.events import emit_event

    run = get_run_context().flow_run  # type: ignore[union-attr]
    if run is None:
        return
    emit_event(
        event=FAILURE_EVENT,
        resource={"prefect.resource.id": f"prefect.flow-run.{run.id}", "prefect.resource.name": run.name},
        related=[
            {"prefect.resource.id": f"prefect.flow.{run.flow_id}", "prefect.resource.role": "flow"},
            *(
                [{"prefect.resource.id": f"prefect.deployment.{run.deployment_id}", "prefect.resource.role": "deployment"}]
                if run.deployment_id
                else []
            ),
            *({"prefect.resource.id": f"prefect.tag.{t}", "prefect.resource.role": "tag"} for t in run.tags),
        ],
        payload={"message": message},
    )


@flow(name="annual-update", timeout_seconds=3 * 3600)
def annual_update(source: str | None = None, recheck: bool = False, allow_offline: bool = False):
    """Look for new publications of every source (or one), snapshot them, then build."""
    started = dt.datetime.now(dt.timezone.utc)
    settings = Settings.from_env()
    with one_writer():
        reports = pipeline.update(settings, source, recheck=recheck, fetch_one=fetch_year, steps=TASK_STEPS)
        return _finish("annual-update", settings, reports, started, allow_offline, site=True)


@flow(name="check-source", timeout_seconds=3600)
def check_source(source: str):
    """The frequent check in a source's publication months: ask again for every year
    (conditional GET), and build only when a new or changed file arrived."""
    started = dt.datetime.now(dt.timezone.utc)
    settings = Settings.from_env()
    with one_writer():
        reports = pipeline.update(settings, source, recheck=True, only_if_new=True, fetch_one=fetch_year, steps=TASK_STEPS)
        return _finish(f"check-{source}", settings, reports, started)


@flow(name="backfill", timeout_seconds=3 * 3600)
def backfill(source: str, years: str, recheck: bool = False):
    """Fetch and load the given years ("2019-2024") of one source; rerunning changes nothing."""
    started = dt.datetime.now(dt.timezone.utc)
    settings = Settings.from_env()
    with one_writer():
        reports = pipeline.update(
            settings, source, years=pipeline.parse_years(years), recheck=recheck, fetch_one=fetch_year, steps=TASK_STEPS
        )
        return _finish(f"backfill-{source}", settings, reports, started)


@flow(name="build", timeout_seconds=3600)
def build(source: str | None = None):
    """Parse, validate and load every snapshot not yet loaded (after `kr snapshot add`)."""
    started = dt.datetime.now(dt.timezone.utc)
    settings = Settings.from_env()
    report = pipeline.SourceReport(source or "all")
    with one_writer():
        try:
            report.built = pipeline.build(settings, source, steps=TASK_STEPS)
        except pipeline.KrError as exc:
            report.error = str(exc)
        return _finish("build", settings, [report], started)


if __name__ == "__main__":
    annual_update()
