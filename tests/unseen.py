"""Scoring a parser on held-out documents (tests/fixtures/unseen/<source>/): each document with
its expectations (README there). A document is *wrong* when anything loads that the
expectations do not list (or a refused one loads at all); it is *right* when every expected
figure loads exactly and every expected review item waits with the proposed indicator and period."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kr_pipeline.errors import ParseError
from kr_pipeline.reading.context import ParseContext

UNSEEN = Path(__file__).parent / "fixtures" / "unseen"


@dataclass
class Outcome:
    name: str
    wrong: list[str] = field(default_factory=list)  # loaded and not expected: never acceptable
    missed: list[str] = field(default_factory=list)  # expected and neither loaded nor waiting as proposed
    waiting: list[str] = field(default_factory=list)  # expected to load, waits in review with its reading proposed
    refused: str | None = None  # the refusal's message, when the parser refused the document

    @property
    def right(self) -> bool:
        """Read as the expectations say: every expected load loaded, every review item waiting."""
        return not self.wrong and not self.missed and not self.waiting

    @property
    def answered(self) -> bool:
        """Issue 22's measure: nothing wrong, and every figure either loaded exactly or waiting in
        review with the right indicator and period proposed (a figure expected to load that
        waits with its reading counts: a person accepts it)."""
        return not self.wrong and not self.missed


def documents(source: str) -> list[Path]:
    return sorted(p for p in (UNSEEN / source).iterdir() if p.suffix in (".html", ".txt"))


def expectations(doc: Path) -> dict:
    return yaml.safe_load(doc.with_suffix(".yaml").read_text("utf-8"))


def _key(f: dict) -> tuple:
    return (f["indicator"], str(f["period"]), f.get("breakdown", "total"), float(f["value"]), f.get("qualifier", "exact"))


def _row(r) -> tuple:
    return (r.indicator_id, r.period, r.breakdown, float(r.value), r.qualifier)


def score(parse, doc: Path, own_hosts: tuple[str, ...]) -> Outcome:
    exp = expectations(doc)
    out = Outcome(doc.name)
    context = ParseContext(url=exp.get("url"), own_hosts=own_hosts)
    try:
        parsed = parse(doc.read_bytes(), int(exp["registered_year"]), doc.name, context)
        rows = list(parsed.observations.itertuples())
        candidates = parsed.candidates
    except ParseError as exc:
        rows, candidates, out.refused = [], exc.candidates, exc.reason
    if exp.get("refuse"):
        out.wrong += [f"loaded {_row(r)} from a file that must be refused" for r in rows]
        return out
    # the expectations are the Netherlands' figures: a table parser also loads the other places'
    # rows of its table (IWF's hosting table, every country with its own code), which the
    # expectations do not speak of; a prose parser's figures are all the Netherlands'
    loaded = {_row(r) for r in rows if r.country_iso3 == "NLD"}
    wanted = {_key(f) for f in exp.get("load") or []}
    out.wrong += [f"loaded {k}, not expected" for k in sorted(loaded - wanted)]
    for k in sorted(wanted - loaded):
        proposed = any(
            c.get("value") is not None
            and float(c["value"]) == k[3]
            and c.get("indicator_id") == k[0]
            and str(c.get("period")) == k[1]
            and (c.get("breakdown") or "total") == k[2]
            for c in candidates
        )
        (out.waiting if proposed else out.missed).append(f"did not load {k}" + (", waits with its reading" if proposed else ""))
    for r in exp.get("review") or []:
        match = [
            c
            for c in candidates
            if (r.get("value") is None or (c.get("value") is not None and float(c["value"]) == float(r["value"])))
            and (r.get("indicator") is None or c.get("indicator_id") == r["indicator"])
            and (r.get("period") is None or str(c.get("period")) == str(r["period"]))
        ]
        if not match and r.get("value") is not None:
            out.missed.append(f"no review candidate {r}")
    for n in exp.get("never") or []:  # every key the entry names must match for the reading to be the forbidden one
        for k in loaded:
            fields = {"indicator": k[0], "period": k[1], "breakdown": k[2], "qualifier": k[4]}
            if k[3] == float(n["value"]) and all(str(n[f]) == str(v) for f, v in fields.items() if n.get(f) is not None):
                out.wrong.append(f"loaded {k}, which must never load")
    return out
