"""A real Prefect server (on SQLite and on PostgreSQL) and a process worker on 127.0.0.1: the
README's team setup, deployed from flows/prefect.yaml, checked through the API and the logs."""

import datetime as dt
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
import requests
import yaml

from kr_pipeline.config import PROJECT_ROOT, TELEMETRY_OFF

from .conftest import IWF_2024, NCMEC_PDFS
from .helpers import rows
from .httpserver import LocalServer, Route
from .test_update_e2e import write_registry

pytestmark = pytest.mark.integration
BIN = Path(sys.executable).parent


def server_errors(log: str, sqlite: bool = True) -> list[str]:
    """The Prefect server's error records (a log line and its traceback). On SQLite, less one
    kind: a write lost to "database is locked" (Prefect's own contention between its services on
    a busy 2-core machine, e.g. a worker heartbeat, which the next heartbeat repeats); on
    PostgreSQL nothing is forgiven. InvalidRequestError (SQLAlchemy 2.1) always counts."""
    records = re.split(r"\n(?=\d{2}:\d{2}:\d{2}\.\d{3} \| )", log)
    return [
        r
        for r in records
        if "InvalidRequestError" in r or ("Traceback" in r and not (sqlite and "OperationalError) database is locked" in r))
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(args, env, log, cwd=PROJECT_ROOT):
    return subprocess.Popen(args, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def stop(proc):
    if proc and proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(versions[-1]) if versions else None


@contextmanager
def postgresql():
    """A PostgreSQL server of its own on 127.0.0.1 (Debian's postgresql package: initdb and
    pg_ctl into a temporary folder, as the postgres user when the tests run as root, which
    PostgreSQL refuses), with a database prefect; stopped and removed afterwards. Yields the
    connection URL Prefect takes (PREFECT_API_DATABASE_CONNECTION_URL)."""
    initdb, pg_ctl = pg_bin("initdb"), pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed (.ci/run installs Debian's postgresql package)")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="kr-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        import pwd

        pg = pwd.getpwnam("postgres")
        os.chown(root, pg.pw_uid, pg.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = root / "data", free_port()

    def run(*args):
        done = subprocess.run(as_user + [str(a) for a in args], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]

    try:
        run(initdb, "-D", data, "-U", "prefect", "--auth=trust", "-E", "UTF8", "--no-sync")
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(pg_ctl, "-D", data, "-o", options, "-l", root / "server.log", "-w", "-t", "60", "start")
        run(pg_bin("createdb") or "createdb", "-h", "127.0.0.1", "-p", port, "-U", "prefect", "prefect")
        yield f"postgresql+asyncpg://prefect@127.0.0.1:{port}/prefect"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(as_user + [pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def server_env(request, settings, tmp_path):
    """A Prefect server on 127.0.0.1, on its default SQLite database or on PostgreSQL: the
    README's team setup."""
    port = free_port()
    env = dict(os.environ)
    env.update(
        {
            "PREFECT_HOME": str(tmp_path / "prefect"),
            "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
            **TELEMETRY_OFF,
            "PREFECT_LOGGING_LEVEL": "INFO",
            "PREFECT_SERVER_LOGGING_LEVEL": "INFO",  # the automations' and services' lines too
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
    with ExitStack() as stack:
        if request.param == "postgresql":
            env["PREFECT_API_DATABASE_CONNECTION_URL"] = stack.enter_context(postgresql())
        log = open(tmp_path / "server.log", "wb")
        server = start([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)], env, log)
        stack.callback(stop, server)
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
        yield env, request.param


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


FINAL = ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")


def run_logs(env, run_id) -> list[dict]:
    return api(env, "POST", "/logs/filter", {"logs": {"flow_run_id": {"any_": [run_id]}}, "sort": "TIMESTAMP_ASC"})


def test_the_team_setup_schedules_runs_alerts_publishes_and_fails_cleanly(server_env, settings, tmp_path):
    """The README's team setup, on SQLite and on PostgreSQL: a process work pool, the repo's
    deployments (tags, a pull step cloning the repository: here a local clone) and operations
    (concurrency limit, notification block, Automations) deployed from flows/prefect.yaml; a
    worker that runs the flows from the clone. Then:
    1. the server's scheduler creates the runs of every schedule (SQLAlchemy 2.1 broke exactly
       this);
    2. two scheduled weekly checks at once, executed by the worker, one writer at a time (the
       kr-warehouse limit): NCMEC's finds new editions, loads them, rebuilds the site and
       publishes it with the read-only copy; IWF's publisher answers HTTP 500: the run ends
       Failed with one readable message, no traceback in any log, publishes nothing, and the
       Automation's webhook is called once with its name and message."""

    env, database = dict(server_env[0]), server_env[1]
    sqlite = database == "sqlite"
    repo = tmp_path / "repo.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(PROJECT_ROOT), str(repo)], check=True, timeout=120)
    with LocalServer() as publisher, LocalServer() as alerts:
        for year, pdf in NCMEC_PDFS.items():
            publisher.routes[f"/ncmec/{year}-reports-by-country.pdf"] = Route(pdf.read_bytes(), content_type="application/pdf")
        publisher.routes["/iwf/2024/geographical-hosting-urls/"] = Route(IWF_2024.read_bytes(), content_type="text/html")
        write_registry(settings, publisher.url(""), publisher.url(""))
        env.update({k: v for k, v in os.environ.items() if k.startswith("KR_")})
        public, site = tmp_path / "public", tmp_path / "site"
        env.update({"KR_SITE": str(site), "KR_PUBLISH": str(public), "PATH": f"{BIN}{os.pathsep}{env['PATH']}"})
        deploy_env = {**env, "GIT_REPOSITORY": repo.as_uri(), "KR_NOTIFY_WEBHOOK": alerts.url("/alert")}

        def cli(*args, environ=env):
            done = subprocess.run(
                [str(BIN / "prefect"), "--no-prompt", *args],
                env=environ,
                cwd=PROJECT_ROOT,
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
            return done.stdout

        cli("work-pool", "create", "kr-pool", "--type", "process")
        deployed = cli("deploy", "--prefect-file", "flows/prefect.yaml", "--all", environ=deploy_env)
        assert deployed.count("automation 'kr-pipeline: a run ended with failures'") == 1, deployed[-3000:]
        deployments = {d["name"]: d for d in api(env, "POST", "/deployments/filter", {})}
        assert scheduled_deployments() <= set(deployments) and "annual-update" in scheduled_deployments()
        assert all("kr-pipeline" in d["tags"] for d in deployments.values())
        assert all(
            d["pull_steps"] == [{"prefect.deployments.steps.git_clone": {"id": "clone", "repository": repo.as_uri()}}]
            for d in deployments.values()
        )
        assert api(env, "GET", "/v2/concurrency_limits/kr-warehouse")["limit"] == 1
        automations = {a["name"] for a in api(env, "POST", "/automations/filter", {})}
        assert "kr-pipeline: the annual update has not completed within 14 days" in automations

        def runs_of(name):
            return api(env, "POST", "/flow_runs/filter", {"flow_runs": {"deployment_id": {"any_": [deployments[name]["id"]]}}})

        # 1. The server's scheduler creates the scheduled runs of every scheduled deployment.
        def all_scheduled():
            return all(
                any(r["state_type"] == "SCHEDULED" and r["auto_scheduled"] for r in runs_of(n)) for n in scheduled_deployments()
            )

        wait_for("scheduled runs for " + ", ".join(sorted(scheduled_deployments())), all_scheduled, 60)
        # 2. Two weekly checks due in 20 seconds (hourly from then): NCMEC's publisher has new
        #    editions, IWF's answers HTTP 500. The scheduler creates their runs and a process worker
        #    (elsewhere: a folder of its own; the flows come from the clone) executes both at once.
        publisher.routes["/iwf/2024/geographical-hosting-urls/"] = Route(b"", status=500)
        anchor = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=20)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
        for name in ("check-ncmec", "check-iwf"):
            cli("deployment", "schedule", "create", f"check-source/{name}", "--interval", "3600", "--anchor-date", anchor)
        worker_log = open(tmp_path / "worker.log", "wb")
        elsewhere = tmp_path / "worker"
        elsewhere.mkdir()
        worker = start([str(BIN / "prefect"), "worker", "start", "--pool", "kr-pool"], env, worker_log, cwd=elsewhere)
        try:

            def finished(name):
                done = [r for r in runs_of(name) if r["auto_scheduled"] and r["state_type"] in FINAL]
                return done[0] if done else None

            ncmec = wait_for("the scheduled check-ncmec run", lambda: finished("check-ncmec"), 480)
            iwf = wait_for("the scheduled check-iwf run", lambda: finished("check-iwf"), 240)
            wait_for("the alert of the failed run", lambda: alerts.posts, 120)
            time.sleep(5)  # a second alert would come now
        finally:
            stop(worker)
        tasks = api(env, "POST", "/task_runs/filter", {"flow_runs": {"id": {"any_": [ncmec["id"]]}}})
    server_log = (tmp_path / "server.log").read_text(errors="replace")
    worker_text = (tmp_path / "worker.log").read_text(errors="replace")
    # the weekly check loaded the new editions, rebuilt the site and published it with the copy
    assert (ncmec["state_type"], ncmec["state"]["message"]) == ("COMPLETED", "completed"), worker_text[-3000:]
    assert {
        "fetch ncmec 2023",
        "parse ncmec 2023",
        "validate 5 publications",
        "build site",
        "publish site and read-only copy",
    } <= {t["name"] for t in tasks}
    assert rows(settings, "SELECT DISTINCT year FROM observations WHERE source_id = 'ncmec' ORDER BY 1") == [
        (y,) for y in sorted(NCMEC_PDFS)
    ]
    manifest = json.loads((public / "manifest.json").read_text())
    assert len(manifest["snapshots"]) == len(NCMEC_PDFS) and (public / "site" / "index.html").is_file()
    assert (public / "kr.duckdb").is_file()
    [report] = list(settings.reports.glob("*-check-ncmec.md"))
    assert f"- published (site and read-only copy): {public / 'manifest.json'}" in report.read_text()
    assert f"- site: {site / 'index.html'}" in report.read_text()
    # the failed check: red, one readable message, no traceback anywhere, nothing published
    assert (iwf["state_type"], iwf["state"]["message"]) == ("FAILED", "completed with failures: iwf 2024 (HTTP 500)")
    iwf_logs = [entry["message"] for entry in run_logs(env, iwf["id"])]
    assert "Nothing changed in the warehouse: nothing published." in iwf_logs
    for text in ["\n".join(iwf_logs), worker_text]:
        assert "Traceback" not in text and "unexpected exception" not in text, text[-3000:]
    assert not [m for m in iwf_logs if "FetchOutcome(" in m]  # sentences, not reprs
    # the Automation's webhook: called once for the failed run, with its name and message
    assert len(alerts.posts) == 1, alerts.posts
    payload = json.loads(alerts.posts[0][1])
    assert iwf["name"] in payload["subject"] and "completed with failures: iwf 2024 (HTTP 500)" in payload["text"]
    # one writer at a time: the two checks held the warehouse one after the other
    held = []
    for r in (ncmec, iwf):
        logs = run_logs(env, r["id"])
        hold = [e["timestamp"] for e in logs if e["message"].startswith("Holding the warehouse")]
        release = [e["timestamp"] for e in logs if e["message"].startswith("Releasing the warehouse")]
        assert len(hold) == len(release) == 1, [e["message"] for e in logs]
        held.append((hold[0], release[0]))
    held.sort()
    assert held[0][1] <= held[1][0], held
    assert not server_errors(server_log, sqlite), server_errors(server_log, sqlite)[0][-3000:]


def test_only_sqlite_lock_contention_is_forgiven_in_the_server_log():
    """A recorded server log (tests/fixtures/prefect-server-locked.log, from a CI run whose
    scheduled flow completed) with a heartbeat lost to "database is locked" has no error that
    counts; the same log with another traceback or InvalidRequestError has."""
    log = (Path(__file__).parent / "fixtures" / "prefect-server-locked.log").read_text()
    assert "database is locked" in log and server_errors(log) == []
    assert len(server_errors(log, sqlite=False)) == 1  # on PostgreSQL nothing is forgiven
    other = "06:50:00.000 | ERROR   | prefect.server - boom\nTraceback (most recent call last):\n  ValueError: x\n"
    assert len(server_errors(log + other)) == 1
    sqla21 = "06:50:01.000 | ERROR   | prefect.server - sqlalchemy.exc.InvalidRequestError: database is locked\n"
    assert len(server_errors(log + sqla21)) == 1
