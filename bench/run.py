"""kr-pipeline benchmark: prints a table of timings on this machine.

    .venv/bin/python bench/run.py            (or: python3.11 run.py bench)

Measures, each in a fresh temporary warehouse:
  - cold build of the whole shipped snapshot store (`kr build` as a process)
  - a rebuild with nothing new (`kr build` again: must skip parsing entirely)
  - the CLI's start-up alone (`kr --help`), the yardstick for the rebuild target
  - `kr query` of a figure view as a process (must not import Prefect or GX)
  - parsing each shipped publication, and for NCMEC PDFs the text extraction alone
  - scale: 50 years x 250 countries x 4 sources of synthetic NCMEC-style PDFs in one build
Targets (from the hardening issue): query < 1 s; no-change rebuild <= start-up + 1 s; NCMEC
parse <= 3x text extraction; bulk loading (rows/s reported).
"""

from __future__ import annotations

import os
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


def record(name: str, seconds: float, target: str = "", verdict: str = "") -> None:
    RESULTS.append((name, f"{seconds:.3f} s", target, verdict))


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
    record("no-change rebuild (process)", rebuild, f"<= {startup + 1:.2f} s", "ok" if rebuild <= startup + 1 else "MISSED")
    query = timed_process([kr, "query", "SELECT * FROM fig_ncmec"], env, repeat=5)
    record("kr query of a figure view (process)", query, "< 1 s", "ok" if query < 1 else "MISSED")
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
            ratio = parse_s / extract
            record(
                f"parse {snap.source_id} {snap.year} (text extraction alone {extract:.3f} s)",
                parse_s,
                "<= 3x extraction",
                f"{ratio:.2f}x " + ("ok" if ratio <= 3 else "MISSED"),
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


def bench_scale(tmp: Path, years: int = 50, countries: int = 250, sources: int = 4) -> None:
    import pycountry

    labels = sorted({c.name for c in pycountry.countries})[:countries]
    while len(labels) < countries:
        labels.append(f"Territory {chr(65 + len(labels) % 26)}{len(labels)}")
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
    store = SnapshotStore(tmp / "scale-store")
    first_year = 2026 - years + 1
    for n in range(1, sources + 1):
        for year in range(first_year, first_year + years):
            store.add(f"syn{n}", year, synthetic_pdf(year, labels, n), original_name="x.pdf")
    (tmp / "scale-curated").mkdir()
    env = env_for(tmp / "scale", tmp / "scale-store", registry, tmp / "scale-curated")
    (tmp / "scale").mkdir()
    seconds = timed_process([str(BIN / "kr"), "build"], env)
    n_rows = sources * years * (countries + 2)
    record(
        f"scale: {sources} sources x {years} years x {countries} countries, one build ({sources * years} PDFs, {n_rows:,} rows)",
        seconds,
    )
    import duckdb

    con = duckdb.connect(str(tmp / "scale" / "kr.duckdb"), read_only=True)
    parse_s, validate_s, load_s, loaded = con.execute(
        "SELECT sum(parse_seconds), sum(validate_seconds), sum(load_seconds), sum(rows_new) FROM loads WHERE status = 'loaded'"
    ).fetchone()
    con.close()
    record("  of which: parsing 200 PDFs", parse_s)
    record("  of which: Great Expectations validation", validate_s)
    record("  of which: loading (bulk, one INSERT ... SELECT per publication)", load_s, "bulk", f"{loaded / load_s:,.0f} rows/s")


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        bench_shipped(tmp / "shipped")
        bench_scale(tmp)
    widths = [max(len(r[i]) for r in RESULTS + [("measure", "time", "target", "result")]) for i in range(4)]
    header = ("measure", "time", "target", "result")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for row in RESULTS:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)))


if __name__ == "__main__":
    main()
