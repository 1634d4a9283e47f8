"""The command line: ``tracker ingest``, ``tracker extract``, ``tracker serve``."""
from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator

import click

from .corrections import apply as apply_corrections, correct
from .extract import extract as extract_document
from .model import Document, Extraction
from .read import KNOWN, ReadError, expand, read

DEFAULT_DB = "tracker.db"


@click.group()
@click.version_option(package_name="quote-claim-tracker")
def cli():
    """Quotes and factual claims from news articles, in SQLite, browsable with Datasette."""


def _extract_safely(item: Document | ReadError) -> Extraction | ReadError:
    """Extraction never stops a run: an unexpected failure becomes an error for that article."""
    if isinstance(item, ReadError):
        return item
    try:
        return extract_document(item)
    except Exception as e:  # noqa: BLE001 - reported per article, the run goes on
        return ReadError(item.source or "<input>", f"extraction failed: {type(e).__name__}: {e}")


def extractions(items: Iterable[Document | ReadError], jobs: int) -> Iterator[Extraction | ReadError]:
    """Extract in ``jobs`` processes (1: in this one), keeping the input order."""
    if jobs <= 1:
        yield from map(_extract_safely, items)
        return
    with multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn").Pool(jobs) as pool:
        yield from pool.imap(_extract_safely, items, chunksize=8)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="SQLite database to create or add to")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(0),
              help="extraction processes (0: one per CPU)")
@click.option("-q", "--quiet", is_flag=True, help="no progress bar")
def ingest(paths, db_path, jobs, quiet):
    """Add the articles in PATHS (files, folders, or - for stdin) to the database.

    An article already stored (same text) is skipped. A file that cannot be read
    or parsed gets one line on stderr and a row in ingest_errors; the rest goes
    on, and the exit status is 1.
    """
    from .store import Store

    started = time.perf_counter()
    try:
        store = Store(db_path, batch_size=200)
    except sqlite3.Error as e:
        raise click.ClickException(f"cannot open database {db_path}: {e}") from None
    skipped: list[str] = []
    sources = list(expand(paths, skipped))
    if skipped:
        kinds = ", ".join(sorted(KNOWN))
        click.echo(f"note: {_n(len(skipped), 'file')} in folders skipped, not {kinds} "
                   f"(e.g. {skipped[0]}); name a file to read it as text", err=True)
    if not sources:
        click.echo("note: no article files found", err=True)
    counts = dict(added=0, present=0, errors=0, quotes=0, claims=0)

    def fresh() -> Iterator[Document | ReadError]:
        for item in read(sources):
            if isinstance(item, Document) and store.has(item.text):
                counts["present"] += 1
                continue
            yield item

    def report(err: ReadError) -> None:
        click.echo(f"error: {err}", err=True)
        store.record_error(err)
        counts["errors"] += 1

    def report_failures() -> None:
        """Articles whose rows could not be written: rolled back whole, reported, the run goes on."""
        for ex, e in store.failures:
            report(ReadError(ex.document.source or "<input>", f"could not store: {type(e).__name__}: {e}"))
            counts["added"] -= 1
            counts["quotes"] -= len(ex.quotes)
            counts["claims"] -= len(ex.claims)
        store.failures.clear()

    show = not quiet and len(sources) >= 20 and sys.stderr.isatty()
    with click.progressbar(length=len(sources), label="ingesting", file=sys.stderr, hidden=not show) as bar:
        done_sources = set()
        for result in extractions(fresh(), jobs or os.cpu_count() or 1):
            if isinstance(result, ReadError):
                report(result)
                source = result.source
            else:
                source = result.document.source
                if store.add(result):
                    counts["added"] += 1
                    earlier = store.earlier_versions(result.document)
                    if earlier:
                        click.echo(f"note: {source}: its text has changed since it was stored as article "
                                   f"{', '.join(map(str, earlier))}; the new text is added beside it", err=True)
                    counts["quotes"] += len(result.quotes)
                    counts["claims"] += len(result.claims)
                else:                       # the same text twice in this run
                    counts["present"] += 1
                report_failures()
            if source not in done_sources:
                done_sources.add(source)
                bar.update(1)
    store.close()
    report_failures()
    apply_corrections(db_path)      # the journalist's corrections, again over the new rows (tracker/corrections.py)
    elapsed = time.perf_counter() - started
    rate = counts["added"] / elapsed if elapsed else 0.0
    click.echo(f"{_n(counts['added'], 'article')} added, {counts['present']} already present, "
               f"{_n(counts['errors'], 'error')}; {_n(counts['quotes'], 'quote')}, {_n(counts['claims'], 'claim')}; "
               f"{elapsed:.1f} s ({rate:.0f} articles/s) -> {db_path}", err=True)
    if counts["errors"]:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--pretty", is_flag=True, help="indented JSON instead of one object a line")
def extract(paths, pretty):
    """Print the extraction of each article in PATHS as JSON, without a database."""
    failed = False
    for result in extractions(read(paths), 1):
        if isinstance(result, ReadError):
            click.echo(f"error: {result}", err=True)
            failed = True
            continue
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2 if pretty else None))
    if failed:
        sys.exit(1)


@cli.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
              type=click.Path(dir_okay=False, exists=True), help="database to serve")
@click.option("-p", "--port", default=8001, show_default=True, type=click.IntRange(0, 65535),
              help="port to listen on (0: any free port)")
@click.option("-h", "--host", default="127.0.0.1", show_default=True,
              help="address to listen on (0.0.0.0: every interface)")
@click.option("--public", "-i", "--immutable", "public", is_flag=True,
              help="serve a published copy, safe on the open web: turns WAL off, opens the file read-only "
                   "and immutable; no arbitrary SQL, no download of the file or of whole tables, row and "
                   "time limits, no file paths shown, robots blocked (--immutable is the old name)")
@click.option("--get", "get_path", metavar="PATH",
              help="print the page at PATH (e.g. /tracker/quotes) instead of serving; "
                   "exit status 1 unless it answers 200 (a smoke test)")
def serve(db_path, port, host, public, get_path):
    """Browse the database in Datasette, with the tracker's metadata, plugins and templates.

    The database's pages are under /NAME, NAME being the file name without its
    extension (demo.db: http://127.0.0.1:8001/demo).
    """
    import socket

    from .serve import database_name, serve as run

    if not get_path:
        try:        # a clear message now rather than a traceback from the server later
            with socket.create_server((host, port)):
                pass
        except OSError as e:
            raise click.ClickException(f"cannot listen on {host}:{port}: {os.strerror(e.errno) if e.errno else e} "
                                       f"(is another server running there? choose another with --port)")
        click.echo(f"serving {db_path} on http://{host}:{port}/{database_name(db_path)} (Ctrl-C stops)", err=True)
    if not run(db_path, host, port, public=public, get=get_path):
        sys.exit(1)


cli.add_command(correct)


if __name__ == "__main__":
    cli()
