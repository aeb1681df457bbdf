"""`kr update` without a Prefect server of its own starts Prefect's temporary server; killed
with SIGKILL (nothing of `kr` runs after that), its server must not live on."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from .httpserver import LocalServer, Route
from .test_update_e2e import write_registry

BIN = Path(sys.executable).parent


def children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_the_temporary_server_dies_with_a_killed_kr_update(settings, tmp_path):
    with LocalServer() as publisher:
        # A publisher that takes its time: the run is still fetching when it is killed.
        publisher.routes["/iwf/2024/geographical-hosting-urls/"] = Route(b"<html></html>", content_type="text/html", delay=60)
        write_registry(settings, publisher.url(""), publisher.url(""), ncmec_urls={2024: publisher.url("")})
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
        env["PREFECT_HOME"] = str(tmp_path / "prefect")
        log = open(tmp_path / "kr.log", "wb")
        kr = subprocess.Popen([str(BIN / "kr"), "update", "--source", "iwf"], env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 180
            server = None
            while time.monotonic() < deadline and server is None:
                server = next((c for c in children(kr.pid) if "uvicorn" in cmdline(c)), None)
                time.sleep(0.5)
            assert server is not None, (tmp_path / "kr.log").read_text()[-2000:]
            while time.monotonic() < deadline and not publisher.requests:  # the flow runs: the server is up
                time.sleep(0.5)
            assert publisher.requests, (tmp_path / "kr.log").read_text()[-2000:]
            kr.send_signal(signal.SIGKILL)
            kr.wait()
            gone_by = time.monotonic() + 15
            while time.monotonic() < gone_by and alive(server):
                time.sleep(0.2)
            assert not alive(server), f"the temporary Prefect server {server} outlived the killed kr update"
        finally:
            if kr.poll() is None:
                kr.kill()
            for pid in [server] if server else []:
                if alive(pid):
                    os.kill(pid, signal.SIGKILL)
