"""The indicator catalog: metadata per indicator, and which years and breakdowns each
indicator should have, so missing figures can be listed. Each organisation's indicators are
in its folder (src/kr_pipeline/publishers/<organisation>/indicators.yaml): the folder names
the organisation (source_id) and its publisher.yaml the publisher, once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import publishers
from .errors import KrError
from .registry import check_keys, line_numbered_yaml

CATALOG_FILES = "src/kr_pipeline/publishers/<organisation>/indicators.yaml"  # as messages name them
_KEYS = {
    "title_nl",
    "title_en",
    "unit",
    "definition",
    "definition_nl",
    "publisher",
    "source_id",
    "crc",
    "breakdowns",
    "update_month",
    "expected",
    "breakdowns_since",
    "notes",
}
_REQUIRED = _KEYS - {"update_month", "notes", "breakdowns_since"}  # every key but these
_IMPLIED = {"publisher", "source_id"}  # by the organisation's folder: never written in its indicators.yaml
MEASURES_FILE = "measures.yaml"  # in the publishers' folder: units and breakdowns with their labels


def _measures() -> tuple[dict[str, tuple[str, str]], frozenset[str], dict[str, tuple[str, str]]]:
    from .config import PUBLISHERS_DIR

    raw = line_numbered_yaml(PUBLISHERS_DIR / MEASURES_FILE)
    labels = {
        kind: {k: (v["nl"], v["en"]) for k, v in (raw[kind] or {}).items() if k != "__line__"} for kind in ("units", "breakdowns")
    }
    percent = frozenset(k for k, v in raw["units"].items() if k != "__line__" and v.get("percent"))
    return labels["units"], percent, labels["breakdowns"]


# unit -> (Dutch, English) label; the units that are percentages; breakdown -> (Dutch, English)
UNITS, PERCENT_UNITS, BREAKDOWNS = _measures()
_SPAN = re.compile(r"^(\d{4})(?:-(\d{4}))?$")


class CatalogError(KrError):
    pass


@dataclass
class Indicator:
    indicator_id: str
    title_nl: str
    title_en: str
    unit: str
    definition: str  # in English
    definition_nl: str  # the same in Dutch (the Dutch site and exports)
    publisher: str
    source_id: str
    crc: list[str]
    breakdowns: list[str]
    expected: list[dict]
    update_month: int | None = None
    notes: str | None = None
    # a breakdown that did not exist before a year (NCMEC's referral / informational split from
    # 2024): before it, a figure of that breakdown is not applicable, not missing
    breakdowns_since: dict[str, int] | None = None

    @property
    def figures(self) -> list[str]:
        """The chapter's figures it appears in (named in warehouse/figures.yaml, not here)."""
        from .figures import figures_of

        return figures_of(self.indicator_id)

    def expected_rows(self) -> list[tuple[int, str, str]]:
        """(year, period, breakdown) for every figure the catalog expects (for the Netherlands)."""
        rows = []
        for spec in self.expected:
            for breakdown in spec["breakdowns"]:
                if "years" in spec:
                    first, last = _span(str(spec["years"]))
                    rows += [(y, str(y), breakdown) for y in range(first, last + 1)]
                for period in spec.get("periods", []):
                    rows.append((_span(period)[1], period, breakdown))
        return rows


def _span(text: str) -> tuple[int, int]:
    m = _SPAN.match(text)
    if not m:
        raise CatalogError(f"not a year or span of years: {text!r}")
    first = int(m.group(1))
    return first, int(m.group(2) or first)


def load_catalog(path: Path | None = None) -> dict[str, Indicator]:
    """Every organisation's indicators (or one catalog file at `path`, whose entries name their
    publisher and source_id themselves)."""
    if path is not None:
        return _indicators(Path(path), line_numbered_yaml(path), implied={})
    catalog: dict[str, Indicator] = {}
    for organisation, folder in publishers.folders().items():
        file = folder / publishers.INDICATORS_FILE
        if not file.is_file() or not (folder / publishers.PUBLISHER_FILE).is_file():
            continue
        name = line_numbered_yaml(folder / publishers.PUBLISHER_FILE).get("name")
        found = _indicators(file, line_numbered_yaml(file), implied={"publisher": name, "source_id": organisation})
        twice = set(found) & set(catalog)
        if twice:
            raise CatalogError(f"{file}: {sorted(twice)} already defined by another organisation")
        catalog |= found
    return catalog


def _indicators(path: Path, raw: dict, implied: dict) -> dict[str, Indicator]:
    catalog = {}
    for indicator_id, spec in raw.items():
        line = spec.pop("__line__", "?") if isinstance(spec, dict) else "?"
        where = f"{path}:{line}: indicator {indicator_id!r}"
        if not isinstance(spec, dict):
            raise CatalogError(f"{where}: must be a mapping")
        if not re.match(r"^[a-z0-9_]+\.[a-z0-9_]+$", indicator_id):
            raise CatalogError(f"{where}: id must look like publisher.name")
        if implied:
            said = _IMPLIED & set(spec)
            if said:
                raise CatalogError(f"{where}: {sorted(said)} come from the organisation's folder; remove them")
            spec |= implied
            if not str(indicator_id).startswith(f"{implied['source_id']}."):
                raise CatalogError(f"{where}: an indicator of {implied['source_id']} is named {implied['source_id']}.<name>")
        check_keys(where, spec, _KEYS, _REQUIRED, CatalogError)
        if spec["unit"] not in UNITS:
            raise CatalogError(
                f"{where}: unit {spec['unit']!r} is not one of {sorted(UNITS)} (a new one goes in {MEASURES_FILE}, with its labels)"
            )
        unknown = [b for b in spec["breakdowns"] if b not in BREAKDOWNS]
        if unknown:
            raise CatalogError(
                f"{where}: breakdown(s) {unknown} are not in {MEASURES_FILE} (add them there, with their Dutch and English labels)"
            )
        expected = []
        for item in spec["expected"]:
            item.pop("__line__", None)
            if set(item) - {"years", "periods", "breakdowns"} or not item.get("breakdowns"):
                raise CatalogError(f"{where}: expected entries take years or periods, and breakdowns")
            if set(item["breakdowns"]) - set(spec["breakdowns"]):
                raise CatalogError(f"{where}: expected breakdowns {item['breakdowns']} not all in breakdowns")
            expected.append(item)
        spec["expected"] = expected
        since = spec.get("breakdowns_since") or {}
        since.pop("__line__", None) if isinstance(since, dict) else None
        if not isinstance(since, dict) or any(
            b not in spec["breakdowns"] or not isinstance(y, int) or isinstance(y, bool) for b, y in since.items()
        ):
            raise CatalogError(
                f"{where}: breakdowns_since maps breakdowns of this indicator to the year they begin, e.g. {{referral: 2024}}"
            )
        spec["breakdowns_since"] = since or None
        spec["crc"] = [str(c) for c in spec["crc"]]
        indicator = Indicator(indicator_id=indicator_id, **spec)
        try:
            early = [(y, b) for y, _, b in indicator.expected_rows() if y < (since or {}).get(b, y)]
        except CatalogError as exc:
            raise CatalogError(f"{where}: {exc}") from None
        if early:
            y, b = early[0]
            raise CatalogError(f"{where}: expects {b} in {y}, before breakdowns_since says it began ({since[b]})")
        catalog[indicator_id] = indicator
    return catalog


def disagreement(catalog: dict[str, Indicator], indicator_id, unit, breakdown, curated: bool = False) -> str | None:
    """What a parsed row says that the catalog does not (one line naming the fix), or None: an
    indicator the catalog does not list, another unit (a different measure), a breakdown the
    indicator does not have. (Another organisation's indicator is allowed: a publication may
    restate another's figure; precedence puts the indicator's own organisation first.)"""
    ind = catalog.get(indicator_id)
    where = CATALOG_FILES.replace("<organisation>", str(indicator_id).split(".", 1)[0])
    fix = "correct the curated file" if curated else "fix the parser"
    if ind is None:
        return f"indicator {indicator_id!r} is not in the catalog: add it to {where} (or {fix})"
    if unit != ind.unit:
        return f"indicator {indicator_id!r} counts {ind.unit} ({where}), the rows say {unit!r}: {fix} (or the catalog)"
    if breakdown not in ind.breakdowns:
        return f"breakdown {breakdown!r} is not one of {indicator_id}'s {ind.breakdowns}: add it to {where} (or {fix})"
    return None


def disagreements(catalog: dict[str, Indicator], rows, curated: bool = False) -> list[str]:
    """disagreement() for every distinct (indicator, unit, breakdown) of a publication's rows."""
    combos = rows[["indicator_id", "unit", "breakdown"]].drop_duplicates().itertuples(index=False)
    found = (disagreement(catalog, i, u, b, curated=curated) for i, u, b in combos)
    return sorted({d for d in found if d})


def sync_catalog(con, catalog: dict[str, Indicator]) -> None:
    """Replace the catalog tables with the file's content, in one transaction (one INSERT per
    table, its rows given column by column)."""
    import json

    from .store.connection import insert_columns, transaction

    indicators = list(catalog.values())
    expected = [(ind.indicator_id, y, p, b) for ind in indicators for y, p, b in ind.expected_rows()]
    since = [(ind.indicator_id, b, y) for ind in indicators for b, y in (ind.breakdowns_since or {}).items()]
    with transaction(con):
        for table in ("indicator_expectations", "breakdowns_since", "indicators", "units", "breakdown_labels"):
            con.execute(f"DELETE FROM {table}")
        insert_columns(
            con,
            "units",
            {
                "unit": list(UNITS),
                "label_nl": [nl for nl, _ in UNITS.values()],
                "label_en": [en for _, en in UNITS.values()],
                "percent": [u in PERCENT_UNITS for u in UNITS],
            },
        )
        insert_columns(
            con,
            "breakdown_labels",
            {
                "breakdown": list(BREAKDOWNS),
                "label_nl": [nl for nl, _ in BREAKDOWNS.values()],
                "label_en": [en for _, en in BREAKDOWNS.values()],
            },
        )
        insert_columns(
            con,
            "indicators",
            {
                "indicator_id": [i.indicator_id for i in indicators],
                "title_nl": [i.title_nl for i in indicators],
                "title_en": [i.title_en for i in indicators],
                "unit": [i.unit for i in indicators],
                "definition": [i.definition for i in indicators],
                "definition_nl": [i.definition_nl for i in indicators],
                "publisher": [i.publisher for i in indicators],
                "source_id": [i.source_id for i in indicators],
                "crc": [json.dumps(i.crc) for i in indicators],
                "breakdowns": [json.dumps(i.breakdowns) for i in indicators],
                "update_month": [i.update_month for i in indicators],
                "figures": [json.dumps(i.figures) for i in indicators],
                "notes": [i.notes for i in indicators],
            },
        )
        # (an indicator may expect no figures yet: a new publisher's series)
        insert_columns(
            con, "indicator_expectations", dict(zip(("indicator_id", "year", "period", "breakdown"), map(list, zip(*expected))))
        )
        insert_columns(con, "breakdowns_since", dict(zip(("indicator_id", "breakdown", "first_year"), map(list, zip(*since)))))


def listing(catalog: dict[str, Indicator]) -> tuple[list[str], list[tuple]]:
    """The catalog as `kr indicators` lists it: columns and rows."""
    columns = ["indicator_id", "unit", "breakdowns", "publisher", "crc", "title_nl"]
    return columns, [
        (i.indicator_id, i.unit, ", ".join(i.breakdowns), i.publisher, ", ".join(i.crc), i.title_nl) for i in catalog.values()
    ]


def markdown(catalog: dict[str, Indicator]) -> str:
    """The catalog as a Markdown table, for the docs."""
    lines = [
        "| indicator_id | titel | unit | breakdowns | publisher | CRC | expected (NL) | figures |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for ind in catalog.values():
        expected = "; ".join(
            f"{e.get('years') or ', '.join(e.get('periods', []))}: {', '.join(e['breakdowns'])}" for e in ind.expected
        )
        lines.append(
            f"| `{ind.indicator_id}` | {ind.title_nl} | {ind.unit} | {', '.join(ind.breakdowns)} | "
            f"{ind.publisher} | {', '.join(ind.crc)} | {expected} | {', '.join(ind.figures)} |"
        )
    return "\n".join(lines) + "\n"
