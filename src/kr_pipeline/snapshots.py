"""The snapshot store: raw publication files, content-addressed, each with a provenance sidecar.

Layout: <store>/<source>/<year>/<sha256>.<ext> and <sha256>.json next to it. A file is never
overwritten: the same bytes twice is a no-op, different bytes for the same year are a new
snapshot (a possible revision). Parsing reads only from here, never from the network.
"""

from __future__ import annotations

import builtins
import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import SnapshotError
from .reading.pdftext import is_pdf
from .urls import public_url

_EXT = re.compile(r"^[a-z0-9]{1,5}$")
_CONTENT_EXT = {"application/pdf": "pdf", "text/html": "html", "text/csv": "csv", "application/yaml": "yaml", "text/plain": "txt"}
CURATED_EDITION = "curated, edition "  # views.sql's source_status says it too (tests/test_cli.py compares)


def publication_label(year: int, curated: bool) -> str:
    """ "2023", or "curated, edition 2025": a curated file's year is its edition, not a data year
    (kr snapshot list, kr status, task names, the update's summary line)."""
    return f"{CURATED_EDITION}{year}" if curated else str(year)


@dataclass
class Snapshot:
    source_id: str
    year: int
    sha256: str
    size: int
    file: str  # file name inside the store folder of source/year
    url: str | None
    title: str | None
    publisher: str | None
    retrieved_at: str  # ISO 8601, UTC
    content_type: str | None
    origin: str  # fetched | manual (kr snapshot add) | curated (an analysts' file) | reconstructed
    licence: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    note: str | None = None
    original_name: str | None = None
    # The voice an operator declared at `kr snapshot add --voice` (own | reported); None: the
    # parser decides from the address and the text (reading.prose.voice_of).
    voice: str | None = None
    path: Path | None = field(default=None, repr=False, compare=False)
    # A snapshot added by mistake is withdrawn, not deleted: <sha256>.withdrawn beside it
    # (the sidecar stays as written) says when and why.
    withdrawn_at: str | None = field(default=None, compare=False)
    withdrawn_reason: str | None = field(default=None, compare=False)

    def sidecar(self) -> dict:
        d = asdict(self)
        for key in ("path", "withdrawn_at", "withdrawn_reason"):
            d.pop(key)
        if d["voice"] is None:  # only a declared voice is written
            d.pop("voice")
        return d

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def label(self) -> str:
        """ "ncmec 2023", or "ncmec curated edition 2025" (task names)."""
        return f"{self.source_id} {self.publication.replace(',', '')}"

    @property
    def curated(self) -> bool:
        """An analysts' curated file: its year is an edition, not a data year."""
        return self.origin == "curated"

    @property
    def publication(self) -> str:
        return publication_label(self.year, self.curated)

    def read_verified(self) -> bytes:
        """The raw bytes, after checking them against the recorded checksum."""
        assert self.path is not None
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            raise SnapshotError(f"{self.source_id} {self.year}: cannot read {self.path}: {exc}")
        digest = hashlib.sha256(data).hexdigest()
        if digest != self.sha256 or len(data) != self.size:
            raise SnapshotError(
                f"{self.source_id} {self.year} ({self.path.name}): file is corrupted or "
                f"truncated: sha256 {digest[:12]}…/{len(data)} bytes, sidecar says "
                f"{self.sha256[:12]}…/{self.size} bytes"
            )
        return data


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _extension(content_type: str | None, name: str | None, data: bytes) -> str:
    if is_pdf(data):
        return "pdf"
    if content_type:
        ext = _CONTENT_EXT.get(content_type.split(";")[0].strip().lower())
        if ext:
            return ext
    if name and "." in name:
        ext = name.rsplit(".", 1)[1].lower()
        if _EXT.match(ext):
            return ext
    return "bin"


_TMP_PREFIX = ".tmp-"  # a file being written; linked into place when complete


class SnapshotStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        if self.root.exists() and not self.root.is_dir():
            raise SnapshotError(f"the snapshot store {self.root} is not a folder (KR_SNAPSHOTS)")
        self._meta_cache: dict[tuple[str, int, int], dict] = {}

    def _folder(self, source_id: str, year: int) -> Path:
        if not re.match(r"^[a-z0-9_]+$", source_id):
            raise SnapshotError(f"invalid source id {source_id!r}")
        return self.root / source_id / str(int(year))

    def add(
        self,
        source_id: str,
        year: int,
        data: bytes,
        *,
        url: str | None = None,
        title: str | None = None,
        publisher: str | None = None,
        content_type: str | None = None,
        origin: str = "manual",
        licence: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        note: str | None = None,
        original_name: str | None = None,
        retrieved_at: str | None = None,
        voice: str | None = None,
    ) -> tuple[Snapshot, bool]:
        """Store bytes for (source, year). Returns (snapshot, created); same bytes = no-op."""
        if not data:
            raise SnapshotError(f"{source_id} {year}: refusing to store an empty file")
        if voice not in (None, "own", "reported"):
            raise SnapshotError(f"{source_id} {year}: voice must be 'own' or 'reported', got {voice!r}")
        digest = sha256_of(data)
        folder = self._folder(source_id, year)
        existing = self._load_sidecar(folder / f"{digest}.json")
        if existing is not None:
            return existing, False
        folder.mkdir(parents=True, exist_ok=True)
        ext = _extension(content_type, original_name, data)
        target = folder / f"{digest}.{ext}"
        snap = Snapshot(
            source_id=source_id,
            year=int(year),
            sha256=digest,
            size=len(data),
            file=target.name,
            url=public_url(url) if url else url,  # credentials are never stored
            title=title,
            publisher=publisher,
            retrieved_at=retrieved_at
            or dt.datetime.now(dt.timezone.utc).isoformat(),  # microseconds: versions stored in one second stay ordered
            content_type=content_type,
            origin=origin,
            licence=licence,
            etag=etag,
            last_modified=last_modified,
            note=note,
            original_name=Path(original_name).name if original_name else None,
            voice=voice,
            path=target,
        )
        # Write both files to temporaries, then link into place: a crash leaves no half file,
        # and os.link fails rather than overwrite.
        self._write_new(target, data)
        self._write_new(folder / f"{digest}.json", (json.dumps(snap.sidecar(), indent=2) + "\n").encode())
        return snap, True

    @staticmethod
    def _write_new(target: Path, data: bytes) -> None:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=_TMP_PREFIX)
        try:
            with os.fdopen(fd, "wb") as f:
                fcntl.flock(f.fileno(), fcntl.LOCK_EX)  # "being written": remove_leftovers leaves it alone
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            try:
                os.link(tmp, target)
            except FileExistsError:
                if target.read_bytes() != data:
                    raise SnapshotError(f"{target} exists with other content; not overwriting")
        finally:
            os.unlink(tmp)

    def _sidecar_meta(self, sidecar: Path) -> dict | None:
        """A sidecar's fields, read once per version of the file (a build lists the store
        several times; a store of hundreds of snapshots is not parsed again each time)."""
        try:
            st = sidecar.stat()
        except FileNotFoundError:
            return None
        key = (str(sidecar), st.st_mtime_ns, st.st_size)
        if key not in self._meta_cache:
            self._meta_cache[key] = json.loads(sidecar.read_text("utf-8"))
        return dict(self._meta_cache[key])

    def _load_sidecar(self, sidecar: Path) -> Snapshot | None:
        try:
            meta = self._sidecar_meta(sidecar)
            if meta is None:
                return None
            snap = Snapshot(**meta)
        except (ValueError, TypeError) as exc:
            raise SnapshotError(f"unreadable sidecar {sidecar}: {exc}") from None
        snap.path = sidecar.parent / snap.file
        withdrawal = sidecar.with_suffix(".withdrawn")
        if withdrawal.exists():
            try:
                meta = json.loads(withdrawal.read_text("utf-8"))
                snap.withdrawn_at, snap.withdrawn_reason = meta["withdrawn_at"], meta["reason"]
            except (ValueError, KeyError, TypeError) as exc:
                raise SnapshotError(f"unreadable withdrawal {withdrawal}: {exc}") from None
        return snap

    def remove_leftovers(self) -> list[Path]:
        """Remove the temporaries of writes that were killed (`kill -9` during `kr snapshot
        add`): a temporary nobody holds a lock on is no longer being written. Returns them."""
        removed = []
        for tmp in self.root.glob(f"*/*/{_TMP_PREFIX}*") if self.root.is_dir() else []:
            try:
                with open(tmp, "rb") as f:
                    fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    tmp.unlink()
                    removed.append(tmp)
            except (BlockingIOError, FileNotFoundError):
                continue  # being written right now, or already gone
        return removed

    def list(self, source_id: str | None = None) -> list[Snapshot]:
        """Every snapshot, oldest retrieval first within a year (the order to load them in)."""
        if not self.root.exists():
            return []
        snaps = []
        for sidecar in sorted(self.root.glob("*/*/*.json")):
            snap = self._load_sidecar(sidecar)
            if snap and (source_id is None or snap.source_id == source_id):
                snaps.append(snap)
        return sorted(snaps, key=lambda s: (s.source_id, s.year, s.retrieved_at, s.sha256))

    def latest(self, source_id: str, year: int) -> Snapshot | None:
        """The newest retrieval of (source, year) that is not withdrawn."""
        snaps = [s for s in self.list(source_id) if s.year == year and not s.withdrawn]
        return snaps[-1] if snaps else None

    def find(self, sha_prefix: str) -> builtins.list[Snapshot]:
        """Snapshots whose checksum starts with sha_prefix (one file may be stored under
        several sources or years)."""
        prefix = sha_prefix.strip().lower()
        if not re.fullmatch(r"[0-9a-f]{6,64}", prefix):
            raise SnapshotError(f"{sha_prefix!r} is not a checksum (at least 6 hex digits of the sha256)")
        return [s for s in self.list() if s.sha256.startswith(prefix)]

    def stored_elsewhere(self, source_id: str, year: int, data: bytes) -> builtins.list[Snapshot]:
        """The same bytes already stored under another source or year."""
        digest = sha256_of(data)
        return [s for s in self.list() if s.sha256 == digest and (s.source_id, s.year) != (source_id, int(year))]

    def withdraw(self, snap: Snapshot, reason: str, at: str | None = None) -> Snapshot:
        """Mark a snapshot withdrawn (added by mistake): its values leave `observations` at
        the next build; the file, its sidecar and its load history stay."""
        if not reason.strip():
            raise SnapshotError("a withdrawal needs a reason")
        if snap.withdrawn:
            raise SnapshotError(
                f"{snap.source_id} {snap.year} {snap.sha256[:12]} was already withdrawn on {snap.withdrawn_at}: {snap.withdrawn_reason}"
            )
        assert snap.path is not None
        at = at or dt.datetime.now(dt.timezone.utc).isoformat()
        record = json.dumps({"withdrawn_at": at, "reason": reason.strip()}, indent=2) + "\n"
        self._write_new(snap.path.parent / f"{snap.sha256}.withdrawn", record.encode())
        snap.withdrawn_at, snap.withdrawn_reason = at, reason.strip()
        return snap
