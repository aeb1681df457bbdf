"""Errors that name what went wrong, for whom, and where."""

from __future__ import annotations


class KrError(Exception):
    """Base class: every error the pipeline raises on purpose."""


class FetchError(KrError):
    """The publisher could not be reached or sent something unusable."""

    def __init__(self, source: str, year: int | None, url: str, reason: str):
        from .ingest.urls import public_url

        url = public_url(url)  # credentials in a URL are never printed or stored
        self.source, self.year, self.url, self.reason = source, year, url, reason
        where = f"{source} {year}" if year is not None else source
        super().__init__(f"{where}: could not fetch {url}: {reason}")


class Unreachable(FetchError):
    """The publisher's host could not be reached (DNS, refused or broken connection)."""


class NotYetPublished(FetchError):
    """The URL answered 404/410: the publication for that year does not exist (yet)."""


class ParseError(KrError):
    """A publication could not be parsed exactly; nothing of it may be loaded. `candidates`:
    the numbers a careful reader would not load without asking, found before the refusal (the
    dicts a ParsedPublication carries): the build stores them in the review queue all the same,
    so a refused publication's numbers still wait in `kr review`."""

    def __init__(
        self, source: str, year: int, file: str, reason: str, candidates: list[dict] | None = None, voice: str | None = None
    ):
        self.source, self.year, self.file, self.reason = source, year, file, reason
        self.candidates: list[dict] = list(candidates or [])
        self.voice = voice  # whose voice the refused prose spoke in (recorded with the load)
        super().__init__(f"{source} {year} ({file}): {reason}")

    def __reduce__(self):  # pickled whole (the default would call __init__ with the message alone)
        return (type(self), (self.source, self.year, self.file, self.reason, self.candidates, self.voice))


class ValidationFailed(KrError):
    """Parsed figures failed their expectation suite; nothing of the publication is loaded."""

    def __init__(self, source: str, year: int, file: str, failures: list[str]):
        self.source, self.year, self.file, self.failures = source, year, file, failures
        super().__init__(f"{source} {year} ({file}): validation failed: " + "; ".join(failures))


class SnapshotError(KrError):
    """A snapshot is missing, corrupted (checksum mismatch) or would be overwritten."""


class WarehouseBusy(KrError):
    """Another process holds the DuckDB file."""


def one_line(exc: BaseException) -> str:
    """What an error means for the user, in one line: ours as they are; a full disk, a file
    that cannot be written, a damaged database file named as such; anything else as an
    internal error with its class (KR_DEBUG=1 shows the traceback). A full disk is named as
    such even when it surfaces as a later error it caused (DuckDB's "cannot rollback - no
    transaction is active" after a commit that could not be written)."""
    if isinstance(exc, KrError):
        return str(exc)
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        full = _disk_full(cause)
        if full:
            return full
        cause = cause.__cause__ or (None if cause.__suppress_context__ else cause.__context__)
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror or exc}{where}"
    raw = str(exc)
    if "Traceback (most recent call last)" in raw:  # DuckDB passing on a Python error: its last line says it
        lines = [line for line in raw.splitlines() if line.strip() and not line.startswith((" ", "LINE "))]
        raw = lines[-1] if lines else raw
    text = " ".join(raw.split())
    if type(exc).__module__.startswith("duckdb") or "duckdb" in type(exc).__module__:
        return f"the warehouse: {type(exc).__name__}: {text[:500]}"
    return f"internal error: {type(exc).__name__}: {text[:500]} (KR_DEBUG=1 shows where; please report it)"


def _disk_full(exc: BaseException) -> str | None:
    """The message for a write refused for want of space (a full disk, a quota, a file-size
    limit), or None."""
    import errno

    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            where = f" ({exc.filename})" if exc.filename else ""
            return f"no space left to write{where}: {exc.strerror}; free some space and run it again (nothing was half-written)"
        return None
    if "duckdb" in type(exc).__module__:
        text = " ".join(str(exc).split())
        if "No space left" in text or "File too large" in text or "Disk quota" in text:
            return f"no space left to write the warehouse: {text[:300]}; free some space and run it again"
    return None
