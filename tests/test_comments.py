"""The warehouse explains itself: every table, view and column has a comment (from
warehouse/comments.yaml, the fig_* views from figures.yaml), visible to any DuckDB client."""

import duckdb

from kr_pipeline.store.comments import load_comments, uncommented, user_relations


def test_every_table_view_and_column_has_a_comment(shipped):
    con = duckdb.connect(str(shipped.warehouse), read_only=True)
    try:
        assert uncommented(con) == []
        assert (
            con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'observations' AND column_name = 'qualifier'")
            .fetchone()[0]
            .startswith("How exact the value is: exact; approx")
        )
        assert con.execute("SELECT comment FROM duckdb_views() WHERE view_name = 'fig_ncmec'").fetchone()[0] == (
            "NCMEC CyberTipline reports concerning the Netherlands (the chapter's figure ncmec: "
            "CyberTipline-meldingen van NCMEC over Nederland)"
        )
        relations = {name for name, _ in user_relations(con)}
        columns = {
            c for (c,) in con.execute("SELECT DISTINCT column_name FROM duckdb_columns() WHERE schema_name = 'main'").fetchall()
        }
    finally:
        con.close()
    comments = load_comments()
    # No stale entries: every relation and column the file describes exists.
    assert set(comments.relations) <= relations
    assert set(comments.columns) <= columns
    for name, spec in comments.relations.items():
        assert set((spec or {}).get("columns") or {}) <= columns, name
