"""kr-pipeline benchmark: prints a table of timings on this machine.

    .venv/bin/python bench/run.py            (or: python3.11 run.py bench)

Measures, each in a fresh temporary warehouse, and prints side by side with its yardstick:
  - cold build of the whole shipped snapshot store (`kr build` as a process)
  - a rebuild with nothing new (`kr build` again: must skip parsing entirely) against the
    CLI's start-up alone (`kr --help`)
  - `kr query` of a figure view against a bare DuckDB Python process (no Prefect, no GX)
  - `kr update` offline against `kr build` plus Prefect's temporary server start
  - parsing each shipped publication, and for NCMEC PDFs the text extraction alone
  - scale: builds of 1, 50 and 200 synthetic NCMEC-style PDFs (4 sources, each its own
    countries, so every row is a new value): time per publication and marginal cost;
    validation (one Great Expectations batch) against one DuckDB query of the same rules;
    loading against one bulk INSERT of the same rows.
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
from kr_pipeline.reading.context import ParseContext  # noqa: E402
from kr_pipeline.reading.pdftext import pdf_pages  # noqa: E402
from kr_pipeline.registry import load_registry  # noqa: E402
from kr_pipeline.snapshots import SnapshotStore  # noqa: E402
from tests.pdfwriter import text_pdf  # noqa: E402

RESULTS: list[tuple[str, str, str, str]] = []
MEASURED: dict[str, float] = {}  # for ratios between sections


def record(name: str, seconds: float, target: str = "", verdict: str = "") -> None:
    RESULTS.append((name, f"{seconds:.3f} s", target, verdict))


def record_ratio(name: str, seconds: float, base: float, limit: float, target: str, extra: str = "") -> None:
    """A measure beside its yardstick (measured in the same run): met when seconds / base <= limit."""
    ratio = seconds / base
    record(name, seconds, target, f"{ratio:.2f}x ({base:.3f} s){extra} " + ("ok" if ratio <= limit else "MISSED"))


def timed_process(args: list[str], env: dict, repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        done = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if done.returncode not in (0,):
            raise SystemExit(f"{' '.join(args)} failed: {done.stdout[-2000:]} {done.stderr[-2000:]}")
    return statistics.median(times)


def env_for(tmp: Path, snapshots: Path, sources: Path, curated: Path) -> dict:
    return dict(
        os.environ,
        KR_WAREHOUSE=str(tmp / "kr.duckdb"),
        KR_SNAPSHOTS=str(snapshots),
        KR_SOURCES=str(sources),
        KR_CURATED=str(curated),
        KR_REPORTS=str(tmp / "reports"),
        **TELEMETRY_OFF,
    )


def bench_shipped(tmp: Path) -> None:
    shutil.copytree(WAREHOUSE_DIR / "snapshots", tmp / "snapshots")
    env = env_for(tmp, tmp / "snapshots", WAREHOUSE_DIR / "sources.yaml", WAREHOUSE_DIR / "curated")
    kr = str(BIN / "kr")
    record("cold build, whole shipped store (process)", timed_process([kr, "build"], env))
    startup = timed_process([kr, "--help"], env, repeat=5)
    record("CLI start-up alone (kr --help)", startup)
    rebuild = timed_process([kr, "build"], env, repeat=3)
    MEASURED["rebuild"] = rebuild
    MEASURED["snapshots"] = len(SnapshotStore(tmp / "snapshots").list())
    record("no-change rebuild (process)", rebuild, f"<= {startup + 1:.2f} s", "ok" if rebuild <= startup + 1 else "MISSED")
    query = timed_process([kr, "query", "SELECT * FROM fig_ncmec"], env, repeat=5)
    bare = timed_process(
        [
            sys.executable,
            "-c",
            f"import duckdb; duckdb.connect({str(tmp / 'kr.duckdb')!r}, read_only=True).sql('SELECT * FROM fig_ncmec').fetchall()",
        ],
        env,
        repeat=5,
    )
    record_ratio("kr query of a figure view (process)", query, bare, 1.5, "<= 1.5x bare DuckDB")
    # Offline: every publisher's address refuses (a closed port), as without a network.
    registry = tmp / "offline-sources.yaml"
    registry.write_text(re.sub(r"https?://[^/\s\"']+", "http://127.0.0.1:9", (WAREHOUSE_DIR / "sources.yaml").read_text("utf-8")))
    offline_env = dict(env, KR_SOURCES=str(registry), KR_ALLOW_PRIVATE_URLS="1", KR_SITE="off")
    # Interleaved, five times each, medians: the temporary server's start varies by seconds
    # from run to run here, more than the 2 s this target allows.
    paired: dict[str, list[float]] = {"update": [], "server": [], "build": []}
    for _ in range(5):
        paired["update"].append(timed_process([kr, "update", "--allow-offline"], offline_env))
        paired["server"].append(
            timed_process([sys.executable, "-c", "from prefect import flow\n@flow\ndef f():\n    return 1\nf()"], offline_env)
        )
        paired["build"].append(timed_process([kr, "build"], offline_env))
    update, server, build = (statistics.median(paired[k]) for k in ("update", "server", "build"))
    limit = build + server + 2
    record(
        "kr update, offline, no site (process)",
        update,
        "<= build + server + 2 s",
        f"{limit:.2f} s (build {build:.2f}, Prefect temporary server {server:.2f}) " + ("ok" if update <= limit else "MISSED"),
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

    sources = load_registry(WAREHOUSE_DIR / "sources.yaml")
    store = SnapshotStore(tmp / "snapshots")
    for snap in store.list():
        parser = pipeline.parser_for(snap, sources[snap.source_id])
        if parser == pipeline.REFERENCE:
            continue
        context = ParseContext(store)
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            pipeline.parse_snapshot(snap, parser, context)
            runs.append(time.perf_counter() - t0)
        parse_s = min(runs)
        if snap.file.endswith(".pdf"):
            data = snap.path.read_bytes()
            extract = min(_timeit(lambda: pdf_pages(data)) for _ in range(3))
            record_ratio(
                f"parse {snap.source_id} {snap.year} (against text extraction alone)", parse_s, extract, 3, "<= 3x extraction"
            )
        else:
            record(f"parse {snap.source_id} {snap.year} ({parser})", parse_s)


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


# The suite's rules as one DuckDB query (the yardstick for validation): a row breaking any
# rule is counted. Kept beside the suite's meaning, not its code: expectations/observations.json.
RULES_SQL = """
SELECT count(*) FILTER (WHERE indicator_id IS NULL OR NOT regexp_matches(indicator_id, '^[a-z0-9_]+\\.[a-z0-9_]+$')
    OR year IS NULL OR year < 1950 OR year > 2027
    OR NOT regexp_matches(period, '^\\d{4}(?:-\\d{4}|-H[12])?$')
    OR country_name IS NULL OR breakdown IS NULL OR unit IS NULL OR location IS NULL
    OR qualifier NOT IN ('exact', 'approx', 'lower_bound', 'suppressed', 'range', 'no_value')
    OR area_type NOT IN ('country', 'no_country', 'aggregate', 'other', 'total')
    OR (country_iso3 IS NOT NULL AND NOT regexp_matches(country_iso3, '^[A-Z]{3}$'))
    OR (qualifier IN ('exact', 'approx', 'lower_bound') AND value IS NULL)
    OR (qualifier IN ('suppressed', 'no_value') AND value IS NOT NULL)
    OR (unit <> 'percent_change' AND value < 0)
    OR (unit = 'percent' AND (value < 0 OR value > 100))
    OR (unit NOT IN ('percent', 'percent_change') AND value IS NOT NULL AND value % 1 <> 0)
    OR text_part NOT IN ('table', 'body', 'headline')
    OR (unit = 'percent_change' AND value < -100)),
    count(*) - count(DISTINCT (pub, indicator_id, year, period, country_name, breakdown))
FROM frames
"""


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


def bench_scale(tmp: Path) -> None:
    import duckdb
    import pandas as pd
    import pycountry

    from kr_pipeline.observations import COLUMNS, frame
    from kr_pipeline.validate import validate_many

    labels = sorted({c.name for c in pycountry.countries})[:248]
    times = {}
    for n in (1, 50, 200):
        store, registry = scale_store(tmp / f"scale{n}", n, labels)
        times[n], db, env = build_once(tmp / f"scale{n}", store, registry)
        record(f"scale: build of {n} publications (process)", times[n], "", f"{times[n] / n:.3f} s per publication")
    rebuild = timed_process([str(BIN / "kr"), "build"], env, repeat=3)
    small = MEASURED.get("rebuild")
    record(
        "no-change rebuild of 200 snapshots (process)",
        rebuild,
        f"flat: ~{small:.2f} s at {MEASURED.get('snapshots', 0):.0f}" if small else "flat",
        (f"{rebuild / small:.2f}x " + ("ok" if rebuild <= 1.5 * small else "MISSED")) if small else "",
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
    parse_s, validate_s, load_s, written, pubs = con.execute(
        "SELECT sum(parse_seconds), sum(validate_seconds), sum(load_seconds), sum(rows_new + rows_revised + rows_unchanged), count(*) "
        "FROM loads WHERE status = 'loaded'"
    ).fetchone()
    rows = con.execute(
        "SELECT * EXCLUDE (source_id, snapshot_year, snapshot_sha256, origin, load_id, loaded_at), "
        "snapshot_sha256 AS pub FROM statements"
    ).df()
    con.close()
    record(f"  of which: parsing {pubs} PDFs", parse_s)
    # The frames as the parsers hand them to the validator (observations.frame types them).
    frames = {k: frame(g[COLUMNS].to_dict("records")) for k, g in rows.groupby("pub")}
    tiny = {k: f.head(3) for k, f in list(frames.items())[:2]}
    validate_many(tiny)  # Great Expectations imported and its context made (once per build)
    duck = duckdb.connect()

    def gx_against_sql(batch: dict) -> tuple[float, float]:
        # Best of several: both sides are short enough for the machine's noise to matter.
        gx_s = min(_timeit(lambda: validate_many(batch)) for _ in range(5))
        assert all(r.success for r in validate_many(batch).values())
        duck.register("frames", pd.concat([f.assign(pub=k) for k, f in batch.items()]))
        sql_s = min(_timeit(lambda: duck.sql(RULES_SQL).fetchall()) for _ in range(9))
        assert duck.sql(RULES_SQL).fetchall() == [(0, 0)]
        return gx_s, sql_s

    # The target is judged at the scale: it measured 200 publications of NCMEC's
    # size (252 rows each, 50,400 rows); the scale case's publications are a quarter of
    # that (each source has its own quarter of the countries), so its rows are taken 4 times
    # over, each copy its own publication. At 12,800 rows Great Expectations' fixed cost per
    # expectation (its bookkeeping, the same on 6 rows) is most of the time: shown, not judged.
    gx_s, sql_s = gx_against_sql(frames)
    record(
        f"  validation: one Great Expectations batch, {len(rows):,} rows",
        gx_s,
        "(judged at the issue's scale, below)",
        f"{gx_s / sql_s:.2f}x ({sql_s:.3f} s)",
    )
    fixed_s = min(_timeit(lambda: validate_many(tiny)) for _ in range(5))
    record(
        f"    Great Expectations' fixed cost: the same suite on {sum(map(len, tiny.values()))} rows",
        fixed_s,
        "",
        f"alone {fixed_s / sql_s:.1f}x the DuckDB query of {len(rows):,} rows",
    )
    fourfold = {f"{k}-{i}": f for i in range(4) for k, f in frames.items()}
    big_gx, big_sql = gx_against_sql(fourfold)
    record_ratio(
        f"  validation at the issue's scale: {4 * len(rows):,} rows, one batch",
        big_gx,
        big_sql,
        10,
        "<= 10x one DuckDB query",
    )
    record("  validation during the build (with Great Expectations' import and context)", validate_s)
    # The yardstick: the same rows, as one frame, into the same table in a database file,
    # committed (a load is durable; an INSERT into memory would not be the same work).
    src = duckdb.connect(str(db), read_only=True)
    everything = src.sql("SELECT * FROM statements").df()
    ddl = src.execute("SELECT sql FROM duckdb_tables() WHERE table_name = 'statements'").fetchone()[0]
    src.close()
    inserts = []
    for attempt in range(3):
        bulk = duckdb.connect(str(tmp / f"bulk{attempt}.duckdb"))
        bulk.execute(ddl)
        bulk.register("everything", everything)
        inserts.append(_timeit(lambda: bulk.execute("BEGIN; INSERT INTO statements SELECT * FROM everything; COMMIT")))
        bulk.close()
    record_ratio(
        f"  loading: {pubs} publications, {written:,} rows written",
        load_s,
        min(inserts),
        5,
        "<= 5x one bulk INSERT, committed",
        f"; {written / load_s:,.0f} rows/s",
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
    env = env_for(tmp, tmp / "snapshots", WAREHOUSE_DIR / "sources.yaml", WAREHOUSE_DIR / "curated")
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
