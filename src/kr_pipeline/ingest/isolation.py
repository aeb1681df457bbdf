"""Parsing in a child process under limits: whatever a publication does to its parser (a PDF
whose pages share one huge content stream, a page nested ten thousand deep), the build goes
on. The child has an address-space limit (KR_PARSE_MEMORY_MB, default 3072) and each parse a
time limit (KR_PARSE_SECONDS, default 120): over it, the child is killed and a new one started
for the next publication.

One child serves a whole build (its imports are paid once). A build with work starts it early
(`prestart`) with the modules its parses will import, so that the child's start and imports
overlap the build's own start (migrations, Great Expectations' import); the child says when it
is ready, and a parse's time limit counts from then, never the child's start. It is started with "spawn" (this
process may run threads), so a script that parses must guard its top level with
`if __name__ == "__main__":`, as multiprocessing requires; `kr`, pytest and Prefect do. It sees the same parser packages
as this process (kr_pipeline.publishers' search path is handed over). Results come back as
values, not exceptions: ("ok", value) or ("error", Failure: class name, message, is a
ParseError, and a ParseError's reason and review candidates).
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Callable


class LimitExceeded(Exception):
    """A parse ran over a limit (time or memory), or its process died."""


@dataclass
class Failure:
    """What an exception raised in the child was (exceptions are not sent across)."""

    kind: str  # the exception's class name
    message: str
    parse_error: bool  # a ParseError or an InputLimit: the publication was refused as read
    reason: str | None = None  # a ParseError's reason (its message without "source year (file): ")
    candidates: list[dict] | None = None  # a ParseError's review candidates (they outlive the refusal)
    voice: str | None = None  # a ParseError's voice (prose parsers)


def _serve(conn: Connection, memory_mb: int, source_paths: list[str], warm: tuple[str, ...] = ()) -> None:
    import importlib
    import resource

    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from .. import publishers

    publishers.__path__[:] = source_paths
    from ..errors import ParseError
    from ..limits import InputLimit

    for module in warm:  # what the parses will import; one that fails says so in its own parse
        try:
            importlib.import_module(module)
        except Exception:  # noqa: S112
            continue
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        fn, args = job
        try:
            reply: tuple = ("ok", fn(*args))
        except MemoryError:
            reply = ("memory",)
        except Exception as exc:  # sent back as a value: the parent decides what it means
            refused = isinstance(exc, (ParseError, InputLimit))  # refused as read, not a crash
            reason = exc.reason if isinstance(exc, ParseError) else str(exc) if refused else None
            candidates = exc.candidates if isinstance(exc, ParseError) else None
            voice = exc.voice if isinstance(exc, ParseError) else None
            reply = ("error", Failure(type(exc).__name__, str(exc)[:2000], refused, reason, candidates, voice))
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("memory",))


class _Child:
    def __init__(self, memory_mb: int, warm: tuple[str, ...] = ()):
        from .. import publishers

        ctx = multiprocessing.get_context("spawn")  # not fork: this process may run threads (Prefect)
        self.memory_mb, self.source_paths, self.warm = memory_mb, list(publishers.__path__), warm
        self.conn, theirs = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(theirs, memory_mb, self.source_paths, warm), daemon=True)
        self.process.start()
        theirs.close()
        self.ready = False

    def wait_ready(self, seconds: float) -> bool:
        """Whether the child started (and imported what it was given) within `seconds`."""
        if not self.ready:
            try:
                self.ready = self.conn.poll(seconds) and self.conn.recv() == ("ready",)
            except (EOFError, OSError):
                self.ready = False
        return self.ready

    def call(self, fn: Callable, args: tuple, seconds: float):
        self.conn.send((fn, args))
        if not self.conn.poll(seconds):
            self.kill()
            raise LimitExceeded(f"parsing took over {seconds:g} s (the time limit, KR_PARSE_SECONDS) and was stopped")
        try:
            reply = self.conn.recv()
        except (EOFError, OSError):
            self.process.join(5)
            code = self.process.exitcode
            self.kill()
            raise LimitExceeded(
                f"the parser's process died (exit code {code}); over the memory limit of {self.memory_mb} MB "
                "(KR_PARSE_MEMORY_MB)?"
            ) from None
        if reply[0] == "memory":
            self.kill()  # its heap may be in any state: a fresh child for the next parse
            raise LimitExceeded(f"parsing needed more than the memory limit of {self.memory_mb} MB (KR_PARSE_MEMORY_MB)")
        return reply

    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


_lock = threading.Lock()
_child: _Child | None = None
# How long a child may take to start and import what it was given (1-2 s idle, ~10 s on a
# busy machine); past it (an import that hangs) it is replaced by one that imports nothing ahead.
WARM_UP_SECONDS = 60.0


def _fitting(memory_mb: int) -> bool:
    """Whether the running child (if any) serves these limits and parser packages."""
    from .. import publishers

    return (
        _child is not None
        and _child.alive()
        and (_child.memory_mb, _child.source_paths) == (memory_mb, list(publishers.__path__))
    )


def prestart(modules: list[str], memory_mb: int) -> None:
    """Start the child now, importing `modules` (the parsers a build will run and what they
    import when first needed), without waiting for it: the first `run` waits until it is
    ready. A no-op when a fitting child runs."""
    global _child
    with _lock:
        if not _fitting(memory_mb):
            if _child is not None:
                _child.kill()
            _child = _Child(memory_mb, tuple(modules))


def run(fn: Callable, *args: Any, seconds: float, memory_mb: int):
    """fn(*args) in the child, within `seconds`; returns ("ok", value) or ("error", Failure).
    Raises LimitExceeded when a limit was hit. fn must be importable by name (module level).
    The time limit starts when the child is ready: a child that is not ready within
    WARM_UP_SECONDS (its warm-up imports stuck) is replaced by one that imports nothing ahead."""
    global _child

    with _lock:
        if not _fitting(memory_mb):
            if _child is not None:
                _child.kill()
            _child = _Child(memory_mb)
        assert _child is not None
        if not _child.wait_ready(WARM_UP_SECONDS):
            _child.kill()
            _child = _Child(memory_mb)
            if not _child.wait_ready(WARM_UP_SECONDS):
                _child.kill()
                _child = None
                raise LimitExceeded(f"the parser's process did not start within {WARM_UP_SECONDS:g} s")
        try:
            return _child.call(fn, args, seconds)
        except LimitExceeded:
            _child = None
            raise


@atexit.register
def _stop() -> None:
    global _child
    if _child is not None:
        try:
            _child.conn.send(None)
        except OSError:
            pass
        _child.kill()
        _child = None
