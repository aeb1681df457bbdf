"""The source registry: per source (a channel of an organisation), where each year's
publication lives. URLs change every year, so they live in data, not in code: each
organisation's publisher.yaml (kr_pipeline.publishers) names its channels; KR_SOURCES may name a
registry file of channels instead (a mirror's addresses, a test's local server), one
mapping per source with the channel's keys plus publisher, licence, own_hosts and
organisation (dump_registry writes one)."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import publishers
from .errors import KrError
from .limits import check_year

FORMATS = {"pdf", "html", "text", "yaml"}
_KEYS = {
    "publisher",
    "title",
    "parser",
    "format",
    "licence",
    "first_year",
    "url_template",
    "urls",
    "publication_months",
    "notes",
    "own_hosts",
    "organisation",
    "url_templates",
    "landing",
    "archived",
}
_REQUIRED = {"publisher", "title", "parser", "format"}
# What an organisation's publisher.yaml says once for all its channels.
_ORGANISATION_KEYS = {"publisher", "licence", "own_hosts", "organisation"}
_PUBLISHER_KEYS = {"name", "licence", "own_hosts", "channels"}


class RegistryError(KrError):
    pass


def known_source(sources: dict[str, Source], source_id: str) -> Source:
    """The registry's source `source_id`, or one line naming those it has."""
    if source_id not in sources:
        raise RegistryError(f"unknown source {source_id!r}; the registry has {sorted(sources)}")
    return sources[source_id]


@dataclass
class Source:
    source_id: str
    publisher: str
    title: str
    parser: str
    format: str  # one of FORMATS: pdf | html | text | yaml
    licence: str | None = None
    first_year: int | None = None
    url_template: str | None = None
    urls: dict[int, str] = field(default_factory=dict)
    publication_months: list[int] = field(default_factory=list)
    notes: str | None = None
    # The publisher's own web hosts (subdomains included): a document published there speaks
    # in the publisher's own voice; anywhere else it is reported (reading.prose.voice_of).
    own_hosts: tuple[str, ...] = ()
    # The organisation this source is a channel of (default: the source's own id): the
    # catalog's source_id names organisations, and precedence compares them (views.sql own_rank).
    organisation: str = ""
    # The address history as data: more templates ({year}) tried in order after url_template
    # (a publisher's moved addresses), and a landing page whose links are followed to the
    # edition (url, with {year} allowed, and words its link must carry besides the year).
    url_templates: tuple[str, ...] = ()
    landing: dict | None = None
    # Years kept as loaded and never asked again (a publisher's archive that went offline): the
    # change report lists them as not asked; `kr backfill --years` still asks when told to.
    archived: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        self.organisation = self.organisation or self.source_id

    def addresses_for(self, year: int) -> list[str]:
        """Where the edition of a year may be, in the order to try: its own URL, then the templates."""
        if year in self.urls:
            return [self.urls[year]]
        if self.first_year is not None and year < self.first_year:
            return []
        return list(dict.fromkeys(t.format(year=year) for t in (self.url_template, *self.url_templates) if t))

    def landing_for(self, year: int) -> tuple[str, tuple[str, ...]] | None:
        """The landing page of a year's edition and the words its link carries, if the registry names one."""
        if not self.landing or (self.first_year is not None and year < self.first_year):
            return None
        return str(self.landing["url"]).format(year=year), tuple(self.landing.get("words") or ())

    @property
    def discoverable(self) -> bool:
        """Can a new edition be found without anyone typing its URL?"""
        return bool(self.url_template or self.url_templates or self.landing)

    @property
    def check_cron(self) -> str | None:
        """When the weekly check of this channel runs (flows/prefect.yaml's check-<source>,
        held equal by a test): Mondays 08:00 in its publication months; None without months."""
        if not self.publication_months:
            return None
        months = sorted(set(self.publication_months))
        spans: list[str] = []
        for m in months:
            if spans and int(spans[-1].split("-")[-1]) == m - 1:
                spans[-1] = f"{spans[-1].split('-')[0]}-{m}"
            else:
                spans.append(str(m))
        return f"0 8 * {','.join(spans)} 1"

    def title_for(self, year: int) -> str:
        return self.title.format(year=year)

    def url_for(self, year: int) -> str | None:
        """The first address to try for a year (addresses_for has them all)."""
        addresses = self.addresses_for(year)
        return addresses[0] if addresses else None

    def candidate_years(self, today: dt.date | None = None) -> list[int]:
        """Years that may have a publication by now: listed ones, and templated ones up to this year."""
        today = today or dt.date.today()
        years = set(self.urls)
        if self.discoverable and self.first_year:
            years.update(range(self.first_year, today.year + 1))
        return sorted(y for y in years if y <= today.year and y not in self.archived)


_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when built


class _LineLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """A YAML loader that remembers the line of every mapping, for error messages."""


def _construct_mapping(loader, node, deep=False):
    seen: dict = {}
    for key_node, _ in node.value:  # a second `figures:` would silently drop the first
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key is not None and key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (line {key_node.start_mark.line + 1}; first on line {seen[key]}): "
                "the second would silently replace the first",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    mapping = yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def check_keys(where: str, spec: dict, allowed: set, required: set, error=None) -> None:
    """Unknown or missing keys of a YAML entry are an error naming file and line (`where`)."""
    error = error or RegistryError
    unknown = set(spec) - allowed
    if unknown:
        raise error(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
    missing = required - set(spec)
    if missing:
        raise error(f"{where}: missing key(s) {sorted(missing)}")


def load_yaml(text: str):
    """YAML as analysts write it (the registry, curated files), under limits: at most
    MAX_YAML_BYTES, and no anchors or aliases (`&a`/`*a` would let a few kilobytes expand into
    gigabytes: "billion laughs"), and at most MAX_YAML_DEPTH levels of nesting (PyYAML builds
    nested values by recursion: 5,000 `[` would be a RecursionError). Mappings carry their line
    under "__line__"; a repeated key is refused. Raises yaml.YAMLError naming what is refused.
    The same text read again is not parsed again (a build reads the registry and every
    publisher's folder many times): each caller gets its own copy."""
    return copy.deepcopy(_load_yaml(text))


@functools.lru_cache(maxsize=256)
def _load_yaml(text: str):
    from .limits import MAX_YAML_BYTES

    if len(text) > MAX_YAML_BYTES:
        raise yaml.YAMLError(f"the file has {len(text):,} characters, over the limit of {MAX_YAML_BYTES:,}")
    depth = 0
    for event in yaml.parse(text, Loader=_BaseLoader):  # events, read without recursion
        line = event.start_mark.line + 1 if event.start_mark else "?"
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.YAMLError(f"line {line}: YAML anchors and aliases (&name, *name) are not allowed; write the value out")
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise yaml.YAMLError(f"line {line}: nested over {MAX_YAML_DEPTH} levels deep (the limit; a curated file needs 4)")
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return yaml.load(text, Loader=_LineLoader)


MAX_YAML_DEPTH = 50  # nesting of lists and mappings in a YAML file (the registry and curated files need 4)


def line_numbered_yaml(path: Path) -> dict:
    """A YAML mapping whose nested mappings carry their line number under "__line__"."""
    path = Path(path)
    try:
        raw = load_yaml(path.read_text("utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RegistryError(f"{path}: cannot read: {exc}") from None
    if not isinstance(raw, dict):
        raise RegistryError(f"{path}: must be a mapping")
    raw.pop("__line__", None)
    return raw


def load_registry(path: Path | None = None) -> dict[str, Source]:
    """The registry file at `path`, or (None) the channels of every publisher's folder."""
    if path is None:
        return shipped_registry()
    path = Path(path)
    return _sources(path, line_numbered_yaml(path))


def shipped_registry() -> dict[str, Source]:
    """Every channel of every organisation's publisher.yaml, as registry sources: the
    organisation's name, licence and own hosts once for all its channels."""
    sources: dict[str, Source] = {}
    for organisation, folder in publishers.folders().items():
        path = folder / publishers.PUBLISHER_FILE
        if not path.is_file():
            continue
        raw = line_numbered_yaml(path)
        check_keys(f"{path}", raw, _PUBLISHER_KEYS, {"name", "channels"}, RegistryError)
        channels = raw["channels"] or {}
        if not isinstance(channels, dict):
            raise RegistryError(f"{path}: channels must be a mapping of channel id to its entry")
        channels.pop("__line__", None)
        shared = {"publisher": raw["name"], "organisation": organisation}
        shared |= {k: raw[k] for k in ("licence", "own_hosts") if raw.get(k) is not None}
        entries = {}
        for channel, spec in channels.items():
            if not isinstance(spec, dict):
                raise RegistryError(f"{path}: channel {channel!r} must be a mapping")
            said_twice = _ORGANISATION_KEYS & set(spec)
            if said_twice:
                raise RegistryError(
                    f"{path}:{spec.get('__line__', '?')}: channel {channel!r}: {sorted(said_twice)} "
                    "are said once for the organisation (name, licence, own_hosts), not per channel"
                )
            if channel in sources:
                raise RegistryError(f"{path}: channel {channel!r} is also a channel of {sources[channel].organisation}")
            entries[channel] = {**spec, **shared}
        sources |= _sources(path, entries)
    return sources


def dump_registry(sources: dict[str, Source]) -> str:
    """The sources as a registry file (KR_SOURCES): what load_registry(path) reads back."""
    out = {}
    for s in sources.values():
        entry = {
            "publisher": s.publisher,
            "organisation": s.organisation,
            "title": s.title,
            "parser": s.parser,
            "format": s.format,
            "licence": s.licence,
            "first_year": s.first_year,
            "url_template": s.url_template,
            "url_templates": list(s.url_templates) or None,
            "landing": s.landing,
            "urls": dict(s.urls) or None,
            "publication_months": s.publication_months or None,
            "notes": s.notes,
            "own_hosts": list(s.own_hosts) or None,
            "archived": list(s.archived) or None,
        }
        out[s.source_id] = {k: v for k, v in entry.items() if v is not None}
    return yaml.safe_dump(out, sort_keys=False, allow_unicode=True, width=1000)


def _sources(path: Path, raw: dict) -> dict[str, Source]:
    sources = {}
    for source_id, spec in raw.items():
        if not isinstance(spec, dict):
            raise RegistryError(f"{path}: source {source_id!r} must be a mapping")
        line = spec.pop("__line__", "?")
        where = f"{path}:{line}: source {source_id!r}"
        check_keys(where, spec, _KEYS, _REQUIRED, RegistryError)
        if spec["format"] not in FORMATS:
            raise RegistryError(f"{where}: format {spec['format']!r} is not one of {sorted(FORMATS)}")
        if not isinstance(spec["parser"], str) or publishers.qualified(
            spec["parser"], spec.get("organisation") or source_id
        ) not in (names := publishers.parser_names()):
            raise RegistryError(
                f"{where}: parser {spec['parser']!r} is not one of {sorted(names)} "
                "(a parser is a module of a publisher's folder in src/kr_pipeline/publishers/, or a shared reader)"
            )
        spec["parser"] = publishers.qualified(spec["parser"], spec.get("organisation") or source_id)
        urls = spec.get("urls") or {}
        urls.pop("__line__", None)
        try:
            spec["urls"] = {check_year(y, f"{where}: urls"): str(u) for y, u in urls.items()}
            if spec.get("first_year") is not None:
                spec["first_year"] = check_year(spec["first_year"], f"{where}: first_year")
        except KrError as exc:
            raise RegistryError(str(exc)) from None
        for key in ("publisher", "title", "url_template", "licence"):
            if key in spec and spec[key] is not None and not isinstance(spec[key], str):
                raise RegistryError(f"{where}: {key} must be text, got {type(spec[key]).__name__}")
        templates = spec.get("url_templates") or []
        if not isinstance(templates, list) or not all(isinstance(t, str) for t in templates):
            raise RegistryError(f"{where}: url_templates must be a list of URL templates, got {templates!r}")
        spec["url_templates"] = tuple(templates)
        landing = spec.get("landing")
        if landing is not None:
            landing.pop("__line__", None)
            if not isinstance(landing, dict) or not isinstance(landing.get("url"), str) or set(landing) - {"url", "words"}:
                raise RegistryError(f"{where}: landing must be a mapping with url (and words), got {landing!r}")
            if not isinstance(landing.get("words", []), list) or not all(isinstance(w, str) for w in landing.get("words", [])):
                raise RegistryError(f"{where}: landing words must be a list of words")
        for url in [
            *spec["urls"].values(),
            *templates,
            *([spec["url_template"]] if spec.get("url_template") else []),
            *([landing["url"]] if landing else []),
        ]:
            if not url.startswith(("http://", "https://")):
                raise RegistryError(f"{where}: only http(s) URLs are allowed, got {url!r}")
        archived = spec.get("archived") or []
        if not isinstance(archived, list):
            raise RegistryError(f"{where}: archived must be a list of years, got {archived!r}")
        try:
            spec["archived"] = tuple(sorted({check_year(y, f"{where}: archived") for y in archived}))
        except KrError as exc:
            raise RegistryError(str(exc)) from None
        hosts = spec.get("own_hosts") or []
        if not isinstance(hosts, list) or not all(
            isinstance(h, str) and re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}(?:/[A-Za-z0-9._~%/-]+)?", h) for h in hosts
        ):
            raise RegistryError(
                f"{where}: own_hosts must be a list of host names such as offlimits.nl (or a host and the path of"
                f" the publisher's own account on it, such as linkedin.com/company/offlimits), got {hosts!r}"
            )
        spec["own_hosts"] = tuple(hosts)
        if "organisation" in spec and not (
            isinstance(spec["organisation"], str) and re.fullmatch(r"[a-z][a-z0-9_]*", spec["organisation"])
        ):
            raise RegistryError(f"{where}: organisation must be an id such as comensha, got {spec['organisation']!r}")
        sources[source_id] = Source(source_id=source_id, **spec)
    return sources
