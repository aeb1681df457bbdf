"""Errors that name what went wrong, for whom, and where."""

from __future__ import annotations


class KrError(Exception):
    """Base class: every error the pipeline raises on purpose."""


class FetchError(KrError):
    """The publisher could not be reached or sent something unusable."""

    def __init__(self, source: str, year: int | None, url: str, reason: str):
        self.source, self.year, self.url, self.reason = source, year, url, reason
        where = f"{source} {year}" if year is not None else source
        super().__init__(f"{where}: could not fetch {url}: {reason}")


class Unreachable(FetchError):
    """The publisher's host could not be reached (DNS, refused or broken connection)."""


class NotYetPublished(FetchError):
    """The URL answered 404/410: the publication for that year does not exist (yet)."""


class ParseError(KrError):
    """A publication could not be parsed exactly; nothing of it may be loaded."""

    def __init__(self, source: str, year: int, file: str, reason: str):
        self.source, self.year, self.file, self.reason = source, year, file, reason
        super().__init__(f"{source} {year} ({file}): {reason}")


class ValidationFailed(KrError):
    """Parsed figures failed their expectation suite; nothing of the publication is loaded."""

    def __init__(self, source: str, year: int, file: str, failures: list[str]):
        self.source, self.year, self.file, self.failures = source, year, file, failures
        super().__init__(f"{source} {year} ({file}): validation failed: " + "; ".join(failures))


class SnapshotError(KrError):
    """A snapshot is missing, corrupted (checksum mismatch) or would be overwritten."""


class WarehouseBusy(KrError):
    """Another process holds the DuckDB file."""
