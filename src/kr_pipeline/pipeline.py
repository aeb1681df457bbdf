"""The pipeline's public face: the stages' functions (kr_pipeline.stages) under one name, for
the CLI, the Prefect flows (flows/ wraps these same functions as tasks), the benchmark and the
tests. Nothing is defined here."""

from __future__ import annotations

from .errors import KrError
from .publishers import REFERENCE
from .stages.build import (
    PublicationResult,
    Steps,
    build,
    fingerprint,
    outcome_fingerprint,
    parse_snapshot,
    parser_for,
    pending_snapshots,
    store_curated_files,
    validate_publications,
)
from .stages.fetch import FetchOutcome, FetchStatus, fetch_publication, fetch_source, fetch_year, years_to_fetch
from .stages.update import SourceReport, parse_years, reports_by_source, summarise, update

__all__ = [
    "REFERENCE",
    "FetchOutcome",
    "FetchStatus",
    "KrError",
    "PublicationResult",
    "SourceReport",
    "Steps",
    "build",
    "fetch_publication",
    "fetch_source",
    "fetch_year",
    "fingerprint",
    "outcome_fingerprint",
    "parse_snapshot",
    "parse_years",
    "parser_for",
    "pending_snapshots",
    "reports_by_source",
    "store_curated_files",
    "summarise",
    "update",
    "validate_publications",
    "years_to_fetch",
]
