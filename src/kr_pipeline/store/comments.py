"""What every table, view and column means (warehouse/comments.yaml), written into the DuckDB
file as COMMENT ON, so that DESCRIBE, duckdb_columns() and any client's schema browser explain
the warehouse. The views of the chapter's figures take their comment from figures.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..config import WAREHOUSE_DIR
from ..errors import KrError

COMMENTS_FILE = WAREHOUSE_DIR / "comments.yaml"


@dataclass(frozen=True)
class Comments:
    columns: dict[str, str]  # a column name's meaning wherever it appears
    relations: dict[str, dict]  # relation -> {"comment": ..., "columns": {...}}

    def relation(self, name: str) -> str | None:
        spec = self.relations.get(name) or {}
        if spec.get("comment"):
            return spec["comment"]
        if name.startswith("fig_"):
            from ..figures import FIGURES

            fig = FIGURES.get(name.removeprefix("fig_"))
            if fig is not None:
                return f"{fig.title_en} (the chapter's figure {fig.figure_id}: {fig.title})"
        return None

    def column(self, relation: str, column: str) -> str | None:
        own = (self.relations.get(relation) or {}).get("columns") or {}
        return own.get(column) or self.columns.get(column)


def load_comments(path: Path = COMMENTS_FILE) -> Comments:
    try:
        doc = yaml.safe_load(Path(path).read_text("utf-8"))
        return Comments(dict(doc["columns"]), dict(doc["relations"]))
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise KrError(f"{path}: cannot read the warehouse's comments: {exc}") from None


def user_relations(con) -> list[tuple[str, str]]:
    """(name, "TABLE" | "VIEW") of every table and view of the warehouse's main schema."""
    return con.execute(
        """SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal
           UNION ALL
           SELECT view_name, 'VIEW' FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal
           ORDER BY 1"""
    ).fetchall()


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write_comments(con, comments: Comments | None = None) -> None:
    """COMMENT ON every table, view and column that comments.yaml (or figures.yaml) explains."""
    comments = comments or load_comments()
    columns = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main' AND NOT internal"
    ).fetchall()
    for name, kind in user_relations(con):
        text = comments.relation(name)
        if text:
            con.execute(f'COMMENT ON {kind} "{name}" IS {_quoted(text)}')
    for relation, column in columns:
        text = comments.column(relation, column)
        if text:
            con.execute(f'COMMENT ON COLUMN "{relation}"."{column}" IS {_quoted(text)}')


def uncommented(con) -> list[str]:
    """Tables, views and columns without a comment ("relation" or "relation.column")."""
    missing = [
        name
        for (name,) in con.execute(
            """SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal AND comment IS NULL
               UNION ALL
               SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal AND comment IS NULL"""
        ).fetchall()
    ]
    missing += [
        f"{t}.{c}"
        for t, c in con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() "
            "WHERE schema_name = 'main' AND NOT internal AND comment IS NULL ORDER BY 1, 2"
        ).fetchall()
    ]
    return sorted(missing)
