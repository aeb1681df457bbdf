"""A real Prefect server and process worker on 127.0.0.1: deploy flows/prefect.yaml, check
that the server's scheduler creates the runs of every schedule, and that a scheduled annual
update is executed by the worker (warehouse, task names and states checked through the API)."""

import datetime as dt
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
import yaml

from kr_pipeline.config import PROJECT_ROOT, TELEMETRY_OFF

from .conftest import IWF_2024, NCMEC_PDFS
from .helpers import NL_EXPECTED_ALL, NL_SQL, rows
from .httpserver import LocalServer, Route
from .test_update_e2e import write_registry

pytestmark = pytest.mark.integration
BIN = Path(sys.executable).parent


def server_errors(log: str) -> list[str]:
    """The Prefect server's error records (a log line and its traceback), less one kind: a
    write lost to SQLite's "database is locked" (Prefect's own contention between its services on
    a busy 2-core machine, e.g. a worker heartbeat, which the next heartbeat repeats). Anything
    else with a traceback counts, and InvalidRequestError (SQLAlchemy 2.1) always does."""
    records = re.split(r"\n(?=\d{2}:\d{2}:\d{2}\.\d{3} \| )", log)
    return [
        r for r in records if "InvalidRequestError" in r or ("Traceback" in r and "OperationalError) database is locked" not in r)
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(args, env, log):
    return subprocess.Popen(args, env=env, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def stop(proc):
    if proc and proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture
def server_env(settings, tmp_path):
    port = free_port()
    env = dict(os.environ)
    env.update(
        {
            "PREFECT_HOME": str(tmp_path / "prefect"),
            "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
            **TELEMETRY_OFF,
            "PREFECT_LOGGING_LEVEL": "INFO",
            # As the README advises operators: schedule a year ahead, so that the yearly run (and
            # each check of a publication month) has its next run in the UI the day it is deployed
            # (Prefect's default of 100 days leaves the 1 June update without one until February).
            "PREFECT_SERVER_SERVICES_SCHEDULER_MAX_SCHEDULED_TIME": "P400D",
            # The scheduler looks at schedules added to an existing deployment every 60 s by
            # default; every 5 s here keeps the test short (the same code path).
            "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "5",
        }
    )
    env.pop("PREFECT_API_KEY", None)
    log = open(tmp_path / "server.log", "wb")
    server = start([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)], env, log)
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{port}/api/health", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            if server.poll() is not None:
                pytest.fail("Prefect server exited: " + (tmp_path / "server.log").read_text()[-2000:])
            time.sleep(1)
        else:
            pytest.fail("Prefect server did not start in 180 s")
        yield env
    finally:
        stop(server)


def api(env, method, path, body=None):
    resp = requests.request(method, env["PREFECT_API_URL"] + path, json=body, timeout=30)
    resp.raise_for_status()
    return resp.json()


def scheduled_deployments() -> set[str]:
    """Deployments that flows/prefect.yaml gives a schedule."""
    spec = yaml.safe_load((PROJECT_ROOT / "flows" / "prefect.yaml").read_text())
    return {d["name"] for d in spec["deployments"] if d.get("schedules")}


def wait_for(what, check, seconds):
    """check() until it returns something, within `seconds`. A poll the server answers too
    slowly (its SQLite busy while a flow runs on this 2-core machine) is polled again: the
    deadline, not one slow answer, decides."""
    deadline = time.monotonic() + seconds
    slow = None
    while time.monotonic() < deadline:
        try:
            got = check()
        except (requests.exceptions.Timeout, requests.exceptions.ConnectionError) as exc:
            got, slow = None, exc
        if got:
            return got
        time.sleep(2)
    pytest.fail(f"{what}: not within {seconds} s" + (f" (last poll: {slow})" if slow else ""))


def test_the_scheduler_creates_runs_and_a_worker_executes_a_scheduled_one(server_env, settings, tmp_path):
    """What operators rely on: deployed schedules produce runs (SQLAlchemy 2.1 broke exactly
    this: schedules shown, no run ever created), and a due run is executed by a process worker."""
    with LocalServer() as publisher:
        for year, pdf in NCMEC_PDFS.items():
            publisher.routes[f"/ncmec/{year}-reports-by-country.pdf"] = Route(pdf.read_bytes(), content_type="application/pdf")
        publisher.routes["/iwf/2024/geographical-hosting-urls/"] = Route(IWF_2024.read_bytes(), content_type="text/html")
        write_registry(settings, publisher.url(""), publisher.url(""))
        env = dict(server_env)
        env.update({k: v for k, v in os.environ.items() if k.startswith("KR_")})

        def cli(*args):
            done = subprocess.run(
                [str(BIN / "prefect"), "--no-prompt", *args],
                env=env,
                cwd=PROJECT_ROOT,
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
            return done.stdout

        cli("work-pool", "create", "kr-pool", "--type", "process")
        cli("work-pool", "set-concurrency-limit", "kr-pool", "1")
        cli("deploy", "--prefect-file", "flows/prefect.yaml", "--all")
        deployments = {d["name"]: d for d in api(env, "POST", "/deployments/filter", {})}
        assert scheduled_deployments() <= set(deployments) and "annual-update" in scheduled_deployments()

        def runs_of(name):
            return api(env, "POST", "/flow_runs/filter", {"flow_runs": {"deployment_id": {"any_": [deployments[name]["id"]]}}})

        # 1. The server's scheduler creates the scheduled runs of every scheduled deployment.
        def all_scheduled():
            return all(
                any(r["state_type"] == "SCHEDULED" and r["auto_scheduled"] for r in runs_of(n)) for n in scheduled_deployments()
            )

        wait_for("scheduled runs for " + ", ".join(sorted(scheduled_deployments())), all_scheduled, 60)
        # 2. A schedule due in half a minute (hourly from then): the scheduler creates its run and
        #    a process worker executes it.
        anchor = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=30)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
        cli("deployment", "schedule", "create", "annual-update/annual-update", "--interval", "3600", "--anchor-date", anchor)
        worker_log = open(tmp_path / "worker.log", "wb")
        worker = start([str(BIN / "prefect"), "worker", "start", "--pool", "kr-pool"], env, worker_log)
        try:

            def finished():
                done = [
                    r
                    for r in runs_of("annual-update")
                    if r["auto_scheduled"] and r["state_type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")
                ]
                return done[0] if done else None

            run = wait_for("a scheduled annual-update run executed by the worker", finished, 420)
        finally:
            stop(worker)
        tasks = api(env, "POST", "/task_runs/filter", {"flow_runs": {"id": {"any_": [run["id"]]}}})
    server_log = (tmp_path / "server.log").read_text(errors="replace")
    assert (run["state_type"], run["state"]["message"]) == ("COMPLETED", "completed"), (tmp_path / "worker.log").read_text()[
        -3000:
    ]
    assert {"fetch ncmec 2023", "parse ncmec 2023", "fetch iwf 2024", "parse iwf 2024", "validate 6 publications"} <= {
        t["name"] for t in tasks
    }
    assert rows(settings, NL_SQL) == NL_EXPECTED_ALL
    assert list(settings.reports.glob("*-annual-update.md"))
    assert not server_errors(server_log), server_errors(server_log)[0][-3000:]


def test_only_sqlite_lock_contention_is_forgiven_in_the_server_log():
    """A recorded server log (tests/fixtures/prefect-server-locked.log, from a CI run whose
    scheduled flow completed) with a heartbeat lost to "database is locked" has no error that
    counts; the same log with another traceback or InvalidRequestError has."""
    log = (Path(__file__).parent / "fixtures" / "prefect-server-locked.log").read_text()
    assert "database is locked" in log and server_errors(log) == []
    other = "06:50:00.000 | ERROR   | prefect.server - boom\nTraceback (most recent call last):\n  ValueError: x\n"
    assert len(server_errors(log + other)) == 1
    sqla21 = "06:50:01.000 | ERROR   | prefect.server - sqlalchemy.exc.InvalidRequestError: database is locked\n"
    assert len(server_errors(log + sqla21)) == 1
