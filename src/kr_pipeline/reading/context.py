"""What a parser is handed besides the bytes: which publication it reads (source, year, file),
fail() to refuse it with a message naming all three, text() to decode it, and the snapshot
store for parsers that check against other stored documents (never the network)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..errors import ParseError

if TYPE_CHECKING:
    from ..ingest.snapshots import SnapshotStore


@dataclass(frozen=True)
class ParseContext:
    store: SnapshotStore | None = None
    source_id: str = "?"
    year: int = 0
    file: str = "?"
    # The stored copy's provenance, for parsers that weigh whose voice a document speaks in
    # (reading.prose.voice_of): where it was published, the voice an operator declared at
    # `kr snapshot add --voice`, and the publisher's own hosts (the registry's own_hosts).
    url: str | None = None
    voice: str | None = None
    own_hosts: tuple[str, ...] = ()

    def bind(self, source_id: str, year: int, file: str) -> ParseContext:
        """This context for one publication."""
        return replace(self, source_id=source_id, year=year, file=file)

    def fail(
        self, reason: str, line: int | str | None = None, candidates: list[dict] | None = None, voice: str | None = None
    ) -> ParseError:
        """The refusal to raise: `raise ctx.fail("no table")`; line: where in a text file;
        candidates: the review candidates found so far (dicts, as ParsedPublication.candidates),
        which wait in `kr review` although the publication is refused."""
        where = f"{self.file}:{line}: " if line is not None else ""
        return ParseError(self.source_id, self.year, self.file, where + reason, candidates, voice)

    def text(self, data: bytes, encodings: tuple[str, ...] = ("utf-8-sig",), errors: str = "strict") -> str:
        """The bytes as text, in the first encoding that reads them; refused otherwise."""
        for encoding in encodings:
            try:
                return data.decode(encoding, errors=errors)
            except UnicodeDecodeError:
                continue
        raise self.fail(f"the file is not text in {' or '.join(encodings)}")


def context_for(source_id: str | None, year: int, file: str, context: ParseContext | None) -> ParseContext:
    """The context of one publication: the build hands each parser one bound to the
    publication's channel (kr_pipeline.stages.build.about), which is kept; outside a build
    (tests, one-off reads) an empty one named `source_id` (or "?")."""
    if context is not None and context.source_id != "?":
        return context
    return (context or ParseContext()).bind(source_id or "?", year, file)
