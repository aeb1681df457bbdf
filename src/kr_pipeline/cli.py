"""The `kr` command. Analyst commands (query, status) import neither Prefect nor Great
Expectations, so they start in well under a second."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import math
import sys
from pathlib import Path

import click

from .config import Settings, env, env_help, quiet_frameworks
from .errors import KrError, one_line
from .figures import FIGURES
from .vocabulary import VALUED

EXIT_FAILURES = 1
quiet_frameworks()  # before any command can import Prefect or Great Expectations


def _settings() -> Settings:
    return Settings.from_env()


def _fail(message: str, code: int = 2):
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


class _OneLineErrors(click.Group):
    """No traceback reaches a user: what goes wrong in a command is one line on stderr (exit 2),
    naming the file or setting where it can; KR_DEBUG=1 shows the traceback for developers."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            _fail("interrupted", code=130)
        except Exception as exc:
            if env("KR_DEBUG"):
                raise
            _fail(one_line(exc))


class _Year(click.ParamType):
    """A plausible year at the door (limits.check_year): 99999999999 is refused here, not by a
    later build."""

    name = "year"

    def convert(self, value, param, ctx):
        from .limits import check_year

        try:
            return check_year(value, "year")
        except KrError as exc:
            self.fail(str(exc).removeprefix("year: "), param, ctx)


YEAR = _Year()


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
def main():
    """kr-pipeline: figures for the Kinderrechten in Beweging monitor."""


main.epilog = "\b\nEnvironment (every KR_* setting):\n" + env_help()


def _parse_limits() -> None:
    """The parse limits' settings (KR_PARSE_SECONDS, KR_PARSE_MEMORY_MB) checked at the door:
    a bad one is one line before anything is parsed, not a failure of every publication."""
    from . import limits

    limits.parse_seconds()
    limits.parse_memory_mb()


def _run_flow(flow_name: str, **params):
    """Run one of flows/annual_update.py's flows (Prefect's local mode unless PREFECT_API_URL
    points at a server); print one line per source; exit 1 when a source failed."""
    from .registry import known_source, load_registry

    settings = _settings()  # bad settings, a broken registry or an unknown source: before Prefect starts
    _parse_limits()
    sources = load_registry(settings.sources)
    if params.get("source") is not None:
        known_source(sources, params["source"])

    import flows.annual_update as flows

    from .tempserver import start_tied_temporary_server

    start_tied_temporary_server()  # Prefect's temporary server, if any, dies with this process

    from .present.report import RunFailed, RunSummary

    state = getattr(flows, flow_name)(**params, return_state=True)
    summary = state.result(raise_on_failure=False)
    if isinstance(summary, RunFailed):  # a run with failures: its summary all the same
        summary = summary.summary
    if isinstance(summary, KrError):
        _fail(str(summary))
    if not isinstance(summary, RunSummary):  # the flow crashed before its report (a bug, or a time limit)
        _fail(f"the {flow_name} run ended {state.name}: {state.message or summary}", code=EXIT_FAILURES)
    for line in summary.lines:
        click.echo(line)
    if summary.offline:
        click.echo("No publisher could be reached (offline?): the warehouse was built from the snapshot store.")
    if summary.path:
        click.echo(f"change report: {summary.path}")
    if summary.site:
        click.echo(f"site: {summary.site / 'index.html'}")
    if summary.published:
        click.echo(f"published: {summary.published}")
    if summary.failed:
        click.echo(summary.state_message, err=True)
        sys.exit(EXIT_FAILURES)


@main.command()
@click.option("--source", "source_id", help="Only this source (e.g. ncmec, iwf).")
@click.option("--recheck", is_flag=True, help="Also ask again for years already stored (conditional GET).")
@click.option(
    "--allow-offline",
    is_flag=True,
    help="When no publisher at all can be reached (no network), build from the store and exit 0.",
)
def update(source_id, recheck, allow_offline):
    """The annual update: fetch new publications, snapshot them, build (a Prefect flow)."""
    _run_flow("annual_update", source=source_id, recheck=recheck, allow_offline=allow_offline)


@main.command()
@click.option("--source", "source_id", required=True)
@click.option("--years", required=True, help='Years to fetch and load, e.g. "2019-2024" or "2019,2021".')
@click.option("--recheck", is_flag=True, help="Ask again for years already stored (possible revisions).")
def backfill(source_id, years, recheck):
    """Fetch and load past years of one source (a Prefect flow with a task per year)."""
    from .pipeline import parse_years

    try:
        parse_years(years)
    except (KrError, ValueError) as exc:
        _fail(f"--years: {exc}")
    _run_flow("backfill", source=source_id, years=years, recheck=recheck)


@main.command()
@click.option("--source", "source_id", required=True)
def check(source_id):
    """Ask a source for new or changed publications; build only if something new arrived."""
    _run_flow("check_source", source=source_id)


@main.command()
@click.argument("indicator")
@click.option("--country", help="ISO code (NLD or NL) or name (Netherlands, Nederland, or as published, e.g. Europe).")
@click.option("--year", type=YEAR)
@click.option("--breakdown")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
def history(indicator, country, year, breakdown, fmt):
    """Every vintage of a figure, with the snapshot it came from and when it was loaded."""
    from .store.status import NoValues
    from .store.status import history as vintages

    try:
        table = vintages(_settings().warehouse, indicator, country, year, breakdown)
    except NoValues as exc:
        _fail(str(exc), code=EXIT_FAILURES)
    _print_rows(table.columns, table.rows, fmt)


@main.command()
@click.option("--source", "source_id", help="Only this source.")
@click.option("--retry-rejected", is_flag=True, help="Also retry snapshots refused by the same code before.")
def build(source_id, retry_rejected):
    """Parse, validate and load every snapshot not yet loaded (and nothing else)."""
    from . import pipeline
    from .present.report import change_report

    settings, started = _settings(), dt.datetime.now(dt.timezone.utc)
    _parse_limits()
    results = pipeline.build(settings, source_id, retry_rejected=retry_rejected)
    summary = change_report(settings, "build", pipeline.reports_by_source(results), started)
    if not results:
        click.echo("nothing new to load")
    for r in results:
        click.echo(f"{r.source_id} {r.year}: {r.status.upper()}: {r.message}")
    click.echo(f"change report: {summary.path}")
    if any(r.status != "loaded" for r in results):
        sys.exit(EXIT_FAILURES)


@main.group(invoke_without_command=True)
@click.pass_context
def review(ctx):
    """Numbers a parser read but did not load (unclear period, another organisation, unknown
    measure), each with its sentence: accept one as a curated figure, or reject it."""
    if ctx.invoked_subcommand is None:
        from .store.review import queue

        columns, rows = queue(_settings())
        if not rows:
            click.echo("nothing waits for review")
            return
        _print_rows(columns, rows, "table")


@review.command("accept")
@click.argument("candidate_id")
@click.option("--indicator", help="The indicator, where the parser could not tell.")
@click.option("--year", "period", help='The period ("2023", "2024-H1"), where the parser could not tell.')
@click.option("--breakdown")
@click.option("--qualifier", type=click.Choice([str(q) for q in VALUED]))
def review_accept(candidate_id, indicator, period, breakdown, qualifier):
    """Write a candidate into its source's curated file, checked as the build will check it
    (catalog, period, quote in its own snapshot, one figure per series); again: nothing doubles."""
    from .store.review import accept

    accepted = accept(_settings(), candidate_id, indicator, period, breakdown, qualifier)
    click.echo(accepted.message(candidate_id))


@review.command("export")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The workbook to write (.xlsx).")
@click.option("--source", "sources", multiple=True, help="Also the curated figures of this source (repeatable), to edit.")
def review_export(out, sources):
    """Write the review queue (and a source's curated figures) as a workbook an editor fills in;
    read it back with `kr review import`."""
    from .present.review_workbook import export_workbook

    written = export_workbook(_settings(), out, tuple(sources))
    click.echo(f"wrote {written}: fill in the yellow columns, then `kr review import {written}`")


@review.command("import")
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
def review_import(workbook):
    """Read an editor's workbook back: each decision through `kr review accept` / `reject`, each
    source's figures through the build's check; an error names the sheet, row and column."""
    from .present.review_workbook import import_workbook

    done = import_workbook(_settings(), workbook)
    for line in done.lines():
        click.echo(line)


@review.command("reject")
@click.argument("candidate_id")
@click.option("--reason", required=True)
def review_reject(candidate_id, reason):
    """Record that a candidate is not a figure to load."""
    from .store.review import reject

    new = reject(_settings(), candidate_id, reason)
    click.echo(f"rejected {candidate_id}: {reason}" if new else f"{candidate_id} was rejected already (nothing changed)")


@main.group()
def snapshot():
    """The snapshot store: raw publication files with provenance."""


@snapshot.command("add")
@click.argument("source_id")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--year", type=YEAR, required=True)
@click.option("--url", help="Where the file was downloaded from.")
@click.option("--title", help="Publication title (default: from the source registry).")
@click.option("--note", help="Anything an analyst should know about this copy.")
@click.option(
    "--voice",
    type=click.Choice(["own", "reported"]),
    help="Whose voice a prose file speaks in: own (the publisher's own site or report) or reported "
    "(press, another organisation). Default: from --url's host and the text.",
)
def snapshot_add(source_id, file, year, url, title, note, voice):
    """Register a publication FILE downloaded by hand. Same bytes twice is a no-op."""
    from .ingest.inventory import add_by_hand

    added = add_by_hand(_settings(), source_id, file, year, url=url, title=title, note=note, voice=voice)
    snap = added.snapshot
    verb = "added" if added.created else "already in the store (same bytes), nothing changed:"
    click.echo(f"{verb} {source_id} {year} {snap.path} (sha256 {snap.sha256[:12]}, {snap.size:,} bytes)")
    for warning in added.warnings:
        click.echo(f"warning: {warning}", err=True)
    if added.created:
        click.echo("run `kr build` to load it")


@snapshot.command("list")
@click.option("--source", "source_id")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
@click.option("--verify", is_flag=True, help="Also read every file and check its checksum (sizes are always checked).")
def snapshot_list(source_id, fmt, verify):
    """The snapshots in the store, each with what became of it: loaded, rejected, failed,
    withdrawn, reference (kept to check quotes against) or not loaded (yet)."""
    from .ingest.inventory import snapshot_rows, store_problems

    columns, rows = snapshot_rows(_settings(), source_id, verify=verify)
    problems = store_problems(_settings(), source_id, verify=verify)
    _print_rows(columns, rows, fmt)
    for line in problems:  # on stderr: the listing stays machine-readable
        click.echo(f"damaged: {line}" if not line.startswith("damaged") else line, err=True)


@snapshot.command("withdraw")
@click.argument("sha256")
@click.option("--reason", required=True, help="Why (e.g. 'the 2022 PDF stored as 2023 by mistake').")
@click.option("--source", "source_id", help="When the same bytes are stored under several sources.")
@click.option("--year", type=YEAR, help="When the same bytes are stored under several years.")
def snapshot_withdraw(sha256, reason, source_id, year):
    """Withdraw a snapshot added by mistake: its values leave `observations` (the version
    before it, or another source's statement, is shown again); the file, its history and its
    loads stay. Rebuilds, and writes a change report."""
    from . import pipeline
    from .ingest.inventory import withdraw
    from .present.report import change_report

    settings, started = _settings(), dt.datetime.now(dt.timezone.utc)
    done, results = withdraw(settings, sha256, reason, source_id, year)
    reports = pipeline.reports_by_source(results)
    mine = next((r for r in reports if r.source_id == done.snapshot.source_id), None)
    if mine is None:
        reports.append(mine := pipeline.SourceReport(done.snapshot.source_id))
    mine.withdrawn.append(done)
    summary = change_report(settings, "withdraw", reports, started)
    s = done.snapshot
    click.echo(
        f"withdrawn {s.source_id} {s.year} {s.sha256[:12]} ({s.file}): {done.values_left} values left observations, "
        f"{done.series_now_from_elsewhere} of those series now show another statement's value"
    )
    for r in results:
        click.echo(f"{r.source_id} {r.year}: {r.status.upper()}: {r.message}")
    click.echo(f"change report: {summary.path}")


@main.command()
@click.argument("sql", required=False)
@click.option("--file", "-f", "sql_file", help="Read the SQL from this file instead.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
@click.option(
    "--timeout", type=click.FloatRange(min=0.1), help="Stop the query after this many seconds (default 60; KR_QUERY_SECONDS)."
)
@click.option("--memory", help="Memory the query may use, e.g. 500MB or 8GB (default 4GB; KR_QUERY_MEMORY).")
@click.option("--max-rows", type=click.IntRange(min=1), help="Print at most this many rows (default 10000; KR_QUERY_ROWS).")
def query(sql, sql_file, fmt, timeout, memory, max_rows):
    """Run read-only SQL on the warehouse and print the result (under a time, memory and row limit)."""
    from .store.connection import QueryLimits, print_query

    if sql_file is not None:
        if sql is not None:
            _fail("give the SQL as an argument or with --file, not both")
        try:
            sql = Path(sql_file).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"cannot read the SQL file {sql_file}: {exc.strerror if isinstance(exc, OSError) else exc}")
    if sql is None or not sql.strip() or not sql.strip().strip(";").strip():
        _fail('no SQL given: kr query "SELECT ..." (or --file query.sql)')
    # run, fetched and formatted in a child process under the limits; printed as it comes
    limits = QueryLimits.from_env(timeout, memory, max_rows)
    result = print_query(_settings().warehouse, sql, limits, fmt, lambda chunk: click.echo(chunk, nl=False))
    if "country_iso3" in sql.lower():
        from .reading.countries import query_hint

        hint = query_hint(sql)
        if hint:
            click.echo(hint, err=True)
    if result.cut:
        click.echo(
            f"note: only the first {result.rows:,} rows are shown; the query has more (add LIMIT or WHERE, or raise --max-rows)",
            err=True,
        )


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder to write (replaced whole).")
@click.option(
    "--base-url",
    help="Where the folder will be served (e.g. https://data.example.org/kr/): the small DuckDB file's views read "
    "the Parquet files there. Without it they read them under the folder the reader names "
    "(SET VARIABLE kr_published = 'DIR'), never relative to the reader's working folder.",
)
def publish(out, base_url):
    """Publish the warehouse read-only for many readers: Parquet per table and view, a small
    DuckDB file of views over them, a manifest, and the site when built."""
    from .present.publish import publish as publish_warehouse

    settings = _settings()
    done = publish_warehouse(settings.warehouse, out, base_url=base_url, site=settings.site)
    click.echo(
        f"published {done.relations} tables and views ({done.rows:,} rows) to {done.out}"
        + (" with the site" if done.site else "")
        + f": {done.out / 'manifest.json'}"
    )


@main.command()
@click.argument("figure", type=click.Choice(list(FIGURES)))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
def show(figure, fmt):
    """Print the data of one of the chapter's figures."""
    from .figures import figure_table

    columns, rows = figure_table(_settings().warehouse, figure)
    _print_rows(columns, rows, fmt)


@main.command()
@click.argument("figure", type=click.Choice([*FIGURES, "all"]))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder for the PNG and SVG files.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True, help="Language of titles and labels.")
def chart(figure, out, lang):
    """Draw a figure of the chapter (or all) as PNG (300 dpi) and SVG (text kept as text)."""
    from .figures import expand
    from .present.charts import draw

    for name in expand(figure):
        for path in draw(_settings().warehouse, name, out, lang):
            click.echo(f"wrote {path}")


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True)
def export(out):
    """Write the chapter's figures for the editors (XLSX with a leesmij sheet, CSV, Dutch-Excel
    CSV, Parquet), then the warehouse views for analysts."""
    from .present.export import export_views

    paths = export_views(_settings().warehouse, out)
    click.echo(f"wrote {len(paths)} files to {out} (open {out / 'kinderhandel-figuren.xlsx'})")


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Folder (default: KR_SITE or warehouse/site).")
def site(out):
    """Build the static website of the monitor's figures (Dutch, with an English version):
    open DIR/index.html in a browser, or copy DIR to any static host."""
    from .present.website import build_site

    settings = _settings()
    out = out or settings.site
    if out is None:
        _fail("KR_SITE=off and no --out: say where to write the site")
    pages = build_site(settings, out)
    if pages:
        click.echo(f"wrote {len(pages)} pages to {out}; open {out / 'index.html'}")
    else:
        click.echo(f"{out} is up to date: nothing it shows has changed; open {out / 'index.html'}")


@main.command()
@click.option("--markdown", is_flag=True, help="As a Markdown table (for the docs).")
def indicators(markdown):
    """List the indicator catalog (each publisher's indicators.yaml)."""
    from .catalog import listing, load_catalog
    from .catalog import markdown as as_markdown

    catalog = load_catalog()
    if markdown:
        click.echo(as_markdown(catalog), nl=False)
        return
    _print_rows(*listing(catalog), "table")


@main.command()
def status():
    """Per source: the next edition and when it is due; newest year loaded, snapshots, last load
    and its validation result."""
    from .store.status import status_report

    report = status_report(_settings())
    if report.sources is not None:
        _print_rows(report.sources.columns, report.sources.rows, "table")
    for line in report.lines:
        click.echo(line)
    click.echo("\nNext editions (from the registry and the snapshot store):")
    _print_rows(report.editions.columns, report.editions.rows, "table")
    if report.error:
        _fail(report.error)


def _plain(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


def _print_rows(columns, rows, fmt):
    rows = [[_plain(v) for v in row] for row in rows]
    out = io.StringIO()
    if fmt == "json":
        # Valid JSON: NaN and infinities (which JSON does not have) as null.
        finite = [[None if isinstance(v, float) and not math.isfinite(v) else v for v in r] for r in rows]
        out.write(json.dumps([dict(zip(columns, r)) for r in finite], ensure_ascii=False, default=str, allow_nan=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(["" if v is None else v for v in r] for r in rows)
    else:
        # Thousands separators for counts, not for years or ids.
        grouped = [not ("year" in c.lower() or c.lower().endswith("id") or c.lower() == "vintage") for c in columns]
        text = [
            [
                "NULL" if v is None else (f"{v:,}" if g and isinstance(v, int) and not isinstance(v, bool) else str(v))
                for v, g in zip(r, grouped)
            ]
            for r in rows
        ]
        widths = [max([len(c)] + [len(r[i]) for r in text]) for i, c in enumerate(columns)]
        out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
        out.write("  ".join("-" * w for w in widths) + "\n")
        for r, raw in zip(text, rows):
            cells = [
                v.rjust(w) if isinstance(x, (int, float)) and not isinstance(x, bool) else v.ljust(w)
                for v, w, x in zip(r, widths, raw)
            ]
            out.write("  ".join(cells).rstrip() + "\n")
        out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")
    click.echo(out.getvalue(), nl=False)


if __name__ == "__main__":
    main()
