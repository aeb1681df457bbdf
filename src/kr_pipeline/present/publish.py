"""`kr publish`: the warehouse in a read-only form for many readers, on a static web host or
object storage: no process runs there, any HTTP server that answers range requests serves it.

    DIR/
      parquet/<name>.parquet   one file per published table and view (comments.yaml says which
                               are machinery and stay out)
      kr.duckdb                a small DuckDB file (storage v1.0.0) whose views read those files,
                               by the base URL given at publish time, or (a local copy) under
                               the folder the reader names: SET VARIABLE kr_published = 'DIR'
                               (never by a path relative to the reader's working folder)
      manifest.json            tables, columns with their comments, row counts, checksums (of
                               kr.duckdb too), the build time and the source snapshots
      site/                    the monitor's website, when it has been built

Written to a temporary folder beside DIR and moved into place when complete; only an empty
folder or one `kr publish` wrote is replaced (kr_pipeline.present.outdir).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .. import __version__
from ..errors import KrError
from ..store.comments import load_comments, user_relations
from ..store.connection import STORAGE_VERSION, connect, dict_rows
from .outdir import MARKER, output_dir


@dataclass(frozen=True)
class Published:
    out: Path
    relations: int
    rows: int
    site: bool


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _one(con, sql: str):
    row = con.execute(sql).fetchone()
    return row[0] if row else None


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def published_relations(con) -> list[tuple[str, str]]:
    """(name, TABLE | VIEW) of what is published: every table and view not marked internal."""
    comments = load_comments()
    return [(name, kind) for name, kind in user_relations(con) if not (comments.relations.get(name) or {}).get("internal")]


def publish(warehouse: Path, out: Path, base_url: str | None = None, site: Path | None = None) -> Published:
    """Write the published form of `warehouse` to `out` (see the module's description)."""
    if base_url is not None and not base_url.startswith(("http://", "https://")):
        raise KrError(f"--base-url must be an http(s) URL, got {base_url!r}")
    base = (base_url.rstrip("/") + "/" if base_url else "") + "parquet/"
    where = base if base_url else f"{{{FOLDER}}}/parquet/"
    comments = load_comments()
    with output_dir(Path(out), "publish", protect=[warehouse]) as tmp:
        (tmp / "parquet").mkdir()
        con = connect(Path(warehouse), read_only=True, wait_seconds=10.0)
        try:
            relations = published_relations(con)
            built_at = _one(con, "SELECT max(finished_at) FROM loads")
            snapshots = dict_rows(
                con,
                "SELECT source_id, year, sha256, file, url, retrieved_at, origin FROM snapshots ORDER BY source_id, year, retrieved_at",
            )
            columns = {
                name: dict_rows(
                    con,
                    "SELECT column_name AS name, data_type AS type, comment FROM duckdb_columns() "
                    "WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index",
                    [name],
                )
                for name, _ in relations
            }
            tables = []
            for name, kind in relations:
                target = tmp / "parquet" / f"{name}.parquet"
                con.execute(f'COPY (SELECT * FROM "{name}") TO {_literal(str(target))} (FORMAT parquet, COMPRESSION zstd)')
                rows = _one(con, f'SELECT count(*) FROM "{name}"')
                tables.append(
                    {
                        "name": name,
                        "kind": kind.lower(),
                        "comment": comments.relation(name),
                        "file": f"parquet/{name}.parquet",
                        "rows": rows,
                        "bytes": target.stat().st_size,
                        "sha256": _sha256(target),
                        "columns": columns[name],
                    }
                )
        finally:
            con.close()
        _small_duckdb(tmp / "kr.duckdb", tables, base, base_url)
        small = tmp / "kr.duckdb"
        manifest = {
            "title": "Kinderrechten in Beweging: figures on child trafficking and sexual exploitation (kr-pipeline)",
            "generator": f"kr-pipeline {__version__}",
            "published_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "built_at": built_at.isoformat() if built_at else None,
            "base_url": base_url,
            "duckdb": {
                "file": "kr.duckdb",
                "bytes": small.stat().st_size,
                "sha256": _sha256(small),
                "storage_version": STORAGE_VERSION,
                "views_read": where + "<name>.parquet",
                "local_copy": None
                if base_url
                else f"SET VARIABLE {FOLDER} = '<the folder holding kr.duckdb>' (DuckDB 1.1 or later)",
            },
            "tables": tables,
            "snapshots": [{k: (v.isoformat() if isinstance(v, dt.datetime) else v) for k, v in s.items()} for s in snapshots],
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", "utf-8")
        has_site = False
        if site is not None and (Path(site) / "index.html").is_file():
            shutil.copytree(Path(site), tmp / "site", ignore=shutil.ignore_patterns(MARKER))
            has_site = True
    return Published(Path(out), len(tables), sum(t["rows"] for t in tables), has_site)


def publish_to(target: str, warehouse: Path, base_url: str | None = None, site: Path | None = None) -> tuple[Published, str]:
    """Publish to `target` (KR_PUBLISH): a folder (a path or a file:// URL), written beside it and
    moved into place when complete; or any URL fsspec can write to (s3://, gs://, an SFTP or
    WebDAV server...), written to a local folder first and then uploaded, the manifest last, so
    that a reader who finds the new manifest finds every file it names (object storage has no
    atomic rename). Returns what was published and where (its manifest's address)."""
    from urllib.parse import urlsplit

    scheme = urlsplit(target).scheme
    if scheme in ("", "file"):
        done = publish(warehouse, Path(target.removeprefix("file://")), base_url=base_url, site=site)
        return done, str(done.out / "manifest.json")
    import tempfile

    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(target)
    except (ImportError, ValueError) as exc:
        raise KrError(f"KR_PUBLISH: cannot write to {target}: {exc}") from None
    with tempfile.TemporaryDirectory(prefix="kr-publish-") as tmp:
        local = Path(tmp) / "public"
        done = publish(warehouse, local, base_url=base_url, site=site)
        manifest = local / "manifest.json"
        files = sorted(p for p in local.rglob("*") if p.is_file() and p.name != MARKER and p != manifest)
        try:
            for path in [*files, manifest]:
                dest = root.rstrip("/") + "/" + path.relative_to(local).as_posix()
                fs.makedirs(dest.rsplit("/", 1)[0], exist_ok=True)
                fs.put_file(str(path), dest)
        except OSError as exc:
            raise KrError(f"KR_PUBLISH: uploading to {target} failed: {exc}") from None
    return done, target.rstrip("/") + "/manifest.json"


def _small_duckdb(path: Path, tables: list[dict], base: str, base_url: str | None) -> None:
    """A DuckDB file of views only, each reading its Parquet file, commented like the warehouse.

    DuckDB reads a view's files when it creates the view, so they must be readable from here.
    A base URL is mapped onto the folder being written by a file system registered for http(s)
    on this connection only (the URL is written into the view as given; nothing is fetched).
    Without one, each view reads under the folder in the variable `kr_published`, which the
    reader sets (here: the folder being written). A path relative to the reader's working
    folder would read whatever `parquet/` folder happens to be there (an old copy, anyone's
    files); unset, the view fails with a message saying what to set."""
    con = duckdb.connect(str(path), config={"storage_compatibility_version": STORAGE_VERSION})
    try:
        if base_url:
            con.register_filesystem(_mapped_fs()(base, path.parent / "parquet"))
        else:
            con.execute(f"SET VARIABLE {FOLDER} = {_literal(str(path.parent))}")
        for t in tables:
            con.execute(f'CREATE VIEW "{t["name"]}" AS SELECT * FROM read_parquet({_source(base, base_url, t["name"])})')
            if t["comment"]:
                con.execute(f'COMMENT ON VIEW "{t["name"]}" IS {_literal(t["comment"])}')
            for c in t["columns"]:
                if c["comment"]:
                    con.execute(f'COMMENT ON COLUMN "{t["name"]}"."{c["name"]}" IS {_literal(c["comment"])}')
        con.execute("CHECKPOINT")
    finally:
        con.close()


# The variable naming a local copy's folder, and what a view reads while it is unset: a path no
# folder has, which DuckDB's "No files found that match the pattern" error shows to the reader.
FOLDER = "kr_published"
_UNSET = f"kr_published is not set: SET VARIABLE {FOLDER} = '<the folder holding kr.duckdb>'"


def _source(base: str, base_url: str | None, name: str) -> str:
    """The path expression of a view's Parquet file."""
    if base_url:
        return _literal(base + name + ".parquet")
    return f"coalesce(getvariable({_literal(FOLDER)}), {_literal(_UNSET)}) || {_literal('/parquet/' + name + '.parquet')}"


def _mapped_fs():
    from fsspec.implementations.local import LocalFileSystem

    class Mapped(LocalFileSystem):
        """http(s) URLs under `base` as the files of a local folder (publishing only)."""

        protocol = ("http", "https")
        root_marker = ""

        def __init__(self, base: str, folder: Path):
            super().__init__()
            self.base, self.folder = base, str(folder)

        def _strip_protocol(self, path):
            path = str(path)
            if path.startswith(self.base):
                return f"{self.folder}/{path[len(self.base) :]}"
            for prefix in ("", "http://", "https://"):  # already mapped (fsspec may add the protocol back)
                if path.startswith(prefix + self.folder):
                    return path[len(prefix) :]
            raise KrError(f"publishing: {path} is not under {self.base}")

    return Mapped
