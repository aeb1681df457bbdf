"""How far the figures shown are traced to their source, and which figures are not applicable
(`kr status`, the change report): the queries and their lines, written once."""

from __future__ import annotations

PROVENANCE_SQL = "SELECT statement_kind, traced_to, figures, without_url FROM provenance_status ORDER BY ALL"

# Series and years of the figures whose breakdown did not exist yet (series_status: not missing).
NOT_APPLICABLE_SQL = """SELECT indicator_id, breakdown, list(DISTINCT CAST(year AS VARCHAR) ORDER BY CAST(year AS VARCHAR))
                        FROM figure_grid WHERE status = 'not_applicable' GROUP BY ALL ORDER BY 1, 2"""

_TRACED = {
    "source": "traced to the publication's own stored copy",
    "secondary": "checked only in a secondary text (the monitor's chapter quoting it)",
    "unchecked": "not checked (the cited document is not stored)",
    "unknown": "loaded before provenance was kept (rebuild to trace them)",
}


def provenance_lines(rows: list[tuple]) -> list[str]:
    """Lines of PROVENANCE_SQL's rows: the curated figures by how far they are traced, and the
    values of any kind without a URL of their own publication."""
    curated = [(t, n) for kind, t, n, _ in rows if kind == "curated"]
    lines = []
    if curated:
        total = sum(n for _, n in curated)
        lines.append(f"\nCurated figures shown: {total}")
        lines += [
            f"  {n} {_TRACED.get(t, t)}"
            for t, n in sorted(curated, key=lambda r: list(_TRACED).index(r[0]) if r[0] in _TRACED else 9)
        ]
    without = sum(w for *_, w in rows)
    if without:
        lines.append(f"  {without} figures shown have no URL of their publication: add citation.url (the curated files)")
    return lines
