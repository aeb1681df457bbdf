"""The snapshot store: raw publication files, content-addressed, each with a provenance sidecar.

Layout: <store>/<source>/<year>/<sha256>.<ext> and <sha256>.json next to it. A file is never
overwritten: the same bytes twice is a no-op, different bytes for the same year are a new
snapshot (a possible revision). Parsing reads only from here, never from the network.

Versions are ordered by their arrival in the store, never by the machine's clock: `add` gives
each new snapshot `arrival`, one more than the highest in its folder (under a lock on the
folder, written with the sidecar). Sidecars written before arrival numbers have none: they
count as having arrived before every numbered one, in the order of their retrieval time, then
checksum (as versions were ordered before). `retrieved_at` stays what it is: provenance.

Nothing stored is trusted unchecked: every sidecar's fields are validated when it is read (a
damaged or stray one refuses that snapshot alone), `scan` finds data files without a sidecar,
sidecars without their file and files whose size (or, asked, checksum) is not the sidecar's.
"""

from __future__ import annotations

import builtins
import copy
import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import tempfile
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import SnapshotError
from ..reading.pdftext import is_pdf
from .urls import public_url

_EXT = re.compile(r"^[a-z0-9]{1,5}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
ORIGINS = ("fetched", "manual", "curated", "reconstructed")
# A refusal of the stored bytes, not of the publication: the build tries it again by itself as
# soon as the bytes are right (stages.build.pending_snapshots looks for this in loads.error;
# "corrupted or truncated" is how such refusals were worded before).
DAMAGED = ": damaged: "
DAMAGED_BEFORE = "file is corrupted or truncated"
_FIX = (
    "not a verdict on the publication: restore the stored file (from a backup, or fetch or "
    "`kr snapshot add` the same file again) and the next build takes it up by itself"
)
# A retrieval time this far ahead of the machine's clock is "in the future".
_CLOCK_SLACK = dt.timedelta(minutes=5)
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
    # The order of arrival in its folder (1, 2, ...), given by SnapshotStore.add; None in
    # sidecars written before arrival numbers (they count as arrived first, by retrieved_at).
    arrival: int | None = None
    path: Path | None = field(default=None, repr=False, compare=False)
    # A snapshot added by mistake is withdrawn, not deleted: <sha256>.withdrawn beside it
    # (the sidecar stays as written) says when and why.
    withdrawn_at: str | None = field(default=None, compare=False)
    withdrawn_reason: str | None = field(default=None, compare=False)

    def sidecar(self) -> dict:
        d = asdict(self)
        for key in ("path", "withdrawn_at", "withdrawn_reason"):
            d.pop(key)
        for key in ("voice", "arrival"):  # only a declared voice, only a given number is written
            if d[key] is None:
                d.pop(key)
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

    def damaged(self, reason: str) -> DamagedSnapshot:
        """The refusal of this snapshot's stored bytes (one line, naming it)."""
        return DamagedSnapshot(f"{self.source_id} {self.year} ({self.file}){DAMAGED}{reason}; {_FIX}")

    def size_problem(self) -> str | None:
        """What is wrong with the stored file's size (a stat, no reading), or None."""
        assert self.path is not None
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return f"the file is missing (its sidecar {self.sha256}.json is there)"
        except OSError as exc:
            return f"the file cannot be read: {exc}"
        if size != self.size:
            return f"{DAMAGED_BEFORE}: {size:,} bytes, its sidecar says {self.size:,}"
        return None

    def read_verified(self) -> bytes:
        """The raw bytes, after checking them against the recorded size and checksum."""
        assert self.path is not None
        problem = self.size_problem()
        if problem is not None:
            raise self.damaged(problem)
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            raise self.damaged(f"the file cannot be read: {exc}") from None
        digest = hashlib.sha256(data).hexdigest()
        if digest != self.sha256 or len(data) != self.size:
            raise self.damaged(
                f"{DAMAGED_BEFORE} (checksum): sha256 {digest[:12]}…/{len(data):,} bytes, its sidecar says "
                f"{self.sha256[:12]}…/{self.size:,} bytes"
            )
        return data


class DamagedSnapshot(SnapshotError):
    """The stored bytes or sidecar of one snapshot are not what was stored (tampering, bit rot,
    a deleted or stray file): that snapshot alone is refused, until they are right again."""


@dataclass
class Unreadable(Snapshot):
    """What the store holds in place of a snapshot it cannot read (a damaged or stray sidecar,
    a data file without its sidecar): the build refuses it by name, reading it raises."""

    problem: str = ""

    def read_verified(self) -> bytes:
        raise DamagedSnapshot(self.problem)


@dataclass
class StoreProblem:
    """One thing wrong in the store. snapshot: the snapshot whose file is wrong (missing, size,
    checksum); None for a sidecar that cannot be read or a file without a sidecar."""

    source_id: str
    year: int
    name: str  # the file concerned
    kind: str  # sidecar | no sidecar | missing | size | checksum
    message: str
    snapshot: Snapshot | None = None
    size: int | None = None  # of the file concerned, where known

    def stand_in(self) -> Unreadable:
        """A snapshot that stands for this problem in a build (refused, naming it)."""
        stem = self.name.split(".", 1)[0]
        return Unreadable(
            source_id=self.source_id,
            year=self.year,
            sha256=stem,
            size=self.size or 0,
            file=self.name,
            url=None,
            title=None,
            publisher=None,
            retrieved_at="",
            content_type=None,
            origin="manual",
            problem=self.message,
        )


def instant(timestamp: str) -> dt.datetime:
    """A validated retrieval time as an instant (sorting ISO strings with different offsets
    would not order them)."""
    return dt.datetime.fromisoformat(timestamp)


def _is_http(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


_OPTIONAL_TEXT = ("url", "title", "publisher", "content_type", "licence", "etag", "last_modified", "note", "original_name")
_FIELDS = {f.name for f in fields(Snapshot)} - {"path", "withdrawn_at", "withdrawn_reason"}
_REQUIRED = ("source_id", "year", "sha256", "size", "file", "retrieved_at", "origin")


def sidecar_errors(meta: object, source_id: str, year: str, stem: str) -> list[str]:
    """What is wrong with a sidecar's fields, read from folder <source_id>/<year> as
    <stem>.json (empty: nothing)."""
    if not isinstance(meta, dict):
        return [f"not a snapshot sidecar (a JSON {type(meta).__name__}, not an object)"]
    wrong = []
    unknown = sorted(set(meta) - _FIELDS)
    if unknown:
        wrong.append(f"unknown fields {', '.join(map(repr, unknown))}")
    missing = [k for k in _REQUIRED if k not in meta]
    if missing:
        return wrong + [f"not a snapshot sidecar (no {', '.join(missing)})"]
    if meta["source_id"] != source_id:
        wrong.append(f"source_id {meta['source_id']!r} is not its folder's {source_id!r}")
    if type(meta["year"]) is not int or str(meta["year"]) != year:
        wrong.append(f"year {meta['year']!r} is not its folder's {year}")
    sha = meta["sha256"]
    if not isinstance(sha, str) or not _SHA256.match(sha) or sha != stem:
        wrong.append(f"sha256 {sha!r} is not its name's {stem!r}")
    if type(meta["size"]) is not int or meta["size"] <= 0:
        wrong.append(f"size {meta['size']!r} is not a number of bytes")
    file, ext = meta["file"], str(meta["file"]).rsplit(".", 1)[-1]
    if not isinstance(file, str) or file != f"{stem}.{ext}" or not _EXT.match(ext) or ext in ("json", "withdrawn"):
        wrong.append(f"file {file!r} is not <sha256>.<ext> in its own folder")
    try:
        if not isinstance(meta["retrieved_at"], str) or instant(meta["retrieved_at"]).tzinfo is None:
            raise ValueError
    except ValueError:
        wrong.append(f"retrieved_at {meta['retrieved_at']!r} is not an ISO 8601 time with a time zone")
    if meta["origin"] not in ORIGINS:
        wrong.append(f"origin {meta['origin']!r} is not one of {', '.join(ORIGINS)}")
    for key in _OPTIONAL_TEXT:
        if meta.get(key) is not None and not isinstance(meta[key], str):
            wrong.append(f"{key} {meta[key]!r} is not text")
    if isinstance(meta.get("url"), str) and not _is_http(meta["url"]):
        wrong.append(f"url {meta['url'][:80]!r} is not an http(s) address")
    if meta.get("voice") not in (None, "own", "reported"):
        wrong.append(f"voice {meta['voice']!r} is not own or reported")
    arrival = meta.get("arrival")
    if arrival is not None and (type(arrival) is not int or arrival < 1):
        wrong.append(f"arrival {arrival!r} is not a positive whole number")
    return wrong


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


def _version_order(snap: Snapshot) -> tuple:
    """Versions in order of arrival: sidecars without an arrival number first (written before
    there were any), by retrieval time then checksum; then by arrival number."""
    return (snap.source_id, snap.year, snap.arrival is not None, snap.arrival or 0, instant(snap.retrieved_at), snap.sha256)


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


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
        if url and not _is_http(url):
            raise SnapshotError(f"{source_id} {year}: {url[:80]!r} is not an http(s) address (--url)")
        if retrieved_at is not None:
            try:
                if instant(retrieved_at).tzinfo is None:
                    raise ValueError
            except ValueError:
                raise SnapshotError(f"{source_id} {year}: retrieved_at {retrieved_at!r} is not an ISO 8601 time with a time zone")
        digest = sha256_of(data)
        folder = self._folder(source_id, year)
        existing = self._load_sidecar(folder / f"{digest}.json")
        if existing is not None:
            return existing, False
        folder.mkdir(parents=True, exist_ok=True)
        with self._locked(folder):  # one arrival number per snapshot, also with two adds at once
            existing = self._load_sidecar(folder / f"{digest}.json")
            if existing is not None:
                return existing, False
            return self._add_locked(
                folder,
                source_id,
                year,
                data,
                digest,
                url=url,
                title=title,
                publisher=publisher,
                content_type=content_type,
                origin=origin,
                licence=licence,
                etag=etag,
                last_modified=last_modified,
                note=note,
                original_name=original_name,
                retrieved_at=retrieved_at,
                voice=voice,
            ), True

    @staticmethod
    @contextmanager
    def _locked(folder: Path):
        fd = os.open(folder, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock

    def _highest_arrival(self, folder: Path) -> int:
        highest = 0
        for sidecar in folder.glob("*.json"):
            try:
                meta = self._sidecar_meta(sidecar)
            except (OSError, ValueError):
                continue  # a damaged sidecar is refused on its own; it takes no number
            arrival = meta.get("arrival") if isinstance(meta, dict) else None
            if type(arrival) is int:
                highest = max(highest, arrival)
        return highest

    def _add_locked(
        self,
        folder: Path,
        source_id: str,
        year: int,
        data: bytes,
        digest: str,
        *,
        url: str | None,
        title: str | None,
        publisher: str | None,
        content_type: str | None,
        origin: str,
        licence: str | None,
        etag: str | None,
        last_modified: str | None,
        note: str | None,
        original_name: str | None,
        retrieved_at: str | None,
        voice: str | None,
    ) -> Snapshot:
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
            arrival=self._highest_arrival(folder) + 1,
            path=target,
        )
        # Write both files to temporaries, then link into place: a crash leaves no half file,
        # and os.link fails rather than overwrite. The sidecar, written last, makes it a snapshot.
        self._write_new(target, data)
        self._write_new(folder / f"{digest}.json", (json.dumps(snap.sidecar(), indent=2) + "\n").encode())
        return snap

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

    def _sidecar_meta(self, sidecar: Path) -> Any:
        """A sidecar's JSON, read once per version of the file (a build lists the store
        several times; a store of hundreds of snapshots is not parsed again each time).
        None: there is no such file."""
        try:
            st = sidecar.stat()
        except FileNotFoundError:
            return None
        key = (str(sidecar), st.st_mtime_ns, st.st_size)
        if key not in self._meta_cache:
            self._meta_cache[key] = json.loads(sidecar.read_text("utf-8"))
        return copy.deepcopy(self._meta_cache[key])

    def _load_sidecar(self, sidecar: Path) -> Snapshot | None:
        """The snapshot a sidecar describes, its fields validated; DamagedSnapshot (one line,
        naming it) when it cannot be read or is not right."""
        source_id, year = sidecar.parent.parent.name, sidecar.parent.name

        def damaged(why: str) -> DamagedSnapshot:
            why = " ".join(why.split())  # one line
            return DamagedSnapshot(
                f"{source_id} {year} ({sidecar.name}){DAMAGED}the sidecar {why}; not a verdict on the "
                "publication: restore the sidecar from a backup (or remove a file that is no sidecar; "
                "`kr snapshot add` of the same file writes a new one) and the next build takes it up by itself"
            )

        try:
            meta = self._sidecar_meta(sidecar)
        except (OSError, ValueError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            raise damaged(f"cannot be read: {exc}") from None
        if meta is None:
            return None
        wrong = sidecar_errors(meta, source_id, year, sidecar.stem)
        if wrong:
            raise damaged("is not right: " + "; ".join(wrong))
        snap = Snapshot(**meta)
        snap.path = sidecar.parent / snap.file
        withdrawal = sidecar.with_suffix(".withdrawn")
        if withdrawal.exists():
            try:
                meta = json.loads(withdrawal.read_text("utf-8"))
                snap.withdrawn_at, snap.withdrawn_reason = meta["withdrawn_at"], meta["reason"]
                if not isinstance(snap.withdrawn_reason, str) or not instant(str(snap.withdrawn_at)).tzinfo:
                    raise ValueError("withdrawn_at and reason are not a time and a text")
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise damaged(f"is right, but its withdrawal record {withdrawal.name} cannot be read: {exc}") from None
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
        """Every snapshot whose sidecar is right, first arrived first within a year (the order
        of versions). What cannot be read is left out here and named by `scan`."""
        return self._read(source_id)[0]

    def scan(
        self, source_id: str | None = None, verify: bool = False
    ) -> tuple[builtins.list[Snapshot], builtins.list[StoreProblem]]:
        """The snapshots (as `list`) and what is wrong in the store: sidecars that cannot be
        read or are not right, data files without a sidecar, files missing or of another size
        than their sidecar says (a stat each), and with verify their checksums (reads them all)."""
        snaps, problems = self._read(source_id)
        for snap in snaps:
            problem = snap.size_problem()
            kind = "missing" if problem and "missing" in problem else "size"
            if problem is None and verify:
                try:
                    snap.read_verified()
                except DamagedSnapshot as exc:
                    problems.append(StoreProblem(snap.source_id, snap.year, snap.file, "checksum", str(exc), snap))
            elif problem is not None:
                problems.append(StoreProblem(snap.source_id, snap.year, snap.file, kind, str(snap.damaged(problem)), snap))
        return snaps, problems

    def _read(self, source_id: str | None) -> tuple[builtins.list[Snapshot], builtins.list[StoreProblem]]:
        """The readable snapshots, in order of versions, and the sidecars that are not readable
        or not right and the files without a sidecar (no file is read but sidecars)."""
        snaps: builtins.list[Snapshot] = []
        problems: builtins.list[StoreProblem] = []
        folders = sorted(self.root.glob(f"{source_id or '*'}/*")) if self.root.is_dir() else []
        for folder in folders:
            if not (folder.is_dir() and folder.name.isdigit() and re.match(r"^[a-z0-9_]+$", folder.parent.name)):
                continue
            sid, year = folder.parent.name, int(folder.name)
            names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
            claimed: set[str] = set()
            for name in names:
                if not name.endswith(".json"):
                    continue
                claimed.add(name.rsplit(".", 1)[0])
                try:
                    snap = self._load_sidecar(folder / name)
                except DamagedSnapshot as exc:
                    problems.append(StoreProblem(sid, year, name, "sidecar", str(exc), size=_size(folder / name)))
                    continue
                if snap is not None:
                    snaps.append(snap)
            for name in names:  # data files (and withdrawal records) without a sidecar
                stem = name.split(".", 1)[0]
                if name.endswith(".json") or stem in claimed:
                    continue
                problems.append(
                    StoreProblem(
                        sid,
                        year,
                        name,
                        "no sidecar",
                        f"{sid} {year} ({name}){DAMAGED}a file without a sidecar ({stem}.json is missing), so not a "
                        "snapshot; not a verdict on the publication: restore the sidecar from a backup, or "
                        "`kr snapshot add` the same file again, and the next build takes it up by itself",
                        size=_size(folder / name),
                    )
                )
        snaps.sort(key=_version_order)
        return snaps, problems

    def clock_notes(self, snap: Snapshot) -> builtins.list[str]:
        """What to tell about a snapshot's retrieval time: in the future (the machine's clock?),
        or before that of a version of the same publication that arrived before it. Versions
        are ordered by arrival all the same; the notes say so."""
        notes = []
        when = instant(snap.retrieved_at)
        if when > dt.datetime.now(dt.timezone.utc) + _CLOCK_SLACK:
            notes.append(
                f"{snap.label} {snap.sha256[:12]}: its retrieval time {snap.retrieved_at} is in the future "
                "(is the machine's clock right?); versions are ordered by their arrival in the store, so a "
                "version stored after it is newer all the same"
            )
        earlier = [
            s
            for s in self.list(snap.source_id)
            if s.year == snap.year
            and s.curated == snap.curated
            and s.sha256 != snap.sha256
            and not s.withdrawn
            and _version_order(s) < _version_order(snap)
        ]
        newest = max(earlier, key=lambda s: instant(s.retrieved_at), default=None)
        if newest is not None and instant(newest.retrieved_at) > when:
            notes.append(
                f"{snap.label} {snap.sha256[:12]}: its retrieval time {snap.retrieved_at} is before that of "
                f"{newest.sha256[:12]} ({newest.retrieved_at}), stored before it (was the clock behind?); it is "
                "the newest version all the same: versions are ordered by their arrival in the store"
            )
        return notes

    def latest(self, source_id: str, year: int) -> Snapshot | None:
        """The newest arrival of (source, year) that is not withdrawn."""
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
