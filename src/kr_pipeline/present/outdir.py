"""The one guard of every folder a command replaces whole (`kr export`, `kr publish`, `kr site`).

A command writes its folder beside the target (`.tmp-<name>-*`) and swaps it into place, so a
reader never sees half. Before it replaces anything it checks that the folder is its own:

- a folder that is, holds or lies inside the warehouse file, the snapshot store, the curated
  folder, the source registry or the home folder is never replaced (symbolic links resolved);
- an empty or missing folder may be written;
- a folder is replaced only when this command wrote it: it carries the marker file
  `.kr-output`, naming the command, that every run leaves;
- anything else is refused, naming the folder and why (KrError: one line, exit 2).

A run that was killed leaves its `.tmp-*` (or `.old-*`) folder beside the target: the next run
of the command removes those that carry its marker and that nobody is writing (the marker of a
folder being written is locked, as the snapshot store does with its temporaries).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import KrError

MARKER = ".kr-output"


def _marker_text(command: str) -> str:
    return json.dumps({"written_by": f"kr {command}", "note": f"kr {command} replaces this folder whole"}) + "\n"


def written_by(folder: Path) -> str | None:
    """The command whose marker the folder carries (`kr export` ...), or None."""
    marker = Path(folder) / MARKER
    try:
        if not stat.S_ISREG(marker.lstat().st_mode):
            return None
        found = json.loads(marker.read_text("utf-8")).get("written_by")
    except (OSError, ValueError, AttributeError):
        return None
    return found if isinstance(found, str) else None


def protected_paths(*extra: Path | None) -> list[Path]:
    """What no output folder may be, hold or lie inside: the warehouse file, snapshot store,
    curated folder and registry of the environment's settings, and the paths given. (Nor may it
    be or hold the home folder.)"""
    from ..config import PUBLISHERS_DIR, Settings

    s = Settings.from_env()
    paths = [s.warehouse, s.snapshots, s.curated, s.sources, PUBLISHERS_DIR, *(p for p in extra if p is not None)]
    return [Path(p) for p in paths if p is not None]


def _home() -> Path | None:
    try:
        return Path.home()
    except (RuntimeError, KeyError):
        return None


def _why_never(out: Path, protect: Iterable[Path]) -> str | None:
    real = out.resolve()
    home = _home()
    for p in protect:
        target = Path(p).resolve()
        if real == target:
            return f"it is {p}"
        if target.is_relative_to(real):
            return f"it holds {p}"
        if real.is_relative_to(target):
            return f"it lies inside {p}"
    if home is not None and home.resolve().is_relative_to(real):
        return f"it is or holds the home folder {home}"
    return None


def check_replaceable(out: Path, command: str, protect: Iterable[Path]) -> None:
    """Refuse (KrError) unless `kr <command>` may replace the folder `out` whole."""
    out = Path(out)
    why = _why_never(out, protect)
    if why is None and out.is_symlink():
        why = "it is a symbolic link (name the folder itself)"
    elif why is None and out.exists():
        if not out.is_dir():
            raise KrError(f"{out} exists and is not a folder")
        if any(out.iterdir()):
            by = written_by(out)
            if by is None:
                why = f"it is not empty and kr {command} did not write it (it has no {MARKER} file): empty it or choose a new folder"
            elif by != f"kr {command}":
                why = f"{by} wrote it, not kr {command}"
    if why is not None:
        raise KrError(f"refusing to replace {out}: {why}")


def _unlocked(marker: Path) -> bool:
    """Is nobody writing the folder of this marker (its lock is free)?"""
    try:
        with open(marker, "rb") as f:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
    except (BlockingIOError, OSError):
        return False


def sweep_leftovers(out: Path, command: str) -> list[Path]:
    """Remove the `.tmp-<name>-*` and `.old-<name>-*` folders beside `out` that killed runs of
    `kr <command>` left: only those carrying its marker that nobody is writing. Returns them."""
    out = Path(out)
    removed: list[Path] = []
    if not out.parent.is_dir():
        return removed
    for prefix in (".tmp-", ".old-"):
        for left in out.parent.glob(f"{prefix}{out.name}-*"):
            if left.is_symlink() or not left.is_dir() or written_by(left) != f"kr {command}":
                continue
            if _unlocked(left / MARKER):
                shutil.rmtree(left, ignore_errors=True)
                removed.append(left)
    return removed


@contextlib.contextmanager
def output_dir(out: Path, command: str, protect: Iterable[Path] = ()) -> Iterator[Path]:
    """A temporary folder beside `out`, marked as `kr <command>`'s, moved into place (replacing
    `out`) when the block ends without error, removed otherwise. Refused (KrError) before
    anything is written when `out` is not the command's to replace (check_replaceable)."""
    out = Path(out)
    protect = protected_paths(*protect)
    check_replaceable(out, command, protect)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        sweep_leftovers(out, command)
        tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{out.name}-", dir=out.parent))
    except OSError as exc:
        raise KrError(f"cannot write to {out}: {exc.strerror or exc}") from None
    lock = open(tmp / MARKER, "w", encoding="utf-8")  # locked while written: no sweep removes it
    try:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        lock.write(_marker_text(command))
        lock.flush()
        yield tmp
        check_replaceable(out, command, protect)  # again: the folder may have changed meanwhile
        old = out.parent / f".old-{out.name}-{os.getpid()}"
        if out.exists():
            if any(out.iterdir()):
                out.rename(old)
            else:
                out.rmdir()
        tmp.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        lock.close()
