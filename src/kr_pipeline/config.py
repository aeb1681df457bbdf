"""Where things live. Everything has an embedded default and an environment override."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# The repository root (this file is src/kr_pipeline/config.py); the project runs from a checkout.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
WAREHOUSE_DIR = PROJECT_ROOT / "warehouse"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
# One folder per organisation: its channels, indicators, parsers and curated files (kr_pipeline.publishers)
PUBLISHERS_DIR = Path(__file__).resolve().parent / "publishers"


@dataclass(frozen=True)
class EnvSetting:
    """One KR_* environment variable: its name, its default (as a user would write it) and what
    it sets. ENV below is the one list: `kr --help`, the README's table and a test read it."""

    name: str
    default: str
    meaning: str


ENV = {
    s.name: s
    for s in [
        EnvSetting("KR_WAREHOUSE", "warehouse/kr.duckdb", "the DuckDB file"),
        EnvSetting("KR_SNAPSHOTS", "warehouse/snapshots", "the snapshot store (raw files with provenance sidecars)"),
        EnvSetting(
            "KR_SOURCES",
            "the publishers' folders",
            "a registry file used instead of the channels of src/kr_pipeline/publishers/*/publisher.yaml (a mirror, tests)",
        ),
        EnvSetting(
            "KR_CURATED",
            "src/kr_pipeline/publishers/*/curated",
            "a folder of curated figure files (<source>.yaml) used instead of the publishers' curated/ folders",
        ),
        EnvSetting("KR_REPORTS", "reports/ beside the DuckDB file", "where change reports of runs are written"),
        EnvSetting(
            "KR_SITE",
            "site/ beside the DuckDB file",
            "the website every annual update and run that changed the warehouse builds; off: no site",
        ),
        EnvSetting("KR_LOCK_WAIT", "60", "seconds a second writer waits for the DuckDB file"),
        EnvSetting(
            "KR_NOTIFY_WEBHOOK",
            "none",
            "a URL POSTed a JSON summary when a run without a Prefect server has failures; "
            "when deploying, the URL of the Automations' notification block",
        ),
        EnvSetting(
            "KR_PUBLISH",
            "none",
            "where a run that changed the warehouse publishes the site and the read-only copy "
            "(a folder, or a URL fsspec writes to); none: not published",
        ),
        EnvSetting(
            "KR_PUBLISH_BASE_URL", "none", "the public URL of the place published to, which the read-only copy's views read"
        ),
        EnvSetting("KR_PARSE_SECONDS", "120", "time limit of one parse (its child process is killed)"),
        EnvSetting("KR_PARSE_MEMORY_MB", "3072", "address-space limit of the parse child process"),
        EnvSetting("KR_QUERY_SECONDS", "60", "time limit of `kr query` (--timeout)"),
        EnvSetting("KR_QUERY_MEMORY", "4GB", "memory limit of `kr query` (--memory)"),
        EnvSetting("KR_QUERY_ROWS", "10000", "rows `kr query` prints at most (--max-rows)"),
        EnvSetting("KR_ALLOW_PRIVATE_URLS", "off", "1: allow fetching from private addresses (tests on 127.0.0.1 only)"),
        EnvSetting("KR_DEBUG", "off", "1: show a traceback instead of the one-line error (developers)"),
        EnvSetting("KR_UPDATE_GOLDEN", "off", "1: the golden tests rewrite the publishers' golden/*.csv (review the diff)"),
        EnvSetting("KR_SCREENSHOTS", "off", "docs: the browser tests renew the README's screenshots"),
        EnvSetting("KR_CHROMIUM", "chromium on the PATH", "the browser the site's tests drive"),
        EnvSetting("KR_VENV", ".venv", "run.py: where the project's environment lives"),
        EnvSetting("KR_CLIENTS_VENV", ".venv-clients", "run.py: where the analysts' clients for the tests live"),
        EnvSetting("KR_BENCH_REPEAT", "3", "bench: interleaved pairs measured per ratio"),
    ]
}


def env(name: str) -> str | None:
    """The value of a KR_* setting, which must be one of ENV (a test finds every KR_ name in
    the code there)."""
    if name not in ENV:
        raise KeyError(f"{name} is not a setting of kr_pipeline.config.ENV: add it there")
    return os.environ.get(name)


def env_help() -> str:
    """The settings as `kr --help` lists them."""
    return "\n".join(f"  {s.name:<22} {s.meaning} (default: {s.default})" for s in ENV.values())


def env_table() -> str:
    """The settings as the README's table (tests/test_settings.py holds them equal)."""
    lines = ["| setting | what it sets | default |", "|---|---|---|"]
    return "\n".join(lines + [f"| `{s.name}` | {s.meaning} | {s.default} |" for s in ENV.values()])


@dataclass(frozen=True)
class Settings:
    warehouse: Path  # the DuckDB file
    snapshots: Path  # the snapshot store folder
    sources: Path | None  # a registry file (YAML); None: the publishers' folders
    allow_private_urls: bool  # only for tests against 127.0.0.1
    lock_wait: float = 60.0  # seconds a second writer waits for the DuckDB file
    curated: Path | None = None  # a folder of curated files (<source>.yaml); None: each publisher's curated/
    reports: Path = WAREHOUSE_DIR / "reports"  # change reports of runs (default: beside the DuckDB file)
    notify_webhook: str | None = None  # POSTed a JSON summary when a run has failures
    site: Path | None = WAREHOUSE_DIR / "site"  # the website the annual update builds (None: KR_SITE=off)
    publish: str | None = None  # where runs that changed the warehouse publish (a folder or an fsspec URL)
    publish_base_url: str | None = None  # the public URL of that place (the read-only copy's views read it)

    @classmethod
    def from_env(cls) -> "Settings":
        from .limits import setting

        warehouse = Path(env("KR_WAREHOUSE") or WAREHOUSE_DIR / "kr.duckdb")
        return cls(
            warehouse=warehouse,
            snapshots=Path(env("KR_SNAPSHOTS") or WAREHOUSE_DIR / "snapshots"),
            sources=_path_or_none(env("KR_SOURCES")),
            allow_private_urls=(env("KR_ALLOW_PRIVATE_URLS") or "") in ("1", "true", "yes"),
            lock_wait=setting("KR_LOCK_WAIT", 60.0),
            curated=_path_or_none(env("KR_CURATED")),
            reports=Path(env("KR_REPORTS") or warehouse.parent / "reports"),
            notify_webhook=env("KR_NOTIFY_WEBHOOK") or None,
            site=None if env("KR_SITE") == "off" else Path(env("KR_SITE") or warehouse.parent / "site"),
            publish=env("KR_PUBLISH") or None,
            publish_base_url=env("KR_PUBLISH_BASE_URL") or None,
        )


def _path_or_none(value: str | None) -> Path | None:
    return Path(value) if value else None


# No telemetry from the frameworks we start (Great Expectations, Prefect's server, and anything
# honouring DO_NOT_TRACK): the one place these are named.
TELEMETRY_OFF = {"GX_ANALYTICS_ENABLED": "false", "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}


# Prefect's temporary server (`kr update` without a server of its own) must start within this
# many seconds; Prefect's default of 20 is less than its start takes on a busy 2-core machine
# (11-18 s measured idle), and a run that gives up there reads as a crash.
FRAMEWORK_DEFAULTS = {"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180"}


def quiet_frameworks() -> None:
    """Set TELEMETRY_OFF and FRAMEWORK_DEFAULTS in this process's environment (children inherit
    them), unless set."""
    for key, value in {**TELEMETRY_OFF, **FRAMEWORK_DEFAULTS}.items():
        os.environ.setdefault(key, value)
