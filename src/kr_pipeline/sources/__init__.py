"""One package per parser named in warehouse/sources.yaml (`parser: ncmec` is
kr_pipeline.sources.ncmec): its parse(data, year, file) in parser.py and whatever else that
publisher's publications need. The registry's valid parser names are the packages found here
(plus `reference`, documents kept only to check quotes against). `curated` reads the analysts'
curated files of every publisher."""

from __future__ import annotations

import pkgutil
from pathlib import Path

REFERENCE = "reference"


def parser_names() -> set[str]:
    """Every parser package here (on this package's __path__), plus `reference`."""
    return {m.name for m in pkgutil.iter_modules(__path__) if m.ispkg} | {REFERENCE}


def package_dir(parser: str) -> Path:
    """The folder of a parser package (the first on this package's __path__ that has it)."""
    for root in __path__:
        if (Path(root) / parser).is_dir():
            return Path(root) / parser
    raise KeyError(f"no parser package {parser!r} in {list(__path__)}")
