"""Prefect flows: thin wrappers that run kr_pipeline's plain functions as named tasks.

Task names say what they do in the Prefect UI: "fetch ncmec 2024", "parse iwf 2024",
"validate iwf 2024". The logic lives in kr_pipeline.pipeline and is tested without Prefect.
"""

from __future__ import annotations

from kr_pipeline.config import quiet_frameworks

quiet_frameworks()

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.cache_policies import NONE  # noqa: E402

from kr_pipeline import pipeline  # noqa: E402
from kr_pipeline.config import Settings  # noqa: E402


@task(task_run_name="fetch {source.source_id} {year}", cache_policy=NONE)
def fetch_year(store, source, year, fetcher):
    outcome = pipeline.fetch_year(store, source, year, fetcher)
    if outcome.status in ("unreachable", "error"):
        get_run_logger().warning(outcome.message)
    return outcome


@task(task_run_name="parse {snap.source_id} {snap.year}", cache_policy=NONE)
def parse_snapshot(snap, parser, context=None):
    return pipeline.parse_snapshot(snap, parser, context)


@task(task_run_name="validate {parsed.source_id} {parsed.year}", cache_policy=NONE)
def validate_publication(parsed):
    return pipeline.validate_publication(parsed)


TASK_STEPS = pipeline.Steps(parse=parse_snapshot, validate=validate_publication)


@flow(name="annual-update", log_prints=False)
def annual_update(source: str | None = None, recheck: bool = False) -> list[dict]:
    """Look for new publications of every source (or one), snapshot them, then build."""
    logger = get_run_logger()
    settings = Settings.from_env()
    reports = pipeline.update(
        settings, source, recheck=recheck, fetch_one=fetch_year, steps=TASK_STEPS
    )
    for report in reports:
        (logger.warning if report.failed or report.unreachable else logger.info)(pipeline.summarise(report))
    return [
        {
            "source": r.source_id,
            "summary": pipeline.summarise(r),
            "unreachable": r.unreachable,
            "fetched": bool(r.fetched),
            "failed": r.failed,
        }
        for r in reports
    ]


@flow(name="build")
def build(source: str | None = None) -> list[dict]:
    """Parse, validate and load every snapshot not yet loaded."""
    results = pipeline.build(Settings.from_env(), source, steps=TASK_STEPS)
    return [r.__dict__ for r in results]


if __name__ == "__main__":
    annual_update()
