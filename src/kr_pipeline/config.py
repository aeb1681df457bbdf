"""Where things live. Everything has an embedded default and an environment override."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# The repository root (this file is src/kr_pipeline/config.py); the project runs from a checkout.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
WAREHOUSE_DIR = PROJECT_ROOT / "warehouse"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"


@dataclass(frozen=True)
class Settings:
    warehouse: Path  # the DuckDB file
    snapshots: Path  # the snapshot store folder
    sources: Path  # the source registry (YAML)
    allow_private_urls: bool  # only for tests against 127.0.0.1
    lock_wait: float = 60.0  # seconds a second writer waits for the DuckDB file
    curated: Path = WAREHOUSE_DIR / "curated"  # analysts' curated figure files
    reports: Path = WAREHOUSE_DIR / "reports"  # change reports of runs (default: beside the DuckDB file)
    notify_webhook: str | None = None  # POSTed a JSON summary when a run has failures
    site: Path | None = WAREHOUSE_DIR / "site"  # the website the annual update builds (None: KR_SITE=off)

    @classmethod
    def from_env(cls) -> "Settings":
        from .limits import setting

        env = os.environ
        warehouse = Path(env.get("KR_WAREHOUSE", WAREHOUSE_DIR / "kr.duckdb"))
        return cls(
            warehouse=warehouse,
            snapshots=Path(env.get("KR_SNAPSHOTS", WAREHOUSE_DIR / "snapshots")),
            sources=Path(env.get("KR_SOURCES", WAREHOUSE_DIR / "sources.yaml")),
            allow_private_urls=env.get("KR_ALLOW_PRIVATE_URLS", "") in ("1", "true", "yes"),
            lock_wait=setting("KR_LOCK_WAIT", 60.0),
            curated=Path(env.get("KR_CURATED", WAREHOUSE_DIR / "curated")),
            reports=Path(env.get("KR_REPORTS", warehouse.parent / "reports")),
            notify_webhook=env.get("KR_NOTIFY_WEBHOOK") or None,
            site=None if env.get("KR_SITE") == "off" else Path(env.get("KR_SITE") or warehouse.parent / "site"),
        )


# No telemetry from the frameworks we start (Great Expectations, Prefect's server, and anything
# honouring DO_NOT_TRACK): the one place these are named.
TELEMETRY_OFF = {"GX_ANALYTICS_ENABLED": "false", "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}


def quiet_frameworks() -> None:
    """Set TELEMETRY_OFF in this process's environment (children inherit it), unless set."""
    for key, value in TELEMETRY_OFF.items():
        os.environ.setdefault(key, value)
