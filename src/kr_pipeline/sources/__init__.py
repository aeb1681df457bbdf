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
    """Every parser package here, plus `reference`."""
    return {m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.ispkg} | {REFERENCE}


def package_dir(parser: str) -> Path:
    return Path(__file__).parent / parser
