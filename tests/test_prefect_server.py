"""A real Prefect server and process worker on 127.0.0.1: deploy flows/prefect.yaml, run the
annual update through the worker, check the warehouse and the task names in the server."""

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import requests

from kr_pipeline.config import PROJECT_ROOT

from .conftest import IWF_2024, NCMEC_PDFS
from .helpers import NL_EXPECTED_ALL, NL_SQL, rows
from .httpserver import LocalServer, Route
from .test_update_e2e import write_registry

pytestmark = pytest.mark.integration
BIN = Path(sys.executable).parent


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
    env.update({
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "GX_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "INFO",
    })
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


def test_annual_update_through_a_worker(server_env, settings, tmp_path):
    with LocalServer() as publisher:
        for year, pdf in NCMEC_PDFS.items():
            publisher.routes[f"/ncmec/{year}-reports-by-country.pdf"] = Route(pdf.read_bytes(), content_type="application/pdf")
        publisher.routes["/iwf/2024/geographical-hosting-urls/"] = Route(IWF_2024.read_bytes(), content_type="text/html")
        write_registry(settings, publisher.url(""), publisher.url(""))
        env = dict(server_env)
        env.update({k: v for k, v in os.environ.items() if k.startswith("KR_")})

        def cli(*args):
            done = subprocess.run([str(BIN / "prefect"), "--no-prompt", *args], env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
            return done.stdout

        cli("work-pool", "create", "kr-pool", "--type", "process")
        cli("deploy", "--prefect-file", "flows/prefect.yaml", "--all")
        worker_log = open(tmp_path / "worker.log", "wb")
        worker = start([str(BIN / "prefect"), "worker", "start", "--pool", "kr-pool"], env, worker_log)
        try:
            script = textwrap.dedent("""
                import json
                from prefect import get_client
                from prefect.deployments import run_deployment
                fr = run_deployment("annual-update/annual-update", timeout=600)
                with get_client(sync_client=True) as client:
                    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
                    tasks = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[fr.id])))
                print(json.dumps({"state": fr.state.type.value, "message": fr.state.message,
                                  "tasks": sorted(t.name for t in tasks)}))
            """)
            done = subprocess.run([sys.executable, "-c", script], env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=900)
            assert done.returncode == 0, done.stderr[-3000:] + (tmp_path / "worker.log").read_text()[-3000:]
            result = json.loads(done.stdout.strip().splitlines()[-1])
        finally:
            stop(worker)
    assert result["state"] == "COMPLETED" and result["message"] == "completed", result
    assert {"fetch ncmec 2023", "parse ncmec 2023", "validate ncmec 2023", "fetch iwf 2024", "validate iwf 2024"} <= set(result["tasks"])
    assert rows(settings, NL_SQL) == NL_EXPECTED_ALL
    assert list(settings.reports.glob("*-annual-update.md"))
