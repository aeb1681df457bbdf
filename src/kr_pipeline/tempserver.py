"""Prefect's temporary server (`kr update` without PREFECT_API_URL) tied to the `kr` process:
the kernel sends it SIGTERM when `kr` dies, however it dies (SIGKILL, the OOM killer), so no
server is left behind. Prefect starts that server itself (a uvicorn child process); here it is
started first, in the main thread, by a subclass whose child asks for the parent-death signal
(Linux prctl PR_SET_PDEATHSIG; tied to the thread that starts it, hence the main thread).
Prefect's own code then finds it running and uses it."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import types

PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # runs in the child between fork and exec
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start_tied_temporary_server() -> bool:
    """Start Prefect's temporary server tied to this process, unless a server is configured
    (PREFECT_API_URL) or one is running already. True when started here."""
    if os.environ.get("PREFECT_API_URL") or not sys.platform.startswith("linux"):
        return False
    from prefect.server.api import server as prefect_server
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        return False
    base = prefect_server.SubprocessASGIServer
    if None in base._instances:  # already made (started or not) by Prefect: leave it
        return False

    class TiedServer(base):  # type: ignore[misc,valid-type]
        def _run_uvicorn_command(self):
            real = prefect_server.subprocess

            def popen(*args, **kwargs):
                return real.Popen(*args, preexec_fn=_die_with_parent, **kwargs)  # type: ignore[call-overload]

            prefect_server.subprocess = types.SimpleNamespace(**{**vars(real), "Popen": popen})  # type: ignore[assignment]
            try:
                return super()._run_uvicorn_command()
            finally:
                prefect_server.subprocess = real

    TiedServer().start()  # registered under port None: Prefect's SubprocessASGIServer() returns it
    return True
