"""Runs as a table: each run's change report is a row of `runs` and each of its loads carries
the run's id (`loads.run_id`), so "what changed in the last update" is one query (view
run_changes; README "Querying")."""

from __future__ import annotations

import datetime as dt
import uuid

from ..config import Settings


def new_run_id(flow: str, started: dt.datetime) -> str:
    return f"{started.astimezone(dt.timezone.utc):%Y%m%dT%H%M%S}-{flow}-{uuid.uuid4().hex[:6]}"


def record_run(
    settings: Settings,
    run_id: str,
    flow: str,
    started: dt.datetime,
    status: str,
    summary: str,
    report: str,
    report_file: str | None,
    load_ids: list[str],
) -> None:
    """The run's row and its id on each of its loads, in one transaction (the warehouse's one
    writer, as a build). A run that loaded nothing is recorded all the same: its report says
    what it tried."""
    from .connection import open_for_write, transaction
    from .warehouse import now

    with open_for_write(settings.warehouse, settings.lock_wait) as con, transaction(con):
        con.execute(
            "INSERT INTO runs (run_id, flow, started_at, ended_at, status, summary, report, report_file) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [run_id, flow, started, now(), status, summary, report, report_file],
        )
        if load_ids:
            con.execute(
                f"UPDATE loads SET run_id = ? WHERE load_id IN ({', '.join('?' * len(load_ids))})",
                [run_id, *load_ids],
            )


def update_run(settings: Settings, run_id: str, status: str, report: str) -> None:
    """The run's row once the site was built and published after its report was first written:
    the report text with those links, and its status (a site or publish failure fails the run)."""
    from .connection import open_for_write, transaction
    from .warehouse import now

    with open_for_write(settings.warehouse, settings.lock_wait) as con, transaction(con):
        con.execute("UPDATE runs SET status = ?, report = ?, ended_at = ? WHERE run_id = ?", [status, report, now(), run_id])
