"""One folder per organisation that publishes figures (README "Adding a publisher"):

    publishers/<organisation>/
        publisher.yaml     its name and licence (once), its own web hosts, and its channels:
                           each channel a source of the registry (how editions are found,
                           publication months, parser, format)
        indicators.yaml    its indicators (the catalog: the organisation is the folder)
        <module>.py        its parser(s): a channel's `parser: web` is web.py here
        curated/<channel>.yaml
                           the analysts' curated figures of a channel (parser `curated`)
        golden/            reviewed outputs of its parsers (cases.yaml: which file, channel, year)

The registry (kr_pipeline.registry.shipped_registry), the catalog (kr_pipeline.catalog),
the curated files, the Prefect check schedules (flows/prefect.yaml, held equal by a test),
the golden tests and the parsers' code fingerprints are derived from these folders. The
folders are found on this package's __path__ (a test adds one of its own there).

Two readers are shared by every organisation and live outside the folders: `curated`
(kr_pipeline.reading.curated) and `reference` (documents kept only to check quotes against)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

CURATED = "curated"
REFERENCE = "reference"
SHARED_READERS = (CURATED, REFERENCE)
PUBLISHER_FILE = "publisher.yaml"
INDICATORS_FILE = "indicators.yaml"
CURATED_FOLDER = "curated"


def folders() -> dict[str, Path]:
    """Every organisation's folder by its id (the folder's name): the first on __path__ wins.
    (A package without publisher.yaml only lends its parsers: a test's probe.)"""
    found: dict[str, Path] = {}
    for root in __path__:
        for folder in sorted(Path(root).iterdir()) if Path(root).is_dir() else []:
            if (folder / PUBLISHER_FILE).is_file() or (folder / "__init__.py").is_file():
                found.setdefault(folder.name, folder)
    return found


def folder_of(organisation: str) -> Path:
    try:
        return folders()[organisation]
    except KeyError:
        raise KeyError(f"no publisher folder {organisation!r} in {list(__path__)}") from None


@dataclass(frozen=True)
class ParserName:
    """A parser as the registry names it: "<organisation>.<module>" (a module of that
    organisation's folder) or one of the shared readers."""

    name: str

    @property
    def shared(self) -> bool:
        return self.name in SHARED_READERS

    @property
    def organisation(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def module(self) -> str:
        return self.name.split(".", 1)[1] if "." in self.name else "parser"


def qualified(parser: str, organisation: str) -> str:
    """A channel's `parser:` as written in its folder's publisher.yaml ("web", or "curated")
    as the registry names it ("comensha.web", "curated"). A name with a dot is kept; an
    organisation's id alone means its module parser.py ("ncmec" is "ncmec.parser")."""
    if parser in SHARED_READERS or "." in parser:
        return parser
    if parser in folders() and (folders()[parser] / "parser.py").is_file():
        return f"{parser}.parser"
    return f"{organisation}.{parser}"


def parser_names() -> set[str]:
    """Every parser: each folder's modules (tests/ aside) and the shared readers."""
    names = set(SHARED_READERS)
    for organisation, folder in folders().items():
        names |= {f"{organisation}.{p.stem}" for p in folder.glob("*.py") if p.stem != "__init__"}
    return names


def parser_module(parser: str) -> ModuleType:
    """The module that reads a parser's publications: parse(data, year, file, context)."""
    if parser == CURATED:
        return importlib.import_module("kr_pipeline.reading.curated")
    return importlib.import_module(module_name(parser))


def module_name(parser: str) -> str:
    """The importable name of a parser's module (to import it ahead, in the parse child)."""
    if parser == CURATED:
        return "kr_pipeline.reading.curated"
    name = ParserName(qualified(parser, ""))
    return f"{__name__}.{name.organisation}.{name.module}"


def code_files(parser: str) -> list[Path]:
    """What a parser's results depend on in its own folder: its Python modules (tests aside)."""
    if parser in SHARED_READERS:
        return []
    folder = folder_of(ParserName(qualified(parser, "")).organisation)
    return sorted(p for p in folder.glob("*.py"))


def indicator_files() -> list[Path]:
    """Every organisation's indicators.yaml."""
    return [f / INDICATORS_FILE for f in folders().values() if (f / INDICATORS_FILE).is_file()]


def curated_folders() -> list[Path]:
    """Where each organisation's curated files are (existing or not)."""
    return [f / CURATED_FOLDER for f in folders().values()]
