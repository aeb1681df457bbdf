"""Walk every row of the indicator contract (spec/indicators.md, copied into tests/fixtures/spec)
and find that value, qualifier and year in the `observations` view of a warehouse built from
the snapshots and curated files shipped in the repo."""

import re

import pytest

from .conftest import FIXTURES
from .helpers import rows

SPEC = FIXTURES / "spec" / "indicators.md"


def contract_rows():
    out = []
    for line in SPEC.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 8 and re.match(r"^[a-z]+\.[a-z0-9_]+$", cells[0]):
            out.append(dict(zip(["indicator", "year", "breakdown", "value", "unit", "qualifier", "publisher", "crc"], cells)))
    return out


def expected_values(row):
    """(period, breakdown, qualifier, value, low, high, upper) the row asks for, for the Netherlands."""
    ind, year, value, q = row["indicator"], row["year"], row["value"], row["qualifier"]
    num = lambda s: float(s.replace(",", ""))  # noqa: E731
    if value.startswith("(per form"):
        return []  # Figuur 1 per form: no copy here; must be listed as missing instead
    if value.startswith("NL:"):
        if ind == "iwf.hosted_urls_share":
            return [(str(y), "total", q, float(v), None, None, None) for y, v in zip((2022, 2023, 2024), value[3:].split(","))]
        found = []
        for m in re.finditer(r"([\d,]+)(?: = ([\d,]+) \+ ([\d,]+))? \((\d{4})\)", value):
            found.append((m.group(4), "total", q, num(m.group(1)), None, None, None))
            if m.group(2):
                found.append((m.group(4), "referral", q, num(m.group(2)), None, None, None))
                found.append((m.group(4), "informational", q, num(m.group(3)), None, None, None))
        return found
    breakdown = row["breakdown"] if row["breakdown"] in ("from_netherlands",) else "total"
    if q == "suppressed":
        first, last = map(int, re.findall(r"\d{4}", year))
        return [(str(y), breakdown, q, None, None, None, 9.0) for y in range(first, last + 1)]
    if q == "range":
        low, high = map(float, value.split(" to "))
        return [(year, breakdown, q, None, low, high, None)]
    period = re.match(r"^(\d{4}(?:-\d{4})?)", year).group(1)
    return [(period, breakdown, q, num(value), None, None, None)]


def test_contract_has_every_indicator():
    assert len(contract_rows()) == 33


@pytest.mark.parametrize("row", contract_rows(), ids=lambda r: f"{r['indicator']}:{r['year']}:{r['breakdown'][:12]}")
def test_contract_row_is_in_the_warehouse(shipped, row):
    expected = expected_values(row)
    if not expected:
        missing = rows(shipped, "SELECT DISTINCT breakdown FROM missing_figures WHERE indicator_id = ?", [row["indicator"]])
        assert {b for (b,) in missing} >= {"sexual", "labour", "criminal", "other"}
        return
    for period, breakdown, qualifier, value, low, high, upper in expected:
        found = rows(
            shipped,
            """SELECT qualifier, value, value_low, value_high, upper_bound, unit FROM observations
               WHERE indicator_id = ? AND period = ? AND breakdown = ? AND country_iso3 = 'NLD'""",
            [row["indicator"], period, breakdown],
        )
        assert found == [(qualifier, value, low, high, upper, row["unit"])], (period, breakdown)
