"""kr-pipeline benchmark: prints a table of timings on this machine.

    .venv/bin/python bench/run.py            (or: python3.11 run.py bench)

Every ratio is taken from interleaved pairs in one loop (the measure, then its yardstick, then
the measure again, ...): the median of the pairs' ratios of wall time, with the ratio of CPU
time (rusage: the process and the children it waited for) beside it, since this machine's 2
cores are shared and wall time varies with what else runs. Each in a fresh temporary warehouse:
  - a cold build of the whole shipped snapshot store (`kr build`) against the same build with
    validation as one DuckDB SQL pass (bench/sql_build.py), with equal verdicts
  - a rebuild with nothing new against the CLI's start-up alone (`kr --help`)
  - `kr query` of a figure view against a bare DuckDB Python process (no Prefect, no GX)
  - `kr update` offline, no site, cold (a fresh warehouse) against a cold `kr build` plus
    Prefect's temporary server start, and with nothing new against the server's start alone
  - parsing each shipped publication, and for NCMEC PDFs the text extraction alone
  - scale: builds of 1, 50 and 200 synthetic NCMEC-style PDFs (4 sources, each its own
    countries, so every row is a new value): time per publication and marginal cost; the
    no-change rebuild of 200 against that of the shipped store; validation in a fresh process
    (Great Expectations' import included) against a fresh process doing the same verdicts as
    one DuckDB query; the load path (from the first bookkeeping row to the commit) against one
    transaction writing the same rows; `kr export` of the 200 publications, and its workbook
    written by openpyxl as now against its write-only mode.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent

from kr_pipeline import pipeline  # noqa: E402
from kr_pipeline.config import TELEMETRY_OFF, WAREHOUSE_DIR  # noqa: E402
from kr_pipeline.ingest.snapshots import SnapshotStore  # noqa: E402
from kr_pipeline.reading.context import ParseContext  # noqa: E402
from kr_pipeline.reading.pdftext import pdf_pages  # noqa: E402
from kr_pipeline.registry import dump_registry, load_registry  # noqa: E402
from tests.pdfwriter import text_pdf  # noqa: E402

RESULTS: list[tuple[str, str, str, str]] = []
MEASURED: dict[str, object] = {}  # between sections: the shipped store's warehouse and environment
REPEAT = int(os.environ.get("KR_BENCH_REPEAT", "3"))  # pairs per ratio

Sample = tuple[float, float]  # (wall seconds, CPU seconds)


def record(name: str, seconds: float, target: str = "", verdict: str = "") -> None:
    RESULTS.append((name, f"{seconds:.3f} s", target, verdict))


def record_ratio(name: str, seconds: float, base: float, limit: float, target: str, extra: str = "") -> None:
    """A measure beside its yardstick (measured in the same run): met when seconds / base <= limit."""
    ratio = seconds / base
    record(name, seconds, target, f"{ratio:.2f}x ({base:.3f} s){extra} " + ("ok" if ratio <= limit else "MISSED"))


def wall(samples: list[Sample]) -> float:
    return statistics.median(w for w, _ in samples)


def cpu(samples: list[Sample]) -> float:
    return statistics.median(c for _, c in samples)


def record_pairs(name: str, runs: list[Sample], bases: list[Sample], limit: float | None, target: str) -> float:
    """A measure against its yardstick from interleaved pairs: the median of the pairs' wall
    ratios (judged), and of their CPU ratios (shown)."""
    ratios = [r[0] / b[0] for r, b in zip(runs, bases)]
    cpu_ratios = [r[1] / b[1] for r, b in zip(runs, bases) if b[1] > 0]
    ratio = statistics.median(ratios)
    verdict = (
        f"{ratio:.2f}x ({wall(bases):.3f} s; {min(ratios):.2f}-{max(ratios):.2f} in {len(ratios)} pairs; "
        f"CPU {statistics.median(cpu_ratios):.2f}x: {cpu(runs):.2f} / {cpu(bases):.2f} s)"
    )
    if limit is not None:
        verdict += " ok" if ratio <= limit else " MISSED"
    record(name, wall(runs), target, verdict)
    return ratio


def run_process(args: list[str], env: dict, output: list[str] | None = None) -> Sample:
    """One process to its end: wall and CPU time (its own and its waited-for children's);
    what it printed is appended to `output`, if given."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(args, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - t0
        if proc.returncode != 0:
            out.seek(0)
            raise SystemExit(f"{' '.join(args)} failed: {out.read()[-3000:].decode(errors='replace')}")
        if output is not None:
            out.seek(0)
            output.append(out.read().decode(errors="replace").strip())
    return elapsed, usage.ru_utime + usage.ru_stime


def in_process(fn) -> Sample:
    """fn() in this process: wall and this process's CPU time."""
    import resource

    def used() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    t0, c0 = time.perf_counter(), used()
    fn()
    return time.perf_counter() - t0, used() - c0


def interleaved(measures: dict[str, object], repeat: int = REPEAT) -> dict[str, list[Sample]]:
    """Each measure (a callable giving a Sample) once per round, in turn, `repeat` rounds."""
    samples: dict[str, list[Sample]] = {name: [] for name in measures}
    for _ in range(repeat):
        for name, measure in measures.items():
            samples[name].append(measure())  # type: ignore[operator]
    return samples


def timed_process(args: list[str], env: dict, repeat: int = 1) -> float:
    return statistics.median(run_process(args, env)[0] for _ in range(repeat))


def env_for(tmp: Path, snapshots: Path, sources: Path | None = None, curated: Path | None = None) -> dict:
    """The environment of a measured run; sources and curated None: the publishers' folders."""
    env = {k: v for k, v in os.environ.items() if k not in ("KR_SOURCES", "KR_CURATED")}
    env |= dict(KR_WAREHOUSE=str(tmp / "kr.duckdb"), KR_SNAPSHOTS=str(snapshots), KR_REPORTS=str(tmp / "reports"))
    env |= {k: str(v) for k, v in (("KR_SOURCES", sources), ("KR_CURATED", curated)) if v is not None}
    return dict(env, **TELEMETRY_OFF)


def verdicts(db: Path) -> list[tuple]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT source_id, year, snapshot_sha256, status FROM loads ORDER BY ALL").fetchall()
    finally:
        con.close()


class Fresh:
    """A new warehouse folder for each run of a cold measure."""

    def __init__(self, root: Path, snapshots: Path, sources: Path | None, curated: Path | None, **extra: str):
        self.root, self.args, self.extra, self.n = root, (snapshots, sources, curated), extra, 0

    def env(self) -> dict:
        self.n += 1
        folder = self.root / f"run{self.n}"
        folder.mkdir(parents=True)
        return dict(env_for(folder, *self.args), **self.extra)


PREFECT_SERVER = [sys.executable, "-c", "from prefect import flow\n@flow\ndef f():\n    return 1\nf()"]


def bench_shipped(tmp: Path) -> None:
    shutil.copytree(WAREHOUSE_DIR / "snapshots", tmp / "snapshots")
    files = (tmp / "snapshots", None, None)
    env = env_for(tmp, *files)
    kr = str(BIN / "kr")
    # A cold build against the same build validating by one SQL pass; both load and refuse
    # the same publications (Great Expectations gives every verdict of the measured build).
    fresh = Fresh(tmp / "cold", *files)
    last: dict[str, Path] = {}

    def cold(args: list[str], name: str):
        def measure() -> Sample:
            e = fresh.env()
            last[name] = Path(e["KR_WAREHOUSE"])
            return run_process(args, e)

        return measure

    pairs = interleaved(
        {"gx": cold([kr, "build"], "gx"), "sql": cold([sys.executable, str(ROOT / "bench" / "sql_build.py")], "sql")}
    )
    same = verdicts(last["gx"]) == verdicts(last["sql"])
    record_pairs(
        "cold build, whole shipped store (process)",
        pairs["gx"],
        pairs["sql"],
        1.6,
        "<= 1.6x validation as one SQL pass",
    )
    RESULTS.append(("  the same verdicts by both validators", str(same), "True", "ok" if same else "MISSED"))
    timed_process([kr, "build"], env)  # this section's warehouse
    MEASURED["shipped_env"] = env
    MEASURED["snapshots"] = len(SnapshotStore(tmp / "snapshots").list())
    pairs = interleaved({"rebuild": lambda: run_process([kr, "build"], env), "startup": lambda: run_process([kr, "--help"], env)})
    rebuild, startup = wall(pairs["rebuild"]), wall(pairs["startup"])
    record("CLI start-up alone (kr --help)", startup)
    record(
        "no-change rebuild (process)",
        rebuild,
        "<= start-up + 1 s",
        f"{startup + 1:.2f} s (CPU {cpu(pairs['rebuild']):.2f} s) " + ("ok" if rebuild <= startup + 1 else "MISSED"),
    )
    bare = [
        sys.executable,
        "-c",
        f"import duckdb; duckdb.connect({str(tmp / 'kr.duckdb')!r}, read_only=True).sql('SELECT * FROM fig_ncmec').fetchall()",
    ]
    pairs = interleaved(
        {"query": lambda: run_process([kr, "query", "SELECT * FROM fig_ncmec"], env), "bare": lambda: run_process(bare, env)},
        repeat=2 * REPEAT,
    )
    record_pairs("kr query of a figure view (process)", pairs["query"], pairs["bare"], 1.5, "<= 1.5x bare DuckDB")
    # Offline: every publisher's address refuses (a closed port), as without a network. A cold
    # update (a fresh warehouse) and one with nothing new, beside a cold build and Prefect's
    # temporary server start, all in one loop.
    registry = tmp / "offline-sources.yaml"
    registry.write_text(re.sub(r"https?://[^/\s\"']+", "http://127.0.0.1:9", dump_registry(load_registry())))
    offline = dict(KR_SOURCES=str(registry), KR_ALLOW_PRIVATE_URLS="1", KR_SITE="off")
    offline_env = dict(env, **offline)
    fresh_offline = Fresh(tmp / "cold-update", tmp / "snapshots", registry, None, **offline)
    update = [kr, "update", "--allow-offline"]
    runs = interleaved(
        {
            "cold update": lambda: run_process(update, fresh_offline.env()),
            "cold build": lambda: run_process([kr, "build"], fresh_offline.env()),
            "update": lambda: run_process(update, offline_env),
            "server": lambda: run_process(PREFECT_SERVER, offline_env),
        }
    )
    server = wall(runs["server"])
    # a cold update costs its build plus the server (and 2 s of flow); one that changed nothing
    # costs no more than the server's start and 1 s (issue 28): the build it runs is its own cost
    for name, base, spare in (("cold update", "cold build", 2.0), ("update", None, 1.0)):
        took, limit = wall(runs[name]), (wall(runs[base]) if base else 0.0) + server + spare
        label = (
            "kr update, offline, no site, cold (process)"
            if name == "cold update"
            else "kr update, offline, no site, nothing new (process)"
        )
        record(
            label,
            took,
            "<= cold build + server + 2 s" if base else "<= server + 1 s",
            f"{limit:.2f} s ("
            + (f"build {wall(runs[base]):.2f}, " if base else "")
            + f"Prefect temporary server {server:.2f}; CPU {cpu(runs[name]):.2f} s) "
            + ("ok" if took <= limit else "MISSED"),
        )
    site = timed_process([kr, "site", "--out", str(tmp / "site")], env)
    record("kr site (the annual update's last step)", site)
    imports = (
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from kr_pipeline.cli import main\ntry:\n    main(['query', 'select 1'])\nexcept SystemExit:\n    pass\nprint(sorted(m for m in ('prefect', 'great_expectations') if m in sys.modules))",
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    RESULTS.append(("frameworks imported by kr query", imports, "[]", "ok" if imports == "[]" else "MISSED"))

    sources = load_registry()
    store = SnapshotStore(tmp / "snapshots")
    for snap in store.list():
        parser = pipeline.parser_for(snap, sources[snap.source_id])
        if parser == pipeline.REFERENCE:
            continue
        context = ParseContext(store)
        runs_s = []
        for _ in range(3):
            t0 = time.perf_counter()
            pipeline.parse_snapshot(snap, parser, context)
            runs_s.append(time.perf_counter() - t0)
        parse_s = min(runs_s)
        if snap.file.endswith(".pdf"):
            data = snap.path.read_bytes()
            extract = min(_timeit(lambda: pdf_pages(data)) for _ in range(3))
            record_ratio(
                f"parse {snap.source_id} {snap.year} (against text extraction alone)", parse_s, extract, 3, "<= 3x extraction"
            )
        else:
            # a curated edition has a version per edit in the store: each named by its checksum
            version = f", {snap.sha256[:8]}" if snap.curated else ""
            record(f"parse {snap.source_id} {snap.year} ({parser}{version})", parse_s)


def _timeit(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def synthetic_pdf(year: int, labels: list[str], seed: int) -> bytes:
    counts = [((i * 7919 + year * 104729 + seed * 13) % 900_000) + 1 for i in range(len(labels))]
    no_country = 1000 + seed
    lines = [f"{year} CyberTipline Reports by Country", "Country / Territory Reports"]
    lines += [f"{label} {count:,}" for label, count in zip(labels, counts)]
    lines += [f"null* {no_country:,}", f"Total {sum(counts) + no_country:,}"]
    pages = [
        "\n".join(lines[i : i + 60]) if i == 0 else "Country / Territory Reports\n" + "\n".join(lines[i : i + 60])
        for i in range(0, len(lines), 60)
    ]
    return text_pdf(pages)


def scale_store(tmp: Path, publications: int, labels: list[str], sources: int = 4) -> tuple[Path, Path]:
    """`publications` synthetic NCMEC-style PDFs spread over `sources` sources; each source has
    its own countries, so every row is a distinct series (a new value, not a revision)."""
    tmp.mkdir(parents=True, exist_ok=True)
    registry = tmp / "sources.yaml"
    registry.write_text(
        "".join(
            textwrap.dedent(f"""
            syn{n}:
              publisher: Synthetic {n}
              title: "Synthetic {{year}}"
              parser: ncmec
              format: pdf
        """)
            for n in range(1, sources + 1)
        )
    )
    store = SnapshotStore(tmp / "store")
    share = len(labels) // sources
    for i in range(publications):
        n, year = i % sources + 1, 2026 - i // sources
        own = labels[(n - 1) * share : n * share]
        store.add(f"syn{n}", year, synthetic_pdf(year, own, n), original_name="x.pdf")
    return tmp / "store", registry


def build_once(tmp: Path, store: Path, registry: Path) -> tuple[float, Path, dict]:
    (tmp / "curated").mkdir(exist_ok=True)
    (tmp / "wh").mkdir(exist_ok=True)
    env = env_for(tmp / "wh", store, registry, tmp / "curated")
    return timed_process([str(BIN / "kr"), "build"], env), tmp / "wh" / "kr.duckdb", env


def shipped_env(tmp: Path) -> dict:
    """The shipped store's warehouse (bench_shipped's, or built here for `bench scale` alone)."""
    if "shipped_env" not in MEASURED:
        shutil.copytree(WAREHOUSE_DIR / "snapshots", tmp / "snapshots")
        env = env_for(tmp, tmp / "snapshots", None, None)
        timed_process([str(BIN / "kr"), "build"], env)
        MEASURED["shipped_env"] = env
        MEASURED["snapshots"] = len(SnapshotStore(tmp / "snapshots").list())
    return MEASURED["shipped_env"]  # type: ignore[return-value]


def bench_scale(tmp: Path) -> None:
    import duckdb
    import pycountry

    from kr_pipeline.observations import COLUMNS, frame

    labels = sorted({c.name for c in pycountry.countries})[:248]
    times = {}
    for n in (1, 50, 200):
        store, registry = scale_store(tmp / f"scale{n}", n, labels)
        times[n], db, env = build_once(tmp / f"scale{n}", store, registry)
        record(f"scale: build of {n} publications (process)", times[n], "", f"{times[n] / n:.3f} s per publication")
    small_env = shipped_env(tmp / "shipped-for-scale")
    kr = str(BIN / "kr")
    pairs = interleaved({"200": lambda: run_process([kr, "build"], env), "small": lambda: run_process([kr, "build"], small_env)})
    record_pairs(
        "no-change rebuild of 200 snapshots (process)",
        pairs["200"],
        pairs["small"],
        1.5,
        f"flat: <= 1.5x that of the {MEASURED['snapshots']} shipped",
    )
    marginal = (times[50] - times[1]) / 49
    late = (times[200] - times[50]) / 150
    record(
        "  marginal cost of a publication, 1 -> 50 (50 -> 200)",
        marginal,
        "<= 0.24 s (half of 0.48)",
        f"{late:.3f} s later; " + ("ok" if max(marginal, late) <= 0.24 else "MISSED"),
    )

    con = duckdb.connect(str(db), read_only=True)
    parse_s, validate_s, pubs = con.execute(
        "SELECT sum(parse_seconds), sum(validate_seconds), count(*) FROM loads WHERE status = 'loaded'"
    ).fetchone()
    rows = con.execute(
        "SELECT * EXCLUDE (source_id, snapshot_year, snapshot_sha256, origin, load_id, loaded_at), "
        "snapshot_sha256 AS pub FROM statements"
    ).df()
    con.close()
    record(f"  of which: parsing {pubs} PDFs", parse_s)
    record("  of which: validation during the build (with what its import left after parsing)", validate_s)
    # The frames as the parsers hand them to the validator (observations.frame types them).
    frames = {k: frame(g[COLUMNS].to_dict("records")) for k, g in rows.groupby("pub")}
    bench_validation(tmp, frames, len(rows))
    bench_loading(tmp, tmp / "scale200", frames)
    bench_export(tmp, env)


def bench_validation(tmp: Path, frames: dict, rows: int) -> None:
    """Validation as a build pays it, in a fresh process with Great Expectations' import,
    against a fresh process giving the same verdicts by one DuckDB query (bench/sql_build.py).
    At the issue's scale too: it measured 200 publications of NCMEC's size (252 rows each,
    50,400 rows); the scale case's publications are a quarter of that (each source has its
    own quarter of the countries), so their rows are taken 4 times over, each copy its own
    publication."""
    import pickle

    gx = (
        "import pickle, sys\n"
        "from kr_pipeline.store.validate import validate_many\n"
        "reports = validate_many(pickle.loads(open(sys.argv[1], 'rb').read()))\n"
        "print(sum(r.success for r in reports.values()), 'of', len(reports), 'pass')\n"
    )
    fourfold = {f"{k}-{i}": f for i in range(4) for k, f in frames.items()}
    for batch, count, limit in ((frames, rows, None), (fourfold, 4 * rows, 10.0)):
        path = tmp / f"frames-{count}.pickle"
        path.write_bytes(pickle.dumps(batch))
        said: dict[str, list[str]] = {"gx": [], "sql": []}

        def measure(args: list[str], name: str):
            return lambda: run_process(args, dict(os.environ, **TELEMETRY_OFF), said[name])

        pairs = interleaved(
            {
                "gx": measure([sys.executable, "-c", gx, str(path)], "gx"),
                "sql": measure([sys.executable, str(ROOT / "bench" / "sql_build.py"), "--verdicts", str(path)], "sql"),
            }
        )
        assert {*said["gx"], *said["sql"]} == {f"{len(batch)} of {len(batch)} pass"}, said
        record_pairs(
            f"  validation of {count:,} rows, {len(batch)} publications, fresh process",
            pairs["gx"],
            pairs["sql"],
            limit,
            "<= 10x the same verdicts by one SQL query, fresh process" if limit else "(judged at 4x the rows, below)",
        )


def bench_loading(tmp: Path, scale: Path, frames: dict) -> None:
    """The load path of a build of 200 publications, from its first bookkeeping row to its
    commit (registering the snapshots, starting their loads, loading them: what build() runs
    around parsing and validation, with both done beforehand; the time in those three calls,
    not the catalog check of parsed rows between them), against one transaction that
    writes the same snapshots, loads and statements rows from frames made beforehand."""
    import numpy as np
    import pandas as pd

    from kr_pipeline.catalog import load_catalog
    from kr_pipeline.observations import COLUMNS, ParsedPublication
    from kr_pipeline.stages import build as stage
    from kr_pipeline.store import connection, warehouse
    from kr_pipeline.store.validate import ValidationReport

    store = SnapshotStore(scale / "store")
    sources = load_registry(scale / "sources.yaml")
    snaps = store.list()
    parsed = {s.sha256: ParsedPublication(s.source_id, s.year, s.file, frames[s.sha256]) for s in snaps}
    passed = ValidationReport("observations", True, 22, 0, [])
    steps = stage.Steps(
        parse=lambda snap, parser, context: parsed[snap.sha256], validate=lambda ps: [passed] * len(ps), prepare=None
    )
    catalog = load_catalog()
    bookkeeping = ("register_snapshots", "start_loads", "load_observations_many")
    spent: list[Sample] = []

    def counted(name: str):
        real = getattr(warehouse, name)

        def timed(*args, **kwargs):
            result = []
            spent.append(in_process(lambda: result.append(real(*args, **kwargs))))
            return result[0]

        return timed

    n = iter(range(10**6))

    def path() -> Sample:
        spent.clear()
        originals = {name: getattr(warehouse, name) for name in bookkeeping}
        for name in bookkeeping:
            setattr(warehouse, name, counted(name))
        try:
            with connection.open_for_write(tmp / f"path{next(n)}.duckdb") as con:
                context = ParseContext(store)
                results = stage.build_publications(
                    con, stage.pending_snapshots(con, store, sources), sources, catalog, steps, context
                )
        finally:
            for name, fn in originals.items():
                setattr(warehouse, name, fn)
        assert [r.status for r in results] == ["loaded"] * len(snaps)
        return sum(w for w, _ in spent), sum(c for _, c in spent)

    at = warehouse.now()
    snapshot_rows = pd.DataFrame([{**{f: getattr(s, f) for f in warehouse._SNAPSHOT_FIELDS}, "registered_at": at} for s in snaps])
    lengths = [len(frames[s.sha256]) for s in snaps]
    load_rows = pd.DataFrame(
        [
            {
                "load_id": f"l{i}",
                "source_id": s.source_id,
                "year": s.year,
                "snapshot_sha256": s.sha256,
                "file": s.file,
                "status": "loaded",
                "started_at": at,
                "finished_at": at,
                "rows_parsed": k,
                "rows_new": k,
            }
            for i, (s, k) in enumerate(zip(snaps, lengths))
        ]
    )
    statements = pd.concat([frames[s.sha256][COLUMNS] for s in snaps], ignore_index=True)
    for column, values in {
        "source_id": [s.source_id for s in snaps],
        "snapshot_year": [s.year for s in snaps],
        "snapshot_sha256": [s.sha256 for s in snaps],
        "origin": ["publication"] * len(snaps),
        "load_id": [f"l{i}" for i in range(len(snaps))],
    }.items():
        statements[column] = np.repeat(np.array(values, dtype=object), lengths)
    statements["loaded_at"] = at

    def floor() -> Sample:
        with connection.open_for_write(tmp / f"floor{next(n)}.duckdb") as con:

            def write() -> None:
                con.register("snapshot_rows", snapshot_rows)
                con.register("load_rows", load_rows)
                con.register("statement_rows", statements)
                con.execute("BEGIN")
                con.execute(f"INSERT INTO snapshots ({', '.join(snapshot_rows.columns)}) SELECT * FROM snapshot_rows")
                con.execute(f"INSERT INTO loads ({', '.join(load_rows.columns)}) SELECT * FROM load_rows")
                columns = warehouse.STATEMENT_COLUMNS
                con.execute(f"INSERT INTO statements ({columns}) SELECT {columns} FROM statement_rows")
                con.execute("COMMIT")

            return in_process(write)

    path(), floor()  # once each first: what either imports is not counted
    pairs = interleaved({"path": path, "floor": floor}, repeat=2 * REPEAT + 1)
    written = sum(lengths)
    record_pairs(
        f"  loading {len(snaps)} publications, {written:,} rows: first bookkeeping row to commit",
        pairs["path"],
        pairs["floor"],
        1.5,
        "<= 1.5x one transaction of the same rows",
    )


def bench_export(tmp: Path, env: dict) -> None:
    """`kr export` of the 200 publications' warehouse against that of the shipped store, with
    the cells each workbook holds: export grows with its rows, no faster (its workbook is
    written in openpyxl's write-only mode; the normal mode was quadratic in a sheet's rows)."""
    from kr_pipeline.present import export
    from kr_pipeline.store.connection import connect

    def cells(db: Path) -> int:
        con = connect(db, read_only=True, wait_seconds=10.0)
        try:
            return sum(
                con.execute(f"SELECT count(*) * {len(con.sql(f'SELECT * FROM {v} LIMIT 0').columns)} FROM {v}").fetchone()[0]
                for v in export.ANALYST_VIEWS
            )
        finally:
            con.close()

    small = shipped_env(tmp / "shipped-for-scale")
    n = iter(range(10**6))
    kr = str(BIN / "kr")
    pairs = interleaved(
        {
            "200": lambda: run_process([kr, "export", "--out", str(tmp / f"export{next(n)}")], env),
            "small": lambda: run_process([kr, "export", "--out", str(tmp / f"export{next(n)}")], small),
        }
    )
    big, few = cells(Path(env["KR_WAREHOUSE"])), cells(Path(small["KR_WAREHOUSE"]))
    record_pairs(
        f"  kr export of 200 publications ({big:,} cells of views; the shipped store's {few:,})",
        pairs["200"],
        pairs["small"],
        None,
        f"(shown: {big / few:.1f}x the cells)",
    )


def _cpu_of(args: list[str], env: dict) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, from the child's rusage) of one process."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = timed_process(args, env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_site(tmp: Path) -> None:
    """`kr site` of the shipped warehouse, three ways, in interleaved rounds (medians):
    cold (an empty folder: every chart's print files drawn), a rebuild whose inputs changed but
    none of its charts (a new change report: pages rebuilt, print files from the previous
    site) and no change at all (the inputs' digest matches: nothing written). Wall and CPU."""
    shutil.copytree(WAREHOUSE_DIR / "snapshots", tmp / "snapshots")
    env = env_for(tmp, tmp / "snapshots", None, None)
    kr = str(BIN / "kr")
    timed_process([kr, "build"], env)
    reports = [tmp / "reports-a", tmp / "reports-b"]
    for i, folder in enumerate(reports):
        folder.mkdir()
        (folder / f"2026010{i + 1}T000000-update.md").write_text(f"# run {i}\n")
    site = str(tmp / "site")
    timed_process([kr, "site", "--out", site], dict(env, KR_REPORTS=str(reports[0])))
    runs: dict[str, list[tuple[float, float]]] = {"cold": [], "cached": [], "unchanged": []}
    for i in range(3):
        runs["cold"].append(_cpu_of([kr, "site", "--out", str(tmp / f"cold-{i}")], dict(env, KR_REPORTS=str(reports[0]))))
        runs["cached"].append(_cpu_of([kr, "site", "--out", site], dict(env, KR_REPORTS=str(reports[(i + 1) % 2]))))
        runs["unchanged"].append(_cpu_of([kr, "site", "--out", site], dict(env, KR_REPORTS=str(reports[(i + 1) % 2]))))
    wall = {k: statistics.median(w for w, _ in v) for k, v in runs.items()}
    cpu = {k: statistics.median(c for _, c in v) for k, v in runs.items()}
    record("kr site, cold: every chart drawn (process)", wall["cold"], "", f"CPU {cpu['cold']:.2f} s")
    record_ratio(
        "kr site, inputs changed but no chart: charts from the cache",
        wall["cached"],
        wall["cold"],
        1,
        "(< cold)",
        f"; CPU {cpu['cached']:.2f} s",
    )
    record_ratio(
        "kr site, nothing changed (process)",
        wall["unchanged"],
        wall["cold"],
        0.1,
        "<= 0.1x cold",
        f"; CPU {cpu['unchanged']:.2f} s",
    )


def main(argv: list[str]) -> None:
    """`bench/run.py [shipped|scale|site]`: every part, or those named."""
    parts = argv or ["shipped", "scale", "site"]
    try:
        with tempfile.TemporaryDirectory() as d:
            tmp = Path(d)
            if "shipped" in parts:
                bench_shipped(tmp / "shipped")
            if "scale" in parts:
                bench_scale(tmp)
            if "site" in parts:
                bench_site(tmp / "site")
    finally:
        widths = [max(len(r[i]) for r in RESULTS + [("measure", "time", "target", "result")]) for i in range(4)]
        header = ("measure", "time", "target", "result")
        print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
        print("  ".join("-" * w for w in widths))
        for row in RESULTS:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths)))


if __name__ == "__main__":
    main(sys.argv[1:])
