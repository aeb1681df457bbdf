#!/usr/bin/env python3.11
"""Set up the project's environment (once, and again when the lock file changes), then run.

    python3.11 run.py update         the annual update (kr update --allow-offline)
    python3.11 run.py test [ARGS]    the test suite (without ARGS: the tests that are not slow on
                                     every core, then the slow ones; with ARGS: pytest ARGS)
    python3.11 run.py test --fast    everything but the slow tests (servers, browser, clients, SIGKILL, site)
    python3.11 run.py kr ARGS        any kr command, e.g. run.py kr query "select 1"
    python3.11 run.py bench          the benchmark (bench/run.py): prints a table
    python3.11 run.py lint           ruff (lint + format check) and mypy, as CI runs them

Needs only Python 3.11: the environment is a venv in .venv, installed from
requirements.txt with hashes (so a fresh machine gets exactly the tested versions); `test`
also sets up .venv-clients from requirements-clients.txt (the analysts' DuckDB 1.5 CLI and
clients the warehouse must open in).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("KR_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
# The analysts' clients (DuckDB CLI 1.5, DuckDB 1.5 with httpfs, pandas with pyarrow) that
# tests/test_clients.py opens the warehouse and its published copy with: their own venv.
CLIENTS = Path(os.environ.get("KR_CLIENTS_VENV", ROOT / ".venv-clients"))


def _wanted_stamp(*files: str) -> str:
    h = hashlib.sha256()
    for name in files:
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def ensure_env(where: Path = VENV, lock: str = "requirements.txt", project: bool = True) -> None:
    """A venv at `where` with exactly the locked packages (and this project, editable)."""
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"run.py needs Python 3.11 (this is {sys.version.split()[0]}): run it as python3.11 run.py ...")
    stamp = where / ".kr-installed"
    wanted = _wanted_stamp(lock, *(["pyproject.toml"] if project else []))
    if stamp.exists() and stamp.read_text() == wanted:
        return
    python = where / ("Scripts" if os.name == "nt" else "bin") / "python"
    if not python.exists():
        print(f"creating the environment in {where} ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(where)
    print(f"installing locked dependencies into {where.name} (first run takes a minute or two) ...", file=sys.stderr)
    pip = [str(python), "-m", "pip", "install", "-qq", "--disable-pip-version-check"]
    # The lock is complete (uv resolved every dependency), so pip installs exactly it with
    # --no-deps and does not resolve again: pip 23's resolver mistakes a pinned package asked
    # for with extras elsewhere (prefect's sqlalchemy[asyncio]) for an unpinned one.
    # `pip check` then proves the installed set consistent.
    steps = [pip + ["--no-deps", "--require-hashes", "-r", str(ROOT / lock)]]
    if project:
        steps.append(pip + ["--no-deps", "-e", str(ROOT)])
    steps.append([str(python), "-m", "pip", "check", "--disable-pip-version-check"])
    for step in steps:
        done = subprocess.run(step, stdout=subprocess.PIPE, text=True)
        if done.returncode != 0:
            sys.stderr.write(done.stdout)
            sys.exit(f"run.py: setting up {where} failed at: {' '.join(step[2:])} (see pip's message above)")
    stamp.write_text(wanted)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    ensure_env()
    env = dict(os.environ)  # the kr package switches the frameworks' telemetry off itself (config.TELEMETRY_OFF)
    command, rest = argv[0], argv[1:]
    if command == "update":
        args = [str(BIN / "kr"), "update", "--allow-offline", *rest]
    elif command == "test" and rest[:1] == ["--fast"]:  # the inner loop: everything but the slow tests
        # on every core (pytest-xdist): 2 workers on this project's 2-core machine (README "Tests")
        # (--dist loadfile: a module runs whole on one worker, its fixtures made once; tests/conftest.py)
        env["TESTS_FAST_LOOP"] = "1"  # fewer examples of the costliest property test (tests/test_precedence.py)
        args = [
            str(BIN / "python"),
            "-m",
            "pytest",
            "-m",
            "not slow",
            "-n",
            "auto",
            "--dist",
            "loadfile",
            "--no-loadscope-reorder",
            *rest[1:],
        ]
    elif command == "test":
        ensure_env(CLIENTS, "requirements-clients.txt", project=False)
        env["KR_CLIENTS_VENV"] = str(CLIENTS)
        if not rest:
            # the whole suite: the tests that are not slow on every core (as the inner loop, but
            # every example and case), then the slow ones (servers, a browser, killed processes)
            # one at a time; both must pass
            pytest = [str(BIN / "python"), "-m", "pytest"]
            parallel = [*pytest, "-m", "not slow", "-n", "auto", "--dist", "loadfile", "--no-loadscope-reorder"]
            first = subprocess.run(parallel, cwd=ROOT, env=env).returncode
            second = subprocess.run([*pytest, "-m", "slow"], cwd=ROOT, env=env).returncode
            return first or second
        args = [str(BIN / "python"), "-m", "pytest", *rest]
    elif command == "bench":
        args = [str(BIN / "python"), str(ROOT / "bench" / "run.py"), *rest]
    elif command == "kr":
        args = [str(BIN / "kr"), *rest]
    elif command == "lint":
        for step in ([str(BIN / "ruff"), "check", "."], [str(BIN / "ruff"), "format", "--check", "."], [str(BIN / "mypy")]):
            code = subprocess.run(step, cwd=ROOT, env=env).returncode
            if code:
                print(f"run.py lint: {Path(step[0]).name} {' '.join(step[1:])} failed", file=sys.stderr)
                return code
        return 0
    else:
        print(f"unknown command {command!r}\n{__doc__}", file=sys.stderr)
        return 2
    return subprocess.run(args, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
